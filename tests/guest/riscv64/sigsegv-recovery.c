/* SIGSEGV and SIGBUS recovery: a handler siglongjmps out of faults (reads
 * of unmapped memory, writes to a read-only page, a misaligned atomic),
 * with si_code and si_addr as Linux reports them, and the signal mask is
 * restored each time so the next fault is caught too.  The last handler
 * runs on an alternate signal stack. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static sigjmp_buf recover;
static volatile int last_signal, last_code;
static volatile uintptr_t last_addr;
static char *altstack;
static volatile int ran_on_altstack, altstack_flags_in_handler;

static void on_fault(int signal, siginfo_t *info, void *context)
{
    (void)context;
    last_signal = signal;
    last_code = info->si_code;
    last_addr = (uintptr_t)info->si_addr;
    char here;
    ran_on_altstack = &here >= altstack && &here < altstack + SIGSTKSZ;
    stack_t current;
    sigaltstack(NULL, &current);
    altstack_flags_in_handler = current.ss_flags;
    siglongjmp(recover, 1);
}

static void report(const char *what, uintptr_t expected_addr)
{
    printf("%s: %s, si_code %d, si_addr %s\n", what, strsignal(last_signal), last_code,
           last_addr == expected_addr ? "is the faulting address" : "WRONG");
}

int main(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &action, NULL);
    sigaction(SIGBUS, &action, NULL);

    /* through a volatile pointer, so the compiler neither sees nor folds the NULL page */
    volatile int *volatile unmapped = (int *)(uintptr_t)0x10;
    if (sigsetjmp(recover, 1) == 0) {
        (void)*unmapped;
        puts("no fault?");
    }
    report("read of unmapped memory", 0x10);

    long page = 4096;
    char *read_only = mmap(NULL, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (sigsetjmp(recover, 1) == 0) {
        *(volatile char *)(read_only + 100) = 1;
        puts("no fault?");
    }
    report("write to a read-only page", (uintptr_t)read_only + 100);
    printf("SEGV_MAPERR %d, SEGV_ACCERR %d\n", SEGV_MAPERR, SEGV_ACCERR);

    /* the handler's mask was restored by siglongjmp: SIGSEGV is not blocked */
    sigset_t mask;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    printf("SIGSEGV blocked after recovery: %s\n", sigismember(&mask, SIGSEGV) ? "yes" : "no");

    char *writable = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (sigsetjmp(recover, 1) == 0) {
        int old = 0;
        __atomic_compare_exchange_n((int *)(writable + 2), &old, 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        puts("no fault?");
    }
    report("misaligned lr/sc", (uintptr_t)writable + 2);

    altstack = malloc(SIGSTKSZ);
    stack_t stack = {.ss_sp = altstack, .ss_size = SIGSTKSZ, .ss_flags = 0};
    sigaltstack(&stack, NULL);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &action, NULL);
    if (sigsetjmp(recover, 1) == 0) {
        (void)*unmapped;
        puts("no fault?");
    }
    report("fault with SA_ONSTACK", 0x10);
    printf("handler ran on the alternate stack: %s, sigaltstack said SS_ONSTACK: %s\n",
           ran_on_altstack ? "yes" : "no", altstack_flags_in_handler == SS_ONSTACK ? "yes" : "no");
    stack_t after;
    sigaltstack(NULL, &after);
    printf("after: ss_flags %d, same stack: %s\n", after.ss_flags, after.ss_sp == altstack ? "yes" : "no");
    return 0;
}
