/* Code written and run, then rewritten and run again: the new code runs,
 * with and without fence.i (QEMU and emu both watch pages with translated
 * code).  A store that rewrites the next instruction of the running block
 * may see either the old or the new instruction (the ISA promises nothing
 * without fence.i; QEMU runs the old one, emu the new one): only that the
 * result is one of the two is checked. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef long (*function)(void);

/* addi a0, zero, value ; ret */
static void write_return(uint32_t *code, int value)
{
	code[0] = 0x00000513u | ((uint32_t)(value & 0xfff) << 20);
	code[1] = 0x00008067u;
}

int main(void)
{
	uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (code == MAP_FAILED)
		return 1;
	function f = (function)(void *)code;
	long total = 0;
	for (int round = 1; round <= 300; round++) {
		write_return(code, round);
		if (round % 2)
			__asm__ volatile("fence.i" ::: "memory");
		long got = f();
		if (got != round)
			printf("round %d: ran stale code (got %ld)\n", round, got);
		total += got;
	}
	printf("rewritten 300 times, sum %ld\n", total);

	/* a block that rewrites its own next instruction: sw a1, 8(a0) replaces
	 * "addi a0, zero, 1" by "addi a0, zero, 2" before it runs */
	code[0] = 0x00b52423u; /* sw a1, 8(a0) */
	code[1] = 0x00000013u; /* nop */
	code[2] = 0x00100513u; /* addi a0, zero, 1 */
	code[3] = 0x00008067u; /* ret */
	__asm__ volatile("fence.i" ::: "memory");
	long (*patcher)(uint32_t *, uint32_t) = (long (*)(uint32_t *, uint32_t))(void *)code;
	long result = 0;
	for (int i = 0; i < 100; i++) {
		code[2] = 0x00100513u;
		__asm__ volatile("fence.i" ::: "memory");
		result += patcher(code, 0x00200513u);
	}
	printf("self-patching block returned the old or the new value: %s\n", result == 100 || result == 200 ? "yes" : "no");
	return 0;
}
