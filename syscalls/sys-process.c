/* The process and its identity, limits, accounting, waiting for
 * children, groups and sessions, prctl.  The guest is one host process, so
 * most of these are the host's answers. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "guest-memory.h"
#include "log.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

#define IDENTITY(name, call)                                                                                           \
    SYSCALL_HANDLER(name)                                                                                              \
    {                                                                                                                  \
        (void)process;                                                                                                 \
        (void)args;                                                                                                    \
        return (int64_t)(call);                                                                                        \
    }
IDENTITY(getpid, getpid())
IDENTITY(getppid, getppid())
IDENTITY(getuid, getuid())
IDENTITY(geteuid, geteuid())
IDENTITY(getgid, getgid())
IDENTITY(getegid, getegid())

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

/* exit, exit_group, gettid, set_tid_address, set_robust_list: thread.c; futex: futex.c */

/* Syscalls the C libraries probe and do without (rseq, membarrier). */
SYSCALL_HANDLER(not_provided)
{
    (void)process;
    (void)args;
    return fail(ENOSYS);
}

/* A host wait status as the guest's: the layout is the same on every
 * Linux, only the signal numbers inside may differ. */
static int guest_wait_status(int status)
{
    if (WIFSIGNALED(status))
        return (status & ~0x7f) | guest_signal_from_host(WTERMSIG(status));
    if (WIFSTOPPED(status))
        return (status & 0xff) | guest_signal_from_host(WSTOPSIG(status)) << 8 | (status & ~0xffff);
    return status;
}

/* WNOHANG, WUNTRACED, WEXITED, WCONTINUED, WNOWAIT, __WNOTHREAD, __WALL and
 * __WCLONE have the same values on every Linux. */
SYSCALL_HANDLER(wait4)
{
    (void)process;
    uint64_t status_addr = args[1], usage_addr = args[3];
    /* Checked first: the child must not be reaped when its status is lost. */
    if ((status_addr && !guest_range_accessible(status_addr, sizeof(int), PROT_WRITE)) ||
        (usage_addr && !guest_range_accessible(usage_addr, sizeof(struct rusage), PROT_WRITE)))
        return fail(EFAULT);
    int status = 0;
    struct rusage usage;
    pid_t pid = wait4((pid_t)args[0], &status, (int)args[2], usage_addr ? &usage : NULL);
    if (pid < 0)
        return fail(errno);
    if (pid > 0 && status_addr) {
        int guest_status = guest_wait_status(status);
        if (copy_to_guest(status_addr, &guest_status, sizeof guest_status) != 0)
            return fail(EFAULT);
    }
    /* struct rusage is the same on every 64-bit Linux (guest-structs.c). */
    if (usage_addr && copy_to_guest(usage_addr, &usage, sizeof usage) != 0)
        return fail(EFAULT);
    return pid;
}

/* siginfo_t of a SIGCHLD: the 64-bit layout is the same on the asm-generic
 * guests and the host; the signal numbers are the guest's. */
SYSCALL_HANDLER(waitid)
{
    (void)process;
    uint64_t info_addr = args[2], usage_addr = args[4];
    if ((info_addr && !guest_range_accessible(info_addr, sizeof(siginfo_t), PROT_WRITE)) ||
        (usage_addr && !guest_range_accessible(usage_addr, sizeof(struct rusage), PROT_WRITE)))
        return fail(EFAULT);
    siginfo_t info;
    memset(&info, 0, sizeof info);
    struct rusage usage;
    /* The raw syscall: glibc's waitid has no rusage argument. */
    long result = syscall(SYS_waitid, (int)args[0], (id_t)args[1], &info, (int)args[3], usage_addr ? &usage : NULL);
    if (result < 0)
        return fail(errno);
    if (info_addr) {
        if (info.si_signo)
            info.si_signo = guest_signal_from_host(info.si_signo);
        if (info.si_code == CLD_KILLED || info.si_code == CLD_DUMPED || info.si_code == CLD_STOPPED ||
            info.si_code == CLD_TRAPPED)
            info.si_status = guest_signal_from_host(info.si_status);
        if (copy_to_guest(info_addr, &info, sizeof info) != 0)
            return fail(EFAULT);
    }
    if (usage_addr && copy_to_guest(usage_addr, &usage, sizeof usage) != 0)
        return fail(EFAULT);
    return 0;
}

/* Process groups and sessions are the host process's own. */
SYSCALL_HANDLER(setpgid)
{
    (void)process;
    return guest_result(setpgid((pid_t)args[0], (pid_t)args[1]));
}

