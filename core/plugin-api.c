/* The plugin API's registration calls and block/instruction queries
 * (tools/plugins/qemu-plugin.h).  Events and their dispatch are in
 * plugin-events.c, execution in plugin-exec.c. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arch.h"
#include "block-cache.h"
#include "cpu.h"
#include "guest-memory.h"
#include "log.h"
#include "plugin-internal.h"

/* --- lifetime --- */

void qemu_plugin_uninstall(qemu_plugin_id_t id, qemu_plugin_simple_cb_t cb)
{
    struct plugin_context *ctx = plugin_context_of(id);
    if (!ctx)
        return;
    plugin_drop_callbacks(ctx);
    ctx->generation++; /* its operations are dead too */
    if (cb)
        cb(id);
}

void qemu_plugin_reset(qemu_plugin_id_t id, qemu_plugin_simple_cb_t cb)
{
    struct plugin_context *ctx = plugin_context_of(id);
    if (!ctx)
        return;
    plugin_drop_callbacks(ctx);
    ctx->removed = false; /* it may register again; its old operations are dead */
    ctx->generation++;
    if (cb)
        cb(id);
}

#define REGISTER(event, fn, userdata) plugin_register(id, event, (void (*)(void))(fn), userdata, 0)

void qemu_plugin_register_vcpu_init_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb)
{
    REGISTER(PLUGIN_EV_VCPU_INIT, cb, NULL);
}
void qemu_plugin_register_vcpu_exit_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb)
{
    REGISTER(PLUGIN_EV_VCPU_EXIT, cb, NULL);
}
void qemu_plugin_register_vcpu_idle_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb)
{
    REGISTER(PLUGIN_EV_VCPU_IDLE, cb, NULL);
}
void qemu_plugin_register_vcpu_resume_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb)
{
    REGISTER(PLUGIN_EV_VCPU_RESUME, cb, NULL);
}
void qemu_plugin_register_vcpu_discon_cb(qemu_plugin_id_t id, enum qemu_plugin_discon_type type,
                                         qemu_plugin_vcpu_discon_cb_t cb)
{
    plugin_register(id, PLUGIN_EV_DISCON, (void (*)(void))cb, NULL, (int)type);
}
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb)
{
    REGISTER(PLUGIN_EV_TB_TRANS, cb, NULL);
}
void qemu_plugin_register_vcpu_syscall_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_syscall_cb_t cb)
{
    REGISTER(PLUGIN_EV_SYSCALL, cb, NULL);
}
void qemu_plugin_register_vcpu_syscall_ret_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_syscall_ret_cb_t cb)
{
    REGISTER(PLUGIN_EV_SYSCALL_RET, cb, NULL);
}
void qemu_plugin_register_vcpu_syscall_filter_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_syscall_filter_cb_t cb)
{
    REGISTER(PLUGIN_EV_SYSCALL_FILTER, cb, NULL);
}
void qemu_plugin_register_flush_cb(qemu_plugin_id_t id, qemu_plugin_simple_cb_t cb)
{
    REGISTER(PLUGIN_EV_FLUSH, cb, NULL);
}
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata)
{
    REGISTER(PLUGIN_EV_ATEXIT, cb, userdata);
}

/* --- operations on a block being translated --- */

void op_builder_add(struct op_builder *builder, const struct plugin_op *op)
{
    if (builder->count == builder->capacity) {
        builder->capacity = builder->capacity ? builder->capacity * 2 : 4;
        builder->ops = realloc(builder->ops, builder->capacity * sizeof *builder->ops);
        if (!builder->ops)
            abort();
    }
    builder->ops[builder->count++] = *op;
}

/* An operation of the plugin whose translation callback runs, alive until
 * it resets or uninstalls. */
static struct plugin_op owned_op(const struct qemu_plugin_tb *tb, enum plugin_op_kind kind)
{
    return (struct plugin_op){.kind = (uint8_t)kind, .owner = tb->current,
                              .generation = tb->current->generation,
                              .owner_generation = &tb->current->generation};
}

static struct plugin_op call_op(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
                                enum qemu_plugin_cb_flags flags, void *userdata)
{
    struct plugin_op op = owned_op(tb, PLUGIN_OP_CALL);
    op.cb_flags = (uint8_t)flags;
    op.cb = (void (*)(void))cb;
    op.userdata = userdata;
    return op;
}

