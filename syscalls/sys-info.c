/* What the system is: uname, sysinfo, and randomness. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include "arch.h"
#include "guest-memory.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* The host's kernel, as seen by a guest: same names, the guest's machine. */
SYSCALL_HANDLER(uname)
{
    struct utsname names;
    if (uname(&names) != 0)
        return fail(errno);
    snprintf(names.machine, sizeof names.machine, "%s", process->arch->name);
    return copy_to_guest(args[0], &names, sizeof names) != 0 ? fail(EFAULT) : 0;
}

SYSCALL_HANDLER(sysinfo)
{
    (void)process;
    struct sysinfo info;
    if (sysinfo(&info) != 0)
        return fail(errno);
    return copy_to_guest(args[0], &info, sizeof info) != 0 ? fail(EFAULT) : 0;
}

SYSCALL_HANDLER(getrandom)
{
    (void)process;
    int64_t error;
    void *buffer = guest_buffer(args[0], args[1], PROT_WRITE, &error);
    /* GRND_* flags are the same for every Linux. */
    return buffer ? guest_result(getrandom(buffer, args[1], (unsigned)args[2])) : error;
}
