/* Waiting on many descriptors: ppoll, pselect6 and epoll.  Each copies the
 * guest's arrays into host ones, waits in the host, and converts back; the
 * guest's signal mask for the wait becomes the host's for its duration.
 * riscv64 and arm64 have no poll, select or epoll_wait: only these. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "file-structs.h"
#include "guest-memory.h"
#include "syscalls.h"

/* The kernel's sigset_t: what the raw syscalls are told its size is. */
#define KERNEL_SIGSET_SIZE 8
/* Most events one epoll wait hands back: fewer than asked is always allowed. */
#define EPOLL_BATCH 1024

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* An optional timeout the kernel rewrites with the time left. */
struct wait_timeout {
    struct timespec value;
    struct timespec *pointer; /* NULL: wait forever */
};

static int timeout_from_guest(struct wait_timeout *timeout, uint64_t guest_addr)
{
    timeout->pointer = NULL;
    if (guest_addr == 0)
        return 0;
    int error = timespec_from_guest(&timeout->value, guest_addr);
    if (!error)
        timeout->pointer = &timeout->value;
    return error;
}

/* The time left goes back, as Linux does for ppoll and pselect6 (even when the
 * wait failed with EINTR, so a restart waits only the rest). */
static int64_t timeout_to_guest(int64_t result, const struct wait_timeout *timeout, uint64_t guest_addr)
{
    if (timeout->pointer && timespec_to_guest(guest_addr, timeout->pointer) != 0 && result >= 0)
        return fail(EFAULT);
    return result;
}

SYSCALL_HANDLER(ppoll)
{
    (void)process;
    uint64_t guest_fds = args[0], count = args[1];
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && count > limit.rlim_cur)
        return fail(EINVAL);
    struct wait_timeout timeout;
    sigset_t mask_storage, *mask;
    int error = timeout_from_guest(&timeout, args[2]);
    if (!error)
        error = host_sigmask_from_guest(args[3], args[4], &mask_storage, &mask);
    if (error)
        return error;
    struct guest_pollfd *guest = calloc(count ? count : 1, sizeof *guest);
    struct pollfd *host = calloc(count ? count : 1, sizeof *host);
    int64_t result = fail(ENOMEM);
    if (!guest || !host)
        goto out;
    result = fail(EFAULT);
    if (copy_from_guest(guest, guest_fds, count * sizeof *guest) != 0 ||
        !guest_range_accessible(guest_fds, count * sizeof *guest, PROT_WRITE))
        goto out;
    for (uint64_t i = 0; i < count; i++)
        host[i] = (struct pollfd){.fd = guest[i].fd, .events = guest[i].events};
    result = guest_result(syscall(SYS_ppoll, host, (nfds_t)count, timeout.pointer, mask, KERNEL_SIGSET_SIZE));
    if (result >= 0) {
        for (uint64_t i = 0; i < count; i++)
            guest[i].revents = host[i].revents;
        if (copy_to_guest(guest_fds, guest, count * sizeof *guest) != 0)
            result = fail(EFAULT);
    }
    result = timeout_to_guest(result, &timeout, args[2]);
out:
    free(guest);
    free(host);
    return result;
}

/* pselect6's sixth argument: where the mask is and how big. */
struct guest_sigset_argument {
    uint64_t mask;
    uint64_t size;
};

