/* Scalar floating point with AArch64's rules (Arm ARM A1.4, J1 FPAdd,
 * FPProcessNaNs, FPRoundBase, FPRoundInt, FPToFixed ...), on the host's SSE
 * unit: the rounding mode comes from FPCR.RMode, the cumulative flags go
 * to FPSR, and NaNs are chosen as Arm chooses them (the first signalling
 * NaN, then the first quiet one, quietened; the default NaN is positive),
 * where x86 differs.  dbl selects double (1) or single (0) precision;
 * values travel as their bit patterns.
 *
 * Where x86 and Arm differ beyond NaNs, rarely, the slow path says so:
 * Arm detects tininess before rounding (x86 after), which matters only
 * for a result that rounds to the smallest normal; FPCR.FZ flushes
 * denormal inputs (IDC) and tiny results (UFC, no IXC) to zero.
 *
 * The host FPU contract is aarch64-fp.h's: with FPCR's defaults an
 * operation leaves its flags pending in MXCSR and never touches MXCSR;
 * everything else computed here by the host (conversions to double,
 * comparisons, rounding to integral values) is exact or flag-free. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "aarch64-fp-internal.h"
#include "aarch64-fp.h"

#define MXCSR_FLAG_BITS 0x3fu
#define MXCSR_NEAREST   0x1f80u /* round to nearest, all masked, FTZ DAZ off, flags clear */

/* MXCSR IE=1 ZE=4 OE=8 UE=16 PE=32 as FPSR IOC DZC OFC UFC IXC */
static uint32_t fpsr_from_mxcsr(uint32_t mxcsr)
{
    return (mxcsr & 1) | ((mxcsr >> 1) & (FPSR_DZC | FPSR_OFC | FPSR_UFC | FPSR_IXC));
}

void a64_fp_host_flags_clear(void)
{
    uint32_t nearest = MXCSR_NEAREST;
    __asm__ volatile("ldmxcsr %0" : : "m"(nearest) : "memory");
}

void a64_fp_host_flags_commit(uint32_t *fpsr)
{
    uint32_t mxcsr;
    __asm__ volatile("stmxcsr %0" : "=m"(mxcsr) : : "memory");
    *fpsr |= fpsr_from_mxcsr(mxcsr);
}

/* keeps the compiler from moving an operation across the MXCSR accesses */
#define PIN(x) __asm__ volatile("" : "+x"(x))

/* The operations the host rounds.  SCVTF/UCVTF take a 64-bit integer. */
enum host_op { HOST_ADD, HOST_SUB, HOST_MUL, HOST_DIV, HOST_FMA, HOST_SQRT, HOST_NARROW, HOST_WIDEN, HOST_SCVT, HOST_UCVT };

/* op on a, b, c (HOST_FMA: a * b + c) in precision dbl (HOST_NARROW: a
 * double to single, HOST_WIDEN: a single to double), under MXCSR as it is */
static inline __attribute__((always_inline)) uint64_t host_compute(enum host_op op, uint64_t a, uint64_t b,
                                                                   uint64_t c, uint64_t dbl)
{
    if (op == HOST_NARROW) {
        double x = to_d(a);
        PIN(x);
        float r = (float)x;
        PIN(r);
        return from_f(r);
    }
    if (op == HOST_WIDEN) {
        float x = to_f(a);
        PIN(x);
        double r = x;
        PIN(r);
        return from_d(r);
    }
    if (dbl) {
        double x = to_d(a), y = to_d(b), z = to_d(c), r;
        PIN(x);
        PIN(y);
        PIN(z);
        switch (op) {
        case HOST_ADD: r = x + y; break;
        case HOST_SUB: r = x - y; break;
        case HOST_MUL: r = x * y; break;
        case HOST_DIV: r = x / y; break;
        case HOST_FMA: r = fma(x, y, z); break;
        case HOST_SQRT: __asm__("sqrtsd %1, %0" : "=x"(r) : "x"(x)); break;
        case HOST_SCVT: r = (double)(int64_t)a; break;
        default: r = (double)a; break;
        }
        PIN(r);
        return from_d(r);
    }
    float x = to_f(a), y = to_f(b), z = to_f(c), r;
    PIN(x);
    PIN(y);
    PIN(z);
    switch (op) {
    case HOST_ADD: r = x + y; break;
    case HOST_SUB: r = x - y; break;
    case HOST_MUL: r = x * y; break;
    case HOST_DIV: r = x / y; break;
    case HOST_FMA: r = fmaf(x, y, z); break;
    case HOST_SQRT: __asm__("sqrtss %1, %0" : "=x"(r) : "x"(x)); break;
    case HOST_SCVT: r = (float)(int64_t)a; break;
    default: r = (float)a; break;
    }
    PIN(r);
    return from_f(r);
}

