/* The crypto extension, CRC32 and the RCpc loads as a program finds and
 * uses them: AT_HWCAP and the ID registers (read with MRS, which Linux
 * emulates for EL0) say they are there, and the ACLE intrinsics compute
 * known answers: CRC-32 and CRC-32C of "123456789", AES-128 of FIPS-197
 * appendix C.1 (key expansion included, its SubWord by AESE), SHA-1 and
 * SHA-256 of FIPS 180-4's one- and two-block messages, carry-less
 * products, and LDAPR of each size.  Only features both emu and QEMU's
 * "max" CPU have are printed, as yes/no. */
#include <arm_acle.h>
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

#define ID_REGISTER(name)                                                                                              \
    ({                                                                                                                 \
        uint64_t value_;                                                                                               \
        __asm__ volatile("mrs %0, " #name : "=r"(value_));                                                             \
        value_;                                                                                                        \
    })

static unsigned field(uint64_t reg, unsigned shift)
{
    return (unsigned)(reg >> shift) & 0xf;
}

static void print_hex(const char *label, const uint8_t *bytes, size_t n)
{
    printf("%s ", label);
    for (size_t i = 0; i < n; i++)
        printf("%02x", bytes[i]);
    printf("\n");
}

/* --- CRC32: the check value of each polynomial, by every width ----------- */
static void crc_checks(void)
{
    static const char check[] = "123456789";
    uint64_t eight;
    uint32_t four, four2;
    uint16_t two[4];
    memcpy(&eight, check, 8);
    memcpy(&four, check, 4);
    memcpy(&four2, check + 4, 4);
    memcpy(two, check, 8);

    uint32_t crc = ~0u;
    for (int i = 0; i < 9; i++)
        crc = __crc32b(crc, (uint8_t)check[i]);
    printf("crc32 by bytes %08x\n", ~crc);
    crc = __crc32b(__crc32d(~0u, eight), (uint8_t)check[8]);
    printf("crc32 by d, b %08x\n", ~crc);
    crc = __crc32b(__crc32w(__crc32w(~0u, four), four2), (uint8_t)check[8]);
    printf("crc32 by w, w, b %08x\n", ~crc);
    crc = ~0u;
    for (int i = 0; i < 4; i++)
        crc = __crc32h(crc, two[i]);
    printf("crc32 by h, b %08x\n", ~__crc32b(crc, (uint8_t)check[8]));

    crc = ~0u;
    for (int i = 0; i < 9; i++)
        crc = __crc32cb(crc, (uint8_t)check[i]);
    printf("crc32c by bytes %08x\n", ~crc);
    crc = __crc32cb(__crc32cd(~0u, eight), (uint8_t)check[8]);
    printf("crc32c by d, b %08x\n", ~crc);
    crc = __crc32cb(__crc32cw(__crc32cw(~0u, four), four2), (uint8_t)check[8]);
    printf("crc32c by w, w, b %08x\n", ~crc);
    crc = ~0u;
    for (int i = 0; i < 4; i++)
        crc = __crc32ch(crc, two[i]);
    printf("crc32c by h, b %08x\n", ~__crc32cb(crc, (uint8_t)check[8]));
}

/* --- AES-128 ------------------------------------------------------------ */
/* SubWord: AESE with a zero key on four copies of the word; ShiftRows
 * only moves bytes between equal columns, so element 0 is SubWord. */
static uint32_t sub_word(uint32_t w)
{
    uint8x16_t s = vaeseq_u8(vreinterpretq_u8_u32(vdupq_n_u32(w)), vdupq_n_u8(0));
    return vgetq_lane_u32(vreinterpretq_u32_u8(s), 0);
}

/* FIPS-197 5.2: words little-endian in memory order, so RotWord is a
 * rotate right by 8 and Rcon sits in the low byte. */
static void expand_key(const uint8_t key[16], uint8x16_t round_keys[11])
{
    uint32_t w[44];
    memcpy(w, key, 16);
    uint32_t rcon = 1;
    for (int i = 4; i < 44; i++) {
        uint32_t t = w[i - 1];
        if (i % 4 == 0) {
            t = sub_word((t >> 8) | (t << 24)) ^ rcon;
            rcon = (rcon << 1) ^ ((rcon & 0x80) ? 0x11b : 0);
        }
        w[i] = w[i - 4] ^ t;
    }
    for (int r = 0; r < 11; r++)
        round_keys[r] = vreinterpretq_u8_u32(vld1q_u32(&w[4 * r]));
}

static void aes_checks(void)
{
    uint8_t key[16], block[16];
    for (int i = 0; i < 16; i++) {
        key[i] = (uint8_t)i;
        block[i] = (uint8_t)(i * 0x11);
    }
    uint8x16_t rk[11];
    expand_key(key, rk);
    uint8_t bytes[16];
    vst1q_u8(bytes, rk[10]);
    print_hex("aes128 round key 10", bytes, 16);

    uint8x16_t state = vld1q_u8(block);
    for (int r = 0; r < 9; r++)
        state = vaesmcq_u8(vaeseq_u8(state, rk[r]));
    state = veorq_u8(vaeseq_u8(state, rk[9]), rk[10]);
    vst1q_u8(bytes, state);
    print_hex("aes128 encrypt", bytes, 16);

    /* the equivalent inverse cipher (FIPS-197 5.3.5) */
    state = vaesimcq_u8(vaesdq_u8(state, rk[10]));
    for (int r = 9; r > 1; r--)
        state = vaesimcq_u8(vaesdq_u8(state, vaesimcq_u8(rk[r])));
    state = veorq_u8(vaesdq_u8(state, vaesimcq_u8(rk[1])), rk[0]);
    vst1q_u8(bytes, state);
    print_hex("aes128 decrypt", bytes, 16);
}

/* --- SHA-1 and SHA-256 -------------------------------------------------- */
/* the message padded to whole 64-byte blocks as big-endian words */
static size_t pad_message(const char *message, uint32_t *words, size_t capacity_words)
{
    size_t length = strlen(message);
    size_t blocks = (length + 8) / 64 + 1;
    if (blocks * 16 > capacity_words)
        return 0;
    uint8_t padded[256] = {0};
    memcpy(padded, message, length);
    padded[length] = 0x80;
    uint64_t bits = (uint64_t)length * 8;
    for (int i = 0; i < 8; i++)
        padded[blocks * 64 - 1 - i] = (uint8_t)(bits >> (8 * i));
    for (size_t i = 0; i < blocks * 16; i++)
        words[i] = (uint32_t)padded[4 * i] << 24 | (uint32_t)padded[4 * i + 1] << 16 |
                   (uint32_t)padded[4 * i + 2] << 8 | padded[4 * i + 3];
    return blocks;
}

static void sha1(const char *message, uint32_t digest[5])
{
    static const uint32_t k[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};
    uint32_t words[64];
    size_t blocks = pad_message(message, words, 64);
    uint32x4_t abcd = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    uint32_t e = 0xc3d2e1f0;
    for (size_t b = 0; b < blocks; b++) {
        uint32x4_t msg[4];
        for (int i = 0; i < 4; i++)
            msg[i] = vld1q_u32(&words[16 * b + 4 * i]);
        uint32x4_t abcd_in = abcd;
        uint32_t e_in = e;
        for (int step = 0; step < 20; step++) {
            uint32x4_t wk = vaddq_u32(msg[step % 4], vdupq_n_u32(k[step / 5]));
            uint32_t next_e = vsha1h_u32(vgetq_lane_u32(abcd, 0));
            if (step < 5)
                abcd = vsha1cq_u32(abcd, e, wk);
            else if (step < 10 || step >= 15)
                abcd = vsha1pq_u32(abcd, e, wk);
            else
                abcd = vsha1mq_u32(abcd, e, wk);
            e = next_e;
            if (step < 16)
                msg[step % 4] = vsha1su1q_u32(vsha1su0q_u32(msg[step % 4], msg[(step + 1) % 4], msg[(step + 2) % 4]),
                                              msg[(step + 3) % 4]);
        }
        abcd = vaddq_u32(abcd, abcd_in);
        e += e_in;
    }
    vst1q_u32(digest, abcd);
    digest[4] = e;
}

static void sha256(const char *message, uint32_t digest[8])
{
    static const uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };
    uint32_t words[64];
    size_t blocks = pad_message(message, words, 64);
    uint32x4_t abcd = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a};
    uint32x4_t efgh = {0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    for (size_t b = 0; b < blocks; b++) {
        uint32x4_t msg[4];
        for (int i = 0; i < 4; i++)
            msg[i] = vld1q_u32(&words[16 * b + 4 * i]);
        uint32x4_t abcd_in = abcd, efgh_in = efgh;
        for (int step = 0; step < 16; step++) {
            uint32x4_t wk = vaddq_u32(msg[step % 4], vld1q_u32(&k[4 * step]));
            uint32x4_t abcd_before = abcd;
            abcd = vsha256hq_u32(abcd, efgh, wk);
            efgh = vsha256h2q_u32(efgh, abcd_before, wk);
            if (step < 12)
                msg[step % 4] = vsha256su1q_u32(vsha256su0q_u32(msg[step % 4], msg[(step + 1) % 4]),
                                                msg[(step + 2) % 4], msg[(step + 3) % 4]);
        }
        abcd = vaddq_u32(abcd, abcd_in);
        efgh = vaddq_u32(efgh, efgh_in);
    }
    vst1q_u32(digest, abcd);
    vst1q_u32(digest + 4, efgh);
}

