/* recursion: naive Fibonacci, Ackermann (deep: thousands of frames) and
 * Takeuchi's function; calls and returns dominate. noinline keeps the
 * compiler from turning the recursion into loops. */
#include "bench.h"

#define FIB_N       BENCH_SIZE(42, 31)
#define ACKERMANN_N BENCH_SIZE(11, 9)
#define TAK_ROUNDS  BENCH_SIZE(300, 10)

__attribute__((noinline)) static uint64_t fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

__attribute__((noinline)) static uint64_t ackermann(uint64_t m, uint64_t n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

__attribute__((noinline)) static int tak(int x, int y, int z)
{
    if (y >= x)
        return z;
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
}

int main(void)
{
    uint64_t result = fib(FIB_N);
    result = bench_mix(result, ackermann(3, ACKERMANN_N));
    for (int round = 0; round < TAK_ROUNDS; round++)
        result = bench_mix(result, (uint64_t)tak(18 + round % 3, 12, 6));
    return bench_check("recursion", result, BENCH_SIZE(0x8d55b092331d59e4ull, 0xcb26ee1110b5d520ull));
}
