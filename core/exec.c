/* The execution loop's entry: runs guest code until an exception, which
 * arrives either from the generated code or from a host fault on guest
 * memory (core/host-fault.c) jumping back here. */
#include "exec.h"

#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "arch.h"
#include "block-cache.h"
#include "guest-memory.h"
#include "host-fault.h"
#include "jit.h"
#include "log.h"
#include "plugin.h"
#include "stats.h"

static struct timespec start_time;
static bool stats_enabled;
/* instructions retired by guest threads that have ended */
static uint64_t retired_by_ended_threads;

static struct emu_options default_options = {.max_tier = TIER_INTERP};

void cpu_init(struct cpu *cpu, const struct arch *arch, const struct emu_options *opts)
{
    if (!opts)
        opts = &default_options;
    memset(cpu, 0, sizeof *cpu);
    cpu->arch = arch;
    cpu->blocks = block_cache_new();
    cpu->max_tier = (uint8_t)opts->max_tier;
    cpu->tier_threshold[1] = opts->tier_threshold[1] ? opts->tier_threshold[1] : 50;
    cpu->tier_threshold[2] = opts->tier_threshold[2] ? opts->tier_threshold[2] : 2000;
    if (cpu->max_tier > TIER_INTERP && !jit_init(cpu, opts->code_cache_size ? opts->code_cache_size : (64u << 20)))
        exit(1);
    stats_enabled = opts && opts->stats;
    plugin_vcpu_init(cpu);
    if (start_time.tv_sec == 0 && start_time.tv_nsec == 0)
        clock_gettime(CLOCK_MONOTONIC, &start_time); /* at the first vCPU */
    host_fault_install();
}

/* The tier manager: tier 0 runs until it meets a block that is translated
 * or hot enough to be, then translated code runs until it leaves for a block
 * that is not; back and forth until an exception or an exit request. */
static void run_tiers(struct cpu *cpu)
{
    for (;;) {
        cpu->handoff_block = NULL;
        if (plugins_instrument)
            cpu->arch->interp_run_instrumented(cpu);
        else
            cpu->arch->interp_run(cpu);
        if (cpu->exception.kind != EXC_NONE || !cpu->handoff_block)
            return;
        struct block *block = cpu->handoff_block;
        cpu->handoff_block = NULL;
        if (!jit_run(cpu, block))
            return;
        if (cpu->exit_request)
            return;
    }
}

void cpu_exec(struct cpu *cpu)
{
    sigjmp_buf resume;
    /* a syscall wrote translated code, or a plugin went away */
    if (host_fault_take_code_write() | (plugins_enabled && plugin_flush_requested(cpu)))
        cpu_flush_blocks(cpu);
    for (;;) {
        cpu->exception.kind = EXC_NONE;
        cpu->current_record = NULL;
        /* no mask to save: the fault handler runs with SA_NODEFER */
        if (sigsetjmp(resume, 0) == 0) {
            host_fault_enter_guest(cpu, &resume);
            run_tiers(cpu);
        }
        host_fault_leave_guest();
        cpu->current_record = NULL;
        /* a store hit translated code: it has not run yet; drop the
         * translations and start again at it */
        if (cpu->exception.kind != EXC_NONE || !host_fault_take_code_write())
            return;
        cpu_flush_blocks(cpu);
        cpu->step_after_code_write = true;
        emu_stats.code_writes++;
    }
}

void cpu_destroy(struct cpu *cpu)
{
    __atomic_fetch_add(&retired_by_ended_threads, cpu->icount, __ATOMIC_RELAXED);
    plugin_vcpu_exit(cpu);
    block_cache_free(cpu->blocks);
    cpu->blocks = NULL;
    if (cpu->jit)
        jit_free(cpu);
}

void cpu_flush_blocks(struct cpu *cpu)
{
    if (cpu->jit)
        jit_flush(cpu);
    else
        block_cache_flush(cpu->blocks);
    if (plugins_enabled)
        plugin_flush();
}

void emu_finish(struct cpu *cpu)
{
    plugin_program_exit(cpu);
    if (stats_enabled) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double seconds = (double)(now.tv_sec - start_time.tv_sec) + (double)(now.tv_nsec - start_time.tv_nsec) / 1e9;
        uint64_t retired = __atomic_load_n(&retired_by_ended_threads, __ATOMIC_RELAXED) + (cpu ? cpu->icount : 0);
        stats_print(stderr, retired, seconds);
    }
    fflush(stdout);
    if (log_file)
        fflush(log_file);
}
