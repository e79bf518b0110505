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

/* the loop counter: x31 (t6) */
enum { COUNTER = 31 };

static unsigned emit32(uint8_t *code, uint32_t bits)
{
    memcpy(code, &bits, 4);
    return 4;
}

static unsigned loop_start(uint8_t *code, unsigned iterations)
{
    return emit32(code, iterations << 20 | COUNTER << 7 | 0x13); /* addi t6, zero, n */
}

static unsigned loop_end(uint8_t *code, int32_t offset_to_head)
{
    unsigned at = emit32(code, 0xfffu << 20 | COUNTER << 15 | COUNTER << 7 | 0x13); /* addi t6, t6, -1 */
    uint32_t imm = (uint32_t)(offset_to_head - (int32_t)at);                      /* bne t6, zero, head */
    uint32_t bne = (imm >> 12 & 1) << 31 | (imm >> 5 & 0x3f) << 25 | COUNTER << 15 | 1 << 12 |
                   (imm >> 1 & 0xf) << 8 | (imm >> 11 & 1) << 7 | 0x63;
    return at + emit32(code + at, bne);
}

/* rd is bits 11:7 in every format that has one (rd' of the compressed
 * forms is x8-x15); stores and branches keep immediate bits there, which
 * only makes the filter stricter */
static bool writes_counter(uint32_t bits, unsigned length)
{
    (void)length;
    return (bits >> 7 & 31) == COUNTER;
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
    .loop_start = loop_start,
    .loop_end = loop_end,
    .writes_counter = writes_counter,
};
