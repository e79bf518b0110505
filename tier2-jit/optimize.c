/* Tier 2's passes over a block's IR, before code generation:
 *  - constant folding and propagation (knowledge is dropped at labels, the
 *    only join points, since branches stay inside an instruction);
 *  - dead-code elimination (jumps only go forward, so "used anywhere later"
 *    is a safe liveness);
 *  - dead-store elimination of guest state: a store to a cpu field that a
 *    later store overwrites, with nothing in between that could read it or
 *    make it visible (a call, a guest memory access that may fault, an exit).
 * Removed operations become IR_NOP. */
#include "optimize.h"

#include <stdlib.h>
#include <string.h>

static void make_nop(struct ir_insn *in) { in->op = IR_NOP; }

static bool is_nop(const struct ir_insn *in) { return in->op == IR_NOP; }

static uint64_t extend(uint64_t value, int width, bool is_signed)
{
    if (width >= 64)
        return value;
    uint64_t mask = (UINT64_C(1) << width) - 1;
    value &= mask;
    if (is_signed && (value >> (width - 1)))
        value |= ~mask;
    return value;
}

static bool fold(const struct ir_insn *in, uint64_t a, uint64_t b, uint64_t *result)
{
    switch (in->op) {
    case IR_ADD: *result = a + b; return true;
    case IR_SUB: *result = a - b; return true;
    case IR_MUL: *result = a * b; return true;
    case IR_AND: *result = a & b; return true;
    case IR_OR: *result = a | b; return true;
    case IR_XOR: *result = a ^ b; return true;
    case IR_SHL: *result = a << (b & in->imm); return true;
    case IR_SHR: *result = a >> (b & in->imm); return true;
    case IR_SAR: *result = (uint64_t)((int64_t)a >> (b & in->imm)); return true;
    case IR_NEG: *result = 0 - a; return true;
    case IR_NOT: *result = ~a; return true;
    case IR_EXT: *result = extend(a, in->width, in->is_signed); return true;
    case IR_MOV: *result = a; return true;
    case IR_SETCC:
        switch ((enum ir_cond)in->imm) {
        case IR_EQ: *result = a == b; return true;
        case IR_NE: *result = a != b; return true;
        case IR_LT: *result = (int64_t)a < (int64_t)b; return true;
        case IR_LTU: *result = a < b; return true;
        case IR_LE: *result = (int64_t)a <= (int64_t)b; return true;
        case IR_LEU: *result = a <= b; return true;
        case IR_GT: *result = (int64_t)a > (int64_t)b; return true;
        case IR_GTU: *result = a > b; return true;
        case IR_GE: *result = (int64_t)a >= (int64_t)b; return true;
        case IR_GEU: *result = a >= b; return true;
        }
        return false;
    default:
        return false;
    }
}

static bool has_operands_ab(const struct ir_insn *in)
{
    switch (in->op) {
    case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
    case IR_SHL: case IR_SHR: case IR_SAR: case IR_SETCC:
        return true;
    default:
        return false;
    }
}

static void fold_constants(struct ir_block *b)
{
    bool *known = calloc(b->temps + 1, sizeof *known);
    uint64_t *value = calloc(b->temps + 1, sizeof *value);
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        if (in->op == IR_LABEL) {
            memset(known, 0, (b->temps + 1) * sizeof *known);
            continue;
        }
        if (in->op == IR_CONST) {
            known[in->dst] = true;
            value[in->dst] = in->imm;
            continue;
        }
        if (in->op == IR_BRCOND && known[in->a]) {
            if (value[in->a])
                in->op = IR_BR;
            else
                make_nop(in);
            continue;
        }
        bool unary = in->op == IR_NEG || in->op == IR_NOT || in->op == IR_EXT || in->op == IR_MOV;
        uint64_t result;
        if ((unary && known[in->a]) || (has_operands_ab(in) && known[in->a] && known[in->b])) {
            if (fold(in, value[in->a], unary ? 0 : value[in->b], &result)) {
                in->op = IR_CONST;
                in->imm = result;
                known[in->dst] = true;
                value[in->dst] = result;
                continue;
            }
        }
        /* x + 0, x | 0, x ^ 0, x - 0 are x */
        if ((in->op == IR_ADD || in->op == IR_OR || in->op == IR_XOR || in->op == IR_SUB) && known[in->b] &&
            value[in->b] == 0) {
            in->op = IR_MOV;
        }
        /* anything else writing a temp makes it unknown */
        switch (in->op) {
        case IR_STORE_CPU: case IR_STORE: case IR_BR: case IR_BRCOND: case IR_EXIT_CONST: case IR_EXIT_INDIRECT:
        case IR_RAISE: case IR_CALL_INSN: case IR_FENCE: case IR_SYNC: case IR_INSN_START:
        case IR_NOP: case IR_BLOCK_BOUNDARY: case IR_PLUGIN_INLINE: case IR_PLUGIN_SKIP_UNLESS: case IR_BRCMP:
            break;
        case IR_CALL:
            if (in->dst != UINT32_MAX)
                known[in->dst] = false;
            break;
        default:
            known[in->dst] = false;
            break;
        }
    }
    free(known);
    free(value);
}

