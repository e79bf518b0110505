/* The JIT tiers' per-instruction code: for each instruction an IR emitter
 * (generated C that calls the IR builder of tier2-jit/ir.h with the decoded
 * fields as constants) and a fallback C function with the same semantics,
 * which JIT code calls for what the IR does not express (128-bit values,
 * atomics, icache flushes).  Both come from the one spec tree. */
#include <string.h>

#include "emit.h"

/* --- what the IR can say ------------------------------------------------ */

static bool expr_lowerable(const struct insn *in, const struct expr *e);

static bool type_lowerable(struct type t) { return t.kind != T_INT || t.width <= 64; }

bool is_decode_constant(const struct insn *in, const struct expr *e)
{
    switch (e->kind) {
    case E_NUMBER:
    case E_FIELD:
    case E_PC:
    case E_NEXT_PC:
        return true;
    case E_LOCAL:
        return ((const struct local *)e->ref)->decode_constant;
    case E_HELPER: {
        /* a pure helper of constants runs at translation time */
        const struct helper *h = e->ref;
        if (h->effects != EFF_PURE || h->nreads || h->nwrites || e->type.kind != T_INT || !type_lowerable(e->type))
            return false;
        for (int i = 0; i < e->ncall_args; i++)
            if (!is_decode_constant(in, e->call_args[i]))
                return false;
        return true;
    }
    case E_INLINE: {
        /* a def or family parameter of constants that computes only from them
         * (a flag a family member binds, a condition code's test) */
        const struct function *f = e->op >= 0 ? in->locals_fn[e->op] : e->ref;
        if (!f || f->view || !type_lowerable(f->result))
            return false;
        bool constant = true, saved[6];
        for (int i = 0; i < e->ncall_args; i++)
            constant = constant && is_decode_constant(in, e->call_args[i]) && f->param_locals[i]->type.kind == T_INT;
        if (!constant)
            return false;
        for (int i = 0; i < f->nparams; i++) {
            saved[i] = f->param_locals[i]->decode_constant;
            f->param_locals[i]->decode_constant = true;
        }
        constant = is_decode_constant(in, f->body);
        for (int i = 0; i < f->nparams; i++)
            f->param_locals[i]->decode_constant = saved[i];
        return constant;
    }
    case E_UNARY:
    case E_BINARY:
    case E_TERNARY:
    case E_CAST:
        for (int i = 0; i < e->nargs; i++)
            if (!is_decode_constant(in, e->args[i]))
                return false;
        /* division is left to run time, where it is total */
        return !(e->kind == E_BINARY && (e->op == '/' || e->op == '%')) && type_lowerable(e->type);
    default:
        return false;
    }
}

static bool stmt_lowerable(const struct insn *in, const struct stmt *s, bool tail);

/* u64(Q[n]), u32(Q[n])...: the low part of a register wider than the IR's
 * values, which is one narrow load (AArch64's D and S views of Q). */
static bool is_narrow_regread(const struct insn *in, const struct expr *e)
{
    if (e->kind != E_CAST || e->nargs != 1 || e->type.kind != T_INT || e->type.width == 0 || !type_lowerable(e->type))
        return false;
    const struct expr *r = e->args[0];
    const struct regfile *rf = r->kind == E_REGREAD ? r->ref : NULL;
    return rf && !type_lowerable(rf->type) && rf->zero_reg < 0 && is_decode_constant(in, r->args[0]);
}

/* The x of "Q[n] = u128(x)" with x unsigned and at most 64 bits: stored as
 * the low half and a zero high half. */
static const struct expr *widened_value(const struct stmt *s)
{
    const struct regfile *rf = s->target;
    const struct expr *v = s->value;
    if (type_lowerable(rf->type) || v->kind != E_CAST || v->nargs != 1)
        return NULL;
    const struct expr *x = v->args[0];
    bool narrow_unsigned = x->type.kind == T_INT && x->type.width > 0 && x->type.width <= 64 && !x->type.is_signed;
    return narrow_unsigned ? x : NULL;
}

