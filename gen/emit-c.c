/* Semantic expressions and statements as C, with every type explicit, so
 * C's integer promotions never change what the spec says.  The macros used
 * here (REG_WRITE, LOAD, STORE, JUMP, RAISE, ...) are defined by each tier's
 * template (interp/threaded-interp.h for tier 0). */
#include <string.h>

#include "emit.h"

/* Tier 0's superinstructions (gen/emit-handlers.c): the first body's one
 * write to file[capture] also goes to the C variable fwd_value, and the
 * second body's reads of file[use] become FORWARDED(fwd_value, read), which
 * the template makes the variable where nothing may change the register in
 * between (no plugin hooks), so the value need not come back from memory. */
static const struct regfile *fwd_file;
static const struct field *fwd_capture, *fwd_use;

void emit_set_forwarding(const struct regfile *file, const struct field *capture, const struct field *use);
void emit_set_forwarding(const struct regfile *file, const struct field *capture, const struct field *use)
{
    fwd_file = file;
    fwd_capture = capture;
    fwd_use = use;
}

static void emit_indent(FILE *out, int indent)
{
    for (int i = 0; i < indent; i++)
        fputs("    ", out);
}

static const char *state_path(const struct arch_spec *spec)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "cpu->state.%s", spec->name);
    return buf;
}

void emit_field_extract(FILE *out, const struct field *f, const char *bits)
{
    /* concatenate parts most significant first, then sign-extend */
    fprintf(out, "(%s)(", f->sign_extend ? "int64_t" : "uint64_t");
    if (f->sign_extend)
        fputs("emu_sext64(", out);
    int shift = f->width;
    bool first = true;
    for (int i = 0; i < f->nparts; i++) {
        const struct field_part *p = &f->parts[i];
        int w = p->lo < 0 ? p->const_bits : p->hi - p->lo + 1;
        shift -= w;
        if (p->lo < 0 && p->const_value == 0)
            continue;
        if (!first)
            fputs(" | ", out);
        first = false;
        if (p->lo < 0)
            fprintf(out, "(UINT64_C(%llu) << %d)", (unsigned long long)p->const_value, shift);
        else
            fprintf(out, "((uint64_t)((%s >> %d) & 0x%llxu) << %d)", bits, p->lo, (unsigned long long)((UINT64_C(1) << w) - 1), shift);
    }
    if (first)
        fputs("0", out);
    if (f->sign_extend)
        fprintf(out, ", %d)", f->width);
    fputs(")", out);
}

void emit_field_read(struct emitter *em, const struct field *f)
{
    if (em->context == CTX_DECODER) {
        fprintf(em->out, "f_%s", f->name);
        return;
    }
    const struct format *fmt = em->insn->format;
    for (int i = 0; i < fmt->nfields; i++) {
        if (fmt->fields[i] == f) {
            if (em->insn->field_wide[i])
                fprintf(em->out, "(%s)REC->wide[%d]", f->sign_extend ? "int64_t" : "uint64_t", em->insn->field_slot[i]);
            else
                fprintf(em->out, "(uint64_t)REC->narrow[%d]", em->insn->field_slot[i]);
            return;
        }
    }
    fprintf(em->out, "0 /* field %s not in format */", f->name);
}

static void emit_converted(struct emitter *em, const struct expr *e, struct type to)
{
    fprintf(em->out, "(%s)(", c_type_name(to));
    emit_expr(em, e);
    fputs(")", em->out);
}

static const char *binary_c_op(int op)
{
    static char buf[3];
    buf[0] = (char)(op & 0xff);
    buf[1] = (char)(op >> 8);
    buf[2] = 0;
    return buf;
}

