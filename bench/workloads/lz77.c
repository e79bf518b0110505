/* lz77: an LZ77 compressor (3-byte hash heads, chains through a 32 KiB
 * window, bounded chain depth) and its decompressor, round-tripping 1 MiB of
 * generated text with noise; the round trip must reproduce the input. */
#include "bench.h"

#define INPUT_SIZE  (1u << 20)
#define ROUNDS      BENCH_SIZE(56, 2)
#define WINDOW      32768
#define HASH_BITS   15
#define MAX_CHAIN   24
#define MIN_MATCH   3
#define MAX_MATCH   130 /* a match's control byte holds length - 3 in 7 bits */
#define MAX_LITERAL 128

/* Output: a control byte below 128 is followed by that many + 1 literals;
 * one at or above 128 is a match of (byte - 128 + 3) bytes at a 2-byte
 * little-endian distance. */

static uint32_t hash3(const uint8_t *p)
{
    return ((uint32_t)p[0] << 16 | p[1] << 8 | p[2]) * 2654435761u >> (32 - HASH_BITS);
}

static size_t compress(const uint8_t *in, size_t size, uint8_t *out)
{
    static int32_t head[1 << HASH_BITS];
    static int32_t previous[WINDOW];
    for (size_t i = 0; i < (1u << HASH_BITS); i++)
        head[i] = -1;
    size_t out_at = 0, literal_start = 0, at = 0;
    while (at < size) {
        size_t best_length = 0, best_distance = 0;
        if (at + MIN_MATCH <= size) {
            uint32_t h = hash3(in + at);
            int32_t candidate = head[h];
            size_t limit = size - at < MAX_MATCH ? size - at : MAX_MATCH;
            for (int chain = 0; chain < MAX_CHAIN && candidate >= 0 && at - (size_t)candidate < WINDOW; chain++) {
                size_t length = 0;
                while (length < limit && in[candidate + length] == in[at + length])
                    length++;
                if (length > best_length) {
                    best_length = length;
                    best_distance = at - (size_t)candidate;
                    if (length == limit)
                        break;
                }
                candidate = previous[candidate % WINDOW];
            }
            previous[at % WINDOW] = head[h];
            head[h] = (int32_t)at;
        }
        if (best_length < MIN_MATCH) {
            at++;
            if (at - literal_start == MAX_LITERAL || at == size) {
                out[out_at++] = (uint8_t)(at - literal_start - 1);
                memcpy(out + out_at, in + literal_start, at - literal_start);
                out_at += at - literal_start;
                literal_start = at;
            }
            continue;
        }
        if (literal_start < at) {
            out[out_at++] = (uint8_t)(at - literal_start - 1);
            memcpy(out + out_at, in + literal_start, at - literal_start);
            out_at += at - literal_start;
        }
        out[out_at++] = (uint8_t)(128 + best_length - MIN_MATCH);
        out[out_at++] = (uint8_t)best_distance;
        out[out_at++] = (uint8_t)(best_distance >> 8);
        /* the matched bytes enter the hash chains too */
        for (size_t k = 1; k < best_length && at + k + MIN_MATCH <= size; k++) {
            uint32_t h = hash3(in + at + k);
            previous[(at + k) % WINDOW] = head[h];
            head[h] = (int32_t)(at + k);
        }
        at += best_length;
        literal_start = at;
    }
    return out_at;
}

static size_t decompress(const uint8_t *in, size_t size, uint8_t *out)
{
    size_t out_at = 0;
    for (size_t at = 0; at < size;) {
        uint8_t control = in[at++];
        if (control < 128) {
            memcpy(out + out_at, in + at, control + 1u);
            out_at += control + 1u;
            at += control + 1u;
        } else {
            size_t length = control - 128u + MIN_MATCH;
            size_t distance = in[at] | (size_t)in[at + 1] << 8;
            at += 2;
            /* byte by byte: source and destination overlap when distance < length */
            for (size_t k = 0; k < length; k++, out_at++)
                out[out_at] = out[out_at - distance];
        }
    }
    return out_at;
}

static void generate_input(uint8_t *buffer, uint64_t seed)
{
    static const char *const words[] = {"compress", "window", "match", "literal", "distance", "length",
                                        "hash",     "chain",  "the",   "of",      "and",      "block"};
    uint64_t rng = seed;
    size_t at = 0;
    while (at < INPUT_SIZE) {
        uint64_t r = bench_next(&rng);
        if (r % 7 == 0) {
            buffer[at++] = (uint8_t)(r >> 8);
            continue;
        }
        const char *word = words[(r >> 16) % 12];
        for (size_t k = 0; word[k] && at < INPUT_SIZE; k++)
            buffer[at++] = (uint8_t)word[k];
        if (at < INPUT_SIZE)
            buffer[at++] = ' ';
    }
}

int main(void)
{
    uint8_t *input = bench_alloc(INPUT_SIZE);
    uint8_t *packed = bench_alloc(INPUT_SIZE + INPUT_SIZE / 64 + 16);
    uint8_t *output = bench_alloc(INPUT_SIZE);
    uint64_t result = 0;
    for (int round = 0; round < ROUNDS; round++) {
        generate_input(input, 7 + (uint64_t)round);
        size_t packed_size = compress(input, INPUT_SIZE, packed);
        size_t unpacked_size = decompress(packed, packed_size, output);
        if (unpacked_size != INPUT_SIZE || memcmp(input, output, INPUT_SIZE) != 0) {
            printf("lz77: round %d did not round-trip\n", round);
            return 1;
        }
        uint64_t h = 0;
        for (size_t i = 0; i < packed_size; i++)
            h = h * 131 + packed[i];
        result = bench_mix(result, bench_mix(packed_size, h));
    }
    free(input);
    free(packed);
    free(output);
    return bench_check("lz77", result, BENCH_SIZE(0xb0b967accaa8ba9eull, 0x98c5c34090f13ee6ull));
}