static bool function_lowerable(const struct insn *in, const struct expr *e)
{
    const struct function *f = e->op >= 0 ? in->locals_fn[e->op] : e->ref;
    if (!f || !type_lowerable(f->result))
        return false;
    for (int i = 0; i < f->nparams; i++)
        if (!type_lowerable(f->params[i].type))
            return false;
    /* parameters given decode-time constants are constants in the body, as
     * ir_inline_call emits them (a view's register index) */
    bool constant[6], saved[6];
    for (int i = 0; i < f->nparams; i++)
        constant[i] = is_decode_constant(in, e->call_args[i]) && f->param_locals[i]->type.kind == T_INT;
    for (int i = 0; i < f->nparams; i++) {
        saved[i] = f->param_locals[i]->decode_constant;
        f->param_locals[i]->decode_constant = constant[i];
    }
    bool ok = expr_lowerable(in, f->body);
    for (int i = 0; i < f->nparams; i++)
        f->param_locals[i]->decode_constant = saved[i];
    return ok;
}

static bool expr_lowerable(const struct insn *in, const struct expr *e)
{
    if (!e)
        return true;
    if (is_narrow_regread(in, e))
        return true;
    if (!type_lowerable(e->type))
        return false;
    for (int i = 0; i < e->nargs; i++)
        if (!expr_lowerable(in, e->args[i]))
            return false;
    for (int i = 0; i < e->ncall_args; i++)
        if (!expr_lowerable(in, e->call_args[i]))
            return false;
    switch (e->kind) {
    case E_ATOMIC:
        return false;
    case E_REGREAD:
        return is_decode_constant(in, e->args[0]) && type_lowerable(((const struct regfile *)e->ref)->type);
    case E_CAST:
        return type_lowerable(e->mem_type);
    case E_HELPER: {
        const struct helper *h = e->ref;
        for (int i = 0; i < h->nparams; i++)
            if (!type_lowerable(h->params[i].type))
                return false;
        return h->nparams + h->nreads + h->nwrites + ((h->effects & EFF_CPU) != 0) <= 6;
    }
    case E_INLINE:
        return function_lowerable(in, e);
    default:
        return true;
    }
}

/* A jump leaves the instruction at once in JIT code, so it must be the
 * last thing its path does. */
static bool stmt_lowerable(const struct insn *in, const struct stmt *s, bool tail)
{
    if (!s)
        return true;
    switch (s->kind) {
    case S_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            if (!stmt_lowerable(in, s->body[i], tail && i == s->nbody - 1))
                return false;
        return true;
    case S_IF:
        return expr_lowerable(in, s->cond) && stmt_lowerable(in, s->then_branch, tail) &&
               stmt_lowerable(in, s->else_branch, tail);
    case S_LET:
    case S_ASSIGN_LOCAL:
        return type_lowerable(s->local->type) && expr_lowerable(in, s->value);
    case S_ASSIGN_REG:
        if (!type_lowerable(((const struct regfile *)s->target)->type))
            return widened_value(s) && is_decode_constant(in, s->index) && expr_lowerable(in, widened_value(s));
        return is_decode_constant(in, s->index) && expr_lowerable(in, s->value);
    case S_ASSIGN_STATE:
        return type_lowerable(((const struct state_reg *)s->target)->type) && expr_lowerable(in, s->value);
    case S_STORE:
        return expr_lowerable(in, s->addr) && expr_lowerable(in, s->value);
    case S_JUMP:
        return tail && expr_lowerable(in, s->value);
    case S_RAISE:
    case S_EXPR:
        return expr_lowerable(in, s->value);
    case S_FENCE:
        return true;
    case S_FLUSH_ICACHE:
        return false;
    case S_VIEW_WRITE: {
        const struct view *v = s->target;
        if (!type_lowerable(v->type) || !expr_lowerable(in, s->index) || !expr_lowerable(in, s->value))
            return false;
        bool saved = v->write_index->decode_constant;
        v->write_index->decode_constant = is_decode_constant(in, s->index);
        bool ok = stmt_lowerable(in, v->write, false);
        v->write_index->decode_constant = saved;
        return ok;
    }
    }
    return false;
}

/* --- IR emitters ------------------------------------------------------- */

struct jit_emitter {
    struct emitter c; /* for decode-time constants, as C */
    FILE *out;
};

static void ir_expr(struct jit_emitter *je, const struct expr *e);

static const char *cpu_state(const struct arch_spec *spec)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "offsetof(struct cpu, state.%s)", spec->name);
    return buf;
}

static int type_bits(struct type t) { return t.kind == T_BOOL ? 8 : t.width == 0 ? 64 : t.width; }

/* The value of e converted to type t: values are held extended by their
 * own type, so a conversion is one extension to the target. */
