/* The system registers an EL0 program reads that are more than a constant
 * of the spec: the ID registers Linux emulates for EL0, the virtual
 * counter and FPSR. */
#include <stdint.h>
#include <time.h>

#include "aarch64-fp.h"

struct cpu;

/* MIDR_EL1 (the same as /proc/cpuinfo, cpuinfo.c): implementer 0, the
 * architecture field 0xf, part, variant and revision 0. */
#define MIDR_VALUE UINT64_C(0x000f0000)

/* The ID registers as Linux shows them to EL0
 * (Documentation/arch/arm64/cpu-feature-registers.rst), for what emu
 * implements: AArch64 at EL0 and EL1, FP, AdvSIMD, LSE atomics, the
 * crypto extension, CRC32 and the RCpc loads, as AT_HWCAP says.
 * Index: CRm << 3 | op2 of op0 = 3, op1 = 0, CRn = 0. */
uint64_t a64_id_register(uint64_t crm_op2)
{
    switch (crm_op2) {
    case 0x00: return MIDR_VALUE;           /* MIDR_EL1 */
    case 0x05: return UINT64_C(0x80000000); /* MPIDR_EL1: RES1 bit 31, affinity 0 */
    case 0x06: return 0;                    /* REVIDR_EL1 */
    case 0x20: return UINT64_C(0x11);       /* ID_AA64PFR0_EL1: EL0, EL1 AArch64; FP, AdvSIMD 0 (present) */
    case 0x30: return UINT64_C(0x211120);   /* ID_AA64ISAR0_EL1: Atomic 2, CRC32 1, SHA2 1, SHA1 1, AES 2 (+PMULL) */
    case 0x31: return UINT64_C(2) << 20;    /* ID_AA64ISAR1_EL1: LRCPC 2 (LDAPR, LDAPUR/STLUR) */
    default: return 0;                      /* reserved or nothing to report: reads as zero */
    }
}

/* CNTVCT_EL0: the host's monotonic clock in nanoseconds (CNTFRQ_EL0 says
 * 1 GHz).  Integer nanoseconds keep host FP state untouched. */
uint64_t a64_counter(struct cpu *cpu)
{
    (void)cpu;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * UINT64_C(1000000000) + (uint64_t)now.tv_nsec;
}

/* MRS FPSR: the flags FP operations left pending in MXCSR first
 * (aarch64-fp.h's contract) */
uint64_t a64_fpsr_read(uint32_t *fpsr)
{
    a64_fp_host_flags_commit(fpsr);
    return *fpsr;
}

/* MSR FPSR: the writable bits (N Z C V QC, IDC IXC UFC OFC DZC IOC); the
 * flags may have gone down, so the pending ones are dropped */
void a64_fpsr_write(uint64_t value, uint32_t *fpsr)
{
    *fpsr = (uint32_t)value & 0xf800009f;
    a64_fp_host_flags_clear();
}
