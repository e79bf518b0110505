/* tierdiff's view of a guest architecture: where its instruction list
 * comes from, how to stop a sequence, and what random state looks like.
 * One tests/tierdiff-<arch>.c each. */
#ifndef EMU_TESTS_TIERDIFF_H
#define EMU_TESTS_TIERDIFF_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"
#include "decoded-insn.h"

enum {
    CODE_BASE = 0x10000,
    CODE_SIZE = 0x1000,
    DATA_BASE = 0x20000,
    DATA_SIZE = 0x4000,
};

struct tierdiff_arch {
    const char *name;
    /* the generated decoder and its metadata */
    int (*decode)(uint32_t bits, unsigned length, struct decoded_insn *rec);
    const struct insn_meta *meta;
    unsigned insn_count;
    uint32_t stop;   /* a 4-byte instruction that ends the run (a breakpoint) */
    uint16_t stop16; /* a 2-byte one, 0 where instructions are all 4 bytes */
    /* random registers: pointers into the data, small and edge values */
    void (*random_state)(union arch_state *state);
    /* state the arch keeps outside the cpu struct, brought in (or NULL) */
    void (*commit)(struct cpu *cpu);
    /* before a run, after the state is set (or NULL) */
    void (*prepare)(struct cpu *cpu);
    /* loops: a counter register set before the loop, counted down to zero
     * at its end; each writes its instructions at code, returns bytes */
    unsigned (*loop_start)(uint8_t *code, unsigned iterations);
    unsigned (*loop_end)(uint8_t *code, int32_t offset_to_head);
    /* whether an instruction may write the counter (then not in a loop) */
    bool (*writes_counter)(uint32_t bits, unsigned length);
};

/* the sequence's random numbers: the same on every host */
uint64_t tierdiff_random(void);
/* a register value drawn the way random_state wants them */
uint64_t tierdiff_random_register(void);

extern const struct tierdiff_arch tierdiff_riscv64;
extern const struct tierdiff_arch tierdiff_aarch64;

#endif
