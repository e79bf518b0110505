/* AdvSIMD integer lane arithmetic (Arm ARM C4.1.95, C7.2): the ISA
 * language has no loops, so per-lane work is here, one function per
 * encoding group, keyed by U:opcode as the manual's tables are.  A vector
 * is an unsigned __int128; size is the element size code (0: 8 bits .. 3:
 * 64), q says 128 (1) or 64 (0) bits are used, and a 64-bit result leaves
 * the upper half zero as the instructions do.  The scalar forms call the
 * same functions with lane 0 alone (a64-simd.isa's lane0).  Saturating
 * operations set FPSR.QC. */
#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

typedef unsigned __int128 vec;

#define FPSR_QC (UINT32_C(1) << 27)

static unsigned lane_bits(uint64_t size)
{
    return 8u << size;
}
static unsigned lanes(uint64_t size, uint64_t q)
{
    return (q ? 128u : 64u) / lane_bits(size);
}
static uint64_t lane_mask(uint64_t size)
{
    return size == 3 ? ~UINT64_C(0) : (UINT64_C(1) << lane_bits(size)) - 1;
}
/* Lanes never straddle the two 64-bit halves, so lane access works on one
 * half with 64-bit shifts (a 128-bit shift by a variable amount is a
 * branchy sequence on the host). */
static uint64_t get(vec v, uint64_t size, unsigned i)
{
    unsigned offset = i * lane_bits(size);
    uint64_t half = offset < 64 ? (uint64_t)v : (uint64_t)(v >> 64);
    return (half >> (offset % 64)) & lane_mask(size);
}
static vec put(vec v, uint64_t size, unsigned i, uint64_t x)
{
    unsigned offset = i * lane_bits(size);
    uint64_t low = (uint64_t)v, high = (uint64_t)(v >> 64);
    uint64_t mask = lane_mask(size) << (offset % 64), bits = (x << (offset % 64)) & mask;
    if (offset < 64)
        low = (low & ~mask) | bits;
    else
        high = (high & ~mask) | bits;
    return (vec)high << 64 | low;
}
static int64_t sget(vec v, uint64_t size, unsigned i)
{
    unsigned bits = lane_bits(size);
    uint64_t x = get(v, size, i);
    return bits == 64 ? (int64_t)x : (int64_t)(x << (64 - bits)) >> (64 - bits);
}
/* the lower half of d, which the "2" forms of narrowing operations keep */
static vec low_half(vec d, uint64_t q)
{
    return q ? d & ~(vec)0 >> 64 : 0;
}

/* --- the arithmetic the groups share ---------------------------------------- */

/* SignedSatQ / UnsignedSatQ (J1.1.3): x clamped to bits, noting saturation */
static uint64_t saturate_signed(__int128 x, unsigned bits, bool *saturated)
{
    __int128 max = ((__int128)1 << (bits - 1)) - 1, min = -max - 1;
    if (x > max || x < min) {
        *saturated = true;
        return (uint64_t)(x > max ? max : min);
    }
    return (uint64_t)x;
}
static uint64_t saturate_unsigned(__int128 x, unsigned bits, bool *saturated)
{
    __int128 max = ((__int128)1 << bits) - 1;
    if (x < 0 || x > max) {
        *saturated = true;
        return x < 0 ? 0 : (uint64_t)max;
    }
    return (uint64_t)x;
}
static uint64_t saturate(__int128 x, unsigned bits, bool is_signed, bool *saturated)
{
    return is_signed ? saturate_signed(x, bits, saturated) : saturate_unsigned(x, bits, saturated);
}

/* A lane value (at most 64 bits, signed or not) shifted left by amount, or
 * right by -amount with rounding (add half the last bit shifted out),
 * exactly: a left shift past 64 bits keeps only the sign and magnitude of
 * "too big" (so it saturates) with zero low bits (so it truncates to 0);
 * right shifts past 100 bits give what 100 gives. */
static __int128 shift_exact(__int128 value, int amount, bool round)
{
    if (amount >= 0) {
        if (value == 0 || amount < 64)
            return (__int128)((vec)value << amount);
        return value > 0 ? (__int128)1 << 126 : -((__int128)1 << 126);
    }
    int right = -amount > 100 ? 100 : -amount;
    if (round)
        value += (__int128)1 << (right - 1);
    return value >> right;
}

