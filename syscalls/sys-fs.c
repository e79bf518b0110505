/* Paths and file metadata: guest paths go through guest_path (sysroot,
 * /proc/self/exe); AT_* flags and dirfds mean the same on guest and host. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "file-structs.h"
#include "guest-memory.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

static int64_t stat_to_guest(uint64_t guest_addr, const struct stat *host)
{
    struct guest_stat guest;
    guest_stat_from_host(&guest, host);
    return copy_to_guest(guest_addr, &guest, sizeof guest) != 0 ? fail(EFAULT) : 0;
}

SYSCALL_HANDLER(fstat)
{
    (void)process;
    struct stat host;
    if (fstat((int)args[0], &host) != 0)
        return fail(errno);
    return stat_to_guest(args[1], &host);
}

SYSCALL_HANDLER(newfstatat)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    if (error)
        return error;
    struct stat host;
    if (fstatat((int)args[0], path, &host, (int)args[3]) != 0)
        return fail(errno);
    return stat_to_guest(args[2], &host);
}

SYSCALL_HANDLER(statx)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    if (error)
        return error;
    struct statx host; /* the same on every Linux: passed through */
    if (statx((int)args[0], path, (int)args[2], (unsigned)args[3], &host) != 0)
        return fail(errno);
    return copy_to_guest(args[4], &host, sizeof host) != 0 ? fail(EFAULT) : 0;
}

SYSCALL_HANDLER(readlinkat)
{
    int64_t size = (int64_t)args[3];
    if ((int)size <= 0)
        return fail(EINVAL);
    int64_t error;
    char *buffer = guest_buffer(args[2], (uint64_t)size, PROT_WRITE, &error);
    if (!buffer)
        return error;
    char raw[PATH_MAX];
    ssize_t length = guest_strnlen(args[1], sizeof raw - 1);
    if (length < 0)
        return fail(EFAULT);
    copy_from_guest(raw, args[1], (size_t)length);
    raw[length] = '\0';
    /* The link names the guest program, not the emulator. */
    if (path_is_proc_self_exe(raw)) {
        size_t exe_length = strlen(process->exe_path);
        size_t copied = exe_length < (size_t)size ? exe_length : (size_t)size;
        memcpy(buffer, process->exe_path, copied);
        return (int64_t)copied;
    }
    char path[PATH_MAX];
    int path_error = guest_path(process, args[1], path, sizeof path);
    if (path_error)
        return path_error;
    return guest_result(readlinkat((int)args[0], path, buffer, (size_t)size));
}

SYSCALL_HANDLER(getcwd)
{
    (void)process;
    char cwd[PATH_MAX];
    size_t size = args[1] < sizeof cwd ? (size_t)args[1] : sizeof cwd;
    /* The raw syscall: its result is the length with the NUL, as the guest expects. */
    long length = syscall(SYS_getcwd, cwd, size);
    if (length < 0)
        return fail(errno);
    return copy_to_guest(args[0], cwd, (size_t)length) != 0 ? fail(EFAULT) : length;
}

SYSCALL_HANDLER(chdir)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[0], path, sizeof path);
    return error ? error : guest_result(chdir(path));
}

SYSCALL_HANDLER(fchdir)
{
    (void)process;
    return guest_result(fchdir((int)args[0]));
}

SYSCALL_HANDLER(faccessat)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    return error ? error : guest_result(syscall(SYS_faccessat, (int)args[0], path, (int)args[2]));
}

SYSCALL_HANDLER(faccessat2)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    return error ? error : guest_result(faccessat((int)args[0], path, (int)args[2], (int)args[3]));
}

SYSCALL_HANDLER(mkdirat)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    return error ? error : guest_result(mkdirat((int)args[0], path, (mode_t)args[2]));
}

SYSCALL_HANDLER(unlinkat)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    return error ? error : guest_result(unlinkat((int)args[0], path, (int)args[2]));
}

