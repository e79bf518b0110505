#include "code-pages.h"

#include <stdlib.h>
#include <sys/mman.h>

#include "guest-memory.h"

#define PAGE_COUNT (GUEST_SPACE_SIZE / GUEST_PAGE_SIZE)

/* one bit per guest page, set while it is write-protected for code; bits
 * change with atomics: the fault handler clears them */
static uint64_t *protected_bits;

static bool ensure_tables(void)
{
    if (protected_bits)
        return true;
    void *bits = mmap(NULL, PAGE_COUNT / 8, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (bits == MAP_FAILED)
        return false;
    __atomic_store_n(&protected_bits, bits, __ATOMIC_RELEASE);
    return true;
}

static bool test_and_set(uint64_t page)
{
    uint64_t bit = UINT64_C(1) << (page % 64);
    return __atomic_fetch_or(&protected_bits[page / 64], bit, __ATOMIC_ACQ_REL) & bit;
}

static bool test_and_clear(uint64_t page)
{
    uint64_t bit = UINT64_C(1) << (page % 64);
    return __atomic_fetch_and(&protected_bits[page / 64], ~bit, __ATOMIC_ACQ_REL) & bit;
}

/* The host protection a guest page has when it holds no code. */
static void open_page(uint64_t page)
{
    int prot = guest_page_prot(page * GUEST_PAGE_SIZE);
    if (prot >= 0)
        mprotect(g2h(page * GUEST_PAGE_SIZE), GUEST_PAGE_SIZE, (prot & PROT_EXEC ? PROT_READ : 0) | (prot & (PROT_READ | PROT_WRITE)));
}

void code_pages_note(uint64_t start, uint64_t end)
{
    if (end <= start || !ensure_tables())
        return;
    for (uint64_t page = start / GUEST_PAGE_SIZE; page <= (end - 1) / GUEST_PAGE_SIZE; page++) {
        int prot = guest_page_prot(page * GUEST_PAGE_SIZE);
        if (prot < 0 || !(prot & PROT_WRITE))
            continue; /* the guest cannot write it: nothing to watch */
        if (test_and_set(page))
            continue;
        mprotect(g2h(page * GUEST_PAGE_SIZE), GUEST_PAGE_SIZE, PROT_READ);
    }
}

bool code_pages_write_fault(uint64_t addr)
{
    if (!__atomic_load_n(&protected_bits, __ATOMIC_ACQUIRE) || addr >= GUEST_SPACE_SIZE)
        return false;
    uint64_t page = addr / GUEST_PAGE_SIZE;
    if (!test_and_clear(page))
        return false;
    open_page(page);
    return true;
}

bool code_pages_prepare_write(uint64_t addr, uint64_t len)
{
    if (!__atomic_load_n(&protected_bits, __ATOMIC_ACQUIRE) || len == 0 || !guest_in_space(addr, len))
        return false;
    bool opened = false;
    for (uint64_t page = addr / GUEST_PAGE_SIZE; page <= (addr + len - 1) / GUEST_PAGE_SIZE; page++)
        if (test_and_clear(page)) {
            open_page(page);
            opened = true;
        }
    return opened;
}

void code_pages_forget_range(uint64_t addr, uint64_t len)
{
    if (!__atomic_load_n(&protected_bits, __ATOMIC_ACQUIRE) || len == 0 || !guest_in_space(addr, len))
        return;
    for (uint64_t page = addr / GUEST_PAGE_SIZE; page <= (addr + len - 1) / GUEST_PAGE_SIZE; page++)
        test_and_clear(page);
}
