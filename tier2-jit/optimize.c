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
    case IR_ROR: {
        unsigned amount = (unsigned)(b & in->imm);
        *result = amount ? a >> amount | a << (64 - amount) : a;
        return true;
    }
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
    case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROR: case IR_SETCC:
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
    case IR_OR: case IR_XOR: case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROR: case IR_NEG: case IR_NOT:
    case IR_SETCC: case IR_EXT:
        return true;
    default:
        return false;
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
        ir_temp *read[6];
        for (int k = ir_operands(in, read); k-- > 0;)
            used[*read[k]] = true;
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

/* Which bytes of the cpu struct a later read could see, as a bitset. */
struct live_bytes {
    uint64_t *words;
    uint32_t nwords;
};

static void live_all(struct live_bytes *l) { memset(l->words, 0xff, l->nwords * sizeof *l->words); }

static void live_set(struct live_bytes *l, uint64_t offset, int width, bool live)
{
    for (uint64_t byte = offset; byte < offset + (uint64_t)width / 8; byte++) {
        uint64_t bit = UINT64_C(1) << (byte % 64);
        l->words[byte / 64] = live ? l->words[byte / 64] | bit : l->words[byte / 64] & ~bit;
    }
}

static bool live_any(const struct live_bytes *l, uint64_t offset, int width)
{
    for (uint64_t byte = offset; byte < offset + (uint64_t)width / 8; byte++)
        if (l->words[byte / 64] >> (byte % 64) & 1)
            return true;
    return false;
}

/* Dead stores of guest state: a store no path reads before another store
 * overwrites it.  Liveness runs backwards over the block (branches only go
 * forward, so a label's liveness is known before its branches are met);
 * anything that could leave, fault or call sees all state, so stores stay
 * precise.  Flags a compare wrote die when both paths of a later
 * instruction's branch rewrite them. */
static void eliminate_dead_stores(struct ir_block *b)
{
    uint64_t end = 0;
    for (uint32_t i = 0; i < b->count; i++) {
        const struct ir_insn *in = &b->insns[i];
        if ((in->op == IR_LOAD_CPU || in->op == IR_STORE_CPU) && in->imm + in->width / 8 > end)
            end = in->imm + in->width / 8;
    }
    uint32_t nwords = (uint32_t)(end / 64 + 1);
    uint64_t *words = calloc((size_t)(b->labels + 1) * nwords, sizeof *words);
    struct live_bytes live = {malloc(nwords * sizeof *live.words), nwords};
    if (!words || !live.words)
        abort();
    live_all(&live);
    for (uint32_t i = b->count; i-- > 0;) {
        struct ir_insn *in = &b->insns[i];
        struct live_bytes at_label = {in->op == IR_LABEL || ir_branches_to_label(in) ? words + in->imm * nwords : NULL,
                                      nwords};
        switch (in->op) {
        case IR_STORE_CPU:
            if (!live_any(&live, in->imm, in->width))
                make_nop(in);
            else
                live_set(&live, in->imm, in->width, false);
            break;
        case IR_LOAD_CPU:
            live_set(&live, in->imm, in->width, true);
            break;
        case IR_LABEL:
            memcpy(at_label.words, live.words, nwords * sizeof *live.words);
            break;
        case IR_BR:
            memcpy(live.words, at_label.words, nwords * sizeof *live.words);
            break;
        case IR_BRCOND: case IR_BRCMP: case IR_PLUGIN_SKIP_UNLESS:
            for (uint32_t w = 0; w < nwords; w++)
                live.words[w] |= at_label.words[w];
            break;
        default:
            if (state_barrier(in))
                live_all(&live);
            break;
        }
    }
    free(words);
    free(live.words);
}

/* The temporary that holds the current value of a cpu field, so a guest
 * register (or flag) read again, or read after a write, in the same block
 * comes from a host register instead of memory: guest state stays cached
 * across the block's instructions.  Knowledge ends at labels (joins), calls
 * (which may change any state), and when the temporary is rewritten.  A
 * narrower field read back is the stored value extended as the read says
 * (a copy when it was itself read the same way). */
