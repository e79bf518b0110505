/* Scalar floating point with AArch64's rules (Arm ARM A1.4, J1 FPAdd,
 * FPProcessNaNs, FPRoundInt, FPToFixed ...), on the host's SSE unit: the
 * rounding mode comes from FPCR.RMode, the cumulative flags go to FPSR,
 * and NaNs are chosen as Arm chooses them (the first signalling NaN, then
 * the first quiet one, quietened; the default NaN is positive), where x86
 * differs.  dbl selects double (1) or single (0) precision; values travel
 * as their bit patterns.  FPCR.FZ (flush to zero) is not implemented: Linux
 * starts programs with it clear.  MXCSR is set for each operation and left
 * at its default (round to nearest, all exceptions masked) after. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "aarch64-fp.h"

#define FPCR_DN       (UINT32_C(1) << 25)
#define MXCSR_DEFAULT 0x1f80u

enum { FPSR_IOC = 1, FPSR_DZC = 2, FPSR_OFC = 4, FPSR_UFC = 8, FPSR_IXC = 16 };

static void set_mxcsr(unsigned value)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(value) : "memory");
}
static unsigned get_mxcsr(void)
{
    unsigned value;
    __asm__ volatile("stmxcsr %0" : "=m"(value) : : "memory");
    return value;
}

/* FPCR.RMode (RN, RP, RM, RZ) as MXCSR.RC (RN, RM, RP, RZ) */
static void begin(uint32_t fpcr)
{
    static const unsigned rc[4] = {0, 2, 1, 3};
    set_mxcsr(MXCSR_DEFAULT | rc[(fpcr >> 22) & 3] << 13);
}

static void end(uint32_t *fpsr)
{
    unsigned flags = get_mxcsr();
    set_mxcsr(MXCSR_DEFAULT);
    *fpsr |= ((flags & 1) ? FPSR_IOC : 0) | ((flags & 4) ? FPSR_DZC : 0) | ((flags & 8) ? FPSR_OFC : 0) |
             ((flags & 16) ? FPSR_UFC : 0) | ((flags & 32) ? FPSR_IXC : 0);
}

/* keeps the compiler from moving an operation across begin() and end() */
#define PIN(x) __asm__ volatile("" : "+x"(x))

static double to_d(uint64_t bits)
{
    double d;
    memcpy(&d, &bits, 8);
    return d;
}
static uint64_t from_d(double d)
{
    uint64_t bits;
    memcpy(&bits, &d, 8);
    return bits;
}
static float to_f(uint64_t bits)
{
    uint32_t b = (uint32_t)bits;
    float f;
    memcpy(&f, &b, 4);
    return f;
}
static uint64_t from_f(float f)
{
    uint32_t bits;
    memcpy(&bits, &f, 4);
    return bits;
}

static bool is_nan(uint64_t x, uint64_t dbl)
{
    return dbl ? (x & INT64_MAX) > UINT64_C(0x7ff0000000000000) : (x & 0x7fffffff) > 0x7f800000;
}
static bool is_snan(uint64_t x, uint64_t dbl)
{
    return is_nan(x, dbl) && !(dbl ? (x >> 51) & 1 : (x >> 22) & 1);
}
static uint64_t quiet(uint64_t x, uint64_t dbl)
{
    return x | (dbl ? UINT64_C(1) << 51 : UINT64_C(1) << 22);
}
static uint64_t default_nan(uint64_t dbl)
{
    return dbl ? UINT64_C(0x7ff8000000000000) : 0x7fc00000;
}

/* FPProcessNaNs3: the first signalling NaN, else the first quiet NaN, of
 * the operands in order (count of them); false when none is a NaN. */
static bool process_nans(const uint64_t *ops, int count, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr, uint64_t *result)
{
    for (int i = 0; i < count; i++)
        if (is_snan(ops[i], dbl)) {
            *fpsr |= FPSR_IOC;
            *result = (fpcr & FPCR_DN) ? default_nan(dbl) : quiet(ops[i], dbl);
            return true;
        }
    for (int i = 0; i < count; i++)
        if (is_nan(ops[i], dbl)) {
            *result = (fpcr & FPCR_DN) ? default_nan(dbl) : ops[i];
            return true;
        }
    return false;
}

