/* Faults inside instruction pairs that tier 0 runs as one superinstruction
 * (gen/emit-handlers.c): the signal's context must show the faulting
 * instruction's pc and every register as it was just before it, whether
 * the first or the second of the pair faults, and when the second takes
 * the first one's result without the register file (add; ld with the
 * address just computed).  Each case is a fixed instruction sequence in
 * inline assembly, starting a block (a jump leads to it, so the pair is
 * the block's first two instructions), with a global label on the
 * instruction that faults. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static sigjmp_buf recover;
static volatile uintptr_t fault_pc, fault_addr, fault_t0, fault_t2;

static void on_fault(int signal, siginfo_t *info, void *context)
{
    (void)signal;
    const ucontext_t *uc = context;
    fault_pc = uc->uc_mcontext.__gregs[REG_PC];
    fault_t0 = uc->uc_mcontext.__gregs[5];
    fault_t2 = uc->uc_mcontext.__gregs[7];
    fault_addr = (uintptr_t)info->si_addr;
    siglongjmp(recover, 1);
}

extern char second_ld[], first_ld[], second_sd[], first_lw[];

#define BAD 0x1000UL /* unmapped: below the program */

static void report(const char *what, const char *expected_pc, uintptr_t expected_addr, uintptr_t expected_t0,
                   uintptr_t expected_t2)
{
    printf("%s: pc %s, address %s, t0 %s, t2 %s\n", what, fault_pc == (uintptr_t)expected_pc ? "exact" : "WRONG",
           fault_addr == expected_addr ? "exact" : "WRONG", fault_t0 == expected_t0 ? "as before" : "WRONG",
           fault_t2 == expected_t2 ? "as before" : "WRONG");
}

int main(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &action, NULL);

    /* add; ld: the load's base is the add's result, the load faults */
    if (sigsetjmp(recover, 1) == 0) {
        __asm__ volatile("li t2, 77\n\t"
                         "j 2f\n"
                         "2: add t0, %0, %1\n\t"
                         ".globl second_ld\n"
                         "second_ld: ld t1, 0(t0)\n\t"
                         "li t2, 1\n\t"
                         :
                         : "r"(BAD), "r"(8UL)
                         : "t0", "t1", "t2", "memory");
        puts("no fault?");
    }
    report("add; ld, the ld faults", second_ld, BAD + 8, BAD + 8, 77);

    /* ld; addi: the first faults, the second (which reads it) must not run */
    if (sigsetjmp(recover, 1) == 0) {
        __asm__ volatile("li t0, 5\n\t"
                         "li t2, 6\n\t"
                         "j 2f\n"
                         "2:\n\t"
                         ".globl first_ld\n"
                         "first_ld: ld t0, 16(%0)\n\t"
                         "addi t2, t0, 1\n\t"
                         :
                         : "r"(BAD)
                         : "t0", "t2", "memory");
        puts("no fault?");
    }
    report("ld; addi, the ld faults", first_ld, BAD + 16, 5, 6);

    /* addi; sd: the store's base is the addi's result and its value too */
    if (sigsetjmp(recover, 1) == 0) {
        __asm__ volatile("li t2, 9\n\t"
                         "j 2f\n"
                         "2: addi t0, %0, 24\n\t"
                         ".globl second_sd\n"
                         "second_sd: sd t0, 0(t0)\n\t"
                         "li t2, 1\n\t"
                         :
                         : "r"(BAD)
                         : "t0", "t2", "memory");
        puts("no fault?");
    }
    report("addi; sd, the sd faults", second_sd, BAD + 24, BAD + 24, 9);

    /* lw; blt at the end of a block: the lw faults */
    if (sigsetjmp(recover, 1) == 0) {
        __asm__ volatile("li t0, 3\n\t"
                         "li t2, 4\n\t"
                         "j 2f\n"
                         "2:\n\t"
                         ".globl first_lw\n"
                         "first_lw: lw t2, 4(%0)\n\t"
                         "blt t2, t0, 1f\n\t"
                         "li t0, 0\n"
                         "1:\n\t"
                         :
                         : "r"(BAD)
                         : "t0", "t2", "memory");
        puts("no fault?");
    }
    report("lw; blt, the lw faults", first_lw, BAD + 4, 3, 4);
    return 0;
}
