/* User-mode guest memory: one host reservation for the whole guest space and
 * a byte per guest page recording what the guest mapped there.
 *
 * The reservation is never given back piece by piece: unmapping re-reserves
 * the range PROT_NONE, so no host allocation can land inside guest space and
 * guest_base + address always stays ours. */
#define _GNU_SOURCE
#include "guest-memory.h"

#include "code-pages.h"
#include "host-fault.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

uint8_t *guest_base;

/* One byte per guest page: 0 is unmapped, otherwise PAGE_MAPPED | PROT_*.
 * Anonymous zero pages make the untouched (mostly unmapped) record free. */
#define PAGE_MAPPED 0x80u
#define PAGE_PROT_MASK (PROT_READ | PROT_WRITE | PROT_EXEC)
#define GUEST_PAGE_COUNT (GUEST_SPACE_SIZE / GUEST_PAGE_SIZE)
static uint8_t *page_record;
/* The lowest guest address the host mapping can hold (above 0 when the
 * space is at host address 0: the host's first pages are never mappable). */
static uint64_t space_start;

/* The mmap area grows down from here.  Like Linux's minimum stack gap
 * (128 MiB), it leaves room above for the stack at the top of the space;
 * a larger stack is still safe, as the search skips mapped pages. */
#define GUEST_MMAP_TOP (GUEST_SPACE_SIZE - (UINT64_C(128) << 20) - (UINT64_C(1) << 20))
/* Nothing is ever placed in the first pages, so a NULL pointer stays a fault. */
#define GUEST_MMAP_BOTTOM (UINT64_C(64) << 10)

static const int reserve_flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;

static uint64_t page_index(uint64_t addr) { return addr / GUEST_PAGE_SIZE; }

static bool page_aligned(uint64_t value) { return (value & (GUEST_PAGE_SIZE - 1)) == 0; }

/* The lowest address the host lets a process map (vm.mmap_min_addr). */
static uint64_t host_mmap_min(void)
{
    uint64_t min = UINT64_C(64) << 10;
    FILE *f = fopen("/proc/sys/vm/mmap_min_addr", "r");
    if (f) {
        unsigned long long value;
        if (fscanf(f, "%llu", &value) == 1)
            min = value;
        fclose(f);
    }
    min = (min + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1);
    return min ? min : GUEST_PAGE_SIZE;
}

/* The space at host address 0 (guest addresses are host addresses, so
 * translated code adds no base), from the host's lowest mappable page,
 * with the guard above; the guard below is the kernel half of the host's
 * addresses.  false when the host has something there. */
static bool reserve_at_zero(void)
{
    uint64_t low = host_mmap_min();
    if (low > GUEST_MMAP_BOTTOM)
        return false; /* guest programs are linked to load lower */
    uint64_t size = GUEST_SPACE_SIZE + GUEST_GUARD_SIZE - low;
    void *space = mmap((void *)(uintptr_t)low, size, PROT_NONE, reserve_flags | MAP_FIXED_NOREPLACE, -1, 0);
    if (space == MAP_FAILED)
        return false;
    if (space != (void *)(uintptr_t)low) { /* a kernel without MAP_FIXED_NOREPLACE took it as a hint */
        munmap(space, size);
        return false;
    }
    guest_base = NULL;
    space_start = low;
    return true;
}

bool guest_memory_reserve(void)
{
    /* The record and the host mappings assume the guest page is a host page. */
    if (sysconf(_SC_PAGESIZE) != (long)GUEST_PAGE_SIZE)
        return false;
    void *record = mmap(NULL, GUEST_PAGE_COUNT, PROT_READ | PROT_WRITE, reserve_flags, -1, 0);
    if (record == MAP_FAILED)
        return false;
    if (!reserve_at_zero()) {
        uint64_t reserved = GUEST_GUARD_SIZE + GUEST_SPACE_SIZE + GUEST_GUARD_SIZE;
        uint8_t *space = mmap(NULL, reserved, PROT_NONE, reserve_flags, -1, 0);
        if (space == MAP_FAILED) {
            munmap(record, GUEST_PAGE_COUNT);
            return false;
        }
        guest_base = space + GUEST_GUARD_SIZE;
    }
    page_record = record;
    return true;
}

