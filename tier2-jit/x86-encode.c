/* x86-64 encodings (Intel SDM vol. 2): a REX prefix where a register is r8-r15
 * or the operation is 64-bit, ModRM with a 32-bit displacement for every
 * memory operand (one form, always valid, also for rsp/r12 and rbp/r13). */
#include "x86-encode.h"

#include <string.h>

void x86_byte(struct x86_buffer *x, uint8_t byte)
{
    if (x->at >= x->end) {
        x->overflow = true;
        return;
    }
    *x->at++ = byte;
}

void x86_u32(struct x86_buffer *x, uint32_t value)
{
    for (int i = 0; i < 4; i++)
        x86_byte(x, (uint8_t)(value >> (8 * i)));
}

void x86_u64(struct x86_buffer *x, uint64_t value)
{
    for (int i = 0; i < 8; i++)
        x86_byte(x, (uint8_t)(value >> (8 * i)));
}

static void rex(struct x86_buffer *x, bool w, int reg, int index, int base, bool force)
{
    uint8_t prefix = (uint8_t)(0x40 | (w ? 8 : 0) | ((reg & 8) ? 4 : 0) | ((index & 8) ? 2 : 0) | ((base & 8) ? 1 : 0));
    if (prefix != 0x40 || force)
        x86_byte(x, prefix);
}

static void modrm_rr(struct x86_buffer *x, int reg, int rm) { x86_byte(x, (uint8_t)(0xc0 | (reg & 7) << 3 | (rm & 7))); }

/* [base + disp], disp8 when it fits */
static void modrm_mem(struct x86_buffer *x, int reg, int base, int32_t disp)
{
    bool short_disp = disp >= INT8_MIN && disp <= INT8_MAX;
    x86_byte(x, (uint8_t)((short_disp ? 0x40 : 0x80) | (reg & 7) << 3 | (base & 7)));
    if ((base & 7) == RSP)
        x86_byte(x, 0x24);
    if (short_disp)
        x86_byte(x, (uint8_t)disp);
    else
        x86_u32(x, (uint32_t)disp);
}

/* [base + index << shift + disp], disp8 when it fits */
static void modrm_indexed(struct x86_buffer *x, int reg, int base, int index, int shift, int32_t disp)
{
    bool short_disp = disp >= INT8_MIN && disp <= INT8_MAX;
    x86_byte(x, (uint8_t)((short_disp ? 0x40 : 0x80) | (reg & 7) << 3 | 4));
    x86_byte(x, (uint8_t)(shift << 6 | (index & 7) << 3 | (base & 7)));
    if (short_disp)
        x86_byte(x, (uint8_t)disp);
    else
        x86_u32(x, (uint32_t)disp);
}

void x86_mov_imm(struct x86_buffer *x, enum x86_reg dst, uint64_t value)
{
    if (value <= UINT32_MAX) { /* mov r32, imm32 zero-extends */
        rex(x, false, 0, 0, dst, false);
        x86_byte(x, (uint8_t)(0xb8 | (dst & 7)));
        x86_u32(x, (uint32_t)value);
    } else if ((int64_t)value >= INT32_MIN && (int64_t)value < 0) { /* mov r/m64, simm32 */
        rex(x, true, 0, 0, dst, false);
        x86_byte(x, 0xc7);
        modrm_rr(x, 0, dst);
        x86_u32(x, (uint32_t)value);
    } else {
        rex(x, true, 0, 0, dst, false);
        x86_byte(x, (uint8_t)(0xb8 | (dst & 7)));
        x86_u64(x, value);
    }
}

void x86_mov_rr(struct x86_buffer *x, enum x86_reg dst, enum x86_reg src)
{
    if (dst == src)
        return;
    rex(x, true, src, 0, dst, false);
    x86_byte(x, 0x89);
    modrm_rr(x, src, dst);
}

/* the opcode bytes of a load of width into a 64-bit register */
static void load_opcode(struct x86_buffer *x, enum x86_reg dst, int index, enum x86_reg base, int width, bool is_signed)
{
    switch (width) {
    case 8:
        rex(x, true, dst, index, base, false);
        x86_byte(x, 0x0f);
        x86_byte(x, is_signed ? 0xbe : 0xb6);
        break;
    case 16:
        rex(x, true, dst, index, base, false);
        x86_byte(x, 0x0f);
        x86_byte(x, is_signed ? 0xbf : 0xb7);
        break;
    case 32:
        if (is_signed) {
            rex(x, true, dst, index, base, false);
            x86_byte(x, 0x63); /* movsxd */
        } else {
            rex(x, false, dst, index, base, false);
            x86_byte(x, 0x8b); /* mov r32 zero-extends */
        }
        break;
    default:
        rex(x, true, dst, index, base, false);
        x86_byte(x, 0x8b);
        break;
    }
}

