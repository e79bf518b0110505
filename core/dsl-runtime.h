/* Small total functions the generated code uses where C would have
 * undefined behaviour: the spec states the ISA's rule, these only keep the
 * host from trapping or the compiler from assuming. */
#ifndef EMU_CORE_DSL_RUNTIME_H
#define EMU_CORE_DSL_RUNTIME_H

#include <stdint.h>

static inline int64_t emu_sext64(uint64_t value, int width)
{
    uint64_t sign = UINT64_C(1) << (width - 1);
    return (int64_t)((value ^ sign) - sign);
}

/* x / 0 gives 0 and MIN / -1 gives MIN (wrapping): specs write their own
 * rule for both cases before dividing. */
#define DSL_IS_SIGNED(x) ((__typeof__(x))-1 < (__typeof__(x))1)
#define DSL_DIV(a, b)                                                                    \
    ({                                                                                   \
        __typeof__(a) dsl_a_ = (a), dsl_b_ = (b);                                        \
        dsl_b_ == 0 ? (__typeof__(a))0                                                   \
        : (DSL_IS_SIGNED(dsl_a_) && dsl_b_ == (__typeof__(a))-1) ? (__typeof__(a))((unsigned __int128)0 - (unsigned __int128)dsl_a_) \
                                                                 : dsl_a_ / dsl_b_;      \
    })
#define DSL_REM(a, b)                                                                    \
    ({                                                                                   \
        __typeof__(a) dsl_a_ = (a), dsl_b_ = (b);                                        \
        dsl_b_ == 0 ? dsl_a_                                                             \
        : (DSL_IS_SIGNED(dsl_a_) && dsl_b_ == (__typeof__(a))-1) ? (__typeof__(a))0      \
                                                                 : dsl_a_ % dsl_b_;      \
    })

#endif
