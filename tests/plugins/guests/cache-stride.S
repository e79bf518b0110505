# Four passes of loads over a 2048-byte array, one load per 64-byte
# block (32 blocks), for the cache plugin; no other data access.
#   instructions: 1 + 4 * (3 + 32 * 4 + 2) + 3 = 536
#   data accesses: 128; data misses with 64-byte blocks:
#     the array fits (2048 bytes direct-mapped, or two ways): 32, the
#       first pass only
#     it does not (1024 bytes: direct-mapped, or two ways lru or fifo,
#       each set cycling through more blocks than it has ways): 128
#   with 128-byte blocks and 2048 bytes direct-mapped: 16 (one miss per
#     block, every other load)
	.option norvc
	.text
	.balign 64
	.globl _start
_start:
	li t0, 4
pass:
	lla a0, array
	li t1, 32
next:
	ld t2, 0(a0)
	addi a0, a0, 64
	addi t1, t1, -1
	bnez t1, next
	addi t0, t0, -1
	bnez t0, pass
	li a0, 0              # exit(0)
	li a7, 93
	ecall

	.bss
	.balign 4096
array:
	.zero 2048