static uint64_t absolute_difference(uint64_t x, uint64_t y, int64_t sx, int64_t sy, bool is_signed)
{
    if (is_signed)
        return sx > sy ? (uint64_t)sx - (uint64_t)sy : (uint64_t)sy - (uint64_t)sx;
    return x > y ? x - y : y - x;
}

/* carry-less product of two polynomials over GF(2) (PMUL, PMULL) */
static uint64_t polynomial_multiply(uint64_t x, uint64_t y, unsigned bits)
{
    uint64_t product = 0;
    for (unsigned i = 0; i < bits; i++)
        if ((y >> i) & 1)
            product ^= x << i;
    return product;
}

/* 2 * x * y, the doubling product of SQDMULH, SQDMULL and friends */
static __int128 doubled_product(int64_t x, int64_t y)
{
    return 2 * (__int128)x * y;
}

/* --- three registers of the same type, vector and scalar ----------------------- */

enum {
    SAME_SHADD = 0x00, SAME_SQADD = 0x01, SAME_SRHADD = 0x02, SAME_SHSUB = 0x04, SAME_SQSUB = 0x05,
    SAME_CMGT = 0x06, SAME_CMGE = 0x07, SAME_SSHL = 0x08, SAME_SQSHL = 0x09, SAME_SRSHL = 0x0a,
    SAME_SQRSHL = 0x0b, SAME_SMAX = 0x0c, SAME_SMIN = 0x0d, SAME_SABD = 0x0e, SAME_SABA = 0x0f,
    SAME_ADD = 0x10, SAME_CMTST = 0x11, SAME_MLA = 0x12, SAME_MUL = 0x13, SAME_SMAXP = 0x14,
    SAME_SMINP = 0x15, SAME_SQDMULH = 0x16, SAME_ADDP = 0x17,
    SAME_UNSIGNED = 0x20, /* U: the unsigned twin, or the second operation of the row */
    SAME_CMHI = 0x26, SAME_CMHS = 0x27, SAME_SUB = 0x30, SAME_CMEQ = 0x31, SAME_MLS = 0x32,
    SAME_PMUL = 0x33, SAME_SQRDMULH = 0x36,
};

static uint64_t same_lane(unsigned uop, uint64_t x, uint64_t y, int64_t sx, int64_t sy, uint64_t acc,
                          unsigned bits, bool *saturated)
{
    bool is_signed = !(uop & SAME_UNSIGNED);
    __int128 ex = is_signed ? (__int128)sx : (__int128)x, ey = is_signed ? (__int128)sy : (__int128)y;
    uint64_t ones = ~UINT64_C(0);
    int8_t amount = (int8_t)y; /* register shifts: the signed low byte of y */
    switch (uop) {
    case SAME_SHADD: case SAME_SHADD | SAME_UNSIGNED: return (uint64_t)((ex + ey) >> 1);
    case SAME_SRHADD: case SAME_SRHADD | SAME_UNSIGNED: return (uint64_t)((ex + ey + 1) >> 1);
    case SAME_SHSUB: case SAME_SHSUB | SAME_UNSIGNED: return (uint64_t)((ex - ey) >> 1);
    case SAME_SQADD: case SAME_SQADD | SAME_UNSIGNED: return saturate(ex + ey, bits, is_signed, saturated);
    case SAME_SQSUB: case SAME_SQSUB | SAME_UNSIGNED: return saturate(ex - ey, bits, is_signed, saturated);
    case SAME_CMGT: case SAME_CMHI: return ex > ey ? ones : 0;
    case SAME_CMGE: case SAME_CMHS: return ex >= ey ? ones : 0;
    case SAME_SSHL: case SAME_SSHL | SAME_UNSIGNED: return (uint64_t)shift_exact(ex, amount, false);
    case SAME_SRSHL: case SAME_SRSHL | SAME_UNSIGNED: return (uint64_t)shift_exact(ex, amount, true);
    case SAME_SQSHL: case SAME_SQSHL | SAME_UNSIGNED:
        return saturate(shift_exact(ex, amount, false), bits, is_signed, saturated);
    case SAME_SQRSHL: case SAME_SQRSHL | SAME_UNSIGNED:
        return saturate(shift_exact(ex, amount, true), bits, is_signed, saturated);
    case SAME_SMAX: case SAME_SMAX | SAME_UNSIGNED: return ex > ey ? x : y;
    case SAME_SMIN: case SAME_SMIN | SAME_UNSIGNED: return ex < ey ? x : y;
    case SAME_SABD: case SAME_SABD | SAME_UNSIGNED: return absolute_difference(x, y, sx, sy, is_signed);
    case SAME_SABA: case SAME_SABA | SAME_UNSIGNED: return acc + absolute_difference(x, y, sx, sy, is_signed);
    case SAME_ADD: return x + y;
    case SAME_SUB: return x - y;
    case SAME_CMTST: return (x & y) ? ones : 0;
    case SAME_CMEQ: return x == y ? ones : 0;
    case SAME_MLA: return acc + x * y;
    case SAME_MLS: return acc - x * y;
    case SAME_MUL: return x * y;
    case SAME_PMUL: return polynomial_multiply(x, y, bits);
    case SAME_SQDMULH: return saturate_signed(doubled_product(sx, sy) >> bits, bits, saturated);
    case SAME_SQRDMULH:
        return saturate_signed((doubled_product(sx, sy) + ((__int128)1 << (bits - 1))) >> bits, bits, saturated);
    }
    return 0;
}

