/* cache: a model of L1 instruction and data caches per core, and
 * optionally a unified L2 per core, with the arguments and report of
 * QEMU's contrib/plugins/cache.
 *
 *   icachesize=N iblksize=B iassoc=A   L1 instruction cache (16384, 64, 8)
 *   dcachesize=N dblksize=B dassoc=A   L1 data cache (16384, 64, 8)
 *   l2=on                              add a unified L2 cache, or give
 *   l2cachesize=N l2blksize=B l2assoc=A  (2097152, 64, 16), which imply l2=on
 *   evict=lru|fifo|rand                replacement in every cache (lru)
 *   cores=N                            caches kept apart (user mode: 1,
 *                                      system mode: the guest's vCPUs);
 *                                      vCPU i uses core i % N
 *   limit=N                            instructions listed per report (32)
 *
 * Each executed instruction is one fetch at its address; each memory
 * access one data access at its address (the physical one in system
 * mode; I/O is not cached).  A miss in L1 looks in L2.  Sizes are in
 * bytes; block sizes powers of two; size a multiple of block * assoc.
 * evict=rand draws from a fixed seed, so that a run can be repeated.
 *
 * The report: one line per core (and their sum) of accesses, misses and
 * miss rates, then the instructions with the most data misses, fetch
 * misses and L2 misses, most first (equal counts by address). */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu-plugin.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

enum eviction { EVICT_LRU, EVICT_FIFO, EVICT_RAND };

typedef struct {
    uint64_t size, block_size, assoc;
} CacheShape;

/* One set is assoc consecutive lines; a line's stamp is when it was last
 * used (lru) or filled (fifo): the victim has the smallest. */
typedef struct {
    uint64_t tag;
    uint64_t stamp;
    bool valid;
} Line;

typedef struct {
    GMutex lock;
    Line *lines;
    unsigned int block_shift;
    uint64_t n_sets;
    uint64_t assoc;
    uint64_t clock;
    GRand *random;
    uint64_t accesses, misses;
} Cache;

/* What the report says about one instruction. */
typedef struct {
    uint64_t addr;
    char *disassembly;
    const char *symbol;
    uint64_t data_misses, fetch_misses, l2_misses;
} Insn;

enum report_column { DATA_MISSES, FETCH_MISSES, L2_MISSES };

static enum eviction eviction = EVICT_LRU;
static unsigned int n_cores;
static bool system_mode;
static bool with_l2;
static int limit = 32;
static Cache *icaches, *dcaches, *l2caches; /* n_cores each */
static GMutex insns_lock;
static GHashTable *insns; /* addr -> Insn */

static bool cache_init(Cache *cache, CacheShape shape, const char *what)
{
    const char *problem = NULL;
    if (shape.block_size == 0 || (shape.block_size & (shape.block_size - 1))) {
        problem = "the block size must be a power of two";
    } else if (shape.assoc == 0 || shape.size == 0 || shape.size % (shape.block_size * shape.assoc)) {
        problem = "the size must be a multiple of block size times associativity";
    }
    if (problem) {
        fprintf(stderr, "cache: bad %s cache (size %" PRIu64 ", block %" PRIu64 ", assoc %" PRIu64 "): %s\n", what,
                shape.size, shape.block_size, shape.assoc, problem);
        return false;
    }
    g_mutex_init(&cache->lock);
    cache->block_shift = (unsigned int)__builtin_ctzll(shape.block_size);
    cache->assoc = shape.assoc;
    cache->n_sets = shape.size / (shape.block_size * shape.assoc);
    cache->lines = g_new0(Line, cache->n_sets * cache->assoc);
    cache->random = g_rand_new_with_seed(1);
    return true;
}

static Line *choose_victim(Cache *cache, Line *set)
{
    for (uint64_t way = 0; way < cache->assoc; way++) {
        if (!set[way].valid) {
            return &set[way];
        }
    }
    if (eviction == EVICT_RAND) {
        return &set[g_rand_int_range(cache->random, 0, (gint32)cache->assoc)];
    }
    Line *oldest = &set[0];
    for (uint64_t way = 1; way < cache->assoc; way++) {
        if (set[way].stamp < oldest->stamp) {
            oldest = &set[way];
        }
    }
    return oldest;
}

/* Looks addr up, filling its block on a miss; true on a hit. */
static bool cache_access(Cache *cache, uint64_t addr)
{
    uint64_t block = addr >> cache->block_shift;
    Line *set = &cache->lines[(block % cache->n_sets) * cache->assoc];
    uint64_t tag = block / cache->n_sets;
    bool hit = false;
    g_mutex_lock(&cache->lock);
    cache->clock++;
    cache->accesses++;
    for (uint64_t way = 0; way < cache->assoc && !hit; way++) {
        if (set[way].valid && set[way].tag == tag) {
            hit = true;
            if (eviction == EVICT_LRU) {
                set[way].stamp = cache->clock;
            }
        }
    }
    if (!hit) {
        cache->misses++;
        Line *victim = choose_victim(cache, set);
        *victim = (Line){.tag = tag, .stamp = cache->clock, .valid = true};
    }
    g_mutex_unlock(&cache->lock);
    return hit;
}

