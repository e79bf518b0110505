/* Running the operations plugins attached to a block: for tier 0 (whole
 * lists, from the instrumented interpreter and generated C functions) and
 * for JIT code (one call per callback; inline operations and conditions
 * are compiled into the code, tier2-jit/plugin-ir.c). */
#include <stdlib.h>

#include "block-cache.h"
#include "cpu.h"
#include "plugin-internal.h"
#include "plugin-scoreboard.h"

__thread qemu_plugin_mem_value plugin_current_mem_value;

bool plugin_cond_holds(enum qemu_plugin_cond cond, uint64_t value, uint64_t imm)
{
    switch (cond) {
    case QEMU_PLUGIN_COND_ALWAYS: return true;
    case QEMU_PLUGIN_COND_EQ: return value == imm;
    case QEMU_PLUGIN_COND_NE: return value != imm;
    case QEMU_PLUGIN_COND_LT: return value < imm;
    case QEMU_PLUGIN_COND_LE: return value <= imm;
    case QEMU_PLUGIN_COND_GT: return value > imm;
    case QEMU_PLUGIN_COND_GE: return value >= imm;
    case QEMU_PLUGIN_COND_NEVER: break;
    }
    return false;
}

static void run_inline(struct cpu *cpu, const struct plugin_op *op)
{
    if (!plugin_op_live(op))
        return;
    uint64_t *entry = plugin_op_entry(op, cpu->vcpu_index);
    if (op->inline_op == QEMU_PLUGIN_INLINE_ADD_U64)
        *entry += op->imm;
    else
        *entry = op->imm;
}

void plugin_call_exec_op(struct cpu *cpu, const struct plugin_op *op)
{
    if (!plugin_op_live(op))
        return;
    struct callback_scope outer = enter_callback(cpu, op->cb_flags);
    ((qemu_plugin_vcpu_udata_cb_t)op->cb)(cpu->vcpu_index, op->userdata);
    leave_callback(outer);
}

void plugin_run_exec_ops(struct cpu *cpu, const struct plugin_ops *ops)
{
    for (uint32_t i = 0; i < ops->count; i++) {
        const struct plugin_op *op = &ops->ops[i];
        switch (op->kind) {
        case PLUGIN_OP_INLINE:
            run_inline(cpu, op);
            break;
        case PLUGIN_OP_COND_CALL:
            if (plugin_cond_holds(op->cond, *plugin_op_entry(op, cpu->vcpu_index), op->imm))
                plugin_call_exec_op(cpu, op);
            break;
        case PLUGIN_OP_CALL:
            plugin_call_exec_op(cpu, op);
            break;
        }
    }
}

static qemu_plugin_mem_value mem_value(qemu_plugin_meminfo_t info, uint64_t value)
{
    qemu_plugin_mem_value v = {.type = (enum qemu_plugin_mem_value_type)(info & 3u)};
    switch (info & 3u) {
    case 0: v.data.u8 = (uint8_t)value; break;
    case 1: v.data.u16 = (uint16_t)value; break;
    case 2: v.data.u32 = (uint32_t)value; break;
    default: v.data.u64 = value; break;
    }
    return v;
}

static void call_mem_op(struct cpu *cpu, const struct plugin_op *op, uint64_t vaddr, qemu_plugin_meminfo_t info)
{
    if (!plugin_op_live(op))
        return;
    struct callback_scope outer = enter_callback(cpu, op->cb_flags);
    ((qemu_plugin_vcpu_mem_cb_t)op->cb)(cpu->vcpu_index, info, vaddr, op->userdata);
    leave_callback(outer);
}

void plugin_run_mem_ops(struct cpu *cpu, const struct plugin_ops *ops, uint64_t vaddr, qemu_plugin_meminfo_t info,
                        uint64_t value)
{
    unsigned rw = (info >> 4) & 3u;
    plugin_current_mem_value = mem_value(info, value);
    for (uint32_t i = 0; i < ops->count; i++) {
        const struct plugin_op *op = &ops->ops[i];
        if (!(op->rw & rw))
            continue;
        if (op->kind == PLUGIN_OP_INLINE)
            run_inline(cpu, op);
        else
            call_mem_op(cpu, op, vaddr, info);
    }
}

void plugin_call_mem_ops(struct cpu *cpu, const struct plugin_ops *ops, uint64_t vaddr, uint64_t info, uint64_t value)
{
    unsigned rw = (info >> 4) & 3u;
    plugin_current_mem_value = mem_value((qemu_plugin_meminfo_t)info, value);
    for (uint32_t i = 0; i < ops->count; i++) {
        const struct plugin_op *op = &ops->ops[i];
        if (op->kind == PLUGIN_OP_MEM_CALL && (op->rw & rw))
            call_mem_op(cpu, op, vaddr, (qemu_plugin_meminfo_t)info);
    }
}

void plugin_record_access(struct cpu *cpu, const struct block *block, const struct decoded_insn *rec, uint64_t vaddr,
                          qemu_plugin_meminfo_t info, uint64_t value)
{
    if (!block || !block->plugin)
        return;
    size_t index = (size_t)(rec - block->insns);
    if (index >= block->plugin->insn_count || block->plugin->insns[index].mem.count == 0)
        return;
    plugin_run_mem_ops(cpu, &block->plugin->insns[index].mem, vaddr, info, value);
}