/* The pairwise operations (ADDP, SMAXP ...) are the elementwise ones on
 * the even and the odd lanes of the concatenation b:a. */
static unsigned pairwise_as_elementwise(unsigned uop)
{
    switch (uop) {
    case SAME_ADDP: return SAME_ADD;
    case SAME_SMAXP: case SAME_SMAXP | SAME_UNSIGNED: return uop - SAME_SMAXP + SAME_SMAX;
    case SAME_SMINP: case SAME_SMINP | SAME_UNSIGNED: return uop - SAME_SMINP + SAME_SMIN;
    }
    return uop;
}
static void split_pairs(vec *a, vec *b, uint64_t size, uint64_t q)
{
    unsigned n = lanes(size, q);
    vec even = 0, odd = 0;
    for (unsigned i = 0; i < n; i++) {
        vec src = i < n / 2 ? *a : *b;
        unsigned j = (i % (n / 2)) * 2;
        even = put(even, size, i, get(src, size, j));
        odd = put(odd, size, i, get(src, size, j + 1));
    }
    *a = even;
    *b = odd;
}

vec a64_simd_same(uint64_t uop, vec d, vec a, vec b, uint64_t size, uint64_t q, uint32_t *fpsr)
{
    unsigned op = pairwise_as_elementwise((unsigned)uop);
    if (op != uop)
        split_pairs(&a, &b, size, q);
    vec r = 0;
    bool saturated = false;
    for (unsigned i = 0; i < lanes(size, q); i++)
        r = put(r, size, i,
                same_lane(op, get(a, size, i), get(b, size, i), sget(a, size, i), sget(b, size, i), get(d, size, i),
                          lane_bits(size), &saturated));
    if (saturated)
        *fpsr |= FPSR_QC;
    return r;
}

/* --- two-register miscellaneous -------------------------------------------------- */

static uint64_t reverse_bits(uint64_t x, unsigned bits)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < bits; i++)
        r |= ((x >> i) & 1) << (bits - 1 - i);
    return r;
}

static uint64_t leading_zeros(uint64_t x, unsigned bits)
{
    unsigned n = 0;
    while (n < bits && !((x >> (bits - 1 - n)) & 1))
        n++;
    return n;
}

/* RecipEstimate and RecipSqrtEstimate (J1.3, the integer forms URECPE and
 * URSQRTE use): a 9-bit estimate in 256..511 of 1/a and 1/sqrt(a) */
static unsigned recip_estimate(unsigned a)
{
    a = a * 2 + 1;
    unsigned b = (1u << 19) / a;
    return (b + 1) / 2;
}
static unsigned recip_sqrt_estimate(unsigned a)
{
    if (a < 256) /* 0.25 .. 0.5, in units of 1/512 rounded to nearest */
        a = a * 2 + 1;
    else /* 0.5 .. 1.0: the bottom bit dropped, in units of 1/256 rounded */
        a = ((a >> 1) << 1) * 2 + 2;
    unsigned b = 512;
    while ((uint64_t)a * (b + 1) * (b + 1) < (UINT64_C(1) << 28))
        b++;
    return (b + 1) / 2;
}

