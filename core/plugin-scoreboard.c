/* The scoreboard calls of the plugin API. */
#include "plugin-scoreboard.h"

#include <stdlib.h>
#include <sys/mman.h>

#include "plugin-internal.h"

struct qemu_plugin_scoreboard *qemu_plugin_scoreboard_new(size_t element_size)
{
    struct qemu_plugin_scoreboard *score = calloc(1, sizeof *score);
    if (!score)
        return NULL;
    score->element_size = element_size ? element_size : 1;
    score->reserved = score->element_size * PLUGIN_MAX_VCPUS;
    void *data = mmap(NULL, score->reserved, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                      -1, 0);
    if (data == MAP_FAILED) {
        free(score);
        return NULL;
    }
    score->data = data;
    return score;
}

void qemu_plugin_scoreboard_free(struct qemu_plugin_scoreboard *score)
{
    if (!score)
        return;
    munmap(score->data, score->reserved);
    free(score);
}

void *qemu_plugin_scoreboard_find(struct qemu_plugin_scoreboard *score, unsigned int vcpu_index)
{
    if (vcpu_index >= PLUGIN_MAX_VCPUS)
        return NULL;
    return score->data + (size_t)vcpu_index * score->element_size;
}

void qemu_plugin_u64_add(qemu_plugin_u64 entry, unsigned int vcpu_index, uint64_t added)
{
    *scoreboard_entry_u64(entry.score, vcpu_index, entry.offset) += added;
}

uint64_t qemu_plugin_u64_get(qemu_plugin_u64 entry, unsigned int vcpu_index)
{
    return *scoreboard_entry_u64(entry.score, vcpu_index, entry.offset);
}

void qemu_plugin_u64_set(qemu_plugin_u64 entry, unsigned int vcpu_index, uint64_t val)
{
    *scoreboard_entry_u64(entry.score, vcpu_index, entry.offset) = val;
}

uint64_t qemu_plugin_u64_sum(qemu_plugin_u64 entry)
{
    uint64_t sum = 0;
    int n = qemu_plugin_num_vcpus();
    for (int i = 0; i < n; i++)
        sum += *scoreboard_entry_u64(entry.score, (unsigned)i, entry.offset);
    return sum;
}
