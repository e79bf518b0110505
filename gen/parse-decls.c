/* Top-level declarations of an .isa file: arch, length, regfile, state,
 * exception, field, format, helper, def, view, fuse, and the dispatch of
 * all of them (insn, family and expand are parse-insns.c's). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

/* Appends to one of the spec's fixed tables, or reports that it is full. */
#define APPEND_DECLARATION(p, table, count, item)                                                                    \
    do {                                                                                                             \
        size_t capacity_ = sizeof((p)->spec->table) / sizeof((p)->spec->table)[0];                                   \
        if ((size_t)(p)->spec->count < capacity_)                                                                    \
            (p)->spec->table[(p)->spec->count++] = (item);                                                           \
        else                                                                                                         \
            spec_error((p)->lx.pos, "too many declarations of this kind (at most %zu)", capacity_);                  \
    } while (0)

struct token next_ident(struct parser *p, const char *what)
{
    struct token t = lex_next(&p->lx);
    if (t.kind != TOK_IDENT)
        spec_error(t.pos, "expected %s, found '%s'", what, t.text);
    return t;
}

static uint64_t next_number(struct parser *p)
{
    struct token t = lex_next(&p->lx);
    if (t.kind != TOK_NUMBER)
        spec_error(t.pos, "expected a number, found '%s'", t.text);
    return t.number;
}

static struct type next_type(struct parser *p)
{
    struct token t = lex_next(&p->lx);
    struct type type = type_int(64, false);
    if (!resolve_type(p, t.text, &type))
        spec_error(t.pos, "expected a type, found '%s'", t.text);
    return type;
}

/* key=value after a declaration: "elf_machine=243" */
static bool accept_key(struct parser *p, const char *key)
{
    struct token t = lex_peek(&p->lx);
    if (!tok_is(&t, key))
        return false;
    lex_next(&p->lx);
    expect(p, "=");
    return true;
}

static void parse_arch(struct parser *p)
{
    struct token name = next_ident(p, "an arch name");
    p->spec->name = xstrdup(name.text);
    for (;;) {
        if (accept_key(p, "elf_machine"))
            p->spec->elf_machine = (int)next_number(p);
        else if (accept_key(p, "elf_class"))
            p->spec->elf_class = (int)next_number(p);
        else
            break;
    }
}

/* length 32 when [1:0] == 0b11 else 16   or, for a fixed size:   length 32 */
static void parse_length(struct parser *p)
{
    struct arch_spec *s = p->spec;
    s->long_bits = (int)next_number(p);
    struct token when = lex_peek(&p->lx);
    if (!tok_is(&when, "when")) {
        s->short_bits = s->long_bits;
        s->length_mask = s->length_value = 0;
        return;
    }
    expect(p, "when");
    expect(p, "[");
    int hi = (int)next_number(p);
    int lo = hi;
    struct token t = lex_peek(&p->lx);
    if (tok_is(&t, ":")) {
        lex_next(&p->lx);
        lo = (int)next_number(p);
    }
    expect(p, "]");
    expect(p, "==");
    uint64_t value = next_number(p);
    expect(p, "else");
    s->short_bits = (int)next_number(p);
    uint32_t ones = (uint32_t)((UINT64_C(1) << (hi - lo + 1)) - 1);
    s->length_mask = ones << lo;
    s->length_value = (uint32_t)value << lo;
}

/* names="zero ra ...": one name per register, for the disassembler. */
static const char **parse_names(struct parser *p, const char *what, int *count)
{
    struct token s = lex_next(&p->lx);
    char *copy = xstrdup(s.text);
    int n = 0;
    for (char *w = strtok(copy, " "); w; w = strtok(NULL, " "))
        n++;
    const char **names = xcalloc((size_t)n + 1, sizeof *names);
    copy = xstrdup(s.text);
    n = 0;
    for (char *w = strtok(copy, " "); w; w = strtok(NULL, " "))
        names[n++] = w;
    if (*count && n != *count)
        spec_error(s.pos, "%s has %d registers but %d names", what, *count, n);
    *count = n;
    return names;
}