/* op in FPCR.RMode rmode, and the FPSR flags it raised alone: MXCSR is
 * switched for it and back to nearest with the pending flags kept */
static uint64_t host_compute_flags(enum host_op op, uint64_t a, uint64_t b, uint64_t c, uint64_t dbl, unsigned rmode,
                                   uint32_t *flags)
{
    static const uint32_t rounding_control[4] = {0x0000, 0x4000, 0x2000, 0x6000}; /* RN RP RM RZ */
    uint32_t entry, after, wanted = MXCSR_NEAREST | rounding_control[rmode];
    __asm__ volatile("stmxcsr %0" : "=m"(entry) : : "memory");
    __asm__ volatile("ldmxcsr %0" : : "m"(wanted) : "memory");
    uint64_t result = host_compute(op, a, b, c, dbl);
    __asm__ volatile("stmxcsr %0" : "=m"(after) : : "memory");
    uint32_t back = MXCSR_NEAREST | (entry & MXCSR_FLAG_BITS);
    __asm__ volatile("ldmxcsr %0" : : "m"(back) : "memory");
    *flags = fpsr_from_mxcsr(after);
    return result;
}

static uint64_t result_precision(enum host_op op, uint64_t dbl)
{
    return op == HOST_NARROW ? 0 : op == HOST_WIDEN ? 1 : dbl;
}

/* FPRoundBase's rules where they are not x86's, with the operation's own
 * flags: tininess before rounding (a result rounded up to the smallest
 * normal was tiny when rounding toward zero gives less), and FPCR.FZ
 * flushing a tiny result to zero with UFC alone. */
static uint64_t rounded_with_flags(enum host_op op, uint64_t a, uint64_t b, uint64_t c, uint64_t dbl, uint32_t fpcr,
                                   uint32_t *flags)
{
    uint64_t out = result_precision(op, dbl);
    uint64_t result = host_compute_flags(op, a, b, c, dbl, fp_rmode(fpcr), flags);
    uint64_t magnitude = fp_abs(result, out);
    bool tiny = magnitude == 0 ? (*flags & FPSR_UFC) != 0 : magnitude < min_normal(out);
    if (magnitude == min_normal(out) && (*flags & FPSR_IXC)) {
        uint32_t ignored;
        tiny = fp_abs(host_compute_flags(op, a, b, c, dbl, 3, &ignored), out) < min_normal(out);
    }
    if (tiny && (fpcr & FPCR_FZ)) {
        *flags = FPSR_UFC;
        return result & sign_bit(out);
    }
    if (tiny && (*flags & FPSR_IXC))
        *flags |= FPSR_UFC;
    return result;
}

/* op rounded as FPCR says, flags into *fpsr.  The common case (round to
 * nearest, FZ clear, a result that is not the smallest normal) leaves its
 * flags pending in MXCSR. */
static inline __attribute__((always_inline)) uint64_t rounded(enum host_op op, uint64_t a, uint64_t b, uint64_t c,
                                                              uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    if (__builtin_expect((fpcr & (FPCR_RMODE | FPCR_FZ)) == 0, 1)) {
        uint64_t result = host_compute(op, a, b, c, dbl);
        uint64_t out = result_precision(op, dbl);
        if (__builtin_expect(fp_abs(result, out) != min_normal(out), 1))
            return result;
    }
    uint32_t flags;
    uint64_t result = rounded_with_flags(op, a, b, c, dbl, fpcr, &flags);
    *fpsr |= flags;
    return result;
}

/* a NaN the host made from numbers (inf - inf, 0 * inf) is Arm's default NaN */
static uint64_t arm_nan(uint64_t result, uint64_t dbl)
{
    return is_nan(result, dbl) ? default_nan(dbl) : result;
}

