/* The insn plugin: counts the instructions each vCPU executes.
 *
 * Arguments (as QEMU's tests/tcg/plugins/insn.c takes them):
 *   inline=on|off  count with inline adds instead of a callback per insn
 *   sizes=on|off   report how many executed instructions had each length
 *   match=STRING   (repeatable) also follow the instructions whose
 *                  disassembly starts with STRING: hits and the distance
 *                  in instructions between hits
 *   trace=on|off   with match, print a line at every hit
 *
 * Output: "cpu N insns: M" per vCPU and "total insns: M" (or, with sizes,
 * "len N bytes: M insns" per length), then for each match
 * "Match: STRING, hits N" and one "  ADDR: DISAS (hits N)" per matching
 * instruction, by address. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

/* Longer than any instruction of a guest emu runs. */
#define MAX_INSN_BYTES 16

struct vcpu_counts {
    uint64_t insns;
    uint64_t by_size[MAX_INSN_BYTES + 1];
};

/* Per vCPU, for one match string: hits and the insn count at the last. */
struct match_counts {
    uint64_t hits;
    uint64_t last_hit_icount;
    uint64_t total_delta;
};

struct match {
    char *prefix;
    struct qemu_plugin_scoreboard *counts; /* struct match_counts */
};

/* One matching instruction, created the first time it is translated. */
struct matched_insn {
    const struct match *match;
    uint64_t vaddr;
    char *disas;
    uint64_t hits; /* updated atomically: vCPUs share it */
};

static bool use_inline;
static bool report_sizes;
static bool trace_matches;
static struct qemu_plugin_scoreboard *counts; /* struct vcpu_counts */
static qemu_plugin_u64 insn_count;
static GArray *matches;           /* struct match */
static GHashTable *matched_insns; /* "vaddr disas" -> struct matched_insn */
static GMutex matched_insns_lock;

/* The entry counting instructions of size bytes. */
static qemu_plugin_u64 size_count(size_t size)
{
    return (qemu_plugin_u64){counts, offsetof(struct vcpu_counts, by_size) + size * sizeof(uint64_t)};
}

static void count_insn(unsigned int vcpu_index, void *userdata)
{
    qemu_plugin_u64_add(insn_count, vcpu_index, 1);
    if (report_sizes) {
        qemu_plugin_u64_add(size_count((uintptr_t)userdata), vcpu_index, 1);
    }
}

static void count_match(unsigned int vcpu_index, void *userdata)
{
    struct matched_insn *insn = userdata;
    struct match_counts *mc = qemu_plugin_scoreboard_find(insn->match->counts, vcpu_index);
    uint64_t icount = qemu_plugin_u64_get(insn_count, vcpu_index);
    uint64_t delta = icount - mc->last_hit_icount;
    uint64_t insn_hits = __atomic_add_fetch(&insn->hits, 1, __ATOMIC_RELAXED);

    mc->hits++;
    mc->total_delta += delta;
    mc->last_hit_icount = icount;
    if (trace_matches) {
        g_autofree char *line =
            g_strdup_printf("0x%" PRIx64 ", '%s', %" PRIu64 " hits, %" PRIu64 " match hits, Δ+%" PRIu64
                            " since last match, %" PRIu64 " avg insns/match\n",
                            insn->vaddr, insn->disas, insn_hits, mc->hits, delta, mc->total_delta / mc->hits);
        qemu_plugin_outs(line);
    }
}

static struct matched_insn *matched_insn_record(const struct match *m, uint64_t vaddr, const char *disas)
{
    g_autofree char *key = g_strdup_printf("%" PRIx64 " %s %s", vaddr, disas, m->prefix);
    struct matched_insn *insn;

    g_mutex_lock(&matched_insns_lock);
    insn = g_hash_table_lookup(matched_insns, key);
    if (!insn) {
        insn = g_new0(struct matched_insn, 1);
        insn->match = m;
        insn->vaddr = vaddr;
        insn->disas = g_strdup(disas);
        g_hash_table_insert(matched_insns, g_steal_pointer(&key), insn);
    }
    g_mutex_unlock(&matched_insns_lock);
    return insn;
}

static void instrument_matches(struct qemu_plugin_insn *insn)
{
    g_autofree char *disas = qemu_plugin_insn_disas(insn);

    for (guint i = 0; i < matches->len; i++) {
        const struct match *m = &g_array_index(matches, struct match, i);
        if (disas && g_str_has_prefix(disas, m->prefix)) {
            struct matched_insn *rec = matched_insn_record(m, qemu_plugin_insn_vaddr(insn), disas);
            qemu_plugin_register_vcpu_insn_exec_cb(insn, count_match, QEMU_PLUGIN_CB_NO_REGS, rec);
        }
    }
}

