/* Guest accesses at a register plus a constant: the constant moves into the
 * access as its displacement (IR_LOAD and IR_STORE address a + imm), as an
 * x86 address takes one.  The addition then goes when nothing else reads
 * it, and code generation checks the base register once for all the
 * accesses through it (codegen.c, guest-memory.h's guards).  Runs before
 * dead-code elimination. */
#include "optimize.h"

#include <stdlib.h>

static bool fits_displacement(uint64_t value) { return (int64_t)value >= INT32_MIN && (int64_t)value <= INT32_MAX; }

void ir_fold_displacements(struct ir_block *b)
{
    uint32_t *defs = calloc(b->temps + 1, sizeof *defs), *def_at = calloc(b->temps + 1, sizeof *def_at);
    if (!defs || !def_at)
        abort();
    for (uint32_t i = 0; i < b->count; i++) {
        ir_temp written = ir_written_temp(&b->insns[i]);
        if (written != UINT32_MAX) {
            defs[written]++;
            def_at[written] = i;
        }
    }
    for (uint32_t i = 0; i < b->count; i++) {
        struct ir_insn *in = &b->insns[i];
        if (in->op != IR_LOAD && in->op != IR_STORE)
            continue;
        /* through a chain of additions: x + c1, then + c2 ... */
        for (int hops = 0; hops < 4 && defs[in->a] == 1; hops++) {
            uint32_t at = def_at[in->a];
            const struct ir_insn *add = &b->insns[at];
            if (add->op != IR_ADD)
                break;
            ir_temp base = add->a, k = add->b;
            if (!(defs[k] == 1 && b->insns[def_at[k]].op == IR_CONST)) {
                base = add->b;
                k = add->a;
            }
            if (!(defs[k] == 1 && b->insns[def_at[k]].op == IR_CONST))
                break;
            uint64_t displacement = in->imm + b->insns[def_at[k]].imm;
            if (!fits_displacement(displacement) || (defs[base] != 1 && ir_writes_between(b, base, at + 1, i)))
                break;
            in->a = base;
            in->imm = displacement;
        }
    }
    free(defs);
    free(def_at);
}
