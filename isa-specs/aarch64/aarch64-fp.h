/* The scalar FP helpers' operation codes, shared by a64-fp.isa (which
 * writes the numbers) and aarch64-fp.c, and the helpers the vector forms
 * reuse. */
#ifndef EMU_AARCH64_FP_H
#define EMU_AARCH64_FP_H

/* a64_fp_binary: the opcode field of the FP data-processing (2 source) group */
enum {
    FP_MUL = 0,
    FP_DIV = 1,
    FP_ADD = 2,
    FP_SUB = 3,
    FP_MAX = 4,
    FP_MIN = 5,
    FP_MAXNM = 6,
    FP_MINNM = 7,
    FP_NMUL = 8
};

/* how a64_fp_round_int and a64_fp_to_int round */
enum { FPROUND_NEAREST = 0, FPROUND_PLUS = 1, FPROUND_MINUS = 2, FPROUND_ZERO = 3, FPROUND_AWAY = 4, FPROUND_FPCR = 5 };

#include <stdint.h>

/* used lane by lane by the AdvSIMD FP operations */
uint64_t a64_fp_binary(uint64_t op, uint64_t a, uint64_t b, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr);
uint64_t a64_fp_fma(uint64_t addend, uint64_t n, uint64_t m, uint64_t negate_product, uint64_t negate_addend,
                    uint64_t dbl, uint32_t fpcr, uint32_t *fpsr);
uint64_t a64_fp_sqrt(uint64_t a, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr);
uint64_t a64_fp_convert_size(uint64_t a, uint64_t from_size, uint64_t to_size, uint32_t fpcr, uint32_t *fpsr);
uint64_t a64_fp_round_int(uint64_t a, uint64_t kind, uint64_t exact, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr);
uint64_t a64_fp_to_int(uint64_t a, uint64_t kind, uint64_t is_signed, uint64_t bits, uint64_t dbl, uint32_t fpcr,
                       uint32_t *fpsr);
uint64_t a64_int_to_fp(uint64_t x, uint64_t is_signed, uint64_t bits, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr);
uint64_t a64_fp_compare(uint64_t a, uint64_t b, uint64_t signal_all, uint64_t dbl, uint32_t *fpsr);

#endif
