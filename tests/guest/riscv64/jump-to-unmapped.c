/*
 * A call through a function pointer to an unmapped address (0x10) faults on
 * instruction fetch: SIGSEGV, uncaught, so the emulator must die of signal
 * 11 (status 139 in a shell) after saying so on stderr.
 */
#include <stdint.h>
#include <stdio.h>

int main(void)
{
	void (*volatile target)(void) = (void (*)(void))(uintptr_t)0x10;
	printf("calling 0x10\n");
	fflush(stdout);
	target();
	printf("not reached\n");
	return 0;
}
