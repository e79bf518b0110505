/* Tier 2's IR passes. */
#ifndef EMU_JIT_OPTIMIZE_H
#define EMU_JIT_OPTIMIZE_H

#include "ir.h"

void ir_optimize(struct ir_block *b);

#endif
