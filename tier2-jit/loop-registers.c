/* Loops kept in host registers.  A superblock with an exit back to its own
 * start runs as a loop: the guest state it uses most is loaded into
 * temporaries once, before a loop head; inside, loads and stores of those
 * fields are copies, and the exit back to the start becomes IR_LOOP_BACK, a
 * jump to the head unless the vCPU is asked to stop.  Every other way out
 * (exits, raises, the fault paths of accesses) writes the fields back
 * first (codegen.c), so nothing outside the loop sees the difference.
 *
 * Which fields: those read before they are written (carried from one
 * iteration to the next: through memory they would put a store-to-load
 * delay on the loop's critical path), then those only read, then those
 * only written, as many as the host registers the body leaves free.  The
 * instructions the iterations retire are counted in a temporary too (an
 * add to cpu->icount per iteration would be such a chain), added to the
 * cpu's count on the way out.
 *
 * Only blocks without calls qualify: a helper or fallback works on the
 * state in memory.  Runs last: the passes before it know nothing of
 * loops.  A store deferred to the loop-back (defer-stores.c) goes to the
 * field's register there, when the field has one. */
#include "optimize.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "codegen.h"
#include "cpu.h"
#include "guest-memory.h"

enum { MAX_FIELDS = 64 };

/* regalloc.c's registers for temporaries */
static int host_registers(void) { return guest_base ? 9 : 10; }

struct field {
    uint64_t offset;
    uint8_t width;
    bool mixed;      /* other widths, or overlapping fields: stays in memory */
    bool written;
    bool read_first; /* read before any write, in block order */
    uint32_t accesses;
};

/* Lower ranks are promoted first. */
static int rank(const struct field *f)
{
    if (f->read_first && f->written)
        return 0;
    return f->written ? 2 : 1;
}

static int by_rank(const void *x, const void *y)
{
    const struct field *a = x, *b = y;
    if (rank(a) != rank(b))
        return rank(a) - rank(b);
    return (int)b->accesses - (int)a->accesses;
}

static bool is_access(const struct ir_insn *in) { return in->op == IR_LOAD_CPU || in->op == IR_STORE_CPU; }

/* Whether the block can loop in registers: it exits to its own start and
 * nothing in it works on guest state in memory behind the IR's back. */
static bool loops_without_calls(const struct ir_block *b, uint64_t head_pc)
{
    bool loops = false;
    for (uint32_t i = 0; i < b->count; i++) {
        const struct ir_insn *in = &b->insns[i];
        switch (in->op) {
        case IR_CALL: case IR_CALL_INSN: case IR_SYNC: case IR_PLUGIN_INLINE: case IR_PLUGIN_SKIP_UNLESS:
            return false;
        case IR_EXIT_CONST:
            loops |= in->imm == head_pc;
            break;
        case IR_LOAD_CPU: case IR_STORE_CPU:
            if (in->imm < offsetof(struct cpu, state))
                return false; /* pc, icount: the exits' own business */
            break;
        default:
            break;
        }
    }
    return loops;
}

static bool overlaps(const struct field *f, uint64_t offset, int width)
{
    return offset < f->offset + f->width / 8 && f->offset < offset + (uint64_t)width / 8;
}

/* The fields the loop (up to loop_end) reads or writes, how, and how
 * often; what follows the loop only rules out fields it uses at other
 * widths. */
