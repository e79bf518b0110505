/* tierdiff for aarch64: A64 from the generated decoder; brk #0 stops a
 * run; the stack pointer points into the data, 16-byte aligned; NZCV and
 * the SIMD&FP registers are random; FPCR rounds to nearest (its other
 * modes are covered by the instructions that set it). */
#include <string.h>

#include "aarch64-decode.h"
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
}

const struct tierdiff_arch tierdiff_aarch64 = {
    .name = "aarch64",
    .decode = aarch64_decode,
    .meta = aarch64_insn_meta,
    .insn_count = aarch64_HANDLER_COUNT,
    .stop = 0xd4200000, /* brk #0 */
    .random_state = random_state,
};
