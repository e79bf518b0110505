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
#include "log.h"
#include "stats.h"

static struct timespec start_time;
static bool stats_enabled;

void cpu_init(struct cpu *cpu, const struct arch *arch, const struct emu_options *opts)
{
    memset(cpu, 0, sizeof *cpu);
    cpu->arch = arch;
    cpu->blocks = block_cache_new();
    stats_enabled = opts && opts->stats;
    clock_gettime(CLOCK_MONOTONIC, &start_time);
    host_fault_install();
}

void cpu_exec(struct cpu *cpu)
{
    sigjmp_buf resume;
    cpu->exception.kind = EXC_NONE;
    cpu->current_record = NULL;
    /* no mask to save: the fault handler runs with SA_NODEFER */
    if (sigsetjmp(resume, 0) == 0) {
        host_fault_enter_guest(cpu, &resume);
        cpu->arch->interp_run(cpu);
    }
    host_fault_leave_guest();
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
