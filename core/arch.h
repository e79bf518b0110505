/* What core/ knows about a guest architecture: a table of generated and
 * per-arch functions, one instance per isa-specs/<arch>/ folder. */
#ifndef EMU_CORE_ARCH_H
#define EMU_CORE_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct cpu;
struct linux_user_abi;
struct jit_arch;

/* A register by the name debuggers use, where it lives in struct cpu (or,
 * for one computed from state such as AArch64's cpsr, how to read it). */
struct arch_register {
    const char *name;
    uint32_t offset;
    uint8_t size; /* bytes */
    bool read_only;
    uint64_t (*read)(const struct cpu *cpu); /* computed: offset is 0 */
};

struct arch {
    const char *name;     /* "riscv64" */
    uint16_t elf_machine; /* EM_RISCV */
    uint8_t elf_class;    /* ELFCLASS64 */
    /* Runs blocks from cpu->pc until an exception or exit request (tier 0). */
    void (*interp_run)(struct cpu *cpu);
    /* The same, running the plugins' operations attached to blocks. */
    void (*interp_run_instrumented)(struct cpu *cpu);
    /* Formats the instruction at guest address pc into out; returns its length
     * in bytes, 0 if the bytes are not a valid instruction. */
    unsigned (*disassemble)(uint64_t pc, const uint8_t *bytes, size_t avail, char *out, size_t out_size);
    void (*dump_state)(const struct cpu *cpu, FILE *out);
    const struct linux_user_abi *linux_user;
    const struct jit_arch *jit; /* the JIT tiers' per-instruction code */
    const struct arch_register *registers;
    unsigned register_count;
};

const struct arch *arch_by_name(const char *name);
const struct arch *arch_by_elf_machine(uint16_t machine);
/* Space-separated names of the built-in guests, for --help and errors. */
const char *arch_names(void);

#endif
