/* IR to x86-64.  Register conventions inside JIT code: rbx = the cpu,
 * r12 = guest_base (a temporary's register instead when guest_base is 0:
 * then a guest address is the host's), r13 = the temporaries' spill
 * slots; rax, rcx, rdx are
 * the code generator's scratch; rbp, r14, r15, r10, r11, rsi, rdi, r8, r9
 * hold temporaries as regalloc.c assigns them.  rsp is 16-byte aligned at
 * every call.
 *
 * The protocol with the dispatcher (jit.c): code is entered through the
 * cache's trampoline and returns a jit_exit_code in rax: 0 (continue at
 * cpu->pc), 1 (exception in cpu->exception), 2 (flush translated code, then
 * continue), or a pointer to a struct jit_exit (a direct exit not chained
 * yet: the dispatcher may patch its jump to the target's code). */
#include "codegen.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "block-cache.h"
#include "cpu.h"
#include "guest-memory.h"
#include "host-fault.h"
#include "x86-encode.h"

#define CPU RBX
#define TEMPS R13

static int32_t temp_slot(ir_temp t) { return (int32_t)(8 * t); }

/* Where each temporary lives: a host register (regalloc.c), or its slot;
 * a temporary written once with a constant lives nowhere: its value is put
 * in place where it is used (an immediate, or a register just then). */
static __thread const int8_t *temp_register;
static __thread const bool *temp_is_constant;
static __thread const uint64_t *temp_constant;
/* the block whose records the operations being emitted belong to */
static __thread const struct block *current_block;
/* the IR being emitted (its deferred stores) */
static __thread const struct ir_block *current_ir;
/* per temporary, the operation that assigns it when only one does */
static __thread const struct ir_insn **current_def;
/* the compare whose result the host flags hold, if valid */
struct compared {
    bool valid;
    ir_temp a, b;
};
static __thread struct compared host_flags;
/* Instructions of a superblock's earlier blocks not yet added to
 * cpu->icount: exits and fault paths add them with their own, so the hot
 * path has no add per block boundary.  Made real before an instruction
 * that calls out (a helper, a fallback), which may read the count. */
static __thread uint32_t icount_base;

/* The out-of-line paths of each guest access, emitted after the block's
 * code so the hot path falls straight through: the exact check when the
 * base register failed its check (raise, or back to the access), and the
 * recovery code of its host faults. */
struct cold_access {
    uint8_t *jump;   /* the failed base check's jump, NULL when the base was checked before */
    uint8_t *resume; /* after the check: the access */
    enum x86_reg base; /* where the base is */
    const struct ir_insn *access; /* its deferred stores go first */
    const struct decoded_insn *rec;
    uint32_t index;
    int kind;
    uint32_t cause;
    size_t site; /* the access's fault site, which gets recovery code if there are stores to do first */
};
static __thread struct cold_access *cold_accesses;
static __thread uint32_t cold_access_count;
/* Temporaries checked as access bases since they were last assigned, on
 * every path to here (forgotten at labels, the joins). */
enum { MAX_CHECKED_BASES = 16 };
static __thread ir_temp checked_bases[MAX_CHECKED_BASES];
static __thread int checked_base_count;

static void note_fault_site(struct jit_cache *cache, const uint8_t *start, const uint8_t *end,
                            const struct decoded_insn *rec, const struct block *block)
{
    if (cache->site_count == cache->site_capacity) {
        size_t capacity = cache->site_capacity ? cache->site_capacity * 2 : 1024;
        struct jit_fault_site *sites = realloc(cache->sites, capacity * sizeof *sites);
        if (!sites)
            abort();
        cache->sites = sites;
        cache->site_capacity = capacity;
    }
    cache->sites[cache->site_count++] =
        (struct jit_fault_site){(uintptr_t)start, (uintptr_t)end, rec, block, NULL, icount_base};
}

static bool constant_of(ir_temp t, uint64_t *value)
{
    if (!temp_is_constant || !temp_is_constant[t])
        return false;
    *value = temp_constant[t];
    return true;
}

static bool fits_imm32(uint64_t value) { return (int64_t)value >= INT32_MIN && (int64_t)value <= INT32_MAX; }

static void load_temp(struct x86_buffer *x, enum x86_reg reg, ir_temp t)
{
    uint64_t value;
    if (constant_of(t, &value))
        x86_mov_imm(x, reg, value);
    else if (temp_register && temp_register[t] >= 0)
        x86_mov_rr(x, reg, (enum x86_reg)temp_register[t]);
    else
        x86_load(x, reg, TEMPS, temp_slot(t), 64, false);
}

static void store_temp(struct x86_buffer *x, ir_temp t, enum x86_reg reg)
{
    if (temp_register && temp_register[t] >= 0)
        x86_mov_rr(x, (enum x86_reg)temp_register[t], reg);
    else
        x86_store(x, TEMPS, temp_slot(t), reg, 64);
}

