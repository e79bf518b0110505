/* Linux user mode: the environment that runs one guest program as a process. */
#ifndef EMU_SYSCALLS_LINUX_USER_H
#define EMU_SYSCALLS_LINUX_USER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdnoreturn.h>

#include "guest-structs.h"

struct arch;
struct cpu;
struct emu_options;

/* How a signal handler is entered (signal-delivery.c decides, the arch
 * writes its frame). */
struct signal_frame_args {
    int signal;
    const struct guest_siginfo *info;
    uint64_t handler;
    uint64_t stack_top;                /* the frame goes below: sp, or the alternate stack's top */
    uint64_t saved_mask;               /* restored by rt_sigreturn */
    struct guest_stack saved_altstack; /* the frame's uc_stack */
    uint64_t restorer;                 /* where the handler returns: the sigreturn trampoline */
};

/* The per-arch part of the Linux ABI, implemented in isa-specs/<arch>/. */
struct linux_user_abi {
    uint64_t hwcap;       /* AT_HWCAP */
    const char *platform; /* AT_PLATFORM, or NULL for none (riscv) */
    /* Registers at process entry: pc, stack pointer, everything else zero. */
    void (*start)(struct cpu *cpu, uint64_t entry, uint64_t sp);
    uint64_t (*syscall_number)(const struct cpu *cpu);
    uint64_t (*syscall_arg)(const struct cpu *cpu, int index); /* 0..5 */
    void (*set_syscall_result)(struct cpu *cpu, uint64_t value);
    uint64_t (*stack_pointer)(const struct cpu *cpu);
    /* Writes the kernel's rt_sigframe below frame->stack_top and enters the
     * handler; false when the frame cannot be written. */
    bool (*setup_signal_frame)(struct cpu *cpu, const struct signal_frame_args *frame);
    /* rt_sigreturn: restores every register from the frame at sp and hands
     * back its mask and uc_stack; false on a frame that cannot be read. */
    bool (*restore_signal_frame)(struct cpu *cpu, uint64_t *mask, struct guest_stack *altstack);
    /* The restorer: machine code that calls rt_sigreturn, which emu maps in
     * a page of its own (the kernel's vDSO holds it). */
    const uint8_t *sigreturn_code;
    size_t sigreturn_code_size;
    /* A clone child's registers after copying the parent's: the syscall
     * returns 0, stack replaces sp when nonzero, tls the thread pointer when
     * set_tls (CLONE_SETTLS).  Called on the child's own host thread. */
    void (*clone_child)(struct cpu *child, uint64_t stack, bool set_tls, uint64_t tls);
    /* /proc/cpuinfo as the arch's Linux writes it, for processor_count CPUs. */
    void (*write_cpuinfo)(FILE *out, unsigned processor_count);
    /* riscv_hwprobe: the value of one key, false for a key the arch does not
     * know.  NULL where the arch has no such syscall. */
    bool (*hwprobe)(int64_t key, uint64_t *value);
    /* renameat (38) exists only where the kernel asks for it
     * (__ARCH_WANT_RENAMEAT: arm64 yes, riscv no); elsewhere ENOSYS. */
    bool has_renameat;
};

/* linux-user.c: runs a thread's guest code until the thread or the process
 * ends (the loop every guest thread's host thread runs). */
struct linux_thread;
noreturn void linux_user_run(struct linux_thread *thread);

/* Loads argv[0] (guest path) and runs it; never returns: the process exits
 * with the guest's status or dies by the guest's fatal signal. */
int linux_user_main(const struct emu_options *opts, const struct arch *arch, int argc, char **argv);

/* Reads the ELF header of path to find its machine (for a missing --arch).
 * Returns the e_machine, or 0 after printing a one-line error to stderr. */
uint16_t elf_peek_machine(const char *path);

#endif
