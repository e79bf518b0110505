/* The disassembler: each instruction's assembly template (parse-asm.c),
 * its aliases tried first, with operands computed from the decoded record
 * (and, for fields outside the format, from the instruction's bits).  A
 * bare {field} prints a register name when the semantics index a register
 * with that field, else a number; a value of PC prints in hex. */
#include <string.h>

#include "emit.h"

/* What names the registers a field indexes: a register file or a view. */
struct reg_names {
    const struct regfile *rf;
    const struct view *view;
};

static bool found(struct reg_names r) { return r.rf || r.view; }

static struct reg_names names_in_expr(const struct insn *in, const struct expr *e, const struct field *f);

static struct reg_names names_in_stmt(const struct insn *in, const struct stmt *s, const struct field *f)
{
    struct reg_names r = {NULL, NULL};
    if (!s)
        return r;
    if (s->kind == S_ASSIGN_REG && s->index->kind == E_FIELD && s->index->ref == f) {
        r.rf = s->target;
        return r;
    }
    if (s->kind == S_VIEW_WRITE && s->index->kind == E_FIELD && s->index->ref == f) {
        r.view = s->target;
        return r;
    }
    for (int i = 0; i < s->nbody && !found(r); i++)
        r = names_in_stmt(in, s->body[i], f);
    if (!found(r))
        r = names_in_expr(in, s->cond, f);
    if (!found(r))
        r = names_in_stmt(in, s->then_branch, f);
    if (!found(r))
        r = names_in_stmt(in, s->else_branch, f);
    if (!found(r))
        r = names_in_expr(in, s->value, f);
    if (!found(r))
        r = names_in_expr(in, s->addr, f);
    if (!found(r))
        r = names_in_expr(in, s->index, f);
    return r;
}

static struct reg_names names_in_expr(const struct insn *in, const struct expr *e, const struct field *f)
{
    struct reg_names r = {NULL, NULL};
    if (!e)
        return r;
    if (e->kind == E_REGREAD && e->args[0]->kind == E_FIELD && e->args[0]->ref == f) {
        r.rf = e->ref;
        return r;
    }
    if (e->kind == E_INLINE && e->op < 0 && ((const struct function *)e->ref)->view && e->call_args[0]->kind == E_FIELD &&
        e->call_args[0]->ref == f) {
        r.view = ((const struct function *)e->ref)->view;
        return r;
    }
    for (int i = 0; i < e->nargs && !found(r); i++)
        r = names_in_expr(in, e->args[i], f);
    for (int i = 0; i < e->ncall_args && !found(r); i++)
        r = names_in_expr(in, e->call_args[i], f);
    if (!found(r) && e->kind == E_INLINE) {
        const struct function *fn = e->op >= 0 ? in->locals_fn[e->op] : e->ref;
        if (fn && !fn->view)
            r = names_in_expr(in, fn->body, f);
    }
    return r;
}

/* Fields a template reads that are not in the format: read from the bits. */
static void note_fields(const struct insn *in, const struct expr *e, const struct field **seen, int *nseen)
{
    if (!e)
        return;
    if (e->kind == E_FIELD && e->ref) {
        bool known = false;
        for (int i = 0; i < in->format->nfields; i++)
            known = known || in->format->fields[i] == e->ref;
        for (int i = 0; i < *nseen; i++)
            known = known || seen[i] == e->ref;
        if (!known && *nseen < 32)
            seen[(*nseen)++] = e->ref;
    }
    for (int i = 0; i < e->nargs; i++)
        note_fields(in, e->args[i], seen, nseen);
    for (int i = 0; i < e->ncall_args; i++)
        note_fields(in, e->call_args[i], seen, nseen);
    if (e->kind == E_INLINE) {
        const struct function *fn = e->op >= 0 ? in->locals_fn[e->op] : e->ref;
        if (fn && !fn->view)
            note_fields(in, fn->body, seen, nseen);
    }
}

