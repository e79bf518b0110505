/* What aarch64-fp.c and aarch64-simd-fp.c share: FPCR and FPSR bits, and
 * single (dbl = 0) and double (dbl = 1) values taken apart as their bit
 * patterns, by integer operations only, so that nothing here touches the
 * host's floating-point flags (the contract in aarch64-fp.h). */
#ifndef EMU_AARCH64_FP_INTERNAL_H
#define EMU_AARCH64_FP_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define FPCR_FZ    (UINT32_C(1) << 24)
#define FPCR_DN    (UINT32_C(1) << 25)
#define FPCR_RMODE (UINT32_C(3) << 22)

/* FPSR's cumulative exception bits */
enum { FPSR_IOC = 1, FPSR_DZC = 2, FPSR_OFC = 4, FPSR_UFC = 8, FPSR_IXC = 16, FPSR_IDC = 128 };

/* FPCR.RMode: 0 to nearest, 1 toward +infinity, 2 toward -infinity, 3 toward zero */
static inline unsigned fp_rmode(uint32_t fpcr)
{
    return (fpcr >> 22) & 3;
}

static inline unsigned fraction_bits(uint64_t dbl)
{
    return dbl ? 52 : 23;
}
static inline uint64_t sign_bit(uint64_t dbl)
{
    return dbl ? UINT64_C(1) << 63 : UINT64_C(1) << 31;
}
static inline uint64_t exponent_mask(uint64_t dbl)
{
    return dbl ? 0x7ff : 0xff;
}
static inline uint64_t exponent_of(uint64_t x, uint64_t dbl)
{
    return (x >> fraction_bits(dbl)) & exponent_mask(dbl);
}
static inline uint64_t fraction_of(uint64_t x, uint64_t dbl)
{
    return x & ((UINT64_C(1) << fraction_bits(dbl)) - 1);
}
static inline uint64_t fp_abs(uint64_t x, uint64_t dbl)
{
    return x & (sign_bit(dbl) - 1);
}
static inline uint64_t infinity(uint64_t dbl)
{
    return exponent_mask(dbl) << fraction_bits(dbl);
}
static inline uint64_t min_normal(uint64_t dbl)
{
    return UINT64_C(1) << fraction_bits(dbl);
}
static inline uint64_t max_normal(uint64_t dbl)
{
    return infinity(dbl) - 1;
}
static inline bool is_nan(uint64_t x, uint64_t dbl)
{
    return fp_abs(x, dbl) > infinity(dbl);
}
static inline bool is_snan(uint64_t x, uint64_t dbl)
{
    return is_nan(x, dbl) && !((x >> (fraction_bits(dbl) - 1)) & 1);
}
static inline bool is_inf(uint64_t x, uint64_t dbl)
{
    return fp_abs(x, dbl) == infinity(dbl);
}
static inline bool is_zero(uint64_t x, uint64_t dbl)
{
    return fp_abs(x, dbl) == 0;
}
static inline bool is_denormal(uint64_t x, uint64_t dbl)
{
    return exponent_of(x, dbl) == 0 && fraction_of(x, dbl) != 0;
}
static inline uint64_t quiet(uint64_t x, uint64_t dbl)
{
    return x | UINT64_C(1) << (fraction_bits(dbl) - 1);
}
static inline uint64_t default_nan(uint64_t dbl)
{
    return infinity(dbl) | UINT64_C(1) << (fraction_bits(dbl) - 1);
}
/* 2.0 and 1.5 */
static inline uint64_t fp_two(uint64_t dbl)
{
    return dbl ? UINT64_C(0x4000000000000000) : 0x40000000;
}
static inline uint64_t fp_one_point_five(uint64_t dbl)
{
    return dbl ? UINT64_C(0x3ff8000000000000) : 0x3fc00000;
}

/* FPUnpack with FPCR.FZ set: a denormal input is a zero of its sign, and
 * FPSR.IDC says so (Arm ARM J1, FPUnpackBase) */
static inline uint64_t flush_input(uint64_t x, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr)
{
    if (__builtin_expect((fpcr & FPCR_FZ) != 0, 0) && is_denormal(x, dbl)) {
        *fpsr |= FPSR_IDC;
        return x & sign_bit(dbl);
    }
    return x;
}

/* FPProcessNaNs: the first signalling NaN (IOC, quietened), else the first
 * quiet NaN, of the operands in order; with FPCR.DN the default NaN.
 * False when none is a NaN. */
static inline bool process_nans(const uint64_t *ops, int count, uint64_t dbl, uint32_t fpcr, uint32_t *fpsr,
                                uint64_t *result)
{
    for (int i = 0; i < count; i++)
        if (is_snan(ops[i], dbl)) {
            *fpsr |= FPSR_IOC;
            *result = (fpcr & FPCR_DN) ? default_nan(dbl) : quiet(ops[i], dbl);
            return true;
        }
    for (int i = 0; i < count; i++)
        if (is_nan(ops[i], dbl)) {
            *result = (fpcr & FPCR_DN) ? default_nan(dbl) : ops[i];
            return true;
        }
    return false;
}

static inline double to_d(uint64_t bits)
{
    double d;
    memcpy(&d, &bits, 8);
    return d;
}
static inline uint64_t from_d(double d)
{
    uint64_t bits;
    memcpy(&bits, &d, 8);
    return bits;
}
static inline float to_f(uint64_t bits)
{
    uint32_t b = (uint32_t)bits;
    float f;
    memcpy(&f, &b, 4);
    return f;
}
static inline uint64_t from_f(float f)
{
    uint32_t bits;
    memcpy(&bits, &f, 4);
    return bits;
}
/* a number (not a NaN: widening a signalling NaN would raise a host flag) as a double, exactly */
static inline double value_of(uint64_t x, uint64_t dbl)
{
    return dbl ? to_d(x) : (double)to_f(x);
}

#endif