static void ir_converted(struct jit_emitter *je, const struct expr *e, struct type t)
{
    if (t.kind == T_BOOL && e->type.kind != T_BOOL) {
        fputs("ir_setcc(b, IR_NE, ", je->out);
        ir_expr(je, e);
        fputs(", ir_const(b, 0))", je->out);
        return;
    }
    if (t.kind != T_INT || t.width == 0 || t.width >= 64) {
        ir_expr(je, e);
        return;
    }
    fputs("ir_ext(b, ", je->out);
    ir_expr(je, e);
    fprintf(je->out, ", %d, %s)", t.width, t.is_signed ? "true" : "false");
}

static void ir_constant(struct jit_emitter *je, const struct expr *e)
{
    fputs("ir_const(b, (uint64_t)(", je->out);
    emit_expr(&je->c, e);
    fputs("))", je->out);
}

static void ir_normalized(struct jit_emitter *je, struct type t, void (*body)(struct jit_emitter *, const struct expr *),
                          const struct expr *e)
{
    if (t.kind == T_INT && t.width > 0 && t.width < 64) {
        fputs("ir_ext(b, ", je->out);
        body(je, e);
        fprintf(je->out, ", %d, %s)", t.width, t.is_signed ? "true" : "false");
    } else {
        body(je, e);
    }
}

static struct type operand_type(const struct expr *e)
{
    struct type t = e->type.kind == T_BOOL ? merge_types(e->args[0]->type, e->args[1]->type) : e->type;
    if (t.width == 0)
        t = type_int(64, true);
    return t;
}

static void ir_binary_raw(struct jit_emitter *je, const struct expr *e)
{
    static const struct {
        int op;
        const char *ir;
    } arithmetic[] = {{'+', "IR_ADD"}, {'-', "IR_SUB"}, {'*', "IR_MUL"}, {'&', "IR_AND"}, {'|', "IR_OR"}, {'^', "IR_XOR"}};
    struct type t = operand_type(e);
    for (size_t i = 0; i < sizeof arithmetic / sizeof arithmetic[0]; i++) {
        if (e->op == arithmetic[i].op) {
            fprintf(je->out, "ir_binary(b, %s, ", arithmetic[i].ir);
            ir_converted(je, e->args[0], t);
            fputs(", ", je->out);
            ir_converted(je, e->args[1], t);
            fputs(")", je->out);
            return;
        }
    }
    if (e->op == '/' || e->op == '%') {
        fprintf(je->out, "ir_call(b, (void *)%s, (struct ir_arg[]){ir_arg_temp(", t.is_signed ? (e->op == '/' ? "jit_div_s64" : "jit_rem_s64") : (e->op == '/' ? "jit_div_u64" : "jit_rem_u64"));
        ir_converted(je, e->args[0], t);
        fputs("), ir_arg_temp(", je->out);
        ir_converted(je, e->args[1], t);
        fputs(")}, 2, true)", je->out);
        return;
    }
}

static void ir_binary_expr(struct jit_emitter *je, const struct expr *e)
{
    int op = e->op;
    FILE *out = je->out;
    if (op == ('&' | '&' << 8) || op == ('|' | '|' << 8)) {
        /* both sides are side-effect free in the specs; no short circuit needed */
        fprintf(out, "ir_binary(b, %s, ", op == ('&' | '&' << 8) ? "IR_AND" : "IR_OR");
        ir_converted(je, e->args[0], (struct type){T_BOOL, 1, false});
        fputs(", ", out);
        ir_converted(je, e->args[1], (struct type){T_BOOL, 1, false});
        fputs(")", out);
        return;
    }
    if (op == ('<' | '<' << 8) || op == ('>' | '>' << 8)) {
        struct type t = e->type;
        const char *ir = op == ('<' | '<' << 8) ? "IR_SHL" : t.is_signed ? "IR_SAR" : "IR_SHR";
        bool needs_ext = op == ('<' | '<' << 8) && t.width < 64;
        if (needs_ext)
            fputs("ir_ext(b, ", out);
        fprintf(out, "ir_shift(b, %s, ", ir);
        ir_converted(je, e->args[0], t);
        fputs(", ", out);
        ir_expr(je, e->args[1]);
        fprintf(out, ", %d)", t.width);
        if (needs_ext)
            fprintf(out, ", %d, %s)", t.width, t.is_signed ? "true" : "false");
        return;
    }
    if (e->type.kind == T_BOOL) {
        static const struct {
            int op;
            const char *is_signed, *is_unsigned;
        } compares[] = {
            {'=' | '=' << 8, "IR_EQ", "IR_EQ"}, {'!' | '=' << 8, "IR_NE", "IR_NE"}, {'<', "IR_LT", "IR_LTU"},
            {'<' | '=' << 8, "IR_LE", "IR_LEU"}, {'>', "IR_GT", "IR_GTU"}, {'>' | '=' << 8, "IR_GE", "IR_GEU"},
        };
        struct type t = operand_type(e);
        for (size_t i = 0; i < sizeof compares / sizeof compares[0]; i++) {
            if (compares[i].op == op) {
                fprintf(out, "ir_setcc(b, %s, ", t.is_signed ? compares[i].is_signed : compares[i].is_unsigned);
                ir_converted(je, e->args[0], t);
                fputs(", ", out);
                ir_converted(je, e->args[1], t);
                fputs(")", out);
                return;
            }
        }
    }
    bool bitwise = op == '&' || op == '|' || op == '^';
    if (bitwise)
        ir_binary_raw(je, e);
    else
        ir_normalized(je, operand_type(e), ir_binary_raw, e);
}

