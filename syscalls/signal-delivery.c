/* Guest signal delivery.
 *
 * Arrival.  A guest signal is a host signal of the same number: kill, tgkill
 * and signals from outside all go through the host kernel, which picks the
 * receiving thread by the host masks, and every guest thread's host mask
 * follows its guest mask.  A catcher records the signal in the receiving
 * thread's pending set, holds further ones of that number back in the host
 * (blocked until this one is delivered, so queued real-time signals wait in
 * the kernel), and sets the cpu's exit_request: the thread stops at its next
 * block boundary, and a blocking host syscall returns EINTR.  The signals
 * the host cannot carry for us (signal_via_host) are posted directly.
 *
 * Delivery, at a block boundary of the receiving thread: the default action,
 * or the arch's rt_sigframe on the guest stack (or alternate stack) with the
 * handler's mask applied. */
#define _GNU_SOURCE
#include "signal-delivery.h"

#include "host-fault.h"

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <time.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "cpu.h"
#include "guest-memory.h"
#include "linux-user.h"
#include "log.h"
#include "plugin.h"
#include "thread.h"

enum default_action { ACTION_TERMINATE, ACTION_CORE, ACTION_IGNORE, ACTION_STOP };

/* Linux's default actions (signal(7)); unlisted signals terminate. */
static const struct {
    int signal;
    enum default_action action;
} default_actions[] = {
    {3, ACTION_CORE},    {4, ACTION_CORE},    {5, ACTION_CORE},    {6, ACTION_CORE},    {7, ACTION_CORE},
    {8, ACTION_CORE},    {11, ACTION_CORE},   {24, ACTION_CORE},   {25, ACTION_CORE},   {31, ACTION_CORE},
    {17, ACTION_IGNORE}, {18, ACTION_IGNORE}, {23, ACTION_IGNORE}, {28, ACTION_IGNORE}, {19, ACTION_STOP},
    {20, ACTION_STOP},   {21, ACTION_STOP},   {22, ACTION_STOP},
};

static enum default_action default_action(int signal)
{
    for (size_t i = 0; i < sizeof default_actions / sizeof default_actions[0]; i++)
        if (default_actions[i].signal == signal)
            return default_actions[i].action;
    return ACTION_TERMINATE;
}

/* the host signal the kicker (below) uses; the guest's signal of the same
 * number is posted by the emulator instead */
#define KICK_SIGNAL SIGRTMAX

bool signal_via_host(int signal)
{
    return signal != GUEST_SIGSEGV && signal != GUEST_SIGBUS && signal != 32 && signal != 33 &&
           host_signal_from_guest(signal) > 0 && host_signal_from_guest(signal) != KICK_SIGNAL;
}

/* Host signals a thread never blocks: the fault handler's, and the ones
 * whose blocking would turn an emulator fault into a hang. */
static bool host_never_blocked(int host_signal)
{
    return host_signal == SIGSEGV || host_signal == SIGBUS || host_signal == SIGILL || host_signal == SIGFPE ||
           host_signal == SIGTRAP;
}

void host_sigset_from_guest(sigset_t *set, uint64_t mask)
{
    sigemptyset(set);
    for (int signal = 1; signal <= GUEST_NSIG; signal++) {
        int host = host_signal_from_guest(signal);
        if ((mask & guest_signal_bit(signal)) && signal_via_host(signal) && !host_never_blocked(host))
            sigaddset(set, host);
    }
}

uint64_t guest_mask_from_host(const sigset_t *set)
{
    uint64_t mask = 0;
    for (int host = 1; host <= GUEST_NSIG; host++) {
        int signal = guest_signal_from_host(host);
        if (signal && sigismember(set, host) == 1)
            mask |= guest_signal_bit(signal);
    }
    return mask;
}

/* the kicker (below): posted when a signal lands on a thread in a syscall */
static sem_t kick_wanted;
static bool kicker_started;

static uint64_t load_pending(const struct linux_thread *thread)
{
    return __atomic_load_n(&thread->pending, __ATOMIC_SEQ_CST);
}

void signal_sync_host_mask(struct linux_thread *thread)
{
    sigset_t set;
    host_sigset_from_guest(&set, thread->sigmask | load_pending(thread));
    sigdelset(&set, KICK_SIGNAL); /* the kicker must always get through */
    pthread_sigmask(SIG_SETMASK, &set, NULL);
}

uint64_t signal_pending_set(const struct linux_thread *thread)
{
    sigset_t host;
    uint64_t pending = load_pending(thread);
    if (sigpending(&host) == 0)
        pending |= guest_mask_from_host(&host);
    return pending;
}

