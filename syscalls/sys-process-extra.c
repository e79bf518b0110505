/* Process calls with an emulator's twist: process_vm_readv/writev (guest
 * addresses mean something only in this process) and personality. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "guest-memory.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* A guest iovec array as host iovecs over checked guest buffers. */
static int64_t host_iovecs(uint64_t guest_iov, uint64_t count, int prot, struct iovec *host)
{
    if (count > IOV_MAX)
        return fail(EINVAL);
    for (uint64_t i = 0; i < count; i++) {
        struct guest_iovec guest;
        int64_t error;
        if (copy_from_guest(&guest, guest_iov + i * sizeof guest, sizeof guest) != 0)
            return fail(EFAULT);
        void *buffer = guest_buffer(guest.base, guest.len, prot, &error);
        if (!buffer)
            return error;
        host[i] = (struct iovec){buffer, guest.len};
    }
    return 0;
}

/* Another process's guest addresses are relative to its own guest_base,
 * which this process cannot know: only the caller itself is reachable, and
 * any other pid is refused as the kernel refuses a process it may not trace. */
static int64_t transfer(const uint64_t *args, bool write_remote)
{
    pid_t pid = (pid_t)args[0];
    if (args[5] != 0)
        return fail(EINVAL); /* flags: none defined */
    if (pid != getpid())
        return fail(EPERM);
    struct iovec local[IOV_MAX], remote[IOV_MAX];
    int64_t error = host_iovecs(args[1], args[2], write_remote ? PROT_READ : PROT_WRITE, local);
    if (!error)
        error = host_iovecs(args[3], args[4], write_remote ? PROT_WRITE : PROT_READ, remote);
    if (error)
        return error;
    ssize_t moved = write_remote ? process_vm_writev(pid, local, args[2], remote, args[4], 0)
                                 : process_vm_readv(pid, local, args[2], remote, args[4], 0);
    return guest_result(moved);
}

SYSCALL_HANDLER(process_vm_readv)
{
    (void)process;
    return transfer(args, false);
}

SYSCALL_HANDLER(process_vm_writev)
{
    (void)process;
    return transfer(args, true);
}

/* The execution domain is the host process's, as under QEMU, so it is
 * inherited across fork and exec as Linux does (setarch -R works); the
 * flags that matter to a Linux guest (ADDR_NO_RANDOMIZE...) act on the host
 * layout, and emu shows the guest's machine in uname whatever it says.
 * 0xffffffff queries; the previous value is returned. */
SYSCALL_HANDLER(personality)
{
    (void)process;
    return guest_result(syscall(SYS_personality, (unsigned)args[0]));
}
