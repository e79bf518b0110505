/* Moving data through pipes without copying it through the guest: splice,
 * tee, vmsplice, and sync_file_range (which flushes a file range).  Offsets
 * are guest loff_t pointers read before and written back after; vmsplice's
 * iovecs point into checked guest memory. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/uio.h>

#include "guest-memory.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* SPLICE_F_* and SYNC_FILE_RANGE_* flags are the same for every Linux. */
SYSCALL_HANDLER(splice)
{
    (void)process;
    loff_t offsets[2];
    loff_t *offset_pointers[2] = {NULL, NULL};
    const uint64_t guest_offsets[2] = {args[1], args[3]};
    for (int i = 0; i < 2; i++) {
        if (!guest_offsets[i])
            continue;
        if (copy_from_guest(&offsets[i], guest_offsets[i], sizeof offsets[i]) != 0)
            return fail(EFAULT);
        offset_pointers[i] = &offsets[i];
    }
    ssize_t moved = splice((int)args[0], offset_pointers[0], (int)args[2], offset_pointers[1], (size_t)args[4],
                           (unsigned)args[5]);
    if (moved < 0)
        return fail(errno);
    for (int i = 0; i < 2; i++)
        if (offset_pointers[i] && copy_to_guest(guest_offsets[i], &offsets[i], sizeof offsets[i]) != 0)
            return fail(EFAULT);
    return moved;
}

SYSCALL_HANDLER(tee)
{
    (void)process;
    return guest_result(tee((int)args[0], (int)args[1], (size_t)args[2], (unsigned)args[3]));
}

/* Into a pipe the host reads the guest's buffers; out of one it writes them. */
SYSCALL_HANDLER(vmsplice)
{
    (void)process;
    uint64_t count = args[2];
    if (count > IOV_MAX)
        return fail(EINVAL);
    struct iovec iov[IOV_MAX];
    int prot = PROT_READ;
    int status_flags = fcntl((int)args[0], F_GETFL);
    if (status_flags >= 0 && (status_flags & O_ACCMODE) == O_RDONLY)
        prot = PROT_WRITE;
    for (uint64_t i = 0; i < count; i++) {
        struct guest_iovec guest;
        int64_t error;
        if (copy_from_guest(&guest, args[1] + i * sizeof guest, sizeof guest) != 0)
            return fail(EFAULT);
        void *buffer = guest_buffer(guest.base, guest.len, prot, &error);
        if (!buffer)
            return error;
        iov[i] = (struct iovec){buffer, guest.len};
    }
    return guest_result(vmsplice((int)args[0], iov, count, (unsigned)args[3]));
}

SYSCALL_HANDLER(sync_file_range)
{
    (void)process;
    return guest_result(sync_file_range((int)args[0], (off64_t)args[1], (off64_t)args[2], (unsigned)args[3]));
}