/* ---- arrival ---- */

/* Records info for thread; the first of a kind is kept (standard signals
 * do not queue). */
static void record(struct linux_thread *thread, const struct guest_siginfo *info)
{
    uint64_t bit = guest_signal_bit(info->si_signo);
    if (!(load_pending(thread) & bit)) {
        thread->pending_info[info->si_signo] = *info;
        __atomic_fetch_or(&thread->pending, bit, __ATOMIC_SEQ_CST);
    }
    thread->cpu->exit_request = 1;
    if (thread->in_syscall && kicker_started)
        sem_post(&kick_wanted); /* async-signal-safe */
}

/* ---- waking a thread that blocked just after its signal came ----
 * A signal that lands between a thread's pending check and its blocking
 * host syscall was already caught: the syscall would sleep on.  The kicker
 * thread sends such a thread a host-only signal, whose handler does
 * nothing, every millisecond until it leaves the syscall; the syscall ends
 * with EINTR and the guest signal is delivered as if it had interrupted it.
 * (QEMU closes the same window with its safe_syscall assembly.) */

static void kick_catcher(int host_signal) { (void)host_signal; }

static void *kicker(void *arg)
{
    struct linux_process *process = arg;
    for (;;) {
        while (sem_wait(&kick_wanted) != 0)
            ;
        for (bool again = true; again;) {
            struct timespec pause = {0, 1000000};
            nanosleep(&pause, NULL);
            again = false;
            pthread_mutex_lock(&process->lock);
            for (struct linux_thread *t = process->threads; t; t = t->next) {
                if (t->in_syscall && (load_pending(t) & ~t->sigmask)) {
                    syscall(SYS_tgkill, getpid(), t->tid, KICK_SIGNAL);
                    again = true;
                }
            }
            pthread_mutex_unlock(&process->lock);
        }
    }
    return NULL;
}

static void start_kicker(struct linux_process *process)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = kick_catcher; /* no SA_RESTART: blocking calls end */
    sigemptyset(&action.sa_mask);
    sigaction(KICK_SIGNAL, &action, NULL);
    sem_init(&kick_wanted, 0, 0);
    pthread_t id;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old); /* the kicker takes no signals */
    kicker_started = pthread_create(&id, NULL, kicker, process) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (kicker_started)
        pthread_detach(id);
}

void signal_after_fork_child(struct linux_process *process)
{
    if (kicker_started)
        start_kicker(process);
}

static void host_signal_catcher(int host_signal, siginfo_t *host_info, void *context)
{
    int saved_errno = errno;
    struct linux_thread *thread = thread_self;
    int guest = guest_signal_from_host(host_signal);
    if (host_never_blocked(host_signal) && host_info->si_code > 0) {
        /* The emulator itself faulted: let the fault repeat and kill it. */
        signal(host_signal, SIG_DFL);
    } else if (thread && guest) {
        /* siginfo_t is laid out alike on both sides (guest-structs.h) */
        struct guest_siginfo info;
        memcpy(&info, host_info, sizeof info);
        info.si_signo = guest;
        record(thread, &info);
        /* hold the next of this number in the host until this one is delivered */
        sigaddset(&((ucontext_t *)context)->uc_sigmask, host_signal);
    }
    errno = saved_errno;
}

void signal_apply_host_action(int signal, const struct emu_sigaction *action)
{
    int host = host_signal_from_guest(signal);
    if (!signal_via_host(signal) || signal == GUEST_SIGKILL || signal == GUEST_SIGSTOP)
        return;
    struct sigaction host_action;
    memset(&host_action, 0, sizeof host_action);
    sigfillset(&host_action.sa_mask);
    /* SIGCHLD's own flags mean the same to the host kernel */
    if (action->flags & GUEST_SA_NOCLDSTOP)
        host_action.sa_flags |= SA_NOCLDSTOP;
    if (action->flags & GUEST_SA_NOCLDWAIT)
        host_action.sa_flags |= SA_NOCLDWAIT;
    enum default_action fallback = default_action(signal);
    if (action->handler == GUEST_SIG_IGN) {
        host_action.sa_handler = SIG_IGN;
    } else if (action->handler == GUEST_SIG_DFL && (fallback == ACTION_IGNORE || fallback == ACTION_STOP)) {
        host_action.sa_handler = SIG_DFL; /* the host ignores or stops as the guest would */
    } else {
        /* no SA_RESTART: a blocking syscall must come back so the guest's
         * handler can run; the run loop restarts it as the guest asked */
        host_action.sa_sigaction = host_signal_catcher;
        host_action.sa_flags |= SA_SIGINFO | SA_ONSTACK;
    }
    sigaction(host, &host_action, NULL);
}

