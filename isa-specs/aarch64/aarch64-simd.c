/* AdvSIMD lane arithmetic (Arm ARM C7.2): the ISA language has no loops,
 * so per-lane work is here, one pure function per operation.  A vector is
 * an unsigned __int128; size is the element size code (0: 8 bits .. 3: 64),
 * q says 128 (1) or 64 (0) bits are used, and a 64-bit result leaves the
 * upper half zero as the instructions do. */
#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

typedef unsigned __int128 vec;

static unsigned lane_bits(uint64_t size)
{
    return 8u << size;
}
static unsigned lanes(uint64_t size, uint64_t q)
{
    return (q ? 128u : 64u) / lane_bits(size);
}
static uint64_t lane_mask(uint64_t size)
{
    return size == 3 ? ~UINT64_C(0) : (UINT64_C(1) << lane_bits(size)) - 1;
}
static uint64_t get(vec v, uint64_t size, unsigned i)
{
    return (uint64_t)(v >> (i * lane_bits(size))) & lane_mask(size);
}
static vec put(vec v, uint64_t size, unsigned i, uint64_t x)
{
    unsigned shift = i * lane_bits(size);
    vec mask = (vec)lane_mask(size) << shift;
    return (v & ~mask) | (((vec)(x & lane_mask(size))) << shift);
}
static int64_t sget(vec v, uint64_t size, unsigned i)
{
    unsigned bits = lane_bits(size);
    uint64_t x = get(v, size, i);
    return bits == 64 ? (int64_t)x : (int64_t)(x << (64 - bits)) >> (64 - bits);
}

enum lane_op { OP_ADD, OP_SUB, OP_CMEQ, OP_CMHS, OP_CMHI, OP_CMGT, OP_CMGE, OP_CMTST, OP_UMAX, OP_UMIN };

static uint64_t lane(enum lane_op op, uint64_t a, uint64_t b, int64_t sa, int64_t sb)
{
    switch (op) {
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_CMEQ: return a == b ? ~UINT64_C(0) : 0;
    case OP_CMHS: return a >= b ? ~UINT64_C(0) : 0;
    case OP_CMHI: return a > b ? ~UINT64_C(0) : 0;
    case OP_CMGT: return sa > sb ? ~UINT64_C(0) : 0;
    case OP_CMGE: return sa >= sb ? ~UINT64_C(0) : 0;
    case OP_CMTST: return (a & b) ? ~UINT64_C(0) : 0;
    case OP_UMAX: return a > b ? a : b;
    case OP_UMIN: return a < b ? a : b;
    }
    return 0;
}

static vec elementwise(enum lane_op op, vec a, vec b, uint64_t size, uint64_t q)
{
    vec r = 0;
    for (unsigned i = 0; i < lanes(size, q); i++)
        r = put(r, size, i, lane(op, get(a, size, i), get(b, size, i), sget(a, size, i), sget(b, size, i)));
    return r;
}

/* pairwise: the lanes of a then of b, adjacent pairs combined */
static vec pairwise(enum lane_op op, vec a, vec b, uint64_t size, uint64_t q)
{
    unsigned n = lanes(size, q);
    vec r = 0;
    for (unsigned i = 0; i < n; i++) {
        vec src = i < n / 2 ? a : b;
        unsigned j = (i % (n / 2)) * 2;
        r = put(r, size, i, lane(op, get(src, size, j), get(src, size, j + 1), 0, 0));
    }
    return r;
}

