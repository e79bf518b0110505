/* The execution loop's entry and the host-fault side of its exit protocol:
 * a host SIGSEGV/SIGBUS on guest memory becomes the guest's precise
 * exception, delivered by jumping back here. */
#define _GNU_SOURCE /* REG_ERR in ucontext */
#include "exec.h"

#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "arch.h"
#include "block-cache.h"
#include "guest-memory.h"
#include "log.h"
#include "stats.h"

static __thread struct cpu *running_cpu;
static __thread sigjmp_buf fault_return;
static struct timespec start_time;
static bool stats_enabled;

/* x86-64 page-fault error code: bit 1 set for a write. */
static bool fault_was_write(const void *context)
{
#if defined(__x86_64__)
    const ucontext_t *uc = context;
    return (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;
#else
    (void)context;
    return false;
#endif
}

static void host_fault_handler(int sig, siginfo_t *info, void *context)
{
    struct cpu *cpu = running_cpu;
    uint8_t *addr = info->si_addr;
    if (!cpu || !cpu->in_guest_code || addr < guest_base || addr >= guest_base + GUEST_SPACE_SIZE) {
        /* the emulator's own bug: die with the host signal, not the guest's */
        static const char msg[] = "emu: internal error: host fault outside guest code\n";
        if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
        }
        signal(sig, SIG_DFL);
        return;
    }
    const struct decoded_insn *rec = cpu->current_record;
    const struct block *block = cpu->current_block;
    bool write = sig == SIGSEGV && fault_was_write(context);
    cpu->exception.kind = write ? EXC_STORE_FAULT : EXC_LOAD_FAULT;
    cpu->exception.cause = 0;
    cpu->exception.tval = (uint64_t)(addr - guest_base);
    if (rec && block) {
        cpu->exception.next_pc = rec->pc + rec->length;
        cpu->pc = rec->pc;
        cpu->icount += (uint64_t)(rec - block->insns);
    }
    siglongjmp(fault_return, 1);
}

static void install_fault_handlers(void)
{
    static bool installed;
    if (installed)
        return;
    installed = true;
    /* an alternate stack, so even a host stack overflow reports cleanly */
    stack_t ss = {.ss_sp = malloc(SIGSTKSZ * 4), .ss_size = SIGSTKSZ * 4, .ss_flags = 0};
    if (ss.ss_sp)
        sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = host_fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}

void cpu_init(struct cpu *cpu, const struct arch *arch, const struct emu_options *opts)
{
    memset(cpu, 0, sizeof *cpu);
    cpu->arch = arch;
    cpu->blocks = block_cache_new();
    stats_enabled = opts && opts->stats;
    clock_gettime(CLOCK_MONOTONIC, &start_time);
    install_fault_handlers();
}

void cpu_exec(struct cpu *cpu)
{
    cpu->exception.kind = EXC_NONE;
    running_cpu = cpu;
    /* savemask: the fault arrives in a handler with its signal blocked */
    if (sigsetjmp(fault_return, 1) == 0) {
        cpu->in_guest_code = 1;
        cpu->arch->interp_run(cpu);
    }
    cpu->in_guest_code = 0;
    cpu->current_record = NULL;
}

void cpu_flush_blocks(struct cpu *cpu) { block_cache_flush(cpu->blocks); }

void emu_finish(const struct cpu *cpu)
{
    if (stats_enabled) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double seconds = (double)(now.tv_sec - start_time.tv_sec) + (double)(now.tv_nsec - start_time.tv_nsec) / 1e9;
        stats_print(stderr, cpu ? cpu->icount : 0, seconds);
    }
    fflush(stdout);
    if (log_file)
        fflush(log_file);
}
