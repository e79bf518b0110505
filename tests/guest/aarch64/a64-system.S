/* A64 system instructions a user program uses: TPIDR_EL0, FPCR and FPSR
 * round trips, NZCV as a system register, DCZID_EL0 with DC ZVA zeroing
 * exactly one block, CTR_EL0's line sizes, the generic timer
 * (CNTVCT_EL0 never goes back, CNTFRQ_EL0 is set), MIDR_EL1 read through
 * the kernel's emulation, and barriers. Values that are the CPU's choice
 * are checked by the rules they must keep. */
#include "a64-check.h"

	START
	ldr	x20, =0x123456789abcdef0
	msr	tpidr_el0, x20
	mrs	x21, tpidr_el0
	CHECK	tpidr_el0_round_trip, x21, 0x123456789abcdef0
	mov	x20, #(3 << 22)		/* RMode = RZ */
	orr	x20, x20, #(1 << 25)	/* DN */
	msr	fpcr, x20
	mrs	x21, fpcr
	msr	fpcr, xzr
	CHECK	fpcr_round_trip, x21, 0x02c00000
	mov	x20, #0x9f		/* every cumulative flag */
	orr	x20, x20, #(1 << 27)	/* QC */
	msr	fpsr, x20
	mrs	x21, fpsr
	msr	fpsr, xzr
	CHECK	fpsr_round_trip, x21, 0x0800009f
	mov	x20, #0x60000000
	msr	nzcv, x20
	b.eq	1f			/* Z set: taken */
	mov	x20, #0
1:	mrs	x21, nzcv
	CHECK	nzcv_round_trip, x21, 0x60000000

	/* DC ZVA zeroes one naturally aligned block of 4 << DCZID_EL0.BS bytes */
	mrs	x22, dczid_el0
	ubfx	x23, x22, #4, #1
	CHECK	dczid_zva_permitted, x23, 0
	and	x23, x22, #15
	cmp	x23, #9
	cset	x24, ls
	CHECK	dczid_block_at_most_2k, x24, 1
	mov	x24, #4
	lsl	x24, x24, x23		/* block size in bytes */
	adrp	x25, area
	add	x25, x25, :lo12:area
	mov	x26, #0
2:	mov	w27, #0xff		/* fill 4 KiB with 0xff */
	strb	w27, [x25, x26]
	add	x26, x26, #1
	cmp	x26, #4096
	b.ne	2b
	add	x26, x25, #2048
	add	x26, x26, #5		/* any address inside the block */
	dc	zva, x26
	mov	x26, #0			/* count the zero bytes */
	mov	x27, #0
3:	ldrb	w28, [x25, x27]
	cmp	w28, #0
	cinc	x26, x26, eq
	add	x27, x27, #1
	cmp	x27, #4096
	b.ne	3b
	sub	x26, x26, x24
	CHECK	dc_zva_zeroes_one_block, x26, 0
	mov	x26, #0x800		/* the block is the aligned one around 2048 + 5 */
	sub	x27, x24, #1
	bic	x26, x26, x27
	ldrb	w28, [x25, x26]
	CHECK	dc_zva_block_start_zero, x28, 0

	/* CTR_EL0: line sizes are log2 of words, at least 4 bytes */
	mrs	x22, ctr_el0
	ubfx	x23, x22, #16, #4	/* DminLine */
	cmp	x23, #0
	cset	x24, ne
	CHECK	ctr_el0_dminline_set, x24, 1
	ubfx	x23, x22, #31, #1	/* RES1 */
	CHECK	ctr_el0_bit31_res1, x23, 1

	/* the generic timer */
	mrs	x22, cntvct_el0
	isb
	mrs	x23, cntvct_el0
	cmp	x23, x22
	cset	x24, hs
	CHECK	cntvct_el0_monotonic, x24, 1
	mrs	x22, cntfrq_el0
	cmp	x22, #0
	cset	x24, ne
	CHECK	cntfrq_el0_set, x24, 1

	/* MIDR_EL1 at EL0 is the kernel's emulation: bits 63..32 read as zero */
	mrs	x22, midr_el1
	lsr	x23, x22, #32
	CHECK	midr_el1_upper_zero, x23, 0

	/* barriers and hints do nothing a program can see */
	mov	x22, #7
	dmb	ish
	dsb	sy
	isb
	nop
	yield
	dmb	ishld
	dsb	ishst
	CHECK	barriers_continue, x22, 7

	FINISH

	.bss
	.balign	4096
area:	.fill	4096, 1, 0
