/* F/D conversions: float <-> integer in integer arithmetic (exact in every
 * rounding mode, and x86 has no unsigned 64-bit conversions), double -> single
 * on the host with the RMM tie fix-up, single -> double exactly. */
#include <string.h>

#include "fp-helpers.h"
#include "fp-internal.h"

/* Whether a magnitude with the given discarded part rounds up (away from
 * zero).  half is the weight of the first discarded bit. */
static bool rounds_up(uint8_t rm, bool negative, bool kept_is_odd, uint64_t discarded,
                      uint64_t half)
{
    switch (rm) {
    case RM_RNE: return discarded > half || (discarded == half && kept_is_odd);
    case RM_RTZ: return false;
    case RM_RDN: return discarded != 0 && negative;
    case RM_RUP: return discarded != 0 && !negative;
    default: return discarded >= half;
    }
}

/* --- float -> integer --- */

struct integer_range {
    bool is_signed;
    int width;
};

static const struct integer_range RANGE_W = { true, 32 }, RANGE_WU = { false, 32 };
static const struct integer_range RANGE_L = { true, 64 }, RANGE_LU = { false, 64 };

static uint64_t range_max(const struct integer_range *range)
{
    return range->is_signed ? (1ull << (range->width - 1)) - 1
                            : ~0ull >> (64 - range->width);
}

/* Results narrower than 64 bits are sign-extended, fcvt.wu included (RV64
 * rule: "FCVT.WU.S ... sign-extends the 32-bit result"). */
static uint64_t widen(const struct integer_range *range, uint64_t value)
{
    return range->width == 32 ? (uint64_t)(int64_t)(int32_t)(uint32_t)value : value;
}

/* Invalid conversions (NaN, infinite, out of range after rounding) saturate
 * with NV and without NX; NaN counts as positive (F extension, table
 * "Domains of float-to-integer conversions"). */
static uint64_t to_integer(const struct fp_format *format, uint64_t bits,
                           const struct integer_range *range, uint8_t rm, uint8_t *fflags)
{
    struct fp_parts value = fp_decode(format, bits);
    bool representable = !fp_is_nan(format, bits) && !fp_is_infinite(format, bits);
    bool negative = value.sign && !fp_is_nan(format, bits);
    unsigned __int128 magnitude = 0;
    bool inexact = false;
    if (representable && value.exponent >= 0) {
        /* exponent < 75 keeps the shifted significand inside 128 bits */
        if (value.exponent >= 75)
            representable = false;
        else
            magnitude = (unsigned __int128)value.significand << value.exponent;
    } else if (representable) {
        int shift = -value.exponent;
        uint64_t kept = shift >= 64 ? 0 : value.significand >> shift;
        uint64_t discarded = shift >= 64 ? value.significand
                                         : value.significand & ((1ull << shift) - 1);
        /* beyond 64 places the first discarded bit weighs more than the
         * whole 53-bit significand */
        uint64_t half = shift > 64 ? ~0ull : 1ull << (shift - 1);
        inexact = discarded != 0;
        magnitude = kept + rounds_up(rm, negative, kept & 1, discarded, half);
    }
    unsigned __int128 limit = negative ? (range->is_signed ? (unsigned __int128)range_max(range) + 1 : 0)
                                       : range_max(range);
    if (!representable || magnitude > limit) {
        *fflags |= FLAG_NV;
        if (negative)
            return widen(range, range->is_signed ? 1ull << (range->width - 1) : 0);
        return widen(range, range_max(range));
    }
    if (inexact)
        *fflags |= FLAG_NX;
    uint64_t result = (uint64_t)magnitude;
    return widen(range, negative ? -result : result);
}

/* --- integer -> float --- */

static uint64_t from_integer(const struct fp_format *format, bool negative, uint64_t magnitude,
                             uint8_t rm, uint8_t *fflags)
{
    if (magnitude == 0)
        return 0; /* +0 in every rounding mode */
    int precision = format->fraction_bits + 1;
    int top_bit = 63 - __builtin_clzll(magnitude);
    uint64_t significand = magnitude;
    if (top_bit >= precision) {
        int shift = top_bit - format->fraction_bits;
        uint64_t discarded = magnitude & ((1ull << shift) - 1);
        significand = magnitude >> shift;
        if (discarded)
            *fflags |= FLAG_NX;
        if (rounds_up(rm, negative, significand & 1, discarded, 1ull << (shift - 1)))
            significand++;
        if (significand >> precision) { /* rounding carried into a new bit */
            significand >>= 1;
            top_bit++;
        }
    } else {
        significand <<= format->fraction_bits - top_bit;
    }
    uint64_t biased = (uint64_t)(top_bit + fp_bias(format));
    uint64_t sign = negative ? fp_sign_bit(format) : 0;
    return sign | biased << format->fraction_bits | fp_fraction_field(format, significand);
}

static uint64_t from_signed(const struct fp_format *format, int64_t value, uint8_t rm,
                            uint8_t *fflags)
{
    uint64_t magnitude = value < 0 ? -(uint64_t)value : (uint64_t)value;
    return from_integer(format, value < 0, magnitude, rm, fflags);
}

uint64_t fp_cvt_w_s(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    return to_integer(&FORMAT_SINGLE, fp_unbox_single(a), &RANGE_W, rm, fflags);
}

uint64_t fp_cvt_wu_s(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    return to_integer(&FORMAT_SINGLE, fp_unbox_single(a), &RANGE_WU, rm, fflags);
}