vec a64_vadd(vec a, vec b, uint64_t size, uint64_t q)
{
    return elementwise(OP_ADD, a, b, size, q);
}
vec a64_vsub(vec a, vec b, uint64_t size, uint64_t q)
{
    return elementwise(OP_SUB, a, b, size, q);
}
vec a64_vcmeq(vec a, vec b, uint64_t size, uint64_t q)
{
    return elementwise(OP_CMEQ, a, b, size, q);
}
vec a64_vcmhs(vec a, vec b, uint64_t size, uint64_t q)
{
    return elementwise(OP_CMHS, a, b, size, q);
}
vec a64_vcmhi(vec a, vec b, uint64_t size, uint64_t q)
{
    return elementwise(OP_CMHI, a, b, size, q);
}
vec a64_vcmgt(vec a, vec b, uint64_t size, uint64_t q)
{
    return elementwise(OP_CMGT, a, b, size, q);
}
vec a64_vcmge(vec a, vec b, uint64_t size, uint64_t q)
{
    return elementwise(OP_CMGE, a, b, size, q);
}
vec a64_vcmtst(vec a, vec b, uint64_t size, uint64_t q)
{
    return elementwise(OP_CMTST, a, b, size, q);
}
vec a64_vumax(vec a, vec b, uint64_t size, uint64_t q)
{
    return elementwise(OP_UMAX, a, b, size, q);
}
vec a64_vumin(vec a, vec b, uint64_t size, uint64_t q)
{
    return elementwise(OP_UMIN, a, b, size, q);
}
vec a64_vaddp(vec a, vec b, uint64_t size, uint64_t q)
{
    return pairwise(OP_ADD, a, b, size, q);
}
vec a64_vumaxp(vec a, vec b, uint64_t size, uint64_t q)
{
    return pairwise(OP_UMAX, a, b, size, q);
}
vec a64_vuminp(vec a, vec b, uint64_t size, uint64_t q)
{
    return pairwise(OP_UMIN, a, b, size, q);
}

/* across lanes: ADDV, UMAXV, UMINV (a scalar in the low lane) */
static uint64_t across(enum lane_op op, vec a, uint64_t size, uint64_t q)
{
    uint64_t acc = get(a, size, 0);
    for (unsigned i = 1; i < lanes(size, q); i++)
        acc = lane(op, acc, get(a, size, i), 0, 0);
    return acc & lane_mask(size);
}
vec a64_vaddv(vec a, uint64_t size, uint64_t q)
{
    return across(OP_ADD, a, size, q);
}
vec a64_vumaxv(vec a, uint64_t size, uint64_t q)
{
    return across(OP_UMAX, a, size, q);
}
vec a64_vuminv(vec a, uint64_t size, uint64_t q)
{
    return across(OP_UMIN, a, size, q);
}

/* one element replicated to every lane */
vec a64_vdup(uint64_t x, uint64_t size, uint64_t q)
{
    vec r = 0;
    for (unsigned i = 0; i < lanes(size, q); i++)
        r = put(r, size, i, x);
    return r;
}

uint64_t a64_velement(vec v, uint64_t size, uint64_t index)
{
    return get(v, size, (unsigned)index);
}
vec a64_vinsert(vec v, uint64_t size, uint64_t index, uint64_t x)
{
    return put(v, size, (unsigned)index, x);
}

/* CNT: bits set per byte */
vec a64_vcnt(vec a, uint64_t q)
{
    vec r = 0;
    for (unsigned i = 0; i < lanes(0, q); i++)
        r = put(r, 0, i, (uint64_t)__builtin_popcountll(get(a, 0, i)));
    return r;
}

/* shifts by an immediate: immh:immb gives the element size (highest set
 * bit of immh) and the amount */
static uint64_t shift_size(uint64_t immh_immb)
{
    return (uint64_t)(31 - __builtin_clz((unsigned)(immh_immb >> 3) | 1));
}
vec a64_vshr(vec a, uint64_t immh_immb, uint64_t q, uint64_t is_signed)
{
    uint64_t size = shift_size(immh_immb);
    unsigned amount = 2 * lane_bits(size) - (unsigned)immh_immb;
    vec r = 0;
    for (unsigned i = 0; i < lanes(size, q); i++) {
        uint64_t x = is_signed ? (uint64_t)(amount >= 64 ? sget(a, size, i) >> 63 : sget(a, size, i) >> amount)
                               : (amount >= 64 ? 0 : get(a, size, i) >> amount);
        r = put(r, size, i, x);
    }
    return r;
}
vec a64_vshl(vec a, uint64_t immh_immb, uint64_t q)
{
    uint64_t size = shift_size(immh_immb);
    unsigned amount = (unsigned)immh_immb - lane_bits(size);
    vec r = 0;
    for (unsigned i = 0; i < lanes(size, q); i++)
        r = put(r, size, i, get(a, size, i) << amount);
    return r;
}
/* SHRN: each double-width element shifted right, narrowed into the lower
 * (q = 0) or upper (q = 1, SHRN2, keeping the lower) half of d */
