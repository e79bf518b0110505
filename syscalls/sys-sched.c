/* Scheduling policy and priority.  struct sched_param (one int), struct
 * timespec and struct sched_attr (fixed-width fields, sized by its first
 * member) are laid out alike on every 64-bit Linux, so they pass through
 * checked guest buffers. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "guest-memory.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* The raw syscall: the kernel answers 20 - nice (1..40), which the guest's C
 * library turns into the nice value itself. */
SYSCALL_HANDLER(getpriority)
{
    (void)process;
    return guest_result(syscall(SYS_getpriority, (int)args[0], (id_t)args[1]));
}

SYSCALL_HANDLER(setpriority)
{
    (void)process;
    return guest_result(syscall(SYS_setpriority, (int)args[0], (id_t)args[1], (int)args[2]));
}

SYSCALL_HANDLER(sched_getparam)
{
    (void)process;
    struct sched_param param;
    if (syscall(SYS_sched_getparam, (pid_t)args[0], &param) != 0)
        return fail(errno);
    return copy_to_guest(args[1], &param, sizeof param) != 0 ? fail(EFAULT) : 0;
}

SYSCALL_HANDLER(sched_setparam)
{
    (void)process;
    struct sched_param param;
    if (copy_from_guest(&param, args[1], sizeof param) != 0)
        return fail(EINVAL); /* the kernel's answer to an unreadable param */
    return guest_result(syscall(SYS_sched_setparam, (pid_t)args[0], &param));
}

SYSCALL_HANDLER(sched_getscheduler)
{
    (void)process;
    return guest_result(syscall(SYS_sched_getscheduler, (pid_t)args[0]));
}

SYSCALL_HANDLER(sched_setscheduler)
{
    (void)process;
    struct sched_param param;
    if (copy_from_guest(&param, args[2], sizeof param) != 0)
        return fail(EINVAL);
    /* SCHED_* and SCHED_RESET_ON_FORK are the same numbers for every Linux */
    return guest_result(syscall(SYS_sched_setscheduler, (pid_t)args[0], (int)args[1], &param));
}

SYSCALL_HANDLER(sched_get_priority_max)
{
    (void)process;
    return guest_result(syscall(SYS_sched_get_priority_max, (int)args[0]));
}

SYSCALL_HANDLER(sched_get_priority_min)
{
    (void)process;
    return guest_result(syscall(SYS_sched_get_priority_min, (int)args[0]));
}

SYSCALL_HANDLER(sched_rr_get_interval)
{
    (void)process;
    struct timespec interval;
    if (syscall(SYS_sched_rr_get_interval, (pid_t)args[0], &interval) != 0)
        return fail(errno);
    return copy_to_guest(args[1], &interval, sizeof interval) != 0 ? fail(EFAULT) : 0;
}

/* The kernel reads attr->size first; an unreadable attr is EFAULT. */
#define SCHED_ATTR_SIZE_VER0 48
#define SCHED_ATTR_SIZE_LIMIT 4096 /* the kernel's bound: a page */

SYSCALL_HANDLER(sched_setattr)
{
    (void)process;
    uint32_t size;
    if (!args[1])
        return fail(EINVAL);
    if (copy_from_guest(&size, args[1], sizeof size) != 0)
        return fail(EFAULT);
    if (size == 0)
        size = SCHED_ATTR_SIZE_VER0;
    if (size > SCHED_ATTR_SIZE_LIMIT)
        size = SCHED_ATTR_SIZE_LIMIT; /* the host finds the bad size itself */
    int64_t error;
    void *attr = guest_buffer(args[1], size, PROT_READ, &error);
    return attr ? guest_result(syscall(SYS_sched_setattr, (pid_t)args[0], attr, (unsigned)args[2])) : error;
}

SYSCALL_HANDLER(sched_getattr)
{
    (void)process;
    /* the kernel zero-fills all of size, so all of it must be writable */
    if (!args[1] || args[2] > SCHED_ATTR_SIZE_LIMIT)
        return fail(EINVAL);
    int64_t error;
    void *attr = guest_buffer(args[1], args[2], PROT_WRITE, &error);
    if (!attr)
        return error;
    return guest_result(syscall(SYS_sched_getattr, (pid_t)args[0], attr, (unsigned)args[2], (unsigned)args[3]));
}
