#include "ir.h"

#include "cpu.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ir_init(struct ir_block *b)
{
    memset(b, 0, sizeof *b);
    b->loop_retired = UINT32_MAX;
    b->capacity = 256;
    b->insns = malloc(b->capacity * sizeof *b->insns);
    if (!b->insns)
        abort();
}

void ir_free(struct ir_block *b)
{
    free(b->insns);
    b->insns = NULL;
    if (b->remat)
        for (uint32_t t = 0; t <= b->temps; t++)
            free(b->remat[t]);
    free(b->remat);
    free(b->deferred);
    free(b->site_stores);
    free(b->promoted);
    b->promoted = NULL;
    b->remat = NULL;
    b->deferred = NULL;
    b->site_stores = NULL;
}

static struct ir_insn *append(struct ir_block *b, enum ir_op op)
{
    if (b->count == b->capacity) {
        b->capacity *= 2;
        b->insns = realloc(b->insns, b->capacity * sizeof *b->insns);
        if (!b->insns)
            abort();
    }
    struct ir_insn *in = &b->insns[b->count++];
    memset(in, 0, sizeof *in);
    in->op = (uint8_t)op;
    in->width = 64;
    in->rec = b->rec;
    return in;
}

bool ir_branches_to_label(const struct ir_insn *in)
{
    return in->op == IR_BR || in->op == IR_BRCOND || in->op == IR_BRCMP || in->op == IR_PLUGIN_SKIP_UNLESS;
}

ir_temp ir_written_temp(const struct ir_insn *in)
{
    switch (in->op) {
    case IR_INSN_START: case IR_STORE_CPU: case IR_STORE: case IR_LABEL: case IR_BR: case IR_BRCOND:
    case IR_EXIT_CONST: case IR_EXIT_INDIRECT: case IR_RAISE: case IR_CALL_INSN: case IR_FENCE: case IR_SYNC:
    case IR_NOP: case IR_BLOCK_BOUNDARY: case IR_PLUGIN_INLINE: case IR_PLUGIN_SKIP_UNLESS: case IR_BRCMP:
        return UINT32_MAX;
    case IR_LOOP_BACK:
        return in->b;
    default:
        return in->dst; /* UINT32_MAX for a call without a result */
    }
}

bool ir_writes_between(const struct ir_block *b, ir_temp t, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++)
        if (ir_written_temp(&b->insns[i]) == t)
            return true;
    return false;
}

int ir_operands(struct ir_insn *in, ir_temp *slots[6])
{
    switch (in->op) {
    case IR_MOV: case IR_STORE_CPU: case IR_NEG: case IR_NOT: case IR_EXT: case IR_LOAD: case IR_BRCOND:
    case IR_EXIT_INDIRECT: case IR_RAISE:
        slots[0] = &in->a;
        return 1;
    case IR_LOOP_BACK:
        slots[0] = &in->b;
        return 1;
    case IR_STORE: case IR_BRCMP:
    case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
    case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROR: case IR_SETCC:
        slots[0] = &in->a;
        slots[1] = &in->b;
        return 2;
    case IR_CALL: {
        int n = 0;
        for (int k = 0; k < in->nargs; k++)
            if (in->args[k].kind == IR_ARG_TEMP)
                slots[n++] = &in->args[k].value;
        return n;
    }
    default:
        return 0;
    }
}

ir_temp ir_new_temp(struct ir_block *b) { return b->temps++; }
ir_label ir_new_label(struct ir_block *b) { return b->labels++; }

void ir_insn_start(struct ir_block *b, const struct decoded_insn *rec, uint32_t index)
{
    b->rec = rec;
    b->insn_index = index;
    struct ir_insn *in = append(b, IR_INSN_START);
    in->imm = rec->pc;
    in->a = index;
}

ir_temp ir_const(struct ir_block *b, uint64_t value)
{
    struct ir_insn *in = append(b, IR_CONST);
    in->dst = ir_new_temp(b);
    in->imm = value;
    return in->dst;
}

ir_temp ir_mov(struct ir_block *b, ir_temp a)
{
    ir_temp t = ir_new_temp(b);
    ir_assign(b, t, a);
    return t;
}

void ir_assign(struct ir_block *b, ir_temp dst, ir_temp a)
{
    struct ir_insn *in = append(b, IR_MOV);
    in->dst = dst;
    in->a = a;
}

ir_temp ir_load_cpu(struct ir_block *b, size_t offset, int width, bool is_signed)
{
    struct ir_insn *in = append(b, IR_LOAD_CPU);
    in->dst = ir_new_temp(b);
    in->imm = offset;
    in->width = (uint8_t)width;
    in->is_signed = is_signed;
    return in->dst;
}

