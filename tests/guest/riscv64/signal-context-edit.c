/* A SA_SIGINFO handler reads and edits the interrupted context: on SIGILL it
 * checks si_code and si_addr, reads the registers the faulting code held,
 * changes an integer and an FP register and the rounding mode, and skips
 * the bad instruction by advancing the pc; the main flow sees all of it
 * after rt_sigreturn.  A signal sent with kill() reports its sender. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int ill_code, ill_addr_is_pc, a0_seen;
static volatile double fa0_seen;
static volatile unsigned long fault_pc;

static void on_sigill(int signal, siginfo_t *info, void *context)
{
    ucontext_t *uc = context;
    mcontext_t *mc = &uc->uc_mcontext;
    ill_code = info->si_code;
    fault_pc = mc->__gregs[REG_PC];
    ill_addr_is_pc = (unsigned long)info->si_addr == mc->__gregs[REG_PC];
    a0_seen = (int)mc->__gregs[REG_A0];
    double value;
    memcpy(&value, &mc->__fpregs.__d.__f[10], sizeof value); /* fa0 */
    fa0_seen = value;
    (void)signal;
    mc->__gregs[REG_A0] = 42;             /* a0 */
    mc->__gregs[REG_A0 + 1] = 43;         /* a1 */
    value = 2.5;
    memcpy(&mc->__fpregs.__d.__f[10], &value, sizeof value);
    mc->__fpregs.__d.__fcsr = 1u << 5;    /* frm = RTZ, fflags clear */
    mc->__gregs[REG_PC] += 4;             /* past the illegal instruction */
}

static volatile int usr1_count, usr1_code, usr1_from_self;

static void on_sigusr1(int signal, siginfo_t *info, void *context)
{
    (void)context;
    usr1_count += signal == SIGUSR1;
    usr1_code = info->si_code;
    usr1_from_self = info->si_pid == getpid();
}

int main(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_sigill;
    action.sa_flags = SA_SIGINFO;
    sigaction(SIGILL, &action, NULL);

    /* the registers are set and read back inside one asm block, so the
     * compiler keeps nothing of its own in them across the fault */
    long after[3];
    double fa0_after;
    asm volatile("li a0, 7\n"
                 "li a1, 8\n"
                 "fld fa0, 0(%[one_and_quarter])\n"
                 ".4byte 0x0000000b\n" /* custom-0: illegal here */
                 "sd a0, 0(%[after])\n"
                 "sd a1, 8(%[after])\n"
                 "csrr t0, frm\n"
                 "sd t0, 16(%[after])\n"
                 "fsd fa0, 0(%[fa0_after])\n"
                 :
                 : [after] "r"(after), [fa0_after] "r"(&fa0_after), [one_and_quarter] "r"(&(double){1.25})
                 : "a0", "a1", "t0", "fa0", "memory");
    printf("SIGILL: si_code %d (ILL_ILLOPC %d), si_addr is the pc: %s\n", ill_code, ILL_ILLOPC,
           ill_addr_is_pc ? "yes" : "no");
    printf("handler saw a0 = %d, fa0 = %.2f\n", a0_seen, fa0_seen);
    printf("after sigreturn: a0 = %ld, a1 = %ld, fa0 = %.2f, frm = %ld\n", after[0], after[1], fa0_after, after[2]);
    asm volatile("fsrmi 0"); /* back to round-to-nearest */

    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_sigusr1;
    action.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &action, NULL);
    kill(getpid(), SIGUSR1);
    printf("SIGUSR1 by kill: count %d, si_code SI_USER: %s, from this process: %s\n", usr1_count,
           usr1_code == SI_USER ? "yes" : "no", usr1_from_self ? "yes" : "no");
    raise(SIGUSR1);
    printf("SIGUSR1 by raise: count %d, si_code SI_TKILL: %s\n", usr1_count, usr1_code == SI_TKILL ? "yes" : "no");
    return 0;
}
