/* Parser state shared by the declaration and semantics parsers. */
#ifndef ISAGEN_PARSER_H
#define ISAGEN_PARSER_H

#include "ast.h"
#include "lexer.h"

struct scope {
    struct local *locals[64];
    int nlocals;
    /* family parameters visible in a family body: calls are bound per member */
    struct function *family_params[6];
    int nfamily_params;
};

struct parser {
    struct lexer lx;
    struct arch_spec *spec;
    struct scope scope;
    /* family type parameters bound for the member being parsed: T = u32 */
    const char *type_param_names[4];
    struct type type_param_values[4];
    int ntype_params;
    /* family view parameters bound for the member being parsed: G = W */
    const char *view_param_names[4];
    struct view *view_param_values[4];
    int nview_params;
};

/* A type name, or a family type parameter bound for this member. */
bool resolve_type(const struct parser *p, const char *name, struct type *out);

bool parse_type_name(const char *name, struct type *out);
struct expr *parse_expr(struct parser *p);
struct stmt *parse_block(struct parser *p);
struct expr *new_expr(enum expr_kind kind, struct srcpos pos);
struct local *declare_local(struct parser *p, const char *name, struct type type, struct srcpos pos);
struct type merge_types(struct type a, struct type b);
bool expect(struct parser *p, const char *text);
struct field *find_field(const struct arch_spec *spec, const char *name);
struct function *find_function(const struct arch_spec *spec, const char *name);
/* A register view by name: a family's view parameter first, then the spec's. */
struct view *find_view(const struct parser *p, const char *name);
/* A typed def parsed again with its type parameters bound to types. */
struct function *instantiate_typed_def(struct parser *p, const struct function *def, const struct type *types, int ntypes,
                                       struct srcpos use);

/* Assembly syntax (parse-asm.c): names and operand declarations, and an
 * instruction's template parsed with p's names (its family member's) in scope. */
void parse_names_decl(struct parser *p);
void parse_asm_operand_decl(struct parser *p);
struct asm_piece *parse_asm_template(struct parser *p, const struct insn *in, const char *text, struct srcpos pos);

/* Shared by the declaration parsers (parse-decls.c): the next token as an
 * identifier (else an error naming what was expected), a format by name,
 * a function's head "name(params) : type" and its body with the
 * parameters in scope. */
struct token next_ident(struct parser *p, const char *what);
struct format *find_format(const struct arch_spec *spec, const char *name);
struct function *parse_function_head(struct parser *p, struct token name);
void parse_function_body(struct parser *p, struct function *f);

/* Instruction declarations (parse-insns.c): insn, family, expand. */
void parse_insn(struct parser *p);
void parse_family(struct parser *p);
void parse_expand(struct parser *p);

#endif
