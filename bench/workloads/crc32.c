/* crc32: the reflected CRC-32 of zlib and Ethernet (polynomial 0xEDB88320),
 * slicing-by-4 over a generated 1 MiB buffer and byte-at-a-time over a
 * quarter of it, checked against the standard check value of "123456789". */
#include "bench.h"

#define BUFFER_SIZE (1u << 20)
#define ROUNDS      BENCH_SIZE(800, 16)

static uint32_t table[4][256];

static void make_tables(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[0][n] = c;
    }
    for (uint32_t n = 0; n < 256; n++)
        for (int t = 1; t < 4; t++)
            table[t][n] = (table[t - 1][n] >> 8) ^ table[0][table[t - 1][n] & 0xff];
}

static uint32_t crc32_bytewise(uint32_t crc, const uint8_t *data, size_t size)
{
    crc = ~crc;
    for (size_t i = 0; i < size; i++)
        crc = table[0][(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

/* the buffer's size is a multiple of 4 */
static uint32_t crc32_slice4(uint32_t crc, const uint8_t *data, size_t size)
{
    crc = ~crc;
    for (size_t i = 0; i < size; i += 4) {
        crc ^=
            (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 | (uint32_t)data[i + 2] << 16 | (uint32_t)data[i + 3] << 24;
        crc = table[3][crc & 0xff] ^ table[2][(crc >> 8) & 0xff] ^ table[1][(crc >> 16) & 0xff] ^ table[0][crc >> 24];
    }
    return ~crc;
}

int main(void)
{
    make_tables();
    if (crc32_bytewise(0, (const uint8_t *)"123456789", 9) != 0xcbf43926u) {
        printf("crc32: check value of \"123456789\" wrong\n");
        return 1;
    }
    uint8_t *buffer = bench_alloc(BUFFER_SIZE);
    uint64_t rng = 2;
    for (size_t i = 0; i < BUFFER_SIZE; i++)
        buffer[i] = (uint8_t)bench_next(&rng);
    uint64_t result = 0;
    uint32_t crc = 0;
    for (int round = 0; round < ROUNDS; round++) {
        crc = crc32_slice4(crc, buffer, BUFFER_SIZE);
        uint32_t quarter = crc32_bytewise(crc, buffer + (round & 3) * (BUFFER_SIZE / 4), BUFFER_SIZE / 4);
        result = bench_mix(result, (uint64_t)crc << 32 | quarter);
        buffer[crc % BUFFER_SIZE] ^= (uint8_t)quarter;
    }
    free(buffer);
    return bench_check("crc32", result, BENCH_SIZE(0xd8238a1d9acd16e9ull, 0xfb37665362b315bdull));
}