static void note_piece_fields(const struct insn *in, const struct asm_piece *piece, const struct field **seen, int *nseen)
{
    for (; piece; piece = piece->next) {
        note_fields(in, piece->value, seen, nseen);
        note_piece_fields(in, piece->then_part, seen, nseen);
        note_piece_fields(in, piece->else_part, seen, nseen);
    }
}

static void emit_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void indent(FILE *out, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("    ", out);
}

static bool mentions_pc(const struct expr *e)
{
    if (!e)
        return false;
    if (e->kind == E_PC || e->kind == E_NEXT_PC)
        return true;
    for (int i = 0; i < e->nargs; i++)
        if (mentions_pc(e->args[i]))
            return true;
    for (int i = 0; i < e->ncall_args; i++)
        if (mentions_pc(e->call_args[i]))
            return true;
    return false;
}

static void emit_value(struct emitter *em, const struct expr *e, bool is_signed)
{
    fprintf(em->out, "(%s)(", is_signed ? "int64_t" : "uint64_t");
    emit_expr(em, e);
    fputs(")", em->out);
}

static void emit_operand(const struct arch_spec *spec, FILE *out, const struct insn *in, const struct asm_piece *piece, int depth)
{
    struct emitter em = {out, spec, in, CTX_DECODER};
    const struct expr *e = piece->value;
    struct reg_names names = {piece->regfile, piece->view};
    enum asm_format format = piece->format;
    if (format == ASM_AUTO) {
        /* a bare field that the semantics index a register with names it */
        if (e->kind == E_FIELD && piece->bits_above == 0)
            names = names_in_stmt(in, in->semantics, e->ref);
        format = found(names) ? ASM_REGS : mentions_pc(e) ? ASM_HEX : ASM_DEC;
    }
    bool is_signed = e->type.kind == T_INT && e->type.is_signed && piece->bits_above == 0;
    indent(out, depth);
    fputs("p = ", out);
    if (format == ASM_REGS && names.view && names.view->reg_names)
        fprintf(out, "dis_reg(p, end, %s_view_%s_names, %d, ", spec->name, names.view->name, names.view->count);
    else if (format == ASM_REGS && names.rf && names.rf->reg_names)
        fprintf(out, "dis_reg(p, end, %s_%s_names, %d, ", spec->name, names.rf->name, names.rf->count);
    else if (format == ASM_NAMES)
        fprintf(out, "dis_name(p, end, %s_names_%s, %d, ", spec->name, piece->names->name, piece->names->count);
    else if (format == ASM_HEX)
        fprintf(out, "dis_hex_signed(p, end, %d, ", is_signed);
    else /* decimal, and registers of a file or view without names */
        fprintf(out, "dis_dec(p, end, %d, ", is_signed);
    if (piece->bits_above > 0) {
        const struct field *f = e->ref;
        int width = f->width - piece->bits_above;
        fputs("((uint64_t)(", out);
        emit_expr(&em, e);
        fprintf(out, ") >> %d) & 0x%llxu", piece->bits_above, width > 0 ? (unsigned long long)((UINT64_C(1) << width) - 1) : 0ull);
    } else {
        emit_value(&em, e, is_signed);
    }
    fputs(");\n", out);
}

static void emit_pieces(const struct arch_spec *spec, FILE *out, const struct insn *in, const struct asm_piece *piece, int depth)
{
    struct emitter em = {out, spec, in, CTX_DECODER};
    for (; piece; piece = piece->next) {
        switch (piece->kind) {
        case ASM_TEXT:
        case ASM_NAME:
            indent(out, depth);
            fputs("p = dis_puts(p, end, ", out);
            emit_string(out, piece->text);
            fputs(");\n", out);
            break;
        case ASM_OPERAND:
            emit_operand(spec, out, in, piece, depth);
            break;
        case ASM_COND:
            indent(out, depth);
            fputs("if (", out);
            emit_expr(&em, piece->value);
            fputs(") {\n", out);
            emit_pieces(spec, out, in, piece->then_part, depth + 1);
            if (piece->else_part) {
                indent(out, depth);
                fputs("} else {\n", out);
                emit_pieces(spec, out, in, piece->else_part, depth + 1);
            }
            indent(out, depth);
            fputs("}\n", out);
            break;
        }
    }
}