void signals_init(struct linux_process *process, struct linux_thread *thread)
{
    /* a SIGSEGV or SIGBUS sent with kill reaches the guest like any signal */
    host_fault_forward_sent_signals(host_signal_catcher);
    for (int signal = 1; signal <= GUEST_NSIG; signal++) {
        int host = host_signal_from_guest(signal);
        struct sigaction current;
        /* an ignored signal stays ignored across exec, for the guest too */
        if (signal_via_host(signal) && sigaction(host, NULL, &current) == 0 && current.sa_handler == SIG_IGN &&
            !(current.sa_flags & SA_SIGINFO))
            process->sigactions[signal].handler = GUEST_SIG_IGN;
        signal_apply_host_action(signal, &process->sigactions[signal]);
    }
    sigset_t mask;
    pthread_sigmask(SIG_SETMASK, NULL, &mask);
    thread->sigmask = guest_mask_from_host(&mask) & ~GUEST_UNBLOCKABLE;
    signal_sync_host_mask(thread);
    start_kicker(process);
}

void signal_post(struct linux_thread *thread, const struct guest_siginfo *info)
{
    pthread_mutex_lock(&thread->process->lock);
    record(thread, info);
    pthread_mutex_unlock(&thread->process->lock);
}

void signal_post_process(struct linux_process *process, const struct guest_siginfo *info)
{
    struct linux_thread *self = thread_current(process), *target = self;
    uint64_t bit = guest_signal_bit(info->si_signo);
    pthread_mutex_lock(&process->lock);
    if (self->sigmask & bit)
        for (struct linux_thread *thread = process->threads; thread; thread = thread->next)
            if (!(thread->sigmask & bit)) {
                target = thread;
                break;
            }
    record(target, info);
    pthread_mutex_unlock(&process->lock);
}

/* ---- delivery ---- */

/* The signal delivery takes next: synchronous ones first, as Linux. */
static int next_signal(const struct linux_thread *thread)
{
    uint64_t deliverable = load_pending(thread) & ~thread->sigmask;
    if (!deliverable)
        return 0;
    static const int synchronous[] = {GUEST_SIGSEGV, GUEST_SIGBUS, GUEST_SIGILL, GUEST_SIGTRAP, GUEST_SIGFPE};
    for (size_t i = 0; i < sizeof synchronous / sizeof synchronous[0]; i++)
        if (deliverable & guest_signal_bit(synchronous[i]))
            return synchronous[i];
    return __builtin_ctzll(deliverable) + 1;
}

bool signal_pending_deliverable(const struct linux_thread *thread) { return next_signal(thread) != 0; }

static bool runs_handler(const struct emu_sigaction *action) { return action->handler > GUEST_SIG_IGN; }

bool signal_on_altstack(const struct linux_thread *thread, uint64_t sp)
{
    const struct guest_stack *stack = &thread->altstack;
    return stack->ss_size != 0 && sp > stack->ss_sp && sp - stack->ss_sp <= stack->ss_size;
}

static noreturn void die(struct linux_thread *thread, int signal)
{
    process_die_by_signal(thread->process, signal);
}

/* Builds the frame and enters the handler (setup_rt_frame); plugins see a
 * discontinuity of the kind given (a fault's exception, or an interrupt). */
static void enter_handler(struct linux_thread *thread, const struct guest_siginfo *info,
                          const struct emu_sigaction *action, enum qemu_plugin_discon_type discontinuity)
{
    uint64_t from_pc = thread->cpu->pc;
    const struct linux_user_abi *abi = thread->process->abi;
    int signal = info->si_signo;
    uint64_t sp = abi->stack_pointer(thread->cpu);
    struct signal_frame_args frame = {
        .signal = signal,
        .info = info,
        .handler = action->handler,
        .stack_top = sp,
        .saved_mask = thread->suspend_mask_saved ? thread->saved_sigmask : thread->sigmask,
        .saved_altstack = thread->altstack,
        .restorer = thread->process->sigreturn_trampoline,
    };
    if ((action->flags & GUEST_SA_ONSTACK) && thread->altstack.ss_size != 0 && !signal_on_altstack(thread, sp)) {
        frame.stack_top = thread->altstack.ss_sp + thread->altstack.ss_size;
        if ((uint32_t)thread->altstack.ss_flags & GUEST_SS_AUTODISARM)
            thread->altstack = (struct guest_stack){.ss_flags = GUEST_SS_DISABLE};
    }
    thread->suspend_mask_saved = false;
    if (!abi->setup_signal_frame(thread->cpu, &frame))
        die(thread, GUEST_SIGSEGV); /* Linux: force_sigsegv, the frame cannot be written */
    uint64_t mask = thread->sigmask | action->mask;
    if (!(action->flags & GUEST_SA_NODEFER))
        mask |= guest_signal_bit(signal);
    thread->sigmask = mask & ~GUEST_UNBLOCKABLE;
    if (plugins_enabled)
        plugin_discontinuity(thread->cpu, discontinuity, from_pc, thread->cpu->pc);
}