/* FMIN/FMAX and the NM forms: -0 is below +0; FMINNM/FMAXNM take the number
 * when exactly one operand is a quiet NaN */
static uint64_t min_max(uint64_t a, uint64_t b, uint64_t dbl, bool max, bool number, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t ops[2] = {a, b}, result;
    if (number && !is_snan(a, dbl) && !is_snan(b, dbl)) {
        if (is_nan(a, dbl) && !is_nan(b, dbl))
            return b;
        if (is_nan(b, dbl) && !is_nan(a, dbl))
            return a;
    }
    if (process_nans(ops, 2, dbl, fpcr, fpsr, &result))
        return result;
    if (is_zero(a, dbl) && is_zero(b, dbl))
        return ((a >> (dbl ? 63 : 31)) & 1) == max ? b : a;
    double x = value_of(a, dbl), y = value_of(b, dbl);
    return (max ? x > y : x < y) ? a : b;
}

/* Double add, subtract, multiply, divide with FPCR all clear, when the
 * host's result is a normal number other than the smallest (so no NaN came
 * in or out, nothing to flush, no tininess question): the host's result,
 * flags pending in MXCSR.  Anything else returns false and takes the
 * general path, which computes it again (raising the same flags). */
static inline __attribute__((always_inline)) bool common_double(uint64_t op, uint64_t a, uint64_t b, uint64_t *result)
{
    double x = to_d(a), y = to_d(b), r;
    PIN(x);
    PIN(y);
    switch (op) {
    case FP_MUL: r = x * y; break;
    case FP_DIV: r = x / y; break;
    case FP_ADD: r = x + y; break;
    default: r = x - y; break;
    }
    PIN(r);
    *result = from_d(r);
    uint64_t exponent = (*result >> 52) & 0x7ff;
    return exponent > 1 && exponent < 0x7ff;
}

uint64_t a64_fp_binary(uint64_t op, uint64_t a, uint64_t b, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    static const enum host_op host_ops[] = {[FP_MUL] = HOST_MUL, [FP_DIV] = HOST_DIV, [FP_ADD] = HOST_ADD,
                                            [FP_SUB] = HOST_SUB, [FP_NMUL] = HOST_MUL};
    uint64_t common;
    if (__builtin_expect(fpcr == 0 && dbl && op <= FP_SUB, 1) && common_double(op, a, b, &common))
        return common;
    a = flush_input(a, dbl, fpcr, fpsr);
    b = flush_input(b, dbl, fpcr, fpsr);
    if (op >= FP_MAX && op <= FP_MINNM)
        return min_max(a, b, dbl, op == FP_MAX || op == FP_MAXNM, op >= FP_MAXNM, fpcr, fpsr);
    uint64_t ops[2] = {a, b}, result;
    uint64_t negate = op == FP_NMUL ? sign_bit(dbl) : 0; /* FNMUL is FPNeg(FPMul) */
    if (process_nans(ops, 2, dbl, fpcr, fpsr, &result))
        return result ^ negate;
    return arm_nan(rounded(host_ops[op], a, b, 0, dbl, fpcr, fpsr), dbl) ^ negate;
}

/* FMADD family: addend + product, with either negated (FMSUB: a - n*m,
 * FNMADD: -a - n*m, FNMSUB: -a + n*m); one rounding.  The negations come
 * first (FPNeg of the operands, C7.2.108), so they flip a NaN's sign too. */
uint64_t a64_fp_fma(uint64_t addend, uint64_t n, uint64_t m, uint64_t negate_product, uint64_t negate_addend,
                    uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    if (negate_product)
        n ^= sign_bit(dbl);
    if (negate_addend)
        addend ^= sign_bit(dbl);
    addend = flush_input(addend, dbl, fpcr, fpsr);
    n = flush_input(n, dbl, fpcr, fpsr);
    m = flush_input(m, dbl, fpcr, fpsr);
    uint64_t ops[3] = {addend, n, m}, result;
    bool inf_times_zero = (is_inf(n, dbl) && is_zero(m, dbl)) || (is_zero(n, dbl) && is_inf(m, dbl));
    if (is_nan(addend, dbl) && !is_snan(addend, dbl) && inf_times_zero) {
        *fpsr |= FPSR_IOC; /* FPMulAdd: a quiet NaN addend does not hide inf * 0 */
        return default_nan(dbl);
    }
    if (process_nans(ops, 3, dbl, fpcr, fpsr, &result))
        return result;
    return arm_nan(rounded(HOST_FMA, n, m, addend, dbl, fpcr, fpsr), dbl);
}

