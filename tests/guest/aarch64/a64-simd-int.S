/* A64 AdvSIMD integer: the groups beyond a64-simd.S, each with the case
 * that tells a right implementation from a near miss: saturation (and
 * FPSR.QC), rounding shifts, the "2" forms that read or fill upper halves,
 * scalar forms (which zero everything above their element), by-element
 * operands, the estimate instructions, structure loads and stores of
 * single lanes with post-index, and reserved size/Q combinations raising
 * SIGILL.  Each expected value is worked out in the comment beside it
 * from the manual's pseudocode; lanes are listed lowest first. */
#include "a64-check.h"

	/* v<n> = high:low */
	.macro SETQ n, high, low
	ldr	x0, =\low
	ldr	x1, =\high
	fmov	d\n, x0
	mov	v\n\().d[1], x1
	.endm

	/* FPSR.QC, then cleared */
	.macro CHECK_QC name, expected
	mrs	x19, fpsr
	ubfx	x19, x19, #27, #1
	CHECK	\name\()_qc, x19, \expected
	msr	fpsr, xzr
	.endm

	START
	msr	fpsr, xzr

	/* --- three same ---------------------------------------------------- */
	SETQ	1, 0x7f7f7f7f7f7f7f7f, 0x0000000000000080
	SETQ	2, 0x0101010101010101, 0x00000000000000ff
	sqadd	v3.16b, v1.16b, v2.16b	/* 127 + 1 -> 127; -128 + -1 -> -128 */
	CHECKQ	sqadd_16b_saturates, v3, 0x7f7f7f7f7f7f7f7f, 0x0000000000000080
	CHECK_QC sqadd_16b, 1
	SETQ	1, 0, 0x0001000500008000
	SETQ	2, 0, 0x0002000300017fff
	uqsub	v3.8h, v1.8h, v2.8h	/* 0x8000-0x7fff=1, 0-1 -> 0, 5-3=2, 1-2 -> 0 */
	CHECKQ	uqsub_8h, v3, 0, 0x0000000200000001
	CHECK_QC uqsub_8h, 1

	/* lanes 7, -7, 0x40000000, 5 shifted by the signed low byte: -1, -1, 1, -3 */
	SETQ	1, 0x0000000540000000, 0xfffffff900000007
	SETQ	2, 0x000000fd00000001, 0x000000ff000000ff
	srshl	v3.4s, v1.4s, v2.4s	/* (7+1)>>1, (-7+1)>>1, wraps, (5+4)>>3 */
	CHECKQ	srshl_4s_rounds, v3, 0x0000000180000000, 0xfffffffd00000004
	urshl	v3.4s, v1.4s, v2.4s	/* 0xfffffff9 + 1 >> 1 = 0x7ffffffd */
	CHECKQ	urshl_4s_rounds, v3, 0x0000000180000000, 0x7ffffffd00000004
	sqshl	v3.4s, v1.4s, v2.4s	/* 7>>1, -7>>1 = -4, 2^31 -> 0x7fffffff, 5>>3 */
	CHECKQ	sqshl_4s_register, v3, 0x000000007fffffff, 0xfffffffc00000003
	CHECK_QC sqshl_4s_register, 1
	SETQ	1, 0x8000000000000000, 0x0000000000000003
	SETQ	2, 0x00000000000000c1, 0x000000000000003f
	uqshl	v3.2d, v1.2d, v2.2d	/* 3 << 63 saturates; 2^63 >> 63 = 1 */
	CHECKQ	uqshl_2d_register, v3, 1, 0xffffffffffffffff
	CHECK_QC uqshl_2d_register, 1
	SETQ	1, 0, 0xfffffffffffffffb
	SETQ	2, 0, 0xff
	sqrshl	d3, d1, d2		/* (-5 + 1) >> 1 = -2 */
	CHECKQ	sqrshl_scalar_d, v3, 0, 0xfffffffffffffffe
	CHECK_QC sqrshl_scalar_d, 0

	SETQ	1, 0, 0x8000
	SETQ	2, 0, 0x7f01
	shsub	v3.8b, v1.8b, v2.8b	/* (0-1)>>1 = -1, (-128-127)>>1 = -128 */
	CHECKQ	shsub_8b, v3, 0, 0x80ff
	uhsub	v3.8b, v1.8b, v2.8b	/* (0-1)>>1 = -1, (128-127)>>1 = 0 */
	CHECKQ	uhsub_8b, v3, 0, 0x00ff

	/* halves -32768, 0x4000, 3, 0x7fff times -32768, 0x4000, 0x2000, 0x7fff */
	SETQ	1, 0, 0x7fff000340008000
	SETQ	2, 0, 0x7fff200040008000
	sqdmulh	v3.4h, v1.4h, v2.4h	/* 2^31 >> 16 saturates; 2^29 >> 16; 0xc000 >> 16; 0x7ffe0002 >> 16 */
	CHECKQ	sqdmulh_4h, v3, 0, 0x7ffe000020007fff
	CHECK_QC sqdmulh_4h, 1
	sqrdmulh v3.4h, v1.4h, v2.4h	/* the same plus 0x8000 first: 0xc000 rounds to 1 */
	CHECKQ	sqrdmulh_4h, v3, 0, 0x7ffe000120007fff
	CHECK_QC sqrdmulh_4h, 1

	SETQ	1, 0x00000000000000ff, 0x000000000b80ff03
	SETQ	2, 0x00000000000000ff, 0x0000000007800203
	pmul	v3.8b, v1.8b, v2.8b	/* 3*3 = 5, 0xff*2 = 0x1fe, 0x80*0x80 = 0x4000, 0xb*7 = 0x31 */
	CHECKQ	pmul_8b, v3, 0, 0x000000003100fe05
	pmull	v3.8h, v1.8b, v2.8b
	CHECKQ	pmull_8b, v3, 0, 0x0031400001fe0005
	pmull2	v3.8h, v1.16b, v2.16b	/* 0xff * 0xff = 0x5555 over GF(2) */
	CHECKQ	pmull2_16b, v3, 0, 0x5555

	SETQ	1, 0, 0x00000001ffffffff
	SETQ	2, 0, 0x7fffffff80000000
	smaxp	v3.2s, v1.2s, v2.2s	/* max(-1, 1), max(-2^31, 2^31-1) */
	CHECKQ	smaxp_2s, v3, 0, 0x7fffffff00000001
	umaxp	v3.2s, v1.2s, v2.2s
	CHECKQ	umaxp_2s, v3, 0, 0x80000000ffffffff
	sminp	v3.2s, v1.2s, v2.2s
	CHECKQ	sminp_2s, v3, 0, 0x80000000ffffffff

	/* scalar three same: one element, the rest of the register zeroed */
	SETQ	1, 0x1111, 0xffffffffffffffff
	SETQ	2, 0x3333, 0x0000000000000001
	movi	v3.2d, #0xffffffffffffffff
	cmgt	d3, d1, d2		/* -1 > 1 is false */
	CHECKQ	cmgt_scalar_d, v3, 0, 0
	cmhi	d3, d1, d2
	CHECKQ	cmhi_scalar_d, v3, 0, 0xffffffffffffffff
	SETQ	1, 0x1111, 0x227f
	SETQ	2, 0x3333, 0x4401
	sqadd	b3, b1, b2		/* 0x7f + 1 saturates */
	CHECKQ	sqadd_scalar_b, v3, 0, 0x7f
	CHECK_QC sqadd_scalar_b, 1
	add	d3, d1, d2
	CHECKQ	add_scalar_d, v3, 0, 0x6680
	uqsub	h3, h1, h2		/* 0x227f - 0x4401 < 0 */
	CHECKQ	uqsub_scalar_h, v3, 0, 0
	CHECK_QC uqsub_scalar_h, 1
	sshl	d3, d1, d2
	CHECKQ	sshl_scalar_d, v3, 0, 0x44fe

	/* --- two-register miscellaneous ----------------------------------- */
	SETQ	1, 0xaaaa, 0x808002017f80ffff
	saddlp	v3.4h, v1.8b		/* -1-1, -128+127, 1+2, -128-128 */
	CHECKQ	saddlp_8b, v3, 0, 0xff000003fffffffe
	SETQ	4, 0x5555, 0x0001000100010001
	uadalp	v4.4h, v1.8b		/* 1+0xff+0xff, 1+0x80+0x7f, 1+1+2, 1+0x80+0x80 */
	CHECKQ	uadalp_8b, v4, 0, 0x01010004010001ff
	SETQ	4, 0, 0x807f
	SETQ	1, 0, 0x05ff01
	suqadd	v4.8b, v1.8b		/* 127+1 -> 127, -128+255, 0+5 */
	CHECKQ	suqadd_8b, v4, 0, 0x057f7f
	CHECK_QC suqadd_8b, 1
	SETQ	4, 0, 0xff8001
	SETQ	1, 0, 0x0180ff
	usqadd	v4.8b, v1.8b		/* 1-1, 128-128, 255+1 -> 255 */
	CHECKQ	usqadd_8b, v4, 0, 0xff0000
	CHECK_QC usqadd_8b, 1
	SETQ	1, 0, 0xfb058180
	sqabs	v3.8b, v1.8b		/* |-128| -> 127, 127, 5, 5 */
	CHECKQ	sqabs_8b, v3, 0, 0x05057f7f
	CHECK_QC sqabs_8b, 1
	sqneg	v3.8b, v1.8b		/* -(-128) -> 127, 127, -5, 5 */
	CHECKQ	sqneg_8b, v3, 0, 0x05fb7f7f
	CHECK_QC sqneg_8b, 1
	SETQ	1, 0, 0xa00f01
	rbit	v3.8b, v1.8b
	CHECKQ	rbit_8b, v3, 0, 0x05f080
	SETQ	1, 0x800000020001ffff, 0
	shll2	v3.4s, v1.8h, #16	/* the upper halves, << 16 */
	CHECKQ	shll2_8h, v3, 0x8000000000020000, 0x00010000ffff0000

	/* URECPE: 0x80000000 (0.5) -> 511 << 23; 0x7fffffff (< 0.5) -> all ones;
	 * 0xffffffff -> 2^19 / 1023 = 512 -> 256 << 23; 0xc0000000 -> 2^19 / 769
	 * = 681 -> 341 << 23.  URSQRTE: 0x80000000 -> 361, 0x7fffffff -> 362,
	 * 0xffffffff -> 256, 0xc0000000 -> 295, each << 23 */
	SETQ	1, 0xc0000000ffffffff, 0x7fffffff80000000
	urecpe	v3.4s, v1.4s
	CHECKQ	urecpe_4s, v3, 0xaa80000080000000, 0xffffffffff800000
	ursqrte	v3.4s, v1.4s
	CHECKQ	ursqrte_4s, v3, 0x9380000080000000, 0xb5000000b4800000

	SETQ	1, 0x1234, 0
	cmeq	d3, d1, #0
	CHECKQ	cmeq_zero_scalar_d, v3, 0, 0xffffffffffffffff
	SETQ	1, 0x1234, 0x8000000000000000
	abs	d3, d1			/* wraps */
	CHECKQ	abs_scalar_d, v3, 0, 0x8000000000000000
	SETQ	1, 0x1234, 0x0180
	sqxtn	b3, h1			/* 384 -> 127 */
	CHECKQ	sqxtn_scalar_b, v3, 0, 0x7f
	CHECK_QC sqxtn_scalar_b, 1
	SETQ	1, 0x1234, 0xffff8000
	sqxtun	h3, s1			/* -32768 -> 0 */
	CHECKQ	sqxtun_scalar_h, v3, 0, 0
	CHECK_QC sqxtun_scalar_h, 1
	SETQ	1, 0x1234, 0x00000000ffffffff
	uqxtn	s3, d1
	CHECKQ	uqxtn_scalar_s, v3, 0, 0xffffffff
	CHECK_QC uqxtn_scalar_s, 0
	SETQ	3, 0xdead, 0x1122334455667788
	SETQ	1, 0x0f0e0d0c0b0a0908, 0x0706050403020100
	xtn2	v3.16b, v1.8h		/* the low bytes of the halves, into the upper half */
	CHECKQ	xtn2_8h, v3, 0x0e0c0a0806040200, 0x1122334455667788

	/* --- across lanes --------------------------------------------------- */
	SETQ	1, 0x80ff7f0102030405, 0x060708090a0b0c0d
	addv	b3, v1.16b		/* 76 + 525 = 601 = 0x259 */
	CHECKQ	addv_16b, v3, 0, 0x59
	uaddlv	h3, v1.16b
	CHECKQ	uaddlv_16b, v3, 0, 0x259
	saddlv	h3, v1.16b		/* 76 + 15 + 127 - 1 - 128 */
	CHECKQ	saddlv_16b, v3, 0, 0x59
	smaxv	b3, v1.16b
	CHECKQ	smaxv_16b, v3, 0, 0x7f
	sminv	b3, v1.16b
	CHECKQ	sminv_16b, v3, 0, 0x80
	umaxv	b3, v1.16b
	CHECKQ	umaxv_16b, v3, 0, 0xff
	uminv	b3, v1.16b
	CHECKQ	uminv_16b, v3, 0, 0x01
	smaxv	h3, v1.4h
	CHECKQ	smaxv_4h, v3, 0, 0x0c0d
	uminv	s3, v1.4s
	CHECKQ	uminv_4s, v3, 0, 0x02030405

	/* --- three different ---------------------------------------------- */
	SETQ	1, 0x7fff800000010002, 0
	SETQ	2, 0x7fff8000ffff0003, 0
	saddl2	v3.4s, v1.8h, v2.8h	/* 2+3, 1-1, -32768-32768, 32767+32767 */
	CHECKQ	saddl2_8h, v3, 0x0000fffeffff0000, 0x0000000000000005
	SETQ	4, 0x0001000100010001, 0x0001000100010001
	SETQ	1, 0, 0x057f80
	SETQ	2, 0, 0xfb807f
	sabal	v4.8h, v1.8b, v2.8b	/* 1 + |-128-127|, 1 + |127+128|, 1 + |5+5| */
	CHECKQ	sabal_8b, v4, 0x0001000100010001, 0x0001000b01000100
	SETQ	1, 0, 0x0000ffff00038000
	SETQ	2, 0, 0x0000000500048000
	sqdmull	v3.4s, v1.4h, v2.4h	/* 2^31 saturates, 24, -10, 0 */
	CHECKQ	sqdmull_4h, v3, 0x00000000fffffff6, 0x000000187fffffff
	CHECK_QC sqdmull_4h, 1
	SETQ	4, 0x8000000000000000, 0x7ffffff000000001
	sqdmlal	v4.4s, v1.4h, v2.4h	/* 1 + sat, 0x7ffffff0 + 24 saturate; 0 - 10; -2^31 + 0 */
	CHECKQ	sqdmlal_4h, v4, 0x80000000fffffff6, 0x7fffffff7fffffff
	CHECK_QC sqdmlal_4h, 1
	SETQ	4, 0x8000000000000000, 0x7ffffff000000001
	sqdmlsl	v4.4s, v1.4h, v2.4h	/* 1 - 0x7fffffff, 0x7ffffff0 - 24, 0 + 10, -2^31 */
	CHECKQ	sqdmlsl_4h, v4, 0x800000000000000a, 0x7fffffd880000002
	CHECK_QC sqdmlsl_4h, 1
	SETQ	1, 0, 0x127f1280
	SETQ	2, 0, 0
	addhn	v3.8b, v1.8h, v2.8h
	CHECKQ	addhn_8h, v3, 0, 0x1212
	raddhn	v3.8b, v1.8h, v2.8h	/* 0x1280 + 0x80 = 0x1300, 0x127f + 0x80 = 0x12ff */
	CHECKQ	raddhn_8h, v3, 0, 0x1213
	SETQ	3, 0, 0x1111111111111111
	addhn2	v3.16b, v1.8h, v2.8h
	CHECKQ	addhn2_8h, v3, 0x1212, 0x1111111111111111
	SETQ	4, 0, 5
	SETQ	1, 0xffffffff00000002, 0
	SETQ	2, 0xffffffff00000003, 0
	umlsl2	v4.2d, v1.4s, v2.4s	/* 5 - 2*3, 0 - 0xffffffff^2 */
	CHECKQ	umlsl2_4s, v4, 0x00000001ffffffff, 0xffffffffffffffff

	/* --- shifts by an immediate ----------------------------------------- */
	SETQ	1, 0xfffffffa00000006, 0xfffffff900000007
	srshr	v3.4s, v1.4s, #2	/* (7+2)>>2, (-7+2)>>2, (6+2)>>2, (-6+2)>>2 */
	CHECKQ	srshr_4s, v3, 0xffffffff00000002, 0xfffffffe00000002
	urshr	v3.2d, v1.2d, #64	/* (x + 2^63) >> 64 */
	CHECKQ	urshr_2d_64, v3, 1, 1
	SETQ	4, 0x0000000100000001, 0x0000000100000001
	srsra	v4.4s, v1.4s, #2
	CHECKQ	srsra_4s, v4, 0x0000000000000003, 0xffffffff00000003
	SETQ	4, 0, 0xffff
	SETQ	1, 0, 0x0180
	sri	v4.8b, v1.8b, #3	/* 0xe0 | 0x80 >> 3, 0xe0 | 1 >> 3 */
	CHECKQ	sri_8b, v4, 0, 0xe0f0
	sri	v4.8b, v1.8b, #8	/* a shift by the element size keeps d */
	CHECKQ	sri_8b_by_8, v4, 0, 0xe0f0
	SETQ	4, 0, 0xffff
	sli	v4.8b, v1.8b, #3	/* 0x07 | 0x80 << 3, 0x07 | 1 << 3 */
	CHECKQ	sli_8b, v4, 0, 0x0f07
	SETQ	1, 0, 0x05402080
	sqshlu	v3.8b, v1.8b, #2	/* -128 -> 0, 32 << 2 = 128, 64 << 2 -> 255, 20 */
	CHECKQ	sqshlu_8b, v3, 0, 0x14ff8000
	CHECK_QC sqshlu_8b, 1
	SETQ	1, 0, 0x0000000110000fff
	uqshl	v3.4h, v1.4h, #4	/* 0xfff0, 0x10000 -> 0xffff, 0x10, 0 */
	CHECKQ	uqshl_4h_imm, v3, 0, 0x00000010fffffff0
	CHECK_QC uqshl_4h_imm, 1
	SETQ	1, 0xc000000000000000, 0x4000000000000000
	sqshl	v3.2d, v1.2d, #1	/* 2^63 saturates, -2^63 fits */
	CHECKQ	sqshl_2d_imm, v3, 0x8000000000000000, 0x7fffffffffffffff
	CHECK_QC sqshl_2d_imm, 1
	SETQ	3, 0, 0x2222222222222222
	SETQ	1, 0, 0x0000fff801270128
	rshrn2	v3.16b, v1.8h, #4	/* (0x128+8)>>4, (0x127+8)>>4, (0xfff8+8)>>4 = 0x1000 */
	CHECKQ	rshrn2_8h, v3, 0x0000000000001213, 0x2222222222222222
	SETQ	1, 0, 0xfff007f0f0000800
	sqshrn	v3.8b, v1.8h, #4	/* 128 -> 127, -256 -> -128, 127, -1 */
	CHECKQ	sqshrn_8h, v3, 0, 0xff7f807f
	CHECK_QC sqshrn_8h, 1
	sqrshrun v3.8b, v1.8h, #4	/* 128, -256 -> 0, 127, (-16+8)>>4 = -1 -> 0 */
	CHECKQ	sqrshrun_8h, v3, 0, 0x007f0080
	CHECK_QC sqrshrun_8h, 1
	uqrshrn	v3.8b, v1.8h, #4	/* 128, 3840 -> 255, 127, 4095 -> 255 */
	CHECKQ	uqrshrn_8h, v3, 0, 0xff7fff80
	CHECK_QC uqrshrn_8h, 1
	SETQ	1, 0x00000000000081ff, 0
	ushll2	v3.8h, v1.16b, #3
	CHECKQ	ushll2_16b, v3, 0, 0x00000000040807f8
	sshll2	v3.8h, v1.16b, #3	/* -1 << 3, -127 << 3 */
	CHECKQ	sshll2_16b, v3, 0, 0x00000000fc08fff8

	SETQ	1, 0x1234, 0x8000000000000001
	sshr	d3, d1, #64
	CHECKQ	sshr_scalar_64, v3, 0, 0xffffffffffffffff
	ushr	d3, d1, #64
	CHECKQ	ushr_scalar_64, v3, 0, 0
	srshr	d3, d1, #1		/* (-2^63 + 1 + 1) >> 1 */
	CHECKQ	srshr_scalar, v3, 0, 0xc000000000000001
	SETQ	3, 0x5678, 0xf
	sli	d3, d1, #4
	CHECKQ	sli_scalar, v3, 0, 0x000000000000001f
	SETQ	1, 0x1234, 0x0400
	sqshrn	b3, h1, #1		/* 512 -> 127 */
	CHECKQ	sqshrn_scalar_b, v3, 0, 0x7f
	CHECK_QC sqshrn_scalar_b, 1
	SETQ	1, 0x1234, 0x40
	sqshl	b3, b1, #1		/* 128 -> 127 */
	CHECKQ	sqshl_scalar_b_imm, v3, 0, 0x7f
	CHECK_QC sqshl_scalar_b_imm, 1

	/* --- by element ------------------------------------------------------ */
	SETQ	1, 0, 0x80007fffffff0001
	SETQ	2, 0x00000000fffe0000, 0
	smull	v3.4s, v1.4h, v2.h[5]	/* 1, -1, 32767, -32768 times -2 */
	CHECKQ	smull_by_element, v3, 0x00010000ffff0002, 0x00000002fffffffe
	SETQ	4, 1, 0
	SETQ	1, 0xffffffff00000003, 0
	SETQ	2, 0, 0x0000000200000000
	umlal2	v4.2d, v1.4s, v2.s[1]	/* 0 + 3*2, 1 + 0xffffffff*2 */
	CHECKQ	umlal2_by_element, v4, 0x00000001ffffffff, 6
	SETQ	4, 0x0000000100000001, 0x0000000100000001
	SETQ	1, 0x0000000400000003, 0x0000000200000001
	SETQ	2, 0x0000000a00000000, 0
	mla	v4.4s, v1.4s, v2.s[3]	/* 1 + 10 * (1, 2, 3, 4) */
	CHECKQ	mla_by_element, v4, 0x000000290000001f, 0x000000150000000b
	SETQ	15, 0x0003000000000000, 0
	SETQ	1, 0x0008000700060005, 0x0004000300028001
	mul	v3.8h, v1.8h, v15.h[7]	/* times 3, wrapping */
	CHECKQ	mul_by_element_8h, v3, 0x001800150012000f, 0x000c000900068003
	SETQ	1, 0, 0x4000000080000000
	SETQ	2, 0x1111, 0x80000000
	sqdmulh	v3.2s, v1.2s, v2.s[0]	/* 2^63 >> 32 saturates, -2^62 >> 32 */
	CHECKQ	sqdmulh_by_element, v3, 0, 0xc00000007fffffff
	CHECK_QC sqdmulh_by_element, 1
	SETQ	1, 0x1234, 0x8000
	SETQ	2, 0, 0x80000000
	sqdmull	s3, h1, v2.h[1]		/* 2 * -32768 * -32768 saturates */
	CHECKQ	sqdmull_scalar_by_element, v3, 0, 0x7fffffff
	CHECK_QC sqdmull_scalar_by_element, 1

	/* --- copies, permutes, tables, immediates ----------------------------- */
	SETQ	1, 0x0f0e0d0c0b0a0908, 0x0706050403020100
	SETQ	2, 0x1f1e1d1c1b1a1918, 0x1716151413121110
	dup	v3.8h, v1.h[7]
	CHECKQ	dup_element_8h, v3, 0x0f0e0f0e0f0e0f0e, 0x0f0e0f0e0f0e0f0e
	smov	x19, v2.b[15]
	CHECK	smov_x_b, x19, 0x1f
	mov	v3.16b, v1.16b
	ins	v3.h[6], v2.h[1]
	CHECKQ	ins_element_h, v3, 0x0f0e13120b0a0908, 0x0706050403020100
	ext	v3.8b, v1.8b, v2.8b, #3
	CHECKQ	ext_8b, v3, 0, 0x1211100706050403
	zip2	v3.2d, v1.2d, v2.2d
	CHECKQ	zip2_2d, v3, 0x1f1e1d1c1b1a1918, 0x0f0e0d0c0b0a0908
	trn2	v3.8b, v1.8b, v2.8b
	CHECKQ	trn2_8b, v3, 0, 0x1707150513031101
	uzp1	v3.4h, v1.4h, v2.4h
	CHECKQ	uzp1_4h, v3, 0, 0x1514111005040100
	/* four table registers wrapping from v30 to v1 */
	mov	v30.16b, v1.16b
	mov	v31.16b, v2.16b
	movi	v0.16b, #0x20
	SETQ	5, 0x0000000000000040, 0x3f302f201f100f00
	movi	v1.16b, #0x30
	tbl	v3.16b, {v30.16b, v31.16b, v0.16b, v1.16b}, v5.16b
	CHECKQ	tbl_four_registers_wrap, v3, 0, 0x303020201f100f00
	SETQ	4, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaaaa
	tbx	v4.16b, {v30.16b, v31.16b, v0.16b}, v5.16b
	CHECKQ	tbx_three_registers, v4, 0x00000000000000aa, 0xaaaa20201f100f00
	movi	v3.4s, #0x12, msl #16
	CHECKQ	movi_msl, v3, 0x0012ffff0012ffff, 0x0012ffff0012ffff
	mvni	v3.8h, #0x34, lsl #8
	CHECKQ	mvni_8h_lsl8, v3, 0xcbffcbffcbffcbff, 0xcbffcbffcbffcbff
	orr	v3.4s, #0x56, lsl #24
	CHECKQ	orr_4s_lsl24, v3, 0xdfffcbffdfffcbff, 0xdfffcbffdfffcbff
	bic	v3.4h, #0xff
	CHECKQ	bic_4h, v3, 0, 0xdf00cb00df00cb00
	movi	d3, #0xff00ff00ff00ff00
	CHECKQ	movi_d_bytes, v3, 0, 0xff00ff00ff00ff00

	/* --- single-structure loads and stores ------------------------------- */
	adrp	x20, lane_data
	add	x20, x20, :lo12:lane_data	/* bytes 0x40, 0x41, ... */
	movi	v3.16b, #0
	movi	v4.16b, #0
	mov	x21, x20
	ld2	{v3.h, v4.h}[5], [x21], #4
	CHECKQ	ld2_lane_h_v3, v3, 0x0000000041400000, 0
	CHECKQ	ld2_lane_h_v4, v4, 0x0000000043420000, 0
	sub	x19, x21, x20
	CHECK	ld2_lane_post_imm, x19, 4
	movi	v5.16b, #0
	movi	v6.16b, #0
	movi	v7.16b, #0
	ld3	{v5.s, v6.s, v7.s}[3], [x20]
	CHECKQ	ld3_lane_s_v7, v7, 0x4b4a494800000000, 0
	mov	x21, x20
	mov	x22, #7
	movi	v30.16b, #0
	movi	v0.16b, #0
	ld4	{v30.b, v31.b, v0.b, v1.b}[9], [x21], x22	/* registers wrap at 31 */
	CHECKQ	ld4_lane_b_wraps_v30, v30, 0x4000, 0
	CHECKQ	ld4_lane_b_wraps_v0, v0, 0x4200, 0
	sub	x19, x21, x20
	CHECK	ld4_lane_post_register, x19, 7
	ld2r	{v3.8h, v4.8h}, [x20]
	CHECKQ	ld2r_8h_v4, v4, 0x4342434243424342, 0x4342434243424342
	ld3r	{v3.2s, v4.2s, v5.2s}, [x20]
	CHECKQ	ld3r_2s_v5, v5, 0, 0x4b4a49484b4a4948
	mov	x21, x20
	ld4r	{v3.2d, v4.2d, v5.2d, v6.2d}, [x21], #32
	CHECKQ	ld4r_2d_v6, v6, 0x5f5e5d5c5b5a5958, 0x5f5e5d5c5b5a5958
	sub	x19, x21, x20
	CHECK	ld4r_post_imm, x19, 32
	SETQ	3, 0x0f0e0d0c0b0a0908, 0x0706050403020100
	SETQ	4, 0x1f1e1d1c1b1a1918, 0x1716151413121110
	SETQ	5, 0x2f2e2d2c2b2a2928, 0x2726252423222120
	SETQ	6, 0x3f3e3d3c3b3a3938, 0x3736353433323130
	adrp	x22, store_area
	add	x22, x22, :lo12:store_area
	mov	x21, x22
	st2	{v3.s, v4.s}[1], [x21], #8
	ldr	x19, [x22]
	CHECK	st2_lane_s, x19, 0x1716151407060504
	st4	{v3.b, v4.b, v5.b, v6.b}[15], [x21]
	ldr	w19, [x22, #8]
	CHECK	st4_lane_b, x19, 0x3f2f1f0f
	mov	x23, #24
	st3	{v3.d, v4.d, v5.d}[1], [x21], x23
	ldr	x19, [x22, #24]
	CHECK	st3_lane_d_last, x19, 0x2f2e2d2c2b2a2928
	sub	x19, x21, x22
	CHECK	st3_lane_post_register, x19, 32
	mov	x21, x20
	ld1	{v3.d}[1], [x21], #8
	CHECKQ	ld1_lane_d_post, v3, 0x4746454443424140, 0x0706050403020100
	sub	x19, x21, x20
	CHECK	ld1_lane_post_imm, x19, 8

	/* --- reserved size and Q combinations are undefined ------------------- */
	adr	x1, sigill_action
	adr	x9, on_sigill
	str	x9, [x1]
	adr	x9, sigreturn
	str	x9, [x1, #16]
	mov	x0, #4			/* SIGILL */
	mov	x2, #0
	mov	x3, #8
	mov	x8, #134		/* rt_sigaction */
	svc	#0
	mov	x24, #0
	.inst	0x4ee00400		/* shadd v0.2d */
	.inst	0x0e20b400		/* sqdmulh v0.8b */
	.inst	0x0f488400		/* shrn with immh = 1xxx */
	.inst	0x2eb0a800		/* umaxv s0, v0.2s */
	.inst	0x0ee0bc00		/* addp v0.1d */
	.inst	0x0e60e000		/* pmull of halfwords */
	.inst	0x5e208400		/* add b0 (scalar add is D only) */
	.inst	0x2f002000		/* umlal by element, 8-bit */
	.inst	0x4d408800		/* ld1 lane: the 32-bit opcode with size 10 */
	.inst	0x0d00e000		/* st1 with the replicate opcode */
	CHECK	reserved_encodings_raise_sigill, x24, 10

	FINISH

/* SIGILL: count it in x24 and skip the instruction (uc_mcontext.pc is at 440) */
on_sigill:
	ldr	x9, [x2, #440]
	add	x9, x9, #4
	str	x9, [x2, #440]
	ldr	x9, [x2, #(184 + 24 * 8)]
	add	x9, x9, #1
	str	x9, [x2, #(184 + 24 * 8)]
	ret
sigreturn:
	mov	x8, #139		/* rt_sigreturn */
	svc	#0

	.data
	.balign	8
/* struct sigaction for rt_sigaction: handler, flags SA_SIGINFO | SA_RESTORER, restorer, mask */
sigill_action:
	.quad	0, 0x04000004, 0, 0
lane_data:
	.byte	0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f
	.byte	0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f
	.balign	8
store_area:
	.fill	64, 1, 0
