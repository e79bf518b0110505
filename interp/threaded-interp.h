/* Tier 0, the threaded interpreter, instantiated twice per arch by the
 * generated <arch>-arch.c (which defines the ARCH_* names first): plain, and
 * with INTERP_INSTRUMENTED defined, running the operations plugins attached
 * to blocks (core/plugin.h) at block entry, before each instruction and
 * after each memory access.  The plain one pays nothing for plugins.
 *
 * A block is an array of decoded records; each record holds the address of
 * its handler's label, and each handler ends by jumping straight to the next
 * record's handler (computed goto), so dispatch is one indirect jump and no
 * loop.  Handler bodies are generated from the spec; this file only defines
 * the control macros they use. */
#include <stdbool.h>
#include <string.h>

#include "block-builder.h"
#include "block-cache.h"
#include "cpu.h"
#include "exec.h"
#include "dsl-runtime.h"
#include "guest-memory.h"
#include "log.h"
#include "plugin.h"

#undef INSN_HOOK
#undef ENTER_BLOCK_HOOK
#undef GUEST_ACCESS_HOOK
#ifdef INTERP_INSTRUMENTED
/* the plugins' operations before an instruction (not the block's end
 * record); a lone inline addition, an instruction counter, is done here */
#define INSN_HOOK()                                                                      \
    do {                                                                                 \
        if (block->plugin && rec < block->insns + block->insn_count) {                   \
            const struct plugin_ops *insn_ops_ = &block->plugin->insns[rec - block->insns].exec; \
            if (insn_ops_->count == 1 && plugin_op_is_live_add(&insn_ops_->ops[0])) {    \
                *plugin_op_entry(&insn_ops_->ops[0], cpu->vcpu_index) += insn_ops_->ops[0].imm; \
            } else if (insn_ops_->count) {                                               \
                SYNC_STATE();                                                            \
                plugin_run_exec_ops(cpu, insn_ops_);                                     \
            }                                                                            \
        }                                                                                \
    } while (0)
#define ENTER_BLOCK_HOOK()                                                               \
    do {                                                                                 \
        if (block->plugin && block->plugin->exec.count) {                                \
            SYNC_STATE();                                                                \
            plugin_run_exec_ops(cpu, &block->plugin->exec);                              \
        }                                                                                \
        INSN_HOOK();                                                                     \
    } while (0)
#define GUEST_ACCESS_HOOK(addr, size, is_signed, rw, value)                              \
    do {                                                                                 \
        if (block->plugin && block->plugin->insns[rec - block->insns].mem.count)         \
            plugin_record_access(cpu, block, rec, (addr), plugin_meminfo((size), (is_signed), false, (rw)), \
                                 (uint64_t)(value));                                    \
    } while (0)
#else
#define INSN_HOOK() ((void)0)
#define ENTER_BLOCK_HOOK() ((void)0)
#endif

#ifndef EMU_THREADED_INTERP_MACROS
#define EMU_THREADED_INTERP_MACROS
#define REC rec

#define NEXT_INSN()                                                                      \
    do {                                                                                 \
        rec++;                                                                           \
        INSN_HOOK();                                                                     \
        goto *rec->handler;                                                              \
    } while (0)

/* Leaves the block after the current instruction, continuing at next.
 * The common case stays here: the successor this block had last time is
 * taken without a lookup, and the dispatch jump sits in this handler, where
 * the host predicts it per instruction kind rather than at one shared site. */
#define END_BLOCK(next)                                                                  \
    do {                                                                                 \
        cpu->icount += (uint64_t)(rec - block->insns) + 1;                               \
        pc = (next);                                                                     \
        if (__builtin_expect(!slow_path && !cpu->exit_request, 1)) {                     \
            struct block *chained_ = block->successor[pc != block->end_pc];              \
            if (chained_ && chained_->pc == pc) {                                        \
                if (__builtin_expect(chained_->jit_code != NULL ||                       \
                                     (++chained_->exec_count >= threshold && !chained_->no_jit), 0)) { \
                    cpu->handoff_block = chained_;                                       \
                    goto handoff;                                                        \
                }                                                                        \
                block = chained_;                                                        \
                cpu->current_block = block;                                              \
                rec = block->insns;                                                      \
                ENTER_BLOCK_HOOK();                                                      \
                goto *rec->handler;                                                      \
            }                                                                            \
        }                                                                                \
        goto next_block;                                                                 \
    } while (0)

#define JUMP(target) (next_pc = (target))

/* Precise exceptions: pc is the raising instruction, nothing after it ran. */
#define RAISE(kind_, cause_, tval_)                                                      \
    do {                                                                                 \
        uint64_t raise_tval_ = (tval_);                                                  \
        cpu->exception.kind = (kind_);                                                   \
        cpu->exception.cause = (cause_);                                                 \
        cpu->exception.tval = raise_tval_;                                               \
        RAISE_PENDING();                                                                 \
    } while (0)
