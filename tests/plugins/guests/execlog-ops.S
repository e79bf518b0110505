# Loads, stores and register changes with known encodings, for execlog.
#   ld a0, 0(a1)     0x0005b503  loads data (40): a0 -> 0x28
#   addi a0, a0, 2   0x00250513  a0 -> 0x2a
#   sd a0, 8(a1)     0x00a5b423  stores to data + 8; a0 unchanged
#   addi a0, a0, 0   0x00050513  a0 unchanged
#   lw a2, 8(a1)     0x0085a603  loads data + 8: a2 -> 0x2a
#   addi a3, a2, 1   0x00160693  a3 -> 0x2b
# 11 instructions run, in one block: lla (auipc + addi), the six above,
# and the exit (li a0, 0 sets a0 back to 0; li a7, 93; ecall).
	.option norvc
	.text
	.globl _start
_start:
	lla a1, data
	ld a0, 0(a1)
	addi a0, a0, 2
	sd a0, 8(a1)
	addi a0, a0, 0
	lw a2, 8(a1)
	addi a3, a2, 1
	li a0, 0              # exit(0)
	li a7, 93
	ecall

	.data
	.balign 8
data:
	.dword 40, 0
