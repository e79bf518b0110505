/* AdvSIMD floating point (C4.1.95's FP groups, vector and scalar): the
 * scalar operations of aarch64-fp.c lane by lane, keyed by U:a:opcode as
 * the encodings are, and the operations only AdvSIMD has: the reciprocal
 * and reciprocal square root estimates (J1 FPRecipEstimate,
 * FPRSqrtEstimate, RecipEstimate, RecipSqrtEstimate), FRECPX, the
 * fixed-point conversions of the shift-by-immediate group and the
 * narrowing and widening conversions. */
#include <stdbool.h>
#include <stdint.h>

#include "aarch64-fp-internal.h"
#include "aarch64-fp.h"

typedef unsigned __int128 vec;

static uint64_t fp_lane(vec v, uint64_t dbl, unsigned i)
{
    return dbl ? (uint64_t)(v >> (64 * i)) : (uint32_t)(v >> (32 * i));
}
static vec fp_put(vec r, uint64_t dbl, unsigned i, uint64_t x)
{
    unsigned shift = (dbl ? 64 : 32) * i;
    vec mask = (vec)(dbl ? ~UINT64_C(0) : UINT64_C(0xffffffff)) << shift;
    return (r & ~mask) | ((vec)(dbl ? x : (uint32_t)x) << shift);
}
static unsigned fp_lanes(uint64_t dbl, uint64_t q)
{
    return (q ? 128u : 64u) / (dbl ? 64u : 32u);
}
static uint64_t all_ones(uint64_t dbl)
{
    return dbl ? ~UINT64_C(0) : 0xffffffff;
}

/* RecipEstimate: a in 256..511 is 0.5 <= x < 1 in steps of 1/512; the
 * result in 256..511 is 1 <= 1/x < 2 in steps of 1/256, rounded to nearest */
static uint64_t recip_estimate(uint64_t a)
{
    a = a * 2 + 1;
    uint64_t b = (UINT64_C(1) << 19) / a;
    return (b + 1) / 2;
}

/* RecipSqrtEstimate: a in 128..511 is 0.25 <= x < 1 (steps of 1/512 below
 * 256, else 1/256); the result in 256..511 is 1 <= 1/sqrt(x) < 2 */
static uint64_t rsqrt_estimate(uint64_t a)
{
    if (a < 256)
        a = a * 2 + 1;
    else
        a = ((a >> 1) << 1) * 2 + 2;
    uint64_t b = 512;
    while (a * (b + 1) * (b + 1) < (UINT64_C(1) << 28))
        b++;
    return (b + 1) / 2;
}

/* FRECPE (FPRecipEstimate): eight bits of 1/x from the top of the fraction */
static uint64_t fp_recip_estimate(uint64_t x, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t result;
    x = flush_input(x, dbl, fpcr, fpsr);
    if (process_nans(&x, 1, dbl, fpcr, fpsr, &result))
        return result;
    unsigned f = fraction_bits(dbl);
    uint64_t sign = x & sign_bit(dbl), fraction = fraction_of(x, dbl);
    int64_t exponent = (int64_t)exponent_of(x, dbl);
    if (is_inf(x, dbl))
        return sign;
    if (is_zero(x, dbl)) {
        *fpsr |= FPSR_DZC;
        return sign | infinity(dbl);
    }
    if (exponent == 0 && (fraction >> (f - 2)) == 0) {
        /* below 2^-128 (2^-1024): the reciprocal overflows */
        unsigned mode = fp_rmode(fpcr);
        bool to_inf = mode == 0 || (mode == 1 && !sign) || (mode == 2 && sign);
        *fpsr |= FPSR_OFC | FPSR_IXC;
        return sign | (to_inf ? infinity(dbl) : max_normal(dbl));
    }
    int64_t bias_twice_less_two = dbl ? 2045 : 253; /* 2^126 (2^1022): the reciprocal is tiny */
    if ((fpcr & FPCR_FZ) && exponent >= bias_twice_less_two) {
        *fpsr |= FPSR_UFC;
        return sign;
    }
    uint64_t fraction_mask = (UINT64_C(1) << f) - 1;
    if (exponent == 0) {
        if (((fraction >> (f - 1)) & 1) == 0) {
            exponent = -1;
            fraction = (fraction << 2) & fraction_mask;
        } else {
            fraction = (fraction << 1) & fraction_mask;
        }
    }
    uint64_t estimate = recip_estimate(256 | fraction >> (f - 8));
    int64_t result_exponent = bias_twice_less_two - exponent;
    fraction = (estimate & 0xff) << (f - 8);
    if (result_exponent == 0) {
        fraction = UINT64_C(1) << (f - 1) | fraction >> 1;
    } else if (result_exponent == -1) {
        fraction = UINT64_C(1) << (f - 2) | fraction >> 2;
        result_exponent = 0;
    }
    return sign | (uint64_t)result_exponent << f | fraction;
}

