/* /proc/cpuinfo as arm64 Linux writes it (arch/arm64/kernel/cpuinfo.c,
 * c_show): per CPU its number, BogoMIPS from the generic timer's
 * frequency, the AT_HWCAP features by their kernel names in bit order, and
 * the fields of MIDR_EL1. */
#include <stdint.h>
#include <stdio.h>

#include "aarch64-linux.h"
#include "linux-user.h"

extern const struct linux_user_abi aarch64_linux_user_abi;

/* AT_HWCAP bit n is named hwcap_names[n] (uapi asm/hwcap.h). */
static const char *const hwcap_names[] = {
    "fp",    "asimd",    "evtstrm", "aes",   "pmull",  "sha1",  "sha2", "crc32", "atomics", "fphp",    "asimdhp",
    "cpuid", "asimdrdm", "jscvt",   "fcma",  "lrcpc",  "dcpop", "sha3", "sm3",   "sm4",     "asimddp", "sha512",
    "sve",   "asimdfhm", "dit",     "uscat", "ilrcpc", "flagm", "ssbs", "sb",    "paca",    "pacg",
};

/* MIDR_EL1 of emu's CPU: implementer 0 (reserved for software), the
 * architecture field 0xf (features are in the ID registers), part,
 * variant and revision 0.  glibc picks its generic string routines for it. */
enum { MIDR_IMPLEMENTER = 0x00, MIDR_VARIANT = 0x0, MIDR_PART = 0x000, MIDR_REVISION = 0 };

/* BogoMIPS is the timer's ticks per 500 microseconds: CNTFRQ_EL0 / 500000. */
#define TIMER_FREQUENCY_HZ UINT64_C(1000000000)

void aarch64_write_cpuinfo(FILE *out, unsigned processor_count)
{
    uint64_t bogomips_centi = TIMER_FREQUENCY_HZ / 5000;
    for (unsigned i = 0; i < processor_count; i++) {
        fprintf(out, "processor\t: %u\n", i);
        fprintf(out, "BogoMIPS\t: %lu.%02lu\n", (unsigned long)(bogomips_centi / 100),
                (unsigned long)(bogomips_centi % 100));
        fputs("Features\t:", out);
        for (unsigned bit = 0; bit < sizeof hwcap_names / sizeof hwcap_names[0]; bit++)
            if (aarch64_linux_user_abi.hwcap & (UINT64_C(1) << bit))
                fprintf(out, " %s", hwcap_names[bit]);
        fputs("\n", out);
        fprintf(out, "CPU implementer\t: 0x%02x\n", MIDR_IMPLEMENTER);
        fputs("CPU architecture: 8\n", out);
        fprintf(out, "CPU variant\t: 0x%x\n", MIDR_VARIANT);
        fprintf(out, "CPU part\t: 0x%03x\n", MIDR_PART);
        fprintf(out, "CPU revision\t: %d\n\n", MIDR_REVISION);
    }
}
