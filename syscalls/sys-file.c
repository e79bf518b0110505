/* File descriptors and I/O: the guest's fds are the host's fds, so these
 * check the guest buffers and translate flags, then call the host. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "file-structs.h"
#include "guest-memory.h"
#include "log.h"
#include "proc-files.h"
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
    int64_t proc_fd; /* /proc/self/maps and the like show the guest */
    if (proc_file_open(process, path, host_open_flags(args[2]), &proc_fd))
        return proc_fd;
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

/* Locks go through struct flock's conversion; the other commands take an
 * int or nothing.  Command numbers are asm-generic's on both sides. */
static int64_t fcntl_lock(int fd, int command, uint64_t guest_addr)
{
    struct guest_flock guest;
    struct flock host;
    if (copy_from_guest(&guest, guest_addr, sizeof guest) != 0)
        return fail(EFAULT);
    host_flock_from_guest(&host, &guest);
    if (fcntl(fd, command, &host) != 0)
        return fail(errno);
    if (command == F_GETLK || command == F_OFD_GETLK) {
        guest_flock_from_host(&guest, &host);
        if (copy_to_guest(guest_addr, &guest, sizeof guest) != 0)
            return fail(EFAULT);
    }
    return 0;
}

/* struct f_owner_ex: int type, pid_t pid on every Linux. */
static int64_t fcntl_owner_ex(int fd, int command, uint64_t guest_addr)
{
    struct f_owner_ex owner;
    if (command == F_SETOWN_EX && copy_from_guest(&owner, guest_addr, sizeof owner) != 0)
        return fail(EFAULT);
    if (fcntl(fd, command, &owner) != 0)
        return fail(errno);
    if (command == F_GETOWN_EX && copy_to_guest(guest_addr, &owner, sizeof owner) != 0)
        return fail(EFAULT);
    return 0;
}

SYSCALL_HANDLER(fcntl)
{
    (void)process;
    int fd = (int)args[0];
    int command = (int)args[1];
    switch (command) {
    case F_GETFL: {
        int flags = fcntl(fd, F_GETFL);
        return flags < 0 ? fail(errno) : (int64_t)guest_open_flags(flags);
    }
    case F_SETFL:
        return guest_result(fcntl(fd, F_SETFL, host_open_flags(args[2])));
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_GETLK:
    case F_OFD_SETLK:
    case F_OFD_SETLKW:
        return fcntl_lock(fd, command, args[2]);
    case F_GETOWN_EX:
    case F_SETOWN_EX:
        return fcntl_owner_ex(fd, command, args[2]);
    case F_SETSIG: {
        int host_signal = args[2] ? host_signal_from_guest((int)args[2]) : 0;
        if (args[2] && !host_signal)
            return fail(EINVAL);
        return guest_result(fcntl(fd, F_SETSIG, host_signal));
    }
    case F_GETSIG: {
        int host_signal = fcntl(fd, F_GETSIG);
        return host_signal < 0 ? fail(errno) : (host_signal ? guest_signal_from_host(host_signal) : 0);
    }
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_SETFD:   /* FD_CLOEXEC is 1 everywhere */
    case F_SETOWN:
    case F_SETLEASE:
    case F_NOTIFY:  /* DN_* bits are the same everywhere */
    case F_SETPIPE_SZ:
    case F_ADD_SEALS: /* F_SEAL_* bits are the same everywhere */
        return guest_result(fcntl(fd, command, (int)args[2]));
    case F_GETFD:
    case F_GETOWN:
    case F_GETLEASE:
    case F_GETPIPE_SZ:
    case F_GET_SEALS:
        return guest_result(fcntl(fd, command));
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("Unsupported fcntl command: %d\n", command);
        return fail(EINVAL);
    }
}

SYSCALL_HANDLER(flock)
{
    (void)process;
    /* LOCK_SH/EX/NB/UN are 1/2/4/8 everywhere. */
    return guest_result(flock((int)args[0], (int)args[1]));
}

/* preadv and pwritev take the offset split in two longs; on a 64-bit guest
 * the low one holds all of it (the kernel's pos_from_hilo). */
