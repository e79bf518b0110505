# A program that sleeps once, for bb's idle=on.
#   block 1: lla (auipc + addi), li, li, ecall = 5 instructions, then
#     nanosleep(&ts, 0) idles the vCPU: bb's 1, insns 5 so far
#   block 2: li, li, ecall: exit_group(0); in all bb's 2, insns 8
	.option norvc
	.text
	.globl _start
_start:
	lla a0, ts
	li a1, 0
	li a7, 101            # nanosleep
	ecall
	li a0, 0
	li a7, 94             # exit_group
	ecall

	.data
	.balign 8
ts:
	.dword 0, 1000        # 1 microsecond
