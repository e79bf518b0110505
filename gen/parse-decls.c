/* Top-level declarations of an .isa file: arch, length, regfile, state,
 * exception, field, format, helper, def, insn, family, expand. */
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

static struct token next_ident(struct parser *p, const char *what)
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

static struct format *find_format(const struct arch_spec *spec, const char *name)
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
static struct function *parse_function_head(struct parser *p, struct token name)
{
    struct function *f = xcalloc(1, sizeof *f);
    f->name = xstrdup(name.text);
    f->pos = name.pos;
    f->nparams = parse_params(p, f->params, 6);
    f->result = parse_result_type(p);
    return f;
}

/* Parses the body of a function with its parameters as locals. */
static void parse_function_body(struct parser *p, struct function *f)
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

static struct insn *new_insn(struct parser *p, struct token name)
{
    struct arch_spec *s = p->spec;
    if (s->ninsns == s->insn_capacity) {
        s->insn_capacity = s->insn_capacity ? s->insn_capacity * 2 : 256;
        s->insns = realloc(s->insns, (size_t)s->insn_capacity * sizeof *s->insns);
    }
    struct insn *in = xcalloc(1, sizeof *in);
    in->name = xstrdup(name.text);
    in->pos = name.pos;
    s->insns[s->ninsns++] = in;
    return in;
}

static bool parse_pattern_into(struct parser *p, struct insn *in)
{
    char bits[64];
    struct srcpos pos = p->lx.pos;
    if (!lex_pattern(&p->lx, bits, sizeof bits)) {
        spec_error(pos, "expected an encoding pattern for %s", in->name);
        return false;
    }
    int n = (int)strlen(bits);
    if (n != p->spec->long_bits && n != p->spec->short_bits) {
        spec_error(pos, "pattern of %s has %d bits (expected %d or %d)", in->name, n, p->spec->short_bits, p->spec->long_bits);
        return false;
    }
    in->pattern.length = n;
    for (int i = 0; i < n; i++) {
        uint32_t bit = UINT32_C(1) << (n - 1 - i);
        if (bits[i] != '.')
            in->pattern.mask |= bit;
        if (bits[i] == '1')
            in->pattern.value |= bit;
    }
    return true;
}

static void parse_where(struct parser *p, struct insn *in)
{
    struct token t = lex_peek(&p->lx);
    if (tok_is(&t, "where")) {
        lex_next(&p->lx);
        in->where = parse_expr(p);
    }
}

static struct format *parse_format_ref(struct parser *p)
{
    expect(p, ":");
    struct token f = next_ident(p, "a format name");
    struct format *fmt = find_format(p->spec, f.text);
    if (!fmt)
        spec_error(f.pos, "unknown format '%s'", f.text);
    return fmt;
}

/* alias "ASM" where EXPR: the source of an alias, parsed per instruction */
struct alias_source {
    const char *member; /* in a family: the members it applies to */
    const char *text;
    struct srcpos text_pos;
    const char *when;   /* the condition's source */
    struct srcpos when_pos;
    bool used;
};

/* Reads "ASM" where EXPR, keeping the condition's source up to the end of
 * its line (it is parsed with each instruction's names in scope). */
static void read_alias(struct parser *p, struct alias_source *a)
{
    struct token text = lex_next(&p->lx);
    if (text.kind != TOK_STRING)
        spec_error(text.pos, "expected the alias's assembly syntax as a string");
    a->text = xstrdup(text.text);
    a->text_pos = text.pos;
    expect(p, "where");
    a->when = p->lx.cur;
    a->when_pos = p->lx.pos;
    while (*p->lx.cur && *p->lx.cur != '\n')
        p->lx.cur++;
}

/* The instruction's template and its aliases, parsed with the names asm
 * sees (a family member's types, views and parameters). */