static bool pure(const struct ir_insn *in)
{
    switch (in->op) {
    case IR_CONST: case IR_MOV: case IR_LOAD_CPU: case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND:
    case IR_OR: case IR_XOR: case IR_SHL: case IR_SHR: case IR_SAR: case IR_NEG: case IR_NOT: case IR_SETCC:
    case IR_EXT:
        return true;
    default:
        return false;
    }
}

static void mark_uses(const struct ir_insn *in, bool *used)
{
    switch (in->op) {
    case IR_MOV: case IR_STORE_CPU: case IR_NEG: case IR_NOT: case IR_EXT: case IR_LOAD: case IR_BRCOND:
    case IR_EXIT_INDIRECT: case IR_RAISE:
        used[in->a] = true;
        break;
    case IR_STORE: case IR_BRCMP:
        used[in->a] = used[in->b] = true;
        break;
    case IR_CALL:
        for (int k = 0; k < in->nargs; k++)
            if (in->args[k].kind == IR_ARG_TEMP)
                used[in->args[k].value] = true;
        break;
    default:
        if (has_operands_ab(in))
            used[in->a] = used[in->b] = true;
        break;
    }
}

static void eliminate_dead_code(struct ir_block *b)
{
    bool *used = calloc(b->temps + 1, sizeof *used);
    for (uint32_t i = b->count; i-- > 0;) {
        struct ir_insn *in = &b->insns[i];
        if (is_nop(in))
            continue;
        if (pure(in) && !used[in->dst]) {
            make_nop(in);
            continue;
        }
        mark_uses(in, used);
    }
    free(used);
}

/* Something between two stores that must see the first: it reads guest
 * state, may leave the block, or may fault (and so expose the state). */
static bool state_barrier(const struct ir_insn *in)
{
    switch (in->op) {
    case IR_LOAD: case IR_STORE: case IR_CALL: case IR_CALL_INSN: case IR_SYNC: case IR_RAISE: case IR_EXIT_CONST:
    case IR_EXIT_INDIRECT: case IR_LABEL: case IR_BR: case IR_BRCOND: case IR_FENCE: case IR_PLUGIN_SKIP_UNLESS:
    case IR_BRCMP:
        return true;
    default:
        return false;
    }
}

static void eliminate_dead_stores(struct ir_block *b)
{
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *first = &b->insns[i];
        if (first->op != IR_STORE_CPU)
            continue;
        for (uint32_t j = i + 1; j < b->count; j++) {
            const struct ir_insn *in = &b->insns[j];
            if (state_barrier(in))
                break;
            if (in->op == IR_LOAD_CPU && in->imm < first->imm + first->width / 8 && first->imm < in->imm + in->width / 8)
                break;
            if (in->op == IR_STORE_CPU && in->imm == first->imm && in->width >= first->width) {
                make_nop(first);
                break;
            }
        }
    }
}

/* The temporary that holds the current value of a 64-bit cpu field, so a
 * guest register read again (or read after a write) in the same block comes
 * from a host register instead of memory: guest registers stay cached
 * across the block's instructions.  Knowledge ends at labels (joins),
 * calls (which may change any state), and when the temporary is rewritten. */
