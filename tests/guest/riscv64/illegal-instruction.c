/*
 * An illegal instruction (the all-zero encoding, defined to be illegal)
 * raises SIGILL; with no handler the guest dies of it, so the emulator must
 * die of signal 4 too (status 132 in a shell) after saying so on stderr.
 * The line printed first must already be out.
 */
#include <stdio.h>

int main(void)
{
	printf("before the illegal instruction\n");
	fflush(stdout);
	__asm__ volatile(".word 0");
	printf("not reached\n");
	return 0;
}
