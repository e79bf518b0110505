/* Tier 0: one labelled C body per instruction, run by the threaded
 * interpreter template (interp/threaded-interp.h), which defines REC and
 * the control macros.  #line points each body back at its spec entry.
 *
 * Besides the one handler every instruction has, the block builder can pick
 * a specialised one from what the decoded record says (the tables in
 * <arch>-handler-labels.inc):
 * - a destination that is not the zero register: when every write an
 *   instruction makes to a file with a zero register goes to the register
 *   one field names, a second body assumes that field is not the zero
 *   register and writes without testing it;
 * - superinstructions: for a pair of instructions that often follow each
 *   other (the list below), one handler runs both bodies, the record
 *   pointer stepping between them, so the dispatch between them goes.
 *   Both destinations must not be the zero register where that matters.
 *   Where the second reads the register the first wrote (the builder
 *   compares the fields), a variant hands the value over in a C variable
 *   rather than through the register file in memory, which would cost a
 *   store-to-load forwarding delay on the host.
 * The bodies are the spec's semantics in every case: a variant differs only
 * in what the macros may assume. */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

void emit_insn_body(const struct arch_spec *spec, const struct insn *in, FILE *out)
{
    struct emitter em = {out, spec, in, CTX_HANDLER};
    if (in->uses_memory)
        fputs("    NOTE_MEMORY_ACCESS();\n", out);
    if (in->ends_block)
        fputs("    uint64_t next_pc = REC->pc + REC->length;\n", out);
    fprintf(out, "#line %d \"%s\"\n", in->semantics->pos.line, in->semantics->pos.file);
    emit_stmt(&em, in->semantics, 1);
    if (in->ends_block)
        fputs("    END_BLOCK(next_pc);\n", out);
    else
        fputs("    NEXT_INSN();\n", out);
}

/* The narrow slot of the field every write to a zero-register file names,
 * or -1 (no such write, a computed index, writes through views, or two
 * fields); *zero is that file's zero register. */
static bool zero_writes(const struct insn *in, const struct stmt *s, int *slot, int *zero)
{
    if (!s)
        return true;
    switch (s->kind) {
    case S_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            if (!zero_writes(in, s->body[i], slot, zero))
                return false;
        return true;
    case S_IF:
        return zero_writes(in, s->then_branch, slot, zero) && zero_writes(in, s->else_branch, slot, zero);
    case S_ASSIGN_REG: {
        const struct regfile *rf = s->target;
        if (rf->zero_reg < 0)
            return true;
        if (s->index->kind != E_FIELD)
            return false;
        const struct format *fmt = in->format;
        for (int i = 0; i < fmt->nfields; i++) {
            if (fmt->fields[i] != s->index->ref)
                continue;
            if (in->field_wide[i] || (*slot >= 0 && (*slot != in->field_slot[i] || *zero != rf->zero_reg)))
                return false;
            *slot = in->field_slot[i];
            *zero = rf->zero_reg;
            return true;
        }
        return false;
    }
    case S_VIEW_WRITE: {
        /* a view may write a zero-register file with an index of its own */
        int inner = -1, inner_zero = 0;
        const struct view *v = s->target;
        return zero_writes(in, v->write, &inner, &inner_zero) && inner < 0;
    }
    default:
        return true;
    }
}

static int nonzero_dest_slot(const struct insn *in, int *zero)
{
    int slot = -1;
    *zero = 0;
    return zero_writes(in, in->semantics, &slot, zero) ? slot : -1;
}

/* Whether every jump the instruction makes goes to an address known when it
 * is decoded (pc-relative or absolute): its block's successors then never
 * change, so a link needs no check of the address it leads to. */
static bool jumps_direct(const struct insn *in, const struct stmt *s)
{
    if (!s)
        return true;
    switch (s->kind) {
    case S_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            if (!jumps_direct(in, s->body[i]))
                return false;
        return true;
    case S_IF:
        return jumps_direct(in, s->then_branch) && jumps_direct(in, s->else_branch);
    case S_JUMP:
        return is_decode_constant(in, s->value);
    case S_VIEW_WRITE:
        return jumps_direct(in, ((const struct view *)s->target)->write);
    default:
        return true;
    }
}

static const struct insn *insn_named(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->ninsns; i++)
        if (!spec->insns[i]->expands_to && strcmp(spec->insns[i]->name, name) == 0)
            return spec->insns[i];
    return NULL;
}

