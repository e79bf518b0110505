/*
 * Exit status passthrough: the guest's exit(42) becomes the emulator's exit
 * status. An atexit handler and buffered stdout must both still run and be
 * flushed on the way out.
 */
#include <stdio.h>
#include <stdlib.h>

static void goodbye(void)
{
	printf("atexit handler ran\n");
}

int main(void)
{
	atexit(goodbye);
	printf("exiting with status 42\n");
	exit(42);
}
