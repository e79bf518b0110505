/* The guest's address space: brk, mmap and friends, on top of
 * core/guest-memory.  Any change to pages that held guest code drops the
 * translated blocks, as their bytes may now be different. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>

#include "cpu.h"
#include "exec.h"
#include "guest-memory.h"
#include "mapping-names.h"
#include "syscalls.h"

/* PROT_* bits: asm-generic's equal the host's. */
#define GUEST_PROT_MASK (PROT_READ | PROT_WRITE | PROT_EXEC)

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

static uint64_t page_floor(uint64_t addr) { return addr & ~(GUEST_PAGE_SIZE - 1); }

/* Rounds len up to pages; 0 when that overflows the guest space. */
static uint64_t page_length(uint64_t len)
{
    if (len > GUEST_SPACE_SIZE)
        return 0;
    return page_floor(len + GUEST_PAGE_SIZE - 1);
}

static bool range_free(uint64_t addr, uint64_t len)
{
    for (uint64_t page = addr; page < addr + len; page += GUEST_PAGE_SIZE)
        if (guest_page_prot(page) >= 0)
            return false;
    return true;
}

static bool range_mapped(uint64_t addr, uint64_t len)
{
    for (uint64_t page = addr; page < addr + len; page += GUEST_PAGE_SIZE)
        if (guest_page_prot(page) < 0)
            return false;
    return true;
}

static void forget_code_in(struct linux_process *process, uint64_t addr, uint64_t len)
{
    for (uint64_t page = addr; page < addr + len; page += GUEST_PAGE_SIZE) {
        int prot = guest_page_prot(page);
        if (prot >= 0 && (prot & PROT_EXEC)) {
            process_flush_code(process);
            return;
        }
    }
}

/* The address-space syscalls run one at a time (process->memory_lock), so
 * a thread never sees another's half-made change to the page record. */
static int64_t locked(struct linux_process *process, syscall_handler *body, const uint64_t *args)
{
    pthread_mutex_lock(&process->memory_lock);
    int64_t result = body(process, args);
    pthread_mutex_unlock(&process->memory_lock);
    return result;
}

