/* Deferred stores of guest state.  A store to a cpu field that a later
 * store in the block overwrites needs to reach memory only if the block
 * leaves, or an access faults, in between: a guest whose compares write
 * condition flags writes them again at the next compare, usually before
 * anything could look.  Such a store is dropped from the hot path and
 * repeated at each of those sites instead: before each exit, and on the
 * fault paths of each guest access (codegen.c).  The value it stores, when
 * nothing else needs it, is not even computed on the hot path: the sites
 * recompute it from the operands (ir_block.remat).
 *
 * A store is deferred only when, up to the store that overwrites it,
 * nothing reads the field or any state (no call, no fallback, no sync, no
 * raise, no plugin condition), its value keeps its temporary, and no label
 * in between is reached from before the store (so every site is on a path
 * through it).  Runs last, after dead-code elimination. */
#include "optimize.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_SCAN = 512, MAX_REMAT_REGISTERS = 3 };

static bool overlaps(uint64_t offset, int width, const struct ir_insn *in)
{
    return in->imm < offset + (uint64_t)width / 8 && offset < in->imm + (uint64_t)in->width / 8;
}

static bool is_site(const struct ir_insn *in)
{
    return in->op == IR_LOAD || in->op == IR_STORE || in->op == IR_EXIT_CONST || in->op == IR_EXIT_INDIRECT;
}

/* The index of the store that overwrites the field first stores, if the
 * store can be deferred to the sites before it: every path from the store
 * reaches the overwrite (no branch in between jumps past it) or leaves. */
static bool find_overwrite(const struct ir_block *b, uint32_t i, const uint32_t *defs,
                           const uint32_t *first_branch_to, const uint32_t *label_at, uint32_t *overwrite)
{
    const struct ir_insn *first = &b->insns[i];
    if (defs[first->a] != 1)
        return false;
    uint32_t end = b->count < i + MAX_SCAN ? b->count : i + MAX_SCAN;
    uint32_t farthest_target = 0;
    for (uint32_t j = i + 1; j < end; j++) {
        const struct ir_insn *in = &b->insns[j];
        if (ir_branches_to_label(in) && label_at[in->imm] > farthest_target)
            farthest_target = label_at[in->imm];
        switch (in->op) {
        case IR_STORE_CPU:
            if (in->imm == first->imm && in->width >= first->width) {
                *overwrite = j;
                return farthest_target < j;
            }
            if (overlaps(first->imm, first->width, in))
                return false;
            break;
        case IR_LOAD_CPU:
            if (overlaps(first->imm, first->width, in))
                return false;
            break;
        case IR_LABEL:
            if (first_branch_to[in->imm] < i)
                return false;
            break;
        case IR_CALL: case IR_CALL_INSN: case IR_SYNC: case IR_RAISE: case IR_PLUGIN_SKIP_UNLESS:
            return false;
        default:
            break;
        }
    }
    return false;
}

static bool recomputable_op(const struct ir_insn *in, const struct ir_block *b, const uint32_t *def_at)
{
    switch (in->op) {
    case IR_ADD: case IR_SUB: case IR_AND: case IR_OR: case IR_XOR: case IR_SETCC:
    case IR_MOV: case IR_NOT: case IR_NEG: case IR_EXT:
        return true;
    case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROR:
        /* by a constant only: the sites keep rcx for operands */
        return b->insns[def_at[in->b]].op == IR_CONST;
    default:
        return false;
    }
}

/* What the choice of recomputed values works from. */
struct remat_choice {
    const struct ir_block *b;
    const uint32_t *defs, *def_at, *hot_uses;
    bool *pinned; /* a leaf in a chosen recomputation: must stay computed */
};

static bool recomputable(const struct remat_choice *c, ir_temp t)
{
    if (c->defs[t] != 1 || c->pinned[t])
        return false;
    const struct ir_insn *in = &c->b->insns[c->def_at[t]];
    if (ir_written_temp(in) != t || !recomputable_op(in, c->b, c->def_at))
        return false;
    ir_temp *read[6];
    for (int k = ir_operands((struct ir_insn *)in, read); k-- > 0;)
        if (c->defs[*read[k]] != 1)
            return false;
    return true;
}

/* Scratch registers to recompute t (0: it is a leaf, read where it is):
 * the first operand in this level's register, the second (or a constant,
 * or a spilled temporary) in the next level's.  An operand is recomputed
 * too when t is its only user on the hot path. */
static int registers_needed(const struct remat_choice *c, ir_temp t, int depth)
{
    if (depth > 8 || !recomputable(c, t) || (depth > 0 && c->hot_uses[t] != 1))
        return 0;
    ir_temp *read[6];
    int n = ir_operands((struct ir_insn *)&c->b->insns[c->def_at[t]], read);
    int total = 1;
    if (n > 0) {
        int first = registers_needed(c, *read[0], depth + 1);
        if (first > total)
            total = first;
    }
    if (n > 1) {
        int second = registers_needed(c, *read[1], depth + 1);
        if ((second > 1 ? second : 1) + 1 > total)
            total = (second > 1 ? second : 1) + 1;
    }
    return total;
}

