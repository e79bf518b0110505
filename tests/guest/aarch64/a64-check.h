/*
 * Result checking for the hand-written A64 tests: no libc, only svc.
 *
 * CHECK name, reg, expected compares a 64-bit register with the value the
 * manual says it must hold and prints "ok NAME", or "FAIL NAME: got X,
 * expected Y" and counts a failure. CHECK_NZCV name, expected compares the
 * flags (N Z C V as a 4-bit number, N the top bit); CHECKQ name, vreg,
 * high, low a vector register's two halves. FINISH prints "all
 * checks passed" when nothing failed and exits with the failure count, so
 * the golden stdout appears only when every check passes.
 *
 * A check clobbers x0-x10, x30 and the flags: keep values that must survive
 * in x19-x28.
 */

	.macro CHECK name, reg, expected
	mov	x0, \reg
	ldr	x1, =\expected
	adr	x2, .Lcheck_name\@
	mov	x3, #(.Lcheck_name_end\@ - .Lcheck_name\@)
	bl	check_value
	b	.Lcheck_after\@
.Lcheck_name\@:
	.ascii	"\name"
.Lcheck_name_end\@:
	.balign	4
.Lcheck_after\@:
	.endm

	.macro CHECK_NZCV name, expected
	mrs	x0, nzcv
	lsr	x0, x0, #28
	CHECK	\name, x0, \expected
	.endm

	/* a 128-bit register as its high and low halves (NAME_high, NAME_low);
	 * clobbers x19 too */
	.macro CHECKQ name, vreg, expected_high, expected_low
	mov	x19, \vreg\().d[1]
	CHECK	\name\()_high, x19, \expected_high
	mov	x19, \vreg\().d[0]
	CHECK	\name\()_low, x19, \expected_low
	.endm

	/* the program's entry */
	.macro START
	.text
	.globl	_start
	.type	_start, %function
_start:
	.endm

	.macro FINISH
	adrp	x0, check_failures
	ldr	x19, [x0, :lo12:check_failures]
	cbnz	x19, 1f
	mov	x0, #1
	adr	x1, .Lall_passed
	mov	x2, #(.Lall_passed_end - .Lall_passed)
	mov	x8, #64		/* write */
	svc	#0
1:	mov	x0, x19
	mov	x8, #94		/* exit_group */
	svc	#0
	.ltorg
	.endm

	.text
/* check_value(x0 = value, x1 = expected, x2 = name, x3 = name length) */
	.type	check_value, %function
check_value:
	mov	x9, x30
	mov	x4, x0
	mov	x5, x1
	mov	x6, x2
	mov	x7, x3
	cmp	x4, x5
	b.ne	.Lcheck_failed
	adr	x1, .Lok
	mov	x2, #3
	bl	.Lwrite_string_keep_lr
	mov	x1, x6
	mov	x2, x7
	bl	.Lwrite_string_keep_lr
	b	.Lcheck_newline
.Lcheck_failed:
	adrp	x0, check_failures
	add	x0, x0, :lo12:check_failures
	ldr	x1, [x0]
	add	x1, x1, #1
	str	x1, [x0]
	adr	x1, .Lfail
	mov	x2, #5
	bl	.Lwrite_string_keep_lr
	mov	x1, x6
	mov	x2, x7
	bl	.Lwrite_string_keep_lr
	adr	x1, .Lgot
	mov	x2, #(.Lgot_end - .Lgot)
	bl	.Lwrite_string_keep_lr
	mov	x0, x4
	bl	.Lwrite_hex_keep_lr
	adr	x1, .Lexpected
	mov	x2, #(.Lexpected_end - .Lexpected)
	bl	.Lwrite_string_keep_lr
	mov	x0, x5
	bl	.Lwrite_hex_keep_lr
.Lcheck_newline:
	adr	x1, .Lnewline
	mov	x2, #1
	bl	.Lwrite_string_keep_lr
	ret	x9

/* check_value's helpers: its return address is in x9, theirs in x10. */
.Lwrite_string_keep_lr:		/* write(1, x1, x2) */
	mov	x10, x30
	mov	x0, #1
	mov	x8, #64
	svc	#0
	ret	x10

.Lwrite_hex_keep_lr:		/* sixteen hex digits of x0 */
	mov	x10, x30
	adrp	x1, check_hex_buffer
	add	x1, x1, :lo12:check_hex_buffer
	mov	x2, #16
1:	sub	x2, x2, #1
	and	x3, x0, #15
	cmp	x3, #10
	add	x8, x3, #'0'
	add	x3, x3, #('a' - 10)
	csel	x3, x8, x3, lo
	strb	w3, [x1, x2]
	lsr	x0, x0, #4
	cbnz	x2, 1b
	mov	x0, #1
	mov	x2, #16
	mov	x8, #64
	svc	#0
	ret	x10
	.size	check_value, . - check_value

.Lok:	.ascii	"ok "
.Lfail:	.ascii	"FAIL "
.Lgot:	.ascii	": got "
.Lgot_end:
.Lexpected:
	.ascii	", expected "
.Lexpected_end:
.Lnewline:
	.ascii	"\n"
.Lall_passed:
	.ascii	"all checks passed\n"
.Lall_passed_end:
	.balign	8

	.data
	.balign	8
check_failures:		.quad	0
check_hex_buffer:	.fill	16, 1, 0
	.text
