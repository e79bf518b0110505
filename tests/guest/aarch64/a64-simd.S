/* A64 AdvSIMD: integer lane arithmetic, across-lanes reductions,
 * permutes (zip/uzp/trn/ext/rev), table lookups (tbl zeroes and tbx keeps
 * out-of-range lanes), structure loads and stores (ld2/ld4/st1, ld1r,
 * lane forms), element moves, shifts, narrowing with saturation (and
 * FPSR.QC), widening, compares, bitwise selects, popcount, pairwise adds,
 * and vector floating point. Expected values follow the manual's lane
 * rules; 128-bit results are checked as their high and low halves. */
#include "a64-check.h"

	START
	adrp	x20, bytes
	add	x20, x20, :lo12:bytes
	ldp	q0, q1, [x20]		/* v0 = bytes 0..15, v1 = bytes 16..31 */
	adrp	x21, halves
	add	x21, x21, :lo12:halves
	ldr	q2, [x21]		/* -1 5 -300 300 32767 -32768 0 1 */

	/* lane arithmetic */
	add	v3.16b, v0.16b, v1.16b
	CHECKQ	add_16b, v3, 0x2e2c2a2826242220, 0x1e1c1a1816141210
	sub	v3.4s, v1.4s, v0.4s
	CHECKQ	sub_4s, v3, 0x1010101010101010, 0x1010101010101010
	mul	v3.8h, v0.8h, v0.8h
	CHECKQ	mul_8h_wraps, v3, 0xa4c43890dc649040, 0x542428100c040000
	add	v3.8b, v0.8b, v1.8b	/* a 64-bit vector op zeroes the high half */
	CHECKQ	add_8b_zeroes_high, v3, 0, 0x1e1c1a1816141210
	rev64	v4.16b, v1.16b
	ext	v4.16b, v4.16b, v4.16b, #8
	uabd	v3.16b, v0.16b, v4.16b	/* |i - (31 - i)| */
	CHECKQ	uabd_16b, v3, 0x01030507090b0d0f, 0x11131517191b1d1f
	addp	v3.4s, v0.4s, v1.4s
	CHECKQ	addp_4s, v3, 0x3a3836342a282624, 0x1a1816140a080604
	cnt	v3.16b, v1.16b
	CHECKQ	cnt_16b, v3, 0x0504040304030302, 0x0403030203020201

	/* across lanes */
	addv	b3, v0.16b
	mov	x19, v3.d[0]
	CHECK	addv_16b, x19, 120
	umaxv	h3, v1.8h
	mov	x19, v3.d[0]
	CHECK	umaxv_8h, x19, 0x1f1e
	uminv	s3, v1.4s
	mov	x19, v3.d[0]
	CHECK	uminv_4s, x19, 0x13121110
	sminv	h3, v2.8h
	smov	x19, v3.h[0]
	CHECK	sminv_8h_smov, x19, 0xffffffffffff8000
	saddlv	s3, v2.8h		/* -1 + 5 - 300 + 300 + 32767 - 32768 + 0 + 1 */
	mov	w19, v3.s[0]
	CHECK	saddlv_8h, x19, 4

	/* permutes */
	zip1	v3.16b, v0.16b, v1.16b
	CHECKQ	zip1_16b, v3, 0x1707160615051404, 0x1303120211011000
	uzp2	v3.8h, v0.8h, v1.8h
	CHECKQ	uzp2_8h, v3, 0x1f1e1b1a17161312, 0x0f0e0b0a07060302
	trn1	v3.4s, v0.4s, v1.4s
	CHECKQ	trn1_4s, v3, 0x1b1a19180b0a0908, 0x1312111003020100
	ext	v3.16b, v0.16b, v1.16b, #3
	CHECKQ	ext_3, v3, 0x1211100f0e0d0c0b, 0x0a09080706050403
	rev64	v3.16b, v0.16b
	CHECKQ	rev64_16b, v3, 0x08090a0b0c0d0e0f, 0x0001020304050607

	/* table lookups over {v0, v1}: indexes 32 and up give 0 (tbl) or keep (tbx) */
	adrp	x22, table_indexes
	add	x22, x22, :lo12:table_indexes
	ldr	q5, [x22]
	tbl	v3.16b, {v0.16b, v1.16b}, v5.16b
	CHECKQ	tbl_two_registers, v3, 0x0706050403001202, 0x11010000100f001f
	movi	v3.16b, #0xaa
	tbx	v3.16b, {v0.16b}, v5.16b
	CHECKQ	tbx_one_register_keeps, v3, 0x0706050403aaaa02, 0xaa01aaaaaa0f00aa

	/* structure loads and stores */
	ld2	{v6.8b, v7.8b}, [x20]
	CHECKQ	ld2_8b_even, v6, 0, 0x0e0c0a0806040200
	CHECKQ	ld2_8b_odd, v7, 0, 0x0f0d0b0907050301
	mov	x23, x20
	ld4	{v16.4s, v17.4s, v18.4s, v19.4s}, [x23], #64
	sub	x24, x23, x20
	CHECK	ld4_post_index, x24, 64
	CHECKQ	ld4_4s_first, v16, 0x3332313023222120, 0x1312111003020100
	CHECKQ	ld4_4s_fourth, v19, 0x3f3e3d3c2f2e2d2c, 0x1f1e1d1c0f0e0d0c
	adrp	x23, scratch
	add	x23, x23, :lo12:scratch
	st4	{v16.4s, v17.4s, v18.4s, v19.4s}, [x23]	/* interleaves back */
	ldp	x24, x25, [x23, #48]
	CHECK	st4_round_trip_high, x24, 0x3736353433323130
	CHECK	st4_round_trip_top, x25, 0x3f3e3d3c3b3a3938
	st1	{v0.16b, v1.16b}, [x23]
	ldr	x24, [x23, #24]
	CHECK	st1_two_registers, x24, 0x1f1e1d1c1b1a1918
	ld1r	{v3.8h}, [x21]
	CHECKQ	ld1r_8h, v3, 0xffffffffffffffff, 0xffffffffffffffff
	mov	v3.16b, v0.16b
	ld1	{v3.s}[2], [x21]
	CHECKQ	ld1_lane_s2, v3, 0x0f0e0d0c0005ffff, 0x0706050403020100
	st1	{v1.h}[7], [x23]
	ldrh	w24, [x23]
	CHECK	st1_lane_h7, x24, 0x1f1e

	/* element moves */
	mov	w24, #0x4321
	dup	v3.8h, w24
	CHECKQ	dup_8h, v3, 0x4321432143214321, 0x4321432143214321
	mov	x24, #-2
	mov	v3.d[1], x24
	CHECKQ	ins_d1, v3, 0xfffffffffffffffe, 0x4321432143214321
	mov	v3.b[0], v1.b[15]
	umov	w19, v3.b[0]
	CHECK	ins_element_umov, x19, 0x1f
	dup	v3.4s, v1.s[3]
	CHECKQ	dup_element_4s, v3, 0x1f1e1d1c1f1e1d1c, 0x1f1e1d1c1f1e1d1c
	movi	v3.2d, #0xff00ff00ff00ff00
	CHECKQ	movi_2d, v3, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00
	mvni	v3.4s, #0x12, lsl #8
	CHECKQ	mvni_4s, v3, 0xffffedffffffedff, 0xffffedffffffedff
	orr	v3.4s, #0x12, lsl #8
	CHECKQ	orr_immediate_4s, v3, 0xffffffffffffffff, 0xffffffffffffffff

	/* shifts, narrowing and widening */
	shl	v3.4s, v1.4s, #3
	CHECKQ	shl_4s, v3, 0xf8f0e8e0d8d0c8c0, 0xb8b0a8a098908880
	ushr	v3.2d, v1.2d, #4
	CHECKQ	ushr_2d, v3, 0x01f1e1d1c1b1a191, 0x0171615141312111
	sshr	v3.8h, v2.8h, #15
	CHECKQ	sshr_8h, v3, 0x00000000ffff0000, 0x0000ffff0000ffff
	mov	x24, #-4
	dup	v4.16b, w24
	ushl	v3.16b, v1.16b, v4.16b	/* a negative amount shifts right */
	CHECKQ	ushl_negative_16b, v3, 0x0101010101010101, 0x0101010101010101
	msr	fpsr, xzr
	sqxtn	v3.8b, v2.8h
	CHECKQ	sqxtn_8b, v3, 0, 0x0100807f7f8005ff
	mrs	x19, fpsr
	ubfx	x19, x19, #27, #1
	CHECK	sqxtn_sets_qc, x19, 1
	msr	fpsr, xzr
	xtn	v3.8b, v2.8h
	CHECKQ	xtn_8b, v3, 0, 0x010000ff2cd405ff
	sxtl	v3.4s, v2.4h
	CHECKQ	sxtl_4s, v3, 0x0000012cfffffed4, 0x00000005ffffffff
	uxtl2	v3.2d, v0.4s
	CHECKQ	uxtl2_2d, v3, 0x000000000f0e0d0c, 0x000000000b0a0908
	shrn	v3.8b, v1.8h, #8
	CHECKQ	shrn_8b, v3, 0, 0x1f1d1b1917151311
	movi	v4.16b, #0xf0
	uqadd	v3.16b, v1.16b, v4.16b
	CHECKQ	uqadd_saturates, v3, 0xffffffffffffffff, 0xffffffffffffffff
	msr	fpsr, xzr

	/* compares and selects */
	cmgt	v3.8h, v2.8h, #0
	CHECKQ	cmgt_zero_8h, v3, 0xffff00000000ffff, 0xffff0000ffff0000
	cmhi	v4.8h, v2.8h, v3.8h	/* unsigned: anything above the mask */
	CHECKQ	cmhi_8h, v4, 0x00000000ffff0000, 0x0000ffff0000ffff
	cmeq	v4.16b, v0.16b, v0.16b
	CHECKQ	cmeq_all, v4, 0xffffffffffffffff, 0xffffffffffffffff
	mov	v4.16b, v3.16b
	bsl	v4.16b, v0.16b, v1.16b	/* mask ? v0 : v1 */
	CHECKQ	bsl, v4, 0x0f0e1d1c1b1a0908, 0x0706151403021110
	mov	v4.16b, v0.16b
	bif	v4.16b, v1.16b, v3.16b	/* insert v1 where the mask is clear */
	CHECKQ	bif, v4, 0x0f0e1d1c1b1a0908, 0x0706151403021110
	bic	v4.16b, v0.16b, v3.16b
	eor	v4.16b, v4.16b, v1.16b
	CHECKQ	bic_eor, v4, 0x1f1e101010101918, 0x1716101013121010

	/* floating point lanes */
	adrp	x22, floats
	add	x22, x22, :lo12:floats
	ldp	q20, q21, [x22]		/* {1.5, -2.0, 0.25, 100} and {2.0, 3.0, -0.5, 0.1} */
	fadd	v3.4s, v20.4s, v21.4s
	CHECKQ	fadd_4s, v3, 0x42c83333be800000, 0x3f80000040600000
	fmul	v3.4s, v20.4s, v21.4s
	CHECKQ	fmul_4s, v3, 0x41200000be000000, 0xc0c0000040400000
	mov	v3.16b, v20.16b
	fmla	v3.4s, v20.4s, v21.s[0]	/* v20 + v20 * 2.0 */
	CHECKQ	fmla_by_element, v3, 0x439600003f400000, 0xc0c0000040900000
	fcvtzs	v3.4s, v20.4s
	CHECKQ	fcvtzs_4s, v3, 0x0000006400000000, 0xfffffffe00000001
	scvtf	v3.2d, v3.2d
	CHECKQ	scvtf_2d, v3, 0x4259000000000000, 0xc1fffffffff00000
	faddp	v3.4s, v20.4s, v21.4s
	CHECKQ	faddp_4s, v3, 0xbecccccd40a00000, 0x42c88000bf000000
	fmaxv	s3, v20.4s
	fmov	w19, s3
	CHECK	fmaxv_4s, x19, 0x42c80000
	fcmgt	v3.4s, v20.4s, v21.4s
	CHECKQ	fcmgt_4s, v3, 0xffffffffffffffff, 0x0000000000000000
	fcvtl	v3.2d, v20.2s
	CHECKQ	fcvtl_2d, v3, 0xc000000000000000, 0x3ff8000000000000
	fcvtn	v3.2s, v3.2d
	CHECKQ	fcvtn_2s, v3, 0, 0xc00000003fc00000

	FINISH

	.data
	.balign	16
bytes:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	.byte	\n
	.endr
	.irp	n, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	.byte	\n
	.endr
	.irp	n, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47
	.byte	\n
	.endr
	.irp	n, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63
	.byte	\n
	.endr
halves:
	.hword	-1, 5, -300, 300, 32767, -32768, 0, 1
table_indexes:
	.byte	31, 0, 15, 16, 32, 255, 1, 17, 2, 18, 40, 3, 4, 5, 6, 7
floats:
	.float	1.5, -2.0, 0.25, 100.0
	.float	2.0, 3.0, -0.5, 0.1
	.bss
	.balign	16
scratch:
	.fill	64, 1, 0
