/* What the system is: uname, sysinfo, and randomness. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/random.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

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

/* struct sysinfo of a 64-bit Linux: longs, then shorts and the 32-bit unit,
 * padded to 112 bytes. */
struct guest_sysinfo {
    int64_t uptime;
    uint64_t loads[3];
    uint64_t totalram;
    uint64_t freeram;
    uint64_t sharedram;
    uint64_t bufferram;
    uint64_t totalswap;
    uint64_t freeswap;
    uint16_t procs;
    uint16_t pad;
    uint32_t pad2;
    uint64_t totalhigh;
    uint64_t freehigh;
    uint32_t mem_unit;
    uint32_t pad3;
};
_Static_assert(sizeof(struct guest_sysinfo) == 112, "struct sysinfo is 112 bytes");

SYSCALL_HANDLER(sysinfo)
{
    (void)process;
    struct sysinfo info;
    if (sysinfo(&info) != 0)
        return fail(errno);
    struct guest_sysinfo guest = {
        .uptime = info.uptime,
        .loads = {info.loads[0], info.loads[1], info.loads[2]},
        .totalram = info.totalram,
        .freeram = info.freeram,
        .sharedram = info.sharedram,
        .bufferram = info.bufferram,
        .totalswap = info.totalswap,
        .freeswap = info.freeswap,
        .procs = info.procs,
        .totalhigh = info.totalhigh,
        .freehigh = info.freehigh,
        .mem_unit = info.mem_unit,
    };
    return copy_to_guest(args[0], &guest, sizeof guest) != 0 ? fail(EFAULT) : 0;
}

/* The affinity mask is a bitmap of longs, little-endian 64-bit on both sides. */
SYSCALL_HANDLER(sched_setaffinity)
{
    (void)process;
    uint8_t mask[1024];
    size_t size = args[1] < sizeof mask ? (size_t)args[1] : sizeof mask;
    if (copy_from_guest(mask, args[2], size) != 0)
        return fail(EFAULT);
    return guest_result(syscall(SYS_sched_setaffinity, (pid_t)args[0], size, mask));
}

SYSCALL_HANDLER(getcpu)
{
    (void)process;
    unsigned cpu, node;
    if (syscall(SYS_getcpu, &cpu, &node, NULL) != 0)
        return fail(errno);
    if (args[0] && copy_to_guest(args[0], &cpu, sizeof cpu) != 0)
        return fail(EFAULT);
    if (args[1] && copy_to_guest(args[1], &node, sizeof node) != 0)
        return fail(EFAULT);
    return 0;
}

SYSCALL_HANDLER(getrandom)
{
    (void)process;
    int64_t error;
    void *buffer = guest_buffer(args[0], args[1], PROT_WRITE, &error);
    /* GRND_* flags are the same for every Linux. */
    return buffer ? guest_result(getrandom(buffer, args[1], (unsigned)args[2])) : error;
}
