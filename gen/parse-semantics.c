/* The semantic language: C-like statements and expressions, typed as they
 * are parsed.  Every name is resolved here (locals, fields, state, register
 * files, helpers, defs, family parameters, builtins). */
#include <stdlib.h>
#include <string.h>

#include "parser.h"

static int next_local_id;

struct expr *new_expr(enum expr_kind kind, struct srcpos pos)
{
    struct expr *e = xcalloc(1, sizeof *e);
    e->kind = kind;
    e->pos = pos;
    return e;
}

static struct stmt *new_stmt(enum stmt_kind kind, struct srcpos pos)
{
    struct stmt *s = xcalloc(1, sizeof *s);
    s->kind = kind;
    s->pos = pos;
    return s;
}

bool expect(struct parser *p, const char *text)
{
    struct token t = lex_next(&p->lx);
    if (!tok_is(&t, text)) {
        spec_error(t.pos, "expected '%s', found '%s'", text, t.kind == TOK_EOF ? "end of file" : t.kind == TOK_NEWLINE ? "end of line" : t.text);
        return false;
    }
    return true;
}

struct field *find_field(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->nfields; i++)
        if (strcmp(spec->fields[i]->name, name) == 0)
            return spec->fields[i];
    return NULL;
}

static struct state_reg *find_state(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->nstates; i++)
        if (strcmp(spec->states[i]->name, name) == 0)
            return spec->states[i];
    return NULL;
}

static struct regfile *find_regfile(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->nregfiles; i++)
        if (strcmp(spec->regfiles[i]->name, name) == 0)
            return spec->regfiles[i];
    return NULL;
}

static struct helper *find_helper(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->nhelpers; i++)
        if (strcmp(spec->helpers[i]->name, name) == 0)
            return spec->helpers[i];
    return NULL;
}

struct view *find_view(const struct parser *p, const char *name)
{
    for (int i = 0; i < p->nview_params; i++)
        if (strcmp(p->view_param_names[i], name) == 0)
            return p->view_param_values[i];
    for (int i = 0; i < p->spec->nviews; i++)
        if (strcmp(p->spec->views[i]->name, name) == 0)
            return p->spec->views[i];
    return NULL;
}

struct function *find_function(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->nfunctions; i++)
        if (strcmp(spec->functions[i]->name, name) == 0)
            return spec->functions[i];
    return NULL;
}

static struct exception_decl *find_exception(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->nexceptions; i++)
        if (strcmp(spec->exceptions[i]->name, name) == 0)
            return spec->exceptions[i];
    return NULL;
}

static struct local *find_local(const struct scope *scope, const char *name)
{
    for (int i = scope->nlocals - 1; i >= 0; i--)
        if (strcmp(scope->locals[i]->name, name) == 0)
            return scope->locals[i];
    return NULL;
}

struct local *declare_local(struct parser *p, const char *name, struct type type, struct srcpos pos)
{
    if (find_local(&p->scope, name))
        spec_error(pos, "'%s' is already declared", name);
    if (p->scope.nlocals == 64) {
        spec_error(pos, "too many locals");
        return p->scope.locals[0];
    }
    struct local *l = xcalloc(1, sizeof *l);
    l->name = xstrdup(name);
    l->type = type;
    l->id = next_local_id++;
    p->scope.locals[p->scope.nlocals++] = l;
    return l;
}

/* An untyped literal (width 0) takes the other operand's type; otherwise the
 * wider type wins, and at equal width unsigned wins, as in C. */
struct type merge_types(struct type a, struct type b)
{
    if (a.kind == T_BOOL)
        a = type_int(8, false);
    if (b.kind == T_BOOL)
        b = type_int(8, false);
    if (a.width == 0)
        return b;
    if (b.width == 0)
        return a;
    if (a.width != b.width)
        return a.width > b.width ? a : b;
    return type_int(a.width, a.is_signed && b.is_signed);
}

static struct type bool_type(void)
{
    struct type t = {T_BOOL, 1, false};
    return t;
}

/* --- expressions, by precedence climbing --- */

