/* Guest <-> host conversions for files, polling and timers; see file-structs.h. */
#define _GNU_SOURCE
#include "file-structs.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <time.h>

#include "guest-memory.h"
#include "guest-structs.h"

_Static_assert(sizeof(struct guest_statfs) == 120, "asm-generic struct statfs is 120 bytes");
_Static_assert(sizeof(struct guest_flock) == 32, "asm-generic struct flock is 32 bytes");
_Static_assert(sizeof(struct guest_epoll_event) == 16, "a 64-bit guest's epoll_event is 16 bytes");
_Static_assert(sizeof(struct guest_pollfd) == 8, "pollfd is 8 bytes");

static int efault(void) { return -guest_errno_from_host(EFAULT); }

void guest_statfs_from_host(struct guest_statfs *guest, const struct statfs *host)
{
    int fsid[2];
    _Static_assert(sizeof host->f_fsid == sizeof fsid, "fsid is two ints");
    memcpy(fsid, &host->f_fsid, sizeof fsid);
    *guest = (struct guest_statfs){
        .f_type = host->f_type,
        .f_bsize = host->f_bsize,
        .f_blocks = host->f_blocks,
        .f_bfree = host->f_bfree,
        .f_bavail = host->f_bavail,
        .f_files = host->f_files,
        .f_ffree = host->f_ffree,
        .f_fsid = {fsid[0], fsid[1]},
        .f_namelen = host->f_namelen,
        .f_frsize = host->f_frsize,
        .f_flags = host->f_flags,
    };
}

/* F_RDLCK/F_WRLCK/F_UNLCK and SEEK_* are 0/1/2 on every Linux but sparc/alpha. */
void host_flock_from_guest(struct flock *host, const struct guest_flock *guest)
{
    *host = (struct flock){
        .l_type = guest->l_type,
        .l_whence = guest->l_whence,
        .l_start = guest->l_start,
        .l_len = guest->l_len,
        .l_pid = guest->l_pid,
    };
}

void guest_flock_from_host(struct guest_flock *guest, const struct flock *host)
{
    *guest = (struct guest_flock){
        .l_type = host->l_type,
        .l_whence = host->l_whence,
        .l_start = host->l_start,
        .l_len = host->l_len,
        .l_pid = host->l_pid,
    };
}

void host_epoll_event_from_guest(struct epoll_event *host, const struct guest_epoll_event *guest)
{
    host->events = guest->events;
    host->data.u64 = guest->data;
}

void guest_epoll_event_from_host(struct guest_epoll_event *guest, const struct epoll_event *host)
{
    *guest = (struct guest_epoll_event){.events = host->events, .data = host->data.u64};
}

int timespec_from_guest(struct timespec *host, uint64_t guest_addr)
{
    struct guest_timespec guest;
    if (copy_from_guest(&guest, guest_addr, sizeof guest) != 0)
        return efault();
    *host = (struct timespec){.tv_sec = guest.tv_sec, .tv_nsec = guest.tv_nsec};
    return 0;
}

int timespec_to_guest(uint64_t guest_addr, const struct timespec *host)
{
    struct guest_timespec guest = {host->tv_sec, host->tv_nsec};
    return copy_to_guest(guest_addr, &guest, sizeof guest) != 0 ? efault() : 0;
}

int itimerspec_from_guest(struct itimerspec *host, uint64_t guest_addr)
{
    struct guest_itimerspec guest;
    if (copy_from_guest(&guest, guest_addr, sizeof guest) != 0)
        return efault();
    host->it_interval = (struct timespec){.tv_sec = guest.interval.tv_sec, .tv_nsec = guest.interval.tv_nsec};
    host->it_value = (struct timespec){.tv_sec = guest.value.tv_sec, .tv_nsec = guest.value.tv_nsec};
    return 0;
}

int itimerspec_to_guest(uint64_t guest_addr, const struct itimerspec *host)
{
    struct guest_itimerspec guest = {
        {host->it_interval.tv_sec, host->it_interval.tv_nsec},
        {host->it_value.tv_sec, host->it_value.tv_nsec},
    };
    return copy_to_guest(guest_addr, &guest, sizeof guest) != 0 ? efault() : 0;
}

int itimerval_from_guest(struct itimerval *host, uint64_t guest_addr)
{
    struct guest_itimerval guest;
    if (copy_from_guest(&guest, guest_addr, sizeof guest) != 0)
        return efault();
    host->it_interval = (struct timeval){.tv_sec = guest.interval.tv_sec, .tv_usec = guest.interval.tv_usec};
    host->it_value = (struct timeval){.tv_sec = guest.value.tv_sec, .tv_usec = guest.value.tv_usec};
    return 0;
}

int itimerval_to_guest(uint64_t guest_addr, const struct itimerval *host)
{
    struct guest_itimerval guest = {
        {host->it_interval.tv_sec, host->it_interval.tv_usec},
        {host->it_value.tv_sec, host->it_value.tv_usec},
    };
    return copy_to_guest(guest_addr, &guest, sizeof guest) != 0 ? efault() : 0;
}

/* The guest's sigset_t is 64 bits, bit n-1 for signal n. */
int host_sigmask_from_guest(uint64_t guest_addr, uint64_t size, sigset_t *storage, sigset_t **mask)
{
    *mask = NULL;
    if (guest_addr == 0)
        return 0;
    uint64_t bits;
    if (size != sizeof bits)
        return -guest_errno_from_host(EINVAL);
    if (copy_from_guest(&bits, guest_addr, sizeof bits) != 0)
        return efault();
    sigemptyset(storage);
    for (int signal = 1; signal <= GUEST_NSIG; signal++) {
        int host = host_signal_from_guest(signal);
        if ((bits & (UINT64_C(1) << (signal - 1))) && host)
            sigaddset(storage, host);
    }
    *mask = storage;
    return 0;
}
