/* AdvSIMD floating point beyond the basic lane arithmetic: FMULX
 * (infinity * 0 = 2), the reciprocal and reciprocal square root estimates
 * (the Arm ARM's RecipEstimate and RecipSqrtEstimate tables, their zero,
 * negative, tiny and huge cases) and Newton steps, FRECPX, scalar compares
 * with a register and with zero, scalar pairwise min/max, conversions to
 * integers in SIMD registers, the fixed-point conversions of the
 * shift-by-immediate group, FCVTXN's rounding to odd, FCVTN/FCVTL to and
 * from half precision, the scalar by-element forms, FPSR's flags
 * (IOC 0, DZC 1, OFC 2, UFC 3, IXC 4, IDC 7), FPCR.DN's default NaN, and
 * FPCR.FZ's flushing of denormal inputs (IDC) and tiny results (UFC, no
 * IXC), against Arm's tininess before rounding when FZ is clear. */
#include "a64-check.h"

	.macro LOADS sreg, imm
	ldr	w11, =\imm
	fmov	\sreg, w11
	.endm

	.macro LOADD dreg, imm
	ldr	x11, =\imm
	fmov	\dreg, x11
	.endm

	/* vreg = high:low, as two 64-bit halves */
	.macro LOADQ vreg, high, low
	ldr	x11, =\low
	ldr	x12, =\high
	fmov	d\vreg, x11
	mov	v\vreg\().d[1], x12
	.endm

	/* the whole register: a scalar result zeroes the rest */
	.macro CHECKV name, vreg, expected
	CHECKQ	\name, \vreg, 0, \expected
	.endm

	/* FPSR's flags so far, then clear them */
	.macro CHECK_FPSR name, expected
	mrs	x19, fpsr
	msr	fpsr, xzr
	CHECK	\name, x19, \expected
	.endm

	.macro FPCR_SET value
	ldr	x11, =\value
	msr	fpcr, x11
	.endm

	START
	msr	fpsr, xzr
	FPCR_SET 0

	/* FMULX: FMUL but infinity * zero = 2 with the product's sign, no IOC */
	LOADQ	0, 0xff80000040400000, 0x800000007f800000	/* -inf 3.0 | -0.0 +inf */
	LOADQ	1, 0x8000000040000000, 0x7f80000000000000	/* -0.0 2.0 | +inf +0.0 */
	fmulx	v2.4s, v0.4s, v1.4s
	CHECKQ	fmulx_4s, v2, 0x4000000040c00000, 0xc000000040000000
	CHECK_FPSR fmulx_no_invalid_fpsr, 0
	LOADD	d3, 0x7ff0000000000000
	LOADD	d4, 0x8000000000000000
	fmulx	d5, d3, d4
	CHECKV	fmulx_d_inf_times_minus_zero, v5, 0xc000000000000000
	LOADQ	6, 0x4008000000000000, 0x3ff8000000000000	/* 3.0 | 1.5 */
	fmulx	v7.2d, v6.2d, v6.d[1]
	CHECKQ	fmulx_2d_by_element, v7, 0x4022000000000000, 0x4012000000000000
	fmulx	s7, s0, v1.s[0]				/* +inf * +0: 2 */
	CHECKV	fmulx_s_by_element, v7, 0x40000000
	fmul	d7, d6, v6.d[1]				/* 1.5 * 3 */
	CHECKV	fmul_d_by_element, v7, 0x4012000000000000
	LOADS	s8, 0x3f800000				/* 1.0 */
	fmla	s8, s6, v0.s[2]				/* 1 + 0 * 3 (s6 low word is 0) */
	CHECKV	fmla_s_by_element, v8, 0x3f800000
	LOADD	d8, 0x4024000000000000			/* 10.0 */
	fmls	d8, d6, v6.d[1]				/* 10 - 1.5 * 3 */
	CHECKV	fmls_d_by_element, v8, 0x4016000000000000
	CHECK_FPSR by_element_exact_fpsr, 0

	/* FRECPE: 8-bit estimates; 1/0 is infinity (DZC); a denormal below
	 * 2^-128 overflows (OFC IXC); 2^127's reciprocal is a denormal */
	LOADQ	0, 0xbe99999a40400000, 0x7f00000040000000	/* -0.3 3.0 | 2^127 2.0 */
	frecpe	v1.4s, v0.4s
	CHECKQ	frecpe_4s, v1, 0xc05500003eaa8000, 0x003fe0003eff8000
	LOADQ	2, 0x3fe6666666666666, 0x4024000000000000	/* 0.7 | 10.0 */
	frecpe	v3.2d, v2.2d
	CHECKQ	frecpe_2d, v3, 0x3ff6e00000000000, 0x3fb9900000000000
	CHECK_FPSR frecpe_exact_fpsr, 0
	LOADS	s4, 0x80000000
	frecpe	s5, s4
	CHECKV	frecpe_minus_zero, v5, 0xff800000
	CHECK_FPSR frecpe_zero_fpsr, 0x02
	LOADS	s4, 0x00100000				/* 2^-129 */
	frecpe	s5, s4
	CHECKV	frecpe_tiny_overflows, v5, 0x7f800000
	CHECK_FPSR frecpe_tiny_fpsr, 0x14
	LOADS	s4, 0x00400000				/* 2^-127: exponent -1 */
	frecpe	s5, s4
	CHECKV	frecpe_denormal, v5, 0x7eff8000
	FPCR_SET 0xc00000				/* toward zero: the largest normal */
	LOADS	s4, 0x80100000
	frecpe	s5, s4
	CHECKV	frecpe_tiny_toward_zero, v5, 0xff7fffff
	FPCR_SET 0
	CHECK_FPSR frecpe_toward_zero_fpsr, 0x14

	/* FRSQRTE: the exponent's parity picks the table half; negative is
	 * the default NaN (IOC), zero infinity (DZC), infinity zero */
	LOADQ	0, 0x3dcccccd40000000, 0x4080000000000000	/* 0.1 2.0 | 4.0 +0.0 */
	frsqrte	v1.4s, v0.4s
	CHECKQ	frsqrte_4s, v1, 0x404a80003f348000, 0x3eff80007f800000
	CHECK_FPSR frsqrte_zero_fpsr, 0x02
	LOADQ	2, 0x4004000000000000, 0x4022000000000000	/* 2.5 | 9.0 */
	frsqrte	v3.2d, v2.2d
	CHECKQ	frsqrte_2d, v3, 0x3fe4300000000000, 0x3fd5500000000000
	LOADD	d4, 0xbff0000000000000
	frsqrte	d5, d4
	CHECKV	frsqrte_negative, v5, 0x7ff8000000000000
	CHECK_FPSR frsqrte_negative_fpsr, 0x01
	LOADS	s4, 0x7f800000
	frsqrte	s5, s4
	CHECKV	frsqrte_infinity, v5, 0

	/* FRECPS 2 - a*b, FRSQRTS (3 - a*b) / 2, one rounding; inf * 0 gives 2 and 1.5 */
	LOADQ	0, 0x7f80000040400000, 0x3fc0000040000000	/* inf 3.0 | 1.5 2.0 */
	LOADQ	1, 0x0000000040800000, 0x3f0000003f800000	/* 0.0 4.0 | 0.5 1.0 */
	frecps	v2.4s, v0.4s, v1.4s
	CHECKQ	frecps_4s, v2, 0x40000000c1200000, 0x3fa0000000000000
	frsqrts	v2.4s, v0.4s, v1.4s
	CHECKQ	frsqrts_4s, v2, 0x3fc00000c0900000, 0x3f9000003f000000
	LOADD	d3, 0x3ff8000000000000			/* 1.5 */
	LOADD	d4, 0x4000000000000000			/* 2.0 */
	frecps	d5, d3, d4
	CHECKV	frecps_d, v5, 0xbff0000000000000
	frsqrts	d5, d3, d4
	CHECKV	frsqrts_d, v5, 0
	LOADD	d3, 0x7fe0000000000000			/* 2^1023: 3 - 2^1024 overflows before halving */
	frsqrts	d5, d3, d4
	CHECKV	frsqrts_d_large_product, v5, 0xffe0000000000000
	CHECK_FPSR frsqrts_large_fpsr, 0x10

	/* FRECPX: the exponent inverted, the fraction dropped */
	LOADS	s0, 0x40400000				/* 3.0 */
	frecpx	s1, s0
	CHECKV	frecpx_s, v1, 0x3f800000
	LOADS	s0, 0xbe800000				/* -0.25 */
	frecpx	s1, s0
	CHECKV	frecpx_s_negative, v1, 0xc1000000
	LOADD	d0, 0x0000000000000001			/* a denormal: the largest normal exponent */
	frecpx	d1, d0
	CHECKV	frecpx_d_denormal, v1, 0x7fe0000000000000
	CHECK_FPSR frecpx_fpsr, 0

	/* scalar compares: all ones or zero; ordered compares signal on a quiet NaN */
	LOADS	s0, 0x3f800000				/* 1.0 */
	LOADS	s1, 0x40000000				/* 2.0 */
	LOADS	s2, 0x7fc00000				/* quiet NaN */
	fcmgt	s3, s1, s0
	CHECKV	fcmgt_s, v3, 0xffffffff
	fcmge	s3, s0, s1
	CHECKV	fcmge_s, v3, 0
	fcmeq	s3, s2, s2
	CHECKV	fcmeq_s_nan, v3, 0
	CHECK_FPSR fcmeq_quiet_nan_fpsr, 0
	fcmge	s3, s2, s0
	CHECKV	fcmge_s_nan, v3, 0
	CHECK_FPSR fcmge_quiet_nan_fpsr, 0x01
	LOADD	d0, 0xc008000000000000			/* -3.0 */
	LOADD	d1, 0x4000000000000000			/* 2.0 */
	facge	d3, d0, d1
	CHECKV	facge_d, v3, 0xffffffffffffffff
	facgt	d3, d1, d0
	CHECKV	facgt_d, v3, 0
	fcmlt	d3, d0, #0.0
	CHECKV	fcmlt_zero_d, v3, 0xffffffffffffffff
	fcmle	d3, d1, #0.0
	CHECKV	fcmle_zero_d, v3, 0
	fcmge	d3, d1, #0.0
	CHECKV	fcmge_zero_d, v3, 0xffffffffffffffff
	fcmgt	s3, s0, #0.0				/* s0 is d0's low word: +0.0 */
	CHECKV	fcmgt_zero_s_plus_zero, v3, 0
	fcmeq	d3, d1, #0.0
	CHECKV	fcmeq_zero_d, v3, 0
	CHECK_FPSR compare_fpsr, 0

	/* scalar pairwise: the pair in a vector's low 64 or 128 bits */
	LOADQ	0, 0, 0x40a000003f800000			/* 5.0 1.0 */
	fmaxp	s1, v0.2s
	CHECKV	fmaxp_s, v1, 0x40a00000
	fminp	s1, v0.2s
	CHECKV	fminp_s, v1, 0x3f800000
	LOADQ	0, 0x7ff8000000000000, 0x4000000000000000	/* NaN | 2.0 */
	fminnmp	d1, v0.2d
	CHECKV	fminnmp_d_takes_number, v1, 0x4000000000000000
	fmaxnmp	d1, v0.2d
	CHECKV	fmaxnmp_d_takes_number, v1, 0x4000000000000000
	fmaxp	d1, v0.2d
	CHECKV	fmaxp_d_nan, v1, 0x7ff8000000000000
	CHECK_FPSR pairwise_fpsr, 0

	/* conversions to integers in SIMD registers */
	LOADS	s0, 0x40200000				/* 2.5 */
	fcvtns	s1, s0
	CHECKV	fcvtns_s_ties_even, v1, 2
	fcvtas	s1, s0
	CHECKV	fcvtas_s_ties_away, v1, 3
	fcvtps	s1, s0
	CHECKV	fcvtps_s, v1, 3
	LOADD	d0, 0xbff8000000000000			/* -1.5 */
	fcvtms	d1, d0
	CHECKV	fcvtms_d, v1, 0xfffffffffffffffe
	CHECK_FPSR fcvt_inexact_fpsr, 0x10
	fcvtnu	d1, d0
	CHECKV	fcvtnu_d_negative, v1, 0
	CHECK_FPSR fcvtnu_negative_fpsr, 0x01
	LOADS	s0, 0x3f99999a				/* 1.2 */
	fcvtpu	s1, s0
	CHECKV	fcvtpu_s, v1, 2
	fcvtmu	s1, s0
	CHECKV	fcvtmu_s, v1, 1
	fcvtau	s1, s0
	CHECKV	fcvtau_s, v1, 1
	CHECK_FPSR fcvtu_fpsr, 0x10

	/* fixed point: fbits = 2 * esize - immh:immb */
	LOADQ	0, 0xffffff0000000001, 0x0001800000000010
	scvtf	v1.4s, v0.4s, #16
	CHECKQ	scvtf_4s_fixed, v1, 0xbb80000037800000, 0x3fc0000039800000
	ucvtf	v1.2d, v0.2d, #32
	CHECKQ	ucvtf_2d_fixed, v1, 0x41efffffe0000000, 0x40f8000000000100
	LOADQ	2, 0x7f0000004f800000, 0x3fe0000000000000	/* 2^127 2^32 | 1.75 0 */
	fcvtzs	v3.4s, v2.4s, #8
	CHECKQ	fcvtzs_4s_fixed_saturates, v3, 0x7fffffff7fffffff, 0x000001c000000000
	CHECK_FPSR fcvtzs_saturation_fpsr, 0x11	/* and ucvtf's inexact lane */
	LOADQ	4, 0x3fe0000000000000, 0x3ff8000000000000	/* 0.5 | 1.5 */
	fcvtzu	v5.2d, v4.2d, #64
	CHECKQ	fcvtzu_2d_fixed, v5, 0x8000000000000000, 0xffffffffffffffff
	CHECK_FPSR fcvtzu_saturation_fpsr, 0x01
	LOADS	s6, 0x00000003
	scvtf	s7, s6, #1
	CHECKV	scvtf_s_fixed, v7, 0x3fc00000
	LOADD	d6, 0xbff4000000000000			/* -1.25 */
	fcvtzs	d7, d6, #2
	CHECKV	fcvtzs_d_fixed, v7, 0xfffffffffffffffb
	LOADS	s6, 0x3fa00000				/* 1.25 */
	fcvtzu	s7, s6, #1
	CHECKV	fcvtzu_s_fixed_inexact, v7, 2
	CHECK_FPSR fcvtzu_fixed_inexact_fpsr, 0x10

	/* FCVTXN rounds to odd: 1 + 2^-26 is 1 + 2^-23, not 1.0 as FCVTN gives */
	LOADQ	0, 0x3ff0000000000000, 0x3ff0000004000000
	fcvtxn	v1.2s, v0.2d
	CHECKQ	fcvtxn_2s, v1, 0, 0x3f8000003f800001
	CHECK_FPSR fcvtxn_inexact_fpsr, 0x10
	fcvtn	v2.2s, v0.2d
	CHECKQ	fcvtn_2s_nearest, v2, 0, 0x3f8000003f800000
	fcvtxn2	v2.4s, v0.2d
	CHECKQ	fcvtxn2_4s, v2, 0x3f8000003f800001, 0x3f8000003f800000
	LOADD	d3, 0x47f0000000000000			/* 2^128: the largest single, odd already */
	fcvtxn	s4, d3
	CHECKV	fcvtxn_s_overflow, v4, 0x7f7fffff
	CHECK_FPSR fcvtxn_overflow_fpsr, 0x14

	/* FCVTN/FCVTL with half precision */
	LOADQ	0, 0x477fe0003dcccccd, 0xc00000003fc00000	/* 65504 0.1 | -2.0 1.5 */
	fcvtn	v1.4h, v0.4s
	CHECKQ	fcvtn_4h, v1, 0, 0x7bff2e66c0003e00
	CHECK_FPSR fcvtn_half_inexact_fpsr, 0x10
	fcvtn2	v1.8h, v0.4s
	CHECKQ	fcvtn2_8h, v1, 0x7bff2e66c0003e00, 0x7bff2e66c0003e00
	fcvtl	v2.4s, v1.4h
	CHECKQ	fcvtl_4s, v2, 0x477fe0003dccc000, 0xc00000003fc00000
	fcvtl2	v3.2d, v0.4s
	CHECKQ	fcvtl2_2d, v3, 0x40effc0000000000, 0x3fb99999a0000000
	CHECK_FPSR fcvtn2_inexact_fcvtl_exact_fpsr, 0x10

	/* a signalling NaN is quietened (IOC); FPCR.DN gives the default NaN instead */
	LOADS	s0, 0x7f800001				/* signalling NaN */
	frecpe	s1, s0
	CHECKV	frecpe_snan_quietened, v1, 0x7fc00001
	FPCR_SET 0x2000000
	frecpe	s1, s0
	CHECKV	frecpe_snan_default_nan, v1, 0x7fc00000
	fmulx	s1, s0, s0
	CHECKV	fmulx_default_nan, v1, 0x7fc00000
	FPCR_SET 0
	CHECK_FPSR snan_fpsr, 0x01

	/* Arm detects tininess before rounding: (1 - 2^-23)(2^-126 + 2^-149)
	 * rounds up to the smallest normal, yet underflows */
	LOADS	s0, 0x3f7ffffe
	LOADS	s1, 0x00800001
	fmul	s2, s0, s1
	CHECKV	fmul_rounds_to_smallest_normal, v2, 0x00800000
	CHECK_FPSR tiny_before_rounding_fpsr, 0x18
	LOADS	s3, 0x0d800000				/* 2^-100 */
	LOADS	s4, 0x30800000				/* 2^-30 */
	fmul	s5, s3, s4
	CHECKV	fmul_exact_denormal, v5, 0x00080000
	CHECK_FPSR exact_denormal_fpsr, 0

	/* FPCR.FZ: denormal inputs read as zero (IDC), tiny results are zero
	 * (UFC without IXC) */
	FPCR_SET 0x1000000
	fmul	s2, s0, s1
	CHECKV	fz_tiny_before_rounding_flushed, v2, 0
	CHECK_FPSR fz_tiny_fpsr, 0x08
	fmul	s5, s3, s4
	CHECKV	fz_denormal_result_flushed, v5, 0
	fnmul	s5, s3, s4
	CHECKV	fz_flush_keeps_sign, v5, 0x80000000
	CHECK_FPSR fz_denormal_result_fpsr, 0x08
	LOADD	d6, 0x000fffffffffffff
	LOADD	d7, 0x3ff0000000000000
	fadd	d8, d6, d7
	CHECKV	fz_denormal_input_flushed, v8, 0x3ff0000000000000
	CHECK_FPSR fz_denormal_input_fpsr, 0x80
	fcmp	d6, #0.0
	CHECK_NZCV fz_fcmp_denormal_is_zero, 0x6
	fcvtzs	x19, d6
	CHECK	fz_fcvtzs_denormal_exact, x19, 0
	fmax	d8, d6, d6
	CHECKV	fz_fmax_returns_zero, v8, 0
	CHECK_FPSR fz_inputs_fpsr, 0x80
	LOADD	d9, 0x3730000000000000			/* 2^-140: tiny as a single */
	fcvt	s10, d9
	CHECKV	fz_fcvt_narrow_flushed, v10, 0
	CHECK_FPSR fz_fcvt_fpsr, 0x08
	LOADS	s11, 0x7e800000				/* 2^126: the reciprocal is tiny */
	frecpe	s12, s11
	CHECKV	fz_frecpe_flushed, v12, 0
	CHECK_FPSR fz_frecpe_fpsr, 0x08
	LOADQ	13, 0x0000000140000000, 0x0000000100000001
	fadd	v14.4s, v13.4s, v13.4s
	CHECKQ	fz_vector_denormals, v14, 0x0000000040800000, 0
	CHECK_FPSR fz_vector_fpsr, 0x80
	FPCR_SET 0
	fcvtzs	x19, d6
	CHECK	no_fz_fcvtzs_denormal_inexact, x19, 0
	fmax	d8, d6, d6
	CHECKV	no_fz_fmax_keeps_denormal, v8, 0x000fffffffffffff
	CHECK_FPSR no_fz_fpsr, 0x10

	FINISH
