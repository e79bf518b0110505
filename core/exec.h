/* The execution loop and its exit protocol, shared by every environment. */
#ifndef EMU_CORE_EXEC_H
#define EMU_CORE_EXEC_H

#include <stdnoreturn.h>

#include "cpu.h"
#include "options.h"

/* Zeroes the cpu, attaches the arch and a fresh block cache. */
void cpu_init(struct cpu *cpu, const struct arch *arch, const struct emu_options *opts);
/* Runs guest code from cpu->pc until an exception; on return
 * cpu->exception.kind != EXC_NONE and cpu->pc is the excepting instruction
 * (all instructions before it retired, counted in cpu->icount). */
void cpu_exec(struct cpu *cpu);
/* Frees the cpu's translated code and caches (a guest thread ended); its
 * retired instructions stay in the process's count. */
void cpu_destroy(struct cpu *cpu);
/* Drops every translated block (guest code changed, fence.i). */
void cpu_flush_blocks(struct cpu *cpu);
/* Reports --stats and flushes logs; called once before the process ends. */
void emu_finish(struct cpu *cpu);

#endif
