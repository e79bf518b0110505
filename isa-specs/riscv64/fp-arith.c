/* F/D arithmetic: add, sub, mul, div, sqrt and the four fused multiply-adds.
 *
 * RNE, RTZ, RDN and RUP are the host's own rounding modes, so the host SSE
 * unit computes the result and its flags directly (x86 detects tininess after
 * rounding, as RISC-V does).  RMM differs from RNE only when the exact result
 * lies exactly halfway between two neighbours: there RNE picks the even one
 * and RMM the one of larger magnitude.  So RMM is computed in RNE, and when
 * the result is inexact an exact integer test decides whether it was a tie;
 * for a tie the result is the RTZ result stepped one unit away from zero.
 * The flags of a tie are the same in both modes (a tie that overflows or is
 * tiny does so in both), so RNE's flags stand; the RTZ run's are OR-ed in
 * too, changing nothing, because whatever MXCSR holds must be in fflags. */
#include <math.h>
#include <string.h>

#include "fp-helpers.h"
#include "fp-internal.h"

enum fp_op { OP_ADD, OP_MUL, OP_DIV, OP_SQRT, OP_FMA };

void fp_host_flags_clear(void)
{
    uint32_t nearest = MXCSR_NEAREST;
    __asm__ volatile("ldmxcsr %0" : : "m"(nearest) : "memory");
}

void fp_host_flags_commit(uint8_t *fflags)
{
    uint32_t mxcsr;
    __asm__ volatile("stmxcsr %0" : "=m"(mxcsr) : : "memory");
    *fflags |= fflags_from_mxcsr(mxcsr);
}