static int binary_precedence(const struct token *t)
{
    static const struct {
        const char *op;
        int prec;
    } table[] = {
        {"||", 1}, {"&&", 2}, {"|", 3}, {"^", 4}, {"&", 5}, {"==", 6}, {"!=", 6},
        {"<", 7}, {"<=", 7}, {">", 7}, {">=", 7}, {"<<", 8}, {">>", 8},
        {"+", 9}, {"-", 9}, {"*", 10}, {"/", 10}, {"%", 10},
    };
    if (t->kind != TOK_PUNCT)
        return 0;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(t->text, table[i].op) == 0)
            return table[i].prec;
    return 0;
}

/* Operators are stored as a small code: the first two characters. */
static int op_code(const char *text) { return (unsigned char)text[0] | (unsigned char)text[1] << 8; }

static struct expr *parse_unary(struct parser *p);

static void parse_call_args(struct parser *p, struct expr ***args, int *nargs)
{
    struct expr *list[8];
    int n = 0;
    expect(p, "(");
    struct token t = lex_peek(&p->lx);
    if (!tok_is(&t, ")")) {
        for (;;) {
            struct expr *e = parse_expr(p);
            if (n < 8)
                list[n++] = e;
            else
                spec_error(e->pos, "more than 8 arguments");
            t = lex_peek(&p->lx);
            if (!tok_is(&t, ","))
                break;
            lex_next(&p->lx);
        }
    }
    expect(p, ")");
    *args = xcalloc((size_t)n + 1, sizeof **args);
    memcpy(*args, list, (size_t)n * sizeof *list);
    *nargs = n;
}

static const char *const atomic_ops[] = {"xchg", "add", "and", "or", "xor", "min", "max", "cmpxchg", NULL};

/* load.s32 / atomic_add.u64: the suffix after the dot is the access type. */
bool resolve_type(const struct parser *p, const char *name, struct type *out)
{
    for (int i = 0; i < p->ntype_params; i++) {
        if (strcmp(p->type_param_names[i], name) == 0) {
            *out = p->type_param_values[i];
            return true;
        }
    }
    return parse_type_name(name, out);
}

static bool split_typed_builtin(const struct parser *p, const char *name, const char *prefix, struct type *type)
{
    size_t n = strlen(prefix);
    return strncmp(name, prefix, n) == 0 && name[n] == '.' && resolve_type(p, name + n + 1, type) && type->kind == T_INT;
}

static struct expr *parse_call(struct parser *p, struct token name)
{
    struct type t;
    struct expr *e;
    if (resolve_type(p, name.text, &t)) {
        e = new_expr(E_CAST, name.pos);
        expect(p, "(");
        e->args[0] = parse_expr(p);
        e->nargs = 1;
        expect(p, ")");
        e->type = e->mem_type = t;
        return e;
    }
    if (split_typed_builtin(p, name.text, "load", &t)) {
        e = new_expr(E_LOAD, name.pos);
        e->mem_type = e->type = t;
        parse_call_args(p, &e->call_args, &e->ncall_args);
        if (e->ncall_args != 1)
            spec_error(name.pos, "%s takes one address", name.text);
        return e;
    }
    if (strncmp(name.text, "atomic_", 7) == 0) {
        char opname[32];
        const char *dot = strchr(name.text, '.');
        size_t len = dot ? (size_t)(dot - name.text - 7) : 0;
        if (dot && len < sizeof opname && resolve_type(p, dot + 1, &t)) {
            memcpy(opname, name.text + 7, len);
            opname[len] = 0;
            for (int i = 0; atomic_ops[i]; i++) {
                if (strcmp(atomic_ops[i], opname) == 0) {
                    e = new_expr(E_ATOMIC, name.pos);
                    e->op = i;
                    e->name = xstrdup(name.text);
                    e->mem_type = e->type = t;
                    parse_call_args(p, &e->call_args, &e->ncall_args);
                    if (e->ncall_args != (strcmp(opname, "cmpxchg") == 0 ? 3 : 2))
                        spec_error(name.pos, "wrong number of arguments to %s", name.text);
                    return e;
                }
            }
        }
        spec_error(name.pos, "unknown atomic operation '%s'", name.text);
    }
    for (int i = 0; i < p->scope.nfamily_params; i++) {
        struct function *f = p->scope.family_params[i];
        if (strcmp(f->name, name.text) == 0) {
            e = new_expr(E_INLINE, name.pos);
            e->name = f->name;
            e->op = i; /* bound per family member */
            e->type = f->result;
            parse_call_args(p, &e->call_args, &e->ncall_args);
            if (e->ncall_args != f->nparams)
                spec_error(name.pos, "%s takes %d arguments", f->name, f->nparams);
            return e;
        }
    }
    struct function *fn = find_function(p->spec, name.text);
    if (fn && fn->ntype_params) {
        spec_error(name.pos, "%s is a typed def: give its types, %s[T, ...](...)", fn->name, fn->name);
        e = new_expr(E_NUMBER, name.pos);
        parse_call_args(p, &e->call_args, &e->ncall_args);
        return e;
    }
    if (fn) {
        e = new_expr(E_INLINE, name.pos);
        e->name = fn->name;
        e->ref = fn;
        e->op = -1;
        e->type = fn->result;
        parse_call_args(p, &e->call_args, &e->ncall_args);
        if (e->ncall_args != fn->nparams)
            spec_error(name.pos, "%s takes %d arguments", fn->name, fn->nparams);
        return e;
    }
    struct helper *h = find_helper(p->spec, name.text);
    if (h) {
        e = new_expr(E_HELPER, name.pos);
        e->name = h->name;
        e->ref = h;
        e->type = h->result;
        parse_call_args(p, &e->call_args, &e->ncall_args);
        if (e->ncall_args != h->nparams)
            spec_error(name.pos, "helper %s takes %d arguments", h->name, h->nparams);
        return e;
    }
    spec_error(name.pos, "unknown function '%s'", name.text);
    e = new_expr(E_NUMBER, name.pos);
    parse_call_args(p, &e->call_args, &e->ncall_args);
    return e;
}