/* the element a misc operation reads and the lanes it writes: the
 * pairwise-long ones (SADDLP, SADALP ...) and SHLL write double-width lanes */
vec a64_simd_misc(uint64_t uop, vec d, vec a, uint64_t size, uint64_t q, uint32_t *fpsr)
{
    bool is_rbit = uop == 0x25 && size == 1; /* NOT and RBIT work on bytes: size tells them apart */
    if (uop == 0x25)
        size = 0;
    unsigned bits = lane_bits(size);
    bool saturated = false;
    vec r = 0;
    switch (uop) {
    case 0x02: case 0x22: case 0x06: case 0x26: /* SADDLP, UADDLP, SADALP, UADALP */
        for (unsigned i = 0; i < lanes(size + 1, q); i++) {
            bool is_signed = !(uop & 0x20);
            uint64_t x = is_signed ? (uint64_t)sget(a, size, 2 * i) : get(a, size, 2 * i);
            uint64_t y = is_signed ? (uint64_t)sget(a, size, 2 * i + 1) : get(a, size, 2 * i + 1);
            r = put(r, size + 1, i, x + y + ((uop & 4) ? get(d, size + 1, i) : 0));
        }
        return r;
    case 0x33: /* SHLL, SHLL2: the lower or upper half widened, shifted by the element size */
        for (unsigned i = 0; i < 64 / bits; i++)
            r = put(r, size + 1, i, get(a, size, (q ? 64 / bits : 0) + i) << bits);
        return r;
    }
    for (unsigned i = 0; i < lanes(size, q); i++) {
        uint64_t x = get(a, size, i), acc = get(d, size, i);
        int64_t sx = sget(a, size, i), sacc = sget(d, size, i);
        uint64_t v = 0, ones = ~UINT64_C(0);
        switch (uop) {
        case 0x00: case 0x20: case 0x01: { /* REV64, REV32, REV16: elements reversed in containers */
            unsigned per = (uop == 0x00 ? 64 : uop == 0x20 ? 32 : 16) / bits;
            v = get(a, size, (i / per) * per + (per - 1 - i % per));
            break;
        }
        case 0x03: v = saturate_signed((__int128)sacc + x, bits, &saturated); break;   /* SUQADD */
        case 0x23: v = saturate_unsigned((__int128)acc + sx, bits, &saturated); break; /* USQADD */
        case 0x04: v = leading_zeros(x ^ (uint64_t)(sx >> 63), bits) - 1; break;       /* CLS */
        case 0x24: v = leading_zeros(x, bits); break;                                  /* CLZ */
        case 0x05: v = (uint64_t)__builtin_popcountll(x); break;                       /* CNT */
        case 0x25: v = is_rbit ? reverse_bits(x, bits) : ~x; break;                     /* RBIT, NOT */
        case 0x07: v = saturate_signed(sx < 0 ? -(__int128)sx : sx, bits, &saturated); break; /* SQABS */
        case 0x27: v = saturate_signed(-(__int128)sx, bits, &saturated); break;              /* SQNEG */
        case 0x08: v = sx > 0 ? ones : 0; break;                                             /* CMGT #0 */
        case 0x28: v = sx >= 0 ? ones : 0; break;                                            /* CMGE #0 */
        case 0x09: v = sx == 0 ? ones : 0; break;                                            /* CMEQ #0 */
        case 0x29: v = sx <= 0 ? ones : 0; break;                                            /* CMLE #0 */
        case 0x0a: v = sx < 0 ? ones : 0; break;                                             /* CMLT #0 */
        case 0x0b: v = sx < 0 ? -(uint64_t)sx : (uint64_t)sx; break;                         /* ABS */
        case 0x2b: v = -(uint64_t)sx; break;                                                 /* NEG */
        case 0x1c: /* URECPE: operands below 0.5 (top bit clear) give all ones */
            v = !(x >> 31) ? 0xffffffffu : (uint64_t)recip_estimate((unsigned)(x >> 23) & 511) << 23;
            break;
        case 0x3c: /* URSQRTE: operands below 0.25 give all ones */
            v = !(x >> 30) ? 0xffffffffu : (uint64_t)recip_sqrt_estimate((unsigned)(x >> 23) & 511) << 23;
            break;
        }
        r = put(r, size, i, v);
    }
    if (saturated)
        *fpsr |= FPSR_QC;
    return r;
}

