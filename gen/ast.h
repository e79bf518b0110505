/* The typed tree isagen builds from an arch's .isa files: declarations
 * (register files, fields, formats, helpers, instructions) and the semantic
 * statements and expressions every output is generated from. */
#ifndef ISAGEN_AST_H
#define ISAGEN_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct srcpos {
    const char *file;
    int line;
};

/* Value types of the semantic language. */
enum type_kind { T_VOID, T_BOOL, T_INT };
struct type {
    enum type_kind kind;
    int width; /* 8..128 for T_INT */
    bool is_signed;
};

enum expr_kind {
    E_NUMBER,   /* literal */
    E_FIELD,    /* decoded instruction field */
    E_LOCAL,    /* local temporary or inlined parameter */
    E_STATE,    /* single state register (fflags) */
    E_REGREAD,  /* regfile[index] */
    E_PC,       /* address of this instruction */
    E_NEXT_PC,  /* address of the next sequential instruction */
    E_UNARY,
    E_BINARY,
    E_TERNARY,
    E_CAST,
    E_LOAD,     /* load.<type>(addr) */
    E_ATOMIC,   /* atomic_<op>.<type>(addr, value[, value]) */
    E_HELPER,   /* call of a C helper */
    E_INLINE,   /* call of a def or family parameter, inlined */
};

struct expr {
    enum expr_kind kind;
    struct srcpos pos;
    struct type type;
    int op;           /* operator token for unary/binary; atomic op index */
    uint64_t number;  /* E_NUMBER */
    const char *name; /* identifier as written */
    void *ref;        /* resolved declaration (field, local, state, regfile, helper, function) */
    struct expr *args[3];
    int nargs;
    struct expr **call_args; /* E_HELPER / E_INLINE */
    int ncall_args;
    struct type mem_type; /* E_LOAD/E_ATOMIC/E_CAST: the access or target type */
};

enum stmt_kind {
    S_BLOCK, S_IF, S_LET, S_ASSIGN_LOCAL, S_ASSIGN_STATE, S_ASSIGN_REG,
    S_STORE, S_JUMP, S_RAISE, S_FENCE, S_FLUSH_ICACHE, S_EXPR,
    S_VIEW_WRITE /* view[index] = value: the view's write rule, inlined */
};

struct local {
    const char *name;
    struct type type;
    int id; /* unique in its instruction, for C names */
    /* set while the JIT emitter emits a scope where the local holds a
     * decode-time constant (a C variable there, not an IR temporary) */
    bool decode_constant;
};

struct stmt {
    enum stmt_kind kind;
    struct srcpos pos;
    struct stmt **body; /* S_BLOCK */
    int nbody;
    struct expr *cond;  /* S_IF */
    struct stmt *then_branch, *else_branch;
    struct local *local;  /* S_LET, S_ASSIGN_LOCAL */
    void *target;         /* S_ASSIGN_STATE: struct state_reg; S_ASSIGN_REG: struct regfile; S_RAISE: struct exception_decl; S_VIEW_WRITE: struct view */
    struct expr *index;   /* S_ASSIGN_REG, S_VIEW_WRITE */
    struct expr *value;   /* value, jump target, store value, raise tval */
    struct expr *addr;    /* S_STORE */
    struct type mem_type; /* S_STORE */
};

struct regfile {
    const char *name;
    struct type type;
    int count;
    int zero_reg; /* index that reads zero and ignores writes, or -1 */
    const char **reg_names;
    struct srcpos pos;
};

struct state_reg {
    const char *name;
    struct type type;
    bool debug; /* shown to debuggers and plugins by name */
    struct srcpos pos;
    const char *debug_name; /* debug="sp": the name they see, when not the state's */
};

/* debug cpsr : u32 = ...: a register debuggers and plugins read, computed
 * from state (read-only) */
struct debug_reg {
    const char *name;
    struct type type;
    struct expr *value;
    struct srcpos pos;
};