/* An L1 access of core, going on to L2 on a miss. */
static void access_hierarchy(Cache *l1, unsigned int core, uint64_t addr, uint64_t *l1_misses, Insn *insn)
{
    if (cache_access(l1, addr)) {
        return;
    }
    __atomic_fetch_add(l1_misses, 1, __ATOMIC_RELAXED);
    if (with_l2 && !cache_access(&l2caches[core], addr)) {
        __atomic_fetch_add(&insn->l2_misses, 1, __ATOMIC_RELAXED);
    }
}

static void on_fetch(unsigned int vcpu_index, void *userdata)
{
    Insn *insn = userdata;
    unsigned int core = vcpu_index % n_cores;
    access_hierarchy(&icaches[core], core, insn->addr, &insn->fetch_misses, insn);
}

static void on_memory(unsigned int vcpu_index, qemu_plugin_meminfo_t info, uint64_t vaddr, void *userdata)
{
    Insn *insn = userdata;
    unsigned int core = vcpu_index % n_cores;
    uint64_t addr = vaddr;
    struct qemu_plugin_hwaddr *hwaddr = qemu_plugin_get_hwaddr(info, vaddr);
    if (hwaddr) {
        if (qemu_plugin_hwaddr_is_io(hwaddr)) {
            return;
        }
        addr = qemu_plugin_hwaddr_phys_addr(hwaddr);
    }
    access_hierarchy(&dcaches[core], core, addr, &insn->data_misses, insn);
}

static Insn *insn_record(struct qemu_plugin_insn *handle)
{
    /* system mode: the host address stands for the physical one */
    uint64_t addr = system_mode ? (uint64_t)(uintptr_t)qemu_plugin_insn_haddr(handle) : qemu_plugin_insn_vaddr(handle);
    g_mutex_lock(&insns_lock);
    Insn *insn = g_hash_table_lookup(insns, &addr);
    if (!insn) {
        insn = g_new0(Insn, 1);
        insn->addr = addr;
        insn->disassembly = qemu_plugin_insn_disas(handle);
        insn->symbol = qemu_plugin_insn_symbol(handle);
        g_hash_table_insert(insns, &insn->addr, insn);
    }
    g_mutex_unlock(&insns_lock);
    return insn;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
        struct qemu_plugin_insn *handle = qemu_plugin_tb_get_insn(tb, i);
        Insn *insn = insn_record(handle);
        qemu_plugin_register_vcpu_insn_exec_cb(handle, on_fetch, QEMU_PLUGIN_CB_NO_REGS, insn);
        qemu_plugin_register_vcpu_mem_cb(handle, on_memory, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_MEM_RW, insn);
    }
}

static double rate(uint64_t misses, uint64_t accesses)
{
    return accesses ? 100.0 * (double)misses / (double)accesses : 0.0;
}

static void append_counts(GString *report, const char *core, const Cache *d, const Cache *i, const Cache *l2)
{
    g_string_append_printf(report, "%-8s%-14" PRIu64 " %-12" PRIu64 " %9.4f%%  %-14" PRIu64 " %-12" PRIu64 " %9.4f%%",
                           core, d->accesses, d->misses, rate(d->misses, d->accesses), i->accesses, i->misses,
                           rate(i->misses, i->accesses));
    if (l2) {
        g_string_append_printf(report, "  %-12" PRIu64 " %-11" PRIu64 " %10.4f%%", l2->accesses, l2->misses,
                               rate(l2->misses, l2->accesses));
    }
    g_string_append_c(report, '\n');
}

static void append_core_counts(GString *report)
{
    g_string_append(report, "core #, data accesses, data misses, dmiss rate, insn accesses, insn misses, imiss rate");
    g_string_append(report, with_l2 ? ", l2 accesses, l2 misses, l2 miss rate\n" : "\n");
    Cache sum_d = {0}, sum_i = {0}, sum_l2 = {0};
    for (unsigned int core = 0; core < n_cores; core++) {
        char name[16];
        snprintf(name, sizeof(name), "%u", core);
        Cache *l2 = with_l2 ? &l2caches[core] : NULL;
        append_counts(report, name, &dcaches[core], &icaches[core], l2);
        sum_d.accesses += dcaches[core].accesses;
        sum_d.misses += dcaches[core].misses;
        sum_i.accesses += icaches[core].accesses;
        sum_i.misses += icaches[core].misses;
        if (l2) {
            sum_l2.accesses += l2->accesses;
            sum_l2.misses += l2->misses;
        }
    }
    if (n_cores > 1) {
        append_counts(report, "sum", &sum_d, &sum_i, with_l2 ? &sum_l2 : NULL);
    }
    g_string_append_c(report, '\n');
}

static uint64_t misses_in(const Insn *insn, enum report_column column)
{
    switch (column) {
    case DATA_MISSES: return insn->data_misses;
    case FETCH_MISSES: return insn->fetch_misses;
    default: return insn->l2_misses;
    }
}

