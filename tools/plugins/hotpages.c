/* The hotpages plugin: which pages the program reads and writes most.
 *
 * Arguments (as QEMU's contrib/plugins/hotpages.c takes them):
 *   sortby=reads|writes|address  order of the list (default: by reads plus
 *                                writes, most first)
 *   io=on|off                    also count accesses to I/O (system mode)
 *   pagesize=N                   the page size (default 4096, a power of 2)
 *
 * Output: "Addr, RCPUs, Reads, WCPUs, Writes", then for the 50 first pages
 * in that order a line with the page's address, the vCPUs that read it
 * (a bit mask), its reads, the vCPUs that wrote it and its writes. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define PAGES_LISTED 50

struct page {
    uint64_t addr;
    uint64_t read_vcpus, write_vcpus; /* bit n: vCPU n (the first 64) */
    int64_t reads, writes;
};

enum sort_order { BY_ACCESSES, BY_READS, BY_WRITES, BY_ADDRESS };

static enum sort_order sort_order = BY_ACCESSES;
static bool track_io;
static uint64_t page_mask = ~(uint64_t)4095;
static GHashTable *pages; /* struct page by address */
static GMutex pages_lock;

static void on_access(unsigned int vcpu_index, qemu_plugin_meminfo_t info, uint64_t vaddr, void *userdata)
{
    struct qemu_plugin_hwaddr *hwaddr = qemu_plugin_get_hwaddr(info, vaddr);
    uint64_t vcpu_bit = vcpu_index < 64 ? (uint64_t)1 << vcpu_index : 0;
    uint64_t addr = vaddr;
    struct page *p;
    (void)userdata;

    if (hwaddr) {
        if (qemu_plugin_hwaddr_is_io(hwaddr) && !track_io) {
            return;
        }
        addr = qemu_plugin_hwaddr_phys_addr(hwaddr);
    }
    addr &= page_mask;

    g_mutex_lock(&pages_lock);
    p = g_hash_table_lookup(pages, &addr);
    if (!p) {
        p = g_new0(struct page, 1);
        p->addr = addr;
        g_hash_table_insert(pages, &p->addr, p);
    }
    if (qemu_plugin_mem_is_store(info)) {
        p->writes++;
        p->write_vcpus |= vcpu_bit;
    } else {
        p->reads++;
        p->read_vcpus |= vcpu_bit;
    }
    g_mutex_unlock(&pages_lock);
}

static void translate_block(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
        qemu_plugin_register_vcpu_mem_cb(qemu_plugin_tb_get_insn(tb, i), on_access, QEMU_PLUGIN_CB_NO_REGS,
                                         QEMU_PLUGIN_MEM_RW, NULL);
    }
}

static int most_first(int64_t a, int64_t b)
{
    return a > b ? -1 : a < b;
}

/* the chosen order; equal pages by address */
static gint page_order(gconstpointer a, gconstpointer b)
{
    const struct page *x = a, *y = b;
    int order = 0;

    switch (sort_order) {
    case BY_ACCESSES: order = most_first(x->reads + x->writes, y->reads + y->writes); break;
    case BY_READS: order = most_first(x->reads, y->reads); break;
    case BY_WRITES: order = most_first(x->writes, y->writes); break;
    case BY_ADDRESS: break;
    }
    return order ? order : x->addr < y->addr ? -1 : x->addr > y->addr;
}

static void report(qemu_plugin_id_t id, void *userdata)
{
    g_autoptr(GString) out = g_string_new("Addr, RCPUs, Reads, WCPUs, Writes\n");
    (void)id, (void)userdata;

    g_mutex_lock(&pages_lock);
    GList *sorted = g_list_sort(g_hash_table_get_values(pages), page_order);
    int n = 0;
    for (GList *l = sorted; l && n < PAGES_LISTED; l = l->next, n++) {
        const struct page *p = l->data;
        g_string_append_printf(out, "0x%014" PRIx64 ", 0x%04" PRIx64 ", %" PRId64 ", 0x%04" PRIx64 ", %" PRId64 "\n",
                               p->addr, p->read_vcpus, p->reads, p->write_vcpus, p->writes);
    }
    g_list_free(sorted);
    g_mutex_unlock(&pages_lock);
    qemu_plugin_outs(out->str);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        const char *value = kv[1] ? kv[1] : "";

        if (strcmp(kv[0], "sortby") == 0) {
            if (strcmp(value, "reads") == 0) {
                sort_order = BY_READS;
            } else if (strcmp(value, "writes") == 0) {
                sort_order = BY_WRITES;
            } else if (strcmp(value, "address") == 0) {
                sort_order = BY_ADDRESS;
            } else {
                fprintf(stderr, "hotpages: sortby takes reads, writes or address: %s\n", argv[i]);
                return -1;
            }
        } else if (strcmp(kv[0], "io") == 0) {
            if (!qemu_plugin_bool_parse(kv[0], value, &track_io)) {
                fprintf(stderr, "hotpages: io needs on or off: %s\n", argv[i]);
                return -1;
            }
        } else if (strcmp(kv[0], "pagesize") == 0) {
            char *end;
            uint64_t size = strtoull(value, &end, 0);
            if (*end || size == 0 || (size & (size - 1))) {
                fprintf(stderr, "hotpages: pagesize needs a power of 2: %s\n", argv[i]);
                return -1;
            }
            page_mask = ~(size - 1);
        } else {
            fprintf(stderr, "hotpages: unknown argument: %s\n", argv[i]);
            return -1;
        }
    }

    pages = g_hash_table_new(g_int64_hash, g_int64_equal);
    qemu_plugin_register_vcpu_tb_trans_cb(id, translate_block);
    qemu_plugin_register_atexit_cb(id, report, NULL);
    return 0;
}