/* A conditional call, or what its condition makes of it: a plain call
 * (always), nothing (never). */
static bool cond_op(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb, enum qemu_plugin_cb_flags flags,
                    enum qemu_plugin_cond cond, qemu_plugin_u64 entry, uint64_t imm, void *userdata,
                    struct plugin_op *op)
{
    if (cond == QEMU_PLUGIN_COND_NEVER || !cb)
        return false;
    *op = call_op(tb, cb, flags, userdata);
    if (cond != QEMU_PLUGIN_COND_ALWAYS) {
        op->kind = PLUGIN_OP_COND_CALL;
        op->cond = (uint8_t)cond;
        op->score = entry.score;
        op->offset = entry.offset;
        op->imm = imm;
    }
    return true;
}

static struct plugin_op inline_op(struct qemu_plugin_tb *tb, enum qemu_plugin_op op, qemu_plugin_u64 entry,
                                  uint64_t imm)
{
    struct plugin_op o = owned_op(tb, PLUGIN_OP_INLINE);
    o.inline_op = (uint8_t)op;
    o.score = entry.score;
    o.offset = entry.offset;
    o.imm = imm;
    return o;
}

void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
                                          enum qemu_plugin_cb_flags flags, void *userdata)
{
    if (!cb)
        return;
    struct plugin_op op = call_op(tb, cb, flags, userdata);
    op_builder_add(&tb->exec, &op);
}

void qemu_plugin_register_vcpu_tb_exec_cond_cb(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
                                               enum qemu_plugin_cb_flags flags, enum qemu_plugin_cond cond,
                                               qemu_plugin_u64 entry, uint64_t imm, void *userdata)
{
    struct plugin_op op;
    if (cond_op(tb, cb, flags, cond, entry, imm, userdata, &op))
        op_builder_add(&tb->exec, &op);
}

void qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(struct qemu_plugin_tb *tb, enum qemu_plugin_op op,
                                                       qemu_plugin_u64 entry, uint64_t imm)
{
    struct plugin_op o = inline_op(tb, op, entry, imm);
    op_builder_add(&tb->exec, &o);
}

void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn, qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags, void *userdata)
{
    if (!cb)
        return;
    struct plugin_op op = call_op(insn->tb, cb, flags, userdata);
    op_builder_add(&insn->exec, &op);
}

void qemu_plugin_register_vcpu_insn_exec_cond_cb(struct qemu_plugin_insn *insn, qemu_plugin_vcpu_udata_cb_t cb,
                                                 enum qemu_plugin_cb_flags flags, enum qemu_plugin_cond cond,
                                                 qemu_plugin_u64 entry, uint64_t imm, void *userdata)
{
    struct plugin_op op;
    if (cond_op(insn->tb, cb, flags, cond, entry, imm, userdata, &op))
        op_builder_add(&insn->exec, &op);
}

void qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(struct qemu_plugin_insn *insn, enum qemu_plugin_op op,
                                                         qemu_plugin_u64 entry, uint64_t imm)
{
    struct plugin_op o = inline_op(insn->tb, op, entry, imm);
    op_builder_add(&insn->exec, &o);
}

void qemu_plugin_register_vcpu_mem_cb(struct qemu_plugin_insn *insn, qemu_plugin_vcpu_mem_cb_t cb,
                                      enum qemu_plugin_cb_flags flags, enum qemu_plugin_mem_rw rw, void *userdata)
{
    if (!cb)
        return;
    struct plugin_op op = owned_op(insn->tb, PLUGIN_OP_MEM_CALL);
    op.cb_flags = (uint8_t)flags;
    op.rw = (uint8_t)rw;
    op.cb = (void (*)(void))cb;
    op.userdata = userdata;
    op_builder_add(&insn->mem, &op);
}

void qemu_plugin_register_vcpu_mem_inline_per_vcpu(struct qemu_plugin_insn *insn, enum qemu_plugin_mem_rw rw,
                                                   enum qemu_plugin_op op, qemu_plugin_u64 entry, uint64_t imm)
{
    struct plugin_op o = inline_op(insn->tb, op, entry, imm);
    o.rw = (uint8_t)rw;
    op_builder_add(&insn->mem, &o);
}

