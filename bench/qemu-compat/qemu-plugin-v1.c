/* The version-6 plugin calls emu's bundled plugins use, implemented inside
 * the plugin on top of QEMU 7.2's version-1 API.  What each does, and its
 * limits: qemu-plugin-v1.h. */
#include <stdio.h>
#include <stdlib.h>

#include "qemu-plugin-v1.h"

struct qemu_plugin_scoreboard {
    size_t element_size;
    char *entries; /* COMPAT_MAX_VCPUS of element_size bytes */
};

/* An inline operation that became a callback. */
struct inline_operation {
    enum qemu_plugin_op op;
    qemu_plugin_u64 entry;
    uint64_t imm;
};

/* One more than the highest vCPU index QEMU has started. */
static unsigned int vcpus_started;

static void note_vcpu(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    unsigned int seen = __atomic_load_n(&vcpus_started, __ATOMIC_RELAXED);
    (void)id;
    while (vcpu_index + 1 > seen &&
           !__atomic_compare_exchange_n(&vcpus_started, &seen, vcpu_index + 1, false, __ATOMIC_RELAXED,
                                        __ATOMIC_RELAXED)) {
    }
}

#undef qemu_plugin_install
QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    qemu_plugin_register_vcpu_init_cb(id, note_vcpu);
    return qemu_plugin_install_v6(id, info, argc, argv);
}

QEMU_PLUGIN_LOCAL int qemu_plugin_num_vcpus(void)
{
    int system_vcpus = qemu_plugin_n_vcpus();
    int started = (int)__atomic_load_n(&vcpus_started, __ATOMIC_RELAXED);
    if (system_vcpus > started) {
        return system_vcpus;
    }
    return started > 0 ? started : 1;
}

QEMU_PLUGIN_LOCAL struct qemu_plugin_scoreboard *qemu_plugin_scoreboard_new(size_t element_size)
{
    struct qemu_plugin_scoreboard *score = g_new(struct qemu_plugin_scoreboard, 1);
    score->element_size = element_size;
    score->entries = g_malloc0(element_size * COMPAT_MAX_VCPUS);
    return score;
}

QEMU_PLUGIN_LOCAL void qemu_plugin_scoreboard_free(struct qemu_plugin_scoreboard *score)
{
    g_free(score->entries);
    g_free(score);
}

QEMU_PLUGIN_LOCAL void *qemu_plugin_scoreboard_find(struct qemu_plugin_scoreboard *score, unsigned int vcpu_index)
{
    if (vcpu_index >= COMPAT_MAX_VCPUS) {
        fprintf(stderr, "qemu-plugin-v1: vCPU %u: scoreboards hold %d vCPUs\n", vcpu_index, COMPAT_MAX_VCPUS);
        abort();
    }
    return score->entries + (size_t)vcpu_index * score->element_size;
}

static uint64_t *entry_of(qemu_plugin_u64 entry, unsigned int vcpu_index)
{
    return (uint64_t *)((char *)qemu_plugin_scoreboard_find(entry.score, vcpu_index) + entry.offset);
}

QEMU_PLUGIN_LOCAL void qemu_plugin_u64_add(qemu_plugin_u64 entry, unsigned int vcpu_index, uint64_t added)
{
    *entry_of(entry, vcpu_index) += added;
}

QEMU_PLUGIN_LOCAL uint64_t qemu_plugin_u64_get(qemu_plugin_u64 entry, unsigned int vcpu_index)
{
    return *entry_of(entry, vcpu_index);
}

QEMU_PLUGIN_LOCAL void qemu_plugin_u64_set(qemu_plugin_u64 entry, unsigned int vcpu_index, uint64_t value)
{
    *entry_of(entry, vcpu_index) = value;
}

QEMU_PLUGIN_LOCAL uint64_t qemu_plugin_u64_sum(qemu_plugin_u64 entry)
{
    uint64_t sum = 0;
    for (int vcpu = 0; vcpu < qemu_plugin_num_vcpus(); vcpu++) {
        sum += *entry_of(entry, (unsigned int)vcpu);
    }
    return sum;
}

static void run_inline_operation(unsigned int vcpu_index, void *userdata)
{
    const struct inline_operation *operation = userdata;
    uint64_t *value = entry_of(operation->entry, vcpu_index);
    *value = operation->op == QEMU_PLUGIN_INLINE_ADD_U64 ? *value + operation->imm : operation->imm;
}

QEMU_PLUGIN_LOCAL void qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(struct qemu_plugin_insn *insn,
                                                                          enum qemu_plugin_op op,
                                                                          qemu_plugin_u64 entry, uint64_t imm)
{
    if (op == QEMU_PLUGIN_INLINE_ADD_U64 && qemu_plugin_num_vcpus() == 1) {
        qemu_plugin_register_vcpu_insn_exec_inline(insn, op, entry_of(entry, 0), imm);
        return;
    }
    /* one per translated instruction, kept as long as its code may run */
    struct inline_operation *operation = g_new(struct inline_operation, 1);
    *operation = (struct inline_operation){op, entry, imm};
    qemu_plugin_register_vcpu_insn_exec_cb(insn, run_inline_operation, QEMU_PLUGIN_CB_NO_REGS, operation);
}
