/* Guest signals: how they arrive (host signals caught and recorded per
 * thread, or posted by the emulator), and how they are delivered at block
 * boundaries (a handler's frame, or the default action). */
#ifndef EMU_SYSCALLS_SIGNAL_DELIVERY_H
#define EMU_SYSCALLS_SIGNAL_DELIVERY_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "syscalls.h"

/* asm-generic signal numbers and constants the delivery code needs. */
enum {
    GUEST_SIGILL = 4,
    GUEST_SIGTRAP = 5,
    GUEST_SIGBUS = 7,
    GUEST_SIGFPE = 8,
    GUEST_SIGKILL = 9,
    GUEST_SIGSEGV = 11,
    GUEST_SIGSTOP = 19,
};
#define GUEST_SIG_DFL 0
#define GUEST_SIG_IGN 1
#define GUEST_SA_NOCLDSTOP 0x00000001u
#define GUEST_SA_NOCLDWAIT 0x00000002u
#define GUEST_SA_SIGINFO 0x00000004u
#define GUEST_SA_ONSTACK 0x08000000u
#define GUEST_SA_RESTART 0x10000000u
#define GUEST_SA_NODEFER 0x40000000u
#define GUEST_SA_RESETHAND 0x80000000u
#define GUEST_SS_ONSTACK 1
#define GUEST_SS_DISABLE 2
#define GUEST_SS_AUTODISARM (1u << 31)
/* si_code values (asm-generic siginfo.h) */
#define GUEST_SI_USER 0
#define GUEST_SI_TKILL (-6)
#define GUEST_ILL_ILLOPC 1
#define GUEST_SEGV_MAPERR 1
#define GUEST_SEGV_ACCERR 2
#define GUEST_BUS_ADRALN 1
#define GUEST_BUS_ADRERR 2
#define GUEST_TRAP_BRKPT 1

static inline uint64_t guest_signal_bit(int signal) { return UINT64_C(1) << (signal - 1); }
#define GUEST_UNBLOCKABLE (guest_signal_bit(GUEST_SIGKILL) | guest_signal_bit(GUEST_SIGSTOP))

/* Process start: catchers for the host signals, and the guest's first
 * dispositions and mask taken over from the host's (what exec keeps). */
void signals_init(struct linux_process *process, struct linux_thread *thread);
/* Whether a guest signal travels as the same host signal.  Not SIGSEGV and
 * SIGBUS (the host fault handler's) nor 32 and 33 (the host C library's):
 * those are posted to the guest thread by the emulator. */
bool signal_via_host(int signal);
/* The calling thread's host mask follows its guest mask (and holds back
 * signals recorded but not yet delivered). */
void signal_sync_host_mask(struct linux_thread *thread);
/* The host side of a guest disposition (rt_sigaction), lock held. */
void signal_apply_host_action(int signal, const struct emu_sigaction *action);
/* Records a signal for a thread of this process and makes it stop at its
 * next block boundary.  Any thread may call it. */
void signal_post(struct linux_thread *thread, const struct guest_siginfo *info);
/* Process-wide: to a thread that does not block it, the caller if it can. */
void signal_post_process(struct linux_process *process, const struct guest_siginfo *info);
/* In a forked child: only the forking thread lives on, so the thread that
 * wakes blocked syscalls for late signals is started again. */
void signal_after_fork_child(struct linux_process *process);
/* Block boundary: delivers the first pending unblocked signal, if any. */
void signal_deliver_pending(struct linux_thread *thread);
/* A synchronous fault: delivered now; blocked or ignored, it kills. */
void signal_deliver_fault(struct linux_thread *thread, const struct guest_siginfo *info);
/* Whether a signal waits that delivery would take now. */
bool signal_pending_deliverable(const struct linux_thread *thread);
/* A syscall returned EINTR: true when it runs again (no handler runs for
 * the signal, or its handler has SA_RESTART and the call restarts). */
bool signal_restarts_syscall(struct linux_thread *thread, uint64_t number);
/* Whether sp lies on the thread's alternate signal stack. */
bool signal_on_altstack(const struct linux_thread *thread, uint64_t sp);
/* Pending for the thread: recorded here plus held by the host. */
uint64_t signal_pending_set(const struct linux_thread *thread);
/* Host sets <-> guest masks. */
void host_sigset_from_guest(sigset_t *set, uint64_t mask);
uint64_t guest_mask_from_host(const sigset_t *set);

#endif
