/* The plugin event bus: what core/, the tiers and the environments call to
 * load plugins and report events to them.  The plugins' side is the
 * QEMU-compatible API in tools/plugins/qemu-plugin.h, implemented in
 * core/plugin-*.c.
 *
 * Execution events are attached to blocks: when a block is decoded the
 * plugins' translation callbacks register operations on it (callbacks,
 * inline operations on scoreboards, memory callbacks), kept as a
 * plugin_block_ops beside the block.  Tier 0 runs them from its
 * instrumented interpreter; the JIT tiers compile them into the block's
 * code (inline operations and conditions as host code, callbacks as calls).
 * Every tier sees the same blocks, so the events are the same on each. */
#ifndef EMU_CORE_PLUGIN_H
#define EMU_CORE_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plugin-scoreboard.h"
#include "qemu-plugin.h"

struct block;
struct cpu;
struct decoded_insn;

enum plugin_op_kind {
    PLUGIN_OP_CALL,      /* cb(vcpu, userdata) */
    PLUGIN_OP_COND_CALL, /* the same, when entry <cond> imm */
    PLUGIN_OP_INLINE,    /* entry += imm or entry = imm */
    PLUGIN_OP_MEM_CALL,  /* cb(vcpu, info, vaddr, userdata) after an access */
};

struct plugin_context;

struct plugin_op {
    uint8_t kind;      /* plugin_op_kind */
    uint8_t cb_flags;  /* enum qemu_plugin_cb_flags */
    uint8_t rw;        /* memory operations: the accesses they follow */
    uint8_t cond;      /* enum qemu_plugin_cond */
    uint8_t inline_op; /* enum qemu_plugin_op */
    uint32_t generation; /* the owner's when registered (reset makes it stale) */
    const uint32_t *owner_generation;
    struct plugin_context *owner;
    struct qemu_plugin_scoreboard *score; /* inline and conditional: the entry */
    size_t offset;
    uint64_t imm;
    void (*cb)(void);
    void *userdata;
};

struct plugin_ops {
    struct plugin_op *ops;
    uint32_t count;
};

struct plugin_insn_ops {
    struct plugin_ops exec; /* before the instruction runs */
    struct plugin_ops mem;  /* after each of its memory accesses */
};

/* Attached to a block (block->plugin); NULL when no plugin asked for
 * anything there. */
struct plugin_block_ops {
    struct plugin_ops exec; /* when the block starts */
    uint32_t insn_count;
    struct plugin_insn_ops insns[];
};

/* --- loading (core/plugin-loader.c) --- */

/* Records "--plugin FILE[,arg=value...]"; loading happens later, once the
 * guest is known.  Returns false (with a message) for a malformed spec. */
bool plugin_add_spec(const char *spec);
/* The specs given, for re-executing emu with the same plugins. */
int plugin_spec_count(void);
const char *plugin_spec(int index);
/* Loads and installs every plugin given; false (with a message) if one
 * cannot be loaded or its install fails. */
bool plugins_load(const char *target_name, const char *binary_path, uint64_t load_bias, uint64_t entry);

/* True when any plugin is loaded (tests for the slow paths). */
extern bool plugins_enabled;
/* True when some plugin registered a translation callback: blocks may carry
 * operations and tier 0 runs its instrumented interpreter. */
extern bool plugins_instrument;

/* --- events (core/plugin-events.c) --- */

void plugin_vcpu_init(struct cpu *cpu);
void plugin_vcpu_exit(struct cpu *cpu);
void plugin_vcpu_idle(struct cpu *cpu);
void plugin_vcpu_resume(struct cpu *cpu);
/* A new block: runs the translation callbacks, which may attach operations. */
void plugin_block_translated(struct cpu *cpu, struct block *block);
/* Syscall entry: the syscall callbacks, then the filters. */
enum plugin_syscall_verdict {
    PLUGIN_SYSCALL_RUN,      /* run it */
    PLUGIN_SYSCALL_FILTERED, /* a filter took it: its result is in *result */
    PLUGIN_SYSCALL_MOVED,    /* a callback moved the pc: no result, go on there */
};
enum plugin_syscall_verdict plugin_syscall_enter(struct cpu *cpu, int64_t number, const uint64_t args[6],
                                                 uint64_t *result);
void plugin_syscall_return(struct cpu *cpu, int64_t number, int64_t result);
void plugin_discontinuity(struct cpu *cpu, enum qemu_plugin_discon_type type, uint64_t from_pc, uint64_t to_pc);
/* After this vCPU dropped its translations. */
void plugin_flush(void);
/* Once, when the program ends: vCPU exit then at-exit callbacks. */
void plugin_program_exit(struct cpu *cpu);
/* A reset or uninstall asked every vCPU to drop its translations: true
 * (once per request) for this cpu. */
bool plugin_flush_requested(struct cpu *cpu);

/* --- execution (core/plugin-exec.c) --- */

/* meminfo: bits 0-1 log2 of the size, bit 2 sign-extended, bit 3 big
 * endian, bits 4-5 the access (QEMU_PLUGIN_MEM_R/W/RW). */
static inline qemu_plugin_meminfo_t plugin_meminfo(unsigned size, bool is_signed, bool big_endian, unsigned rw)
{
    unsigned shift = size == 8 ? 3 : size == 4 ? 2 : size == 2 ? 1 : 0;
    return (qemu_plugin_meminfo_t)(shift | (is_signed ? 4u : 0u) | (big_endian ? 8u : 0u) | (rw << 4));
}

/* Runs a list of execution operations for cpu at the instruction rec
 * (pc and the retired count are in the cpu when this is called). */
void plugin_run_exec_ops(struct cpu *cpu, const struct plugin_ops *ops);
/* One memory access by the instruction with these operations. */
void plugin_run_mem_ops(struct cpu *cpu, const struct plugin_ops *ops, uint64_t vaddr, qemu_plugin_meminfo_t info,
                        uint64_t value);
/* For one call of an operation from JIT code. */
void plugin_call_exec_op(struct cpu *cpu, const struct plugin_op *op);
/* For the memory callbacks of an access from JIT code. */
void plugin_call_mem_ops(struct cpu *cpu, const struct plugin_ops *ops, uint64_t vaddr, uint64_t info,
                         uint64_t value);
/* A memory access made by an instruction's generated C function (tier 0's
 * instrumented handlers and the JIT's fallbacks) inside block. */
void plugin_record_access(struct cpu *cpu, const struct block *block, const struct decoded_insn *rec, uint64_t vaddr,
                          qemu_plugin_meminfo_t info, uint64_t value);
/* The address of the running vCPU's entry for an operation's scoreboard. */
static inline uint64_t *plugin_op_entry(const struct plugin_op *op, unsigned vcpu_index)
{
    return scoreboard_entry_u64(op->score, vcpu_index, op->offset);
}
/* An operation still belongs to a plugin that wants it (a reset or an
 * uninstall moves the owner's generation on). */
static inline bool plugin_op_live(const struct plugin_op *op) { return op->generation == *op->owner_generation; }
/* An inline addition whose plugin still wants it. */
static inline bool plugin_op_is_live_add(const struct plugin_op *op)
{
    return op->kind == PLUGIN_OP_INLINE && op->inline_op == QEMU_PLUGIN_INLINE_ADD_U64 && plugin_op_live(op);
}
/* Whether a conditional operation's condition holds for value. */
bool plugin_cond_holds(enum qemu_plugin_cond cond, uint64_t value, uint64_t imm);
/* Frees the operations of a block. */
void plugin_block_ops_free(struct plugin_block_ops *ops);

#endif