static void sha_checks(void)
{
    static const char *const messages[] = {
        "abc",
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    };
    for (size_t m = 0; m < sizeof messages / sizeof messages[0]; m++) {
        uint32_t digest[8];
        sha1(messages[m], digest);
        printf("sha1 %zu bytes", strlen(messages[m]));
        for (int i = 0; i < 5; i++)
            printf(" %08x", digest[i]);
        printf("\nsha256 %zu bytes", strlen(messages[m]));
        sha256(messages[m], digest);
        for (int i = 0; i < 8; i++)
            printf(" %08x", digest[i]);
        printf("\n");
    }
}

/* --- PMULL of 64-bit elements ------------------------------------------- */
static void print_poly128(const char *label, poly128_t p)
{
    unsigned __int128 v = (unsigned __int128)p;
    printf("%s %016llx%016llx\n", label, (unsigned long long)(v >> 64), (unsigned long long)v);
}

static void pmull_checks(void)
{
    print_poly128("pmull (x^63 + 1)^2", vmull_p64(0x8000000000000001ull, 0x8000000000000001ull));
    print_poly128("pmull", vmull_p64(0x0123456789abcdefull, 0xfedcba9876543210ull));
    poly64x2_t a = {0x1111111111111111ull, 0xa5a5a5a5deadbeefull};
    poly64x2_t b = {0x2222222222222222ull, 0x00000000c0ffee11ull};
    print_poly128("pmull2", vmull_high_p64(a, b));
}

