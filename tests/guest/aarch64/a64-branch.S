/* A64 branches: b, bl (x30 = the next instruction), br, blr (also through
 * x30 itself: the target is read before x30 is written), ret to any
 * register, cbz/cbnz, tbz/tbnz on low, high and 32-bit bits, b.cond, and
 * a counted loop. Each path leaves a distinct bit in x20. */
#include "a64-check.h"

	START
	mov	x20, #0
	b	1f
	orr	x20, x20, #0x8000	/* skipped */
1:	orr	x20, x20, #1

	bl	.Lsubroutine		/* sets bit 1, returns */
.Lafter_bl:
	adr	x21, .Lafter_bl
	sub	x21, x22, x21		/* x22 = the x30 the subroutine saw */
	CHECK	bl_link_register, x21, 0

	adr	x23, 2f
	br	x23
	orr	x20, x20, #0x8000
2:	orr	x20, x20, #4

	adr	x23, .Lsubroutine
	blr	x23
	adr	x30, .Lsubroutine
	blr	x30			/* branches to the old x30 */
	adr	x23, .Lreturn_via_x24
	blr	x23			/* returns with ret x24 */
	CHECK	branch_bits, x20, 0x0f

	/* compare and branch */
	mov	x20, #0
	mov	x21, #0x100000000	/* zero in its low word */
	cbz	w21, 3f
	orr	x20, x20, #0x8000
3:	cbnz	x21, 4f
	orr	x20, x20, #0x8000
4:	cbz	x21, 5f
	orr	x20, x20, #1
5:	cbnz	w21, 6f
	orr	x20, x20, #2
6:	mov	x21, #0x8000000000000000
	tbnz	x21, #63, 7f
	orr	x20, x20, #0x8000
7:	tbz	x21, #0, 8f
	orr	x20, x20, #0x8000
8:	tbz	x21, #63, 9f
	orr	x20, x20, #4
9:	mov	w21, #0x80000000
	tbnz	w21, #31, 10f
	orr	x20, x20, #0x8000
10:	CHECK	compare_branch_bits, x20, 0x07

	/* b.cond, taken and not taken */
	mov	x20, #0
	mov	x21, #5
	cmp	x21, #5
	b.eq	11f
	orr	x20, x20, #0x8000
11:	b.ne	12f
	orr	x20, x20, #1
12:	cmp	x21, #6
	b.lt	13f
	orr	x20, x20, #0x8000
13:	b.hs	14f
	orr	x20, x20, #2
14:	b.al	15f
	orr	x20, x20, #0x8000
15:	CHECK	conditional_branch_bits, x20, 0x03

	/* a counted loop: 1 + 2 + ... + 100 */
	mov	x20, #0
	mov	x21, #100
16:	add	x20, x20, x21
	subs	x21, x21, #1
	b.ne	16b
	CHECK	loop_sum, x20, 5050

	/* a backwards loop through bl: recursion depth 10 by hand */
	mov	x20, #0
	mov	x21, #10
	bl	.Lcount_down
	CHECK	recursion_depth, x20, 10

	FINISH

.Lsubroutine:
	mov	x22, x30
	orr	x20, x20, #2
	ret

.Lreturn_via_x24:
	orr	x20, x20, #8
	mov	x24, x30
	mov	x30, #0
	ret	x24

.Lcount_down:
	stp	x29, x30, [sp, #-16]!
	cbz	x21, 18f
	add	x20, x20, #1
	sub	x21, x21, #1
	bl	.Lcount_down
18:	ldp	x29, x30, [sp], #16
	ret
