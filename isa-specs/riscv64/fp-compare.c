/* F/D min, max, comparisons and fclass.  None of these round, so they work on
 * the bits alone and never touch the host FPU. */
#include "fp-helpers.h"
#include "fp-internal.h"

/* Orders finite and infinite values as integers, with -0 just below +0. */
static int64_t ordering_key(const struct fp_format *format, uint64_t bits)
{
    uint64_t sign = fp_sign_bit(format);
    int64_t magnitude = (int64_t)(bits & (sign - 1));
    return (bits & sign) ? -magnitude - 1 : magnitude;
}

static bool both_zero(const struct fp_format *format, uint64_t a, uint64_t b)
{
    uint64_t magnitude_mask = fp_sign_bit(format) - 1;
    return ((a | b) & magnitude_mask) == 0;
}

/* fmin/fmax (F extension, version 2.2 on): a NaN operand loses to a number,
 * two NaNs give the canonical NaN, and only signalling NaNs raise NV. */
static uint64_t min_or_max(const struct fp_format *format, uint64_t a, uint64_t b, bool want_max,
                           uint8_t *fflags)
{
    if (fp_is_signalling_nan(format, a) || fp_is_signalling_nan(format, b))
        *fflags |= FLAG_NV;
    bool a_nan = fp_is_nan(format, a), b_nan = fp_is_nan(format, b);
    if (a_nan && b_nan)
        return format->canonical_nan;
    if (a_nan)
        return b;
    if (b_nan)
        return a;
    bool a_smaller = ordering_key(format, a) < ordering_key(format, b);
    return a_smaller != want_max ? a : b;
}

enum comparison { COMPARE_EQ, COMPARE_LT, COMPARE_LE };

/* feq is a quiet comparison (NV for signalling NaNs only); flt and fle are
 * signalling (NV for any NaN).  Unordered operands compare false. */
static uint64_t compare(const struct fp_format *format, uint64_t a, uint64_t b,
                        enum comparison comparison, uint8_t *fflags)
{
    if (fp_is_nan(format, a) || fp_is_nan(format, b)) {
        bool signalling = fp_is_signalling_nan(format, a) || fp_is_signalling_nan(format, b);
        if (comparison != COMPARE_EQ || signalling)
            *fflags |= FLAG_NV;
        return 0;
    }
    bool equal = a == b || both_zero(format, a, b);
    bool less = !equal && ordering_key(format, a) < ordering_key(format, b);
    switch (comparison) {
    case COMPARE_EQ: return equal;
    case COMPARE_LT: return less;
    default: return less || equal;
    }
}

/* fclass: one bit set, from 0 (-inf) up through 7 (+inf), 8 sNaN, 9 qNaN. */
static uint64_t classify(const struct fp_format *format, uint64_t bits)
{
    if (fp_is_nan(format, bits))
        return fp_is_signalling_nan(format, bits) ? 1u << 8 : 1u << 9;
    bool negative = (bits & fp_sign_bit(format)) != 0;
    int positive_class;
    if (fp_is_infinite(format, bits))
        positive_class = 7;
    else if (fp_exponent_field(format, bits) != 0)
        positive_class = 6;
    else if (fp_fraction_field(format, bits) != 0)
        positive_class = 5;
    else
        positive_class = 4;
    return 1u << (negative ? 7 - positive_class : positive_class);
}

uint64_t fp_min_s(uint64_t a, uint64_t b, uint8_t *fflags)
{
    return fp_box_single(
        min_or_max(&FORMAT_SINGLE, fp_unbox_single(a), fp_unbox_single(b), false, fflags));
}

uint64_t fp_max_s(uint64_t a, uint64_t b, uint8_t *fflags)
{
    return fp_box_single(
        min_or_max(&FORMAT_SINGLE, fp_unbox_single(a), fp_unbox_single(b), true, fflags));
}

uint64_t fp_eq_s(uint64_t a, uint64_t b, uint8_t *fflags)
{
    return compare(&FORMAT_SINGLE, fp_unbox_single(a), fp_unbox_single(b), COMPARE_EQ, fflags);
}

uint64_t fp_lt_s(uint64_t a, uint64_t b, uint8_t *fflags)
{
    return compare(&FORMAT_SINGLE, fp_unbox_single(a), fp_unbox_single(b), COMPARE_LT, fflags);
}

uint64_t fp_le_s(uint64_t a, uint64_t b, uint8_t *fflags)
{
    return compare(&FORMAT_SINGLE, fp_unbox_single(a), fp_unbox_single(b), COMPARE_LE, fflags);
}

uint64_t fp_class_s(uint64_t a)
{
    return classify(&FORMAT_SINGLE, fp_unbox_single(a));
}

uint64_t fp_min_d(uint64_t a, uint64_t b, uint8_t *fflags)
{
    return min_or_max(&FORMAT_DOUBLE, a, b, false, fflags);
}

uint64_t fp_max_d(uint64_t a, uint64_t b, uint8_t *fflags)
{
    return min_or_max(&FORMAT_DOUBLE, a, b, true, fflags);
}

uint64_t fp_eq_d(uint64_t a, uint64_t b, uint8_t *fflags)
{
    return compare(&FORMAT_DOUBLE, a, b, COMPARE_EQ, fflags);
}

uint64_t fp_lt_d(uint64_t a, uint64_t b, uint8_t *fflags)
{
    return compare(&FORMAT_DOUBLE, a, b, COMPARE_LT, fflags);
}

uint64_t fp_le_d(uint64_t a, uint64_t b, uint8_t *fflags)
{
    return compare(&FORMAT_DOUBLE, a, b, COMPARE_LE, fflags);
}

uint64_t fp_class_d(uint64_t a)
{
    return classify(&FORMAT_DOUBLE, a);
}
