/* The disassembler: each instruction's assembly template, with operands
 * formatted from its decoded record.  {field} prints a register name when
 * the semantics index a register file with that field, else a number;
 * {field:x} prints hex, {field:X} names a register of file X, {PC+field}
 * prints the target address, {name} the mnemonic. */
#include <stdlib.h>
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

static int field_index(const struct insn *in, const char *name)
{
    for (int i = 0; i < in->format->nfields; i++)
        if (strcmp(in->format->fields[i]->name, name) == 0)
            return i;
    return -1;
}

static void emit_slot(FILE *out, const struct insn *in, int k)
{
    if (in->field_wide[k])
        fprintf(out, "(%s)rec->wide[%d]", in->format->fields[k]->sign_extend ? "int64_t" : "uint64_t", in->field_slot[k]);
    else
        fprintf(out, "(uint64_t)rec->narrow[%d]", in->field_slot[k]);
}

static struct reg_names find_names(const struct arch_spec *spec, const char *name)
{
    struct reg_names r = {NULL, NULL};
    for (int i = 0; i < spec->nregfiles; i++)
        if (strcmp(spec->regfiles[i]->name, name) == 0)
            r.rf = spec->regfiles[i];
    for (int i = 0; i < spec->nviews; i++)
        if (strcmp(spec->views[i]->name, name) == 0)
            r.view = spec->views[i];
    return r;
}

static void emit_placeholder(const struct arch_spec *spec, FILE *out, const struct insn *in, const char *text)
{
    char name[64], kind[16] = "";
    const char *colon = strchr(text, ':');
    size_t n = colon ? (size_t)(colon - text) : strlen(text);
    if (n >= sizeof name)
        n = sizeof name - 1;
    memcpy(name, text, n);
    name[n] = 0;
    if (colon)
        snprintf(kind, sizeof kind, "%s", colon + 1);
    if (strcmp(name, "name") == 0) {
        fprintf(out, "        p = dis_puts(p, end, \"%s\");\n", in->name);
        return;
    }
    bool pc_relative = strncmp(name, "PC+", 3) == 0;
    /* {field>>N:x}: the field's bits above N, as assemblers write U-type immediates */
    int shift = 0;
    char *shift_at = strstr(name, ">>");
    if (shift_at) {
        shift = atoi(shift_at + 2);
        *shift_at = 0;
    }
    int k = field_index(in, pc_relative ? name + 3 : name);
    if (k < 0) {
        spec_error(in->pos, "assembly of %s names '%s', which is not a field of format %s", in->name, name, in->format->name);
        return;
    }
    const struct field *f = in->format->fields[k];
    struct reg_names names = kind[0] ? find_names(spec, kind) : names_in_stmt(in, in->semantics, f);
    fputs("        p = ", out);
    if (pc_relative) {
        fputs("dis_hex(p, end, pc + ", out);
    } else if (names.view && names.view->reg_names) {
        fprintf(out, "dis_reg(p, end, %s_view_%s_names, %d, ", spec->name, names.view->name, names.view->count);
    } else if (names.rf && names.rf->reg_names) {
        fprintf(out, "dis_reg(p, end, %s_%s_names, %d, ", spec->name, names.rf->name, names.rf->count);
    } else if (strcmp(kind, "x") == 0) {
        fputs("dis_hex(p, end, ", out);
    } else {
        fprintf(out, "dis_dec(p, end, %d, ", f->sign_extend);
    }
    if (shift > 0 && shift < f->width) {
        fputs("((uint64_t)(", out);
        emit_slot(out, in, k);
        fprintf(out, ") >> %d) & 0x%llxu", shift, (unsigned long long)((UINT64_C(1) << (f->width - shift)) - 1));
    } else {
        emit_slot(out, in, k);
    }
    fputs(");\n", out);
}

static void emit_literal(FILE *out, const char *start, size_t n)
{
    if (n == 0)
        return;
    fputs("        p = dis_puts(p, end, \"", out);
    for (size_t i = 0; i < n; i++) {
        if (start[i] == '"' || start[i] == '\\')
            fputc('\\', out);
        fputc(start[i], out);
    }
    fputs("\");\n", out);
}

bool emit_disassembler(const struct arch_spec *spec, FILE *out)
{
    const char *a = spec->name;
    fprintf(out, "/* Generated by isagen from isa-specs/%s: do not edit. */\n", a);
    fprintf(out, "#include <stdio.h>\n#include <string.h>\n\n#include \"%s-decode.h\"\n#include \"%s-state.h\"\n#include \"disasm-format.h\"\n\n", a, a);
    fprintf(out, "void %s_format_insn(int id, const struct decoded_insn *rec, uint64_t pc, char *out, size_t size)\n{\n", a);
    fputs("    char *p = out, *end = out + size;\n    *p = 0;\n    (void)pc;\n    switch (id) {\n", out);
    for (int i = 0; i < spec->ninsns; i++) {
        const struct insn *in = spec->insns[i];
        if (in->expands_to)
            continue;
        fprintf(out, "    case %d:\n", in->id);
        const char *s = in->asm_text;
        while (*s) {
            const char *open = strchr(s, '{');
            if (!open) {
                emit_literal(out, s, strlen(s));
                break;
            }
            emit_literal(out, s, (size_t)(open - s));
            const char *close = strchr(open, '}');
            if (!close) {
                spec_error(in->pos, "unclosed '{' in the assembly of %s", in->name);
                break;
            }
            char text[80];
            size_t n = (size_t)(close - open - 1);
            if (n >= sizeof text)
                n = sizeof text - 1;
            memcpy(text, open + 1, n);
            text[n] = 0;
            emit_placeholder(spec, out, in, text);
            s = close + 1;
        }
        fputs("        break;\n", out);
    }
    fputs("    default:\n        dis_puts(p, end, \"(illegal)\");\n    }\n}\n\n", out);
    fprintf(out, "unsigned %s_disassemble(uint64_t pc, const uint8_t *bytes, size_t avail, char *out, size_t size)\n{\n", a);
    fputs("    uint32_t bits = 0;\n    if (avail == 0)\n        return 0;\n", out);
    fputs("    memcpy(&bits, bytes, avail < 4 ? avail : 4);\n", out);
    fprintf(out, "    unsigned length = %s_insn_length(bits);\n", a);
    fputs("    if (length > avail)\n        return 0;\n", out);
    fputs("    struct decoded_insn rec;\n    memset(&rec, 0, sizeof rec);\n", out);
    fprintf(out, "    int id = %s_decode(bits, length, &rec);\n", a);
    fputs("    if (id < 0) {\n        snprintf(out, size, \"(illegal)\");\n        return 0;\n    }\n", out);
    fprintf(out, "    %s_format_insn(id, &rec, pc, out, size);\n    return length;\n}\n", a);
    return true;
}
