/* isagen's front end: field extraction, decode priority, and spec errors
 * reported with file:line. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ast.h"
#include "emit.h"

int spec_error_count;
static char last_error[512];
static int last_error_line;

void spec_error(struct srcpos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(last_error, sizeof last_error, "%s:%d: ", pos.file, pos.line);
    vsnprintf(last_error + n, sizeof last_error - (size_t)n, fmt, ap);
    va_end(ap);
    last_error_line = pos.line;
    spec_error_count++;
}

void *xcalloc(size_t n, size_t size) { return calloc(n ? n : 1, size ? size : 1); }
char *xstrdup(const char *s) { return strdup(s); }

static struct arch_spec *load(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", SPEC_TEST_DIR, name);
    struct arch_spec *spec = xcalloc(1, sizeof *spec);
    spec_error_count = 0;
    parse_spec_file(spec, path);
    return spec;
}

/* A throwaway spec written to a temporary file, for error cases. */
static struct arch_spec *load_text(const char *text)
{
    char path[] = "/tmp/isagen-test-XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    struct arch_spec *spec = xcalloc(1, sizeof *spec);
    spec_error_count = 0;
    parse_spec_file(spec, path);
    if (spec_error_count == 0)
        check_spec(spec);
    unlink(path);
    return spec;
}

static const struct field *field_named(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->nfields; i++)
        if (strcmp(spec->fields[i]->name, name) == 0)
            return spec->fields[i];
    cr_assert_fail("no field %s", name);
    return NULL;
}

Test(fields, sign_extends_from_the_top_bit)
{
    struct arch_spec *spec = load("sample.isa");
    const struct field *imm = field_named(spec, "imm");
    cr_assert_eq(field_value(imm, 0xfff00000u), -1);
    cr_assert_eq(field_value(imm, 0x7ff00000u), 2047);
    cr_assert_eq(field_value(imm, 0x80000000u), -2048);
}

Test(fields, concatenates_scattered_bits_with_constant_tail)
{
    struct arch_spec *spec = load("sample.isa");
    const struct field *f = field_named(spec, "scattered");
    /* the B-type immediate: bit 7 is imm[11], bits 11:8 are imm[4:1] */
    cr_assert_eq(field_value(f, 1u << 7), 1 << 11);
    cr_assert_eq(field_value(f, 0xfu << 8), 0x1e);
    cr_assert_eq(field_value(f, 0x3fu << 25), 0x7e0);
    cr_assert_eq(field_value(f, 1u << 31), -4096);
    cr_assert_eq(f->width, 13);
}

Test(fields, constant_low_bits_shift_the_value)
{
    struct arch_spec *spec = load("sample.isa");
    const struct field *f = field_named(spec, "upper");
    cr_assert_eq(field_value(f, 0xa0000000u), 0xa0);
    cr_assert_not(f->sign_extend);
}

Test(decode, more_specific_pattern_wins)
{
    struct arch_spec *spec = load("sample.isa");
    cr_assert(check_spec(spec));
    cr_assert_str_eq(match_insn(spec, 0x00000013u, 32)->name, "nop");
    cr_assert_str_eq(match_insn(spec, 0x00100093u, 32)->name, "addi");
}

Test(decode, constrained_pattern_is_tried_first)
{
    struct arch_spec *spec = load("sample.isa");
    cr_assert(check_spec(spec));
    cr_assert_str_eq(match_insn(spec, (5u << 20) | 0x07u, 32)->name, "special");
    cr_assert_str_eq(match_insn(spec, (6u << 20) | 0x07u, 32)->name, "general");
}

Test(decode, family_members_and_expansions_decode)
{
    struct arch_spec *spec = load("sample.isa");
    cr_assert(check_spec(spec));
    cr_assert_str_eq(match_insn(spec, (4u << 11) | 0x0fu, 32)->name, "xori");
    cr_assert_str_eq(match_insn(spec, (6u << 11) | 0x0fu, 32)->name, "ori");
    const struct insn *c = match_insn(spec, 3u << 2, 16);
    cr_assert_str_eq(c->name, "c.inc");
    cr_assert_str_eq(c->expands_to->name, "addi");
    cr_assert_null(match_insn(spec, 0xffffu & ~3u, 16));
}

Test(errors, partial_overlap_is_reported_with_both_places)
{
    struct arch_spec *spec = load("overlap.isa");
    cr_assert_eq(spec_error_count, 0);
    cr_assert_not(check_spec(spec));
    cr_assert(strstr(last_error, "overlap.isa:9:") != NULL, "%s", last_error);
    cr_assert(strstr(last_error, "overlaps first") != NULL, "%s", last_error);
    cr_assert(strstr(last_error, "overlap.isa:7") != NULL, "%s", last_error);
}