/* The register that holds t: its own, or scratch after loading it. */
static enum x86_reg temp_in_register(struct x86_buffer *x, ir_temp t, enum x86_reg scratch)
{
    uint64_t value;
    if (constant_of(t, &value)) {
        x86_mov_imm(x, scratch, value);
        return scratch;
    }
    if (temp_register && temp_register[t] >= 0)
        return (enum x86_reg)temp_register[t];
    load_temp(x, scratch, t);
    return scratch;
}

/* Where to compute t: its own register, or scratch (then store_result). */
static enum x86_reg result_register(ir_temp t, enum x86_reg scratch)
{
    return temp_register && temp_register[t] >= 0 ? (enum x86_reg)temp_register[t] : scratch;
}

static void store_result(struct x86_buffer *x, ir_temp t, enum x86_reg reg)
{
    if (!(temp_register && temp_register[t] >= 0))
        x86_store(x, TEMPS, temp_slot(t), reg, 64);
}

static void store_cpu_imm(struct x86_buffer *x, size_t offset, uint64_t value, int width)
{
    x86_mov_imm(x, RCX, value);
    x86_store(x, CPU, (int32_t)offset, RCX, width);
}

static void add_icount(struct x86_buffer *x, uint32_t count)
{
    if (count)
        x86_alu_mi(x, ALU_ADD, CPU, (int32_t)offsetof(struct cpu, icount), (int32_t)count, 64);
}

static void jump_to(struct x86_buffer *x, const uint8_t *target) { x86_patch_rel32(x86_jmp_rel32(x), target); }

/* Leaves JIT code with exit code in eax. */
static void leave_with(struct x86_buffer *x, const struct jit_cache *cache, uint32_t code)
{
    x86_mov_imm(x, RAX, code);
    jump_to(x, cache->epilogue);
}

/* The exception path: the instruction at rec did not complete (its tval
 * already stored). */
static void emit_raise_stored_tval(struct x86_buffer *x, const struct jit_cache *cache,
                                   const struct decoded_insn *rec, uint32_t index, int kind, uint32_t cause)
{
    if (kind) {
        store_cpu_imm(x, offsetof(struct cpu, exception.kind), (uint64_t)kind, 32);
        store_cpu_imm(x, offsetof(struct cpu, exception.cause), cause, 32);
    }
    store_cpu_imm(x, offsetof(struct cpu, exception.next_pc), rec->pc + rec->length, 64);
    store_cpu_imm(x, offsetof(struct cpu, pc), rec->pc, 64);
    add_icount(x, index);
    leave_with(x, cache, JIT_EXIT_EXCEPTION);
}

static void emit_raise(struct x86_buffer *x, const struct jit_cache *cache, const struct decoded_insn *rec,
                       uint32_t index, int kind, uint32_t cause, enum x86_reg tval)
{
    if (kind)
        x86_store(x, CPU, (int32_t)offsetof(struct cpu, exception.tval), tval, 64);
    emit_raise_stored_tval(x, cache, rec, index, kind, cause);
}

static enum x86_cond condition(enum ir_cond cond)
{
    static const enum x86_cond map[] = {
        [IR_EQ] = CC_E, [IR_NE] = CC_NE, [IR_LT] = CC_L, [IR_LTU] = CC_B, [IR_LE] = CC_LE,
        [IR_LEU] = CC_BE, [IR_GT] = CC_G, [IR_GTU] = CC_A, [IR_GE] = CC_GE, [IR_GEU] = CC_AE,
    };
    return map[cond];
}

static const enum x86_alu alu_of[] = {[IR_ADD] = ALU_ADD, [IR_SUB] = ALU_SUB, [IR_AND] = ALU_AND, [IR_OR] = ALU_OR,
                                      [IR_XOR] = ALU_XOR};
static const enum x86_shift shift_of[] = {[IR_SHL] = SHIFT_SHL, [IR_SHR] = SHIFT_SHR, [IR_SAR] = SHIFT_SAR,
                                          [IR_ROR] = SHIFT_ROR};

/* Deferred stores (defer-stores.c): values recomputed in a stack of
 * scratch registers, rax, rcx, rdx; the pass keeps within three. */
static const enum x86_reg scratch_stack[] = {RAX, RCX, RDX};

static enum x86_reg emit_site_value(struct x86_buffer *x, ir_temp t, int level);
static void emit_stores_deferred_to(struct x86_buffer *x, const struct ir_insn *site, bool into_registers);

static enum x86_reg emit_recompute(struct x86_buffer *x, const struct ir_insn *in, int level)
{
    enum x86_reg r = scratch_stack[level];
    uint64_t immediate;
    switch (in->op) {
    case IR_SETCC: {
        enum x86_reg a = emit_site_value(x, in->a, level);
        if (constant_of(in->b, &immediate) && immediate == 0)
            x86_test_rr(x, a, a);
        else if (constant_of(in->b, &immediate) && fits_imm32(immediate))
            x86_alu_ri(x, ALU_CMP, a, (int32_t)immediate);
        else
            x86_alu_rr(x, ALU_CMP, a, emit_site_value(x, in->b, level + 1));
        x86_setcc(x, condition((enum ir_cond)in->imm), r);
        return r;
    }
    case IR_EXT:
        x86_extend(x, r, emit_site_value(x, in->a, level), in->width, in->is_signed);
        return r;
    default:
        break;
    }
    x86_mov_rr(x, r, emit_site_value(x, in->a, level));
    switch (in->op) {
    case IR_MOV:
        break;
    case IR_NOT:
        x86_not(x, r);
        break;
    case IR_NEG:
        x86_neg(x, r);
        break;
    case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROR: {
        uint64_t amount = 0;
        constant_of(in->b, &amount);
        if ((amount & in->imm) != 0)
            x86_shift_imm(x, shift_of[in->op], r, (uint8_t)(amount & in->imm));
        break;
    }
    default: {
        if (constant_of(in->b, &immediate) && fits_imm32(immediate))
            x86_alu_ri(x, alu_of[in->op], r, (int32_t)immediate);
        else
            x86_alu_rr(x, alu_of[in->op], r, emit_site_value(x, in->b, level + 1));
        break;
    }
    }
    return r;
}