struct known_field {
    uint64_t offset;
    ir_temp temp;
};

static void forget_temp(struct known_field *known, int *count, ir_temp t)
{
    for (int k = 0; k < *count; k++)
        if (known[k].temp == t)
            known[k--] = known[--*count];
}

static void forget_overlapping(struct known_field *known, int *count, uint64_t offset, int width)
{
    for (int k = 0; k < *count; k++)
        if (known[k].offset < offset + (uint64_t)width / 8 && offset < known[k].offset + 8)
            known[k--] = known[--*count];
}

static ir_temp written_temp(const struct ir_insn *in)
{
    switch (in->op) {
    case IR_INSN_START: case IR_STORE_CPU: case IR_STORE: case IR_LABEL: case IR_BR: case IR_BRCOND:
    case IR_EXIT_CONST: case IR_EXIT_INDIRECT: case IR_RAISE: case IR_CALL_INSN: case IR_FENCE: case IR_SYNC:
    case IR_NOP: case IR_BLOCK_BOUNDARY: case IR_PLUGIN_INLINE: case IR_PLUGIN_SKIP_UNLESS: case IR_BRCMP:
        return UINT32_MAX;
    default:
        return in->dst;
    }
}

static void forward_cpu_fields(struct ir_block *b)
{
    enum { MAX_KNOWN = 64 };
    struct known_field known[MAX_KNOWN];
    int count = 0;
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        if (is_nop(in))
            continue;
        if (in->op == IR_LABEL || in->op == IR_CALL || in->op == IR_CALL_INSN) {
            count = 0;
            continue;
        }
        if (in->op == IR_LOAD_CPU && in->width == 64) {
            int k = 0;
            while (k < count && known[k].offset != in->imm)
                k++;
            if (k < count) {
                in->op = IR_MOV;
                in->a = known[k].temp;
            } else if (count < MAX_KNOWN) {
                known[count].offset = in->imm;
                known[count].temp = in->dst;
                count++;
            }
            continue;
        }
        ir_temp written = written_temp(in);
        if (written != UINT32_MAX)
            forget_temp(known, &count, written);
        if (in->op == IR_STORE_CPU) {
            forget_overlapping(known, &count, in->imm, in->width);
            if (in->width == 64 && count < MAX_KNOWN) {
                known[count].offset = in->imm;
                known[count].temp = in->a;
                count++;
            }
        }
    }
}

/* Copy propagation: a temporary that is only ever a copy of another, where
 * both are written once, is replaced by the original everywhere. */
static void propagate_copies(struct ir_block *b)
{
    uint32_t *defs = calloc(b->temps + 1, sizeof *defs);
    ir_temp *alias = malloc((b->temps + 1) * sizeof *alias);
    for (uint32_t t = 0; t <= b->temps; t++)
        alias[t] = t;
    for (uint32_t i = 0; i < b->count; i++) {
        ir_temp written = written_temp(&b->insns[i]);
        if (written != UINT32_MAX && written < b->temps)
            defs[written]++;
    }
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        /* uses first, through the aliases found so far (copies precede uses) */
        switch (in->op) {
        case IR_CALL:
            for (int k = 0; k < in->nargs; k++)
                if (in->args[k].kind == IR_ARG_TEMP)
                    in->args[k].value = alias[in->args[k].value];
            break;
        case IR_MOV: case IR_STORE_CPU: case IR_NEG: case IR_NOT: case IR_EXT: case IR_LOAD: case IR_BRCOND:
        case IR_EXIT_INDIRECT: case IR_RAISE:
            in->a = alias[in->a];
            break;
        case IR_STORE: case IR_BRCMP:
            in->a = alias[in->a];
            in->b = alias[in->b];
            break;
        default:
            if (has_operands_ab(in)) {
                in->a = alias[in->a];
                in->b = alias[in->b];
            }
            break;
        }
        if (in->op == IR_MOV && defs[in->dst] == 1 && defs[in->a] == 1)
            alias[in->dst] = in->a;
    }
    free(defs);
    free(alias);
}