vec a64_vshrn(vec d, vec a, uint64_t immh_immb, uint64_t q)
{
    uint64_t size = shift_size(immh_immb);
    unsigned amount = 2 * lane_bits(size) - (unsigned)immh_immb;
    unsigned n = 64 / lane_bits(size);
    vec r = q ? (d & ~(vec)0 >> 64) : 0;
    for (unsigned i = 0; i < n; i++)
        r = put(r, size, i + (q ? n : 0), get(a, size + 1, i) >> amount);
    return r;
}
/* XTN: narrowed without shifting */
vec a64_vxtn(vec d, vec a, uint64_t size, uint64_t q)
{
    unsigned n = 64 / lane_bits(size);
    vec r = q ? (d & ~(vec)0 >> 64) : 0;
    for (unsigned i = 0; i < n; i++)
        r = put(r, size, i + (q ? n : 0), get(a, size + 1, i));
    return r;
}

/* AdvSIMDExpandImm (J1.3): the MOVI/MVNI immediate for op and cmode */
vec a64_expand_imm(uint64_t op, uint64_t cmode, uint64_t imm8)
{
    uint64_t imm = 0;
    switch (cmode >> 1) {
    case 0: imm = imm8 * UINT64_C(0x0000000100000001); break;
    case 1: imm = (imm8 << 8) * UINT64_C(0x0000000100000001); break;
    case 2: imm = (imm8 << 16) * UINT64_C(0x0000000100000001); break;
    case 3: imm = (imm8 << 24) * UINT64_C(0x0000000100000001); break;
    case 4: imm = imm8 * UINT64_C(0x0001000100010001); break;
    case 5: imm = (imm8 << 8) * UINT64_C(0x0001000100010001); break;
    case 6: imm = ((cmode & 1) ? ((imm8 << 16) | 0xffff) : ((imm8 << 8) | 0xff)) * UINT64_C(0x0000000100000001); break;
    case 7:
        if ((cmode & 1) == 0 && op == 0) {
            imm = imm8 * UINT64_C(0x0101010101010101);
        } else if ((cmode & 1) == 0) {
            for (unsigned i = 0; i < 8; i++)
                if (imm8 & (1u << i))
                    imm |= UINT64_C(0xff) << (8 * i);
        } else if (op == 0) {
            /* FMOV (vector, immediate), single: a:NOT(b):Replicate(b, 5):cdefgh:Zeros(19), twice */
            uint64_t a = (imm8 >> 7) & 1, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3f;
            uint64_t single = (a << 31) | ((b ^ 1) << 30) | ((b ? UINT64_C(0x1f) : 0) << 25) | (cdefgh << 19);
            imm = single | single << 32;
        } else {
            /* FMOV (vector, immediate), double: a:NOT(b):Replicate(b, 8):cdefgh:Zeros(48) */
            uint64_t a = (imm8 >> 7) & 1, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3f;
            imm = (a << 63) | ((b ^ 1) << 62) | ((b ? UINT64_C(0xff) : 0) << 54) | (cdefgh << 48);
        }
        break;
    }
    return (vec)imm | ((vec)imm << 64);
}

/* UZP1/2 (kind 1, 5), TRN1/2 (2, 6), ZIP1/2 (3, 7): kind bit 2 picks the
 * odd elements or the upper halves (C7.2.389 UZP1 ...) */
