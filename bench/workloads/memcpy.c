/* memcpy: copies and moves (overlapping) of small, medium and large blocks
 * at varied alignments within an 8 MiB arena, through the C library's
 * memcpy and memmove; sampled bytes of the arena are the result. */
#include "bench.h"

#define ARENA_SIZE (8u << 20)
#define ROUNDS     BENCH_SIZE(1000, 40)

static uint64_t sample(const uint8_t *arena)
{
    uint64_t h = 0;
    for (size_t i = 0; i < ARENA_SIZE; i += 4093)
        h = h * 257 + arena[i];
    return h;
}

int main(void)
{
    uint8_t *arena = bench_alloc(ARENA_SIZE);
    uint64_t rng = 19;
    for (size_t i = 0; i < ARENA_SIZE; i++)
        arena[i] = (uint8_t)(i * 131 + (i >> 9));
    uint64_t result = 0;
    for (int round = 0; round < ROUNDS; round++) {
        /* small blocks: 1..256 bytes, any alignment */
        for (int n = 0; n < 20000; n++) {
            uint64_t r = bench_next(&rng);
            size_t size = 1 + (r & 255), from = (r >> 8) % (ARENA_SIZE - 256), to = (r >> 32) % (ARENA_SIZE - 256);
            if (from + size <= to || to + size <= from)
                memcpy(arena + to, arena + from, size);
            else
                memmove(arena + to, arena + from, size);
        }
        /* medium blocks: 4 KiB, half of them overlapping moves */
        for (int n = 0; n < 1000; n++) {
            uint64_t r = bench_next(&rng);
            size_t from = (r >> 8) % (ARENA_SIZE - 8192),
                   to = (n & 1) ? from + 1 + (r & 63) : (r >> 32) % (ARENA_SIZE - 8192);
            memmove(arena + to, arena + from, 4096);
        }
        /* large blocks: 1 MiB, forward and backward overlapping moves */
        for (int n = 0; n < 8; n++) {
            uint64_t r = bench_next(&rng);
            size_t from = (r >> 8) % (ARENA_SIZE / 2), to = (r >> 32) % (ARENA_SIZE / 2);
            memmove(arena + to, arena + from, 1u << 20);
            memmove(arena + from + 3, arena + from, 1u << 20);
            memmove(arena + from, arena + from + 5, 1u << 20);
        }
        result = bench_mix(result, sample(arena));
    }
    free(arena);
    return bench_check("memcpy", result, BENCH_SIZE(0xf0f7057812ddd50dull, 0x0d5cf7ab8734ced9ull));
}
