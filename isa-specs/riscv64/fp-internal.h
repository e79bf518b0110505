/* Shared by the fp-*.c files: IEEE bit layouts, NaN boxing, and running one
 * host SSE operation under a chosen rounding mode while reading the flags it
 * raised.  Not part of the helpers' API. */
#ifndef EMU_RISCV64_FP_INTERNAL_H
#define EMU_RISCV64_FP_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

/* For the per-instruction fast paths, where format and operation must become
 * constants. */
#define ALWAYS_INLINE inline __attribute__((always_inline))

enum fp_rounding { RM_RNE = 0, RM_RTZ = 1, RM_RDN = 2, RM_RUP = 3, RM_RMM = 4 };

enum fp_flag { FLAG_NX = 1, FLAG_UF = 2, FLAG_OF = 4, FLAG_DZ = 8, FLAG_NV = 16 };

struct fp_format {
    int fraction_bits;
    int exponent_bits;
    uint64_t canonical_nan;
};

static const struct fp_format FORMAT_SINGLE = { 23, 8, 0x7fc00000u };
static const struct fp_format FORMAT_DOUBLE = { 52, 11, 0x7ff8000000000000u };

static inline uint64_t fp_sign_bit(const struct fp_format *format)
{
    return 1ull << (format->fraction_bits + format->exponent_bits);
}

static inline uint64_t fp_exponent_field(const struct fp_format *format, uint64_t bits)
{
    return (bits >> format->fraction_bits) & ((1ull << format->exponent_bits) - 1);
}

static inline uint64_t fp_fraction_field(const struct fp_format *format, uint64_t bits)
{
    return bits & ((1ull << format->fraction_bits) - 1);
}

static inline int fp_bias(const struct fp_format *format)
{
    return (1 << (format->exponent_bits - 1)) - 1;
}

static inline bool fp_is_nan(const struct fp_format *format, uint64_t bits)
{
    uint64_t max_exponent = (1ull << format->exponent_bits) - 1;
    return fp_exponent_field(format, bits) == max_exponent && fp_fraction_field(format, bits) != 0;
}

static inline bool fp_is_signalling_nan(const struct fp_format *format, uint64_t bits)
{
    uint64_t quiet_bit = 1ull << (format->fraction_bits - 1);
    return fp_is_nan(format, bits) && !(bits & quiet_bit);
}

static inline bool fp_is_infinite(const struct fp_format *format, uint64_t bits)
{
    uint64_t max_exponent = (1ull << format->exponent_bits) - 1;
    return fp_exponent_field(format, bits) == max_exponent && fp_fraction_field(format, bits) == 0;
}

/* A finite value split as (-1)^sign * significand * 2^exponent, with the
 * significand an integer (implicit bit included for normal numbers). */
struct fp_parts {
    bool sign;
    uint64_t significand;
    int exponent;
};

static inline struct fp_parts fp_decode(const struct fp_format *format, uint64_t bits)
{
    struct fp_parts parts;
    uint64_t biased = fp_exponent_field(format, bits);
    parts.sign = (bits & fp_sign_bit(format)) != 0;
    parts.significand = fp_fraction_field(format, bits);
    if (biased != 0)
        parts.significand |= 1ull << format->fraction_bits;
    else
        biased = 1;
    parts.exponent = (int)biased - fp_bias(format) - format->fraction_bits;
    return parts;
}

/* NaN boxing (unprivileged spec, "NaN Boxing of Narrower Values"): a single
 * operand whose upper 32 bits are not all ones reads as the canonical NaN. */
static inline uint64_t fp_unbox_single(uint64_t reg)
{
    return (reg >> 32) == 0xffffffffu ? (uint32_t)reg : FORMAT_SINGLE.canonical_nan;
}

static inline uint64_t fp_box_single(uint64_t bits)
{
    return 0xffffffff00000000ull | (uint32_t)bits;
}

