/*
 * RV64C: every RV64 compressed instruction except c.ebreak, written with its
 * explicit c. mnemonic so each one is assembled as the 16-bit form: immediate
 * ranges at their ends (c.li/c.addi -32..31, c.lui's sign-extended 6-bit
 * field, c.addi16sp and c.addi4spn scaled offsets), c.addiw/c.addw/c.subw
 * sign extension, loads sign-extending, branches taken and not taken, and
 * the links of c.jalr (pc + 2).
 */
#include "asm-check.h"

	.option rvc

	.data
	.balign	8
c_data:
	.quad	0x8000000180000002
	.quad	0x3ff8000000000000	/* 1.5 */
	.quad	0

	START
	/* 64 bytes of stack for the sp-relative forms */
	addi	sp, sp, -64

	c.li	s0, -32
	CHECK	"c.li -32", s0, -32
	c.li	s0, 31
	CHECK	"c.li 31", s0, 31
	c.lui	s0, 1
	CHECK	"c.lui 1", s0, 0x1000
	c.lui	s0, 0x1f
	CHECK	"c.lui 0x1f", s0, 0x1f000
	c.lui	s0, 0xfffe0
	CHECK	"c.lui 0xfffe0 (-32)", s0, 0xfffffffffffe0000
	c.lui	s0, 0xfffff
	CHECK	"c.lui 0xfffff (-1)", s0, 0xfffffffffffff000

	c.li	s0, 5
	c.addi	s0, -32
	CHECK	"c.addi 5, -32", s0, -27
	c.addi	s0, 31
	CHECK	"c.addi -27, 31", s0, 4
	c.nop
	CHECK	"c.nop leaves s0", s0, 4

	li	s0, 0x7fffffff
	c.addiw	s0, 1
	CHECK	"c.addiw 0x7fffffff, 1", s0, 0xffffffff80000000
	li	s0, 0x1234567880000000
	c.addiw	s0, 0
	CHECK	"c.addiw x, 0 (sext.w)", s0, 0xffffffff80000000
	li	s0, 0x7fffffff
	li	s1, 1
	c.addw	s0, s1
	CHECK	"c.addw 0x7fffffff, 1", s0, 0xffffffff80000000
	li	s0, 0
	c.subw	s0, s1
	CHECK	"c.subw 0, 1", s0, -1
	li	s0, 0x100000000
	c.subw	s0, s1
	CHECK	"c.subw 0x100000000, 1", s0, -1

	li	s0, -1
	c.srli	s0, 63
	CHECK	"c.srli -1, 63", s0, 1
	li	s0, -1
	c.srli	s0, 32
	CHECK	"c.srli -1, 32", s0, 0xffffffff
	li	s0, 0x8000000000000000
	c.srai	s0, 63
	CHECK	"c.srai 0x8000000000000000, 63", s0, -1
	li	s0, 0x8000000000000000
	c.srai	s0, 1
	CHECK	"c.srai 0x8000000000000000, 1", s0, 0xc000000000000000
	li	s0, -1
	c.andi	s0, -32
	CHECK	"c.andi -1, -32", s0, 0xffffffffffffffe0
	li	s0, 0x1234
	c.andi	s0, 31
	CHECK	"c.andi 0x1234, 31", s0, 0x14
	li	s0, 1
	c.slli	s0, 63
	CHECK	"c.slli 1, 63", s0, 0x8000000000000000
	li	s0, 3
	c.slli	s0, 32
	CHECK	"c.slli 3, 32", s0, 0x300000000

	li	s0, 0
	li	s1, 1
	c.sub	s0, s1
	CHECK	"c.sub 0, 1", s0, -1
	li	s0, 0xff00ff00ff00ff00
	li	s1, 0x0ff00ff00ff00ff0
	c.xor	s0, s1
	CHECK	"c.xor", s0, 0xf0f0f0f0f0f0f0f0
	li	s0, 0xff00ff00ff00ff00
	c.or	s0, s1
	CHECK	"c.or", s0, 0xfff0fff0fff0fff0
	li	s0, 0xff00ff00ff00ff00
	c.and	s0, s1
	CHECK	"c.and", s0, 0x0f000f000f000f00
	li	s0, 0x7fffffffffffffff
	c.add	s0, s1
	CHECK	"c.add 0x7fffffffffffffff, 0x0ff0...", s0, 0x8ff00ff00ff00fef
	li	s2, 0x123456789abcdef0
	c.mv	s0, s2
	CHECK	"c.mv", s0, 0x123456789abcdef0

	/* c.addi16sp and c.addi4spn */
	mv	s2, sp
	c.addi16sp sp, -512
	sub	s0, s2, sp
	c.addi16sp sp, 496
	c.addi16sp sp, 16
	sub	s1, s2, sp
	CHECK	"c.addi16sp sp, -512", s0, 512
	CHECK	"c.addi16sp +496 +16 restores sp", s1, 0
	c.addi4spn s0, sp, 1020
	sub	s0, s0, sp
	CHECK	"c.addi4spn 1020", s0, 1020
	c.addi4spn s0, sp, 4
	sub	s0, s0, sp
	CHECK	"c.addi4spn 4", s0, 4

	/* loads and stores through s0 */
	lla	s0, c_data
	c.lw	s1, 0(s0)
	CHECK	"c.lw [0x80000002]", s1, 0xffffffff80000002
	lla	s0, c_data
	c.lw	s1, 4(s0)
	CHECK	"c.lw [0x80000001]", s1, 0xffffffff80000001
	lla	s0, c_data
	c.ld	s1, 0(s0)
	CHECK	"c.ld", s1, 0x8000000180000002
	lla	s0, c_data
	li	s1, 0x1122334455667788
	c.sd	s1, 16(s0)
	li	s1, 0xaabbccdd
	c.sw	s1, 20(s0)
	ld	s1, 16(s0)
	CHECK	"c.sd then c.sw at +4", s1, 0xaabbccdd55667788
	lla	s0, c_data
	c.fld	fs0, 8(s0)
	fmv.x.d	s1, fs0
	CHECK	"c.fld 1.5", s1, 0x3ff8000000000000
	fadd.d	fs1, fs0, fs0
	lla	s0, c_data
	c.fsd	fs1, 16(s0)
	ld	s1, 16(s0)
	CHECK	"c.fsd 3.0", s1, 0x4008000000000000

	/* sp-relative loads and stores */
	li	s0, 0xfedcba9876543210
	c.sdsp	s0, 8(sp)
	c.ldsp	s1, 8(sp)
	CHECK	"c.sdsp/c.ldsp", s1, 0xfedcba9876543210
	li	s0, 0x80000000
	c.swsp	s0, 16(sp)
	c.lwsp	s1, 16(sp)
	CHECK	"c.swsp/c.lwsp 0x80000000", s1, 0xffffffff80000000
	li	s0, 0x4010000000000000
	fmv.d.x	fs2, s0
	c.fsdsp	fs2, 24(sp)
	c.fldsp	fs3, 24(sp)
	fmv.x.d	s1, fs3
	CHECK	"c.fsdsp/c.fldsp 4.0", s1, 0x4010000000000000
	c.sdsp	s0, 56(sp)
	ld	s1, 56(sp)
	CHECK	"c.sdsp at 56", s1, 0x4010000000000000

	/* control transfer */
	li	s1, 0
	c.j	1f
	li	s1, 1
