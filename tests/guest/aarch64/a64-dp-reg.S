/* A64 data processing (register): shifted and extended register operands,
 * add/sub with carry, logical ops with inverted operands, variable shifts,
 * multiply (madd/msub, long and high halves) and divide with AArch64's
 * divide-by-zero rule (the quotient is 0, nothing traps). */
#include "a64-check.h"

	START
	/* shifted register */
	mov	x19, #100
	mov	x20, #3
	add	x21, x19, x20, lsl #4
	CHECK	add_lsl, x21, 148
	sub	x21, x19, x20, lsl #63
	CHECK	sub_lsl63, x21, 0x8000000000000064
	movn	x20, #0x0f		/* 0xff...f0 */
	add	x21, x19, x20, asr #4
	CHECK	add_asr, x21, 99
	add	x21, x19, x20, lsr #60
	CHECK	add_lsr, x21, 115
	mov	w20, #0x80000000
	add	w21, w19, w20, asr #31
	CHECK	add_w_asr, x21, 99
	mov	x20, #0x0123
	orr	x21, xzr, x20, ror #8
	CHECK	orr_ror, x21, 0x2300000000000001
	mov	w20, #0x0123
	eor	w21, wzr, w20, ror #4
	CHECK	eor_w_ror, x21, 0x30000012
	mov	x19, #0xff
	mov	x20, #0x0f
	bic	x21, x19, x20
	CHECK	bic, x21, 0xf0
	orn	x21, xzr, x20
	CHECK	orn_is_mvn, x21, 0xfffffffffffffff0
	eon	x21, x19, x20, lsl #4
	CHECK	eon_lsl, x21, 0xfffffffffffffff0
	mvn	w21, w20
	CHECK	mvn_w, x21, 0xfffffff0
	bics	x21, x20, x19
	CHECK_NZCV bics_zero_nzcv, 0b0100
	neg	x21, x19
	CHECK	neg, x21, 0xffffffffffffff01
	negs	x21, xzr
	CHECK_NZCV negs_zero_nzcv, 0b0110
	mov	x19, #0x8000000000000000
	negs	x21, x19
	CHECK_NZCV negs_min_nzcv, 0b1001
	mov	x20, #1
	cmp	x20, x19, lsr #63
	CHECK_NZCV cmp_shifted_equal_nzcv, 0b0110

	/* extended register */
	mov	x19, #1000
	movn	x20, #0			/* all ones */
	add	x21, x19, w20, uxtb
	CHECK	add_uxtb, x21, 1255
	add	x21, x19, w20, uxth #2
	CHECK	add_uxth_lsl2, x21, 263140
	add	x21, x19, w20, uxtw
	CHECK	add_uxtw, x21, 4294968295
	add	x21, x19, w20, sxtb
	CHECK	add_sxtb, x21, 999
	add	x21, x19, w20, sxth #4
	CHECK	add_sxth_lsl4, x21, 984
	add	x21, x19, w20, sxtw #3
	CHECK	add_sxtw_lsl3, x21, 992
	sub	x21, x19, x20, sxtx #1
	CHECK	sub_sxtx_lsl1, x21, 1002
	mov	x22, sp
	add	x21, sp, w19, uxtw #1	/* register 31 is SP in the extended form */
	sub	x21, x21, x22
	CHECK	add_sp_extended, x21, 2000
	mov	w20, #0x80
	mov	w22, #0
	adds	w21, w22, w20, sxtb
	CHECK_NZCV adds_sxtb_negative_nzcv, 0b1000
	CHECK	adds_sxtb_w, x21, 0xffffff80

	/* add/sub with carry */
	movn	x19, #0
	mov	x20, #1
	adds	x21, x19, x20		/* C = 1 */
	adc	x21, xzr, xzr
	CHECK	adc_carry_in, x21, 1
	adds	x21, x20, x20		/* C = 0 */
	adc	x21, x19, x20
	CHECK	adc_no_carry, x21, 0
	adds	x21, x19, x20		/* the low half of a 128-bit add: C = 1 */
	adcs	x22, x20, x19		/* 1 + ~0 + 1 = 1, carry out */
	CHECK_NZCV adcs_carry_out_nzcv, 0b0010
	CHECK	adcs_high, x22, 1
	cmp	x20, x20		/* C = 1: no borrow */
	sbc	x21, x19, x20
	CHECK	sbc_no_borrow, x21, 0xfffffffffffffffe
	cmp	xzr, x20		/* C = 0: borrow */
	sbc	x21, x19, x20
	CHECK	sbc_borrow, x21, 0xfffffffffffffffd
	cmp	xzr, x20		/* C = 0 */
	sbcs	w21, wzr, wzr		/* 0 - 0 - 1 = -1 */
	CHECK_NZCV sbcs_w_borrow_nzcv, 0b1000
	CHECK	sbcs_w, x21, 0xffffffff
	mov	x19, #0x7fffffffffffffff
	cmp	x20, x20		/* C = 1 */
	adcs	x21, x19, xzr		/* + 0 + 1 overflows */
	CHECK_NZCV adcs_overflow_nzcv, 0b1001
	cmp	xzr, x20		/* C = 0 */
	ngc	x21, xzr		/* -0 - 1 */
	CHECK	ngc, x21, 0xffffffffffffffff

	/* variable shifts: the amount is taken modulo the width */
	mov	x19, #0x81
	mov	x20, #65
	lsl	x21, x19, x20
	CHECK	lslv_mod64, x21, 0x102
	mov	w20, #33
	lsr	w21, w19, w20
	CHECK	lsrv_w_mod32, x21, 0x40
	mov	x19, #0x8000000000000000
	mov	x20, #63
	asr	x21, x19, x20
	CHECK	asrv, x21, 0xffffffffffffffff
	mov	x19, #0x1
	mov	x20, #1
	ror	x21, x19, x20
	CHECK	rorv, x21, 0x8000000000000000
	mov	w19, #0x3
	mov	w20, #33
	ror	w21, w19, w20
	CHECK	rorv_w, x21, 0x80000001

	/* multiply */
	mov	x19, #7
	mov	x20, #6
	mov	x22, #100
	madd	x21, x19, x20, x22
	CHECK	madd, x21, 142
	msub	x21, x19, x20, x22
	CHECK	msub, x21, 58
	mneg	x21, x19, x20
	CHECK	mneg, x21, 0xffffffffffffffd6
	movn	w19, #0			/* w19 = -1 */
	mov	w20, #2
	smull	x21, w19, w20
	CHECK	smull, x21, 0xfffffffffffffffe
	umull	x21, w19, w20
	CHECK	umull, x21, 0x1fffffffe
	smaddl	x21, w19, w20, x22
	CHECK	smaddl, x21, 98
	umsubl	x21, w19, w20, x22
	CHECK	umsubl, x21, 0xfffffffe00000066
	movn	x19, #0
	smulh	x21, x19, x19
	CHECK	smulh_minus1_squared, x21, 0
	umulh	x21, x19, x19
	CHECK	umulh_max_squared, x21, 0xfffffffffffffffe
	mov	x19, #0x8000000000000000
	mov	x20, #2
	smulh	x21, x19, x20
	CHECK	smulh_min_times2, x21, 0xffffffffffffffff
	mov	w19, #0x10000
	mul	w21, w19, w19
	CHECK	mul_w_wraps, x21, 0

	/* divide */
	mov	x19, #100
	mov	x20, #7
	udiv	x21, x19, x20
	CHECK	udiv, x21, 14
	neg	x19, x19
	sdiv	x21, x19, x20
	CHECK	sdiv_truncates, x21, 0xfffffffffffffff2
	udiv	x21, x19, xzr
	CHECK	udiv_by_zero, x21, 0
	sdiv	x21, x19, xzr
	CHECK	sdiv_by_zero, x21, 0
	mov	x19, #0x8000000000000000
	movn	x20, #0
	sdiv	x21, x19, x20
	CHECK	sdiv_min_by_minus1, x21, 0x8000000000000000
	mov	w19, #0x80000000
	movn	w20, #0
	sdiv	w21, w19, w20
	CHECK	sdiv_w_min_by_minus1, x21, 0x80000000
	udiv	w21, w19, w20
	CHECK	udiv_w, x21, 0
	sdiv	w21, w19, wzr
	CHECK	sdiv_w_by_zero, x21, 0

	FINISH
