/* The riscv64 Linux syscall ABI: number in a7, arguments in a0..a5, result
 * in a0; at entry only pc and sp are set (the psABI's process start). */
#include <stdio.h>
#include <string.h>

#include "cpu.h"
#include "fp-helpers.h"
#include "linux-user.h"
#include "riscv64-signal-frame.h"

enum { REG_SP = 2, REG_TP = 4, REG_A0 = 10, REG_A7 = 17 };

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

static uint64_t riscv64_stack_pointer(const struct cpu *cpu) { return cpu->state.riscv64.X[REG_SP]; }

static void riscv64_clone_child(struct cpu *child, uint64_t stack, bool set_tls, uint64_t tls)
{
    child->state.riscv64.X[REG_A0] = 0;
    if (stack)
        child->state.riscv64.X[REG_SP] = stack;
    if (set_tls)
        child->state.riscv64.X[REG_TP] = tls;
    /* runs on the child's host thread, which must keep the FP contract too */
    fp_host_flags_clear();
}

/* /proc/cpuinfo of Linux's arch/riscv/kernel/cpu.c for the harts emu
 * offers: RV64GC with the Zicsr and Zifencei it implements, Sv39. */
static void riscv64_write_cpuinfo(FILE *out, unsigned processor_count)
{
    for (unsigned i = 0; i < processor_count; i++)
        fprintf(out, "processor\t: %u\nhart\t\t: %u\nisa\t\t: rv64imafdc_zicsr_zifencei\nmmu\t\t: sv39\n\n", i, i);
}

/* riscv_hwprobe keys (Documentation/arch/riscv/hwprobe.rst) for what emu
 * implements: RV64IMA with F, D and C; no vendor, no known performance. */
enum {
    HWPROBE_KEY_MVENDORID = 0,
    HWPROBE_KEY_MARCHID = 1,
    HWPROBE_KEY_MIMPID = 2,
    HWPROBE_KEY_BASE_BEHAVIOR = 3,
    HWPROBE_KEY_IMA_EXT_0 = 4,
    HWPROBE_KEY_CPUPERF_0 = 5,
};
#define HWPROBE_BASE_BEHAVIOR_IMA 1
#define HWPROBE_IMA_FD (1 << 0)
#define HWPROBE_IMA_C (1 << 1)
#define HWPROBE_MISALIGNED_UNKNOWN 0

static bool riscv64_hwprobe(int64_t key, uint64_t *value)
{
    switch (key) {
    case HWPROBE_KEY_MVENDORID:
    case HWPROBE_KEY_MARCHID:
    case HWPROBE_KEY_MIMPID: *value = 0; return true;
    case HWPROBE_KEY_BASE_BEHAVIOR: *value = HWPROBE_BASE_BEHAVIOR_IMA; return true;
    case HWPROBE_KEY_IMA_EXT_0: *value = HWPROBE_IMA_FD | HWPROBE_IMA_C; return true;
    case HWPROBE_KEY_CPUPERF_0: *value = HWPROBE_MISALIGNED_UNKNOWN; return true;
    default: return false;
    }
}

/* li a7, 139 (rt_sigreturn); ecall: what the kernel's vDSO __vdso_rt_sigreturn holds. */
static const uint8_t riscv64_sigreturn_code[] = {0x93, 0x08, 0xb0, 0x08, 0x73, 0x00, 0x00, 0x00};

const struct linux_user_abi riscv64_linux_user_abi = {
    .hwcap = HWCAP_LETTER('I') | HWCAP_LETTER('M') | HWCAP_LETTER('A') | HWCAP_LETTER('F') | HWCAP_LETTER('D') |
             HWCAP_LETTER('C'),
    .platform = NULL, /* Linux's riscv has no ELF_PLATFORM: no AT_PLATFORM */
    .start = riscv64_start,
    .syscall_number = riscv64_syscall_number,
    .syscall_arg = riscv64_syscall_arg,
    .set_syscall_result = riscv64_set_syscall_result,
    .stack_pointer = riscv64_stack_pointer,
    .setup_signal_frame = riscv64_setup_signal_frame,
    .restore_signal_frame = riscv64_restore_signal_frame,
    .sigreturn_code = riscv64_sigreturn_code,
    .sigreturn_code_size = sizeof riscv64_sigreturn_code,
    .clone_child = riscv64_clone_child,
    .write_cpuinfo = riscv64_write_cpuinfo,
    .hwprobe = riscv64_hwprobe,
};
