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
#undef FORWARDED
#ifdef INTERP_INSTRUMENTED
/* a plugin may change registers between the two of a superinstruction */
#define FORWARDED(value, read) ((void)(value), (read))
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
/* the value the first of a superinstruction wrote to the register read */
#define FORWARDED(value, read) (value)
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

/* Takes link exit_ out of the block (1: the instruction jumped, 0: it went
 * on to the next address), which leads to pc, the next block, or leaves
 * for a lookup.  check_pc: the link was made by a jump whose target may
 * differ from run to run; on a miss the jump cache is tried, and the link
 * then follows the latest target. */
#define TAKE_LINK(exit_, check_pc)                                                       \
    do {                                                                                 \
        struct block *chained_ = block->successor[exit_];                                \
        if (__builtin_expect(chained_ == NULL || ((check_pc) && chained_->pc != pc), 0)) { \
            chained_ = (check_pc) ? cache->jump_cache[jump_cache_index(pc)] : NULL;      \
            if (!chained_ || chained_->pc != pc || tracing || flush_pending) {           \
                exit_index = (exit_);                                                    \
                goto next_block;                                                         \
            }                                                                            \
            ((struct block *)block)->successor[exit_] = chained_; /* the latest */       \
        }                                                                                \
        if (__builtin_expect(cpu->exit_request || (counting && (chained_->jit_code != NULL || \
            (++chained_->exec_count >= threshold && !chained_->no_jit))), 0)) {          \
            exit_index = (exit_);                                                        \
            if (cpu->exit_request)                                                       \
                goto next_block;                                                         \
            cpu->handoff_block = chained_;                                               \
            goto handoff;                                                                \
        }                                                                                \
        block = chained_;                                                                \
        cpu->current_block = block;                                                      \
        rec = block->insns;                                                              \
        ENTER_BLOCK_HOOK();                                                              \
        goto *rec->handler;                                                              \
    } while (0)

/* Leaves the block after the current instruction, continuing at next; only
 * the instruction that ends a block does, so the block's whole count
 * retires.  The count is kept in a variable too, so that adding to it is
 * not a load, add and store through memory each block (a latency that
 * would bound how fast short blocks run).
 * The common case stays here: the successor this block had last time by
 * the same exit is taken without a lookup, else (an indirect jump) the block
 * the jump cache holds for the address, and the dispatch jump sits in this
 * handler, where the host predicts it per instruction kind rather than at
 * one shared site.  Which link is taken depends on a branch (jumped), not
 * on an index computed from loaded values: the host predicts the branch,
 * and the next block's address is one load away from this one's.  Links
 * are only made while nothing needs to see every block boundary (tracing)
 * and are cut by FLUSH_ICACHE; blocks are counted for the JIT tiers only
 * when there is one to move to. */
#define END_BLOCK(next)                                                                  \
    do {                                                                                 \
        icount += block->insn_count;                                                     \
        cpu->icount = icount;                                                            \
        pc = (next);                                                                     \
        if (jumped)                                                                      \
            TAKE_LINK(1, true);                                                          \
        TAKE_LINK(0, true);                                                              \
    } while (0)

/* The same for an instruction whose every jump target is fixed when it is
 * decoded: a link out of its block always leads to the same address. */
#define END_BLOCK_DIRECT(next)                                                           \
    do {                                                                                 \
        icount += block->insn_count;                                                     \
        cpu->icount = icount;                                                            \
        pc = (next);                                                                     \
        if (jumped)                                                                      \
            TAKE_LINK(1, false);                                                         \
        TAKE_LINK(0, false);                                                             \
    } while (0)

/* between the two bodies of a superinstruction */
#define NEXT_IN_PAIR()                                                                   \
    do {                                                                                 \
        rec++;                                                                           \
        INSN_HOOK();                                                                     \
    } while (0)

#define JUMP(target) (jumped = true, next_pc = (target))

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
#define SYNC_STATE() (cpu->pc = rec->pc, cpu->synced_icount = icount + (uint64_t)(rec - block->insns))
#define NOTE_MEMORY_ACCESS() (cpu->current_record = rec)

#define REG_WRITE(file, index, value) ((file)[index] = (value))
/* dest_nonzero: a handler variant the block builder picked because the
 * destination field does not name the zero register (gen/emit-handlers.c) */
#define REG_WRITE_NONZERO(file, zero, index, value)                                      \
    do {                                                                                 \
        __typeof__((file)[0]) reg_value_ = (value);                                      \
        size_t reg_index_ = (size_t)(index);                                             \
        if (dest_nonzero || reg_index_ != (zero))                                        \
            (file)[reg_index_] = reg_value_;                                             \
    } while (0)

#include "guest-access.h"

#define FENCE() __atomic_thread_fence(__ATOMIC_SEQ_CST)
/* the instruction ends its block: no link out of it may be taken */
#define FLUSH_ICACHE()                                                                   \
    (flush_pending = true, ((struct block *)block)->successor[0] = ((struct block *)block)->successor[1] = NULL)
#endif /* EMU_THREADED_INTERP_MACROS */

void ARCH_INTERP_RUN(struct cpu *cpu);
void ARCH_INTERP_RUN(struct cpu *cpu)
{
#include ARCH_HANDLER_LABELS
    static const struct interp_decoder decoder = {
        .decode = ARCH_DECODE,
        .insn_length = ARCH_INSN_LENGTH,
        .disassemble = ARCH_DISASSEMBLE,
        .meta = ARCH_META,
        .handler_labels = handler_labels,
        .variants = handler_variants,
        .pairs = handler_pairs,
        .illegal_label = &&illegal_insn,
        .fetch_fault_label = &&fetch_fault,
        .block_end_label = &&block_end,
    };
    struct block_cache *cache = cpu->blocks;
    const struct block *block;
    const struct decoded_insn *rec;
    uint64_t pc = cpu->pc;
    /* cpu->icount, which only this function changes while it runs */
    uint64_t icount = cpu->icount;
    bool flush_pending = false;
    /* per-block logging wants every block boundary to come through here */
    const bool tracing = (log_mask & (LOG_EXEC | LOG_CPU)) != 0;
    struct block *previous = NULL;
    unsigned exit_index = 0; /* the link of previous that led here */
    /* the generic handlers assume nothing of their destination */
    const bool dest_nonzero = false;
    (void)dest_nonzero;
    /* executions after which a block goes to a JIT tier */
    const bool counting = cpu->max_tier > 0;
    const uint32_t threshold = counting ? cpu->tier_threshold[1] : UINT32_MAX;

    block = NULL;
    goto lookup;

next_block:
    previous = (struct block *)block;
lookup:
    if (__builtin_expect(flush_pending, 0)) {
        cpu_flush_blocks(cpu); /* translated code too */
        flush_pending = false;
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
        if (previous && !tracing)
            previous->successor[exit_index] = found;
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
    {
        const bool jumped = false;
        END_BLOCK_DIRECT(rec->pc);
    }

illegal_insn:
    RAISE(EXC_ILLEGAL_INSN, ARCH_ILLEGAL_CAUSE, (uint64_t)rec->wide[0]);

fetch_fault:
    RAISE(EXC_FETCH_FAULT, ARCH_FETCH_FAULT_CAUSE, rec->pc);

#include ARCH_HANDLERS
}
