/* inotify: the descriptor and its watches live in the host kernel; the
 * events read() returns (struct inotify_event: wd, mask, cookie, len, name)
 * are laid out alike on every Linux, so read passes them through. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <sys/inotify.h>

#include "syscalls.h"

/* IN_NONBLOCK and IN_CLOEXEC are the guest's O_NONBLOCK and O_CLOEXEC; a
 * bit the conversion does not know would be dropped, so it is refused here
 * (EINVAL, as the kernel refuses any other bit). */
SYSCALL_HANDLER(inotify_init1)
{
    (void)process;
    uint32_t flags = (uint32_t)args[0];
    int host_flags = host_open_flags(flags);
    if (guest_open_flags(host_flags) != flags)
        return -guest_errno_from_host(EINVAL);
    return guest_result(inotify_init1(host_flags));
}

/* IN_* event bits are the same for every Linux. */
SYSCALL_HANDLER(inotify_add_watch)
{
    char path[PATH_MAX];
    int error = guest_path(process, args[1], path, sizeof path);
    return error ? error : guest_result(inotify_add_watch((int)args[0], path, (uint32_t)args[2]));
}

SYSCALL_HANDLER(inotify_rm_watch)
{
    (void)process;
    return guest_result(inotify_rm_watch((int)args[0], (int)args[1]));
}