/* Whether a guest range is a valid argument to map, unmap or protect. */
static int check_range(uint64_t addr, uint64_t len)
{
    if (!page_aligned(addr) || !page_aligned(len) || len == 0)
        return -EINVAL;
    if (!guest_in_space(addr, len))
        return -ENOMEM;
    return 0;
}

static void record_set(uint64_t addr, uint64_t len, uint8_t value)
{
    memset(page_record + page_index(addr), value, len / GUEST_PAGE_SIZE);
    /* the host protection there is the guest's again */
    code_pages_forget_range(addr, len);
}

/* The host never runs guest code, but the emulator must be able to read it. */
static int host_prot(int prot)
{
    int host = prot & (PROT_READ | PROT_WRITE);
    if (prot & PROT_EXEC)
        host |= PROT_READ;
    return host;
}

int guest_map(uint64_t addr, uint64_t len, int prot, int flags, int fd, off_t offset)
{
    int error = check_range(addr, len);
    if (error)
        return error;
    if (addr + len > GUEST_MAPPABLE_END)
        return -ENOMEM;
    if (addr < space_start)
        return -EPERM; /* Linux: below vm.mmap_min_addr */
    /* Placement is decided by the caller; NOREPLACE is checked against the
     * record by the caller too, as the host would always see the reservation. */
    flags &= ~(MAP_FIXED_NOREPLACE | MAP_GROWSDOWN);
    void *host = mmap(g2h(addr), len, host_prot(prot), flags | MAP_FIXED, fd, offset);
    if (host == MAP_FAILED)
        return -errno;
    if ((flags & MAP_ANONYMOUS) && len >= (UINT64_C(2) << 20))
        madvise(host, len, MADV_HUGEPAGE);
    record_set(addr, len, (uint8_t)(PAGE_MAPPED | (prot & PAGE_PROT_MASK)));
    return 0;
}

int guest_unmap(uint64_t addr, uint64_t len)
{
    int error = check_range(addr, len);
    if (error)
        return error;
    if (mmap(g2h(addr), len, PROT_NONE, reserve_flags | MAP_FIXED, -1, 0) == MAP_FAILED)
        return -errno;
    record_set(addr, len, 0);
    return 0;
}

int guest_protect(uint64_t addr, uint64_t len, int prot)
{
    int error = check_range(addr, len);
    if (error)
        return error;
    for (uint64_t page = page_index(addr); page < page_index(addr + len); page++)
        if (page_record[page] == 0)
            return -ENOMEM; /* Linux: part of the range is not mapped */
    if (mprotect(g2h(addr), len, host_prot(prot)) != 0)
        return -errno;
    record_set(addr, len, (uint8_t)(PAGE_MAPPED | (prot & PAGE_PROT_MASK)));
    return 0;
}

int guest_remap(uint64_t old_addr, uint64_t old_len, uint64_t new_addr, uint64_t new_len)
{
    int error = check_range(old_addr, old_len);
    if (!error)
        error = check_range(new_addr, new_len);
    if (!error && (new_addr + new_len > GUEST_MAPPABLE_END || new_addr < space_start))
        error = -ENOMEM;
    if (error)
        return error;
    uint8_t last = page_record[page_index(old_addr + old_len - 1)];
    void *moved;
    if (new_addr == old_addr) {
        /* The reservation fills the pages to grow into: give them to the
         * host for the moment the mapping takes them. */
        uint64_t tail = old_addr + old_len, grow = new_len - old_len;
        if (new_len <= old_len || munmap(g2h(tail), grow) != 0)
            return -EINVAL;
        moved = mremap(g2h(old_addr), old_len, new_len, 0);
        if (moved == MAP_FAILED) {
            int saved = errno;
            mmap(g2h(tail), grow, PROT_NONE, reserve_flags | MAP_FIXED, -1, 0);
            return -saved;
        }
        memset(page_record + page_index(tail), last, grow / GUEST_PAGE_SIZE);
        return 0;
    }
    moved = mremap(g2h(old_addr), old_len, new_len, MREMAP_MAYMOVE | MREMAP_FIXED, g2h(new_addr));
    if (moved == MAP_FAILED)
        return -errno;
    /* The host left a hole where the mapping was: reserve it again. */
    mmap(g2h(old_addr), old_len, PROT_NONE, reserve_flags | MAP_FIXED, -1, 0);
    uint64_t kept = old_len < new_len ? old_len : new_len;
    memmove(page_record + page_index(new_addr), page_record + page_index(old_addr), kept / GUEST_PAGE_SIZE);
    if (new_len > old_len)
        memset(page_record + page_index(new_addr + old_len), last, (new_len - old_len) / GUEST_PAGE_SIZE);
    record_set(old_addr, old_len, 0);
    return 0;
}

