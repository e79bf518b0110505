/* Memory calls that act on pages the guest already mapped: msync, mincore
 * and the mlock family.  Guest pages are host pages at g2h(addr), so each
 * call runs on the host range once the guest range is known to be mapped;
 * the reservation around guest mappings is host-mapped too, so the host alone
 * would not see the guest's holes (Linux: ENOMEM). */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest-memory.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

static uint64_t page_round_up(uint64_t value) { return (value + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1); }

/* 0 when [addr, addr+len) is page-aligned at addr and wholly mapped by the
 * guest, else the error Linux gives; *pages_len is len rounded up to pages. */
static int64_t check_mapped(uint64_t addr, uint64_t len, uint64_t *pages_len)
{
    if (addr & (GUEST_PAGE_SIZE - 1))
        return fail(EINVAL);
    if (len > GUEST_SPACE_SIZE || !guest_in_space(addr, page_round_up(len)))
        return fail(ENOMEM);
    *pages_len = page_round_up(len);
    return guest_range_accessible(addr, *pages_len, 0) ? 0 : fail(ENOMEM);
}

SYSCALL_HANDLER(msync)
{
    (void)process;
    uint64_t len;
    int64_t error = check_mapped(args[0], args[1], &len);
    /* MS_ASYNC, MS_INVALIDATE, MS_SYNC are the same for every Linux */
    return error ? error : guest_result(msync(g2h(args[0]), len, (int)args[2]));
}

/* One byte per page, written to the guest's vector. */
SYSCALL_HANDLER(mincore)
{
    (void)process;
    uint64_t len;
    int64_t error = check_mapped(args[0], args[1], &len);
    if (error)
        return error;
    unsigned char *vector = guest_buffer(args[2], len / GUEST_PAGE_SIZE, PROT_WRITE, &error);
    return vector ? guest_result(mincore(g2h(args[0]), len, vector)) : error;
}

/* mlock takes any start address: the range is widened to whole pages. */
static int64_t lock_range(uint64_t addr, uint64_t len, uint64_t *page_start, uint64_t *pages_len)
{
    uint64_t start = addr & ~(GUEST_PAGE_SIZE - 1);
    *page_start = start;
    if (len > GUEST_SPACE_SIZE)
        return fail(ENOMEM);
    return check_mapped(start, len + (addr - start), pages_len);
}

SYSCALL_HANDLER(mlock)
{
    (void)process;
    uint64_t start, len;
    int64_t error = lock_range(args[0], args[1], &start, &len);
    return error ? error : guest_result(mlock(g2h(start), len));
}

SYSCALL_HANDLER(mlock2)
{
    (void)process;
    uint64_t start, len;
    int64_t error = lock_range(args[0], args[1], &start, &len);
    /* MLOCK_ONFAULT is the same for every Linux */
    return error ? error : guest_result(syscall(SYS_mlock2, g2h(start), len, (unsigned)args[2]));
}

SYSCALL_HANDLER(munlock)
{
    (void)process;
    uint64_t start, len;
    int64_t error = lock_range(args[0], args[1], &start, &len);
    return error ? error : guest_result(munlock(g2h(start), len));
}

/* The whole host process, emulator included, as QEMU does: a guest asking
 * for no paging gets none, and the emulator's own pages go with it. */
SYSCALL_HANDLER(mlockall)
{
    (void)process;
    /* MCL_CURRENT, MCL_FUTURE, MCL_ONFAULT are the same for every Linux */
    return guest_result(mlockall((int)args[0]));
}

SYSCALL_HANDLER(munlockall)
{
    (void)process;
    (void)args;
    return guest_result(munlockall());
}
