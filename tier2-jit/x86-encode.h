/* Encoding the x86-64 instructions the JIT uses, into a byte buffer. */
#ifndef EMU_JIT_X86_ENCODE_H
#define EMU_JIT_X86_ENCODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum x86_reg {
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15,
};

enum x86_alu { ALU_ADD = 0, ALU_OR = 1, ALU_AND = 4, ALU_SUB = 5, ALU_XOR = 6, ALU_CMP = 7 };
enum x86_shift { SHIFT_ROR = 1, SHIFT_SHL = 4, SHIFT_SHR = 5, SHIFT_SAR = 7 };
/* condition codes, as in Jcc/SETcc */
enum x86_cond {
    CC_O = 0, CC_B = 2, CC_AE = 3, CC_E = 4, CC_NE = 5, CC_BE = 6, CC_A = 7,
    CC_L = 12, CC_GE = 13, CC_LE = 14, CC_G = 15,
};

struct x86_buffer {
    uint8_t *start, *at, *end;
    bool overflow; /* ran past end: the translation is abandoned */
};

void x86_byte(struct x86_buffer *x, uint8_t byte);
void x86_u32(struct x86_buffer *x, uint32_t value);
void x86_u64(struct x86_buffer *x, uint64_t value);

void x86_mov_imm(struct x86_buffer *x, enum x86_reg dst, uint64_t value);
void x86_mov_rr(struct x86_buffer *x, enum x86_reg dst, enum x86_reg src);
/* dst = zero/sign-extended load of width bits at [base + disp] */
void x86_load(struct x86_buffer *x, enum x86_reg dst, enum x86_reg base, int32_t disp, int width, bool is_signed);
void x86_store(struct x86_buffer *x, enum x86_reg base, int32_t disp, enum x86_reg src, int width);
/* the same with [base + index] */
/* [base + (index << shift) + disp], shift 0 to 3 */
void x86_load_indexed(struct x86_buffer *x, enum x86_reg dst, enum x86_reg base, enum x86_reg index, int shift,
                      int32_t disp, int width, bool is_signed);
void x86_store_indexed(struct x86_buffer *x, enum x86_reg base, enum x86_reg index, int shift, int32_t disp,
                       enum x86_reg src, int width);
void x86_lea(struct x86_buffer *x, enum x86_reg dst, enum x86_reg base, int32_t disp);
void x86_alu_rr(struct x86_buffer *x, enum x86_alu op, enum x86_reg dst, enum x86_reg src);
void x86_alu_ri(struct x86_buffer *x, enum x86_alu op, enum x86_reg dst, int32_t imm);
/* op qword [base + disp], imm32 (sign-extended) */
void x86_alu_mi(struct x86_buffer *x, enum x86_alu op, enum x86_reg base, int32_t disp, int32_t imm, int width);
/* op dst, qword [rip + to target] (target within 2 GiB of the code) */
void x86_alu_r_riprel(struct x86_buffer *x, enum x86_alu op, enum x86_reg dst, const void *target);
void x86_imul_rr(struct x86_buffer *x, enum x86_reg dst, enum x86_reg src);
void x86_shift_cl(struct x86_buffer *x, enum x86_shift op, enum x86_reg dst);
void x86_shift_imm(struct x86_buffer *x, enum x86_shift op, enum x86_reg dst, uint8_t amount);
void x86_neg(struct x86_buffer *x, enum x86_reg reg);
void x86_not(struct x86_buffer *x, enum x86_reg reg);
void x86_test_rr(struct x86_buffer *x, enum x86_reg a, enum x86_reg b);
/* dst = (flags satisfy cond) ? 1 : 0, zero-extended */
void x86_setcc(struct x86_buffer *x, enum x86_cond cond, enum x86_reg dst);
/* dst = src extended from width bits */
void x86_extend(struct x86_buffer *x, enum x86_reg dst, enum x86_reg src, int width, bool is_signed);
void x86_push(struct x86_buffer *x, enum x86_reg reg);
void x86_pop(struct x86_buffer *x, enum x86_reg reg);
void x86_call_reg(struct x86_buffer *x, enum x86_reg reg);
void x86_jmp_reg(struct x86_buffer *x, enum x86_reg reg);
void x86_ret(struct x86_buffer *x);
void x86_mfence(struct x86_buffer *x);
/* Jumps with a 32-bit displacement: return where the displacement is, for
 * x86_patch_rel32 once the target is known. */
uint8_t *x86_jmp_rel32(struct x86_buffer *x);
uint8_t *x86_jcc_rel32(struct x86_buffer *x, enum x86_cond cond);
void x86_patch_rel32(uint8_t *displacement, const uint8_t *target);

#endif