static void emit_binary(struct emitter *em, const struct expr *e)
{
    const struct expr *a = e->args[0], *b = e->args[1];
    int op = e->op;
    struct type operand = a->type.width == 0 && b->type.width == 0 ? type_int(64, true) : a->type;
    if (op == ('&' | '&' << 8) || op == ('|' | '|' << 8)) {
        fputs("(", em->out);
        emit_expr(em, a);
        fprintf(em->out, " %s ", binary_c_op(op));
        emit_expr(em, b);
        fputs(")", em->out);
        return;
    }
    if (op == ('<' | '<' << 8) || op == ('>' | '>' << 8)) {
        struct type t = e->type;
        int mask = t.width - 1;
        if (op == ('<' | '<' << 8)) {
            /* shift in the unsigned type: a signed left shift is never UB */
            struct type u = type_int(t.width, false);
            fprintf(em->out, "(%s)((%s)(", c_type_name(t), c_type_name(u));
            emit_expr(em, a);
            fprintf(em->out, ") << ((");
            emit_expr(em, b);
            fprintf(em->out, ") & %d))", mask);
        } else {
            fprintf(em->out, "(%s)((%s)(", c_type_name(t), c_type_name(t));
            emit_expr(em, a);
            fprintf(em->out, ") >> ((");
            emit_expr(em, b);
            fprintf(em->out, ") & %d))", mask);
        }
        return;
    }
    bool comparison = e->type.kind == T_BOOL;
    struct type t = comparison ? merge_types(a->type, b->type) : e->type;
    if (t.width == 0)
        t = operand;
    if (op == '/' || op == '%') {
        fprintf(em->out, "(%s)%s(", c_type_name(t), op == '/' ? "DSL_DIV" : "DSL_REM");
        emit_converted(em, a, t);
        fputs(", ", em->out);
        emit_converted(em, b, t);
        fputs(")", em->out);
        return;
    }
    /* signed + - * wrap: compute in the unsigned type, never signed overflow */
    struct type arith = t;
    if (!comparison && t.is_signed && (op == '+' || op == '-' || op == '*'))
        arith = type_int(t.width, false);
    if (!comparison)
        fprintf(em->out, "(%s)", c_type_name(t));
    fputs("(", em->out);
    emit_converted(em, a, arith);
    fprintf(em->out, " %s ", binary_c_op(op));
    emit_converted(em, b, arith);
    fputs(")", em->out);
}

static void emit_inline_call(struct emitter *em, const struct expr *e)
{
    const struct function *f = e->op >= 0 ? em->insn->locals_fn[e->op] : e->ref;
    if (!f) {
        fputs("0", em->out);
        return;
    }
    fputs("({ ", em->out);
    for (int i = 0; i < f->nparams; i++) {
        const struct local *l = f->param_locals[i];
        fprintf(em->out, "%s l_%s_%d = ", c_type_name(l->type), l->name, l->id);
        emit_converted(em, e->call_args[i], l->type);
        fprintf(em->out, "; (void)l_%s_%d; ", l->name, l->id);
    }
    emit_converted(em, f->body, f->result);
    fputs("; })", em->out);
}

static void emit_helper_call(struct emitter *em, const struct expr *e)
{
    const struct helper *h = e->ref;
    bool raises = h->effects & EFF_RAISES;
    bool is_void = h->result.kind == T_VOID;
    if (h->effects & EFF_CPU)
        fputs("(SYNC_STATE(), ", em->out);
    if (raises) {
        fputs("({ ", em->out);
        if (!is_void)
            fprintf(em->out, "%s helper_result_ = ", c_type_name(h->result));
    }
    fprintf(em->out, "%s(", h->name);
    bool need_comma = false;
    if (h->effects & EFF_CPU) {
        fputs("cpu", em->out);
        need_comma = true;
    }
    for (int i = 0; i < e->ncall_args; i++) {
        if (need_comma)
            fputs(", ", em->out);
        emit_converted(em, e->call_args[i], h->params[i].type);
        need_comma = true;
    }
    for (int i = 0; i < h->nreads; i++) {
        fprintf(em->out, "%s%s.%s", need_comma ? ", " : "", state_path(em->spec), h->reads[i]->name);
        need_comma = true;
    }
    for (int i = 0; i < h->nwrites; i++) {
        fprintf(em->out, "%s&%s.%s", need_comma ? ", " : "", state_path(em->spec), h->writes[i]->name);
        need_comma = true;
    }
    fputs(")", em->out);
    if (raises)
        fprintf(em->out, "; if (__builtin_expect(cpu->exception.kind != EXC_NONE, 0)) RAISE_PENDING(); %s })", is_void ? "(void)0;" : "helper_result_;");
    if (h->effects & EFF_CPU)
        fputs(")", em->out);
}

