/* A64 loads and stores: every width with zero and sign extension, scaled,
 * unscaled (and unprivileged) and register-offset (with extend) addressing, pre- and
 * post-index writeback, pairs (ldp/stp/ldpsw), literals, exclusives and
 * acquire/release, and SIMD&FP registers as the data. */
#include "a64-check.h"

	START
	adrp	x19, buffer
	add	x19, x19, :lo12:buffer
	ldr	x20, =0x8899aabbccddeeff
	str	x20, [x19]
	ldr	x21, =0x0011223344556677
	str	x21, [x19, #8]

	/* widths and extension (little-endian) */
	ldrb	w22, [x19]
	CHECK	ldrb, x22, 0xff
	ldrsb	x22, [x19, #1]
	CHECK	ldrsb_x, x22, 0xffffffffffffffee
	ldrsb	w22, [x19, #1]
	CHECK	ldrsb_w, x22, 0xffffffee
	ldrh	w22, [x19, #2]
	CHECK	ldrh, x22, 0xccdd
	ldrsh	x22, [x19, #6]
	CHECK	ldrsh_x, x22, 0xffffffffffff8899
	ldrsh	w22, [x19, #8]
	CHECK	ldrsh_w, x22, 0x6677
	ldr	w22, [x19, #4]
	CHECK	ldr_w, x22, 0x8899aabb
	ldrsw	x22, [x19, #4]
	CHECK	ldrsw, x22, 0xffffffff8899aabb
	ldr	x22, [x19, #8]
	CHECK	ldr_x, x22, 0x0011223344556677

	/* unscaled and unaligned */
	add	x23, x19, #16
	ldur	x22, [x23, #-13]
	CHECK	ldur_negative_unaligned, x22, 0x5566778899aabbcc
	ldur	w22, [x19, #3]
	CHECK	ldur_w_unaligned, x22, 0x99aabbcc

	/* unprivileged loads and stores: at EL0, the unscaled forms */
	ldtrsb	x22, [x23, #-15]
	CHECK	ldtrsb_x, x22, 0xffffffffffffffee
	ldtrh	w22, [x19, #3]
	CHECK	ldtrh_unaligned, x22, 0xbbcc
	ldtrsw	x22, [x19, #4]
	CHECK	ldtrsw, x22, 0xffffffff8899aabb
	ldtr	x22, [x19, #8]
	CHECK	ldtr_x, x22, 0x0011223344556677
	sttr	x21, [x19, #112]
	sttrh	w20, [x19, #120]
	ldr	x22, [x19, #112]
	CHECK	sttr_x, x22, 0x0011223344556677
	ldrh	w22, [x19, #120]
	CHECK	sttrh, x22, 0xeeff
	mov	w24, #0x5a
	sturb	w24, [x23, #-1]
	ldrb	w22, [x19, #15]
	CHECK	sturb, x22, 0x5a
	mov	w24, #0x1234
	sturh	w24, [x19, #1]
	ldr	x22, [x19]
	CHECK	sturh_unaligned, x22, 0x8899aabbcc1234ff

	/* register offset */
	mov	x24, #1
	ldr	x22, [x19, x24, lsl #3]
	CHECK	ldr_register_lsl3, x22, 0x5a11223344556677
	mov	w24, #-8
	add	x25, x19, #8
	ldr	x22, [x25, w24, sxtw]
	CHECK	ldr_register_sxtw, x22, 0x8899aabbcc1234ff
	mov	w24, #3
	ldrh	w22, [x19, w24, uxtw #1]
	CHECK	ldrh_register_uxtw1, x22, 0x8899
	movn	x24, #0
	ldrb	w22, [x25, x24]
	CHECK	ldrb_register_minus1, x22, 0x88
	mov	x24, #2
	mov	w26, #0xabcd
	strh	w26, [x19, x24, lsl #1]
	ldr	x22, [x19]
	CHECK	strh_register_lsl1, x22, 0x8899abcdcc1234ff

	/* pre- and post-index writeback */
	mov	x25, x19
	ldr	x22, [x25, #8]!
	sub	x23, x25, x19
	CHECK	ldr_pre_index_value, x22, 0x5a11223344556677
	CHECK	ldr_pre_index_base, x23, 8
	ldr	w22, [x25], #-4
	sub	x23, x25, x19
	CHECK	ldr_post_index_value, x22, 0x44556677
	CHECK	ldr_post_index_base, x23, 4
	mov	x24, #0x77
	strb	w24, [x25, #-1]!
	sub	x23, x25, x19
	CHECK	strb_pre_index_base, x23, 3
	ldrb	w22, [x19, #3]
	CHECK	strb_pre_index_value, x22, 0x77

	/* SP as base */
	mov	x24, #0x42
	str	x24, [sp, #-16]!
	ldr	x22, [sp], #16
	CHECK	sp_push_pop, x22, 0x42

	/* pairs */
	add	x25, x19, #32
	mov	x24, #1
	mov	x26, #2
	stp	x24, x26, [x25]
	ldp	x22, x23, [x25]
	CHECK	stp_ldp_first, x22, 1
	CHECK	stp_ldp_second, x23, 2
	mov	w24, #-3
	mov	w26, #4
	stp	w24, w26, [x25, #-8]!
	sub	x23, x25, x19
	CHECK	stp_w_pre_index_base, x23, 24
	ldpsw	x22, x23, [x25]
	CHECK	ldpsw_first, x22, 0xfffffffffffffffd
	CHECK	ldpsw_second, x23, 4
	ldp	w22, w23, [x25], #16
	sub	x23, x25, x19
	CHECK	ldp_w_post_index_base, x23, 40
	CHECK	ldp_w_first, x22, 0xfffffffd
	ldp	x22, x23, [x25, #-8]
	CHECK	ldp_offset_first, x22, 1
	CHECK	ldp_offset_second, x23, 2

	/* literals */
	ldr	x22, .Lliteral64
	CHECK	ldr_literal_x, x22, 0xfedcba9876543210
	ldr	w22, .Lliteral64
	CHECK	ldr_literal_w, x22, 0x76543210
	ldrsw	x22, .Lliteral64 + 4
	CHECK	ldrsw_literal, x22, 0xfffffffffedcba98

	/* exclusives: a store with no intervening access succeeds (status 0) */
	add	x25, x19, #64
	mov	x24, #10
	str	x24, [x25]
1:	ldxr	x22, [x25]
	add	x22, x22, #5
	stxr	w23, x22, [x25]
	cbnz	w23, 1b
	ldr	x22, [x25]
	CHECK	ldxr_stxr, x22, 15
2:	ldaxr	w22, [x25]
	add	w22, w22, #1
	stlxr	w23, w22, [x25]
	cbnz	w23, 2b
	ldr	x22, [x25]
	CHECK	ldaxr_stlxr_w, x22, 16
3:	ldxp	x22, x23, [x25]
	stxp	w24, x23, x22, [x25]
	cbnz	w24, 3b
	ldr	x22, [x25, #8]
	CHECK	ldxp_stxp_swapped, x22, 16
	ldxrb	w22, [x25]
	clrex
	stxrb	w23, w22, [x25]		/* no monitor after clrex: fails (1) */
	CHECK	stxr_after_clrex_fails, x23, 1
	mov	x24, #0x99
	stlr	x24, [x25]
	ldar	x22, [x25]
	CHECK	stlr_ldar, x22, 0x99
	mov	w24, #0x1234
	stlrh	w24, [x25]
	add	x26, x25, #1
	ldarb	w22, [x26]
	CHECK	stlrh_ldarb, x22, 0x12

	/* SIMD&FP registers as data */
	ldr	q0, [x19]
	str	q0, [x19, #48]
	ldp	x22, x23, [x19, #48]
	ldp	x24, x26, [x19]
	sub	x22, x22, x24
	sub	x23, x23, x26
	orr	x22, x22, x23
	CHECK	ldr_str_q, x22, 0
	ldr	d1, [x19, #8]
	fmov	x22, d1
	CHECK	ldr_d, x22, 0x5a11223344556677
	ldr	s1, [x19, #8]
	fmov	x22, d1			/* a scalar load clears the rest of the register */
	CHECK	ldr_s_zeroes_upper, x22, 0x44556677
	ldr	h1, [x19, #8]
	umov	w22, v1.h[0]
	CHECK	ldr_h, x22, 0x6677
	ldp	q2, q3, [x19]
	mov	x22, v2.d[1]
	CHECK	ldp_q_first_high, x22, 0x5a11223344556677
	mov	x22, v3.d[1]
	CHECK	ldp_q_second_high, x22, 0x00000004fffffffd
	stp	s2, s3, [x19, #96]
	ldr	x22, [x19, #96]
	CHECK	stp_s, x22, 0x00000000771234ff

	FINISH

	.balign	8
.Lliteral64:
	.quad	0xfedcba9876543210

	.bss
	.balign	16
buffer:	.fill	128, 1, 0
