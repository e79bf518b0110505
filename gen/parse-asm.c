/* Assembly syntax: the template after an instruction's pattern, the names
 * tables and operand pieces it uses, and the aliases printed in its place.
 *
 *   {EXPR}  {EXPR:FORMAT}   a decode-time value (fields, family parameters,
 *                           defs, pure helpers, PC); FORMAT is x, d, a
 *                           register file or view, or a names table
 *   {?COND:THEN} {?COND:THEN:ELSE}   text printed when COND holds (or not)
 *   {name} {name:TABLE}     the mnemonic, optionally mapped by a keyed table
 *   {OPERAND}               an operand piece declared once (operand NAME = "...")
 *   {field>>N}              the field's encoding bits above N
 *
 * A template is parsed for each instruction, with its family member's
 * types and parameters bound, so one family string serves every member. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

/* names NAME = a b "c d" ...   or keyed:   names NAME = key=value ...
 * (in parentheses, the names may take several lines) */
void parse_names_decl(struct parser *p)
{
    struct names_table *t = xcalloc(1, sizeof *t);
    struct token name = lex_next(&p->lx);
    if (name.kind != TOK_IDENT)
        spec_error(name.pos, "expected a names table name, found '%s'", name.text);
    t->name = xstrdup(name.text);
    t->pos = name.pos;
    expect(p, "=");
    const char *names[128], *keys[128];
    int n = 0, nkeys = 0;
    /* one line, or in parentheses over several */
    struct token open = lex_peek(&p->lx);
    bool parenthesized = tok_is(&open, "(");
    if (parenthesized)
        lex_next(&p->lx);
    p->lx.newlines_matter = !parenthesized;
    for (;;) {
        struct token e = lex_peek(&p->lx);
        if (e.kind != TOK_IDENT && e.kind != TOK_STRING && e.kind != TOK_NUMBER)
            break;
        lex_next(&p->lx);
        const char *key = NULL;
        struct token eq = lex_peek(&p->lx);
        if (tok_is(&eq, "=")) {
            lex_next(&p->lx);
            key = xstrdup(e.text);
            e = lex_next(&p->lx);
            if (e.kind != TOK_IDENT && e.kind != TOK_STRING)
                spec_error(e.pos, "expected the name '%s' maps to, found '%s'", key, e.text);
            nkeys++;
        }
        if (n == 128) {
            spec_error(e.pos, "names table %s has more than 128 names", t->name);
            break;
        }
        keys[n] = key;
        names[n++] = xstrdup(e.text);
    }
    if (parenthesized)
        expect(p, ")");
    p->lx.newlines_matter = false;
    if (n == 0)
        spec_error(name.pos, "names table %s is empty", t->name);
    if (nkeys && nkeys != n)
        spec_error(name.pos, "names table %s mixes keyed (a=b) and plain names", t->name);
    t->count = n;
    t->names = xcalloc((size_t)n + 1, sizeof *t->names);
    memcpy(t->names, names, (size_t)n * sizeof *names);
    if (nkeys) {
        t->keys = xcalloc((size_t)n + 1, sizeof *t->keys);
        memcpy(t->keys, keys, (size_t)n * sizeof *keys);
    }
    for (int i = 0; i < p->spec->nnames_tables; i++)
        if (strcmp(p->spec->names_tables[i]->name, t->name) == 0)
            spec_error(name.pos, "names table %s is already declared", t->name);
    if (p->spec->nnames_tables < (int)(sizeof p->spec->names_tables / sizeof p->spec->names_tables[0]))
        p->spec->names_tables[p->spec->nnames_tables++] = t;
    else
        spec_error(name.pos, "too many names tables");
}

/* operand NAME = "TEMPLATE" */
void parse_asm_operand_decl(struct parser *p)
{
    struct asm_operand *o = xcalloc(1, sizeof *o);
    struct token name = lex_next(&p->lx);
    if (name.kind != TOK_IDENT)
        spec_error(name.pos, "expected an operand name, found '%s'", name.text);
    o->name = xstrdup(name.text);
    o->pos = name.pos;
    expect(p, "=");
    struct token text = lex_next(&p->lx);
    if (text.kind != TOK_STRING)
        spec_error(text.pos, "expected the assembly syntax of operand %s as a string", o->name);
    o->text = xstrdup(text.text);
    if (find_field(p->spec, o->name))
        spec_error(name.pos, "operand %s has the name of a field", o->name);
    if (p->spec->nasm_operands < (int)(sizeof p->spec->asm_operands / sizeof p->spec->asm_operands[0]))
        p->spec->asm_operands[p->spec->nasm_operands++] = o;
    else
        spec_error(name.pos, "too many operand declarations");
}