vec a64_vpermute(vec a, vec b, uint64_t size, uint64_t q, uint64_t kind)
{
    unsigned n = lanes(size, q), part = (kind >> 2) & 1;
    vec r = 0;
    for (unsigned i = 0; i < n; i++) {
        uint64_t x = 0;
        switch (kind & 3) {
        case 1: { /* UZP: even (odd) elements of a:b */
            unsigned j = 2 * i + part;
            x = j < n ? get(a, size, j) : get(b, size, j - n);
            break;
        }
        case 2: /* TRN: a's even (odd) lanes interleaved with b's */
            x = (i & 1) ? get(b, size, (i & ~1u) + part) : get(a, size, (i & ~1u) + part);
            break;
        case 3: { /* ZIP: the lower (upper) halves interleaved */
            unsigned j = i / 2 + part * n / 2;
            x = (i & 1) ? get(b, size, j) : get(a, size, j);
            break;
        }
        }
        r = put(r, size, i, x);
    }
    return r;
}

vec a64_vmul(vec a, vec b, uint64_t size, uint64_t q)
{
    vec r = 0;
    for (unsigned i = 0; i < lanes(size, q); i++)
        r = put(r, size, i, get(a, size, i) * get(b, size, i));
    return r;
}

/* --- whole encoding groups, keyed by U:opcode as the Arm ARM's tables are --- */

static int64_t saturate_signed(__int128 x, unsigned bits, bool *saturated)
{
    __int128 max = ((__int128)1 << (bits - 1)) - 1, min = -max - 1;
    if (x > max || x < min) {
        *saturated = true;
        return (int64_t)(x > max ? max : min);
    }
    return (int64_t)x;
}
static uint64_t saturate_unsigned(__int128 x, unsigned bits, bool *saturated)
{
    unsigned __int128 max = ((unsigned __int128)1 << bits) - 1;
    if (x < 0 || (unsigned __int128)x > max) {
        *saturated = true;
        return x < 0 ? 0 : (uint64_t)max;
    }
    return (uint64_t)x;
}

/* a shift by a signed register amount (USHL, SSHL: negative shifts right) */
static uint64_t shift_by(uint64_t x, int64_t sx, int8_t amount, unsigned bits, bool is_signed)
{
    if (amount >= 0)
        return amount >= (int)bits ? 0 : x << amount;
    int right = -amount;
    if (is_signed)
        return (uint64_t)(right >= (int)bits ? sx >> 63 : sx >> right);
    return right >= (int)bits ? 0 : x >> right;
}

#define FPSR_QC (UINT32_C(1) << 27)

/* Three registers of the same type (C4.1.95, "Advanced SIMD three same"):
 * uop = U:opcode.  Saturating operations set FPSR.QC. */
vec a64_simd_same(uint64_t uop, vec d, vec a, vec b, uint64_t size, uint64_t q, uint32_t *fpsr)
{
    unsigned bits = lane_bits(size);
    vec r = 0;
    bool saturated = false;
    for (unsigned i = 0; i < lanes(size, q); i++) {
        uint64_t x = get(a, size, i), y = get(b, size, i), acc = get(d, size, i);
        int64_t sx = sget(a, size, i), sy = sget(b, size, i);
        uint64_t v = 0;
        switch (uop) {
        case 0x00: v = (uint64_t)(((__int128)sx + sy) >> 1); break;                           /* SHADD */
        case 0x20: v = (uint64_t)(((unsigned __int128)x + y) >> 1); break;                    /* UHADD */
        case 0x02: v = (uint64_t)(((__int128)sx + sy + 1) >> 1); break;                       /* SRHADD */
        case 0x22: v = (uint64_t)(((unsigned __int128)x + y + 1) >> 1); break;                /* URHADD */
        case 0x01: v = (uint64_t)saturate_signed((__int128)sx + sy, bits, &saturated); break; /* SQADD */
        case 0x21: v = saturate_unsigned((__int128)x + y, bits, &saturated); break;           /* UQADD */
        case 0x05: v = (uint64_t)saturate_signed((__int128)sx - sy, bits, &saturated); break; /* SQSUB */
        case 0x25: v = saturate_unsigned((__int128)x - y, bits, &saturated); break;           /* UQSUB */
        case 0x08: v = shift_by(x, sx, (int8_t)y, bits, true); break;                         /* SSHL */
        case 0x28: v = shift_by(x, sx, (int8_t)y, bits, false); break;                        /* USHL */
        case 0x0c: v = sx > sy ? x : y; break;                                                /* SMAX */
        case 0x0d: v = sx < sy ? x : y; break;                                                /* SMIN */
        case 0x0e: v = sx > sy ? (uint64_t)(sx - sy) : (uint64_t)(sy - sx); break;            /* SABD */
        case 0x2e: v = x > y ? x - y : y - x; break;                                          /* UABD */
        case 0x0f: v = acc + (sx > sy ? (uint64_t)(sx - sy) : (uint64_t)(sy - sx)); break;    /* SABA */
        case 0x2f: v = acc + (x > y ? x - y : y - x); break;                                  /* UABA */
        case 0x12: v = acc + x * y; break;                                                    /* MLA */
        case 0x32: v = acc - x * y; break;                                                    /* MLS */
        }
        r = put(r, size, i, v);
    }
    if (saturated)
        *fpsr |= FPSR_QC;
    return r;
}