/* --- queries on a block being translated --- */

size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb) { return tb->block->insn_count; }

uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb) { return tb->block->pc; }

struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx)
{
    if (idx >= tb->block->insn_count)
        return NULL;
    return &tb->insns[idx];
}

static const struct decoded_insn *record_of(const struct qemu_plugin_insn *insn)
{
    return &insn->tb->block->insns[insn->index];
}

size_t qemu_plugin_insn_data(const struct qemu_plugin_insn *insn, void *dest, size_t len)
{
    const struct decoded_insn *rec = record_of(insn);
    size_t n = rec->length < len ? rec->length : len;
    memcpy(dest, g2h(rec->pc), n); /* the block builder fetched these bytes */
    return n;
}

size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn) { return record_of(insn)->length; }

uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn) { return record_of(insn)->pc; }

void *qemu_plugin_insn_haddr(const struct qemu_plugin_insn *insn) { return g2h(record_of(insn)->pc); }

char *qemu_plugin_insn_disas(const struct qemu_plugin_insn *insn)
{
    const struct decoded_insn *rec = record_of(insn);
    char text[128];
    if (rec->length == 0 ||
        insn->tb->cpu->arch->disassemble(rec->pc, g2h(rec->pc), rec->length, text, sizeof text) == 0)
        snprintf(text, sizeof text, "(illegal)");
    return g_strdup(text);
}

const char *qemu_plugin_insn_symbol(const struct qemu_plugin_insn *insn)
{
    return plugin_symbol_at(record_of(insn)->pc);
}

/* --- memory access descriptions --- */

unsigned int qemu_plugin_mem_size_shift(qemu_plugin_meminfo_t info) { return info & 3u; }
bool qemu_plugin_mem_is_sign_extended(qemu_plugin_meminfo_t info) { return (info & 4u) != 0; }
bool qemu_plugin_mem_is_big_endian(qemu_plugin_meminfo_t info) { return (info & 8u) != 0; }
bool qemu_plugin_mem_is_store(qemu_plugin_meminfo_t info) { return ((info >> 4) & QEMU_PLUGIN_MEM_W) != 0; }
qemu_plugin_mem_value qemu_plugin_mem_get_value(qemu_plugin_meminfo_t info)
{
    (void)info;
    return plugin_current_mem_value;
}

/* user mode has no physical side */
struct qemu_plugin_hwaddr *qemu_plugin_get_hwaddr(qemu_plugin_meminfo_t info, uint64_t vaddr)
{
    (void)info;
    (void)vaddr;
    return NULL;
}
bool qemu_plugin_hwaddr_is_io(const struct qemu_plugin_hwaddr *haddr)
{
    (void)haddr;
    return false;
}
uint64_t qemu_plugin_hwaddr_phys_addr(const struct qemu_plugin_hwaddr *haddr)
{
    (void)haddr;
    return 0;
}
const char *qemu_plugin_hwaddr_device_name(const struct qemu_plugin_hwaddr *h)
{
    (void)h;
    return "RAM";
}

const void *qemu_plugin_request_time_control(void) { return NULL; }
void qemu_plugin_update_ns(const void *handle, int64_t time)
{
    (void)handle;
    (void)time;
}

/* --- the rest --- */

void qemu_plugin_outs(const char *string)
{
    if (log_enabled(LOG_PLUGIN))
        log_printf("%s", string);
}

bool qemu_plugin_bool_parse(const char *name, const char *val, bool *ret)
{
    (void)name;
    if (!val)
        return false;
    static const char *const yes[] = {"on", "yes", "true"};
    static const char *const no[] = {"off", "no", "false"};
    for (int i = 0; i < 3; i++) {
        if (strcasecmp(val, yes[i]) == 0) {
            *ret = true;
            return true;
        }
        if (strcasecmp(val, no[i]) == 0) {
            *ret = false;
            return true;
        }
    }
    return false;
}

const char *qemu_plugin_path_to_binary(void)
{
    return plugin_program.binary_path ? g_strdup(plugin_program.binary_path) : NULL;
}
uint64_t qemu_plugin_start_code(void) { return plugin_program.start_code; }
uint64_t qemu_plugin_end_code(void) { return plugin_program.end_code; }
uint64_t qemu_plugin_entry_code(void) { return plugin_program.entry_code; }
