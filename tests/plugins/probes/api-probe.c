/* A test plugin for the parts of the API no bundled plugin covers: one
 * mode per run (mode=...), acting at guest addresses given as arguments
 * (at=ADDR, to=ADDR).  Prints what it saw with qemu_plugin_outs.
 *   regs     at "at": print a0 and pc (read with R_REGS); the pc refuses writes
 *   write    at "at": set a0 to 42 (RW_REGS)
 *   setpc    at "at": continue at "to" (RW_REGS_PC)
 *   filter   the write syscall is filtered, returning 1000
 *   memory   at the first block: read "msg" at "to" and write it upper-case
 *   discon   count host-call discontinuities, print each
 *   reset    reset itself after the first translated block; count blocks run
 *   fail     install fails (returns 1) */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "qemu-plugin.h"

#ifndef PROBE_VERSION
#define PROBE_VERSION QEMU_PLUGIN_VERSION
#endif
QEMU_PLUGIN_EXPORT int qemu_plugin_version = PROBE_VERSION;

static qemu_plugin_id_t self;
static const char *mode = "";
static uint64_t at, to;
static struct qemu_plugin_register *a0_reg, *pc_reg;
static uint64_t blocks_run, discontinuities;

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void out(const char *fmt, ...)
{
    char line[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    qemu_plugin_outs(line);
}

static uint64_t read_u64(struct qemu_plugin_register *reg)
{
    GByteArray *buf = g_byte_array_new();
    uint64_t value = 0;
    if (qemu_plugin_read_register(reg, buf))
        memcpy(&value, buf->data, buf->len < 8 ? buf->len : 8);
    g_byte_array_free(buf, true);
    return value;
}

static void vcpu_init(qemu_plugin_id_t id, unsigned int vcpu)
{
    (void)id;
    (void)vcpu;
    GArray *regs = qemu_plugin_get_registers();
    for (guint i = 0; i < regs->len; i++) {
        qemu_plugin_reg_descriptor *d = &g_array_index(regs, qemu_plugin_reg_descriptor, i);
        if (strcmp(d->name, "a0") == 0)
            a0_reg = d->handle;
        if (strcmp(d->name, "pc") == 0)
            pc_reg = d->handle;
    }
    out("registers: %u\n", regs->len);
    g_array_free(regs, true);
}

static void at_insn(unsigned int vcpu, void *userdata)
{
    (void)vcpu;
    (void)userdata;
    if (strcmp(mode, "regs") == 0) {
        out("a0=%" PRIu64 " pc=0x%" PRIx64 "\n", read_u64(a0_reg), read_u64(pc_reg));
        GByteArray *buf = g_byte_array_new();
        g_byte_array_set_size(buf, 8);
        out("pc write %s\n", qemu_plugin_write_register(pc_reg, buf) ? "accepted" : "refused");
        g_byte_array_free(buf, true);
    } else if (strcmp(mode, "write") == 0) {
        GByteArray *buf = g_byte_array_new();
        uint64_t value = 42;
        g_byte_array_append(buf, (const guint8 *)&value, 8);
        qemu_plugin_outs(qemu_plugin_write_register(a0_reg, buf) ? "a0 written\n" : "a0 write refused\n");
        g_byte_array_free(buf, true);
    } else if (strcmp(mode, "setpc") == 0) {
        qemu_plugin_set_pc(to);
        qemu_plugin_outs("set_pc returned\n");
    }
}

static void block_run(unsigned int vcpu, void *userdata)
{
    (void)vcpu;
    (void)userdata;
    blocks_run++;
    if (strcmp(mode, "memory") == 0 && blocks_run == 1) {
        GByteArray *buf = g_byte_array_new();
        if (!qemu_plugin_read_memory_vaddr(to, buf, 6)) {
            qemu_plugin_outs("read failed\n");
            return;
        }
        char text[8] = {0};
        memcpy(text, buf->data, 5);
        char line[64];
        snprintf(line, sizeof line, "read '%s'\n", text);
        qemu_plugin_outs(line);
        for (guint i = 0; i < 5; i++)
            buf->data[i] = (guint8)(buf->data[i] - 'a' + 'A');
        qemu_plugin_outs(qemu_plugin_write_memory_vaddr(to, buf) ? "written\n" : "write failed\n");
        GByteArray *none = g_byte_array_new();
        qemu_plugin_outs(qemu_plugin_read_memory_vaddr(0x10, none, 4) ? "unmapped read accepted\n"
                                                                     : "unmapped read refused\n");
        g_byte_array_free(none, true);
        g_byte_array_free(buf, true);
    }
}

static void at_exit(qemu_plugin_id_t id, void *userdata);

static void after_reset(qemu_plugin_id_t id)
{
    qemu_plugin_outs("reset done\n");
    qemu_plugin_register_atexit_cb(id, at_exit, NULL); /* the reset dropped it */
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    enum qemu_plugin_cb_flags flags = strcmp(mode, "regs") == 0    ? QEMU_PLUGIN_CB_R_REGS
                                      : strcmp(mode, "write") == 0 ? QEMU_PLUGIN_CB_RW_REGS
                                                                   : QEMU_PLUGIN_CB_RW_REGS_PC;
    qemu_plugin_register_vcpu_tb_exec_cb(tb, block_run, QEMU_PLUGIN_CB_NO_REGS, NULL);
    for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        if (at && qemu_plugin_insn_vaddr(insn) == at)
            qemu_plugin_register_vcpu_insn_exec_cb(insn, at_insn, flags, NULL);
    }
    if (strcmp(mode, "reset") == 0)
        qemu_plugin_reset(self, after_reset);
}

