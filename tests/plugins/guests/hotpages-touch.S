# Three pages touched a known number of times, for the hotpages plugin
# (no other memory access: lla, no stack, no GOT):
#   page A (buf):         3 reads, 2 writes
#   page B (buf + 4096):  6 writes
#   page C (buf + 8192):  7 reads
	.option norvc
	.text
	.globl _start
_start:
	lla t0, buf
	li t1, 4096
	add t2, t0, t1        # page B
	add t3, t2, t1        # page C
	ld a0, 0(t0)
	lw a0, 8(t0)
	lb a0, 2047(t0)
	sd a0, 16(t0)
	sb a0, 24(t0)
	li t4, 6
1:	sw t4, 0(t2)          # page B, 6 times
	addi t4, t4, -1
	bnez t4, 1b
	li t4, 7
1:	lh a0, 100(t3)        # page C, 7 times
	addi t4, t4, -1
	bnez t4, 1b
	li a0, 0
	li a7, 94             # exit_group(0)
	ecall

	.bss
	.balign 8192
buf:
	.zero 3 * 4096
