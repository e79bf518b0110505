/*
 * Zicsr on the user-level CSRs: csrrw/csrrs/csrrc and their immediate forms
 * on fflags, frm and fcsr, which are views of one register (fcsr = frm << 5 |
 * fflags), with writes masked to the fields' widths; rs1 = x0 (or uimm = 0)
 * in csrrs/csrrc reads without writing. The counters cycle, time and instret
 * are readable and do not go backwards; their values vary between runs, so
 * only that fact is printed.
 */
#include "asm-check.h"

	.option norvc

	START

	csrw	fcsr, zero
	csrw	fflags, 0x15
	csrr	s0, fflags
	CHECK	"csrw fflags 0x15; csrr fflags", s0, 0x15
	csrr	s0, fcsr
	CHECK	"  csrr fcsr", s0, 0x15
	csrrw	s0, fflags, zero
	CHECK	"csrrw fflags <- 0 returns old", s0, 0x15
	csrr	s0, fflags
	CHECK	"  fflags after", s0, 0
	li	t0, -1
	csrw	fflags, t0
	csrr	s0, fflags
	CHECK	"csrw fflags -1 (5 bits)", s0, 0x1f
	li	t0, 0x0a
	csrc	fflags, t0
	csrr	s0, fflags
	CHECK	"csrc fflags 0x0a", s0, 0x15
	li	t0, 0x02
	csrrs	s0, fflags, t0
	CHECK	"csrrs fflags 0x02 returns old", s0, 0x15
	csrr	s0, fflags
	CHECK	"  fflags after", s0, 0x17
	csrrc	s0, fflags, zero
	CHECK	"csrrc fflags x0 reads", s0, 0x17
	csrr	s0, fflags
	CHECK	"  and does not write", s0, 0x17

	csrwi	frm, 3
	csrr	s0, frm
	CHECK	"csrwi frm 3", s0, 3
	csrr	s0, fcsr
	CHECK	"  fcsr = frm << 5 | fflags", s0, 0x77
	csrrwi	s0, frm, 1
	CHECK	"csrrwi frm 1 returns old", s0, 3
	csrrsi	s0, frm, 6
	CHECK	"csrrsi frm 6 returns old", s0, 1
	csrr	s0, frm
	CHECK	"  frm after", s0, 7
	csrrci	s0, frm, 5
	CHECK	"csrrci frm 5 returns old", s0, 7
	csrr	s0, frm
	CHECK	"  frm after", s0, 2
	csrsi	frm, 0
	csrci	frm, 0
	csrr	s0, frm
	CHECK	"csrsi/csrci 0 leave frm", s0, 2
	csrsi	fflags, 0x08
	csrci	fflags, 0x11
	csrr	s0, fflags
	CHECK	"csrsi 0x08, csrci 0x11 on fflags 0x17", s0, 0x0e

	li	t0, 0xfff
	csrrw	s0, fcsr, t0
	CHECK	"csrrw fcsr <- 0xfff returns old", s0, 0x4e
	csrr	s0, fcsr
	CHECK	"  fcsr (8 bits)", s0, 0xff
	csrr	s0, frm
	CHECK	"  frm", s0, 7
	csrr	s0, fflags
	CHECK	"  fflags", s0, 0x1f
	csrrwi	s0, fcsr, 0
	csrr	s0, fcsr
	CHECK	"csrrwi fcsr 0", s0, 0

	/* the standard pseudo-instructions */
	fsrmi	s0, 4
	frrm	s0
	CHECK	"fsrmi 4; frrm", s0, 4
	fsflagsi s0, 0x03
	frflags	s0
	CHECK	"fsflagsi 3; frflags", s0, 3
	frcsr	s0
	CHECK	"frcsr", s0, 0x83
	fscsr	s0, zero
	CHECK	"fscsr 0 returns old", s0, 0x83

	/* floating-point instructions accrue flags into fflags */
	li	t0, 1
	fcvt.d.l fa0, t0
	li	t0, 3
	fcvt.d.l fa1, t0
	fdiv.d	fa2, fa0, fa1
	fdiv.d	fa2, fa0, fa1
	csrr	s0, fflags
	CHECK	"fflags after two inexact fdiv.d", s0, 0x01
	fmv.d.x	fa1, zero
	fdiv.d	fa2, fa0, fa1
	csrr	s0, fcsr
	CHECK	"fcsr after also 1/0", s0, 0x09

	/* counters: readable, and monotonic across some work */
	rdcycle	s0
	rdtime	s1
	rdinstret s2
	li	t0, 100000
1:	addi	t0, t0, -1
	bnez	t0, 1b
	rdcycle	s3
	rdtime	s4
	rdinstret s5
	sltu	s3, s3, s0
	xori	s3, s3, 1
	CHECK	"rdcycle monotonic", s3, 1
	sltu	s4, s4, s1
	xori	s4, s4, 1
	CHECK	"rdtime monotonic", s4, 1
	sltu	s5, s5, s2
	xori	s5, s5, 1
	CHECK	"rdinstret monotonic", s5, 1
	csrr	s0, instret
	csrr	s1, instret
	sltu	s1, s1, s0
	xori	s1, s1, 1
	CHECK	"csrr instret monotonic", s1, 1

	FINISH
