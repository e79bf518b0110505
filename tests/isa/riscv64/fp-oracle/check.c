/* Host side of the differential test against qemu-riscv64.
 *   check generate N [SEED] > cases.bin   N cases per operation and rounding mode
 *   check compare cases.bin answers.bin
 * compare runs every case through the fp_* helpers and reports each
 * difference from the oracle's answer; it exits 1 if there is any. */
#include <stdbool.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xmmintrin.h>

#include "fp-helpers.h"
#include "ops.h"

enum { FFLAGS_NX = 1, MXCSR_PE = 0x20 };

enum shape { FP1, FP2, FP2_NO_RM, FP3, INT_FROM_FP2, INT_FROM_FP, CLASS, FP_FROM_INT };

struct op_info {
    const char *name;
    enum shape shape;
};

static const struct op_info ops[] = {
#define INFO(name, shape, insn) { #name, shape },
    FP_ORACLE_OPS(INFO)
#undef INFO
};

enum {
#define NAME(name, shape, insn) OP_##name,
    FP_ORACLE_OPS(NAME)
#undef NAME
    OP_COUNT
};

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t random64(void)
{
    /* xorshift64*: deterministic, so a failing case can be regenerated */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ull;
}

static bool operands_single(const char *name)
{
    size_t length = strlen(name);
    if (strcmp(name, "cvt_s_d") == 0)
        return false;
    if (strcmp(name, "cvt_d_s") == 0)
        return true;
    if (strncmp(name, "cvt_", 4) == 0 && (name[4] == 's' || name[4] == 'd') && name[5] == '_')
        return false; /* integer operand */
    return name[length - 1] == 's';
}

static const uint64_t special_doubles[] = {
    0x0000000000000000, 0x8000000000000000, 0x7ff0000000000000, 0xfff0000000000000,
    0x7ff8000000000000, 0xfff8000000000000, 0x7ff0000000000001, 0x7ff4000000000000,
    0x0000000000000001, 0x8000000000000001, 0x000fffffffffffff, 0x0010000000000000,
    0x8010000000000000, 0x7fefffffffffffff, 0xffefffffffffffff, 0x3ff0000000000000,
    0xbff0000000000000, 0x3fe0000000000000, 0x4000000000000000, 0x41dfffffffc00000,
    0x41e0000000000000, 0xc1e0000000000000, 0x41efffffffe00000, 0x41f0000000000000,
    0x43e0000000000000, 0xc3e0000000000000, 0x43f0000000000000, 0x3ff8000000000000,
    0xbfe8000000000000, 0x3fefffffffffffff, 0x0008000000000000, 0x3ca0000000000000,
};

static const uint32_t special_singles[] = {
    0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001,
    0x7fa00000, 0x00000001, 0x80000001, 0x007fffff, 0x00800000, 0x80800000, 0x7f7fffff,
    0xff7fffff, 0x3f800000, 0xbf800000, 0x3f000000, 0x40000000, 0x4effffff, 0x4f000000,
    0xcf000000, 0x4f7fffff, 0x4f800000, 0x5f000000, 0xdf000000, 0x5f800000, 0x3fc00000,
    0xbf400000, 0x3f7fffff, 0x00400000, 0x33800000,
};

/* A value with few significant bits: products, sums and quotients of these
 * often land exactly halfway, which is where RMM differs from RNE. */
static uint64_t short_value(bool single, int exponent_low, int exponent_high)
{
    int fraction_bits = single ? 23 : 52, bias = single ? 127 : 1023;
    int used = 1 + (int)(random64() % (single ? 14 : 28));
    uint64_t significand = (random64() | 1) & ((1ull << used) - 1);
    significand |= 1ull << (used - 1);
    int exponent = exponent_low + (int)(random64() % (uint64_t)(exponent_high - exponent_low + 1));
    uint64_t fraction = (significand << (fraction_bits + 1 - used)) & ((1ull << fraction_bits) - 1);
    if (exponent + bias <= 0) { /* subnormal: shift the whole significand down */
        int down = 1 - (exponent + bias);
        uint64_t full = (significand << (fraction_bits + 1 - used));
        fraction = down > fraction_bits + 1 ? 1 : full >> down;
        exponent = -bias;
    }
    if (exponent + bias >= (single ? 255 : 2047))
        exponent = bias;
    uint64_t bits = (uint64_t)(exponent + bias) << fraction_bits | fraction;
    return (random64() & 1 ? 1ull << (single ? 31 : 63) : 0) | bits;
}