struct exception_decl {
    const char *name;
    int cause;
    const char *kind; /* EXC_* name from core/cpu.h without the prefix */
    struct srcpos pos;
};

/* A field is a concatenation of bit ranges and constant bits, most
 * significant first, optionally sign-extended from its top bit. */
struct field_part {
    int hi, lo;     /* bit range; for constants lo = -1 */
    int const_bits; /* number of constant bits */
    uint64_t const_value;
};
struct field {
    const char *name;
    bool sign_extend;
    struct field_part parts[12];
    int nparts;
    int width;
    struct srcpos pos;
};

struct format {
    const char *name;
    struct field *fields[12];
    int nfields;
    struct srcpos pos;
};

enum effect { EFF_PURE = 0, EFF_CPU = 1, EFF_RAISES = 2 };
struct param {
    const char *name;
    struct type type;
};
struct helper {
    const char *name;
    struct param params[8];
    int nparams;
    struct type result;
    unsigned effects;
    struct state_reg *reads[4];
    int nreads;
    struct state_reg *writes[4];
    int nwrites;
    struct srcpos pos;
};

struct view;

/* A def (global) or family parameter: a pure expression inlined at each use.
 * A typed def (def name[T, S](...)) is kept as source and parsed again for
 * each use with its type parameters bound (instantiate_typed_def). */
struct function {
    const char *name;
    struct param params[6];
    int nparams;
    struct type result;
    struct expr *body;
    struct local *param_locals[6];
    struct srcpos pos;
    const char *type_params[4];
    int ntype_params;
    const char *source;      /* typed def: the text after its type parameters */
    struct srcpos source_pos;
    const struct view *view; /* set on a view's read rule */
};

/* A register view: a named accessor over register files and state with a
 * read expression (one parameter, the index) and a write rule (the index and
 * `value` bound).  view XSP[n] : u64 read = n == 31 ? SP : R[n] write {...} */
struct view {
    const char *name;
    struct type type;
    struct function *read;
    struct stmt *write;
    struct local *write_index, *write_value;
    const char **reg_names; /* for the disassembler, or NULL */
    int count;
    struct srcpos pos;
};

struct pattern {
    int length; /* bits: 16 or 32 */
    uint32_t mask, value;
};

/* Assembly syntax (parse-asm.c): a template is a list of pieces, parsed
 * per instruction so that its expressions see that member's fields, types
 * and family parameters. */
enum asm_piece_kind {
    ASM_TEXT,    /* literal text */
    ASM_NAME,    /* the mnemonic */
    ASM_OPERAND, /* a value, formatted */
    ASM_COND,    /* {?cond:then:else} */
};
enum asm_format {
    ASM_AUTO,    /* a register name if the semantics index a register with the field, else a number */
    ASM_DEC,     /* decimal, signed by the expression's type */
    ASM_HEX,     /* 0x..., signed by the expression's type */
    ASM_REGS,    /* a register name from a register file or view */
    ASM_NAMES,   /* a name from a names table */
};
/* names cond = eq ne cs ...: a name per value, for {cond:cond}; or, keyed,
 * names unscaled = ldr=ldur ...: a mnemonic per mnemonic, for {name:unscaled} */
struct names_table {
    const char *name;
    const char **names;
    const char **keys; /* keyed tables only */
    int count;
    struct srcpos pos;
};
/* operand NAME = "TEMPLATE": a piece of assembly syntax said once, used as {NAME} */
struct asm_operand {
    const char *name;
    const char *text;
    struct srcpos pos;
};
struct asm_piece {
    enum asm_piece_kind kind;
    struct srcpos pos;
    const char *text;   /* ASM_TEXT; ASM_NAME: the mnemonic */
    struct expr *value; /* ASM_OPERAND: the value; ASM_COND: the condition */
    enum asm_format format;
    const struct regfile *regfile; /* ASM_REGS, or ASM_AUTO resolved */
    const struct view *view;
    const struct names_table *names; /* ASM_NAMES */
    int bits_above;     /* {field>>N}: the field's encoding bits above N; 0 otherwise */
    struct asm_piece *then_part, *else_part; /* ASM_COND */
    struct asm_piece *next;
};
/* A preferred form: printed instead of the instruction's own syntax when
 * its condition holds (alias "mov {rd}, {rm}" where rn == 31). */
