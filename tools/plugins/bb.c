/* The bb plugin: counts the blocks each vCPU executes and the instructions
 * in them.
 *
 * Arguments (as QEMU's tests/tcg/plugins/bb.c takes them):
 *   inline=on|off  count with inline adds instead of a callback per block
 *   idle=on|off    print the vCPU's running counts whenever it idles
 *
 * Output: "CPUn: bb's: N, insns: M" for each vCPU that ran a block, then
 * "Total: bb's: N, insns: M". */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

struct vcpu_counts {
    uint64_t blocks;
    uint64_t insns;
};

static bool use_inline;
static bool report_on_idle;
static struct qemu_plugin_scoreboard *counts; /* struct vcpu_counts */
static qemu_plugin_u64 block_count;
static qemu_plugin_u64 insn_count;

static void append_vcpu_line(GString *out, unsigned int vcpu_index)
{
    const struct vcpu_counts *c = qemu_plugin_scoreboard_find(counts, vcpu_index);
    if (c->blocks) {
        g_string_append_printf(out, "CPU%u: bb's: %" PRIu64 ", insns: %" PRIu64 "\n", vcpu_index, c->blocks, c->insns);
    }
}

static void count_block(unsigned int vcpu_index, void *userdata)
{
    struct vcpu_counts *c = qemu_plugin_scoreboard_find(counts, vcpu_index);
    c->blocks++;
    c->insns += (uintptr_t)userdata;
}

static void translate_block(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    size_t n_insns = qemu_plugin_tb_n_insns(tb);
    (void)id;

    if (use_inline) {
        qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_ADD_U64, block_count, 1);
        qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_ADD_U64, insn_count, n_insns);
    } else {
        qemu_plugin_register_vcpu_tb_exec_cb(tb, count_block, QEMU_PLUGIN_CB_NO_REGS, (void *)(uintptr_t)n_insns);
    }
}

static void vcpu_idle(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    g_autoptr(GString) out = g_string_new("");
    (void)id;

    append_vcpu_line(out, vcpu_index);
    if (out->len) {
        g_string_prepend(out, "Idling ");
        qemu_plugin_outs(out->str);
    }
}

static void report(qemu_plugin_id_t id, void *userdata)
{
    g_autoptr(GString) out = g_string_new("");
    (void)id;
    (void)userdata;

    for (int i = 0; i < qemu_plugin_num_vcpus(); i++) {
        append_vcpu_line(out, i);
    }
    g_string_append_printf(out, "Total: bb's: %" PRIu64 ", insns: %" PRIu64 "\n", qemu_plugin_u64_sum(block_count),
                           qemu_plugin_u64_sum(insn_count));
    qemu_plugin_outs(out->str);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        bool *flag = strcmp(kv[0], "inline") == 0 ? &use_inline : strcmp(kv[0], "idle") == 0 ? &report_on_idle : NULL;
        if (!flag) {
            fprintf(stderr, "bb: unknown argument: %s\n", argv[i]);
            return -1;
        }
        if (!kv[1] || !qemu_plugin_bool_parse(kv[0], kv[1], flag)) {
            fprintf(stderr, "bb: %s needs on or off: %s\n", kv[0], argv[i]);
            return -1;
        }
    }

    counts = qemu_plugin_scoreboard_new(sizeof(struct vcpu_counts));
    block_count = qemu_plugin_scoreboard_u64_in_struct(counts, struct vcpu_counts, blocks);
    insn_count = qemu_plugin_scoreboard_u64_in_struct(counts, struct vcpu_counts, insns);
    if (report_on_idle) {
        qemu_plugin_register_vcpu_idle_cb(id, vcpu_idle);
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, translate_block);
    qemu_plugin_register_atexit_cb(id, report, NULL);
    return 0;
}