/* One instruction: its fields as f_<name> locals (the decoder's names, so
 * expressions emit as they do there), then the aliases, then its syntax. */
static void emit_insn_case(const struct arch_spec *spec, FILE *out, const struct insn *in)
{
    fprintf(out, "    case %d: { /* %s, %s:%d */\n", in->id, in->name, in->pos.file, in->pos.line);
    for (int k = 0; k < in->format->nfields; k++) {
        const struct field *f = in->format->fields[k];
        fprintf(out, "        %s f_%s = ", f->sign_extend ? "int64_t" : "uint64_t", f->name);
        if (in->field_wide[k])
            fprintf(out, "(%s)rec->wide[%d];\n", f->sign_extend ? "int64_t" : "uint64_t", in->field_slot[k]);
        else
            fprintf(out, "(uint64_t)rec->narrow[%d];\n", in->field_slot[k]);
        fprintf(out, "        (void)f_%s;\n", f->name);
    }
    const struct field *extra[32];
    int nextra = 0;
    note_piece_fields(in, in->asm_pieces, extra, &nextra);
    for (int i = 0; i < in->nasm_aliases; i++) {
        note_piece_fields(in, in->asm_aliases[i].text, extra, &nextra);
        note_fields(in, in->asm_aliases[i].when, extra, &nextra);
    }
    for (int i = 0; i < nextra; i++) {
        fprintf(out, "        %s f_%s = ", extra[i]->sign_extend ? "int64_t" : "uint64_t", extra[i]->name);
        emit_field_extract(out, extra[i], "bits");
        fprintf(out, ";\n        (void)f_%s;\n", extra[i]->name);
    }
    struct emitter em = {out, spec, in, CTX_DECODER};
    for (int i = 0; i < in->nasm_aliases; i++) {
        fputs(i ? "        } else if (" : "        if (", out);
        emit_expr(&em, in->asm_aliases[i].when);
        fputs(") {\n", out);
        emit_pieces(spec, out, in, in->asm_aliases[i].text, 3);
    }
    if (in->nasm_aliases) {
        fputs("        } else {\n", out);
        emit_pieces(spec, out, in, in->asm_pieces, 3);
        fputs("        }\n", out);
    } else {
        emit_pieces(spec, out, in, in->asm_pieces, 2);
    }
    fputs("        break;\n    }\n", out);
}

static void note_helpers(const struct insn *in, const struct expr *e, bool *used, const struct arch_spec *spec)
{
    if (!e)
        return;
    if (e->kind == E_HELPER)
        for (int i = 0; i < spec->nhelpers; i++)
            used[i] = used[i] || spec->helpers[i] == e->ref;
    for (int i = 0; i < e->nargs; i++)
        note_helpers(in, e->args[i], used, spec);
    for (int i = 0; i < e->ncall_args; i++)
        note_helpers(in, e->call_args[i], used, spec);
    if (e->kind == E_INLINE) {
        const struct function *fn = e->op >= 0 ? in->locals_fn[e->op] : e->ref;
        if (fn && !fn->view)
            note_helpers(in, fn->body, used, spec);
    }
}

static void note_piece_helpers(const struct insn *in, const struct asm_piece *piece, bool *used, const struct arch_spec *spec)
{
    for (; piece; piece = piece->next) {
        note_helpers(in, piece->value, used, spec);
        note_piece_helpers(in, piece->then_part, used, spec);
        note_piece_helpers(in, piece->else_part, used, spec);
    }
}

