/* Futexes run on the host's futex at the guest word's host address (guest
 * memory is host memory): the kernel compares and sleeps exactly as it
 * would for the guest, guest threads being host threads, and the PI
 * operations see the guest's tids, which are the host's.  The op word's
 * command and flag bits are the same on every Linux. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "guest-memory.h"
#include "log.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* A futex word: 4-aligned and readable (the kernel reads it to compare). */
static int64_t check_word(uint64_t addr, int prot)
{
    if (addr & 3)
        return fail(EINVAL);
    if (!guest_range_accessible(addr, 4, prot))
        return fail(EFAULT);
    return 0;
}

static int64_t host_futex(uint64_t uaddr, int op, uint32_t val, const void *timeout_or_val2, uint64_t uaddr2,
                          uint32_t val3)
{
    return guest_result(
        syscall(SYS_futex, g2h(uaddr), op, val, timeout_or_val2, uaddr2 ? g2h(uaddr2) : NULL, val3));
}

/* The operations that take a struct timespec (relative for WAIT, absolute
 * for the others); NULL waits for ever.  timespec is the same on every
 * 64-bit Linux. */
static int64_t timed(uint64_t uaddr, int op, uint32_t val, uint64_t timeout_addr, uint64_t uaddr2, uint32_t val3)
{
    struct timespec timeout;
    if (timeout_addr && copy_from_guest(&timeout, timeout_addr, sizeof timeout) != 0)
        return fail(EFAULT);
    return host_futex(uaddr, op, val, timeout_addr ? &timeout : NULL, uaddr2, val3);
}

SYSCALL_HANDLER(futex)
{
    (void)process;
    uint64_t uaddr = args[0], uaddr2 = args[4];
    int op = (int)args[1];
    uint32_t val = (uint32_t)args[2], val3 = (uint32_t)args[5];
    int64_t error = check_word(uaddr, PROT_READ);
    if (error)
        return error;
    switch (op & FUTEX_CMD_MASK) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET:
    case FUTEX_LOCK_PI:
    case FUTEX_LOCK_PI2:
    case FUTEX_TRYLOCK_PI:
        return timed(uaddr, op, val, args[3], 0, val3);
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
    case FUTEX_UNLOCK_PI:
        return host_futex(uaddr, op, val, NULL, 0, val3);
    case FUTEX_WAIT_REQUEUE_PI:
        if ((error = check_word(uaddr2, PROT_READ)))
            return error;
        return timed(uaddr, op, val, args[3], uaddr2, val3);
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE:
    case FUTEX_CMP_REQUEUE_PI:
    case FUTEX_WAKE_OP:
        /* the fourth argument is a count (val2), not a pointer */
        if ((error = check_word(uaddr2, (op & FUTEX_CMD_MASK) == FUTEX_WAKE_OP ? PROT_READ | PROT_WRITE : PROT_READ)))
            return error;
        return host_futex(uaddr, op, val, (const void *)(uintptr_t)(uint32_t)args[3], uaddr2, val3);
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("Unsupported futex operation: %d\n", op);
        return fail(ENOSYS);
    }
}
