/* Synchronous signals from instructions: an undefined encoding (udf) is
 * SIGILL with ILL_ILLOPC (QEMU 7.2 says ILL_ILLOPN: either passes), brk is
 * SIGTRAP with TRAP_BRKPT, both with si_addr and the frame's pc at the
 * instruction itself; the handler skips it by
 * moving uc_mcontext.pc on by 4, which rt_sigreturn must honour. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

extern char udf_site[], brk_site[];
static volatile int last_signal, last_code, address_ok, pc_ok;

static void handler(int signal, siginfo_t *info, void *context)
{
    ucontext_t *uc = context;
    uintptr_t site = signal == SIGILL ? (uintptr_t)udf_site : (uintptr_t)brk_site;
    last_signal = signal;
    last_code = info->si_code;
    address_ok = (uintptr_t)info->si_addr == site;
    pc_ok = uc->uc_mcontext.pc == site;
    uc->uc_mcontext.pc += 4;
}

int main(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    action.sa_flags = SA_SIGINFO;
    sigaction(SIGILL, &action, NULL);
    sigaction(SIGTRAP, &action, NULL);

    uint64_t after;
    __asm__ volatile(".globl udf_site\n"
                     "udf_site: udf #0x1234\n"
                     "mov %0, #11\n"
                     : "=r"(after));
    printf("udf: signal %s, si_code %s, si_addr %s, pc %s, resumed after it %d\n",
           last_signal == SIGILL ? "SIGILL" : "other", last_code == ILL_ILLOPC || last_code == ILL_ILLOPN ? "illegal opcode" : "other",
           address_ok ? "the instruction" : "wrong", pc_ok ? "the instruction" : "wrong", after == 11);
    __asm__ volatile(".globl brk_site\n"
                     "brk_site: brk #0x3e8\n"
                     "mov %0, #22\n"
                     : "=r"(after));
    printf("brk: signal %s, si_code %s, si_addr %s, pc %s, resumed after it %d\n",
           last_signal == SIGTRAP ? "SIGTRAP" : "other", last_code == TRAP_BRKPT ? "TRAP_BRKPT" : "other",
           address_ok ? "the instruction" : "wrong", pc_ok ? "the instruction" : "wrong", after == 22);
    return 0;
}
