/* The block table: lookups by pc through growth, the jump cache in front of
 * it, and flushing. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "block-cache.h"
#include "stats.h"

struct emu_stats emu_stats;

static struct block *new_block(uint64_t pc)
{
    struct block *b = calloc(1, sizeof *b + sizeof(struct decoded_insn));
    cr_assert_not_null(b);
    b->pc = pc;
    return b;
}

Test(block_cache, finds_what_was_inserted_and_nothing_else)
{
    struct block_cache *cache = block_cache_new();
    struct block *a = new_block(0x1000), *b = new_block(0x2002);
    block_cache_insert(cache, a);
    block_cache_insert(cache, b);
    cr_assert_eq(block_cache_find(cache, 0x1000), a);
    cr_assert_eq(block_cache_lookup(cache, 0x2002), b);
    cr_assert_null(block_cache_find(cache, 0x1002));
    cr_assert_null(block_cache_lookup(cache, 0x3000));
}

Test(block_cache, keeps_every_block_through_growth)
{
    struct block_cache *cache = block_cache_new();
    enum { COUNT = 20000 };
    for (uint64_t i = 0; i < COUNT; i++)
        block_cache_insert(cache, new_block(0x10000 + i * 6));
    cr_assert_eq(cache->count, COUNT);
    cr_assert_geq(cache->capacity, 2 * COUNT);
    for (uint64_t i = 0; i < COUNT; i++) {
        struct block *b = block_cache_lookup(cache, 0x10000 + i * 6);
        cr_assert_not_null(b, "block %llu lost", (unsigned long long)i);
        cr_assert_eq(b->pc, 0x10000 + i * 6);
    }
}

Test(block_cache, jump_cache_collisions_fall_back_to_the_table)
{
    struct block_cache *cache = block_cache_new();
    /* same jump-cache index: pcs JUMP_CACHE_SIZE * 2 bytes apart */
    uint64_t first = 0x4000, second = first + JUMP_CACHE_SIZE * 2;
    struct block *a = new_block(first), *b = new_block(second);
    block_cache_insert(cache, a);
    block_cache_insert(cache, b);
    cr_assert_eq(block_cache_lookup(cache, first), a);
    cr_assert_eq(block_cache_lookup(cache, second), b);
    cr_assert_eq(block_cache_lookup(cache, first), a);
}

Test(block_cache, flush_forgets_everything)
{
    struct block_cache *cache = block_cache_new();
    block_cache_insert(cache, new_block(0x1000));
    uint64_t flushes = emu_stats.block_cache_flushes;
    block_cache_flush(cache);
    cr_assert_eq(cache->count, 0);
    cr_assert_null(block_cache_lookup(cache, 0x1000));
    cr_assert_eq(emu_stats.block_cache_flushes, flushes + 1);
    block_cache_insert(cache, new_block(0x1000));
    cr_assert_not_null(block_cache_lookup(cache, 0x1000));
}