/* Pair k's instructions (the spec's 'fuse' declarations), or false when
 * the first ends a block (emit_handlers says so). */
static bool fused_pair(const struct arch_spec *spec, int k, const struct insn **first, const struct insn **second)
{
    if (k >= spec->nfused)
        return false;
    *first = insn_named(spec, spec->fused[k]->first);
    *second = insn_named(spec, spec->fused[k]->second);
    return *first && *second && !(*first)->ends_block;
}

static int fused_pair_count(const struct arch_spec *spec) { return spec->nfused; }

/* Forwarding inside a pair: the first instruction's register write whose
 * value the second one's reads of that register can take from a C variable.
 * It must be the first one's only register write, made whenever the
 * instruction completes (not under a condition), to a register a field in
 * a narrow slot names. */
struct forward_source {
    const struct regfile *file;
    const struct field *field;
    int slot;
};

static int field_slot(const struct insn *in, const struct field *f)
{
    const struct format *fmt = in->format;
    for (int i = 0; i < fmt->nfields; i++)
        if (fmt->fields[i] == f)
            return in->field_wide[i] ? -1 : in->field_slot[i];
    return -1;
}

static int count_reg_writes(const struct stmt *s, bool conditional, const struct stmt **only, bool *under_condition)
{
    if (!s)
        return 0;
    int n = 0;
    switch (s->kind) {
    case S_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            n += count_reg_writes(s->body[i], conditional, only, under_condition);
        return n;
    case S_IF:
        return count_reg_writes(s->then_branch, true, only, under_condition) +
               count_reg_writes(s->else_branch, true, only, under_condition);
    case S_ASSIGN_REG:
        *only = s;
        *under_condition |= conditional;
        return 1;
    case S_VIEW_WRITE:
        return 2; /* may write anything */
    default:
        return 0;
    }
}

static bool forward_source_of(const struct insn *in, struct forward_source *src)
{
    const struct stmt *write = NULL;
    bool conditional = false;
    if (count_reg_writes(in->semantics, false, &write, &conditional) != 1 || conditional ||
        write->index->kind != E_FIELD)
        return false;
    src->file = write->target;
    src->field = write->index->ref;
    src->slot = field_slot(in, src->field);
    return src->slot >= 0;
}

/* Whether the second instruction reads file[use] and only before it writes
 * that file (a read after its own write must see that write). */
struct read_scan {
    const struct insn *in;
    const struct regfile *file;
    const struct field *use;
    bool written, found, ok;
};

static void scan_expr(struct read_scan *sc, const struct expr *e);

static void scan_exprs(struct read_scan *sc, struct expr *const *list, int n)
{
    for (int i = 0; i < n; i++)
        if (list[i])
            scan_expr(sc, list[i]);
}

static void scan_expr(struct read_scan *sc, const struct expr *e)
{
    if (!e)
        return;
    if (e->kind == E_REGREAD && e->ref == sc->file && e->args[0]->kind == E_FIELD && e->args[0]->ref == sc->use) {
        sc->found = true;
        if (sc->written)
            sc->ok = false;
    }
    scan_exprs(sc, e->args, 3);
    if (e->kind == E_HELPER || e->kind == E_INLINE || e->kind == E_LOAD || e->kind == E_ATOMIC)
        scan_exprs(sc, e->call_args, e->ncall_args);
    if (e->kind == E_INLINE) {
        const struct function *f = e->op >= 0 ? sc->in->locals_fn[e->op] : e->ref;
        if (f)
            scan_expr(sc, f->body);
    }
}

static void scan_stmt(struct read_scan *sc, const struct stmt *s)
{
    if (!s)
        return;
    switch (s->kind) {
    case S_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            scan_stmt(sc, s->body[i]);
        return;
    case S_IF: {
        scan_expr(sc, s->cond);
        bool before = sc->written;
        scan_stmt(sc, s->then_branch);
        bool after_then = sc->written;
        sc->written = before;
        scan_stmt(sc, s->else_branch);
        sc->written |= after_then;
        return;
    }
    case S_ASSIGN_REG:
        scan_expr(sc, s->index);
        scan_expr(sc, s->value);
        if (s->target == sc->file)
            sc->written = true;
        return;
    case S_VIEW_WRITE:
        scan_expr(sc, s->index);
        scan_expr(sc, s->value);
        sc->written = true;
        return;
    default:
        scan_expr(sc, s->index);
        scan_expr(sc, s->value);
        scan_expr(sc, s->addr);
        return;
    }
}

