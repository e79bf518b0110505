/* The syscall plugin (user mode): counts the program's syscalls and the
 * ones that failed, or prints each call and return.
 *
 * Arguments (as QEMU's tests/tcg/plugins/syscall.c takes them):
 *   print=on|off       print "syscall #N" at each call and
 *                      "syscall #N returned -> R" at each return, instead
 *                      of the table at exit
 *   log_writes=on|off  hex-dump the buffer of every write(2)
 *
 * The table: "syscall no.  calls  errors", then a line per syscall number,
 * most called first.  Like QEMU's, the plugin answers the made-up syscall
 * 4096 with first argument 0x66CCFF itself, returning 0xFFCC66: a test of
 * syscall filtering. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define MAGIC_SYSCALL  4096
#define MAGIC_ARGUMENT 0x66CCFF
#define MAGIC_RESULT   0xFFCC66

struct syscall_stats {
    int64_t num;
    int64_t calls;
    int64_t errors;
};

/* write(2)'s number in each guest's Linux ABI */
static const struct {
    const char *target;
    int64_t write_num;
} write_syscalls[] = {
    {"riscv64", 64}, {"riscv32", 64}, {"aarch64", 64}, {"loongarch64", 64},
    {"x86_64", 1},   {"i386", 4},     {"arm", 4},      {"ppc64", 4},
};

static bool print_each;
static bool log_writes;
static int64_t write_num = -1;
static GHashTable *stats; /* num -> struct syscall_stats; NULL when printing */
static GMutex stats_lock;

static struct syscall_stats *stats_of(int64_t num)
{
    struct syscall_stats *s = g_hash_table_lookup(stats, &num);
    if (!s) {
        s = g_new0(struct syscall_stats, 1);
        s->num = num;
        g_hash_table_insert(stats, &s->num, s);
    }
    return s;
}

/* 16 bytes a line: hex, then " | " and the printable ones as text */
static void hexdump(const GByteArray *data)
{
    g_autoptr(GString) out = g_string_new("");

    for (guint line = 0; line < data->len; line += 16) {
        for (guint col = 0; col < 16; col++) {
            if (line + col < data->len) {
                g_string_append_printf(out, "%02x ", data->data[line + col]);
            } else {
                g_string_append(out, "   ");
            }
        }
        g_string_append(out, " | ");
        for (guint col = 0; col < 16 && line + col < data->len; col++) {
            guint8 c = data->data[line + col];
            g_string_append_c(out, g_ascii_isgraph(c) ? (char)c : '.');
        }
        g_string_append_c(out, '\n');
    }
    qemu_plugin_outs(out->str);
}

static void on_syscall(qemu_plugin_id_t id, unsigned int vcpu_index, int64_t num, uint64_t a1, uint64_t a2, uint64_t a3,
                       uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8)
{
    (void)id, (void)vcpu_index, (void)a1, (void)a4, (void)a5, (void)a6, (void)a7, (void)a8;

    if (stats) {
        g_mutex_lock(&stats_lock);
        stats_of(num)->calls++;
        g_mutex_unlock(&stats_lock);
    } else {
        g_autofree char *line = g_strdup_printf("syscall #%" PRIi64 "\n", num);
        qemu_plugin_outs(line);
    }

    if (log_writes && num == write_num) {
        g_autoptr(GByteArray) buffer = g_byte_array_new();
        if (qemu_plugin_read_memory_vaddr(a2, buffer, a3)) {
            hexdump(buffer);
        } else {
            g_autofree char *line = g_strdup_printf("cannot read the write buffer at 0x%" PRIx64 "\n", a2);
            qemu_plugin_outs(line);
        }
    }
}

static void on_syscall_return(qemu_plugin_id_t id, unsigned int vcpu_index, int64_t num, int64_t ret)
{
    (void)id, (void)vcpu_index;

    if (stats) {
        g_mutex_lock(&stats_lock);
        if (ret < 0) {
            stats_of(num)->errors++;
        }
        g_mutex_unlock(&stats_lock);
    } else {
        g_autofree char *line = g_strdup_printf("syscall #%" PRIi64 " returned -> %" PRIi64 "\n", num, ret);
        qemu_plugin_outs(line);
    }
}

static bool filter_syscall(qemu_plugin_id_t id, unsigned int vcpu_index, int64_t num, uint64_t a1, uint64_t a2,
                           uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8,
                           uint64_t *sysret)
{
    (void)id, (void)vcpu_index, (void)a2, (void)a3, (void)a4, (void)a5, (void)a6, (void)a7, (void)a8;

    if (num != MAGIC_SYSCALL || a1 != MAGIC_ARGUMENT) {
        return false;
    }
    *sysret = MAGIC_RESULT;
    if (!stats) {
        qemu_plugin_outs("magic syscall filtered, set magic return\n");
    }
    return true;
}

/* most calls first; the same number of calls by syscall number */
static gint by_calls(gconstpointer a, gconstpointer b)
{
    const struct syscall_stats *x = a, *y = b;
    if (x->calls != y->calls) {
        return x->calls > y->calls ? -1 : 1;
    }
    return x->num < y->num ? -1 : x->num > y->num;
}

static void report(qemu_plugin_id_t id, void *userdata)
{
    g_autoptr(GString) out = g_string_new("syscall no.  calls  errors\n");
    (void)id, (void)userdata;

    if (!stats) {
        return;
    }
    g_mutex_lock(&stats_lock);
    GList *entries = g_list_sort(g_hash_table_get_values(stats), by_calls);
    for (GList *l = entries; l; l = l->next) {
        const struct syscall_stats *s = l->data;
        g_string_append_printf(out, "%-13" PRIi64 "%-6" PRIi64 " %" PRIi64 "\n", s->num, s->calls, s->errors);
    }
    g_list_free(entries);
    g_mutex_unlock(&stats_lock);
    qemu_plugin_outs(out->str);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        bool *flag = strcmp(kv[0], "print") == 0 ? &print_each : strcmp(kv[0], "log_writes") == 0 ? &log_writes : NULL;
        if (!flag) {
            fprintf(stderr, "syscall: unknown argument: %s\n", argv[i]);
            return -1;
        }
        if (!kv[1] || !qemu_plugin_bool_parse(kv[0], kv[1], flag)) {
            fprintf(stderr, "syscall: %s needs on or off: %s\n", kv[0], argv[i]);
            return -1;
        }
    }

    if (log_writes) {
        for (size_t i = 0; i < G_N_ELEMENTS(write_syscalls); i++) {
            if (strcmp(write_syscalls[i].target, info->target_name) == 0) {
                write_num = write_syscalls[i].write_num;
            }
        }
        if (write_num < 0) {
            fprintf(stderr, "syscall: log_writes: write's number on %s is not known\n", info->target_name);
            return -1;
        }
    }
    if (!print_each) {
        stats = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL, g_free);
    }

    qemu_plugin_register_vcpu_syscall_cb(id, on_syscall);
    qemu_plugin_register_vcpu_syscall_ret_cb(id, on_syscall_return);
    qemu_plugin_register_vcpu_syscall_filter_cb(id, filter_syscall);
    qemu_plugin_register_atexit_cb(id, report, NULL);
    return 0;
}
