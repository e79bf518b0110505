/*
 * RV64F and RV64D: a handful of exactly specified operations, each run with
 * fflags cleared and the accrued flags read back with frflags. Covers
 * rounding with NX, overflow, underflow (tiny and inexact only), division by
 * zero, invalid operations and the canonical NaN, fused multiply-add's single
 * rounding, fmin/fmax on signed zeros and NaNs, sign injection (which never
 * canonicalizes), fclass, saturating fcvt to integers (the 32-bit results
 * sign-extended, even for fcvt.wu), and NaN boxing: single-precision results
 * are boxed in ones, and a single operand that is not properly boxed reads as
 * the canonical NaN (F extension, "NaN Boxing of Narrower Values").
 */
#include "asm-check.h"

	.option norvc

	.equ	NX, 0x01
	.equ	UF, 0x02
	.equ	OF, 0x04
	.equ	DZ, 0x08
	.equ	NV, 0x10

	.equ	D_ZERO, 0x0000000000000000
	.equ	D_NEG_ZERO, 0x8000000000000000
	.equ	D_ONE, 0x3ff0000000000000
	.equ	D_NEG_ONE, 0xbff0000000000000
	.equ	D_TWO, 0x4000000000000000
	.equ	D_NEG_TWO, 0xc000000000000000
	.equ	D_THREE, 0x4008000000000000
	.equ	D_HALF, 0x3fe0000000000000
	.equ	D_2_POW_M53, 0x3ca0000000000000
	.equ	D_MAX, 0x7fefffffffffffff
	.equ	D_MIN_NORMAL, 0x0010000000000000
	.equ	D_MIN_SUBNORMAL, 0x0000000000000001
	.equ	D_INF, 0x7ff0000000000000
	.equ	D_NEG_INF, 0xfff0000000000000
	.equ	D_QNAN, 0x7ff8000000000000	/* the canonical NaN */
	.equ	D_QNAN_PAYLOAD, 0x7ff8000000000123
	.equ	D_SNAN, 0x7ff0000000000001
	.equ	S_ONE, 0x3f800000
	.equ	S_NEG_ONE, 0xbf800000
	.equ	S_TWO, 0x40000000
	.equ	S_THREE, 0x40400000
	.equ	S_2_POW_M24, 0x33800000
	.equ	S_SNAN, 0x7f800001
	.equ	BOXED, 0xffffffff00000000

	/* freg = the double with these bits */
	.macro SETD freg, bits
	li	t0, \bits
	fmv.d.x	\freg, t0
	.endm

	/* freg = the single with these bits, NaN-boxed */
	.macro SETS freg, bits
	li	t0, \bits
	fmv.w.x	\freg, t0
	.endm

	/* freg = the double (or single) written in decimal */
	.macro LOADD freg, value
	.pushsection .rodata
	.balign	8
.Lvalue\@:
	.double	\value
	.popsection
	fld	\freg, .Lvalue\@, t0
	.endm

	.macro LOADS freg, value
	.pushsection .rodata
	.balign	4
.Lvalue\@:
	.float	\value
	.popsection
	flw	\freg, .Lvalue\@, t0
	.endm

	/* insn leaves a floating-point result in fa2; print its 64 bits */
	.macro FOPF name, insn, expected, flags
	fsflags	x0
	\insn
	frflags	s1
	fmv.x.d	s2, fa2
	CHECK	"\name", s2, \expected
	CHECK	"  fflags", s1, \flags
	.endm

	/* insn leaves an integer result in s2 */
	.macro FOPX name, insn, expected, flags
	fsflags	x0
	\insn
	frflags	s1
	CHECK	"\name", s2, \expected
	CHECK	"  fflags", s1, \flags
	.endm

	.macro FCLASS bits, expected
	SETD	fa0, \bits
	fclass.d s2, fa0
	CHECK	"fclass.d \bits", s2, \expected
	.endm

	.bss
	.balign	8
