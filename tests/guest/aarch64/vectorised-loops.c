/* Loops gcc -O3 vectorises with AdvSIMD: element-wise integer and float
 * arithmetic, reductions (sum, min, max, dot product), widening and
 * narrowing, conditional selects, byte histograms and strided loads.
 * Every result is folded into a printed checksum. */
#include <stdint.h>
#include <stdio.h>

enum { N = 1027 }; /* not a multiple of the vector length: the tails run too */

static int32_t ia[N], ib[N], ic[N];
static int16_t sa[N];
static uint8_t bytes[N], bytes_out[N];
static float fa[N], fb[N], fc[N];
static double da[N], db[N];

__attribute__((noinline)) static void integer_ops(void)
{
    for (int i = 0; i < N; i++)
        ic[i] = ia[i] * 3 + (ib[i] >> 2) - (ia[i] & ib[i]);
}

__attribute__((noinline)) static int64_t integer_sum(void)
{
    int64_t sum = 0;
    for (int i = 0; i < N; i++)
        sum += ic[i];
    return sum;
}

__attribute__((noinline)) static int32_t integer_min_max(int32_t *max_out)
{
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (int i = 0; i < N; i++) {
        lo = ic[i] < lo ? ic[i] : lo;
        hi = ic[i] > hi ? ic[i] : hi;
    }
    *max_out = hi;
    return lo;
}

__attribute__((noinline)) static int64_t widening_dot(void)
{
    int64_t dot = 0;
    for (int i = 0; i < N; i++)
        dot += (int32_t)sa[i] * (int32_t)sa[N - 1 - i];
    return dot;
}

__attribute__((noinline)) static void narrowing_saturate(void)
{
    for (int i = 0; i < N; i++) {
        int32_t v = ia[i] >> 3;
        bytes_out[i] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
    }
}

__attribute__((noinline)) static void byte_ops(void)
{
    for (int i = 0; i < N; i++)
        bytes_out[i] = (uint8_t)((bytes[i] + bytes_out[i] + 1) >> 1) ^ (bytes[i] > 128 ? 0xff : 0);
}

__attribute__((noinline)) static void float_ops(void)
{
    for (int i = 0; i < N; i++)
        fc[i] = fa[i] * fb[i] + fc[i] * 0.5f - (fa[i] > fb[i] ? fa[i] : fb[i]);
}

__attribute__((noinline)) static float float_sum(void)
{
    float sum = 0; /* without -ffast-math the order stays sequential */
    for (int i = 0; i < N; i++)
        sum += fc[i];
    return sum;
}

__attribute__((noinline)) static double double_ops(void)
{
    double dot = 0;
    for (int i = 0; i < N; i++) {
        da[i] = da[i] * 1.25 + db[i] / 8.0;
        db[i] = da[i] < 0 ? -da[i] : da[i];
    }
    for (int i = 0; i < N; i++)
        dot += da[i] * db[i];
    return dot;
}

__attribute__((noinline)) static void conversions(void)
{
    for (int i = 0; i < N; i++) {
        fa[i] = (float)ia[i] * 0.25f;
        ib[i] = (int32_t)(fb[i] * 100.0f);
        da[i] = (double)fc[i];
    }
}

__attribute__((noinline)) static uint64_t strided(void)
{
    uint64_t sum = 0;
    for (int i = 0; i + 2 < N; i += 3)
        sum += (uint64_t)(ia[i] + 2 * ia[i + 1] + 3 * ia[i + 2]) & 0xffff;
    return sum;
}

static uint64_t fold(uint64_t hash, const void *data, size_t size)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < size; i++)
        hash = (hash ^ p[i]) * 0x100000001b3ull;
    return hash;
}

int main(void)
{
    uint32_t x = 2463534242u;
    for (int i = 0; i < N; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        ia[i] = (int32_t)(x % 20001) - 10000;
        ib[i] = (int32_t)(x >> 7) % 3001 - 1500;
        sa[i] = (int16_t)(x >> 3);
        bytes[i] = (uint8_t)(x >> 11);
        fa[i] = (float)(int32_t)(x % 2001 - 1000) / 64.0f;
        fb[i] = (float)(int32_t)((x >> 9) % 2001 - 1000) / 32.0f;
        fc[i] = (float)i / 8.0f;
        da[i] = (double)ia[i] / 3.0;
        db[i] = (double)ib[i] / 7.0;
    }
    integer_ops();
    int32_t hi, lo = integer_min_max(&hi);
    printf("integer: sum %lld, min %d, max %d, checksum %016llx\n", (long long)integer_sum(), lo, hi,
           (unsigned long long)fold(0xcbf29ce484222325ull, ic, sizeof ic));
    printf("widening dot %lld\n", (long long)widening_dot());
    narrowing_saturate();
    byte_ops();
    printf("bytes checksum %016llx\n", (unsigned long long)fold(0xcbf29ce484222325ull, bytes_out, sizeof bytes_out));
    float_ops();
    printf("float: sum %.6g, checksum %016llx\n", (double)float_sum(),
           (unsigned long long)fold(0xcbf29ce484222325ull, fc, sizeof fc));
    printf("double: dot %.17g\n", double_ops());
    conversions();
    printf("conversions checksum %016llx %016llx %016llx\n",
           (unsigned long long)fold(0xcbf29ce484222325ull, fa, sizeof fa),
           (unsigned long long)fold(0xcbf29ce484222325ull, ib, sizeof ib),
           (unsigned long long)fold(0xcbf29ce484222325ull, da, sizeof da));
    printf("strided %llu\n", (unsigned long long)strided());
    return 0;
}
