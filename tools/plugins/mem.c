/* The mem plugin: counts the program's memory accesses, or prints each.
 *
 * Arguments (as QEMU's tests/tcg/plugins/mem.c takes them):
 *   inline=on|off          count with inline adds
 *   callback=on|off        count with a callback per access
 *   hwaddr=on|off          also count accesses to I/O (system mode; user
 *                          mode has none)
 *   track=r|w|rw           which accesses: loads, stores or both (rw)
 *   print-accesses=on|off  print one CSV line per access
 *
 * Output: "mem accesses: N" with inline or callback (with both, an
 * "inline mem accesses: N" and a "callback mem accesses: N" line, which
 * must agree), "io accesses: N" with hwaddr; print-accesses prints the
 * header "insn_vaddr,insn_symbol,mem_vaddr,mem_hwaddr,access_size,
 * access_type,mem_value" then per access the instruction's address and
 * symbol, the address accessed (virtual, physical), the size in bits,
 * load or store and the value, as wide as the access. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

struct vcpu_counts {
    uint64_t inline_accesses;
    uint64_t callback_accesses;
    uint64_t io_accesses;
};

/* What print-accesses says about the instruction making an access. */
struct insn_info {
    uint64_t vaddr;
    char *symbol;
};

static bool use_inline, use_callback, count_io, print_accesses;
static enum qemu_plugin_mem_rw tracked = QEMU_PLUGIN_MEM_RW;
static struct qemu_plugin_scoreboard *counts; /* struct vcpu_counts */
static qemu_plugin_u64 inline_count, callback_count, io_count;
static GHashTable *insn_infos; /* vaddr -> struct insn_info, kept across retranslations */
static GMutex insn_infos_lock;

static struct insn_info *insn_info_of(struct qemu_plugin_insn *insn)
{
    uint64_t vaddr = qemu_plugin_insn_vaddr(insn);
    struct insn_info *info;

    g_mutex_lock(&insn_infos_lock);
    info = g_hash_table_lookup(insn_infos, &vaddr);
    if (!info) {
        const char *symbol = qemu_plugin_insn_symbol(insn);
        info = g_new0(struct insn_info, 1);
        info->vaddr = vaddr;
        info->symbol = g_strdup(symbol ? symbol : "");
        g_hash_table_insert(insn_infos, &info->vaddr, info);
    }
    g_mutex_unlock(&insn_infos_lock);
    return info;
}

static void append_value(GString *out, qemu_plugin_mem_value value)
{
    switch (value.type) {
    case QEMU_PLUGIN_MEM_VALUE_U8: g_string_append_printf(out, "0x%02" PRIx8, value.data.u8); break;
    case QEMU_PLUGIN_MEM_VALUE_U16: g_string_append_printf(out, "0x%04" PRIx16, value.data.u16); break;
    case QEMU_PLUGIN_MEM_VALUE_U32: g_string_append_printf(out, "0x%08" PRIx32, value.data.u32); break;
    case QEMU_PLUGIN_MEM_VALUE_U64: g_string_append_printf(out, "0x%016" PRIx64, value.data.u64); break;
    case QEMU_PLUGIN_MEM_VALUE_U128:
        g_string_append_printf(out, "0x%016" PRIx64 "%016" PRIx64, value.data.u128.high, value.data.u128.low);
        break;
    }
}

static void on_access(unsigned int vcpu_index, qemu_plugin_meminfo_t meminfo, uint64_t vaddr, void *userdata)
{
    struct qemu_plugin_hwaddr *hwaddr = qemu_plugin_get_hwaddr(meminfo, vaddr);

    if (use_callback) {
        qemu_plugin_u64_add(callback_count, vcpu_index, 1);
    }
    if (count_io && hwaddr && qemu_plugin_hwaddr_is_io(hwaddr)) {
        qemu_plugin_u64_add(io_count, vcpu_index, 1);
    }
    if (print_accesses) {
        const struct insn_info *insn = userdata;
        g_autoptr(GString) line = g_string_new("");
        g_string_printf(line, "0x%" PRIx64 ",%s,0x%" PRIx64 ",0x%" PRIx64 ",%u,%s,", insn->vaddr, insn->symbol, vaddr,
                        hwaddr ? qemu_plugin_hwaddr_phys_addr(hwaddr) : vaddr,
                        8u << qemu_plugin_mem_size_shift(meminfo),
                        qemu_plugin_mem_is_store(meminfo) ? "store" : "load");
        append_value(line, qemu_plugin_mem_get_value(meminfo));
        g_string_append_c(line, '\n');
        qemu_plugin_outs(line->str);
    }
}

