/* matmul: double-precision C = A * B for 384x384 matrices, i-k-j loop order
 * (unit stride in the inner loop), repeated with B perturbed each round; the
 * sum of C in a fixed order is the result (-ffp-contract=off: exact). */
#include "bench.h"

#define N      BENCH_SIZE(384, 192)
#define ROUNDS BENCH_SIZE(120, 1)

static double a[N][N], b[N][N], c[N][N];

int main(void)
{
    uint64_t rng = 11;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (double)(int64_t)(bench_next(&rng) % 2001 - 1000) / 256.0;
            b[i][j] = (double)(int64_t)(bench_next(&rng) % 2001 - 1000) / 512.0;
        }
    uint64_t result = 0;
    for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                c[i][j] = 0;
        for (int i = 0; i < N; i++)
            for (int k = 0; k < N; k++) {
                double aik = a[i][k];
                for (int j = 0; j < N; j++)
                    c[i][j] += aik * b[k][j];
            }
        double sum = 0;
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                sum += c[i][j] * (double)(1 + ((i + j) & 7));
        result = bench_mix(result, bench_double_bits(sum));
        b[round % N][(round * 7) % N] += 0.5;
    }
    return bench_check("matmul", result, BENCH_SIZE(0x7a45cbfec4ab1a59ull, 0xdf210534c02a7c15ull));
}
