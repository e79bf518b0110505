/* Clocks and sleeping.  timespec and timeval are two 64-bit words on every
 * 64-bit Linux and clock ids are shared, so values copy straight through. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <sys/mman.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>
#include <time.h>

#include "file-structs.h"
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

/* Interval timers: struct itimerval converted; ITIMER_* are 0/1/2 everywhere.
 * The host delivers the signal (SIGALRM, SIGVTALRM, SIGPROF) to the process. */
SYSCALL_HANDLER(getitimer)
{
    (void)process;
    struct itimerval value;
    if (getitimer((int)args[0], &value) != 0)
        return fail(errno);
    return itimerval_to_guest(args[1], &value);
}

SYSCALL_HANDLER(setitimer)
{
    (void)process;
    struct itimerval value, old;
    if (args[1]) {
        int error = itimerval_from_guest(&value, args[1]);
        if (error)
            return error;
    } else {
        memset(&value, 0, sizeof value); /* Linux takes NULL as a disarm */
    }
    if (args[2] && !guest_range_accessible(args[2], sizeof(struct guest_itimerval), PROT_WRITE))
        return fail(EFAULT);
    if (setitimer((int)args[0], &value, &old) != 0)
        return fail(errno);
    return args[2] ? itimerval_to_guest(args[2], &old) : 0;
}

/* struct sigevent of a 64-bit Linux: sigval, signo, notify, then a union
 * whose first word is the thread id of SIGEV_THREAD_ID; 64 bytes. */
struct guest_sigevent {
    uint64_t value;
    int32_t signo;
    int32_t notify;
    int32_t thread_id;
    int32_t pad[11];
};
_Static_assert(sizeof(struct guest_sigevent) == 64, "sigevent is 64 bytes");

/* POSIX timers: the guest holds the kernel's timer id (an int), as the
 * kernel gives it; C libraries build SIGEV_THREAD on SIGEV_THREAD_ID. */
SYSCALL_HANDLER(timer_create)
{
    (void)process;
    struct guest_sigevent guest;
    struct sigevent host;
    struct sigevent *event = NULL;
    if (args[1]) {
        if (copy_from_guest(&guest, args[1], sizeof guest) != 0)
            return fail(EFAULT);
        memset(&host, 0, sizeof host);
        host.sigev_value.sival_ptr = (void *)(uintptr_t)guest.value;
        host.sigev_signo = guest.signo ? host_signal_from_guest(guest.signo) : 0;
        host.sigev_notify = guest.notify; /* SIGEV_* are 0/1/2/4 everywhere */
        host._sigev_un._tid = guest.thread_id;
        if (guest.signo && !host.sigev_signo)
            return fail(EINVAL);
        event = &host;
    }
    int timer_id;
    if (!guest_range_accessible(args[2], sizeof timer_id, PROT_WRITE))
        return fail(EFAULT);
    if (syscall(SYS_timer_create, (clockid_t)args[0], event, &timer_id) != 0)
        return fail(errno);
    copy_to_guest(args[2], &timer_id, sizeof timer_id);
    return 0;
}

SYSCALL_HANDLER(timer_settime)
{
    (void)process;
    struct itimerspec value, old;
    int error = itimerspec_from_guest(&value, args[2]);
    if (error)
        return error;
    if (args[3] && !guest_range_accessible(args[3], sizeof(struct guest_itimerspec), PROT_WRITE))
        return fail(EFAULT);
    if (syscall(SYS_timer_settime, (int)args[0], (int)args[1], &value, &old) != 0)
        return fail(errno);
    return args[3] ? itimerspec_to_guest(args[3], &old) : 0;
}

SYSCALL_HANDLER(timer_gettime)
{
    (void)process;
    struct itimerspec value;
    if (syscall(SYS_timer_gettime, (int)args[0], &value) != 0)
        return fail(errno);
    return itimerspec_to_guest(args[1], &value);
}

SYSCALL_HANDLER(timer_getoverrun)
{
    (void)process;
    return guest_result(syscall(SYS_timer_getoverrun, (int)args[0]));
}

SYSCALL_HANDLER(timer_delete)
{
    (void)process;
    return guest_result(syscall(SYS_timer_delete, (int)args[0]));
}
