/* Guest threads.  Each guest thread is one host thread with its own struct
 * cpu (and so its own block cache), running linux_user_run.  Guest memory is
 * host memory, so the guest's atomics, futexes and TLS work on the host's
 * own primitives; what the emulator keeps per thread (signal mask, pending
 * signals, clear_child_tid, robust list) lives in struct linux_thread. */
#define _GNU_SOURCE
#include "thread.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cpu.h"
#include "exec.h"
#include "guest-memory.h"
#include "linux-user.h"
#include "signal-delivery.h"

#define GUEST_CLONE_PARENT_SETTID 0x00100000
#define GUEST_CLONE_CHILD_CLEARTID 0x00200000
#define GUEST_CLONE_CHILD_SETTID 0x01000000
#define GUEST_CLONE_SETTLS 0x00080000
#define GUEST_SS_DISABLE 2

__thread struct linux_thread *thread_self;

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

struct linux_thread *thread_current(struct linux_process *process)
{
    return thread_self ? thread_self : &process->main_thread;
}

struct cpu *process_current_cpu(struct linux_process *process) { return thread_current(process)->cpu; }

void thread_register(struct linux_thread *thread)
{
    struct linux_process *process = thread->process;
    thread->tid = (int)gettid();
    thread_self = thread;
    pthread_mutex_lock(&process->lock);
    thread->next = process->threads;
    process->threads = thread;
    process->thread_count++;
    pthread_mutex_unlock(&process->lock);
}

struct linux_thread *thread_find_locked(struct linux_process *process, int tid)
{
    for (struct linux_thread *thread = process->threads; thread; thread = thread->next)
        if (thread->tid == tid)
            return thread;
    return NULL;
}

void process_flush_code(struct linux_process *process)
{
    struct linux_thread *self = thread_current(process);
    cpu_flush_blocks(self->cpu);
    /* Another thread may be inside one of its blocks: it drops them itself
     * at its next block boundary. */
    pthread_mutex_lock(&process->lock);
    for (struct linux_thread *thread = process->threads; thread; thread = thread->next)
        if (thread != self) {
            thread->flush_request = 1;
            thread->cpu->exit_request = 1;
        }
    pthread_mutex_unlock(&process->lock);
}

void thread_host_altstack_install(struct linux_thread *thread)
{
    /* The host fault handler runs on an alternate stack, which is per thread. */
    size_t size = 4 * SIGSTKSZ;
    thread->host_altstack = malloc(size);
    if (!thread->host_altstack)
        return;
    stack_t stack = {.ss_sp = thread->host_altstack, .ss_size = size, .ss_flags = 0};
    sigaltstack(&stack, NULL);
}

/* What the parent hands the new thread, on the parent's stack until the
 * child posts started. */
struct thread_start {
    struct linux_thread *thread;
    uint64_t flags;
    uint64_t stack;
    uint64_t tls;
    uint64_t parent_tid;
    uint64_t child_tid;
    int tid;
    sem_t started;
};

static void *thread_main(void *opaque)
{
    struct thread_start *start = opaque;
    struct linux_thread *thread = start->thread;
    thread_register(thread);
    thread_host_altstack_install(thread);
    uint32_t tid = (uint32_t)thread->tid;
    /* The guest reads these as soon as the clone returns in either thread. */
    if (start->flags & GUEST_CLONE_PARENT_SETTID)
        copy_to_guest(start->parent_tid, &tid, sizeof tid);
    if (start->flags & GUEST_CLONE_CHILD_SETTID)
        copy_to_guest(start->child_tid, &tid, sizeof tid);
    if (start->flags & GUEST_CLONE_CHILD_CLEARTID)
        thread->clear_child_tid = start->child_tid;
    thread->process->abi->clone_child(thread->cpu, start->stack, (start->flags & GUEST_CLONE_SETTLS) != 0,
                                      start->tls);
    start->tid = thread->tid;
    sem_post(&start->started); /* start is gone after this */
    signal_sync_host_mask(thread);
    linux_user_run(thread);
}

int64_t thread_create(struct linux_thread *parent, uint64_t flags, uint64_t stack, uint64_t parent_tid,
                      uint64_t tls, uint64_t child_tid)
{
    struct linux_process *process = parent->process;
    struct linux_thread *thread = calloc(1, sizeof *thread);
    struct cpu *cpu = calloc(1, sizeof *cpu);
    if (!thread || !cpu) {
        free(thread);
        free(cpu);
        return fail(EAGAIN);
    }
    cpu_init(cpu, process->arch, process->opts);
    cpu->env = process;
    cpu->state = parent->cpu->state;
    cpu->pc = parent->cpu->exception.next_pc;
    thread->process = process;
    thread->cpu = cpu;
    thread->sigmask = parent->sigmask;
    /* Linux: a thread sharing the address space starts without an alternate stack. */
    thread->altstack.ss_flags = GUEST_SS_DISABLE;

    struct thread_start start = {thread, flags, stack, tls, parent_tid, child_tid, 0, {{0}}};
    sem_init(&start.started, 0, 0);
    /* The new host thread starts with every signal blocked, and takes the
     * guest's mask once it is registered to receive them. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t host_thread;
    int error = pthread_create(&host_thread, &attr, thread_main, &start);
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (error) {
        sem_destroy(&start.started);
        free(thread);
        free(cpu);
        return fail(EAGAIN);
    }
    while (sem_wait(&start.started) != 0 && errno == EINTR) {
    }
    sem_destroy(&start.started);
    return start.tid;
}

void thread_after_fork_child(struct linux_thread *thread)
{
    struct linux_process *process = thread->process;
    /* Only the forking thread lives on; the locks may have been held by the
     * others at the fork. */
    pthread_mutex_init(&process->lock, NULL);
    pthread_mutex_init(&process->memory_lock, NULL);
    process->threads = thread;
    process->thread_count = 1;
    thread->next = NULL;
    thread->tid = (int)gettid();
}