static int collect_fields(const struct ir_block *b, uint32_t loop_end, struct field *fields)
{
    int count = 0;
    for (uint32_t i = 0; i < b->count; i++) {
        const struct ir_insn *in = &b->insns[i];
        if (!is_access(in))
            continue;
        int k = 0;
        while (k < count && fields[k].offset != in->imm)
            k++;
        if (i > loop_end) {
            if (k < count)
                fields[k].mixed |= fields[k].width != in->width;
            continue;
        }
        if (k == count) {
            if (count == MAX_FIELDS)
                continue; /* not seen: the overlap check below keeps it in memory */
            fields[count++] = (struct field){.offset = in->imm, .width = in->width, .read_first = in->op == IR_LOAD_CPU};
        }
        struct field *f = &fields[k];
        f->mixed |= f->width != in->width;
        f->written |= in->op == IR_STORE_CPU;
        f->accesses++;
    }
    for (int j = 0; j < count; j++) {
        struct field *f = &fields[j];
        for (uint32_t i = 0; i < b->count && !f->mixed; i++) {
            const struct ir_insn *in = &b->insns[i];
            f->mixed = is_access(in) && in->imm != f->offset && overlaps(f, in->imm, in->width);
        }
        /* a deferred store must fit the field's register exactly */
        for (uint32_t k = 0; k < b->deferred_count && !f->mixed; k++) {
            const struct ir_deferred_store *store = &b->deferred[k];
            f->mixed = overlaps(f, store->offset, store->width) &&
                       (store->offset != f->offset || store->width != f->width);
        }
    }
    return count;
}

static bool is_promotable(const struct field *fields, int count, uint64_t offset)
{
    for (int k = 0; k < count; k++)
        if (fields[k].offset == offset)
            return !fields[k].mixed;
    return false;
}

/* The most temporaries live at once in the loop (up to loop_end: what
 * follows runs once per loop), not counting constants (put in place where
 * used) and the loads of fields that will be promoted (their uses read the
 * field's own register). */
static uint32_t register_pressure(const struct ir_block *b, const struct field *fields, int count, uint32_t loop_end)
{
    uint32_t n = b->temps + 1;
    uint32_t *first = malloc(n * sizeof *first), *last = malloc(n * sizeof *last), *defs = calloc(n, sizeof *defs);
    bool *skip = calloc(n, sizeof *skip);
    int32_t *delta = calloc(b->count + 2, sizeof *delta);
    if (!first || !last || !defs || !skip || !delta)
        abort();
    jit_temp_ranges(b, first, last);
    for (uint32_t i = 0; i < b->count; i++) {
        const struct ir_insn *in = &b->insns[i];
        ir_temp written = ir_written_temp(in);
        if (written == UINT32_MAX)
            continue;
        defs[written]++;
        skip[written] |= in->op == IR_CONST || (in->op == IR_LOAD_CPU && is_promotable(fields, count, in->imm));
    }
    for (uint32_t t = 0; t < n; t++) {
        if (first[t] == UINT32_MAX || (skip[t] && defs[t] == 1))
            continue;
        delta[first[t]]++;
        delta[last[t] + 1]--;
    }
    uint32_t most = 0;
    int32_t live = 0;
    for (uint32_t i = 0; i <= loop_end; i++) {
        live += delta[i];
        if ((uint32_t)live > most)
            most = (uint32_t)live;
    }
    free(first);
    free(last);
    free(defs);
    free(skip);
    free(delta);
    return most;
}

/* The temporaries exits and fault paths read: the values of their
 * deferred stores, or what those are recomputed from. */
static void mark_site_value(const struct ir_block *b, ir_temp t, bool *at_sites)
{
    at_sites[t] = true;
    if (!(b->remat && b->remat[t]))
        return;
    ir_temp *read[6];
    for (int k = ir_operands(b->remat[t], read); k-- > 0;)
        mark_site_value(b, *read[k], at_sites);
}

static bool *site_values(const struct ir_block *b)
{
    bool *at_sites = calloc(b->temps + 1, sizeof *at_sites);
    if (!at_sites)
        abort();
    for (uint32_t i = 0; i < b->count; i++) {
        const struct ir_insn *in = &b->insns[i];
        for (uint32_t k = 0; k < in->deferred_count; k++)
            mark_site_value(b, b->deferred[b->site_stores[in->deferred_first + k]].value, at_sites);
    }
    return at_sites;
}

static const struct ir_promoted_field *promoted_field(const struct ir_block *b, uint64_t offset)
{
    for (uint32_t k = 0; k < b->promoted_count; k++)
        if (b->promoted[k].offset == offset)
            return &b->promoted[k];
    return NULL;
}

/* The prologue loads, the loop head, then the body with promoted fields'
 * accesses as copies and the exits to the start as loop-backs. */
