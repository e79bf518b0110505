/*
 * Loads and stores at a base register plus a constant, which tier 2 turns
 * into one host access with a displacement, checking the base once for
 * all the accesses through it: a base outside the address space whose sum
 * with a large constant (lui + add) lands inside it, then the same base
 * at other displacements; accesses that fault just below address 0 and
 * just above the top of the space, with the address the kernel reports.
 * Each case runs in a loop, so it runs hot (translated) too.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define REGION 0x5000000ul

static sigjmp_buf recover;
static volatile uintptr_t fault_address;

static void on_segv(int sig, siginfo_t *info, void *context)
{
	(void)sig;
	(void)context;
	fault_address = (uintptr_t)info->si_addr;
	siglongjmp(recover, 1);
}

/* REGION + 0x1000 + base, read at +0 and +8, then written at +16 */
static uint64_t through_far_constant(int64_t base, uint64_t value)
{
	uint64_t first, second;
	__asm__ volatile("li t0, 0x5001000\n\t"
			 "add t0, t0, %2\n\t"
			 "ld %0, 0(t0)\n\t"
			 "ld %1, 8(t0)\n\t"
			 "sd %3, 16(t0)"
			 : "=&r"(first), "=&r"(second)
			 : "r"(base), "r"(value)
			 : "t0", "memory");
	return first + second;
}

static uint64_t load_at(uint64_t base, int which)
{
	uint64_t value = 0;
	if (which == 0)
		__asm__ volatile("ld %0, -16(%1)" : "=r"(value) : "r"(base) : "memory");
	else
		__asm__ volatile("ld %0, 16(%1)" : "=r"(value) : "r"(base) : "memory");
	return value;
}

/* the address a load faults at, or 0 */
static uintptr_t fault_of(uint64_t base, int which)
{
	fault_address = 0;
	if (sigsetjmp(recover, 1) == 0)
		load_at(base, which);
	return fault_address;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	uint64_t *words = mmap((void *)REGION, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (words == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	for (int i = 0; i < 1024; i++)
		words[i] = 0x1000 + (uint64_t)i;

	/* base -0x1000 + 8i: outside the space, the sum inside */
	uint64_t sum = 0;
	for (int i = 0; i < 20; i++)
		sum += through_far_constant(-0x1000 + 8 * i, 0x5000 + (uint64_t)i);
	printf("far constant, base below 0: sum %llx, words[21] %llx\n", (unsigned long long)sum,
	       (unsigned long long)words[21]);
	/* base in the space */
	sum = 0;
	for (int i = 0; i < 20; i++)
		sum += through_far_constant(8 * i, 0x6000 + (uint64_t)i);
	printf("far constant, base in the space: sum %llx, words[533] %llx\n", (unsigned long long)sum,
	       (unsigned long long)words[533]);

	/* faults: 8 - 16 is below 0; the top of a 2^38 space plus 16 above it */
	for (int i = 0; i < 5; i++) {
		uintptr_t below = fault_of(8, 0);
		uintptr_t above = fault_of((1ull << 38) - 8, 1);
		if (i == 0 || i == 4)
			printf("run %d: fault at %#llx below, %#llx above\n", i, (unsigned long long)below,
			       (unsigned long long)above);
	}
	return 0;
}
