/* clone: a thread when the address space is shared (CLONE_VM with
 * CLONE_THREAD, what pthread_create asks for), otherwise a process made by
 * the host's fork, whose child carries on with a copy of the cpu.  vfork
 * (CLONE_VM|CLONE_VFORK) is a fork too, as under QEMU: the parent does not
 * wait and the child's writes stay its own, which posix_spawn and
 * vfork+exec users tolerate. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "cpu.h"
#include "guest-memory.h"
#include "linux-user.h"
#include "log.h"
#include "signal-delivery.h"
#include "thread.h"

/* asm-generic CLONE_* (include/uapi/linux/sched.h) */
#define GUEST_CSIGNAL 0x000000ff
#define GUEST_CLONE_VM 0x00000100
#define GUEST_CLONE_FS 0x00000200
#define GUEST_CLONE_FILES 0x00000400
#define GUEST_CLONE_SIGHAND 0x00000800
#define GUEST_CLONE_VFORK 0x00004000
#define GUEST_CLONE_PARENT 0x00008000
#define GUEST_CLONE_THREAD 0x00010000
#define GUEST_CLONE_NEWNS 0x00020000
#define GUEST_CLONE_SYSVSEM 0x00040000
#define GUEST_CLONE_SETTLS 0x00080000
#define GUEST_CLONE_PARENT_SETTID 0x00100000
#define GUEST_CLONE_CHILD_CLEARTID 0x00200000
#define GUEST_CLONE_DETACHED 0x00400000
#define GUEST_CLONE_UNTRACED 0x00800000
#define GUEST_CLONE_CHILD_SETTID 0x01000000

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* What one host thread per guest thread can give: shared memory, files,
 * cwd, signal handlers; every thread flag set pthread_create uses. */
static const uint64_t thread_flags = GUEST_CLONE_VM | GUEST_CLONE_FS | GUEST_CLONE_FILES | GUEST_CLONE_SIGHAND |
                                     GUEST_CLONE_THREAD;
static const uint64_t thread_optional = GUEST_CLONE_SYSVSEM | GUEST_CLONE_SETTLS | GUEST_CLONE_PARENT_SETTID |
                                        GUEST_CLONE_CHILD_CLEARTID | GUEST_CLONE_CHILD_SETTID |
                                        GUEST_CLONE_DETACHED;
/* A fork: the child has copies of everything, only the exit signal and
 * the tid and TLS flags mean something. */
static const uint64_t fork_optional = GUEST_CSIGNAL | GUEST_CLONE_VFORK | GUEST_CLONE_VM | GUEST_CLONE_SETTLS |
                                      GUEST_CLONE_PARENT_SETTID | GUEST_CLONE_CHILD_CLEARTID |
                                      GUEST_CLONE_CHILD_SETTID | GUEST_CLONE_DETACHED | GUEST_CLONE_UNTRACED;

static int64_t clone_process(struct linux_thread *thread, uint64_t flags, uint64_t stack, uint64_t parent_tid,
                             uint64_t tls, uint64_t child_tid)
{
    struct linux_process *process = thread->process;
    /* Nothing may change the address space or the thread list mid-fork. */
    pthread_mutex_lock(&process->memory_lock);
    pthread_mutex_lock(&process->lock);
    pid_t pid = fork();
    if (pid != 0) {
        pthread_mutex_unlock(&process->lock);
        pthread_mutex_unlock(&process->memory_lock);
        if (pid < 0)
            return fail(errno);
        uint32_t tid = (uint32_t)pid;
        if (flags & GUEST_CLONE_PARENT_SETTID)
            copy_to_guest(parent_tid, &tid, sizeof tid);
        return pid;
    }
    thread_after_fork_child(thread);
    signal_after_fork_child(thread->process);
    struct cpu *cpu = thread->cpu;
    uint32_t tid = (uint32_t)thread->tid;
    if (flags & GUEST_CLONE_CHILD_SETTID)
        copy_to_guest(child_tid, &tid, sizeof tid);
    if (flags & GUEST_CLONE_CHILD_CLEARTID)
        thread->clear_child_tid = child_tid;
    /* The child resumes after its clone as the parent does, with 0: the
     * run loop writes the result, so only stack and TLS are set here and
     * a0's 0 comes back as the syscall's result. */
    process->abi->clone_child(cpu, stack, (flags & GUEST_CLONE_SETTLS) != 0, tls);
    return 0;
}

SYSCALL_HANDLER(clone)
{
    uint64_t flags = args[0], stack = args[1], parent_tid = args[2], tls = args[3], child_tid = args[4];
    struct linux_thread *thread = thread_current(process);
    if ((flags & GUEST_CLONE_THREAD) && !(flags & GUEST_CLONE_SIGHAND))
        return fail(EINVAL); /* Linux: a thread shares its handlers */
    if ((flags & GUEST_CLONE_SIGHAND) && !(flags & GUEST_CLONE_VM))
        return fail(EINVAL);
    if ((flags & thread_flags) == thread_flags && !(flags & ~(thread_flags | thread_optional)))
        return thread_create(thread, flags, stack, parent_tid, tls, child_tid);
    if (!(flags & (GUEST_CLONE_THREAD | GUEST_CLONE_SIGHAND | GUEST_CLONE_FS | GUEST_CLONE_FILES)) &&
        !(flags & ~fork_optional) && (!(flags & GUEST_CLONE_VM) || (flags & GUEST_CLONE_VFORK)))
        return clone_process(thread, flags, stack, parent_tid, tls, child_tid);
    if (log_enabled(LOG_UNIMP))
        log_printf("Unsupported clone flags: 0x%llx\n", (unsigned long long)flags);
    return fail(EINVAL);
}