/* pairwise signed max and min (SMAXP, SMINP) */
vec a64_simd_pairwise_signed(uint64_t max, vec a, vec b, uint64_t size, uint64_t q)
{
    unsigned n = lanes(size, q);
    vec r = 0;
    for (unsigned i = 0; i < n; i++) {
        vec src = i < n / 2 ? a : b;
        unsigned j = (i % (n / 2)) * 2;
        int64_t x = sget(src, size, j), y = sget(src, size, j + 1);
        r = put(r, size, i, (uint64_t)(max ? (x > y ? x : y) : (x < y ? x : y)));
    }
    return r;
}

/* Two-register miscellaneous (C4.1.95): uop = U:opcode */
vec a64_simd_misc(uint64_t uop, vec a, uint64_t size, uint64_t q)
{
    unsigned bits = lane_bits(size);
    vec r = 0;
    for (unsigned i = 0; i < lanes(size, q); i++) {
        uint64_t x = get(a, size, i);
        int64_t sx = sget(a, size, i);
        uint64_t v = 0, ones = ~UINT64_C(0);
        switch (uop) {
        case 0x00: { /* REV64: elements reversed within 64-bit containers */
            unsigned per = 64 / bits;
            v = get(a, size, (i / per) * per + (per - 1 - i % per));
            break;
        }
        case 0x20: { /* REV32 */
            unsigned per = 32 / bits;
            v = get(a, size, (i / per) * per + (per - 1 - i % per));
            break;
        }
        case 0x01: { /* REV16 */
            unsigned per = 16 / bits;
            v = get(a, size, (i / per) * per + (per - 1 - i % per));
            break;
        }
        case 0x08: v = sx > 0 ? ones : 0; break;             /* CMGT #0 */
        case 0x28: v = sx >= 0 ? ones : 0; break;            /* CMGE #0 */
        case 0x29: v = sx <= 0 ? ones : 0; break;            /* CMLE #0 */
        case 0x0a: v = sx < 0 ? ones : 0; break;             /* CMLT #0 */
        case 0x0b: v = (uint64_t)(sx < 0 ? -sx : sx); break; /* ABS */
        case 0x2b: v = (uint64_t)-sx; break;                 /* NEG */
        case 0x24: {                                         /* CLZ */
            unsigned n = 0;
            while (n < bits && !((x >> (bits - 1 - n)) & 1))
                n++;
            v = n;
            break;
        }
        case 0x04: { /* CLS */
            unsigned n = 0;
            uint64_t sign = (x >> (bits - 1)) & 1;
            while (n + 1 < bits && ((x >> (bits - 2 - n)) & 1) == sign)
                n++;
            v = n;
            break;
        }
        }
        r = put(r, size, i, v);
    }
    return r;
}

/* Narrowing (XTN, SQXTN, UQXTN, SQXTUN): double-width lanes of a into the
 * lower half, or with q the upper half keeping d's lower half */
