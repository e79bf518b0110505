/* stoptrigger: ends the program when a trigger fires, as QEMU's
 * contrib/plugins/stoptrigger does.
 *
 *   icount=N[:RC]   after N instructions of a vCPU, before the next one
 *   addr=A[:RC]     before the instruction at A runs (repeatable)
 *
 * RC is the exit status (default 0).  The reason goes to the plugin log:
 * "icount reached at 0xPC, exiting" or "0xA reached, exiting". */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu-plugin.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

typedef struct {
    uint64_t count;
    int exit_code;
} StopAtCount;

static bool stop_on_icount;
static StopAtCount icount_trigger;
static qemu_plugin_u64 executed; /* per vCPU */
static struct qemu_plugin_scoreboard *executed_board;
/* guest address -> exit code + 1 (so that 0 means "no trigger") */
static GHashTable *address_triggers;

static void stop(int exit_code, char *reason)
{
    qemu_plugin_outs(reason);
    g_free(reason);
    exit(exit_code);
}

static void on_icount_reached(unsigned int vcpu_index, void *insn_addr)
{
    (void)vcpu_index;
    stop(icount_trigger.exit_code,
         g_strdup_printf("icount reached at 0x%" PRIx64 ", exiting\n", (uint64_t)(uintptr_t)insn_addr));
}

static void on_address_reached(unsigned int vcpu_index, void *insn_addr)
{
    (void)vcpu_index;
    uint64_t addr = (uint64_t)(uintptr_t)insn_addr;
    int exit_code = GPOINTER_TO_INT(g_hash_table_lookup(address_triggers, insn_addr)) - 1;
    stop(exit_code, g_strdup_printf("0x%" PRIx64 " reached, exiting\n", addr));
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        void *insn_addr = (void *)(uintptr_t)qemu_plugin_insn_vaddr(insn);
        if (stop_on_icount) {
            /* callbacks run in the order they are registered: the count
             * already includes this instruction, so N + 1 means N have run */
            qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn, QEMU_PLUGIN_INLINE_ADD_U64, executed, 1);
            qemu_plugin_register_vcpu_insn_exec_cond_cb(insn, on_icount_reached, QEMU_PLUGIN_CB_NO_REGS,
                                                        QEMU_PLUGIN_COND_EQ, executed, icount_trigger.count + 1,
                                                        insn_addr);
        }
        if (g_hash_table_contains(address_triggers, insn_addr)) {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, on_address_reached, QEMU_PLUGIN_CB_NO_REGS, insn_addr);
        }
    }
}

/* "VALUE[:CODE]": VALUE in C syntax (0x for hex), CODE a decimal status */
static bool parse_trigger(const char *text, uint64_t *value, int *exit_code)
{
    char *end;
    *exit_code = 0;
    *value = g_ascii_strtoull(text, &end, 0);
    if (!g_ascii_isdigit(*text)) { /* strtoull would take "-5" */
        return false;
    }
    if (*end == ':') {
        const char *code = end + 1;
        long parsed = strtol(code, &end, 10);
        if (end == code || parsed < 0 || parsed > 255) {
            return false;
        }
        *exit_code = (int)parsed;
    }
    return *end == '\0';
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    address_triggers = g_hash_table_new(NULL, NULL);
    for (int i = 0; i < argc; i++) {
        char *equals = strchr(argv[i], '=');
        uint64_t value;
        int exit_code;
        if (!equals || !parse_trigger(equals + 1, &value, &exit_code)) {
            fprintf(stderr, "stoptrigger: cannot parse '%s' (icount=N[:CODE] or addr=A[:CODE])\n", argv[i]);
            return -1;
        }
        size_t name_length = (size_t)(equals - argv[i]);
        if (name_length == 6 && strncmp(argv[i], "icount", 6) == 0) {
            stop_on_icount = true;
            icount_trigger = (StopAtCount){value, exit_code};
        } else if (name_length == 4 && strncmp(argv[i], "addr", 4) == 0) {
            g_hash_table_insert(address_triggers, (void *)(uintptr_t)value, GINT_TO_POINTER(exit_code + 1));
        } else {
            fprintf(stderr, "stoptrigger: unknown argument '%s'\n", argv[i]);
            return -1;
        }
    }
    if (stop_on_icount) {
        executed_board = qemu_plugin_scoreboard_new(sizeof(uint64_t));
        executed = qemu_plugin_scoreboard_u64(executed_board);
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    return 0;
}