/* regfile X : u64[32] zero=0 names="zero ra ..." */
static void parse_regfile(struct parser *p)
{
    struct regfile *rf = xcalloc(1, sizeof *rf);
    struct token name = next_ident(p, "a register file name");
    rf->name = xstrdup(name.text);
    rf->pos = name.pos;
    rf->zero_reg = -1;
    expect(p, ":");
    rf->type = next_type(p);
    expect(p, "[");
    rf->count = (int)next_number(p);
    expect(p, "]");
    for (;;) {
        if (accept_key(p, "zero")) {
            rf->zero_reg = (int)next_number(p);
        } else if (accept_key(p, "names")) {
            int count = rf->count;
            rf->reg_names = parse_names(p, rf->name, &count);
        } else {
            break;
        }
    }
    APPEND_DECLARATION(p, regfiles, nregfiles, rf);
}

static void parse_state(struct parser *p)
{
    struct state_reg *s = xcalloc(1, sizeof *s);
    struct token name = next_ident(p, "a state register name");
    s->name = xstrdup(name.text);
    s->pos = name.pos;
    expect(p, ":");
    s->type = next_type(p);
    struct token t = lex_peek(&p->lx);
    if (tok_is(&t, "debug")) {
        lex_next(&p->lx);
        s->debug = true;
        struct token eq = lex_peek(&p->lx);
        if (tok_is(&eq, "=")) {
            lex_next(&p->lx);
            struct token n = lex_next(&p->lx);
            if (n.kind != TOK_STRING && n.kind != TOK_IDENT)
                spec_error(n.pos, "expected the name debuggers see for %s", s->name);
            s->debug_name = xstrdup(n.text);
        }
    }
    APPEND_DECLARATION(p, states, nstates, s);
}

/* debug cpsr : u32 = EXPR: a read-only register computed from state */
static void parse_debug_register(struct parser *p)
{
    struct debug_reg *d = xcalloc(1, sizeof *d);
    struct token name = next_ident(p, "a register name");
    d->name = xstrdup(name.text);
    d->pos = name.pos;
    expect(p, ":");
    d->type = next_type(p);
    expect(p, "=");
    d->value = parse_expr(p);
    APPEND_DECLARATION(p, debug_regs, ndebug_regs, d);
}

/* fuse addi add: the two instructions, in this order, run from one tier-0
 * handler when they meet in a block */
static void parse_fuse(struct parser *p)
{
    struct fused_pair *f = xcalloc(1, sizeof *f);
    struct token first = next_ident(p, "an instruction name");
    f->first = xstrdup(first.text);
    f->pos = first.pos;
    f->second = xstrdup(next_ident(p, "an instruction name").text);
    APPEND_DECLARATION(p, fused, nfused, f);
}

/* exception illegal_instruction = 2 kind=illegal_insn */
static void parse_exception(struct parser *p)
{
    struct exception_decl *e = xcalloc(1, sizeof *e);
    struct token name = next_ident(p, "an exception name");
    e->name = xstrdup(name.text);
    e->pos = name.pos;
    expect(p, "=");
    e->cause = (int)next_number(p);
    expect(p, "kind");
    expect(p, "=");
    struct token kind = next_ident(p, "an exception kind");
    static const char *const kinds[] = {"syscall", "illegal_insn", "breakpoint", "fetch_fault", "load_fault", "store_fault", "misaligned", "other", NULL};
    int i = 0;
    while (kinds[i] && strcmp(kinds[i], kind.text) != 0)
        i++;
    if (!kinds[i])
        spec_error(kind.pos, "unknown exception kind '%s'", kind.text);
    e->kind = xstrdup(kind.text);
    APPEND_DECLARATION(p, exceptions, nexceptions, e);
}

