# Memory accesses of every width, an AMO and a loop, for the mem plugin.
#   stores: sb 0x11, sh 0x2233, sw 0x44556677, sd 0x8899aabbccddeeff,
#     amoadd.d's write (7 + 5 = 12), the loop's 3 sw (1, 2, 3): 8
#   loads: lb, lh, lw, ld of the same four, amoadd.d's read (7), the
#     loop's 3 lw (0, 1, 2): 8
#   16 accesses in all, in this order (the AMO reads, then writes)
	.option norvc
	.text
	.globl _start
_start:
	lla t0, buf
	li t1, 0x11
	sb t1, 0(t0)
	li t1, 0x2233
	sh t1, 2(t0)
	li t1, 0x44556677
	sw t1, 4(t0)
	li t1, 0x8899aabbccddeeff
	sd t1, 8(t0)
	lb t2, 0(t0)
	lh t2, 2(t0)
	lw t2, 4(t0)
	ld t2, 8(t0)
	addi t3, t0, 16
	li t1, 5
	amoadd.d t2, t1, (t3)
	li t4, 3
loop:
	lw t5, 24(t0)
	addi t5, t5, 1
	sw t5, 24(t0)
	addi t4, t4, -1
	bnez t4, loop
	li a0, 0
	li a7, 94             # exit_group(0)
	ecall

	.data
	.balign 8
buf:
	.dword 0, 0
	.dword 7              # buf+16: the AMO's
	.dword 0              # buf+24: the loop's counter