static const struct names_table *find_names_table(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->nnames_tables; i++)
        if (strcmp(spec->names_tables[i]->name, name) == 0)
            return spec->names_tables[i];
    return NULL;
}

static const struct asm_operand *find_asm_operand(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->nasm_operands; i++)
        if (strcmp(spec->asm_operands[i]->name, name) == 0)
            return spec->asm_operands[i];
    return NULL;
}

struct template_scan {
    struct parser *p;
    const struct insn *insn;
    const char *cur;
    struct srcpos pos;
    int depth; /* operand pieces inside operand pieces */
};

static struct asm_piece *new_piece(enum asm_piece_kind kind, struct srcpos pos)
{
    struct asm_piece *piece = xcalloc(1, sizeof *piece);
    piece->kind = kind;
    piece->pos = pos;
    return piece;
}

/* A parser reading the template text from start, with the instruction's
 * names (fields, family parameters and types) in scope. */
static struct parser sub_parser(const struct template_scan *ts, const char *start)
{
    struct parser sub = *ts->p;
    lexer_init(&sub.lx, ts->pos.file, start);
    sub.lx.pos = ts->pos;
    return sub;
}

/* The identifier at s, if the placeholder is just that identifier followed
 * by one of the characters in after; its length, or 0. */
static size_t bare_ident(const char *s, const char *after)
{
    size_t n = 0;
    if (!isalpha((unsigned char)s[0]) && s[0] != '_')
        return 0;
    while (isalnum((unsigned char)s[n]) || s[n] == '_')
        n++;
    return s[n] && strchr(after, s[n]) ? n : 0;
}

static void resolve_format(struct template_scan *ts, struct asm_piece *piece, struct parser *sub)
{
    struct token f = lex_next(&sub->lx);
    if (tok_is(&f, "x")) {
        piece->format = ASM_HEX;
    } else if (tok_is(&f, "d")) {
        piece->format = ASM_DEC;
    } else if ((piece->names = find_names_table(ts->p->spec, f.text)) != NULL) {
        piece->format = ASM_NAMES;
        if (piece->names->keys)
            spec_error(f.pos, "names table %s maps mnemonics: use it as {name:%s}", f.text, f.text);
    } else if ((piece->view = find_view(sub, f.text)) != NULL) {
        piece->format = ASM_REGS;
    } else {
        for (int i = 0; i < ts->p->spec->nregfiles; i++)
            if (strcmp(ts->p->spec->regfiles[i]->name, f.text) == 0)
                piece->regfile = ts->p->spec->regfiles[i];
        if (piece->regfile)
            piece->format = ASM_REGS;
        else
            spec_error(f.pos, "'%s' is not a format (x, d, a names table, a register file or view)", f.text);
    }
}

static struct asm_piece *scan_pieces(struct template_scan *ts, const char *stops);

/* {name} or {name:TABLE} */
static struct asm_piece *scan_name(struct template_scan *ts, const char *s)
{
    struct asm_piece *piece = new_piece(ASM_NAME, ts->pos);
    piece->text = ts->insn->name;
    s += 4;
    if (*s == ':') {
        const char *end = strchr(s, '}');
        char table[64];
        size_t n = end ? (size_t)(end - s - 1) : 0;
        snprintf(table, sizeof table, "%.*s", (int)(n < sizeof table ? n : sizeof table - 1), s + 1);
        const struct names_table *t = find_names_table(ts->p->spec, table);
        if (!t || !t->keys)
            spec_error(ts->pos, "'%s' is not a keyed names table (names %s = mnemonic=mnemonic ...)", table, table);
        else
            for (int i = 0; i < t->count; i++)
                if (strcmp(t->keys[i], ts->insn->name) == 0)
                    piece->text = t->names[i];
        s = end ? end : s + strlen(s);
    }
    ts->cur = *s == '}' ? s + 1 : s;
    return piece;
}

