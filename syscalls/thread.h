/* Guest threads: one host thread each, with its own cpu and block cache,
 * registered in the process's thread list. */
#ifndef EMU_SYSCALLS_THREAD_H
#define EMU_SYSCALLS_THREAD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "syscalls.h"

/* The guest thread the calling host thread runs; NULL on other threads. */
extern __thread struct linux_thread *thread_self;

/* Makes thread the calling host thread's guest thread and adds it to the
 * process (first thread: at process start; others: at clone). */
void thread_register(struct linux_thread *thread);
/* The thread with tid in this process, or NULL; the caller holds process->lock. */
struct linux_thread *thread_find_locked(struct linux_process *process, int tid);
/* Creates a guest thread running a copy of parent's cpu (clone with
 * CLONE_VM|CLONE_THREAD); returns its tid or -guest_errno. */
int64_t thread_create(struct linux_thread *parent, uint64_t flags, uint64_t stack, uint64_t parent_tid,
                      uint64_t tls, uint64_t child_tid);
/* After fork: the calling thread is the child process's only thread. */
void thread_after_fork_child(struct linux_thread *thread);
/* Ends the calling guest thread (exit): clear_child_tid, robust futexes,
 * then the host thread; the last thread's exit ends the process. */
noreturn void thread_exit(struct linux_thread *thread, int status);
/* A host stack for the host fault handler on the calling thread. */
void thread_host_altstack_install(struct linux_thread *thread);

#endif