uint64_t guest_find_free(uint64_t hint, uint64_t len)
{
    len = (len + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1);
    if (len == 0 || len > GUEST_MMAP_TOP - GUEST_MMAP_BOTTOM)
        return 0;
    if (hint != 0) {
        hint = (hint + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1);
        /* Upwards from hint: count free pages until a run is long enough. */
        uint64_t run_start = hint, run = 0;
        for (uint64_t addr = hint; addr < GUEST_SPACE_SIZE; addr += GUEST_PAGE_SIZE) {
            if (page_record[page_index(addr)] != 0) {
                run = 0;
                run_start = addr + GUEST_PAGE_SIZE;
            } else if ((run += GUEST_PAGE_SIZE) == len) {
                return run_start;
            }
        }
        return 0;
    }
    /* Downwards from the top of the mmap area, as Linux's top-down allocator. */
    uint64_t run_end = GUEST_MMAP_TOP, run = 0;
    for (uint64_t addr = GUEST_MMAP_TOP; addr > GUEST_MMAP_BOTTOM; addr -= GUEST_PAGE_SIZE) {
        if (page_record[page_index(addr - GUEST_PAGE_SIZE)] != 0) {
            run = 0;
            run_end = addr - GUEST_PAGE_SIZE;
        } else if ((run += GUEST_PAGE_SIZE) == len) {
            return run_end - len;
        }
    }
    return 0;
}

int guest_page_prot(uint64_t addr)
{
    if (addr >= GUEST_SPACE_SIZE)
        return -1;
    uint8_t entry = page_record[page_index(addr)];
    return entry ? (entry & PAGE_PROT_MASK) : -1;
}

bool guest_range_accessible(uint64_t addr, uint64_t len, int prot)
{
    if (len == 0)
        return true;
    if (!guest_in_space(addr, len))
        return false;
    for (uint64_t page = page_index(addr); page <= page_index(addr + len - 1); page++) {
        uint8_t entry = page_record[page];
        if (entry == 0 || (entry & prot) != (prot & PAGE_PROT_MASK))
            return false;
    }
    return true;
}

int copy_from_guest(void *dst, uint64_t src, size_t len)
{
    if (!guest_range_accessible(src, len, PROT_READ))
        return -EFAULT;
    return host_copy_nofault(dst, g2h(src), len) ? 0 : -EFAULT;
}

int copy_to_guest(uint64_t dst, const void *src, size_t len)
{
    if (!guest_range_accessible(dst, len, PROT_WRITE))
        return -EFAULT;
    return host_copy_nofault(g2h(dst), src, len) ? 0 : -EFAULT;
}

ssize_t guest_strnlen(uint64_t addr, size_t max)
{
    size_t length = 0;
    while (length < max) {
        uint64_t at = addr + length;
        if (!guest_range_accessible(at, 1, PROT_READ))
            return -EFAULT;
        /* Search to the end of this page at most: the next may be unmapped. */
        size_t in_page = GUEST_PAGE_SIZE - (at & (GUEST_PAGE_SIZE - 1));
        if (in_page > max - length)
            in_page = max - length;
        ssize_t found = host_strnlen_nofault(g2h(at), in_page);
        if (found < 0)
            return -EFAULT;
        if ((size_t)found < in_page)
            return (ssize_t)(length + (size_t)found);
        length += in_page;
    }
    return (ssize_t)max;
}
