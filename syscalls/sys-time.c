/* Clocks and sleeping.  timespec and timeval are two 64-bit words on every
 * 64-bit Linux and clock ids are shared, so values copy straight through. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/time.h>
#include <time.h>

#include "guest-memory.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

SYSCALL_HANDLER(clock_gettime)
{
    (void)process;
    struct timespec now;
    if (clock_gettime((clockid_t)args[0], &now) != 0)
        return fail(errno);
    return copy_to_guest(args[1], &now, sizeof now) != 0 ? fail(EFAULT) : 0;
}

SYSCALL_HANDLER(clock_getres)
{
    (void)process;
    struct timespec resolution;
    if (clock_getres((clockid_t)args[0], &resolution) != 0)
        return fail(errno);
    if (args[1] && copy_to_guest(args[1], &resolution, sizeof resolution) != 0)
        return fail(EFAULT);
    return 0;
}

SYSCALL_HANDLER(gettimeofday)
{
    (void)process;
    struct timeval now;
    struct timezone zone;
    if (gettimeofday(&now, &zone) != 0)
        return fail(errno);
    if (args[0] && copy_to_guest(args[0], &now, sizeof now) != 0)
        return fail(EFAULT);
    if (args[1] && copy_to_guest(args[1], &zone, sizeof zone) != 0)
        return fail(EFAULT);
    return 0;
}

/* The time left after an interruption goes back to the guest. */
static int64_t report_remaining(int64_t result, uint64_t remaining_addr, const struct timespec *remaining)
{
    if (result == -guest_errno_from_host(EINTR) && remaining_addr &&
        copy_to_guest(remaining_addr, remaining, sizeof *remaining) != 0)
        return fail(EFAULT);
    return result;
}

SYSCALL_HANDLER(nanosleep)
{
    (void)process;
    struct timespec request, remaining;
    if (copy_from_guest(&request, args[0], sizeof request) != 0)
        return fail(EFAULT);
    return report_remaining(guest_result(nanosleep(&request, &remaining)), args[1], &remaining);
}

SYSCALL_HANDLER(clock_nanosleep)
{
    (void)process;
    struct timespec request, remaining;
    if (copy_from_guest(&request, args[2], sizeof request) != 0)
        return fail(EFAULT);
    /* The libc call returns the error number itself rather than -1. */
    int error = clock_nanosleep((clockid_t)args[0], (int)args[1], &request, &remaining);
    int64_t result = error ? fail(error) : 0;
    return (args[1] & TIMER_ABSTIME) ? result : report_remaining(result, args[3], &remaining);
}
