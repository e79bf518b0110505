/* CRC-32 (IEEE 802.3, reflected, polynomial 0xedb88320) in C: bitwise and
 * table-driven must agree, and the check value of "123456789" is
 * 0xcbf43926. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t table[256];

static void make_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static uint32_t crc32_table(const uint8_t *data, size_t len)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < len; i++)
        c = table[(c ^ data[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

static uint32_t crc32_bitwise(const uint8_t *data, size_t len)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < len; i++) {
        c ^= data[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & -(c & 1));
    }
    return ~c;
}

static uint8_t block[1 << 16];

int main(void)
{
    make_table();
    const char *check = "123456789";
    printf("crc32(\"%s\") = %08x\n", check, crc32_table((const uint8_t *)check, strlen(check)));
    const char *fox = "The quick brown fox jumps over the lazy dog";
    printf("crc32(fox) = %08x\n", crc32_table((const uint8_t *)fox, strlen(fox)));
    printf("crc32(\"\") = %08x\n", crc32_table((const uint8_t *)"", 0));
    uint32_t x = 1;
    for (size_t i = 0; i < sizeof block; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        block[i] = (uint8_t)x;
    }
    uint32_t a = crc32_table(block, sizeof block), b = crc32_bitwise(block, sizeof block);
    printf("64 KiB block: %08x, bitwise agrees %d\n", a, a == b);
    for (size_t len = 1; len <= 4096; len *= 8)
        printf("prefix %4zu: %08x\n", len, crc32_table(block, len));
    return 0;
}