static void translate_block(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    size_t n = qemu_plugin_tb_n_insns(tb);
    (void)id;

    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        size_t size = MIN(qemu_plugin_insn_size(insn), MAX_INSN_BYTES);

        /* the count goes first, so a match callback sees it include this insn */
        if (use_inline) {
            qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn, QEMU_PLUGIN_INLINE_ADD_U64, insn_count, 1);
            if (report_sizes) {
                qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn, QEMU_PLUGIN_INLINE_ADD_U64, size_count(size),
                                                                    1);
            }
        } else {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, count_insn, QEMU_PLUGIN_CB_NO_REGS, (void *)(uintptr_t)size);
        }
        if (matches->len) {
            instrument_matches(insn);
        }
    }
}

static gint by_vaddr(gconstpointer a, gconstpointer b)
{
    const struct matched_insn *x = a, *y = b;
    if (x->vaddr != y->vaddr) {
        return x->vaddr < y->vaddr ? -1 : 1;
    }
    return strcmp(x->disas, y->disas);
}

static void report_match(GString *out, const struct match *m)
{
    qemu_plugin_u64 hits = qemu_plugin_scoreboard_u64_in_struct(m->counts, struct match_counts, hits);
    GList *insns = g_list_sort(g_hash_table_get_values(matched_insns), by_vaddr);

    g_string_append_printf(out, "Match: %s, hits %" PRIu64 "\n", m->prefix, qemu_plugin_u64_sum(hits));
    for (GList *l = insns; l; l = l->next) {
        const struct matched_insn *insn = l->data;
        if (insn->match == m) {
            g_string_append_printf(out, "  %" PRIx64 ": %s (hits %" PRIu64 ")\n", insn->vaddr, insn->disas, insn->hits);
        }
    }
    g_list_free(insns);
}

static void report(qemu_plugin_id_t id, void *userdata)
{
    g_autoptr(GString) out = g_string_new("");
    (void)id;
    (void)userdata;

    if (report_sizes) {
        for (size_t size = 0; size <= MAX_INSN_BYTES; size++) {
            uint64_t n = qemu_plugin_u64_sum(size_count(size));
            if (n) {
                g_string_append_printf(out, "len %zu bytes: %" PRIu64 " insns\n", size, n);
            }
        }
    } else {
        for (int i = 0; i < qemu_plugin_num_vcpus(); i++) {
            g_string_append_printf(out, "cpu %d insns: %" PRIu64 "\n", i, qemu_plugin_u64_get(insn_count, i));
        }
        g_string_append_printf(out, "total insns: %" PRIu64 "\n", qemu_plugin_u64_sum(insn_count));
    }
    for (guint i = 0; i < matches->len; i++) {
        report_match(out, &g_array_index(matches, struct match, i));
    }
    qemu_plugin_outs(out->str);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    matches = g_array_new(false, true, sizeof(struct match));
    matched_insns = g_hash_table_new(g_str_hash, g_str_equal);

    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        bool *flag = strcmp(kv[0], "inline") == 0  ? &use_inline
                     : strcmp(kv[0], "sizes") == 0 ? &report_sizes
                     : strcmp(kv[0], "trace") == 0 ? &trace_matches
                                                   : NULL;
        if (!kv[1]) {
            fprintf(stderr, "insn: argument needs a value: %s\n", argv[i]);
            return -1;
        }
        if (strcmp(kv[0], "match") == 0) {
            struct match m = {g_strdup(kv[1]), qemu_plugin_scoreboard_new(sizeof(struct match_counts))};
            g_array_append_val(matches, m);
        } else if (!flag) {
            fprintf(stderr, "insn: unknown argument: %s\n", argv[i]);
            return -1;
        } else if (!qemu_plugin_bool_parse(kv[0], kv[1], flag)) {
            fprintf(stderr, "insn: %s needs on or off: %s\n", kv[0], argv[i]);
            return -1;
        }
    }

    counts = qemu_plugin_scoreboard_new(sizeof(struct vcpu_counts));
    insn_count = qemu_plugin_scoreboard_u64_in_struct(counts, struct vcpu_counts, insns);
    qemu_plugin_register_vcpu_tb_trans_cb(id, translate_block);
    qemu_plugin_register_atexit_cb(id, report, NULL);
    return 0;
}