/* {field>>N}: the field's encoding bits above N (U-type immediates) */
static struct asm_piece *scan_bits_above(struct template_scan *ts, const char *s, size_t n)
{
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)n, s);
    struct asm_piece *piece = new_piece(ASM_OPERAND, ts->pos);
    struct expr *e = new_expr(E_FIELD, ts->pos);
    e->ref = find_field(ts->p->spec, name);
    e->name = xstrdup(name);
    e->type = type_int(64, false);
    piece->value = e;
    char *end;
    piece->bits_above = (int)strtol(s + n + 2, &end, 10);
    struct parser sub = sub_parser(ts, end);
    struct token t = lex_peek(&sub.lx);
    if (tok_is(&t, ":")) {
        lex_next(&sub.lx);
        resolve_format(ts, piece, &sub);
    }
    expect(&sub, "}");
    ts->cur = sub.lx.cur;
    return piece;
}

/* s is just after a '{' */
static struct asm_piece *scan_placeholder(struct template_scan *ts, const char *s)
{
    if (*s == '?') {
        struct asm_piece *piece = new_piece(ASM_COND, ts->pos);
        struct parser sub = sub_parser(ts, s + 1);
        piece->value = parse_expr(&sub);
        expect(&sub, ":");
        ts->cur = sub.lx.cur;
        piece->then_part = scan_pieces(ts, ":}");
        if (*ts->cur == ':') {
            ts->cur++;
            piece->else_part = scan_pieces(ts, "}");
        }
        if (*ts->cur != '}')
            spec_error(ts->pos, "unclosed '{?' in the assembly of %s", ts->insn->name);
        else
            ts->cur++;
        return piece;
    }
    size_t n = bare_ident(s, "}:");
    if (n == 4 && strncmp(s, "name", 4) == 0)
        return scan_name(ts, s);
    if (n && s[n] == '}') {
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)n, s);
        const struct asm_operand *o = find_asm_operand(ts->p->spec, name);
        if (o) {
            if (ts->depth > 8) {
                spec_error(ts->pos, "operand %s uses itself", name);
                return NULL;
            }
            struct template_scan inner = {ts->p, ts->insn, o->text, ts->pos, ts->depth + 1};
            struct asm_piece *pieces = scan_pieces(&inner, "");
            ts->cur = s + n + 1;
            return pieces;
        }
    }
    n = bare_ident(s, ">");
    if (n && s[n + 1] == '>' && isdigit((unsigned char)s[n + 2])) {
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)n, s);
        if (find_field(ts->p->spec, name))
            return scan_bits_above(ts, s, n);
    }
    struct asm_piece *piece = new_piece(ASM_OPERAND, ts->pos);
    struct parser sub = sub_parser(ts, s);
    piece->value = parse_expr(&sub);
    struct token t = lex_peek(&sub.lx);
    if (tok_is(&t, ":")) {
        lex_next(&sub.lx);
        resolve_format(ts, piece, &sub);
    }
    if (expect(&sub, "}"))
        ts->cur = sub.lx.cur;
    else
        ts->cur = s + strlen(s);
    return piece;
}

/* Pieces up to the end of the text or one of stops (left unread). */
static struct asm_piece *scan_pieces(struct template_scan *ts, const char *stops)
{
    struct asm_piece *head = NULL, **tail = &head;
    while (*ts->cur && !strchr(stops, *ts->cur)) {
        const char *s = ts->cur;
        struct asm_piece *piece;
        if (*s == '{') {
            piece = scan_placeholder(ts, s + 1);
        } else {
            size_t n = strcspn(s, stops[0] ? "{:}" : "{");
            if (n == 0) /* a ':' in an else part is text */
                n = 1;
            piece = new_piece(ASM_TEXT, ts->pos);
            char *text = xcalloc(n + 1, 1);
            memcpy(text, s, n);
            piece->text = text;
            ts->cur = s + n;
        }
        *tail = piece;
        while (*tail)
            tail = &(*tail)->next;
    }
    return head;
}

struct asm_piece *parse_asm_template(struct parser *p, const struct insn *in, const char *text, struct srcpos pos)
{
    struct template_scan ts = {p, in, text, pos, 0};
    return scan_pieces(&ts, "");
}
