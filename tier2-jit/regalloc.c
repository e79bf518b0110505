/* Register allocation for the JIT's temporaries: linear scan over the
 * block's IR in program order.  Branches only go forward inside an
 * instruction, so a temporary's range from its first to its last mention
 * covers every path.  A range that spans a call gets a callee-saved
 * register (rbp, r14, r15, and r12 when guest_base is 0); others prefer
 * the caller-saved r10, r11.  The
 * argument registers and rax/rcx/rdx stay free: codegen uses them as
 * scratch and loads call arguments into them without a parallel move.
 * What does not fit stays in its memory slot. */
#include <stdlib.h>
#include <string.h>

#include "codegen.h"
#include "guest-memory.h"
#include "x86-encode.h"

static void mention(uint32_t *first, uint32_t *last, ir_temp t, uint32_t at)
{
    if (t == UINT32_MAX)
        return;
    if (first[t] == UINT32_MAX)
        first[t] = at;
    last[t] = at;
}

/* Every temporary an operation reads or writes. */
static void mentions(const struct ir_insn *in, uint32_t *first, uint32_t *last, uint32_t at)
{
    switch (in->op) {
    case IR_INSN_START: case IR_LABEL: case IR_BR: case IR_EXIT_CONST: case IR_CALL_INSN: case IR_FENCE:
    case IR_SYNC: case IR_NOP: case IR_BLOCK_BOUNDARY: case IR_PLUGIN_INLINE: case IR_PLUGIN_SKIP_UNLESS:
        return;
    case IR_CONST: case IR_LOAD_CPU:
        mention(first, last, in->dst, at);
        return;
    case IR_STORE_CPU: case IR_BRCOND: case IR_EXIT_INDIRECT: case IR_RAISE:
        mention(first, last, in->a, at);
        return;
    case IR_LOOP_BACK:
        mention(first, last, in->b, at);
        return;
    case IR_STORE: case IR_BRCMP:
        mention(first, last, in->a, at);
        mention(first, last, in->b, at);
        return;
    case IR_CALL:
        for (int k = 0; k < in->nargs; k++)
            if (in->args[k].kind == IR_ARG_TEMP)
                mention(first, last, in->args[k].value, at);
        mention(first, last, in->dst, at);
        return;
    case IR_MOV: case IR_NEG: case IR_NOT: case IR_EXT: case IR_LOAD:
        mention(first, last, in->a, at);
        mention(first, last, in->dst, at);
        return;
    default: /* binary operations */
        mention(first, last, in->a, at);
        mention(first, last, in->b, at);
        mention(first, last, in->dst, at);
        return;
    }
}

/* A site's deferred stores read their values there, or the operands they
 * are recomputed from (defer-stores.c). */
static void mention_site_value(const struct ir_block *ir, ir_temp t, uint32_t *first, uint32_t *last, uint32_t at)
{
    if (!(ir->remat && ir->remat[t])) {
        mention(first, last, t, at);
        return;
    }
    ir_temp *read[6];
    for (int k = ir_operands(ir->remat[t], read); k-- > 0;)
        mention_site_value(ir, *read[k], first, last, at);
}

static void mention_deferred(const struct ir_block *ir, const struct ir_insn *in, uint32_t *first, uint32_t *last,
                             uint32_t at)
{
    for (uint32_t k = 0; k < in->deferred_count; k++)
        mention_site_value(ir, ir->deferred[ir->site_stores[in->deferred_first + k]].value, first, last, at);
}

static bool is_call(const struct ir_insn *in) { return in->op == IR_CALL || in->op == IR_CALL_INSN; }