/* The register holding t's value at a site: its own, or the level's
 * scratch register after loading or recomputing it. */
static enum x86_reg emit_site_value(struct x86_buffer *x, ir_temp t, int level)
{
    if (current_ir->remat && current_ir->remat[t])
        return emit_recompute(x, current_ir->remat[t], level);
    return temp_in_register(x, t, scratch_stack[level]);
}

/* A loop's fields back into the cpu and its iterations' count added
 * (loop-registers.c), wherever it leaves or faults.  An add, not a store:
 * the host fault handler counts the faulting block's own instructions
 * before the recovery code runs. */
static void emit_promoted_spills(struct x86_buffer *x)
{
    for (uint32_t k = 0; k < current_ir->promoted_count; k++) {
        const struct ir_promoted_field *field = &current_ir->promoted[k];
        if (field->written)
            x86_store(x, CPU, (int32_t)field->offset, temp_in_register(x, field->temp, RAX), field->width);
    }
    if (current_ir->loop_retired != UINT32_MAX) {
        enum x86_reg retired = temp_in_register(x, current_ir->loop_retired, RAX);
        x86_load(x, RCX, CPU, (int32_t)offsetof(struct cpu, icount), 64, false);
        x86_alu_rr(x, ALU_ADD, RCX, retired);
        x86_store(x, CPU, (int32_t)offsetof(struct cpu, icount), RCX, 64);
    }
}

/* Everything a site does before it leaves: the loop's fields, then the
 * stores deferred to it. */
static void emit_deferred_stores(struct x86_buffer *x, const struct ir_insn *site)
{
    emit_promoted_spills(x);
    emit_stores_deferred_to(x, site, false);
}

/* With into_registers (a loop going round again), a store to a field the
 * loop keeps in a temporary goes there instead. */
static void emit_stores_deferred_to(struct x86_buffer *x, const struct ir_insn *site, bool into_registers)
{
    for (uint32_t k = 0; k < site->deferred_count; k++) {
        const struct ir_deferred_store *store = &current_ir->deferred[current_ir->site_stores[site->deferred_first + k]];
        enum x86_reg value = emit_site_value(x, store->value, 0);
        const struct ir_promoted_field *field = NULL;
        for (uint32_t p = 0; into_registers && p < current_ir->promoted_count; p++)
            if (current_ir->promoted[p].offset == store->offset)
                field = &current_ir->promoted[p]; /* the same width: loop-registers.c */
        if (field)
            store_temp(x, field->temp, value);
        else
            x86_store(x, CPU, (int32_t)store->offset, value, store->width);
    }
}

static int size_index(int width) { return width == 8 ? 0 : width == 16 ? 1 : width == 32 ? 2 : 3; }

static bool base_checked(ir_temp t)
{
    for (int k = 0; k < checked_base_count; k++)
        if (checked_bases[k] == t)
            return true;
    return false;
}

static void forget_checked_base(ir_temp t)
{
    for (int k = 0; k < checked_base_count; k++)
        if (checked_bases[k] == t)
            checked_bases[k--] = checked_bases[--checked_base_count];
}

/* A guest memory access at base + displacement (IR_LOAD/IR_STORE's a +
 * imm): the host access is at the register returned + imm (address_of
 * says how: r12 added when guest_base is not 0).  The base
 * is checked to be in the guest space, once: a later access through it,
 * at any 32-bit displacement, lands in the space or its guards
 * (guest-memory.h), where the host fault is the guest's.  A base that
 * fails goes to the exact check of its address out of line. */
static enum x86_reg emit_access_base(struct x86_buffer *x, const struct jit_cache *cache, const struct ir_insn *in,
                                     int kind, uint32_t cause)
{
    enum x86_reg base = temp_in_register(x, in->a, RAX);
    struct cold_access *cold = &cold_accesses[cold_access_count++];
    *cold = (struct cold_access){NULL, NULL, base, in, in->rec, icount_base + (in->rec ? (uint32_t)in->imm2 : 0),
                                 kind, cause, 0};
    if (!base_checked(in->a)) {
        x86_alu_r_riprel(x, ALU_CMP, base, &cache->access_limits[JIT_BASE_LIMIT]);
        cold->jump = x86_jcc_rel32(x, CC_A);
        cold->resume = x->at;
        if (checked_base_count < MAX_CHECKED_BASES)
            checked_bases[checked_base_count++] = in->a;
    }
    return base;
}

