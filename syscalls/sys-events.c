/* Descriptors that carry events rather than data: eventfd and timerfd.
 * Their reads and writes are plain 8-byte counters, the same for every
 * guest, so only creation and the timer settings need converting.
 *
 * signalfd is not provided: guest signals are emulated by emu, and a host
 * signalfd would never see them. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/timerfd.h>
#include <time.h>

#include "file-structs.h"
#include "guest-memory.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* EFD_/TFD_ CLOEXEC and NONBLOCK are the open flags; the rest are their own bits. */
static int64_t creation_flags(uint64_t guest_flags, uint64_t own_bits, int *host_flags)
{
    uint64_t open_bits = guest_open_flags(O_CLOEXEC) | guest_open_flags(O_NONBLOCK);
    if (guest_flags & ~(open_bits | own_bits))
        return fail(EINVAL);
    *host_flags = host_open_flags(guest_flags & open_bits) | (int)(guest_flags & own_bits);
    return 0;
}

SYSCALL_HANDLER(eventfd2)
{
    (void)process;
    int flags;
    int64_t error = creation_flags(args[1], EFD_SEMAPHORE, &flags);
    return error ? error : guest_result(eventfd((unsigned)args[0], flags));
}

SYSCALL_HANDLER(timerfd_create)
{
    (void)process;
    int flags;
    int64_t error = creation_flags(args[1], 0, &flags);
    return error ? error : guest_result(timerfd_create((clockid_t)args[0], flags));
}

SYSCALL_HANDLER(timerfd_settime)
{
    (void)process;
    struct itimerspec value, old;
    int error = itimerspec_from_guest(&value, args[2]);
    if (error)
        return error;
    if (args[3] && !guest_range_accessible(args[3], sizeof(struct guest_itimerspec), PROT_WRITE))
        return fail(EFAULT);
    /* TFD_TIMER_ABSTIME and TFD_TIMER_CANCEL_ON_SET are 1 and 2 everywhere. */
    if (timerfd_settime((int)args[0], (int)args[1], &value, &old) != 0)
        return fail(errno);
    return args[3] ? itimerspec_to_guest(args[3], &old) : 0;
}

SYSCALL_HANDLER(timerfd_gettime)
{
    (void)process;
    struct itimerspec value;
    if (timerfd_gettime((int)args[0], &value) != 0)
        return fail(errno);
    return itimerspec_to_guest(args[1], &value);
}