uint64_t a64_fp_sqrt(uint64_t a, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t result;
    a = flush_input(a, dbl, fpcr, fpsr);
    if (process_nans(&a, 1, dbl, fpcr, fpsr, &result))
        return result;
    return arm_nan(rounded(HOST_SQRT, a, 0, 0, dbl, fpcr, fpsr), dbl);
}

/* FMULX: FMUL, except that infinity times zero is 2 with the product's sign */
uint64_t a64_fp_mulx(uint64_t a, uint64_t b, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    a = flush_input(a, dbl, fpcr, fpsr);
    b = flush_input(b, dbl, fpcr, fpsr);
    if ((is_inf(a, dbl) && is_zero(b, dbl)) || (is_zero(a, dbl) && is_inf(b, dbl)))
        return ((a ^ b) & sign_bit(dbl)) | fp_two(dbl);
    return a64_fp_binary(FP_MUL, a, b, dbl, fpcr, fpsr);
}

/* FPRecipStepFused: 2 + (-a) * b, one rounding; infinity times zero is 2 */
uint64_t a64_fp_recip_step(uint64_t a, uint64_t b, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    a = flush_input(a ^ sign_bit(dbl), dbl, fpcr, fpsr);
    b = flush_input(b, dbl, fpcr, fpsr);
    uint64_t ops[2] = {a, b}, result;
    if (process_nans(ops, 2, dbl, fpcr, fpsr, &result))
        return result;
    if ((is_inf(a, dbl) && is_zero(b, dbl)) || (is_zero(a, dbl) && is_inf(b, dbl)))
        return fp_two(dbl);
    return rounded(HOST_FMA, a, b, fp_two(dbl), dbl, fpcr, fpsr);
}

/* FPRSqrtStepFused: (3 + (-a) * b) / 2, one rounding; infinity times zero is
 * 1.5.  Halving an operand first (exact while its exponent allows) keeps
 * the product from overflowing where the halved result would not. */
uint64_t a64_fp_rsqrt_step(uint64_t a, uint64_t b, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    a = flush_input(a ^ sign_bit(dbl), dbl, fpcr, fpsr);
    b = flush_input(b, dbl, fpcr, fpsr);
    uint64_t ops[2] = {a, b}, result;
    if (process_nans(ops, 2, dbl, fpcr, fpsr, &result))
        return result;
    if ((is_inf(a, dbl) && is_zero(b, dbl)) || (is_zero(a, dbl) && is_inf(b, dbl)))
        return fp_one_point_five(dbl);
    if (is_inf(a, dbl) || is_inf(b, dbl))
        return ((a ^ b) & sign_bit(dbl)) | infinity(dbl);
    uint64_t one_exponent = min_normal(dbl);
    if (exponent_of(a, dbl) >= 2)
        return rounded(HOST_FMA, a - one_exponent, b, fp_one_point_five(dbl), dbl, fpcr, fpsr);
    if (exponent_of(b, dbl) >= 2)
        return rounded(HOST_FMA, a, b - one_exponent, fp_one_point_five(dbl), dbl, fpcr, fpsr);
    /* both tiny: the sum is nearly 3, and halving the rounded sum is exact */
    return rounded(HOST_FMA, a, b, dbl ? from_d(3.0) : from_f(3.0f), dbl, fpcr, fpsr) - one_exponent;
}

/* Half precision (IEEE binary16) by hand: the host's SSE has no such type. */
static double half_value(uint64_t h)
{
    int exponent = (int)((h >> 10) & 0x1f);
    double magnitude =
        exponent == 0 ? ldexp((double)(h & 0x3ff), -24) : ldexp((double)((h & 0x3ff) | 0x400), exponent - 25);
    return (h & 0x8000) ? -magnitude : magnitude;
}