static void parse_assembly(struct parser *asm_scope, struct insn *in, struct srcpos text_pos, struct alias_source *aliases,
                           int naliases)
{
    in->asm_pieces = parse_asm_template(asm_scope, in, in->asm_text, text_pos);
    for (int i = 0; i < naliases; i++) {
        struct alias_source *a = &aliases[i];
        if (a->member && strcmp(a->member, in->name) != 0)
            continue;
        a->used = true;
        if (in->nasm_aliases == 8) {
            spec_error(a->text_pos, "%s has more than 8 aliases", in->name);
            return;
        }
        struct asm_alias *alias = &in->asm_aliases[in->nasm_aliases++];
        alias->pos = a->text_pos;
        alias->text = parse_asm_template(asm_scope, in, a->text, a->text_pos);
        struct parser cond = *asm_scope;
        lexer_init(&cond.lx, a->when_pos.file, a->when);
        cond.lx.pos = a->when_pos;
        cond.lx.newlines_matter = true;
        alias->when = parse_expr(&cond);
        struct token end = lex_peek(&cond.lx);
        if (end.kind != TOK_NEWLINE && end.kind != TOK_EOF)
            spec_error(end.pos, "unexpected '%s' after the condition of an alias of %s", end.text, in->name);
    }
}

/* insn NAME : FORMAT PATTERN [where EXPR] "ASM" [alias "ASM" where EXPR]... { semantics } */
static void parse_insn(struct parser *p)
{
    struct token name = next_ident(p, "an instruction name");
    struct insn *in = new_insn(p, name);
    in->format = parse_format_ref(p);
    parse_pattern_into(p, in);
    parse_where(p, in);
    struct token s = lex_next(&p->lx);
    if (s.kind != TOK_STRING)
        spec_error(s.pos, "expected the assembly syntax of %s as a string", in->name);
    in->asm_text = xstrdup(s.text);
    struct alias_source aliases[8];
    int naliases = 0;
    for (;;) {
        struct token t = lex_peek(&p->lx);
        if (!tok_is(&t, "alias"))
            break;
        lex_next(&p->lx);
        if (naliases == 8) {
            spec_error(t.pos, "%s has more than 8 aliases", in->name);
            break;
        }
        memset(&aliases[naliases], 0, sizeof aliases[naliases]);
        read_alias(p, &aliases[naliases++]);
    }
    struct parser asm_scope = *p;
    parse_assembly(&asm_scope, in, s.pos, aliases, naliases);
    in->semantics = parse_block(p);
}

/* Skips a brace-balanced block in the source, counting lines. */
static void skip_block_source(struct lexer *lx)
{
    int depth = 0;
    for (; *lx->cur; lx->cur++) {
        char c = *lx->cur;
        if (c == '#')
            while (lx->cur[1] && lx->cur[1] != '\n')
                lx->cur++;
        else if (c == '\n')
            lx->pos.line++;
        else if (c == '{')
            depth++;
        else if (c == '}' && --depth == 0) {
            lx->cur++;
            return;
        }
    }
}

/* family NAME : FORMAT "ASM"  [alias MEMBER "ASM" where EXPR]...
 *        [type T]...  [view G]...  [PARAM(...) : T]...  { body }
 *     member PATTERN [where EXPR] ["ASM"] T = u32; PARAM = EXPR; ...
 * end
 * The body is parsed once per member, with that member's type parameters
 * bound, so every member gets its own fully typed semantics. */
