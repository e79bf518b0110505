/* Algebraic simplification of tier 2's IR, after constant folding: what
 * the spec writes generally and a given instruction makes trivial.
 *  - identities: x + 0, x * 1, x & ~0, x << 0 ... become copies; x * 0 and
 *    x & 0 become 0 (a multiply-add whose addend is the zero register);
 *  - extensions of values already in that form (a byte load zero-extended
 *    again, a compare result extended, the xor of two sign-extended words)
 *    become copies, and an extension of
 *    w bits drops extensions of the operands of the arithmetic it extends
 *    (w-bit arithmetic in a 64-bit register extends after each step), and so does a
 *    mask of at most w bits;
 *  - (x + c1) + c2 becomes x + (c1 + c2), and (x + ~y) + 1 becomes x - y
 *    (a flag-setting subtraction written as an add of the complement and
 *    a carry);
 *  - (a cond1 b) | (a cond2 b) becomes one compare (the carry of a
 *    subtraction arrives as "r == a & carry | r < a");
 *  - (x >> c) | (x << (64 - c)) becomes a rotate;
 *  - ~(x ^ c) becomes x ^ ~c (the overflow of a subtraction of a constant).
 * Facts about a temporary hold from its assignment to its next one or to
 * the next label (a join: knowledge is dropped there, as folding does). */
#include "optimize.h"

#include <stdlib.h>

/* What is known of a temporary's current value. */
struct temp_facts {
    bool is_constant;
    uint64_t constant;
    uint8_t zero_bits; /* the value is zero-extended from this many bits (64: unknown) */
    uint8_t sign_bits; /* the value is sign-extended from this many bits (64: unknown) */
    uint32_t def;      /* the instruction that assigned it, when assigned once (else UINT32_MAX) */
};

/* What computed t's value, through copies (to match patterns only: an
 * instruction found this way may have other users, so it is not changed). */
static const struct ir_insn *origin(const struct ir_block *b, const struct temp_facts *facts, ir_temp t)
{
    for (int hops = 0; hops < 8 && facts[t].def != UINT32_MAX; hops++) {
        const struct ir_insn *in = &b->insns[facts[t].def];
        if (in->op != IR_MOV)
            return in;
        t = in->a;
    }
    return NULL;
}

/* The operation that assigned t once, if it is op (itself, not through
 * copies: it may be changed). */
static struct ir_insn *assigned_by(struct ir_block *b, const struct temp_facts *facts, ir_temp t, enum ir_op op)
{
    if (facts[t].def == UINT32_MAX || b->insns[facts[t].def].op != op)
        return NULL;
    return &b->insns[facts[t].def];
}

static uint8_t significant_bits(uint64_t value)
{
    uint8_t bits = 0;
    while (bits < 64 && (value >> bits) != 0)
        bits++;
    return bits;
}

static uint8_t signed_bits(uint64_t value)
{
    /* the fewest bits whose sign extension gives value */
    for (uint8_t bits = 1; bits < 64; bits++) {
        uint64_t high = (uint64_t)((int64_t)value >> (bits - 1));
        if (high == 0 || high == UINT64_MAX)
            return bits;
    }
    return 64;
}

static void set_constant(struct temp_facts *f, uint64_t value)
{
    f->is_constant = true;
    f->constant = value;
    f->zero_bits = significant_bits(value);
    f->sign_bits = signed_bits(value);
}

static bool is_constant(const struct temp_facts *facts, ir_temp t, uint64_t value)
{
    return facts[t].is_constant && facts[t].constant == value;
}

static void become_copy(struct ir_insn *in, ir_temp source)
{
    in->op = IR_MOV;
    in->a = source;
}

static void become_constant(struct ir_insn *in, uint64_t value)
{
    in->op = IR_CONST;
    in->imm = value;
}

/* Conditions as sets of outcomes {less, equal, greater}, signed or not. */
enum { LESS = 1, EQUAL = 2, GREATER = 4 };
static const uint8_t outcomes[] = {
    [IR_EQ] = EQUAL, [IR_NE] = LESS | GREATER, [IR_LT] = LESS, [IR_LTU] = LESS, [IR_LE] = LESS | EQUAL,
    [IR_LEU] = LESS | EQUAL, [IR_GT] = GREATER, [IR_GTU] = GREATER, [IR_GE] = GREATER | EQUAL,
    [IR_GEU] = GREATER | EQUAL,
};

static int signedness(enum ir_cond cond) /* 0 either, 1 signed, 2 unsigned */
{
    switch (cond) {
    case IR_EQ: case IR_NE: return 0;
    case IR_LT: case IR_LE: case IR_GT: case IR_GE: return 1;
    default: return 2;
    }
}

