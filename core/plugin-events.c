/* Events reported to plugins: vCPUs coming and going, blocks decoded (the
 * translation callbacks, which attach operations to the block), syscalls,
 * discontinuities, flushes and the program's end. */
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "block-cache.h"
#include "cpu.h"
#include "plugin-internal.h"

struct plugin_callback_list plugin_callbacks[PLUGIN_EV_COUNT];
static pthread_mutex_t register_lock = PTHREAD_MUTEX_INITIALIZER;

void plugin_register(qemu_plugin_id_t id, enum plugin_event event, void (*fn)(void), void *userdata,
                     int discon_types)
{
    struct plugin_context *ctx = plugin_context_of(id);
    if (!ctx || !fn)
        return;
    pthread_mutex_lock(&register_lock);
    struct plugin_callback_list *list = &plugin_callbacks[event];
    /* registering again replaces the plugin's callback, as in QEMU */
    int i = 0;
    while (i < list->count && !(list->entries[i].owner == ctx && list->entries[i].fn))
        i++;
    if (i == list->count) {
        if (list->count == PLUGIN_MAX_CALLBACKS) {
            pthread_mutex_unlock(&register_lock);
            fprintf(stderr, "emu: plugin %s: too many callbacks for one event\n", ctx->path);
            return;
        }
        list->count++;
    }
    list->entries[i].userdata = userdata;
    list->entries[i].discon_types = discon_types;
    list->entries[i].owner = ctx;
    __atomic_store_n(&list->entries[i].fn, fn, __ATOMIC_RELEASE);
    if (event == PLUGIN_EV_TB_TRANS)
        plugins_instrument = true;
    pthread_mutex_unlock(&register_lock);
}

__thread struct cpu *plugin_current_cpu;
__thread int plugin_current_flags = -1;

/* vCPU indexes: the lowest free one, as QEMU hands them out */
static pthread_mutex_t vcpu_lock = PTHREAD_MUTEX_INITIALIZER;
static uint8_t vcpu_used[PLUGIN_MAX_VCPUS];
static int vcpus_started;
static struct cpu *vcpus[PLUGIN_MAX_VCPUS];

/* reset and uninstall ask every vCPU to drop its translations */
static uint64_t flush_requests;

int qemu_plugin_num_vcpus(void) { return __atomic_load_n(&vcpus_started, __ATOMIC_ACQUIRE); }

/* Calls fn(args...) for each live callback of an event, as the vCPU cpu
 * (NULL for events outside one). */
#define FOR_EACH_CALLBACK(event, cpu_, call)                                             \
    do {                                                                                 \
        struct plugin_callback_list *list_ = &plugin_callbacks[event];                   \
        int count_ = __atomic_load_n(&list_->count, __ATOMIC_ACQUIRE);                   \
        struct callback_scope outer_ = enter_callback((cpu_), -1);                       \
        for (int i_ = 0; i_ < count_; i_++) {                                            \
            struct plugin_callback *cb = &list_->entries[i_];                            \
            if (__atomic_load_n(&cb->fn, __ATOMIC_ACQUIRE) && !cb->owner->removed)       \
                call;                                                                    \
        }                                                                                \
        leave_callback(outer_);                                                          \
    } while (0)

void plugin_vcpu_init(struct cpu *cpu)
{
    pthread_mutex_lock(&vcpu_lock);
    unsigned index = 0;
    while (index < PLUGIN_MAX_VCPUS - 1 && vcpu_used[index])
        index++;
    vcpu_used[index] = 1;
    vcpus[index] = cpu;
    if ((int)index + 1 > vcpus_started)
        __atomic_store_n(&vcpus_started, (int)index + 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&vcpu_lock);
    cpu->vcpu_index = index;
    cpu->plugin_flush_seen = __atomic_load_n(&flush_requests, __ATOMIC_ACQUIRE);
    if (!plugins_enabled)
        return;
    FOR_EACH_CALLBACK(PLUGIN_EV_VCPU_INIT, cpu, ((qemu_plugin_vcpu_simple_cb_t)cb->fn)(cb->owner->id, cpu->vcpu_index));
}