Test(errors, unknown_name_in_semantics_has_its_line)
{
    load_text("arch t elf_machine=1 elf_class=64\nlength 32 when [1:0] == 0b11 else 16\n"
              "regfile R : u64[4]\nfield rd = [8:7]\nformat F = rd\n"
              "insn x : F  ............................. 011  \"x\"\n{ R[rd] = nosuch; }\n");
    cr_assert_gt(spec_error_count, 0);
    cr_assert_eq(last_error_line, 7);
    cr_assert(strstr(last_error, "unknown name 'nosuch'") != NULL, "%s", last_error);
}

Test(errors, pattern_of_wrong_length)
{
    load_text("arch t elf_machine=1 elf_class=64\nlength 32 when [1:0] == 0b11 else 16\n"
              "regfile R : u64[4]\nfield rd = [8:7]\nformat F = rd\n"
              "insn x : F  0101 11  \"x\"\n{ R[rd] = 1; }\n");
    cr_assert_gt(spec_error_count, 0);
    cr_assert(strstr(last_error, "has 6 bits") != NULL, "%s", last_error);
}

Test(errors, field_outside_the_format)
{
    load_text("arch t elf_machine=1 elf_class=64\nlength 32 when [1:0] == 0b11 else 16\n"
              "regfile R : u64[4]\nfield rd = [8:7]\nfield rs = [10:9]\nformat F = rd\n"
              "insn x : F  ............................. 011  \"x\"\n{ R[rd] = R[rs]; }\n");
    cr_assert_gt(spec_error_count, 0);
    cr_assert(strstr(last_error, "not in format F") != NULL, "%s", last_error);
}

Test(errors, fuse_names_known_instructions)
{
    const char *base = "arch t elf_machine=1 elf_class=64\nlength 32 when [1:0] == 0b11 else 16\n"
                       "regfile R : u64[4]\nfield rd = [8:7]\nformat F = rd\n"
                       "insn x : F  ............................. 011  \"x\"\n{ R[rd] = 1; }\n"
                       "insn y : F  ............................. 111  \"y\"\n{ R[rd] = 2; }\n";
    char text[1024];
    snprintf(text, sizeof text, "%sfuse x y\nfuse y x\n", base);
    struct arch_spec *spec = load_text(text);
    cr_assert_eq(spec_error_count, 0, "%s", last_error);
    cr_assert_eq(spec->nfused, 2);
    cr_assert_str_eq(spec->fused[0]->first, "x");
    cr_assert_str_eq(spec->fused[1]->second, "x");
    snprintf(text, sizeof text, "%sfuse x nosuch\n", base);
    load_text(text);
    cr_assert_gt(spec_error_count, 0);
    cr_assert_eq(last_error_line, 10);
    cr_assert(strstr(last_error, "no instruction named 'nosuch'") != NULL, "%s", last_error);
}

Test(errors, duplicate_pattern_without_constraint)
{
    load_text("arch t elf_machine=1 elf_class=64\nlength 32 when [1:0] == 0b11 else 16\n"
              "regfile R : u64[4]\nfield rd = [8:7]\nformat F = rd\n"
              "insn x : F  ............................. 011  \"x\"\n{ R[rd] = 1; }\n"
              "insn y : F  ............................. 011  \"y\"\n{ R[rd] = 2; }\n");
    cr_assert_gt(spec_error_count, 0);
    cr_assert(strstr(last_error, "overlaps x") != NULL, "%s", last_error);
}

/* --- register views, typed defs, view parameters (views.isa) --- */

static const struct insn *insn_named(const struct arch_spec *spec, const char *name)
{
    for (int i = 0; i < spec->ninsns; i++)
        if (strcmp(spec->insns[i]->name, name) == 0)
            return spec->insns[i];
    cr_assert_fail("no instruction %s", name);
    return NULL;
}

/* Runs one of isagen's outputs into a string. */
static char *emitted(const struct arch_spec *spec, bool (*emit)(const struct arch_spec *, FILE *))
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    cr_assert(emit(spec, f));
    fclose(f);
    return text;
}

/* The text of one generated function, from its signature to the next blank line. */
static char *function_text(const char *all, const char *signature)
{
    const char *start = strstr(all, signature);
    cr_assert_not_null(start, "no %s in the output", signature);
    const char *end = strstr(start, "\n\n");
    return strndup(start, end ? (size_t)(end - start) : strlen(start));
}