/* FRSQRTE (FPRSqrtEstimate): the exponent's parity picks the scaling */
static uint64_t fp_rsqrt_estimate(uint64_t x, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t result;
    x = flush_input(x, dbl, fpcr, fpsr);
    if (process_nans(&x, 1, dbl, fpcr, fpsr, &result))
        return result;
    if (is_zero(x, dbl)) {
        *fpsr |= FPSR_DZC;
        return (x & sign_bit(dbl)) | infinity(dbl);
    }
    if (x & sign_bit(dbl)) {
        *fpsr |= FPSR_IOC;
        return default_nan(dbl);
    }
    if (is_inf(x, dbl))
        return 0;
    unsigned f = fraction_bits(dbl);
    uint64_t fraction_mask = (UINT64_C(1) << f) - 1, fraction = fraction_of(x, dbl);
    int64_t exponent = (int64_t)exponent_of(x, dbl);
    if (exponent == 0) {
        while (((fraction >> (f - 1)) & 1) == 0) {
            fraction = (fraction << 1) & fraction_mask;
            exponent--;
        }
        fraction = (fraction << 1) & fraction_mask;
    }
    uint64_t scaled = (exponent & 1) == 0 ? 256 | fraction >> (f - 8) : 128 | fraction >> (f - 7);
    int64_t result_exponent = ((dbl ? 3068 : 380) - exponent) / 2;
    return (uint64_t)result_exponent << f | (rsqrt_estimate(scaled) & 0xff) << (f - 8);
}

/* FRECPX (FPRecpX): the exponent inverted, the fraction cleared; zero and
 * denormals give the largest normal exponent */
static uint64_t fp_recip_exponent(uint64_t x, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t result;
    x = flush_input(x, dbl, fpcr, fpsr);
    if (process_nans(&x, 1, dbl, fpcr, fpsr, &result))
        return result;
    uint64_t sign = x & sign_bit(dbl), exponent = exponent_of(x, dbl);
    if (exponent == 0)
        return sign | (exponent_mask(dbl) - 1) << fraction_bits(dbl);
    return sign | (~exponent & exponent_mask(dbl)) << fraction_bits(dbl);
}

