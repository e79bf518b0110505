/* The scalar FP helpers' operation codes, shared by a64-fp.isa (which
 * writes the numbers) and aarch64-fp.c, the helpers the vector forms
 * reuse, and the host FPU contract every one of them relies on.
 *
 * Host FPU contract (as riscv64's fp-helpers.h).  While guest code runs,
 * the emulator owns the calling thread's MXCSR, and the helpers rely on
 * this between calls:
 *   - MXCSR rounds to nearest, FTZ and DAZ are off, all exceptions masked;
 *   - the guest's FPSR flags are fpsr together with the exception flags set
 *     in MXCSR (IE->IOC, ZE->DZC, OE->OFC, UE->UFC, PE->IXC; DE is never
 *     reported, IDC comes from FPCR.FZ's flushing alone): MXCSR holds flags
 *     not yet copied into fpsr.
 * An operation under FPCR's default rounding (to nearest, FZ clear) then
 * runs without touching MXCSR, not even to read it: its flags stay pending,
 * and whoever reads fpsr first calls a64_fp_host_flags_commit() (MRS FPSR,
 * the signal frame, a comparison of states).  Other modes switch MXCSR and
 * switch it back to nearest.  Whoever lowers the guest's flags or lets host
 * code change MXCSR must call a64_fp_host_flags_clear() before the next
 * helper call: at start-up of every thread that runs guest code, after MSR
 * FPSR and sigreturn, after host code that changed MXCSR. */
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

/* MXCSR back to the contract's state: round to nearest, no flags pending */
void a64_fp_host_flags_clear(void);
/* the flags pending in MXCSR into *fpsr: before anything reads FPSR */
void a64_fp_host_flags_commit(uint32_t *fpsr);

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
uint64_t a64_fp_compare(uint64_t a, uint64_t b, uint64_t signal_all, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr);
/* fixed point with fbits fraction bits: FPToFixed rounding toward zero, FixedToFP */
uint64_t a64_fp_to_fixed(uint64_t a, uint64_t fbits, uint64_t is_signed, uint64_t bits, uint64_t dbl, uint32_t fpcr,
                         uint32_t *fpsr);
uint64_t a64_fixed_to_fp(uint64_t x, uint64_t fbits, uint64_t is_signed, uint64_t bits, uint64_t dbl, uint32_t fpcr,
                         uint32_t *fpsr);
/* the AdvSIMD-only arithmetic: FMULX, FRECPS (2 - a*b), FRSQRTS ((3 - a*b) / 2), each rounded once */
uint64_t a64_fp_mulx(uint64_t a, uint64_t b, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr);
uint64_t a64_fp_recip_step(uint64_t a, uint64_t b, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr);
uint64_t a64_fp_rsqrt_step(uint64_t a, uint64_t b, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr);
/* FCVTXN: double to single, rounded to odd */
uint64_t a64_fp_narrow_odd(uint64_t a, uint32_t fpcr, uint32_t *fpsr);

#endif