/* Prototypes of the (pure) helpers the templates call. */
static void emit_used_helper_prototypes(const struct arch_spec *spec, FILE *out)
{
    bool used[128] = {false};
    for (int i = 0; i < spec->ninsns; i++) {
        const struct insn *in = spec->insns[i];
        note_piece_helpers(in, in->asm_pieces, used, spec);
        for (int k = 0; k < in->nasm_aliases; k++) {
            note_piece_helpers(in, in->asm_aliases[k].text, used, spec);
            note_helpers(in, in->asm_aliases[k].when, used, spec);
        }
    }
    for (int i = 0; i < spec->nhelpers; i++) {
        const struct helper *h = spec->helpers[i];
        if (!used[i])
            continue;
        fprintf(out, "%s %s(", c_type_name(h->result), h->name);
        for (int k = 0; k < h->nparams; k++)
            fprintf(out, "%s%s %s", k ? ", " : "", c_type_name(h->params[k].type), h->params[k].name);
        fputs(h->nparams ? ");\n" : "void);\n", out);
    }
}

static void emit_names_tables(const struct arch_spec *spec, FILE *out)
{
    for (int i = 0; i < spec->nnames_tables; i++) {
        const struct names_table *t = spec->names_tables[i];
        if (t->keys)
            continue;
        fprintf(out, "static const char *const %s_names_%s[%d] = {", spec->name, t->name, t->count);
        for (int k = 0; k < t->count; k++) {
            fputs(k ? ", " : "", out);
            emit_string(out, t->names[k]);
        }
        fputs("};\n", out);
    }
    fputs("\n", out);
}

bool emit_disassembler(const struct arch_spec *spec, FILE *out)
{
    const char *a = spec->name;
    fprintf(out, "/* Generated by isagen from isa-specs/%s: do not edit. */\n", a);
    fprintf(out, "#include <stdbool.h>\n#include <stdio.h>\n#include <string.h>\n\n#include \"%s-decode.h\"\n#include \"%s-state.h\"\n#include \"disasm-format.h\"\n#include \"dsl-runtime.h\"\n\n", a, a);
    fputs("/* expressions read the record as the handlers do */\n#define REC rec\n\n", out);
    emit_used_helper_prototypes(spec, out);
    emit_names_tables(spec, out);
    fprintf(out, "static void %s_format_insn(int id, const struct decoded_insn *rec, uint32_t bits, char *out, size_t size)\n{\n", a);
    fputs("    char *p = out, *end = out + size;\n    *p = 0;\n    (void)bits;\n    switch (id) {\n", out);
    for (int i = 0; i < spec->ninsns; i++) {
        const struct insn *in = spec->insns[i];
        if (!in->expands_to)
            emit_insn_case(spec, out, in);
    }
    fputs("    default:\n        dis_puts(p, end, \"(illegal)\");\n    }\n}\n\n", out);
    fprintf(out, "unsigned %s_disassemble(uint64_t pc, const uint8_t *bytes, size_t avail, char *out, size_t size)\n{\n", a);
    fputs("    uint32_t bits = 0;\n    if (avail == 0)\n        return 0;\n", out);
    fputs("    memcpy(&bits, bytes, avail < 4 ? avail : 4);\n", out);
    fprintf(out, "    unsigned length = %s_insn_length(bits);\n", a);
    fputs("    if (length > avail)\n        return 0;\n", out);
    fputs("    if (length < 4)\n        bits &= (UINT32_C(1) << (length * 8)) - 1;\n", out);
    fputs("    struct decoded_insn rec;\n    memset(&rec, 0, sizeof rec);\n", out);
    fprintf(out, "    int id = %s_decode(bits, length, &rec);\n", a);
    fputs("    if (id < 0) {\n        snprintf(out, size, \"(illegal)\");\n        return 0;\n    }\n", out);
    fputs("    rec.pc = pc;\n", out);
    fprintf(out, "    %s_format_insn(id, &rec, bits, out, size);\n    return length;\n}\n", a);
    return true;
}
