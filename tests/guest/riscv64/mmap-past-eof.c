/* A load from a file mapping's page past the end of the file is SIGBUS
 * (BUS_ADRERR) on Linux, not SIGSEGV: the host refuses the access and the
 * guest must see the same signal. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	char path[] = "/tmp/emu-mmap-past-eof-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, "data", 4) != 4)
		return 1;
	unlink(path);
	volatile char *p = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		return 2;
	printf("inside the file: %c%c%c%c\n", p[0], p[1], p[2], p[3]);
	printf("rest of the first page reads zero: %d\n", p[100]);
	fflush(stdout);
	printf("past the end: %d\n", p[4096]); /* SIGBUS */
	return 0;
}
