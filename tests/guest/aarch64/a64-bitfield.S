/* A64 bitfield moves (SBFM/UBFM/BFM and their aliases), EXTR, and the
 * one-source operations CLZ, CLS, RBIT, REV, REV16, REV32. */
#include "a64-check.h"

	START
	mov	x19, #0xf0f0
	movk	x19, #0x8765, lsl #48	/* 0x876500000000f0f0 */

	/* UBFM aliases */
	ubfx	x20, x19, #4, #8
	CHECK	ubfx, x20, 0x0f
	ubfx	x20, x19, #60, #4
	CHECK	ubfx_top, x20, 0x8
	ubfiz	x20, x19, #32, #16
	CHECK	ubfiz, x20, 0xf0f000000000
	lsl	x20, x19, #4
	CHECK	lsl_imm, x20, 0x76500000000f0f00
	lsr	x20, x19, #48
	CHECK	lsr_imm, x20, 0x8765
	lsl	w20, w19, #20
	CHECK	lsl_w_imm, x20, 0x0f000000
	uxtb	w20, w19
	CHECK	uxtb, x20, 0xf0
	uxth	w20, w19
	CHECK	uxth, x20, 0xf0f0

	/* SBFM aliases */
	sbfx	x20, x19, #4, #8
	CHECK	sbfx_positive, x20, 0x0f
	sbfx	x20, x19, #0, #8
	CHECK	sbfx_negative, x20, 0xfffffffffffffff0
	sbfiz	x20, x19, #8, #8
	CHECK	sbfiz, x20, 0xfffffffffffff000
	asr	x20, x19, #56
	CHECK	asr_imm, x20, 0xffffffffffffff87
	asr	w20, w19, #4
	CHECK	asr_w_imm_zero_extends, x20, 0x0f0f
	sxtb	x20, w19
	CHECK	sxtb, x20, 0xfffffffffffffff0
	sxth	x20, w19
	CHECK	sxth, x20, 0xfffffffffffff0f0
	mov	w21, #0x80000000
	sxtw	x20, w21
	CHECK	sxtw, x20, 0xffffffff80000000
	sxtb	w20, w19
	CHECK	sxtb_w, x20, 0xfffffff0

	/* BFM aliases: insert and extract-and-insert keep the other bits */
	movn	x20, #0
	bfi	x20, xzr, #8, #16
	CHECK	bfi, x20, 0xffffffffff0000ff
	mov	x20, #0
	bfxil	x20, x19, #48, #16
	CHECK	bfxil, x20, 0x8765
	movn	x20, #0
	bfi	w20, w19, #28, #4
	CHECK	bfi_w_zero_extends, x20, 0x0fffffff
	mov	x20, #0x1111
	bfm	x20, x19, #60, #3	/* imms < immr: BFI of bits 3:0 at bit 64 - 60 */
	CHECK	bfm_wrapped, x20, 0x1101

	/* EXTR and its alias ROR (immediate) */
	mov	x21, #0x1234
	extr	x20, x19, x21, #8
	CHECK	extr, x20, 0xf000000000000012
	ror	x20, x21, #4
	CHECK	ror_imm, x20, 0x4000000000000123
	mov	w22, #0xabcd
	extr	w20, w21, w22, #16
	CHECK	extr_w, x20, 0x12340000
	extr	x20, x19, x21, #0
	CHECK	extr_zero_shift, x20, 0x1234

	/* count leading zeros / sign bits, reverse bits and bytes */
	clz	x20, x21
	CHECK	clz, x20, 51
	clz	x20, xzr
	CHECK	clz_zero, x20, 64
	clz	w20, wzr
	CHECK	clz_w_zero, x20, 32
	cls	x20, x19
	CHECK	cls_negative, x20, 0
	movn	x22, #0
	cls	x20, x22
	CHECK	cls_all_ones, x20, 63
	cls	w20, w21
	CHECK	cls_w, x20, 18
	rbit	x20, x21
	CHECK	rbit, x20, 0x2c48000000000000
	rbit	w20, w21
	CHECK	rbit_w, x20, 0x2c480000
	rev	x20, x19
	CHECK	rev, x20, 0xf0f0000000006587
	rev	w20, w19
	CHECK	rev_w, x20, 0xf0f00000
	rev16	x20, x19
	CHECK	rev16, x20, 0x658700000000f0f0
	rev32	x20, x19
	CHECK	rev32, x20, 0x00006587f0f00000

	FINISH
