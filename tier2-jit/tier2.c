/* Tier 2: the optimising JIT for hot blocks: a superblock's IR (the block
 * and the hot blocks its fall-throughs lead to), through the passes
 * (optimize.c), then code generation. */
#include "block-cache.h"
#include "cpu.h"
#include "jit.h"
#include "log.h"
#include "optimize.h"

void *tier2_translate(struct cpu *cpu, struct block *block)
{
    struct ir_block ir;
    ir_init(&ir);
    jit_build_ir(cpu, block, &ir, true);
    void *code = NULL;
    if (ir.temps <= JIT_MAX_TEMPS) {
        ir_optimize(&ir, block->pc);
        if (log_enabled(LOG_OP)) {
            log_printf("OP (tier 2) block %016llx:\n", (unsigned long long)block->pc);
            ir_dump(&ir, log_file);
        }
        code = jit_codegen(&cpu->jit->cache, &ir, block, 0);
    }
    ir_free(&ir);
    return code;
}