static gint most_misses_first(gconstpointer a, gconstpointer b, gpointer column_pointer)
{
    enum report_column column = GPOINTER_TO_INT(column_pointer);
    const Insn *x = a, *y = b;
    uint64_t mx = misses_in(x, column), my = misses_in(y, column);
    if (mx != my) {
        return mx > my ? -1 : 1;
    }
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Sorts *all (a list of every Insn) for column and lists its top. */
static void append_top(GString *report, GList **all, const char *title, enum report_column column)
{
    *all = g_list_sort_with_data(*all, most_misses_first, GINT_TO_POINTER(column));
    g_string_append_printf(report, "address, %s, instruction\n", title);
    int listed = 0;
    for (GList *item = *all; item && listed < limit; item = item->next) {
        const Insn *insn = item->data;
        uint64_t misses = misses_in(insn, column);
        if (!misses) {
            break;
        }
        g_string_append_printf(report, "0x%" PRIx64, insn->addr);
        if (insn->symbol) {
            g_string_append_printf(report, " (%s)", insn->symbol);
        }
        g_string_append_printf(report, ", %" PRIu64 ", %s\n", misses, insn->disassembly);
        listed++;
    }
}

static void report_at_exit(qemu_plugin_id_t id, void *userdata)
{
    (void)id;
    (void)userdata;
    GString *report = g_string_new(NULL);
    append_core_counts(report);
    GList *all = g_hash_table_get_values(insns);
    append_top(report, &all, "data misses", DATA_MISSES);
    g_string_append_c(report, '\n');
    append_top(report, &all, "fetch misses", FETCH_MISSES);
    if (with_l2) {
        g_string_append_c(report, '\n');
        append_top(report, &all, "L2 misses", L2_MISSES);
    }
    g_list_free(all);
    qemu_plugin_outs(report->str);
    g_string_free(report, TRUE);
}

static bool parse_number(const char *text, uint64_t *value)
{
    char *end;
    *value = g_ascii_strtoull(text, &end, 10);
    return g_ascii_isdigit(*text) && *end == '\0'; /* strtoull would take "-5" */
}

typedef struct {
    const char *name;
    uint64_t *value;
    bool implies_l2;
} SizeArgument;

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    CacheShape ishape = {16384, 64, 8}, dshape = {16384, 64, 8}, l2shape = {2097152, 64, 16};
    uint64_t cores = info->system_emulation ? (uint64_t)info->system.smp_vcpus : 1;
    uint64_t limit_arg = (uint64_t)limit;
    const SizeArgument sizes[] = {
        {"icachesize", &ishape.size, false},
        {"iblksize", &ishape.block_size, false},
        {"iassoc", &ishape.assoc, false},
        {"dcachesize", &dshape.size, false},
        {"dblksize", &dshape.block_size, false},
        {"dassoc", &dshape.assoc, false},
        {"l2cachesize", &l2shape.size, true},
        {"l2blksize", &l2shape.block_size, true},
        {"l2assoc", &l2shape.assoc, true},
        {"cores", &cores, false},
        {"limit", &limit_arg, false},
    };
    system_mode = info->system_emulation;
    for (int i = 0; i < argc; i++) {
        char **pair = g_strsplit(argv[i], "=", 2);
        bool ok = pair[0] && pair[1];
        bool known = false;
        for (size_t s = 0; ok && s < G_N_ELEMENTS(sizes) && !known; s++) {
            if (strcmp(pair[0], sizes[s].name) == 0) {
                known = true;
                ok = parse_number(pair[1], sizes[s].value);
                with_l2 |= sizes[s].implies_l2;
            }
        }
        if (ok && !known) {
            if (strcmp(pair[0], "l2") == 0) {
                ok = qemu_plugin_bool_parse(pair[0], pair[1], &with_l2);
            } else if (strcmp(pair[0], "evict") == 0) {
                if (strcmp(pair[1], "lru") == 0) {
                    eviction = EVICT_LRU;
                } else if (strcmp(pair[1], "fifo") == 0) {
                    eviction = EVICT_FIFO;
                } else if (strcmp(pair[1], "rand") == 0) {
                    eviction = EVICT_RAND;
                } else {
                    ok = false;
                }
            } else {
                ok = false;
            }
        }
        g_strfreev(pair);
        if (!ok) {
            fprintf(stderr, "cache: bad argument '%s'\n", argv[i]);
            return -1;
        }
    }
    if (cores == 0 || cores > 4096 || limit_arg > INT32_MAX) {
        fprintf(stderr, "cache: cores must be 1 to 4096, limit at most %d\n", INT32_MAX);
        return -1;
    }
    n_cores = (unsigned int)cores;
    limit = (int)limit_arg;
    icaches = g_new0(Cache, n_cores);
    dcaches = g_new0(Cache, n_cores);
    l2caches = with_l2 ? g_new0(Cache, n_cores) : NULL;
    for (unsigned int core = 0; core < n_cores; core++) {
        if (!cache_init(&icaches[core], ishape, "instruction") || !cache_init(&dcaches[core], dshape, "data") ||
            (with_l2 && !cache_init(&l2caches[core], l2shape, "L2"))) {
            return -1;
        }
    }
    insns = g_hash_table_new(g_int64_hash, g_int64_equal);
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, report_at_exit, NULL);
    return 0;
}