/* a NaN the host made from numbers (inf - inf, 0 * inf) is Arm's default NaN */
static uint64_t arm_nan(uint64_t result, uint64_t dbl)
{
    return is_nan(result, dbl) ? default_nan(dbl) : result;
}

static bool is_zero(uint64_t x, uint64_t dbl)
{
    return dbl ? (x & INT64_MAX) == 0 : (x & 0x7fffffff) == 0;
}
static bool sign_of(uint64_t x, uint64_t dbl)
{
    return dbl ? x >> 63 : (x >> 31) & 1;
}
static double value_of(uint64_t x, uint64_t dbl)
{
    return dbl ? to_d(x) : (double)to_f(x);
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
        return sign_of(a, dbl) == max ? b : a;
    double x = value_of(a, dbl), y = value_of(b, dbl);
    return (max ? x > y : x < y) ? a : b;
}

uint64_t a64_fp_binary(uint64_t op, uint64_t a, uint64_t b, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    if (op >= FP_MAX && op <= FP_MINNM)
        return min_max(a, b, dbl, op == FP_MAX || op == FP_MAXNM, op >= FP_MAXNM, fpcr, fpsr);
    uint64_t ops[2] = {a, b}, result;
    uint64_t negate = op == FP_NMUL ? (dbl ? UINT64_C(1) << 63 : UINT64_C(1) << 31) : 0; /* FNMUL is FPNeg(FPMul) */
    if (process_nans(ops, 2, dbl, fpcr, fpsr, &result))
        return result ^ negate;
    begin(fpcr);
    if (dbl) {
        double x = to_d(a), y = to_d(b), r;
        PIN(x);
        PIN(y);
        switch (op) {
        case FP_MUL:
        case FP_NMUL: r = x * y; break;
        case FP_DIV: r = x / y; break;
        case FP_ADD: r = x + y; break;
        default: r = x - y; break;
        }
        PIN(r);
        result = from_d(r);
    } else {
        float x = to_f(a), y = to_f(b), r;
        PIN(x);
        PIN(y);
        switch (op) {
        case FP_MUL:
        case FP_NMUL: r = x * y; break;
        case FP_DIV: r = x / y; break;
        case FP_ADD: r = x + y; break;
        default: r = x - y; break;
        }
        PIN(r);
        result = from_f(r);
    }
    end(fpsr);
    return arm_nan(result, dbl) ^ negate;
}

/* FMADD family: addend + product, with either negated (FMSUB: a - n*m,
 * FNMADD: -a - n*m, FNMSUB: -a + n*m); one rounding.  The negations come
 * first (FPNeg of the operands, C7.2.108), so they flip a NaN's sign too. */
uint64_t a64_fp_fma(uint64_t addend, uint64_t n, uint64_t m, uint64_t negate_product, uint64_t negate_addend,
                    uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t sign = dbl ? UINT64_C(1) << 63 : UINT64_C(1) << 31;
    if (negate_product)
        n ^= sign;
    if (negate_addend)
        addend ^= sign;
    uint64_t ops[3] = {addend, n, m}, result;
    bool inf_times_zero = (isinf(value_of(n, dbl)) && is_zero(m, dbl)) || (is_zero(n, dbl) && isinf(value_of(m, dbl)));
    if (is_nan(addend, dbl) && !is_snan(addend, dbl) && inf_times_zero && !is_snan(n, dbl) && !is_snan(m, dbl)) {
        *fpsr |= FPSR_IOC;
        return default_nan(dbl);
    }
    if (process_nans(ops, 3, dbl, fpcr, fpsr, &result))
        return result;
    begin(fpcr);
    if (dbl) {
        double x = to_d(n), y = to_d(m), z = to_d(addend);
        PIN(x);
        PIN(y);
        PIN(z);
        double r = fma(x, y, z);
        PIN(r);
        result = from_d(r);
    } else {
        float x = to_f(n), y = to_f(m), z = to_f(addend);
        PIN(x);
        PIN(y);
        PIN(z);
        float r = fmaf(x, y, z);
        PIN(r);
        result = from_f(r);
    }
    end(fpsr);
    return arm_nan(result, dbl);
}