/* LDAPR of each size (GCC 12 compiles acquire loads to LDAR, so asm) */
static uint64_t shared64 = 0x8182838485868788ull;
static uint32_t shared32 = 0x01020304;
static uint16_t shared16 = 0xbeef;
static uint8_t shared8 = 0x5a;

#define LDAPR(insn, reg, pointer)                                                                                      \
    ({                                                                                                                 \
        uint64_t value_;                                                                                               \
        __asm__ volatile(insn " %" reg "0, [%1]" : "=r"(value_) : "r"(pointer) : "memory");                            \
        value_;                                                                                                        \
    })

int main(void)
{
    unsigned long hwcap = getauxval(AT_HWCAP);
    static const struct {
        const char *name;
        unsigned long bit;
    } caps[] = {
        {"fp", HWCAP_FP},       {"asimd", HWCAP_ASIMD}, {"aes", HWCAP_AES},       {"pmull", HWCAP_PMULL},
        {"sha1", HWCAP_SHA1},   {"sha2", HWCAP_SHA2},
        {"crc32", HWCAP_CRC32}, {"lrcpc", HWCAP_LRCPC}, {"ilrcpc", HWCAP_ILRCPC},
    };
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
        printf("hwcap %s: %s\n", caps[i].name, (hwcap & caps[i].bit) ? "yes" : "no");

    /* ID_AA64ISAR0_EL1: AES [7:4] 2 with PMULL, SHA1 [11:8], SHA2 [15:12],
     * CRC32 [19:16]; ID_AA64ISAR1_EL1: LRCPC [23:20] 2 with LDAPUR */
    uint64_t isar0 = ID_REGISTER(ID_AA64ISAR0_EL1), isar1 = ID_REGISTER(ID_AA64ISAR1_EL1);
    /* ID_AA64PFR0_EL1: FP [19:16] and AdvSIMD [23:20], 0 when present */
    uint64_t pfr0 = ID_REGISTER(ID_AA64PFR0_EL1);
    printf("ID_AA64PFR0_EL1.FP present: %s\n", field(pfr0, 16) != 0xf ? "yes" : "no");
    printf("ID_AA64PFR0_EL1.AdvSIMD present: %s\n", field(pfr0, 20) != 0xf ? "yes" : "no");
    printf("ID_AA64ISAR0_EL1.AES >= 2: %s\n", field(isar0, 4) >= 2 ? "yes" : "no");
    printf("ID_AA64ISAR0_EL1.SHA1 >= 1: %s\n", field(isar0, 8) >= 1 ? "yes" : "no");
    printf("ID_AA64ISAR0_EL1.SHA2 >= 1: %s\n", field(isar0, 12) >= 1 ? "yes" : "no");
    printf("ID_AA64ISAR0_EL1.CRC32 >= 1: %s\n", field(isar0, 16) >= 1 ? "yes" : "no");
    printf("ID_AA64ISAR1_EL1.LRCPC >= 2: %s\n", field(isar1, 20) >= 2 ? "yes" : "no");

    crc_checks();
    aes_checks();
    sha_checks();
    pmull_checks();

    printf("ldapr %016llx %08llx %04llx %02llx\n", (unsigned long long)LDAPR("ldapr", "", &shared64),
           (unsigned long long)LDAPR("ldapr", "w", &shared32), (unsigned long long)LDAPR("ldaprh", "w", &shared16),
           (unsigned long long)LDAPR("ldaprb", "w", &shared8));
    return 0;
}