void ir_store_cpu(struct ir_block *b, size_t offset, int width, ir_temp value)
{
    struct ir_insn *in = append(b, IR_STORE_CPU);
    in->imm = offset;
    in->width = (uint8_t)width;
    in->a = value;
}

ir_temp ir_binary(struct ir_block *b, enum ir_op op, ir_temp x, ir_temp y)
{
    struct ir_insn *in = append(b, op);
    in->dst = ir_new_temp(b);
    in->a = x;
    in->b = y;
    return in->dst;
}

ir_temp ir_shift(struct ir_block *b, enum ir_op op, ir_temp x, ir_temp amount, int width)
{
    struct ir_insn *in = append(b, op);
    in->dst = ir_new_temp(b);
    in->a = x;
    in->b = amount;
    in->imm = (uint64_t)(width - 1);
    return in->dst;
}

ir_temp ir_unary(struct ir_block *b, enum ir_op op, ir_temp x)
{
    struct ir_insn *in = append(b, op);
    in->dst = ir_new_temp(b);
    in->a = x;
    return in->dst;
}

ir_temp ir_setcc(struct ir_block *b, enum ir_cond cond, ir_temp x, ir_temp y)
{
    struct ir_insn *in = append(b, IR_SETCC);
    in->dst = ir_new_temp(b);
    in->a = x;
    in->b = y;
    in->imm = cond;
    return in->dst;
}

ir_temp ir_ext(struct ir_block *b, ir_temp x, int width, bool is_signed)
{
    if (width >= 64)
        return x;
    struct ir_insn *in = append(b, IR_EXT);
    in->dst = ir_new_temp(b);
    in->a = x;
    in->width = (uint8_t)width;
    in->is_signed = is_signed;
    return in->dst;
}

ir_temp ir_load(struct ir_block *b, ir_temp addr, int width, bool is_signed)
{
    struct ir_insn *in = append(b, IR_LOAD);
    ir_temp dst = in->dst = ir_new_temp(b);
    in->a = addr;
    in->width = (uint8_t)width;
    in->is_signed = is_signed;
    if (b->after_access)
        b->after_access(b, addr, dst, width, is_signed, 1);
    return dst;
}

void ir_store(struct ir_block *b, ir_temp addr, ir_temp value, int width)
{
    struct ir_insn *in = append(b, IR_STORE);
    in->a = addr;
    in->b = value;
    in->width = (uint8_t)width;
    if (b->after_access)
        b->after_access(b, addr, value, width, false, 2);
}

void ir_plugin_inline(struct ir_block *b, uint64_t *entry, bool store, uint64_t value)
{
    struct ir_insn *in = append(b, IR_PLUGIN_INLINE);
    in->imm = (uint64_t)(uintptr_t)entry;
    in->imm2 = value;
    in->width = store;
}

void ir_plugin_skip_unless(struct ir_block *b, const uint64_t *entry, enum ir_cond cond, uint64_t value,
                           ir_label label)
{
    struct ir_insn *in = append(b, IR_PLUGIN_SKIP_UNLESS);
    in->fn = (void *)(uintptr_t)entry;
    in->width = (uint8_t)cond;
    in->imm2 = value;
    in->imm = label;
}

ir_temp ir_call(struct ir_block *b, void *fn, const struct ir_arg *args, int nargs, bool has_result)
{
    struct ir_insn *in = append(b, IR_CALL);
    in->dst = has_result ? ir_new_temp(b) : UINT32_MAX;
    in->fn = fn;
    in->nargs = (uint8_t)nargs;
    memcpy(in->args, args, (size_t)nargs * sizeof *args);
    return in->dst;
}

void ir_label_here(struct ir_block *b, ir_label label) { append(b, IR_LABEL)->imm = label; }
void ir_br(struct ir_block *b, ir_label label) { append(b, IR_BR)->imm = label; }

void ir_brcond(struct ir_block *b, ir_temp cond, ir_label label)
{
    struct ir_insn *in = append(b, IR_BRCOND);
    in->a = cond;
    in->imm = label;
}

void ir_exit_const(struct ir_block *b, uint64_t guest_pc)
{
    struct ir_insn *in = append(b, IR_EXIT_CONST);
    in->imm = guest_pc;
    in->a = b->insn_index;
}

void ir_exit_indirect(struct ir_block *b, ir_temp guest_pc)
{
    struct ir_insn *in = append(b, IR_EXIT_INDIRECT);
    in->a = guest_pc;
    in->b = b->insn_index;
}

