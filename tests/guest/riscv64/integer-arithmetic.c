/*
 * Integer arithmetic at the edges: add, sub, mul, logic, comparisons and
 * shifts on 64-bit edge values, and the 32-bit operations whose results are
 * sign-extended to 64 bits (addw, subw, mulw, sllw, srlw, sraw on riscv64).
 * Everything is computed with unsigned or fixed-width types so no operation
 * is undefined in C; volatile keeps the compiler from folding the results.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static const uint64_t values[] = {
	0,
	1,
	UINT64_MAX,
	0x8000000000000000,
	0x7fffffffffffffff,
	0x80000000,
	0x7fffffff,
	0xffffffff,
	0xffffffff80000000,
	0x8000000000000001,
	0x123456789abcdef0,
};
#define COUNT (sizeof values / sizeof values[0])

static const unsigned shifts[] = {0, 1, 31, 32, 33, 63};

int main(void)
{
	for (unsigned i = 0; i < COUNT; i++) {
		for (unsigned j = 0; j < COUNT; j++) {
			volatile uint64_t a = values[i], b = values[j];
			int64_t sa = (int64_t)a, sb = (int64_t)b;
			printf("%016" PRIx64 " %016" PRIx64 ": add %016" PRIx64
			       " sub %016" PRIx64 " mul %016" PRIx64
			       " and %016" PRIx64 " or %016" PRIx64
			       " xor %016" PRIx64 " lt %d ltu %d eq %d\n",
			       a, b, a + b, a - b, a * b, a & b, a | b, a ^ b,
			       sa < sb, a < b, a == b);
			uint32_t wa = (uint32_t)a, wb = (uint32_t)b;
			printf("  w: addw %016" PRIx64 " subw %016" PRIx64
			       " mulw %016" PRIx64 " lt %d ltu %d\n",
			       (uint64_t)(int64_t)(int32_t)(wa + wb),
			       (uint64_t)(int64_t)(int32_t)(wa - wb),
			       (uint64_t)(int64_t)(int32_t)(wa * wb),
			       (int32_t)wa < (int32_t)wb, wa < wb);
		}
	}
	for (unsigned i = 0; i < COUNT; i++) {
		for (unsigned k = 0; k < sizeof shifts / sizeof shifts[0];
		     k++) {
			volatile uint64_t a = values[i];
			volatile unsigned s = shifts[k];
			printf("%016" PRIx64 " by %2u: sll %016" PRIx64
			       " srl %016" PRIx64 " sra %016" PRIx64,
			       a, s, a << s, a >> s,
			       (uint64_t)((int64_t)a >> s));
			if (s < 32) {
				uint32_t w = (uint32_t)a;
				printf(" sllw %016" PRIx64 " srlw %016" PRIx64
				       " sraw %016" PRIx64,
				       (uint64_t)(int64_t)(int32_t)(w << s),
				       (uint64_t)(int64_t)(int32_t)(w >> s),
				       (uint64_t)(int64_t)((int32_t)w >> s));
			}
			printf("\n");
		}
	}
	/* narrowing and widening conversions */
	for (unsigned i = 0; i < COUNT; i++) {
		volatile uint64_t a = values[i];
		printf("%016" PRIx64 ": (int8) %d (uint8) %u (int16) %d "
		       "(uint16) %u (int32) %" PRId32 " (uint32) %" PRIu32 "\n",
		       a, (int8_t)a, (uint8_t)a, (int16_t)a, (uint16_t)a,
		       (int32_t)a, (uint32_t)a);
	}
	return 0;
}
