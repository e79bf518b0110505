/*
 * Deep and branchy recursion: Ackermann's function (deep call chains, many
 * returns), naive Fibonacci (many calls), mutual recursion, and a recursion
 * depth of 50000 frames (about 4 MB of guest stack) with locals on each.
 */
#include <stdint.h>
#include <stdio.h>

static unsigned long calls;

static unsigned long ackermann(unsigned long m, unsigned long n)
{
	calls++;
	if (m == 0)
		return n + 1;
	if (n == 0)
		return ackermann(m - 1, 1);
	return ackermann(m - 1, ackermann(m, n - 1));
}

static unsigned long fibonacci(unsigned n)
{
	calls++;
	return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
}

static int is_odd(unsigned n);

static int is_even(unsigned n)
{
	return n == 0 ? 1 : is_odd(n - 1);
}

static int is_odd(unsigned n)
{
	return n == 0 ? 0 : is_even(n - 1);
}

/* each frame holds an array, so the stack grows by ~100 bytes a level */
static uint64_t deep(unsigned n)
{
	volatile uint64_t locals[8];
	for (int i = 0; i < 8; i++)
		locals[i] = n * 8u + (unsigned)i;
	if (n == 0)
		return 0;
	uint64_t below = deep(n - 1);
	return below + locals[n % 8];
}

int main(void)
{
	for (unsigned long m = 0; m <= 3; m++) {
		for (unsigned long n = 0; n <= 5; n++) {
			calls = 0;
			unsigned long value = ackermann(m, n);
			printf("ackermann(%lu, %lu) = %lu in %lu calls\n", m, n,
			       value, calls);
		}
	}
	calls = 0;
	unsigned long value = ackermann(3, 7);
	printf("ackermann(3, 7) = %lu in %lu calls\n", value, calls);
	for (unsigned n = 0; n <= 27; n += 3) {
		calls = 0;
		value = fibonacci(n);
		printf("fibonacci(%u) = %lu in %lu calls\n", n, value, calls);
	}
	volatile unsigned parity_input = 10001;
	printf("is_even(10001) = %d\n", is_even(parity_input));
	volatile unsigned depth = 50000;
	printf("deep(50000) = %llu\n", (unsigned long long)deep(depth));
	return 0;
}