void x86_load(struct x86_buffer *x, enum x86_reg dst, enum x86_reg base, int32_t disp, int width, bool is_signed)
{
    load_opcode(x, dst, 0, base, width, is_signed);
    modrm_mem(x, dst, base, disp);
}

void x86_load_indexed(struct x86_buffer *x, enum x86_reg dst, enum x86_reg base, enum x86_reg index, int shift,
                      int32_t disp, int width, bool is_signed)
{
    load_opcode(x, dst, index, base, width, is_signed);
    modrm_indexed(x, dst, base, index, shift, disp);
}

static void store_opcode(struct x86_buffer *x, enum x86_reg src, int index, enum x86_reg base, int width)
{
    switch (width) {
    case 8:
        rex(x, false, src, index, base, src >= RSP); /* spl..dil need a REX */
        x86_byte(x, 0x88);
        break;
    case 16:
        x86_byte(x, 0x66);
        rex(x, false, src, index, base, false);
        x86_byte(x, 0x89);
        break;
    case 32:
        rex(x, false, src, index, base, false);
        x86_byte(x, 0x89);
        break;
    default:
        rex(x, true, src, index, base, false);
        x86_byte(x, 0x89);
        break;
    }
}

void x86_store(struct x86_buffer *x, enum x86_reg base, int32_t disp, enum x86_reg src, int width)
{
    store_opcode(x, src, 0, base, width);
    modrm_mem(x, src, base, disp);
}

void x86_store_indexed(struct x86_buffer *x, enum x86_reg base, enum x86_reg index, int shift, int32_t disp,
                       enum x86_reg src, int width)
{
    store_opcode(x, src, index, base, width);
    modrm_indexed(x, src, base, index, shift, disp);
}

void x86_lea(struct x86_buffer *x, enum x86_reg dst, enum x86_reg base, int32_t disp)
{
    rex(x, true, dst, 0, base, false);
    x86_byte(x, 0x8d);
    modrm_mem(x, dst, base, disp);
}

void x86_alu_rr(struct x86_buffer *x, enum x86_alu op, enum x86_reg dst, enum x86_reg src)
{
    rex(x, true, src, 0, dst, false);
    x86_byte(x, (uint8_t)(op << 3 | 1));
    modrm_rr(x, src, dst);
}

void x86_alu_ri(struct x86_buffer *x, enum x86_alu op, enum x86_reg dst, int32_t imm)
{
    rex(x, true, 0, 0, dst, false);
    x86_byte(x, 0x81);
    modrm_rr(x, op, dst);
    x86_u32(x, (uint32_t)imm);
}

void x86_alu_mi(struct x86_buffer *x, enum x86_alu op, enum x86_reg base, int32_t disp, int32_t imm, int width)
{
    rex(x, width == 64, 0, 0, base, false);
    x86_byte(x, 0x81);
    modrm_mem(x, op, base, disp);
    x86_u32(x, (uint32_t)imm);
}

void x86_alu_r_riprel(struct x86_buffer *x, enum x86_alu op, enum x86_reg dst, const void *target)
{
    rex(x, true, dst, 0, 0, false);
    x86_byte(x, (uint8_t)(op << 3 | 3));
    x86_byte(x, (uint8_t)((dst & 7) << 3 | 5));
    x86_u32(x, (uint32_t)(int32_t)((const uint8_t *)target - (x->at + 4)));
}

void x86_imul_rr(struct x86_buffer *x, enum x86_reg dst, enum x86_reg src)
{
    rex(x, true, dst, 0, src, false);
    x86_byte(x, 0x0f);
    x86_byte(x, 0xaf);
    modrm_rr(x, dst, src);
}

void x86_shift_cl(struct x86_buffer *x, enum x86_shift op, enum x86_reg dst)
{
    rex(x, true, 0, 0, dst, false);
    x86_byte(x, 0xd3);
    modrm_rr(x, op, dst);
}

