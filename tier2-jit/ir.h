/* The JIT's intermediate representation: a linear list of operations on
 * 64-bit temporaries, built per block by generated code (one emitter per
 * instruction, from the spec) and lowered to x86-64 by codegen.c.
 *
 * Values are kept extended by their type's signedness: an unsigned value of
 * width w is zero-extended to 64 bits, a signed one sign-extended, so 64-bit
 * compares and right shifts are right, and arithmetic narrower than 64 bits
 * is followed by an IR_EXT that restores the form.  Temporaries may be
 * assigned more than once (DSL locals); labels and conditional branches
 * stay inside one guest instruction. */
#ifndef EMU_JIT_IR_H
#define EMU_JIT_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decoded-insn.h"

typedef uint32_t ir_temp;
typedef uint32_t ir_label;

enum ir_op {
    IR_INSN_START,  /* imm = guest pc, a = index in block, rec = record */
    IR_CONST,       /* dst = imm */
    IR_MOV,         /* dst = a */
    IR_LOAD_CPU,    /* dst = *(width, signed)(cpu + imm) */
    IR_STORE_CPU,   /* *(width)(cpu + imm) = a */
    IR_ADD, IR_SUB, IR_MUL, IR_AND, IR_OR, IR_XOR,
    IR_SHL, IR_SHR, IR_SAR, /* amount = b & imm */
    IR_NEG, IR_NOT,
    IR_SETCC,       /* dst = (a cond b), cond in imm */
    IR_EXT,         /* dst = a extended from width, by is_signed */
    IR_LOAD,        /* dst = guest memory (width, signed) at a + imm (imm: a 32-bit displacement) */
    IR_STORE,       /* guest memory (width) at a + imm = b */
    IR_CALL,        /* dst = fn(args...) */
    IR_LABEL,       /* imm = label */
    IR_BR,          /* goto imm */
    IR_BRCOND,      /* if (a) goto imm */
    IR_EXIT_CONST,  /* leave the block for guest pc imm (chainable) */
    IR_EXIT_INDIRECT, /* leave the block for guest pc a */
    IR_RAISE,       /* exception: kind in width, cause in imm2, tval a */
    IR_CALL_INSN,   /* run the instruction's generated C function (fallback) */
    IR_FENCE,
    IR_SYNC,        /* pc and retired count into the cpu, for helpers with the cpu effect */
    IR_NOP,         /* removed by a pass */
    IR_BLOCK_BOUNDARY, /* a superblock enters its next block: imm instructions retired, fn = the block */
    /* plugins (tier2-jit/plugin-ir.c): on a uint64_t in host memory at imm,
     * width 0: += imm2, width 1: = imm2 */
    IR_PLUGIN_INLINE,
    /* goto label imm unless (*(uint64_t *)fn <cond width> imm2), unsigned */
    IR_PLUGIN_SKIP_UNLESS,
    IR_BRCMP, /* if (a <cond imm2> b) goto imm: a compare and its branch, fused (optimize.c) */
    IR_ROR,   /* dst = a rotated right by (b & imm): shifts or'ed together, merged (simplify.c) */
    /* back to the loop head, label imm2, adding this iteration's count to
     * temp b (read and written); unless the vCPU must stop: then an exit
     * to guest pc imm (loop-registers.c) */
    IR_LOOP_BACK,
};

enum ir_cond { IR_EQ, IR_NE, IR_LT, IR_LTU, IR_LE, IR_LEU, IR_GT, IR_GTU, IR_GE, IR_GEU };

/* A call argument: a temporary, the cpu pointer, or a pointer into the cpu. */
enum ir_arg_kind { IR_ARG_TEMP, IR_ARG_CPU, IR_ARG_CPU_FIELD };
struct ir_arg {
    enum ir_arg_kind kind;
    uint32_t value; /* temp, or field offset */
};

struct ir_insn {
    uint8_t op;
    uint8_t width; /* 8, 16, 32, 64 */
    uint8_t is_signed;
    uint8_t nargs;
    ir_temp dst, a, b;
    uint64_t imm;
    uint64_t imm2;
    const struct decoded_insn *rec;
    void *fn;
    struct ir_arg args[6];
    /* guest exits and accesses that may fault: the deferred stores to do
     * first on the way out (defer-stores.c), site_stores[first..+count) */
    uint32_t deferred_first, deferred_count;
};

/* A store of guest state moved off the hot path: done only where the block
 * leaves or faults before a later store overwrites it. */
struct ir_deferred_store {
    uint64_t offset;
    uint8_t width;
    ir_temp value; /* a temporary, or one recomputed there (ir_block.remat) */
};

/* A cpu field a loop keeps in a temporary (loop-registers.c): loaded
 * before the loop head, written back wherever the block leaves or faults. */
struct ir_promoted_field {
    uint64_t offset;
    uint8_t width;
    bool written; /* else the cpu still holds its value: nothing to write back */
    ir_temp temp;
};

