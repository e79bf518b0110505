/* tierdiff for aarch64: A64 from the generated decoder; brk #0 stops a
 * run; the stack pointer points into the data, 16-byte aligned; NZCV and
 * the SIMD&FP registers are random; FPCR mostly holds Linux's default
 * (round to nearest), otherwise random rounding, FZ and DN.  FPSR is
 * compared after the flags the FP helpers leave pending are taken in. */
#include <string.h>

#include "aarch64-decode.h"
#include "aarch64-fp.h"
#include "tierdiff.h"

static void random_state(union arch_state *state)
{
    struct aarch64_state *regs = &state->aarch64;
    memset(regs, 0, sizeof *regs);
    for (int r = 0; r < 31; r++)
        regs->R[r] = tierdiff_random_register();
    regs->SP = DATA_BASE + (tierdiff_random() % DATA_SIZE & ~(uint64_t)15);
    for (int q = 0; q < 32; q++)
        regs->Q[q] = (unsigned __int128)tierdiff_random() << 64 | tierdiff_random();
    uint64_t flags = tierdiff_random();
    regs->N = flags & 1;
    regs->Z = flags & 2;
    regs->C = flags & 4;
    regs->V = flags & 8;
    regs->tpidr_el0 = tierdiff_random_register();
    if (tierdiff_random() % 4 == 0)
        regs->fpcr = (uint32_t)tierdiff_random() & 0x07c00000; /* DN FZ RMode, AHP */
}

/* the flags FP operations leave pending in MXCSR (aarch64-fp.h) */
static void commit(struct cpu *cpu)
{
    a64_fp_host_flags_commit(&cpu->state.aarch64.fpsr);
}

static void prepare(struct cpu *cpu)
{
    (void)cpu;
    a64_fp_host_flags_clear();
}

const struct tierdiff_arch tierdiff_aarch64 = {
    .name = "aarch64",
    .decode = aarch64_decode,
    .meta = aarch64_insn_meta,
    .insn_count = aarch64_HANDLER_COUNT,
    .stop = 0xd4200000, /* brk #0 */
    .random_state = random_state,
    .commit = commit,
    .prepare = prepare,
};