SYSCALL_HANDLER(getpgid)
{
    (void)process;
    return guest_result(getpgid((pid_t)args[0]));
}

SYSCALL_HANDLER(getsid)
{
    (void)process;
    return guest_result(getsid((pid_t)args[0]));
}

SYSCALL_HANDLER(setsid)
{
    (void)process;
    (void)args;
    return guest_result(setsid());
}

/* gid_t is 32 bits on both sides. */
#define GROUPS_MAX 65536
SYSCALL_HANDLER(getgroups)
{
    (void)process;
    int size = (int)args[0];
    if (size < 0)
        return fail(EINVAL);
    gid_t *groups = size ? calloc((size_t)(size < GROUPS_MAX ? size : GROUPS_MAX), sizeof *groups) : NULL;
    if (size && !groups)
        return fail(ENOMEM);
    int count = getgroups(size < GROUPS_MAX ? size : GROUPS_MAX, groups);
    int64_t result = count < 0 ? fail(errno) : count;
    if (count > 0 && size > 0 && copy_to_guest(args[1], groups, (size_t)count * sizeof *groups) != 0)
        result = fail(EFAULT);
    free(groups);
    return result;
}

SYSCALL_HANDLER(setgroups)
{
    (void)process;
    uint64_t size = args[0];
    if (size > GROUPS_MAX)
        return fail(EINVAL);
    gid_t *groups = calloc(size ? size : 1, sizeof *groups);
    if (!groups)
        return fail(ENOMEM);
    int64_t result = copy_from_guest(groups, args[1], size * sizeof *groups) != 0
                         ? fail(EFAULT)
                         : guest_result(syscall(SYS_setgroups, (size_t)size, groups));
    free(groups);
    return result;
}

/* prctl: the options programs use in passing.  Names are per thread, as
 * on Linux, and the host thread's name is the guest thread's. */
SYSCALL_HANDLER(prctl)
{
    (void)process;
    int option = (int)args[0];
    switch (option) {
    case PR_SET_NAME: {
        char name[16];
        ssize_t length = guest_strnlen(args[1], sizeof name - 1);
        if (length < 0)
            return fail(EFAULT);
        copy_from_guest(name, args[1], (size_t)length);
        name[length] = '\0';
        return guest_result(prctl(PR_SET_NAME, name));
    }
    case PR_GET_NAME: {
        char name[16] = {0};
        if (prctl(PR_GET_NAME, name) != 0)
            return fail(errno);
        return copy_to_guest(args[1], name, sizeof name) != 0 ? fail(EFAULT) : 0;
    }
    case PR_SET_PDEATHSIG: {
        int guest_signal = (int)args[1];
        if (guest_signal < 0 || guest_signal > GUEST_NSIG)
            return fail(EINVAL);
        int host_signal = guest_signal ? host_signal_from_guest(guest_signal) : 0;
        if (guest_signal && host_signal <= 0)
            return fail(EINVAL);
        return guest_result(prctl(PR_SET_PDEATHSIG, host_signal));
    }
    case PR_GET_PDEATHSIG: {
        int host_signal = 0;
        if (prctl(PR_GET_PDEATHSIG, &host_signal) != 0)
            return fail(errno);
        int guest_signal = host_signal ? guest_signal_from_host(host_signal) : 0;
        return copy_to_guest(args[1], &guest_signal, sizeof guest_signal) != 0 ? fail(EFAULT) : 0;
    }
    /* Plain values in and out, the same on every Linux. */
    case PR_GET_DUMPABLE:
    case PR_SET_DUMPABLE:
    case PR_GET_KEEPCAPS:
    case PR_SET_KEEPCAPS:
    case PR_GET_NO_NEW_PRIVS:
    case PR_SET_NO_NEW_PRIVS:
    case PR_SET_CHILD_SUBREAPER:
    case PR_CAPBSET_READ:
    case PR_GET_TIMERSLACK:
    case PR_SET_TIMERSLACK:
        return guest_result(prctl(option, args[1], args[2], args[3], args[4]));
    case PR_GET_CHILD_SUBREAPER: {
        int value = 0;
        if (prctl(PR_GET_CHILD_SUBREAPER, &value) != 0)
            return fail(errno);
        return copy_to_guest(args[1], &value, sizeof value) != 0 ? fail(EFAULT) : 0;
    }
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("Unsupported prctl option: %d\n", option);
        return fail(EINVAL);
    }
}