/* one lane of the "three same" FP group: uop = U:a:opcode (C4.1.95) */
static uint64_t fp_same_lane(uint64_t uop, uint64_t d, uint64_t a, uint64_t b, uint64_t dbl, uint32_t fpcr,
                             uint32_t *fpsr)
{
    uint64_t nzcv;
    switch (uop) {
    case 0x18: return a64_fp_binary(FP_MAXNM, a, b, dbl, fpcr, fpsr);
    case 0x19: return a64_fp_fma(d, a, b, 0, 0, dbl, fpcr, fpsr); /* FMLA */
    case 0x1a: return a64_fp_binary(FP_ADD, a, b, dbl, fpcr, fpsr);
    case 0x1b: return a64_fp_mulx(a, b, dbl, fpcr, fpsr);
    case 0x1c: return a64_fp_compare(a, b, 0, dbl, fpcr, fpsr) == 6 ? all_ones(dbl) : 0; /* FCMEQ */
    case 0x1e: return a64_fp_binary(FP_MAX, a, b, dbl, fpcr, fpsr);
    case 0x1f: return a64_fp_recip_step(a, b, dbl, fpcr, fpsr); /* FRECPS */
    case 0x38: return a64_fp_binary(FP_MINNM, a, b, dbl, fpcr, fpsr);
    case 0x39: return a64_fp_fma(d, a, b, 1, 0, dbl, fpcr, fpsr); /* FMLS */
    case 0x3a: return a64_fp_binary(FP_SUB, a, b, dbl, fpcr, fpsr);
    case 0x3e: return a64_fp_binary(FP_MIN, a, b, dbl, fpcr, fpsr);
    case 0x3f: return a64_fp_rsqrt_step(a, b, dbl, fpcr, fpsr); /* FRSQRTS */
    case 0x5b: return a64_fp_binary(FP_MUL, a, b, dbl, fpcr, fpsr);
    case 0x5f: return a64_fp_binary(FP_DIV, a, b, dbl, fpcr, fpsr);
    case 0x5c:
        nzcv = a64_fp_compare(a, b, 1, dbl, fpcr, fpsr);
        return nzcv == 6 || nzcv == 2 ? all_ones(dbl) : 0; /* FCMGE */
    case 0x5d:
        nzcv = a64_fp_compare(fp_abs(a, dbl), fp_abs(b, dbl), 1, dbl, fpcr, fpsr); /* FACGE */
        return nzcv == 6 || nzcv == 2 ? all_ones(dbl) : 0;
    case 0x7c: return a64_fp_compare(a, b, 1, dbl, fpcr, fpsr) == 2 ? all_ones(dbl) : 0; /* FCMGT */
    case 0x7d:                                                                            /* FACGT */
        return a64_fp_compare(fp_abs(a, dbl), fp_abs(b, dbl), 1, dbl, fpcr, fpsr) == 2 ? all_ones(dbl) : 0;
    case 0x7a: return fp_abs(a64_fp_binary(FP_SUB, a, b, dbl, fpcr, fpsr), dbl); /* FABD: FPAbs of a NaN too */
    }
    return 0;
}

vec a64_simd_fp_same(uint64_t uop, vec d, vec a, vec b, uint64_t dbl, uint64_t q, uint32_t fpcr, uint32_t *fpsr)
{
    unsigned n = fp_lanes(dbl, q);
    vec r = 0;
    /* the pairwise forms (FADDP, FMAXP, FMINP, FMAXNMP, FMINNMP) pair up a:b */
    static const uint64_t pairwise[][2] = {{0x5a, 0x1a}, {0x5e, 0x1e}, {0x7e, 0x3e}, {0x58, 0x18}, {0x78, 0x38}};
    for (size_t p = 0; p < sizeof pairwise / sizeof pairwise[0]; p++)
        if (uop == pairwise[p][0]) {
            for (unsigned i = 0; i < n; i++) {
                vec src = i < n / 2 ? a : b;
                unsigned j = (i % (n / 2)) * 2;
                r = fp_put(
                    r, dbl, i,
                    fp_same_lane(pairwise[p][1], 0, fp_lane(src, dbl, j), fp_lane(src, dbl, j + 1), dbl, fpcr, fpsr));
            }
            return r;
        }
    for (unsigned i = 0; i < n; i++)
        r = fp_put(r, dbl, i,
                   fp_same_lane(uop, fp_lane(d, dbl, i), fp_lane(a, dbl, i), fp_lane(b, dbl, i), dbl, fpcr, fpsr));
    return r;
}

