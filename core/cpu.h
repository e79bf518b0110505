/* The CPU state shared by every tier and environment: a common head, then the
 * guest architecture's register file (generated from isa-specs/<arch>/). */
#ifndef EMU_CORE_CPU_H
#define EMU_CORE_CPU_H

#include <signal.h>
#include <stdint.h>

#include "arch-states.h" /* generated: union arch_state */

struct arch;
struct block;
struct block_cache;
struct jit_state;

/* Arch-neutral classes of guest exceptions; environments act on these, the
 * arch's own cause number travels beside them for system mode and logs. */
enum exception_kind {
    EXC_NONE = 0,
    EXC_SYSCALL,     /* ecall / svc: user mode runs a Linux syscall */
    EXC_ILLEGAL_INSN,
    EXC_BREAKPOINT,
    EXC_FETCH_FAULT, /* instruction fetch from unmapped or non-executable memory */
    EXC_LOAD_FAULT,
    EXC_STORE_FAULT,
    EXC_MISALIGNED,  /* an access the ISA requires aligned (LR/SC, AMOs) */
    EXC_BUS_ERROR,   /* the host refused a mapped page (a file mapping past its end) */
    EXC_OTHER,
};

struct exception {
    enum exception_kind kind;
    uint32_t cause;   /* the arch's cause number */
    uint64_t tval;    /* faulting address or instruction bits */
    uint64_t next_pc; /* where execution resumes after a handled syscall */
};

struct cpu {
    uint64_t pc;
    uint64_t icount; /* retired guest instructions */
    volatile sig_atomic_t exit_request;
    struct exception exception;
    const struct arch *arch;
    struct block_cache *blocks;
    void *env;                  /* the environment that owns this vCPU */
    const void *current_record; /* tier 0: record of the running memory access */
    const void *current_block;  /* tier 0: the block running, for faults */
    uint64_t synced_icount;     /* instructions retired before pc, valid inside helpers */
    struct jit_state *jit;      /* the JIT tiers' code cache and scratch (NULL: tier 0 only) */
    struct block *handoff_block; /* tier 0 stopped before this block for a JIT tier */
    uint32_t tier_threshold[3]; /* executions before a block moves up to tier 1, 2 */
    uint8_t max_tier;
    unsigned vcpu_index;        /* plugins' name for this vCPU: the lowest free from 0 */
    uint64_t plugin_flush_seen; /* the plugins' flush requests this vCPU has honoured */
    /* a store to translated code was stopped: the next block is that store
     * alone, built without write-protecting its page, so it can complete
     * even when it rewrites its own page (core/code-pages.h) */
    bool step_after_code_write;
    union arch_state state;     /* the guest register file */
};

#endif
