/* The C outputs of isagen, all walking the same checked tree. */
#ifndef ISAGEN_EMIT_H
#define ISAGEN_EMIT_H

#include <stdio.h>

#include "ast.h"

/* Where an expression is emitted: in a tier-0 handler, fields are read from
 * the decoded record; in the decoder, from locals named f_<field>. */
enum emit_context { CTX_HANDLER, CTX_DECODER };

struct emitter {
    FILE *out;
    const struct arch_spec *spec;
    const struct insn *insn; /* binds family parameters */
    enum emit_context context;
};

void emit_expr(struct emitter *em, const struct expr *e);
void emit_stmt(struct emitter *em, const struct stmt *s, int indent);
/* The C expression reading field f of the decoded record. */
void emit_field_read(struct emitter *em, const struct field *f);
void emit_field_extract(FILE *out, const struct field *f, const char *bits);

bool emit_state_header(const struct arch_spec *spec, FILE *out);
bool emit_decoder(const struct arch_spec *spec, FILE *header, FILE *out);
bool emit_handlers(const struct arch_spec *spec, FILE *out);
bool emit_disassembler(const struct arch_spec *spec, FILE *out);
bool emit_arch_glue(const struct arch_spec *spec, FILE *out);
void emit_helper_prototypes(const struct arch_spec *spec, FILE *out);

int handler_count(const struct arch_spec *spec);
/* One instruction's tier-0 style C body (macros decide what the control
 * statements mean in each use). */
void emit_insn_body(const struct arch_spec *spec, const struct insn *in, FILE *out);
bool emit_jit(const struct arch_spec *spec, FILE *out);
bool is_decode_constant(const struct insn *in, const struct expr *e);

#endif
