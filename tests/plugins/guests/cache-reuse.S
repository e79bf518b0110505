# Ten rounds of loads of the 64-byte blocks A B A C A (A = blocks,
# B = A + 64, C = A + 128), for the cache plugin; no other data access.
#   instructions: 3 + 7 * 10 + 3 = 76, code 13 instructions (52 bytes)
#     from a 64-byte boundary: one 64-byte block, two 32-byte ones
#   data accesses: 50; data misses (one round's misses in parentheses):
#     cache that holds the three: 3 (first round only)
#     one line (direct-mapped, 64 bytes): 5 + 9 * 4 = 41 (A1 hits after A3)
#     one set of two ways, lru: 3 + 9 * 2 = 21 (B and C evict each other)
#     one set of two ways, fifo: 4 + 9 * 3 = 31 (C evicts A, so A3 misses)
#   per instruction (lru): A1 (at "round") 1, B 10, C 10
#   per instruction (fifo): A1 1, B 10, C 10, A3 10
	.option norvc
	.text
	.balign 64
	.globl _start
	.type _start, @function   # function symbols name the report's lines
	.type round, @function
_start:
	lla a0, blocks
	li t0, 10
round:
	ld t1, 0(a0)          # A1
	ld t1, 64(a0)         # B
	ld t1, 0(a0)          # A2
	ld t1, 128(a0)        # C
	ld t1, 0(a0)          # A3
	addi t0, t0, -1
	bnez t0, round
	li a0, 0              # exit(0)
	li a7, 93
	ecall

	.bss
	.balign 64
blocks:
	.zero 192
