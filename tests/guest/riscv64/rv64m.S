/*
 * RV64M: multiply (low and the three high-half forms), divide and remainder,
 * signed and unsigned, 64-bit and W forms, at the edges the manual's table
 * defines: division by zero gives all ones (quotient) and the dividend
 * (remainder); the signed overflow INT_MIN / -1 gives INT_MIN and 0. W forms
 * use the low 32 bits of each operand and sign-extend the 32-bit result, even
 * for divuw/remuw.
 */
#include "asm-check.h"

	.option norvc

	.macro RR op, a, b, expected
	li	t0, \a
	li	t1, \b
	\op	t2, t0, t1
	CHECK	"\op \a, \b", t2, \expected
	.endm

	START

	RR	mul, 0x7fffffffffffffff, 2, 0xfffffffffffffffe
	RR	mul, -1, -1, 1
	RR	mul, 0x8000000000000000, -1, 0x8000000000000000
	RR	mul, 0x100000000, 0x100000000, 0
	RR	mul, 0x123456789, 0x987654321, 0xd77d742cce1833a9
	RR	mulh, -1, -1, 0
	RR	mulh, 0x8000000000000000, 0x8000000000000000, 0x4000000000000000
	RR	mulh, 0x8000000000000000, 0x7fffffffffffffff, 0xc000000000000000
	RR	mulh, -1, 1, -1
	RR	mulhu, -1, -1, 0xfffffffffffffffe
	RR	mulhu, 0x8000000000000000, 2, 1
	RR	mulhu, -1, 1, 0
	RR	mulhsu, -1, -1, -1
	RR	mulhsu, 1, -1, 0
	RR	mulhsu, 0x8000000000000000, -1, 0x8000000000000000
	RR	mulhsu, -1, 1, -1
	RR	mulw, 0x7fffffff, 2, 0xfffffffffffffffe
	RR	mulw, 0x100000001, 0x100000001, 1
	RR	mulw, 0x10000, 0x10000, 0
	RR	mulw, 0x8000, 0x10000, 0xffffffff80000000

	RR	div, 7, -2, -3			/* rounds toward zero */
	RR	rem, 7, -2, 1			/* sign of the dividend */
	RR	div, -7, 2, -3
	RR	rem, -7, 2, -1
	RR	div, 5, 0, -1			/* x / 0 = all ones */
	RR	rem, 5, 0, 5			/* x % 0 = x */
	RR	rem, -5, 0, -5
	RR	div, 0x8000000000000000, -1, 0x8000000000000000	/* overflow */
	RR	rem, 0x8000000000000000, -1, 0
	RR	divu, -1, 2, 0x7fffffffffffffff
	RR	remu, -1, 2, 1
	RR	divu, 5, 0, -1
	RR	remu, 5, 0, 5
	RR	divu, 0x8000000000000000, -1, 0
	RR	remu, 0x8000000000000000, -1, 0x8000000000000000

	RR	divw, 0x80000000, -1, 0xffffffff80000000
	RR	remw, 0x80000000, -1, 0
	RR	divw, 7, 0, -1
	RR	remw, 0x180000001, 0, 0xffffffff80000001
	RR	divw, 0x100000006, 3, 2
	RR	divw, 0x12345678fffffff9, 2, -3
	RR	remw, -7, 2, -1
	RR	divuw, 0xffffffff, 2, 0x7fffffff
	RR	divuw, 0xffffffff, 1, -1	/* 0xffffffff sign-extended */
	RR	divuw, 5, 0, -1
	RR	remuw, 0x80000005, 0, 0xffffffff80000005
	RR	remuw, 0xffffffff, 0x10, 0xf
	RR	remuw, 0x1000000007, 0x100000002, 1

	FINISH
