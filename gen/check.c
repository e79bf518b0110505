/* Whole-spec checks after parsing: expansions resolved, pattern overlaps
 * and decode priority, record slots for fields, derived metadata. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

int64_t field_value(const struct field *f, uint32_t bits)
{
    uint64_t v = 0;
    for (int i = 0; i < f->nparts; i++) {
        const struct field_part *part = &f->parts[i];
        if (part->lo < 0) {
            v = v << part->const_bits | part->const_value;
        } else {
            int w = part->hi - part->lo + 1;
            v = v << w | ((bits >> part->lo) & ((UINT64_C(1) << w) - 1));
        }
    }
    if (f->sign_extend && f->width > 0 && f->width < 64) {
        uint64_t sign = UINT64_C(1) << (f->width - 1);
        v = (v ^ sign) - sign;
    }
    return (int64_t)v;
}

static int popcount32(uint32_t x) { return __builtin_popcount(x); }

/* Decode priority: longer encodings apart, then more fixed bits first, then
 * constrained (where) before unconstrained, then file order. */
static int priority_cmp(const void *pa, const void *pb)
{
    const struct insn *a = *(const struct insn *const *)pa;
    const struct insn *b = *(const struct insn *const *)pb;
    if (a->pattern.length != b->pattern.length)
        return a->pattern.length - b->pattern.length;
    int pa_bits = popcount32(a->pattern.mask), pb_bits = popcount32(b->pattern.mask);
    if (pa_bits != pb_bits)
        return pb_bits - pa_bits;
    if ((a->where != NULL) != (b->where != NULL))
        return a->where ? -1 : 1;
    return a->id - b->id; /* id holds the file order here */
}

bool check_patterns(struct arch_spec *spec)
{
    int errors = 0;
    for (int i = 0; i < spec->ninsns; i++)
        spec->insns[i]->id = i;
    for (int i = 0; i < spec->ninsns; i++) {
        const struct insn *a = spec->insns[i];
        for (int j = i + 1; j < spec->ninsns; j++) {
            const struct insn *b = spec->insns[j];
            if (a->pattern.length != b->pattern.length)
                continue;
            uint32_t both = a->pattern.mask & b->pattern.mask;
            if ((a->pattern.value ^ b->pattern.value) & both)
                continue; /* some fixed bit differs: disjoint */
            bool a_specific = both == b->pattern.mask && a->pattern.mask != b->pattern.mask;
            bool b_specific = both == a->pattern.mask && a->pattern.mask != b->pattern.mask;
            bool same = a->pattern.mask == b->pattern.mask;
            if (a_specific || b_specific)
                continue; /* the more specific pattern is tried first */
            if (same && (a->where || b->where))
                continue; /* the constrained one is tried first */
            spec_error(b->pos, "encoding of %s overlaps %s (%s:%d) and neither is more specific", b->name, a->name, a->pos.file, a->pos.line);
            errors++;
        }
    }
    qsort(spec->insns, (size_t)spec->ninsns, sizeof *spec->insns, priority_cmp);
    return errors == 0;
}

/* Evaluates a decode-time constraint (fields, numbers, arithmetic,
 * comparisons, logic) for match_insn; the generated decoder emits it as C. */
static int64_t eval_decode_expr(const struct expr *e, uint32_t bits)
{
    int64_t a = e->nargs > 0 ? eval_decode_expr(e->args[0], bits) : 0;
    int64_t b = e->nargs > 1 ? eval_decode_expr(e->args[1], bits) : 0;
    switch (e->kind) {
    case E_NUMBER: return (int64_t)e->number;
    case E_FIELD: return field_value(e->ref, bits);
    case E_UNARY:
        return e->op == '-' ? -a : e->op == '~' ? ~a : !a;
    case E_TERNARY: return a ? b : eval_decode_expr(e->args[2], bits);
    case E_BINARY:
        switch (e->op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '&': return a & b;
        case '|': return a | b;
        case '^': return a ^ b;
        case '<': return a < b;
        case '>': return a > b;
        case '=' | '=' << 8: return a == b;
        case '!' | '=' << 8: return a != b;
        case '<' | '=' << 8: return a <= b;
        case '>' | '=' << 8: return a >= b;
        case '&' | '&' << 8: return a && b;
        case '|' | '|' << 8: return a || b;
        case '<' | '<' << 8: return (int64_t)((uint64_t)a << (b & 63));
        case '>' | '>' << 8: return a >> (b & 63);
        }
        break;
    default:
        break;
    }
    spec_error(e->pos, "this expression cannot be evaluated at decode time");
    return 0;
}

