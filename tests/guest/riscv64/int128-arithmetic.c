/*
 * 128-bit integer arithmetic (__int128): multiplication (mulhu/mulh and the
 * carry chains the compiler builds from them), division and remainder
 * (libgcc's __udivti3/__divti3 and friends, integer code on the guest),
 * shifts across the 64-bit boundary, and comparisons. Printed in hex.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

typedef unsigned __int128 u128;
typedef __int128 s128;

static void print_u128(const char *label, u128 x)
{
	printf("  %-6s %016" PRIx64 "%016" PRIx64 "\n", label,
	       (uint64_t)(x >> 64), (uint64_t)x);
}

static u128 make(uint64_t high, uint64_t low)
{
	return (u128)high << 64 | low;
}

int main(void)
{
	static const uint64_t halves[][2] = {
		{0, 1},
		{0, UINT64_MAX},
		{1, 0},
		{UINT64_MAX, UINT64_MAX},
		{0x8000000000000000, 0},
		{0x7fffffffffffffff, UINT64_MAX},
		{0x0123456789abcdef, 0xfedcba9876543210},
		{0, 10},
		{UINT64_MAX, UINT64_MAX - 6}, /* -7 */
	};
	const unsigned count = sizeof halves / sizeof halves[0];

	for (unsigned i = 0; i < count; i++) {
		for (unsigned j = 0; j < count; j++) {
			volatile u128 a = make(halves[i][0], halves[i][1]);
			volatile u128 b = make(halves[j][0], halves[j][1]);
			printf("a=%u b=%u\n", i, j);
			print_u128("add", a + b);
			print_u128("sub", a - b);
			print_u128("mul", a * b);
			print_u128("divu", a / b);
			print_u128("remu", a % b);
			s128 sa = (s128)a, sb = (s128)b;
			/* INT128_MIN / -1 overflows: skip it */
			if (!(sa == (s128)((u128)1 << 127) && sb == -1)) {
				print_u128("div", (u128)(sa / sb));
				print_u128("rem", (u128)(sa % sb));
			}
			printf("  lt %d ltu %d\n", sa < sb, a < b);
		}
	}
	for (unsigned i = 0; i < count; i++) {
		volatile u128 a = make(halves[i][0], halves[i][1]);
		static const unsigned shifts[] = {0, 1, 63, 64, 65, 127};
		for (unsigned k = 0; k < 6; k++) {
			volatile unsigned s = shifts[k];
			printf("value %u by %u\n", i, s);
			print_u128("shl", a << s);
			print_u128("shr", a >> s);
			print_u128("sar", (u128)((s128)a >> s));
		}
	}
	/* 64x64 -> 128 products, the mulhu/mulh idiom */
	volatile uint64_t x = UINT64_MAX, y = 0xfedcba9876543210;
	volatile int64_t sx = INT64_MIN, sy = -3;
	print_u128("umul", (u128)x * y);
	print_u128("smul", (u128)((s128)sx * sy));
	print_u128("sumul", (u128)((s128)sx * (s128)(u128)y));
	/* factorial 34 fits in 128 bits */
	u128 factorial = 1;
	for (volatile unsigned n = 1; n <= 34; n++)
		factorial *= n;
	print_u128("34!", factorial);
	char digits[64];
	int length = 0;
	for (u128 v = factorial; v; v /= 10)
		digits[length++] = (char)('0' + (int)(v % 10));
	printf("  34! = ");
	while (length)
		putchar(digits[--length]);
	printf("\n");
	return 0;
}