/* the scalar "three same" FP forms: one lane, the rest of the register zero */
uint64_t a64_fp_scalar_same(uint64_t uop, uint64_t d, uint64_t a, uint64_t b, uint64_t dbl, uint32_t fpcr,
                            uint32_t *fpsr)
{
    return fp_same_lane(uop, fp_lane(d, dbl, 0), fp_lane(a, dbl, 0), fp_lane(b, dbl, 0), dbl, fpcr, fpsr);
}

/* one lane of the two-register miscellaneous FP group: uop = U:a:opcode */
static uint64_t fp_misc_lane(uint64_t uop, uint64_t x, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    unsigned bits = dbl ? 64 : 32;
    uint64_t nzcv;
    switch (uop) {
    case 0x18: return a64_fp_round_int(x, FPROUND_NEAREST, 0, dbl, fpcr, fpsr);
    case 0x19: return a64_fp_round_int(x, FPROUND_MINUS, 0, dbl, fpcr, fpsr);
    case 0x1a: return a64_fp_to_int(x, FPROUND_NEAREST, 1, bits, dbl, fpcr, fpsr);
    case 0x1b: return a64_fp_to_int(x, FPROUND_MINUS, 1, bits, dbl, fpcr, fpsr);
    case 0x1c: return a64_fp_to_int(x, FPROUND_AWAY, 1, bits, dbl, fpcr, fpsr);
    case 0x1d: return a64_int_to_fp(x, 1, bits, dbl, fpcr, fpsr);                        /* SCVTF */
    case 0x2c: return a64_fp_compare(x, 0, 1, dbl, fpcr, fpsr) == 2 ? all_ones(dbl) : 0; /* FCMGT #0 */
    case 0x2d: return a64_fp_compare(x, 0, 0, dbl, fpcr, fpsr) == 6 ? all_ones(dbl) : 0; /* FCMEQ #0 */
    case 0x2e: return a64_fp_compare(x, 0, 1, dbl, fpcr, fpsr) == 8 ? all_ones(dbl) : 0; /* FCMLT #0 */
    case 0x2f: return fp_abs(x, dbl);                                                    /* FABS */
    case 0x38: return a64_fp_round_int(x, FPROUND_PLUS, 0, dbl, fpcr, fpsr);
    case 0x39: return a64_fp_round_int(x, FPROUND_ZERO, 0, dbl, fpcr, fpsr);
    case 0x3a: return a64_fp_to_int(x, FPROUND_PLUS, 1, bits, dbl, fpcr, fpsr);
    case 0x3b: return a64_fp_to_int(x, FPROUND_ZERO, 1, bits, dbl, fpcr, fpsr);
    case 0x3d: return fp_recip_estimate(x, dbl, fpcr, fpsr);  /* FRECPE */
    case 0x3f: return fp_recip_exponent(x, dbl, fpcr, fpsr);  /* FRECPX (scalar only) */
    case 0x58: return a64_fp_round_int(x, FPROUND_AWAY, 0, dbl, fpcr, fpsr);
    case 0x59: return a64_fp_round_int(x, FPROUND_FPCR, 1, dbl, fpcr, fpsr); /* FRINTX */
    case 0x5a: return a64_fp_to_int(x, FPROUND_NEAREST, 0, bits, dbl, fpcr, fpsr);
    case 0x5b: return a64_fp_to_int(x, FPROUND_MINUS, 0, bits, dbl, fpcr, fpsr);
    case 0x5c: return a64_fp_to_int(x, FPROUND_AWAY, 0, bits, dbl, fpcr, fpsr);
    case 0x5d: return a64_int_to_fp(x, 0, bits, dbl, fpcr, fpsr); /* UCVTF */
    case 0x6c:
        nzcv = a64_fp_compare(x, 0, 1, dbl, fpcr, fpsr);
        return nzcv == 2 || nzcv == 6 ? all_ones(dbl) : 0; /* FCMGE #0 */
    case 0x6d:
        nzcv = a64_fp_compare(x, 0, 1, dbl, fpcr, fpsr);
        return nzcv == 8 || nzcv == 6 ? all_ones(dbl) : 0;                   /* FCMLE #0 */
    case 0x6f: return x ^ sign_bit(dbl);                                     /* FNEG */
    case 0x79: return a64_fp_round_int(x, FPROUND_FPCR, 0, dbl, fpcr, fpsr); /* FRINTI */
    case 0x7a: return a64_fp_to_int(x, FPROUND_PLUS, 0, bits, dbl, fpcr, fpsr);
    case 0x7b: return a64_fp_to_int(x, FPROUND_ZERO, 0, bits, dbl, fpcr, fpsr);
    case 0x7d: return fp_rsqrt_estimate(x, dbl, fpcr, fpsr); /* FRSQRTE */
    case 0x7f: return a64_fp_sqrt(x, dbl, fpcr, fpsr);
    }
    return 0;
}