static bool filter(qemu_plugin_id_t id, unsigned int vcpu, int64_t num, uint64_t a1, uint64_t a2, uint64_t a3,
                   uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8, uint64_t *sysret)
{
    (void)id, (void)vcpu, (void)a1, (void)a2, (void)a4, (void)a5, (void)a6, (void)a7, (void)a8;
    if (num != 64)
        return false;
    out("filtered write of %" PRIu64 " bytes\n", a3);
    *sysret = 1000;
    return true;
}

static void discon(qemu_plugin_id_t id, unsigned int vcpu, enum qemu_plugin_discon_type type, uint64_t from,
                   uint64_t to_pc)
{
    (void)id, (void)vcpu;
    discontinuities++;
    out("%s from 0x%" PRIx64 " to 0x%" PRIx64 "\n", type == QEMU_PLUGIN_DISCON_HOSTCALL ? "hostcall" : "other", from,
        to_pc);
}

static void at_exit(qemu_plugin_id_t id, void *userdata)
{
    (void)id;
    (void)userdata;
    if (strcmp(mode, "discon") == 0)
        out("discontinuities: %" PRIu64 "\n", discontinuities);
    if (strcmp(mode, "reset") == 0)
        out("blocks run: %" PRIu64 "\n", blocks_run);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    self = id;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "mode=", 5) == 0)
            mode = argv[i] + 5;
        else if (strncmp(argv[i], "at=", 3) == 0)
            at = strtoull(argv[i] + 3, NULL, 0);
        else if (strncmp(argv[i], "to=", 3) == 0)
            to = strtoull(argv[i] + 3, NULL, 0);
    }
    if (strcmp(mode, "fail") == 0) {
        fprintf(stderr, "api-probe: refusing to install, as asked\n");
        return 1;
    }
    if (info->version.cur < 6 || strcmp(info->target_name, "riscv64") != 0)
        return 1;
    qemu_plugin_register_vcpu_init_cb(id, vcpu_init);
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    if (strcmp(mode, "filter") == 0)
        qemu_plugin_register_vcpu_syscall_filter_cb(id, filter);
    if (strcmp(mode, "discon") == 0)
        qemu_plugin_register_vcpu_discon_cb(id, QEMU_PLUGIN_DISCON_ALL, discon);
    return 0;
}
