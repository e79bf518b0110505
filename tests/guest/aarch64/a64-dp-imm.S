/* A64 data processing (immediate): add/sub with and without flags, the
 * 12-bit shifted form, SP as operand, 32-bit forms zeroing the upper half,
 * move wide (movz/movn/movk), logical immediates (decoded bitmasks), adr
 * and adrp. */
#include "a64-check.h"

	START
.Lbackward:
	/* add/sub immediate */
	mov	x19, #1000
	add	x20, x19, #4095
	CHECK	add_imm, x20, 5095
	add	x20, x19, #1, lsl #12
	CHECK	add_imm_lsl12, x20, 5096
	sub	x20, x19, #1001
	CHECK	sub_imm_wraps, x20, 0xffffffffffffffff
	mov	w19, #5
	sub	w20, w19, #6
	CHECK	sub_w_zero_extends, x20, 0xffffffff
	movn	x19, #0
	add	w20, w19, #1
	CHECK	add_w_wraps, x20, 0

	/* SP as base and destination */
	mov	x21, sp
	sub	sp, sp, #32
	add	x20, sp, #32
	sub	x20, x20, x21
	CHECK	sp_operand, x20, 0
	add	sp, sp, #32
	mov	x20, sp
	sub	x20, x20, x21
	CHECK	sp_restored, x20, 0

	/* flags: N Z C V as a 4-bit number */
	mov	x19, #5
	subs	x20, x19, #5
	CHECK_NZCV subs_equal_nzcv, 0b0110
	subs	x20, x19, #6
	CHECK_NZCV subs_borrow_nzcv, 0b1000
	cmp	x19, #4
	CHECK_NZCV cmp_greater_nzcv, 0b0010
	mov	x19, #0x7fffffffffffffff
	adds	x20, x19, #1
	CHECK_NZCV adds_signed_overflow_nzcv, 0b1001
	CHECK	adds_signed_overflow, x20, 0x8000000000000000
	movn	x19, #0
	adds	x20, x19, #1
	CHECK_NZCV adds_carry_out_nzcv, 0b0110
	mov	w19, #0x7fffffff
	adds	w20, w19, #1
	CHECK_NZCV adds_w_overflow_nzcv, 0b1001
	CHECK	adds_w_result, x20, 0x80000000
	mov	x19, #0x8000000000000000
	subs	x20, x19, #1
	CHECK_NZCV subs_signed_overflow_nzcv, 0b0011
	cmn	x19, #0
	CHECK_NZCV cmn_min_nzcv, 0b1000
	mov	w19, #0
	cmn	w19, #1
	CHECK_NZCV cmn_w_zero_nzcv, 0b0000

	/* move wide */
	movz	x20, #0xbeef, lsl #16
	CHECK	movz_lsl16, x20, 0xbeef0000
	movk	x20, #0xdead, lsl #48
	movk	x20, #0x1234
	CHECK	movk, x20, 0xdead0000beef1234
	movn	x20, #0x1234, lsl #32
	CHECK	movn_lsl32, x20, 0xffffedcbffffffff
	movn	w20, #0
	CHECK	movn_w, x20, 0xffffffff
	movz	w20, #0x8000, lsl #16
	CHECK	movz_w_lsl16, x20, 0x80000000

	/* logical immediate: the bitmask decoder's element sizes and rotations */
	movn	x19, #0
	and	x20, x19, #0x5555555555555555
	CHECK	and_imm_size2, x20, 0x5555555555555555
	and	x20, x19, #0x0f0f0f0f0f0f0f0f
	CHECK	and_imm_size8, x20, 0x0f0f0f0f0f0f0f0f
	and	x20, x19, #0xff000000000000ff
	CHECK	and_imm_rotated, x20, 0xff000000000000ff
	mov	x19, #0
	orr	x20, x19, #0x00ff00ff00ff00ff
	CHECK	orr_imm_size16, x20, 0x00ff00ff00ff00ff
	orr	x20, x19, #0x7fffffffffffffff
	CHECK	orr_imm_size64, x20, 0x7fffffffffffffff
	orr	w20, w19, #0x80000001
	CHECK	orr_w_imm_rotated, x20, 0x80000001
	mov	x19, #0x1234
	eor	x20, x19, #0xffff0000ffff0000
	CHECK	eor_imm_size32, x20, 0xffff0000ffff1234
	mov	x19, #0x100
	ands	x20, x19, #0xff
	CHECK_NZCV ands_zero_nzcv, 0b0100
	mov	x19, #0x8000000000000000
	tst	x19, #0x8000000000000000
	CHECK_NZCV tst_negative_nzcv, 0b1000
	orr	sp, x19, #0x10		/* logical immediates may write SP */
	mov	x20, sp
	mov	sp, x21
	CHECK	orr_imm_to_sp, x20, 0x8000000000000010

	/* adr and adrp */
	adr	x20, .Ltarget
	ldr	x19, =.Ltarget		/* the absolute address, from the literal pool */
	sub	x20, x20, x19
	CHECK	adr_forward, x20, 0
	adrp	x20, .Ltarget
	and	x19, x19, #~0xfff
	sub	x20, x20, x19
	CHECK	adrp_page, x20, 0
	adr	x20, .Lbackward
	ldr	x19, =.Lbackward
	sub	x20, x20, x19
	CHECK	adr_backward, x20, 0

	FINISH
.Ltarget:
	.quad	0
