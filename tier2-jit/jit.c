/* Running translated code: translate a hot block at the tier the tier
 * manager allows, enter its code, and on each exit either follow (and
 * chain) to the next translated block or go back to tier 0. */
#include "jit.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "block-cache.h"
#include "cpu.h"
#include "log.h"
#include "host-fault.h"
#include "stats.h"
#include "x86-encode.h"
#include "arch.h"
#include "jit-runtime.h"

static bool locate_in_jit_code(const struct cpu *cpu, uintptr_t rip, const void **record, const void **block,
                               const void **recovery, uint32_t *retired_before)
{
    if (!cpu->jit)
        return false;
    const struct jit_fault_site *site = jit_cache_find_site(&cpu->jit->cache, rip);
    if (!site)
        return false;
    *record = site->rec;
    *block = site->block;
    *recovery = site->recovery;
    *retired_before = site->retired_before;
    return true;
}

bool jit_init(struct cpu *cpu, size_t cache_size)
{
    host_fault_set_code_locator(locate_in_jit_code);
    struct jit_state *state = calloc(1, sizeof *state);
    if (!state || !jit_cache_init(&state->cache, cache_size)) {
        free(state);
        fprintf(stderr, "emu: the host refuses executable memory for the JIT; use --tier=interp\n");
        return false;
    }
    state->cache.load_fault_cause = cpu->arch->jit->load_fault_cause;
    state->cache.store_fault_cause = cpu->arch->jit->store_fault_cause;
    cpu->jit = state;
    return true;
}

void jit_free(struct cpu *cpu)
{
    jit_cache_free(&cpu->jit->cache);
    free(cpu->jit);
    cpu->jit = NULL;
}

void jit_flush(struct cpu *cpu)
{
    block_cache_flush(cpu->blocks);
    jit_cache_reset(&cpu->jit->cache);
    emu_stats.jit_cache_flushes++;
}

/* Integer time: host floating point here would raise MXCSR flags that the
 * guest's FP helpers then report (fp-helpers.h's contract). */
static uint64_t now_nanoseconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static bool wants_tier2(const struct cpu *cpu, const struct block *block)
{
    return cpu->max_tier >= 2 && !block->no_jit && block->exec_count >= cpu->tier_threshold[2];
}

/* Translates block at the highest tier its count and the cap allow; false
 * when the code cache was full (everything was flushed: block is gone) or
 * the block can never fit (it stays in tier 0).  A
 * block promoted from tier 1 gets a jump at its old entry to the new code,
 * so jumps already chained to the old code follow. */
static bool translate(struct cpu *cpu, struct block *block)
{
    int tier = wants_tier2(cpu, block) ? 2 : 1;
    uint64_t start = now_nanoseconds();
    uint8_t *code_start = cpu->jit->cache.at;
    void *code = tier == 2 ? tier2_translate(cpu, block) : tier1_translate(cpu, block);
    emu_stats.translation_nanoseconds += now_nanoseconds() - start;
    if (!code) {
        if (block->jit_code) {
            /* a promotion that does not fit: keep tier 1, count afresh */
            block->no_jit = true;
            block->exec_count = 0;
            return true;
        }
        if (cpu->jit->cache.translations == 0) {
            /* it does not fit an empty cache: flushing again would loop */
            block->no_jit = true;
            return false;
        }
        jit_flush(cpu);
        return false;
    }
    cpu->jit->cache.translations++;
    if (log_enabled(LOG_OUT_ASM))
        jit_log_host_code(code_start, (size_t)(cpu->jit->cache.at - code_start), block->pc, tier);
    if (block->jit_code) {
        uint8_t *old = block->jit_code;
        old[0] = 0xe9; /* jmp rel32 */
        x86_patch_rel32(old + 1, code);
    }
    block->jit_code = code;
    block->tier = (uint8_t)tier;
    emu_stats.blocks_translated[tier]++;
    return true;
}

bool jit_run(struct cpu *cpu, struct block *block)
{
    struct jit_cache *cache = &cpu->jit->cache;
    for (;;) {
        bool promote = block->tier == 1 && wants_tier2(cpu, block);
        if ((!block->jit_code || promote) && !translate(cpu, block))
            return true;
        uintptr_t result = cache->enter(cpu, block->jit_code);
        if (result == JIT_EXIT_EXCEPTION)
            return false;
        if (result == JIT_EXIT_FLUSH) {
            jit_flush(cpu);
            return true;
        }
        if (cpu->exit_request)
            return true;
        struct block *next = block_cache_lookup(cpu->blocks, cpu->pc);
        if (!next || !next->jit_code)
            return true; /* tier 0 decodes or counts it */
        if (next == block && block->tier == 1) {
            if (wants_tier2(cpu, block))
                continue; /* the block asked to be promoted */
            if (block->no_jit)
                block->exec_count = 0; /* it cannot be: let its code run on */
        }
        if (result != JIT_EXIT_CONTINUE) {
            struct jit_exit *exit = (struct jit_exit *)result;
            if (exit->target_pc == next->pc) {
                x86_patch_rel32(exit->jump, next->jit_code);
                emu_stats.chains_patched++;
            }
        }
        block = next;
    }
}
