/* The parsed command line, handed from main to an environment. */
#ifndef EMU_CORE_OPTIONS_H
#define EMU_CORE_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

struct arch;

/* Execution tiers, lowest first; --tier caps the highest one used. */
enum tier { TIER_INTERP = 0, TIER_BASELINE = 1, TIER_OPTIMIZING = 2 };

struct emu_options {
    const struct arch *arch; /* NULL: read from the ELF header */
    enum tier max_tier;
    uint32_t tier_threshold[3]; /* executions before a block moves to tier 1, 2 */
    uint64_t code_cache_size;   /* bytes of JIT code per vCPU */
    bool stats;
    const char *sysroot;      /* -L: where the guest's absolute paths are looked up first */
    const char *argv0;        /* -0: argv[0] the guest sees, default the program path */
    uint64_t stack_size;      /* -s: guest stack size in bytes */
    const char **env_set;     /* -E VAR=VALUE, in order */
    int env_set_count;
    const char **env_unset;   /* -U VAR */
    int env_unset_count;
};

#endif
