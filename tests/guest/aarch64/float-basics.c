/* Floating point as C uses it: double and float arithmetic, fused
 * multiply-add, square root, conversions to and from integers (AArch64
 * saturates out-of-range values and turns NaN into 0), rounding
 * functions, comparisons with NaN, and printf's %f/%g/%e/%a. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static volatile double vd_third = 1.0 / 3.0, vd_big = 1e300, vd_tiny = 1e-300, vd_minus = -2.75, vd_zero = 0.0;
static volatile float vf_third = 1.0f / 3.0f, vf_big = 3e38f;

static uint64_t bits_of(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static int64_t to_int64(double d)
{
    int64_t r;
    __asm__("fcvtzs %0, %d1" : "=r"(r) : "w"(d));
    return r;
}

static uint32_t to_uint32(double d)
{
    uint32_t r;
    __asm__("fcvtzu %w0, %d1" : "=r"(r) : "w"(d));
    return r;
}

int main(void)
{
    double a = vd_third, b = vd_minus;
    printf("%.17g %.17g %.17g %.17g\n", a + b, a - b, a * b, a / b);
    float fa = vf_third;
    printf("%.9g %.9g %.9g\n", fa * 3.0f, fa + 1e-8f, (double)fa);
    printf("fma(1/3, 3, -1) = %a\n", fma(a, 3.0, -1.0));
    printf("fmaf = %a\n", fmaf(fa, 3.0f, -1.0f));
    printf("sqrt(2) = %.17g, sqrtf(2) = %.9g\n", sqrt(2.0 + vd_zero), sqrtf(2.0f + (float)vd_zero));
    printf("overflow %g, underflow %g, float overflow %g\n", vd_big * vd_big, vd_tiny * vd_tiny, vf_big * 10.0f);
    double nan_value = vd_zero / vd_zero;
    printf("0/0 is nan %d, sign bit %d, 1/0 = %g, -1/0 = %g\n", isnan(nan_value), signbit(nan_value) != 0,
           1.0 / vd_zero, -1.0 / vd_zero);
    printf("nan compares: < %d == %d != %d, fmax(nan, 1) = %g\n", nan_value < 1.0, nan_value == nan_value,
           nan_value != nan_value, fmax(nan_value, 1.0));
    printf("-0.0 == 0.0: %d, bits %016llx\n", -vd_zero == vd_zero, (unsigned long long)bits_of(-vd_zero));

    printf("(int)-2.75 = %d, (long)1e19 saturates to %lld, nan to %lld, (unsigned)-1.5 = %u\n", (int)b,
           (long long)to_int64(1e19 + vd_zero), (long long)to_int64(nan_value), to_uint32(-1.5 + vd_zero));
    printf("(double)INT64_MAX = %.1f, (float)16777217 = %.1f\n", (double)(INT64_MAX - (int64_t)vd_zero),
           (double)(float)(16777217 + (int)vd_zero));
    printf("round(-2.5) %g, rint(2.5) %g, floor(-2.75) %g, ceil(-2.75) %g, trunc(-2.75) %g, lround(2.5) %ld\n",
           round(-2.5 + vd_zero), rint(2.5 + vd_zero), floor(b), ceil(b), trunc(b), lround(2.5 + vd_zero));
    printf("nearbyint(0.5) %g, remainder(10, 3) %g, fmod(-10, 3) %g\n", nearbyint(0.5 + vd_zero),
           remainder(10.0 + vd_zero, 3.0), fmod(-10.0 + vd_zero, 3.0));
    printf("float->double->float exact %d, DBL_EPSILON %a, FLT_MIN %a\n", (float)(double)fa == fa, DBL_EPSILON,
           (double)FLT_MIN);
    printf("denormal %a, halved %a\n", DBL_MIN / 4 + vd_zero, (DBL_MIN / 4 + vd_zero) / 2);

    printf("%f %.2f %10.4f %-10.1f| %e %.3E\n", a, b, 3.14159265, 2.5, 123456.789, 0.000123456);
    printf("%g %g %g %g %G\n", 100000.0, 1000000.0, 0.0001, 0.00001, 1e-10);
    printf("%.0f %.0f %.0f %.1f\n", 0.5, 1.5, 2.5, 0.05);
    printf("%a %A\n", 1.0, -0.1);

    double sum = 0, harmonic = 0;
    for (int i = 1; i <= 1000; i++) {
        sum += sin(i * 0.01) * cos(i * 0.02);
        harmonic += 1.0 / i;
    }
    printf("sum %.15g, harmonic %.15g, exp %.15g, log %.15g, pow %.15g, atan2 %.15g\n", sum, harmonic,
           exp(1.0 + vd_zero), log(10.0 + vd_zero), pow(2.0 + vd_zero, 0.5), atan2(1.0, -1.0 + vd_zero));
    return 0;
}