static void ir_helper_call(struct jit_emitter *je, const struct expr *e)
{
    const struct helper *h = e->ref;
    FILE *out = je->out;
    const char *state = cpu_state(je->c.spec);
    bool raises = h->effects & EFF_RAISES;
    fputs("({ ", out);
    if (h->effects & EFF_CPU)
        fputs("ir_sync(b); ", out);
    fputs("ir_temp call_result_ = ir_call(b, (void *)", out);
    fprintf(out, "%s, (struct ir_arg[]){", h->name);
    bool comma = false;
    if (h->effects & EFF_CPU) {
        fputs("ir_arg_cpu()", out);
        comma = true;
    }
    for (int i = 0; i < e->ncall_args; i++, comma = true) {
        fputs(comma ? ", ir_arg_temp(" : "ir_arg_temp(", out);
        ir_converted(je, e->call_args[i], h->params[i].type);
        fputs(")", out);
    }
    for (int i = 0; i < h->nreads; i++, comma = true)
        fprintf(out, "%sir_arg_temp(ir_load_cpu(b, %s + offsetof(struct %s_state, %s), %d, false))", comma ? ", " : "",
                state, je->c.spec->name, h->reads[i]->name, type_bits(h->reads[i]->type));
    for (int i = 0; i < h->nwrites; i++, comma = true)
        fprintf(out, "%sir_arg_cpu_field(%s + offsetof(struct %s_state, %s))", comma ? ", " : "", state,
                je->c.spec->name, h->writes[i]->name);
    int nargs = e->ncall_args + h->nreads + h->nwrites + ((h->effects & EFF_CPU) != 0);
    fprintf(out, "}, %d, %s); ", nargs, h->result.kind == T_VOID ? "false" : "true");
    if (raises)
        fputs("ir_raise_if_pending(b); ", out);
    if (h->result.kind == T_INT && h->result.width < 64)
        fprintf(out, "ir_ext(b, call_result_, %d, %s); })", h->result.width, h->result.is_signed ? "true" : "false");
    else
        fputs("call_result_; })", out);
}

/* An inlined def or family parameter: a parameter given a decode-time
 * constant is a C constant in the body, so what depends only on it (rm == 7
 * in resolve_rm) is decided at translation time, not in the IR. */
static void ir_inline_call(struct jit_emitter *je, const struct expr *e)
{
    const struct function *f = e->op >= 0 ? je->c.insn->locals_fn[e->op] : e->ref;
    bool was_constant[6];
    fputs("({ ", je->out);
    for (int i = 0; i < f->nparams; i++) {
        struct local *l = f->param_locals[i];
        was_constant[i] = l->decode_constant;
        if (is_decode_constant(je->c.insn, e->call_args[i]) && l->type.kind == T_INT) {
            fprintf(je->out, "%s l_%s_%d = (%s)(", c_type_name(l->type), l->name, l->id, c_type_name(l->type));
            emit_expr(&je->c, e->call_args[i]);
            fputs(")", je->out);
            l->decode_constant = true;
        } else {
            fprintf(je->out, "ir_temp l_%s_%d = ", l->name, l->id);
            ir_converted(je, e->call_args[i], l->type);
            l->decode_constant = false;
        }
        fprintf(je->out, "; (void)l_%s_%d; ", l->name, l->id);
    }
    ir_converted(je, f->body, f->result);
    fputs("; })", je->out);
    for (int i = 0; i < f->nparams; i++)
        f->param_locals[i]->decode_constant = was_constant[i];
}