void ir_raise(struct ir_block *b, int kind, uint32_t cause, ir_temp tval)
{
    struct ir_insn *in = append(b, IR_RAISE);
    in->width = (uint8_t)kind;
    in->imm2 = cause;
    in->a = tval;
    in->b = b->insn_index;
}

void ir_raise_if_pending(struct ir_block *b)
{
    ir_label done = ir_new_label(b);
    ir_temp kind = ir_load_cpu(b, offsetof(struct cpu, exception.kind), 32, false);
    ir_brcond(b, ir_setcc(b, IR_EQ, kind, ir_const(b, 0)), done);
    ir_raise(b, 0, 0, ir_const(b, 0));
    ir_label_here(b, done);
}

void ir_call_insn(struct ir_block *b, void *fn)
{
    struct ir_insn *in = append(b, IR_CALL_INSN);
    in->fn = fn;
    in->a = b->insn_index;
}

void ir_fence(struct ir_block *b) { append(b, IR_FENCE); }

void ir_sync(struct ir_block *b) { append(b, IR_SYNC)->a = b->insn_index; }

void ir_block_boundary(struct ir_block *b, uint32_t retired, const void *next_block)
{
    struct ir_insn *in = append(b, IR_BLOCK_BOUNDARY);
    in->imm = retired;
    in->fn = (void *)next_block;
}

void ir_dump(const struct ir_block *b, void *file)
{
    static const char *const names[] = {
        [IR_INSN_START] = "insn", [IR_CONST] = "const", [IR_MOV] = "mov", [IR_LOAD_CPU] = "ld_cpu",
        [IR_STORE_CPU] = "st_cpu", [IR_ADD] = "add", [IR_SUB] = "sub", [IR_MUL] = "mul", [IR_AND] = "and",
        [IR_OR] = "or", [IR_XOR] = "xor", [IR_SHL] = "shl", [IR_SHR] = "shr", [IR_SAR] = "sar",
        [IR_NEG] = "neg", [IR_NOT] = "not", [IR_SETCC] = "setcc", [IR_EXT] = "ext", [IR_LOAD] = "ld",
        [IR_STORE] = "st", [IR_CALL] = "call", [IR_LABEL] = "label", [IR_BR] = "br", [IR_BRCOND] = "brcond",
        [IR_EXIT_CONST] = "exit", [IR_EXIT_INDIRECT] = "exit_ind", [IR_RAISE] = "raise",
        [IR_CALL_INSN] = "call_insn", [IR_FENCE] = "fence", [IR_SYNC] = "sync", [IR_NOP] = "nop", [IR_BLOCK_BOUNDARY] = "boundary",
        [IR_PLUGIN_INLINE] = "plugin_inline", [IR_PLUGIN_SKIP_UNLESS] = "plugin_skip_unless",
        [IR_BRCMP] = "brcmp", [IR_ROR] = "ror", [IR_LOOP_BACK] = "loop_back",
    };
    FILE *out = file;
    if (b->loop_retired != UINT32_MAX) {
        fprintf(out, " loop: retired count in t%u", b->loop_retired);
        for (uint32_t k = 0; k < b->promoted_count; k++)
            fprintf(out, "%s0x%" PRIx64 "=t%u", k ? ", " : "; fields in temporaries: ", b->promoted[k].offset,
                    b->promoted[k].temp);
        fprintf(out, "\n");
    }
    for (uint32_t i = 0; i < b->count; i++) {
        const struct ir_insn *in = &b->insns[i];
        if (in->op == IR_NOP)
            continue;
        switch (in->op) {
        case IR_INSN_START:
            fprintf(out, " ---- %016" PRIx64 " (insn %u)\n", in->imm, in->a);
            break;
        case IR_LABEL:
            fprintf(out, " L%" PRIu64 ":\n", in->imm);
            break;
        default:
            fprintf(out, "   %-9s w%-2u %s t%u, t%u, t%u, 0x%" PRIx64, names[in->op], in->width,
                    in->is_signed ? "s" : "u", in->dst, in->a, in->b, in->imm);
            /* the deferred stores this exit or access does on its way out */
            for (uint32_t k = 0; k < in->deferred_count; k++) {
                const struct ir_deferred_store *store = &b->deferred[b->site_stores[in->deferred_first + k]];
                fprintf(out, "%s0x%" PRIx64 "=t%u%s", k ? ", " : "  [then ", store->offset, store->value,
                        b->remat && b->remat[store->value] ? "'" : "");
            }
            fprintf(out, "%s\n", in->deferred_count ? "]" : "");
        }
    }
}