struct asm_alias {
    struct asm_piece *text;
    struct expr *when;
    struct srcpos pos;
};

struct insn;
/* A compressed (or other alias) encoding that decodes straight into another
 * instruction's record: target fields are expressions of this one's fields. */
struct expansion_binding {
    struct field *target_field;
    struct expr *value;
};

struct insn {
    const char *name;
    struct srcpos pos;
    struct pattern pattern;
    struct expr *where; /* decode-time constraint over fields, or NULL */
    struct format *format;
    const char *asm_text;
    struct stmt *semantics;
    struct function *locals_fn[6]; /* family parameters bound for this member */
    int nlocals_fn;
    /* expansions */
    struct insn *expands_to;
    const char *expands_to_name;
    struct expansion_binding bindings[8];
    int nbindings;
    int id;        /* index among instructions with handlers */
    int nlocal_ids;
    /* derived metadata */
    bool ends_block, is_branch, is_load, is_store, is_fp, is_syscall, has_cpu_helper, uses_memory;
    /* slot of each format field in the decoded record */
    int field_slot[12];
    bool field_wide[12];
    /* assembly syntax, parsed from asm_text; aliases are tried first, in order */
    struct asm_piece *asm_pieces;
    struct asm_alias asm_aliases[8];
    int nasm_aliases;
};

/* fuse FIRST SECOND: a superinstruction for tier 0 (emit-handlers.c) */
struct fused_pair {
    const char *first, *second;
    struct srcpos pos;
};

struct arch_spec {
    const char *name;
    int elf_machine;
    int elf_class;
    /* length rule: if ((bits & length_mask) == length_value) long else short */
    uint32_t length_mask, length_value;
    int long_bits, short_bits;
    struct regfile *regfiles[8];
    int nregfiles;
    struct state_reg *states[32];
    int nstates;
    struct exception_decl *exceptions[32];
    int nexceptions;
    struct field *fields[128];
    int nfields;
    struct format *formats[64];
    int nformats;
    struct helper *helpers[128];
    int nhelpers;
    struct function *functions[64];
    int nfunctions;
    struct view *views[16];
    int nviews;
    struct insn **insns;
    int ninsns;
    int insn_capacity;
    struct names_table *names_tables[32];
    int nnames_tables;
    struct asm_operand *asm_operands[32];
    int nasm_operands;
    struct debug_reg *debug_regs[8];
    int ndebug_regs;
    struct fused_pair *fused[256];
    int nfused;
};

/* Reports a spec error as file:line: message and remembers that one happened. */
void spec_error(struct srcpos pos, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
extern int spec_error_count;

void *xcalloc(size_t n, size_t size);
char *xstrdup(const char *s);

/* Parses one .isa file into spec (declarations accumulate across files). */
bool parse_spec_file(struct arch_spec *spec, const char *path);
/* Resolves names, computes types and metadata; false after reporting errors. */
bool check_spec(struct arch_spec *spec);

/* Value of field f in instruction bits (what the generated decoder computes). */
int64_t field_value(const struct field *f, uint32_t bits);
/* Overlap and priority: orders spec->insns for decoding, reports overlaps. */
bool check_patterns(struct arch_spec *spec);
/* The instruction the decision rules select for bits, or NULL (for tests). */
const struct insn *match_insn(const struct arch_spec *spec, uint32_t bits, int length);

struct type type_int(int width, bool is_signed);
struct type merge_types(struct type a, struct type b);
const char *c_type_name(struct type t);

#endif