static uint64_t random_float(bool single, int style, uint64_t previous)
{
    int bias = single ? 127 : 1023;
    uint64_t bits;
    switch (style % 8) {
    case 0: bits = random64(); break;
    case 1:
        bits = single ? special_singles[random64() % 32] : special_doubles[random64() % 32];
        break;
    case 2: bits = short_value(single, -bias - 25, bias); break;
    case 3: bits = short_value(single, -8, 8); break;
    case 4: bits = short_value(single, -bias - 30, -bias + 30); break; /* near subnormal */
    case 5: bits = short_value(single, bias - 30, bias); break;         /* near overflow */
    case 6:
        if (random64() & 1) {
            bits = previous ^ (random64() & 0xff); /* close to the other */
        } else {
            /* about half a unit in the last place of the other: add ties */
            int fraction_bits = single ? 23 : 52;
            int other = (int)((previous >> fraction_bits) & (single ? 0xff : 0x7ff)) - bias;
            int delta = (int)(random64() % 5) - 2;
            bits = short_value(single, other - fraction_bits - 1 + delta,
                               other - fraction_bits - 1 + delta);
            if (random64() % 4 == 0) /* tiny quotients: division ties */
                bits = short_value(single, other + bias + fraction_bits - 2,
                                   other + bias + fraction_bits + 2);
        }
        break;
    default: {
        /* random exponent near 1, random significand */
        uint64_t exponent = (uint64_t)(bias - 70 + (int)(random64() % 140));
        bits = single ? (exponent << 23 | (random64() & 0x807fffff))
                      : (exponent << 52 | (random64() & 0x800fffffffffffffull));
    }
    }
    if (!single)
        return bits;
    /* mostly properly boxed; now and then a bad box */
    return random64() % 64 == 0 ? (uint32_t)bits : 0xffffffff00000000ull | (uint32_t)bits;
}

static uint64_t random_integer(void)
{
    uint64_t value = random64();
    int length = 54 + (int)(random64() % 11), tie_bit = length - (random64() & 1 ? 54 : 25);
    switch (random64() % 7) {
    case 6: /* lowest set bit half a unit below a double's or a single's precision */
        value = (value | 1ull << (length - 1)) & ~((2ull << tie_bit) - 1);
        value |= 1ull << tie_bit;
        if (length < 64)
            value &= (1ull << length) - 1;
        return random64() & 1 ? -value : value;
    case 0: return value;
    case 1: return value >> (random64() % 64);
    case 2: return -(value >> (random64() % 64));
    case 3: return (value | 1) << (random64() % 64) >> (random64() % 40); /* few bits */
    case 4: return (uint32_t)value >> (random64() % 32);
    default: return (int64_t)(int32_t)(value >> (random64() % 32));
    }
}

/* a/b exactly halfway between two subnormals: a = q*m*2^(lowest+s),
 * b = m*2^(s+1), so a/b = q*2^(lowest-1) with q odd. */
static void division_tie(bool single, uint64_t *a, uint64_t *b)
{
    uint64_t m = (random64() % 8) * 2 + 1, q = (random64() % (1u << 18)) | 1;
    int s = (int)(random64() % 60);
    if (single) {
        float a_value = ldexpf((float)(q * m), -149 + s), b_value = ldexpf((float)m, s + 1);
        uint32_t a_bits, b_bits;
        memcpy(&a_bits, &a_value, 4);
        memcpy(&b_bits, &b_value, 4);
        *a = 0xffffffff00000000ull | a_bits;
        *b = 0xffffffff00000000ull | b_bits;
    } else {
        double a_value = ldexp((double)(q * m), -1074 + s), b_value = ldexp((double)m, s + 1);
        memcpy(a, &a_value, 8);
        memcpy(b, &b_value, 8);
    }
    if (random64() & 1)
        *a ^= single ? 1ull << 31 : 1ull << 63;
}

static int generate(long per_op_and_mode)
{
    for (uint32_t op = 0; op < OP_COUNT; op++) {
        bool single = operands_single(ops[op].name);
        for (uint32_t rm = 0; rm < 5; rm++) {
            for (long i = 0; i < per_op_and_mode; i++) {
                struct oracle_case c = { op, rm, 0, 0, 0 };
                int style = (int)(random64() % 8);
                if (ops[op].shape == FP_FROM_INT) {
                    c.a = random_integer();
                } else {
                    c.a = random_float(single, style, 0);
                    c.b = random_float(single, (int)(random64() % 8), c.a);
                    c.c = random_float(single, (int)(random64() % 8), c.a);
                    if (strncmp(ops[op].name, "div", 3) == 0 && random64() % 4 == 0)
                        division_tie(single, &c.a, &c.b);
                    if (style == 3 && ops[op].shape == FP3 && random64() % 2) {
                        /* c close to -a*b makes cancellation and exact zeros */
                        uint8_t flags = 0;
                        fp_host_flags_clear();
                        c.c = single ? fp_mul_s(c.a, c.b, (uint8_t)(random64() % 5), &flags)
                                     : fp_mul_d(c.a, c.b, (uint8_t)(random64() % 5), &flags);
                        c.c ^= (single ? 1ull << 31 : 1ull << 63) ^ (random64() & 3);
                    }
                }
                fwrite(&c, sizeof c, 1, stdout);
            }
        }
    }
    return 0;
}

