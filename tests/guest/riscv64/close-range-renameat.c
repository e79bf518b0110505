/* Descriptor ranges and renames: close_range closes a range of descriptors
 * or marks them close-on-exec and refuses a reversed range; renameat is
 * ENOSYS on riscv64 (its kernel has only renameat2), while renameat2 moves a
 * file between directories.  (openat2, which qemu-riscv64 7.2 lacks, is in
 * tests/cli/more-syscalls.sh.) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define RENAMEAT_NUMBER 38

static void show(const char *what, long result)
{
    if (result < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: ok\n", what);
}

static void descriptor_states(void)
{
    printf("fds 100..103:");
    for (int fd = 100; fd <= 103; fd++) {
        int flags = fcntl(fd, F_GETFD);
        printf(" %s", flags < 0 ? "closed" : flags & FD_CLOEXEC ? "cloexec" : "open");
    }
    printf("\n");
}

int main(void)
{
    char directory[] = "/tmp/emu-close-range-XXXXXX";
    if (!mkdtemp(directory))
        return 1;
    int dirfd = open(directory, O_DIRECTORY | O_RDONLY);
    close(openat(dirfd, "created", O_WRONLY | O_CREAT, 0600));
    mkdirat(dirfd, "sub", 0700);
    int subfd = openat(dirfd, "sub", O_DIRECTORY | O_RDONLY);
    show("renameat (number 38)", syscall(RENAMEAT_NUMBER, dirfd, "created", subfd, "moved"));
    show("renameat2 into the subdirectory", syscall(SYS_renameat2, dirfd, "created", subfd, "moved", 0));
    printf("moved is there: %s\n", faccessat(subfd, "moved", F_OK, 0) == 0 ? "yes" : "no");
    show("renameat2 of a missing file", syscall(SYS_renameat2, dirfd, "created", subfd, "moved", 0));

    for (int fd = 100; fd <= 103; fd++)
        dup2(dirfd, fd);
    descriptor_states();
    show("close_range 101..102", syscall(SYS_close_range, 101, 102, 0));
    descriptor_states();
    show("close_range 100..103 CLOSE_RANGE_CLOEXEC", syscall(SYS_close_range, 100, 103, CLOSE_RANGE_CLOEXEC));
    descriptor_states();
    show("close_range with first above last", syscall(SYS_close_range, 103, 100, 0));
    show("close_range with unknown flags", syscall(SYS_close_range, 100, 103, 0x80));
    show("close_range 100..~0", syscall(SYS_close_range, 100, ~0u, 0));
    descriptor_states();

    unlinkat(subfd, "moved", 0);
    unlinkat(dirfd, "sub", AT_REMOVEDIR);
    rmdir(directory);
    return 0;
}
