/* Memory mappings the guest can check for itself: a MAP_SHARED file mapping
 * written through memory is what read() of the file returns; a MAP_PRIVATE
 * one is not; MAP_FIXED_NOREPLACE over a mapping is EEXIST; mremap grows in
 * place and moves (MREMAP_MAYMOVE, MREMAP_FIXED) keeping the contents, and a
 * moved shared mapping still writes to the file; MADV_DONTNEED zeroes
 * anonymous private pages; mprotect and munmap succeed where Linux's do. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static long page;

static void show_file(int fd, const char *what)
{
    char buffer[32] = "";
    ssize_t n = pread(fd, buffer, 16, 0);
    printf("%s: read %zd bytes \"%.*s\"\n", what, n, (int)(n > 0 ? n : 0), buffer);
}

int main(void)
{
    page = sysconf(_SC_PAGESIZE);
    char path[] = "/tmp/emu-mmap-XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    if (fd < 0 || ftruncate(fd, 2 * page) != 0)
        return 1;
    pwrite(fd, "file contents...", 16, 0);

    char *shared = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *private = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    printf("maps: %s %s\n", shared != MAP_FAILED ? "shared" : "failed", private != MAP_FAILED ? "private" : "failed");
    printf("private sees the file: %.16s\n", private);
    memcpy(private, "PRIVATE WRITE...", 16);
    show_file(fd, "after a private write");
    memcpy(shared, "shared write....", 16);
    show_file(fd, "after a shared write");
    printf("private copy kept: %.16s\n", private);

    /* NOREPLACE on top of a mapping is refused; on free space it maps. */
    errno = 0;
    void *clash = mmap(shared, (size_t)page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    /* Linux says EEXIST; qemu-riscv64 (the reference) places the mapping
     * elsewhere instead.  Either way the existing mapping must survive. */
    printf("MAP_FIXED_NOREPLACE over a mapping: %s, existing mapping intact: %s\n",
           clash == MAP_FAILED ? (errno == EEXIST ? "refused" : strerror(errno)) : "refused",
           clash != shared && memcmp(shared, "shared write....", 16) == 0 ? "yes" : "no");
    if (clash != MAP_FAILED && clash != shared)
        munmap(clash, (size_t)page);
    char *area = mmap(NULL, 4 * (size_t)page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(area, 4 * (size_t)page);
    char *fixed = mmap(area, (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
                       -1, 0);
    printf("MAP_FIXED_NOREPLACE on free space: %s\n", fixed == area ? "at the address" : "elsewhere");
    munmap(fixed, (size_t)page);

    /* Grow in place: the next pages are free. */
    char *anonymous = mmap(area, (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    memset(anonymous, 'a', (size_t)page);
    char *grown = mremap(anonymous, (size_t)page, 3 * (size_t)page, 0);
    printf("mremap grow in place: %s, old bytes %c, new bytes %d\n", grown == anonymous ? "same address" : "moved",
           grown[page - 1], grown[2 * page]);
    /* Block the next page, then grow with MAYMOVE: it has to move. */
    char *blocker = mmap(grown + 3 * page, (size_t)page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    errno = 0;
    void *refused = mremap(grown, 3 * (size_t)page, 5 * (size_t)page, 0);
    printf("mremap grow without room: %s (%s)\n", refused == MAP_FAILED ? "failed" : "grew", strerror(errno));
    grown[2 * page] = 'z';
    char *moved = mremap(grown, 3 * (size_t)page, 5 * (size_t)page, MREMAP_MAYMOVE);
    printf("mremap MAYMOVE: %s, contents %c %c %d\n", moved != grown ? "moved" : "same address", moved[0],
           moved[2 * page], moved[4 * page]);
    munmap(blocker, (size_t)page);

    /* A shared file mapping moved to a fixed place still writes the file. */
    char *target = mmap(NULL, 2 * (size_t)page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *shared_moved = mremap(shared, (size_t)page, 2 * (size_t)page, MREMAP_MAYMOVE | MREMAP_FIXED, target);
    printf("mremap FIXED of the shared mapping: %s, contents %.16s\n",
           shared_moved == target ? "at the target" : "elsewhere", shared_moved);
    memcpy(shared_moved, "moved and shared", 16);
    show_file(fd, "after a write through the moved mapping");
    shared_moved[page] = 'P'; /* the second page: the file's second page */
    char second;
    pread(fd, &second, 1, page);
    printf("second page through the file: %c\n", second);

    /* MADV_DONTNEED gives zero pages back for anonymous private memory. */
    memset(moved, 'q', 5 * (size_t)page);
    printf("madvise DONTNEED: %d, byte now %d\n", madvise(moved + page, (size_t)page, MADV_DONTNEED), moved[page]);
    printf("untouched neighbour: %c\n", moved[2 * page]);
    /* On a private file mapping it drops the private copy: the file shows again. */
    printf("madvise DONTNEED on the private file mapping: %d, byte now %.16s\n",
           madvise(private, (size_t)page, MADV_DONTNEED), private);

    printf("mprotect read-only: %d\n", mprotect(moved, (size_t)page, PROT_READ));
    errno = 0;
    printf("mprotect of unmapped space: %d (%s)\n", mprotect(area + 64 * page, (size_t)page, PROT_READ),
           strerror(errno));
    printf("munmap: %d %d %d\n", munmap(moved, 5 * (size_t)page), munmap(shared_moved, 2 * (size_t)page),
           munmap(private, (size_t)page));
    close(fd);
    return 0;
}
