/* Writes the encodings decode-legality.sh compares against GNU objdump, with
 * emu's verdict on each: every 16-bit encoding, a structured sweep of the
 * 32-bit ones and a fixed-seed random sample.  Usage: decode-legality DIR.
 *
 * DIR/rvc.bin, DIR/rv32.bin: the encodings, little-endian, back to back.
 * DIR/rvc.emu, DIR/rv32.emu: one line per encoding, in the same order:
 *     hex <TAB> handler name or "illegal" <TAB> emu's disassembly
 * DIR/long.emu: same form, for 32-bit words whose low five bits are 11111.
 *     Those begin 48-bit or longer instructions (1.5), none of which RV64GC
 *     has, so they must be illegal; objdump would read past them. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "riscv64-decode.h"
#include "riscv64-state.h"

unsigned riscv64_disassemble(uint64_t pc, const uint8_t *bytes, size_t avail, char *out, size_t size);

/* The disassembler's register names live in riscv64-arch.c, which brings in
 * the whole machine; these are objdump's names, for the failure report. */
const char *const riscv64_X_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0",
    "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5",
    "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};
const char *const riscv64_F_names[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0",
    "fa1", "fa2", "fa3", "fa4", "fa5", "fa6", "fa7", "fs2", "fs3", "fs4", "fs5",
    "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

enum { RANDOM_SAMPLES = 2000000 };

struct output {
    FILE *bin;
    FILE *text;
    unsigned long count;
};

static FILE *open_in(const char *dir, const char *name, const char *mode)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, mode);
    if (!f) {
        perror(path);
        exit(2);
    }
    return f;
}

static void put_verdict(FILE *text, uint32_t bits, unsigned length)
{
    struct decoded_insn rec;
    memset(&rec, 0, sizeof rec);
    int id = riscv64_decode(bits, length, &rec);
    uint8_t bytes[4] = {bits, bits >> 8, bits >> 16, bits >> 24};
    char disassembly[128];
    unsigned disassembled = riscv64_disassemble(0, bytes, length, disassembly, sizeof disassembly);
    if (id < 0) {
        fprintf(text, "%0*" PRIx32 "\tillegal\t%s\n", (int)length * 2, bits,
                disassembled ? "(disassembler accepts it)" : "");
        return;
    }
    fprintf(text, "%0*" PRIx32 "\t%s\t%s\n", (int)length * 2, bits, riscv64_insn_meta[id].name,
            disassembled ? disassembly : "(disassembler rejects it)");
}

static void emit(struct output *out, uint32_t bits, unsigned length)
{
    uint8_t bytes[4] = {bits, bits >> 8, bits >> 16, bits >> 24};
    fwrite(bytes, 1, length, out->bin);
    put_verdict(out->text, bits, length);
    out->count++;
}

/* 32-bit words go to rv32 unless they open a longer instruction. */
static void emit32(struct output *rv32, FILE *long_text, uint32_t bits)
{
    if ((bits & 0x1f) == 0x1f)
        put_verdict(long_text, bits, 4);
    else
        emit(rv32, bits, 4);
}

static uint32_t encode(uint32_t top12, uint32_t rs1, uint32_t funct3, uint32_t rd, uint32_t opcode)
{
    return top12 << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
}

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* Every major opcode x funct3 x bits 31:20 (funct7 with rs2, which FP and
 * AMO use as sub-opcodes, or funct5/aq/rl, fmt, rs3, a CSR number), once
 * with rd = rs1 = x0 and once with registers that vary with the rest. */
static void sweep_fields(struct output *rv32, FILE *long_text)
{
    for (uint32_t major = 0; major < 32; major++)
        for (uint32_t funct3 = 0; funct3 < 8; funct3++)
            for (uint32_t top12 = 0; top12 < 4096; top12++) {
                uint32_t opcode = major << 2 | 3;
                uint32_t mixed = top12 * 2654435761u + funct3 * 40503u + major;
                emit32(rv32, long_text, encode(top12, 0, funct3, 0, opcode));
                emit32(rv32, long_text, encode(top12, mixed >> 27, funct3, (mixed >> 22) & 31, opcode));
            }
}

/* Encodings whose legality hangs on rd and rs1: SYSTEM with funct3 = 0
 * (ecall, ebreak, the privileged returns, wfi, sfence.vma), CSR accesses to
 * the user-level CSRs, and FENCE / FENCE.I with every rd and rs1. */
static void sweep_registers(struct output *rv32, FILE *long_text)
{
    static const uint32_t system_top12[] = {
        0x000, 0x001, 0x002, 0x003, 0x102, 0x105, 0x120, 0x130, 0x202, 0x220,
        0x302, 0x620, 0x7b2, 0x7b3, 0x800, 0xfff,
    };
    static const uint32_t user_csrs[] = {
        0x001, 0x002, 0x003, 0x004, 0xc00, 0xc01, 0xc02, 0xc03, 0xc80, 0xc81,
        0xc82, 0x000, 0x100, 0x300, 0x7c0, 0xfff,
    };
    static const uint32_t fence_top12[] = {0x000, 0x0ff, 0x8ff, 0x833, 0x010, 0xf00, 0x123, 0xfff};
    for (uint32_t rs1 = 0; rs1 < 32; rs1++)
        for (uint32_t rd = 0; rd < 32; rd++) {
            for (size_t i = 0; i < sizeof system_top12 / sizeof system_top12[0]; i++)
                for (uint32_t funct3 = 0; funct3 < 8; funct3 += 4)
                    emit32(rv32, long_text, encode(system_top12[i], rs1, funct3, rd, 0x73));
            for (size_t i = 0; i < sizeof user_csrs / sizeof user_csrs[0]; i++)
                for (uint32_t funct3 = 1; funct3 < 8; funct3++)
                    if (funct3 != 4)
                        emit32(rv32, long_text, encode(user_csrs[i], rs1, funct3, rd, 0x73));
            for (size_t i = 0; i < sizeof fence_top12 / sizeof fence_top12[0]; i++)
                for (uint32_t funct3 = 0; funct3 < 2; funct3++)
                    emit32(rv32, long_text, encode(fence_top12[i], rs1, funct3, rd, 0x0f));
        }
}

static void sample_random(struct output *rv32, FILE *long_text)
{
    uint64_t state = UINT64_C(0x5eed0f0e1dc0de);
    for (unsigned i = 0; i < RANDOM_SAMPLES; i++)
        emit32(rv32, long_text, (uint32_t)splitmix64(&state) | 3);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    const char *dir = argv[1];

    struct output rvc = {open_in(dir, "rvc.bin", "wb"), open_in(dir, "rvc.emu", "w"), 0};
    for (uint32_t bits = 0; bits < 0x10000; bits++)
        if ((bits & 3) != 3)
            emit(&rvc, bits, 2);

    struct output rv32 = {open_in(dir, "rv32.bin", "wb"), open_in(dir, "rv32.emu", "w"), 0};
    FILE *long_text = open_in(dir, "long.emu", "w");
    sweep_fields(&rv32, long_text);
    sweep_registers(&rv32, long_text);
    sample_random(&rv32, long_text);

    FILE *files[] = {rvc.bin, rvc.text, rv32.bin, rv32.text, long_text};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (ferror(files[i]) || fclose(files[i]) != 0) {
            fprintf(stderr, "%s: write error\n", dir);
            return 2;
        }
    printf("%lu 16-bit and %lu 32-bit encodings\n", rvc.count, rv32.count);
    return 0;
}