static struct expr *parse_primary(struct parser *p)
{
    struct token t = lex_next(&p->lx);
    struct expr *e;
    if (t.kind == TOK_NUMBER) {
        e = new_expr(E_NUMBER, t.pos);
        e->number = t.number;
        e->type = type_int(0, true);
        return e;
    }
    if (tok_is(&t, "(")) {
        e = parse_expr(p);
        expect(p, ")");
        return e;
    }
    if (t.kind != TOK_IDENT) {
        spec_error(t.pos, "expected an expression, found '%s'", t.kind == TOK_NEWLINE ? "end of line" : t.text);
        return new_expr(E_NUMBER, t.pos);
    }
    struct token next = lex_peek(&p->lx);
    if (tok_is(&next, "("))
        return parse_call(p, t);
    if (strcmp(t.text, "true") == 0 || strcmp(t.text, "false") == 0) {
        e = new_expr(E_NUMBER, t.pos);
        e->number = t.text[0] == 't';
        e->type = bool_type();
        return e;
    }
    struct local *l = find_local(&p->scope, t.text);
    if (l) {
        e = new_expr(E_LOCAL, t.pos);
        e->ref = l;
        e->type = l->type;
        return e;
    }
    if (strcmp(t.text, "PC") == 0 || strcmp(t.text, "NEXT_PC") == 0) {
        e = new_expr(t.text[0] == 'P' ? E_PC : E_NEXT_PC, t.pos);
        e->type = type_int(64, false);
        return e;
    }
    struct field *f = find_field(p->spec, t.text);
    if (f) {
        e = new_expr(E_FIELD, t.pos);
        e->ref = f;
        e->name = f->name;
        e->type = type_int(64, f->sign_extend);
        return e;
    }
    struct state_reg *s = find_state(p->spec, t.text);
    if (s) {
        e = new_expr(E_STATE, t.pos);
        e->ref = s;
        e->type = s->type;
        return e;
    }
    struct view *v = find_view(p, t.text);
    if (v) {
        /* a view read is its read rule inlined with the index bound */
        e = new_expr(E_INLINE, t.pos);
        e->name = v->name;
        e->ref = v->read;
        e->op = -1;
        e->type = v->type;
        e->call_args = xcalloc(2, sizeof *e->call_args);
        expect(p, "[");
        e->call_args[0] = parse_expr(p);
        e->ncall_args = 1;
        expect(p, "]");
        return e;
    }
    struct function *typed = find_function(p->spec, t.text);
    if (typed && typed->ntype_params && tok_is(&next, "[")) {
        struct type types[4];
        int ntypes = 0;
        lex_next(&p->lx);
        for (;;) {
            struct token tn = lex_next(&p->lx);
            struct type type = type_int(64, false);
            if (!resolve_type(p, tn.text, &type))
                spec_error(tn.pos, "expected a type, found '%s'", tn.text);
            if (ntypes < 4)
                types[ntypes++] = type;
            struct token c = lex_next(&p->lx);
            if (tok_is(&c, "]"))
                break;
            if (!tok_is(&c, ",")) {
                spec_error(c.pos, "expected ',' or ']' after a type argument");
                break;
            }
        }
        struct function *inst = instantiate_typed_def(p, typed, types, ntypes, t.pos);
        e = new_expr(E_INLINE, t.pos);
        e->name = inst->name;
        e->ref = inst;
        e->op = -1;
        e->type = inst->result;
        parse_call_args(p, &e->call_args, &e->ncall_args);
        if (e->ncall_args != inst->nparams)
            spec_error(t.pos, "%s takes %d arguments", inst->name, inst->nparams);
        return e;
    }
    struct regfile *rf = find_regfile(p->spec, t.text);
    if (rf) {
        e = new_expr(E_REGREAD, t.pos);
        e->ref = rf;
        e->type = rf->type;
        expect(p, "[");
        e->args[0] = parse_expr(p);
        e->nargs = 1;
        expect(p, "]");
        return e;
    }
    spec_error(t.pos, "unknown name '%s'", t.text);
    return new_expr(E_NUMBER, t.pos);
}

