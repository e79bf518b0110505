/* A64 scalar floating point: arithmetic with one rounding (fmadd), FPCR
 * rounding modes, FPSR's cumulative flags (IOC 0, DZC 1, OFC 2, UFC 3,
 * IXC 4), conversions with AArch64's saturation (NaN to 0), the frint
 * rounding family, fcmp's NZCV (unordered is 0011), fcsel, fmax/fmaxnm
 * with NaN, NaN propagation and the default NaN, fmov immediates. */
#include "a64-check.h"

	.macro LOADD dreg, imm
	ldr	x11, =\imm
	fmov	\dreg, x11
	.endm

	.macro CHECKD name, dreg, expected
	fmov	x19, \dreg
	CHECK	\name, x19, \expected
	.endm

	.macro CHECKS name, sreg, expected
	fmov	w19, \sreg
	CHECK	\name, x19, \expected
	.endm

	/* FPSR's flags so far, then clear them */
	.macro CHECK_FPSR name, expected
	mrs	x19, fpsr
	msr	fpsr, xzr
	CHECK	\name, x19, \expected
	.endm

	.macro ROUNDING mode		/* FPCR.RMode: 0 RN, 1 RP, 2 RM, 3 RZ */
	mov	x11, #(\mode << 22)
	msr	fpcr, x11
	.endm

	START
	msr	fpsr, xzr
	ROUNDING 0
	fmov	d0, #1.0
	fmov	d1, #3.0
	fdiv	d2, d0, d1
	CHECKD	fdiv_third, d2, 0x3fd5555555555555
	CHECK_FPSR fdiv_inexact_fpsr, 0x10
	ROUNDING 1
	fdiv	d2, d0, d1
	CHECKD	fdiv_third_round_up, d2, 0x3fd5555555555556
	ROUNDING 2
	fnmul	d2, d0, d1		/* -3: exact */
	fdiv	d2, d0, d2
	CHECKD	fdiv_minus_third_round_down, d2, 0xbfd5555555555556
	ROUNDING 3
	fdiv	d2, d0, d1
	CHECKD	fdiv_third_toward_zero, d2, 0x3fd5555555555555
	ROUNDING 0
	msr	fpsr, xzr
	fmov	d3, #2.0
	fsqrt	d2, d3
	CHECKD	fsqrt_two, d2, 0x3ff6a09e667f3bcd
	fmov	s4, #1.0
	fmov	s5, #3.0
	fdiv	s6, s4, s5
	CHECKS	fdiv_single, s6, 0x3eaaaaab
	fmul	s6, s6, s5
	CHECKS	fmul_single_rounds_back, s6, 0x3f800000
	msr	fpsr, xzr

	/* fused multiply-add rounds once: 0.1 * 10 - 1 is 2^-54, not 0 */
	LOADD	d4, 0x3fb999999999999a	/* 0.1 */
	fmov	d5, #10.0
	fmov	d6, #-1.0
	fmadd	d7, d4, d5, d6
	CHECKD	fmadd_single_rounding, d7, 0x3c90000000000000
	fmul	d7, d4, d5
	fadd	d7, d7, d6
	CHECKD	fmul_fadd_two_roundings, d7, 0
	fnmsub	d7, d4, d5, d6		/* 0.1 * 10 - (-1) */
	CHECKD	fnmsub, d7, 0x4000000000000000
	fmsub	d7, d4, d5, d6		/* -1 - 0.1 * 10 */
	CHECKD	fmsub, d7, 0xc000000000000000
	msr	fpsr, xzr

	/* special values and their flags */
	fmov	d8, xzr
	fdiv	d9, d0, d8
	CHECKD	one_over_zero, d9, 0x7ff0000000000000
	CHECK_FPSR divide_by_zero_fpsr, 0x02
	fdiv	d9, d8, d8
	CHECKD	zero_over_zero_default_nan, d9, 0x7ff8000000000000
	CHECK_FPSR invalid_fpsr, 0x01
	LOADD	d10, 0x7fefffffffffffff
	fadd	d9, d10, d10
	CHECKD	overflow_to_infinity, d9, 0x7ff0000000000000
	CHECK_FPSR overflow_fpsr, 0x14
	LOADD	d10, 0x0010000000000000	/* the smallest normal */
	fdiv	d9, d10, d1
	CHECKD	tiny_inexact, d9, 0x0005555555555555
	CHECK_FPSR underflow_fpsr, 0x18
	fmov	d10, #0.5
	LOADD	d11, 0x0010000000000000
	fmul	d9, d11, d10
	CHECKD	tiny_exact, d9, 0x0008000000000000
	CHECK_FPSR tiny_exact_no_underflow_fpsr, 0
	LOADD	d10, 0x7ff0000000000001	/* signalling NaN with payload 1 */
	fadd	d9, d10, d0
	CHECKD	snan_quietened, d9, 0x7ff8000000000001
	CHECK_FPSR snan_invalid_fpsr, 0x01
	LOADD	d10, 0xfff8000000000123	/* quiet NaN keeps sign and payload */
	fmul	d9, d0, d10
	CHECKD	qnan_propagates, d9, 0xfff8000000000123
	CHECK_FPSR qnan_no_flags_fpsr, 0
	mov	x11, #(1 << 25)		/* FPCR.DN: every NaN result is the default */
	msr	fpcr, x11
	fmul	d9, d0, d10
	CHECKD	default_nan_mode, d9, 0x7ff8000000000000
	ROUNDING 0
	fmax	d9, d10, d0
	CHECKD	fmax_nan, d9, 0xfff8000000000123
	fmaxnm	d9, d10, d0
	CHECKD	fmaxnm_number_wins, d9, 0x3ff0000000000000
	fmov	d12, #-2.5
	fmin	d9, d12, d0
	CHECKD	fmin, d9, 0xc004000000000000
	fabs	d9, d12
	CHECKD	fabs, d9, 0x4004000000000000
	fneg	d9, d0
	CHECKD	fneg, d9, 0xbff0000000000000
	fmov	d9, #-1.25
	CHECKD	fmov_immediate, d9, 0xbff4000000000000
	msr	fpsr, xzr

	/* conversions to integers: truncate, saturate, NaN gives 0 */
	fcvtzs	x20, d12
	CHECK	fcvtzs_minus_2_5, x20, 0xfffffffffffffffe
	LOADD	d13, 0x4202a05f20000000	/* 1e10 */
	msr	fpsr, xzr
	fcvtzs	w20, d13
	CHECK	fcvtzs_w_saturates, x20, 0x7fffffff
	CHECK_FPSR saturation_invalid_fpsr, 0x01
	fcvtzs	x20, d10
	CHECK	fcvtzs_nan_is_zero, x20, 0
	fcvtzu	x20, d6
	CHECK	fcvtzu_negative_is_zero, x20, 0
	msr	fpsr, xzr
	fmov	d13, #2.5
	fcvtas	x20, d13
	CHECK	fcvtas_ties_away, x20, 3
	fcvtns	x20, d13
	CHECK	fcvtns_ties_even, x20, 2
	fcvtms	x20, d12
	CHECK	fcvtms_floor, x20, 0xfffffffffffffffd
	fcvtps	x20, d12
	CHECK	fcvtps_ceiling, x20, 0xfffffffffffffffe
	CHECK_FPSR conversion_inexact_fpsr, 0x10

	/* conversions from integers and between precisions */
	mov	x20, #-3
	scvtf	d9, x20
	CHECKD	scvtf, d9, 0xc008000000000000
	movn	x20, #0
	ucvtf	d9, x20
	CHECKD	ucvtf_max_rounds_to_2_64, d9, 0x43f0000000000000
	mov	w20, #1
	movk	w20, #0x100, lsl #16	/* 16777217 */
	scvtf	s9, w20
	CHECKS	scvtf_single_rounds, s9, 0x4b800000
	fcvt	s9, d4
	CHECKS	fcvt_double_to_single, s9, 0x3dcccccd
	fcvt	d9, s9
	CHECKD	fcvt_single_to_double, d9, 0x3fb99999a0000000
	fmov	s14, #1.0
	fcvt	h9, s14
	fmov	w19, s9
	CHECK	fcvt_single_to_half, x19, 0x3c00
	mov	x20, #3
	scvtf	d9, x20, #2		/* fixed point: 3 / 4 */
	CHECKD	scvtf_fixed_point, d9, 0x3fe8000000000000
	msr	fpsr, xzr

	/* rounding to integral values */
	frintn	d9, d13
	CHECKD	frintn, d9, 0x4000000000000000
	frinta	d9, d13
	CHECKD	frinta, d9, 0x4008000000000000
	frintm	d9, d12
	CHECKD	frintm, d9, 0xc008000000000000
	frintp	d9, d12
	CHECKD	frintp, d9, 0xc000000000000000
	frintz	d9, d12
	CHECKD	frintz, d9, 0xc000000000000000
	CHECK_FPSR frint_no_inexact_fpsr, 0
	ROUNDING 1
	frinti	d9, d13
	CHECKD	frinti_uses_fpcr, d9, 0x4008000000000000
	ROUNDING 0
	frintx	d9, d13
	CHECKD	frintx, d9, 0x4000000000000000
	CHECK_FPSR frintx_inexact_fpsr, 0x10

	/* compares set NZCV; unordered is C and V */
	fcmp	d0, d1
	CHECK_NZCV fcmp_less_nzcv, 0b1000
	fcmp	d1, d1
	CHECK_NZCV fcmp_equal_nzcv, 0b0110
	fcmp	d1, d0
	CHECK_NZCV fcmp_greater_nzcv, 0b0010
	fcmp	d10, d0
	CHECK_NZCV fcmp_unordered_nzcv, 0b0011
	CHECK_FPSR fcmp_quiet_nan_no_flags_fpsr, 0
	fcmpe	d10, d0
	CHECK_FPSR fcmpe_quiet_nan_invalid_fpsr, 0x01
	fcmp	d8, #0.0
	CHECK_NZCV fcmp_zero_nzcv, 0b0110
	fmov	s15, #3.0
	fcmp	s14, s15
	CHECK_NZCV fcmp_single_nzcv, 0b1000
	fcmp	d1, d0
	fcsel	d9, d0, d1, gt
	CHECKD	fcsel_taken, d9, 0x3ff0000000000000
	fcmp	d1, d0
	fccmp	d0, d0, #0b0000, gt	/* compared: equal */
	CHECK_NZCV fccmp_compared_nzcv, 0b0110

	FINISH
