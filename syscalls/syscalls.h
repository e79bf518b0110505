/* The syscall layer's internal interface: the emulated process, the syscall
 * table and the handlers the topic files (sys-*.c) provide. */
#ifndef EMU_SYSCALLS_SYSCALLS_H
#define EMU_SYSCALLS_SYSCALLS_H

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "guest-structs.h"

struct arch;
struct cpu;
struct emu_options;
struct linux_user_abi;

/* What Linux keeps per thread and the host cannot keep for us.  One guest
 * thread is one host thread (thread.c); the signal state here is read by
 * the host signal catcher on that thread, hence the atomics. */
struct linux_thread {
    struct linux_process *process;
    struct cpu *cpu;
    int tid;
    uint64_t sigmask;            /* the guest's blocked signals, bit n-1 for signal n */
    uint64_t pending;            /* received, not yet delivered (atomic) */
    struct guest_siginfo pending_info[GUEST_NSIG + 1];
    bool suspend_mask_saved;     /* rt_sigsuspend: the frame saves saved_sigmask */
    uint64_t saved_sigmask;
    struct guest_stack altstack;
    uint64_t clear_child_tid;    /* set_tid_address / CLONE_CHILD_CLEARTID */
    uint64_t robust_list;        /* set_robust_list */
    uint64_t robust_list_len;
    bool registers_replaced;     /* rt_sigreturn ran: no result, no pc advance */
    volatile int flush_request;  /* another thread changed code: drop blocks */
    volatile int in_syscall;     /* between the pending-signal check and the syscall's end */
    void *host_altstack;         /* the host fault handler's stack for this thread */
    struct linux_thread *next;   /* in process->threads */
};

/* What Linux keeps per process and the host cannot keep for us. */
struct linux_process {
    const struct arch *arch;
    const struct linux_user_abi *abi;
    const struct emu_options *opts;
    char exe_path[PATH_MAX]; /* absolute host path of the guest program */
    uint64_t brk_start;      /* the heap: [brk_start, brk_current) */
    uint64_t brk_current;
    uint64_t sigreturn_trampoline; /* guest address of the restorer code */
    /* lock guards the thread list and the sigaction table; memory_lock
     * serialises the syscalls that change the address space. */
    pthread_mutex_t lock;
    pthread_mutex_t memory_lock;
    struct emu_sigaction sigactions[GUEST_NSIG + 1];
    struct linux_thread *threads; /* NULL until the first thread registers */
    int thread_count;
    struct linux_thread main_thread;
};

/* thread.c: the thread running the current syscall (the process's first
 * thread when no thread has registered, as in unit tests). */
struct linux_thread *thread_current(struct linux_process *process);
/* The calling thread's cpu. */
struct cpu *process_current_cpu(struct linux_process *process);
/* Guest code changed: every thread drops its translated blocks (the
 * caller's now, the others at their next block boundary). */
void process_flush_code(struct linux_process *process);

/* How strace shows an argument or a result. */
enum syscall_arg_kind {
    ARG_INT = 0,     /* signed decimal */
    ARG_UINT,        /* unsigned decimal */
    ARG_HEX,         /* flags and pointers: 0x... */
    ARG_FD,
    ARG_DIRFD,       /* AT_FDCWD by name */
    ARG_PATH,        /* a NUL-terminated guest string, quoted */
    ARG_WRITE_BUFFER, /* guest bytes whose length is the next argument */
    ARG_OPEN_FLAGS,
    ARG_MODE,        /* octal */
    ARG_PROT,
    ARG_MMAP_FLAGS,
    ARG_SIGNAL,
};
enum syscall_result_kind { RESULT_INT = 0, RESULT_HEX, RESULT_NONE };

typedef int64_t syscall_handler(struct linux_process *process, const uint64_t *args);

struct syscall_entry {
    uint32_t number;
    const char *name;
    syscall_handler *handler; /* NULL: known by name, not implemented */
    uint8_t arg_count;
    enum syscall_arg_kind args[6];
    enum syscall_result_kind result;
};

/* The entry for a syscall number, NULL when the number means nothing. */
const struct syscall_entry *syscall_lookup(uint64_t number);
/* Runs one guest syscall (strace, counting, ENOSYS for the unknown). */
int64_t syscall_dispatch(struct linux_process *process, uint64_t number, const uint64_t *args);

/* strace.c: the call before it runs, the result after. */
void strace_call(const struct syscall_entry *entry, uint64_t number, const uint64_t *args);
void strace_result(const struct syscall_entry *entry, int64_t result);

