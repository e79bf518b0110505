/* pointer-chase: follows a single random cycle through 4M 32-bit indices
 * (16 MiB, past the caches) built with Sattolo's algorithm, so every load
 * depends on the one before: memory latency, not bandwidth. */
#include "bench.h"

#define NODES BENCH_SIZE(1u << 22, 1u << 18)
#define STEPS BENCH_SIZE(12000000, 2000000)

int main(void)
{
    uint32_t *next = bench_alloc(NODES * sizeof *next);
    for (uint32_t i = 0; i < NODES; i++)
        next[i] = i;
    uint64_t rng = 17;
    /* Sattolo: a uniformly random permutation that is one cycle */
    for (uint32_t i = NODES - 1; i > 0; i--) {
        uint32_t j = (uint32_t)(bench_next(&rng) % i);
        uint32_t t = next[i];
        next[i] = next[j];
        next[j] = t;
    }
    uint32_t at = 0;
    uint64_t sum = 0;
    for (long step = 0; step < STEPS; step++) {
        at = next[at];
        sum += at;
    }
    free(next);
    return bench_check("pointer-chase", bench_mix(sum, at), BENCH_SIZE(0x9e3d2eb53c3b88a8ull, 0x9e3789379ddda896ull));
}
