/* tierdiff for riscv64: RV64GC from the generated decoder; ebreak and
 * c.ebreak stop a run; F registers hold NaN-boxed singles as often as
 * doubles; frm is a valid rounding mode. */
#include <string.h>

#include "fp-helpers.h"
#include "riscv64-decode.h"
#include "tierdiff.h"

static void random_state(union arch_state *state)
{
    struct riscv64_state *regs = &state->riscv64;
    memset(regs, 0, sizeof *regs);
    for (int r = 1; r < 32; r++)
        regs->X[r] = tierdiff_random_register();
    for (int r = 0; r < 32; r++) {
        uint64_t v = tierdiff_random();
        regs->F[r] = tierdiff_random() % 2 ? (v | UINT64_C(0xffffffff00000000)) : v;
    }
    regs->frm = (uint8_t)(tierdiff_random() % 5);
}

/* the flags RNE operations leave pending in MXCSR (fp-helpers.h) */
static void commit(struct cpu *cpu) { fp_host_flags_commit(&cpu->state.riscv64.fflags); }

static void prepare(struct cpu *cpu)
{
    (void)cpu;
    fp_host_flags_clear();
}

const struct tierdiff_arch tierdiff_riscv64 = {
    .name = "riscv64",
    .decode = riscv64_decode,
    .meta = riscv64_insn_meta,
    .insn_count = riscv64_HANDLER_COUNT,
    .stop = 0x00100073,  /* ebreak */
    .stop16 = 0x9002,    /* c.ebreak */
    .random_state = random_state,
    .commit = commit,
    .prepare = prepare,
};
