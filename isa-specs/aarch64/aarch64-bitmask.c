/* The A64 bit manipulations too irregular for the ISA language: the
 * logical-immediate bitmask (DecodeBitMasks, Arm ARM J1.1.3), leading-bit
 * counts, bit and byte reversal.  Pure functions of their arguments. */
#include <stdint.h>

/* N:NOT(imms) gives the element size (its highest set bit), imms the run of
 * ones minus one, immr the rotation; the element is replicated to 64 bits.
 * Reserved encodings are rejected by the decoder before this runs. */
uint64_t a64_bitmask(uint64_t n, uint64_t imms, uint64_t immr)
{
    uint64_t selector = (n << 6) | (~imms & 0x3f);
    int len = 63 - __builtin_clzll(selector | 1);
    unsigned esize = 1u << len;
    uint64_t levels = esize - 1;
    unsigned s = (unsigned)(imms & levels), r = (unsigned)(immr & levels);
    uint64_t element_mask = esize == 64 ? ~UINT64_C(0) : (UINT64_C(1) << esize) - 1;
    uint64_t welem = s + 1 == 64 ? ~UINT64_C(0) : (UINT64_C(1) << (s + 1)) - 1;
    uint64_t rotated = r == 0 ? welem : ((welem >> r) | (welem << (esize - r))) & element_mask;
    uint64_t result = 0;
    for (unsigned i = 0; i < 64; i += esize)
        result |= rotated << i;
    return result;
}

uint64_t a64_clz(uint64_t x, uint64_t width)
{
    if (width == 32)
        return (uint32_t)x ? (uint64_t)__builtin_clz((uint32_t)x) : 32;
    return x ? (uint64_t)__builtin_clzll(x) : 64;
}

/* leading bits equal to the sign bit, not counting it */
uint64_t a64_cls(uint64_t x, uint64_t width)
{
    if (width == 32) {
        uint32_t v = (uint32_t)x;
        return a64_clz((v ^ (v << 1)) | 1, 32);
    }
    return a64_clz((x ^ (x << 1)) | 1, 64);
}

/* Swaps each pair of adjacent bits groups of `bits` bits (mask selects
 * the lower group of each pair). */
static uint64_t swap_groups(uint64_t x, unsigned bits, uint64_t mask)
{
    return ((x >> bits) & mask) | ((x & mask) << bits);
}

/* The bits of the low width bits in reverse order: bits within each byte
 * reversed, then the bytes. */
uint64_t a64_rbit(uint64_t x, uint64_t width)
{
    x = swap_groups(x, 1, UINT64_C(0x5555555555555555));
    x = swap_groups(x, 2, UINT64_C(0x3333333333333333));
    x = swap_groups(x, 4, UINT64_C(0x0f0f0f0f0f0f0f0f));
    return __builtin_bswap64(x) >> (64 - width);
}

/* The bytes of each container_bytes-byte container of the low width bits
 * in reverse order: adjacent bytes, then halfwords, then words swapped, as
 * far as the container reaches. */
uint64_t a64_rev(uint64_t x, uint64_t width, uint64_t container_bytes)
{
    if (container_bytes >= 2)
        x = swap_groups(x, 8, UINT64_C(0x00ff00ff00ff00ff));
    if (container_bytes >= 4)
        x = swap_groups(x, 16, UINT64_C(0x0000ffff0000ffff));
    if (container_bytes >= 8)
        x = swap_groups(x, 32, UINT64_C(0x00000000ffffffff));
    return width == 64 ? x : x & ((UINT64_C(1) << width) - 1);
}
