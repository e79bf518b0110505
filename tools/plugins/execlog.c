/* execlog: one line per executed instruction, in the format of QEMU's
 * contrib/plugins/execlog:
 *
 *   VCPU, 0xPC, 0xOPCODE, "DISASSEMBLY"[, load|store, 0xADDR]...[, REG -> 0xVALUE]...
 *
 * OPCODE is the instruction's first (up to) four bytes read as a
 * little-endian number; each memory access the instruction made follows
 * (user mode: its virtual address; system mode: physical address and
 * device); then the tracked registers whose value it changed.
 *
 *   ifilter=PREFIX  log only instructions whose disassembly starts with
 *                   PREFIX (repeatable)
 *   afilter=ADDR    log only the instruction at ADDR, in hex (repeatable)
 *   reg=NAME        track the register NAME, a glob over the names the
 *                   core gives (GDB's), matched as given or lower case
 *                   (repeatable)
 *   rdisas=on       read the tracked registers only after instructions
 *                   whose operands name one of them (and at each block's
 *                   start, to catch what the previous block did); faster,
 *                   but blind to implicit writes: add an ifilter for those
 *
 * A line is written when the vCPU's next logged instruction starts (that
 * is when the registers are compared), so that the instruction's memory
 * accesses and register changes can be appended; the last line of each
 * vCPU is written when it exits.  With filters, a change made by an
 * instruction that is not logged shows on the logged line before it. */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu-plugin.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

typedef struct {
    struct qemu_plugin_register *handle;
    char *name;
    GByteArray *last; /* value at the previous comparison */
    GByteArray *now;
} TrackedRegister;

typedef struct {
    GString *pending;   /* the line of the instruction running now */
    GPtrArray *tracked; /* TrackedRegister */
} Vcpu;

/* What a logged instruction's callback is given, made at translation. */
typedef struct {
    char *text; /* "0xPC, 0xOPCODE, \"DISASSEMBLY\"" */
    bool compare_registers;
} LoggedInsn;

static struct qemu_plugin_scoreboard *vcpus;
static GPtrArray *instruction_prefixes; /* ifilter */
static GArray *addresses;               /* afilter, uint64_t */
static GPtrArray *register_patterns;    /* reg, GPatternSpec */
static GPtrArray *register_names;       /* every tracked name, for rdisas */
static GMutex register_names_lock;
static bool registers_from_disassembly; /* rdisas */

static void flush_line(Vcpu *vcpu)
{
    if (vcpu->pending && vcpu->pending->len) {
        g_string_append_c(vcpu->pending, '\n');
        qemu_plugin_outs(vcpu->pending->str);
        g_string_truncate(vcpu->pending, 0);
    }
}

static void append_changed_registers(Vcpu *vcpu)
{
    for (guint i = 0; i < vcpu->tracked->len; i++) {
        TrackedRegister *reg = g_ptr_array_index(vcpu->tracked, i);
        g_byte_array_set_size(reg->now, 0);
        if (!qemu_plugin_read_register(reg->handle, reg->now)) {
            continue;
        }
        if (reg->now->len == reg->last->len && memcmp(reg->now->data, reg->last->data, reg->now->len) == 0) {
            continue;
        }
        g_string_append_printf(vcpu->pending, ", %s -> 0x", reg->name);
        for (guint byte = reg->now->len; byte > 0; byte--) { /* guest is little-endian */
            g_string_append_printf(vcpu->pending, "%02x", reg->now->data[byte - 1]);
        }
        GByteArray *swap = reg->last;
        reg->last = reg->now;
        reg->now = swap;
    }
}

static void on_insn(unsigned int vcpu_index, void *userdata)
{
    LoggedInsn *insn = userdata;
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    if (!vcpu->pending) {
        vcpu->pending = g_string_new(NULL);
    }
    if (insn->compare_registers && vcpu->tracked) {
        append_changed_registers(vcpu);
    }
    flush_line(vcpu);
    g_string_printf(vcpu->pending, "%u, %s", vcpu_index, insn->text);
}