static void ir_expr(struct jit_emitter *je, const struct expr *e)
{
    FILE *out = je->out;
    if (is_decode_constant(je->c.insn, e)) {
        ir_constant(je, e);
        return;
    }
    switch (e->kind) {
    case E_LOCAL: { /* a decode-time constant one was handled above */
        const struct local *l = e->ref;
        fprintf(out, "l_%s_%d", l->name, l->id);
        return;
    }
    case E_STATE: {
        const struct state_reg *s = e->ref;
        fprintf(out, "ir_load_cpu(b, %s + offsetof(struct %s_state, %s), %d, %s)", cpu_state(je->c.spec),
                je->c.spec->name, s->name, type_bits(s->type), s->type.is_signed ? "true" : "false");
        return;
    }
    case E_REGREAD: {
        const struct regfile *rf = e->ref;
        fputs("({ uint64_t index_ = (uint64_t)(", out);
        emit_expr(&je->c, e->args[0]);
        fputs("); ", out);
        if (rf->zero_reg >= 0)
            fprintf(out, "index_ == %d ? ir_const(b, 0) : ", rf->zero_reg);
        fprintf(out, "ir_load_cpu(b, %s + offsetof(struct %s_state, %s) + %d * index_, %d, %s); })",
                cpu_state(je->c.spec), je->c.spec->name, rf->name, type_bits(rf->type) / 8, type_bits(rf->type),
                rf->type.is_signed ? "true" : "false");
        return;
    }
    case E_UNARY:
        if (e->op == '!') {
            fputs("ir_setcc(b, IR_EQ, ", out);
            ir_expr(je, e->args[0]);
            fputs(", ir_const(b, 0))", out);
        } else {
            struct type t = e->type.width == 0 ? type_int(64, true) : e->type;
            bool needs_ext = e->op == '-' && t.width < 64;
            if (needs_ext)
                fputs("ir_ext(b, ", out);
            fprintf(out, "ir_unary(b, %s, ", e->op == '-' ? "IR_NEG" : "IR_NOT");
            ir_converted(je, e->args[0], t);
            fputs(")", out);
            if (needs_ext)
                fprintf(out, ", %d, %s)", t.width, t.is_signed ? "true" : "false");
        }
        return;
    case E_BINARY:
        ir_binary_expr(je, e);
        return;
    case E_TERNARY: {
        struct type t = e->type.width == 0 && e->type.kind == T_INT ? type_int(64, true) : e->type;
        if (is_decode_constant(je->c.insn, e->args[0])) {
            fputs("((", out);
            emit_expr(&je->c, e->args[0]);
            fputs(") ? ", out);
            ir_converted(je, e->args[1], t);
            fputs(" : ", out);
            ir_converted(je, e->args[2], t);
            fputs(")", out);
            return;
        }
        fputs("({ ir_temp choice_ = ir_new_temp(b); ir_label else_ = ir_new_label(b), end_ = ir_new_label(b); "
              "ir_brcond(b, ir_setcc(b, IR_EQ, ",
              out);
        ir_expr(je, e->args[0]);
        fputs(", ir_const(b, 0)), else_); ir_assign(b, choice_, ", out);
        ir_converted(je, e->args[1], t);
        fputs("); ir_br(b, end_); ir_label_here(b, else_); ir_assign(b, choice_, ", out);
        ir_converted(je, e->args[2], t);
        fputs("); ir_label_here(b, end_); choice_; })", out);
        return;
    }
    case E_CAST:
        if (is_narrow_regread(je->c.insn, e)) {
            const struct expr *r = e->args[0];
            const struct regfile *rf = r->ref;
            fputs("({ uint64_t index_ = (uint64_t)(", out);
            emit_expr(&je->c, r->args[0]);
            fprintf(out, "); ir_load_cpu(b, %s + offsetof(struct %s_state, %s) + %d * index_, %d, %s); })",
                    cpu_state(je->c.spec), je->c.spec->name, rf->name, type_bits(rf->type) / 8, type_bits(e->type),
                    e->type.is_signed ? "true" : "false");
            return;
        }
        ir_converted(je, e->args[0], e->type);
        return;
    case E_LOAD:
        fputs("ir_load(b, ", out);
        ir_expr(je, e->call_args[0]);
        fprintf(out, ", %d, %s)", e->mem_type.width, e->mem_type.is_signed ? "true" : "false");
        return;
    case E_HELPER:
        ir_helper_call(je, e);
        return;
    case E_INLINE:
        ir_inline_call(je, e);
        return;
    default:
        fputs("ir_const(b, 0) /* not lowerable */", out);
        return;
    }
}

static void indent_to(FILE *out, int n)
{
    for (int i = 0; i < n; i++)
        fputs("    ", out);
}