static void rewrite(struct ir_block *b, uint64_t head_pc)
{
    uint32_t prologue = b->promoted_count + 2;
    struct ir_insn *insns = calloc(b->count + prologue + 1, sizeof *insns);
    if (!insns)
        abort();
    ir_label head = ir_new_label(b);
    for (uint32_t k = 0; k < b->promoted_count; k++) {
        const struct ir_promoted_field *p = &b->promoted[k];
        insns[k] = (struct ir_insn){.op = IR_LOAD_CPU, .width = p->width, .dst = p->temp, .imm = p->offset,
                                    .rec = b->insns[0].rec};
    }
    insns[b->promoted_count] = (struct ir_insn){.op = IR_CONST, .width = 64, .dst = b->loop_retired, .imm = 0,
                                                .rec = b->insns[0].rec};
    insns[b->promoted_count + 1] = (struct ir_insn){.op = IR_LABEL, .width = 64, .imm = head, .rec = b->insns[0].rec};
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &insns[prologue + i];
        *in = b->insns[i];
        const struct ir_promoted_field *f = is_access(in) ? promoted_field(b, in->imm) : NULL;
        if (f && in->op == IR_LOAD_CPU) {
            in->op = in->width == 64 ? IR_MOV : IR_EXT;
            in->a = f->temp;
        } else if (f) {
            in->op = IR_MOV;
            in->dst = f->temp;
        } else if (in->op == IR_EXIT_CONST && in->imm == head_pc) {
            in->op = IR_LOOP_BACK;
            in->b = b->loop_retired;
            in->imm2 = head;
        }
    }
    free(b->insns);
    b->insns = insns;
    b->count += prologue;
    b->capacity = b->count + 1;
}

static bool reads_in(struct ir_block *b, ir_temp t, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++) {
        ir_temp *read[6];
        for (int k = ir_operands(&b->insns[i], read); k-- > 0;)
            if (*read[k] == t)
                return true;
    }
    return false;
}

/* Where the block could leave or fault, so the promoted fields must hold
 * their architectural values. */
static bool sites_in(const struct ir_block *b, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++)
        switch (b->insns[i].op) {
        case IR_LOAD: case IR_STORE: case IR_EXIT_CONST: case IR_EXIT_INDIRECT: case IR_RAISE: case IR_LOOP_BACK:
            return true;
        default:
            break;
        }
    return false;
}

/* The position after the last read of t (from on), or from. */
static uint32_t end_of_uses(struct ir_block *b, ir_temp t, uint32_t from)
{
    uint32_t end = from;
    for (uint32_t i = from; i < b->count; i++)
        if (reads_in(b, t, i, i + 1))
            end = i + 1;
    return end;
}

static void rename_reads(struct ir_block *b, ir_temp from_temp, ir_temp to_temp, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++) {
        ir_temp *read[6];
        for (int k = ir_operands(&b->insns[i], read); k-- > 0;)
            if (*read[k] == from_temp)
                *read[k] = to_temp;
    }
}

static bool is_promoted_temp(const struct ir_block *b, ir_temp t)
{
    for (uint32_t k = 0; k < b->promoted_count; k++)
        if (b->promoted[k].temp == t)
            return true;
    return false;
}

/* The copies the rewrite made, gone where they can be: a field's value
 * read where the field's register still holds it, and a value computed
 * straight into the field's register when nothing between its computation
 * and the store could see the field early. */
