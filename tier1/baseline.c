/* Tier 1: the baseline JIT.  A warm block's IR goes straight to host code,
 * every temporary in memory and every guest register in the cpu struct:
 * fast to translate, and already free of tier 0's per-instruction dispatch.
 * The one pass it runs merges plugin counters (cheap, and it keeps an
 * instruction-counting plugin from costing one addition per instruction). */
#include <stdio.h>

#include "block-cache.h"
#include "cpu.h"
#include "jit.h"
#include "log.h"
#include "optimize.h"

void *tier1_translate(struct cpu *cpu, struct block *block)
{
    struct ir_block ir;
    ir_init(&ir);
    jit_build_ir(cpu, block, &ir, false);
    ir_merge_plugin_counters(&ir);
    void *code = NULL;
    if (ir.temps <= JIT_MAX_TEMPS) {
        if (log_enabled(LOG_OP)) {
            log_printf("OP (tier 1) block %016llx:\n", (unsigned long long)block->pc);
            ir_dump(&ir, log_file);
        }
        /* a tier-1 block counts its runs when a tier 2 is allowed to take it */
        uint32_t promote_at = cpu->max_tier >= 2 ? cpu->tier_threshold[2] : 0;
        code = jit_codegen(&cpu->jit->cache, &ir, block, promote_at);
    }
    ir_free(&ir);
    return code;
}