const struct insn *match_insn(const struct arch_spec *spec, uint32_t bits, int length)
{
    for (int i = 0; i < spec->ninsns; i++) {
        const struct insn *in = spec->insns[i];
        if (in->pattern.length != length || (bits & in->pattern.mask) != in->pattern.value)
            continue;
        if (in->where && !eval_decode_expr(in->where, bits))
            continue;
        return in;
    }
    return NULL;
}

static struct insn *find_insn(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->ninsns; i++)
        if (strcmp(spec->insns[i]->name, name) == 0 && !spec->insns[i]->expands_to_name)
            return spec->insns[i];
    return NULL;
}

static void assign_slots(struct insn *in)
{
    int narrow = 0, wide = 0;
    for (int i = 0; i < in->format->nfields; i++) {
        const struct field *f = in->format->fields[i];
        if (!f->sign_extend && f->width <= 8 && narrow < 6) {
            in->field_slot[i] = narrow++;
            in->field_wide[i] = false;
        } else if (wide < 2) {
            in->field_slot[i] = wide++;
            in->field_wide[i] = true;
        } else {
            spec_error(in->pos, "%s has more than two wide fields", in->name);
        }
    }
}

struct metadata_walk {
    struct insn *insn;
};

static void walk_expr(struct insn *in, const struct expr *e);

static void walk_stmt(struct insn *in, const struct stmt *s)
{
    if (!s)
        return;
    switch (s->kind) {
    case S_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            walk_stmt(in, s->body[i]);
        return;
    case S_IF:
        walk_expr(in, s->cond);
        walk_stmt(in, s->then_branch);
        walk_stmt(in, s->else_branch);
        return;
    case S_JUMP:
        in->is_branch = in->ends_block = true;
        break;
    case S_STORE:
        in->is_store = in->uses_memory = true;
        walk_expr(in, s->addr);
        break;
    case S_RAISE: {
        const struct exception_decl *ex = s->target;
        if (ex && (strcmp(ex->kind, "syscall") == 0 || strcmp(ex->kind, "breakpoint") == 0)) {
            in->ends_block = true;
            in->is_syscall = strcmp(ex->kind, "syscall") == 0;
        }
        break;
    }
    case S_FLUSH_ICACHE:
        in->ends_block = true;
        break;
    case S_ASSIGN_REG:
        walk_expr(in, s->index);
        break;
    case S_VIEW_WRITE:
        walk_expr(in, s->index);
        walk_stmt(in, ((const struct view *)s->target)->write);
        break;
    default:
        break;
    }
    walk_expr(in, s->value);
}

static void walk_expr(struct insn *in, const struct expr *e)
{
    if (!e)
        return;
    for (int i = 0; i < e->nargs; i++)
        walk_expr(in, e->args[i]);
    for (int i = 0; i < e->ncall_args; i++)
        walk_expr(in, e->call_args[i]);
    switch (e->kind) {
    case E_LOAD:
        in->is_load = in->uses_memory = true;
        break;
    case E_ATOMIC:
        in->is_load = in->is_store = in->uses_memory = true;
        break;
    case E_HELPER:
        if (((const struct helper *)e->ref)->effects & EFF_CPU)
            in->has_cpu_helper = true;
        break;
    case E_INLINE: {
        const struct function *f = e->op >= 0 ? in->locals_fn[e->op] : e->ref;
        if (f)
            walk_expr(in, f->body);
        break;
    }
    default:
        break;
    }
}

/* A field is in the instruction's format, or the spec uses it by mistake. */
static void check_fields_expr(const struct insn *in, const struct expr *e);

