/* The howvec plugin: how many instructions of each class the program runs.
 *
 * For riscv64 the classes come from the ISA specs' metadata: emu's
 * generated decoder names each instruction and flags its loads, stores,
 * branches and syscalls; the rest is told apart by name (amo, lr, sc: the
 * A extension; mul, div, rem: M; f: F and D).  Other guests get a single
 * class, "Unclassified".
 *
 * Arguments (as QEMU's contrib/plugins/howvec.c takes them):
 *   inline=on|off   count with inline adds instead of callbacks
 *   verbose=on|off  list the classes that did not run too
 *   count=CLASS     count CLASS's instructions one by one (repeatable)
 *   count=!CLASS    do not count CLASS at all
 * CLASS is the short name in the table below (alu, load, branch...).
 *
 * Output: "Instruction Classes:", one "Class: NAME (N hits)" line per class
 * ("counted individually" or "not counted" for the two count= forms), then
 * "Individual Instructions:" and "Instr: DISAS (N hits) (op=0x.../CLASS)"
 * lines, most executed first. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <qemu-plugin.h>

#include "riscv64-decode.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define INSNS_LISTED 50

enum counting { COUNT_CLASS, COUNT_INDIVIDUAL, COUNT_NONE };

struct insn_class {
    const char *name;
    const char *opt; /* its name in count= */
    enum counting counting;
    qemu_plugin_u64 hits;
};

/* The riscv64 classes, in the order they are listed. */
enum riscv64_class {
    RV_ALU,
    RV_MULDIV,
    RV_FP,
    RV_LOAD,
    RV_STORE,
    RV_ATOMIC,
    RV_BRANCH,
    RV_JUMP,
    RV_SYSCALL,
    RV_SYSTEM,
    RV_ILLEGAL,
    RV_CLASSES
};

static struct insn_class riscv64_classes[RV_CLASSES] = {
    [RV_ALU] = {"Integer ALU", "alu"},       [RV_MULDIV] = {"Multiply/Divide", "muldiv"},
    [RV_FP] = {"Floating point", "fp"},      [RV_LOAD] = {"Load", "load"},
    [RV_STORE] = {"Store", "store"},         [RV_ATOMIC] = {"Atomic", "atomic"},
    [RV_BRANCH] = {"Cond Branch", "branch"}, [RV_JUMP] = {"Jump", "jump"},
    [RV_SYSCALL] = {"Syscall", "syscall"},   [RV_SYSTEM] = {"System (CSR, fence)", "system"},
    [RV_ILLEGAL] = {"Illegal", "illegal"},
};

static struct insn_class unclassified[] = {{.name = "Unclassified", .opt = "unclassified"}};

/* One instruction counted individually: by its encoding, as QEMU keys it. */
struct insn_record {
    uint32_t opcode;
    char *disas;
    const struct insn_class *class;
    qemu_plugin_u64 hits;
};

static bool use_inline;
static bool verbose;
static struct insn_class *classes;
static size_t n_classes;
static bool is_riscv64;
static GHashTable *records; /* opcode -> struct insn_record */
static GMutex records_lock;

static bool has_prefix(const char *name, const char *prefix)
{
    return strncmp(name, prefix, strlen(prefix)) == 0;
}

static enum riscv64_class riscv64_class_of(int handler)
{
    if (handler < 0) {
        return RV_ILLEGAL;
    }
    const struct insn_meta *meta = &riscv64_insn_meta[handler];
    const char *name = meta->name;

    if (has_prefix(name, "amo") || has_prefix(name, "lr.") || has_prefix(name, "sc.")) {
        return RV_ATOMIC;
    }
    if (meta->flags & INSN_SYSCALL) {
        return RV_SYSCALL;
    }
    if (meta->flags & INSN_BRANCH) {
        return name[0] == 'j' ? RV_JUMP : RV_BRANCH;
    }
    if (meta->flags & INSN_LOAD) {
        return RV_LOAD;
    }
    if (meta->flags & INSN_STORE) {
        return RV_STORE;
    }
    if ((meta->flags & INSN_CALLS_CPU_HELPER) || has_prefix(name, "fence") || strcmp(name, "ebreak") == 0) {
        return RV_SYSTEM;
    }
    if (name[0] == 'f') {
        return RV_FP;
    }
    if (has_prefix(name, "mul") || has_prefix(name, "div") || has_prefix(name, "rem")) {
        return RV_MULDIV;
    }
    return RV_ALU;
}

/* The instruction's first 4 bytes (fewer if shorter), little-endian. */
static uint32_t opcode_of(const struct qemu_plugin_insn *insn)
{
    uint8_t bytes[4] = {0};
    size_t n = qemu_plugin_insn_data(insn, bytes, sizeof(bytes));
    uint32_t opcode = 0;

    for (size_t i = 0; i < n; i++) {
        opcode |= (uint32_t)bytes[i] << (8 * i);
    }
    return opcode;
}

static struct insn_class *class_of(const struct qemu_plugin_insn *insn, uint32_t opcode)
{
    if (!is_riscv64) {
        return &classes[0];
    }
    struct decoded_insn decoded;
    memset(&decoded, 0, sizeof(decoded));
    return &classes[riscv64_class_of(riscv64_decode(opcode, qemu_plugin_insn_size(insn), &decoded))];
}

static struct insn_record *record_of(struct qemu_plugin_insn *insn, uint32_t opcode, const struct insn_class *class)
{
    struct insn_record *r;

