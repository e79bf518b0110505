#include "stats.h"

#include <inttypes.h>

struct emu_stats emu_stats;

void stats_print(FILE *out, uint64_t icount, double seconds)
{
    fprintf(out, "emu stats:\n");
    fprintf(out, "  instructions executed  %" PRIu64 "\n", icount);
    fprintf(out, "  blocks decoded         %" PRIu64 "\n", emu_stats.blocks_decoded);
    fprintf(out, "  instructions decoded   %" PRIu64 "\n", emu_stats.insns_decoded);
    fprintf(out, "  block cache flushes    %" PRIu64 "\n", emu_stats.block_cache_flushes);
    fprintf(out, "  syscalls               %" PRIu64 "\n", emu_stats.syscalls);
    fprintf(out, "  blocks at tier 1       %" PRIu64 "\n", emu_stats.blocks_translated[1]);
    fprintf(out, "  blocks at tier 2       %" PRIu64 "\n", emu_stats.blocks_translated[2]);
    fprintf(out, "  translation time       %.3f s\n", (double)emu_stats.translation_nanoseconds / 1e9);
    fprintf(out, "  chains patched         %" PRIu64 "\n", emu_stats.chains_patched);
    fprintf(out, "  code cache flushes     %" PRIu64 "\n", emu_stats.jit_cache_flushes);
    fprintf(out, "  writes to code         %" PRIu64 "\n", emu_stats.code_writes);
    fprintf(out, "  run time               %.3f s\n", seconds);
    if (seconds > 0)
        fprintf(out, "  guest MIPS             %.1f\n", (double)icount / seconds / 1e6);
}
