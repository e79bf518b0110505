/* File calls the asm-generic table gained late or keeps beside a newer form
 * for some arches only: renameat, fchmodat2, openat2 (struct open_how),
 * close_range, chroot. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest-memory.h"
#include "linux-user.h"
#include "proc-files.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* x86-64's number, for host headers older than Linux 6.6. */
#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

SYSCALL_HANDLER(renameat)
{
    if (!process->abi || !process->abi->has_renameat)
        return fail(ENOSYS);
    char old_path[PATH_MAX], new_path[PATH_MAX];
    int error = guest_path_pair(process, args, old_path, new_path, sizeof old_path);
    return error ? error : guest_result(renameat((int)args[0], old_path, (int)args[2], new_path));
}

/* fchmodat with flags (AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH: the same
 * everywhere); a host kernel without it answers ENOSYS, which is true. */
SYSCALL_HANDLER(fchmodat2)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    return error ? error
                 : guest_result(syscall(SYS_fchmodat2, (int)args[0], path, (mode_t)args[2], (unsigned)args[3]));
}

/* struct open_how grows by appending: a guest's larger struct is accepted
 * when the part this host does not know is zero, as the kernel does. */
#define OPEN_HOW_SIZE_VER0 24
#define OPEN_HOW_SIZE_LIMIT 4096

static int64_t open_how_from_guest(uint64_t guest_addr, uint64_t size, struct open_how *how)
{
    if (size < OPEN_HOW_SIZE_VER0)
        return fail(EINVAL);
    if (size > OPEN_HOW_SIZE_LIMIT)
        return fail(E2BIG);
    uint8_t raw[OPEN_HOW_SIZE_LIMIT];
    if (copy_from_guest(raw, guest_addr, (size_t)size) != 0)
        return fail(EFAULT);
    for (uint64_t i = OPEN_HOW_SIZE_VER0; i < size; i++)
        if (raw[i] != 0)
            return fail(E2BIG);
    struct open_how guest;
    memcpy(&guest, raw, OPEN_HOW_SIZE_VER0);
    /* the kernel refuses unknown flags; converting would hide them */
    int host_flags = host_open_flags(guest.flags);
    if ((guest.flags >> 32) || guest_open_flags(host_flags) != guest.flags)
        return fail(EINVAL);
    *how = (struct open_how){
        .flags = (uint64_t)(unsigned)host_flags,
        .mode = guest.mode,
        .resolve = guest.resolve, /* RESOLVE_* are the same for every Linux */
    };
    return 0;
}

SYSCALL_HANDLER(openat2)
{
    char path[PATH_MAX];
    struct open_how how;
    int64_t error = guest_path(process, args[1], path, sizeof path);
    if (!error)
        error = open_how_from_guest(args[2], args[3], &how);
    if (error)
        return error;
    int64_t proc_fd; /* /proc/self/maps and the like show the guest */
    if (proc_file_open(process, path, (int)how.flags, &proc_fd))
        return proc_fd;
    return guest_result(syscall(SYS_openat2, (int)args[0], path, &how, sizeof how));
}

/* The guest's descriptors are the host's, as for close. */
SYSCALL_HANDLER(close_range)
{
    (void)process;
    /* CLOSE_RANGE_UNSHARE, CLOSE_RANGE_CLOEXEC are the same for every Linux */
    return guest_result(syscall(SYS_close_range, (unsigned)args[0], (unsigned)args[1], (unsigned)args[2]));
}

/* The host process's root changes; -L still prefixes absolute paths, which
 * then resolve inside the new root, as under QEMU. */
SYSCALL_HANDLER(chroot)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[0], path, sizeof path);
    return error ? error : guest_result(chroot(path));
}
