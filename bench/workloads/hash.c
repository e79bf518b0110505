/* hash: FNV-1a (a multiply per byte) and an xxHash64-style hash (four 64-bit
 * lanes of multiply-rotate) over a generated 1 MiB buffer, one byte of the
 * buffer changed between rounds so no round can be skipped. */
#include "bench.h"

#define BUFFER_SIZE (1u << 20)
#define ROUNDS      BENCH_SIZE(850, 30)

#define PRIME1 0x9e3779b185ebca87ull
#define PRIME2 0xc2b2ae3d27d4eb4full
#define PRIME3 0x165667b19e3779f9ull
#define PRIME4 0x85ebca77c2b2ae63ull
#define PRIME5 0x27d4eb2f165667c5ull

static uint64_t fnv1a(const uint8_t *data, size_t size)
{
    uint64_t hash = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < size; i++) {
        hash ^= data[i];
        hash *= 0x100000001b3ull;
    }
    return hash;
}

static inline uint64_t rotl64(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

static inline uint64_t read64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline uint64_t xx_round(uint64_t acc, uint64_t input)
{
    return rotl64(acc + input * PRIME2, 31) * PRIME1;
}

static uint64_t xx_merge(uint64_t acc, uint64_t lane)
{
    return (acc ^ xx_round(0, lane)) * PRIME1 + PRIME4;
}

/* size is a multiple of 32 here, so there is no tail to handle */
static uint64_t xxhash64(const uint8_t *data, size_t size, uint64_t seed)
{
    uint64_t v1 = seed + PRIME1 + PRIME2, v2 = seed + PRIME2, v3 = seed, v4 = seed - PRIME1;
    for (size_t i = 0; i < size; i += 32) {
        v1 = xx_round(v1, read64(data + i));
        v2 = xx_round(v2, read64(data + i + 8));
        v3 = xx_round(v3, read64(data + i + 16));
        v4 = xx_round(v4, read64(data + i + 24));
    }
    uint64_t hash = rotl64(v1, 1) + rotl64(v2, 7) + rotl64(v3, 12) + rotl64(v4, 18);
    hash = xx_merge(hash, v1);
    hash = xx_merge(hash, v2);
    hash = xx_merge(hash, v3);
    hash = xx_merge(hash, v4);
    hash += size;
    hash ^= hash >> 33;
    hash *= PRIME2;
    hash ^= hash >> 29;
    hash *= PRIME3;
    return hash ^ (hash >> 32);
}

int main(void)
{
    uint8_t *buffer = bench_alloc(BUFFER_SIZE);
    uint64_t rng = 1;
    for (size_t i = 0; i < BUFFER_SIZE; i += 8) {
        uint64_t word = bench_next(&rng);
        memcpy(buffer + i, &word, 8);
    }
    uint64_t result = PRIME5;
    for (int round = 0; round < ROUNDS; round++) {
        result = bench_mix(result, fnv1a(buffer, BUFFER_SIZE));
        result = bench_mix(result, xxhash64(buffer, BUFFER_SIZE, result));
        buffer[result % BUFFER_SIZE] ^= (uint8_t)(round + 1);
    }
    free(buffer);
    return bench_check("hash", result, BENCH_SIZE(0xa3759f8fee77f70aull, 0xe915eb6a67c28fa1ull));
}