SYSCALL_HANDLER(pselect6)
{
    (void)process;
    int64_t count = (int64_t)(int)args[0];
    if (count < 0)
        return fail(EINVAL);
    /* The kernel clamps to the descriptors that can exist. */
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && (uint64_t)count > limit.rlim_cur)
        count = (int64_t)limit.rlim_cur;
    /* fd_set is a bitmap of 64-bit longs, bit n for descriptor n, on both sides. */
    size_t set_bytes = (size_t)(count + 63) / 64 * 8;
    struct wait_timeout timeout;
    sigset_t mask_storage, *mask = NULL;
    int error = timeout_from_guest(&timeout, args[4]);
    if (error)
        return error;
    if (args[5]) {
        struct guest_sigset_argument argument;
        if (copy_from_guest(&argument, args[5], sizeof argument) != 0)
            return fail(EFAULT);
        error = host_sigmask_from_guest(argument.mask, argument.size, &mask_storage, &mask);
        if (error)
            return error;
    }
    uint8_t *sets[3] = {NULL, NULL, NULL};
    int64_t result = 0;
    for (int i = 0; i < 3 && result == 0; i++) {
        if (!args[1 + i])
            continue;
        sets[i] = calloc(1, set_bytes ? set_bytes : 1);
        if (!sets[i])
            result = fail(ENOMEM);
        else if (copy_from_guest(sets[i], args[1 + i], set_bytes) != 0 ||
                 !guest_range_accessible(args[1 + i], set_bytes, PROT_WRITE))
            result = fail(EFAULT);
    }
    if (result == 0) {
        struct {
            const sigset_t *mask;
            size_t size;
        } host_argument = {mask, KERNEL_SIGSET_SIZE};
        result = guest_result(syscall(SYS_pselect6, (int)count, sets[0], sets[1], sets[2], timeout.pointer,
                                      mask ? &host_argument : NULL));
        for (int i = 0; i < 3 && result >= 0; i++)
            if (sets[i] && copy_to_guest(args[1 + i], sets[i], set_bytes) != 0)
                result = fail(EFAULT);
        result = timeout_to_guest(result, &timeout, args[4]);
    }
    for (int i = 0; i < 3; i++)
        free(sets[i]);
    return result;
}

SYSCALL_HANDLER(epoll_create1)
{
    (void)process;
    /* EPOLL_CLOEXEC is O_CLOEXEC; any other bit is EINVAL, as in Linux. */
    if (args[0] & ~(uint64_t)guest_open_flags(O_CLOEXEC))
        return fail(EINVAL);
    return guest_result(epoll_create1(host_open_flags(args[0])));
}

SYSCALL_HANDLER(epoll_ctl)
{
    (void)process;
    int op = (int)args[1];
    struct epoll_event host;
    /* EPOLL_CTL_DEL ignores the event (since Linux 2.6.9, so NULL is fine). */
    if (op != EPOLL_CTL_DEL) {
        struct guest_epoll_event guest;
        if (copy_from_guest(&guest, args[3], sizeof guest) != 0)
            return fail(EFAULT);
        host_epoll_event_from_guest(&host, &guest); /* EPOLL* bits are the same everywhere */
    }
    return guest_result(epoll_ctl((int)args[0], op, (int)args[2], op != EPOLL_CTL_DEL ? &host : NULL));
}

/* Both epoll waits: epoll_pwait takes milliseconds, epoll_pwait2 a timespec
 * (NULL: wait forever). */
static int64_t epoll_wait_common(const uint64_t *args, const struct timespec *timeout, int timeout_ms,
                                 bool use_timespec)
{
    int max_events = (int)args[2];
    if (max_events <= 0 || (uint64_t)max_events > INT32_MAX / sizeof(struct guest_epoll_event))
        return fail(EINVAL);
    if (!guest_range_accessible(args[1], (uint64_t)max_events * sizeof(struct guest_epoll_event), PROT_WRITE))
        return fail(EFAULT);
    sigset_t mask_storage, *mask;
    int error = host_sigmask_from_guest(args[4], args[5], &mask_storage, &mask);
    if (error)
        return error;
    int batch = max_events < EPOLL_BATCH ? max_events : EPOLL_BATCH;
    struct epoll_event host[EPOLL_BATCH];
    long ready = use_timespec
                     ? syscall(SYS_epoll_pwait2, (int)args[0], host, batch, timeout, mask, KERNEL_SIGSET_SIZE)
                     : syscall(SYS_epoll_pwait, (int)args[0], host, batch, timeout_ms, mask, KERNEL_SIGSET_SIZE);
    if (ready < 0)
        return fail(errno);
    for (long i = 0; i < ready; i++) {
        struct guest_epoll_event guest;
        guest_epoll_event_from_host(&guest, &host[i]);
        if (copy_to_guest(args[1] + (uint64_t)i * sizeof guest, &guest, sizeof guest) != 0)
            return fail(EFAULT);
    }
    return ready;
}

SYSCALL_HANDLER(epoll_pwait)
{
    (void)process;
    return epoll_wait_common(args, NULL, (int)args[3], false);
}

SYSCALL_HANDLER(epoll_pwait2)
{
    (void)process;
    struct timespec timeout;
    if (args[3]) {
        int error = timespec_from_guest(&timeout, args[3]);
        if (error)
            return error;
    }
    return epoll_wait_common(args, args[3] ? &timeout : NULL, 0, true);
}
