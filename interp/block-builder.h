/* Tier 0's translation: decode guest instructions from pc into a block of
 * records, each pointing at its handler label, until an instruction that
 * ends a block, a page end or the size limit. */
#ifndef EMU_INTERP_BLOCK_BUILDER_H
#define EMU_INTERP_BLOCK_BUILDER_H

#include <stdint.h>

#include "block-cache.h"

struct cpu;

/* Specialised handlers of one decoder id (NULL: none): nonzero runs
 * records whose narrow[dest_slot] is not the zero register dest_zero;
 * pair_count superinstructions start with this instruction, from
 * pairs[first_pair] on. */
struct interp_variants {
    const void *nonzero;
    uint8_t dest_slot, dest_zero;
    uint16_t first_pair, pair_count;
};

/* A superinstruction: this handler runs the record it is in and the next,
 * an instruction of decoder id second; each of the two records whose
 * destination slot is not -1 must not name the zero register there; when
 * fwd_from is not -1, the first record's narrow[fwd_from] must equal the
 * second's narrow[fwd_to] (the register one writes, the other reads). */
struct interp_pair {
    const void *handler;
    uint16_t second;
    int8_t dest_slot[2];
    uint8_t dest_zero[2];
    int8_t fwd_from, fwd_to;
};

/* What the generated code of one arch gives the builder. */
struct interp_decoder {
    int (*decode)(uint32_t bits, unsigned length, struct decoded_insn *rec);
    unsigned (*insn_length)(uint32_t bits);
    unsigned (*disassemble)(uint64_t pc, const uint8_t *bytes, size_t avail, char *out, size_t size);
    const struct insn_meta *meta;
    const void *const *handler_labels;
    const struct interp_variants *variants; /* by decoder id */
    const struct interp_pair *pairs;
    const void *illegal_label;     /* raises illegal instruction (bits in wide[0]) */
    const void *fetch_fault_label; /* raises a fetch fault at its pc */
    const void *block_end_label;   /* the record after the last: continue at its pc */
};

#define BLOCK_MAX_INSNS 64

/* Decodes and caches the block at pc; never fails (a bad fetch or
 * encoding becomes a record that raises when it runs). */
struct block *interp_build_block(struct cpu *cpu, uint64_t pc, const struct interp_decoder *decoder);

#endif