/* How an access addresses guest memory: r12 + base when guest_base is not
 * 0; else the base register alone, or x + y * 2^s where the base is
 * x + (y << s) and both are in registers (jit_scaled_address). */
struct address {
    enum x86_reg base;
    int index; /* a register, or -1 */
    int shift;
};

static struct address address_of(const struct ir_insn *in, enum x86_reg base)
{
    if (guest_base)
        return (struct address){R12, base, 0};
    ir_temp x, y;
    int shift;
    if (jit_scaled_address(current_def, in, &x, &y, &shift) && temp_register[x] >= 0 && temp_register[y] >= 0)
        return (struct address){(enum x86_reg)temp_register[x], temp_register[y], shift};
    return (struct address){base, -1, 0};
}

/* Each access's out-of-line code.  A base out of the space may still
 * address it with the displacement: the exact check goes back to the
 * access then, else raises with the address (the base register was
 * noted checked: the next accesses through it are guarded, being within
 * 32-bit displacements of this valid one).  An access with stores to do
 * first gets its host fault's recovery code: the stores, then back to the
 * resume point. */
static void emit_cold_accesses(struct x86_buffer *x, struct jit_cache *cache)
{
    for (uint32_t i = 0; i < cold_access_count && !x->overflow; i++) {
        const struct cold_access *cold = &cold_accesses[i];
        if (cold->jump) {
            x86_patch_rel32(cold->jump, x->at);
            x86_lea(x, RCX, cold->base, (int32_t)cold->access->imm);
            x86_alu_r_riprel(x, ALU_CMP, RCX, &cache->access_limits[size_index(cold->access->width)]);
            x86_patch_rel32(x86_jcc_rel32(x, CC_BE), cold->resume);
            x86_store(x, CPU, (int32_t)offsetof(struct cpu, exception.tval), RCX, 64);
            emit_deferred_stores(x, cold->access);
            emit_raise_stored_tval(x, cache, cold->rec, cold->index, cold->kind, cold->cause);
        }
        if (cold->access->deferred_count || current_ir->loop_retired != UINT32_MAX) {
            cache->sites[cold->site].recovery = x->at;
            emit_deferred_stores(x, cold->access);
            x86_mov_imm(x, RAX, (uint64_t)(uintptr_t)host_fault_resume_guest);
            x86_call_reg(x, RAX);
        }
    }
}

/* A chained exit jumps straight to the next block's code without storing
 * the pc: nothing there reads it (its own exits and exceptions store it,
 * and its entry stores it before leaving for the tier manager). */
static void emit_exit_const(struct x86_buffer *x, struct jit_cache *cache, const struct ir_insn *in)
{
    add_icount(x, icount_base + in->a + 1);
    struct jit_exit *exit = jit_cache_alloc_exit(cache);
    x->end = cache->end; /* exit records grow down into the free space */
    if (!exit || x->at >= x->end) {
        x->overflow = true;
        return;
    }
    /* the patchable jump, first to the stub right after it */
    exit->jump = x86_jmp_rel32(x);
    exit->target_pc = in->imm;
    x86_patch_rel32(exit->jump, x->at);
    store_cpu_imm(x, offsetof(struct cpu, pc), in->imm, 64);
    x86_mov_imm(x, RAX, (uint64_t)(uintptr_t)exit);
    jump_to(x, cache->epilogue);
}

/* An indirect exit looks the target up in the jump cache inline and goes
 * straight to its code when it has some. */
static void emit_exit_indirect(struct x86_buffer *x, const struct jit_cache *cache, const struct ir_insn *in)
{
    add_icount(x, icount_base + in->b + 1);
    load_temp(x, RAX, in->a);
    x86_store(x, CPU, (int32_t)offsetof(struct cpu, pc), RAX, 64);
    x86_mov_rr(x, RCX, RAX);
    x86_shift_imm(x, SHIFT_SHR, RCX, 1);
    x86_alu_ri(x, ALU_AND, RCX, JUMP_CACHE_SIZE - 1);
    x86_shift_imm(x, SHIFT_SHL, RCX, 3);
    x86_load(x, RDX, CPU, (int32_t)offsetof(struct cpu, blocks), 64, false);
    x86_alu_rr(x, ALU_ADD, RCX, RDX);
    x86_load(x, RDX, RCX, (int32_t)offsetof(struct block_cache, jump_cache), 64, false);
    x86_test_rr(x, RDX, RDX);
    uint8_t *miss1 = x86_jcc_rel32(x, CC_E);
    x86_load(x, RCX, RDX, (int32_t)offsetof(struct block, pc), 64, false);
    x86_alu_rr(x, ALU_CMP, RCX, RAX);
    uint8_t *miss2 = x86_jcc_rel32(x, CC_NE);
    x86_load(x, RDX, RDX, (int32_t)offsetof(struct block, jit_code), 64, false);
    x86_test_rr(x, RDX, RDX);
    uint8_t *miss3 = x86_jcc_rel32(x, CC_E);
    x86_jmp_reg(x, RDX);
    x86_patch_rel32(miss1, x->at);
    x86_patch_rel32(miss2, x->at);
    x86_patch_rel32(miss3, x->at);
    leave_with(x, cache, JIT_EXIT_CONTINUE);
}

