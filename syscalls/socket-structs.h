/* Guest <-> host conversions for sockets, in one place: socket types and
 * flags, socket addresses, message headers with their iovecs and control
 * messages (SCM_RIGHTS, SCM_CREDENTIALS, timestamps), and socket options.
 *
 * The asm-generic 64-bit ABI (riscv64, arm64) agrees with x86-64 and arm64
 * hosts on all of these today (sockaddr families and layouts, msghdr and
 * cmsghdr with 8-byte alignment, SOL_SOCKET = 1 and its option numbers,
 * MSG_* bits); the conversions are still written out field by field so a
 * guest or host where one differs (mips, sparc, powerpc SO_RCVLOWAT...)
 * changes only this file. */
#ifndef EMU_SYSCALLS_SOCKET_STRUCTS_H
#define EMU_SYSCALLS_SOCKET_STRUCTS_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/uio.h>

/* Largest socket address: struct sockaddr_storage on every Linux. */
#define GUEST_SOCKADDR_MAX 128
/* Most control-message bytes one message carries through emu: room for
 * SCM_RIGHTS with the kernel's limit of 253 descriptors and more. */
#define SOCKET_CONTROL_MAX 8192

/* socket/socketpair type: SOCK_* kind plus SOCK_NONBLOCK/SOCK_CLOEXEC. */
int host_socket_type(uint64_t guest_type, int *host_type);
/* accept4's flags: SOCK_NONBLOCK/SOCK_CLOEXEC only. */
int host_accept_flags(uint64_t guest_flags, int *host_flags);

/* A socket address the guest passes in (bind, connect, sendto). */
int sockaddr_from_guest(struct sockaddr_storage *host, socklen_t *host_len, uint64_t guest_addr, uint64_t guest_len);

/* A socket address the host returns (accept, getsockname, recvfrom...):
 * begin reads the guest's buffer size (0 when guest_addr is NULL), end
 * copies what fits and stores the full length, as Linux does. */
int sockaddr_out_begin(uint64_t guest_addr, uint64_t guest_len_addr, socklen_t *guest_size);
int sockaddr_out_end(uint64_t guest_addr, uint64_t guest_len_addr, socklen_t guest_size,
                     const struct sockaddr_storage *host, socklen_t host_len);

/* struct msghdr of a 64-bit guest. */
struct guest_msghdr {
    uint64_t name;
    uint32_t namelen;
    uint32_t pad1;
    uint64_t iov;
    uint64_t iovlen;
    uint64_t control;
    uint64_t controllen;
    int32_t flags;
    int32_t pad2;
};
/* struct mmsghdr of a 64-bit guest. */
struct guest_mmsghdr {
    struct guest_msghdr header;
    uint32_t len;
    uint32_t pad;
};

/* One message on its way through the host: the host msghdr and the storage
 * it points to (iovecs point straight into checked guest memory). */
struct host_message {
    struct msghdr header;
    struct guest_msghdr guest;
    uint64_t guest_addr;
    struct sockaddr_storage name;
    struct iovec iov[IOV_MAX];
    /* Aligned for struct cmsghdr. */
    uint64_t control[SOCKET_CONTROL_MAX / sizeof(uint64_t)];
};
/* Reads the guest's msghdr at guest_addr into message; sending converts the
 * name and control messages, receiving only sizes the buffers.  0 or -errno. */
int message_from_guest(struct host_message *message, uint64_t guest_addr, bool sending);
/* After a receive: the sender's name, the control messages and the flags
 * go back into the guest's msghdr.  0 or -errno. */
int message_to_guest(struct host_message *message);

/* A socket option: its host level and name, and how its value converts. */
enum sockopt_kind {
    SOCKOPT_BYTES,   /* the same bytes on both sides (ints, protocol structs) */
    SOCKOPT_TIMEVAL, /* struct timeval: SO_RCVTIMEO, SO_SNDTIMEO */
    SOCKOPT_LINGER,  /* struct linger */
    SOCKOPT_UCRED,   /* struct ucred: SO_PEERCRED */
};
struct host_sockopt {
    int level;
    int name;
    enum sockopt_kind kind;
};
/* false when emu does not know the option (ENOPROTOOPT). */
bool host_sockopt_from_guest(struct host_sockopt *option, int guest_level, int guest_name);
/* The value converted between the guest's bytes and the host's; the result
 * is the length written, or -EINVAL when the input is too short. */
int sockopt_value_to_host(const struct host_sockopt *option, const void *guest, int guest_len, void *host,
                          int host_size);
int sockopt_value_to_guest(const struct host_sockopt *option, const void *host, int host_len, void *guest,
                           int guest_size);

#endif
