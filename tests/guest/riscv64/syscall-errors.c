/* Bad guest pointers give EFAULT and unknown syscalls ENOSYS; neither may
 * crash the emulator.  Each line names the call and the errno it got. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static void report(const char *what, long result)
{
    printf("%-34s = %ld (%s)\n", what, result, result < 0 ? strerror(errno) : "ok");
}

int main(void)
{
    report("write(1, 0x10, 5)", syscall(SYS_write, 1, (void *)0x10, 5));
    report("write(1, 0x3fffffff000, 5)", syscall(SYS_write, 1, (void *)0x3fffffff000, 5));
    report("write(1, 0xffffffffffff0000, 5)", syscall(SYS_write, 1, (void *)0xffffffffffff0000ul, 5));
    report("read(0, 0x10, 5)", syscall(SYS_read, 0, (void *)0x10, 5));
    report("openat(AT_FDCWD, 0x20, 0)", syscall(SYS_openat, -100, (void *)0x20, 0));
    report("clock_gettime(0, 0x30)", syscall(SYS_clock_gettime, 0, (void *)0x30));
    report("uname(0x40)", syscall(SYS_uname, (void *)0x40));
    static const char text[] = "read-only\n";
    report("read(0, rodata, 5)", syscall(SYS_read, 0, (void *)text, 5));
    report("syscall(999)", syscall(999, 1, 2, 3));
    report("syscall(-1)", syscall(-1));
    return 0;
}