vec a64_simd_fp_misc(uint64_t uop, vec a, uint64_t dbl, uint64_t q, uint32_t fpcr, uint32_t *fpsr)
{
    vec r = 0;
    for (unsigned i = 0; i < fp_lanes(dbl, q); i++)
        r = fp_put(r, dbl, i, fp_misc_lane(uop, fp_lane(a, dbl, i), dbl, fpcr, fpsr));
    return r;
}

uint64_t a64_fp_scalar_misc(uint64_t uop, uint64_t a, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    return fp_misc_lane(uop, fp_lane(a, dbl, 0), dbl, fpcr, fpsr);
}

/* FCVTN, FCVTN2 (narrow doubles to singles or singles to halves, into the
 * upper half with q), FCVTXN, FCVTXN2 (doubles to singles rounded to odd);
 * from_size is the source's: 2 double, 1 single */
vec a64_simd_fcvtn(vec d, vec a, uint64_t q, uint32_t fpcr, uint32_t *fpsr)
{
    vec r = q ? (d & ~(vec)0 >> 64) : 0;
    for (unsigned i = 0; i < 2; i++)
        r = fp_put(r, 0, i + (q ? 2 : 0), a64_fp_convert_size(fp_lane(a, 1, i), 2, 1, fpcr, fpsr));
    return r;
}
vec a64_simd_fcvtn_half(vec d, vec a, uint64_t q, uint32_t fpcr, uint32_t *fpsr)
{
    vec r = q ? (d & ~(vec)0 >> 64) : 0;
    unsigned base = q ? 4 : 0;
    for (unsigned i = 0; i < 4; i++) {
        uint64_t h = a64_fp_convert_size(fp_lane(a, 0, i), 1, 0, fpcr, fpsr);
        r = (r & ~((vec)0xffff << (16 * (base + i)))) | (vec)h << (16 * (base + i));
    }
    return r;
}
vec a64_simd_fcvtxn(vec d, vec a, uint64_t q, uint32_t fpcr, uint32_t *fpsr)
{
    vec r = q ? (d & ~(vec)0 >> 64) : 0;
    for (unsigned i = 0; i < 2; i++)
        r = fp_put(r, 0, i + (q ? 2 : 0), a64_fp_narrow_odd(fp_lane(a, 1, i), fpcr, fpsr));
    return r;
}

/* FCVTL, FCVTL2: widen the lower or, with q, upper singles (halves) */
vec a64_simd_fcvtl(vec a, uint64_t q, uint32_t fpcr, uint32_t *fpsr)
{
    vec r = 0;
    for (unsigned i = 0; i < 2; i++)
        r = fp_put(r, 1, i, a64_fp_convert_size(fp_lane(a, 0, i + (q ? 2 : 0)), 1, 2, fpcr, fpsr));
    return r;
}
vec a64_simd_fcvtl_half(vec a, uint64_t q, uint32_t fpcr, uint32_t *fpsr)
{
    vec r = 0;
    for (unsigned i = 0; i < 4; i++) {
        uint64_t h = (uint64_t)(a >> (16 * (i + (q ? 4 : 0)))) & 0xffff;
        r = fp_put(r, 0, i, a64_fp_convert_size(h, 0, 1, fpcr, fpsr));
    }
    return r;
}