const struct ir_insn **jit_single_definitions(const struct ir_block *ir)
{
    const struct ir_insn **def = calloc(ir->temps + 1, sizeof *def);
    uint8_t *count = calloc(ir->temps + 1, 1);
    if (!def || !count)
        abort();
    for (uint32_t i = 0; i < ir->count; i++) {
        ir_temp w = ir_written_temp(&ir->insns[i]);
        if (w <= ir->temps && count[w] < 2) {
            count[w]++;
            def[w] = &ir->insns[i];
        }
    }
    for (uint32_t t = 0; t <= ir->temps; t++)
        if (count[t] != 1)
            def[t] = NULL;
    free(count);
    return def;
}

bool jit_scaled_address(const struct ir_insn *const *def, const struct ir_insn *access, ir_temp *x, ir_temp *y,
                        int *shift)
{
    if (guest_base || (access->op != IR_LOAD && access->op != IR_STORE))
        return false;
    const struct ir_insn *add = def[access->a];
    for (int side = 0; add && add->op == IR_ADD && side < 2; side++) {
        ir_temp base = side ? add->b : add->a, shifted = side ? add->a : add->b;
        const struct ir_insn *shl = def[shifted];
        if (!shl || shl->op != IR_SHL || !def[shl->b] || def[shl->b]->op != IR_CONST || !def[base] || !def[shl->a])
            continue;
        uint64_t amount = def[shl->b]->imm & shl->imm;
        if (amount < 1 || amount > 3)
            continue;
        *x = base;
        *y = shl->a;
        *shift = (int)amount;
        return true;
    }
    return false;
}

void jit_temp_ranges(const struct ir_block *ir, uint32_t *first, uint32_t *last)
{
    memset(first, 0xff, (ir->temps + 1) * sizeof *first);
    memset(last, 0xff, (ir->temps + 1) * sizeof *last);
    const struct ir_insn **def = jit_single_definitions(ir);
    for (uint32_t i = 0; i < ir->count; i++) {
        mentions(&ir->insns[i], first, last, i);
        mention_deferred(ir, &ir->insns[i], first, last, i);
        /* an access that addresses x + y * 2^s itself reads x and y */
        ir_temp x, y;
        int shift;
        if (jit_scaled_address(def, &ir->insns[i], &x, &y, &shift)) {
            mention(first, last, x, i);
            mention(first, last, y, i);
        }
    }
    free(def);
    /* a loop's fields stay in their registers to the end: every way out
     * writes them back, and the next iteration reads them */
    for (uint32_t k = 0; k < ir->promoted_count; k++)
        last[ir->promoted[k].temp] = ir->count;
    if (ir->loop_retired != UINT32_MAX)
        last[ir->loop_retired] = ir->count;
}

/* Operations whose code reads operand a before it writes the result, so
 * the two may share a register. */
static bool writes_after_reading(const struct ir_insn *in)
{
    switch (in->op) {
    case IR_MOV: case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
    case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROR: case IR_NEG: case IR_NOT: case IR_EXT: case IR_SETCC:
        return true;
    default:
        return false;
    }
}

static bool is_callee_saved(int reg, const enum x86_reg *callee_saved, int count)
{
    for (int k = 0; k < count; k++)
        if ((int)callee_saved[k] == reg)
            return true;
    return false;
}

void jit_find_constants(const struct ir_block *ir, bool *is_constant, uint64_t *value)
{
    uint32_t *writes = calloc(ir->temps + 1, sizeof *writes);
    for (uint32_t i = 0; i < ir->count; i++) {
        ir_temp written = ir_written_temp(&ir->insns[i]);
        if (written != UINT32_MAX)
            writes[written]++;
    }
    for (uint32_t i = 0; i < ir->count; i++) {
        const struct ir_insn *in = &ir->insns[i];
        if (in->op == IR_CONST && writes[in->dst] == 1) {
            is_constant[in->dst] = true;
            value[in->dst] = in->imm;
        }
    }
    free(writes);
}