/* The action for signal, taken under the lock; SA_RESETHAND resets it. */
static struct emu_sigaction take_action(struct linux_process *process, int signal)
{
    pthread_mutex_lock(&process->lock);
    struct emu_sigaction action = process->sigactions[signal];
    if (runs_handler(&action) && (action.flags & GUEST_SA_RESETHAND)) {
        process->sigactions[signal] = (struct emu_sigaction){.handler = GUEST_SIG_DFL};
        signal_apply_host_action(signal, &process->sigactions[signal]);
    }
    pthread_mutex_unlock(&process->lock);
    return action;
}

static void take_default_action(struct linux_thread *thread, int signal)
{
    switch (default_action(signal)) {
    case ACTION_IGNORE:
        return;
    case ACTION_STOP:
        kill(getpid(), SIGSTOP); /* the host stops us all; SIGCONT resumes */
        return;
    case ACTION_TERMINATE:
    case ACTION_CORE:
        die(thread, signal);
    }
}

void signal_deliver_pending(struct linux_thread *thread)
{
    struct linux_process *process = thread->process;
    int signal;
    while ((signal = next_signal(thread)) != 0) {
        struct guest_siginfo info = thread->pending_info[signal];
        __atomic_fetch_and(&thread->pending, ~guest_signal_bit(signal), __ATOMIC_SEQ_CST);
        struct emu_sigaction action = take_action(process, signal);
        if (action.handler == GUEST_SIG_DFL)
            take_default_action(thread, signal);
        else if (runs_handler(&action)) {
            enter_handler(thread, &info, &action, QEMU_PLUGIN_DISCON_INTERRUPT);
            break; /* one frame at a time: the next waits for the next boundary */
        }
    }
    if (thread->suspend_mask_saved) {
        /* rt_sigsuspend woke for a signal no handler took */
        thread->sigmask = thread->saved_sigmask;
        thread->suspend_mask_saved = false;
    }
    signal_sync_host_mask(thread);
}

void signal_deliver_fault(struct linux_thread *thread, const struct guest_siginfo *info)
{
    int signal = info->si_signo;
    struct emu_sigaction action = take_action(thread->process, signal);
    /* force_sig_fault: a blocked or ignored fault cannot be held, it kills */
    if (!runs_handler(&action) || (thread->sigmask & guest_signal_bit(signal)))
        die(thread, signal);
    enter_handler(thread, info, &action, QEMU_PLUGIN_DISCON_EXCEPTION);
    signal_sync_host_mask(thread);
}

/* Calls Linux never restarts once a handler ran (ERESTARTNOHAND and
 * restart-block calls): asm-generic numbers. */
static const uint64_t no_restart_after_handler[] = {
    22,  /* epoll_pwait */
    72,  /* pselect6 */
    73,  /* ppoll */
    101, /* nanosleep */
    115, /* clock_nanosleep */
    133, /* rt_sigsuspend */
    137, /* rt_sigtimedwait */
    441, /* epoll_pwait2 */
};

bool signal_restarts_syscall(struct linux_thread *thread, uint64_t number)
{
    int signal = next_signal(thread);
    if (signal == 0)
        return true;
    pthread_mutex_lock(&thread->process->lock);
    struct emu_sigaction action = thread->process->sigactions[signal];
    pthread_mutex_unlock(&thread->process->lock);
    if (!runs_handler(&action))
        return true; /* ignored, or it kills: the call goes on as if never interrupted */
    if (!(action.flags & GUEST_SA_RESTART))
        return false;
    for (size_t i = 0; i < sizeof no_restart_after_handler / sizeof no_restart_after_handler[0]; i++)
        if (no_restart_after_handler[i] == number)
            return false;
    return true;
}
