/* Scoreboards: per-vCPU entries for plugins, at addresses that never move
 * (reserved for every possible vCPU up front, backed as touched), so JIT
 * code can name an entry by its address. */
#ifndef EMU_CORE_PLUGIN_SCOREBOARD_H
#define EMU_CORE_PLUGIN_SCOREBOARD_H

#include <stddef.h>
#include <stdint.h>

struct qemu_plugin_scoreboard {
    uint8_t *data;
    size_t element_size;
    size_t reserved; /* bytes mapped */
};

static inline uint64_t *scoreboard_entry_u64(struct qemu_plugin_scoreboard *score, unsigned vcpu_index,
                                             size_t offset)
{
    return (uint64_t *)(score->data + (size_t)vcpu_index * score->element_size + offset);
}

#endif
