/* shmat and shmdt: a System V segment mapped into guest memory.  The host
 * attaches the segment inside the guest reservation, over pages first
 * mapped and recorded through guest_map, so the page record (what syscall
 * pointer checks and instruction fetch consult) knows them.  Detaching maps
 * the reservation back over the range, which also detaches the host segment
 * (nattch drops when its mapping goes), so the reservation never has a hole. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/shm.h>

#include "guest-memory.h"
#include "mapping-names.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* SHMLBA of riscv64 and aarch64 Linux: the page size. */
#define GUEST_SHMLBA GUEST_PAGE_SIZE

/* What is attached where, for shmdt, which gets only the address.  A fork
 * inherits the attachments and this list together. */
struct attachment {
    uint64_t addr;
    uint64_t len;
};
static struct attachment *attachments;
static size_t attachment_count, attachment_capacity;

static bool remember(uint64_t addr, uint64_t len)
{
    if (attachment_count == attachment_capacity) {
        size_t capacity = attachment_capacity ? attachment_capacity * 2 : 16;
        struct attachment *grown = realloc(attachments, capacity * sizeof *grown);
        if (!grown)
            return false;
        attachments = grown;
        attachment_capacity = capacity;
    }
    attachments[attachment_count++] = (struct attachment){addr, len};
    return true;
}

static bool range_free(uint64_t addr, uint64_t len)
{
    for (uint64_t page = addr; page < addr + len; page += GUEST_PAGE_SIZE)
        if (guest_page_prot(page) >= 0)
            return false;
    return true;
}

static int64_t attach(int id, uint64_t addr, int flags)
{
    struct shmid_ds segment;
    if (shmctl(id, IPC_STAT, &segment) != 0)
        return fail(errno);
    uint64_t len = ((uint64_t)segment.shm_segsz + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1);
    if (addr == 0) {
        addr = guest_find_free(0, len);
        if (addr == 0)
            return fail(ENOMEM);
    } else {
        if (addr & (GUEST_SHMLBA - 1)) {
            if (!(flags & SHM_RND))
                return fail(EINVAL);
            addr &= ~(GUEST_SHMLBA - 1);
        }
        if (!guest_in_space(addr, len) || addr == 0)
            return fail(EINVAL);
        /* Linux refuses to attach over a mapping unless told to replace it */
        if (!(flags & SHM_REMAP) && !range_free(addr, len))
            return fail(EINVAL);
    }
    int prot = PROT_READ | ((flags & SHM_RDONLY) ? 0 : PROT_WRITE) | ((flags & SHM_EXEC) ? PROT_EXEC : 0);
    int error = guest_map(addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (error)
        return fail(-error);
    /* the host never runs guest code: SHM_EXEC stays out of the host's flags */
    if (shmat(id, g2h(addr), (flags & SHM_RDONLY) | SHM_REMAP) == (void *)-1) {
        int saved_errno = errno;
        guest_unmap(addr, len);
        return fail(saved_errno);
    }
    mapping_names_forget(addr, addr + len);
    if (!remember(addr, len)) {
        guest_unmap(addr, len);
        return fail(ENOMEM);
    }
    return (int64_t)addr;
}

SYSCALL_HANDLER(shmat)
{
    pthread_mutex_lock(&process->memory_lock);
    int64_t result = attach((int)args[0], args[1], (int)args[2]);
    pthread_mutex_unlock(&process->memory_lock);
    return result;
}

static int64_t detach(uint64_t addr)
{
    for (size_t i = 0; i < attachment_count; i++) {
        if (attachments[i].addr != addr)
            continue;
        int error = guest_unmap(addr, attachments[i].len);
        if (error)
            return fail(-error);
        mapping_names_forget(addr, addr + attachments[i].len);
        attachments[i] = attachments[--attachment_count];
        return 0;
    }
    return fail(EINVAL); /* nothing attached there */
}

SYSCALL_HANDLER(shmdt)
{
    pthread_mutex_lock(&process->memory_lock);
    int64_t result = detach(args[0]);
    pthread_mutex_unlock(&process->memory_lock);
    return result;
}