static void parse_family(struct parser *p)
{
    struct token fname = next_ident(p, "a family name");
    struct format *fmt = parse_format_ref(p);
    struct token s = lex_next(&p->lx);
    if (s.kind != TOK_STRING)
        spec_error(s.pos, "expected the family's assembly syntax as a string");
    const char *asm_text = xstrdup(s.text);
    struct srcpos asm_pos = s.pos;
    struct alias_source aliases[16];
    int naliases = 0;
    struct function *params[6];
    int nparams = 0;
    const char *type_params[4];
    int ntype_params = 0;
    const char *view_params[4];
    int nview_params = 0;
    for (;;) {
        struct token t = lex_peek(&p->lx);
        if (t.kind != TOK_IDENT)
            break;
        lex_next(&p->lx);
        if (strcmp(t.text, "alias") == 0) {
            /* alias MEMBER ... or alias * ... (every member) */
            struct token member = lex_next(&p->lx);
            if (member.kind != TOK_IDENT && !tok_is(&member, "*"))
                spec_error(member.pos, "expected the member an alias is of, or *, found '%s'", member.text);
            if (naliases == 16) {
                spec_error(member.pos, "family %s has more than 16 aliases", fname.text);
                struct alias_source ignored;
                read_alias(p, &ignored);
                continue;
            }
            memset(&aliases[naliases], 0, sizeof aliases[naliases]);
            aliases[naliases].member = tok_is(&member, "*") ? NULL : xstrdup(member.text);
            read_alias(p, &aliases[naliases++]);
            continue;
        }
        if (strcmp(t.text, "type") == 0) {
            struct token name = next_ident(p, "a type parameter name");
            if (ntype_params < 4)
                type_params[ntype_params++] = xstrdup(name.text);
            else
                spec_error(name.pos, "family %s has more than 4 type parameters", fname.text);
            continue;
        }
        if (strcmp(t.text, "view") == 0) {
            struct token name = next_ident(p, "a view parameter name");
            if (nview_params < 4)
                view_params[nview_params++] = xstrdup(name.text);
            else
                spec_error(name.pos, "family %s has more than 4 view parameters", fname.text);
            continue;
        }
        /* the head may name the family's types (op(a: T) : T): parsed here
         * with them as u64 placeholders, again per member with its types */
        const char *head = p->lx.cur;
        struct srcpos head_pos = p->lx.pos;
        struct parser header = *p;
        header.ntype_params = ntype_params;
        for (int k = 0; k < ntype_params; k++) {
            header.type_param_names[k] = type_params[k];
            header.type_param_values[k] = type_int(64, false);
        }
        struct function *f = parse_function_head(&header, t);
        p->lx = header.lx;
        f->source = head;
        f->source_pos = head_pos;
        if (nparams < 6)
            params[nparams++] = f;
        else
            spec_error(t.pos, "family %s has more than 6 parameters", fname.text);
    }
    struct token open = lex_peek(&p->lx);
    if (!tok_is(&open, "{")) {
        spec_error(open.pos, "expected the body of family %s", fname.text);
        return;
    }
    /* rewind onto the brace, remember where the body is, skip it */
    p->lx.has_peeked = false;
    p->lx.cur -= 1;
    const char *body_start = p->lx.cur;
    struct srcpos body_pos = open.pos;
    skip_block_source(&p->lx);

    p->lx.newlines_matter = true;
    for (;;) {
        struct token t = lex_peek(&p->lx);
        if (t.kind == TOK_NEWLINE) {
            lex_next(&p->lx);
            continue;
        }
        if (t.kind == TOK_EOF) {
            spec_error(fname.pos, "family %s has no 'end'", fname.text);
            break;
        }
        lex_next(&p->lx);
        if (tok_is(&t, "end"))
            break;
        if (t.kind != TOK_IDENT) {
            spec_error(t.pos, "expected a member of family %s, found '%s'", fname.text, t.text);
            while (t.kind != TOK_NEWLINE && t.kind != TOK_EOF)
                t = lex_next(&p->lx);
            continue;
        }
        struct insn *in = new_insn(p, t);
        in->format = fmt;
        in->asm_text = asm_text;
        struct srcpos member_asm_pos = asm_pos;
        parse_pattern_into(p, in);
        parse_where(p, in);
        struct token a = lex_peek(&p->lx);
        if (a.kind == TOK_STRING) {
            lex_next(&p->lx);
            in->asm_text = xstrdup(a.text);
            member_asm_pos = a.pos;
        }
        struct parser member = *p;
        member.ntype_params = ntype_params;
        member.nview_params = nview_params;
        bool view_bound[4] = {false, false, false, false};
        in->nlocals_fn = nparams;
        bool type_bound[4] = {false, false, false, false};
        for (;;) {
            struct token b = lex_peek(&p->lx);
            if (b.kind == TOK_NEWLINE || b.kind == TOK_EOF)
                break;
            lex_next(&p->lx);
            expect(p, "=");
            int k = 0;
            while (k < ntype_params && strcmp(type_params[k], b.text) != 0)
                k++;
            int vk = 0;
            while (vk < nview_params && strcmp(view_params[vk], b.text) != 0)
                vk++;
            if (vk < nview_params) {
                struct token vn = next_ident(p, "a view");
                member.view_param_names[vk] = view_params[vk];
                member.view_param_values[vk] = NULL;
                for (int i = 0; i < p->spec->nviews; i++)
                    if (strcmp(p->spec->views[i]->name, vn.text) == 0)
                        member.view_param_values[vk] = p->spec->views[i];
                if (!member.view_param_values[vk])
                    spec_error(vn.pos, "unknown view '%s'", vn.text);
                else
                    view_bound[vk] = true;
            } else if (k < ntype_params) {
                struct token tn = lex_next(&p->lx);
                member.type_param_names[k] = type_params[k];
                if (!parse_type_name(tn.text, &member.type_param_values[k]))
                    spec_error(tn.pos, "expected a type, found '%s'", tn.text);
                type_bound[k] = true;
            } else {
                k = 0;
                while (k < nparams && strcmp(params[k]->name, b.text) != 0)
                    k++;
                if (k == nparams) {
                    spec_error(b.pos, "'%s' is not a parameter of family %s", b.text, fname.text);
                    break;
                }
                /* head and binding typed with the types this member bound so far */
                struct parser typed = *p;
                typed.ntype_params = 0;
                for (int i = 0; i < ntype_params; i++)
                    if (type_bound[i]) {
                        typed.type_param_names[typed.ntype_params] = type_params[i];
                        typed.type_param_values[typed.ntype_params++] = member.type_param_values[i];
                    }
                struct parser head = typed;
                head.lx.cur = params[k]->source;
                head.lx.pos = params[k]->source_pos;
                head.lx.has_peeked = false;
                head.lx.newlines_matter = false;
                struct token pname = {TOK_IDENT, "", 0, 0, params[k]->pos};
                snprintf(pname.text, sizeof pname.text, "%s", params[k]->name);
                struct function *bound = parse_function_head(&head, pname);
                parse_function_body(&typed, bound);
                p->lx = typed.lx;
                in->locals_fn[k] = bound;
            }
            struct token sep = lex_peek(&p->lx);
            if (tok_is(&sep, ";"))
                lex_next(&p->lx);
        }
        for (int k = 0; k < nparams; k++)
            if (!in->locals_fn[k])
                spec_error(in->pos, "%s does not bind family parameter '%s'", in->name, params[k]->name);
        for (int k = 0; k < ntype_params; k++)
            if (!type_bound[k]) {
                spec_error(in->pos, "%s does not bind family type '%s'", in->name, type_params[k]);
                member.type_param_names[k] = type_params[k];
                member.type_param_values[k] = type_int(64, false);
            }
        for (int k = 0; k < nview_params; k++)
            if (!view_bound[k]) {
                spec_error(in->pos, "%s does not bind family view '%s'", in->name, view_params[k]);
                member.nview_params = 0;
            }
        /* the body, typed for this member */
        member.lx.cur = body_start;
        member.lx.pos = body_pos;
        member.lx.has_peeked = false;
        member.lx.newlines_matter = false;
        memcpy(member.scope.family_params, params, sizeof params);
        for (int k = 0; k < nparams; k++)
            if (in->locals_fn[k])
                member.scope.family_params[k] = in->locals_fn[k];
        member.scope.nfamily_params = nparams;
        struct parser asm_scope = member;
        parse_assembly(&asm_scope, in, member_asm_pos, aliases, naliases);
        in->semantics = parse_block(&member);
    }
    p->lx.newlines_matter = false;
    for (int i = 0; i < naliases; i++)
        if (!aliases[i].used)
            spec_error(aliases[i].text_pos, "family %s has no member %s for this alias", fname.text,
                       aliases[i].member ? aliases[i].member : "*");
}