/* XTN, SQXTN, UQXTN, SQXTUN (uop = U:opcode): double-width lanes of a into
 * the lower half, or with q the upper half keeping d's lower half */
vec a64_simd_narrow(uint64_t uop, vec d, vec a, uint64_t size, uint64_t q, uint32_t *fpsr)
{
    unsigned bits = lane_bits(size), n = 64 / bits;
    vec r = low_half(d, q);
    bool saturated = false;
    for (unsigned i = 0; i < n; i++) {
        uint64_t x = get(a, size + 1, i);
        int64_t sx = sget(a, size + 1, i);
        uint64_t v = x;
        if (uop == 0x14) /* SQXTN */
            v = saturate_signed(sx, bits, &saturated);
        else if (uop == 0x34) /* UQXTN */
            v = saturate_unsigned(x, bits, &saturated);
        else if (uop == 0x32) /* SQXTUN */
            v = saturate_unsigned(sx, bits, &saturated);
        r = put(r, size, i + (q ? n : 0), v);
    }
    if (saturated)
        *fpsr |= FPSR_QC;
    return r;
}

/* --- across lanes: a scalar in the low lane; SADDLV/UADDLV widen ---------------- */
vec a64_simd_across(uint64_t uop, vec a, uint64_t size, uint64_t q)
{
    unsigned n = lanes(size, q);
    bool is_signed = !(uop & 0x20);
    if (uop == 0x03 || uop == 0x23 || uop == 0x1b) { /* SADDLV, UADDLV, ADDV */
        uint64_t sum = 0;
        for (unsigned i = 0; i < n; i++)
            sum += is_signed ? (uint64_t)sget(a, size, i) : get(a, size, i);
        return sum & lane_mask(uop == 0x1b ? size : size + 1);
    }
    bool is_max = (uop & 0x1f) == 0x0a; /* SMAXV, UMAXV; SMINV, UMINV are 0x1a */
    __int128 best = is_signed ? (__int128)sget(a, size, 0) : (__int128)get(a, size, 0);
    for (unsigned i = 1; i < n; i++) {
        __int128 x = is_signed ? (__int128)sget(a, size, i) : (__int128)get(a, size, i);
        if (is_max ? x > best : x < best)
            best = x;
    }
    return (uint64_t)best & lane_mask(size);
}

/* --- three registers of different types: long and wide results from the lower
 * (q = 0) or upper (q = 1, the "2" forms) halves; uop = U:opcode ----------------- */
vec a64_simd_different(uint64_t uop, vec d, vec a, vec b, uint64_t size, uint64_t q, uint32_t *fpsr)
{
    unsigned bits = lane_bits(size), n = 64 / bits, base = q ? n : 0;
    bool is_signed = !(uop & 0x10), saturated = false;
    vec r = 0;
    for (unsigned i = 0; i < n; i++) {
        uint64_t x = get(a, size, base + i), y = get(b, size, base + i), wa = get(a, size + 1, i);
        int64_t sx = sget(a, size, base + i), sy = sget(b, size, base + i);
        uint64_t acc = get(d, size + 1, i);
        int64_t sacc = sget(d, size + 1, i);
        uint64_t ex = is_signed ? (uint64_t)sx : x, ey = is_signed ? (uint64_t)sy : y;
        uint64_t v = 0;
        switch (uop & 0xf) {
        case 0x0: v = ex + ey; break;                                                     /* SADDL, UADDL */
        case 0x1: v = wa + ey; break;                                                     /* SADDW, UADDW */
        case 0x2: v = ex - ey; break;                                                     /* SSUBL, USUBL */
        case 0x3: v = wa - ey; break;                                                     /* SSUBW, USUBW */
        case 0x5: v = acc + absolute_difference(x, y, sx, sy, is_signed); break;          /* SABAL, UABAL */
        case 0x7: v = absolute_difference(x, y, sx, sy, is_signed); break;                /* SABDL, UABDL */
        case 0x8: v = acc + ex * ey; break;                                               /* SMLAL, UMLAL */
        case 0xa: v = acc - ex * ey; break;                                               /* SMLSL, UMLSL */
        case 0xc: v = ex * ey; break;                                                     /* SMULL, UMULL */
        case 0xe: v = polynomial_multiply(x, y, bits); break;                             /* PMULL (8-bit lanes) */
        case 0x9: case 0xb: case 0xd: { /* SQDMLAL, SQDMLSL, SQDMULL: the product saturates, then the sum */
            __int128 product = (int64_t)saturate_signed(doubled_product(sx, sy), 2 * bits, &saturated);
            __int128 sum = (uop & 0xf) == 0x9 ? sacc + product : (uop & 0xf) == 0xb ? sacc - product : product;
            v = saturate_signed(sum, 2 * bits, &saturated);
            break;
        }
        }
        r = put(r, size + 1, i, v);
    }
    if (saturated)
        *fpsr |= FPSR_QC;
    return r;
}

