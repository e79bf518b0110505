# Runs the same way whatever its arguments until it tests argc, for the
# lockstep plugin: two runs with different argument counts diverge there.
#   _start to the first bnez: 4 instructions (ld, li, addi, bnez), then the
#   loop block (addi, bnez) 4 more times: 12; the test block (li, beq): 14
#   instructions in 6 blocks before the runs part, at "one" (argc 1) or
#   "more" (argc > 1)
	.option norvc
	.text
	.globl _start
	.type _start, @function
_start:
	ld a0, 0(sp)          # argc
	li t0, 5
loop:
	addi t0, t0, -1
	bnez t0, loop
	li t1, 1
	beq a0, t1, one
more:
	li a0, 0              # exit(0)
	li a7, 93
	ecall
one:
	li a0, 0              # exit(0)
	li a7, 93
	ecall
