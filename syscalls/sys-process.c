/* The process and its identity, limits, accounting and futexes.  The guest
 * is one host process, so most of these are the host's answers. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "guest-memory.h"
#include "log.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

SYSCALL_HANDLER(exit)
{
    /* One thread: the last thread's exit ends the process. */
    process_exit(process, (int)args[0]);
}

SYSCALL_HANDLER(exit_group)
{
    process_exit(process, (int)args[0]);
}

#define IDENTITY(name, call)                                                                                           \
    SYSCALL_HANDLER(name)                                                                                              \
    {                                                                                                                  \
        (void)process;                                                                                                 \
        (void)args;                                                                                                    \
        return (int64_t)(call);                                                                                        \
    }
IDENTITY(getpid, getpid())
IDENTITY(getppid, getppid())
IDENTITY(gettid, gettid())
IDENTITY(getuid, getuid())
IDENTITY(geteuid, geteuid())
IDENTITY(getgid, getgid())
IDENTITY(getegid, getegid())

SYSCALL_HANDLER(set_tid_address)
{
    process->clear_child_tid = args[0];
    return gettid();
}

SYSCALL_HANDLER(set_robust_list)
{
    (void)process;
    /* struct robust_list_head of a 64-bit guest; the list matters only when
     * a thread dies holding a lock, and the guest has one thread. */
    return args[1] == 24 ? 0 : fail(EINVAL);
}

/* struct rlimit is the same on every 64-bit Linux, and so are RLIMIT_*. */
static int64_t limits(pid_t pid, int resource, uint64_t new_addr, uint64_t old_addr)
{
    struct rlimit new_limit, old_limit;
    if (new_addr && copy_from_guest(&new_limit, new_addr, sizeof new_limit) != 0)
        return fail(EFAULT);
    if (prlimit(pid, resource, new_addr ? &new_limit : NULL, &old_limit) != 0)
        return fail(errno);
    if (old_addr && copy_to_guest(old_addr, &old_limit, sizeof old_limit) != 0)
        return fail(EFAULT);
    return 0;
}

SYSCALL_HANDLER(prlimit64)
{
    (void)process;
    return limits((pid_t)args[0], (int)args[1], args[2], args[3]);
}

SYSCALL_HANDLER(getrlimit)
{
    (void)process;
    return args[1] ? limits(0, (int)args[0], 0, args[1]) : fail(EFAULT);
}

SYSCALL_HANDLER(setrlimit)
{
    (void)process;
    return args[1] ? limits(0, (int)args[0], args[1], 0) : fail(EFAULT);
}

SYSCALL_HANDLER(getrusage)
{
    (void)process;
    struct rusage usage;
    if (getrusage((int)args[0], &usage) != 0)
        return fail(errno);
    return copy_to_guest(args[1], &usage, sizeof usage) != 0 ? fail(EFAULT) : 0;
}

SYSCALL_HANDLER(times)
{
    (void)process;
    struct tms buffer;
    /* Ticks of 1/100 s on both sides (AT_CLKTCK is 100). */
    clock_t ticks = times(&buffer);
    if (ticks == (clock_t)-1)
        return fail(errno);
    if (args[0] && copy_to_guest(args[0], &buffer, sizeof buffer) != 0)
        return fail(EFAULT);
    return ticks;
}

SYSCALL_HANDLER(sched_yield)
{
    (void)process;
    (void)args;
    return guest_result(sched_yield());
}

SYSCALL_HANDLER(sched_getaffinity)
{
    (void)process;
    uint8_t mask[1024];
    size_t size = args[1] < sizeof mask ? (size_t)args[1] : sizeof mask;
    /* The raw syscall: it returns the bytes written, which the guest expects. */
    long written = syscall(SYS_sched_getaffinity, (pid_t)args[0], size, mask);
    if (written < 0)
        return fail(errno);
    return copy_to_guest(args[2], mask, (size_t)written) != 0 ? fail(EFAULT) : written;
}

/* Futexes run on the host's futex at the guest word's host address: the
 * kernel compares and sleeps exactly as it would for the guest. */
SYSCALL_HANDLER(futex)
{
    (void)process;
    uint64_t uaddr = args[0];
    int op = (int)args[1];
    if (uaddr & 3)
        return fail(EINVAL);
    if (!guest_range_accessible(uaddr, 4, PROT_READ))
        return fail(EFAULT);
    switch (op & FUTEX_CMD_MASK) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
        struct timespec timeout;
        if (args[3] && copy_from_guest(&timeout, args[3], sizeof timeout) != 0)
            return fail(EFAULT);
        return guest_result(syscall(SYS_futex, g2h(uaddr), op, (uint32_t)args[2], args[3] ? &timeout : NULL, NULL,
                                    (uint32_t)args[5]));
    }
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
        return guest_result(syscall(SYS_futex, g2h(uaddr), op, (uint32_t)args[2], NULL, NULL, (uint32_t)args[5]));
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("Unsupported futex operation: %d\n", op);
        return fail(ENOSYS);
    }
}

/* Syscalls the C libraries probe and do without (rseq, membarrier). */
SYSCALL_HANDLER(not_provided)
{
    (void)process;
    (void)args;
    return fail(ENOSYS);
}
