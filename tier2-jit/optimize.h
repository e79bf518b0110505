/* Tier 2's IR passes. */
#ifndef EMU_JIT_OPTIMIZE_H
#define EMU_JIT_OPTIMIZE_H

#include "ir.h"

void ir_optimize(struct ir_block *b);
/* Only the merging of plugin counters (tier 1 runs this one pass). */
void ir_merge_plugin_counters(struct ir_block *b);

#endif
