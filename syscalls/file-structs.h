/* Guest <-> host conversions of the structs that files, polling and timers
 * exchange (asm-generic 64-bit ABI against the host's), in one place:
 * struct statfs, struct flock, struct epoll_event, struct pollfd and the
 * time structs of timers.  Where the layouts agree the conversion is still
 * field by field, so a host where one differs only needs this file. */
#ifndef EMU_SYSCALLS_FILE_STRUCTS_H
#define EMU_SYSCALLS_FILE_STRUCTS_H

#include <signal.h>
#include <stdint.h>

struct statfs;
struct flock;
struct epoll_event;
struct itimerspec;
struct itimerval;
struct timespec;

/* include/uapi/asm-generic/statfs.h, 64-bit: every field a long. */
struct guest_statfs {
    int64_t f_type;
    int64_t f_bsize;
    uint64_t f_blocks;
    uint64_t f_bfree;
    uint64_t f_bavail;
    uint64_t f_files;
    uint64_t f_ffree;
    int32_t f_fsid[2];
    int64_t f_namelen;
    int64_t f_frsize;
    int64_t f_flags;
    int64_t f_spare[4];
};
void guest_statfs_from_host(struct guest_statfs *guest, const struct statfs *host);

/* asm-generic struct flock with 64-bit off_t. */
struct guest_flock {
    int16_t l_type;
    int16_t l_whence;
    int32_t pad1;
    int64_t l_start;
    int64_t l_len;
    int32_t l_pid;
    int32_t pad2;
};
void host_flock_from_guest(struct flock *host, const struct guest_flock *guest);
void guest_flock_from_host(struct guest_flock *guest, const struct flock *host);

/* struct epoll_event: naturally aligned on riscv64 and arm64 (16 bytes),
 * packed on an x86-64 host (12 bytes). */
struct guest_epoll_event {
    uint32_t events;
    uint32_t pad;
    uint64_t data;
};
void host_epoll_event_from_guest(struct epoll_event *host, const struct guest_epoll_event *guest);
void guest_epoll_event_from_host(struct guest_epoll_event *guest, const struct epoll_event *host);

/* struct pollfd: int fd, short events, short revents everywhere; POLL*
 * bits are asm-generic's on the guest and on x86-64/arm64 hosts. */
struct guest_pollfd {
    int32_t fd;
    int16_t events;
    int16_t revents;
};

/* Time values of 64-bit guests: two 64-bit words each. */
struct guest_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};
struct guest_itimerspec {
    struct guest_timespec interval;
    struct guest_timespec value;
};
struct guest_timeval {
    int64_t tv_sec;
    int64_t tv_usec;
};
struct guest_itimerval {
    struct guest_timeval interval;
    struct guest_timeval value;
};
/* Read from and write to guest memory; 0 or -EFAULT (a guest errno). */
int timespec_from_guest(struct timespec *host, uint64_t guest_addr);
int timespec_to_guest(uint64_t guest_addr, const struct timespec *host);
int itimerspec_from_guest(struct itimerspec *host, uint64_t guest_addr);
int itimerspec_to_guest(uint64_t guest_addr, const struct itimerspec *host);
int itimerval_from_guest(struct itimerval *host, uint64_t guest_addr);
int itimerval_to_guest(uint64_t guest_addr, const struct itimerval *host);

/* A guest sigset_t argument (pointer and size, as ppoll/epoll_pwait take
 * them) as a host signal mask; NULL in *mask when the guest gave none.
 * 0 or a negative guest errno. */
int host_sigmask_from_guest(uint64_t guest_addr, uint64_t size, sigset_t *storage, sigset_t **mask);

#endif