Test(views, read_and_write_are_the_view_rules_inlined)
{
    struct arch_spec *spec = load("views.isa");
    cr_assert_eq(spec_error_count, 0, "%s", last_error);
    cr_assert(check_spec(spec));
    const struct insn *add = insn_named(spec, "add_sp");
    const struct stmt *write = add->semantics->body[0];
    cr_assert_eq(write->kind, S_VIEW_WRITE);
    cr_assert_str_eq(((const struct view *)write->target)->name, "XSP");
    const struct expr *sum = write->value;
    cr_assert_eq(sum->args[0]->kind, E_INLINE);
    cr_assert_str_eq(((const struct function *)sum->args[0]->ref)->view->name, "XSP");
}

Test(views, typed_def_and_view_parameter_are_bound_per_member)
{
    struct arch_spec *spec = load("views.isa");
    cr_assert(check_spec(spec));
    const struct stmt *w = insn_named(spec, "ror_w")->semantics->body[0];
    const struct stmt *x = insn_named(spec, "ror_x")->semantics->body[0];
    cr_assert_str_eq(((const struct view *)w->target)->name, "W");
    cr_assert_str_eq(((const struct view *)x->target)->name, "X");
    /* rotate[T] is parsed once per member: 32 bits for ror_w, 64 for ror_x */
    cr_assert_eq(w->value->kind, E_INLINE);
    cr_assert_eq(w->value->type.width, 32);
    cr_assert_eq(x->value->type.width, 64);
    cr_assert_eq(((const struct function *)w->value->ref)->params[0].type.width, 32);
}

Test(views, typed_def_needs_its_types)
{
    load_text("arch t elf_machine=1 elf_class=64\nlength 32 when [1:0] == 0b11 else 16\n"
              "regfile R : u64[4]\nfield rd = [8:7]\nformat F = rd\n"
              "def id[T](x: T) : T = x;\n"
              "insn x : F  ............................. 011  \"x\"\n{ R[rd] = id(R[rd]); }\n");
    cr_assert_gt(spec_error_count, 0);
    cr_assert(strstr(last_error, "typed def") != NULL, "%s", last_error);
}

Test(views, jit_decides_register_31_at_translation_time)
{
    struct arch_spec *spec = load("views.isa");
    cr_assert(check_spec(spec));
    char *jit = emitted(spec, emit_jit);
    char *add = function_text(jit, "static void emit_insn_");
    /* both views index with a field: a C if on the decoded field, no IR branch */
    cr_assert(strstr(add, "ir_brcond") == NULL, "%s", add);
    cr_assert(strstr(add, "== (uint64_t)(UINT64_C(0x1f))") != NULL, "%s", add);
    /* ones(imm) is a pure helper of a field: called while translating */
    cr_assert(strstr(jit, "ir_const(b, (uint64_t)(ones(") != NULL);
    cr_assert(strstr(jit, "ir_call(b, (void *)ones") == NULL);
    free(add);
    free(jit);
}

Test(views, disassembler_names_registers_by_view)
{
    struct arch_spec *spec = load("views.isa");
    cr_assert(check_spec(spec));
    char *dis = emitted(spec, emit_disassembler);
    /* {rd} of add_sp names XSP's registers, {rn:X} X's, ror_w's operands W's */
    cr_assert(strstr(dis, "views_view_XSP_names, 32") != NULL);
    cr_assert(strstr(dis, "views_view_X_names, 32") != NULL);
    cr_assert(strstr(dis, "views_view_W_names, 32") != NULL);
    char *glue = emitted(spec, emit_arch_glue);
    cr_assert(strstr(glue, "\"sp\"};") != NULL);
    free(dis);
    free(glue);
}

Test(views, family_parameter_heads_take_the_members_types)
{
    struct arch_spec *spec = load("views.isa");
    cr_assert(check_spec(spec));
    cr_assert_eq(insn_named(spec, "neg_w")->locals_fn[0]->result.width, 32);
    cr_assert_eq(insn_named(spec, "neg_w")->locals_fn[0]->params[0].type.width, 32);
    cr_assert_eq(insn_named(spec, "not_x")->locals_fn[0]->result.width, 64);
}

Test(views, jit_decides_a_constant_family_parameter_at_translation_time)
{
    struct arch_spec *spec = load("views.isa");
    cr_assert(check_spec(spec));
    char *jit = emitted(spec, emit_jit);
    char *neg = function_text(jit, "/* neg_w */\n{\n    (void)rec;\n    (void)b;");
    /* invert() is false for neg_w: a C ?: picks the arm, no IR branch on it */
    cr_assert(strstr(neg, "ir_brcond") == NULL, "%s", neg);
    cr_assert(strstr(neg, "(bool)(false)") != NULL, "%s", neg);
    free(neg);
    free(jit);
}

