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
static const struct block *fall_through_block(const struct cpu *cpu, const struct block *first, uint64_t pc)
{
    const struct block *next = block_cache_find(cpu->blocks, pc);
    if (!next || next == first || next->exec_count == 0 || next->insn_count == 0)
        return NULL;
    return next;
}

void jit_build_ir(const struct cpu *cpu, const struct block *block, struct ir_block *ir, bool superblock)
{
    const struct block *current = block;
    for (int joined = 1;; joined++) {
        bool falls_through = emit_instructions(cpu, current, ir);
        ir->after_access = NULL; /* the hook's state lives in emit_instructions */
        if (!falls_through)
            return;
        /* the fall-through exit: the last instruction's own (a branch not
         * taken) or, for a block cut short, one of ours */
        struct ir_insn *last = ir->count ? &ir->insns[ir->count - 1] : NULL;
        bool has_exit = last && last->op == IR_EXIT_CONST && last->imm == current->end_pc;
        const struct block *next = superblock && joined < SUPERBLOCK_MAX_BLOCKS && ir->temps < JIT_MAX_TEMPS / 2
                                       ? fall_through_block(cpu, block, current->end_pc)
                                       : NULL;
        if (!next) {
            if (!has_exit) {
                ir_insn_start(ir, &current->insns[current->insn_count], current->insn_count - 1);
                ir_exit_const(ir, current->end_pc);
            }
            return;
        }
        /* a superblock runs on through the fall-through into the next block:
         * the exit goes, and the retired count and running block move on */
        if (has_exit)
            last->op = IR_NOP;
        ir_block_boundary(ir, current->insn_count, next);
        current = next;
    }
}