static int64_t vector_at(const uint64_t *args, bool writing, int flags)
{
    struct iovec iov[IOV_MAX];
    int64_t error = host_iovecs(args[1], args[2], writing ? PROT_READ : PROT_WRITE, iov);
    if (error)
        return error;
    /* RWF_* flags are the same everywhere. */
    off_t offset = (off_t)args[3];
    return guest_result(writing ? pwritev2((int)args[0], iov, (int)args[2], offset, flags)
                                : preadv2((int)args[0], iov, (int)args[2], offset, flags));
}

SYSCALL_HANDLER(preadv)
{
    (void)process;
    return vector_at(args, false, 0);
}

SYSCALL_HANDLER(pwritev)
{
    (void)process;
    return vector_at(args, true, 0);
}

SYSCALL_HANDLER(preadv2)
{
    (void)process;
    return vector_at(args, false, (int)args[5]);
}

SYSCALL_HANDLER(pwritev2)
{
    (void)process;
    return vector_at(args, true, (int)args[5]);
}

/* An optional in/out file offset (loff_t *): read it, and write it back
 * after the call. */
static int offset_in(uint64_t guest_addr, off_t *offset, off_t **pointer)
{
    *pointer = NULL;
    if (guest_addr == 0)
        return 0;
    int64_t value;
    if (!guest_range_accessible(guest_addr, sizeof value, PROT_READ | PROT_WRITE) ||
        copy_from_guest(&value, guest_addr, sizeof value) != 0)
        return fail(EFAULT);
    *offset = (off_t)value;
    *pointer = offset;
    return 0;
}

static int64_t offset_out(int64_t result, uint64_t guest_addr, const off_t *pointer)
{
    int64_t value = pointer ? (int64_t)*pointer : 0;
    if (pointer && copy_to_guest(guest_addr, &value, sizeof value) != 0)
        return fail(EFAULT);
    return result;
}

SYSCALL_HANDLER(sendfile)
{
    (void)process;
    off_t offset, *pointer;
    int error = offset_in(args[2], &offset, &pointer);
    if (error)
        return error;
    int64_t result = guest_result(sendfile((int)args[0], (int)args[1], pointer, args[3]));
    return offset_out(result, args[2], pointer);
}

SYSCALL_HANDLER(copy_file_range)
{
    (void)process;
    off_t in_offset, out_offset, *in_pointer, *out_pointer;
    int error = offset_in(args[1], &in_offset, &in_pointer);
    if (!error)
        error = offset_in(args[3], &out_offset, &out_pointer);
    if (error)
        return error;
    int64_t result = guest_result(
        copy_file_range((int)args[0], in_pointer, (int)args[2], out_pointer, args[4], (unsigned)args[5]));
    result = offset_out(result, args[1], in_pointer);
    return offset_out(result, args[3], out_pointer);
}

SYSCALL_HANDLER(memfd_create)
{
    (void)process;
    char name[256]; /* the kernel's limit: 249 bytes and the NUL */
    ssize_t length = guest_strnlen(args[0], sizeof name);
    if (length < 0)
        return fail(EFAULT);
    if ((size_t)length >= sizeof name)
        return fail(EINVAL);
    copy_from_guest(name, args[0], (size_t)length);
    name[length] = '\0';
    /* MFD_* bits are the same everywhere. */
    return guest_result(memfd_create(name, (unsigned)args[1]));
}

SYSCALL_HANDLER(fallocate)
{
    (void)process;
    return guest_result(fallocate((int)args[0], (int)args[1], (off_t)args[2], (off_t)args[3]));
}

SYSCALL_HANDLER(fadvise64)
{
    (void)process;
    /* The error number itself comes back, not -1. */
    int error = posix_fadvise((int)args[0], (off_t)args[1], (off_t)args[2], (int)args[3]);
    return error ? fail(error) : 0;
}

SYSCALL_HANDLER(readahead)
{
    (void)process;
    return guest_result(readahead((int)args[0], (off64_t)args[1], args[2]));
}

SYSCALL_HANDLER(sync)
{
    (void)process;
    (void)args;
    sync();
    return 0;
}

SYSCALL_HANDLER(syncfs)
{
    (void)process;
    return guest_result(syncfs((int)args[0]));
}