/* field immB = s[31] [7] [30:25] [11:8] 0 */
static void parse_field(struct parser *p)
{
    struct field *f = xcalloc(1, sizeof *f);
    struct token name = next_ident(p, "a field name");
    f->name = xstrdup(name.text);
    f->pos = name.pos;
    if (find_field(p->spec, f->name))
        spec_error(name.pos, "field '%s' is already declared", f->name);
    expect(p, "=");
    p->lx.newlines_matter = true;
    for (;;) {
        struct token t = lex_peek(&p->lx);
        struct field_part part = {0, 0, 0, 0};
        if (t.kind == TOK_IDENT && strcmp(t.text, "s") == 0 && f->nparts == 0) {
            lex_next(&p->lx);
            f->sign_extend = true;
            continue;
        }
        if (tok_is(&t, "[")) {
            lex_next(&p->lx);
            part.hi = (int)next_number(p);
            part.lo = part.hi;
            struct token c = lex_peek(&p->lx);
            if (tok_is(&c, ":")) {
                lex_next(&p->lx);
                part.lo = (int)next_number(p);
            }
            expect(p, "]");
            if (part.hi < part.lo || part.hi > 31)
                spec_error(t.pos, "bad bit range [%d:%d]", part.hi, part.lo);
            f->width += part.hi - part.lo + 1;
        } else if (t.kind == TOK_NUMBER && strspn(t.text, "01") == strlen(t.text)) {
            lex_next(&p->lx);
            part.lo = -1;
            part.const_bits = (int)strlen(t.text);
            part.const_value = strtoull(t.text, NULL, 2);
            f->width += part.const_bits;
        } else {
            break;
        }
        if (f->nparts == 12) {
            spec_error(t.pos, "too many parts in field %s", f->name);
            break;
        }
        f->parts[f->nparts++] = part;
    }
    p->lx.newlines_matter = false;
    if (f->nparts == 0)
        spec_error(name.pos, "field %s has no bits", f->name);
    if (f->width > 63)
        spec_error(name.pos, "field %s is wider than 63 bits", f->name);
    APPEND_DECLARATION(p, fields, nfields, f);
}

struct format *find_format(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->nformats; i++)
        if (strcmp(spec->formats[i]->name, name) == 0)
            return spec->formats[i];
    return NULL;
}

/* format R = rd rs1 rs2 */
static void parse_format(struct parser *p)
{
    struct format *fmt = xcalloc(1, sizeof *fmt);
    struct token name = next_ident(p, "a format name");
    fmt->name = xstrdup(name.text);
    fmt->pos = name.pos;
    expect(p, "=");
    p->lx.newlines_matter = true;
    for (;;) {
        struct token t = lex_peek(&p->lx);
        if (t.kind != TOK_IDENT)
            break;
        lex_next(&p->lx);
        struct field *f = find_field(p->spec, t.text);
        if (!f)
            spec_error(t.pos, "unknown field '%s'", t.text);
        else if (fmt->nfields < 12)
            fmt->fields[fmt->nfields++] = f;
        else
            spec_error(t.pos, "format %s has more than 12 fields", fmt->name);
    }
    p->lx.newlines_matter = false;
    APPEND_DECLARATION(p, formats, nformats, fmt);
}

static int parse_params(struct parser *p, struct param *params, int max)
{
    int n = 0;
    expect(p, "(");
    struct token t = lex_peek(&p->lx);
    while (!tok_is(&t, ")") && t.kind != TOK_EOF) {
        struct token name = next_ident(p, "a parameter name");
        expect(p, ":");
        struct type type = next_type(p);
        if (n < max) {
            params[n].name = xstrdup(name.text);
            params[n].type = type;
            n++;
        }
        t = lex_peek(&p->lx);
        if (tok_is(&t, ","))
            lex_next(&p->lx), t = lex_peek(&p->lx);
    }
    expect(p, ")");
    return n;
}

static struct type parse_result_type(struct parser *p)
{
    struct token t = lex_peek(&p->lx);
    if (!tok_is(&t, ":")) {
        struct type v = {T_VOID, 0, false};
        return v;
    }
    lex_next(&p->lx);
    return next_type(p);
}

static struct state_reg *find_state_named(struct parser *p, struct token t)
{
    for (int i = 0; i < p->spec->nstates; i++)
        if (strcmp(p->spec->states[i]->name, t.text) == 0)
            return p->spec->states[i];
    spec_error(t.pos, "unknown state register '%s'", t.text);
    return NULL;
}

/* helper fp_add_s(a: u64, b: u64, rm: u8) : u64 writes(fflags)
 * helper csr_read(csr: u64) : u64 cpu raises */