static void on_memory(unsigned int vcpu_index, qemu_plugin_meminfo_t info, uint64_t vaddr, void *userdata)
{
    (void)userdata;
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    GString *line = vcpu->pending;
    g_string_append(line, qemu_plugin_mem_is_store(info) ? ", store" : ", load");
    struct qemu_plugin_hwaddr *hwaddr = qemu_plugin_get_hwaddr(info, vaddr);
    if (hwaddr) {
        g_string_append_printf(line, ", 0x%08" PRIx64 ", %s", qemu_plugin_hwaddr_phys_addr(hwaddr),
                               qemu_plugin_hwaddr_device_name(hwaddr));
    } else {
        g_string_append_printf(line, ", 0x%08" PRIx64, vaddr);
    }
}

static bool passes_filters(const char *disassembly, uint64_t addr)
{
    if (!instruction_prefixes && !addresses) {
        return true;
    }
    for (guint i = 0; instruction_prefixes && i < instruction_prefixes->len; i++) {
        if (g_str_has_prefix(disassembly, g_ptr_array_index(instruction_prefixes, i))) {
            return true;
        }
    }
    for (guint i = 0; addresses && i < addresses->len; i++) {
        if (g_array_index(addresses, uint64_t, i) == addr) {
            return true;
        }
    }
    return false;
}

/* Whether an operand of the instruction is a tracked register. */
static bool names_tracked_register(const char *disassembly)
{
    const char *operands = strchr(disassembly, ' ');
    if (!operands) {
        return false;
    }
    bool found = false;
    char **words = g_strsplit_set(operands, " \t,()", -1);
    g_mutex_lock(&register_names_lock);
    for (char **word = words; *word && !found; word++) {
        for (guint i = 0; i < register_names->len && !found; i++) {
            found = strcmp(*word, g_ptr_array_index(register_names, i)) == 0;
        }
    }
    g_mutex_unlock(&register_names_lock);
    g_strfreev(words);
    return found;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    /* the first instruction of a block compares: the block before it
     * may have changed a register in its last instruction */
    bool previous_names_register = true;
    for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint64_t addr = qemu_plugin_insn_vaddr(insn);
        char *disassembly = qemu_plugin_insn_disas(insn);
        bool compare = register_patterns && (!registers_from_disassembly || previous_names_register);
        if (registers_from_disassembly && register_patterns) {
            previous_names_register = names_tracked_register(disassembly);
        }
        if (passes_filters(disassembly, addr)) {
            uint8_t bytes[4] = {0};
            size_t n = qemu_plugin_insn_data(insn, bytes, sizeof(bytes));
            uint32_t opcode = 0;
            for (size_t b = n; b > 0; b--) {
                opcode = opcode << 8 | bytes[b - 1];
            }
            /* lives as long as the translation may run: never freed */
            LoggedInsn *logged = g_new(LoggedInsn, 1);
            logged->text = g_strdup_printf("0x%" PRIx64 ", 0x%" PRIx32 ", \"%s\"", addr, opcode, disassembly);
            logged->compare_registers = compare;
            qemu_plugin_register_vcpu_insn_exec_cb(insn, on_insn,
                                                   compare ? QEMU_PLUGIN_CB_R_REGS : QEMU_PLUGIN_CB_NO_REGS, logged);
            qemu_plugin_register_vcpu_mem_cb(insn, on_memory, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_MEM_RW, NULL);
        }
        g_free(disassembly);
    }
}

static bool tracked(const char *name)
{
    char *lower = g_ascii_strdown(name, -1);
    bool match = false;
    for (guint i = 0; i < register_patterns->len && !match; i++) {
        GPatternSpec *pattern = g_ptr_array_index(register_patterns, i);
        match = g_pattern_spec_match_string(pattern, name) || g_pattern_spec_match_string(pattern, lower);
    }
    g_free(lower);
    return match;
}