static const char *exception_kind_name(const struct exception_decl *ex, char *buf, size_t size)
{
    size_t i = 0;
    for (; ex->kind[i] && i < size - 1; i++)
        buf[i] = (char)(ex->kind[i] >= 'a' && ex->kind[i] <= 'z' ? ex->kind[i] - 32 : ex->kind[i]);
    buf[i] = 0;
    return buf;
}

static void ir_stmt(struct jit_emitter *je, const struct stmt *s, int depth)
{
    FILE *out = je->out;
    const struct arch_spec *spec = je->c.spec;
    switch (s->kind) {
    case S_BLOCK:
        indent_to(out, depth);
        fputs("{\n", out);
        for (int i = 0; i < s->nbody; i++)
            ir_stmt(je, s->body[i], depth + 1);
        indent_to(out, depth);
        fputs("}\n", out);
        return;
    case S_IF:
        indent_to(out, depth);
        if (is_decode_constant(je->c.insn, s->cond)) {
            fputs("if (", out);
            emit_expr(&je->c, s->cond);
            fputs(") {\n", out);
            ir_stmt(je, s->then_branch, depth + 1);
            if (s->else_branch) {
                indent_to(out, depth);
                fputs("} else {\n", out);
                ir_stmt(je, s->else_branch, depth + 1);
            }
            indent_to(out, depth);
            fputs("}\n", out);
            return;
        }
        fputs("{\n", out);
        indent_to(out, depth + 1);
        fputs("ir_label else_ = ir_new_label(b), end_ = ir_new_label(b);\n", out);
        indent_to(out, depth + 1);
        fputs("ir_brcond(b, ir_setcc(b, IR_EQ, ", out);
        ir_expr(je, s->cond);
        fputs(", ir_const(b, 0)), else_);\n", out);
        ir_stmt(je, s->then_branch, depth + 1);
        indent_to(out, depth + 1);
        fputs("ir_br(b, end_);\n", out);
        indent_to(out, depth + 1);
        fputs("ir_label_here(b, else_);\n", out);
        if (s->else_branch)
            ir_stmt(je, s->else_branch, depth + 1);
        indent_to(out, depth + 1);
        fputs("ir_label_here(b, end_);\n", out);
        indent_to(out, depth);
        fputs("}\n", out);
        return;
    case S_LET:
        indent_to(out, depth);
        fprintf(out, "ir_temp l_%s_%d = ir_mov(b, ", s->local->name, s->local->id);
        ir_converted(je, s->value, s->local->type);
        fputs(");\n", out);
        return;
    case S_ASSIGN_LOCAL:
        indent_to(out, depth);
        fprintf(out, "ir_assign(b, l_%s_%d, ", s->local->name, s->local->id);
        ir_converted(je, s->value, s->local->type);
        fputs(");\n", out);
        return;
    case S_ASSIGN_STATE: {
        const struct state_reg *st = s->target;
        indent_to(out, depth);
        fprintf(out, "ir_store_cpu(b, %s + offsetof(struct %s_state, %s), %d, ", cpu_state(spec), spec->name, st->name,
                type_bits(st->type));
        ir_converted(je, s->value, st->type);
        fputs(");\n", out);
        return;
    }
    case S_ASSIGN_REG: {
        const struct regfile *rf = s->target;
        const struct expr *narrow = widened_value(s);
        indent_to(out, depth);
        fputs("{\n", out);
        indent_to(out, depth + 1);
        fputs("ir_temp value_ = ", out);
        if (narrow)
            ir_expr(je, narrow);
        else
            ir_converted(je, s->value, rf->type);
        fputs(";\n", out);
        indent_to(out, depth + 1);
        fputs("uint64_t index_ = (uint64_t)(", out);
        emit_expr(&je->c, s->index);
        fputs(");\n", out);
        indent_to(out, depth + 1);
        if (rf->zero_reg >= 0)
            fprintf(out, "if (index_ != %d) ", rf->zero_reg);
        if (narrow) { /* the low half, then a zero high half */
            fprintf(out, "{ size_t at_ = %s + offsetof(struct %s_state, %s) + %d * index_; ", cpu_state(spec), spec->name,
                    rf->name, type_bits(rf->type) / 8);
            fputs("ir_store_cpu(b, at_, 64, value_); ir_store_cpu(b, at_ + 8, 64, ir_const(b, 0)); }\n", out);
        } else {
            fprintf(out, "ir_store_cpu(b, %s + offsetof(struct %s_state, %s) + %d * index_, %d, value_);\n",
                    cpu_state(spec), spec->name, rf->name, type_bits(rf->type) / 8, type_bits(rf->type));
        }
        indent_to(out, depth);
        fputs("}\n", out);
        return;
    }
    case S_STORE:
        indent_to(out, depth);
        fputs("ir_store(b, ", out);
        ir_expr(je, s->addr);
        fputs(", ", out);
        ir_converted(je, s->value, s->mem_type);
        fprintf(out, ", %d);\n", s->mem_type.width);
        return;
    case S_JUMP:
        indent_to(out, depth);
        if (is_decode_constant(je->c.insn, s->value)) {
            fputs("ir_exit_const(b, (uint64_t)(", out);
            emit_expr(&je->c, s->value);
            fputs("));\n", out);
        } else {
            fputs("ir_exit_indirect(b, ", out);
            ir_expr(je, s->value);
            fputs(");\n", out);
        }
        return;
    case S_RAISE: {
        const struct exception_decl *ex = s->target;
        char kind[32];
        indent_to(out, depth);
        fprintf(out, "ir_raise(b, EXC_%s, %d, ", exception_kind_name(ex, kind, sizeof kind), ex->cause);
        ir_expr(je, s->value);
        fputs(");\n", out);
        return;
    }
    case S_FENCE:
        indent_to(out, depth);
        fputs("ir_fence(b);\n", out);
        return;
    case S_EXPR:
        indent_to(out, depth);
        fputs("(void)", out);
        ir_expr(je, s->value);
        fputs(";\n", out);
        return;
    case S_FLUSH_ICACHE:
        return; /* not lowerable: such instructions use the fallback */
    case S_VIEW_WRITE: {
        /* the write rule inlined: a constant index decides at translation time */
        const struct view *v = s->target;
        struct local *index = v->write_index, *value = v->write_value;
        bool saved = index->decode_constant, constant = is_decode_constant(je->c.insn, s->index);
        indent_to(out, depth);
        fputs("{\n", out);
        indent_to(out, depth + 1);
        if (constant) {
            fprintf(out, "uint64_t l_%s_%d = (uint64_t)(", index->name, index->id);
            emit_expr(&je->c, s->index);
            fputs(")", out);
        } else {
            fprintf(out, "ir_temp l_%s_%d = ", index->name, index->id);
            ir_converted(je, s->index, type_int(64, false));
        }
        fprintf(out, "; (void)l_%s_%d;\n", index->name, index->id);
        indent_to(out, depth + 1);
        fprintf(out, "ir_temp l_%s_%d = ", value->name, value->id);
        ir_converted(je, s->value, v->type);
        fprintf(out, "; (void)l_%s_%d;\n", value->name, value->id);
        index->decode_constant = constant;
        ir_stmt(je, v->write, depth + 1);
        index->decode_constant = saved;
        indent_to(out, depth);
        fputs("}\n", out);
        return;
    }
    }
}

