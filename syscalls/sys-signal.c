/* The signal syscalls: dispositions (process-wide), masks, alternate stacks
 * and waits (per thread), sending, and rt_sigreturn.  How signals arrive and
 * are delivered is signal-delivery.c's. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "cpu.h"
#include "guest-memory.h"
#include "linux-user.h"
#include "signal-delivery.h"
#include "thread.h"

#define GUEST_SIGSET_SIZE 8
#define GUEST_MINSIGSTKSZ 2048
#define GUEST_SIG_BLOCK 0
#define GUEST_SIG_UNBLOCK 1
#define GUEST_SIG_SETMASK 2

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

static bool valid_signal(uint64_t signal) { return signal >= 1 && signal <= GUEST_NSIG; }

SYSCALL_HANDLER(rt_sigaction)
{
    uint64_t signal = args[0];
    if (args[3] != GUEST_SIGSET_SIZE || !valid_signal(signal) ||
        (args[1] && (signal == GUEST_SIGKILL || signal == GUEST_SIGSTOP)))
        return fail(EINVAL);
    struct emu_sigaction new_action;
    if (args[1] && sigaction_from_guest(&new_action, args[1]) != 0)
        return fail(EFAULT);
    pthread_mutex_lock(&process->lock);
    struct emu_sigaction old_action = process->sigactions[signal];
    if (args[1]) {
        new_action.mask &= ~GUEST_UNBLOCKABLE;
        process->sigactions[signal] = new_action;
        signal_apply_host_action((int)signal, &new_action);
    }
    pthread_mutex_unlock(&process->lock);
    if (args[2] && sigaction_to_guest(args[2], &old_action) != 0)
        return fail(EFAULT);
    return 0;
}

/* A new mask for the calling thread: the host's follows, and what it
 * unblocked is delivered at the next block boundary. */
static void set_mask(struct linux_thread *thread, uint64_t mask)
{
    thread->sigmask = mask & ~GUEST_UNBLOCKABLE;
    signal_sync_host_mask(thread);
    if (thread->cpu)
        thread->cpu->exit_request = 1;
}

SYSCALL_HANDLER(rt_sigprocmask)
{
    struct linux_thread *thread = thread_current(process);
    int how = (int)args[0];
    if (args[3] != GUEST_SIGSET_SIZE)
        return fail(EINVAL);
    uint64_t set = 0, old = thread->sigmask;
    if (args[1]) {
        if (how != GUEST_SIG_BLOCK && how != GUEST_SIG_UNBLOCK && how != GUEST_SIG_SETMASK)
            return fail(EINVAL);
        if (copy_from_guest(&set, args[1], sizeof set) != 0)
            return fail(EFAULT);
    }
    if (args[2] && copy_to_guest(args[2], &old, sizeof old) != 0)
        return fail(EFAULT);
    if (args[1])
        set_mask(thread, how == GUEST_SIG_BLOCK ? old | set : how == GUEST_SIG_UNBLOCK ? old & ~set : set);
    return 0;
}

SYSCALL_HANDLER(rt_sigpending)
{
    struct linux_thread *thread = thread_current(process);
    if (args[1] != GUEST_SIGSET_SIZE)
        return fail(EINVAL);
    uint64_t pending = signal_pending_set(thread) & thread->sigmask;
    return copy_to_guest(args[0], &pending, sizeof pending) != 0 ? fail(EFAULT) : 0;
}

/* Waits with the guest's temporary mask until a signal is recorded; the
 * run loop then delivers it with the old mask saved in the frame. */
SYSCALL_HANDLER(rt_sigsuspend)
{
    struct linux_thread *thread = thread_current(process);
    uint64_t mask;
    if (args[1] != GUEST_SIGSET_SIZE)
        return fail(EINVAL);
    if (copy_from_guest(&mask, args[0], sizeof mask) != 0)
        return fail(EFAULT);
    if (!thread->suspend_mask_saved) {
        thread->saved_sigmask = thread->sigmask;
        thread->suspend_mask_saved = true;
    }
    thread->sigmask = mask & ~GUEST_UNBLOCKABLE;
    /* Everything blocked while looking, then the host unblocks and waits
     * in one step: no signal slips between the look and the wait. */
    sigset_t all, wait_mask;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    if (!(signal_pending_set(thread) & ~thread->sigmask)) {
        host_sigset_from_guest(&wait_mask, thread->sigmask | __atomic_load_n(&thread->pending, __ATOMIC_SEQ_CST));
        sigsuspend(&wait_mask);
    }
    signal_sync_host_mask(thread);
    return fail(EINTR);
}