static bool is_argument_register(int reg) { return reg == RDI || reg == RSI || reg == R8 || reg == R9; }

static void emit_call(struct x86_buffer *x, const struct ir_insn *in)
{
    static const enum x86_reg arg_regs[6] = {RDI, RSI, RDX, RCX, R8, R9};
    /* an argument held in an argument register could be overwritten by an
     * earlier argument: such ones go through their memory slot */
    bool via_slot[6] = {false};
    for (int i = 0; i < in->nargs; i++) {
        const struct ir_arg *arg = &in->args[i];
        if (arg->kind == IR_ARG_TEMP && temp_register && temp_register[arg->value] >= 0 &&
            is_argument_register(temp_register[arg->value])) {
            x86_store(x, TEMPS, temp_slot(arg->value), (enum x86_reg)temp_register[arg->value], 64);
            via_slot[i] = true;
        }
    }
    for (int i = 0; i < in->nargs; i++) {
        const struct ir_arg *arg = &in->args[i];
        switch (arg->kind) {
        case IR_ARG_TEMP:
            if (via_slot[i])
                x86_load(x, arg_regs[i], TEMPS, temp_slot(arg->value), 64, false);
            else
                load_temp(x, arg_regs[i], arg->value);
            break;
        case IR_ARG_CPU:
            x86_mov_rr(x, arg_regs[i], CPU);
            break;
        case IR_ARG_CPU_FIELD:
            x86_lea(x, arg_regs[i], CPU, (int32_t)arg->value);
            break;
        }
    }
    x86_mov_imm(x, RAX, (uint64_t)(uintptr_t)in->fn);
    x86_call_reg(x, RAX);
    if (in->dst != UINT32_MAX)
        store_temp(x, in->dst, RAX);
}

static void emit_call_insn(struct x86_buffer *x, const struct jit_cache *cache, const struct ir_insn *in)
{
    x86_mov_rr(x, RDI, CPU);
    x86_mov_imm(x, RSI, (uint64_t)(uintptr_t)in->rec);
    x86_mov_imm(x, RDX, in->a);
    x86_mov_imm(x, RAX, (uint64_t)(uintptr_t)in->fn);
    x86_call_reg(x, RAX);
    /* JIT_INSN_CONTINUE (0) falls through; EXIT (1) and FLUSH (3) leave with
     * the next pc in the cpu; RAISED (2) leaves with the exception */
    x86_test_rr(x, RAX, RAX);
    uint8_t *next = x86_jcc_rel32(x, CC_E);
    x86_alu_ri(x, ALU_CMP, RAX, 2);
    uint8_t *raised = x86_jcc_rel32(x, CC_E);
    add_icount(x, icount_base + in->a + 1);
    x86_alu_ri(x, ALU_SUB, RAX, 1); /* 1 -> JIT_EXIT_CONTINUE, 3 -> JIT_EXIT_FLUSH */
    jump_to(x, cache->epilogue);
    x86_patch_rel32(raised, x->at);
    add_icount(x, icount_base + in->a);
    leave_with(x, cache, JIT_EXIT_EXCEPTION);
    x86_patch_rel32(next, x->at);
}

/* cmp a, b (b as an immediate when it is a constant that fits; test a, a
 * for 0, which sets the flags every condition reads alike) */
static void emit_compare(struct x86_buffer *x, const struct ir_insn *in)
{
    enum x86_reg a = temp_in_register(x, in->a, RAX);
    uint64_t immediate;
    if (constant_of(in->b, &immediate) && immediate == 0)
        x86_test_rr(x, a, a);
    else if (constant_of(in->b, &immediate) && fits_imm32(immediate))
        x86_alu_ri(x, ALU_CMP, a, (int32_t)immediate);
    else
        x86_alu_rr(x, ALU_CMP, a, temp_in_register(x, in->b, RCX));
}

/* Whether the instruction starting at start calls a helper or its
 * fallback (which may read the instruction count). */
static bool calls_out(const struct ir_insn *start)
{
    for (const struct ir_insn *in = start + 1; in < current_ir->insns + current_ir->count; in++) {
        if (in->op == IR_INSN_START || in->op == IR_BLOCK_BOUNDARY)
            return false;
        if (in->op == IR_CALL || in->op == IR_CALL_INSN || in->op == IR_SYNC)
            return true;
    }
    return false;
}

static bool same_value(ir_temp x, ir_temp y)
{
    uint64_t vx, vy;
    return x == y || (constant_of(x, &vx) && constant_of(y, &vy) && vx == vy);
}

/* Whether the host flags still hold a compare of temps a and b: what an
 * operation leaves them as, before it is emitted. */