vec a64_simd_narrow(uint64_t uop, vec d, vec a, uint64_t size, uint64_t q, uint32_t *fpsr)
{
    unsigned n = 64 / lane_bits(size), bits = lane_bits(size);
    vec r = q ? (d & ~(vec)0 >> 64) : 0;
    bool saturated = false;
    for (unsigned i = 0; i < n; i++) {
        uint64_t x = get(a, size + 1, i);
        int64_t sx = sget(a, size + 1, i);
        uint64_t v = x;
        if (uop == 0x14) /* SQXTN */
            v = (uint64_t)saturate_signed(sx, bits, &saturated);
        else if (uop == 0x34) /* UQXTN */
            v = saturate_unsigned(x, bits, &saturated);
        else if (uop == 0x32) /* SQXTUN */
            v = saturate_unsigned(sx, bits, &saturated);
        r = put(r, size, i + (q ? n : 0), v);
    }
    if (saturated)
        *fpsr |= FPSR_QC;
    return r;
}

/* Across lanes (C4.1.95): uop = U:opcode; SADDLV/UADDLV widen */
vec a64_simd_across(uint64_t uop, vec a, uint64_t size, uint64_t q)
{
    unsigned n = lanes(size, q);
    if (uop == 0x03 || uop == 0x23) { /* SADDLV, UADDLV */
        uint64_t sum = 0;
        for (unsigned i = 0; i < n; i++)
            sum += uop == 0x03 ? (uint64_t)sget(a, size, i) : get(a, size, i);
        return sum & lane_mask(size + 1);
    }
    int64_t best = sget(a, size, 0);
    for (unsigned i = 1; i < n; i++) {
        int64_t x = sget(a, size, i);
        if (uop == 0x0a ? x > best : x < best) /* SMAXV, SMINV */
            best = x;
    }
    return (uint64_t)best & lane_mask(size);
}

/* Three registers of different types (C4.1.95): long results from the
 * lower (q = 0) or upper (q = 1, the "2" forms) halves; uop = U:opcode */
vec a64_simd_different(uint64_t uop, vec d, vec a, vec b, uint64_t size, uint64_t q)
{
    unsigned n = 64 / lane_bits(size), base = q ? n : 0;
    vec r = 0;
    for (unsigned i = 0; i < n; i++) {
        bool is_signed = !(uop & 0x10);
        uint64_t x = get(a, size, base + i), y = get(b, size, base + i), wa = get(a, size + 1, i);
        int64_t sx = sget(a, size, base + i), sy = sget(b, size, base + i);
        uint64_t acc = get(d, size + 1, i);
        uint64_t ex = is_signed ? (uint64_t)sx : x, ey = is_signed ? (uint64_t)sy : y;
        uint64_t v = 0;
        switch (uop & 0xf) {
        case 0x0: v = ex + ey; break; /* SADDL, UADDL */
        case 0x1: v = wa + ey; break; /* SADDW, UADDW */
        case 0x2: v = ex - ey; break; /* SSUBL, USUBL */
        case 0x3: v = wa - ey; break; /* SSUBW, USUBW */
        case 0x7: v = is_signed ? (uint64_t)(sx > sy ? sx - sy : sy - sx) : (x > y ? x - y : y - x); break; /* ABDL */
        case 0x8: v = acc + ex * ey; break; /* SMLAL, UMLAL */
        case 0xa: v = acc - ex * ey; break; /* SMLSL, UMLSL */
        case 0xc: v = ex * ey; break;       /* SMULL, UMULL */
        }
        r = put(r, size + 1, i, v);
    }
    return r;
}

/* Shifts by an immediate that accumulate or widen (C4.1.95):
 * SSRA/USRA (uop 0x02/0x22), SSHLL/USHLL (0x14/0x34, q: upper half) */
vec a64_simd_shift(uint64_t uop, vec d, vec a, uint64_t immh_immb, uint64_t q)
{
    uint64_t size = shift_size(immh_immb);
    unsigned bits = lane_bits(size);
    if (uop == 0x14 || uop == 0x34) {
        unsigned amount = (unsigned)immh_immb - bits, n = 64 / bits, base = q ? n : 0;
        vec r = 0;
        for (unsigned i = 0; i < n; i++)
            r = put(r, size + 1, i,
                    (uop == 0x14 ? (uint64_t)sget(a, size, base + i) : get(a, size, base + i)) << amount);
        return r;
    }
    vec shifted = a64_vshr(a, immh_immb, q, uop == 0x02);
    return a64_vadd(d, shifted, size, q);
}

