/* Unit tests of the F/D helpers: exact result bits and fflags, checked
 * against qemu-riscv64.  Build:
 *   gcc -O2 -Wall -Wextra -I isa-specs/riscv64 tests/isa/riscv64/fp-helpers-test.c \
 *       isa-specs/riscv64/fp-*.c -lcriterion -lm */
#include <criterion/criterion.h>
#include <stdint.h>
#include <xmmintrin.h>

#include "fp-helpers.h"

enum { RNE, RTZ, RDN, RUP, RMM };
enum { NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16 };

/* Single-precision register values are NaN-boxed. */
#define S(bits) (0xffffffff00000000ull | (uint32_t)(bits))

#define S_ONE S(0x3f800000)
#define S_TWO S(0x40000000)
#define S_MAX S(0x7f7fffff)
#define S_INF S(0x7f800000)
#define S_QNAN S(0x7fc00000)
#define S_SNAN S(0x7f800001)
#define D_ONE 0x3ff0000000000000ull
#define D_TWO 0x4000000000000000ull
#define D_MAX 0x7fefffffffffffffull
#define D_INF 0x7ff0000000000000ull
#define D_QNAN 0x7ff8000000000000ull
#define D_SNAN 0x7ff0000000000001ull
#define D_NEG 0x8000000000000000ull

static void expect_bits(const char *what, int rm, uint64_t got, uint8_t got_flags, uint64_t want,
                        uint8_t want_flags)
{
    cr_expect(got == want && got_flags == want_flags,
              "%s rm=%d: got %016llx flags %02x, want %016llx flags %02x", what, rm,
              (unsigned long long)got, got_flags, (unsigned long long)want, want_flags);
}

/* Calls FN with the operands then rm and &flags, and checks result and flags.
 * Fresh fflags lower the guest's flags, so MXCSR is cleared first, as the
 * contract in fp-helpers.h asks. */
