/* The user-level CSRs behind Zicsr (Unprivileged ISA chapter 10 and 13.2):
 * fflags, frm, fcsr, and the read-only cycle, time and instret counters.
 * An unknown CSR or a write to a read-only one is an illegal instruction. */
#include <stdint.h>
#include <time.h>

#include "cpu.h"
#include "fp-helpers.h"
#include "riscv64-decode.h"

enum {
    CSR_FFLAGS = 0x001,
    CSR_FRM = 0x002,
    CSR_FCSR = 0x003,
    CSR_CYCLE = 0xc00,
    CSR_TIME = 0xc01,
    CSR_INSTRET = 0xc02,
};

/* time counts at 10 MHz, the timebase of QEMU's and most boards' riscv64 */
static uint64_t time_ticks(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 10000000u + (uint64_t)ts.tv_nsec / 100u;
}

static void illegal(struct cpu *cpu)
{
    cpu->exception.kind = EXC_ILLEGAL_INSN;
    cpu->exception.cause = riscv64_EXCEPTION_illegal_instruction;
    cpu->exception.tval = 0;
}

uint64_t csr_read(struct cpu *cpu, uint64_t csr);
uint64_t csr_read(struct cpu *cpu, uint64_t csr)
{
    struct riscv64_state *s = &cpu->state.riscv64;
    if (csr == CSR_FFLAGS || csr == CSR_FCSR)
        fp_host_flags_commit(&s->fflags); /* the flags RNE operations left pending */
    switch (csr) {
    case CSR_FFLAGS: return s->fflags & 0x1f;
    case CSR_FRM: return s->frm & 7;
    case CSR_FCSR: return (uint64_t)(s->frm & 7) << 5 | (s->fflags & 0x1f);
    /* cycle counts retired instructions: deterministic, and one per cycle
     * is what an in-order hart would report */
    case CSR_CYCLE:
    case CSR_INSTRET: return cpu->synced_icount;
    case CSR_TIME: return time_ticks();
    default: illegal(cpu); return 0;
    }
}

void csr_write(struct cpu *cpu, uint64_t csr, uint64_t value);
void csr_write(struct cpu *cpu, uint64_t csr, uint64_t value)
{
    struct riscv64_state *s = &cpu->state.riscv64;
    switch (csr) {
    case CSR_FFLAGS: s->fflags = value & 0x1f; break;
    case CSR_FRM: s->frm = value & 7; return;
    case CSR_FCSR:
        s->fflags = value & 0x1f;
        s->frm = (value >> 5) & 7;
        break;
    default: illegal(cpu); return;
    }
    /* fflags may have been lowered: the host's sticky flags must follow
     * (the helpers' contract in fp-helpers.h) */
    fp_host_flags_clear();
}
