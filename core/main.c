/* The command line: options in QEMU's spelling where a user would expect
 * them, then the guest program and its arguments. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "log.h"
#include "options.h"
#include "plugin.h"
#include "elf-loader.h"
#include "linux-user.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "dev"
#endif

static void usage(FILE *out)
{
    fprintf(out,
            "usage: emu [options] program [arguments...]\n"
            "Runs a Linux program built for another CPU (user mode).\n"
            "\n"
            "  --arch=ARCH, -cpu ARCH  guest architecture (%s);\n"
            "                          default: read from the program's ELF header\n"
            "  --user                  Linux user mode: run one program (the default)\n"
            "  --system                whole-machine mode (not built yet)\n"
            "  --tier=TIER             highest execution tier: interp (the threaded interpreter),\n"
            "                          tier1 (baseline JIT) or jit (optimising JIT; the default)\n"
            "  --tier-threshold=N1,N2  executions before a block moves to tier 1, and to tier 2\n"
            "                          (default 50,2000)\n"
            "  --code-cache-size=SIZE  bytes of JIT code per guest thread before a flush (default 64M)\n"
            "  -d ITEM[,ITEM...]       log these items (to stderr, or the -D file):\n",
            arch_names());
    log_print_items_help(out);
    fprintf(out,
            "                          (exec and cpu run everything in tier 0)\n"
            "  -D FILE                 write the log to FILE\n"
            "  -strace                 same as -d strace\n"
            "  --plugin FILE[,ARG=VALUE...], -plugin ...\n"
            "                          load a plugin (QEMU's plugin API); repeatable; a bare name\n"
            "                          such as 'hotblocks' is one of the bundled plugins (env EMU_PLUGIN)\n"
            "  --stats                 print counters (instructions, blocks...) at exit\n"
            "  -L PATH                 look up the guest's absolute paths in PATH first\n"
            "                          (env EMU_LD_PREFIX)\n"
            "  -E VAR=VALUE            set VAR in the guest's environment\n"
            "  -U VAR                  remove VAR from the guest's environment\n"
            "  -0 ARGV0                argv[0] the guest sees\n"
            "  -s SIZE                 guest stack size in bytes (K, M suffixes; env EMU_STACK_SIZE)\n"
            "  -h, --help              show this help\n"
            "  --version               show the version\n"
            "\n"
            "Environment: EMU_LOG (like -d), EMU_STRACE (like -strace), EMU_LD_PREFIX, EMU_STACK_SIZE,\n"
            "EMU_TIER_THRESHOLD (like --tier-threshold), EMU_PLUGIN (like one --plugin).\n"
            "The exit status is the guest's; a guest killed by a signal kills emu by the same signal.\n");
}

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "emu: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static uint64_t parse_size(const char *text)
{
    char *end;
    errno = 0;
    unsigned long long value = strtoull(text, &end, 0);
    if (errno || end == text)
        die("bad size '%s'", text);
    switch (*end) {
    case 'k': case 'K': value <<= 10; end++; break;
    case 'm': case 'M': value <<= 20; end++; break;
    case 'g': case 'G': value <<= 30; end++; break;
    }
    if (*end)
        die("bad size '%s'", text);
    return value;
}

static void parse_thresholds(const char *text, struct emu_options *opts)
{
    unsigned first, second;
    if (sscanf(text, "%u,%u", &first, &second) != 2 || first == 0 || second < first)
        die("--tier-threshold needs N1,N2 with 0 < N1 <= N2, not '%s'", text);
    opts->tier_threshold[1] = first;
    opts->tier_threshold[2] = second;
}

static void add_log_items(const char *list)
{
    const char *bad;
    if (!log_parse_items(list, &log_mask, &bad))
        die("unknown log item '%s' (see emu --help)", bad);
}

int main(int argc, char **argv)
{
    struct emu_options opts;
    memset(&opts, 0, sizeof opts);
#if defined(__x86_64__)
    opts.max_tier = TIER_OPTIMIZING;
#else
    opts.max_tier = TIER_INTERP; /* the JIT emits x86-64 code */
