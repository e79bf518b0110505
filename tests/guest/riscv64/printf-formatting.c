/*
 * printf conversions over many types: signed and unsigned integers of every
 * width with flags, field widths and precisions; %c, %s with precision; %p
 * of fixed pointers; %n; floating point in %f, %e, %g and %a with rounding
 * of halfway cases; infinities and NaN; and long double, which is IEEE
 * binary128 on riscv64 (so its digits differ from x86's 80-bit format).
 * Also snprintf truncation and its return value.
 */
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int main(void)
{
	printf("[%d] [%i] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%8.3d]\n", 42,
	       -42, 42, 42, -42, 42, 42, 7, -7);
	printf("[%d] [%d] [%u] [%x] [%X] [%o] [%#x] [%#o] [%#X]\n", INT_MIN,
	       INT_MAX, UINT_MAX, 0xdeadbeef, 0xdeadbeef, 8, 255, 8, 0);
	printf("[%hhd] [%hhu] [%hd] [%hu] [%hhx]\n", (signed char)-128,
	       (unsigned char)255, (short)-32768, (unsigned short)65535,
	       (unsigned char)0xab);
	printf("[%ld] [%lu] [%lx] [%lld] [%llu] [%llo]\n", LONG_MIN, ULONG_MAX,
	       LONG_MAX, LLONG_MIN, ULLONG_MAX, ULLONG_MAX);
	printf("[%zu] [%zd] [%td] [%jd] [%ju]\n", sizeof(long double),
	       (ssize_t)-1, (ptrdiff_t)-3, INTMAX_MIN, UINTMAX_MAX);
	printf("[%" PRId8 "] [%" PRIu16 "] [%" PRIx32 "] [%" PRIX64
	       "] [%" PRIo64 "]\n",
	       INT8_MIN, UINT16_MAX, UINT32_MAX, UINT64_MAX, (uint64_t)1 << 63);
	printf("[%.0d] [%.0x] [%#.0o] [%+.0d]\n", 0, 0, 0, 0);
	printf("[%*d] [%-*d] [%.*d] [%*.*s]\n", 6, 1, 6, 2, 4, 3, 8, 3,
	       "abcdef");

	printf("[%c] [%3c] [%-3c] [%%]\n", 'x', 'y', 'z');
	printf("[%s] [%10s] [%-10s] [%.3s] [%.0s] [%s]\n", "hello", "right",
	       "left", "truncate", "gone", "");
	printf("[%p] [%p] [%20p]\n", (void *)0x1234, (void *)UINTPTR_MAX,
	       (void *)0xabc);
	printf("[%p]\n", (void *)0);

	int count_a = 0, count_b = 0;
	printf("abc%n-defgh%n|\n", &count_a, &count_b);
	printf("[%%n counted %d and %d]\n", count_a, count_b);

	volatile double values[] = {0.0,     -0.0,    1.0,
				    -1.5,    0.1,     123456.789,
				    1e-10,   1e22,    1.0 / 3.0,
				    DBL_MAX, DBL_MIN, 4.9406564584124654e-324,
				    2.5,     0.125};
	for (unsigned i = 0; i < sizeof values / sizeof values[0]; i++) {
		double x = values[i];
		printf("[%f] [%.2f] [%e] [%.3E] [%g] [%G] [%.10g] [%a] [%A] "
		       "[%#g] [%+012.4f]\n",
		       x, x, x, x, x, x, x, x, x, x, x);
	}
	/* halfway cases round to even in the binary value's decimal digits */
	printf("[%.0f] [%.0f] [%.0f] [%.0f] [%.1f] [%.2f] [%.1f]\n", 0.5, 1.5,
	       2.5, -0.5, 0.25, 1.005, 0.05);
	printf("[%.30f]\n", 0.1);
	printf("[%.60g]\n", 1e-300);
	printf("[%.17g] [%.17g]\n", 9007199254740993.0, 0.3);
	volatile double zero = 0.0;
	printf("[%f] [%F] [%e] [%g] [%5.1f] [%-6f|] [%+f]\n", 1 / zero,
	       -1 / zero, 1 / zero, -1 / zero, 1 / zero, 1 / zero, 1 / zero);
	printf("[%f] [%F] [%10g] [%-10e|]\n", fabs(zero / zero),
	       fabs(zero / zero), fabs(zero / zero), fabs(zero / zero));
	printf("[%f] [%e] [%a]\n", (double)3.14159274f, (double)FLT_MAX,
	       (double)FLT_MIN);

	/* binary128 long double: the digits past the 17th exist */
	volatile long double third = 1.0L / 3.0L;
	printf("[%.40Lf]\n", third);
	printf("[%.36Le] [%La]\n", (long double)2 / 7, third);
	printf("[%Lg] [%.20Lg]\n", (long double)LDBL_MAX,
	       (long double)LDBL_EPSILON);

	char small[8];
	const char *volatile word = "truncated"; /* not a constant to gcc */
	int needed = snprintf(small, sizeof small, "%s-%d", word, 12345);
	printf("snprintf wanted %d, kept \"%s\"\n", needed, small);
	needed = snprintf(NULL, 0, "%0100d", 1);
	printf("snprintf(NULL, 0) wanted %d\n", needed);
	printf("[%-#8.3x] [%-8d] [%+d] [%#5o] [%08.3f] [%-8d|]\n", 0x1f, 5, 3,
	       9, -1.5, 7);
	return 0;
}
