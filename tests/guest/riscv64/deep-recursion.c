/* Deep recursion: a hundred thousand nested calls and returns (the JIT's
 * indirect exits for every return), and mutual recursion. */
#include <stdint.h>
#include <stdio.h>

static __attribute__((noinline)) uint64_t depth_sum(uint64_t n)
{
	if (n == 0)
		return 0;
	return n + depth_sum(n - 1) * 3 % 1000003;
}

static __attribute__((noinline)) int is_odd(unsigned n);
static __attribute__((noinline)) int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static __attribute__((noinline)) int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

int main(void)
{
	printf("depth_sum(100000) = %llu\n", (unsigned long long)depth_sum(100000));
	printf("is_even(77777) = %d, is_odd(77777) = %d\n", is_even(77777), is_odd(77777));
	return 0;
}