Test(views, fixed_length_decodes_one_size)
{
    struct arch_spec *spec = load_text("arch t elf_machine=1 elf_class=64\nlength 32\n"
                                       "regfile R : u64[4]\nfield rd = [1:0]\nformat F = rd\n"
                                       "insn x : F  000000000000000000000000000001 ..  \"x\"\n{ R[rd] = 1; }\n");
    cr_assert_eq(spec_error_count, 0, "%s", last_error);
    cr_assert_eq(spec->long_bits, 32);
    cr_assert_eq(spec->short_bits, 32);
    cr_assert_str_eq(match_insn(spec, 0x6, 32)->name, "x");
    char *decoder = NULL, *header = NULL;
    size_t n1 = 0, n2 = 0;
    FILE *out = open_memstream(&decoder, &n1), *h = open_memstream(&header, &n2);
    cr_assert(emit_decoder(spec, h, out));
    fclose(out);
    fclose(h);
    /* one decode function, not two of the same name */
    const char *first = strstr(decoder, "static int decode_32(");
    cr_assert_not_null(first);
    cr_assert_null(strstr(first + 1, "static int decode_32("));
    free(decoder);
    free(header);
}

/* --- assembly syntax (asm.isa) --- */

/* One instruction's case in the generated disassembler: from its comment
 * to the next case. */
static char *case_text(const char *all, const char *marker)
{
    const char *start = strstr(all, marker);
    cr_assert_not_null(start, "no %s in the disassembler", marker);
    const char *end = strstr(start, "\n    case ");
    if (!end)
        end = strstr(start, "\n    default:");
    return strndup(start, end ? (size_t)(end - start) : strlen(start));
}

static char *asm_disassembler(void)
{
    struct arch_spec *spec = load("asm.isa");
    cr_assert_eq(spec_error_count, 0, "%s", last_error);
    cr_assert(check_spec(spec), "%s", last_error);
    return emitted(spec, emit_disassembler);
}

Test(assembly, names_table_prints_a_computed_value_by_name)
{
    char *dis = asm_disassembler();
    cr_assert(strstr(dis, "asm_names_cond[16] = {\"eq\", \"ne\", \"cs\"") != NULL, "%s", dis);
    char *cset = case_text(dis, "/* csetx,");
    /* {cond ^ 1:cond}: the inverted condition, looked up in the table */
    cr_assert(strstr(cset, "dis_name(p, end, asm_names_cond, 16, (uint64_t)((uint64_t)((uint64_t)(f_cond) ^ (uint64_t)(UINT64_C(0x1)))))") != NULL,
              "%s", cset);
    free(cset);
    free(dis);
}

Test(assembly, conditional_text_and_computed_hex)
{
    char *dis = asm_disassembler();
    char *add = case_text(dis, "/* add, ");
    /* {?sh:, lsl #12}: printed only when sh is set, so a zero shift is left out */
    cr_assert(strstr(add, "if (f_sh) {\n                p = dis_puts(p, end, \", lsl #12\");") != NULL, "%s", add);
    cr_assert(strstr(add, "dis_hex_signed(p, end, 0, (uint64_t)(f_imm12))") != NULL, "%s", add);
    char *movw = case_text(dis, "/* movw,");
    cr_assert(strstr(movw, "dis_hex_signed(p, end, 0, (uint64_t)((uint64_t)((uint64_t)(f_cond) << ((UINT64_C(0xc)) & 63))))") != NULL, "%s", movw);
    /* {?sf:x:w} has an else part; {cond>>2:x} is the field's bits above 2 */
    cr_assert(strstr(movw, "} else {\n            p = dis_puts(p, end, \"w\");") != NULL, "%s", movw);
    cr_assert(strstr(movw, "(uint64_t)(f_cond) >> 2) & 0x3u") != NULL, "%s", movw);
    free(add);
    free(movw);
    free(dis);
}

Test(assembly, field_outside_the_format_is_read_from_the_bits)
{
    char *dis = asm_disassembler();
    char *movw = case_text(dis, "/* movw,");
    cr_assert(strstr(movw, "uint64_t f_sf = (uint64_t)(((uint64_t)((bits >> 31) & 0x1u) << 0));") != NULL, "%s", movw);
    free(movw);
    free(dis);
}

