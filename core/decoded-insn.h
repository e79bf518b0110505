/* One guest instruction decoded once: the handler number the generated
 * decoder chose and its fields in fixed slots (narrow for register numbers
 * and small immediates, wide for the rest).  Tier 0 runs arrays of these. */
#ifndef EMU_CORE_DECODED_INSN_H
#define EMU_CORE_DECODED_INSN_H

#include <stdint.h>

struct decoded_insn {
    const void *handler; /* tier 0: address of the handler's label */
    uint64_t pc;
    int64_t wide[2];
    uint8_t narrow[6];
    uint8_t length; /* bytes */
    uint8_t unused;
    uint16_t id;    /* the decoder's handler number, or one of insn_special_id */
    uint16_t unused2[3];
};

/* Records that are not instructions: they raise when they run. */
enum insn_special_id {
    INSN_ID_ILLEGAL = 0xffff,     /* wide[0] holds the bits */
    INSN_ID_FETCH_FAULT = 0xfffe, /* the fetch at pc failed */
    INSN_ID_BLOCK_END = 0xfffd,   /* after the last instruction: continue at pc */
};

enum insn_flags {
    INSN_ENDS_BLOCK = 1u << 0,       /* jumps, traps or flushes: nothing follows it in a block */
    INSN_BRANCH = 1u << 1,
    INSN_LOAD = 1u << 2,
    INSN_STORE = 1u << 3,
    INSN_SYSCALL = 1u << 4,
    INSN_CALLS_CPU_HELPER = 1u << 5, /* needs pc and counters synced before it runs */
};

struct insn_meta {
    const char *name;
    unsigned flags;
    uint32_t mask, value; /* the encoding: bits & mask == value */
    uint8_t bits;         /* its length */
};

#endif
