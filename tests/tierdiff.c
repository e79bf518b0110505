/* tierdiff: random instruction sequences, drawn from the spec's own
 * instruction list (the generated decoder's metadata), run on tier 0 and
 * on each JIT tier from the same random registers and memory; every
 * register, the memory, the exception and the instruction count must be
 * equal after each sequence.  A new instruction in the spec is covered
 * without new test code.
 *
 *   tierdiff [--arch A] [--count N] [--seed S] [--length L] [--verbose] [--log]
 *   (--log shows each tier's translations: in_asm, op, out_asm)
 *
 * Half the sequences run as loops (a counter and a branch back around the
 * random instructions), so tier 2's loops are compared too.
 *
 * Prints the seed of any divergence, so `tierdiff --seed S --count 1`
 * replays it.  What differs per guest is in tests/tierdiff-<arch>.c. */
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>

#include "arch.h"
#include "block-cache.h"
#include "cpu.h"
#include "exec.h"
#include "guest-memory.h"
#include "jit-runtime.h"
#include "log.h"
#include "options.h"
#include "tierdiff.h"

static const struct tierdiff_arch *const arches[] = {&tierdiff_riscv64, &tierdiff_aarch64};

static const char *const tier_names[] = {"interp", "tier1", "jit"};

/* xorshift64*: small, and the same sequence on every host */
static uint64_t rng_state;
uint64_t tierdiff_random(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * UINT64_C(2685821657736338717);
}

uint64_t tierdiff_random_register(void)
{
    uint64_t v = tierdiff_random();
    switch (tierdiff_random() % 4) {
    case 0: return DATA_BASE + (v % DATA_SIZE); /* a pointer into data */
    case 1: return v % 64;                       /* small */
    case 2: return (uint64_t)(int64_t)(int32_t)v; /* 32-bit edge values */
    default: return v;
    }
}

static const struct tierdiff_arch *target;

struct snapshot {
    union arch_state regs;
    uint64_t pc, icount;
    struct exception exception;
    bool timed_out;
    uint8_t code[CODE_SIZE];
    uint8_t data[DATA_SIZE];
};

static struct cpu *running;
static void on_alarm(int sig)
{
    (void)sig;
    if (running)
        running->exit_request = 1;
}

/* Whether tier 2 lowers the instruction to IR without calling out: a loop
 * of such instructions keeps guest registers in host registers. */
static bool lowers_without_calls(const struct decoded_insn *rec)
{
    const struct jit_insn *insn = &arch_by_name(target->name)->jit->insns[rec->id];
    if (!insn->emit)
        return false;
    struct ir_block ir;
    ir_init(&ir);
    ir_insn_start(&ir, rec, 0);
    insn->emit(&ir, rec);
    bool calls = ir.unsupported;
    for (uint32_t i = 0; i < ir.count; i++)
        calls |= ir.insns[i].op == IR_CALL || ir.insns[i].op == IR_CALL_INSN || ir.insns[i].op == IR_SYNC;
    ir_free(&ir);
    return !calls;
}

/* A random legal instruction: a random pattern of the spec filled with
 * random bits (or a random halfword where the arch has 16-bit ones), kept
 * if it decodes and is safe to compare: nothing that reads the clock or
 * calls out with the cpu. */
static uint32_t random_instruction(unsigned *length, bool in_loop)
{
    for (;;) {
        struct decoded_insn rec;
        uint32_t bits;
        if (target->stop16 && tierdiff_random() % 4 == 0) {
            bits = (uint32_t)(tierdiff_random() & 0xffff);
            if ((bits & 3) == 3)
                continue;
            *length = 2;
        } else {
            unsigned id = (unsigned)(tierdiff_random() % target->insn_count);
            const struct insn_meta *meta = &target->meta[id];
            if (meta->bits != 32)
                continue;
            bits = ((uint32_t)tierdiff_random() & ~meta->mask) | meta->value;
            *length = 4;
        }
        memset(&rec, 0, sizeof rec);
        int id = target->decode(bits, *length, &rec);
        if (id < 0 || (target->meta[id].flags & INSN_CALLS_CPU_HELPER))
            continue;
        rec.id = (uint16_t)id;
        /* a loop body runs straight through to the branch back, in
         * registers; few of its accesses (most random addresses fault,
         * which would end most loops in their first iteration) */
        if (in_loop && (target->writes_counter(bits, *length) ||
                        (target->meta[id].flags & (INSN_ENDS_BLOCK | INSN_BRANCH)) ||
                        ((target->meta[id].flags & (INSN_LOAD | INSN_STORE)) && tierdiff_random() % 8) ||
                        !lowers_without_calls(&rec)))
            continue;
        return bits;
    }
}

/* Half the sequences are loops: the random instructions run a few times
 * over, with a counter they leave alone (a block that branches back to its
 * own start is translated as a loop: only instructions tier 2 lowers
 * without calls, so it is). */