void x86_shift_imm(struct x86_buffer *x, enum x86_shift op, enum x86_reg dst, uint8_t amount)
{
    rex(x, true, 0, 0, dst, false);
    x86_byte(x, 0xc1);
    modrm_rr(x, op, dst);
    x86_byte(x, amount);
}

void x86_neg(struct x86_buffer *x, enum x86_reg reg)
{
    rex(x, true, 0, 0, reg, false);
    x86_byte(x, 0xf7);
    modrm_rr(x, 3, reg);
}

void x86_not(struct x86_buffer *x, enum x86_reg reg)
{
    rex(x, true, 0, 0, reg, false);
    x86_byte(x, 0xf7);
    modrm_rr(x, 2, reg);
}

void x86_test_rr(struct x86_buffer *x, enum x86_reg a, enum x86_reg b)
{
    rex(x, true, b, 0, a, false);
    x86_byte(x, 0x85);
    modrm_rr(x, b, a);
}

void x86_setcc(struct x86_buffer *x, enum x86_cond cond, enum x86_reg dst)
{
    rex(x, false, 0, 0, dst, dst >= RSP);
    x86_byte(x, 0x0f);
    x86_byte(x, (uint8_t)(0x90 | cond));
    modrm_rr(x, 0, dst);
    x86_extend(x, dst, dst, 8, false);
}

void x86_extend(struct x86_buffer *x, enum x86_reg dst, enum x86_reg src, int width, bool is_signed)
{
    switch (width) {
    case 8:
        rex(x, true, dst, 0, src, false);
        x86_byte(x, 0x0f);
        x86_byte(x, is_signed ? 0xbe : 0xb6);
        modrm_rr(x, dst, src);
        break;
    case 16:
        rex(x, true, dst, 0, src, false);
        x86_byte(x, 0x0f);
        x86_byte(x, is_signed ? 0xbf : 0xb7);
        modrm_rr(x, dst, src);
        break;
    case 32:
        if (is_signed) {
            rex(x, true, dst, 0, src, false);
            x86_byte(x, 0x63);
            modrm_rr(x, dst, src);
        } else { /* mov r32, r32 clears the upper half */
            rex(x, false, src, 0, dst, false);
            x86_byte(x, 0x89);
            modrm_rr(x, src, dst);
        }
        break;
    default:
        x86_mov_rr(x, dst, src);
        break;
    }
}

void x86_push(struct x86_buffer *x, enum x86_reg reg)
{
    rex(x, false, 0, 0, reg, false);
    x86_byte(x, (uint8_t)(0x50 | (reg & 7)));
}

void x86_pop(struct x86_buffer *x, enum x86_reg reg)
{
    rex(x, false, 0, 0, reg, false);
    x86_byte(x, (uint8_t)(0x58 | (reg & 7)));
}

void x86_call_reg(struct x86_buffer *x, enum x86_reg reg)
{
    rex(x, false, 0, 0, reg, false);
    x86_byte(x, 0xff);
    modrm_rr(x, 2, reg);
}

void x86_jmp_reg(struct x86_buffer *x, enum x86_reg reg)
{
    rex(x, false, 0, 0, reg, false);
    x86_byte(x, 0xff);
    modrm_rr(x, 4, reg);
}

void x86_ret(struct x86_buffer *x) { x86_byte(x, 0xc3); }

void x86_mfence(struct x86_buffer *x)
{
    x86_byte(x, 0x0f);
    x86_byte(x, 0xae);
    x86_byte(x, 0xf0);
}

/* Where a displacement of a buffer that ran out of room is patched: the
 * translation is abandoned, and the patch must not land past the buffer's
 * end (where the code cache keeps its exit records). */
static __thread uint8_t discarded_displacement[4];

uint8_t *x86_jmp_rel32(struct x86_buffer *x)
{
    x86_byte(x, 0xe9);
    uint8_t *displacement = x->at;
    x86_u32(x, 0);
    return x->overflow ? discarded_displacement : displacement;
}

uint8_t *x86_jcc_rel32(struct x86_buffer *x, enum x86_cond cond)
{
    x86_byte(x, 0x0f);
    x86_byte(x, (uint8_t)(0x80 | cond));
    uint8_t *displacement = x->at;
    x86_u32(x, 0);
    return x->overflow ? discarded_displacement : displacement;
}

void x86_patch_rel32(uint8_t *displacement, const uint8_t *target)
{
    int32_t rel = (int32_t)(target - (displacement + 4));
    memcpy(displacement, &rel, sizeof rel);
}