static inline double double_from_bits(uint64_t bits)
{
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

static inline uint64_t bits_from_double(double value)
{
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

static inline float float_from_bits(uint64_t bits)
{
    uint32_t narrow = (uint32_t)bits;
    float value;
    memcpy(&value, &narrow, sizeof value);
    return value;
}

static inline uint64_t bits_from_float(float value)
{
    uint32_t bits;
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

static ALWAYS_INLINE uint64_t host_double_op(enum fp_op op, uint64_t a_bits, uint64_t b_bits,
                                      uint64_t c_bits, uint8_t rm, uint8_t *fflags)
{
    double a = double_from_bits(a_bits), b = double_from_bits(b_bits);
    double c = double_from_bits(c_bits), result;
    struct host_fpu state = host_fpu_enter(rm);
    HOST_FENCE(a);
    HOST_FENCE(b);
    HOST_FENCE(c);
    switch (op) {
    case OP_ADD: result = a + b; break;
    case OP_MUL: result = a * b; break;
    case OP_DIV: result = a / b; break;
    /* sqrtsd directly: libm's sqrt would set errno for negative operands */
    case OP_SQRT: __asm__("sqrtsd %1, %0" : "=x"(result) : "x"(a)); break;
    default: result = fma(a, b, c); break;
    }
    HOST_FENCE(result);
    uint64_t bits = bits_from_double(result);
    if (host_flags_needed(rm))
        *fflags |= host_fpu_leave(&state, rm);
    return bits;
}

static ALWAYS_INLINE uint64_t host_single_op(enum fp_op op, uint64_t a_bits, uint64_t b_bits,
                                      uint64_t c_bits, uint8_t rm, uint8_t *fflags)
{
    float a = float_from_bits(a_bits), b = float_from_bits(b_bits);
    float c = float_from_bits(c_bits), result;
    struct host_fpu state = host_fpu_enter(rm);
    HOST_FENCE(a);
    HOST_FENCE(b);
    HOST_FENCE(c);
    switch (op) {
    case OP_ADD: result = a + b; break;
    case OP_MUL: result = a * b; break;
    case OP_DIV: result = a / b; break;
    case OP_SQRT: __asm__("sqrtss %1, %0" : "=x"(result) : "x"(a)); break;
    default: result = fmaf(a, b, c); break;
    }
    HOST_FENCE(result);
    uint64_t bits = bits_from_float(result);
    if (host_flags_needed(rm))
        *fflags |= host_fpu_leave(&state, rm);
    return bits;
}

static inline int trailing_zeros_128(unsigned __int128 value)
{
    uint64_t low = (uint64_t)value;
    return low ? __builtin_ctzll(low) : 64 + __builtin_ctzll((uint64_t)(value >> 64));
}

/* Exponent of the lowest set bit of s1*m1*2^e1 + s2*m2*2^e2 (terms exact,
 * not both zero, sum non-zero). */
static int lowest_set_bit_of_sum(bool sign1, unsigned __int128 m1, int e1, bool sign2,
                                 unsigned __int128 m2, int e2)
{
    if (m1 == 0)
        return trailing_zeros_128(m2) + e2;
    if (m2 == 0)
        return trailing_zeros_128(m1) + e1;
    int zeros1 = trailing_zeros_128(m1), zeros2 = trailing_zeros_128(m2);
    int low1 = zeros1 + e1, low2 = zeros2 + e2;
    if (low1 != low2)
        return low1 < low2 ? low1 : low2;
    /* Both lowest bits at the same place: the odd parts add or cancel there. */
    unsigned __int128 odd1 = m1 >> zeros1, odd2 = m2 >> zeros2;
    unsigned __int128 sum = sign1 == sign2 ? odd1 + odd2
                            : odd1 > odd2  ? odd1 - odd2
                                           : odd2 - odd1;
    return low1 + trailing_zeros_128(sum);
}

/* Whether the exact result of OP was halfway between two neighbours in the
 * format, given the round-to-nearest result (finite, inexact).  A tie is an
 * odd multiple of half the spacing of representable numbers around it. */
static bool result_was_tie(const struct fp_format *format, enum fp_op op, uint64_t a_bits,
                           uint64_t b_bits, uint64_t c_bits, uint64_t rounded)
{
    struct fp_parts a = fp_decode(format, a_bits), b = fp_decode(format, b_bits);
    struct fp_parts c = fp_decode(format, c_bits), result = fp_decode(format, rounded);
    int half_spacing = result.exponent - 1;
    /* If rounding went up to a power of two, the exact value sits in the binade
     * below with half this spacing, so an odd multiple of half_spacing there
     * would have been representable, contradicting inexactness: the test
     * below stays correct. */
    switch (op) {
    case OP_ADD:
        return lowest_set_bit_of_sum(a.sign, a.significand, a.exponent, b.sign, b.significand,
                                     b.exponent) == half_spacing;
    case OP_MUL:
        return __builtin_ctzll(a.significand) + a.exponent + __builtin_ctzll(b.significand) +
                   b.exponent == half_spacing;
    case OP_FMA: {
        unsigned __int128 product = (unsigned __int128)a.significand * b.significand;
        return lowest_set_bit_of_sum(a.sign != b.sign, product, a.exponent + b.exponent, c.sign,
                                     c.significand, c.exponent) == half_spacing;
    }
    case OP_DIV: {
        /* a/b = (odd_a/odd_b) * 2^shift is an odd multiple of 2^half_spacing
         * only if odd_b divides odd_a and shift == half_spacing.  (Possible
         * only for subnormal results: a normal quotient never has p+1
         * significant bits.) */
        int zeros_a = __builtin_ctzll(a.significand), zeros_b = __builtin_ctzll(b.significand);
        int shift = zeros_a + a.exponent - zeros_b - b.exponent;
        return shift == half_spacing &&
               (a.significand >> zeros_a) % (b.significand >> zeros_b) == 0;
    }
    default:
        return false; /* a square root is never exactly halfway */
    }
}

static ALWAYS_INLINE uint64_t host_op(const struct fp_format *format, enum fp_op op, uint64_t a, uint64_t b,
                        uint64_t c, uint8_t rm, uint8_t *fflags)
{
    return format == &FORMAT_SINGLE ? host_single_op(op, a, b, c, rm, fflags)
                                    : host_double_op(op, a, b, c, rm, fflags);
}

static ALWAYS_INLINE bool any_nan_operand(const struct fp_format *format, enum fp_op op, uint64_t a,
                                   uint64_t b, uint64_t c)
{
    int operands = op == OP_SQRT ? 1 : op == OP_FMA ? 3 : 2;
    return fp_is_nan(format, a) || (operands > 1 && fp_is_nan(format, b)) ||
           (operands > 2 && fp_is_nan(format, c));
}

/* NaN operands give the canonical NaN; signalling ones raise NV.  Fused
 * multiply-add also raises NV for inf*0 even when the addend is a quiet NaN
 * (F extension, "Single-Precision Floating-Point Computational
 * Instructions"). */
static __attribute__((noinline)) uint64_t nan_result(const struct fp_format *format,
                                                     enum fp_op op, uint64_t a, uint64_t b,
                                                     uint64_t c, uint8_t *fflags)
{
    int operands = op == OP_SQRT ? 1 : op == OP_FMA ? 3 : 2;
    uint64_t values[3] = { a, b, c };
    bool any_signalling = false;
    for (int i = 0; i < operands; i++)
        any_signalling |= fp_is_signalling_nan(format, values[i]);
    if (op == OP_FMA) {
        uint64_t magnitude_mask = fp_sign_bit(format) - 1;
        bool a_zero = (a & magnitude_mask) == 0, b_zero = (b & magnitude_mask) == 0;
        if ((fp_is_infinite(format, a) && b_zero) || (a_zero && fp_is_infinite(format, b)))
            any_signalling = true;
    }
    if (any_signalling)
        *fflags |= FLAG_NV;
    return format->canonical_nan;
}

/* RMM after the round-to-nearest-even result came out inexact and finite. */
static __attribute__((noinline)) uint64_t round_ties_away(const struct fp_format *format,
                                                          enum fp_op op, uint64_t a, uint64_t b,
                                                          uint64_t c, uint64_t nearest_even,
                                                          uint8_t *fflags)
{
    if (!result_was_tie(format, op, a, b, c, nearest_even))
        return nearest_even;
    return host_op(format, op, a, b, c, RM_RTZ, fflags) + 1;
}

/* One arithmetic operation on unboxed operand bits.  Inlined into each
 * helper so that the format and the operation are constants there. */
static ALWAYS_INLINE uint64_t
arithmetic(const struct fp_format *format, enum fp_op op, uint64_t a, uint64_t b, uint64_t c,
           uint8_t rm, uint8_t *fflags)
{
    if (__builtin_expect(any_nan_operand(format, op, a, b, c), 0))
        return nan_result(format, op, a, b, c, fflags);
    /* RMM's tie test needs this operation's own flags, which only the
     * non-RNE host path gives; RNE leaves its flags pending in MXCSR. */
    uint8_t own = 0;
    uint64_t result = host_op(format, op, a, b, c, rm, rm == RM_RMM ? &own : fflags);
    if (__builtin_expect(rm == RM_RMM, 0)) /* no read-modify-write of fflags otherwise */
        *fflags |= own;
    if (__builtin_expect(fp_is_nan(format, result), 0))
        return format->canonical_nan;
    if (__builtin_expect(rm == RM_RMM, 0) && (own & FLAG_NX) &&
        !fp_is_infinite(format, result))
        return round_ties_away(format, op, a, b, c, result, fflags);
    return result;
}

static ALWAYS_INLINE uint64_t single_op(enum fp_op op, uint64_t a, uint64_t b, uint64_t c, uint8_t rm,
                          uint8_t *fflags)
{
    return fp_box_single(arithmetic(&FORMAT_SINGLE, op, fp_unbox_single(a), fp_unbox_single(b),
                                    fp_unbox_single(c), rm, fflags));
}

static ALWAYS_INLINE uint64_t double_op(enum fp_op op, uint64_t a, uint64_t b, uint64_t c, uint8_t rm,
                          uint8_t *fflags)
{
    return arithmetic(&FORMAT_DOUBLE, op, a, b, c, rm, fflags);
}

/* Subtraction and the negated fused forms negate an operand first: IEEE 754
 * defines a-b as a+(-b), and -(a*b) = (-a)*b exactly.  Negating a NaN keeps
 * it a NaN of the same kind, and improperly boxed operands are replaced by
 * the canonical NaN before negation. */
#define SINGLE_NEGATE(x) (fp_unbox_single(x) ^ 0x80000000u)
#define DOUBLE_NEGATE(x) ((x) ^ 0x8000000000000000u)

uint64_t fp_add_s(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags)
{
    return single_op(OP_ADD, a, b, 0, rm, fflags);
}

uint64_t fp_sub_s(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags)
{
    return single_op(OP_ADD, a, fp_box_single(SINGLE_NEGATE(b)), 0, rm, fflags);
}

uint64_t fp_mul_s(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags)
{
    return single_op(OP_MUL, a, b, 0, rm, fflags);
}

uint64_t fp_div_s(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags)
{
    return single_op(OP_DIV, a, b, 0, rm, fflags);
}

uint64_t fp_sqrt_s(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    return single_op(OP_SQRT, a, 0, 0, rm, fflags);
}

uint64_t fp_madd_s(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags)
{
    return single_op(OP_FMA, a, b, c, rm, fflags);
}

uint64_t fp_msub_s(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags)
{
    return single_op(OP_FMA, a, b, fp_box_single(SINGLE_NEGATE(c)), rm, fflags);
}

uint64_t fp_nmsub_s(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags)
{
    return single_op(OP_FMA, fp_box_single(SINGLE_NEGATE(a)), b, c, rm, fflags);
}

uint64_t fp_nmadd_s(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags)
{
    return single_op(OP_FMA, fp_box_single(SINGLE_NEGATE(a)), b,
                     fp_box_single(SINGLE_NEGATE(c)), rm, fflags);
}

uint64_t fp_add_d(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags)
{
    return double_op(OP_ADD, a, b, 0, rm, fflags);
}

uint64_t fp_sub_d(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags)
{
    return double_op(OP_ADD, a, DOUBLE_NEGATE(b), 0, rm, fflags);
}

uint64_t fp_mul_d(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags)
{
    return double_op(OP_MUL, a, b, 0, rm, fflags);
}

uint64_t fp_div_d(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags)
{
    return double_op(OP_DIV, a, b, 0, rm, fflags);
}

uint64_t fp_sqrt_d(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    return double_op(OP_SQRT, a, 0, 0, rm, fflags);
}

uint64_t fp_madd_d(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags)
{
    return double_op(OP_FMA, a, b, c, rm, fflags);
}

uint64_t fp_msub_d(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags)
{
    return double_op(OP_FMA, a, b, DOUBLE_NEGATE(c), rm, fflags);
}

uint64_t fp_nmsub_d(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags)
{
    return double_op(OP_FMA, DOUBLE_NEGATE(a), b, c, rm, fflags);
}

uint64_t fp_nmadd_d(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags)
{
    return double_op(OP_FMA, DOUBLE_NEGATE(a), b, DOUBLE_NEGATE(c), rm, fflags);
}