struct ir_block {
    struct ir_insn *insns;
    uint32_t count, capacity;
    uint32_t temps;  /* temporaries used */
    uint32_t labels; /* labels used */
    /* the instruction being emitted */
    const struct decoded_insn *rec;
    uint32_t insn_index;
    bool unsupported; /* an emitter met something it cannot lower */
    /* called after each guest load and store the emitters make, while set:
     * rw is 1 for a load, 2 for a store (plugins watching accesses) */
    void (*after_access)(struct ir_block *b, ir_temp addr, ir_temp value, int width, bool is_signed, int rw);
    const void *after_access_data;
    /* deferred stores (defer-stores.c): the stores, each site's list of
     * them, and per temporary the operation that recomputes it at the
     * sites when its value is needed nowhere else (NULL: it is computed) */
    struct ir_deferred_store *deferred;
    uint32_t deferred_count;
    uint32_t *site_stores;
    uint32_t site_store_count;
    struct ir_insn **remat;
    /* a loop's fields in temporaries, and the instructions its iterations
     * retired, not yet in cpu->icount (UINT32_MAX: not a loop) */
    struct ir_promoted_field *promoted;
    uint32_t promoted_count;
    ir_temp loop_retired;
};

void ir_init(struct ir_block *b);
void ir_free(struct ir_block *b);

ir_temp ir_new_temp(struct ir_block *b);
ir_label ir_new_label(struct ir_block *b);

void ir_insn_start(struct ir_block *b, const struct decoded_insn *rec, uint32_t index);
ir_temp ir_const(struct ir_block *b, uint64_t value);
ir_temp ir_mov(struct ir_block *b, ir_temp a);
void ir_assign(struct ir_block *b, ir_temp dst, ir_temp a);
ir_temp ir_load_cpu(struct ir_block *b, size_t offset, int width, bool is_signed);
void ir_store_cpu(struct ir_block *b, size_t offset, int width, ir_temp value);
ir_temp ir_binary(struct ir_block *b, enum ir_op op, ir_temp x, ir_temp y);
ir_temp ir_shift(struct ir_block *b, enum ir_op op, ir_temp x, ir_temp amount, int width);
ir_temp ir_unary(struct ir_block *b, enum ir_op op, ir_temp x);
ir_temp ir_setcc(struct ir_block *b, enum ir_cond cond, ir_temp x, ir_temp y);
ir_temp ir_ext(struct ir_block *b, ir_temp x, int width, bool is_signed);
ir_temp ir_load(struct ir_block *b, ir_temp addr, int width, bool is_signed);
void ir_store(struct ir_block *b, ir_temp addr, ir_temp value, int width);
ir_temp ir_call(struct ir_block *b, void *fn, const struct ir_arg *args, int nargs, bool has_result);
void ir_label_here(struct ir_block *b, ir_label label);
void ir_br(struct ir_block *b, ir_label label);
void ir_brcond(struct ir_block *b, ir_temp cond, ir_label label);
void ir_exit_const(struct ir_block *b, uint64_t guest_pc);
void ir_exit_indirect(struct ir_block *b, ir_temp guest_pc);
/* kind 0: the exception is already in the cpu (set by a helper) */
void ir_raise(struct ir_block *b, int kind, uint32_t cause, ir_temp tval);
/* After a helper that may raise: leave if it did. */
void ir_raise_if_pending(struct ir_block *b);
void ir_call_insn(struct ir_block *b, void *fn);
void ir_fence(struct ir_block *b);
void ir_sync(struct ir_block *b);
void ir_block_boundary(struct ir_block *b, uint32_t retired, const void *next_block);
void ir_plugin_inline(struct ir_block *b, uint64_t *entry, bool store, uint64_t value);
void ir_plugin_skip_unless(struct ir_block *b, const uint64_t *entry, enum ir_cond cond, uint64_t value,
                           ir_label label);

/* Whether an operation may jump to the label in its imm. */
bool ir_branches_to_label(const struct ir_insn *in);
/* The temporary an operation writes, or UINT32_MAX. */
ir_temp ir_written_temp(const struct ir_insn *in);
/* Whether an operation in b->insns[from..to) writes t. */
bool ir_writes_between(const struct ir_block *b, ir_temp t, uint32_t from, uint32_t to);
/* The temporaries an operation reads, as pointers into it (so a pass can
 * rename them); returns how many (at most 6). */
int ir_operands(struct ir_insn *in, ir_temp *slots[6]);

/* Prints the IR (-d op). */
void ir_dump(const struct ir_block *b, void *file);

static inline struct ir_arg ir_arg_temp(ir_temp t) { return (struct ir_arg){IR_ARG_TEMP, t}; }
static inline struct ir_arg ir_arg_cpu(void) { return (struct ir_arg){IR_ARG_CPU, 0}; }
static inline struct ir_arg ir_arg_cpu_field(size_t offset) { return (struct ir_arg){IR_ARG_CPU_FIELD, (uint32_t)offset}; }

#endif