uint64_t a64_fp_sqrt(uint64_t a, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t result;
    if (process_nans(&a, 1, dbl, fpcr, fpsr, &result))
        return result;
    begin(fpcr);
    if (dbl) {
        double x = to_d(a), r;
        PIN(x);
        __asm__("sqrtsd %1, %0" : "=x"(r) : "x"(x));
        PIN(r);
        result = from_d(r);
    } else {
        float x = to_f(a), r;
        PIN(x);
        __asm__("sqrtss %1, %0" : "=x"(r) : "x"(x));
        PIN(r);
        result = from_f(r);
    }
    end(fpsr);
    return arm_nan(result, dbl);
}

/* Half precision (IEEE binary16) by hand: the host's SSE has no such type. */
static double half_value(uint64_t h)
{
    int exponent = (int)((h >> 10) & 0x1f);
    double magnitude =
        exponent == 0 ? ldexp((double)(h & 0x3ff), -24) : ldexp((double)((h & 0x3ff) | 0x400), exponent - 25);
    return (h & 0x8000) ? -magnitude : magnitude;
}

/* x (a finite double) to binary16 in FPCR's rounding mode, with flags */
static uint64_t to_half(double x, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t sign = signbit(x) ? 0x8000 : 0;
    double a = fabs(x);
    if (a == 0)
        return sign;
    int e = ilogb(a);
    bool tiny = e < -14;
    double quantum = ldexp(1.0, tiny ? -24 : e - 10);
    begin(fpcr);
    double scaled = a / quantum; /* exact: a power of two */
    double units = nearbyint(sign ? -scaled : scaled);
    set_mxcsr(MXCSR_DEFAULT);
    units = fabs(units);
    bool inexact = units != scaled;
    double rounded = units * quantum;
    if (rounded >= 65536.0) {
        /* overflow: infinity, or the largest finite value when rounding toward zero or away from the sign */
        unsigned mode = (fpcr >> 22) & 3;
        bool to_inf = mode == 0 || (mode == 1 && !sign) || (mode == 2 && sign);
        *fpsr |= FPSR_OFC | FPSR_IXC;
        return sign | (to_inf ? 0x7c00 : 0x7bff);
    }
    if (inexact)
        *fpsr |= FPSR_IXC | (tiny ? FPSR_UFC : 0);
    int re = ilogb(rounded);
    if (rounded < ldexp(1.0, -14))
        return sign | (uint64_t)(rounded / ldexp(1.0, -24));
    return sign | (uint64_t)(re + 15) << 10 | ((uint64_t)(rounded / ldexp(1.0, re - 10)) & 0x3ff);
}

