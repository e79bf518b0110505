# The guest of tests/plugins/api.sh, whose exit status shows what a probe
# plugin changed.  Run as is: prints "probe\n" and exits with 6 + 99 = 105
# (the write's result plus s1).
	.option norvc
	.text
	.globl _start, skipped, after, write_call
_start:
	li a0, 7
	addi a0, a0, 1        # a0 = 8
skipped:
	li a0, 99             # qemu_plugin_set_pc at "skipped" jumps over this
after:
	mv s1, a0             # 99, or 8 when skipped, or what a plugin wrote to a0
	li a0, 1
	la a1, msg
	li a2, 6
	li a7, 64
write_call:
	ecall                 # write(1, msg, 6): 6, or a filter's result
	add a0, a0, s1
	li a7, 94
	ecall                 # exit_group(result + s1)

	.data
	.globl msg
msg:
	.ascii "probe\n"