/* Each site's stores, contiguous in site_stores, from (site, store) pairs. */
static void index_sites(struct ir_block *b, const uint32_t (*pairs)[2], uint32_t count)
{
    b->site_stores = malloc((count + 1) * sizeof *b->site_stores);
    if (!b->site_stores)
        abort();
    for (uint32_t k = 0; k < count; k++)
        b->insns[pairs[k][0]].deferred_count++;
    uint32_t at = 0;
    for (uint32_t i = 0; i < b->count; i++) {
        b->insns[i].deferred_first = at;
        at += b->insns[i].deferred_count;
        b->insns[i].deferred_count = 0;
    }
    for (uint32_t k = 0; k < count; k++) {
        struct ir_insn *site = &b->insns[pairs[k][0]];
        b->site_stores[site->deferred_first + site->deferred_count++] = pairs[k][1];
    }
    b->site_store_count = count;
}

void ir_defer_state_stores(struct ir_block *b)
{
    uint32_t n = b->temps + 1;
    uint32_t *defs = calloc(n, sizeof *defs), *def_at = calloc(n, sizeof *def_at);
    uint32_t *hot_uses = calloc(n, sizeof *hot_uses), *site_uses = calloc(n, sizeof *site_uses);
    uint32_t *first_branch_to = malloc((b->labels + 1) * sizeof *first_branch_to);
    uint32_t *label_at = calloc(b->labels + 1, sizeof *label_at);
    if (!defs || !def_at || !hot_uses || !site_uses || !first_branch_to || !label_at)
        abort();
    for (uint32_t l = 0; l <= b->labels; l++)
        first_branch_to[l] = UINT32_MAX;
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        ir_temp written = ir_written_temp(in);
        if (written != UINT32_MAX && written < n) {
            defs[written]++;
            def_at[written] = i;
        }
        ir_temp *read[6];
        for (int k = ir_operands(in, read); k-- > 0;)
            hot_uses[*read[k]]++;
        if (ir_branches_to_label(in) && first_branch_to[in->imm] == UINT32_MAX)
            first_branch_to[in->imm] = i;
        if (in->op == IR_LABEL)
            label_at[in->imm] = i;
    }

    /* the stores that can wait, and their sites */
    uint32_t capacity = 0, pair_count = 0, pair_capacity = 0;
    uint32_t (*pairs)[2] = NULL;
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        uint32_t overwrite;
        if (in->op != IR_STORE_CPU || !find_overwrite(b, i, defs, first_branch_to, label_at, &overwrite))
            continue;
        if (b->deferred_count == capacity) {
            capacity = capacity ? capacity * 2 : 16;
            b->deferred = realloc(b->deferred, capacity * sizeof *b->deferred);
            if (!b->deferred)
                abort();
        }
        uint32_t store = b->deferred_count++;
        b->deferred[store] = (struct ir_deferred_store){in->imm, in->width, in->a};
        for (uint32_t j = i + 1; j < overwrite; j++) {
            if (!is_site(&b->insns[j]))
                continue;
            if (pair_count == pair_capacity) {
                pair_capacity = pair_capacity ? pair_capacity * 2 : 64;
                pairs = realloc(pairs, pair_capacity * sizeof *pairs);
                if (!pairs)
                    abort();
            }
            pairs[pair_count][0] = j;
            pairs[pair_count++][1] = store;
        }
        hot_uses[in->a]--;
        site_uses[in->a]++;
        in->op = IR_NOP;
    }
    if (b->deferred_count)
        index_sites(b, (const uint32_t (*)[2])pairs, pair_count);
    free(pairs);

    /* values only the sites need: recomputed there, not on the hot path;
     * users before operands, so an operand's hot uses are final */
    bool *pinned = calloc(n, sizeof *pinned);
    if (!pinned)
        abort();
    struct remat_choice choice = {b, defs, def_at, hot_uses, pinned};
    for (uint32_t i = b->count; i-- > 0;) {
        struct ir_insn *in = &b->insns[i];
        ir_temp t = ir_written_temp(in);
        if (t == UINT32_MAX || t >= n || hot_uses[t] || !site_uses[t])
            continue;
        int need = registers_needed(&choice, t, 0);
        if (need == 0 || need > MAX_REMAT_REGISTERS)
            continue;
        if (!b->remat && !(b->remat = calloc(n, sizeof *b->remat)))
            abort();
        if (!(b->remat[t] = malloc(sizeof *in)))
            abort();
        *b->remat[t] = *in;
        ir_temp *read[6];
        for (int k = ir_operands(in, read); k-- > 0;) {
            ir_temp o = *read[k];
            /* an operand counted as a leaf stays one */
            if (registers_needed(&choice, o, 1) == 0)
                pinned[o] = true;
            hot_uses[o]--;
            site_uses[o]++;
        }
        in->op = IR_NOP;
    }
    free(pinned);
    free(defs);
    free(def_at);
    free(hot_uses);
    free(site_uses);
    free(first_branch_to);
    free(label_at);
}
