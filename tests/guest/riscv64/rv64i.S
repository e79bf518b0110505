/*
 * RV64I: every base instruction with edge operands. Branches both taken and
 * not taken, lui/auipc sign extension, every load width with sign and zero
 * extension, every store width, shifts by 0/31/32/63 (and amounts past the
 * width, which use only the low 6 or 5 bits), and the W forms, whose 32-bit
 * results are sign-extended to 64 bits.
 */
#include "asm-check.h"

	.option norvc

	.macro RR op, a, b, expected
	li	t0, \a
	li	t1, \b
	\op	t2, t0, t1
	CHECK	"\op \a, \b", t2, \expected
	.endm

	.macro RI op, a, imm, expected
	li	t0, \a
	\op	t2, t0, \imm
	CHECK	"\op \a, \imm", t2, \expected
	.endm

	/* t2 = 1 if the branch is taken, 0 if not */
	.macro BR op, a, b, taken
	li	t0, \a
	li	t1, \b
	li	t2, 0
	\op	t0, t1, 1f
	j	2f
1:	li	t2, 1
2:	CHECK	"\op \a, \b taken", t2, \taken
	.endm

	.macro LOAD op, offset, expected
	lla	t0, load_data
	\op	t2, \offset(t0)
	CHECK	"\op load_data+\offset", t2, \expected
	.endm

	.data
	.balign	8
load_data:
	.byte	0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88
	.byte	0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01
store_data:
	.quad	0
