/* Who the process is: the real, effective, saved and filesystem user and
 * group ids.  Each call goes to the host kernel as a raw syscall, on the
 * calling thread only: the host C library's setuid would signal every host
 * thread, but the guest's C library already broadcasts to its threads itself
 * (as QEMU does). */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest-memory.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* getresuid/getresgid: three 32-bit ids written to three guest pointers. */
static int64_t write_three_ids(const uint64_t *args, long host_number)
{
    uint32_t ids[3];
    if (syscall(host_number, &ids[0], &ids[1], &ids[2]) != 0)
        return fail(errno);
    for (int i = 0; i < 3; i++)
        if (copy_to_guest(args[i], &ids[i], sizeof ids[i]) != 0)
            return fail(EFAULT);
    return 0;
}

SYSCALL_HANDLER(getresuid)
{
    (void)process;
    return write_three_ids(args, SYS_getresuid);
}

SYSCALL_HANDLER(getresgid)
{
    (void)process;
    return write_three_ids(args, SYS_getresgid);
}

/* The ids are 32-bit; -1 (0xffffffff) means "leave unchanged" to the kernel. */
#define ID(index) ((uint32_t)args[index])

SYSCALL_HANDLER(setuid)
{
    (void)process;
    return guest_result(syscall(SYS_setuid, ID(0)));
}

SYSCALL_HANDLER(setgid)
{
    (void)process;
    return guest_result(syscall(SYS_setgid, ID(0)));
}

SYSCALL_HANDLER(setreuid)
{
    (void)process;
    return guest_result(syscall(SYS_setreuid, ID(0), ID(1)));
}

SYSCALL_HANDLER(setregid)
{
    (void)process;
    return guest_result(syscall(SYS_setregid, ID(0), ID(1)));
}

SYSCALL_HANDLER(setresuid)
{
    (void)process;
    return guest_result(syscall(SYS_setresuid, ID(0), ID(1), ID(2)));
}

SYSCALL_HANDLER(setresgid)
{
    (void)process;
    return guest_result(syscall(SYS_setresgid, ID(0), ID(1), ID(2)));
}

/* setfsuid/setfsgid never fail: they return the previous id either way. */
SYSCALL_HANDLER(setfsuid)
{
    (void)process;
    return syscall(SYS_setfsuid, ID(0));
}

SYSCALL_HANDLER(setfsgid)
{
    (void)process;
    return syscall(SYS_setfsgid, ID(0));
}