SYSCALL_HANDLER(rt_sigtimedwait)
{
    struct linux_thread *thread = thread_current(process);
    uint64_t set;
    struct timespec timeout;
    if (args[3] != GUEST_SIGSET_SIZE)
        return fail(EINVAL);
    if (copy_from_guest(&set, args[0], sizeof set) != 0 ||
        (args[2] && copy_from_guest(&timeout, args[2], sizeof timeout) != 0))
        return fail(EFAULT);
    set &= ~GUEST_UNBLOCKABLE;
    struct guest_siginfo info;
    int signal = 0;
    /* The waited-for signals are blocked in the host while waiting, so
     * they stay queued there for sigtimedwait to take. */
    sigset_t host_set, old;
    host_sigset_from_guest(&host_set, set);
    pthread_sigmask(SIG_BLOCK, &host_set, &old);
    uint64_t recorded = __atomic_load_n(&thread->pending, __ATOMIC_SEQ_CST) & set;
    if (recorded) {
        signal = __builtin_ctzll(recorded) + 1;
        info = thread->pending_info[signal];
        __atomic_fetch_and(&thread->pending, ~guest_signal_bit(signal), __ATOMIC_SEQ_CST);
    } else {
        siginfo_t host_info;
        int host = sigtimedwait(&host_set, &host_info, args[2] ? &timeout : NULL);
        int saved = errno;
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        if (host < 0)
            return fail(saved);
        signal = guest_signal_from_host(host);
        memcpy(&info, &host_info, sizeof info);
        info.si_signo = signal;
    }
    signal_sync_host_mask(thread);
    if (args[1] && copy_to_guest(args[1], &info, sizeof info) != 0)
        return fail(EFAULT);
    return signal;
}

SYSCALL_HANDLER(sigaltstack)
{
    struct linux_thread *thread = thread_current(process);
    uint64_t sp = thread->cpu ? process->abi->stack_pointer(thread->cpu) : 0;
    struct guest_stack new_stack, old_stack = thread->altstack;
    bool on_stack = signal_on_altstack(thread, sp);
    if (args[0]) {
        if (copy_from_guest(&new_stack, args[0], sizeof new_stack) != 0)
            return fail(EFAULT);
        uint32_t mode = (uint32_t)new_stack.ss_flags & ~GUEST_SS_AUTODISARM;
        if (mode != 0 && mode != GUEST_SS_DISABLE && mode != GUEST_SS_ONSTACK)
            return fail(EINVAL);
        if (on_stack)
            return fail(EPERM);
        if (mode == GUEST_SS_DISABLE)
            new_stack = (struct guest_stack){.ss_flags = GUEST_SS_DISABLE};
        else if (new_stack.ss_size < GUEST_MINSIGSTKSZ)
            return fail(ENOMEM);
        else
            new_stack.ss_flags &= (int32_t)GUEST_SS_AUTODISARM;
    }
    if (args[1]) {
        /* Linux: SS_DISABLE when there is none, SS_ONSTACK while on it */
        uint32_t flags = old_stack.ss_size == 0 ? GUEST_SS_DISABLE : on_stack ? GUEST_SS_ONSTACK : 0;
        old_stack.ss_flags = (int32_t)(flags | ((uint32_t)old_stack.ss_flags & GUEST_SS_AUTODISARM));
        if (copy_to_guest(args[1], &old_stack, sizeof old_stack) != 0)
            return fail(EFAULT);
    }
    if (args[0])
        thread->altstack = new_stack;
    return 0;
}