scratch:
	.zero	8

	START

	/* double arithmetic */
	SETD	fa0, D_ONE
	SETD	fa1, D_2_POW_M53
	FOPF	"fadd.d 1 + 2^-53 (tie to even)", "fadd.d fa2, fa0, fa1", D_ONE, NX
	SETD	fa0, D_NEG_ZERO
	SETD	fa1, D_NEG_ZERO
	FOPF	"fadd.d -0 + -0", "fadd.d fa2, fa0, fa1", D_NEG_ZERO, 0
	SETD	fa1, D_ZERO
	FOPF	"fadd.d -0 + +0", "fadd.d fa2, fa0, fa1", D_ZERO, 0
	SETD	fa0, D_INF
	SETD	fa1, D_INF
	FOPF	"fsub.d inf - inf", "fsub.d fa2, fa0, fa1", D_QNAN, NV
	SETD	fa0, D_SNAN
	SETD	fa1, D_ONE
	FOPF	"fadd.d sNaN + 1", "fadd.d fa2, fa0, fa1", D_QNAN, NV
	SETD	fa0, D_QNAN_PAYLOAD
	FOPF	"fadd.d qNaN(payload) + 1", "fadd.d fa2, fa0, fa1", D_QNAN, 0
	SETD	fa0, D_ONE
	SETD	fa1, D_ZERO
	FOPF	"fdiv.d 1 / 0", "fdiv.d fa2, fa0, fa1", D_INF, DZ
	SETD	fa0, D_ZERO
	FOPF	"fdiv.d 0 / 0", "fdiv.d fa2, fa0, fa1", D_QNAN, NV
	SETD	fa0, D_ONE
	SETD	fa1, D_THREE
	FOPF	"fdiv.d 1 / 3", "fdiv.d fa2, fa0, fa1", 0x3fd5555555555555, NX
	SETD	fa0, D_MAX
	SETD	fa1, D_TWO
	FOPF	"fmul.d DBL_MAX * 2", "fmul.d fa2, fa0, fa1", D_INF, OF | NX
	SETD	fa0, D_MIN_NORMAL
	SETD	fa1, D_HALF
	FOPF	"fmul.d 2^-1022 * 0.5 (exact subnormal)", "fmul.d fa2, fa0, fa1", 0x0008000000000000, 0
	SETD	fa0, D_MIN_SUBNORMAL
	FOPF	"fmul.d 2^-1074 * 0.5", "fmul.d fa2, fa0, fa1", D_ZERO, UF | NX
	SETD	fa0, D_TWO
	FOPF	"fsqrt.d 2", "fsqrt.d fa2, fa0", 0x3ff6a09e667f3bcd, NX
	SETD	fa0, D_NEG_ONE
	FOPF	"fsqrt.d -1", "fsqrt.d fa2, fa0", D_QNAN, NV
	SETD	fa0, D_NEG_ZERO
	FOPF	"fsqrt.d -0", "fsqrt.d fa2, fa0", D_NEG_ZERO, 0

	/* fused multiply-add: one rounding; (1+2^-30)(1-2^-30) - 1 = -2^-60 */
	SETD	fa0, 0x3ff0000000400000
	SETD	fa1, 0x3fefffffff800000
	SETD	fa3, D_NEG_ONE
	FOPF	"fmadd.d (1+2^-30)(1-2^-30) + -1", "fmadd.d fa2, fa0, fa1, fa3", 0xbc30000000000000, 0
	SETD	fa0, D_TWO
	SETD	fa1, D_THREE
	SETD	fa3, D_ONE
	FOPF	"fmadd.d 2*3 + 1", "fmadd.d fa2, fa0, fa1, fa3", 0x401c000000000000, 0
	FOPF	"fmsub.d 2*3 - 1", "fmsub.d fa2, fa0, fa1, fa3", 0x4014000000000000, 0
	FOPF	"fnmsub.d -(2*3) + 1", "fnmsub.d fa2, fa0, fa1, fa3", 0xc014000000000000, 0
	FOPF	"fnmadd.d -(2*3) - 1", "fnmadd.d fa2, fa0, fa1, fa3", 0xc01c000000000000, 0
	SETD	fa0, D_INF
	SETD	fa1, D_ZERO
	SETD	fa3, D_QNAN
	FOPF	"fmadd.d inf*0 + qNaN", "fmadd.d fa2, fa0, fa1, fa3", D_QNAN, NV

	/* fmin/fmax: -0 < +0; one NaN operand yields the other */
	SETD	fa0, D_NEG_ZERO
	SETD	fa1, D_ZERO
	FOPF	"fmin.d -0, +0", "fmin.d fa2, fa0, fa1", D_NEG_ZERO, 0
	FOPF	"fmax.d -0, +0", "fmax.d fa2, fa0, fa1", D_ZERO, 0
	FOPF	"fmin.d +0, -0", "fmin.d fa2, fa1, fa0", D_NEG_ZERO, 0
	SETD	fa0, D_QNAN
	SETD	fa1, D_ONE
	FOPF	"fmin.d qNaN, 1", "fmin.d fa2, fa0, fa1", D_ONE, 0
	SETD	fa0, D_SNAN
	FOPF	"fmax.d sNaN, 1", "fmax.d fa2, fa0, fa1", D_ONE, NV
	SETD	fa0, D_QNAN_PAYLOAD
	FOPF	"fmax.d qNaN(payload), itself", "fmax.d fa2, fa0, fa0", D_QNAN, 0

	/* sign injection copies bits, NaNs included, and raises nothing */
	SETD	fa0, D_ONE
	SETD	fa1, D_NEG_TWO
	FOPF	"fsgnj.d 1, -2", "fsgnj.d fa2, fa0, fa1", D_NEG_ONE, 0
	FOPF	"fsgnjn.d 1, -2", "fsgnjn.d fa2, fa0, fa1", D_ONE, 0
	SETD	fa0, D_NEG_ONE
	FOPF	"fsgnjx.d -1, -2", "fsgnjx.d fa2, fa0, fa1", D_ONE, 0
	SETD	fa0, D_SNAN
	FOPF	"fsgnjn.d sNaN, sNaN (fneg)", "fsgnjn.d fa2, fa0, fa0", 0xfff0000000000001, 0
	SETD	fa0, 0xfff8000000000123
	FOPF	"fsgnjx.d -qNaN, -qNaN (fabs)", "fsgnjx.d fa2, fa0, fa0", D_QNAN_PAYLOAD, 0

	/* comparisons: quiet for qNaN in feq, signaling in flt/fle */
	SETD	fa0, D_QNAN
	FOPX	"feq.d qNaN, qNaN", "feq.d s2, fa0, fa0", 0, 0
	FOPX	"flt.d qNaN, qNaN", "flt.d s2, fa0, fa0", 0, NV
	FOPX	"fle.d qNaN, qNaN", "fle.d s2, fa0, fa0", 0, NV
	SETD	fa0, D_SNAN
	FOPX	"feq.d sNaN, sNaN", "feq.d s2, fa0, fa0", 0, NV
	SETD	fa0, D_NEG_ZERO
	SETD	fa1, D_ZERO
	FOPX	"feq.d -0, +0", "feq.d s2, fa0, fa1", 1, 0
	FOPX	"flt.d -0, +0", "flt.d s2, fa0, fa1", 0, 0
	FOPX	"fle.d -0, +0", "fle.d s2, fa0, fa1", 1, 0
	SETD	fa0, D_NEG_INF
	SETD	fa1, D_MAX
	FOPX	"flt.d -inf, DBL_MAX", "flt.d s2, fa0, fa1", 1, 0

	/* fclass: one bit per class */
	FCLASS	D_NEG_INF, 0x001
	FCLASS	D_NEG_ONE, 0x002
	FCLASS	0x8000000000000001, 0x004
	FCLASS	D_NEG_ZERO, 0x008
	FCLASS	D_ZERO, 0x010
	FCLASS	D_MIN_SUBNORMAL, 0x020
	FCLASS	D_ONE, 0x040
	FCLASS	D_INF, 0x080
	FCLASS	D_SNAN, 0x100
	FCLASS	D_QNAN, 0x200

	/* conversions to integers saturate and raise NV */
	LOADD	fa0, 3e9
	FOPX	"fcvt.w.d 3e9", "fcvt.w.d s2, fa0, rtz", 0x7fffffff, NV
	LOADD	fa0, -3e9
	FOPX	"fcvt.w.d -3e9", "fcvt.w.d s2, fa0, rtz", 0xffffffff80000000, NV
	LOADD	fa0, -2147483648.9
	FOPX	"fcvt.w.d -2147483648.9 rtz", "fcvt.w.d s2, fa0, rtz", 0xffffffff80000000, NX
	SETD	fa0, D_QNAN
	FOPX	"fcvt.w.d qNaN", "fcvt.w.d s2, fa0", 0x7fffffff, NV
	SETD	fa0, D_NEG_INF
	FOPX	"fcvt.w.d -inf", "fcvt.w.d s2, fa0", 0xffffffff80000000, NV
	LOADD	fa0, 5e9
	FOPX	"fcvt.wu.d 5e9 (sign-extended)", "fcvt.wu.d s2, fa0", -1, NV
	LOADD	fa0, 4294967295.0
	FOPX	"fcvt.wu.d 4294967295 (sign-extended)", "fcvt.wu.d s2, fa0", -1, 0
	SETD	fa0, D_NEG_ONE
	FOPX	"fcvt.wu.d -1", "fcvt.wu.d s2, fa0", 0, NV
	LOADD	fa0, -0.5
	FOPX	"fcvt.wu.d -0.5 rtz", "fcvt.wu.d s2, fa0, rtz", 0, NX
	SETD	fa0, D_QNAN
	FOPX	"fcvt.wu.d qNaN", "fcvt.wu.d s2, fa0", -1, NV
	LOADD	fa0, 1e19
	FOPX	"fcvt.l.d 1e19", "fcvt.l.d s2, fa0", 0x7fffffffffffffff, NV
	SETD	fa0, D_NEG_INF
	FOPX	"fcvt.l.d -inf", "fcvt.l.d s2, fa0", 0x8000000000000000, NV
	SETD	fa0, D_QNAN
	FOPX	"fcvt.l.d qNaN", "fcvt.l.d s2, fa0", 0x7fffffffffffffff, NV
	SETD	fa0, D_NEG_ONE
	FOPX	"fcvt.lu.d -1", "fcvt.lu.d s2, fa0", 0, NV
	SETD	fa0, 0x43f0000000000000
	FOPX	"fcvt.lu.d 2^64", "fcvt.lu.d s2, fa0", -1, NV
	SETD	fa0, D_QNAN
	FOPX	"fcvt.lu.d qNaN", "fcvt.lu.d s2, fa0", -1, NV
	LOADD	fa0, 2.5
	FOPX	"fcvt.l.d 2.5 rne", "fcvt.l.d s2, fa0, rne", 2, NX
	FOPX	"fcvt.l.d 2.5 rmm", "fcvt.l.d s2, fa0, rmm", 3, NX
	LOADD	fa0, -2.5
	FOPX	"fcvt.l.d -2.5 rne", "fcvt.l.d s2, fa0, rne", -2, NX
	FOPX	"fcvt.l.d -2.5 rdn", "fcvt.l.d s2, fa0, rdn", -3, NX
	LOADS	fa0, 1e10
	FOPX	"fcvt.w.s 1e10", "fcvt.w.s s2, fa0", 0x7fffffff, NV
	FOPX	"fcvt.lu.s 1e10", "fcvt.lu.s s2, fa0", 10000000000, 0

	/* conversions from integers and between precisions */
	li	s3, 0x7fffffffffffffff
	FOPF	"fcvt.d.l INT64_MAX", "fcvt.d.l fa2, s3", 0x43e0000000000000, NX
	li	s3, -1
	FOPF	"fcvt.d.lu 2^64-1", "fcvt.d.lu fa2, s3", 0x43f0000000000000, NX
	FOPF	"fcvt.s.w -1", "fcvt.s.w fa2, s3", BOXED | S_NEG_ONE, 0
	FOPF	"fcvt.s.wu 0xffffffff", "fcvt.s.wu fa2, s3", BOXED | 0x4f800000, NX
	li	s3, 0x7fffffffffffffff
	FOPF	"fcvt.s.l INT64_MAX", "fcvt.s.l fa2, s3", BOXED | 0x5f000000, NX
	LOADD	fa0, 1e300
	FOPF	"fcvt.s.d 1e300", "fcvt.s.d fa2, fa0", BOXED | 0x7f800000, OF | NX
	SETD	fa0, 0x3fd5555555555555
	FOPF	"fcvt.s.d 1/3", "fcvt.s.d fa2, fa0", BOXED | 0x3eaaaaab, NX
	SETS	fa0, S_SNAN
	FOPF	"fcvt.d.s sNaN", "fcvt.d.s fa2, fa0", D_QNAN, NV
	SETS	fa0, S_THREE
	FOPF	"fcvt.d.s 3", "fcvt.d.s fa2, fa0", D_THREE, 0

	/* single arithmetic: results come back NaN-boxed */
	SETS	fa0, S_ONE
	SETS	fa1, S_2_POW_M24
	FOPF	"fadd.s 1 + 2^-24", "fadd.s fa2, fa0, fa1", BOXED | S_ONE, NX
	SETS	fa1, S_THREE
	FOPF	"fdiv.s 1 / 3", "fdiv.s fa2, fa0, fa1", BOXED | 0x3eaaaaab, NX
	SETS	fa0, S_TWO
	FOPF	"fsqrt.s 2", "fsqrt.s fa2, fa0", BOXED | 0x3fb504f3, NX
	SETS	fa3, S_NEG_ONE
	FOPF	"fmadd.s 2*3 + -1", "fmadd.s fa2, fa0, fa1, fa3", BOXED | 0x40a00000, 0

	/* a single operand that is not NaN-boxed reads as the canonical NaN */
	SETD	fa0, S_ONE		/* upper 32 bits zero */
	SETS	fa1, S_ONE
	FOPF	"fadd.s unboxed 1, 1", "fadd.s fa2, fa0, fa1", BOXED | 0x7fc00000, 0
	SETS	fa1, S_NEG_ONE
	FOPF	"fsgnj.s unboxed 1, -1", "fsgnj.s fa2, fa0, fa1", BOXED | 0xffc00000, 0
	FOPX	"fclass.s unboxed 1", "fclass.s s2, fa0", 0x200, 0
	FOPX	"fclass.s boxed 1", "fclass.s s2, fa1", 0x2, 0
	FOPX	"feq.s unboxed 1, itself", "feq.s s2, fa0, fa0", 0, 0
	/* moves and stores take the low 32 bits as they are */
	FOPX	"fmv.x.w unboxed 1", "fmv.x.w s2, fa0", S_ONE, 0
	FOPX	"fmv.x.w boxed -1 (sign-extended)", "fmv.x.w s2, fa1", 0xffffffffbf800000, 0
	lla	s3, scratch
	li	t0, -1
	sd	t0, 0(s3)
	fsw	fa0, 0(s3)
	ld	s2, 0(s3)
	CHECK	"fsw unboxed 1", s2, 0xffffffff3f800000
	flw	fa2, 0(s3)
	fmv.x.d	s2, fa2
	CHECK	"flw boxes", s2, BOXED | S_ONE
	SETD	fa0, D_SNAN
	fsd	fa0, 0(s3)
	fld	fa2, 0(s3)
	fmv.x.d	s2, fa2
	CHECK	"fsd/fld keep an sNaN's bits", s2, D_SNAN

	FINISH
