/* Linux user mode: the environment that runs one guest program as a process. */
#ifndef EMU_SYSCALLS_LINUX_USER_H
#define EMU_SYSCALLS_LINUX_USER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arch;
struct cpu;
struct emu_options;

/* The per-arch part of the Linux ABI, implemented in isa-specs/<arch>/. */
struct linux_user_abi {
    uint64_t hwcap;       /* AT_HWCAP */
    const char *platform; /* AT_PLATFORM */
    /* Registers at process entry: pc, stack pointer, everything else zero. */
    void (*start)(struct cpu *cpu, uint64_t entry, uint64_t sp);
    uint64_t (*syscall_number)(const struct cpu *cpu);
    uint64_t (*syscall_arg)(const struct cpu *cpu, int index); /* 0..5 */
    void (*set_syscall_result)(struct cpu *cpu, uint64_t value);
};

/* Loads argv[0] (guest path) and runs it; never returns: the process exits
 * with the guest's status or dies by the guest's fatal signal. */
int linux_user_main(const struct emu_options *opts, const struct arch *arch, int argc, char **argv);

/* Reads the ELF header of path to find its machine (for a missing --arch).
 * Returns the e_machine, or 0 after printing a one-line error to stderr. */
uint16_t elf_peek_machine(const char *path);

#endif