/* ADDHN, SUBHN and the rounding RADDHN, RSUBHN (uop = U:opcode): the high
 * halves of double-width sums or differences, narrowed into the lower half
 * or, with q, the upper half keeping d's lower */
vec a64_simd_narrow_high(uint64_t uop, vec d, vec a, vec b, uint64_t size, uint64_t q)
{
    unsigned n = 64 / lane_bits(size), bits = lane_bits(size);
    vec r = low_half(d, q);
    for (unsigned i = 0; i < n; i++) {
        vec x = get(a, size + 1, i), y = get(b, size + 1, i);
        vec v = (uop & 2) ? x - y : x + y;
        if (uop & 0x10)
            v += (vec)1 << (bits - 1);
        r = put(r, size, i + (q ? n : 0), (uint64_t)(v >> bits));
    }
    return r;
}

/* --- shifts by an immediate, vector and scalar: immh:immb gives the element
 * size (the highest set bit of immh) and the amount; uop = U:opcode --------------- */
static uint64_t shift_size(uint64_t immh_immb)
{
    return (uint64_t)(31 - __builtin_clz((unsigned)(immh_immb >> 3) | 1));
}

vec a64_simd_shift(uint64_t uop, vec d, vec a, uint64_t immh_immb, uint64_t q, uint32_t *fpsr)
{
    uint64_t size = shift_size(immh_immb);
    unsigned bits = lane_bits(size);
    int right = 2 * (int)bits - (int)immh_immb, left = (int)immh_immb - (int)bits;
    bool saturated = false;
    vec r = 0;
    if ((uop & 0x1f) == 0x14) { /* SSHLL, USHLL (SXTL, UXTL): the lower or upper half widened */
        for (unsigned i = 0; i < 64 / bits; i++) {
            unsigned j = (q ? 64 / bits : 0) + i;
            r = put(r, size + 1, i, (uop & 0x20 ? get(a, size, j) : (uint64_t)sget(a, size, j)) << left);
        }
        return r;
    }
    if ((uop & 0x1c) == 0x10) { /* the narrowing right shifts, opcode 100xx */
        /* SHRN, RSHRN truncate; the others saturate: signed input for
         * SQSHRN, SQRSHRN, SQSHRUN, SQRSHRUN, signed result for the first two */
        bool round = uop & 1, truncate = uop == 0x10 || uop == 0x11;
        bool signed_in = uop == 0x12 || uop == 0x13 || uop == 0x30 || uop == 0x31;
        bool signed_out = uop == 0x12 || uop == 0x13;
        unsigned n = 64 / bits;
        r = low_half(d, q);
        for (unsigned i = 0; i < n; i++) {
            __int128 x = signed_in ? (__int128)sget(a, size + 1, i) : (__int128)get(a, size + 1, i);
            __int128 shifted = shift_exact(x, -right, round);
            uint64_t v = truncate ? (uint64_t)shifted : saturate(shifted, bits, signed_out, &saturated);
            r = put(r, size, i + (q ? n : 0), v);
        }
    } else {
        for (unsigned i = 0; i < lanes(size, q); i++) {
            uint64_t x = get(a, size, i), acc = get(d, size, i), mask = lane_mask(size), v = 0;
            __int128 sx = sget(a, size, i);
            switch (uop) {
            case 0x00: v = (uint64_t)shift_exact(sx, -right, false); break;                   /* SSHR */
            case 0x20: v = (uint64_t)shift_exact(x, -right, false); break;                    /* USHR */
            case 0x02: v = acc + (uint64_t)shift_exact(sx, -right, false); break;             /* SSRA */
            case 0x22: v = acc + (uint64_t)shift_exact(x, -right, false); break;              /* USRA */
            case 0x04: v = (uint64_t)shift_exact(sx, -right, true); break;                    /* SRSHR */
            case 0x24: v = (uint64_t)shift_exact(x, -right, true); break;                     /* URSHR */
            case 0x06: v = acc + (uint64_t)shift_exact(sx, -right, true); break;              /* SRSRA */
            case 0x26: v = acc + (uint64_t)shift_exact(x, -right, true); break;               /* URSRA */
            case 0x0a: v = x << left; break;                                                  /* SHL */
            case 0x28: /* SRI: the shifted bits inserted, d's top right bits kept */
                v = right == (int)bits ? acc : (acc & ~(mask >> right)) | (x >> right);
                break;
            case 0x2a: v = (acc & ~(mask << left)) | (x << left); break;                      /* SLI */
            case 0x0e: v = saturate_signed(shift_exact(sx, left, false), bits, &saturated); break;   /* SQSHL */
            case 0x2e: v = saturate_unsigned(shift_exact(x, left, false), bits, &saturated); break;  /* UQSHL */
            case 0x2c: v = saturate_unsigned(shift_exact(sx, left, false), bits, &saturated); break; /* SQSHLU */
            }
            r = put(r, size, i, v);
        }
    }
    if (saturated)
        *fpsr |= FPSR_QC;
    return r;
}