static enum ir_cond inverse(enum ir_cond cond)
{
    static const enum ir_cond opposite[] = {
        [IR_EQ] = IR_NE, [IR_NE] = IR_EQ, [IR_LT] = IR_GE, [IR_LTU] = IR_GEU, [IR_LE] = IR_GT,
        [IR_LEU] = IR_GTU, [IR_GT] = IR_LE, [IR_GTU] = IR_LEU, [IR_GE] = IR_LT, [IR_GEU] = IR_LTU,
    };
    return opposite[cond];
}

/* The previous operation that is not a nop, or NULL. */
static struct ir_insn *previous_op(struct ir_block *b, uint32_t i)
{
    while (i-- > 0)
        if (!is_nop(&b->insns[i]))
            return &b->insns[i];
    return NULL;
}

static bool compares_with_zero(const struct ir_insn *in, const bool *zero)
{
    return in->op == IR_SETCC && (in->imm == IR_EQ || in->imm == IR_NE) && zero[in->b];
}

/* A guest branch arrives as "c = a < b; n = c == 0; if (n) goto": three
 * results in registers and a test.  The compare of a compare becomes one
 * compare (its condition inverted for == 0), and a branch on the compare
 * just before it becomes one compare-and-branch; the results, now unused,
 * go with dead-code elimination. */
static void fuse_compare_branches(struct ir_block *b)
{
    bool *zero = calloc(b->temps + 1, sizeof *zero);
    uint32_t *defs = calloc(b->temps + 1, sizeof *defs);
    for (uint32_t i = 0; i < b->count; i++) {
        const struct ir_insn *in = &b->insns[i];
        ir_temp written = written_temp(in);
        if (written != UINT32_MAX && written <= b->temps)
            defs[written]++;
        if (in->op == IR_CONST && in->imm == 0)
            zero[in->dst] = true;
    }
    for (uint32_t t = 0; t <= b->temps; t++)
        zero[t] = zero[t] && defs[t] == 1;
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        struct ir_insn *before = previous_op(b, i);
        if (!before || before->op != IR_SETCC || defs[before->dst] != 1)
            continue;
        if (compares_with_zero(in, zero) && in->a == before->dst) {
            enum ir_cond cond = (enum ir_cond)before->imm;
            in->imm = in->imm == IR_EQ ? inverse(cond) : cond;
            in->a = before->a;
            in->b = before->b;
        } else if (in->op == IR_BRCOND && in->a == before->dst) {
            in->op = IR_BRCMP;
            in->imm2 = before->imm;
            in->a = before->a;
            in->b = before->b;
        }
    }
    free(zero);
    free(defs);
}

/* Where a plugin could see a scoreboard or the block could stop: a fault,
 * an exit, a call, a join.  Counters need to be right only there. */
static bool counter_barrier(const struct ir_insn *in)
{
    return state_barrier(in) || in->op == IR_PLUGIN_SKIP_UNLESS;
}

/* Inline additions to the same plugin counter between two barriers become
 * one, at the first: a block of ten instructions counted by a plugin adds
 * once instead of ten times (each add to one address waits on the last). */
void ir_merge_plugin_counters(struct ir_block *b)
{
    enum { MAX_PENDING = 16 };
    struct ir_insn *pending[MAX_PENDING];
    int count = 0;
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        if (counter_barrier(in)) {
            count = 0;
            continue;
        }
        if (in->op != IR_PLUGIN_INLINE)
            continue;
        int k = 0;
        while (k < count && pending[k]->imm != in->imm)
            k++;
        if (in->width != 0) { /* a store to the counter: later adds start afresh */
            if (k < count)
                pending[k] = pending[--count];
            continue;
        }
        if (k < count) {
            pending[k]->imm2 += in->imm2;
            make_nop(in);
        } else if (count < MAX_PENDING) {
            pending[count++] = in;
        }
    }
}

void ir_optimize(struct ir_block *b)
{
    ir_merge_plugin_counters(b);
    forward_cpu_fields(b);
    propagate_copies(b);
    fold_constants(b);
    propagate_copies(b); /* folding turns x + 0 into copies */
    fuse_compare_branches(b);
    eliminate_dead_stores(b);
    eliminate_dead_code(b);
}