void emit_expr(struct emitter *em, const struct expr *e)
{
    FILE *out = em->out;
    switch (e->kind) {
    case E_NUMBER:
        if (e->type.kind == T_BOOL)
            fputs(e->number ? "true" : "false", out);
        else
            fprintf(out, "UINT64_C(0x%llx)", (unsigned long long)e->number);
        return;
    case E_FIELD:
        emit_field_read(em, e->ref);
        return;
    case E_LOCAL: {
        const struct local *l = e->ref;
        fprintf(out, "l_%s_%d", l->name, l->id);
        return;
    }
    case E_STATE:
        fprintf(out, "%s.%s", state_path(em->spec), ((const struct state_reg *)e->ref)->name);
        return;
    case E_REGREAD: {
        const struct regfile *rf = e->ref;
        bool forwarded = fwd_use && rf == fwd_file && e->args[0]->kind == E_FIELD && e->args[0]->ref == fwd_use;
        if (forwarded)
            fputs("FORWARDED(fwd_value, ", out);
        fprintf(out, "%s.%s[", state_path(em->spec), rf->name);
        emit_expr(em, e->args[0]);
        fputs("]", out);
        if (forwarded)
            fputs(")", out);
        return;
    }
    case E_PC:
        fputs("REC->pc", out);
        return;
    case E_NEXT_PC:
        fputs("(REC->pc + REC->length)", out);
        return;
    case E_UNARY:
        if (e->op == '!') {
            fputs("(!(", out);
            emit_expr(em, e->args[0]);
            fputs("))", out);
        } else {
            struct type t = e->type.width == 0 ? type_int(64, true) : e->type;
            struct type u = type_int(t.width, false); /* negation wraps */
            fprintf(out, "(%s)(%c", c_type_name(t), e->op == '-' ? '-' : '~');
            emit_converted(em, e->args[0], u);
            fputs(")", out);
        }
        return;
    case E_BINARY:
        emit_binary(em, e);
        return;
    case E_TERNARY: {
        struct type t = e->type.width == 0 ? type_int(64, true) : e->type;
        fputs("((", out);
        emit_expr(em, e->args[0]);
        fputs(") ? ", out);
        emit_converted(em, e->args[1], t);
        fputs(" : ", out);
        emit_converted(em, e->args[2], t);
        fputs(")", out);
        return;
    }
    case E_CAST:
        emit_converted(em, e->args[0], e->type);
        return;
    case E_LOAD:
        fprintf(out, "LOAD(%s, ", c_type_name(e->mem_type));
        emit_converted(em, e->call_args[0], type_int(64, false));
        fputs(")", out);
        return;
    case E_ATOMIC: {
        static const char *const names[] = {"XCHG", "ADD", "AND", "OR", "XOR", "MIN", "MAX", "CMPXCHG"};
        fprintf(out, "ATOMIC_%s(%s", names[e->op], c_type_name(e->mem_type));
        for (int i = 0; i < e->ncall_args; i++) {
            fputs(", ", out);
            emit_converted(em, e->call_args[i], i == 0 ? type_int(64, false) : e->mem_type);
        }
        fputs(")", out);
        return;
    }
    case E_HELPER:
        emit_helper_call(em, e);
        return;
    case E_INLINE:
        emit_inline_call(em, e);
        return;
    }
}