#define LOCKED_HANDLER(name)                                                                                   \
    static int64_t name##_unlocked(struct linux_process *process, const uint64_t *args);                      \
    SYSCALL_HANDLER(name) { return locked(process, name##_unlocked, args); }                                  \
    static int64_t name##_unlocked(struct linux_process *process, const uint64_t *args)

LOCKED_HANDLER(brk)
{
    uint64_t wanted = args[0];
    uint64_t current = process->brk_current;
    if (wanted < process->brk_start || !guest_in_space(wanted, 0))
        return (int64_t)current;
    uint64_t mapped_end = page_length(current), new_end = page_length(wanted);
    if (new_end > mapped_end) {
        /* Refuse to grow into anything already mapped, as Linux does. */
        if (!range_free(mapped_end, new_end - mapped_end) ||
            guest_map(mapped_end, new_end - mapped_end, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
                      0) != 0)
            return (int64_t)current;
    } else if (new_end < mapped_end) {
        guest_unmap(new_end, mapped_end - new_end);
    }
    process->brk_current = wanted;
    return (int64_t)wanted;
}

/* Where a mapping without MAP_FIXED goes: the hint when it is free, else
 * the top-down search; 0 when there is no room. */
static uint64_t choose_address(uint64_t hint, uint64_t len)
{
    hint = page_floor(hint);
    if (hint != 0 && guest_in_space(hint, len) && range_free(hint, len))
        return hint;
    return guest_find_free(0, len);
}

LOCKED_HANDLER(mmap)
{
    uint64_t addr = args[0], flags = args[3], offset = args[5];
    int prot = (int)args[2];
    uint64_t len = page_length(args[1]);
    uint64_t type = flags & GUEST_MAP_TYPE;
    if (args[1] == 0 || (offset & (GUEST_PAGE_SIZE - 1)) || (prot & ~GUEST_PROT_MASK) ||
        (type != GUEST_MAP_SHARED && type != GUEST_MAP_PRIVATE && type != GUEST_MAP_SHARED_VALIDATE))
        return fail(EINVAL);
    if (len == 0)
        return fail(ENOMEM);
    uint64_t target;
    if (flags & (GUEST_MAP_FIXED | GUEST_MAP_FIXED_NOREPLACE)) {
        if (addr & (GUEST_PAGE_SIZE - 1))
            return fail(EINVAL);
        if (!guest_in_space(addr, len))
            return fail(ENOMEM);
        if (!(flags & GUEST_MAP_FIXED) && !range_free(addr, len))
            return fail(EEXIST);
        target = addr;
    } else {
        target = choose_address(addr, len);
        if (target == 0)
            return fail(ENOMEM);
    }
    bool anonymous = (flags & GUEST_MAP_ANONYMOUS) != 0;
    forget_code_in(process, target, len);
    int error = guest_map(target, len, prot, host_mmap_flags(flags), anonymous ? -1 : (int)args[4],
                          anonymous ? 0 : (off_t)offset);
    if (!error) /* for /proc/self/maps */
        mapping_names_note(target, target + len, anonymous ? -1 : (int)args[4], offset, type != GUEST_MAP_PRIVATE);
    return error ? error : (int64_t)target;
}

LOCKED_HANDLER(munmap)
{
    uint64_t addr = args[0], len = page_length(args[1]);
    if ((addr & (GUEST_PAGE_SIZE - 1)) || len == 0 || !guest_in_space(addr, len))
        return fail(EINVAL);
    forget_code_in(process, addr, len);
    mapping_names_forget(addr, addr + len);
    return guest_unmap(addr, len);
}

LOCKED_HANDLER(mprotect)
{
    uint64_t addr = args[0], len = page_length(args[1]);
    int prot = (int)args[2];
    if ((addr & (GUEST_PAGE_SIZE - 1)) || (prot & ~GUEST_PROT_MASK))
        return fail(EINVAL);
    if (args[1] == 0)
        return 0;
    if (len == 0 || !guest_in_space(addr, len))
        return fail(ENOMEM);
    forget_code_in(process, addr, len);
    return guest_protect(addr, len, prot);
}

LOCKED_HANDLER(madvise)
{
    (void)process;
    uint64_t addr = args[0], len = page_length(args[1]);
    int advice = (int)args[2];
    if (addr & (GUEST_PAGE_SIZE - 1))
        return fail(EINVAL);
    if (len == 0)
        return 0;
    if (!guest_in_space(addr, len) || !range_mapped(addr, len))
        return fail(ENOMEM);
    /* Advice that changes what the guest reads back (DONTNEED zeroes
     * anonymous memory, glibc's malloc relies on it; REMOVE punches a hole in
     * the file) or what a child inherits reaches the host; every other advice
     * is only a hint and is accepted.  MADV_* values are asm-generic's on both. */
    static const int effective[] = {MADV_DONTNEED, MADV_REMOVE, MADV_DONTFORK, MADV_DOFORK,
                                    MADV_WIPEONFORK, MADV_KEEPONFORK};
    for (size_t i = 0; i < sizeof effective / sizeof effective[0]; i++)
        if (advice == effective[i])
            return guest_result(madvise(g2h(addr), len, advice));
    return 0;
}

/* Moves a mapping with the host's mremap (guest_remap), so the pages
 * themselves move: a shared or file mapping stays shared with the file. */
static int64_t move_mapping(struct linux_process *process, uint64_t old_addr, uint64_t old_len, uint64_t target,
                            uint64_t new_len)
{
    forget_code_in(process, old_addr, old_len);
    int error = guest_remap(old_addr, old_len, target, new_len);
    return error ? error : (int64_t)target;
}

LOCKED_HANDLER(mremap)
{
    enum { MAYMOVE = 1, FIXED = 2 }; /* MREMAP_DONTUNMAP is refused */
    uint64_t old_addr = args[0], old_len = page_length(args[1]), new_len = page_length(args[2]);
    uint64_t flags = args[3], new_addr = args[4];
    if ((old_addr & (GUEST_PAGE_SIZE - 1)) || (flags & ~(uint64_t)(MAYMOVE | FIXED)) ||
        ((flags & FIXED) && !(flags & MAYMOVE)) || new_len == 0 || old_len == 0)
        return fail(EINVAL);
    if (!guest_in_space(old_addr, old_len) || !range_mapped(old_addr, old_len))
        return fail(EFAULT);
    if (flags & FIXED) {
        if ((new_addr & (GUEST_PAGE_SIZE - 1)) || !guest_in_space(new_addr, new_len) ||
            (new_addr < old_addr + old_len && old_addr < new_addr + new_len))
            return fail(EINVAL);
        forget_code_in(process, new_addr, new_len);
        guest_unmap(new_addr, new_len);
        return move_mapping(process, old_addr, old_len, new_addr, new_len);
    }
    if (new_len <= old_len) {
        if (new_len < old_len) {
            forget_code_in(process, old_addr + new_len, old_len - new_len);
            guest_unmap(old_addr + new_len, old_len - new_len);
        }
        return (int64_t)old_addr;
    }
    uint64_t tail = old_addr + old_len, grow = new_len - old_len;
    if (guest_in_space(tail, grow) && range_free(tail, grow)) {
        int error = guest_remap(old_addr, old_len, old_addr, new_len);
        /* EFAULT: the range is several host mappings, as it would be several VMAs in Linux. */
        if (!error || !(flags & MAYMOVE))
            return error ? error : (int64_t)old_addr;
    }
    if (!(flags & MAYMOVE))
        return fail(ENOMEM);
    uint64_t target = guest_find_free(0, new_len);
    return target ? move_mapping(process, old_addr, old_len, target, new_len) : fail(ENOMEM);
}

/* The guest rewrote code and says so: drop every translated block. */
SYSCALL_HANDLER(riscv_flush_icache)
{
    (void)args;
    process_flush_code(process);
    return 0;
}
