/*
 * Division edge cases. The defined C cases (signs, truncation toward zero,
 * unsigned) are written in C; the cases C leaves undefined (x / 0, x % 0,
 * INT64_MIN / -1) are executed as the riscv64 instructions, via inline asm,
 * whose results the M extension defines: quotient all ones and remainder the
 * dividend for division by zero, quotient the dividend and remainder 0 for
 * signed overflow. The W forms divide the low 32 bits and sign-extend.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static const int64_t dividends[] = {
	0,
	1,
	-1,
	7,
	-7,
	100,
	INT64_MAX,
	INT64_MIN,
	INT32_MIN,
	INT32_MAX,
	(int64_t)0xffffffff,
	0x123456789,
};
static const int64_t divisors[] = {1,  -1, 2,	      -2,	 3,
				   -7, 10, INT64_MAX, INT64_MIN, INT32_MIN};
#define COUNT(array) (sizeof array / sizeof array[0])

#define RISCV_OP(op, a, b)                                                     \
	({                                                                     \
		uint64_t result_;                                              \
		__asm__(op " %0, %1, %2" : "=r"(result_) : "r"(a), "r"(b));    \
		result_;                                                       \
	})

static void print_instructions(int64_t a, int64_t b)
{
	printf("%" PRId64 " op %" PRId64 ":\n", a, b);
	printf("  div %016" PRIx64 " rem %016" PRIx64 " divu %016" PRIx64
	       " remu %016" PRIx64 "\n",
	       RISCV_OP("div", a, b), RISCV_OP("rem", a, b),
	       RISCV_OP("divu", a, b), RISCV_OP("remu", a, b));
	printf("  divw %016" PRIx64 " remw %016" PRIx64 " divuw %016" PRIx64
	       " remuw %016" PRIx64 "\n",
	       RISCV_OP("divw", a, b), RISCV_OP("remw", a, b),
	       RISCV_OP("divuw", a, b), RISCV_OP("remuw", a, b));
}

int main(void)
{
	for (unsigned i = 0; i < COUNT(dividends); i++) {
		for (unsigned j = 0; j < COUNT(divisors); j++) {
			volatile int64_t a = dividends[i], b = divisors[j];
			if (a == INT64_MIN && b == -1)
				continue; /* undefined in C; see below */
			volatile int32_t wa = (int32_t)a, wb = (int32_t)b;
			printf("%" PRId64 " / %" PRId64 " = %" PRId64
			       " r %" PRId64 "; unsigned %" PRIu64
			       " r %" PRIu64,
			       a, b, a / b, a % b, (uint64_t)a / (uint64_t)b,
			       (uint64_t)a % (uint64_t)b);
			if (wb != 0 && !(wa == INT32_MIN && wb == -1))
				printf("; 32-bit %" PRId32 " r %" PRId32,
				       wa / wb, wa % wb);
			if (wb != 0)
				printf("; 32-bit unsigned %" PRIu32
				       " r %" PRIu32,
				       (uint32_t)wa / (uint32_t)wb,
				       (uint32_t)wa % (uint32_t)wb);
			printf("\n");
		}
	}

	static const int64_t edge_dividends[] = {
		0,	   1,	      -1,
		42,	   -42,	      INT64_MIN,
		INT64_MAX, INT32_MIN, 0x123456780000002a,
	};
	static const int64_t edge_divisors[] = {0, -1, 0x100000000, 0xffffffff};
	for (unsigned i = 0; i < COUNT(edge_dividends); i++)
		for (unsigned j = 0; j < COUNT(edge_divisors); j++)
			print_instructions(edge_dividends[i], edge_divisors[j]);
	return 0;
}
