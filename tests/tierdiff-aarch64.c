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

/* the loop counter: x28 */
enum { COUNTER = 28 };

static unsigned emit32(uint8_t *code, uint32_t bits)
{
    memcpy(code, &bits, 4);
    return 4;
}

static unsigned loop_start(uint8_t *code, unsigned iterations)
{
    return emit32(code, 0xd2800000u | iterations << 5 | COUNTER); /* movz x28, #n */
}

static unsigned loop_end(uint8_t *code, int32_t offset_to_head)
{
    unsigned at = emit32(code, 0xd1000400u | COUNTER << 5 | COUNTER); /* sub x28, x28, #1 */
    uint32_t words = (uint32_t)((offset_to_head - (int32_t)at) / 4) & 0x7ffff;
    return at + emit32(code + at, 0xb5000000u | words << 5 | COUNTER); /* cbnz x28, head */
}

/* Rd/Rt (4:0), a written-back base (9:5), Rt2 (14:10): stricter than need
 * be, which is fine */
static bool writes_counter(uint32_t bits, unsigned length)
{
    (void)length;
    return (bits & 31) == COUNTER || (bits >> 5 & 31) == COUNTER || (bits >> 10 & 31) == COUNTER;
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
    .loop_start = loop_start,
    .loop_end = loop_end,
    .writes_counter = writes_counter,
};
