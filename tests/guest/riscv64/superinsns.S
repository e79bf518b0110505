/*
 * Adjacent instruction pairs that tier 0 runs as one superinstruction
 * (gen/emit-handlers.c), in the forms its block builder tells apart: the
 * second reading the first one's destination as rs1, as rs2 or as both (the
 * value handed over without the register file), the first or the second
 * writing x0 (no write, and no value handed over: x0 still reads 0), the
 * second overwriting the register it read, loads and stores whose address
 * the first computed, FP pairs, and pairs that end a block (a branch or an
 * indirect jump reading the register just written).  Every value follows
 * from the base ISA; the same code on every tier gives the same values.
 */
#include "asm-check.h"

	.data
	.balign	8
words:
	.dword	0x1122334455667788
	.dword	0xfffffffffffffff0
	.dword	0
doubles:
	.dword	0x3ff8000000000000	/* 1.5 */
	.dword	0x4000000000000000	/* 2.0 */

	START

	li	s0, 5
	li	s1, 7

	/* add; add: rs1, rs2, both, then neither */
	add	s2, s0, s1
	add	s3, s2, s1
	CHECK	"add; add (rs1 = rd)", s3, 19
	add	s4, s0, s1
	add	s5, s1, s4
	CHECK	"add; add (rs2 = rd)", s5, 19
	add	s6, s0, s1
	add	s7, s6, s6
	CHECK	"add; add (rs1 = rs2 = rd)", s7, 24
	add	s8, s0, s1
	add	s9, s0, s0
	CHECK	"add; add (independent) first", s8, 12
	CHECK	"add; add (independent) second", s9, 10

	/* x0 as the first destination: nothing written, the second reads 0 */
	add	zero, s0, s1
	add	s2, zero, s1
	CHECK	"add x0; add (rs1 = x0)", s2, 7
	add	zero, s0, s1
	add	s3, s1, zero
	CHECK	"add x0; add (rs2 = x0)", s3, 7
	/* x0 as the second destination */
	add	s4, s0, s1
	add	zero, s4, s4
	add	s5, zero, s0
	CHECK	"add; add x0; then x0 reads", s5, 5
	CHECK	"add; add x0: first result", s4, 12

	/* the second overwrites the register it reads */
	addi	s6, s0, 1
	add	s6, s6, s6
	CHECK	"addi; add (rd = rs1 = rs2 of both)", s6, 12
	slli	s7, s1, 3
	add	s7, s7, s0
	CHECK	"slli; add (rd = rs1)", s7, 61

	/* xor; mul */
	xor	s8, s0, s1
	mul	s9, s8, s1
	CHECK	"xor; mul (rs1 = rd)", s9, 14
	xor	s8, s0, s1
	mul	s9, s1, s8
	CHECK	"xor; mul (rs2 = rd)", s9, 14

	/* address computed by the first, used by a load or store */
	lla	s10, words
	li	s2, 8
	add	s3, s10, s2
	ld	s4, 0(s3)
	CHECK	"add; ld (base = rd)", s4, 0xfffffffffffffff0
	add	s3, s10, s2
	lw	s5, -8(s3)
	CHECK	"add; lw (base = rd)", s5, 0x55667788
	ld	s6, 0(s10)
	addi	s7, s6, 0x10
	CHECK	"ld; addi (rs1 = rd)", s7, 0x1122334455667798
	ld	s6, 8(s10)
	addi	s6, s6, 1
	CHECK	"ld; addi (rd = rs1)", s6, 0xfffffffffffffff1
	addi	s8, s0, 100
	sd	s8, 16(s10)
	ld	s9, 16(s10)
	CHECK	"addi; sd (value = rd)", s9, 105
	addi	s8, s10, 16
	sd	s1, 0(s8)
	ld	s9, 16(s10)
	CHECK	"addi; sd (base = rd)", s9, 7
	addi	s8, s10, 16
	sd	s8, 0(s8)
	ld	s9, 16(s10)
	sub	s9, s9, s10
	CHECK	"addi; sd (base = value = rd)", s9, 16
	/* a load into x0 still loads; the next reads x0 as 0 */
	ld	zero, 0(s10)
	addi	s2, zero, 3
	CHECK	"ld x0; addi (rs1 = x0)", s2, 3

	/* FP: fld; fld, fmul.d; fmul.d (rs1 = rs2 = rd), fadd.d; fsd */
	lla	s11, doubles
	fld	fs0, 0(s11)
	fld	fs1, 8(s11)
	fmul.d	fs2, fs0, fs1
	fmul.d	fs3, fs2, fs2
	fmv.x.d	s2, fs3
	CHECK	"fmul.d; fmul.d (rs1 = rs2 = rd): 9.0", s2, 0x4022000000000000
	fmul.d	fs2, fs0, fs1
	fmul.d	fs3, fs0, fs2
	fmv.x.d	s3, fs3
	CHECK	"fmul.d; fmul.d (rs2 = rd): 4.5", s3, 0x4012000000000000
	fadd.d	fs4, fs0, fs1
	fsd	fs4, 16(s10)
	ld	s4, 16(s10)
	CHECK	"fadd.d; fsd (value = rd): 3.5", s4, 0x400c000000000000

	/* pairs that end a block: the branch or jump reads what the first wrote */
	li	s2, 0
	li	s3, 4
1:	addi	s2, s2, 1
	bne	s2, s3, 1b
	CHECK	"addi; bne loop (rs1 = rd)", s2, 4
	li	s4, 0
	li	s5, 0
2:	addi	s5, s5, 3
	addi	s4, s4, 1
	blt	s4, s0, 2b
	CHECK	"addi; addi; blt loop: count", s4, 5
	CHECK	"addi; addi; blt loop: sum", s5, 15
	lw	s6, 8(s10)
	blt	s6, zero, 3f
	li	s7, 1
	j	4f
3:	li	s7, 2
4:	CHECK	"lw; blt (rs1 = rd) taken", s7, 2
	lla	s8, target
	li	s9, 0
	add	t0, s8, s9
	jalr	ra, 0(t0)
	CHECK	"add; jalr (rs1 = rd)", s6, 42
	addi	s2, s0, 1
	jal	ra, target
	CHECK	"addi; jal: the first's result", s2, 6

	FINISH

	.type	target, @function
target:
	li	s6, 42
	ret
	.size	target, . - target
