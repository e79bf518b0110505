/* Translated blocks by guest pc: an xxHash-keyed table, with a small
 * direct-mapped jump cache in front for the hot lookups between blocks. */
#ifndef EMU_CORE_BLOCK_CACHE_H
#define EMU_CORE_BLOCK_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decoded-insn.h"

struct plugin_block_ops;

struct block {
    uint64_t pc;     /* guest address of the first instruction */
    uint64_t end_pc; /* address after the last one */
    uint32_t insn_count;
    uint32_t unused;
    /* tier 0 chaining: the blocks last seen after this one, by exit kind
     * (0: fall-through or first target, 1: any other).  Valid until the
     * next flush, which frees every block at once. */
    struct block *successor[2];
    /* the tier manager: executions counted by tier 0, and the host code a
     * JIT tier made (NULL until then) */
    uint32_t exec_count;
    uint8_t tier;
    bool no_jit; /* its code does not fit even an empty code cache: tier 0 only */
    void *jit_code;
    struct plugin_block_ops *plugin; /* what plugins run here (core/plugin.h), or NULL */
    /* tier 0 runs these: insn_count records, then one that ends the block */
    struct decoded_insn insns[];
};

#define JUMP_CACHE_SIZE 4096

struct block_cache {
    struct block **slots; /* open addressing, NULL = empty */
    size_t capacity;      /* power of two */
    size_t count;
    struct block *jump_cache[JUMP_CACHE_SIZE];
};

struct block_cache *block_cache_new(void);
/* The block starting at pc, or NULL. */
struct block *block_cache_find(struct block_cache *cache, uint64_t pc);
void block_cache_insert(struct block_cache *cache, struct block *block);
/* Frees every block. */
void block_cache_flush(struct block_cache *cache);
/* Frees the cache itself too. */
void block_cache_free(struct block_cache *cache);

static inline size_t jump_cache_index(uint64_t pc) { return (size_t)(pc >> 1) & (JUMP_CACHE_SIZE - 1); }

/* Fast path: the jump cache, then the table. */
static inline struct block *block_cache_lookup(struct block_cache *cache, uint64_t pc)
{
    struct block *b = cache->jump_cache[jump_cache_index(pc)];
    if (b && b->pc == pc)
        return b;
    b = block_cache_find(cache, pc);
    if (b)
        cache->jump_cache[jump_cache_index(pc)] = b;
    return b;
}

#endif