/* FMAXNMV, FMAXV, FMINNMV, FMINV (4 singles): pairwise, as the pseudo-code reduces */
uint64_t a64_simd_fp_across(uint64_t op, vec a, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t low = a64_fp_binary(op, fp_lane(a, 0, 0), fp_lane(a, 0, 1), 0, fpcr, fpsr);
    uint64_t high = a64_fp_binary(op, fp_lane(a, 0, 2), fp_lane(a, 0, 3), 0, fpcr, fpsr);
    return a64_fp_binary(op, low, high, 0, fpcr, fpsr);
}

/* kind 0 FMLA, 1 FMLS, 2 FMUL, 3 FMULX of one lane by the element m */
static uint64_t fp_element_lane(uint64_t kind, uint64_t acc, uint64_t x, uint64_t m, uint64_t dbl, uint32_t fpcr,
                                uint32_t *fpsr)
{
    switch (kind) {
    case 0: return a64_fp_fma(acc, x, m, 0, 0, dbl, fpcr, fpsr);
    case 1: return a64_fp_fma(acc, x, m, 1, 0, dbl, fpcr, fpsr);
    case 2: return a64_fp_binary(FP_MUL, x, m, dbl, fpcr, fpsr);
    default: return a64_fp_mulx(x, m, dbl, fpcr, fpsr);
    }
}

/* FMLA, FMLS, FMUL, FMULX (by element): every lane of a with element index of b */
vec a64_simd_fp_element(uint64_t kind, vec d, vec a, vec b, uint64_t index, uint64_t dbl, uint64_t q, uint32_t fpcr,
                        uint32_t *fpsr)
{
    uint64_t m = fp_lane(b, dbl, (unsigned)index);
    vec r = 0;
    for (unsigned i = 0; i < fp_lanes(dbl, q); i++)
        r = fp_put(r, dbl, i, fp_element_lane(kind, fp_lane(d, dbl, i), fp_lane(a, dbl, i), m, dbl, fpcr, fpsr));
    return r;
}

/* the same, scalar: the lowest lane of d and a */
uint64_t a64_fp_scalar_element(uint64_t kind, uint64_t d, uint64_t a, vec b, uint64_t index, uint64_t dbl,
                               uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t m = fp_lane(b, dbl, (unsigned)index);
    return fp_element_lane(kind, fp_lane(d, dbl, 0), fp_lane(a, dbl, 0), m, dbl, fpcr, fpsr);
}

/* SCVTF, UCVTF, FCVTZS, FCVTZU (vector and scalar, fixed point), op 0..3 in
 * that order.  immh:immb gives the element size (immh 01xx single, 1xxx
 * double) and fbits = 2 * esize - immh:immb; scalar does the lowest lane. */
vec a64_simd_fp_fixed(uint64_t op, vec a, uint64_t immh_immb, uint64_t q, uint64_t scalar, uint32_t fpcr,
                      uint32_t *fpsr)
{
    uint64_t dbl = immh_immb >= 64;
    unsigned bits = dbl ? 64 : 32, lanes = scalar ? 1 : fp_lanes(dbl, q);
    uint64_t fbits = 2 * bits - immh_immb;
    vec r = 0;
    for (unsigned i = 0; i < lanes; i++) {
        uint64_t x = fp_lane(a, dbl, i);
        uint64_t v = op < 2 ? a64_fixed_to_fp(x, fbits, op == 0, bits, dbl, fpcr, fpsr)
                            : a64_fp_to_fixed(x, fbits, op == 2, bits, dbl, fpcr, fpsr);
        r = fp_put(r, dbl, i, v);
    }
    return r;
}
