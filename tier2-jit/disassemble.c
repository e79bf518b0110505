/* -d out_asm: the host code of a translation, disassembled by Capstone. */
#include <capstone/capstone.h>
#include <inttypes.h>

#include "jit.h"
#include "log.h"

void jit_log_host_code(const void *code, size_t size, uint64_t guest_pc, int tier)
{
    csh handle;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) {
        log_printf("OUT: (capstone cannot open x86-64)\n");
        return;
    }
    cs_insn *insns;
    size_t count = cs_disasm(handle, code, size, (uint64_t)(uintptr_t)code, 0, &insns);
    log_printf("OUT: [tier %d] guest %016" PRIx64 ", %zu bytes of host code\n", tier, guest_pc, size);
    for (size_t i = 0; i < count; i++)
        log_printf("0x%016" PRIx64 ":  %-8s %s\n", insns[i].address, insns[i].mnemonic, insns[i].op_str);
    log_printf("\n");
    if (count)
        cs_free(insns, count);
    cs_close(&handle);
}