/* The condition true when either is, if there is one. */
static bool union_of(enum ir_cond x, enum ir_cond y, enum ir_cond *result)
{
    int sx = signedness(x), sy = signedness(y);
    if (sx && sy && sx != sy)
        return false;
    int sign = sx ? sx : sy;
    uint8_t set = outcomes[x] | outcomes[y];
    for (enum ir_cond c = IR_EQ; c <= IR_GEU; c++)
        if (outcomes[c] == set && (signedness(c) == 0 || signedness(c) == sign)) {
            *result = c;
            return true;
        }
    return false;
}

static enum ir_cond swapped(enum ir_cond cond)
{
    static const enum ir_cond mirror[] = {
        [IR_EQ] = IR_EQ, [IR_NE] = IR_NE, [IR_LT] = IR_GT, [IR_LTU] = IR_GTU, [IR_LE] = IR_GE,
        [IR_LEU] = IR_GEU, [IR_GT] = IR_LT, [IR_GTU] = IR_LTU, [IR_GE] = IR_LE, [IR_GEU] = IR_LEU,
    };
    return mirror[cond];
}

/* The compare that assigned t, when t was assigned once by one. */
static const struct ir_insn *compare_of(const struct ir_block *b, const struct temp_facts *facts, ir_temp t)
{
    const struct ir_insn *in = origin(b, facts, t);
    return in && in->op == IR_SETCC ? in : NULL;
}

/* (a c1 b) | (a c2 b), either compare possibly written (b c a): one compare. */
static bool merge_compares(struct ir_insn *in, const struct ir_block *b, const struct temp_facts *facts,
                           const uint32_t *defs)
{
    const struct ir_insn *x = compare_of(b, facts, in->a), *y = compare_of(b, facts, in->b);
    if (!x || !y || defs[x->a] != 1 || defs[x->b] != 1)
        return false;
    enum ir_cond cy = (enum ir_cond)y->imm;
    if (y->a == x->b && y->b == x->a)
        cy = swapped(cy);
    else if (!(y->a == x->a && y->b == x->b))
        return false;
    enum ir_cond merged;
    if (!union_of((enum ir_cond)x->imm, cy, &merged))
        return false;
    in->op = IR_SETCC;
    in->imm = merged;
    in->a = x->a;
    in->b = x->b;
    return true;
}

/* x + c2 where x = y + c1: y + (c1 + c2), the sum written into c2's own
 * constant, which must be assigned once and used only here. */
static bool reassociate_add(struct ir_insn *in, struct ir_block *b, struct temp_facts *facts, const uint32_t *defs,
                            const uint32_t *uses)
{
    const struct ir_insn *inner = origin(b, facts, in->a);
    if (!facts[in->b].is_constant || !inner)
        return false;
    if (inner->op == IR_ADD && facts[in->b].constant == 1) {
        /* (x + ~y) + 1 = x - y */
        for (int side = 0; side < 2; side++) {
            ir_temp x = side ? inner->b : inner->a, not_y = side ? inner->a : inner->b;
            const struct ir_insn *complement = origin(b, facts, not_y);
            if (!complement || complement->op != IR_NOT || defs[x] != 1 || defs[complement->a] != 1)
                continue;
            in->op = IR_SUB;
            in->a = x;
            in->b = complement->a;
            return true;
        }
    }
    if (inner->op != IR_ADD || !facts[inner->b].is_constant || defs[inner->a] != 1 || defs[inner->b] != 1 ||
        defs[in->b] != 1 || uses[in->b] != 1 || !assigned_by(b, facts, in->b, IR_CONST))
        return false;
    uint64_t sum = facts[inner->b].constant + facts[in->b].constant;
    struct ir_insn *constant = &b->insns[facts[in->b].def];
    constant->imm = sum;
    set_constant(&facts[in->b], sum);
    in->a = inner->a;
    return true;
}

/* (x >> c) | (x << (64 - c)), either way round, shifts by constants: x
 * rotated right by c. */
static bool merge_rotate(struct ir_insn *in, struct ir_block *b, const struct temp_facts *facts,
                         const uint32_t *defs)
{
    for (int side = 0; side < 2; side++) {
        const struct ir_insn *right = origin(b, facts, side ? in->b : in->a);
        const struct ir_insn *left = origin(b, facts, side ? in->a : in->b);
        if (!right || !left || right->op != IR_SHR || left->op != IR_SHL)
            continue;
        if (right->a != left->a || defs[right->a] != 1 || right->imm != 63 || left->imm != 63 ||
            !facts[right->b].is_constant || !facts[left->b].is_constant || defs[right->b] != 1)
            continue;
        uint64_t r = facts[right->b].constant & 63, l = facts[left->b].constant & 63;
        if (r == 0 || r + l != 64)
            continue;
        in->op = IR_ROR;
        in->a = right->a;
        in->b = right->b;
        in->imm = 63;
        return true;
    }
    return false;
}