SYSCALL_HANDLER(rt_sigreturn)
{
    (void)args;
    struct linux_thread *thread = thread_current(process);
    uint64_t mask;
    struct guest_stack altstack;
    thread->registers_replaced = true;
    if (!process->abi->restore_signal_frame(thread->cpu, &mask, &altstack))
        process_die_by_signal(process, GUEST_SIGSEGV); /* Linux: a bad frame is a SIGSEGV */
    set_mask(thread, mask);
    uint32_t mode = (uint32_t)altstack.ss_flags & ~GUEST_SS_AUTODISARM;
    if (!signal_on_altstack(thread, process->abi->stack_pointer(thread->cpu)) &&
        (mode == GUEST_SS_DISABLE || (mode == 0 && altstack.ss_size >= GUEST_MINSIGSTKSZ)))
        thread->altstack = mode == GUEST_SS_DISABLE ? (struct guest_stack){.ss_flags = GUEST_SS_DISABLE} : altstack;
    return 0;
}

/* ---- sending ---- */

static struct guest_siginfo sender_info(int signal, int code)
{
    struct guest_siginfo info = {.si_signo = signal, .si_code = code};
    info.fields.sender.pid = getpid();
    info.fields.sender.uid = getuid();
    return info;
}

SYSCALL_HANDLER(kill)
{
    pid_t pid = (pid_t)args[0];
    int signal = (int)args[1];
    if (args[1] != 0 && !valid_signal(args[1]))
        return fail(EINVAL);
    if (signal != 0 && !signal_via_host(signal) && (pid == getpid() || pid == 0)) {
        struct guest_siginfo info = sender_info(signal, GUEST_SI_USER);
        signal_post_process(process, &info);
        return 0;
    }
    return guest_result(kill(pid, host_signal_from_guest(signal)));
}

/* A signal to one thread: through the host, or posted when the host
 * cannot carry it and the thread is ours. */
static int64_t signal_thread(struct linux_process *process, pid_t tgid, pid_t tid, uint64_t signal)
{
    if (signal != 0 && !valid_signal(signal))
        return fail(EINVAL);
    if (tid <= 0 || tgid == 0 || tgid < -1)
        return fail(EINVAL);
    if (signal != 0 && !signal_via_host((int)signal) && (tgid == -1 || tgid == getpid())) {
        struct guest_siginfo info = sender_info((int)signal, GUEST_SI_TKILL);
        pthread_mutex_lock(&process->lock);
        struct linux_thread *thread = thread_find_locked(process, tid);
        pthread_mutex_unlock(&process->lock);
        if (!thread)
            return fail(ESRCH);
        signal_post(thread, &info);
        return 0;
    }
    int host = host_signal_from_guest((int)signal);
    return guest_result(tgid == -1 ? syscall(SYS_tkill, tid, host) : syscall(SYS_tgkill, tgid, tid, host));
}

SYSCALL_HANDLER(tkill) { return signal_thread(process, -1, (pid_t)args[0], args[1]); }

SYSCALL_HANDLER(tgkill) { return signal_thread(process, (pid_t)args[0], (pid_t)args[1], args[2]); }

/* sigqueue: the guest's siginfo travels as the host's (same layout). */
static int64_t queue_info(struct linux_process *process, pid_t tgid, pid_t tid, uint64_t signal, uint64_t info_addr)
{
    struct guest_siginfo info;
    if (!valid_signal(signal))
        return fail(EINVAL);
    if (copy_from_guest(&info, info_addr, sizeof info) != 0)
        return fail(EFAULT);
    info.si_signo = (int32_t)signal;
    if (!signal_via_host((int)signal) && tgid == getpid()) {
        struct linux_thread *thread = NULL;
        if (tid) {
            pthread_mutex_lock(&process->lock);
            thread = thread_find_locked(process, tid);
            pthread_mutex_unlock(&process->lock);
            if (!thread)
                return fail(ESRCH);
            signal_post(thread, &info);
        } else {
            signal_post_process(process, &info);
        }
        return 0;
    }
    siginfo_t host_info;
    memcpy(&host_info, &info, sizeof host_info);
    host_info.si_signo = host_signal_from_guest((int)signal);
    if (tid)
        return guest_result(syscall(SYS_rt_tgsigqueueinfo, tgid, tid, host_info.si_signo, &host_info));
    return guest_result(syscall(SYS_rt_sigqueueinfo, tgid, host_info.si_signo, &host_info));
}

SYSCALL_HANDLER(rt_sigqueueinfo) { return queue_info(process, (pid_t)args[0], 0, args[1], args[2]); }

SYSCALL_HANDLER(rt_tgsigqueueinfo)
{
    return queue_info(process, (pid_t)args[0], (pid_t)args[1], args[2], args[3]);
}
