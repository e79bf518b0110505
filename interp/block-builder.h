/* Tier 0's translation: decode guest instructions from pc into a block of
 * records, each pointing at its handler label, until an instruction that
 * ends a block, a page end or the size limit. */
#ifndef EMU_INTERP_BLOCK_BUILDER_H
#define EMU_INTERP_BLOCK_BUILDER_H

#include <stdint.h>

#include "block-cache.h"

struct cpu;

/* What the generated code of one arch gives the builder. */
struct interp_decoder {
    int (*decode)(uint32_t bits, unsigned length, struct decoded_insn *rec);
    unsigned (*insn_length)(uint32_t bits);
    unsigned (*disassemble)(uint64_t pc, const uint8_t *bytes, size_t avail, char *out, size_t size);
    const struct insn_meta *meta;
    const void *const *handler_labels;
    const void *illegal_label;     /* raises illegal instruction (bits in wide[0]) */
    const void *fetch_fault_label; /* raises a fetch fault at its pc */
    const void *block_end_label;   /* the record after the last: continue at its pc */
};

#define BLOCK_MAX_INSNS 64

/* Decodes and caches the block at pc; never fails (a bad fetch or
 * encoding becomes a record that raises when it runs). */
struct block *interp_build_block(struct cpu *cpu, uint64_t pc, const struct interp_decoder *decoder);

#endif