/* Dies as the guest would from a signal's default action: message, stats,
 * then the same host signal so the parent sees 128+N. */
noreturn void process_die_by_signal(struct linux_process *process, int guest_signal);
/* Ends the process with the guest's exit status. */
noreturn void process_exit(struct linux_process *process, int status);

/* guest-args.c: a guest path argument as the host path to use (-L sysroot,
 * /proc/self/exe); 0 or -errno. */
int guest_path(const struct linux_process *process, uint64_t guest_addr, char *out, size_t size);
/* The two paths of a call like renameat or linkat (arguments 1 and 3). */
int guest_path_pair(const struct linux_process *process, const uint64_t *args, char *first, char *second, size_t size);
/* Whether a host path names the guest's own executable through /proc. */
bool path_is_proc_self_exe(const char *path);

/* guest-args.c: a guest buffer the host may read or write directly: the whole range
 * mapped with prot.  NULL (and *error = -EFAULT) otherwise. */
void *guest_buffer(uint64_t addr, uint64_t len, int prot, int64_t *error);

#define SYSCALL_HANDLER(name) int64_t sys_##name(struct linux_process *process, const uint64_t *args)

/* sys-file.c: file descriptors and I/O */
SYSCALL_HANDLER(read);
SYSCALL_HANDLER(write);
SYSCALL_HANDLER(readv);
SYSCALL_HANDLER(writev);
SYSCALL_HANDLER(pread64);
SYSCALL_HANDLER(pwrite64);
SYSCALL_HANDLER(openat);
SYSCALL_HANDLER(close);
SYSCALL_HANDLER(lseek);
SYSCALL_HANDLER(dup);
SYSCALL_HANDLER(dup3);
SYSCALL_HANDLER(pipe2);
SYSCALL_HANDLER(fcntl);
SYSCALL_HANDLER(getdents64);
SYSCALL_HANDLER(ftruncate);
SYSCALL_HANDLER(fsync);
SYSCALL_HANDLER(fdatasync);
SYSCALL_HANDLER(flock);
SYSCALL_HANDLER(preadv);
SYSCALL_HANDLER(pwritev);
SYSCALL_HANDLER(preadv2);
SYSCALL_HANDLER(pwritev2);
SYSCALL_HANDLER(sendfile);
SYSCALL_HANDLER(copy_file_range);
SYSCALL_HANDLER(memfd_create);
SYSCALL_HANDLER(fallocate);
SYSCALL_HANDLER(fadvise64);
SYSCALL_HANDLER(readahead);
SYSCALL_HANDLER(sync);
SYSCALL_HANDLER(syncfs);
/* sys-poll.c */
SYSCALL_HANDLER(ppoll);
SYSCALL_HANDLER(pselect6);
SYSCALL_HANDLER(epoll_create1);
SYSCALL_HANDLER(epoll_ctl);
SYSCALL_HANDLER(epoll_pwait);
SYSCALL_HANDLER(epoll_pwait2);
/* sys-events.c */
SYSCALL_HANDLER(eventfd2);
SYSCALL_HANDLER(timerfd_create);
SYSCALL_HANDLER(timerfd_settime);
SYSCALL_HANDLER(timerfd_gettime);
/* sys-socket.c */
SYSCALL_HANDLER(socket);
SYSCALL_HANDLER(socketpair);
SYSCALL_HANDLER(bind);
SYSCALL_HANDLER(listen);
SYSCALL_HANDLER(accept);
SYSCALL_HANDLER(accept4);
SYSCALL_HANDLER(connect);
SYSCALL_HANDLER(getsockname);
SYSCALL_HANDLER(getpeername);
SYSCALL_HANDLER(sendto);
SYSCALL_HANDLER(recvfrom);
SYSCALL_HANDLER(setsockopt);
SYSCALL_HANDLER(getsockopt);
SYSCALL_HANDLER(shutdown);
SYSCALL_HANDLER(sendmsg);
SYSCALL_HANDLER(recvmsg);
SYSCALL_HANDLER(sendmmsg);
SYSCALL_HANDLER(recvmmsg);
/* sys-ioctl.c */
SYSCALL_HANDLER(ioctl);
/* sys-fs.c: paths and metadata */
SYSCALL_HANDLER(fstat);
SYSCALL_HANDLER(newfstatat);
SYSCALL_HANDLER(statx);
SYSCALL_HANDLER(readlinkat);
SYSCALL_HANDLER(getcwd);
SYSCALL_HANDLER(chdir);
SYSCALL_HANDLER(fchdir);
SYSCALL_HANDLER(faccessat);
SYSCALL_HANDLER(faccessat2);
SYSCALL_HANDLER(mkdirat);
SYSCALL_HANDLER(unlinkat);
SYSCALL_HANDLER(renameat2);
SYSCALL_HANDLER(umask);
SYSCALL_HANDLER(fchmod);
SYSCALL_HANDLER(fchmodat);
SYSCALL_HANDLER(fchown);
SYSCALL_HANDLER(fchownat);
SYSCALL_HANDLER(symlinkat);
SYSCALL_HANDLER(linkat);
SYSCALL_HANDLER(mknodat);
SYSCALL_HANDLER(truncate);
SYSCALL_HANDLER(utimensat);
SYSCALL_HANDLER(statfs);
SYSCALL_HANDLER(fstatfs);
/* sys-memory.c */
SYSCALL_HANDLER(brk);
SYSCALL_HANDLER(mmap);
SYSCALL_HANDLER(munmap);
SYSCALL_HANDLER(mprotect);
SYSCALL_HANDLER(madvise);
SYSCALL_HANDLER(mremap);
SYSCALL_HANDLER(riscv_flush_icache);
/* sys-process.c */
SYSCALL_HANDLER(exit);
SYSCALL_HANDLER(exit_group);
SYSCALL_HANDLER(getpid);
SYSCALL_HANDLER(getppid);
SYSCALL_HANDLER(gettid);
SYSCALL_HANDLER(getuid);
SYSCALL_HANDLER(geteuid);
SYSCALL_HANDLER(getgid);
SYSCALL_HANDLER(getegid);
SYSCALL_HANDLER(set_tid_address);
SYSCALL_HANDLER(set_robust_list);
SYSCALL_HANDLER(prlimit64);
SYSCALL_HANDLER(getrlimit);
SYSCALL_HANDLER(setrlimit);
SYSCALL_HANDLER(getrusage);
SYSCALL_HANDLER(times);
SYSCALL_HANDLER(sched_yield);
SYSCALL_HANDLER(sched_getaffinity);
SYSCALL_HANDLER(futex);
SYSCALL_HANDLER(not_provided);
SYSCALL_HANDLER(wait4);
SYSCALL_HANDLER(waitid);
SYSCALL_HANDLER(setpgid);
SYSCALL_HANDLER(getpgid);
SYSCALL_HANDLER(getsid);
SYSCALL_HANDLER(setsid);
SYSCALL_HANDLER(getgroups);
SYSCALL_HANDLER(setgroups);
SYSCALL_HANDLER(prctl);
/* sys-exec.c */
SYSCALL_HANDLER(execve);
SYSCALL_HANDLER(execveat);
/* sys-time.c */
SYSCALL_HANDLER(clock_gettime);
SYSCALL_HANDLER(clock_getres);
SYSCALL_HANDLER(gettimeofday);
SYSCALL_HANDLER(nanosleep);
SYSCALL_HANDLER(clock_nanosleep);
SYSCALL_HANDLER(getitimer);
SYSCALL_HANDLER(setitimer);
SYSCALL_HANDLER(timer_create);
SYSCALL_HANDLER(timer_settime);
SYSCALL_HANDLER(timer_gettime);
SYSCALL_HANDLER(timer_getoverrun);
SYSCALL_HANDLER(timer_delete);
/* sys-signal.c */
SYSCALL_HANDLER(rt_sigaction);
SYSCALL_HANDLER(rt_sigprocmask);
SYSCALL_HANDLER(sigaltstack);
SYSCALL_HANDLER(kill);
SYSCALL_HANDLER(tkill);
SYSCALL_HANDLER(tgkill);
SYSCALL_HANDLER(rt_sigreturn);
SYSCALL_HANDLER(rt_sigsuspend);
SYSCALL_HANDLER(rt_sigpending);
SYSCALL_HANDLER(rt_sigtimedwait);
SYSCALL_HANDLER(rt_sigqueueinfo);
SYSCALL_HANDLER(rt_tgsigqueueinfo);
/* thread.c, sys-clone.c, futex.c (exit, exit_group, gettid, set_tid_address,
 * set_robust_list and futex are declared with sys-process.c above) */