#define RAISE_PENDING()                                                                  \
    do {                                                                                 \
        cpu->exception.next_pc = rec->pc + rec->length;                                  \
        cpu->pc = rec->pc;                                                               \
        cpu->icount += (uint64_t)(rec - block->insns);                                   \
        return;                                                                          \
    } while (0)

/* Helpers with the cpu effect see pc and the retired count of this insn. */
#define SYNC_STATE() (cpu->pc = rec->pc, cpu->synced_icount = cpu->icount + (uint64_t)(rec - block->insns))
#define NOTE_MEMORY_ACCESS() (cpu->current_record = rec)

#define REG_WRITE(file, index, value) ((file)[index] = (value))
#define REG_WRITE_NONZERO(file, zero, index, value)                                      \
    do {                                                                                 \
        __typeof__((file)[0]) reg_value_ = (value);                                      \
        size_t reg_index_ = (size_t)(index);                                             \
        if (reg_index_ != (zero))                                                        \
            (file)[reg_index_] = reg_value_;                                             \
    } while (0)

#include "guest-access.h"

#define FENCE() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define FLUSH_ICACHE() (flush_pending = slow_path = true)
#endif /* EMU_THREADED_INTERP_MACROS */

void ARCH_INTERP_RUN(struct cpu *cpu);
void ARCH_INTERP_RUN(struct cpu *cpu)
{
    static const void *const handler_labels[] = {
#include ARCH_HANDLER_LABELS
    };
    static const struct interp_decoder decoder = {
        .decode = ARCH_DECODE,
        .insn_length = ARCH_INSN_LENGTH,
        .disassemble = ARCH_DISASSEMBLE,
        .meta = ARCH_META,
        .handler_labels = handler_labels,
        .illegal_label = &&illegal_insn,
        .fetch_fault_label = &&fetch_fault,
        .block_end_label = &&block_end,
    };
    struct block_cache *cache = cpu->blocks;
    const struct block *block;
    const struct decoded_insn *rec;
    uint64_t pc = cpu->pc;
    bool flush_pending = false;
    /* per-block logging wants every block boundary to come through here */
    const bool tracing = (log_mask & (LOG_EXEC | LOG_CPU)) != 0;
    bool slow_path = tracing;
    struct block *previous = NULL;
    /* executions after which a block goes to a JIT tier */
    const uint32_t threshold = cpu->max_tier > 0 ? cpu->tier_threshold[1] : UINT32_MAX;

    block = NULL;
    goto lookup;

next_block:
    previous = (struct block *)block;
lookup:
    if (__builtin_expect(flush_pending, 0)) {
        cpu_flush_blocks(cpu); /* translated code too */
        flush_pending = false;
        slow_path = tracing;
        previous = NULL; /* freed with the rest */
    }
    if (__builtin_expect(cpu->exit_request, 0)) {
        cpu->pc = pc;
        return;
    }
    {
        struct block *found = block_cache_lookup(cache, pc);
        if (__builtin_expect(!found, 0)) {
            cpu->pc = pc;
            found = interp_build_block(cpu, pc, &decoder);
        }
        if (previous)
            previous->successor[pc != previous->end_pc] = found;
        block = found;
        if (__builtin_expect(found->jit_code != NULL || (++found->exec_count >= threshold && !found->no_jit), 0)) {
            cpu->handoff_block = found;
            goto handoff;
        }
    }
    if (__builtin_expect(tracing, 0)) {
        cpu->pc = pc;
        if (log_enabled(LOG_CPU))
            cpu->arch->dump_state(cpu, log_file);
        if (log_enabled(LOG_EXEC))
            log_printf("Trace: %016llx [%u insns]\n", (unsigned long long)pc, block->insn_count);
    }
    cpu->current_block = block;
    rec = block->insns;
    ENTER_BLOCK_HOOK();
    goto *rec->handler;

handoff:
    /* a JIT tier takes over at this block (core/exec.c decides) */
    if (cpu->max_tier == 0) {
        cpu->handoff_block->exec_count = 0;
        cpu->handoff_block = NULL;
        block = NULL;
        goto lookup;
    }
    cpu->pc = pc;
    return;

block_end:
    /* fell off the end of a block that was cut short (size or page limit) */
    cpu->icount += (uint64_t)(rec - block->insns);
    pc = rec->pc;
    goto next_block;

illegal_insn:
    RAISE(EXC_ILLEGAL_INSN, ARCH_ILLEGAL_CAUSE, (uint64_t)rec->wide[0]);

fetch_fault:
    RAISE(EXC_FETCH_FAULT, ARCH_FETCH_FAULT_CAUSE, rec->pc);

#include ARCH_HANDLERS
}