/* --- element moves, immediates, permutes, tables, structures ------------------- */

/* one element replicated to every lane */
vec a64_vdup(uint64_t x, uint64_t size, uint64_t q)
{
    vec r = 0;
    for (unsigned i = 0; i < lanes(size, q); i++)
        r = put(r, size, i, x);
    return r;
}

uint64_t a64_velement(vec v, uint64_t size, uint64_t index)
{
    return get(v, size, (unsigned)index);
}
/* SMOV: a signed element, sign-extended */
uint64_t a64_velement_signed(vec v, uint64_t size, uint64_t index)
{
    return (uint64_t)sget(v, size, (unsigned)index);
}
vec a64_vinsert(vec v, uint64_t size, uint64_t index, uint64_t x)
{
    return put(v, size, (unsigned)index, x);
}

/* AdvSIMDExpandImm (J1.3): the MOVI/MVNI immediate for op and cmode */
vec a64_expand_imm(uint64_t op, uint64_t cmode, uint64_t imm8)
{
    uint64_t imm = 0;
    switch (cmode >> 1) {
    case 0: imm = imm8 * UINT64_C(0x0000000100000001); break;
    case 1: imm = (imm8 << 8) * UINT64_C(0x0000000100000001); break;
    case 2: imm = (imm8 << 16) * UINT64_C(0x0000000100000001); break;
    case 3: imm = (imm8 << 24) * UINT64_C(0x0000000100000001); break;
    case 4: imm = imm8 * UINT64_C(0x0001000100010001); break;
    case 5: imm = (imm8 << 8) * UINT64_C(0x0001000100010001); break;
    case 6: imm = ((cmode & 1) ? ((imm8 << 16) | 0xffff) : ((imm8 << 8) | 0xff)) * UINT64_C(0x0000000100000001); break;
    case 7:
        if ((cmode & 1) == 0 && op == 0) {
            imm = imm8 * UINT64_C(0x0101010101010101);
        } else if ((cmode & 1) == 0) {
            for (unsigned i = 0; i < 8; i++)
                if (imm8 & (1u << i))
                    imm |= UINT64_C(0xff) << (8 * i);
        } else if (op == 0) {
            /* FMOV (vector, immediate), single: a:NOT(b):Replicate(b, 5):cdefgh:Zeros(19), twice */
            uint64_t a = (imm8 >> 7) & 1, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3f;
            uint64_t single = (a << 31) | ((b ^ 1) << 30) | ((b ? UINT64_C(0x1f) : 0) << 25) | (cdefgh << 19);
            imm = single | single << 32;
        } else {
            /* FMOV (vector, immediate), double: a:NOT(b):Replicate(b, 8):cdefgh:Zeros(48) */
            uint64_t a = (imm8 >> 7) & 1, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3f;
            imm = (a << 63) | ((b ^ 1) << 62) | ((b ? UINT64_C(0xff) : 0) << 54) | (cdefgh << 48);
        }
        break;
    }
    return (vec)imm | ((vec)imm << 64);
}

