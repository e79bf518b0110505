/* Process file descriptors: pidfd_open, pidfd_send_signal, pidfd_getfd.
 * A guest process is a host process, so its pidfd is the host's. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest-memory.h"
#include "syscalls.h"

_Static_assert(sizeof(struct guest_siginfo) == sizeof(siginfo_t), "siginfo passes through");

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* PIDFD_NONBLOCK is O_NONBLOCK (and PIDFD_THREAD O_EXCL): the guest's bits,
 * converted; a bit the conversion would drop is refused as the kernel does. */
SYSCALL_HANDLER(pidfd_open)
{
    (void)process;
    uint32_t flags = (uint32_t)args[1];
    int host_flags = host_open_flags(flags);
    if (guest_open_flags(host_flags) != flags)
        return fail(EINVAL);
    return guest_result(syscall(SYS_pidfd_open, (pid_t)args[0], (unsigned)host_flags));
}

/* The signal number is the guest's; a siginfo, when given, has the host's
 * layout and only its signal number converted (as rt_sigqueueinfo). */
SYSCALL_HANDLER(pidfd_send_signal)
{
    (void)process;
    int guest_signal = (int)args[1];
    int host_signal = 0;
    if (guest_signal != 0) {
        host_signal = args[1] <= GUEST_NSIG ? host_signal_from_guest(guest_signal) : 0;
        if (host_signal == 0)
            return fail(EINVAL);
    }
    siginfo_t host_info;
    siginfo_t *info = NULL;
    if (args[2]) {
        struct guest_siginfo guest_info;
        if (copy_from_guest(&guest_info, args[2], sizeof guest_info) != 0)
            return fail(EFAULT);
        memcpy(&host_info, &guest_info, sizeof host_info);
        host_info.si_signo = host_signal;
        info = &host_info;
    }
    return guest_result(syscall(SYS_pidfd_send_signal, (int)args[0], host_signal, info, (unsigned)args[3]));
}

SYSCALL_HANDLER(pidfd_getfd)
{
    (void)process;
    return guest_result(syscall(SYS_pidfd_getfd, (int)args[0], (int)args[1], (unsigned)args[2]));
}
