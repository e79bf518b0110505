// sp and cpsr (NZCV in bits 31..28) change here by known amounts, for
// execlog,reg=sp and reg=cpsr on aarch64:
//   sub sp, sp, #0x20     sp -> sp - 32
//   cmp x1, x1            Z and C: cpsr -> 0x60000000
//   cmp x1, x2            1 - 2: N: cpsr -> 0x80000000
//   adds x3, x2, x4       2 + (2^63 - 1) overflows: N and V: cpsr -> 0x90000000
//   add sp, sp, #0x20     sp back
//   cmn x1, #0x0          1 + 0: no flag: cpsr -> 0
	.text
	.globl _start
_start:
	mov x1, #1
	mov x2, #2
	mov x4, #0x7fffffffffffffff
	sub sp, sp, #32
	cmp x1, x1
	cmp x1, x2
	adds x3, x2, x4
	add sp, sp, #32
	cmn x1, #0
	mov x0, #0            // exit(0)
	mov x8, #93
	svc #0