int8_t *jit_allocate_registers(const struct ir_block *ir, const bool *is_constant)
{
    /* r12 holds guest_base, unless that is 0 (codegen.c) */
    static const enum x86_reg callee_saved_r12[] = {RBP, R14, R15, R12};
    const enum x86_reg *callee_saved = callee_saved_r12;
    int callee_count = guest_base ? 3 : 4;
    /* rsi, rdi, r8, r9 carry call arguments: codegen spills them around
     * calls (emit_call); rcx and rdx stay scratch */
    static const enum x86_reg caller_saved[] = {R10, R11, RSI, RDI, R8, R9};
    uint32_t n = ir->temps;
    int8_t *reg = malloc(n + 1);
    uint32_t *first = malloc((n + 1) * sizeof *first);
    uint32_t *last = malloc((n + 1) * sizeof *last);
    uint32_t *call_positions = malloc((ir->count + 1) * sizeof *call_positions);
    memset(reg, -1, n + 1);
    jit_temp_ranges(ir, first, last);
    uint32_t calls = 0;
    for (uint32_t i = 0; i < ir->count; i++)
        if (is_call(&ir->insns[i]))
            call_positions[calls++] = i;
    /* temps in program order of their first mention */
    ir_temp owner[16];
    for (int r = 0; r < 16; r++)
        owner[r] = UINT32_MAX;
    uint32_t next_call = 0;
    for (uint32_t i = 0; i < ir->count; i++) {
        /* which temps start here */
        ir_temp starting[4];
        int nstarting = 0;
        const struct ir_insn *in = &ir->insns[i];
        ir_temp candidates[8] = {in->dst, in->a, in->b};
        int ncandidates = 3;
        if (in->op == IR_CALL)
            for (int k = 0; k < in->nargs && ncandidates < 8; k++)
                if (in->args[k].kind == IR_ARG_TEMP)
                    candidates[ncandidates++] = in->args[k].value;
        for (int c = 0; c < ncandidates; c++) {
            ir_temp t = candidates[c];
            if (t < n && first[t] == i && nstarting < 4 && !is_constant[t]) {
                bool seen = false;
                for (int k = 0; k < nstarting; k++)
                    seen |= starting[k] == t;
                if (!seen)
                    starting[nstarting++] = t;
            }
        }
        /* free the registers of temps that ended before here */
        for (int r = 0; r < 16; r++)
            if (owner[r] != UINT32_MAX && last[owner[r]] < i)
                owner[r] = UINT32_MAX;
        while (next_call < calls && call_positions[next_call] < i)
            next_call++;
        for (int k = 0; k < nstarting; k++) {
            ir_temp t = starting[k];
            /* a call strictly inside the range clobbers caller-saved registers */
            bool spans_call = next_call < calls && call_positions[next_call] < last[t] &&
                              !(call_positions[next_call] == i && last[t] == i);
            if (next_call < calls && call_positions[next_call] == i && last[t] > i)
                spans_call = true;
            int chosen = -1;
            /* a result takes the register of its first operand when that
             * operand dies here: "mov r, a; op r, b" loses its move */
            if (t == in->dst && in->a < n && last[in->a] == i && reg[in->a] >= 0 &&
                owner[reg[in->a]] == in->a && in->a != in->b && writes_after_reading(in) &&
                (!spans_call || is_callee_saved(reg[in->a], callee_saved, callee_count)))
                chosen = reg[in->a];
            if (chosen < 0 && !spans_call)
                for (size_t c = 0; c < sizeof caller_saved / sizeof caller_saved[0] && chosen < 0; c++)
                    if (owner[caller_saved[c]] == UINT32_MAX)
                        chosen = caller_saved[c];
            for (int c = 0; c < callee_count && chosen < 0; c++)
                if (owner[callee_saved[c]] == UINT32_MAX)
                    chosen = callee_saved[c];
            if (chosen >= 0) {
                owner[chosen] = t;
                reg[t] = (int8_t)chosen;
            }
        }
    }
    free(first);
    free(last);
    free(call_positions);
    return reg;
}