static bool forwardable_read(const struct insn *in, const struct regfile *file, const struct field *use)
{
    struct read_scan sc = {in, file, use, false, false, true};
    scan_stmt(&sc, in->semantics);
    return sc.found && sc.ok;
}

/* The second instruction's fields (narrow) that can take the first one's
 * value: out[i], at most max; returns how many. */
static int forward_uses(const struct insn *first, const struct insn *second, const struct field **out, int max,
                        struct forward_source *src)
{
    if (!forward_source_of(first, src))
        return 0;
    int n = 0;
    const struct format *fmt = second->format;
    for (int i = 0; i < fmt->nfields && n < max; i++)
        if (!second->field_wide[i] && forwardable_read(second, src->file, fmt->fields[i]))
            out[n++] = fmt->fields[i];
    return n;
}

/* A tier-0 handler body: the semantics, then the way out of the record
 * (none for the first of a pair). */
static void emit_handler_body(const struct arch_spec *spec, const struct insn *in, bool exit, FILE *out)
{
    struct emitter em = {out, spec, in, CTX_HANDLER};
    if (in->uses_memory)
        fputs("    NOTE_MEMORY_ACCESS();\n", out);
    if (in->ends_block)
        fputs("    uint64_t next_pc = REC->pc + REC->length;\n    bool jumped = false;\n", out);
    fprintf(out, "#line %d \"%s\"\n", in->semantics->pos.line, in->semantics->pos.file);
    emit_stmt(&em, in->semantics, 1);
    if (!exit)
        return;
    if (in->ends_block)
        fprintf(out, "    %s(next_pc);\n", jumps_direct(in, in->semantics) ? "END_BLOCK_DIRECT" : "END_BLOCK");
    else
        fputs("    NEXT_INSN();\n", out);
}

/* One of a pair's bodies in a scope of its own, assuming a destination
 * that is not the zero register where the builder checks that. */
static void emit_pair_part(const struct arch_spec *spec, const struct insn *in, bool exit, FILE *out)
{
    int zero;
    fprintf(out, "{\n    const bool dest_nonzero = %s;\n    (void)dest_nonzero;\n",
            nonzero_dest_slot(in, &zero) >= 0 ? "true" : "false");
    emit_handler_body(spec, in, exit, out);
    fputs("}\n", out);
}

void emit_set_forwarding(const struct regfile *file, const struct field *capture, const struct field *use);

/* A superinstruction's handler; forwarding the first one's value to the
 * second one's reads of file[use] when use is not NULL. */
static void emit_pair(const struct arch_spec *spec, int k, const struct insn *first, const struct insn *second,
                      const struct forward_source *src, const struct field *use, FILE *out)
{
    if (use)
        fprintf(out, "\nhandler_pair_%d_%s: /* %s; %s, %s forwarded */\n{\n", k, use->name, first->name, second->name,
                use->name);
    else
        fprintf(out, "\nhandler_pair_%d: /* %s; %s */\n{\n", k, first->name, second->name);
    if (use)
        fprintf(out, "%s fwd_value;\n", c_type_name(src->file->type));
    emit_set_forwarding(use ? src->file : NULL, use ? src->field : NULL, NULL);
    emit_pair_part(spec, first, false, out);
    fputs("NEXT_IN_PAIR();\n", out);
    emit_set_forwarding(use ? src->file : NULL, NULL, use);
    emit_pair_part(spec, second, true, out);
    emit_set_forwarding(NULL, NULL, NULL);
    fputs("}\n", out);
}