SYSCALL_HANDLER(renameat2)
{
    char old_path[PATH_MAX], new_path[PATH_MAX];
    int error = guest_path_pair(process, args, old_path, new_path, sizeof old_path);
    if (error)
        return error;
    return guest_result(renameat2((int)args[0], old_path, (int)args[2], new_path, (unsigned)args[4]));
}

SYSCALL_HANDLER(umask)
{
    (void)process;
    return umask((mode_t)args[0]);
}

SYSCALL_HANDLER(fchmod)
{
    (void)process;
    return guest_result(fchmod((int)args[0], (mode_t)args[1]));
}

SYSCALL_HANDLER(fchmodat)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    return error ? error : guest_result(fchmodat((int)args[0], path, (mode_t)args[2], 0));
}

SYSCALL_HANDLER(fchown)
{
    (void)process;
    return guest_result(fchown((int)args[0], (uid_t)args[1], (gid_t)args[2]));
}

SYSCALL_HANDLER(fchownat)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    return error ? error
                 : guest_result(fchownat((int)args[0], path, (uid_t)args[2], (gid_t)args[3], (int)args[4]));
}

/* The link's contents are stored as given: never rewritten for the sysroot. */
SYSCALL_HANDLER(symlinkat)
{
    char target[PATH_MAX], link_path[PATH_MAX];
    ssize_t length = guest_strnlen(args[0], sizeof target);
    if (length < 0)
        return fail(EFAULT);
    if ((size_t)length >= sizeof target)
        return fail(ENAMETOOLONG);
    copy_from_guest(target, args[0], (size_t)length);
    target[length] = '\0';
    int error = guest_path(process, args[2], link_path, sizeof link_path);
    return error ? error : guest_result(symlinkat(target, (int)args[1], link_path));
}

SYSCALL_HANDLER(linkat)
{
    char old_path[PATH_MAX], new_path[PATH_MAX];
    int error = guest_path_pair(process, args, old_path, new_path, sizeof old_path);
    if (error)
        return error;
    return guest_result(linkat((int)args[0], old_path, (int)args[2], new_path, (int)args[4]));
}

SYSCALL_HANDLER(mknodat)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    return error ? error : guest_result(mknodat((int)args[0], path, (mode_t)args[2], (dev_t)args[3]));
}

SYSCALL_HANDLER(truncate)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[0], path, sizeof path);
    return error ? error : guest_result(truncate(path, (off_t)args[1]));
}

/* A NULL path works on dirfd itself (futimens); NULL times means now. */
SYSCALL_HANDLER(utimensat)
{
    char path[PATH_MAX];
    if (args[1]) {
        int error = guest_path(process, args[1], path, sizeof path);
        if (error)
            return error;
    }
    struct timespec times[2];
    if (args[2]) {
        int error = timespec_from_guest(&times[0], args[2]);
        if (!error)
            error = timespec_from_guest(&times[1], args[2] + sizeof(struct guest_timespec));
        if (error)
            return error;
    }
    return guest_result(
        syscall(SYS_utimensat, (int)args[0], args[1] ? path : NULL, args[2] ? times : NULL, (int)args[3]));
}

static int64_t statfs_to_guest(uint64_t guest_addr, const struct statfs *host)
{
    struct guest_statfs guest;
    guest_statfs_from_host(&guest, host);
    return copy_to_guest(guest_addr, &guest, sizeof guest) != 0 ? fail(EFAULT) : 0;
}

SYSCALL_HANDLER(statfs)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[0], path, sizeof path);
    if (error)
        return error;
    struct statfs host;
    if (statfs(path, &host) != 0)
        return fail(errno);
    return statfs_to_guest(args[1], &host);
}

SYSCALL_HANDLER(fstatfs)
{
    (void)process;
    struct statfs host;
    if (fstatfs((int)args[0], &host) != 0)
        return fail(errno);
    return statfs_to_guest(args[1], &host);
}
