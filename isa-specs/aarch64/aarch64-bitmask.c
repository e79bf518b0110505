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

uint64_t a64_rbit(uint64_t x, uint64_t width)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < width; i++)
        r |= ((x >> i) & 1) << (width - 1 - i);
    return r;
}

uint64_t a64_rev(uint64_t x, uint64_t width, uint64_t container_bytes)
{
    uint64_t r = 0;
    for (unsigned base = 0; base < width / 8; base += (unsigned)container_bytes)
        for (unsigned i = 0; i < container_bytes; i++)
            r |= ((x >> ((base + i) * 8)) & 0xff) << ((base + container_bytes - 1 - i) * 8);
    return r;
}