1:	CHECK	"c.j skipped", s1, 0
	li	s0, 0
	li	s1, 0
	c.beqz	s0, 1f
	li	s1, 1
1:	CHECK	"c.beqz 0 taken", s1, 0
	li	s0, 5
	li	s1, 0
	c.beqz	s0, 1f
	li	s1, 1
1:	CHECK	"c.beqz 5 not taken", s1, 1
	li	s0, -1
	li	s1, 0
	c.bnez	s0, 1f
	li	s1, 1
1:	CHECK	"c.bnez -1 taken", s1, 0
	li	s0, 0
	li	s1, 0
	c.bnez	s0, 1f
	li	s1, 1
1:	CHECK	"c.bnez 0 not taken", s1, 1
	/* a backward c.bnez loop */
	li	s0, 10
	li	s1, 0
1:	c.add	s1, s0
	c.addi	s0, -1
	c.bnez	s0, 1b
	CHECK	"c.bnez loop sum 1..10", s1, 55

	li	s1, 0
	lla	t0, .Ljr_target
	c.jr	t0
	li	s1, 1
.Ljr_target:
	CHECK	"c.jr skipped", s1, 0

	li	s1, 0
	lla	t0, .Ljalr_target
	c.jalr	t0
.Ljalr_return:
	li	s1, 1
.Ljalr_target:
	lla	t0, .Ljalr_return
	sub	s0, ra, t0
	CHECK	"c.jalr link - return address", s0, 0
	CHECK	"c.jalr skipped", s1, 0
	/* call and return through c.jalr and c.jr */
	li	s0, 6
	lla	t0, triple
	c.jalr	t0
	CHECK	"c.jalr triple(6), c.jr ra back", s0, 18

	addi	sp, sp, 64
	FINISH

	.type	triple, @function
triple:
	c.mv	s1, s0
	c.add	s0, s1
	c.add	s0, s1
	c.jr	ra
	.size	triple, . - triple