/* UZP1/2 (kind 1, 5), TRN1/2 (2, 6), ZIP1/2 (3, 7): kind bit 2 picks the
 * odd elements or the upper halves (C7.2.389 UZP1 ...) */
vec a64_vpermute(vec a, vec b, uint64_t size, uint64_t q, uint64_t kind)
{
    unsigned n = lanes(size, q), part = (kind >> 2) & 1;
    vec r = 0;
    for (unsigned i = 0; i < n; i++) {
        uint64_t x = 0;
        switch (kind & 3) {
        case 1: { /* UZP: even (odd) elements of a:b */
            unsigned j = 2 * i + part;
            x = j < n ? get(a, size, j) : get(b, size, j - n);
            break;
        }
        case 2: /* TRN: a's even (odd) lanes interleaved with b's */
            x = (i & 1) ? get(b, size, (i & ~1u) + part) : get(a, size, (i & ~1u) + part);
            break;
        case 3: { /* ZIP: the lower (upper) halves interleaved */
            unsigned j = i / 2 + part * n / 2;
            x = (i & 1) ? get(b, size, j) : get(a, size, j);
            break;
        }
        }
        r = put(r, size, i, x);
    }
    return r;
}

/* TBL/TBX: bytes of the table registers (count of them, from first) by the
 * indices in idx; out of range gives 0 (TBL) or keeps d (TBX) */
vec a64_simd_table(struct cpu *cpu, uint64_t first, uint64_t count, vec idx, vec d, uint64_t is_tbx, uint64_t q)
{
    const vec *table = cpu->state.aarch64.Q;
    vec r = 0;
    for (unsigned i = 0; i < (q ? 16u : 8u); i++) {
        uint64_t index = get(idx, 0, i);
        uint64_t v = is_tbx ? get(d, 0, i) : 0;
        if (index < count * 16)
            v = get(table[(first + index / 16) & 31], 0, (unsigned)(index % 16));
        r = put(r, 0, i, v);
    }
    return r;
}

/* LD2-4/ST2-4 (multiple structures): chunk c holds memory bytes c * (8 or
 * 16) on; the element stream of all chunks is structure by structure */
static uint64_t stream_get(const vec *chunks, uint64_t size, uint64_t q, unsigned k)
{
    unsigned per_chunk = lanes(size, q);
    return get(chunks[k / per_chunk], size, k % per_chunk);
}

vec a64_deinterleave(vec c0, vec c1, vec c2, vec c3, uint64_t count, uint64_t size, uint64_t q, uint64_t which)
{
    const vec chunks[4] = {c0, c1, c2, c3};
    vec r = 0;
    for (unsigned i = 0; i < lanes(size, q); i++)
        r = put(r, size, i, stream_get(chunks, size, q, i * (unsigned)count + (unsigned)which));
    return r;
}

vec a64_interleave(vec v0, vec v1, vec v2, vec v3, uint64_t count, uint64_t size, uint64_t q, uint64_t which)
{
    const vec regs[4] = {v0, v1, v2, v3};
    unsigned per_chunk = lanes(size, q);
    vec r = 0;
    for (unsigned j = 0; j < per_chunk; j++) {
        unsigned k = (unsigned)which * per_chunk + j; /* stream position */
        if (k < count * per_chunk)
            r = put(r, size, j, get(regs[k % count], size, k / (unsigned)count));
    }
    return r;
}