static void track_host_flags(const struct ir_insn *in)
{
    switch (in->op) {
    case IR_SETCC: case IR_STORE_CPU: case IR_INSN_START: case IR_NOP: case IR_CONST: case IR_MOV: case IR_LOAD_CPU:
        break; /* code that leaves the flags alone */
    default:
        host_flags.valid = false;
        return;
    }
    ir_temp written = ir_written_temp(in);
    if (written != UINT32_MAX && (written == host_flags.a || written == host_flags.b) && in->op != IR_SETCC)
        host_flags.valid = false;
}

static void emit_op(struct x86_buffer *x, struct jit_cache *cache, const struct ir_insn *in,
                    uint8_t **label_at, uint8_t ***fixups, uint32_t *fixup_count)
{
    track_host_flags(in);
    switch (in->op) {
    case IR_INSN_START:
        if (icount_base && calls_out(in)) {
            add_icount(x, icount_base);
            icount_base = 0;
        }
        break;
    case IR_NOP:
        break;
    case IR_CONST: {
        uint64_t known;
        if (constant_of(in->dst, &known))
            break; /* put in place at each use */
        enum x86_reg r = result_register(in->dst, RAX);
        x86_mov_imm(x, r, in->imm);
        store_result(x, in->dst, r);
        break;
    }
    case IR_MOV: {
        enum x86_reg src = temp_in_register(x, in->a, RAX);
        enum x86_reg r = result_register(in->dst, src);
        x86_mov_rr(x, r, src);
        store_result(x, in->dst, r);
        break;
    }
    case IR_LOAD_CPU: {
        enum x86_reg r = result_register(in->dst, RAX);
        x86_load(x, r, CPU, (int32_t)in->imm, in->width, in->is_signed);
        store_result(x, in->dst, r);
        break;
    }
    case IR_STORE_CPU:
        x86_store(x, CPU, (int32_t)in->imm, temp_in_register(x, in->a, RAX), in->width);
        break;
    case IR_ADD:
    case IR_SUB:
    case IR_AND:
    case IR_OR:
    case IR_XOR:
    case IR_MUL: {
        enum x86_reg a = temp_in_register(x, in->a, RAX);
        uint64_t immediate;
        if (in->op != IR_MUL && constant_of(in->b, &immediate) && fits_imm32(immediate)) {
            enum x86_reg r = result_register(in->dst, RAX);
            x86_mov_rr(x, r, a);
            x86_alu_ri(x, alu_of[in->op], r, (int32_t)immediate);
            store_result(x, in->dst, r);
            break;
        }
        enum x86_reg b = temp_in_register(x, in->b, RCX);
        /* two-operand form: compute in the result's register unless that
         * is b's, which the move of a would destroy */
        enum x86_reg r = result_register(in->dst, RAX);
        if (r == b && r != a)
            r = RAX;
        x86_mov_rr(x, r, a);
        if (in->op == IR_MUL)
            x86_imul_rr(x, r, b);
        else
            x86_alu_rr(x, alu_of[in->op], r, b);
        store_temp(x, in->dst, r);
        break;
    }
    case IR_SHL:
    case IR_SHR:
    case IR_SAR:
    case IR_ROR: {
        uint64_t amount;
        enum x86_shift kind = shift_of[in->op];
        if (constant_of(in->b, &amount)) {
            enum x86_reg a = temp_in_register(x, in->a, RAX);
            enum x86_reg r = result_register(in->dst, RAX);
            x86_mov_rr(x, r, a);
            if ((amount & in->imm) != 0)
                x86_shift_imm(x, kind, r, (uint8_t)(amount & in->imm));
            store_result(x, in->dst, r);
            break;
        }
        load_temp(x, RAX, in->a);
        load_temp(x, RCX, in->b);
        x86_alu_ri(x, ALU_AND, RCX, (int32_t)in->imm);
        x86_shift_cl(x, kind, RAX);
        store_temp(x, in->dst, RAX);
        break;
    }
    case IR_NEG:
    case IR_NOT: {
        enum x86_reg a = temp_in_register(x, in->a, RAX);
        enum x86_reg r = result_register(in->dst, RAX);
        x86_mov_rr(x, r, a);
        if (in->op == IR_NEG)
            x86_neg(x, r);
        else
            x86_not(x, r);
        store_result(x, in->dst, r);
        break;
    }
    case IR_SETCC: {
        /* the flags of the same compare just made serve again (N and Z of
         * a result, one test) */
        if (!(host_flags.valid && host_flags.a == in->a && same_value(host_flags.b, in->b)))
            emit_compare(x, in);
        host_flags = (struct compared){true, in->a, in->b};
        enum x86_reg r = result_register(in->dst, RAX);
        x86_setcc(x, condition((enum ir_cond)in->imm), r);
        store_result(x, in->dst, r);
        if (in->dst == in->a || in->dst == in->b)
            host_flags.valid = false;
        break;
    }
    case IR_EXT: {
        enum x86_reg a = temp_in_register(x, in->a, RAX);
        enum x86_reg r = result_register(in->dst, RAX);
        x86_extend(x, r, a, in->width, in->is_signed);
        store_result(x, in->dst, r);
        break;
    }
    case IR_LOAD: {
        enum x86_reg base = emit_access_base(x, cache, in, EXC_LOAD_FAULT, cache->load_fault_cause);
        enum x86_reg r = result_register(in->dst, RAX);
        uint8_t *access = x->at;
        struct address parts = address_of(in, base);
        if (parts.index >= 0)
            x86_load_indexed(x, r, parts.base, (enum x86_reg)parts.index, parts.shift, (int32_t)in->imm, in->width,
                             in->is_signed);
        else
            x86_load(x, r, base, (int32_t)in->imm, in->width, in->is_signed);
        cold_accesses[cold_access_count - 1].site = cache->site_count;
        note_fault_site(cache, access, x->at, in->rec, current_block);
        store_result(x, in->dst, r);
        break;
    }
    case IR_STORE: {
        enum x86_reg base = emit_access_base(x, cache, in, EXC_STORE_FAULT, cache->store_fault_cause);
        enum x86_reg value = temp_in_register(x, in->b, RCX);
        uint8_t *access = x->at;
        struct address parts = address_of(in, base);
        if (parts.index >= 0)
            x86_store_indexed(x, parts.base, (enum x86_reg)parts.index, parts.shift, (int32_t)in->imm, value,
                              in->width);
        else
            x86_store(x, base, (int32_t)in->imm, value, in->width);
        cold_accesses[cold_access_count - 1].site = cache->site_count;
        note_fault_site(cache, access, x->at, in->rec, current_block);
        break;
    }
    case IR_CALL:
        emit_call(x, in);
        break;
    case IR_LABEL:
        label_at[in->imm] = x->at;
        checked_base_count = 0; /* a join: other paths arrive unchecked */
        break;
    case IR_BR:
        fixups[in->imm][fixup_count[in->imm]++] = x86_jmp_rel32(x);
        break;
    case IR_BRCOND: {
        enum x86_reg a = temp_in_register(x, in->a, RAX);
        x86_test_rr(x, a, a);
        fixups[in->imm][fixup_count[in->imm]++] = x86_jcc_rel32(x, CC_NE);
        break;
    }
    case IR_EXIT_CONST:
        emit_deferred_stores(x, in);
        emit_exit_const(x, cache, in);
        break;
    case IR_EXIT_INDIRECT:
        emit_deferred_stores(x, in);
        emit_exit_indirect(x, cache, in);
        break;
    case IR_RAISE:
        emit_promoted_spills(x);
        load_temp(x, RDX, in->a);
        emit_raise(x, cache, in->rec, icount_base + in->b, in->width, (uint32_t)in->imm2, RDX);
        break;
    case IR_CALL_INSN:
        /* the fallback notes its memory accesses' records; the block is ours */
        store_cpu_imm(x, offsetof(struct cpu, current_block), (uint64_t)(uintptr_t)current_block, 64);
        emit_call_insn(x, cache, in);
        break;
    case IR_FENCE:
        x86_mfence(x);
        break;
    case IR_SYNC:
        store_cpu_imm(x, offsetof(struct cpu, pc), in->rec->pc, 64);
        x86_load(x, RAX, CPU, (int32_t)offsetof(struct cpu, icount), 64, false);
        x86_alu_ri(x, ALU_ADD, RAX, (int32_t)in->a);
        x86_store(x, CPU, (int32_t)offsetof(struct cpu, synced_icount), RAX, 64);
        break;
    case IR_BLOCK_BOUNDARY:
        /* instruction indexes restart in the next block: count this one's */
        icount_base += (uint32_t)in->imm;
        current_block = in->fn;
        break;
    case IR_PLUGIN_INLINE:
        x86_mov_imm(x, RAX, in->imm);
        if (in->width == 0 && (int64_t)in->imm2 == (int32_t)in->imm2) {
            x86_alu_mi(x, ALU_ADD, RAX, 0, (int32_t)in->imm2, 64); /* add qword [rax], imm32 */
            break;
        }
        x86_mov_imm(x, RCX, in->imm2);
        if (in->width == 0) {
            x86_load(x, RDX, RAX, 0, 64, false);
            x86_alu_rr(x, ALU_ADD, RCX, RDX);
        }
        x86_store(x, RAX, 0, RCX, 64);
        break;
    case IR_LOOP_BACK: {
        /* the fast path keeps the fields in registers: only the stores
         * deferred here (to fields in memory) are done */
        emit_stores_deferred_to(x, in, true);
        int32_t retired = (int32_t)(icount_base + in->a + 1);
        if (temp_register[in->b] >= 0)
            x86_alu_ri(x, ALU_ADD, (enum x86_reg)temp_register[in->b], retired);
        else
            x86_alu_mi(x, ALU_ADD, TEMPS, temp_slot(in->b), retired, 64);
        x86_alu_mi(x, ALU_CMP, CPU, (int32_t)offsetof(struct cpu, exit_request), 0, 32);
        fixups[in->imm2][fixup_count[in->imm2]++] = x86_jcc_rel32(x, CC_E);
        emit_promoted_spills(x);
        store_cpu_imm(x, offsetof(struct cpu, pc), in->imm, 64);
        leave_with(x, cache, JIT_EXIT_CONTINUE);
        break;
    }
    case IR_BRCMP: {
        emit_compare(x, in);
        fixups[in->imm][fixup_count[in->imm]++] = x86_jcc_rel32(x, condition((enum ir_cond)in->imm2));
        break;
    }
    case IR_PLUGIN_SKIP_UNLESS: {
        /* the jump is taken when the condition fails: its opposite */
        static const enum x86_cond opposite[] = {[IR_EQ] = CC_NE, [IR_NE] = CC_E, [IR_LTU] = CC_AE,
                                                 [IR_LEU] = CC_A, [IR_GTU] = CC_BE, [IR_GEU] = CC_B};
        x86_mov_imm(x, RAX, (uint64_t)(uintptr_t)in->fn);
        x86_load(x, RAX, RAX, 0, 64, false);
        x86_mov_imm(x, RCX, in->imm2);
        x86_alu_rr(x, ALU_CMP, RAX, RCX);
        fixups[in->imm][fixup_count[in->imm]++] = x86_jcc_rel32(x, opposite[in->width]);
        break;
    }
    }
}

