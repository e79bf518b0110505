/* A block's IR: each decoded instruction's generated emitter, or a call of
 * its generated C function where the IR cannot say it; records that are not
 * instructions raise. */
#include <stddef.h>

#include "arch.h"
#include "block-cache.h"
#include "cpu.h"
#include "jit-runtime.h"
#include "jit.h"
#include "plugin-ir.h"

/* The instructions of one block; true when the last one can fall through
 * to the block's end (it did not raise unconditionally). */
static bool emit_instructions(const struct cpu *cpu, const struct block *block, struct ir_block *ir)
{
    const struct jit_arch *arch = cpu->arch->jit;
    struct plugin_access_hook_storage hook;
    for (uint32_t i = 0; i < block->insn_count; i++) {
        const struct decoded_insn *rec = &block->insns[i];
        ir_insn_start(ir, rec, i);
        if (block->plugin)
            jit_emit_plugin_insn(cpu, ir, block, i, &hook);
        if (rec->id == INSN_ID_ILLEGAL) {
            ir_raise(ir, EXC_ILLEGAL_INSN, arch->illegal_cause, ir_const(ir, (uint64_t)rec->wide[0]));
            return false;
        }
        if (rec->id == INSN_ID_FETCH_FAULT) {
            ir_raise(ir, EXC_FETCH_FAULT, arch->fetch_fault_cause, ir_const(ir, rec->pc));
            return false;
        }
        if (arch->insns[rec->id].emit)
            arch->insns[rec->id].emit(ir, rec);
        else
            ir_call_insn(ir, (void *)arch->insns[rec->id].exec);
        ir->after_access = NULL;
    }
    return true;
}

/* The block that a superblock may continue into at pc: decoded, run before
 * (so the path is taken), and not the superblock's own start (a loop). */
static const struct block *joinable_block(const struct cpu *cpu, const struct block *first, uint64_t pc)
{
    const struct block *next = block_cache_find(cpu->blocks, pc);
    if (!next || next == first || next->exec_count == 0 || next->insn_count == 0)
        return NULL;
    return next;
}

/* Whether the last instruction of the block whose IR starts at from may
 * leave it (a jump, a call, a trap): only a block cut short runs into the
 * code after it without an exit there. */
static bool last_insn_leaves(const struct ir_block *ir, uint32_t from)
{
    uint32_t start = from;
    for (uint32_t i = from; i < ir->count; i++)
        if (ir->insns[i].op == IR_INSN_START)
            start = i;
    for (uint32_t i = start; i < ir->count; i++)
        switch (ir->insns[i].op) {
        case IR_EXIT_CONST: case IR_EXIT_INDIRECT: case IR_RAISE: case IR_CALL_INSN:
            return true;
        default:
            break;
        }
    return false;
}

/* Where the superblock goes on after the block whose IR starts at
 * ir->insns[from]: among the blocks its constant exits lead to (the
 * fall-through of a branch, its target, a jump's target), or that it runs
 * into when cut short (exit NULL), the one run most. */
static const struct block *hottest_successor(const struct cpu *cpu, const struct block *first,
                                             const struct block *current, struct ir_block *ir, uint32_t from,
                                             struct ir_insn **exit)
{
    const struct block *best = NULL;
    bool has_exit = false, reachable = true;
    *exit = NULL;
    for (uint32_t i = from; i < ir->count; i++) {
        struct ir_insn *in = &ir->insns[i];
        /* after a jump or exit, only a label is reached again (an emitter
         * may end with an exit no path takes) */
        bool was_reachable = reachable;
        if (in->op == IR_LABEL)
            reachable = true;
        else if (in->op == IR_BR || in->op == IR_EXIT_CONST || in->op == IR_EXIT_INDIRECT || in->op == IR_RAISE)
            reachable = false;
        if (in->op != IR_EXIT_CONST || !was_reachable)
            continue;
        has_exit |= in->imm == current->end_pc;
        const struct block *next = joinable_block(cpu, first, in->imm);
        if (next && (!best || next->exec_count > best->exec_count)) {
            best = next;
            *exit = in;
        }
    }
    const struct block *after =
        has_exit || last_insn_leaves(ir, from) ? NULL : joinable_block(cpu, first, current->end_pc);
    if (after && (!best || after->exec_count >= best->exec_count)) {
        best = after;
        *exit = NULL;
    }
    return best;
}

void jit_build_ir(const struct cpu *cpu, const struct block *block, struct ir_block *ir, bool superblock)
{
    const struct block *current = block;
    for (int joined = 1;; joined++) {
        uint32_t from = ir->count;
        bool falls_through = emit_instructions(cpu, current, ir);
        ir->after_access = NULL; /* the hook's state lives in emit_instructions */
        if (!falls_through)
            return;
        /* the fall-through exit: the last instruction's own (a branch not
         * taken) or, for a block cut short, one of ours */
        struct ir_insn *last = ir->count ? &ir->insns[ir->count - 1] : NULL;
        bool has_exit = last && last->op == IR_EXIT_CONST && last->imm == current->end_pc;
        struct ir_insn *exit = NULL;
        const struct block *next = superblock && joined < SUPERBLOCK_MAX_BLOCKS && ir->temps < JIT_MAX_TEMPS / 2
                                       ? hottest_successor(cpu, block, current, ir, from, &exit)
                                       : NULL;
        if (!next) {
            if (!has_exit) {
                ir_insn_start(ir, &current->insns[current->insn_count], current->insn_count - 1);
                ir_exit_const(ir, current->end_pc);
            }
            return;
        }
        /* a superblock runs on into the next block: the exit there goes
         * (the last operation), or jumps on to it (placed after the rest);
         * the retired count and running block move on */
        if (exit == last) {
            last->op = IR_NOP;
        } else if (exit) {
            ir_label on = ir_new_label(ir);
            exit->op = IR_BR;
            exit->imm = on;
            if (!has_exit) {
                ir_insn_start(ir, &current->insns[current->insn_count], current->insn_count - 1);
                ir_exit_const(ir, current->end_pc);
            }
            ir_label_here(ir, on);
        }
        ir_block_boundary(ir, current->insn_count, next);
        current = next;
    }
}