void plugin_vcpu_exit(struct cpu *cpu)
{
    if (plugins_enabled)
        FOR_EACH_CALLBACK(PLUGIN_EV_VCPU_EXIT, cpu,
                          ((qemu_plugin_vcpu_simple_cb_t)cb->fn)(cb->owner->id, cpu->vcpu_index));
    pthread_mutex_lock(&vcpu_lock);
    vcpu_used[cpu->vcpu_index] = 0;
    vcpus[cpu->vcpu_index] = NULL;
    pthread_mutex_unlock(&vcpu_lock);
}

void qemu_plugin_vcpu_for_each(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb)
{
    pthread_mutex_lock(&vcpu_lock);
    struct cpu *live[PLUGIN_MAX_VCPUS];
    int n = 0;
    for (int i = 0; i < vcpus_started; i++)
        if (vcpus[i])
            live[n++] = vcpus[i];
    pthread_mutex_unlock(&vcpu_lock);
    for (int i = 0; i < n; i++)
        cb(id, live[i]->vcpu_index);
}

void plugin_vcpu_idle(struct cpu *cpu)
{
    FOR_EACH_CALLBACK(PLUGIN_EV_VCPU_IDLE, cpu, ((qemu_plugin_vcpu_simple_cb_t)cb->fn)(cb->owner->id, cpu->vcpu_index));
}

void plugin_vcpu_resume(struct cpu *cpu)
{
    FOR_EACH_CALLBACK(PLUGIN_EV_VCPU_RESUME, cpu,
                      ((qemu_plugin_vcpu_simple_cb_t)cb->fn)(cb->owner->id, cpu->vcpu_index));
}

/* The operations collected for one list, moved into the block's. */
static uint32_t take_ops(struct op_builder *from, struct plugin_ops *to)
{
    to->ops = from->ops;
    to->count = from->count;
    from->ops = NULL;
    from->count = from->capacity = 0;
    return to->count;
}

void plugin_block_translated(struct cpu *cpu, struct block *block)
{
    uint32_t n = block->insn_count;
    struct qemu_plugin_tb tb = {.cpu = cpu, .block = block};
    tb.insns = calloc(n ? n : 1, sizeof *tb.insns);
    if (!tb.insns)
        abort();
    for (uint32_t i = 0; i < n; i++) {
        tb.insns[i].tb = &tb;
        tb.insns[i].index = i;
    }
    struct callback_scope outer = enter_callback(cpu, -1);
    struct plugin_callback_list *list = &plugin_callbacks[PLUGIN_EV_TB_TRANS];
    int count = __atomic_load_n(&list->count, __ATOMIC_ACQUIRE);
    for (int i = 0; i < count; i++) {
        struct plugin_callback *cb = &list->entries[i];
        if (!cb->fn || cb->owner->removed)
            continue;
        tb.current = cb->owner;
        ((qemu_plugin_vcpu_tb_trans_cb_t)cb->fn)(cb->owner->id, &tb);
    }
    leave_callback(outer);

    struct plugin_block_ops *ops = calloc(1, sizeof *ops + n * sizeof ops->insns[0]);
    if (!ops)
        abort();
    ops->insn_count = n;
    uint32_t total = take_ops(&tb.exec, &ops->exec);
    for (uint32_t i = 0; i < n; i++) {
        total += take_ops(&tb.insns[i].exec, &ops->insns[i].exec);
        total += take_ops(&tb.insns[i].mem, &ops->insns[i].mem);
    }
    free(tb.insns);
    if (total == 0) {
        plugin_block_ops_free(ops);
        return;
    }
    block->plugin = ops;
}

/* qemu_plugin_set_pc from a syscall callback lands here */
__thread sigjmp_buf *plugin_syscall_resume;

