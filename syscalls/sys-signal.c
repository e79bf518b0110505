/* Signal state the guest sets up (actions, mask, alternate stack) and
 * signals it sends itself.  Running guest handlers needs signal frames,
 * which are not written yet: a signal that reaches a guest handler takes its
 * default action instead (and says so under -d unimp). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest-memory.h"
#include "log.h"
#include "syscalls.h"

/* asm-generic signal numbers and constants. */
enum {
    GUEST_SIGKILL = 9,
    GUEST_SIGCHLD = 17,
    GUEST_SIGCONT = 18,
    GUEST_SIGSTOP = 19,
    GUEST_SIGTSTP = 20,
    GUEST_SIGTTIN = 21,
    GUEST_SIGTTOU = 22,
    GUEST_SIGURG = 23,
    GUEST_SIGWINCH = 28,
};
#define GUEST_SIG_DFL 0
#define GUEST_SIG_IGN 1
#define GUEST_SIGSET_SIZE 8
#define GUEST_SS_ONSTACK 1
#define GUEST_SS_DISABLE 2
#define GUEST_SS_AUTODISARM (1u << 31)
#define GUEST_MINSIGSTKSZ 2048

enum default_action { ACTION_TERMINATE, ACTION_IGNORE, ACTION_STOP };

static const struct {
    int signal;
    enum default_action action;
} default_actions[] = {
    {GUEST_SIGCHLD, ACTION_IGNORE}, {GUEST_SIGCONT, ACTION_IGNORE}, {GUEST_SIGURG, ACTION_IGNORE},
    {GUEST_SIGWINCH, ACTION_IGNORE}, {GUEST_SIGSTOP, ACTION_STOP},  {GUEST_SIGTSTP, ACTION_STOP},
    {GUEST_SIGTTIN, ACTION_STOP},   {GUEST_SIGTTOU, ACTION_STOP},
};

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

static uint64_t signal_bit(int signal) { return UINT64_C(1) << (signal - 1); }
static const uint64_t unblockable = (UINT64_C(1) << (GUEST_SIGKILL - 1)) | (UINT64_C(1) << (GUEST_SIGSTOP - 1));

static bool valid_signal(uint64_t signal) { return signal >= 1 && signal <= GUEST_NSIG; }

static void take_default_action(struct linux_process *process, int signal)
{
    enum default_action action = ACTION_TERMINATE;
    for (size_t i = 0; i < sizeof default_actions / sizeof default_actions[0]; i++)
        if (default_actions[i].signal == signal)
            action = default_actions[i].action;
    if (action == ACTION_TERMINATE)
        process_die_by_signal(process, signal);
    if (action == ACTION_STOP)
        raise(host_signal_from_guest(signal)); /* the host stops us; SIGCONT resumes */
}

static void deliver(struct linux_process *process, int signal)
{
    uint64_t handler = process->sigactions[signal].handler;
    if (handler == GUEST_SIG_IGN && signal != GUEST_SIGKILL && signal != GUEST_SIGSTOP)
        return;
    if (handler != GUEST_SIG_DFL && log_enabled(LOG_UNIMP))
        log_printf("signal %d: running guest signal handlers is not supported yet; default action taken\n", signal);
    take_default_action(process, signal);
}

/* A signal the guest sent itself: held while blocked, else delivered now. */
static int64_t signal_self(struct linux_process *process, uint64_t signal)
{
    if (signal == 0)
        return 0;
    if (!valid_signal(signal))
        return fail(EINVAL);
    if (process->sigmask & signal_bit((int)signal)) {
        process->pending |= signal_bit((int)signal);
        return 0;
    }
    deliver(process, (int)signal);
    return 0;
}

static void deliver_unblocked_pending(struct linux_process *process)
{
    for (int signal = 1; signal <= GUEST_NSIG; signal++) {
        uint64_t bit = signal_bit(signal);
        if ((process->pending & bit) && !(process->sigmask & bit)) {
            process->pending &= ~bit;
            deliver(process, signal);
        }
    }
}

