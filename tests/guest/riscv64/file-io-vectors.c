/* File I/O beyond read and write: readv/writev, pread/pwrite, preadv/
 * pwritev (and the v2 forms), sendfile and copy_file_range with and without
 * offsets, memfd_create, ftruncate, fallocate, fsync/fdatasync/syncfs,
 * dup3, pipe2, fstatfs; and EFAULT for bad guest pointers, never a crash. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static void show_file(int fd, const char *what)
{
    char buffer[128];
    ssize_t n = pread(fd, buffer, sizeof buffer, 0);
    printf("%s: %zd \"%.*s\"\n", what, n, (int)(n > 0 ? n : 0), buffer);
}

static void efault(const char *what, long result)
{
    printf("%s: %ld %s\n", what, result, result < 0 ? strerror(errno) : "");
    errno = 0;
}

int main(void)
{
    char path[] = "/tmp/emu-io-XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    struct iovec out[3] = {{"alpha ", 6}, {"beta ", 5}, {"gamma", 5}};
    printf("writev: %zd\n", writev(fd, out, 3));
    char a[4], b[8];
    struct iovec in[2] = {{a, sizeof a}, {b, sizeof b}};
    printf("preadv at 2: %zd -> %.4s|%.8s\n", preadv(fd, in, 2, 2), a, b);
    struct iovec patch[2] = {{"AL", 2}, {"PHA", 3}};
    printf("pwritev at 0: %zd\n", pwritev(fd, patch, 2, 0));
    printf("pwritev2 at 11: %zd\n", pwritev2(fd, out + 2, 1, 11, 0));
    lseek(fd, 0, SEEK_SET);
    printf("readv: %zd -> %.4s|%.8s\n", readv(fd, in, 2), a, b);
    printf("preadv2 at -1 (current offset 12): %zd -> %.4s\n", preadv2(fd, in, 1, -1, 0), a);
    show_file(fd, "file");

    int memfd = memfd_create("emu-memfd", MFD_CLOEXEC);
    printf("memfd_create: %s, cloexec %d\n", memfd >= 0 ? "ok" : strerror(errno), fcntl(memfd, F_GETFD));
    off_t offset = 6;
    printf("sendfile from offset 6: %zd, offset now %lld\n", sendfile(memfd, fd, &offset, 5), (long long)offset);
    lseek(fd, 0, SEEK_SET);
    printf("sendfile from the file position: %zd, position now %lld\n", sendfile(memfd, fd, NULL, 6),
           (long long)lseek(fd, 0, SEEK_CUR));
    show_file(memfd, "memfd");
    /* Within one file system: across two, kernels differ (EXDEV or a copy). */
    char copy_path[] = "/tmp/emu-io-copy-XXXXXX";
    int copy = mkstemp(copy_path);
    unlink(copy_path);
    pwrite(copy, "0123456789", 10, 0);
    loff_t in_offset = 6, out_offset = 2;
    printf("copy_file_range: %zd, offsets %lld %lld\n", copy_file_range(fd, &in_offset, copy, &out_offset, 5, 0),
           (long long)in_offset, (long long)out_offset);
    show_file(copy, "copy");
    lseek(fd, 0, SEEK_SET);
    printf("copy_file_range at the file positions: %zd, position %lld\n",
           copy_file_range(fd, NULL, copy, NULL, 5, 0), (long long)lseek(fd, 0, SEEK_CUR));
    show_file(copy, "copy");
    close(copy);
    printf("ftruncate to 8: %d\n", ftruncate(fd, 8));
    printf("fallocate 4096: %d\n", fallocate(fd, 0, 0, 4096));
    struct stat st;
    fstat(fd, &st);
    printf("size after fallocate: %lld\n", (long long)st.st_size);
    printf("fsync %d, fdatasync %d, syncfs %d\n", fsync(fd), fdatasync(fd), syncfs(fd));
    struct statfs fs;
    printf("fstatfs: %d, names up to 255 or more: %s\n", fstatfs(fd, &fs), fs.f_namelen >= 255 ? "yes" : "no");

    int pipe_fds[2];
    printf("pipe2 O_CLOEXEC|O_NONBLOCK: %d, cloexec %d, nonblock %s\n", pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK),
           fcntl(pipe_fds[0], F_GETFD), (fcntl(pipe_fds[0], F_GETFL) & O_NONBLOCK) ? "yes" : "no");
    errno = 0;
    char byte;
    printf("read from an empty non-blocking pipe: %zd (%s)\n", read(pipe_fds[0], &byte, 1), strerror(errno));
    printf("dup3 to 30 with O_CLOEXEC: %d, cloexec %d\n", dup3(fd, 30, O_CLOEXEC), fcntl(30, F_GETFD));

    /* Bad pointers: every one is EFAULT. */
    /* The compiler must not see the bad pointer's value. */
    void *volatile bad_pointer = (void *)8;
    void *bad = bad_pointer;
    errno = 0;
    efault("read into a bad buffer", syscall(SYS_read, fd, bad, 4));
    efault("writev with a bad iovec", syscall(SYS_writev, fd, bad, 1));
    struct iovec bad_vector = {bad, 4};
    efault("pwritev from a bad buffer", (long)pwritev(fd, &bad_vector, 1, 0));
    efault("sendfile with a bad offset", (long)sendfile(memfd, fd, bad, 1));
    efault("fstatfs into a bad buffer", syscall(SYS_fstatfs, fd, bad));
    efault("pipe2 into a bad array", syscall(SYS_pipe2, bad, 0));
    efault("ppoll with bad fds", syscall(SYS_ppoll, bad, 1, NULL, NULL, 8));
    efault("epoll_ctl with a bad event", syscall(SYS_epoll_ctl, syscall(SYS_epoll_create1, 0), 1, fd, bad));
    efault("socketpair into a bad array", syscall(SYS_socketpair, 1, 1, 0, bad));
    efault("openat with a bad path", syscall(SYS_openat, AT_FDCWD, bad, O_RDONLY));
    efault("clock_nanosleep with a bad request", syscall(SYS_clock_nanosleep, 1, 0, bad, NULL));
    efault("timerfd_settime with a bad value", syscall(SYS_timerfd_settime, syscall(SYS_timerfd_create, 1, 0), 0,
                                                       bad, NULL));
    efault("sendmsg with a bad header", syscall(SYS_sendmsg, pipe_fds[1], bad, 0));
    efault("getsockopt with a bad length", syscall(SYS_getsockopt, 0, 1, 3, bad, bad));
    void *hole = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(hole, 4096);
    efault("mremap of unmapped memory", (long)mremap(hole, 4096, 8192, MREMAP_MAYMOVE));
    close(fd);
    close(memfd);
    return 0;
}
