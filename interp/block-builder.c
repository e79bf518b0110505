#include "block-builder.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "code-pages.h"
#include "cpu.h"
#include "guest-memory.h"
#include "host-fault.h"
#include "log.h"
#include "plugin.h"
#include "stats.h"

/* Copies len instruction bytes at pc if every page they lie in is mapped
 * executable. */
static bool fetch(uint64_t pc, unsigned len, uint32_t *bits)
{
    if (!guest_in_space(pc, len))
        return false;
    uint64_t last = pc + len - 1;
    for (uint64_t page = pc & ~(GUEST_PAGE_SIZE - 1); page <= last; page += GUEST_PAGE_SIZE) {
        int prot = guest_page_prot(page);
        if (prot < 0 || !(prot & PROT_EXEC))
            return false;
    }
    *bits = 0;
    /* the page record can allow what the host refuses (a file page past
     * its end): such a fetch fails like an unmapped one */
    return host_copy_nofault(bits, g2h(pc), len);
}

static void log_block(const struct block *block, const struct interp_decoder *decoder)
{
    log_printf("----------------\nIN: \n");
    for (uint32_t i = 0; i < block->insn_count; i++) {
        const struct decoded_insn *rec = &block->insns[i];
        char text[128];
        uint32_t bits = 0;
        memcpy(&bits, g2h(rec->pc), rec->length);
        if (decoder->disassemble(rec->pc, g2h(rec->pc), rec->length, text, sizeof text) == 0)
            snprintf(text, sizeof text, "(illegal)");
        if (rec->length == 2)
            log_printf("0x%016" PRIx64 ":  %04x          %s\n", rec->pc, bits & 0xffff, text);
        else
            log_printf("0x%016" PRIx64 ":  %08x      %s\n", rec->pc, bits, text);
    }
    log_printf("\n");
}

static bool dest_allowed(const struct decoded_insn *rec, int slot, unsigned zero)
{
    return slot < 0 || rec->narrow[slot] != zero;
}

/* Superinstructions, left to right: a record whose instruction and the
 * next one's form a pair runs the pair's handler (the second record stays
 * as it is: only the first one's handler runs it). */
static void fuse_pairs(struct decoded_insn *recs, uint32_t count, const struct interp_decoder *decoder)
{
    for (uint32_t i = 0; i + 1 < count; i++) {
        struct decoded_insn *rec = &recs[i];
        if (rec->id >= INSN_ID_BLOCK_END || recs[i + 1].id >= INSN_ID_BLOCK_END)
            continue;
        const struct interp_variants *variants = &decoder->variants[rec->id];
        for (unsigned k = 0; k < variants->pair_count; k++) {
            const struct interp_pair *pair = &decoder->pairs[variants->first_pair + k];
            if (pair->second == recs[i + 1].id && dest_allowed(rec, pair->dest_slot[0], pair->dest_zero[0]) &&
                dest_allowed(&recs[i + 1], pair->dest_slot[1], pair->dest_zero[1]) &&
                (pair->fwd_from < 0 || rec->narrow[pair->fwd_from] == recs[i + 1].narrow[pair->fwd_to])) {
                rec->handler = pair->handler;
                i++;
                break;
            }
        }
    }
}

struct block *interp_build_block(struct cpu *cpu, uint64_t pc, const struct interp_decoder *decoder)
{
    struct decoded_insn recs[BLOCK_MAX_INSNS + 1];
    uint32_t count = 0;
    uint64_t at = pc;
    uint64_t page_end = (pc | (GUEST_PAGE_SIZE - 1)) + 1;
    bool stepping = cpu->step_after_code_write;
    cpu->step_after_code_write = false;
    uint32_t limit = stepping ? 1 : BLOCK_MAX_INSNS;
    while (count < limit) {
        struct decoded_insn *rec = &recs[count];
        memset(rec, 0, sizeof *rec);
        rec->pc = at;
        uint32_t bits;
        unsigned len = 0;
        int id = -1;
        bool fetched = fetch(at, 2, &bits);
        if (fetched) {
            len = decoder->insn_length(bits);
            fetched = fetch(at, len, &bits);
        }
        if (!fetched) {
            if (count > 0)
                break; /* the fault belongs to the next block's first instruction */
            rec->handler = decoder->fetch_fault_label;
            rec->id = INSN_ID_FETCH_FAULT;
            rec->length = 0;
            count++;
            break;
        }
        id = decoder->decode(bits, len, rec);
        rec->pc = at;
        rec->length = (uint8_t)len;
        count++;
        at += len;
        if (id < 0) {
            rec->handler = decoder->illegal_label;
            rec->id = INSN_ID_ILLEGAL;
            rec->wide[0] = bits;
            break;
        }
        rec->handler = decoder->handler_labels[id];
        const struct interp_variants *variants = &decoder->variants[id];
        if (variants->nonzero && rec->narrow[variants->dest_slot] != variants->dest_zero)
            rec->handler = variants->nonzero;
        rec->id = (uint16_t)id;
        if ((decoder->meta[id].flags & INSN_ENDS_BLOCK) || at >= page_end)
            break;
    }
    fuse_pairs(recs, count, decoder);
    struct block *block = malloc(sizeof *block + (count + 1) * sizeof(struct decoded_insn));
    if (!block)
        abort();
    block->pc = pc;
    block->end_pc = at;
    block->insn_count = count;
    block->unused = 0;
    block->successor[0] = block->successor[1] = NULL;
    block->exec_count = 0;
    block->tier = 0;
    block->no_jit = false;
    block->jit_code = NULL;
    block->plugin = NULL;
    memcpy(block->insns, recs, count * sizeof *recs);
    struct decoded_insn *end = &block->insns[count];
    memset(end, 0, sizeof *end);
    end->handler = decoder->block_end_label;
    end->id = INSN_ID_BLOCK_END;
    end->pc = at;
    block_cache_insert(cpu->blocks, block);
    if (!stepping)
        code_pages_note(pc, at > pc ? at : pc + 1); /* stores there now fault first */
    emu_stats.blocks_decoded++;
    emu_stats.insns_decoded += count;
    if (log_enabled(LOG_IN_ASM))
        log_block(block, decoder);
    if (plugins_instrument)
        plugin_block_translated(cpu, block);
    return block;
}
