/*
 * Result checking for the hand-written assembly tests.
 *
 * CHECK name, reg, expected prints "name  value" (value in hex), and when the
 * value is not the expected one adds "MISMATCH, expected ..." and counts a
 * failure; main ends with FINISH, which returns the failure count as the exit
 * status. The golden stdout pins the values; the expected operand states in
 * the source what the manual says they must be, so a wrong golden file
 * cannot hide.
 *
 * CHECK calls printf: it clobbers every caller-saved register (a*, t*, ft*,
 * fa*), so keep values that must survive in s* and fs* registers, and read
 * fflags into an integer register before checking anything.
 */

	.macro CHECK name, reg, expected
	mv	a1, \reg
	li	a2, \expected
	lla	a0, .Lcheck_name\@
	call	check_value
	.pushsection .rodata.check_names, "a"
.Lcheck_name\@:
	.asciz	"\name"
	.popsection
	.endm

	/*
	 * main's prologue and epilogue: save ra and every callee-saved
	 * register, so the tests may use s0-s11 and fs0-fs11 freely.
	 */
	.macro START
	.text
	.globl	main
	.type	main, @function
main:
	addi	sp, sp, -208
	sd	ra, 0(sp)
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
	sd	s\n, (8 + 8 * \n)(sp)
	fsd	fs\n, (104 + 8 * \n)(sp)
	.endr
	.endm

	.macro FINISH
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
	ld	s\n, (8 + 8 * \n)(sp)
	fld	fs\n, (104 + 8 * \n)(sp)
	.endr
	ld	ra, 0(sp)
	addi	sp, sp, 208
	lla	t0, check_failures
	ld	a0, 0(t0)
	ret
	.size	main, . - main
	.endm

	.section .rodata.check_formats, "a"
.Lformat_value:
	.asciz	"%-44s %016lx\n"
.Lformat_mismatch:
	.asciz	"%-44s %016lx MISMATCH, expected %016lx\n"

	.bss
	.balign	8
check_failures:
	.zero	8

	.text
	/* check_value(a0 = name, a1 = value, a2 = expected) */
	.type	check_value, @function
check_value:
	addi	sp, sp, -16
	sd	ra, 8(sp)
	beq	a1, a2, 1f
	lla	t0, check_failures
	ld	t1, 0(t0)
	addi	t1, t1, 1
	sd	t1, 0(t0)
	mv	a3, a2
	mv	a2, a1
	mv	a1, a0
	lla	a0, .Lformat_mismatch
	call	printf
	j	2f
1:	mv	a2, a1
	mv	a1, a0
	lla	a0, .Lformat_value
	call	printf
2:	ld	ra, 8(sp)
	addi	sp, sp, 16
	ret
	.size	check_value, . - check_value