static void emit_fallback_macros(const struct arch_spec *spec, FILE *out)
{
    (void)spec;
    fputs("/* The fallback functions: instruction bodies as C functions that report\n"
          " * how the instruction ended (jit-runtime.h's jit_insn_result). */\n"
          "#define REC rec\n"
          "#define NEXT_INSN() return JIT_INSN_CONTINUE\n"
          "#define END_BLOCK(next) do { cpu->pc = (next); return flush_pending ? JIT_INSN_FLUSH : JIT_INSN_EXIT; } while (0)\n"
          "#define JUMP(target) (next_pc = (target))\n"
          "#define RAISE(kind_, cause_, tval_) do { uint64_t raise_tval_ = (tval_); cpu->exception.kind = (kind_); "
          "cpu->exception.cause = (cause_); cpu->exception.tval = raise_tval_; RAISE_PENDING(); } while (0)\n"
          "#define RAISE_PENDING() do { cpu->exception.next_pc = rec->pc + rec->length; cpu->pc = rec->pc; "
          "return JIT_INSN_RAISED; } while (0)\n"
          "#define SYNC_STATE() (cpu->pc = rec->pc, cpu->synced_icount = cpu->icount + index)\n"
          "#define NOTE_MEMORY_ACCESS() (cpu->current_record = rec)\n"
          "#define REG_WRITE(file, index, value) ((file)[index] = (value))\n"
          "#define REG_WRITE_NONZERO(file, zero, index, value) do { __typeof__((file)[0]) reg_value_ = (value); "
          "size_t reg_index_ = (size_t)(index); if (reg_index_ != (zero)) (file)[reg_index_] = reg_value_; } while (0)\n"
          "#define FENCE() __atomic_thread_fence(__ATOMIC_SEQ_CST)\n"
          "#define FLUSH_ICACHE() (flush_pending = true)\n"
          "/* plugins watching this instruction's accesses (the JIT stored the block) */\n"
          "#include \"plugin.h\"\n"
          "#define GUEST_ACCESS_HOOK(addr, size, is_signed, rw, value) do { if (__builtin_expect(plugins_instrument, 0)) "
          "plugin_record_access(cpu, cpu->current_block, rec, (addr), plugin_meminfo((size), (is_signed), false, (rw)), "
          "(uint64_t)(value)); } while (0)\n"
          "#include \"guest-access.h\"\n\n",
          out);
}

