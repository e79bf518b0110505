/* Guest state a faulting load must see, in code hot enough for every tier
 * to translate: a SUBS sets NZCV and x9, the next load may fault, and the
 * ADDS after it overwrites both.  The JIT keeps such soon-overwritten state
 * out of memory on its hot path (tier2-jit/defer-stores.c), so the
 * SIGSEGV handler's ucontext checks that the fault still shows NZCV and x9
 * as the SUBS left them, and that the load's own target kept its old value.
 * Also an endless stream of compares whose flags are read after the loop
 * (the exit path has to write them). */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static sigjmp_buf recover;
static uint64_t seen_nzcv, seen_x9, seen_x10, seen_pc;

static void on_segv(int sig, siginfo_t *info, void *context)
{
    (void)sig;
    (void)info;
    const ucontext_t *uc = context;
    seen_nzcv = uc->uc_mcontext.pstate >> 28;
    seen_x9 = uc->uc_mcontext.regs[9];
    seen_x10 = uc->uc_mcontext.regs[10];
    seen_pc = uc->uc_mcontext.pc;
    siglongjmp(recover, 1);
}

extern char faulting_load[];

/* x9 = a - b (flags), x10 = *p, x9 += 1 (flags again); returns x9 + x10 */
static __attribute__((noinline)) uint64_t probe(uint64_t a, uint64_t b, const uint64_t *p)
{
    register uint64_t x9 __asm__("x9") = a;
    register uint64_t x10 __asm__("x10") = 0x1010;
    __asm__ volatile("subs %[x9], %[x9], %[b]\n\t"
                     ".globl faulting_load\n"
                     "faulting_load:\n\t"
                     "ldr %[x10], [%[p]]\n\t"
                     "adds %[x9], %[x9], #1\n\t"
                     : [x9] "+r"(x9), [x10] "+r"(x10)
                     : [b] "r"(b), [p] "r"(p)
                     : "cc", "memory");
    return x9 + x10;
}

/* NZCV after comparing each pair in turn: the loop's last compare is the
 * one the flags show */
static __attribute__((noinline)) uint64_t last_compare_flags(const int64_t *values, int count)
{
    uint64_t nzcv = 0;
    for (int i = 0; i + 1 < count; i++)
        __asm__ volatile("cmp %[x], %[y]\n\tmrs %[f], nzcv" : [f] "=r"(nzcv) : [x] "r"(values[i]), [y] "r"(values[i + 1]) : "cc");
    return nzcv >> 28;
}

int main(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_segv;
    action.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &action, NULL);

    static const uint64_t word = 100;
    uint64_t sum = 0;
    for (int i = 0; i < 300000; i++)
        sum += probe((uint64_t)i, 3, &word);
    printf("hot loop sum %llu\n", (unsigned long long)sum);

    static const struct { uint64_t a, b; } cases[] = {{5, 7}, {7, 7}, {9, 7}, {0x8000000000000000ull, 1}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        if (sigsetjmp(recover, 1) == 0) {
            probe(cases[k].a, cases[k].b, (const uint64_t *)16);
            printf("no fault?\n");
            continue;
        }
        printf("%llx - %llx: fault at the load %s, nzcv %llx, x9 %llx, x10 %llx\n", (unsigned long long)cases[k].a,
               (unsigned long long)cases[k].b, seen_pc == (uint64_t)(uintptr_t)faulting_load ? "yes" : "NO",
               (unsigned long long)seen_nzcv, (unsigned long long)seen_x9, (unsigned long long)seen_x10);
    }

    int64_t values[64];
    for (int i = 0; i < 64; i++)
        values[i] = (i * 7919) % 13 - 6;
    uint64_t flags = 0;
    for (int round = 0; round < 20000; round++)
        flags += last_compare_flags(values, 2 + round % 63);
    printf("flags total %llu, last %llx\n", (unsigned long long)flags,
           (unsigned long long)last_compare_flags(values, 64));
    return 0;
}
