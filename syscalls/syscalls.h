/* The syscall layer's internal interface: the emulated process, the syscall
 * table and the handlers the topic files (sys-*.c) provide. */
#ifndef EMU_SYSCALLS_SYSCALLS_H
#define EMU_SYSCALLS_SYSCALLS_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "guest-structs.h"

struct arch;
struct cpu;
struct emu_options;
struct linux_user_abi;

/* What Linux keeps per process and the host cannot keep for us. */
struct linux_process {
    const struct arch *arch;
    const struct linux_user_abi *abi;
    const struct emu_options *opts;
    struct cpu *cpu;
    char exe_path[PATH_MAX]; /* absolute host path of the guest program */
    uint64_t brk_start;      /* the heap: [brk_start, brk_current) */
    uint64_t brk_current;
    uint64_t clear_child_tid; /* set_tid_address */
    struct emu_sigaction sigactions[GUEST_NSIG + 1];
    uint64_t sigmask; /* the guest's blocked signals, bit n-1 for signal n */
    uint64_t pending; /* sent to itself while blocked */
    struct guest_stack altstack;
};

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
/* sys-time.c */
SYSCALL_HANDLER(clock_gettime);
SYSCALL_HANDLER(clock_getres);
SYSCALL_HANDLER(gettimeofday);
SYSCALL_HANDLER(nanosleep);
SYSCALL_HANDLER(clock_nanosleep);
/* sys-signal.c */
SYSCALL_HANDLER(rt_sigaction);
SYSCALL_HANDLER(rt_sigprocmask);
SYSCALL_HANDLER(sigaltstack);
SYSCALL_HANDLER(kill);
SYSCALL_HANDLER(tkill);
SYSCALL_HANDLER(tgkill);
/* sys-info.c */
SYSCALL_HANDLER(uname);
SYSCALL_HANDLER(sysinfo);
SYSCALL_HANDLER(getrandom);

#endif