/* a non-negative finite value to an integral one, by FPROUND_* (not
 * FPROUND_FPCR; FPROUND_MINUS is FPROUND_ZERO here).  By integer
 * operations: gcc inlines floor() and the like as conversions that raise
 * the host's inexact flag. */
static double round_magnitude(double x, uint64_t kind)
{
    uint64_t bits = from_d(x);
    int exponent = (int)(bits >> 52) - 1023;
    if (exponent >= 52)
        return x; /* integral already */
    uint64_t integral, remainder, half;
    if (exponent < 0) {
        integral = 0;
        remainder = bits == 0 ? 0 : x < 0.5 ? 1 : x == 0.5 ? 2 : 3; /* in halves: below, at, above */
        half = 2;
    } else {
        uint64_t mantissa = (bits & ((UINT64_C(1) << 52) - 1)) | UINT64_C(1) << 52;
        unsigned shift = 52 - (unsigned)exponent;
        integral = mantissa >> shift;
        remainder = mantissa & ((UINT64_C(1) << shift) - 1);
        half = UINT64_C(1) << (shift - 1);
    }
    bool up = kind == FPROUND_PLUS    ? remainder != 0
              : kind == FPROUND_AWAY  ? remainder >= half
              : kind == FPROUND_NEAREST ? remainder > half || (remainder == half && (integral & 1))
                                        : false;
    return (double)(integral + up); /* below 2^53: exact */
}

/* FPROUND_FPCR as the rounding FPCR.RMode names */
static uint64_t resolve_rounding(uint64_t kind, uint32_t fpcr)
{
    static const uint64_t by_rmode[4] = {FPROUND_NEAREST, FPROUND_PLUS, FPROUND_MINUS, FPROUND_ZERO};
    return kind == FPROUND_FPCR ? by_rmode[fp_rmode(fpcr)] : kind;
}

/* x (a finite double) to binary16 in FPCR's rounding mode, with flags;
 * FPCR.FZ does not apply to half precision results (FPRoundCV) */
static uint64_t to_half(double x, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t sign = signbit(x) ? 0x8000 : 0;
    double a = fabs(x);
    if (a == 0)
        return sign;
    int e = ilogb(a);
    bool tiny = e < -14;
    double quantum = ldexp(1.0, tiny ? -24 : e - 10);
    double scaled = a / quantum; /* exact: a power of two */
    /* rounding the magnitude: toward +infinity is away from zero for a positive value only */
    static const uint64_t magnitude_kind[2][4] = {
        {FPROUND_NEAREST, FPROUND_PLUS, FPROUND_ZERO, FPROUND_ZERO},
        {FPROUND_NEAREST, FPROUND_ZERO, FPROUND_PLUS, FPROUND_ZERO},
    };
    double units = round_magnitude(scaled, magnitude_kind[sign != 0][fp_rmode(fpcr)]);
    bool inexact = units != scaled;
    double rounded_value = units * quantum;
    if (rounded_value >= 65536.0) {
        /* overflow: infinity, or the largest finite value when rounding toward zero or away from the sign */
        unsigned mode = fp_rmode(fpcr);
        bool to_inf = mode == 0 || (mode == 1 && !sign) || (mode == 2 && sign);
        *fpsr |= FPSR_OFC | FPSR_IXC;
        return sign | (to_inf ? 0x7c00 : 0x7bff);
    }
    if (inexact)
        *fpsr |= FPSR_IXC | (tiny ? FPSR_UFC : 0);
    int re = ilogb(rounded_value);
    if (rounded_value < ldexp(1.0, -14))
        return sign | (uint64_t)(rounded_value / ldexp(1.0, -24));
    return sign | (uint64_t)(re + 15) << 10 | ((uint64_t)(rounded_value / ldexp(1.0, re - 10)) & 0x3ff);
}

