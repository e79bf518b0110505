/* A64 conditional select (csel/csinc/csinv/csneg and the cset/csetm/cinc/
 * cneg aliases), conditional compare (ccmp/ccmn, register and immediate)
 * and every condition code, each tested on both sides of its boundary. */
#include "a64-check.h"

	/* COND_ROW name, nzcv, expected: set NZCV, then build a 14-bit mask,
	 * bit i set when condition i (eq ne cs cc mi pl vs vc hi ls ge lt gt
	 * le) holds */
	.macro COND_ROW name, nzcv, expected
	mov	x0, #(\nzcv << 28)
	msr	nzcv, x0
	mov	x20, #0
	.irp	cond, eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le
	cset	x21, \cond
	lsl	x20, x20, #1
	orr	x20, x20, x21
	.endr
	CHECK	\name, x20, \expected
	.endm

	START
	mov	x19, #10
	mov	x20, #20
	cmp	x19, x20
	csel	x21, x19, x20, lt
	CHECK	csel_taken, x21, 10
	cmp	x19, x20
	csel	x21, x19, x20, gt
	CHECK	csel_not_taken, x21, 20
	cmp	x19, x19
	csinc	x21, x19, x20, ne
	CHECK	csinc_increments, x21, 21
	cmp	x19, x19
	csinv	x21, x19, x20, ne
	CHECK	csinv_inverts, x21, 0xffffffffffffffeb
	cmp	x19, x19
	csneg	x21, x19, x20, ne
	CHECK	csneg_negates, x21, 0xffffffffffffffec
	cmp	x19, x19
	csneg	w21, w19, w20, ne
	CHECK	csneg_w, x21, 0xffffffec
	cmp	x19, x20
	cset	x21, lo
	CHECK	cset, x21, 1
	cmp	x19, x20
	csetm	w21, lo
	CHECK	csetm_w, x21, 0xffffffff
	cmp	x19, x20
	cinc	x21, x19, hs
	CHECK	cinc_not_taken, x21, 10
	cmp	x19, x20
	cneg	x21, x19, ls
	CHECK	cneg, x21, 0xfffffffffffffff6
	/* al and nv both always hold in csel */
	cmp	x19, x20
	csel	x21, x19, x20, al
	CHECK	csel_al, x21, 10
	cmp	x19, x20
	csel	x21, x19, x20, nv
	CHECK	csel_nv, x21, 10

	/* ccmp: compare when the condition holds, else set NZCV to the immediate */
	cmp	x19, #10
	ccmp	x20, #20, #0b0000, eq
	CHECK_NZCV ccmp_compared_nzcv, 0b0110
	cmp	x19, #11
	ccmp	x20, #20, #0b1011, eq
	CHECK_NZCV ccmp_flags_from_imm_nzcv, 0b1011
	cmp	x19, #10
	ccmp	x19, x20, #0b0000, eq
	CHECK_NZCV ccmp_register_nzcv, 0b1000
	cmp	x19, #10
	ccmn	x19, #10, #0b0000, ne
	CHECK_NZCV ccmn_not_compared_nzcv, 0b0000
	movn	x22, #0
	cmp	x19, #10
	ccmn	x22, #1, #0b1111, eq
	CHECK_NZCV ccmn_compared_nzcv, 0b0110
	mov	w22, #0x7fffffff
	cmp	x19, #10
	ccmn	w22, #1, #0, eq
	CHECK_NZCV ccmn_w_overflow_nzcv, 0b1001

	/* every condition under every interesting NZCV */
	/*                               eq ne cs cc mi pl vs vc hi ls ge lt gt le */
	COND_ROW conditions_nzcv_0000, 0b0000, 0b01010101011010
	COND_ROW conditions_nzcv_0100, 0b0100, 0b10010101011001
	COND_ROW conditions_nzcv_0010, 0b0010, 0b01100101101010
	COND_ROW conditions_nzcv_0110, 0b0110, 0b10100101011001
	COND_ROW conditions_nzcv_1000, 0b1000, 0b01011001010101
	COND_ROW conditions_nzcv_0001, 0b0001, 0b01010110010101
	COND_ROW conditions_nzcv_1001, 0b1001, 0b01011010011010
	COND_ROW conditions_nzcv_1101, 0b1101, 0b10011010011001
	COND_ROW conditions_nzcv_1111, 0b1111, 0b10101010011001

	FINISH
