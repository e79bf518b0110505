/* Calls on mapped pages: mincore reports touched anonymous pages resident
 * and untouched ones not, msync flushes a shared file mapping to the file,
 * mlock/munlock lock a buffer (mlock2, which qemu-riscv64 7.2 lacks, is in
 * tests/cli/more-syscalls.sh); unaligned addresses are EINVAL,
 * unmapped ranges ENOMEM and a bad vector EFAULT. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void show(const char *what, long result)
{
    if (result < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, result);
}

int main(void)
{
    long page = sysconf(_SC_PAGESIZE);
    char *pages = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    pages[0] = 1;
    pages[2 * page] = 1;
    unsigned char vector[4];
    show("mincore", mincore(pages, 4 * page, vector));
    printf("resident: %d %d %d %d\n", vector[0] & 1, vector[1] & 1, vector[2] & 1, vector[3] & 1);
    show("mincore of a partial last page", mincore(pages, 2 * page + 1, vector));
    show("mincore unaligned", mincore(pages + 1, page, vector));
    show("mincore into a bad vector", mincore(pages, page, (unsigned char *)8));

    char path[] = "/tmp/emu-msync-XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    ftruncate(fd, page);
    char *shared = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    strcpy(shared, "through the mapping");
    show("msync MS_SYNC", msync(shared, page, MS_SYNC));
    char content[32] = {0};
    pread(fd, content, sizeof content - 1, 0);
    printf("the file: %s\n", content);
    show("msync MS_ASYNC", msync(shared, page, MS_ASYNC));
    show("msync unaligned", msync(shared + 1, page, MS_SYNC));
    show("msync with both MS_SYNC and MS_ASYNC", msync(shared, page, MS_SYNC | MS_ASYNC));

    show("mlock", mlock(pages + 10, 100));
    show("munlock", munlock(pages + 10, 100));

    /* nothing is mapped between the unmap and these calls, so the page stays a hole */
    munmap(pages + 3 * page, page);
    show("mincore over an unmapped page", mincore(pages, 4 * page, vector));
    show("msync over an unmapped page", msync(pages + 3 * page, page, MS_SYNC));
    show("mlock over an unmapped page", mlock(pages + 3 * page, page));
    show("munlock over an unmapped page", munlock(pages + 2 * page, 2 * page));
    return 0;
}