static size_t write_sequence(int length)
{
    uint8_t *code = g2h(CODE_BASE);
    size_t at = 0;
    bool loop = tierdiff_random() % 2 == 0;
    if (loop)
        at += target->loop_start(code, 1 + (unsigned)(tierdiff_random() % 16));
    size_t head = at;
    for (int i = 0; i < length; i++) {
        unsigned bytes;
        uint32_t bits = random_instruction(&bytes, loop);
        memcpy(code + at, &bits, bytes);
        at += bytes;
    }
    if (loop)
        at += target->loop_end(code + at, (int32_t)head - (int32_t)at);
    /* everything after the sequence stops the run: the arch's breakpoint,
     * 4-byte aligned, after a 2-byte one in the halfword before if need be */
    if (at % 4) {
        memcpy(code + at, &target->stop16, 2);
        at += 2;
    }
    for (size_t p = at; p + 4 <= CODE_SIZE; p += 4)
        memcpy(code + p, &target->stop, 4);
    return at;
}

static void random_data(uint8_t *data)
{
    for (size_t i = 0; i < DATA_SIZE; i += 8) {
        uint64_t v = tierdiff_random();
        memcpy(data + i, &v, 8);
    }
}

static void run(struct cpu *cpu, const union arch_state *regs, const uint8_t *code, const uint8_t *data,
                struct snapshot *out)
{
    memcpy(g2h(CODE_BASE), code, CODE_SIZE);
    memcpy(g2h(DATA_BASE), data, DATA_SIZE);
    cpu_flush_blocks(cpu);
    cpu->state = *regs;
    cpu->pc = CODE_BASE;
    cpu->icount = 0;
    cpu->exit_request = 0;
    if (target->prepare)
        target->prepare(cpu);
    running = cpu;
    struct itimerval limit = {{0, 0}, {0, 200000}};
    setitimer(ITIMER_REAL, &limit, NULL);
    do {
        cpu_exec(cpu);
    } while (cpu->exception.kind == EXC_NONE && !cpu->exit_request);
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    running = NULL;
    out->timed_out = cpu->exception.kind == EXC_NONE;
    if (target->commit)
        target->commit(cpu);
    out->regs = cpu->state;
    out->pc = cpu->pc;
    out->icount = cpu->icount;
    out->exception = cpu->exception;
    memcpy(out->code, g2h(CODE_BASE), CODE_SIZE);
    memcpy(out->data, g2h(DATA_BASE), DATA_SIZE);
}

static void print_sequence(const struct arch *arch, const uint8_t *code, size_t size)
{
    for (size_t at = 0; at < size;) {
        char text[128];
        unsigned len = arch->disassemble(CODE_BASE + at, code + at, size - at, text, sizeof text);
        uint32_t bits = 0;
        memcpy(&bits, code + at, len ? len : 2);
        fprintf(stderr, "    %08" PRIx64 ":  %08x  %s\n", (uint64_t)(CODE_BASE + at), bits, len ? text : "(illegal)");
        at += len ? len : 2;
    }
}

/* A little-endian value of size bytes (at most 16), most significant first. */
static void hex(const uint8_t *bytes, unsigned size, char *out)
{
    for (unsigned i = 0; i < size; i++)
        sprintf(out + 2 * i, "%02x", bytes[size - 1 - i]);
}

/* Names what differs; true when nothing does. */
static bool compare(const struct arch *arch, const struct snapshot *ref, const struct snapshot *got, const char *tier)
{
    bool same = true;
#define DIFFER(fmt, ...)                                                                                               \
    do {                                                                                                               \
        fprintf(stderr, "  %s: " fmt "\n", tier, __VA_ARGS__);                                                         \
        same = false;                                                                                                  \
    } while (0)
    if (got->timed_out)
        DIFFER("%s", "did not finish (tier 0 did)");
    if (ref->pc != got->pc)
        DIFFER("pc %" PRIx64 ", tier 0 %" PRIx64, got->pc, ref->pc);
    if (ref->icount != got->icount)
        DIFFER("instructions %" PRIu64 ", tier 0 %" PRIu64, got->icount, ref->icount);
    if (ref->exception.kind != got->exception.kind || ref->exception.tval != got->exception.tval)
        DIFFER("exception %d tval %" PRIx64 ", tier 0 %d tval %" PRIx64, got->exception.kind, got->exception.tval,
               ref->exception.kind, ref->exception.tval);
    for (unsigned r = 0; r < arch->register_count; r++) {
        const struct arch_register *reg = &arch->registers[r];
        if (reg->offset < offsetof(struct cpu, state))
            continue; /* the pc, compared above */
        const uint8_t *want = (const uint8_t *)&ref->regs + reg->offset - offsetof(struct cpu, state);
        const uint8_t *have = (const uint8_t *)&got->regs + reg->offset - offsetof(struct cpu, state);
        if (memcmp(want, have, reg->size) != 0) {
            char want_hex[40], have_hex[40];
            hex(want, reg->size, want_hex);
            hex(have, reg->size, have_hex);
            DIFFER("%s = %s, tier 0 %s", reg->name, have_hex, want_hex);
        }
    }
    /* the rest of the state, which has no name (an LR/SC reservation...) */
    if (same && memcmp(&ref->regs, &got->regs, sizeof ref->regs) != 0)
        DIFFER("%s", "other guest state differs");
    if (memcmp(ref->data, got->data, DATA_SIZE) != 0)
        DIFFER("%s", "data memory differs");
    if (memcmp(ref->code, got->code, CODE_SIZE) != 0)
        DIFFER("%s", "code memory differs");
#undef DIFFER
    return same;
}

