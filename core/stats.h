/* Counters reported by --stats at exit. */
#ifndef EMU_CORE_STATS_H
#define EMU_CORE_STATS_H

#include <stdint.h>
#include <stdio.h>

struct emu_stats {
    uint64_t blocks_decoded;
    uint64_t insns_decoded;
    uint64_t block_cache_flushes;
    uint64_t syscalls;
    uint64_t blocks_translated[3]; /* by tier (index 1, 2) */
    uint64_t translation_nanoseconds;
    uint64_t chains_patched;
    uint64_t jit_cache_flushes;
    uint64_t code_writes; /* stores that hit translated code */
};

extern struct emu_stats emu_stats;
/* Prints every counter; icount is the guest instructions retired. */
void stats_print(FILE *out, uint64_t icount, double seconds);

#endif
