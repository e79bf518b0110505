/* RISC-V F and D extension arithmetic, called by the generated instruction
 * handlers.  Values are raw 64-bit F-register bits: single-precision operands
 * are NaN-boxed (an improperly boxed operand reads as the canonical NaN) and
 * single results come back boxed.  rm is a resolved rounding mode 0..4
 * (RNE, RTZ, RDN, RUP, RMM).  Exceptions are OR-ed into *fflags as
 * NX=1 UF=2 OF=4 DZ=8 NV=16; tininess is detected after rounding; every NaN
 * result is the canonical NaN.
 *
 * Host FPU contract.  While guest code runs, the emulator owns the calling
 * thread's MXCSR, and the helpers rely on this between calls:
 *   - MXCSR rounds to nearest, FTZ and DAZ are off, all exceptions masked;
 *   - the guest's flags are fflags together with the exception flags set in
 *     MXCSR (IE->NV, ZE->DZ, OE->OF, UE->UF, PE->NX; DE is never reported):
 *     MXCSR holds flags not yet copied into fflags.
 * An RNE operation (nearly all of them) then runs without touching MXCSR at
 * all, not even to read it: its flags stay pending in MXCSR, and whoever
 * reads fflags first calls fp_host_flags_commit().  Other rounding modes
 * switch MXCSR and switch it back to nearest, ORing what MXCSR holds into
 * *fflags.  Whoever lowers the guest's flags or lets host code change MXCSR
 * must call fp_host_flags_clear() before the next helper call:
 *   - at start-up of every thread that runs guest code;
 *   - after a write that may lower fflags (CSR fflags or fcsr);
 *   - after host code on that thread changed MXCSR, by fesetround and the
 *     like or by raising flags with floating-point arithmetic of its own.
 * A helper called while MXCSR holds a flag that is not in *fflags may
 * report that flag spuriously: outside the contract.  The helpers never
 * restore a host's own MXCSR; code that needs one saves and restores it
 * around guest execution. */
#ifndef EMU_RISCV64_FP_HELPERS_H
#define EMU_RISCV64_FP_HELPERS_H

#include <stdint.h>

/* Re-establishes the invariant above: MXCSR = 0x1f80 (flags clear, round to
 * nearest, FTZ and DAZ off, all exceptions masked). */
void fp_host_flags_clear(void);
/* ORs the flags pending in MXCSR into *fflags: before anything reads the
 * guest's fflags (a CSR read, a signal frame, a comparison of states). */
void fp_host_flags_commit(uint8_t *fflags);

/* Single precision. */
uint64_t fp_add_s(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags);
uint64_t fp_sub_s(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags);
uint64_t fp_mul_s(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags);
uint64_t fp_div_s(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags);
uint64_t fp_sqrt_s(uint64_t a, uint8_t rm, uint8_t *fflags);
/* a*b+c, a*b-c, -(a*b)+c, -(a*b)-c, each rounded once */
uint64_t fp_madd_s(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags);
uint64_t fp_msub_s(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags);
uint64_t fp_nmsub_s(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags);
uint64_t fp_nmadd_s(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags);
/* IEEE 754-2019 minimumNumber/maximumNumber: -0 < +0, a NaN loses to a number */
uint64_t fp_min_s(uint64_t a, uint64_t b, uint8_t *fflags);
uint64_t fp_max_s(uint64_t a, uint64_t b, uint8_t *fflags);
/* 0 or 1; eq is quiet (NV for sNaN only), lt and le signal on any NaN */
uint64_t fp_eq_s(uint64_t a, uint64_t b, uint8_t *fflags);
uint64_t fp_lt_s(uint64_t a, uint64_t b, uint8_t *fflags);
uint64_t fp_le_s(uint64_t a, uint64_t b, uint8_t *fflags);
uint64_t fp_class_s(uint64_t a);
/* to integer; 32-bit results (wu too) are sign-extended to 64 bits */
uint64_t fp_cvt_w_s(uint64_t a, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_wu_s(uint64_t a, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_l_s(uint64_t a, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_lu_s(uint64_t a, uint8_t rm, uint8_t *fflags);
/* from integer; w and wu read the low 32 bits of x */
uint64_t fp_cvt_s_w(uint64_t x, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_s_wu(uint64_t x, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_s_l(uint64_t x, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_s_lu(uint64_t x, uint8_t rm, uint8_t *fflags);

/* Double precision. */
uint64_t fp_add_d(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags);
uint64_t fp_sub_d(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags);
uint64_t fp_mul_d(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags);
uint64_t fp_div_d(uint64_t a, uint64_t b, uint8_t rm, uint8_t *fflags);
uint64_t fp_sqrt_d(uint64_t a, uint8_t rm, uint8_t *fflags);
/* a*b+c, a*b-c, -(a*b)+c, -(a*b)-c, each rounded once */
uint64_t fp_madd_d(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags);
uint64_t fp_msub_d(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags);
uint64_t fp_nmsub_d(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags);
uint64_t fp_nmadd_d(uint64_t a, uint64_t b, uint64_t c, uint8_t rm, uint8_t *fflags);
/* IEEE 754-2019 minimumNumber/maximumNumber: -0 < +0, a NaN loses to a number */
uint64_t fp_min_d(uint64_t a, uint64_t b, uint8_t *fflags);
uint64_t fp_max_d(uint64_t a, uint64_t b, uint8_t *fflags);
/* 0 or 1; eq is quiet (NV for sNaN only), lt and le signal on any NaN */
uint64_t fp_eq_d(uint64_t a, uint64_t b, uint8_t *fflags);
uint64_t fp_lt_d(uint64_t a, uint64_t b, uint8_t *fflags);
uint64_t fp_le_d(uint64_t a, uint64_t b, uint8_t *fflags);
uint64_t fp_class_d(uint64_t a);
/* to integer; 32-bit results (wu too) are sign-extended to 64 bits */
uint64_t fp_cvt_w_d(uint64_t a, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_wu_d(uint64_t a, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_l_d(uint64_t a, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_lu_d(uint64_t a, uint8_t rm, uint8_t *fflags);
/* from integer; w and wu read the low 32 bits of x */
uint64_t fp_cvt_d_w(uint64_t x, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_d_wu(uint64_t x, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_d_l(uint64_t x, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_d_lu(uint64_t x, uint8_t rm, uint8_t *fflags);

/* Between the formats. */
uint64_t fp_cvt_s_d(uint64_t a, uint8_t rm, uint8_t *fflags);
uint64_t fp_cvt_d_s(uint64_t a, uint8_t rm, uint8_t *fflags);

#endif
