/* Integer edge cases as an aarch64 program meets them: division by zero
 * (sdiv/udiv give 0, nothing traps), INT_MIN / -1, overflow checks,
 * shifts by register (the amount is taken modulo the width), bitfield
 * extraction through C bitfields and masks, clz/ctz/rbit/rev/popcount. */
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

static int64_t sdiv64(int64_t a, int64_t b)
{
    int64_t q;
    __asm__("sdiv %0, %1, %2" : "=r"(q) : "r"(a), "r"(b));
    return q;
}

static uint32_t udiv32(uint32_t a, uint32_t b)
{
    uint32_t q;
    __asm__("udiv %w0, %w1, %w2" : "=r"(q) : "r"(a), "r"(b));
    return q;
}

static uint64_t lsl_register(uint64_t value, uint64_t amount)
{
    uint64_t r;
    __asm__("lsl %0, %1, %2" : "=r"(r) : "r"(value), "r"(amount));
    return r;
}

static int32_t asr_register_w(int32_t value, uint32_t amount)
{
    int32_t r;
    __asm__("asr %w0, %w1, %w2" : "=r"(r) : "r"(value), "r"(amount));
    return r;
}

static uint64_t rbit64(uint64_t value)
{
    uint64_t r;
    __asm__("rbit %0, %1" : "=r"(r) : "r"(value));
    return r;
}

struct packed_fields {
    unsigned low : 3;
    signed middle : 7;
    unsigned high : 22;
};

/* volatile: the compiler must not fold the operations away */
static volatile int64_t v_int64_min = INT64_MIN, v_minus1 = -1, v_zero = 0, v_seven = 7, v_minus7 = -7;
static volatile uint64_t v_pattern = 0x0123456789abcdefULL;

int main(void)
{
    printf("sdiv 100/0 = %" PRId64 "\n", sdiv64(100, v_zero));
    printf("sdiv INT64_MIN/-1 = %" PRId64 "\n", sdiv64(v_int64_min, v_minus1));
    printf("udiv 7/0 = %u\n", udiv32(7, (uint32_t)v_zero));
    printf("-7/2 = %" PRId64 ", -7%%2 = %" PRId64 ", 7/-2 = %" PRId64 ", 7%%-2 = %" PRId64 "\n", v_minus7 / 2,
           v_minus7 % 2, v_seven / -2, v_seven % -2);
    printf("unsigned 0xffffffffffffffff/7 = %" PRIu64 "\n", (uint64_t)v_minus1 / (uint64_t)v_seven);

    int64_t sum;
    int overflow = __builtin_add_overflow(v_int64_min, v_minus1, &sum);
    printf("INT64_MIN + -1: overflow %d, wrapped %" PRId64 "\n", overflow, sum);
    int32_t product;
    overflow = __builtin_mul_overflow((int32_t)65536, (int32_t)v_seven * 5000, &product);
    printf("65536 * 35000: overflow %d, wrapped %" PRId32 "\n", overflow, product);
    uint64_t difference;
    overflow = __builtin_sub_overflow((uint64_t)v_zero, (uint64_t)v_seven, &difference);
    printf("0u - 7: borrow %d, wrapped %" PRIu64 "\n", overflow, difference);
    __int128 wide = (__int128)v_int64_min * v_int64_min;
    printf("INT64_MIN^2 = 0x%016" PRIx64 "%016" PRIx64 "\n", (uint64_t)(wide >> 64), (uint64_t)wide);

    for (uint64_t amount = 0; amount < 130; amount += 31)
        printf("lsl 1 by %" PRIu64 " = 0x%" PRIx64 "\n", amount, lsl_register(1, amount));
    printf("asr w -256 by 36 = %d\n", asr_register_w(-256, 36));

    struct packed_fields fields;
    uint32_t raw = 0xdeadbeef;
    __builtin_memcpy(&fields, &raw, sizeof raw);
    printf("bitfields: low %u middle %d high 0x%x\n", fields.low, fields.middle, fields.high);
    uint64_t p = v_pattern;
    printf("extract [19:8] = 0x%" PRIx64 ", signed [15:12] = %" PRId64 "\n", (p >> 8) & 0xfff,
           (int64_t)(p << 48) >> 60);
    printf("insert: 0x%" PRIx64 "\n", (uint64_t)((p & ~(0xffULL << 24)) | (0x5aULL << 24)));

    printf("clz 0x%" PRIx64 " = %d, ctz = %d, popcount = %d\n", p, __builtin_clzll(p), __builtin_ctzll(p),
           __builtin_popcountll(p));
    printf("clz 1 = %d, clzl 0x80000000 (32 bit) = %d, clrsb -2 = %d\n", __builtin_clzll(1),
           __builtin_clz(0x80000000u), __builtin_clrsbll(-2));
    printf("rbit = 0x%016" PRIx64 "\n", rbit64(p));
    printf("bswap64 = 0x%016" PRIx64 ", bswap32 = 0x%08x, bswap16 = 0x%04x\n", __builtin_bswap64(p),
           __builtin_bswap32((uint32_t)p), __builtin_bswap16((uint16_t)p));
    printf("rotate left 12 = 0x%016" PRIx64 "\n", (p << 12) | (p >> 52));
    int64_t m = v_minus7;
    printf("abs %lld, min/max %" PRId64 "/%" PRId64 "\n", (long long)(m < 0 ? -m : m), m < v_seven ? m : v_seven,
           m > v_seven ? m : v_seven);
    return 0;
}