hello:
	.ascii	"ecall write\n"
	.set	hello_length, . - hello

	START

	/* ecall: write(1, hello, 12) before printf buffers anything */
	li	a7, 64
	li	a0, 1
	lla	a1, hello
	li	a2, hello_length
	ecall
	mv	s0, a0
	CHECK	"ecall write returns length", s0, hello_length

	RR	add, 0x7fffffffffffffff, 1, 0x8000000000000000
	RR	add, -1, 1, 0
	RR	sub, 0, 1, -1
	RR	sub, 0x8000000000000000, 1, 0x7fffffffffffffff
	RR	sll, 0x123, 0, 0x123
	RR	sll, 1, 31, 0x80000000
	RR	sll, 1, 32, 0x100000000
	RR	sll, 1, 63, 0x8000000000000000
	RR	sll, 1, 64, 1			/* only rs2[5:0] counts */
	RR	srl, 0x8000000000000000, 63, 1
	RR	srl, -1, 31, 0x1ffffffff
	RR	srl, -1, 32, 0xffffffff
	RR	srl, -1, 0, -1
	RR	sra, 0x8000000000000000, 31, 0xffffffff00000000
	RR	sra, 0x8000000000000000, 32, 0xffffffff80000000
	RR	sra, 0x8000000000000000, 63, -1
	RR	sra, 0x8000000000000000, 65, 0xc000000000000000
	RR	slt, -1, 0, 1
	RR	slt, 0, -1, 0
	RR	slt, 5, 5, 0
	RR	slt, 0x8000000000000000, 0x7fffffffffffffff, 1
	RR	sltu, -1, 0, 0
	RR	sltu, 0, -1, 1
	RR	sltu, 5, 5, 0
	RR	sltu, 0x8000000000000000, 0x7fffffffffffffff, 0
	RR	xor, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0
	RR	or, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xfff0fff0fff0fff0
	RR	and, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00

	RI	addi, 0, -2048, 0xfffffffffffff800
	RI	addi, 0, 2047, 0x7ff
	RI	addi, 0x7fffffffffffffff, 1, 0x8000000000000000
	RI	slti, -5, -4, 1
	RI	slti, 0, -1, 0
	RI	slti, -2048, -2048, 0
	RI	sltiu, 0, -1, 1			/* imm sign-extends to 2^64-1 */
	RI	sltiu, -1, -1, 0
	RI	sltiu, -2, -1, 1
	RI	sltiu, 0, 1, 1			/* seqz */
	RI	sltiu, 1, 1, 0
	RI	xori, 0xff, -1, 0xffffffffffffff00	/* not */
	RI	xori, 0x5555, 0x7ff, 0x52aa
	RI	ori, 0x8000000000000000, 1, 0x8000000000000001
	RI	ori, 0, -2048, 0xfffffffffffff800
	RI	andi, -1, -2048, 0xfffffffffffff800
	RI	andi, 0x123456789, 0x7ff, 0x789
	RI	slli, 1, 0, 1
	RI	slli, 1, 31, 0x80000000
	RI	slli, 1, 32, 0x100000000
	RI	slli, 1, 63, 0x8000000000000000
	RI	srli, 0x8000000000000000, 0, 0x8000000000000000
	RI	srli, -1, 31, 0x1ffffffff
	RI	srli, -1, 32, 0xffffffff
	RI	srli, -1, 63, 1
	RI	srai, 0x8000000000000000, 0, 0x8000000000000000
	RI	srai, 0x8000000000000000, 31, 0xffffffff00000000
	RI	srai, 0x8000000000000000, 32, 0xffffffff80000000
	RI	srai, 0x8000000000000000, 63, -1
	RI	srai, 0x4000000000000000, 62, 1

	/* W forms: operate on the low 32 bits, sign-extend the result */
	RI	addiw, 0x7fffffff, 1, 0xffffffff80000000
	RI	addiw, 0xffffffff, 0, -1	/* sext.w */
	RI	addiw, 0x123456789abcdef0, 0, 0xffffffff9abcdef0
	RI	addiw, 0x80000000, -1, 0x7fffffff
	RR	addw, 0x7fffffff, 0x7fffffff, 0xfffffffffffffffe
	RR	addw, 0x100000000, 0x100000000, 0
	RR	subw, 0, 0x80000000, 0xffffffff80000000
	RR	subw, 0x80000000, 1, 0x7fffffff
	RI	slliw, 1, 0, 1
	RI	slliw, 1, 31, 0xffffffff80000000
	RI	slliw, 0xffffffff00000001, 0, 1
	RI	srliw, 0x80000000, 31, 1
	RI	srliw, 0xffffffff80000000, 0, 0xffffffff80000000
	RI	srliw, -1, 1, 0x7fffffff
	RI	sraiw, 0x80000000, 31, -1
	RI	sraiw, 0x80000000, 0, 0xffffffff80000000
	RI	sraiw, 0xffff0000, 16, -1
	RI	sraiw, 0x7fffffff00000000, 1, 0
	RR	sllw, 1, 31, 0xffffffff80000000
	RR	sllw, 1, 32, 1			/* only rs2[4:0] counts */
	RR	srlw, 0xffffffff, 31, 1
	RR	srlw, 0x80000000, 32, 0xffffffff80000000
	RR	sraw, 0x80000000, 31, -1
	RR	sraw, 0x80000000, 63, -1
	RR	sraw, 0x1234567880000000, 4, 0xfffffffff8000000

	/* lui and auipc: the 20-bit immediate is sign-extended from bit 31 */
	lui	t2, 0x80000
	CHECK	"lui 0x80000", t2, 0xffffffff80000000
	lui	t2, 0x7ffff
	CHECK	"lui 0x7ffff", t2, 0x7ffff000
	lui	t2, 0xfffff
	CHECK	"lui 0xfffff", t2, 0xfffffffffffff000
.Lauipc0:
	auipc	t2, 0
	lla	t0, .Lauipc0
	sub	t2, t2, t0
	CHECK	"auipc 0 - pc", t2, 0
.Lauipc1:
	auipc	t2, 1
	lla	t0, .Lauipc1
	sub	t2, t2, t0
	CHECK	"auipc 1 - pc", t2, 0x1000