enum plugin_syscall_verdict plugin_syscall_enter(struct cpu *cpu, int64_t number, const uint64_t args[6],
                                                 uint64_t *result)
{
    sigjmp_buf here;
    sigjmp_buf *outer = plugin_syscall_resume;
    /* set_pc leaves the callback's scope open: put back the one outside */
    const struct callback_scope scope = {plugin_current_cpu, plugin_current_flags};
    if (sigsetjmp(here, 0)) {
        plugin_syscall_resume = outer;
        leave_callback(scope);
        return PLUGIN_SYSCALL_MOVED;
    }
    plugin_syscall_resume = &here;
    /* Linux syscalls take six arguments; the API passes eight */
    FOR_EACH_CALLBACK(PLUGIN_EV_SYSCALL, cpu,
                      ((qemu_plugin_vcpu_syscall_cb_t)cb->fn)(cb->owner->id, cpu->vcpu_index, number, args[0],
                                                              args[1], args[2], args[3], args[4], args[5], 0, 0));
    bool filtered = false;
    FOR_EACH_CALLBACK(PLUGIN_EV_SYSCALL_FILTER, cpu,
                      if (!filtered && ((qemu_plugin_vcpu_syscall_filter_cb_t)cb->fn)(
                                           cb->owner->id, cpu->vcpu_index, number, args[0], args[1], args[2],
                                           args[3], args[4], args[5], 0, 0, result)) filtered = true);
    plugin_syscall_resume = outer;
    return filtered ? PLUGIN_SYSCALL_FILTERED : PLUGIN_SYSCALL_RUN;
}

void plugin_syscall_return(struct cpu *cpu, int64_t number, int64_t result)
{
    FOR_EACH_CALLBACK(PLUGIN_EV_SYSCALL_RET, cpu,
                      ((qemu_plugin_vcpu_syscall_ret_cb_t)cb->fn)(cb->owner->id, cpu->vcpu_index, number, result));
}

void plugin_discontinuity(struct cpu *cpu, enum qemu_plugin_discon_type type, uint64_t from_pc, uint64_t to_pc)
{
    FOR_EACH_CALLBACK(PLUGIN_EV_DISCON, cpu,
                      if (cb->discon_types & (int)type)((qemu_plugin_vcpu_discon_cb_t)cb->fn)(
                          cb->owner->id, cpu->vcpu_index, type, from_pc, to_pc));
}

void plugin_flush(void)
{
    FOR_EACH_CALLBACK(PLUGIN_EV_FLUSH, NULL, ((qemu_plugin_simple_cb_t)cb->fn)(cb->owner->id));
}

void plugin_program_exit(struct cpu *cpu)
{
    static bool exited;
    if (!plugins_enabled || __atomic_exchange_n(&exited, true, __ATOMIC_ACQ_REL))
        return;
    if (cpu)
        FOR_EACH_CALLBACK(PLUGIN_EV_VCPU_EXIT, cpu,
                          ((qemu_plugin_vcpu_simple_cb_t)cb->fn)(cb->owner->id, cpu->vcpu_index));
    FOR_EACH_CALLBACK(PLUGIN_EV_ATEXIT, NULL, ((qemu_plugin_udata_cb_t)cb->fn)(cb->owner->id, cb->userdata));
}

void plugin_drop_callbacks(struct plugin_context *ctx)
{
    for (int e = 0; e < PLUGIN_EV_COUNT; e++)
        for (int i = 0; i < plugin_callbacks[e].count; i++)
            if (plugin_callbacks[e].entries[i].owner == ctx)
                __atomic_store_n(&plugin_callbacks[e].entries[i].fn, NULL, __ATOMIC_RELEASE);
    ctx->removed = true;
    __atomic_fetch_add(&flush_requests, 1, __ATOMIC_ACQ_REL);
    /* every vCPU leaves its code soon and flushes (plugin_flush_requested) */
    pthread_mutex_lock(&vcpu_lock);
    for (int i = 0; i < vcpus_started; i++)
        if (vcpus[i])
            vcpus[i]->exit_request = 1;
    pthread_mutex_unlock(&vcpu_lock);
}

bool plugin_flush_requested(struct cpu *cpu)
{
    uint64_t now = __atomic_load_n(&flush_requests, __ATOMIC_ACQUIRE);
    if (now == cpu->plugin_flush_seen)
        return false;
    cpu->plugin_flush_seen = now;
    return true;
}
