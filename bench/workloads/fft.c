/* fft: iterative radix-2 complex FFT of 65536 points, forward then inverse,
 * repeated; twiddle factors come from a Taylor series written here (no libm,
 * whose last bit may differ between hosts), and -ffp-contract=off keeps
 * every operation rounded alike on host and guest. */
#include "bench.h"

#define LOG2_SIZE 16
#define SIZE      (1 << LOG2_SIZE)
#define ROUNDS    BENCH_SIZE(280, 8)
#define PI        3.141592653589793

static double re[SIZE], im[SIZE], twiddle_re[SIZE / 2], twiddle_im[SIZE / 2];

/* sin and cos of x in [-pi/4, pi/4] by Taylor series to x^21 */
static void sin_cos_small(double x, double *s, double *c)
{
    double x2 = x * x, term_s = x, term_c = 1, sum_s = x, sum_c = 1;
    for (int n = 1; n <= 10; n++) {
        term_s = -term_s * x2 / (double)((2 * n) * (2 * n + 1));
        term_c = -term_c * x2 / (double)((2 * n - 1) * (2 * n));
        sum_s += term_s;
        sum_c += term_c;
    }
    *s = sum_s;
    *c = sum_c;
}

/* sin and cos of 2*pi*k/SIZE, reduced to the first octant */
static void make_twiddles(void)
{
    for (int k = 0; k < SIZE / 2; k++) {
        int octant = k / (SIZE / 8), r = k % (SIZE / 8);
        double s, c;
        if (octant == 0 || octant == 2) {
            sin_cos_small(2 * PI * r / SIZE, &s, &c);
        } else {
            sin_cos_small(2 * PI * (SIZE / 8 - r) / SIZE, &c, &s);
        }
        /* octants 2 and 3 are those of 0 and 1 turned by 90 degrees */
        if (octant >= 2) {
            double t = s;
            s = c;
            c = -t;
        }
        twiddle_re[k] = c;
        twiddle_im[k] = -s;
    }
}

static void fft(int inverse)
{
    for (int i = 1, j = 0; i < SIZE; i++) {
        int bit = SIZE >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j) {
            double t = re[i];
            re[i] = re[j];
            re[j] = t;
            t = im[i];
            im[i] = im[j];
            im[j] = t;
        }
    }
    for (int length = 2; length <= SIZE; length <<= 1) {
        int half = length / 2, stride = SIZE / length;
        for (int start = 0; start < SIZE; start += length)
            for (int k = 0; k < half; k++) {
                double wr = twiddle_re[k * stride], wi = inverse ? -twiddle_im[k * stride] : twiddle_im[k * stride];
                int p = start + k, q = p + half;
                double xr = re[q] * wr - im[q] * wi, xi = re[q] * wi + im[q] * wr;
                re[q] = re[p] - xr;
                im[q] = im[p] - xi;
                re[p] += xr;
                im[p] += xi;
            }
    }
    if (inverse)
        for (int i = 0; i < SIZE; i++) {
            re[i] /= SIZE;
            im[i] /= SIZE;
        }
}

int main(void)
{
    make_twiddles();
    uint64_t rng = 13, result = 0;
    for (int i = 0; i < SIZE; i++) {
        re[i] = (double)(int64_t)(bench_next(&rng) % 20001 - 10000) / 1000.0;
        im[i] = 0;
    }
    for (int round = 0; round < ROUNDS; round++) {
        fft(0);
        double energy = 0;
        for (int i = 0; i < SIZE; i += 7)
            energy += re[i] * re[i] + im[i] * im[i];
        fft(1);
        result = bench_mix(result, bench_double_bits(energy));
        result = bench_mix(result, bench_double_bits(re[round]));
        re[round % SIZE] += 1.0;
    }
    printf("fft: re[0] %.12f\n", re[0]);
    return bench_check("fft", result, BENCH_SIZE(0x887db72d129d46d0ull, 0xe5010ec73c05965cull));
}