void *jit_codegen(struct jit_cache *cache, struct ir_block *ir, struct block *block, uint32_t promote_at)
{
    bool *is_constant = calloc(ir->temps + 1, sizeof *is_constant);
    uint64_t *constants = calloc(ir->temps + 1, sizeof *constants);
    jit_find_constants(ir, is_constant, constants);
    temp_is_constant = is_constant;
    temp_constant = constants;
    current_ir = ir;
    current_def = jit_single_definitions(ir);
    int8_t *registers = jit_allocate_registers(ir, is_constant);
    temp_register = registers;
    struct x86_buffer x = {cache->at, cache->at, cache->end, false};
    uint8_t *code = x.at;
    /* entry: stop for a pending exit request, note the running block */
    x86_alu_mi(&x, ALU_CMP, CPU, (int32_t)offsetof(struct cpu, exit_request), 0, 32);
    uint8_t *go = x86_jcc_rel32(&x, CC_E);
    store_cpu_imm(&x, offsetof(struct cpu, pc), block->pc, 64); /* a chained jump did not */
    leave_with(&x, cache, JIT_EXIT_CONTINUE);
    x86_patch_rel32(go, x.at);
    current_block = block;
    icount_base = 0;
    host_flags.valid = false;
    size_t first_site = cache->site_count;
    if (promote_at) {
        x86_mov_imm(&x, RAX, (uint64_t)(uintptr_t)block);
        /* count executions; at promote_at, back to the tier manager, which
         * translates at the next tier */
        x86_alu_mi(&x, ALU_ADD, RAX, (int32_t)offsetof(struct block, exec_count), 1, 32);
        x86_alu_mi(&x, ALU_CMP, RAX, (int32_t)offsetof(struct block, exec_count), (int32_t)promote_at, 32);
        uint8_t *stay = x86_jcc_rel32(&x, CC_B);
        store_cpu_imm(&x, offsetof(struct cpu, pc), block->pc, 64);
        leave_with(&x, cache, JIT_EXIT_CONTINUE);
        x86_patch_rel32(stay, x.at);
    }

    /* memory ops need their instruction's index for the fault path */
    uint32_t index = 0;
    for (uint32_t i = 0; i < ir->count; i++) {
        if (ir->insns[i].op == IR_INSN_START)
            index = ir->insns[i].a;
        ir->insns[i].imm2 = ir->insns[i].op == IR_LOAD || ir->insns[i].op == IR_STORE ? index : ir->insns[i].imm2;
    }
    cold_accesses = calloc(ir->count + 1, sizeof *cold_accesses);
    cold_access_count = 0;
    checked_base_count = 0;
    uint8_t **label_at = calloc(ir->labels + 1, sizeof *label_at);
    uint8_t ***fixups = calloc(ir->labels + 1, sizeof *fixups);
    uint32_t *fixup_count = calloc(ir->labels + 1, sizeof *fixup_count);
    for (uint32_t l = 0; l < ir->labels; l++)
        fixups[l] = calloc(ir->count + 1, sizeof **fixups);
    for (uint32_t i = 0; i < ir->count && !x.overflow; i++) {
        emit_op(&x, cache, &ir->insns[i], label_at, fixups, fixup_count);
        ir_temp written = ir_written_temp(&ir->insns[i]);
        if (written != UINT32_MAX)
            forget_checked_base(written);
    }
    emit_cold_accesses(&x, cache);
    free(cold_accesses);
    cold_accesses = NULL;
    for (uint32_t l = 0; l < ir->labels; l++) {
        for (uint32_t f = 0; f < fixup_count[l] && !x.overflow; f++)
            x86_patch_rel32(fixups[l][f], label_at[l]);
        free(fixups[l]);
    }
    free(fixups);
    free(fixup_count);
    free(label_at);
    free(registers);
    free(is_constant);
    free(constants);
    free(current_def);
    current_def = NULL;
    temp_register = NULL;
    temp_is_constant = NULL;
    temp_constant = NULL;
    current_ir = NULL;
    if (x.overflow) {
        cache->site_count = first_site;
        return NULL;
    }
    cache->at = x.at;
    return code;
}