/* FCVT between half (size 0), single (1) and double (2) */
uint64_t a64_fp_convert_size(uint64_t a, uint64_t from_size, uint64_t to_size, uint32_t fpcr, uint32_t *fpsr)
{
    static const int fraction_bits[3] = {10, 23, 52}, widths[3] = {16, 32, 64};
    int from_fraction = fraction_bits[from_size], to_fraction = fraction_bits[to_size];
    uint64_t from_sign = a >> (widths[from_size] - 1) & 1;
    uint64_t exponent_mask = (UINT64_C(1) << (widths[from_size] - 1 - from_fraction)) - 1;
    uint64_t exponent = (a >> from_fraction) & exponent_mask, fraction = a & ((UINT64_C(1) << from_fraction) - 1);
    if (exponent == exponent_mask) {
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
    begin(fpcr);
    uint64_t result;
    if (to_size == 2) {
        float x = to_f(a);
        PIN(x);
        double r = x;
        PIN(r);
        result = from_d(r);
    } else {
        double x = to_d(a);
        PIN(x);
        float r = (float)x;
        PIN(r);
        result = from_f(r);
    }
    end(fpsr);
    return result;
}

/* round to an integral value by kind: FPROUND_* or the FPCR mode */
static double round_by(double x, uint64_t kind)
{
    switch (kind) {
    case FPROUND_NEAREST: {
        double r = nearbyint(x); /* the mode is round to nearest here */
        return r;
    }
    case FPROUND_PLUS: return ceil(x);
    case FPROUND_MINUS: return floor(x);
    case FPROUND_ZERO: return trunc(x);
    case FPROUND_AWAY: return round(x);
    default: return nearbyint(x); /* FPROUND_FPCR: MXCSR holds FPCR's mode */
    }
}

/* FRINT*: exact (FRINTX) signals inexact when the value changes */
uint64_t a64_fp_round_int(uint64_t a, uint64_t kind, uint64_t exact, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t result;
    if (process_nans(&a, 1, dbl, fpcr, fpsr, &result))
        return result;
    begin(kind == FPROUND_NEAREST ? fpcr & ~(UINT32_C(3) << 22) : fpcr);
    double x = value_of(a, dbl);
    double r = isinf(x) ? x : round_by(x, kind);
    set_mxcsr(MXCSR_DEFAULT);
    if (exact && r != x)
        *fpsr |= FPSR_IXC;
    if (dbl)
        return from_d(copysign(r, x));
    return from_f((float)copysign(r, x));
}

/* FCVT[NPMZA][SU]: rounded, then saturated to the integer type; a NaN is 0.
 * Out of range or NaN signals invalid, otherwise a changed value inexact. */
uint64_t a64_fp_to_int(uint64_t a, uint64_t kind, uint64_t is_signed, uint64_t bits, uint64_t dbl, uint32_t fpcr,
                       uint32_t *fpsr)
{
    if (is_nan(a, dbl)) {
        *fpsr |= FPSR_IOC;
        return 0;
    }
    begin(kind == FPROUND_NEAREST ? fpcr & ~(UINT32_C(3) << 22) : fpcr);
    double x = value_of(a, dbl);
    double r = isinf(x) ? x : round_by(x, kind);
    set_mxcsr(MXCSR_DEFAULT);
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

/* SCVTF/UCVTF from a 32- or 64-bit integer, rounded by FPCR */
uint64_t a64_int_to_fp(uint64_t x, uint64_t is_signed, uint64_t bits, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    if (bits == 32)
        x = is_signed ? (uint64_t)(int64_t)(int32_t)x : (uint32_t)x;
    begin(fpcr);
    uint64_t result;
    if (dbl) {
        double r = is_signed ? (double)(int64_t)x : (double)x;
        PIN(r);
        result = from_d(r);
    } else {
        float r = is_signed ? (float)(int64_t)x : (float)x;
        PIN(r);
        result = from_f(r);
    }
    end(fpsr);
    return result;
}

/* FCMP/FCMPE: NZCV of the comparison (equal 0110, less 1000, greater 0010,
 * unordered 0011); FCMPE (signal_all) signals invalid on any NaN. */
uint64_t a64_fp_compare(uint64_t a, uint64_t b, uint64_t signal_all, uint64_t dbl, uint32_t *fpsr)
{
    if (is_nan(a, dbl) || is_nan(b, dbl)) {
        if (signal_all || is_snan(a, dbl) || is_snan(b, dbl))
            *fpsr |= FPSR_IOC;
        return 3;
    }
    double x = value_of(a, dbl), y = value_of(b, dbl);
    return x == y ? 6 : x < y ? 8 : 2;
}

/* a * 2^exponent: exact while the result stays normal (NaNs pass through) */
uint64_t a64_fp_scale(uint64_t a, uint64_t dbl, int64_t exponent)
{
    if (is_nan(a, dbl))
        return a;
    if (dbl)
        return from_d(ldexp(to_d(a), (int)exponent));
    return from_f(ldexpf(to_f(a), (int)exponent));
}

/* --- AdvSIMD floating point: the scalar operations above, lane by lane --- */

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
static uint64_t fp_abs(uint64_t x, uint64_t dbl)
{
    return x & (dbl ? INT64_MAX : 0x7fffffff);
}
static uint64_t all_ones(uint64_t dbl)
{
    return dbl ? ~UINT64_C(0) : 0xffffffff;
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
    case 0x1c: return a64_fp_compare(a, b, 0, dbl, fpsr) == 6 ? all_ones(dbl) : 0; /* FCMEQ */
    case 0x1e: return a64_fp_binary(FP_MAX, a, b, dbl, fpcr, fpsr);
    case 0x38: return a64_fp_binary(FP_MINNM, a, b, dbl, fpcr, fpsr);
    case 0x39: return a64_fp_fma(d, a, b, 1, 0, dbl, fpcr, fpsr); /* FMLS */
    case 0x3a: return a64_fp_binary(FP_SUB, a, b, dbl, fpcr, fpsr);
    case 0x3e: return a64_fp_binary(FP_MIN, a, b, dbl, fpcr, fpsr);
    case 0x5b: return a64_fp_binary(FP_MUL, a, b, dbl, fpcr, fpsr);
    case 0x5f: return a64_fp_binary(FP_DIV, a, b, dbl, fpcr, fpsr);
    case 0x5c: nzcv = a64_fp_compare(a, b, 1, dbl, fpsr); return nzcv == 6 || nzcv == 2 ? all_ones(dbl) : 0; /* FCMGE */
    case 0x5d:
        nzcv = a64_fp_compare(fp_abs(a, dbl), fp_abs(b, dbl), 1, dbl, fpsr); /* FACGE */
        return nzcv == 6 || nzcv == 2 ? all_ones(dbl) : 0;
    case 0x7c: return a64_fp_compare(a, b, 1, dbl, fpsr) == 2 ? all_ones(dbl) : 0;                           /* FCMGT */
    case 0x7d: return a64_fp_compare(fp_abs(a, dbl), fp_abs(b, dbl), 1, dbl, fpsr) == 2 ? all_ones(dbl) : 0; /* FACGT */
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
    case 0x1d: return a64_int_to_fp(x, 1, bits, dbl, fpcr, fpsr);                  /* SCVTF */
    case 0x2c: return a64_fp_compare(x, 0, 1, dbl, fpsr) == 2 ? all_ones(dbl) : 0; /* FCMGT #0 */
    case 0x2d: return a64_fp_compare(x, 0, 0, dbl, fpsr) == 6 ? all_ones(dbl) : 0; /* FCMEQ #0 */
    case 0x2e: return a64_fp_compare(x, 0, 1, dbl, fpsr) == 8 ? all_ones(dbl) : 0; /* FCMLT #0 */
    case 0x2f: return fp_abs(x, dbl);                                              /* FABS */
    case 0x38: return a64_fp_round_int(x, FPROUND_PLUS, 0, dbl, fpcr, fpsr);
    case 0x39: return a64_fp_round_int(x, FPROUND_ZERO, 0, dbl, fpcr, fpsr);
    case 0x3a: return a64_fp_to_int(x, FPROUND_PLUS, 1, bits, dbl, fpcr, fpsr);
    case 0x3b: return a64_fp_to_int(x, FPROUND_ZERO, 1, bits, dbl, fpcr, fpsr);
    case 0x58: return a64_fp_round_int(x, FPROUND_AWAY, 0, dbl, fpcr, fpsr);
    case 0x59: return a64_fp_round_int(x, FPROUND_FPCR, 1, dbl, fpcr, fpsr); /* FRINTX */
    case 0x5a: return a64_fp_to_int(x, FPROUND_NEAREST, 0, bits, dbl, fpcr, fpsr);
    case 0x5b: return a64_fp_to_int(x, FPROUND_MINUS, 0, bits, dbl, fpcr, fpsr);
    case 0x5c: return a64_fp_to_int(x, FPROUND_AWAY, 0, bits, dbl, fpcr, fpsr);
    case 0x5d: return a64_int_to_fp(x, 0, bits, dbl, fpcr, fpsr); /* UCVTF */
    case 0x6c:
        nzcv = a64_fp_compare(x, 0, 1, dbl, fpsr);
        return nzcv == 2 || nzcv == 6 ? all_ones(dbl) : 0; /* FCMGE #0 */
    case 0x6d:
        nzcv = a64_fp_compare(x, 0, 1, dbl, fpsr);
        return nzcv == 8 || nzcv == 6 ? all_ones(dbl) : 0;                   /* FCMLE #0 */
    case 0x6f: return x ^ (dbl ? UINT64_C(1) << 63 : UINT64_C(1) << 31);     /* FNEG */
    case 0x79: return a64_fp_round_int(x, FPROUND_FPCR, 0, dbl, fpcr, fpsr); /* FRINTI */
    case 0x7a: return a64_fp_to_int(x, FPROUND_PLUS, 0, bits, dbl, fpcr, fpsr);
    case 0x7b: return a64_fp_to_int(x, FPROUND_ZERO, 0, bits, dbl, fpcr, fpsr);
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

/* FCVTN (narrow doubles to singles, into the upper half with q) and FCVTL
 * (widen the lower or, with q, upper singles) */
vec a64_simd_fcvtn(vec d, vec a, uint64_t q, uint32_t fpcr, uint32_t *fpsr)
{
    vec r = q ? (d & ~(vec)0 >> 64) : 0;
    for (unsigned i = 0; i < 2; i++)
        r = fp_put(r, 0, i + (q ? 2 : 0), a64_fp_convert_size(fp_lane(a, 1, i), 2, 1, fpcr, fpsr));
    return r;
}
vec a64_simd_fcvtl(vec a, uint64_t q, uint32_t fpcr, uint32_t *fpsr)
{
    vec r = 0;
    for (unsigned i = 0; i < 2; i++)
        r = fp_put(r, 1, i, a64_fp_convert_size(fp_lane(a, 0, i + (q ? 2 : 0)), 1, 2, fpcr, fpsr));
    return r;
}

/* FMAXV, FMINV, FMAXNMV, FMINNMV (4 singles): pairwise, as the pseudo-code reduces */
uint64_t a64_simd_fp_across(uint64_t op, vec a, uint32_t fpcr, uint32_t *fpsr)
{
    uint64_t low = a64_fp_binary(op, fp_lane(a, 0, 0), fp_lane(a, 0, 1), 0, fpcr, fpsr);
    uint64_t high = a64_fp_binary(op, fp_lane(a, 0, 2), fp_lane(a, 0, 3), 0, fpcr, fpsr);
    return a64_fp_binary(op, low, high, 0, fpcr, fpsr);
}

/* FMLA, FMLS, FMUL (by element): every lane of a with element index of b */
vec a64_simd_fp_element(uint64_t kind, vec d, vec a, vec b, uint64_t index, uint64_t dbl, uint64_t q, uint32_t fpcr,
                        uint32_t *fpsr)
{
    uint64_t m = fp_lane(b, dbl, (unsigned)index);
    vec r = 0;
    for (unsigned i = 0; i < fp_lanes(dbl, q); i++) {
        uint64_t x = fp_lane(a, dbl, i), acc = fp_lane(d, dbl, i);
        uint64_t v = kind == 0   ? a64_fp_fma(acc, x, m, 0, 0, dbl, fpcr, fpsr)
                     : kind == 1 ? a64_fp_fma(acc, x, m, 1, 0, dbl, fpcr, fpsr)
                                 : a64_fp_binary(FP_MUL, x, m, dbl, fpcr, fpsr);
        r = fp_put(r, dbl, i, v);
    }
    return r;
}