bool emit_jit(const struct arch_spec *spec, FILE *out)
{
    const char *a = spec->name;
    fprintf(out, "/* Generated by isagen from isa-specs/%s: do not edit. */\n", a);
    fputs("#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n\n", out);
    fprintf(out, "#include \"cpu.h\"\n#include \"dsl-runtime.h\"\n#include \"ir.h\"\n#include \"jit-runtime.h\"\n#include \"%s-decode.h\"\n\n", a);
    emit_helper_prototypes(spec, out);
    for (int i = 0; i < spec->nexceptions; i++) {
        if (strcmp(spec->exceptions[i]->kind, "load_fault") == 0)
            fprintf(out, "#define ARCH_LOAD_FAULT_CAUSE %d\n", spec->exceptions[i]->cause);
        if (strcmp(spec->exceptions[i]->kind, "store_fault") == 0)
            fprintf(out, "#define ARCH_STORE_FAULT_CAUSE %d\n", spec->exceptions[i]->cause);
    }
    emit_fallback_macros(spec, out);
    int supported = 0, total = 0;
    for (int i = 0; i < spec->ninsns; i++) {
        const struct insn *in = spec->insns[i];
        if (in->expands_to)
            continue;
        total++;
        fprintf(out, "static int exec_insn_%d(struct cpu *cpu, const struct decoded_insn *rec, uint64_t index) /* %s */\n{\n", in->id, in->name);
        fputs("    bool flush_pending = false;\n    (void)flush_pending;\n    (void)index;\n    (void)cpu;\n    (void)rec;\n", out);
        emit_insn_body(spec, in, out);
        fputs("}\n\n", out);
        if (!stmt_lowerable(in, in->semantics, true))
            continue;
        supported++;
        struct jit_emitter je = {{out, spec, in, CTX_HANDLER}, out};
        fprintf(out, "static void emit_insn_%d(struct ir_block *b, const struct decoded_insn *rec) /* %s */\n{\n", in->id, in->name);
        fputs("    (void)rec;\n    (void)b;\n", out);
        ir_stmt(&je, in->semantics, 1);
        if (in->ends_block)
            fputs("    ir_exit_const(b, rec->pc + rec->length);\n", out);
        fputs("}\n\n", out);
    }
    fprintf(out, "static const struct jit_insn %s_jit_insns[%d] = {\n", a, total);
    for (int i = 0; i < spec->ninsns; i++) {
        const struct insn *in = spec->insns[i];
        if (in->expands_to)
            continue;
        if (stmt_lowerable(in, in->semantics, true))
            fprintf(out, "    [%d] = {emit_insn_%d, exec_insn_%d},\n", in->id, in->id, in->id);
        else
            fprintf(out, "    [%d] = {NULL, exec_insn_%d},\n", in->id, in->id);
    }
    fputs("};\n\n", out);
    int illegal = 0, fetch = 0, load = 0, store = 0;
    for (int i = 0; i < spec->nexceptions; i++) {
        const char *kind = spec->exceptions[i]->kind;
        int cause = spec->exceptions[i]->cause;
        if (strcmp(kind, "illegal_insn") == 0)
            illegal = cause;
        else if (strcmp(kind, "fetch_fault") == 0)
            fetch = cause;
        else if (strcmp(kind, "load_fault") == 0)
            load = cause;
        else if (strcmp(kind, "store_fault") == 0)
            store = cause;
    }
    fprintf(out, "/* %d of %d instructions lower to IR; the rest call their C function */\n", supported, total);
    fprintf(out, "const struct jit_arch %s_jit_arch = {%s_jit_insns, %d, %d, %d, %d, %d};\n", a, a, total, illegal, fetch, load, store);
    return true;
}