/* TBL/TBX: bytes of the table registers (count of them, from first) by the
 * indices in idx; out of range gives 0 (TBL) or keeps d (TBX) */
vec a64_simd_table(struct cpu *cpu, uint64_t first, uint64_t count, vec idx, vec d, uint64_t is_tbx, uint64_t q)
{
    const vec *table = cpu->state.aarch64.Q;
    vec r = 0;
    for (unsigned i = 0; i < (q ? 16u : 8u); i++) {
        uint64_t index = get(idx, 0, i);
        uint64_t v = is_tbx ? get(d, 0, i) : 0;
        if (index < count * 16)
            v = get(table[(first + index / 16) & 31], 0, (unsigned)(index % 16));
        r = put(r, 0, i, v);
    }
    return r;
}

/* SMOV: a signed element, sign-extended */
uint64_t a64_velement_signed(vec v, uint64_t size, uint64_t index)
{
    return (uint64_t)sget(v, size, (unsigned)index);
}

/* LD2-4/ST2-4: chunk c holds memory bytes c * (8 or 16) on; the element
 * stream of all chunks is structure by structure */
static uint64_t stream_get(const vec *chunks, uint64_t size, uint64_t q, unsigned k)
{
    unsigned per_chunk = lanes(size, q);
    return get(chunks[k / per_chunk], size, k % per_chunk);
}

vec a64_deinterleave(vec c0, vec c1, vec c2, vec c3, uint64_t count, uint64_t size, uint64_t q, uint64_t which)
{
    const vec chunks[4] = {c0, c1, c2, c3};
    vec r = 0;
    for (unsigned i = 0; i < lanes(size, q); i++)
        r = put(r, size, i, stream_get(chunks, size, q, i * (unsigned)count + (unsigned)which));
    return r;
}

vec a64_interleave(vec v0, vec v1, vec v2, vec v3, uint64_t count, uint64_t size, uint64_t q, uint64_t which)
{
    const vec regs[4] = {v0, v1, v2, v3};
    unsigned per_chunk = lanes(size, q);
    vec r = 0;
    for (unsigned j = 0; j < per_chunk; j++) {
        unsigned k = (unsigned)which * per_chunk + j; /* stream position */
        if (k < count * per_chunk)
            r = put(r, size, j, get(regs[k % count], size, k / (unsigned)count));
    }
    return r;
}

/* ADDHN, SUBHN and the rounding RADDHN, RSUBHN (uop = U:opcode): the high
 * halves of double-width sums or differences, narrowed into the lower half
 * or, with q, the upper half keeping d's lower */
vec a64_simd_narrow_high(uint64_t uop, vec d, vec a, vec b, uint64_t size, uint64_t q)
{
    unsigned n = 64 / lane_bits(size), bits = lane_bits(size);
    vec r = q ? (d & ~(vec)0 >> 64) : 0;
    for (unsigned i = 0; i < n; i++) {
        unsigned __int128 x = get(a, size + 1, i), y = get(b, size + 1, i);
        unsigned __int128 v = (uop & 2) ? x - y : x + y;
        if (uop & 0x10)
            v += (unsigned __int128)1 << (bits - 1);
        r = put(r, size, i + (q ? n : 0), (uint64_t)(v >> bits));
    }
    return r;
}

/* MUL (0), MLA (1), MLS (2) by element: every lane of a with lane index of b */
vec a64_simd_element(uint64_t kind, vec d, vec a, vec b, uint64_t index, uint64_t size, uint64_t q)
{
    uint64_t m = get(b, size, (unsigned)index);
    vec r = 0;
    for (unsigned i = 0; i < lanes(size, q); i++) {
        uint64_t product = get(a, size, i) * m, acc = get(d, size, i);
        r = put(r, size, i, kind == 0 ? product : kind == 1 ? acc + product : acc - product);
    }
    return r;
}
