/* The aarch64 Linux syscall ABI (arch/arm64): number in x8, arguments in
 * x0..x5, result in x0; at entry only pc and sp are set, x0 is 0 (the
 * kernel's start_thread). */
#include <string.h>

#include "aarch64-fp.h"
#include "aarch64-linux.h"
#include "cpu.h"
#include "linux-user.h"

enum { REG_X0 = 0, REG_X8 = 8 };

/* AT_HWCAP bits (uapi asm/hwcap.h) for what emu implements: scalar FP,
 * AdvSIMD, the crypto extension (AES, PMULL, SHA1, SHA2) and CRC32, the
 * LSE atomics, the ID registers read from EL0 (CPUID) and the RCpc loads
 * (LRCPC: LDAPR; ILRCPC: LDAPUR/STLUR). */
#define HWCAP_FP      (UINT64_C(1) << 0)
#define HWCAP_ASIMD   (UINT64_C(1) << 1)
#define HWCAP_AES     (UINT64_C(1) << 3)
#define HWCAP_PMULL   (UINT64_C(1) << 4)
#define HWCAP_SHA1    (UINT64_C(1) << 5)
#define HWCAP_SHA2    (UINT64_C(1) << 6)
#define HWCAP_CRC32   (UINT64_C(1) << 7)
#define HWCAP_ATOMICS (UINT64_C(1) << 8)
#define HWCAP_CPUID   (UINT64_C(1) << 11)
#define HWCAP_LRCPC   (UINT64_C(1) << 15)
#define HWCAP_ILRCPC  (UINT64_C(1) << 26)

static void aarch64_start(struct cpu *cpu, uint64_t entry, uint64_t sp)
{
    memset(&cpu->state.aarch64, 0, sizeof cpu->state.aarch64);
    cpu->state.aarch64.SP = sp;
    cpu->pc = entry;
    /* FPSR starts clear, so the host's FP flags must too (aarch64-fp.h) */
    a64_fp_host_flags_clear();
}

static uint64_t aarch64_syscall_number(const struct cpu *cpu)
{
    return cpu->state.aarch64.R[REG_X8];
}

static uint64_t aarch64_syscall_arg(const struct cpu *cpu, int index)
{
    return cpu->state.aarch64.R[REG_X0 + index];
}

static void aarch64_set_syscall_result(struct cpu *cpu, uint64_t value)
{
    cpu->state.aarch64.R[REG_X0] = value;
}

static uint64_t aarch64_stack_pointer(const struct cpu *cpu)
{
    return cpu->state.aarch64.SP;
}

static void aarch64_clone_child(struct cpu *child, uint64_t stack, bool set_tls, uint64_t tls)
{
    child->state.aarch64.R[REG_X0] = 0;
    if (stack)
        child->state.aarch64.SP = stack;
    if (set_tls)
        child->state.aarch64.tpidr_el0 = tls;
    /* a new thread starts with no exclusive access pending */
    child->state.aarch64.exclusive_valid = false;
    /* runs on the child's host thread, which must keep the FP contract too */
    a64_fp_host_flags_clear();
}

const struct linux_user_abi aarch64_linux_user_abi = {
    .hwcap = HWCAP_FP | HWCAP_ASIMD | HWCAP_AES | HWCAP_PMULL | HWCAP_SHA1 | HWCAP_SHA2 | HWCAP_CRC32 | HWCAP_ATOMICS | HWCAP_CPUID |
             HWCAP_LRCPC | HWCAP_ILRCPC,
    .platform = "aarch64",
    .start = aarch64_start,
    .syscall_number = aarch64_syscall_number,
    .syscall_arg = aarch64_syscall_arg,
    .set_syscall_result = aarch64_set_syscall_result,
    .stack_pointer = aarch64_stack_pointer,
    .setup_signal_frame = aarch64_setup_signal_frame,
    .restore_signal_frame = aarch64_restore_signal_frame,
    .sigreturn_code = aarch64_sigreturn_code,
    /* mov x8, #139; svc #0 (signal-frame.c): a constant here, since an
     * extern size is no constant expression */
    .sigreturn_code_size = 8,
    .clone_child = aarch64_clone_child,
    .write_cpuinfo = aarch64_write_cpuinfo,
    .hwprobe = NULL,
    .has_renameat = true,
};