    g_mutex_lock(&records_lock);
    r = g_hash_table_lookup(records, GUINT_TO_POINTER(opcode));
    if (!r) {
        r = g_new0(struct insn_record, 1);
        r->opcode = opcode;
        r->disas = qemu_plugin_insn_disas(insn);
        r->class = class;
        r->hits = qemu_plugin_scoreboard_u64(qemu_plugin_scoreboard_new(sizeof(uint64_t)));
        g_hash_table_insert(records, GUINT_TO_POINTER(opcode), r);
    }
    g_mutex_unlock(&records_lock);
    return r;
}

static void count_hit(unsigned int vcpu_index, void *userdata)
{
    qemu_plugin_u64_add(*(qemu_plugin_u64 *)userdata, vcpu_index, 1);
}

static void translate_block(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint32_t opcode = opcode_of(insn);
        struct insn_class *class = class_of(insn, opcode);
        qemu_plugin_u64 *hits;

        switch (class->counting) {
        case COUNT_NONE: continue;
        case COUNT_CLASS: hits = &class->hits; break;
        case COUNT_INDIVIDUAL:
        default: hits = &record_of(insn, opcode, class)->hits; break;
        }
        if (use_inline) {
            qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn, QEMU_PLUGIN_INLINE_ADD_U64, *hits, 1);
        } else {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, count_hit, QEMU_PLUGIN_CB_NO_REGS, hits);
        }
    }
}

/* most hits first; as many, by encoding */
static gint most_hits_first(gconstpointer a, gconstpointer b)
{
    const struct insn_record *x = a, *y = b;
    uint64_t hx = qemu_plugin_u64_sum(x->hits), hy = qemu_plugin_u64_sum(y->hits);

    if (hx != hy) {
        return hx > hy ? -1 : 1;
    }
    return x->opcode < y->opcode ? -1 : x->opcode > y->opcode;
}

static void report(qemu_plugin_id_t id, void *userdata)
{
    g_autoptr(GString) out = g_string_new("Instruction Classes:\n");
    (void)id, (void)userdata;

    for (size_t i = 0; i < n_classes; i++) {
        const struct insn_class *c = &classes[i];
        uint64_t hits = qemu_plugin_u64_sum(c->hits);

        if (c->counting == COUNT_INDIVIDUAL) {
            g_string_append_printf(out, "Class: %-24s\tcounted individually\n", c->name);
        } else if (c->counting == COUNT_NONE) {
            g_string_append_printf(out, "Class: %-24s\tnot counted\n", c->name);
        } else if (hits || verbose) {
            g_string_append_printf(out, "Class: %-24s\t(%" PRIu64 " hits)\n", c->name, hits);
        }
    }

    g_mutex_lock(&records_lock);
    GList *sorted = g_list_sort(g_hash_table_get_values(records), most_hits_first);
    if (sorted) {
        g_string_append(out, "Individual Instructions:\n");
    }
    int n = 0;
    for (GList *l = sorted; l && n < INSNS_LISTED; l = l->next, n++) {
        const struct insn_record *r = l->data;
        g_string_append_printf(out, "Instr: %-24s\t(%" PRIu64 " hits)\t(op=0x%08" PRIx32 "/%s)\n",
                               r->disas ? r->disas : "?", qemu_plugin_u64_sum(r->hits), r->opcode, r->class->name);
    }
    g_list_free(sorted);
    g_mutex_unlock(&records_lock);
    qemu_plugin_outs(out->str);
}

static struct insn_class *class_named(const char *opt)
{
    for (size_t i = 0; i < n_classes; i++) {
        if (strcmp(classes[i].opt, opt) == 0) {
            return &classes[i];
        }
    }
    return NULL;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    is_riscv64 = strcmp(info->target_name, "riscv64") == 0;
    classes = is_riscv64 ? riscv64_classes : unclassified;
    n_classes = is_riscv64 ? G_N_ELEMENTS(riscv64_classes) : G_N_ELEMENTS(unclassified);

    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        const char *value = kv[1] ? kv[1] : "";

        if (strcmp(kv[0], "inline") == 0 || strcmp(kv[0], "verbose") == 0) {
            if (!qemu_plugin_bool_parse(kv[0], value, kv[0][0] == 'i' ? &use_inline : &verbose)) {
                fprintf(stderr, "howvec: %s needs on or off: %s\n", kv[0], argv[i]);
                return -1;
            }
        } else if (strcmp(kv[0], "count") == 0) {
            bool exclude = value[0] == '!';
            struct insn_class *c = class_named(value + exclude);
            if (!c) {
                fprintf(stderr, "howvec: no class %s on %s\n", value + exclude, info->target_name);
                return -1;
            }
            c->counting = exclude ? COUNT_NONE : COUNT_INDIVIDUAL;
        } else {
            fprintf(stderr, "howvec: unknown argument: %s\n", argv[i]);
            return -1;
        }
    }

    for (size_t i = 0; i < n_classes; i++) {
        classes[i].hits = qemu_plugin_scoreboard_u64(qemu_plugin_scoreboard_new(sizeof(uint64_t)));
    }
    records = g_hash_table_new(g_direct_hash, g_direct_equal);
    qemu_plugin_register_vcpu_tb_trans_cb(id, translate_block);
    qemu_plugin_register_atexit_cb(id, report, NULL);
    return 0;
}
