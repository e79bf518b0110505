/*
 * RV64A: every AMO in its .w and .d forms, with each combination of the aq
 * and rl bits, checking both the old value returned in rd (sign-extended for
 * .w) and the value left in memory; min/max compare signed and minu/maxu
 * unsigned, and the .w forms compare only the low 32 bits of rs2. LR/SC:
 * success, failure without a reservation, failure on another address, that a
 * failed SC does not write, and an LR/SC increment loop.
 */
#include "asm-check.h"

	.option norvc

	/* AMO op, width, memory before, rs2, rd expected, memory expected */
	.macro AMO op, width, before, operand, old, after
	lla	s0, amo_target
	li	t0, \before
	s\width	t0, 0(s0)
	li	t1, \operand
	\op	s1, t1, (s0)
	CHECK	"\op [\before], \operand", s1, \old
	.ifc	\width, w
	lwu	s1, 0(s0)
	.else
	ld	s1, 0(s0)
	.endif
	CHECK	"  memory after", s1, \after
	.endm

	.bss
	.balign	4096
amo_target:
	.zero	8
reserved:
	.zero	8
	.balign	4096
other_page:
	.zero	8

	START

	AMO	amoswap.w, w, 0x80000000, 0x12345678, 0xffffffff80000000, 0x12345678
	AMO	amoswap.w.aq, w, 1, 0xffffffff00000002, 1, 2
	AMO	amoadd.w, w, 0x7fffffff, 1, 0x7fffffff, 0x80000000
	AMO	amoadd.w.rl, w, 0xffffffff, 0x100000001, -1, 0
	AMO	amoand.w.aqrl, w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0x0f000f00
	AMO	amoor.w, w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0xfff0fff0
	AMO	amoxor.w.aq, w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0xf0f0f0f0
	AMO	amomax.w, w, 0xffffffff, 1, -1, 1
	AMO	amomax.w.rl, w, 5, -3, 5, 5
	AMO	amomin.w, w, 0xffffffff, 1, -1, 0xffffffff
	AMO	amomin.w.aqrl, w, 0, 0x180000000, 0, 0x80000000
	AMO	amomaxu.w, w, 0xffffffff, 1, -1, 0xffffffff
	AMO	amomaxu.w.aq, w, 1, 0x80000000, 1, 0x80000000
	AMO	amominu.w, w, 0xffffffff, 1, -1, 1
	AMO	amominu.w.rl, w, 2, 0xffffffff00000001, 2, 1

	AMO	amoswap.d, d, 0x1122334455667788, -1, 0x1122334455667788, -1
	AMO	amoswap.d.aqrl, d, -1, 0, -1, 0
	AMO	amoadd.d, d, -1, 1, -1, 0
	AMO	amoadd.d.aq, d, 0x7fffffffffffffff, 1, 0x7fffffffffffffff, 0x8000000000000000
	AMO	amoand.d.rl, d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0x0f000f000f000f00
	AMO	amoor.d.aqrl, d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xfff0fff0fff0fff0
	AMO	amoxor.d, d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0
	AMO	amomax.d, d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff
	AMO	amomax.d.aq, d, -1, -2, -1, -1
	AMO	amomin.d, d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000
	AMO	amomin.d.rl, d, -1, -2, -1, -2
	AMO	amomaxu.d, d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000
	AMO	amomaxu.d.aqrl, d, 1, -1, 1, -1
	AMO	amominu.d, d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff
	AMO	amominu.d.aq, d, -1, 0, -1, 0

	/* rd = x0: the memory update still happens */
	lla	s0, amo_target
	li	t0, 40
	sd	t0, 0(s0)
	li	t1, 2
	amoadd.d x0, t1, (s0)
	ld	s1, 0(s0)
	CHECK	"amoadd.d x0, 2 -> memory", s1, 42

	/* LR/SC success */
	lla	s0, reserved
	li	t0, 0x80000000
	sw	t0, 0(s0)
	lr.w	s1, (s0)
	li	t1, 0x11111111
	sc.w	s2, t1, (s0)
	CHECK	"lr.w [0x80000000]", s1, 0xffffffff80000000
	CHECK	"  sc.w status (0 = success)", s2, 0
	lwu	s1, 0(s0)
	CHECK	"  memory after", s1, 0x11111111

	li	t0, 0x8000000000000001
	sd	t0, 0(s0)
	lr.d.aq	s1, (s0)
	li	t1, 0x2222222222222222
	sc.d.rl	s2, t1, (s0)
	CHECK	"lr.d.aq [0x8000000000000001]", s1, 0x8000000000000001
	CHECK	"  sc.d.rl status (0 = success)", s2, 0
	ld	s1, 0(s0)
	CHECK	"  memory after", s1, 0x2222222222222222

	/* the successful SC above used up the reservation: this one fails */
	li	t1, 0x3333
	sc.d	s2, t1, (s0)
	snez	s2, s2
	CHECK	"sc.d without reservation fails", s2, 1
	ld	s1, 0(s0)
	CHECK	"  memory unchanged", s1, 0x2222222222222222

	/* an SC to an address outside the reserved one fails */
	lla	s3, other_page
	sd	zero, 0(s3)
	lr.d.aqrl s1, (s0)
	li	t1, 0x4444
	sc.d.aqrl s2, t1, (s3)
	snez	s2, s2
	CHECK	"sc.d to another page fails", s2, 1
	ld	s1, 0(s3)
	CHECK	"  memory unchanged", s1, 0

	/* an SC.W after an LR.W of the same word, with the low bits differing */
	li	t0, 0x7fffffff
	sw	t0, 0(s0)
	lr.w.aqrl s1, (s0)
	addi	t1, s1, 1
	sc.w.aqrl s2, t1, (s0)
	CHECK	"lr.w.aqrl/sc.w.aqrl increment status", s2, 0
	lw	s1, 0(s0)
	CHECK	"  memory after (lw)", s1, 0xffffffff80000000

	/* an atomic increment loop, 1000 times */
	sd	zero, 0(s0)
	li	s1, 1000
1:	lr.d	t0, (s0)
	addi	t0, t0, 3
	sc.d	t1, t0, (s0)
	bnez	t1, 1b
	addi	s1, s1, -1
	bnez	s1, 1b
	ld	s1, 0(s0)
	CHECK	"lr.d/sc.d loop: 1000 x 3", s1, 3000

	FINISH