static void translate_block(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    size_t n = qemu_plugin_tb_n_insns(tb);
    (void)id;

    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);

        if (use_inline) {
            qemu_plugin_register_vcpu_mem_inline_per_vcpu(insn, tracked, QEMU_PLUGIN_INLINE_ADD_U64, inline_count, 1);
        }
        if (use_callback || count_io || print_accesses) {
            qemu_plugin_register_vcpu_mem_cb(insn, on_access, QEMU_PLUGIN_CB_NO_REGS, tracked,
                                             print_accesses ? insn_info_of(insn) : NULL);
        }
    }
}

static void report(qemu_plugin_id_t id, void *userdata)
{
    g_autoptr(GString) out = g_string_new("");
    (void)id, (void)userdata;

    if (use_inline && use_callback) {
        g_string_append_printf(out, "inline mem accesses: %" PRIu64 "\n", qemu_plugin_u64_sum(inline_count));
        g_string_append_printf(out, "callback mem accesses: %" PRIu64 "\n", qemu_plugin_u64_sum(callback_count));
    } else if (use_inline || use_callback) {
        qemu_plugin_u64 count = use_inline ? inline_count : callback_count;
        g_string_append_printf(out, "mem accesses: %" PRIu64 "\n", qemu_plugin_u64_sum(count));
    }
    if (count_io) {
        g_string_append_printf(out, "io accesses: %" PRIu64 "\n", qemu_plugin_u64_sum(io_count));
    }
    qemu_plugin_outs(out->str);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        bool *flag = strcmp(kv[0], "inline") == 0           ? &use_inline
                     : strcmp(kv[0], "callback") == 0       ? &use_callback
                     : strcmp(kv[0], "hwaddr") == 0         ? &count_io
                     : strcmp(kv[0], "print-accesses") == 0 ? &print_accesses
                                                            : NULL;
        if (strcmp(kv[0], "track") == 0 && kv[1]) {
            if (strcmp(kv[1], "r") == 0) {
                tracked = QEMU_PLUGIN_MEM_R;
            } else if (strcmp(kv[1], "w") == 0) {
                tracked = QEMU_PLUGIN_MEM_W;
            } else if (strcmp(kv[1], "rw") == 0) {
                tracked = QEMU_PLUGIN_MEM_RW;
            } else {
                fprintf(stderr, "mem: track takes r, w or rw: %s\n", argv[i]);
                return -1;
            }
        } else if (!flag) {
            fprintf(stderr, "mem: unknown argument: %s\n", argv[i]);
            return -1;
        } else if (!kv[1] || !qemu_plugin_bool_parse(kv[0], kv[1], flag)) {
            fprintf(stderr, "mem: %s needs on or off: %s\n", kv[0], argv[i]);
            return -1;
        }
    }

    counts = qemu_plugin_scoreboard_new(sizeof(struct vcpu_counts));
    inline_count = qemu_plugin_scoreboard_u64_in_struct(counts, struct vcpu_counts, inline_accesses);
    callback_count = qemu_plugin_scoreboard_u64_in_struct(counts, struct vcpu_counts, callback_accesses);
    io_count = qemu_plugin_scoreboard_u64_in_struct(counts, struct vcpu_counts, io_accesses);
    insn_infos = g_hash_table_new(g_int64_hash, g_int64_equal);
    if (print_accesses) {
        qemu_plugin_outs("insn_vaddr,insn_symbol,mem_vaddr,mem_hwaddr,access_size,access_type,mem_value\n");
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, translate_block);
    qemu_plugin_register_atexit_cb(id, report, NULL);
    return 0;
}