SYSCALL_HANDLER(rt_sigaction)
{
    uint64_t signal = args[0];
    if (args[3] != GUEST_SIGSET_SIZE || !valid_signal(signal) ||
        (args[1] && (signal == GUEST_SIGKILL || signal == GUEST_SIGSTOP)))
        return fail(EINVAL);
    struct emu_sigaction new_action;
    if (args[1] && sigaction_from_guest(&new_action, args[1]) != 0)
        return fail(EFAULT);
    if (args[2] && sigaction_to_guest(args[2], &process->sigactions[signal]) != 0)
        return fail(EFAULT);
    if (args[1]) {
        new_action.mask &= ~unblockable;
        process->sigactions[signal] = new_action;
    }
    return 0;
}

SYSCALL_HANDLER(rt_sigprocmask)
{
    int how = (int)args[0];
    if (args[3] != GUEST_SIGSET_SIZE)
        return fail(EINVAL);
    uint64_t set = 0, old = process->sigmask;
    if (args[1]) {
        if (how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
            return fail(EINVAL);
        if (copy_from_guest(&set, args[1], sizeof set) != 0)
            return fail(EFAULT);
    }
    if (args[2] && copy_to_guest(args[2], &old, sizeof old) != 0)
        return fail(EFAULT);
    if (args[1]) {
        uint64_t mask = how == SIG_BLOCK ? old | set : how == SIG_UNBLOCK ? old & ~set : set;
        process->sigmask = mask & ~unblockable;
        deliver_unblocked_pending(process);
    }
    return 0;
}

SYSCALL_HANDLER(sigaltstack)
{
    struct guest_stack new_stack, old_stack = process->altstack;
    if (args[0]) {
        if (copy_from_guest(&new_stack, args[0], sizeof new_stack) != 0)
            return fail(EFAULT);
        uint32_t mode = (uint32_t)new_stack.ss_flags & ~GUEST_SS_AUTODISARM;
        if (mode != 0 && mode != GUEST_SS_DISABLE && mode != GUEST_SS_ONSTACK)
            return fail(EINVAL);
        if (mode == GUEST_SS_DISABLE)
            new_stack = (struct guest_stack){.ss_flags = GUEST_SS_DISABLE};
        else if (new_stack.ss_size < GUEST_MINSIGSTKSZ)
            return fail(ENOMEM);
        else
            new_stack.ss_flags &= (int32_t)GUEST_SS_AUTODISARM; /* never on it: handlers do not run yet */
    }
    if (args[1] && copy_to_guest(args[1], &old_stack, sizeof old_stack) != 0)
        return fail(EFAULT);
    if (args[0])
        process->altstack = new_stack;
    return 0;
}

/* Signals to other processes go to them through the host. */
SYSCALL_HANDLER(kill)
{
    pid_t pid = (pid_t)args[0];
    if (pid == 0 || pid == getpid())
        return signal_self(process, args[1]);
    if (args[1] != 0 && !valid_signal(args[1]))
        return fail(EINVAL);
    return guest_result(kill(pid, host_signal_from_guest((int)args[1])));
}

SYSCALL_HANDLER(tkill)
{
    pid_t tid = (pid_t)args[0];
    if (tid == gettid())
        return signal_self(process, args[1]);
    if (args[1] != 0 && !valid_signal(args[1]))
        return fail(EINVAL);
    return guest_result(syscall(SYS_tkill, tid, host_signal_from_guest((int)args[1])));
}

SYSCALL_HANDLER(tgkill)
{
    pid_t tgid = (pid_t)args[0], tid = (pid_t)args[1];
    if (tgid == getpid() && tid == gettid())
        return signal_self(process, args[2]);
    if (args[2] != 0 && !valid_signal(args[2]))
        return fail(EINVAL);
    return guest_result(tgkill(tgid, tid, host_signal_from_guest((int)args[2])));
}
