/* The riscv64 Linux syscall ABI: number in a7, arguments in a0..a5, result
 * in a0; at entry only pc and sp are set (the psABI's process start). */
#include <string.h>

#include "cpu.h"
#include "fp-helpers.h"
#include "linux-user.h"

enum { REG_SP = 2, REG_A0 = 10, REG_A7 = 17 };

/* AT_HWCAP: one bit per single-letter extension, bit = letter - 'A'. */
#define HWCAP_LETTER(letter) (UINT64_C(1) << ((letter) - 'A'))

static void riscv64_start(struct cpu *cpu, uint64_t entry, uint64_t sp)
{
    memset(cpu->state.riscv64.X, 0, sizeof cpu->state.riscv64.X);
    memset(cpu->state.riscv64.F, 0, sizeof cpu->state.riscv64.F);
    cpu->state.riscv64.X[REG_SP] = sp;
    cpu->pc = entry;
    /* fflags start clear, so the host's FP flags must too (fp-helpers.h) */
    fp_host_flags_clear();
}

static uint64_t riscv64_syscall_number(const struct cpu *cpu) { return cpu->state.riscv64.X[REG_A7]; }

static uint64_t riscv64_syscall_arg(const struct cpu *cpu, int index)
{
    return cpu->state.riscv64.X[REG_A0 + index];
}

static void riscv64_set_syscall_result(struct cpu *cpu, uint64_t value) { cpu->state.riscv64.X[REG_A0] = value; }

const struct linux_user_abi riscv64_linux_user_abi = {
    .hwcap = HWCAP_LETTER('I') | HWCAP_LETTER('M') | HWCAP_LETTER('A') | HWCAP_LETTER('F') | HWCAP_LETTER('D') |
             HWCAP_LETTER('C'),
    .platform = "riscv64",
    .start = riscv64_start,
    .syscall_number = riscv64_syscall_number,
    .syscall_arg = riscv64_syscall_arg,
    .set_syscall_result = riscv64_set_syscall_result,
};
