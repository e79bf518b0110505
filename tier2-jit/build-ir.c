/* A block's IR: each decoded instruction's generated emitter, or a call of
 * its generated C function where the IR cannot say it; records that are not
 * instructions raise. */
#include <stddef.h>

#include "arch.h"
#include "block-cache.h"
#include "cpu.h"
#include "jit-runtime.h"
#include "jit.h"

void jit_build_ir(const struct cpu *cpu, const struct block *block, struct ir_block *ir)
{
    const struct jit_arch *arch = cpu->arch->jit;
    bool ended = false;
    for (uint32_t i = 0; i < block->insn_count && !ended; i++) {
        const struct decoded_insn *rec = &block->insns[i];
        ir_insn_start(ir, rec, i);
        if (rec->id == INSN_ID_ILLEGAL) {
            ir_raise(ir, EXC_ILLEGAL_INSN, arch->illegal_cause, ir_const(ir, (uint64_t)rec->wide[0]));
            ended = true;
        } else if (rec->id == INSN_ID_FETCH_FAULT) {
            ir_raise(ir, EXC_FETCH_FAULT, arch->fetch_fault_cause, ir_const(ir, rec->pc));
            ended = true;
        } else if (arch->insns[rec->id].emit) {
            arch->insns[rec->id].emit(ir, rec);
        } else {
            ir_call_insn(ir, (void *)arch->insns[rec->id].exec);
        }
    }
    /* a block cut short (size or page limit) continues at its end; after an
     * instruction that ends blocks this is unreachable and harmless */
    if (!ended) {
        ir_insn_start(ir, &block->insns[block->insn_count], block->insn_count - 1);
        ir_exit_const(ir, block->end_pc);
    }
}