void emit_stmt(struct emitter *em, const struct stmt *s, int indent)
{
    FILE *out = em->out;
    if (s->kind != S_BLOCK)
        emit_indent(out, indent);
    switch (s->kind) {
    case S_BLOCK:
        emit_indent(out, indent);
        fputs("{\n", out);
        for (int i = 0; i < s->nbody; i++)
            emit_stmt(em, s->body[i], indent + 1);
        emit_indent(out, indent);
        fputs("}\n", out);
        return;
    case S_IF:
        fputs("if (", out);
        emit_expr(em, s->cond);
        fputs(")\n", out);
        emit_stmt(em, s->then_branch, indent + (s->then_branch->kind != S_BLOCK));
        if (s->else_branch) {
            emit_indent(out, indent);
            fputs("else\n", out);
            emit_stmt(em, s->else_branch, indent + (s->else_branch->kind != S_BLOCK));
        }
        return;
    case S_LET:
        fprintf(out, "%s l_%s_%d = ", c_type_name(s->local->type), s->local->name, s->local->id);
        emit_converted(em, s->value, s->local->type);
        fputs(";\n", out);
        return;
    case S_ASSIGN_LOCAL:
        fprintf(out, "l_%s_%d = ", s->local->name, s->local->id);
        emit_converted(em, s->value, s->local->type);
        fputs(";\n", out);
        return;
    case S_ASSIGN_STATE: {
        const struct state_reg *st = s->target;
        fprintf(out, "%s.%s = ", state_path(em->spec), st->name);
        emit_converted(em, s->value, st->type);
        fputs(";\n", out);
        return;
    }
    case S_ASSIGN_REG: {
        const struct regfile *rf = s->target;
        if (rf->zero_reg >= 0) {
            /* the zero register ignores writes */
            fprintf(out, "REG_WRITE_NONZERO(%s.%s, %d, ", state_path(em->spec), rf->name, rf->zero_reg);
        } else {
            fprintf(out, "REG_WRITE(%s.%s, ", state_path(em->spec), rf->name);
        }
        emit_expr(em, s->index);
        fputs(", ", out);
        bool captured = fwd_capture && rf == fwd_file && s->index->kind == E_FIELD && s->index->ref == fwd_capture;
        if (captured)
            fputs("fwd_value = ", out);
        emit_converted(em, s->value, rf->type);
        fputs(");\n", out);
        return;
    }
    case S_STORE:
        fprintf(out, "STORE(%s, ", c_type_name(s->mem_type));
        emit_converted(em, s->addr, type_int(64, false));
        fputs(", ", out);
        emit_converted(em, s->value, s->mem_type);
        fputs(");\n", out);
        return;
    case S_JUMP:
        fputs("JUMP(", out);
        emit_converted(em, s->value, type_int(64, false));
        fputs(");\n", out);
        return;
    case S_RAISE: {
        const struct exception_decl *ex = s->target;
        char kind[64];
        size_t i = 0;
        for (; ex && ex->kind[i] && i < sizeof kind - 1; i++)
            kind[i] = (char)(ex->kind[i] >= 'a' && ex->kind[i] <= 'z' ? ex->kind[i] - 32 : ex->kind[i]);
        kind[i] = 0;
        fprintf(out, "RAISE(EXC_%s, %d, ", kind, ex ? ex->cause : 0);
        emit_converted(em, s->value, type_int(64, false));
        fputs(");\n", out);
        return;
    }
    case S_FENCE:
        fputs("FENCE();\n", out);
        return;
    case S_FLUSH_ICACHE:
        fputs("FLUSH_ICACHE();\n", out);
        return;
    case S_EXPR:
        fputs("(void)", out);
        emit_expr(em, s->value);
        fputs(";\n", out);
        return;
    case S_VIEW_WRITE: {
        /* the view's write rule in a scope of its own, index and value bound */
        const struct view *v = s->target;
        fputs("{\n", out);
        emit_indent(out, indent + 1);
        fprintf(out, "uint64_t l_%s_%d = ", v->write_index->name, v->write_index->id);
        emit_converted(em, s->index, type_int(64, false));
        fprintf(out, "; (void)l_%s_%d;\n", v->write_index->name, v->write_index->id);
        emit_indent(out, indent + 1);
        fprintf(out, "%s l_%s_%d = ", c_type_name(v->type), v->write_value->name, v->write_value->id);
        emit_converted(em, s->value, v->type);
        fputs(";\n", out);
        emit_stmt(em, v->write, indent + 1);
        emit_indent(out, indent);
        fputs("}\n", out);
        return;
    }
    }
}