static void remember_register_name(const char *name)
{
    g_mutex_lock(&register_names_lock);
    bool known = false;
    for (guint i = 0; i < register_names->len && !known; i++) {
        known = strcmp(g_ptr_array_index(register_names, i), name) == 0;
    }
    if (!known) {
        g_ptr_array_add(register_names, g_strdup(name));
    }
    g_mutex_unlock(&register_names_lock);
}

/* Registers exist once a vCPU does: pick the tracked ones here and read
 * their first values, so that the log shows changes from the start. */
static void on_vcpu_init(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    (void)id;
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    vcpu->pending = g_string_new(NULL);
    if (!register_patterns) {
        return;
    }
    vcpu->tracked = g_ptr_array_new();
    GArray *all = qemu_plugin_get_registers();
    for (guint i = 0; all && i < all->len; i++) {
        qemu_plugin_reg_descriptor *descriptor = &g_array_index(all, qemu_plugin_reg_descriptor, i);
        if (!tracked(descriptor->name)) {
            continue;
        }
        TrackedRegister *reg = g_new0(TrackedRegister, 1);
        reg->handle = descriptor->handle;
        reg->name = g_strdup(descriptor->name);
        reg->last = g_byte_array_new();
        reg->now = g_byte_array_new();
        qemu_plugin_read_register(reg->handle, reg->last);
        g_ptr_array_add(vcpu->tracked, reg);
        remember_register_name(reg->name);
    }
    if (all) {
        g_array_free(all, TRUE);
    }
    if (vcpu->tracked->len == 0 && vcpu_index == 0) {
        qemu_plugin_outs("execlog: no register matches the reg= patterns\n");
    }
}

static void on_vcpu_exit(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    (void)id;
    flush_line(qemu_plugin_scoreboard_find(vcpus, vcpu_index));
}

static void on_exit_flush(qemu_plugin_id_t id, void *userdata)
{
    (void)userdata;
    qemu_plugin_vcpu_for_each(id, on_vcpu_exit);
}

static bool parse_argument(const char *name, const char *value)
{
    if (strcmp(name, "ifilter") == 0) {
        if (!instruction_prefixes) {
            instruction_prefixes = g_ptr_array_new();
        }
        g_ptr_array_add(instruction_prefixes, g_strdup(value));
    } else if (strcmp(name, "afilter") == 0) {
        char *end;
        uint64_t addr = g_ascii_strtoull(value, &end, 16);
        if (end == value || *end) {
            return false;
        }
        if (!addresses) {
            addresses = g_array_new(FALSE, FALSE, sizeof(uint64_t));
        }
        g_array_append_val(addresses, addr);
    } else if (strcmp(name, "reg") == 0) {
        if (!register_patterns) {
            register_patterns = g_ptr_array_new();
        }
        g_ptr_array_add(register_patterns, g_pattern_spec_new(value));
    } else if (strcmp(name, "rdisas") == 0) {
        return qemu_plugin_bool_parse(name, value, &registers_from_disassembly);
    } else {
        return false;
    }
    return true;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        char **pair = g_strsplit(argv[i], "=", 2);
        bool ok = pair[0] && pair[1] && parse_argument(pair[0], pair[1]);
        g_strfreev(pair);
        if (!ok) {
            fprintf(stderr, "execlog: bad argument '%s' (ifilter=PREFIX, afilter=ADDR, reg=NAME, rdisas=on|off)\n",
                    argv[i]);
            return -1;
        }
    }
    register_names = g_ptr_array_new();
    vcpus = qemu_plugin_scoreboard_new(sizeof(Vcpu));
    qemu_plugin_register_vcpu_init_cb(id, on_vcpu_init);
    qemu_plugin_register_vcpu_exit_cb(id, on_vcpu_exit);
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, on_exit_flush, NULL);
    return 0;
}