.Lauipc2:
	auipc	t2, 0x80000
	lla	t0, .Lauipc2
	sub	t2, t2, t0
	CHECK	"auipc 0x80000 - pc", t2, 0xffffffff80000000

	/* x0 ignores writes */
	li	t2, 7
	add	x0, t2, t2
	lui	x0, 0x12345
	lla	t0, load_data
	ld	x0, 0(t0)
	mv	t2, x0
	CHECK	"x0 after writes", t2, 0

	BR	beq, 1, 1, 1
	BR	beq, 1, 2, 0
	BR	beq, 0x8000000000000000, 0, 0
	BR	bne, 1, 2, 1
	BR	bne, 3, 3, 0
	BR	blt, -1, 0, 1
	BR	blt, 0, -1, 0
	BR	blt, 5, 5, 0
	BR	bge, 0, -1, 1
	BR	bge, 5, 5, 1
	BR	bge, -1, 0, 0
	BR	bltu, 0, -1, 1
	BR	bltu, -1, 0, 0
	BR	bltu, 5, 5, 0
	BR	bgeu, -1, 0, 1
	BR	bgeu, 0, -1, 0
	BR	bgeu, 5, 5, 1

	/* a backward branch: sum 1..10 */
	li	t0, 10
	li	t2, 0
1:	add	t2, t2, t0
	addi	t0, t0, -1
	bnez	t0, 1b
	CHECK	"loop sum 1..10", t2, 55

	/* jal links the next instruction's address */
	jal	t2, .Ljal_target
.Ljal_return:
	li	t2, -1
.Ljal_target:
	lla	t0, .Ljal_return
	sub	t2, t2, t0
	CHECK	"jal link - return address", t2, 0

	/* jalr clears bit 0 of rs1 + imm */
	li	s1, 0
	lla	t0, .Ljalr_target
	addi	t0, t0, 3
	jalr	t2, -2(t0)
.Ljalr_return:
	li	s1, 1
.Ljalr_target:
	lla	t0, .Ljalr_return
	sub	t2, t2, t0
	CHECK	"jalr link - return address", t2, 0
	CHECK	"jalr skipped the fall-through", s1, 0

	/* jalr with rd == rs1 jumps to the old value */
	li	s1, 0
	lla	t2, .Ljalr_same_target
	jalr	t2, 0(t2)
.Ljalr_same_return:
	li	s1, 1
.Ljalr_same_target:
	lla	t0, .Ljalr_same_return
	sub	t2, t2, t0
	CHECK	"jalr rd=rs1 link - return address", t2, 0
	CHECK	"jalr rd=rs1 skipped the fall-through", s1, 0

	LOAD	lb, 0, 0xffffffffffffff81
	LOAD	lbu, 0, 0x81
	LOAD	lh, 0, 0xffffffffffff8281
	LOAD	lhu, 0, 0x8281
	LOAD	lw, 0, 0xffffffff84838281
	LOAD	lwu, 0, 0x84838281
	LOAD	ld, 0, 0x8887868584838281
	LOAD	lb, 8, 0x08
	LOAD	lbu, 8, 0x08
	LOAD	lh, 8, 0x0708
	LOAD	lhu, 8, 0x0708
	LOAD	lw, 8, 0x05060708
	LOAD	lwu, 8, 0x05060708
	LOAD	ld, 8, 0x0102030405060708
	LOAD	lw, 4, 0xffffffff88878685
	LOAD	lh, 6, 0xffffffffffff8887
	lla	t0, load_data + 8
	lb	t2, -1(t0)
	CHECK	"lb load_data+8, -1", t2, 0xffffffffffffff88

	lla	s1, store_data
	li	t0, 0x1122334455667788
	sd	t0, 0(s1)
	ld	t2, 0(s1)
	CHECK	"sd then ld", t2, 0x1122334455667788
	li	t0, -1
	sb	t0, 0(s1)
	ld	t2, 0(s1)
	CHECK	"sb -1 at +0", t2, 0x11223344556677ff
	li	t0, 0x1234abcd
	sh	t0, 2(s1)
	ld	t2, 0(s1)
	CHECK	"sh 0x1234abcd at +2", t2, 0x11223344abcd77ff
	li	t0, 0x99999999aabbccdd
	sw	t0, 4(s1)
	ld	t2, 0(s1)
	CHECK	"sw 0x99999999aabbccdd at +4", t2, 0xaabbccddabcd77ff
	addi	t1, s1, 8
	li	t0, 0x5a
	sb	t0, -7(t1)
	ld	t2, 0(s1)
	CHECK	"sb 0x5a at +8-7", t2, 0xaabbccddabcd5aff

	fence
	fence	rw, rw
	fence.i
	li	t2, 1
	CHECK	"fence, fence.i executed", t2, 1

	FINISH
