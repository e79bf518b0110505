/* Tier 2's IR passes. */
#ifndef EMU_JIT_OPTIMIZE_H
#define EMU_JIT_OPTIMIZE_H

#include "ir.h"

/* entry_pc: the guest pc the block starts at (an exit there is a loop) */
void ir_optimize(struct ir_block *b, uint64_t entry_pc);
/* Identities, redundant extensions, merged compares (simplify.c). */
void ir_simplify(struct ir_block *b);
/* Stores of guest state moved to the exits and fault paths before the
 * store that overwrites them (defer-stores.c). */
void ir_defer_state_stores(struct ir_block *b);
/* Constants added to access addresses become the accesses' displacements
 * (displacements.c). */
void ir_fold_displacements(struct ir_block *b);
/* A block that exits to its own start loops in place, its busiest guest
 * state in temporaries across iterations (loop-registers.c). */
void ir_keep_loop_in_registers(struct ir_block *b, uint64_t head_pc);
/* Only the merging of plugin counters (tier 1 runs this one pass). */
void ir_merge_plugin_counters(struct ir_block *b);

#endif
