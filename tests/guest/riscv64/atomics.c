/*
 * C11 atomics on 32 and 64-bit objects: fetch_add/sub/and/or/xor, exchange
 * and compare_exchange (strong and weak, success and failure), with several
 * memory orders; they compile to AMO instructions and LR/SC loops. (8 and
 * 16-bit atomics need libatomic with gcc 12, so they are left out.) Min and
 * max, which C11 lacks, use amomin/amomax (signed and unsigned) through
 * inline asm, and an LR/SC loop written by hand implements a saturating
 * increment. The program is single-threaded: it checks each operation's
 * results, not contention.
 */
#include <inttypes.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#define EXERCISE(type, format, name, start, operand)                           \
	do {                                                                   \
		_Atomic type object = (type)(start);                           \
		type seen[8];                                                  \
		seen[0] = atomic_fetch_add(&object, (type)(operand));          \
		seen[1] = atomic_fetch_sub_explicit(&object, (type)1,          \
						    memory_order_relaxed);     \
		seen[2] = atomic_fetch_and_explicit(&object, (type)(operand),  \
						    memory_order_acquire);     \
		seen[3] = atomic_fetch_or_explicit(&object, (type)0x5a,        \
						   memory_order_release);      \
		seen[4] = atomic_fetch_xor_explicit(&object, (type)(operand),  \
						    memory_order_acq_rel);     \
		seen[5] = atomic_exchange(&object, (type)(start));             \
		type expected = (type)(operand);                               \
		int first_cas = atomic_compare_exchange_strong(                \
			&object, &expected, (type)7);                          \
		seen[6] = expected; /* the current value, after failing */     \
		int second_cas = atomic_compare_exchange_strong_explicit(      \
			&object, &expected, (type)(operand),                   \
			memory_order_seq_cst, memory_order_relaxed);           \
		type weak_expected = (type)(operand);                          \
		while (!atomic_compare_exchange_weak(                          \
			&object, &weak_expected, (type)(weak_expected + 1)))   \
			;                                                      \
		seen[7] = atomic_load(&object);                                \
		printf("%-8s", name);                                          \
		for (int i = 0; i < 8; i++)                                    \
			printf(" " format, seen[i]);                           \
		printf(" cas %d %d\n", first_cas, second_cas);                 \
	} while (0)

#define AMO(instruction, type, start, operand)                                 \
	do {                                                                   \
		type memory = (type)(start);                                   \
		type old;                                                      \
		__asm__ volatile(instruction " %0, %2, %1"                     \
				 : "=r"(old), "+A"(memory)                     \
				 : "r"((type)(operand))                        \
				 : "memory");                                  \
		printf("%-12s %016" PRIx64 " %016" PRIx64                      \
		       " -> old %016" PRIx64 " new %016" PRIx64 "\n",          \
		       instruction, (uint64_t)(type)(start),                   \
		       (uint64_t)(type)(operand), (uint64_t)old,               \
		       (uint64_t)memory);                                      \
	} while (0)

/* *counter = min(*counter + 1, limit), by LR/SC; returns the old value */
static uint64_t saturating_increment(uint64_t *counter, uint64_t limit)
{
	uint64_t old, new_value, failed;
	__asm__ volatile("1: lr.d.aq %0, (%3)\n"
			 "   mv %1, %0\n"
			 "   bgeu %1, %4, 2f\n"
			 "   addi %1, %1, 1\n"
			 "2: sc.d.rl %2, %1, (%3)\n"
			 "   bnez %2, 1b\n"
			 : "=&r"(old), "=&r"(new_value), "=&r"(failed)
			 : "r"(counter), "r"(limit)
			 : "memory");
	return old;
}

/* a 32-bit fetch-and-multiply by LR/SC */
static uint32_t fetch_multiply(uint32_t *word, uint32_t factor)
{
	uint32_t old, product, failed;
	__asm__ volatile("1: lr.w %0, (%3)\n"
			 "   mulw %1, %0, %4\n"
			 "   sc.w %2, %1, (%3)\n"
			 "   bnez %2, 1b\n"
			 : "=&r"(old), "=&r"(product), "=&r"(failed)
			 : "r"(word), "r"(factor)
			 : "memory");
	return old;
}

int main(void)
{
	EXERCISE(uint32_t, "%08" PRIx32, "u32", 0xfffffff0, 0x12345678);
	EXERCISE(int32_t, "%" PRId32, "s32", INT32_MAX, -100);
	EXERCISE(uint64_t, "%016" PRIx64, "u64", 0xfffffffffffffff0,
		 0x123456789abcdef0);
	EXERCISE(int64_t, "%" PRId64, "s64", INT64_MIN, -1);

	AMO("amomin.w", int32_t, -1, 1);
	AMO("amomin.w", int32_t, INT32_MAX, INT32_MIN);
	AMO("amomax.w", int32_t, -1, 1);
	AMO("amomax.w.aq", int32_t, INT32_MIN, -2);
	AMO("amominu.w", uint32_t, 0xffffffff, 1);
	AMO("amominu.w.rl", uint32_t, 0x80000000, 0x7fffffff);
	AMO("amomaxu.w", uint32_t, 0xffffffff, 1);
	AMO("amomaxu.w", uint32_t, 0, 0x80000000);
	AMO("amomin.d", int64_t, -1, 1);
	AMO("amomin.d.aqrl", int64_t, INT64_MAX, INT64_MIN);
	AMO("amomax.d", int64_t, -1, 1);
	AMO("amomax.d", int64_t, INT64_MIN, -2);
	AMO("amominu.d", uint64_t, UINT64_MAX, 1);
	AMO("amominu.d", uint64_t, 0x8000000000000000, 0x7fffffffffffffff);
	AMO("amomaxu.d", uint64_t, UINT64_MAX, 1);
	AMO("amomaxu.d.aq", uint64_t, 0, 0x8000000000000000);
	AMO("amoswap.w", int32_t, -5, 0x7fffffff);
	AMO("amoadd.w", int32_t, INT32_MAX, 1);
	AMO("amoadd.d", int64_t, -1, 2);

	uint64_t counter = 0;
	uint64_t old_sum = 0;
	for (int i = 0; i < 20; i++)
		old_sum += saturating_increment(&counter, 15);
	printf("saturating increment x20 to 15: counter %" PRIu64
	       " sum of old values %" PRIu64 "\n",
	       counter, old_sum);

	uint32_t word = 1;
	for (int i = 0; i < 40; i++)
		fetch_multiply(&word, 3);
	printf("fetch_multiply 3^40 mod 2^32: %08" PRIx32 "\n", word);

	_Atomic int flag = 0;
	atomic_thread_fence(memory_order_seq_cst);
	printf("atomic_flag-like test_and_set: %d %d\n",
	       atomic_exchange(&flag, 1), atomic_exchange(&flag, 1));
	printf("lock-free: int %d long %d llong %d\n", ATOMIC_INT_LOCK_FREE,
	       ATOMIC_LONG_LOCK_FREE, ATOMIC_LLONG_LOCK_FREE);
	return 0;
}