bool emit_handlers(const struct arch_spec *spec, FILE *out)
{
    fprintf(out, "/* Generated by isagen from isa-specs/%s: do not edit. */\n", spec->name);
    for (int i = 0; i < spec->ninsns; i++) {
        const struct insn *in = spec->insns[i];
        if (in->expands_to)
            continue;
        fprintf(out, "\nhandler_%d: /* %s */\n{\n", in->id, in->name);
        emit_handler_body(spec, in, true, out);
        fputs("}\n", out);
        int zero;
        if (nonzero_dest_slot(in, &zero) >= 0) {
            fprintf(out, "\nhandler_%d_nz: /* %s, destination not the zero register */\n{\n", in->id, in->name);
            fputs("    const bool dest_nonzero = true;\n    (void)dest_nonzero;\n", out);
            emit_handler_body(spec, in, true, out);
            fputs("}\n", out);
        }
    }
    for (int k = 0; k < fused_pair_count(spec); k++) {
        const struct insn *first, *second;
        if (!fused_pair(spec, k, &first, &second)) {
            spec_error(spec->fused[k]->pos, "fuse %s %s: the first instruction ends a block", spec->fused[k]->first,
                       spec->fused[k]->second);
            continue;
        }
        struct forward_source src;
        const struct field *uses[4];
        int nuses = forward_uses(first, second, uses, 4, &src);
        for (int u = 0; u < nuses; u++)
            emit_pair(spec, k, first, second, &src, uses[u], out);
        emit_pair(spec, k, first, second, NULL, NULL, out);
    }
    return true;
}

/* The label tables, declared in the interpreter function: the handler of
 * each decoder id, and the variants the block builder may pick instead. */
bool emit_handler_labels(const struct arch_spec *spec, FILE *out);
bool emit_handler_labels(const struct arch_spec *spec, FILE *out)
{
    fprintf(out, "/* Generated by isagen from isa-specs/%s: do not edit. */\n", spec->name);
    int count = handler_count(spec);
    const struct insn **by_id = calloc((size_t)count + 1, sizeof *by_id);
    if (!by_id)
        return false;
    for (int i = 0; i < spec->ninsns; i++)
        if (!spec->insns[i]->expands_to)
            by_id[spec->insns[i]->id] = spec->insns[i];
    fputs("static const void *const handler_labels[] = {\n", out);
    for (int id = 0; id < count; id++)
        fprintf(out, "    &&handler_%d,\n", id);
    fputs("};\n", out);
    /* the pairs by their first instruction */
    fputs("static const struct interp_pair handler_pairs[] = {\n", out);
    int *first_pair = calloc((size_t)count + 1, sizeof *first_pair), *pair_count = calloc((size_t)count + 1, sizeof *pair_count);
    int pairs = 0;
    if (!first_pair || !pair_count)
        return false;
    for (int id = 0; id < count; id++) {
        first_pair[id] = pairs;
        for (int k = 0; k < fused_pair_count(spec); k++) {
            const struct insn *first, *second;
            if (!fused_pair(spec, k, &first, &second) || first->id != id)
                continue;
            int zero1, zero2, slot1 = nonzero_dest_slot(first, &zero1), slot2 = nonzero_dest_slot(second, &zero2);
            struct forward_source src;
            const struct field *uses[4];
            int nuses = forward_uses(first, second, uses, 4, &src);
            /* the forwarding ones first: the builder takes the first that fits */
            for (int u = 0; u <= nuses; u++) {
                if (u < nuses)
                    fprintf(out, "    {&&handler_pair_%d_%s, %d, {%d, %d}, {%d, %d}, %d, %d}, /* %s; %s, %s forwarded */\n", k,
                            uses[u]->name, second->id, slot1, slot2, zero1, zero2, src.slot, field_slot(second, uses[u]),
                            first->name, second->name, uses[u]->name);
                else
                    fprintf(out, "    {&&handler_pair_%d, %d, {%d, %d}, {%d, %d}, -1, -1}, /* %s; %s */\n", k, second->id,
                            slot1, slot2, zero1, zero2, first->name, second->name);
                pair_count[id]++;
                pairs++;
            }
        }
    }
    if (pairs == 0)
        fputs("    {NULL, 0, {-1, -1}, {0, 0}, -1, -1},\n", out);
    fputs("};\n", out);
    fprintf(out, "static const struct interp_variants handler_variants[%d] = {\n", count > 0 ? count : 1);
    for (int id = 0; id < count; id++) {
        int zero, slot = by_id[id] ? nonzero_dest_slot(by_id[id], &zero) : -1;
        if (slot >= 0 || pair_count[id])
            fprintf(out, "    [%d] = {%s%d%s, %d, %d, %d, %d},\n", id, slot >= 0 ? "&&handler_" : "NULL /* ", id,
                    slot >= 0 ? "_nz" : " */", slot >= 0 ? slot : 0, slot >= 0 ? zero : 0, first_pair[id], pair_count[id]);
    }
    fputs("};\n", out);
    free(first_pair);
    free(pair_count);
    free(by_id);
    return true;
}
