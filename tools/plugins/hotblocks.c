/* The hotblocks plugin: which blocks the program runs most.
 *
 * Arguments (as QEMU's contrib/plugins/hotblocks.c takes them):
 *   inline=on|off  count executions with inline adds instead of callbacks
 *   limit=N        list the N hottest blocks (default 20)
 *
 * Output: "collected N entries in the hash table", then
 * "pc, tcount, icount, ecount" and a line per block, hottest first (the
 * same count by address): its address, how many times it was translated,
 * its instructions and its executions. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

/* A block: its address and length identify it (a block may be decoded
 * again shorter or longer, say after a breakpoint or code change). */
struct block {
    uint64_t pc;
    size_t insns;
    unsigned translations;
    struct qemu_plugin_scoreboard *executions; /* uint64_t per vCPU */
};

static bool use_inline;
static long limit = 20;
static GHashTable *blocks; /* struct block, by pc and insns */
static GMutex blocks_lock;

static guint block_hash(gconstpointer key)
{
    const struct block *b = key;
    return g_int64_hash(&b->pc) ^ (guint)b->insns;
}

static gboolean block_equal(gconstpointer a, gconstpointer b)
{
    const struct block *x = a, *y = b;
    return x->pc == y->pc && x->insns == y->insns;
}

static void count_execution(unsigned int vcpu_index, void *userdata)
{
    struct block *b = userdata;
    qemu_plugin_u64_add(qemu_plugin_scoreboard_u64(b->executions), vcpu_index, 1);
}

static void translate_block(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    struct block key = {.pc = qemu_plugin_tb_vaddr(tb), .insns = qemu_plugin_tb_n_insns(tb)};
    struct block *b;
    (void)id;

    g_mutex_lock(&blocks_lock);
    b = g_hash_table_lookup(blocks, &key);
    if (!b) {
        b = g_new(struct block, 1);
        *b = key;
        b->translations = 0;
        b->executions = qemu_plugin_scoreboard_new(sizeof(uint64_t));
        g_hash_table_add(blocks, b);
    }
    b->translations++;
    g_mutex_unlock(&blocks_lock);

    if (use_inline) {
        qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_ADD_U64,
                                                          qemu_plugin_scoreboard_u64(b->executions), 1);
    } else {
        qemu_plugin_register_vcpu_tb_exec_cb(tb, count_execution, QEMU_PLUGIN_CB_NO_REGS, b);
    }
}

static uint64_t executions(const struct block *b)
{
    return qemu_plugin_u64_sum(qemu_plugin_scoreboard_u64(b->executions));
}

/* hottest first; as hot, lower address first */
static gint hotter_first(gconstpointer a, gconstpointer b)
{
    const struct block *x = a, *y = b;
    uint64_t ex = executions(x), ey = executions(y);

    if (ex != ey) {
        return ex > ey ? -1 : 1;
    }
    if (x->pc != y->pc) {
        return x->pc < y->pc ? -1 : 1;
    }
    return x->insns < y->insns ? -1 : x->insns > y->insns;
}

static void report(qemu_plugin_id_t id, void *userdata)
{
    g_autoptr(GString) out = g_string_new("");
    (void)id, (void)userdata;

    g_mutex_lock(&blocks_lock);
    GList *sorted = g_list_sort(g_hash_table_get_keys(blocks), hotter_first);
    g_string_append_printf(out, "collected %u entries in the hash table\n", g_hash_table_size(blocks));
    g_string_append(out, "pc, tcount, icount, ecount\n");
    long n = 0;
    for (GList *l = sorted; l && n < limit; l = l->next, n++) {
        const struct block *b = l->data;
        g_string_append_printf(out, "%#016" PRIx64 ", %u, %zu, %" PRIu64 "\n", b->pc, b->translations, b->insns,
                               executions(b));
    }
    g_list_free(sorted);
    g_mutex_unlock(&blocks_lock);
    qemu_plugin_outs(out->str);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        char *end;

        if (strcmp(kv[0], "inline") == 0) {
            if (!kv[1] || !qemu_plugin_bool_parse(kv[0], kv[1], &use_inline)) {
                fprintf(stderr, "hotblocks: inline needs on or off: %s\n", argv[i]);
                return -1;
            }
        } else if (strcmp(kv[0], "limit") == 0 && kv[1]) {
            limit = strtol(kv[1], &end, 0);
            if (*end || limit < 0) {
                fprintf(stderr, "hotblocks: limit needs a count: %s\n", argv[i]);
                return -1;
            }
        } else {
            fprintf(stderr, "hotblocks: unknown argument: %s\n", argv[i]);
            return -1;
        }
    }

    blocks = g_hash_table_new(block_hash, block_equal);
    qemu_plugin_register_vcpu_tb_trans_cb(id, translate_block);
    qemu_plugin_register_atexit_cb(id, report, NULL);
    return 0;
}