static struct expr *parse_unary(struct parser *p)
{
    struct token t = lex_peek(&p->lx);
    if (tok_is(&t, "-") || tok_is(&t, "~") || tok_is(&t, "!")) {
        lex_next(&p->lx);
        struct expr *e = new_expr(E_UNARY, t.pos);
        e->op = op_code(t.text);
        e->args[0] = parse_unary(p);
        e->nargs = 1;
        e->type = t.text[0] == '!' ? bool_type() : e->args[0]->type;
        if (e->type.kind == T_BOOL && t.text[0] != '!')
            e->type = type_int(8, false);
        return e;
    }
    return parse_primary(p);
}

static struct expr *parse_binary(struct parser *p, int min_prec)
{
    struct expr *left = parse_unary(p);
    for (;;) {
        struct token t = lex_peek(&p->lx);
        int prec = binary_precedence(&t);
        if (prec == 0 || prec < min_prec)
            return left;
        lex_next(&p->lx);
        struct expr *right = parse_binary(p, prec + 1);
        struct expr *e = new_expr(E_BINARY, t.pos);
        e->op = op_code(t.text);
        e->args[0] = left;
        e->args[1] = right;
        e->nargs = 2;
        if (prec <= 2 || prec == 6 || prec == 7)
            e->type = bool_type();
        else if (prec == 8)
            e->type = left->type.width == 0 ? type_int(64, true) : left->type;
        else
            e->type = merge_types(left->type, right->type);
        if (e->type.kind == T_BOOL && prec >= 3 && prec <= 5)
            e->type = merge_types(left->type, right->type);
        left = e;
    }
}

struct expr *parse_expr(struct parser *p)
{
    struct expr *cond = parse_binary(p, 1);
    struct token t = lex_peek(&p->lx);
    if (!tok_is(&t, "?"))
        return cond;
    lex_next(&p->lx);
    struct expr *e = new_expr(E_TERNARY, t.pos);
    e->args[0] = cond;
    e->args[1] = parse_expr(p);
    expect(p, ":");
    e->args[2] = parse_expr(p);
    e->nargs = 3;
    e->type = merge_types(e->args[1]->type, e->args[2]->type);
    if (e->args[1]->type.kind == T_BOOL && e->args[2]->type.kind == T_BOOL)
        e->type = bool_type();
    return e;
}

/* --- statements --- */

static struct stmt *parse_stmt(struct parser *p);

struct stmt *parse_block(struct parser *p)
{
    struct token open = lex_peek(&p->lx);
    struct stmt *s = new_stmt(S_BLOCK, open.pos);
    if (!expect(p, "{"))
        return s;
    int saved_locals = p->scope.nlocals;
    struct stmt *list[256];
    int n = 0;
    for (;;) {
        struct token t = lex_peek(&p->lx);
        if (tok_is(&t, "}") || t.kind == TOK_EOF)
            break;
        struct stmt *child = parse_stmt(p);
        if (n < 256)
            list[n++] = child;
        else
            spec_error(child->pos, "more than 256 statements in one block");
        if (spec_error_count > 20)
            break;
    }
    expect(p, "}");
    p->scope.nlocals = saved_locals;
    s->body = xcalloc((size_t)n + 1, sizeof *s->body);
    memcpy(s->body, list, (size_t)n * sizeof *list);
    s->nbody = n;
    return s;
}