Test(assembly, alias_is_tried_first_and_only_for_its_member)
{
    char *dis = asm_disassembler();
    char *add = case_text(dis, "/* add, ");
    const char *alias = strstr(add, "\"mov \"");
    const char *own = strstr(add, "\"add\"");
    cr_assert(alias && own && alias < own, "%s", add);
    cr_assert(strstr(add, "if ((((uint64_t)(f_imm12) == (uint64_t)(UINT64_C(0x0)))") != NULL, "%s", add);
    /* subx is in the family but the alias is add's; {name:renamed} maps its mnemonic */
    char *sub = case_text(dis, "/* subx,");
    cr_assert(strstr(sub, "\"mov \"") == NULL, "%s", sub);
    cr_assert(strstr(sub, "dis_puts(p, end, \"sub\")") != NULL, "%s", sub);
    free(add);
    free(sub);
    free(dis);
}

Test(assembly, alias_star_and_operand_pieces_serve_every_member)
{
    char *dis = asm_disassembler();
    const char *members[] = {"/* and,", "/* tst_like,"};
    for (int i = 0; i < 2; i++) {
        char *text = case_text(dis, members[i]);
        cr_assert(strstr(text, "if (((uint64_t)(f_rd) == (uint64_t)(UINT64_C(0x1f)))) {") != NULL, "%s", text);
        /* the operand piece: rm, then the shift only when it is not LSL #0 */
        cr_assert(strstr(text, "dis_name(p, end, asm_names_shift, 4, (uint64_t)(f_shift))") != NULL, "%s", text);
        cr_assert(strstr(text, "if ((((uint64_t)(f_shift) != (uint64_t)(UINT64_C(0x0))) || ((uint64_t)(f_amount) != (uint64_t)(UINT64_C(0x0))))) {") != NULL, "%s", text);
        free(text);
    }
    free(dis);
}

Test(assembly, debug_registers_have_their_names_and_readers)
{
    struct arch_spec *spec = load("asm.isa");
    cr_assert(check_spec(spec));
    char *glue = emitted(spec, emit_arch_glue);
    cr_assert(strstr(glue, "{\"sp\", offsetof(struct cpu, state.asm.SP)") != NULL, "%s", glue);
    cr_assert(strstr(glue, "static uint64_t asm_read_flags(const struct cpu *cpu)") != NULL, "%s", glue);
    cr_assert(strstr(glue, "cpu->state.asm.N") != NULL);
    cr_assert(strstr(glue, "{\"flags\", 0, 1, true, asm_read_flags},") != NULL, "%s", glue);
    free(glue);
}

#define ASM_SPEC_HEAD                                                                                                  \
    "arch t elf_machine=1 elf_class=64\nlength 32\nregfile R : u64[4]\nstate S : u64\n"                               \
    "field rd = [1:0]\nfield rn = [3:2]\nformat F = rd\nformat G = rd rn\n"

Test(assembly, errors_name_the_place)
{
    load_text(ASM_SPEC_HEAD "insn x : F  000000000000000000000000000000 ..  \"x {S}\"\n{ R[rd] = 1; }\n");
    cr_assert(strstr(last_error, "reads machine state") != NULL, "%s", last_error);
    cr_assert_eq(last_error_line, 9);
    load_text(ASM_SPEC_HEAD "insn x : F  000000000000000000000000000000 ..  \"x {rd:nosuch}\"\n{ R[rd] = 1; }\n");
    cr_assert(strstr(last_error, "'nosuch' is not a format") != NULL, "%s", last_error);
    load_text(ASM_SPEC_HEAD "family f : F  \"{name}\"\n    alias nosuch \"y\" where rd == 0\n{ R[rd] = 1; }\n"
                            "    x  000000000000000000000000000000 ..\nend\n");
    cr_assert(strstr(last_error, "has no member nosuch") != NULL, "%s", last_error);
    load_text(ASM_SPEC_HEAD "insn x : F  000000000000000000000000000000 ..  \"x {?rd:a\"\n{ R[rd] = 1; }\n");
    cr_assert(strstr(last_error, "unclosed '{?'") != NULL, "%s", last_error);
}

Test(assembly, expansion_target_reads_only_its_format)
{
    /* x's record comes from y's 16-bit encoding, so x's own bits are not there */
    load_text("arch t elf_machine=1 elf_class=64\nlength 32 when [1:0] == 0b11 else 16\nregfile R : u64[4]\n"
              "field rd = [3:2]\nfield hi = [31]\nformat F = rd\n"
              "insn x : F  0000000000000000000000000000 .. 11  \"x {hi}\"\n{ R[rd] = 1; }\n"
              "expand y : F  000000000000 .. 00  => x rd=rd\n");
    cr_assert(strstr(last_error, "an expansion decodes into x") != NULL, "%s", last_error);
}