/* Runs a case starting from fflags = ACCRUED.  That lowers the guest's
 * flags, so the contract in fp-helpers.h asks for fp_host_flags_clear();
 * an accrued NX is then mirrored by PE in MXCSR, as after an earlier inexact
 * operation. */
static struct oracle_answer run_helper(const struct oracle_case *c, uint8_t accrued)
{
    struct oracle_answer answer = { 0, 0 };
    uint8_t flags = accrued, rm = (uint8_t)c->rm;
    fp_host_flags_clear();
    if (accrued & FFLAGS_NX)
        _mm_setcsr(_mm_getcsr() | MXCSR_PE);
    switch (c->op) {
#define CALL_FP1(name) answer.result = fp_##name(c->a, rm, &flags)
#define CALL_FP2(name) answer.result = fp_##name(c->a, c->b, rm, &flags)
#define CALL_FP3(name) answer.result = fp_##name(c->a, c->b, c->c, rm, &flags)
#define CALL_FP2_NO_RM(name) answer.result = fp_##name(c->a, c->b, &flags)
#define CALL_INT_FROM_FP2(name) answer.result = fp_##name(c->a, c->b, &flags)
#define CALL_INT_FROM_FP(name) answer.result = fp_##name(c->a, rm, &flags)
#define CALL_CLASS(name) answer.result = fp_##name(c->a)
#define CALL_FP_FROM_INT(name) answer.result = fp_##name(c->a, rm, &flags)
#define CASE(name, shape, insn) \
    case OP_##name: CALL_##shape(name); break;
        FP_ORACLE_OPS(CASE)
#undef CASE
    }
    fp_host_flags_commit(&flags);
    answer.fflags = flags;
    return answer;
}

static int compare(const char *cases_path, const char *answers_path)
{
    FILE *cases = fopen(cases_path, "rb"), *answers = fopen(answers_path, "rb");
    if (!cases || !answers) {
        perror("open");
        return 2;
    }
    static const char *mode_names[] = { "rne", "rtz", "rdn", "rup", "rmm" };
    long compared = 0, differences = 0;
    long per_op_differences[OP_COUNT] = { 0 };
    long rmm_ties[OP_COUNT] = { 0 }; /* RMM cases whose result differs from RNE's */
    struct oracle_case c;
    struct oracle_answer expected;
    while (fread(&c, sizeof c, 1, cases) == 1) {
        if (fread(&expected, sizeof expected, 1, answers) != 1) {
            fprintf(stderr, "oracle gave fewer answers than cases\n");
            return 2;
        }
        compared++;
        if (c.rm == 4) {
            struct oracle_case nearest_even = c;
            nearest_even.rm = 0;
            rmm_ties[c.op] += run_helper(&nearest_even, 0).result != expected.result;
        }
        /* from clear flags, and with NX accrued (where the helpers may skip
         * reading MXCSR): the same result, the flags plus NX */
        for (uint8_t accrued = 0; accrued <= FFLAGS_NX; accrued++) {
            struct oracle_answer got = run_helper(&c, accrued);
            if (got.result == expected.result && got.fflags == (expected.fflags | accrued))
                continue;
            differences++;
            if (per_op_differences[c.op]++ < 5)
                printf("%s %s a=%016llx b=%016llx c=%016llx fflags before %02x: "
                       "qemu %016llx/%02llx, helper %016llx/%02llx\n",
                       ops[c.op].name, mode_names[c.rm % 5], (unsigned long long)c.a,
                       (unsigned long long)c.b, (unsigned long long)c.c, accrued,
                       (unsigned long long)expected.result, (unsigned long long)expected.fflags,
                       (unsigned long long)got.result, (unsigned long long)got.fflags);
        }
    }
    printf("RMM ties exercised (RMM result differs from RNE):");
    for (int op = 0; op < OP_COUNT; op++)
        if (rmm_ties[op])
            printf(" %s %ld", ops[op].name, rmm_ties[op]);
    printf("\n");
    printf("compared %ld cases over %d operations x 5 rounding modes, each from clear "
           "flags and with NX accrued: %ld differences\n",
           compared, OP_COUNT, differences);
    return differences != 0;
}

int main(int argc, char **argv)
{
    if ((argc == 3 || argc == 4) && strcmp(argv[1], "generate") == 0) {
        if (argc == 4)
            rng_state = strtoull(argv[3], NULL, 0) | 1;
        return generate(atol(argv[2]));
    }
    if (argc == 4 && strcmp(argv[1], "compare") == 0)
        return compare(argv[2], argv[3]);
    fprintf(stderr, "usage: %s generate N [SEED] | compare cases answers\n", argv[0]);
    return 2;
}