/* ~(x ^ c), where x ^ c and c are used nowhere else: x ^ ~c. */
static bool fold_not_of_xor(struct ir_insn *in, struct ir_block *b, struct temp_facts *facts,
                            const uint32_t *defs, const uint32_t *uses)
{
    struct ir_insn *inner = assigned_by(b, facts, in->a, IR_XOR);
    if (!inner || uses[in->a] != 1 || defs[in->a] != 1)
        return false;
    ir_temp c = facts[inner->b].is_constant ? inner->b : inner->a;
    if (!facts[c].is_constant || defs[c] != 1 || uses[c] != 1 || !assigned_by(b, facts, c, IR_CONST))
        return false;
    uint64_t flipped = ~facts[c].constant;
    b->insns[facts[c].def].imm = flipped;
    set_constant(&facts[c], flipped);
    facts[in->a].is_constant = false;
    become_copy(in, in->a);
    return true;
}

/* ext_w(x op ext_w'(y)), w <= w', with op's low w bits depending only on
 * its operands' low w bits, and x op ... used only here: the inner
 * extension goes (its operand is used instead). */
static void drop_inner_extensions(const struct ir_insn *in, struct ir_block *b, const struct temp_facts *facts,
                                  const uint32_t *defs, const uint32_t *uses)
{
    if (facts[in->a].def == UINT32_MAX || uses[in->a] != 1)
        return;
    struct ir_insn *op = &b->insns[facts[in->a].def];
    switch (op->op) {
    case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
        break;
    default:
        return;
    }
    ir_temp *operands[2] = {&op->a, &op->b};
    for (int k = 0; k < 2; k++) {
        ir_temp t = *operands[k];
        const struct ir_insn *ext = origin(b, facts, t);
        if (ext && ext->op == IR_EXT && ext->width >= in->width && defs[ext->a] == 1)
            *operands[k] = ext->a;
    }
}

static void count_defs_and_uses(struct ir_block *b, uint32_t *defs, uint32_t *uses)
{
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        ir_temp written = ir_written_temp(in);
        if (written != UINT32_MAX && written < b->temps)
            defs[written]++;
        ir_temp *read[6];
        for (int k = ir_operands(in, read); k-- > 0;)
            uses[*read[k]]++;
    }
}

static void simplify_one(struct ir_insn *in, struct ir_block *b, struct temp_facts *facts, const uint32_t *defs,
                         const uint32_t *uses)
{
    switch (in->op) {
    case IR_ADD:
        if (is_constant(facts, in->a, 0))
            become_copy(in, in->b);
        else if (is_constant(facts, in->b, 0))
            become_copy(in, in->a);
        else
            reassociate_add(in, b, facts, defs, uses);
        break;
    case IR_OR:
    case IR_XOR:
        if (is_constant(facts, in->a, 0))
            become_copy(in, in->b);
        else if (is_constant(facts, in->b, 0))
            become_copy(in, in->a);
        else if (in->op == IR_OR && !merge_compares(in, b, facts, defs))
            merge_rotate(in, b, facts, defs);
        break;
    case IR_NOT:
        fold_not_of_xor(in, b, facts, defs, uses);
        break;
    case IR_SUB:
        if (is_constant(facts, in->b, 0))
            become_copy(in, in->a);
        break;
    case IR_MUL:
        if (is_constant(facts, in->a, 1))
            become_copy(in, in->b);
        else if (is_constant(facts, in->b, 1))
            become_copy(in, in->a);
        else if (is_constant(facts, in->a, 0) || is_constant(facts, in->b, 0))
            become_constant(in, 0);
        break;
    case IR_AND: {
        if (is_constant(facts, in->a, 0) || is_constant(facts, in->b, 0)) {
            become_constant(in, 0);
            break;
        }
        /* x & mask, where x has no bits outside mask: x; ext_w(y) & mask,
         * where mask has no bits above w: y & mask */
        for (int side = 0; side < 2; side++) {
            ir_temp mask = side ? in->a : in->b, x = side ? in->b : in->a;
            if (!facts[mask].is_constant)
                continue;
            uint64_t m = facts[mask].constant;
            uint8_t bits = facts[x].zero_bits;
            if (bits == 64 ? m == UINT64_MAX : (m | ~((UINT64_C(1) << bits) - 1)) == UINT64_MAX) {
                become_copy(in, x);
                break;
            }
            const struct ir_insn *ext = origin(b, facts, x);
            if (ext && ext->op == IR_EXT && significant_bits(m) <= ext->width && defs[ext->a] == 1) {
                if (side)
                    in->b = ext->a;
                else
                    in->a = ext->a;
                break;
            }
        }
        break;
    }
    case IR_SHL:
    case IR_SHR:
    case IR_SAR:
        if (facts[in->b].is_constant && (facts[in->b].constant & in->imm) == 0)
            become_copy(in, in->a);
        break;
    case IR_EXT:
        if (in->is_signed ? facts[in->a].sign_bits <= in->width : facts[in->a].zero_bits <= in->width)
            become_copy(in, in->a);
        else
            drop_inner_extensions(in, b, facts, defs, uses);
        break;
    default:
        break;
    }
}

