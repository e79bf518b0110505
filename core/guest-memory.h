/* User-mode guest memory: the whole guest address space is one host
 * reservation at guest_base (host address 0 when the host has that range
 * free), so a guest load is one host load at
 * guest_base + address.  Beside it, the emulator keeps its own page-granular
 * record of what the guest mapped and with which protection (PROT_* bits),
 * used to check syscall pointers and instruction fetches. */
#ifndef EMU_CORE_GUEST_MEMORY_H
#define EMU_CORE_GUEST_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* 2^38 bytes is the Sv39 user address space; every guest address must lie below. */
#define GUEST_SPACE_BITS 38
#define GUEST_SPACE_SIZE (UINT64_C(1) << GUEST_SPACE_BITS)
#define GUEST_PAGE_SIZE UINT64_C(4096)
/* PROT_NONE beyond each end of the space: an access at a checked address
 * plus or minus a 32-bit displacement lands in the guards at worst (and
 * faults there), so translated code checks a base register once for all
 * the displacements it is used with.  The top page of the space is never
 * mapped either, so an access that starts in the space and runs over its
 * end faults at its first byte. */
#define GUEST_GUARD_SIZE ((UINT64_C(1) << 32) + GUEST_PAGE_SIZE)
#define GUEST_MAPPABLE_END (GUEST_SPACE_SIZE - GUEST_PAGE_SIZE)

/* NULL when the space could be placed at host address 0 (usually) */
extern uint8_t *guest_base;

/* in integers: guest_base may be NULL, where pointer arithmetic is undefined */
static inline void *g2h(uint64_t guest_addr) { return (void *)((uintptr_t)guest_base + guest_addr); }
static inline uint64_t h2g(const void *host) { return (uint64_t)((uintptr_t)host - (uintptr_t)guest_base); }
static inline bool guest_in_space(uint64_t guest_addr, uint64_t len)
{
    return guest_addr < GUEST_SPACE_SIZE && len <= GUEST_SPACE_SIZE - guest_addr;
}

/* Whether a host address is in the space or its guards: an access there
 * is the guest's, at guest address host - guest_base (mod 2^64).  (With
 * guest_base 0 the guard below is the top of the host's addresses.) */
static inline bool guest_space_or_guard(const void *host)
{
    uint64_t offset = (uint64_t)(uintptr_t)host - (uint64_t)(uintptr_t)guest_base;
    return offset < GUEST_SPACE_SIZE + GUEST_GUARD_SIZE || offset >= 0 - GUEST_GUARD_SIZE;
}
/* Reserves the address space (PROT_NONE, no backing); false on failure. */
bool guest_memory_reserve(void);

/* Mapping, with Linux semantics and results (0 or -errno).  addr and len are
 * page-aligned; the host mapping is made MAP_FIXED inside the reservation. */
int guest_map(uint64_t addr, uint64_t len, int prot, int flags, int fd, off_t offset);
int guest_unmap(uint64_t addr, uint64_t len);
int guest_protect(uint64_t addr, uint64_t len, int prot);
/* Moves or resizes a mapping with the host's mremap, so file and shared
 * mappings stay what they are: to new_addr (a free range not overlapping the
 * old one), or in place when new_addr == old_addr and the pages after the old
 * range are free.  Pages past the old length take its last page's protection. */
int guest_remap(uint64_t old_addr, uint64_t old_len, uint64_t new_addr, uint64_t new_len);
/* A free, page-aligned range of len bytes at or above hint, searching down
 * from the top of the mmap area when hint is 0; 0 if none. */
uint64_t guest_find_free(uint64_t hint, uint64_t len);

/* Protection of the page holding addr, or -1 when it is not mapped. */
int guest_page_prot(uint64_t addr);
/* True when every page of [addr, addr+len) is mapped with at least prot. */
bool guest_range_accessible(uint64_t addr, uint64_t len, int prot);

/* Checked copies for syscalls: 0, or -EFAULT when a page is not accessible. */
int copy_from_guest(void *dst, uint64_t src, size_t len);
int copy_to_guest(uint64_t dst, const void *src, size_t len);
/* Length of the NUL-terminated guest string at addr (at most max), or -EFAULT. */
ssize_t guest_strnlen(uint64_t addr, size_t max);

#endif
