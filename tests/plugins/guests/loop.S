# A program whose counts are known, for the plugin tests.
#   instructions: 2 + 3 * 1000 (the loop) + 6 (write) + 3 (exit) = 3011
#   blocks: _start through the first bnez (5 instructions) once, the loop
#     (3) 999 more times, the write (6, ends at its ecall) once, the exit
#     (3) once: 1002 block executions, 4 distinct blocks
#   syscalls: write(1, "loops\n", 6) = 6, then exit_group(0)
#   memory: none (the write's buffer is read by the kernel, not the guest)
	.option norvc
	.text
	.globl _start
_start:
	li t0, 1000           # addi
	li t1, 0              # addi
loop:
	addi t0, t0, -1
	addi t1, t1, 1
	bnez t0, loop         # 3 per iteration
	li a0, 1              # write(1, msg, 6)
	lla a1, msg           # auipc + addi
	li a2, 6
	li a7, 64
	ecall
	li a0, 0              # exit_group(0)
	li a7, 94
	ecall

	.section .rodata
msg:
	.ascii "loops\n"