/* struct robust_list_head of a 64-bit guest (include/uapi/linux/futex.h). */
struct guest_robust_list_head {
    uint64_t next;
    int64_t futex_offset;
    uint64_t op_pending;
};
#define ROBUST_LIST_LIMIT 2048

/* A lock word the dying thread owns: mark the owner dead, wake a waiter
 * (the kernel's handle_futex_death). */
static void release_robust_futex(uint64_t addr, int tid)
{
    if ((addr & 3) || !guest_range_accessible(addr, 4, PROT_READ | PROT_WRITE))
        return;
    uint32_t *word = g2h(addr);
    uint32_t value = __atomic_load_n(word, __ATOMIC_SEQ_CST);
    for (;;) {
        if ((value & FUTEX_TID_MASK) != (uint32_t)tid)
            return;
        uint32_t dead = (value & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
        if (__atomic_compare_exchange_n(word, &value, dead, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
            break;
    }
    if (value & FUTEX_WAITERS)
        syscall(SYS_futex, word, FUTEX_WAKE, 1, NULL, NULL, 0);
}

static void release_robust_list(struct linux_thread *thread)
{
    struct guest_robust_list_head head;
    if (!thread->robust_list || copy_from_guest(&head, thread->robust_list, sizeof head) != 0)
        return;
    uint64_t entry = head.next;
    for (int count = 0; entry != thread->robust_list && count < ROBUST_LIST_LIMIT; count++) {
        uint64_t next;
        uint64_t node = entry & ~UINT64_C(1); /* bit 0 marks a PI futex */
        if (copy_from_guest(&next, node, sizeof next) != 0)
            return;
        if (node != head.op_pending)
            release_robust_futex(node + (uint64_t)head.futex_offset, thread->tid);
        entry = next;
    }
    if (head.op_pending)
        release_robust_futex((head.op_pending & ~UINT64_C(1)) + (uint64_t)head.futex_offset, thread->tid);
}

noreturn void thread_exit(struct linux_thread *thread, int status)
{
    struct linux_process *process = thread->process;
    /* A dying thread takes no more signals; the host hands process-wide
     * ones to the threads left. */
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    pthread_mutex_lock(&process->lock);
    if (process->thread_count <= 1) {
        pthread_mutex_unlock(&process->lock);
        process_exit(process, status);
    }
    for (struct linux_thread **link = &process->threads; *link; link = &(*link)->next)
        if (*link == thread) {
            *link = thread->next;
            break;
        }
    process->thread_count--;
    pthread_mutex_unlock(&process->lock);

    release_robust_list(thread);
    uint32_t zero = 0;
    if (thread->clear_child_tid && copy_to_guest(thread->clear_child_tid, &zero, sizeof zero) == 0)
        syscall(SYS_futex, g2h(thread->clear_child_tid), FUTEX_WAKE, 1, NULL, NULL, 0);

    cpu_destroy(thread->cpu);
    stack_t disable = {.ss_flags = SS_DISABLE};
    sigaltstack(&disable, NULL);
    free(thread->host_altstack);
    if (thread != &process->main_thread) {
        free(thread->cpu);
        free(thread);
    }
    thread_self = NULL;
    pthread_exit(NULL);
}

SYSCALL_HANDLER(exit) { thread_exit(thread_current(process), (int)args[0]); }

SYSCALL_HANDLER(exit_group)
{
    process_exit(process, (int)args[0]);
}

SYSCALL_HANDLER(gettid)
{
    (void)args;
    (void)process;
    return gettid();
}

SYSCALL_HANDLER(set_tid_address)
{
    thread_current(process)->clear_child_tid = args[0];
    return gettid();
}

SYSCALL_HANDLER(set_robust_list)
{
    if (args[1] != sizeof(struct guest_robust_list_head))
        return fail(EINVAL);
    struct linux_thread *thread = thread_current(process);
    thread->robust_list = args[0];
    thread->robust_list_len = args[1];
    return 0;
}

SYSCALL_HANDLER(get_robust_list)
{
    int tid = (int)args[0];
    uint64_t head = 0, len = 0;
    pthread_mutex_lock(&process->lock);
    struct linux_thread *thread = tid == 0 ? thread_current(process) : thread_find_locked(process, tid);
    if (thread) {
        head = thread->robust_list;
        len = thread->robust_list_len;
    }
    pthread_mutex_unlock(&process->lock);
    if (!thread)
        return fail(ESRCH);
    if (copy_to_guest(args[1], &head, sizeof head) != 0 || copy_to_guest(args[2], &len, sizeof len) != 0)
        return fail(EFAULT);
    return 0;
}
