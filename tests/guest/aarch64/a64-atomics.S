/* A64 LSE atomics (ARMv8.1): cas/casa/casal (success and failure), casp,
 * ldadd, ldclr, ldeor, ldset, ldsmax/ldumin, swp in their width and
 * ordering variants, and stadd (no result). Each returns the old value. */
#include "a64-check.h"

	START
	adrp	x19, words
	add	x19, x19, :lo12:words
	mov	x20, #100
	str	x20, [x19]

	mov	x21, #100
	mov	x22, #200
	cas	x21, x22, [x19]		/* matches: stores 200, x21 = old */
	ldr	x23, [x19]
	CHECK	cas_success_old, x21, 100
	CHECK	cas_success_memory, x23, 200
	mov	x21, #5
	casal	x21, x22, [x19]		/* differs: no store, x21 = current */
	ldr	x23, [x19]
	CHECK	casal_failure_old, x21, 200
	CHECK	casal_failure_memory, x23, 200
	mov	w21, #200
	mov	w22, #7
	casa	w21, w22, [x19]
	ldr	x23, [x19]
	CHECK	casa_w, x23, 7
	mov	w21, #7
	mov	w22, #0xff
	casb	w21, w22, [x19]
	ldr	x23, [x19]
	CHECK	casb, x23, 0xff
	mov	w21, #0xff
	movn	w22, #0
	caslh	w21, w22, [x19]
	ldr	x23, [x19]
	CHECK	caslh, x23, 0xffff

	/* casp: a pair compared and swapped as one */
	add	x24, x19, #16
	mov	x0, #1
	mov	x1, #2
	stp	x0, x1, [x24]
	mov	x2, #1
	mov	x3, #2
	mov	x4, #3
	mov	x5, #4
	casp	x2, x3, x4, x5, [x24]
	mov	x21, x2
	mov	x22, x3
	ldp	x25, x26, [x24]
	CHECK	casp_old_first, x21, 1
	CHECK	casp_old_second, x22, 2
	CHECK	casp_memory_first, x25, 3
	CHECK	casp_memory_second, x26, 4

	/* arithmetic and logic */
	mov	x20, #0xf0
	str	x20, [x19]
	mov	x21, #0x0f
	ldadd	x21, x22, [x19]
	ldr	x23, [x19]
	CHECK	ldadd_old, x22, 0xf0
	CHECK	ldadd_memory, x23, 0xff
	mov	x21, #0x3c
	ldclral	x21, x22, [x19]
	ldr	x23, [x19]
	CHECK	ldclral_memory, x23, 0xc3
	mov	x21, #0xff
	ldeora	x21, x22, [x19]
	ldr	x23, [x19]
	CHECK	ldeora_old, x22, 0xc3
	CHECK	ldeora_memory, x23, 0x3c
	mov	w21, #0x100
	ldsetl	w21, w22, [x19]
	ldr	x23, [x19]
	CHECK	ldsetl_w_memory, x23, 0x13c
	movn	x21, #0			/* -1 */
	ldsmax	x21, x22, [x19]
	ldr	x23, [x19]
	CHECK	ldsmax_keeps_larger, x23, 0x13c
	mov	x21, #1
	ldumin	x21, x22, [x19]
	ldr	x23, [x19]
	CHECK	ldumin, x23, 1
	movn	w21, #0
	ldsminh	w21, w22, [x19]
	ldr	x23, [x19]
	CHECK	ldsminh_memory, x23, 0xffff
	CHECK	ldsminh_old, x22, 1
	mov	w21, #0x80
	ldaddb	w21, w22, [x19]
	ldr	x23, [x19]
	CHECK	ldaddb_wraps_in_byte, x23, 0xff7f
	mov	x21, #0x1234
	swp	x21, x22, [x19]
	ldr	x23, [x19]
	CHECK	swp_old, x22, 0xff7f
	CHECK	swp_memory, x23, 0x1234
	mov	w21, #1
	swpal	w21, wzr, [x19]
	ldr	x23, [x19]
	CHECK	swpal_to_wzr, x23, 1
	mov	x21, #41
	stadd	x21, [x19]
	ldr	x23, [x19]
	CHECK	stadd, x23, 42

	FINISH

	.bss
	.balign	16
words:	.fill	32, 1, 0
