/* The guest memory interface of generated instruction code, user mode:
 * one bounds check, then one host access at guest_base + address.  A fault
 * inside the space (unmapped, protected) arrives as a host signal that
 * core/host-fault.c turns into the running record's exception.  Expects the
 * includer to define RAISE(kind, cause, tval), ARCH_LOAD_FAULT_CAUSE and
 * ARCH_STORE_FAULT_CAUSE.  System mode will put a softmmu TLB behind the
 * same names.
 *
 * GUEST_ACCESS_HOOK(addr, size, is_signed, rw, value) runs after each access
 * that completed (rw: 1 load, 2 store); an includer that reports accesses
 * to plugins defines it, before or after including this file.  An atomic
 * read-modify-write reports its load, then its store (as QEMU does). */
#ifndef EMU_CORE_GUEST_ACCESS_H
#define EMU_CORE_GUEST_ACCESS_H

#include <stdbool.h>
#include <string.h>

#include "guest-memory.h"

#ifndef GUEST_ACCESS_HOOK
#define GUEST_ACCESS_HOOK(addr, size, is_signed, rw, value) ((void)0)
#endif
/* Copies n guest bytes; an access wider than 8 bytes goes low half first,
 * so the half that faults (and the address reported) is the same in every
 * piece of generated code, whatever order a compiler would pick. */
#define GUEST_COPY(dst, src, n)                                                          \
    do {                                                                                 \
        if ((n) > 8) {                                                                   \
            memcpy((uint8_t *)(dst), (const uint8_t *)(src), 8);                        \
            __asm__ volatile("" : : : "memory");                                        \
            memcpy((uint8_t *)(dst) + 8, (const uint8_t *)(src) + 8, (n) - 8);          \
        } else {                                                                         \
            memcpy((dst), (src), (n));                                                   \
        }                                                                                \
    } while (0)
#define GUEST_TYPE_IS_SIGNED(T) _Generic((T)0, int8_t: 1, int16_t: 1, int32_t: 1, int64_t: 1, default: 0)

#define GUEST_ACCESS_CHECK(T, addr, kind_, cause_)                                       \
    ({                                                                                   \
        uint64_t access_addr_ = (addr);                                                  \
        if (__builtin_expect(access_addr_ > GUEST_SPACE_SIZE - sizeof(T), 0))            \
            RAISE(kind_, cause_, access_addr_);                                          \
        access_addr_;                                                                    \
    })
#define LOAD(T, addr)                                                                    \
    ({                                                                                   \
        uint64_t load_addr_ = GUEST_ACCESS_CHECK(T, addr, EXC_LOAD_FAULT, ARCH_LOAD_FAULT_CAUSE); \
        T load_value_;                                                                   \
        GUEST_COPY(&load_value_, g2h(load_addr_), sizeof load_value_);          \
        /* the access happens even when the value is dropped (a load into x0 \
         * still faults): the compiler may not sink it into a branch */      \
        __asm__ volatile("" : : "r"(load_value_));                                      \
        GUEST_ACCESS_HOOK(load_addr_, sizeof(T), GUEST_TYPE_IS_SIGNED(T), 1, load_value_); \
        load_value_;                                                                     \
    })
#define STORE(T, addr, value)                                                            \
    do {                                                                                 \
        T store_value_ = (value);                                                        \
        uint64_t store_addr_ = GUEST_ACCESS_CHECK(T, addr, EXC_STORE_FAULT, ARCH_STORE_FAULT_CAUSE); \
        GUEST_COPY(g2h(store_addr_), &store_value_, sizeof store_value_);        \
        GUEST_ACCESS_HOOK(store_addr_, sizeof(T), false, 2, store_value_);              \
    } while (0)

#define ATOMIC_PTR(T, addr) ((T *)g2h(GUEST_ACCESS_CHECK(T, addr, EXC_STORE_FAULT, ARCH_STORE_FAULT_CAUSE)))
/* new_value is an expression of rmw_old_ (read) and rmw_arg_ (operand) */
#define ATOMIC_RMW(T, addr, op, v, new_value)                                            \
    ({                                                                                   \
        uint64_t rmw_addr_ = (addr);                                                     \
        T rmw_arg_ = (v);                                                                \
        T rmw_old_ = op(ATOMIC_PTR(T, rmw_addr_), rmw_arg_, __ATOMIC_SEQ_CST);           \
        GUEST_ACCESS_HOOK(rmw_addr_, sizeof(T), false, 1, rmw_old_);                    \
        GUEST_ACCESS_HOOK(rmw_addr_, sizeof(T), false, 2, (T)(new_value));              \
        rmw_old_;                                                                        \
    })
#define ATOMIC_XCHG(T, addr, v) ATOMIC_RMW(T, addr, __atomic_exchange_n, v, rmw_arg_)
#define ATOMIC_ADD(T, addr, v) ATOMIC_RMW(T, addr, __atomic_fetch_add, v, rmw_old_ + rmw_arg_)
#define ATOMIC_AND(T, addr, v) ATOMIC_RMW(T, addr, __atomic_fetch_and, v, rmw_old_ & rmw_arg_)
#define ATOMIC_OR(T, addr, v) ATOMIC_RMW(T, addr, __atomic_fetch_or, v, rmw_old_ | rmw_arg_)
#define ATOMIC_XOR(T, addr, v) ATOMIC_RMW(T, addr, __atomic_fetch_xor, v, rmw_old_ ^ rmw_arg_)
#define ATOMIC_CMPXCHG(T, addr, expected, desired)                                       \
    ({                                                                                   \
        uint64_t cas_addr_ = (addr);                                                     \
        T *cas_ptr_ = ATOMIC_PTR(T, cas_addr_);                                          \
        T cas_old_ = (expected);                                                         \
        T cas_new_ = (desired);                                                          \
        bool cas_done_ = __atomic_compare_exchange_n(cas_ptr_, &cas_old_, cas_new_, false, __ATOMIC_SEQ_CST, \
                                                     __ATOMIC_SEQ_CST);                  \
        GUEST_ACCESS_HOOK(cas_addr_, sizeof(T), false, 1, cas_old_);                    \
        GUEST_ACCESS_HOOK(cas_addr_, sizeof(T), false, 2, cas_done_ ? cas_new_ : cas_old_); \
        (void)cas_done_;                                                                 \
        cas_old_;                                                                        \
    })
/* min/max have no host instruction: a compare-and-swap loop, always storing */
#define ATOMIC_MINMAX(T, addr, v, pick_new)                                              \
    ({                                                                                   \
        uint64_t mm_addr_ = (addr);                                                      \
        T *mm_ptr_ = ATOMIC_PTR(T, mm_addr_);                                            \
        T mm_arg_ = (v);                                                                 \
        T mm_old_ = __atomic_load_n(mm_ptr_, __ATOMIC_SEQ_CST);                          \
        while (!__atomic_compare_exchange_n(mm_ptr_, &mm_old_, (pick_new) ? mm_arg_ : mm_old_, false, \
                                            __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))         \
            ;                                                                            \
        GUEST_ACCESS_HOOK(mm_addr_, sizeof(T), false, 1, mm_old_);                      \
        GUEST_ACCESS_HOOK(mm_addr_, sizeof(T), false, 2, (pick_new) ? mm_arg_ : mm_old_); \
        mm_old_;                                                                         \
    })
#define ATOMIC_MIN(T, addr, v) ATOMIC_MINMAX(T, addr, v, mm_arg_ < mm_old_)
#define ATOMIC_MAX(T, addr, v) ATOMIC_MINMAX(T, addr, v, mm_arg_ > mm_old_)

#endif
