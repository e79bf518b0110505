/* The JIT's back end and code cache. */
#ifndef EMU_JIT_CODEGEN_H
#define EMU_JIT_CODEGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir.h"

struct block;
struct cpu;

enum { JIT_BASE_LIMIT = 4 }; /* jit_cache.access_limits[] */

enum jit_exit_code {
    JIT_EXIT_CONTINUE = 0,  /* go on at cpu->pc */
    JIT_EXIT_EXCEPTION = 1, /* cpu->exception is set */
    JIT_EXIT_FLUSH = 2,     /* drop all translated code, then go on */
    /* any larger value is a struct jit_exit * */
};

/* A direct exit of a block: its jump goes to a stub that returns this
 * record, until the dispatcher patches it to the target's code. */
struct jit_exit {
    uint8_t *jump; /* the rel32 of the patchable jmp */
    uint64_t target_pc;
};

/* Where a guest memory access's host instruction is, so a host fault in JIT
 * code finds its guest instruction (and no bookkeeping runs per access). */
struct jit_fault_site {
    uintptr_t start, end;
    const struct decoded_insn *rec;
    const struct block *block;
    const void *recovery; /* NULL, or code storing deferred guest state first (host-fault.h) */
    uint32_t retired_before; /* instructions of the superblock's earlier blocks, not yet counted */
};

/* One vCPU's code cache: code and exit records grow from the two ends. */
struct jit_cache {
    uint8_t *base, *at, *end;
    struct jit_exit *exits_end; /* exit records are allocated downwards from base + size */
    size_t size;
    uintptr_t (*enter)(struct cpu *cpu, const void *code);
    uint8_t *epilogue;
    /* the last guest address an access of 1, 2, 4, 8 bytes may start at,
     * then the last address of the space (a base register's check,
     * JIT_BASE_LIMIT), in the cache, so checks compare with them
     * rip-relative */
    const uint64_t *access_limits;
    uint32_t load_fault_cause, store_fault_cause;
    uint32_t translations; /* since the last reset */
    struct jit_fault_site *sites; /* in code order */
    size_t site_count, site_capacity;
};

/* The guest instruction whose access is at host address rip, if any. */
const struct jit_fault_site *jit_cache_find_site(const struct jit_cache *cache, uintptr_t rip);

/* Maps an RWX region of size bytes and writes the trampoline; false if the
 * host refuses executable memory. */
bool jit_cache_init(struct jit_cache *cache, size_t size);
void jit_cache_free(struct jit_cache *cache);
/* Forgets all code (the blocks pointing into it must be dropped too). */
void jit_cache_reset(struct jit_cache *cache);
struct jit_exit *jit_cache_alloc_exit(struct jit_cache *cache);

/* Host code for the IR of block, or NULL when the cache is full.  With
 * promote_at, the code counts its executions and returns to the tier
 * manager when the count reaches it. */
void *jit_codegen(struct jit_cache *cache, struct ir_block *ir, struct block *block, uint32_t promote_at);

/* Temporaries written exactly once, by a constant (regalloc.c). */
void jit_find_constants(const struct ir_block *ir, bool *is_constant, uint64_t *value);
/* Per temporary, the operation that assigns it when only one does
 * (malloc'd; regalloc.c). */
const struct ir_insn **jit_single_definitions(const struct ir_block *ir);
/* With guest_base 0, an access whose address is x + (y << shift), x and
 * y assigned once, shift 1 to 3: the access addresses x + y * 2^shift
 * itself (the same value, without waiting for the shift and the add);
 * the ranges of x and y reach it. */
bool jit_scaled_address(const struct ir_insn *const *def, const struct ir_insn *access, ir_temp *x, ir_temp *y,
                        int *shift);
/* Each temporary's first and last mention (UINT32_MAX: none), the uses at
 * exits and fault paths included (regalloc.c). */
void jit_temp_ranges(const struct ir_block *ir, uint32_t *first, uint32_t *last);
/* Host registers for the temporaries of ir: for each temp a register
 * number, or -1 for its memory slot; constants get none (regalloc.c). */
int8_t *jit_allocate_registers(const struct ir_block *ir, const bool *is_constant);

#endif