static void parse_helper(struct parser *p)
{
    struct helper *h = xcalloc(1, sizeof *h);
    struct token name = next_ident(p, "a helper name");
    h->name = xstrdup(name.text);
    h->pos = name.pos;
    h->nparams = parse_params(p, h->params, 8);
    h->result = parse_result_type(p);
    p->lx.newlines_matter = true;
    for (;;) {
        struct token t = lex_peek(&p->lx);
        if (t.kind != TOK_IDENT)
            break;
        lex_next(&p->lx);
        if (strcmp(t.text, "pure") == 0) {
        } else if (strcmp(t.text, "cpu") == 0) {
            h->effects |= EFF_CPU;
        } else if (strcmp(t.text, "raises") == 0) {
            h->effects |= EFF_RAISES;
        } else if (strcmp(t.text, "reads") == 0 || strcmp(t.text, "writes") == 0) {
            bool writes = t.text[0] == 'w';
            expect(p, "(");
            for (;;) {
                struct token r = next_ident(p, "a state register");
                struct state_reg *s = find_state_named(p, r);
                if (s && writes && h->nwrites < 4)
                    h->writes[h->nwrites++] = s;
                else if (s && !writes && h->nreads < 4)
                    h->reads[h->nreads++] = s;
                else if (s)
                    spec_error(r.pos, "helper %s reads or writes more than 4 state registers", h->name);
                struct token c = lex_peek(&p->lx);
                if (!tok_is(&c, ","))
                    break;
                lex_next(&p->lx);
            }
            expect(p, ")");
        } else {
            spec_error(t.pos, "unknown helper effect '%s' (pure, cpu, raises, reads(...), writes(...))", t.text);
        }
    }
    p->lx.newlines_matter = false;
    if ((h->effects & EFF_RAISES) && !(h->effects & EFF_CPU))
        spec_error(name.pos, "helper %s raises, so it needs the cpu effect", h->name);
    APPEND_DECLARATION(p, helpers, nhelpers, h);
}

/* "name(a: u64, b: u64) : u64" then either "= expr" (def) or nothing (family parameter) */
struct function *parse_function_head(struct parser *p, struct token name)
{
    struct function *f = xcalloc(1, sizeof *f);
    f->name = xstrdup(name.text);
    f->pos = name.pos;
    f->nparams = parse_params(p, f->params, 6);
    f->result = parse_result_type(p);
    return f;
}

/* Parses the body of a function with its parameters as locals. */
void parse_function_body(struct parser *p, struct function *f)
{
    int saved = p->scope.nlocals;
    for (int i = 0; i < f->nparams; i++)
        f->param_locals[i] = declare_local(p, f->params[i].name, f->params[i].type, f->pos);
    f->body = parse_expr(p);
    p->scope.nlocals = saved;
}

/* Skips a typed def's text up to its closing ';', counting lines. */
static void skip_def_source(struct lexer *lx)
{
    for (; *lx->cur && *lx->cur != ';'; lx->cur++) {
        if (*lx->cur == '#')
            while (lx->cur[1] && lx->cur[1] != '\n')
                lx->cur++;
        else if (*lx->cur == '\n')
            lx->pos.line++;
    }
    if (*lx->cur)
        lx->cur++;
}

/* def name(p: T, ...) : T = expr;   or, typed:   def name[T, S](p: T, ...) : T = expr;
 * A typed def's text is kept and parsed at each use with its types bound. */
static void parse_def(struct parser *p)
{
    struct token name = next_ident(p, "a def name");
    struct token t = lex_peek(&p->lx);
    if (tok_is(&t, "[")) {
        struct function *f = xcalloc(1, sizeof *f);
        f->name = xstrdup(name.text);
        f->pos = name.pos;
        lex_next(&p->lx);
        for (;;) {
            struct token tp = next_ident(p, "a type parameter name");
            if (f->ntype_params < 4)
                f->type_params[f->ntype_params++] = xstrdup(tp.text);
            else
                spec_error(tp.pos, "def %s has more than 4 type parameters", f->name);
            struct token c = lex_next(&p->lx);
            if (tok_is(&c, "]"))
                break;
            if (!tok_is(&c, ",")) {
                spec_error(c.pos, "expected ',' or ']' in the type parameters of %s", f->name);
                break;
            }
        }
        f->source = p->lx.cur;
        f->source_pos = p->lx.pos;
        skip_def_source(&p->lx);
        APPEND_DECLARATION(p, functions, nfunctions, f);
        return;
    }
    struct function *f = parse_function_head(p, name);
    expect(p, "=");
    parse_function_body(p, f);
    expect(p, ";");
    APPEND_DECLARATION(p, functions, nfunctions, f);
}