#endif
    opts.stack_size = 8u << 20;
    opts.env_set = calloc((size_t)argc, sizeof *opts.env_set);
    opts.env_unset = calloc((size_t)argc, sizeof *opts.env_unset);
    const char *log_path = NULL;
    if (getenv("EMU_LOG"))
        add_log_items(getenv("EMU_LOG"));
    if (getenv("EMU_STRACE"))
        log_mask |= LOG_STRACE;
    opts.sysroot = getenv("EMU_LD_PREFIX");
    if (getenv("EMU_STACK_SIZE"))
        opts.stack_size = parse_size(getenv("EMU_STACK_SIZE"));
    if (getenv("EMU_TIER_THRESHOLD"))
        parse_thresholds(getenv("EMU_TIER_THRESHOLD"), &opts);

    enum { OPT_ARCH = 256, OPT_USER, OPT_SYSTEM, OPT_TIER, OPT_STATS, OPT_HELP, OPT_VERSION, OPT_STRACE, OPT_CPU,
           OPT_THRESHOLD, OPT_CACHE_SIZE, OPT_PLUGIN };
    static const struct option long_options[] = {
        {"arch", required_argument, NULL, OPT_ARCH},
        {"user", no_argument, NULL, OPT_USER},
        {"system", no_argument, NULL, OPT_SYSTEM},
        {"tier", required_argument, NULL, OPT_TIER},
        {"stats", no_argument, NULL, OPT_STATS},
        {"help", no_argument, NULL, OPT_HELP},
        {"version", no_argument, NULL, OPT_VERSION},
        {"strace", no_argument, NULL, OPT_STRACE},
        {"cpu", required_argument, NULL, OPT_CPU},
        {"tier-threshold", required_argument, NULL, OPT_THRESHOLD},
        {"code-cache-size", required_argument, NULL, OPT_CACHE_SIZE},
        {"plugin", required_argument, NULL, OPT_PLUGIN},
        {NULL, 0, NULL, 0},
    };
    opterr = 0;
    int c;
    /* "+": stop at the program name, its arguments are the guest's */
    while ((c = getopt_long_only(argc, argv, "+d:D:L:E:U:0:s:h", long_options, NULL)) != -1) {
        switch (c) {
        case OPT_ARCH:
        case OPT_CPU:
            opts.arch = arch_by_name(optarg);
            if (!opts.arch) {
                fprintf(stderr, "emu: unknown architecture '%s' (available: %s)\n", optarg, arch_names());
                return 1;
            }
            break;
        case OPT_USER:
            break;
        case OPT_SYSTEM:
            die("%s mode is not built yet: emu runs Linux programs (--user)", "system");
            break;
        case OPT_TIER:
            if (strcmp(optarg, "interp") == 0)
                opts.max_tier = TIER_INTERP;
            else if (strcmp(optarg, "tier1") == 0)
                opts.max_tier = TIER_BASELINE;
            else if (strcmp(optarg, "jit") == 0 || strcmp(optarg, "tier2") == 0)
                opts.max_tier = TIER_OPTIMIZING;
            else
                die("unknown tier '%s' (interp, tier1, jit)", optarg);
            break;
        case OPT_THRESHOLD:
            parse_thresholds(optarg, &opts);
            break;
        case OPT_CACHE_SIZE:
            opts.code_cache_size = parse_size(optarg);
            if (opts.code_cache_size < 4096)
                die("--code-cache-size must be at least 4K, not '%s'", optarg);
            break;
        case OPT_STATS:
            opts.stats = true;
            break;
        case OPT_PLUGIN:
            if (!plugin_add_spec(optarg))
                return 1;
            break;
        case OPT_STRACE:
            log_mask |= LOG_STRACE;
            break;
        case 'd':
            add_log_items(optarg);
            break;
        case 'D':
            log_path = optarg;
            break;
        case 'L':
            opts.sysroot = optarg;
            break;
        case 'E':
            if (!strchr(optarg, '='))
                die("-E needs VAR=VALUE, not '%s'", optarg);
            opts.env_set[opts.env_set_count++] = optarg;
            break;
        case 'U':
            opts.env_unset[opts.env_unset_count++] = optarg;
            break;
        case '0':
            opts.argv0 = optarg;
            break;
        case 's':
            opts.stack_size = parse_size(optarg);
            break;
        case 'h':
        case OPT_HELP:
            usage(stdout);
            return 0;
        case OPT_VERSION:
            printf("emu %s\n", PACKAGE_VERSION);
            return 0;
        case ':':
            die("option '%s' needs an argument", argv[optind - 1]);
            break;
        default:
            if (optopt && strchr("dDLEU0s", optopt))
                die("option '%s' needs an argument", argv[optind - 1]);
            die("unknown option '%s' (see emu --help)", argv[optind - 1]);
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return 1;
    }
    if (log_path && !log_open_file(log_path)) {
        fprintf(stderr, "emu: cannot open log file '%s': %s\n", log_path, strerror(errno));
        return 1;
    }
    if (!log_file)
        log_file = stderr;
    /* per-block logs see every block only in tier 0, the reference tier */
    if (log_mask & (LOG_EXEC | LOG_CPU))
        opts.max_tier = TIER_INTERP;
    const char *program = argv[optind];
    if (!opts.arch) {
        uint16_t machine = elf_peek_machine(program);
        if (machine == 0)
            return 1;
        opts.arch = arch_by_elf_machine(machine);
        if (!opts.arch) {
            fprintf(stderr, "emu: %s: ELF is for %s (machine %u), not a supported guest (%s)\n", program,
                    elf_machine_name(machine), machine, arch_names());
            return 1;
        }
    }
    return linux_user_main(&opts, opts.arch, argc - optind, argv + optind);
}
