/* What generated JIT code (isagen's <arch>-jit.c) and the JIT share. */
#ifndef EMU_JIT_RUNTIME_H
#define EMU_JIT_RUNTIME_H

#include <stdint.h>

#include "decoded-insn.h"
#include "ir.h"

struct cpu;

/* How an instruction's fallback C function ended. */
enum jit_insn_result {
    JIT_INSN_CONTINUE = 0, /* on to the next instruction */
    JIT_INSN_EXIT = 1,     /* the block ends; cpu->pc is the next pc */
    JIT_INSN_RAISED = 2,   /* cpu->exception is set, cpu->pc is this instruction */
    JIT_INSN_FLUSH = 3,    /* like EXIT, and translated code must be dropped first */
};

struct jit_insn {
    void (*emit)(struct ir_block *b, const struct decoded_insn *rec); /* NULL: use exec */
    int (*exec)(struct cpu *cpu, const struct decoded_insn *rec, uint64_t index);
};

struct jit_arch {
    const struct jit_insn *insns;
    int count;
    uint32_t illegal_cause;
    uint32_t fetch_fault_cause;
    uint32_t load_fault_cause;
    uint32_t store_fault_cause;
};

/* Division as the DSL defines it: x/0 = 0, x%0 = x, MIN/-1 wraps. */
uint64_t jit_div_s64(uint64_t a, uint64_t b);
uint64_t jit_div_u64(uint64_t a, uint64_t b);
uint64_t jit_rem_s64(uint64_t a, uint64_t b);
uint64_t jit_rem_u64(uint64_t a, uint64_t b);

#endif