/* FCVT between half (size 0), single (1) and double (2) */
uint64_t a64_fp_convert_size(uint64_t a, uint64_t from_size, uint64_t to_size, uint32_t fpcr, uint32_t *fpsr)
{
    static const int fraction_widths[3] = {10, 23, 52}, widths[3] = {16, 32, 64};
    int from_fraction = fraction_widths[from_size], to_fraction = fraction_widths[to_size];
    if (from_size != 0)
        a = flush_input(a, from_size == 2, fpcr, fpsr);
    uint64_t from_sign = a >> (widths[from_size] - 1) & 1;
    uint64_t from_exponent_mask = (UINT64_C(1) << (widths[from_size] - 1 - from_fraction)) - 1;
    uint64_t exponent = (a >> from_fraction) & from_exponent_mask, fraction = a & ((UINT64_C(1) << from_fraction) - 1);
    if (exponent == from_exponent_mask) {
        uint64_t to_exponent_mask = (UINT64_C(1) << (widths[to_size] - 1 - to_fraction)) - 1;
        uint64_t out = from_sign << (widths[to_size] - 1) | to_exponent_mask << to_fraction;
        if (fraction == 0)
            return out; /* infinity */
        if (!((fraction >> (from_fraction - 1)) & 1))
            *fpsr |= FPSR_IOC;
        if (fpcr & FPCR_DN)
            return (uint64_t)to_exponent_mask << to_fraction | UINT64_C(1) << (to_fraction - 1);
        /* the sign and the top of the payload carry over, quietened */
        uint64_t payload = to_fraction >= from_fraction ? fraction << (to_fraction - from_fraction)
                                                        : fraction >> (from_fraction - to_fraction);
        return out | payload | UINT64_C(1) << (to_fraction - 1);
    }
    if (from_size == 0 || to_size == 0) {
        double x = from_size == 0 ? half_value(a) : value_of(a, from_size == 2);
        if (to_size == 0)
            return to_half(x, fpcr, fpsr);
        return to_size == 2 ? from_d(x) : from_f((float)x); /* exact */
    }
    return rounded(to_size == 2 ? HOST_WIDEN : HOST_NARROW, a, 0, 0, 0, fpcr, fpsr);
}

/* FCVTXN: to single rounding toward zero, then an inexact result's lowest
 * bit set (FPRounding_ODD), so a second rounding cannot round twice */
uint64_t a64_fp_narrow_odd(uint64_t a, uint32_t fpcr, uint32_t *fpsr)
{
    a = flush_input(a, 1, fpcr, fpsr);
    if (is_nan(a, 1))
        return a64_fp_convert_size(a, 2, 1, fpcr, fpsr);
    uint32_t flags;
    uint64_t result = rounded_with_flags(HOST_NARROW, a, 0, 0, 1, fpcr | FPCR_RMODE, &flags);
    *fpsr |= flags;
    return (flags & FPSR_IXC) ? result | 1 : result;
}

/* FRINT*: exact (FRINTX) signals inexact when the value changes */
uint64_t a64_fp_round_int(uint64_t a, uint64_t kind, uint64_t exact, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t result;
    a = flush_input(a, dbl, fpcr, fpsr);
    if (process_nans(&a, 1, dbl, fpcr, fpsr, &result))
        return result;
    if (is_inf(a, dbl) || is_zero(a, dbl))
        return a;
    double x = value_of(a, dbl);
    kind = resolve_rounding(kind, fpcr);
    /* rounding the magnitude: toward +infinity is away from zero for a positive value only */
    if (x < 0 && (kind == FPROUND_PLUS || kind == FPROUND_MINUS))
        kind = kind == FPROUND_PLUS ? FPROUND_MINUS : FPROUND_PLUS;
    double r = copysign(round_magnitude(fabs(x), kind), x);
    if (exact && r != x)
        *fpsr |= FPSR_IXC;
    return dbl ? from_d(r) : from_f((float)r); /* exact: an integral value of the same format */
}

/* x (a number, as a double) rounded by kind (not FPROUND_FPCR), then
 * saturated to the integer type: out of range signals invalid, otherwise a
 * changed value inexact */