struct known_field {
    uint64_t offset;
    ir_temp temp;
    uint8_t width;
    int8_t read_signed; /* read by a load of this signedness; -1: stored */
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
        if (known[k].offset < offset + (uint64_t)width / 8 && offset < known[k].offset + known[k].width / 8)
            known[k--] = known[--*count];
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
        if (in->op == IR_LOAD_CPU) {
            int k = 0;
            while (k < count && !(known[k].offset == in->imm && known[k].width == in->width))
                k++;
            if (k < count) {
                bool same_form = in->width == 64 || known[k].read_signed == in->is_signed;
                in->op = same_form ? IR_MOV : IR_EXT;
                in->a = known[k].temp;
            } else if (count < MAX_KNOWN) {
                forget_temp(known, &count, in->dst);
                known[count++] = (struct known_field){in->imm, in->dst, in->width, (int8_t)in->is_signed};
            }
            continue;
        }
        ir_temp written = ir_written_temp(in);
        if (written != UINT32_MAX)
            forget_temp(known, &count, written);
        if (in->op == IR_STORE_CPU) {
            forget_overlapping(known, &count, in->imm, in->width);
            if (count < MAX_KNOWN)
                known[count++] = (struct known_field){in->imm, in->a, in->width, -1};
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
        ir_temp written = ir_written_temp(&b->insns[i]);
        if (written != UINT32_MAX && written < b->temps)
            defs[written]++;
    }
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        /* uses first, through the aliases found so far (copies precede uses) */
        ir_temp *read[6];
        for (int k = ir_operands(in, read); k-- > 0;)
            *read[k] = alias[*read[k]];
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

/* The compare that assigned t, usable at i: t assigned once by a compare
 * whose operands still hold their values (assigned once too, or the
 * compare is the operation just before i). */
static const struct ir_insn *compare_for(struct ir_block *b, uint32_t i, ir_temp t, const uint32_t *defs,
                                         const uint32_t *def_at)
{
    if (defs[t] != 1)
        return NULL;
    const struct ir_insn *c = &b->insns[def_at[t]];
    if (c->op != IR_SETCC)
        return NULL;
    if ((defs[c->a] == 1 && defs[c->b] == 1) || previous_op(b, i) == c)
        return c;
    return NULL;
}

/* A guest branch arrives as "c = a < b; n = c == 0; if (n) goto", or with
 * a flag in between ("z = r == 0; t = z == 1; if (t) goto"): results in
 * registers and a test.  A compare of a compare with 0 or 1 becomes one
 * compare (its condition inverted as needed), and a branch on a compare
 * becomes one compare-and-branch; the results, when no longer used, go with
 * dead-code elimination. */
static void fuse_compare_branches(struct ir_block *b)
{
    uint32_t *defs = calloc(b->temps + 1, sizeof *defs);
    uint32_t *def_at = calloc(b->temps + 1, sizeof *def_at);
    int8_t *constant = malloc(b->temps + 1); /* 0 or 1 when a once-assigned constant, else -1 */
    memset(constant, -1, b->temps + 1);
    for (uint32_t i = 0; i < b->count; i++) {
        const struct ir_insn *in = &b->insns[i];
        ir_temp written = ir_written_temp(in);
        if (written != UINT32_MAX && written <= b->temps) {
            defs[written]++;
            def_at[written] = i;
        }
    }
    for (uint32_t i = 0; i < b->count; i++) {
        const struct ir_insn *in = &b->insns[i];
        if (in->op == IR_CONST && in->imm <= 1 && defs[in->dst] == 1)
            constant[in->dst] = (int8_t)in->imm;
    }
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        if (in->op == IR_SETCC && (in->imm == IR_EQ || in->imm == IR_NE) && constant[in->b] >= 0) {
            const struct ir_insn *c = compare_for(b, i, in->a, defs, def_at);
            if (!c)
                continue;
            /* c == 1 and c != 0 are c; c == 0 and c != 1 its inverse */
            bool same = (in->imm == IR_EQ) == (constant[in->b] == 1);
            in->imm = same ? c->imm : inverse((enum ir_cond)c->imm);
            in->a = c->a;
            in->b = c->b;
        } else if (in->op == IR_BRCOND) {
            const struct ir_insn *c = compare_for(b, i, in->a, defs, def_at);
            if (!c)
                continue;
            in->op = IR_BRCMP;
            in->imm2 = c->imm;
            in->a = c->a;
            in->b = c->b;
        }
    }
    free(defs);
    free(def_at);
    free(constant);
}

/* The next operation after i that is not a nop, or NULL. */
static struct ir_insn *next_op(struct ir_block *b, uint32_t i)
{
    while (++i < b->count)
        if (!is_nop(&b->insns[i]))
            return &b->insns[i];
    return NULL;
}

/* Whether the jump at i goes to a label among those right after it. */
static bool jumps_to_next(struct ir_block *b, uint32_t i)
{
    for (struct ir_insn *after = next_op(b, i); after && after->op == IR_LABEL;
         after = next_op(b, (uint32_t)(after - b->insns)))
        if (after->imm == b->insns[i].imm)
            return true;
    return false;
}

/* Jumps to the next operation go, and "if (c) goto a; goto b" becomes
 * "if (!c) goto b; goto a": a superblock that runs on through a branch's
 * target (build-ir.c) reaches it by that second jump, so its hot path
 * takes one jump instead of two, or none when a follows. */
static void straighten_branches(struct ir_block *b)
{
    for (uint32_t i = 0; i < b->count; i++)
        if (b->insns[i].op == IR_BR && jumps_to_next(b, i))
            make_nop(&b->insns[i]);
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        struct ir_insn *jump = in->op == IR_BRCMP ? next_op(b, i) : NULL;
        if (!jump || jump->op != IR_BR)
            continue;
        uint64_t taken = in->imm;
        in->imm = jump->imm;
        in->imm2 = inverse((enum ir_cond)in->imm2);
        jump->imm = taken;
        if (jumps_to_next(b, (uint32_t)(jump - b->insns)))
            make_nop(jump);
    }
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

void ir_optimize(struct ir_block *b, uint64_t entry_pc)
{
    ir_merge_plugin_counters(b);
    forward_cpu_fields(b);
    propagate_copies(b);
    fold_constants(b);
    ir_simplify(b);
    propagate_copies(b); /* folding and simplifying make copies */
    ir_simplify(b);      /* again, on what the copies joined */
    propagate_copies(b);
    fuse_compare_branches(b);
    straighten_branches(b);
    ir_fold_displacements(b);
    eliminate_dead_stores(b);
    eliminate_dead_code(b);
    ir_defer_state_stores(b);
    ir_keep_loop_in_registers(b, entry_pc);
}
