/* hwprofile: how often the guest touches each device, as QEMU's
 * contrib/plugins/hwprofile does.  A system-mode plugin: only accesses
 * that reach I/O (qemu_plugin_hwaddr_is_io) are counted, by device
 * (qemu_plugin_hwaddr_device_name).  In user mode there are no devices:
 * it refuses to install, as QEMU's does.
 *
 *   track=read|write   count only that kind of access (default: both)
 *   pattern=on         break each device down by offset into it
 *   source=on          break each device down by the guest pc that made
 *                      the access (not with pattern)
 *
 * The report, at exit, devices by address:
 *   addr, name, cpus, reads, writes
 *   0xADDR, NAME, 0xCPUMASK, READS, WRITES
 * or with pattern or source, per device
 *   NAME @ 0xADDR
 *     off:OFFSET, 0xCPUMASK, READS, WRITES     (pattern)
 *     pc:PC, 0xCPUMASK, READS, WRITES          (source)
 * where ADDR is the lowest physical address the guest used in the device
 * and OFFSET counts from it; the cpu mask has bit N for vCPU N (mod 64). */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu-plugin.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

typedef struct {
    uint64_t cpus; /* mask */
    uint64_t reads, writes;
} Counts;

typedef struct {
    char *name;
    uint64_t lowest;
    Counts total;
    GHashTable *detail; /* physical address or pc -> Counts */
} Device;

enum breakdown { BY_DEVICE, BY_OFFSET, BY_SOURCE };

static enum breakdown breakdown = BY_DEVICE;
static enum qemu_plugin_mem_rw tracked = QEMU_PLUGIN_MEM_RW;
static GMutex devices_lock;
static GHashTable *devices; /* name -> Device */

static void count(Counts *counts, unsigned int vcpu_index, bool store)
{
    counts->cpus |= 1ull << (vcpu_index % 64);
    if (store) {
        counts->writes++;
    } else {
        counts->reads++;
    }
}

static void on_memory(unsigned int vcpu_index, qemu_plugin_meminfo_t info, uint64_t vaddr, void *insn_pc)
{
    struct qemu_plugin_hwaddr *hwaddr = qemu_plugin_get_hwaddr(info, vaddr);
    if (!hwaddr || !qemu_plugin_hwaddr_is_io(hwaddr)) {
        return;
    }
    const char *name = qemu_plugin_hwaddr_device_name(hwaddr);
    uint64_t phys = qemu_plugin_hwaddr_phys_addr(hwaddr);
    bool store = qemu_plugin_mem_is_store(info);
    g_mutex_lock(&devices_lock);
    Device *device = g_hash_table_lookup(devices, name ? name : "unknown");
    if (!device) {
        device = g_new0(Device, 1);
        device->name = g_strdup(name ? name : "unknown");
        device->lowest = phys;
        device->detail = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
        g_hash_table_insert(devices, device->name, device);
    }
    device->lowest = MIN(device->lowest, phys);
    count(&device->total, vcpu_index, store);
    if (breakdown != BY_DEVICE) {
        uint64_t key = breakdown == BY_OFFSET ? phys : (uint64_t)(uintptr_t)insn_pc;
        Counts *counts = g_hash_table_lookup(device->detail, &key);
        if (!counts) {
            uint64_t *stored_key = g_new(uint64_t, 1);
            *stored_key = key;
            counts = g_new0(Counts, 1);
            g_hash_table_insert(device->detail, stored_key, counts);
        }
        count(counts, vcpu_index, store);
    }
    g_mutex_unlock(&devices_lock);
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        qemu_plugin_register_vcpu_mem_cb(insn, on_memory, QEMU_PLUGIN_CB_NO_REGS, tracked,
                                         (void *)(uintptr_t)qemu_plugin_insn_vaddr(insn));
    }
}

static gint device_by_address(gconstpointer a, gconstpointer b)
{
    const Device *x = a, *y = b;
    return x->lowest < y->lowest ? -1 : x->lowest > y->lowest;
}

static gint key_order(gconstpointer a, gconstpointer b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void append_detail(GString *report, const Device *device)
{
    g_string_append_printf(report, "%s @ 0x%016" PRIx64 "\n", device->name, device->lowest);
    GList *keys = g_list_sort(g_hash_table_get_keys(device->detail), key_order);
    for (GList *item = keys; item; item = item->next) {
        uint64_t key = *(uint64_t *)item->data;
        const Counts *counts = g_hash_table_lookup(device->detail, &key);
        if (breakdown == BY_OFFSET) {
            g_string_append_printf(report, "  off:%08" PRIx64, key - device->lowest);
        } else {
            g_string_append_printf(report, "  pc:%016" PRIx64, key);
        }
        g_string_append_printf(report, ", 0x%04" PRIx64 ", %" PRIu64 ", %" PRIu64 "\n", counts->cpus, counts->reads,
                               counts->writes);
    }
    g_list_free(keys);
}

static void report_at_exit(qemu_plugin_id_t id, void *userdata)
{
    (void)id;
    (void)userdata;
    GString *report = g_string_new(breakdown == BY_DEVICE ? "addr, name, cpus, reads, writes\n" : "");
    GList *sorted = g_list_sort(g_hash_table_get_values(devices), device_by_address);
    for (GList *item = sorted; item; item = item->next) {
        const Device *device = item->data;
        if (breakdown == BY_DEVICE) {
            g_string_append_printf(report, "0x%016" PRIx64 ", %s, 0x%04" PRIx64 ", %" PRIu64 ", %" PRIu64 "\n",
                                   device->lowest, device->name, device->total.cpus, device->total.reads,
                                   device->total.writes);
        } else {
            append_detail(report, device);
        }
    }
    g_list_free(sorted);
    qemu_plugin_outs(report->str);
    g_string_free(report, TRUE);
}

/* "NAME" alone or "NAME=on|off" */
static bool parse_switch(const char *arg, const char *name, bool *on, bool *matched)
{
    size_t length = strlen(name);
    *matched = strncmp(arg, name, length) == 0 && (arg[length] == '\0' || arg[length] == '=');
    if (!*matched) {
        return true;
    }
    *on = true;
    return arg[length] == '\0' || qemu_plugin_bool_parse(name, arg + length + 1, on);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    bool by_offset = false, by_source = false;
    for (int i = 0; i < argc; i++) {
        bool matched_pattern, matched_source;
        bool ok = parse_switch(argv[i], "pattern", &by_offset, &matched_pattern) &&
                  parse_switch(argv[i], "source", &by_source, &matched_source);
        if (ok && !matched_pattern && !matched_source) {
            if (strcmp(argv[i], "track=read") == 0) {
                tracked = QEMU_PLUGIN_MEM_R;
            } else if (strcmp(argv[i], "track=write") == 0) {
                tracked = QEMU_PLUGIN_MEM_W;
            } else {
                ok = false;
            }
        }
        if (!ok) {
            fprintf(stderr, "hwprofile: bad argument '%s' (track=read|write, pattern=on, source=on)\n", argv[i]);
            return -1;
        }
    }
    if (by_offset && by_source) {
        fprintf(stderr, "hwprofile: pattern and source cannot be used together\n");
        return -1;
    }
    if (!info->system_emulation) {
        fprintf(stderr, "hwprofile: profiles device accesses, which only system emulation has; "
                        "emu runs this program in user mode\n");
        return -1;
    }
    breakdown = by_offset ? BY_OFFSET : by_source ? BY_SOURCE : BY_DEVICE;
    devices = g_hash_table_new(g_str_hash, g_str_equal);
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, report_at_exit, NULL);
    return 0;
}