static uint64_t to_int_value(double x, uint64_t kind, uint64_t is_signed, uint64_t bits, uint32_t *fpsr)
{
    double magnitude = fabs(x);
    if (x < 0 && (kind == FPROUND_PLUS || kind == FPROUND_MINUS))
        kind = kind == FPROUND_PLUS ? FPROUND_MINUS : FPROUND_PLUS;
    double r = isinf(x) ? x : copysign(round_magnitude(magnitude, kind), x);
    double limit = ldexp(1.0, (int)bits - (is_signed ? 1 : 0)); /* exclusive upper bound */
    double low = is_signed ? -limit : 0.0;
    uint64_t max = is_signed ? (UINT64_C(1) << (bits - 1)) - 1 : bits == 64 ? ~UINT64_C(0) : (UINT64_C(1) << bits) - 1;
    uint64_t min = is_signed ? (uint64_t)(-(int64_t)(max)-1) : 0;
    if (r >= limit) {
        *fpsr |= FPSR_IOC;
        return bits == 64 ? max : max & 0xffffffff;
    }
    if (r < low) {
        *fpsr |= FPSR_IOC;
        return bits == 64 ? min : min & 0xffffffff;
    }
    if (r != x)
        *fpsr |= FPSR_IXC;
    uint64_t result = is_signed ? (uint64_t)(int64_t)r : (uint64_t)r;
    return bits == 64 ? result : result & 0xffffffff;
}

/* FCVT[NPMZA][SU]: rounded, then saturated to the integer type; a NaN is 0
 * and signals invalid */
uint64_t a64_fp_to_int(uint64_t a, uint64_t kind, uint64_t is_signed, uint64_t bits, uint64_t dbl, uint32_t fpcr,
                       uint32_t *fpsr)
{
    a = flush_input(a, dbl, fpcr, fpsr);
    if (is_nan(a, dbl)) {
        *fpsr |= FPSR_IOC;
        return 0;
    }
    return to_int_value(value_of(a, dbl), resolve_rounding(kind, fpcr), is_signed, bits, fpsr);
}

/* FCVTZS/FCVTZU (fixed point): a * 2^fbits toward zero.  Scaling a double
 * is exact unless it overflows, and then so does the integer. */
uint64_t a64_fp_to_fixed(uint64_t a, uint64_t fbits, uint64_t is_signed, uint64_t bits, uint64_t dbl, uint32_t fpcr,
                         uint32_t *fpsr)
{
    a = flush_input(a, dbl, fpcr, fpsr);
    if (is_nan(a, dbl)) {
        *fpsr |= FPSR_IOC;
        return 0;
    }
    double x = value_of(a, dbl);
    if (fabs(x) < 0x1p64)
        x = ldexp(x, (int)fbits);
    return to_int_value(x, FPROUND_ZERO, is_signed, bits, fpsr);
}

/* SCVTF/UCVTF from a 32- or 64-bit integer, rounded by FPCR */
uint64_t a64_int_to_fp(uint64_t x, uint64_t is_signed, uint64_t bits, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    if (bits == 32)
        x = is_signed ? (uint64_t)(int64_t)(int32_t)x : (uint32_t)x;
    return rounded(is_signed ? HOST_SCVT : HOST_UCVT, x, 0, 0, dbl, fpcr, fpsr);
}

/* SCVTF/UCVTF (fixed point): x / 2^fbits rounded once; the conversion
 * rounds and the scaling is exact (the least magnitude is 2^-64, normal) */
uint64_t a64_fixed_to_fp(uint64_t x, uint64_t fbits, uint64_t is_signed, uint64_t bits, uint64_t dbl, uint32_t fpcr,
                         uint32_t *fpsr)
{
    uint64_t result = a64_int_to_fp(x, is_signed, bits, dbl, fpcr, fpsr);
    if (dbl)
        return from_d(ldexp(to_d(result), -(int)fbits));
    return from_f(ldexpf(to_f(result), -(int)fbits));
}

/* FCMP/FCMPE: NZCV of the comparison (equal 0110, less 1000, greater 0010,
 * unordered 0011); FCMPE (signal_all) signals invalid on any NaN. */
uint64_t a64_fp_compare(uint64_t a, uint64_t b, uint64_t signal_all, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    a = flush_input(a, dbl, fpcr, fpsr);
    b = flush_input(b, dbl, fpcr, fpsr);
    if (is_nan(a, dbl) || is_nan(b, dbl)) {
        if (signal_all || is_snan(a, dbl) || is_snan(b, dbl))
            *fpsr |= FPSR_IOC;
        return 3;
    }
    double x = value_of(a, dbl), y = value_of(b, dbl);
    return x == y ? 6 : x < y ? 8 : 2;
}