/* expand NAME : FORMAT PATTERN [where EXPR] => TARGET field=expr, ... */
static void parse_expand(struct parser *p)
{
    struct token name = next_ident(p, "an instruction name");
    struct insn *in = new_insn(p, name);
    in->format = parse_format_ref(p);
    parse_pattern_into(p, in);
    parse_where(p, in);
    expect(p, "=>");
    struct token target = next_ident(p, "the instruction this expands to");
    in->expands_to_name = xstrdup(target.text);
    p->lx.newlines_matter = true;
    for (;;) {
        struct token t = lex_peek(&p->lx);
        if (t.kind != TOK_IDENT)
            break;
        lex_next(&p->lx);
        struct field *f = find_field(p->spec, t.text);
        if (!f)
            spec_error(t.pos, "unknown field '%s'", t.text);
        expect(p, "=");
        struct expr *value = parse_expr(p);
        if (in->nbindings < 8) {
            in->bindings[in->nbindings].target_field = f;
            in->bindings[in->nbindings].value = value;
            in->nbindings++;
        } else {
            spec_error(t.pos, "%s binds more than 8 fields", in->name);
        }
        struct token c = lex_peek(&p->lx);
        if (tok_is(&c, ","))
            lex_next(&p->lx);
    }
    p->lx.newlines_matter = false;
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