/* The facts an instruction establishes about the temporary it writes. */
static void learn(struct temp_facts *facts, const struct ir_insn *in, uint32_t index, const uint32_t *defs)
{
    ir_temp t = ir_written_temp(in);
    if (t == UINT32_MAX)
        return;
    struct temp_facts *f = &facts[t];
    const struct temp_facts *a = &facts[in->a];
    f->is_constant = false;
    f->zero_bits = f->sign_bits = 64;
    f->def = defs[t] == 1 ? index : UINT32_MAX;
    switch (in->op) {
    case IR_CONST:
        set_constant(f, in->imm);
        break;
    case IR_MOV:
        *f = *a;
        f->def = defs[t] == 1 ? index : UINT32_MAX;
        break;
    case IR_LOAD_CPU:
    case IR_LOAD:
    case IR_EXT:
        if (in->width < 64 && in->is_signed) {
            f->sign_bits = in->width;
        } else if (in->width < 64) {
            f->zero_bits = in->width;
            f->sign_bits = (uint8_t)(in->width + 1);
        }
        break;
    case IR_SETCC:
        f->zero_bits = 1;
        f->sign_bits = 2;
        break;
    case IR_AND: {
        const struct temp_facts *b = &facts[in->b];
        uint8_t bits = a->zero_bits < b->zero_bits ? a->zero_bits : b->zero_bits;
        f->zero_bits = bits;
        /* and of sign-extended values is too (as or and xor are) */
        uint8_t sign = a->sign_bits > b->sign_bits ? a->sign_bits : b->sign_bits;
        f->sign_bits = bits < 64 && bits + 1 < sign ? (uint8_t)(bits + 1) : sign;
        break;
    }
    case IR_OR:
    case IR_XOR: {
        /* bit by bit: the high bits of both operands are all equal (or
         * zero), so the result's are */
        const struct temp_facts *b = &facts[in->b];
        f->zero_bits = a->zero_bits > b->zero_bits ? a->zero_bits : b->zero_bits;
        f->sign_bits = a->sign_bits > b->sign_bits ? a->sign_bits : b->sign_bits;
        break;
    }
    case IR_SHL:
        /* x << c keeps x's form c bits higher: a byte shifted by 16 is
         * still a valid sign-extended word */
        if (facts[in->b].is_constant) {
            uint64_t amount = facts[in->b].constant & in->imm;
            f->zero_bits = a->zero_bits + amount < 64 ? (uint8_t)(a->zero_bits + amount) : 64;
            f->sign_bits = a->sign_bits + amount < 64 ? (uint8_t)(a->sign_bits + amount) : 64;
        }
        break;
    case IR_SHR:
        if (facts[in->b].is_constant) {
            uint64_t amount = facts[in->b].constant & in->imm;
            f->zero_bits = (uint8_t)(64 - amount);
            f->sign_bits = amount ? (uint8_t)(65 - amount) : 64;
        }
        break;
    default:
        break;
    }
}

void ir_simplify(struct ir_block *b)
{
    struct temp_facts *facts = malloc((b->temps + 1) * sizeof *facts);
    uint32_t *defs = calloc(b->temps + 1, sizeof *defs);
    uint32_t *uses = calloc(b->temps + 1, sizeof *uses);
    if (!facts || !defs || !uses)
        abort();
    count_defs_and_uses(b, defs, uses);
    const struct temp_facts unknown = {false, 0, 64, 64, UINT32_MAX};
    for (uint32_t t = 0; t <= b->temps; t++)
        facts[t] = unknown;
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        if (in->op == IR_LABEL) {
            /* a join: values assigned more than once may differ here */
            for (uint32_t t = 0; t <= b->temps; t++)
                if (defs[t] != 1)
                    facts[t] = unknown;
            continue;
        }
        simplify_one(in, b, facts, defs, uses);
        learn(facts, in, i, defs);
    }
    free(facts);
    free(defs);
    free(uses);
}