/* --- The host FPU (x86-64 SSE, controlled through MXCSR) ---
 * The emulator owns this thread's MXCSR while guest code runs (contract in
 * fp-helpers.h): rounding to nearest, FTZ and DAZ off, exceptions masked, and
 * every exception flag set in MXCSR already in the guest's fflags.  So an RNE
 * operation just runs and reports all of MXCSR's flags: stale ones are
 * already in fflags.  ldmxcsr is serialising and slow, so only the other
 * rounding modes pay for it, twice: once to switch, once to come back to
 * nearest with the flags accumulated. */

enum {
    MXCSR_FLAG_BITS = 0x3f,
    MXCSR_NEAREST = 0x1f80, /* round to nearest, all masked, FTZ DAZ off, flags clear */
};

/* RISC-V rm -> MXCSR rounding control; RMM has no host mode and is computed
 * from round-to-nearest-even plus a tie fix-up. */
static inline uint32_t host_mxcsr_for(uint8_t rm)
{
    static const uint32_t rounding_control[8] = {
        [RM_RNE] = 0x0000, [RM_RTZ] = 0x6000, [RM_RDN] = 0x2000,
        [RM_RUP] = 0x4000, [RM_RMM] = 0x0000,
    };
    return MXCSR_NEAREST | rounding_control[rm & 7];
}

/* MXCSR: IE=1 DE=2 ZE=4 OE=8 UE=16 PE=32 -> NV DZ OF UF NX; the
 * denormal-operand flag DE has no RISC-V counterpart and is dropped. */
static inline uint8_t fflags_from_mxcsr(uint32_t mxcsr)
{
    return (uint8_t)(((mxcsr & 1) << 4) | ((mxcsr & 4) << 1) | ((mxcsr & 8) >> 1) |
                     ((mxcsr & 16) >> 3) | ((mxcsr & 32) >> 5));
}

struct host_fpu {
    uint32_t entry; /* MXCSR before a non-RNE operation */
};

/* For RNE nothing to do.  Otherwise switch the rounding control and start
 * from clear flags, so that host_fpu_leave sees this operation's own flags
 * (RMM's tie fix-up needs to know whether this one was inexact). */
static ALWAYS_INLINE struct host_fpu host_fpu_enter(uint8_t rm)
{
    struct host_fpu state = { 0 };
    if (__builtin_expect(rm != RM_RNE, 0)) {
        uint32_t wanted = host_mxcsr_for(rm);
        __asm__ volatile("stmxcsr %0" : "=m"(state.entry) : : "memory");
        __asm__ volatile("ldmxcsr %0" : : "m"(wanted) : "memory");
    }
    return state;
}

/* Returns the RISC-V flags to OR into fflags: for RNE every flag in MXCSR
 * (the ones from before are in fflags already), otherwise the operation's
 * own, after going back to nearest with the entry flags and these merged. */
static ALWAYS_INLINE uint8_t host_fpu_leave(const struct host_fpu *state, uint8_t rm)
{
    uint32_t after;
    __asm__ volatile("stmxcsr %0" : "=m"(after) : : "memory");
    if (__builtin_expect(rm != RM_RNE, 0)) {
        uint32_t nearest = MXCSR_NEAREST | ((state->entry | after) & MXCSR_FLAG_BITS);
        __asm__ volatile("ldmxcsr %0" : : "m"(nearest) : "memory");
    }
    return fflags_from_mxcsr(after);
}

/* Whether an operation must read MXCSR now: only away from RNE, which
 * switched MXCSR and must switch it back.  RNE's flags stay pending in MXCSR
 * (the contract in fp-helpers.h); reading MXCSR would wait for the
 * operation to finish, each time. */
static inline bool host_flags_needed(uint8_t rm) { return rm != RM_RNE; }

/* Pins a value in a register at this point of the instruction stream, so the
 * compiler cannot move the arithmetic that produces or consumes it across the
 * MXCSR accesses (GCC does not honour FENV_ACCESS). */
#define HOST_FENCE(value) __asm__ volatile("" : "+x"(value) : : "memory")

#endif
