/* bbv: basic-block vectors for SimPoint, as QEMU's contrib/plugins/bbv.
 *
 *   interval=N      instructions per vector (default 100000000)
 *   outfile=PREFIX  vectors of vCPU V go to PREFIX.V.bb (default "bbv")
 *
 * Each line of PREFIX.V.bb is one interval in SimPoint's format:
 *   T:id:count :id:count ...
 * where count is the number of instructions the block with that id ran
 * in the interval (executions times its length), blocks listed by id.
 * Blocks are numbered from 1 in the order they are first translated,
 * as Valgrind's exp-bbv numbers them; a block is known by its start
 * address, so a re-translation keeps its id.
 *
 * A block's instructions count when it starts; the interval closes at the
 * block that reaches N, so an interval holds N instructions or slightly
 * more (the excess is carried into the next one).  The last, incomplete
 * interval is not written. */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu-plugin.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

typedef struct {
    uint64_t start;
    unsigned int id;
    struct qemu_plugin_scoreboard *counts; /* instructions per vCPU */
} Block;

typedef struct {
    uint64_t in_interval; /* instructions since the last vector */
    FILE *out;
} Vcpu;

static uint64_t interval = 100000000;
static const char *prefix = "bbv";
static struct qemu_plugin_scoreboard *vcpus;
static qemu_plugin_u64 in_interval;

static GMutex blocks_lock;
static GHashTable *blocks_by_start;
static GPtrArray *blocks_by_id; /* index id - 1 */

static qemu_plugin_u64 block_count(Block *block)
{
    return qemu_plugin_scoreboard_u64(block->counts);
}

static void on_vcpu_init(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    (void)id;
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    char *path = g_strdup_printf("%s.%u.bb", prefix, vcpu_index);
    vcpu->out = fopen(path, "w");
    if (!vcpu->out) {
        fprintf(stderr, "bbv: cannot create %s\n", path);
    }
    g_free(path);
}

static void write_vector(unsigned int vcpu_index, void *userdata)
{
    (void)userdata;
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    vcpu->in_interval -= interval;
    if (!vcpu->out) {
        return;
    }
    fputc('T', vcpu->out);
    g_mutex_lock(&blocks_lock);
    for (guint i = 0; i < blocks_by_id->len; i++) {
        Block *block = g_ptr_array_index(blocks_by_id, i);
        uint64_t count = qemu_plugin_u64_get(block_count(block), vcpu_index);
        if (count) {
            fprintf(vcpu->out, ":%u:%" PRIu64 " ", block->id, count);
            qemu_plugin_u64_set(block_count(block), vcpu_index, 0);
        }
    }
    g_mutex_unlock(&blocks_lock);
    fputc('\n', vcpu->out);
}

static Block *block_at(uint64_t start)
{
    g_mutex_lock(&blocks_lock);
    Block *block = g_hash_table_lookup(blocks_by_start, &start);
    if (!block) {
        block = g_new0(Block, 1);
        block->start = start;
        block->counts = qemu_plugin_scoreboard_new(sizeof(uint64_t));
        g_ptr_array_add(blocks_by_id, block);
        block->id = blocks_by_id->len;
        g_hash_table_insert(blocks_by_start, &block->start, block);
    }
    g_mutex_unlock(&blocks_lock);
    return block;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n_insns = qemu_plugin_tb_n_insns(tb);
    Block *block = block_at(qemu_plugin_tb_vaddr(tb));
    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_ADD_U64, in_interval, n_insns);
    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_ADD_U64, block_count(block), n_insns);
    /* checked at the block's last instruction, after the block-level
     * additions above have certainly happened */
    struct qemu_plugin_insn *last = qemu_plugin_tb_get_insn(tb, n_insns - 1);
    qemu_plugin_register_vcpu_insn_exec_cond_cb(last, write_vector, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_GE,
                                                in_interval, interval, NULL);
}

static void close_file(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    (void)id;
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    if (vcpu->out) {
        fclose(vcpu->out);
        vcpu->out = NULL;
    }
}

static void close_files_at_exit(qemu_plugin_id_t id, void *userdata)
{
    (void)userdata;
    qemu_plugin_vcpu_for_each(id, close_file);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        char **pair = g_strsplit(argv[i], "=", 2);
        bool ok = pair[0] && pair[1];
        if (ok && g_strcmp0(pair[0], "interval") == 0) {
            char *end;
            interval = g_ascii_strtoull(pair[1], &end, 10);
            /* strtoull would take "-5" */
            ok = g_ascii_isdigit(pair[1][0]) && *end == '\0' && interval > 0;
        } else if (ok && g_strcmp0(pair[0], "outfile") == 0) {
            prefix = g_strdup(pair[1]);
        } else {
            ok = false;
        }
        g_strfreev(pair);
        if (!ok) {
            fprintf(stderr, "bbv: bad argument '%s' (interval=N, outfile=PREFIX)\n", argv[i]);
            return -1;
        }
    }
    blocks_by_start = g_hash_table_new(g_int64_hash, g_int64_equal);
    blocks_by_id = g_ptr_array_new();
    vcpus = qemu_plugin_scoreboard_new(sizeof(Vcpu));
    in_interval = qemu_plugin_scoreboard_u64_in_struct(vcpus, Vcpu, in_interval);
    qemu_plugin_register_vcpu_init_cb(id, on_vcpu_init);
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, close_files_at_exit, NULL);
    return 0;
}
