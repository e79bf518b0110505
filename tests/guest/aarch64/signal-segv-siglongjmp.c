/* A SIGSEGV handler that siglongjmps out: faults on a read of an unmapped
 * page, a write to a read-only page and a null pointer each reach the
 * handler with si_addr the faulting address and si_code the kind. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf recover;
static volatile uintptr_t fault_address;
static volatile int fault_code, fault_signal;

static void on_segv(int signal, siginfo_t *info, void *context)
{
    (void)context;
    fault_signal = signal;
    fault_address = (uintptr_t)info->si_addr;
    fault_code = info->si_code;
    siglongjmp(recover, 1);
}

static void try_access(const char *what, volatile char *address, int write)
{
    fault_address = 0;
    if (sigsetjmp(recover, 1) == 0) {
        if (write)
            *address = 1;
        else
            (void)*address;
        printf("%s: no fault\n", what);
        return;
    }
    printf("%s: signal %d, si_code %s, si_addr %s\n", what, fault_signal,
           fault_code == SEGV_MAPERR   ? "SEGV_MAPERR"
           : fault_code == SEGV_ACCERR ? "SEGV_ACCERR"
                                       : "other",
           fault_address == (uintptr_t)address ? "the faulting address" : "wrong");
}

int main(void)
{
    struct sigaction action = {0};
    action.sa_sigaction = on_segv;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    sigaction(SIGSEGV, &action, NULL);

    long page = sysconf(_SC_PAGESIZE);
    char *pages = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(pages + page, page);
    mprotect(pages, page, PROT_READ);

    try_access("read of an unmapped page", pages + page + 8, 0);
    try_access("write to a read-only page", pages + 100, 1);
    try_access("read of a read-only page", pages + 100, 0);
    try_access("write through a null pointer", (volatile char *)0, 1);
    for (int i = 0; i < 3; i++)
        try_access("repeated fault", pages + page, 0);

    sigset_t current;
    sigprocmask(SIG_SETMASK, NULL, &current);
    printf("SIGSEGV blocked after the jumps: %d\n", sigismember(&current, SIGSEGV));
    return 0;
}
