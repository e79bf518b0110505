/* The plugins' operations attached to a block (core/plugin.h), emitted
 * into its IR by the JIT tiers. */
#ifndef EMU_JIT_PLUGIN_IR_H
#define EMU_JIT_PLUGIN_IR_H

#include <stdint.h>

#include "ir.h"

struct block;
struct cpu;
struct plugin_ops;

/* Where the memory hook of the instruction being emitted keeps its state. */
struct plugin_access_hook_storage {
    const struct cpu *cpu;
    const struct plugin_ops *ops;
};

/* Before instruction index of block: the block's operations (at index 0)
 * and the instruction's; arms ir->after_access for its memory operations
 * (disarmed by the next call). */
void jit_emit_plugin_insn(const struct cpu *cpu, struct ir_block *ir, const struct block *block, uint32_t index,
                          struct plugin_access_hook_storage *storage);
void jit_emit_plugin_exec_ops(const struct cpu *cpu, struct ir_block *ir, const struct plugin_ops *ops);

#endif