static void remove_copies(struct ir_block *b, const uint32_t *defs)
{
    /* a temporary the sites read keeps its own register (the sites come
     * after the field may have changed) */
    bool *at_sites = site_values(b);
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        if (in->op != IR_MOV || !is_promoted_temp(b, in->a) || is_promoted_temp(b, in->dst) ||
            defs[in->dst] != 1 || at_sites[in->dst])
            continue;
        uint32_t end = end_of_uses(b, in->dst, i + 1);
        if (ir_writes_between(b, in->a, i + 1, end))
            continue;
        rename_reads(b, in->dst, in->a, i + 1, end);
        in->op = IR_NOP;
    }
    uint32_t *def_at = malloc((b->temps + 1) * sizeof *def_at);
    if (!def_at)
        abort();
    for (uint32_t i = 0; i < b->count; i++) {
        ir_temp written = ir_written_temp(&b->insns[i]);
        if (written != UINT32_MAX)
            def_at[written] = i;
    }
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        if (in->op != IR_MOV || !is_promoted_temp(b, in->dst) || is_promoted_temp(b, in->a) || defs[in->a] != 1 ||
            at_sites[in->a])
            continue;
        ir_temp value = in->a, field = in->dst;
        uint32_t at = def_at[value];
        struct ir_insn *def = &b->insns[at];
        if (at >= i || def->op == IR_CALL || reads_in(b, field, at + 1, i) || ir_writes_between(b, field, at + 1, i) ||
            sites_in(b, at + 1, i))
            continue;
        uint32_t end = end_of_uses(b, value, i + 1);
        if (ir_writes_between(b, field, i + 1, end))
            continue;
        def->dst = field;
        rename_reads(b, value, field, at + 1, end);
        in->op = IR_NOP;
    }
    free(def_at);
    free(at_sites);
}

/* Which promoted fields the loop writes: by an operation (the prologue's
 * load aside), or by a store deferred to a loop-back (codegen.c puts it
 * in the field's register). */
static void note_written_fields(struct ir_block *b)
{
    for (uint32_t k = 0; k < b->promoted_count; k++) {
        struct ir_promoted_field *field = &b->promoted[k];
        for (uint32_t i = b->promoted_count + 2; i < b->count && !field->written; i++) {
            const struct ir_insn *in = &b->insns[i];
            field->written = ir_written_temp(in) == field->temp;
            for (uint32_t s = 0; in->op == IR_LOOP_BACK && s < in->deferred_count; s++)
                field->written |= b->deferred[b->site_stores[in->deferred_first + s]].offset == field->offset;
        }
    }
}

void ir_keep_loop_in_registers(struct ir_block *b, uint64_t head_pc)
{
    if (!loops_without_calls(b, head_pc))
        return;
    struct field fields[MAX_FIELDS];
    /* the last exit back to the start ends the loop's body */
    uint32_t loop_end = 0;
    for (uint32_t i = 0; i < b->count; i++)
        if (b->insns[i].op == IR_EXIT_CONST && b->insns[i].imm == head_pc)
            loop_end = i;
    int count = collect_fields(b, loop_end, fields);
    uint32_t pressure = register_pressure(b, fields, count, loop_end);
    /* the retired count takes one register; fields the rest the body leaves */
    int room = (int)pressure + 1 < host_registers() ? host_registers() - 1 - (int)pressure : 0;
    int kept = 0;
    for (int k = 0; k < count; k++)
        if (!fields[k].mixed)
            fields[kept++] = fields[k];
    qsort(fields, (size_t)kept, sizeof *fields, by_rank);
    if (kept > room)
        kept = room;
    b->promoted = calloc((size_t)kept + 1, sizeof *b->promoted);
    if (!b->promoted)
        abort();
    b->loop_retired = ir_new_temp(b);
    for (int k = 0; k < kept; k++)
        b->promoted[k] = (struct ir_promoted_field){fields[k].offset, fields[k].width, false, ir_new_temp(b)};
    b->promoted_count = (uint32_t)kept;
    if (b->remat) { /* indexed by temporary: the new ones have none */
        b->remat = realloc(b->remat, (b->temps + 1) * sizeof *b->remat);
        if (!b->remat)
            abort();
        for (uint32_t t = b->temps - b->promoted_count - 1; t <= b->temps; t++)
            b->remat[t] = NULL;
    }
    rewrite(b, head_pc);
    uint32_t *defs = calloc(b->temps + 1, sizeof *defs);
    if (!defs)
        abort();
    for (uint32_t i = 0; i < b->count; i++) {
        ir_temp written = ir_written_temp(&b->insns[i]);
        if (written != UINT32_MAX)
            defs[written]++;
    }
    remove_copies(b, defs);
    free(defs);
    note_written_fields(b);
}
