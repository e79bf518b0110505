/* The JIT tiers as core/ sees them: per-vCPU state, translation of a block
 * at a tier, and running translated code until it leaves for a block that
 * has none. */
#ifndef EMU_JIT_JIT_H
#define EMU_JIT_JIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codegen.h"

struct block;
struct cpu;

#define JIT_MAX_TEMPS 8192

struct jit_state {
    uint64_t temps[JIT_MAX_TEMPS]; /* first: r13 points here in JIT code */
    struct jit_cache cache;
};

/* Sets up cpu->jit with a code cache of cache_size bytes; false (and a
 * message) if the host gives no executable memory. */
bool jit_init(struct cpu *cpu, size_t cache_size);
/* Runs block (translated first if need be) and whatever its code chains to;
 * returns false when an exception is pending, true to go on in tier 0 at
 * cpu->pc. */
bool jit_run(struct cpu *cpu, struct block *block);
/* Returns the code cache and scratch to the host. */
void jit_free(struct cpu *cpu);
/* Drops every translated block and all code. */
void jit_flush(struct cpu *cpu);

/* Builds the IR of a block from the generated per-instruction emitters;
 * with superblock, on through the hottest of its successors (fall-through
 * or branch target) into the blocks after it
 * (at most SUPERBLOCK_MAX_BLOCKS), leaving by side exits where branches
 * are taken. */
#define SUPERBLOCK_MAX_BLOCKS 4
void jit_build_ir(const struct cpu *cpu, const struct block *block, struct ir_block *ir, bool superblock);

/* -d out_asm */
void jit_log_host_code(const void *code, size_t size, uint64_t guest_pc, int tier);

/* The tiers' translators: 1 = baseline (tier1/), 2 = optimising. */
void *tier1_translate(struct cpu *cpu, struct block *block);
void *tier2_translate(struct cpu *cpu, struct block *block);

#endif