static struct stmt *parse_call_stmt(struct parser *p, struct token name)
{
    struct stmt *s;
    struct type t;
    if (split_typed_builtin(p, name.text, "store", &t)) {
        s = new_stmt(S_STORE, name.pos);
        s->mem_type = t;
        expect(p, "(");
        s->addr = parse_expr(p);
        expect(p, ",");
        s->value = parse_expr(p);
        expect(p, ")");
    } else if (strcmp(name.text, "jump") == 0) {
        s = new_stmt(S_JUMP, name.pos);
        expect(p, "(");
        s->value = parse_expr(p);
        expect(p, ")");
    } else if (strcmp(name.text, "raise") == 0) {
        s = new_stmt(S_RAISE, name.pos);
        expect(p, "(");
        struct token ex = lex_next(&p->lx);
        s->target = find_exception(p->spec, ex.text);
        if (!s->target)
            spec_error(ex.pos, "unknown exception '%s'", ex.text);
        expect(p, ",");
        s->value = parse_expr(p);
        expect(p, ")");
    } else if (strcmp(name.text, "fence") == 0 || strcmp(name.text, "flush_icache") == 0) {
        s = new_stmt(name.text[0] == 'f' && name.text[1] == 'e' ? S_FENCE : S_FLUSH_ICACHE, name.pos);
        expect(p, "(");
        expect(p, ")");
    } else {
        s = new_stmt(S_EXPR, name.pos);
        s->value = parse_call(p, name);
    }
    expect(p, ";");
    return s;
}

static struct stmt *parse_stmt(struct parser *p)
{
    struct token t = lex_peek(&p->lx);
    if (tok_is(&t, "{"))
        return parse_block(p);
    t = lex_next(&p->lx);
    if (t.kind != TOK_IDENT) {
        spec_error(t.pos, "expected a statement, found '%s'", t.text);
        return new_stmt(S_BLOCK, t.pos);
    }
    if (strcmp(t.text, "if") == 0) {
        struct stmt *s = new_stmt(S_IF, t.pos);
        expect(p, "(");
        s->cond = parse_expr(p);
        expect(p, ")");
        s->then_branch = parse_stmt(p);
        struct token e = lex_peek(&p->lx);
        if (tok_is(&e, "else")) {
            lex_next(&p->lx);
            s->else_branch = parse_stmt(p);
        }
        return s;
    }
    struct type type;
    struct token next = lex_peek(&p->lx);
    if (resolve_type(p, t.text, &type) && next.kind == TOK_IDENT) {
        lex_next(&p->lx);
        struct stmt *s = new_stmt(S_LET, t.pos);
        expect(p, "=");
        s->value = parse_expr(p);
        s->local = declare_local(p, next.text, type, next.pos);
        expect(p, ";");
        return s;
    }
    if (tok_is(&next, "("))
        return parse_call_stmt(p, t);
    struct stmt *s;
    struct local *l = find_local(&p->scope, t.text);
    struct state_reg *st = find_state(p->spec, t.text);
    struct regfile *rf = find_regfile(p->spec, t.text);
    struct view *v = l || st ? NULL : find_view(p, t.text);
    if (v) {
        s = new_stmt(S_VIEW_WRITE, t.pos);
        s->target = v;
        expect(p, "[");
        s->index = parse_expr(p);
        expect(p, "]");
    } else if (l) {
        s = new_stmt(S_ASSIGN_LOCAL, t.pos);
        s->local = l;
    } else if (st) {
        s = new_stmt(S_ASSIGN_STATE, t.pos);
        s->target = st;
    } else if (rf) {
        s = new_stmt(S_ASSIGN_REG, t.pos);
        s->target = rf;
        expect(p, "[");
        s->index = parse_expr(p);
        expect(p, "]");
    } else {
        spec_error(t.pos, "cannot assign to '%s'", t.text);
        s = new_stmt(S_BLOCK, t.pos);
    }
    expect(p, "=");
    s->value = parse_expr(p);
    expect(p, ";");
    return s;
}
