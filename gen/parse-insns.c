/* Instruction declarations of an .isa file: insn (a pattern, its format,
 * where-constraints, assembly text and aliases), family (a table of
 * instructions sharing one semantics) and expand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

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
void parse_insn(struct parser *p)
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
void parse_family(struct parser *p)
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
void parse_expand(struct parser *p)
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
