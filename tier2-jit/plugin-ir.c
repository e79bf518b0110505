/* The plugins' operations in JIT code: inline operations and the
 * conditions of conditional callbacks become host code on the scoreboard
 * entry of this vCPU (whose address never moves, and the code cache is
 * this vCPU's own); callbacks become calls, after the pc and retired count
 * are synced so they see a precise vCPU.  Memory operations follow each
 * guest load and store the instruction's emitter makes. */
#include "plugin-ir.h"

#include "block-cache.h"
#include "cpu.h"
#include "plugin.h"

/* The comparison of an entry with the operation's value (QEMU's are unsigned). */
static enum ir_cond ir_cond_of(enum qemu_plugin_cond cond)
{
    switch (cond) {
    case QEMU_PLUGIN_COND_EQ: return IR_EQ;
    case QEMU_PLUGIN_COND_NE: return IR_NE;
    case QEMU_PLUGIN_COND_LT: return IR_LTU;
    case QEMU_PLUGIN_COND_LE: return IR_LEU;
    case QEMU_PLUGIN_COND_GT: return IR_GTU;
    default: return IR_GEU;
    }
}

static void emit_inline(const struct cpu *cpu, struct ir_block *ir, const struct plugin_op *op)
{
    ir_plugin_inline(ir, plugin_op_entry(op, cpu->vcpu_index), op->inline_op == QEMU_PLUGIN_INLINE_STORE_U64,
                     op->imm);
}

static void emit_call(const struct cpu *cpu, struct ir_block *ir, const struct plugin_op *op)
{
    ir_label skip = 0;
    if (op->kind == PLUGIN_OP_COND_CALL) {
        skip = ir_new_label(ir);
        ir_plugin_skip_unless(ir, plugin_op_entry(op, cpu->vcpu_index), ir_cond_of(op->cond), op->imm, skip);
    }
    ir_sync(ir);
    struct ir_arg args[2] = {ir_arg_cpu(), ir_arg_temp(ir_const(ir, (uint64_t)(uintptr_t)op))};
    ir_call(ir, (void *)plugin_call_exec_op, args, 2, false);
    if (op->kind == PLUGIN_OP_COND_CALL)
        ir_label_here(ir, skip);
}

void jit_emit_plugin_exec_ops(const struct cpu *cpu, struct ir_block *ir, const struct plugin_ops *ops)
{
    for (uint32_t i = 0; i < ops->count; i++) {
        const struct plugin_op *op = &ops->ops[i];
        if (op->kind == PLUGIN_OP_INLINE)
            emit_inline(cpu, ir, op);
        else
            emit_call(cpu, ir, op);
    }
}

static void after_access(struct ir_block *ir, ir_temp addr, ir_temp value, int width, bool is_signed, int rw)
{
    const struct plugin_access_hook_storage *hook = ir->after_access_data;
    bool calls = false;
    for (uint32_t i = 0; i < hook->ops->count; i++) {
        const struct plugin_op *op = &hook->ops->ops[i];
        if (!(op->rw & rw))
            continue;
        if (op->kind == PLUGIN_OP_INLINE)
            emit_inline(hook->cpu, ir, op);
        else
            calls = true;
    }
    if (!calls)
        return;
    ir_sync(ir);
    qemu_plugin_meminfo_t info = plugin_meminfo((unsigned)width / 8, is_signed, false, (unsigned)rw);
    struct ir_arg args[5] = {ir_arg_cpu(), ir_arg_temp(ir_const(ir, (uint64_t)(uintptr_t)hook->ops)),
                             ir_arg_temp(addr), ir_arg_temp(ir_const(ir, info)), ir_arg_temp(value)};
    ir_call(ir, (void *)plugin_call_mem_ops, args, 5, false);
}

void jit_emit_plugin_insn(const struct cpu *cpu, struct ir_block *ir, const struct block *block, uint32_t index,
                          struct plugin_access_hook_storage *storage)
{
    ir->after_access = NULL;
    const struct plugin_block_ops *plugin = block->plugin;
    if (!plugin || index >= plugin->insn_count)
        return;
    if (index == 0)
        jit_emit_plugin_exec_ops(cpu, ir, &plugin->exec);
    jit_emit_plugin_exec_ops(cpu, ir, &plugin->insns[index].exec);
    if (plugin->insns[index].mem.count) {
        storage->cpu = cpu;
        storage->ops = &plugin->insns[index].mem;
        ir->after_access = after_access;
        ir->after_access_data = storage;
    }
}