#define EXPECT(fn, rm, want, want_flags, ...)                                      \
    do {                                                                          \
        uint8_t flags_ = 0;                                                       \
        fp_host_flags_clear();                                                    \
        uint64_t got_ = fn(__VA_ARGS__, rm, &flags_);                             \
        fp_host_flags_commit(&flags_);                                            \
        expect_bits(#fn "(" #__VA_ARGS__ ")", rm, got_, flags_, want, want_flags); \
    } while (0)

/* The same, for helpers without a rounding mode (min, max, comparisons). */
#define EXPECT_NO_RM(fn, want, want_flags, ...)                                   \
    do {                                                                          \
        uint8_t flags_ = 0;                                                       \
        fp_host_flags_clear();                                                    \
        uint64_t got_ = fn(__VA_ARGS__, &flags_);                                 \
        fp_host_flags_commit(&flags_);                                            \
        expect_bits(#fn "(" #__VA_ARGS__ ")", -1, got_, flags_, want, want_flags); \
    } while (0)

/* ---- rounding in every mode, RMM ties included ---- */

Test(fp_add, half_ulp_tie_rounds_per_mode)
{
    uint64_t half_ulp_s = S(0x33800000); /* 2^-24 */
    EXPECT(fp_add_s, RNE, S_ONE, NX, S_ONE, half_ulp_s);
    EXPECT(fp_add_s, RTZ, S_ONE, NX, S_ONE, half_ulp_s);
    EXPECT(fp_add_s, RDN, S_ONE, NX, S_ONE, half_ulp_s);
    EXPECT(fp_add_s, RUP, S(0x3f800001), NX, S_ONE, half_ulp_s);
    EXPECT(fp_add_s, RMM, S(0x3f800001), NX, S_ONE, half_ulp_s);

    uint64_t minus_one = S(0xbf800000), minus_half_ulp = S(0xb3800000);
    EXPECT(fp_add_s, RNE, minus_one, NX, minus_one, minus_half_ulp);
    EXPECT(fp_add_s, RTZ, minus_one, NX, minus_one, minus_half_ulp);
    EXPECT(fp_add_s, RDN, S(0xbf800001), NX, minus_one, minus_half_ulp);
    EXPECT(fp_add_s, RUP, minus_one, NX, minus_one, minus_half_ulp);
    EXPECT(fp_add_s, RMM, S(0xbf800001), NX, minus_one, minus_half_ulp);

    uint64_t half_ulp_d = 0x3ca0000000000000ull; /* 2^-53 */
    EXPECT(fp_add_d, RNE, D_ONE, NX, D_ONE, half_ulp_d);
    EXPECT(fp_add_d, RTZ, D_ONE, NX, D_ONE, half_ulp_d);
    EXPECT(fp_add_d, RDN, D_ONE, NX, D_ONE, half_ulp_d);
    EXPECT(fp_add_d, RUP, D_ONE + 1, NX, D_ONE, half_ulp_d);
    EXPECT(fp_add_d, RMM, D_ONE + 1, NX, D_ONE, half_ulp_d);
}

Test(fp_add, tie_to_odd_neighbour_is_the_same_in_rne_and_rmm)
{
    /* 1+2^-23 + 2^-24 lies between ...01 (odd) and ...02 (even): both go up */
    EXPECT(fp_add_s, RNE, S(0x3f800002), NX, S(0x3f800001), S(0x33800000));
    EXPECT(fp_add_s, RMM, S(0x3f800002), NX, S(0x3f800001), S(0x33800000));
    EXPECT(fp_add_s, RTZ, S(0x3f800001), NX, S(0x3f800001), S(0x33800000));
}

Test(fp_add, exact_sum_raises_nothing)
{
    EXPECT(fp_add_s, RNE, S(0x40400000), 0, S_ONE, S_TWO);
    EXPECT(fp_add_d, RMM, 0x4008000000000000ull, 0, D_ONE, D_TWO);
}

Test(fp_sub, exact_zero_is_negative_only_when_rounding_down)
{
    for (int rm = RNE; rm <= RMM; rm++) {
        uint64_t zero_s = rm == RDN ? S(0x80000000) : S(0);
        uint64_t zero_d = rm == RDN ? D_NEG : 0;
        EXPECT(fp_sub_s, rm, zero_s, 0, S_ONE, S_ONE);
        EXPECT(fp_sub_d, rm, zero_d, 0, D_ONE, D_ONE);
        EXPECT(fp_add_d, rm, zero_d, 0, D_NEG, 0);
    }
    EXPECT(fp_add_d, RNE, D_NEG, 0, D_NEG, D_NEG);
}

Test(fp_mul, product_tie_rounds_away_in_rmm)
{
    /* (1+2^-12)^2 = 1 + 2^-11 + 2^-24: halfway, the lower neighbour even */
    uint64_t a_s = S(0x3f800800);
    EXPECT(fp_mul_s, RNE, S(0x3f801000), NX, a_s, a_s);
    EXPECT(fp_mul_s, RMM, S(0x3f801001), NX, a_s, a_s);
    EXPECT(fp_mul_s, RUP, S(0x3f801001), NX, a_s, a_s);
    EXPECT(fp_mul_s, RTZ, S(0x3f801000), NX, a_s, a_s);
    /* (1+2^-26)(1+2^-27) = 1 + 2^-26 + 2^-27 + 2^-53 */
    EXPECT(fp_mul_d, RNE, 0x3ff0000006000000ull, NX, 0x3ff0000004000000ull,
           0x3ff0000002000000ull);
    EXPECT(fp_mul_d, RMM, 0x3ff0000006000001ull, NX, 0x3ff0000004000000ull,
           0x3ff0000002000000ull);
    EXPECT(fp_mul_d, RDN, 0xbff0000006000001ull, NX, 0xbff0000004000000ull,
           0x3ff0000002000000ull);
}

Test(fp_mul, overflow_result_depends_on_rounding_mode)
{
    EXPECT(fp_mul_s, RNE, S_INF, OF | NX, S_MAX, S_TWO);
    EXPECT(fp_mul_s, RTZ, S_MAX, OF | NX, S_MAX, S_TWO);
    EXPECT(fp_mul_s, RDN, S_MAX, OF | NX, S_MAX, S_TWO);
    EXPECT(fp_mul_s, RUP, S_INF, OF | NX, S_MAX, S_TWO);
    EXPECT(fp_mul_s, RMM, S_INF, OF | NX, S_MAX, S_TWO);
    uint64_t minus_two = D_TWO | D_NEG;
    EXPECT(fp_mul_d, RNE, D_INF | D_NEG, OF | NX, D_MAX, minus_two);
    EXPECT(fp_mul_d, RTZ, D_MAX | D_NEG, OF | NX, D_MAX, minus_two);
    EXPECT(fp_mul_d, RDN, D_INF | D_NEG, OF | NX, D_MAX, minus_two);
    EXPECT(fp_mul_d, RUP, D_MAX | D_NEG, OF | NX, D_MAX, minus_two);
    EXPECT(fp_mul_d, RMM, D_INF | D_NEG, OF | NX, D_MAX, minus_two);
}

Test(fp_mul, tininess_is_detected_after_rounding)
{
    /* (1+2^-23) * (1-2^-23)*2^-126 = (1-2^-46)*2^-126: rounds to the smallest
     * normal, and with an unbounded exponent it would round to 2^-126 too, so
     * it is not tiny: NX without UF.  Rounded toward zero it stays
     * subnormal: UF. */
    EXPECT(fp_mul_s, RNE, S(0x00800000), NX, S(0x3f800001), S(0x007fffff));
    EXPECT(fp_mul_s, RTZ, S(0x007fffff), UF | NX, S(0x3f800001), S(0x007fffff));
    EXPECT(fp_mul_s, RMM, S(0x00800000), NX, S(0x3f800001), S(0x007fffff));
    EXPECT(fp_mul_d, RNE, 0x0010000000000000ull, NX, D_ONE + 1, 0x000fffffffffffffull);
    EXPECT(fp_mul_d, RTZ, 0x000fffffffffffffull, UF | NX, D_ONE + 1, 0x000fffffffffffffull);
    /* (1-2^-24) * 2^-126 is tiny even after rounding up to 2^-126 */
    EXPECT(fp_mul_s, RNE, S(0x00800000), UF | NX, S(0x3f7fffff), S(0x00800000));
}

Test(fp_mul, exact_subnormal_result_raises_no_underflow)
{
    EXPECT(fp_mul_s, RNE, S(0x00000001), 0, S(0x00000002), S(0x3f000000));
    EXPECT(fp_mul_d, RNE, 0x0000000000000001ull, 0, 0x0000000000000002ull,
           0x3fe0000000000000ull);
}

Test(fp_div, subnormal_tie_rounds_away_in_rmm)
{
    /* min subnormal / 2 = half of it: RNE gives 0, RMM the min subnormal */
    EXPECT(fp_div_s, RNE, S(0), UF | NX, S(0x00000001), S_TWO);
    EXPECT(fp_div_s, RTZ, S(0), UF | NX, S(0x00000001), S_TWO);
    EXPECT(fp_div_s, RDN, S(0), UF | NX, S(0x00000001), S_TWO);
    EXPECT(fp_div_s, RUP, S(0x00000001), UF | NX, S(0x00000001), S_TWO);
    EXPECT(fp_div_s, RMM, S(0x00000001), UF | NX, S(0x00000001), S_TWO);
    EXPECT(fp_div_d, RNE, D_NEG, UF | NX, 0x8000000000000001ull, D_TWO);
    EXPECT(fp_div_d, RMM, 0x8000000000000001ull, UF | NX, 0x8000000000000001ull, D_TWO);
    /* 3 * min subnormal / 2: the even neighbour is also the away one */
    EXPECT(fp_div_d, RNE, 2, UF | NX, 3, D_TWO);
    EXPECT(fp_div_d, RMM, 2, UF | NX, 3, D_TWO);
    EXPECT(fp_div_d, RTZ, 1, UF | NX, 3, D_TWO);
}

Test(fp_div, one_third_rounds_per_mode)
{
    uint64_t three_s = S(0x40400000), three_d = 0x4008000000000000ull;
    EXPECT(fp_div_s, RNE, S(0x3eaaaaab), NX, S_ONE, three_s);
    EXPECT(fp_div_s, RTZ, S(0x3eaaaaaa), NX, S_ONE, three_s);
    EXPECT(fp_div_s, RMM, S(0x3eaaaaab), NX, S_ONE, three_s);
    EXPECT(fp_div_d, RNE, 0x3fd5555555555555ull, NX, D_ONE, three_d);
    EXPECT(fp_div_d, RUP, 0x3fd5555555555556ull, NX, D_ONE, three_d);
    EXPECT(fp_div_d, RMM, 0x3fd5555555555555ull, NX, D_ONE, three_d);
}

Test(fp_div, by_zero_and_invalid)
{
    EXPECT(fp_div_s, RNE, S(0xff800000), DZ, S(0xbf800000), S(0));
    EXPECT(fp_div_d, RTZ, D_INF, DZ, D_ONE, 0);
    EXPECT(fp_div_s, RNE, S_QNAN, NV, S(0), S(0));
    EXPECT(fp_div_d, RNE, D_QNAN, NV, D_INF, D_INF | D_NEG);
    EXPECT(fp_div_d, RNE, 0, 0, D_ONE, D_INF);
}

Test(fp_sqrt, rounds_per_mode_and_never_ties)
{
    EXPECT(fp_sqrt_s, RNE, S(0x3fb504f3), NX, S_TWO);
    EXPECT(fp_sqrt_s, RUP, S(0x3fb504f4), NX, S_TWO);
    EXPECT(fp_sqrt_s, RMM, S(0x3fb504f3), NX, S_TWO);
    EXPECT(fp_sqrt_d, RNE, 0x3ff6a09e667f3bcdull, NX, D_TWO);
    EXPECT(fp_sqrt_d, RTZ, 0x3ff6a09e667f3bccull, NX, D_TWO);
    EXPECT(fp_sqrt_d, RMM, 0x3ff6a09e667f3bcdull, NX, D_TWO);
    EXPECT(fp_sqrt_d, RNE, D_TWO, 0, 0x4010000000000000ull);
}

Test(fp_sqrt, of_negative_is_invalid_but_of_minus_zero_is_minus_zero)
{
    EXPECT(fp_sqrt_s, RNE, S_QNAN, NV, S(0xbf800000));
    EXPECT(fp_sqrt_d, RNE, D_QNAN, NV, D_INF | D_NEG);
    EXPECT(fp_sqrt_s, RNE, S(0x80000000), 0, S(0x80000000));
    EXPECT(fp_sqrt_d, RDN, D_NEG, 0, D_NEG);
}

/* ---- fused multiply-add ---- */

Test(fp_fma, four_sign_variants)
{
    uint64_t three_s = S(0x40400000);
    EXPECT(fp_madd_s, RNE, S(0x40e00000), 0, S_TWO, three_s, S_ONE);   /* 7 */
    EXPECT(fp_msub_s, RNE, S(0x40a00000), 0, S_TWO, three_s, S_ONE);   /* 5 */
    EXPECT(fp_nmsub_s, RNE, S(0xc0a00000), 0, S_TWO, three_s, S_ONE);  /* -5 */
    EXPECT(fp_nmadd_s, RNE, S(0xc0e00000), 0, S_TWO, three_s, S_ONE);  /* -7 */
    uint64_t three_d = 0x4008000000000000ull;
    EXPECT(fp_madd_d, RNE, 0x401c000000000000ull, 0, D_TWO, three_d, D_ONE);
    EXPECT(fp_msub_d, RNE, 0x4014000000000000ull, 0, D_TWO, three_d, D_ONE);
    EXPECT(fp_nmsub_d, RNE, 0xc014000000000000ull, 0, D_TWO, three_d, D_ONE);
    EXPECT(fp_nmadd_d, RNE, 0xc01c000000000000ull, 0, D_TWO, three_d, D_ONE);
}

Test(fp_fma, rounds_once)
{
    /* (1+2^-12)^2 - (1+2^-11) = 2^-24 exactly; a separate multiply would lose it */
    EXPECT(fp_madd_s, RNE, S(0x33800000), 0, S(0x3f800800), S(0x3f800800), S(0xbf801000));
    EXPECT(fp_msub_d, RNE, 0x3ca0000000000000ull, 0, 0x3ff0000004000000ull,
           0x3ff0000002000000ull, 0x3ff0000006000000ull);
}

Test(fp_fma, tie_rounds_away_in_rmm)
{
    EXPECT(fp_madd_s, RNE, S_ONE, NX, S_ONE, S_ONE, S(0x33800000));
    EXPECT(fp_madd_s, RMM, S(0x3f800001), NX, S_ONE, S_ONE, S(0x33800000));
    EXPECT(fp_nmadd_s, RMM, S(0xbf800001), NX, S_ONE, S_ONE, S(0x33800000));
    EXPECT(fp_madd_d, RNE, 0x3ff0000006000000ull, NX, 0x3ff0000004000000ull,
           0x3ff0000002000000ull, 0);
    EXPECT(fp_madd_d, RMM, 0x3ff0000006000001ull, NX, 0x3ff0000004000000ull,
           0x3ff0000002000000ull, 0);
}

Test(fp_fma, infinity_times_zero_is_invalid_even_with_quiet_nan_addend)
{
    EXPECT(fp_madd_s, RNE, S_QNAN, NV, S_INF, S(0), S_QNAN);
    EXPECT(fp_madd_d, RNE, D_QNAN, NV, 0, D_INF, D_ONE);
    EXPECT(fp_madd_d, RNE, D_QNAN, NV, D_INF, D_NEG, D_QNAN);
    EXPECT(fp_madd_d, RNE, D_QNAN, 0, D_INF, D_ONE, D_QNAN);
}

Test(fp_fma, exact_zero_sign_follows_rounding_mode)
{
    EXPECT(fp_madd_d, RNE, 0, 0, D_ONE, D_ONE, D_ONE | D_NEG);
    EXPECT(fp_madd_d, RDN, D_NEG, 0, D_ONE, D_ONE, D_ONE | D_NEG);
    EXPECT(fp_nmadd_s, RNE, S(0x80000000), 0, S(0), S_ONE, S(0));
    EXPECT(fp_madd_s, RMM, S(0), 0, S_ONE, S_ONE, S(0xbf800000));
}

/* ---- NaNs ---- */

Test(fp_nan, results_are_canonical_and_signalling_inputs_raise_invalid)
{
    EXPECT(fp_add_s, RNE, S_QNAN, NV, S_SNAN, S_ONE);
    EXPECT(fp_add_s, RNE, S_QNAN, 0, S(0xffc12345), S_ONE);
    EXPECT(fp_mul_d, RNE, D_QNAN, NV, D_ONE, 0xfff0000000000123ull);
    EXPECT(fp_mul_d, RNE, D_QNAN, 0, 0xfff8000000000123ull, D_ONE);
    EXPECT(fp_sub_d, RNE, D_QNAN, NV, D_INF, D_INF);
    EXPECT(fp_sqrt_s, RNE, S_QNAN, NV, S_SNAN);
    EXPECT(fp_nmsub_s, RNE, S_QNAN, NV, S_ONE, S_ONE, S_SNAN);
}

Test(fp_nan, improperly_boxed_single_reads_as_canonical_nan)
{
    uint64_t unboxed_one = 0x000000003f800000ull, half_boxed = 0xfffffffe3f800000ull;
    EXPECT(fp_add_s, RNE, S_QNAN, 0, unboxed_one, S_ONE);
    EXPECT(fp_mul_s, RNE, S_QNAN, 0, S_ONE, half_boxed);
    EXPECT(fp_sqrt_s, RNE, S_QNAN, 0, unboxed_one);
    EXPECT(fp_madd_s, RNE, S_QNAN, 0, S_ONE, S_ONE, unboxed_one);
    EXPECT_NO_RM(fp_min_s, S_ONE, 0, unboxed_one, S_ONE);
    EXPECT_NO_RM(fp_eq_s, 0, 0, unboxed_one, unboxed_one);
    EXPECT_NO_RM(fp_lt_s, 0, NV, unboxed_one, S_ONE);
    EXPECT(fp_cvt_d_s, RNE, D_QNAN, 0, unboxed_one);
    EXPECT(fp_cvt_w_s, RNE, 0x7fffffff, NV, unboxed_one);
    cr_expect_eq(fp_class_s(unboxed_one), 1u << 9);
}

/* ---- min and max ---- */

Test(fp_minmax, minus_zero_is_below_plus_zero)
{
    EXPECT_NO_RM(fp_min_s, S(0x80000000), 0, S(0), S(0x80000000));
    EXPECT_NO_RM(fp_min_s, S(0x80000000), 0, S(0x80000000), S(0));
    EXPECT_NO_RM(fp_max_s, S(0), 0, S(0x80000000), S(0));
    EXPECT_NO_RM(fp_min_d, D_NEG, 0, 0, D_NEG);
    EXPECT_NO_RM(fp_max_d, 0, 0, D_NEG, 0);
    EXPECT_NO_RM(fp_min_d, D_INF | D_NEG, 0, D_ONE, D_INF | D_NEG);
    EXPECT_NO_RM(fp_max_d, D_TWO, 0, D_TWO, D_ONE);
}

Test(fp_minmax, nan_loses_to_a_number_and_only_signalling_raises)
{
    EXPECT_NO_RM(fp_min_s, S_ONE, 0, S_QNAN, S_ONE);
    EXPECT_NO_RM(fp_max_s, S_ONE, NV, S_ONE, S_SNAN);
    EXPECT_NO_RM(fp_min_s, S_QNAN, 0, S(0xffc00001), S_QNAN);
    EXPECT_NO_RM(fp_max_d, D_ONE | D_NEG, 0, D_QNAN, D_ONE | D_NEG);
    EXPECT_NO_RM(fp_min_d, D_ONE, NV, D_SNAN, D_ONE);
    EXPECT_NO_RM(fp_max_d, D_QNAN, NV, D_SNAN, 0xfff8000000000001ull);
}

/* ---- comparisons ---- */

Test(fp_compare, zeros_are_equal_and_ordering_is_by_value)
{
    EXPECT_NO_RM(fp_eq_s, 1, 0, S(0), S(0x80000000));
    EXPECT_NO_RM(fp_lt_s, 0, 0, S(0x80000000), S(0));
    EXPECT_NO_RM(fp_le_s, 1, 0, S(0), S(0x80000000));
    EXPECT_NO_RM(fp_lt_d, 1, 0, D_ONE | D_NEG, D_NEG);
    EXPECT_NO_RM(fp_lt_d, 1, 0, D_INF | D_NEG, D_MAX | D_NEG);
    EXPECT_NO_RM(fp_le_d, 0, 0, D_TWO, D_ONE);
    EXPECT_NO_RM(fp_eq_d, 0, 0, D_TWO, D_ONE);
}

Test(fp_compare, eq_is_quiet_lt_and_le_signal)
{
    EXPECT_NO_RM(fp_eq_s, 0, 0, S_QNAN, S_ONE);
    EXPECT_NO_RM(fp_eq_s, 0, NV, S_SNAN, S_ONE);
    EXPECT_NO_RM(fp_lt_s, 0, NV, S_QNAN, S_ONE);
    EXPECT_NO_RM(fp_le_s, 0, NV, S_ONE, S_QNAN);
    EXPECT_NO_RM(fp_eq_d, 0, 0, D_QNAN, D_QNAN);
    EXPECT_NO_RM(fp_eq_d, 0, NV, D_ONE, D_SNAN);
    EXPECT_NO_RM(fp_lt_d, 0, NV, D_QNAN, D_ONE);
    EXPECT_NO_RM(fp_le_d, 0, NV, D_SNAN, D_ONE);
}

/* ---- fclass ---- */

Test(fp_class, every_class_single)
{
    cr_expect_eq(fp_class_s(S(0xff800000)), 1u << 0);
    cr_expect_eq(fp_class_s(S(0xbf800000)), 1u << 1);
    cr_expect_eq(fp_class_s(S(0x807fffff)), 1u << 2);
    cr_expect_eq(fp_class_s(S(0x80000000)), 1u << 3);
    cr_expect_eq(fp_class_s(S(0x00000000)), 1u << 4);
    cr_expect_eq(fp_class_s(S(0x00000001)), 1u << 5);
    cr_expect_eq(fp_class_s(S(0x00800000)), 1u << 6);
    cr_expect_eq(fp_class_s(S_INF), 1u << 7);
    cr_expect_eq(fp_class_s(S_SNAN), 1u << 8);
    cr_expect_eq(fp_class_s(S_QNAN), 1u << 9);
}

Test(fp_class, every_class_double)
{
    cr_expect_eq(fp_class_d(D_INF | D_NEG), 1u << 0);
    cr_expect_eq(fp_class_d(D_MAX | D_NEG), 1u << 1);
    cr_expect_eq(fp_class_d(0x8000000000000001ull), 1u << 2);
    cr_expect_eq(fp_class_d(D_NEG), 1u << 3);
    cr_expect_eq(fp_class_d(0), 1u << 4);
    cr_expect_eq(fp_class_d(0x000fffffffffffffull), 1u << 5);
    cr_expect_eq(fp_class_d(D_ONE), 1u << 6);
    cr_expect_eq(fp_class_d(D_INF), 1u << 7);
    cr_expect_eq(fp_class_d(0x7ff4000000000000ull), 1u << 8);
    cr_expect_eq(fp_class_d(0xfff8000000000000ull), 1u << 9);
}

/* ---- float -> integer ---- */

Test(fp_to_int, rounds_per_mode)
{
    uint64_t one_and_half = 0x3ff8000000000000ull, two_and_half = 0x4004000000000000ull;
    uint64_t minus_two_and_half = two_and_half | D_NEG;
    EXPECT(fp_cvt_w_d, RNE, 2, NX, one_and_half);
    EXPECT(fp_cvt_w_d, RTZ, 1, NX, one_and_half);
    EXPECT(fp_cvt_w_d, RDN, 1, NX, one_and_half);
    EXPECT(fp_cvt_w_d, RUP, 2, NX, one_and_half);
    EXPECT(fp_cvt_w_d, RMM, 2, NX, one_and_half);
    EXPECT(fp_cvt_l_d, RNE, 2, NX, two_and_half);
    EXPECT(fp_cvt_l_d, RMM, 3, NX, two_and_half);
    EXPECT(fp_cvt_w_s, RNE, (uint64_t)-2, NX, S(0xc0200000));
    EXPECT(fp_cvt_w_s, RMM, (uint64_t)-3, NX, S(0xc0200000));
    EXPECT(fp_cvt_l_d, RDN, (uint64_t)-3, NX, minus_two_and_half);
    EXPECT(fp_cvt_l_d, RUP, (uint64_t)-2, NX, minus_two_and_half);
    EXPECT(fp_cvt_lu_s, RTZ, 3, NX, S(0x406ccccd)); /* 3.7 */
    EXPECT(fp_cvt_w_d, RNE, 0, NX, 0x0000000000000001ull);
    EXPECT(fp_cvt_w_d, RUP, 1, NX, 0x0000000000000001ull);
}

Test(fp_to_int, signed_word_saturation_rows)
{
    EXPECT(fp_cvt_w_s, RNE, 0x7fffffff, NV, S_QNAN);
    EXPECT(fp_cvt_w_s, RNE, 0x7fffffff, NV, S_INF);
    EXPECT(fp_cvt_w_s, RNE, 0xffffffff80000000ull, NV, S(0xff800000));
    EXPECT(fp_cvt_w_s, RNE, 0x7fffffff, NV, S(0x4f000000));            /* 2^31 */
    EXPECT(fp_cvt_w_s, RNE, 0xffffffff80000000ull, 0, S(0xcf000000));   /* -2^31 */
    EXPECT(fp_cvt_w_d, RNE, 0x7fffffff, NV, 0x41dfffffffe00000ull);     /* 2^31-0.5 */
    EXPECT(fp_cvt_w_d, RTZ, 0x7fffffff, NX, 0x41dfffffffe00000ull);
    EXPECT(fp_cvt_w_d, RNE, 0xffffffff80000000ull, NX, 0xc1e0000000100000ull); /* -2^31-0.5 */
    EXPECT(fp_cvt_w_d, RMM, 0xffffffff80000000ull, NV, 0xc1e0000000100000ull);
    EXPECT(fp_cvt_w_d, RNE, 0x7fffffff, NV, D_SNAN | D_NEG); /* NaN counts as positive */
}

Test(fp_to_int, unsigned_word_saturation_rows_and_sign_extension)
{
    EXPECT(fp_cvt_wu_d, RNE, 0xffffffffffffffffull, 0, 0x41efffffffe00000ull); /* 2^32-1 */
    EXPECT(fp_cvt_wu_d, RNE, 0xffffffffffffffffull, NV, 0x41f0000000000000ull); /* 2^32 */
    EXPECT(fp_cvt_wu_s, RNE, 0xffffffffffffffffull, NV, S_QNAN);
    EXPECT(fp_cvt_wu_s, RNE, 0xffffffffffffffffull, NV, S_INF);
    EXPECT(fp_cvt_wu_s, RNE, 0, NV, S(0xff800000));
    EXPECT(fp_cvt_wu_s, RNE, 0, NV, S(0xbf800000)); /* -1 */
    EXPECT(fp_cvt_wu_d, RTZ, 0, NX, 0xbfe0000000000000ull); /* -0.5 rounds to 0 */
    EXPECT(fp_cvt_wu_d, RNE, 0, NX, 0xbfe0000000000000ull);
    EXPECT(fp_cvt_wu_d, RMM, 0, NV, 0xbfe0000000000000ull); /* rounds to -1 */
    EXPECT(fp_cvt_wu_d, RDN, 0, NV, 0xbfd0000000000000ull); /* -0.25 rounds to -1 */
    EXPECT(fp_cvt_wu_s, RNE, 0, 0, S(0x80000000));
    EXPECT(fp_cvt_wu_s, RNE, 0x0000000040000000ull, 0, S(0x4e800000));
}

Test(fp_to_int, long_saturation_rows)
{
    EXPECT(fp_cvt_l_d, RNE, 0x7fffffffffffffffull, NV, 0x43e0000000000000ull); /* 2^63 */
    EXPECT(fp_cvt_l_d, RNE, 0x8000000000000000ull, 0, 0xc3e0000000000000ull);
    EXPECT(fp_cvt_l_d, RNE, 0x8000000000000000ull, NV, 0xc3e0000000000001ull);
    EXPECT(fp_cvt_l_s, RNE, 0x7fffffffffffffffull, NV, S_QNAN);
    EXPECT(fp_cvt_l_s, RNE, 0x8000000000000000ull, NV, S(0xff800000));
    EXPECT(fp_cvt_l_d, RNE, 0x7fffffffffffffffull, NV, D_INF);
    EXPECT(fp_cvt_lu_d, RNE, 0xfffffffffffff800ull, 0, 0x43efffffffffffffull);
    EXPECT(fp_cvt_lu_d, RNE, 0xffffffffffffffffull, NV, 0x43f0000000000000ull); /* 2^64 */
    EXPECT(fp_cvt_lu_d, RNE, 0xffffffffffffffffull, NV, D_QNAN);
    EXPECT(fp_cvt_lu_s, RNE, 0, NV, S(0xbf800000));
    EXPECT(fp_cvt_lu_s, RTZ, 0, NX, S(0xbe99999a)); /* -0.3 */
    EXPECT(fp_cvt_lu_d, RNE, 0, NV, D_INF | D_NEG);
}

/* ---- integer -> float ---- */

Test(fp_from_int, rounds_per_mode_with_rmm_ties)
{
    uint64_t two_24_plus_1 = 16777217; /* halfway between two singles */
    EXPECT(fp_cvt_s_w, RNE, S(0x4b800000), NX, two_24_plus_1);
    EXPECT(fp_cvt_s_w, RMM, S(0x4b800001), NX, two_24_plus_1);
    EXPECT(fp_cvt_s_w, RDN, S(0xcb800001), NX, (uint64_t)-16777217);
    EXPECT(fp_cvt_s_w, RUP, S(0xcb800000), NX, (uint64_t)-16777217);
    uint64_t two_53_plus_1 = (1ull << 53) + 1;
    EXPECT(fp_cvt_d_l, RNE, 0x4340000000000000ull, NX, two_53_plus_1);
    EXPECT(fp_cvt_d_l, RMM, 0x4340000000000001ull, NX, two_53_plus_1);
    EXPECT(fp_cvt_d_lu, RTZ, 0x4340000000000000ull, NX, two_53_plus_1);
}

Test(fp_from_int, extremes)
{
    EXPECT(fp_cvt_s_w, RNE, S(0x4f000000), NX, 0x7fffffff);
    EXPECT(fp_cvt_s_w, RTZ, S(0x4effffff), NX, 0x7fffffff);
    EXPECT(fp_cvt_s_w, RNE, S(0xbf800000), 0, 0xffffffff);            /* -1 */
    EXPECT(fp_cvt_s_w, RNE, S_ONE, 0, 0x1234567800000001ull);          /* low 32 bits only */
    EXPECT(fp_cvt_s_wu, RNE, S(0x4f800000), NX, 0xffffffff);
    EXPECT(fp_cvt_s_wu, RTZ, S(0x4f7fffff), NX, 0xffffffff);
    EXPECT(fp_cvt_s_l, RNE, S(0xdf000000), 0, 0x8000000000000000ull);
    EXPECT(fp_cvt_s_lu, RNE, S(0x5f800000), NX, 0xffffffffffffffffull);
    EXPECT(fp_cvt_s_lu, RTZ, S(0x5f7fffff), NX, 0xffffffffffffffffull);
    EXPECT(fp_cvt_d_w, RNE, 0xc014000000000000ull, 0, (uint64_t)-5);
    EXPECT(fp_cvt_d_wu, RNE, 0x41efffffffe00000ull, 0, 0xffffffffffffffffull);
    EXPECT(fp_cvt_d_lu, RNE, 0x43f0000000000000ull, NX, 0xffffffffffffffffull);
    EXPECT(fp_cvt_d_lu, RTZ, 0x43efffffffffffffull, NX, 0xffffffffffffffffull);
    EXPECT(fp_cvt_d_l, RNE, 0xc3e0000000000000ull, 0, 0x8000000000000000ull);
    EXPECT(fp_cvt_s_w, RDN, S(0), 0, 0); /* zero is +0 in every mode */
}

/* ---- between the formats ---- */

Test(fp_convert_format, double_to_single_rounds_and_overflows_per_mode)
{
    uint64_t one_plus_half_ulp = 0x3ff0000010000000ull; /* 1 + 2^-24 */
    EXPECT(fp_cvt_s_d, RNE, S_ONE, NX, one_plus_half_ulp);
    EXPECT(fp_cvt_s_d, RMM, S(0x3f800001), NX, one_plus_half_ulp);
    EXPECT(fp_cvt_s_d, RUP, S(0x3f800001), NX, one_plus_half_ulp);
    uint64_t huge = 0x7e37e43c8800759cull; /* 1e300 */
    EXPECT(fp_cvt_s_d, RNE, S_INF, OF | NX, huge);
    EXPECT(fp_cvt_s_d, RTZ, S_MAX, OF | NX, huge);
    EXPECT(fp_cvt_s_d, RDN, S(0xff800000), OF | NX, huge | D_NEG);
    uint64_t half_min_subnormal = 0x3690000000000000ull; /* 2^-150 */
    EXPECT(fp_cvt_s_d, RNE, S(0), UF | NX, half_min_subnormal);
    EXPECT(fp_cvt_s_d, RMM, S(0x00000001), UF | NX, half_min_subnormal);
    EXPECT(fp_cvt_s_d, RNE, S(0x00000001), 0, 0x36a0000000000000ull); /* exact 2^-149 */
}

Test(fp_convert_format, nans_become_canonical)
{
    EXPECT(fp_cvt_s_d, RNE, S_QNAN, NV, D_SNAN);
    EXPECT(fp_cvt_s_d, RNE, S_QNAN, 0, 0xfff8000012345678ull);
    EXPECT(fp_cvt_d_s, RNE, D_QNAN, NV, S_SNAN);
    EXPECT(fp_cvt_d_s, RNE, D_QNAN, 0, S(0xffc00123));
}

Test(fp_convert_format, single_to_double_is_exact)
{
    EXPECT(fp_cvt_d_s, RNE, 0x36a0000000000000ull, 0, S(0x00000001));
    EXPECT(fp_cvt_d_s, RNE, 0xb800000000000000ull, 0, S(0x80400000)); /* -2^-127 */
    EXPECT(fp_cvt_d_s, RDN, D_ONE, 0, S_ONE);
    EXPECT(fp_cvt_d_s, RNE, D_INF | D_NEG, 0, S(0xff800000));
    EXPECT(fp_cvt_d_s, RNE, D_NEG, 0, S(0x80000000));
    EXPECT(fp_cvt_d_s, RNE, 0x47efffffe0000000ull, 0, S_MAX);
}

/* ---- contract with the caller (fp-helpers.h, "Host FPU contract") ---- */

enum { MXCSR_IE = 1, MXCSR_DE = 2, MXCSR_PE = 32, MXCSR_FLAGS = 0x3f, MXCSR_RC = 0x6000 };

/* The guest flags that MXCSR's exception flags stand for; DE stands for none. */
static uint8_t fflags_in_mxcsr(void)
{
    unsigned int mxcsr = _mm_getcsr();
    return (uint8_t)((mxcsr & 1 ? NV : 0) | (mxcsr & 4 ? DZ : 0) | (mxcsr & 8 ? OF : 0) |
                     (mxcsr & 16 ? UF : 0) | (mxcsr & 32 ? NX : 0));
}

Test(fp_contract, clear_sets_nearest_no_ftz_daz_all_masked_and_no_flags)
{
    _mm_setcsr(0x8040 | 0x4000 | 0x1f80 | 0x3f); /* FTZ, DAZ, rounding up, every flag */
    fp_host_flags_clear();
    cr_expect_eq(_mm_getcsr(), 0x1f80u, "MXCSR %08x", _mm_getcsr());
}

Test(fp_contract, exact_operations_leave_mxcsr_flags_clear)
{
    uint8_t flags = 0;
    fp_host_flags_clear();
    fp_add_d(D_ONE, D_TWO, RNE, &flags);
    fp_mul_s(S_TWO, S(0x40400000), RNE, &flags);
    fp_madd_d(D_TWO, D_TWO, D_ONE, RNE, &flags);
    fp_sub_d(D_ONE, D_TWO, RTZ, &flags);
    fp_add_d(D_ONE, D_ONE, RMM, &flags);
    cr_expect_eq(flags, 0);
    cr_expect_eq(_mm_getcsr() & MXCSR_FLAGS & ~MXCSR_DE, 0u, "MXCSR %08x", _mm_getcsr());
}

/* The guest's flags as a reader sees them: with what MXCSR holds pending. */
static uint8_t committed(uint8_t *flags)
{
    fp_host_flags_commit(flags);
    return *flags;
}

Test(fp_contract, inexact_rne_operation_leaves_nx_pending_in_mxcsr)
{
    uint8_t flags = 0;
    fp_host_flags_clear();
    fp_div_d(D_ONE, 0x4008000000000000ull, RNE, &flags);
    cr_expect_eq(flags, 0, "an RNE operation does not read MXCSR");
    cr_expect(_mm_getcsr() & MXCSR_PE, "MXCSR %08x", _mm_getcsr());
    cr_expect_eq(committed(&flags), NX);
}

Test(fp_contract, directed_modes_leave_rounding_at_nearest_with_their_flags)
{
    for (int rm = RTZ; rm <= RMM; rm++) {
        uint8_t flags = 0;
        fp_host_flags_clear();
        fp_add_s(S_ONE, S(0x33800000), rm, &flags);
        cr_expect_eq(flags, NX, "rm=%d", rm);
        cr_expect_eq(_mm_getcsr() & ~MXCSR_FLAGS, 0x1f80u, "rm=%d: MXCSR %08x", rm,
                     _mm_getcsr());
        cr_expect(_mm_getcsr() & MXCSR_PE, "rm=%d: MXCSR %08x", rm, _mm_getcsr());
    }
}

Test(fp_contract, flags_accumulate_and_are_never_cleared)
{
    uint8_t flags = NV | DZ;
    fp_host_flags_clear();
    fp_add_d(D_ONE, D_ONE, RNE, &flags);
    cr_expect_eq(committed(&flags), NV | DZ);
    fp_div_s(S_ONE, S(0x40400000), RNE, &flags);
    cr_expect_eq(committed(&flags), NV | DZ | NX);
    fp_add_d(D_ONE, D_ONE, RUP, &flags);
    cr_expect_eq(committed(&flags), NV | DZ | NX);
}

/* Every flag of an RNE operation waits in MXCSR until committed. */
Test(fp_contract, every_rne_flag_is_pending_until_committed)
{
    uint8_t flags = 0;
    fp_host_flags_clear();
    fp_div_d(D_ONE, 0x4008000000000000ull, RNE, &flags);
    cr_expect_eq(committed(&flags), NX);
    fp_mul_d(D_MAX, D_TWO, RNE, &flags);
    cr_expect_eq(committed(&flags), NX | OF);
    fp_mul_s(S(0x3f7fffff), S(0x00800000), RNE, &flags); /* tiny after rounding */
    cr_expect_eq(committed(&flags), NX | OF | UF);
    fp_div_s(S_ONE, S(0), RNE, &flags);
    cr_expect_eq(committed(&flags), NX | OF | UF | DZ);
    fp_sqrt_d(D_ONE | D_NEG, RNE, &flags);
    cr_expect_eq(committed(&flags), NX | OF | UF | DZ | NV);

    flags = NX;
    fp_host_flags_clear();
    uint64_t tiny = fp_mul_d(0x0010000000000001ull, 0x3fe0000000000000ull, RNE, &flags);
    cr_expect_eq(tiny, 0x0008000000000000ull); /* subnormal and inexact */
    cr_expect_eq(committed(&flags), NX | UF);
}

Test(fp_contract, rmm_tie_test_ignores_earlier_inexact_operations)
{
    uint8_t flags = 0;
    fp_host_flags_clear();
    fp_div_d(D_ONE, 0x4008000000000000ull, RNE, &flags); /* PE now set in MXCSR */
    cr_expect_eq(fp_sub_d(D_ONE, D_ONE, RMM, &flags), 0);
    cr_expect_eq(fp_add_d(D_ONE, D_TWO, RMM, &flags), 0x4008000000000000ull);
    cr_expect_eq(fp_mul_s(S_ONE, S_TWO, RMM, &flags), S_TWO);
    cr_expect_eq(fp_cvt_s_d(D_ONE, RMM, &flags), S_ONE);
    cr_expect_eq(committed(&flags), NX);
}

Test(fp_contract, denormal_operands_raise_no_flag)
{
    uint8_t flags = 0;
    fp_host_flags_clear();
    cr_expect_eq(fp_add_d(1, 1, RNE, &flags), 2);
    cr_expect_eq(fp_mul_s(S(0x00000001), S_TWO, RNE, &flags), S(0x00000002));
    cr_expect_eq(fp_sub_d(0x000fffffffffffffull, 1, RDN, &flags), 0x000ffffffffffffeull);
    cr_expect_eq(flags, 0);
}

static uint64_t run_mixed_workload(uint8_t *flags)
{
    uint64_t sum = 0;
    for (int rm = RNE; rm <= RMM; rm++) {
        sum += fp_add_s(S_ONE, S(0x33800000), rm, flags);
        sum += fp_mul_d(D_MAX, D_TWO, rm, flags);
        sum += fp_div_s(S(0x00000001), S_TWO, rm, flags);
        sum += fp_sqrt_d(D_ONE | D_NEG, rm, flags);
        sum += fp_madd_d(0x3ff0000004000000ull, 0x3ff0000002000000ull, 0, rm, flags);
        sum += fp_cvt_s_d(0x3690000000000000ull, rm, flags);
        sum += fp_div_d(D_ONE, 0, rm, flags);
    }
    return sum;
}

Test(fp_contract, committed_fflags_cover_mxcsr)
{
    for (int rm = RNE; rm <= RMM; rm++) {
        uint8_t flags = 0;
        fp_host_flags_clear();
        fp_mul_d(D_MAX, D_TWO, rm, &flags);
        fp_div_s(S(0x00000001), S_TWO, rm, &flags);
        fp_madd_d(0x3ff0000004000000ull, 0x3ff0000002000000ull, 0, rm, &flags);
        committed(&flags);
        cr_expect_eq(fflags_in_mxcsr() & ~flags, 0, "rm=%d: MXCSR %08x, fflags %02x", rm,
                     _mm_getcsr(), flags);
    }
    uint8_t flags = 0;
    fp_host_flags_clear();
    run_mixed_workload(&flags);
    cr_expect_eq(committed(&flags), NV | DZ | OF | UF | NX);
    cr_expect_eq(fflags_in_mxcsr() & ~flags, 0);
    cr_expect_eq(_mm_getcsr() & MXCSR_RC, 0u);
}

Test(fp_contract, clear_undoes_a_host_rounding_mode_and_flush_to_zero)
{
    uint8_t flags = 0;
    fp_host_flags_clear();
    uint64_t expected_sum = run_mixed_workload(&flags);
    _mm_setcsr(0x8040 | 0x4000 | 0x1f80 | MXCSR_IE); /* FTZ, DAZ, rounding up, IE */
    fp_host_flags_clear();
    flags = 0;
    cr_expect_eq(run_mixed_workload(&flags), expected_sum);
    fp_host_flags_clear();
    flags = 0;
    cr_expect_eq(fp_mul_d(0x0000000000000002ull, 0x3fe0000000000000ull, RNE, &flags), 1);
    cr_expect_eq(flags, 0);
}