uint64_t fp_cvt_l_s(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    return to_integer(&FORMAT_SINGLE, fp_unbox_single(a), &RANGE_L, rm, fflags);
}

uint64_t fp_cvt_lu_s(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    return to_integer(&FORMAT_SINGLE, fp_unbox_single(a), &RANGE_LU, rm, fflags);
}

uint64_t fp_cvt_w_d(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    return to_integer(&FORMAT_DOUBLE, a, &RANGE_W, rm, fflags);
}

uint64_t fp_cvt_wu_d(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    return to_integer(&FORMAT_DOUBLE, a, &RANGE_WU, rm, fflags);
}

uint64_t fp_cvt_l_d(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    return to_integer(&FORMAT_DOUBLE, a, &RANGE_L, rm, fflags);
}

uint64_t fp_cvt_lu_d(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    return to_integer(&FORMAT_DOUBLE, a, &RANGE_LU, rm, fflags);
}

uint64_t fp_cvt_s_w(uint64_t x, uint8_t rm, uint8_t *fflags)
{
    return fp_box_single(from_signed(&FORMAT_SINGLE, (int32_t)x, rm, fflags));
}

uint64_t fp_cvt_s_wu(uint64_t x, uint8_t rm, uint8_t *fflags)
{
    return fp_box_single(from_integer(&FORMAT_SINGLE, false, (uint32_t)x, rm, fflags));
}

uint64_t fp_cvt_s_l(uint64_t x, uint8_t rm, uint8_t *fflags)
{
    return fp_box_single(from_signed(&FORMAT_SINGLE, (int64_t)x, rm, fflags));
}

uint64_t fp_cvt_s_lu(uint64_t x, uint8_t rm, uint8_t *fflags)
{
    return fp_box_single(from_integer(&FORMAT_SINGLE, false, x, rm, fflags));
}

uint64_t fp_cvt_d_w(uint64_t x, uint8_t rm, uint8_t *fflags)
{
    return from_signed(&FORMAT_DOUBLE, (int32_t)x, rm, fflags);
}

uint64_t fp_cvt_d_wu(uint64_t x, uint8_t rm, uint8_t *fflags)
{
    return from_integer(&FORMAT_DOUBLE, false, (uint32_t)x, rm, fflags);
}

uint64_t fp_cvt_d_l(uint64_t x, uint8_t rm, uint8_t *fflags)
{
    return from_signed(&FORMAT_DOUBLE, (int64_t)x, rm, fflags);
}

uint64_t fp_cvt_d_lu(uint64_t x, uint8_t rm, uint8_t *fflags)
{
    return from_integer(&FORMAT_DOUBLE, false, x, rm, fflags);
}

/* --- between the formats --- */

static uint32_t host_narrow(uint64_t bits, uint8_t rm, uint8_t *fflags)
{
    double wide;
    memcpy(&wide, &bits, sizeof wide);
    struct host_fpu state = host_fpu_enter(rm);
    HOST_FENCE(wide);
    float narrow = (float)wide;
    HOST_FENCE(narrow);
    *fflags |= host_fpu_leave(&state, rm);
    uint32_t result;
    memcpy(&result, &narrow, sizeof result);
    return result;
}

uint64_t fp_cvt_s_d(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    if (fp_is_nan(&FORMAT_DOUBLE, a)) {
        if (fp_is_signalling_nan(&FORMAT_DOUBLE, a))
            *fflags |= FLAG_NV;
        return fp_box_single(FORMAT_SINGLE.canonical_nan);
    }
    uint8_t raised = 0; /* only this conversion's flags when rm is RMM */
    uint32_t result = host_narrow(a, rm, &raised);
    *fflags |= raised;
    if (rm == RM_RMM && (raised & FLAG_NX) && !fp_is_infinite(&FORMAT_SINGLE, result)) {
        /* RMM differs from RNE only at a tie: the double is an odd multiple
         * of half the single spacing around the result. */
        struct fp_parts wide = fp_decode(&FORMAT_DOUBLE, a);
        struct fp_parts narrow = fp_decode(&FORMAT_SINGLE, result);
        if (__builtin_ctzll(wide.significand) + wide.exponent == narrow.exponent - 1)
            result = host_narrow(a, RM_RTZ, fflags) + 1; /* a tie's flags: RNE's */
    }
    return fp_box_single(result);
}

/* Always exact; only a signalling NaN raises anything. */
uint64_t fp_cvt_d_s(uint64_t a, uint8_t rm, uint8_t *fflags)
{
    (void)rm;
    uint64_t single = fp_unbox_single(a);
    if (fp_is_nan(&FORMAT_SINGLE, single)) {
        if (fp_is_signalling_nan(&FORMAT_SINGLE, single))
            *fflags |= FLAG_NV;
        return FORMAT_DOUBLE.canonical_nan;
    }
    uint64_t sign = (single >> 31) << 63;
    if (fp_is_infinite(&FORMAT_SINGLE, single))
        return sign | 0x7ff0000000000000ull;
    if ((single & 0x7fffffffu) == 0)
        return sign;
    struct fp_parts value = fp_decode(&FORMAT_SINGLE, single);
    /* normalise: every single, subnormal or not, is a normal double */
    int top_bit = 63 - __builtin_clzll(value.significand);
    uint64_t fraction = (value.significand << (52 - top_bit)) & ((1ull << 52) - 1);
    uint64_t biased = (uint64_t)(value.exponent + top_bit + fp_bias(&FORMAT_DOUBLE));
    return sign | biased << 52 | fraction;
}