SYSCALL_HANDLER(get_robust_list);
SYSCALL_HANDLER(clone);
/* sys-info.c */
SYSCALL_HANDLER(uname);
SYSCALL_HANDLER(sysinfo);
SYSCALL_HANDLER(getrandom);
SYSCALL_HANDLER(sched_setaffinity);
SYSCALL_HANDLER(getcpu);
/* sys-identity.c */
SYSCALL_HANDLER(getresuid);
SYSCALL_HANDLER(getresgid);
SYSCALL_HANDLER(setuid);
SYSCALL_HANDLER(setgid);
SYSCALL_HANDLER(setreuid);
SYSCALL_HANDLER(setregid);
SYSCALL_HANDLER(setresuid);
SYSCALL_HANDLER(setresgid);
SYSCALL_HANDLER(setfsuid);
SYSCALL_HANDLER(setfsgid);
/* sys-sched.c */
SYSCALL_HANDLER(getpriority);
SYSCALL_HANDLER(setpriority);
SYSCALL_HANDLER(sched_getparam);
SYSCALL_HANDLER(sched_setparam);
SYSCALL_HANDLER(sched_getscheduler);
SYSCALL_HANDLER(sched_setscheduler);
SYSCALL_HANDLER(sched_get_priority_max);
SYSCALL_HANDLER(sched_get_priority_min);
SYSCALL_HANDLER(sched_rr_get_interval);
SYSCALL_HANDLER(sched_setattr);
SYSCALL_HANDLER(sched_getattr);
/* sys-memory-extra.c */
SYSCALL_HANDLER(msync);
SYSCALL_HANDLER(mincore);
SYSCALL_HANDLER(mlock);
SYSCALL_HANDLER(mlock2);
SYSCALL_HANDLER(munlock);
SYSCALL_HANDLER(mlockall);
SYSCALL_HANDLER(munlockall);
/* sys-xattr.c */
SYSCALL_HANDLER(getxattr);
SYSCALL_HANDLER(lgetxattr);
SYSCALL_HANDLER(fgetxattr);
SYSCALL_HANDLER(setxattr);
SYSCALL_HANDLER(lsetxattr);
SYSCALL_HANDLER(fsetxattr);
SYSCALL_HANDLER(listxattr);
SYSCALL_HANDLER(llistxattr);
SYSCALL_HANDLER(flistxattr);
SYSCALL_HANDLER(removexattr);
SYSCALL_HANDLER(lremovexattr);
SYSCALL_HANDLER(fremovexattr);
/* sys-inotify.c */
SYSCALL_HANDLER(inotify_init1);
SYSCALL_HANDLER(inotify_add_watch);
SYSCALL_HANDLER(inotify_rm_watch);
/* sys-splice.c */
SYSCALL_HANDLER(splice);
SYSCALL_HANDLER(tee);
SYSCALL_HANDLER(vmsplice);
SYSCALL_HANDLER(sync_file_range);
/* sys-file-extra.c */
SYSCALL_HANDLER(renameat);
SYSCALL_HANDLER(fchmodat2);
SYSCALL_HANDLER(openat2);
SYSCALL_HANDLER(close_range);
SYSCALL_HANDLER(chroot);
/* sys-pidfd.c */
SYSCALL_HANDLER(pidfd_open);
SYSCALL_HANDLER(pidfd_send_signal);
SYSCALL_HANDLER(pidfd_getfd);
/* sys-process-extra.c */
SYSCALL_HANDLER(process_vm_readv);
SYSCALL_HANDLER(process_vm_writev);
SYSCALL_HANDLER(personality);
/* sys-ipc.c, sys-shm-attach.c: System V IPC */
SYSCALL_HANDLER(shmget);
SYSCALL_HANDLER(shmctl);
SYSCALL_HANDLER(shmat);
SYSCALL_HANDLER(shmdt);
SYSCALL_HANDLER(msgget);
SYSCALL_HANDLER(msgctl);
SYSCALL_HANDLER(msgsnd);
SYSCALL_HANDLER(msgrcv);
SYSCALL_HANDLER(semget);
SYSCALL_HANDLER(semctl);
SYSCALL_HANDLER(semop);
SYSCALL_HANDLER(semtimedop);
/* sys-admin.c: clocks, names, kernel log, capabilities */
SYSCALL_HANDLER(clock_settime);
SYSCALL_HANDLER(settimeofday);
SYSCALL_HANDLER(adjtimex);
SYSCALL_HANDLER(clock_adjtime);
SYSCALL_HANDLER(sethostname);
SYSCALL_HANDLER(setdomainname);
SYSCALL_HANDLER(syslog);
SYSCALL_HANDLER(capget);
SYSCALL_HANDLER(capset);
/* sys-hwprobe.c */
SYSCALL_HANDLER(riscv_hwprobe);

#endif
