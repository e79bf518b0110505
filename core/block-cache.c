#include "block-cache.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "plugin.h"
#include "stats.h"

static size_t slot_of(const struct block_cache *cache, uint64_t pc)
{
    return (size_t)XXH3_64bits(&pc, sizeof pc) & (cache->capacity - 1);
}

struct block_cache *block_cache_new(void)
{
    struct block_cache *cache = calloc(1, sizeof *cache);
    if (!cache)
        abort();
    cache->capacity = 1024;
    cache->slots = calloc(cache->capacity, sizeof *cache->slots);
    if (!cache->slots)
        abort();
    return cache;
}

struct block *block_cache_find(struct block_cache *cache, uint64_t pc)
{
    for (size_t i = slot_of(cache, pc);; i = (i + 1) & (cache->capacity - 1)) {
        struct block *b = cache->slots[i];
        if (!b || b->pc == pc)
            return b;
    }
}

static void grow(struct block_cache *cache)
{
    struct block **old = cache->slots;
    size_t old_capacity = cache->capacity;
    cache->capacity *= 2;
    cache->slots = calloc(cache->capacity, sizeof *cache->slots);
    if (!cache->slots)
        abort();
    for (size_t i = 0; i < old_capacity; i++) {
        if (!old[i])
            continue;
        size_t j = slot_of(cache, old[i]->pc);
        while (cache->slots[j])
            j = (j + 1) & (cache->capacity - 1);
        cache->slots[j] = old[i];
    }
    free(old);
}

void block_cache_insert(struct block_cache *cache, struct block *block)
{
    if ((cache->count + 1) * 2 > cache->capacity)
        grow(cache);
    size_t i = slot_of(cache, block->pc);
    while (cache->slots[i])
        i = (i + 1) & (cache->capacity - 1);
    cache->slots[i] = block;
    cache->count++;
    cache->jump_cache[jump_cache_index(block->pc)] = block;
}

void block_cache_flush(struct block_cache *cache)
{
    for (size_t i = 0; i < cache->capacity; i++) {
        if (cache->slots[i])
            plugin_block_ops_free(cache->slots[i]->plugin);
        free(cache->slots[i]);
        cache->slots[i] = NULL;
    }
    cache->count = 0;
    memset(cache->jump_cache, 0, sizeof cache->jump_cache);
    emu_stats.block_cache_flushes++;
}

void block_cache_free(struct block_cache *cache)
{
    block_cache_flush(cache);
    free(cache->slots);
    free(cache);
}
