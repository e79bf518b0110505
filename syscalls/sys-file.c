/* File descriptors and I/O: the guest's fds are the host's fds, so these
 * check the guest buffers and translate flags, then call the host. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "guest-memory.h"
#include "log.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

SYSCALL_HANDLER(read)
{
    (void)process;
    int64_t error;
    void *buffer = guest_buffer(args[1], args[2], PROT_WRITE, &error);
    return buffer ? guest_result(read((int)args[0], buffer, args[2])) : error;
}

SYSCALL_HANDLER(write)
{
    (void)process;
    int64_t error;
    const void *buffer = guest_buffer(args[1], args[2], PROT_READ, &error);
    return buffer ? guest_result(write((int)args[0], buffer, args[2])) : error;
}

SYSCALL_HANDLER(pread64)
{
    (void)process;
    int64_t error;
    void *buffer = guest_buffer(args[1], args[2], PROT_WRITE, &error);
    return buffer ? guest_result(pread((int)args[0], buffer, args[2], (off_t)args[3])) : error;
}

SYSCALL_HANDLER(pwrite64)
{
    (void)process;
    int64_t error;
    const void *buffer = guest_buffer(args[1], args[2], PROT_READ, &error);
    return buffer ? guest_result(pwrite((int)args[0], buffer, args[2], (off_t)args[3])) : error;
}

/* Turns a guest iovec array into host iovecs over checked guest buffers. */
static int64_t host_iovecs(uint64_t guest_iov, uint64_t count, int prot, struct iovec *host)
{
    if (count > IOV_MAX)
        return fail(EINVAL);
    for (uint64_t i = 0; i < count; i++) {
        struct guest_iovec guest;
        if (copy_from_guest(&guest, guest_iov + i * sizeof guest, sizeof guest) != 0)
            return fail(EFAULT);
        int64_t error;
        host[i].iov_base = guest_buffer(guest.base, guest.len, prot, &error);
        host[i].iov_len = guest.len;
        if (!host[i].iov_base)
            return error;
    }
    return 0;
}

SYSCALL_HANDLER(readv)
{
    (void)process;
    struct iovec iov[IOV_MAX];
    int64_t error = host_iovecs(args[1], args[2], PROT_WRITE, iov);
    return error ? error : guest_result(readv((int)args[0], iov, (int)args[2]));
}

SYSCALL_HANDLER(writev)
{
    (void)process;
    struct iovec iov[IOV_MAX];
    int64_t error = host_iovecs(args[1], args[2], PROT_READ, iov);
    return error ? error : guest_result(writev((int)args[0], iov, (int)args[2]));
}

SYSCALL_HANDLER(openat)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    if (error)
        return error;
    return guest_result(openat((int)args[0], path, host_open_flags(args[2]), (mode_t)args[3]));
}

SYSCALL_HANDLER(close)
{
    (void)process;
    return guest_result(close((int)args[0]));
}

SYSCALL_HANDLER(lseek)
{
    (void)process;
    return guest_result(lseek((int)args[0], (off_t)args[1], (int)args[2]));
}

SYSCALL_HANDLER(dup)
{
    (void)process;
    return guest_result(dup((int)args[0]));
}

SYSCALL_HANDLER(dup3)
{
    (void)process;
    return guest_result(dup3((int)args[0], (int)args[1], host_open_flags(args[2])));
}

SYSCALL_HANDLER(pipe2)
{
    (void)process;
    int fds[2];
    if (!guest_range_accessible(args[0], sizeof fds, PROT_WRITE))
        return fail(EFAULT);
    if (pipe2(fds, host_open_flags(args[1])) != 0)
        return fail(errno);
    copy_to_guest(args[0], fds, sizeof fds);
    return 0;
}

SYSCALL_HANDLER(getdents64)
{
    (void)process;
    int64_t error;
    /* struct linux_dirent64 is the same on every Linux. */
    void *buffer = guest_buffer(args[1], args[2], PROT_WRITE, &error);
    return buffer ? guest_result(syscall(SYS_getdents64, (int)args[0], buffer, (unsigned)args[2])) : error;
}

SYSCALL_HANDLER(ftruncate)
{
    (void)process;
    return guest_result(ftruncate((int)args[0], (off_t)args[1]));
}

SYSCALL_HANDLER(fsync)
{
    (void)process;
    return guest_result(fsync((int)args[0]));
}

SYSCALL_HANDLER(fdatasync)
{
    (void)process;
    return guest_result(fdatasync((int)args[0]));
}

/* fcntl: the commands every program uses.  struct flock is the same on
 * every 64-bit Linux, so the lock commands copy it through. */
SYSCALL_HANDLER(fcntl)
{
    (void)process;
    int fd = (int)args[0];
    int command = (int)args[1];
    switch (command) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
        return guest_result(fcntl(fd, command, (int)args[2]));
    case F_GETFD:
        return guest_result(fcntl(fd, F_GETFD));
    case F_SETFD:
        return guest_result(fcntl(fd, F_SETFD, (int)args[2]));
    case F_GETFL: {
        int flags = fcntl(fd, F_GETFL);
        return flags < 0 ? fail(errno) : (int64_t)guest_open_flags(flags);
    }
    case F_SETFL:
        return guest_result(fcntl(fd, F_SETFL, host_open_flags(args[2])));
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW: {
        struct flock lock;
        if (copy_from_guest(&lock, args[2], sizeof lock) != 0)
            return fail(EFAULT);
        if (fcntl(fd, command, &lock) != 0)
            return fail(errno);
        if (command == F_GETLK && copy_to_guest(args[2], &lock, sizeof lock) != 0)
            return fail(EFAULT);
        return 0;
    }
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("Unsupported fcntl command: %d\n", command);
        return fail(EINVAL);
    }
}
