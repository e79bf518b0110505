/* Shared by the benchmark workloads: size selection, a deterministic PRNG and
 * the self-check that makes every workload fail loudly on a wrong result.
 *
 * Each workload is sized by one compile-time constant so the native -O2 build
 * runs about 1-2 s; -DBENCH_QUICK selects the smoke-test size (~0.05 s). */
#ifndef BENCH_H
#define BENCH_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef BENCH_QUICK
#define BENCH_SIZE(full, quick) (quick)
#else
#define BENCH_SIZE(full, quick) (full)
#endif

/* splitmix64: the same sequence on every host and guest */
static inline uint64_t bench_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static inline uint64_t bench_mix(uint64_t hash, uint64_t value)
{
    hash ^= value + 0x9e3779b97f4a7c15ull + (hash << 6) + (hash >> 2);
    return hash;
}

static inline uint64_t bench_double_bits(double value)
{
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

/* Prints the result; main returns what this returns, non-zero unless the
 * result is the known-good one: BENCH_SIZE(full-size value, quick value). */
static inline int bench_check(const char *name, uint64_t got, uint64_t want)
{
    if (got != want) {
        printf("%s: result %016" PRIx64 " FAIL (expected %016" PRIx64 ")\n", name, got, want);
        return 1;
    }
    printf("%s: result %016" PRIx64 " ok\n", name, got);
    return 0;
}

static inline void *bench_alloc(size_t size)
{
    void *block = malloc(size);
    if (block == NULL) {
        fprintf(stderr, "out of memory (%zu bytes)\n", size);
        exit(2);
    }
    return block;
}

#endif