static void check_field_use(const struct insn *in, const struct expr *e)
{
    for (int i = 0; i < in->format->nfields; i++)
        if (in->format->fields[i] == e->ref)
            return;
    spec_error(e->pos, "%s uses field '%s', which is not in format %s", in->name, e->name, in->format->name);
}

static void check_fields_stmt(const struct insn *in, const struct stmt *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->nbody; i++)
        check_fields_stmt(in, s->body[i]);
    check_fields_expr(in, s->cond);
    check_fields_stmt(in, s->then_branch);
    check_fields_stmt(in, s->else_branch);
    check_fields_expr(in, s->index);
    check_fields_expr(in, s->value);
    check_fields_expr(in, s->addr);
}

static void check_fields_expr(const struct insn *in, const struct expr *e)
{
    if (!e)
        return;
    if (e->kind == E_FIELD)
        check_field_use(in, e);
    for (int i = 0; i < e->nargs; i++)
        check_fields_expr(in, e->args[i]);
    for (int i = 0; i < e->ncall_args; i++)
        check_fields_expr(in, e->call_args[i]);
    if (e->kind == E_INLINE && e->op >= 0 && in->locals_fn[e->op])
        check_fields_expr(in, in->locals_fn[e->op]->body);
}

/* Every bit a format's fields read must exist in an instruction that long. */
static void check_field_ranges(const struct insn *in)
{
    for (int i = 0; i < in->format->nfields; i++) {
        const struct field *f = in->format->fields[i];
        for (int k = 0; k < f->nparts; k++)
            if (f->parts[k].lo >= 0 && f->parts[k].hi >= in->pattern.length)
                spec_error(in->pos, "field %s reads bit %d of %s, a %d-bit instruction", f->name, f->parts[k].hi,
                           in->name, in->pattern.length);
    }
}

/* Assembly syntax prints what the disassembler knows: fields (a field
 * outside the format is read from the instruction's bits), PC, constants,
 * and pure functions of them. */
static bool asm_field_in_format(const struct insn *in, const struct field *f)
{
    for (int i = 0; i < in->format->nfields; i++)
        if (in->format->fields[i] == f)
            return true;
    return false;
}

static void check_asm_expr(const struct insn *in, const struct expr *e, bool expanded)
{
    if (!e)
        return;
    const char *what = NULL;
    switch (e->kind) {
    case E_STATE:
    case E_REGREAD:
        what = "machine state";
        break;
    case E_LOAD:
    case E_ATOMIC:
        what = "memory";
        break;
    case E_HELPER: {
        const struct helper *h = e->ref;
        if (h->effects != EFF_PURE || h->nreads || h->nwrites)
            what = "a helper that is not pure";
        break;
    }
    case E_INLINE: {
        const struct function *f = e->op >= 0 ? in->locals_fn[e->op] : e->ref;
        if (f && f->view)
            what = "a register";
        else if (f)
            check_asm_expr(in, f->body, expanded);
        break;
    }
    case E_FIELD: {
        const struct field *f = e->ref;
        if (f && !asm_field_in_format(in, f)) {
            if (expanded)
                spec_error(e->pos, "the assembly of %s uses field '%s', which is not in format %s: an expansion decodes into %s, so its bits are not %s's",
                           in->name, f->name, in->format->name, in->name, in->name);
            for (int k = 0; k < f->nparts; k++)
                if (f->parts[k].lo >= 0 && f->parts[k].hi >= in->pattern.length)
                    spec_error(e->pos, "the assembly of %s uses field %s, which reads bit %d of a %d-bit instruction", in->name,
                               f->name, f->parts[k].hi, in->pattern.length);
        }
        break;
    }
    default:
        break;
    }
    if (what)
        spec_error(e->pos, "the assembly of %s reads %s, which the disassembler does not know", in->name, what);
    for (int i = 0; i < e->nargs; i++)
        check_asm_expr(in, e->args[i], expanded);
    for (int i = 0; i < e->ncall_args; i++)
        check_asm_expr(in, e->call_args[i], expanded);
}

static void check_asm_pieces(const struct insn *in, const struct asm_piece *piece, bool expanded)
{
    for (; piece; piece = piece->next) {
        check_asm_expr(in, piece->value, expanded);
        check_asm_pieces(in, piece->then_part, expanded);
        check_asm_pieces(in, piece->else_part, expanded);
    }
}