int main(int argc, char **argv)
{
    unsigned long count = 1000, length = 12;
    uint64_t seed = 1;
    bool verbose = false;
    static const struct option options[] = {
        {"count", required_argument, NULL, 'n'}, {"seed", required_argument, NULL, 's'},
        {"length", required_argument, NULL, 'l'}, {"verbose", no_argument, NULL, 'v'},
        {"log", no_argument, NULL, 'g'}, {"arch", required_argument, NULL, 'a'}, {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "n:s:l:v", options, NULL)) != -1) {
        switch (c) {
        case 'n': count = strtoul(optarg, NULL, 0); break;
        case 's': seed = strtoull(optarg, NULL, 0); break;
        case 'l': length = strtoul(optarg, NULL, 0); break;
        case 'v': verbose = true; break;
        case 'g': log_mask = LOG_IN_ASM | LOG_OP | LOG_OUT_ASM; log_file = stderr; break;
        case 'a':
            for (size_t k = 0; k < sizeof arches / sizeof arches[0]; k++)
                if (strcmp(arches[k]->name, optarg) == 0)
                    target = arches[k];
            if (!target) {
                fprintf(stderr, "tierdiff: no guest '%s' here\n", optarg);
                return 2;
            }
            break;
        default:
            fprintf(stderr, "usage: tierdiff [--arch A] [--count N] [--seed S] [--length L] [--verbose] [--log]\n");
            return 2;
        }
    }
    if (!target)
        target = arches[0];
    const struct arch *arch = arch_by_name(target->name);
    if (!guest_memory_reserve() ||
        guest_map(CODE_BASE, CODE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != 0 ||
        guest_map(DATA_BASE, DATA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != 0) {
        fprintf(stderr, "tierdiff: cannot set up guest memory\n");
        return 2;
    }
    signal(SIGALRM, on_alarm);
    static struct cpu cpus[3];
    for (int t = 0; t < 3; t++) {
        struct emu_options opts;
        memset(&opts, 0, sizeof opts);
        opts.max_tier = (enum tier)t;
        opts.tier_threshold[1] = 1; /* translate at the first run */
        opts.tier_threshold[2] = 1;
        cpu_init(&cpus[t], arch, &opts);
    }
    static uint8_t code[CODE_SIZE], data[DATA_SIZE];
    unsigned long compared = 0, skipped = 0, failures = 0;
    for (unsigned long i = 0; i < count; i++) {
        uint64_t sequence_seed = seed + i;
        rng_state = sequence_seed * UINT64_C(0x9e3779b97f4a7c15) + 1;
        size_t size = write_sequence((int)length);
        memcpy(code, g2h(CODE_BASE), CODE_SIZE);
        union arch_state regs;
        target->random_state(&regs);
        random_data(data);
        static struct snapshot results[3];
        for (int t = 0; t < 3; t++)
            run(&cpus[t], &regs, code, data, &results[t]);
        if (results[0].timed_out) {
            skipped++; /* an endless loop: nothing to compare */
            continue;
        }
        compared++;
        bool same = true;
        for (int t = 1; t < 3; t++) {
            if (!compare(arch, &results[0], &results[t], tier_names[t]))
                same = false;
        }
        if (!same || verbose) {
            fprintf(stderr, "%s: sequence with seed %" PRIu64 " (replay: tierdiff --arch %s --seed %" PRIu64
                            " --count 1 --length %lu)\n",
                    same ? "ok" : "DIVERGENCE", sequence_seed, target->name, sequence_seed, length);
            print_sequence(arch, code, size + 4);
        }
        if (!same && ++failures >= 5)
            break;
    }
    printf("tierdiff: %s: %lu sequences of %lu instructions compared on %s, %s, %s; %lu endless loops skipped; "
           "%lu divergences\n",
           target->name, compared, length, tier_names[0], tier_names[1], tier_names[2], skipped, failures);
    return failures ? 1 : 0;
}
