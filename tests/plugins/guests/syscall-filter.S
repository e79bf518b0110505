# Syscalls with known results for the syscall plugin:
#   close(-1) twice: 2 calls of 57, both failing (EBADF)
#   the made-up syscall 4096 with 0x66CCFF, which only the plugin's filter
#     answers (0xFFCC66); the exit status says whether it did: 0 yes, 1 no
#   exit_group
	.option norvc
	.text
	.globl _start
_start:
	li a0, -1
	li a7, 57             # close
	ecall
	li a0, -1
	li a7, 57
	ecall
	li a0, 0x66CCFF
	li a7, 4096
	ecall
	li t0, 0xFFCC66
	sub a0, a0, t0
	snez a0, a0
	li a7, 94             # exit_group
	ecall
