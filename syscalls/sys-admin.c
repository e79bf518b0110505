/* Calls that change the machine rather than the process: the clocks, the
 * host and domain names, the kernel log, capabilities.  Each goes to the host
 * as it is; without the privilege the host refuses, and that refusal is the
 * right answer for the guest too.  struct timespec, timeval, timezone, timex
 * and the capability header and data are laid out alike on every 64-bit Linux. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/capability.h>
#include <sys/klog.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

#include "guest-memory.h"
#include "syscalls.h"

_Static_assert(sizeof(struct timex) == 208, "struct timex of a 64-bit Linux");

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

SYSCALL_HANDLER(clock_settime)
{
    (void)process;
    struct timespec time;
    if (copy_from_guest(&time, args[1], sizeof time) != 0)
        return fail(EFAULT);
    return guest_result(syscall(SYS_clock_settime, (clockid_t)args[0], &time));
}

/* Either argument may be NULL. */
SYSCALL_HANDLER(settimeofday)
{
    (void)process;
    struct timeval time;
    struct timezone zone;
    if (args[0] && copy_from_guest(&time, args[0], sizeof time) != 0)
        return fail(EFAULT);
    if (args[1] && copy_from_guest(&zone, args[1], sizeof zone) != 0)
        return fail(EFAULT);
    return guest_result(syscall(SYS_settimeofday, args[0] ? &time : NULL, args[1] ? &zone : NULL));
}

/* adjtimex and clock_adjtime read the struct and write it back. */
static int64_t adjust_clock(bool with_clock, clockid_t clock, uint64_t guest_addr)
{
    struct timex adjustment;
    if (copy_from_guest(&adjustment, guest_addr, sizeof adjustment) != 0)
        return fail(EFAULT);
    long state = with_clock ? syscall(SYS_clock_adjtime, clock, &adjustment) : syscall(SYS_adjtimex, &adjustment);
    if (state < 0)
        return fail(errno);
    return copy_to_guest(guest_addr, &adjustment, sizeof adjustment) != 0 ? fail(EFAULT) : state;
}

SYSCALL_HANDLER(adjtimex)
{
    (void)process;
    return adjust_clock(false, 0, args[0]);
}

SYSCALL_HANDLER(clock_adjtime)
{
    (void)process;
    return adjust_clock(true, (clockid_t)args[0], args[1]);
}

/* The kernel refuses a name past 64 bytes (__NEW_UTS_LEN) before reading it. */
#define UTS_NAME_LIMIT 64

static int64_t set_name(long host_number, uint64_t guest_addr, uint64_t len)
{
    if (len > UTS_NAME_LIMIT)
        return fail(EINVAL);
    int64_t error;
    const char *name = guest_buffer(guest_addr, len, PROT_READ, &error);
    return name ? guest_result(syscall(host_number, name, (size_t)len)) : error;
}

SYSCALL_HANDLER(sethostname)
{
    (void)process;
    return set_name(SYS_sethostname, args[0], args[1]);
}

SYSCALL_HANDLER(setdomainname)
{
    (void)process;
    return set_name(SYS_setdomainname, args[0], args[1]);
}

/* The kernel log: the read actions (2, 3, 4) fill the guest's buffer, the
 * others take no buffer (9 and 10 answer sizes). */
#define SYSLOG_ACTION_READ 2
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_READ_CLEAR 4

SYSCALL_HANDLER(syslog)
{
    (void)process;
    int action = (int)args[0];
    int len = (int)args[2];
    char *buffer = NULL;
    bool reads = action == SYSLOG_ACTION_READ || action == SYSLOG_ACTION_READ_ALL ||
                 action == SYSLOG_ACTION_READ_CLEAR;
    if (reads && len > 0) {
        int64_t error;
        buffer = guest_buffer(args[1], (uint64_t)len, PROT_WRITE, &error);
        if (!buffer)
            return error;
    }
    return guest_result(klogctl(action, buffer, len));
}

/* Capabilities: the header names the version, which says how many data
 * structs follow (one for version 1, two since); an unknown version makes
 * the kernel write its preferred one back into the header. */
static int capability_data_count(uint32_t version)
{
    switch (version) {
    case _LINUX_CAPABILITY_VERSION_1: return _LINUX_CAPABILITY_U32S_1;
    case _LINUX_CAPABILITY_VERSION_2: return _LINUX_CAPABILITY_U32S_2;
    case _LINUX_CAPABILITY_VERSION_3: return _LINUX_CAPABILITY_U32S_3;
    default: return 0;
    }
}

SYSCALL_HANDLER(capget)
{
    (void)process;
    struct __user_cap_header_struct header;
    struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
    if (copy_from_guest(&header, args[0], sizeof header) != 0)
        return fail(EFAULT);
    uint32_t requested_version = header.version;
    int count = capability_data_count(header.version);
    /* an unknown version fails before the kernel touches data */
    long result = syscall(SYS_capget, &header, args[1] ? data : NULL);
    int saved_errno = errno;
    if (header.version != requested_version && copy_to_guest(args[0], &header, sizeof header) != 0)
        return fail(EFAULT);
    if (result != 0)
        return fail(saved_errno);
    if (args[1] && count && copy_to_guest(args[1], data, count * sizeof data[0]) != 0)
        return fail(EFAULT);
    return 0;
}

SYSCALL_HANDLER(capset)
{
    (void)process;
    struct __user_cap_header_struct header;
    struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
    if (copy_from_guest(&header, args[0], sizeof header) != 0)
        return fail(EFAULT);
    uint32_t requested_version = header.version;
    int count = capability_data_count(header.version);
    if (count && copy_from_guest(data, args[1], count * sizeof data[0]) != 0)
        return fail(EFAULT);
    long result = syscall(SYS_capset, &header, args[1] ? data : NULL);
    int saved_errno = errno;
    if (header.version != requested_version && copy_to_guest(args[0], &header, sizeof header) != 0)
        return fail(EFAULT);
    return result != 0 ? fail(saved_errno) : 0;
}
