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
    fprintf(out, "  run time               %.3f s\n", seconds);
    if (seconds > 0)
        fprintf(out, "  guest MIPS             %.1f\n", (double)icount / seconds / 1e6);
}