struct function *instantiate_typed_def(struct parser *p, const struct function *def, const struct type *types, int ntypes,
                                       struct srcpos use)
{
    if (ntypes != def->ntype_params)
        spec_error(use, "%s takes %d type parameters", def->name, def->ntype_params);
    struct parser sub = *p;
    sub.scope.nlocals = 0;
    sub.scope.nfamily_params = 0;
    sub.nview_params = 0;
    sub.ntype_params = def->ntype_params;
    for (int i = 0; i < def->ntype_params; i++) {
        sub.type_param_names[i] = def->type_params[i];
        sub.type_param_values[i] = i < ntypes ? types[i] : type_int(64, false);
    }
    sub.lx.cur = def->source;
    sub.lx.pos = def->source_pos;
    sub.lx.has_peeked = false;
    sub.lx.newlines_matter = false;
    struct token name = {TOK_IDENT, "", 0, 0, def->pos};
    snprintf(name.text, sizeof name.text, "%s", def->name);
    struct function *f = parse_function_head(&sub, name);
    expect(&sub, "=");
    parse_function_body(&sub, f);
    return f;
}

/* view XSP[n] : u64 names="x0 ... sp" read = EXPR write { STATEMENTS }
 * The write rule sees the index and `value`, the value written. */
static void parse_view(struct parser *p)
{
    struct view *v = xcalloc(1, sizeof *v);
    struct token name = next_ident(p, "a view name");
    v->name = xstrdup(name.text);
    v->pos = name.pos;
    expect(p, "[");
    struct token index = next_ident(p, "the view's index name");
    expect(p, "]");
    expect(p, ":");
    v->type = next_type(p);
    if (accept_key(p, "names"))
        v->reg_names = parse_names(p, v->name, &v->count);
    expect(p, "read");
    expect(p, "=");
    struct function *read = xcalloc(1, sizeof *read);
    read->name = v->name;
    read->pos = name.pos;
    read->nparams = 1;
    read->params[0].name = xstrdup(index.text);
    read->params[0].type = type_int(64, false);
    read->result = v->type;
    read->view = v;
    parse_function_body(p, read);
    v->read = read;
    expect(p, "write");
    int saved = p->scope.nlocals;
    v->write_index = declare_local(p, index.text, type_int(64, false), index.pos);
    v->write_value = declare_local(p, "value", v->type, name.pos);
    v->write = parse_block(p);
    p->scope.nlocals = saved;
    APPEND_DECLARATION(p, views, nviews, v);
}

bool parse_spec_file(struct arch_spec *spec, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "isagen: cannot open %s\n", path);
        spec_error_count++;
        return false;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *src = xcalloc((size_t)size + 1, 1);
    if (fread(src, 1, (size_t)size, f) != (size_t)size)
        spec_error_count++;
    fclose(f);

    struct parser p;
    memset(&p, 0, sizeof p);
    lexer_init(&p.lx, xstrdup(path), src);
    p.spec = spec;
    static const struct {
        const char *keyword;
        void (*parse)(struct parser *);
    } decls[] = {
        {"arch", parse_arch}, {"length", parse_length}, {"regfile", parse_regfile},
        {"state", parse_state}, {"exception", parse_exception}, {"field", parse_field},
        {"format", parse_format}, {"helper", parse_helper}, {"def", parse_def}, {"view", parse_view},
        {"insn", parse_insn}, {"family", parse_family}, {"expand", parse_expand},
        {"names", parse_names_decl}, {"operand", parse_asm_operand_decl}, {"debug", parse_debug_register},
        {"fuse", parse_fuse},
    };
    for (;;) {
        struct token t = lex_next(&p.lx);
        if (t.kind == TOK_EOF)
            break;
        if (t.kind == TOK_NEWLINE)
            continue; /* left peeked by a line-oriented declaration */
        size_t i = 0;
        while (i < sizeof decls / sizeof decls[0] && !tok_is(&t, decls[i].keyword))
            i++;
        if (i == sizeof decls / sizeof decls[0]) {
            spec_error(t.pos, "expected a declaration (arch, length, regfile, state, exception, field, format, helper, def, view, insn, family, expand, names, operand, debug, fuse), found '%s'", t.text);
            /* skip to the next line to resync */
            while (*p.lx.cur && *p.lx.cur != '\n')
                p.lx.cur++;
            p.lx.has_peeked = false;
            continue;
        }
        decls[i].parse(&p);
        if (spec_error_count > 20)
            break;
    }
    return spec_error_count == 0;
}