static void check_assembly(const struct arch_spec *spec, const struct insn *in)
{
    bool expanded = false;
    for (int i = 0; i < spec->ninsns; i++)
        if (spec->insns[i]->expands_to == in)
            expanded = true;
    check_asm_pieces(in, in->asm_pieces, expanded);
    for (int i = 0; i < in->nasm_aliases; i++) {
        check_asm_pieces(in, in->asm_aliases[i].text, expanded);
        check_asm_expr(in, in->asm_aliases[i].when, expanded);
    }
}

/* A debug register is read from the state alone, outside any instruction. */
static void check_debug_expr(const struct debug_reg *d, const struct expr *e)
{
    if (!e)
        return;
    const struct helper *h = e->kind == E_HELPER ? e->ref : NULL;
    if (e->kind == E_FIELD || e->kind == E_PC || e->kind == E_NEXT_PC || e->kind == E_LOAD || e->kind == E_ATOMIC ||
        (h && (h->effects & EFF_CPU)))
        spec_error(e->pos, "debug register %s may read only state, constants and helpers without the cpu effect", d->name);
    for (int i = 0; i < e->nargs; i++)
        check_debug_expr(d, e->args[i]);
    for (int i = 0; i < e->ncall_args; i++)
        check_debug_expr(d, e->call_args[i]);
    if (e->kind == E_INLINE && e->op < 0 && e->ref)
        check_debug_expr(d, ((const struct function *)e->ref)->body);
}

bool check_spec(struct arch_spec *spec)
{
    if (!spec->name)
        spec_error((struct srcpos){"(spec)", 0}, "no 'arch' declaration");
    if (!spec->long_bits)
        spec_error((struct srcpos){"(spec)", 0}, "no 'length' declaration");
    if (spec_error_count)
        return false;
    for (int i = 0; i < spec->nfused; i++)
        for (int k = 0; k < 2; k++) {
            const char *name = k ? spec->fused[i]->second : spec->fused[i]->first;
            if (!find_insn(spec, name))
                spec_error(spec->fused[i]->pos, "fuse: no instruction named '%s'", name);
        }
    for (int i = 0; i < spec->ninsns; i++) {
        struct insn *in = spec->insns[i];
        if (in->expands_to_name) {
            in->expands_to = find_insn(spec, in->expands_to_name);
            if (!in->expands_to) {
                spec_error(in->pos, "%s expands to unknown instruction '%s'", in->name, in->expands_to_name);
                continue;
            }
            const struct format *tf = in->expands_to->format;
            for (int k = 0; k < tf->nfields; k++) {
                int b = 0;
                while (b < in->nbindings && in->bindings[b].target_field != tf->fields[k])
                    b++;
                if (b == in->nbindings)
                    spec_error(in->pos, "%s does not give %s's field '%s'", in->name, in->expands_to->name, tf->fields[k]->name);
            }
            for (int b = 0; b < in->nbindings; b++)
                if (in->bindings[b].value)
                    check_fields_expr(in, in->bindings[b].value);
        } else {
            assign_slots(in);
            walk_stmt(in, in->semantics);
            check_fields_stmt(in, in->semantics);
        }
        if (in->where)
            check_fields_expr(in, in->where);
        check_field_ranges(in);
    }
    for (int i = 0; i < spec->ninsns; i++)
        if (!spec->insns[i]->expands_to_name)
            check_assembly(spec, spec->insns[i]);
    for (int i = 0; i < spec->ndebug_regs; i++) {
        const struct debug_reg *d = spec->debug_regs[i];
        check_debug_expr(d, d->value);
        if (d->type.kind != T_INT || d->type.width > 64)
            spec_error(d->pos, "debug register %s must be an integer of at most 64 bits", d->name);
    }
    if (spec_error_count || !check_patterns(spec))
        return false;
    /* handler numbers, in decode order; expansions share their target's */
    int next_id = 0;
    for (int i = 0; i < spec->ninsns; i++)
        if (!spec->insns[i]->expands_to)
            spec->insns[i]->id = next_id++;
    return true;
}
