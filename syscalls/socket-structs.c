/* Guest <-> host conversions for sockets; see socket-structs.h. */
#define _GNU_SOURCE
#include "socket-structs.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>

#include "guest-memory.h"
#include "guest-structs.h"
#include "syscalls.h"

_Static_assert(sizeof(struct guest_msghdr) == 56, "a 64-bit msghdr is 56 bytes");
_Static_assert(sizeof(struct guest_mmsghdr) == 64, "a 64-bit mmsghdr is 64 bytes");
_Static_assert(sizeof(struct sockaddr_storage) == GUEST_SOCKADDR_MAX, "sockaddr_storage");

static int error_of(int host_errno) { return -guest_errno_from_host(host_errno); }

/* ---- socket types ----
 * SOCK_STREAM 1, SOCK_DGRAM 2, SOCK_RAW 3, SOCK_RDM 4, SOCK_SEQPACKET 5,
 * SOCK_PACKET 10 (mips swaps the first two); the flags are O_NONBLOCK and
 * O_CLOEXEC of the guest. */
#define GUEST_SOCK_TYPE_MASK 0xf

static const struct {
    int guest;
    int host;
} socket_kinds[] = {
    {1, SOCK_STREAM}, {2, SOCK_DGRAM}, {3, SOCK_RAW}, {4, SOCK_RDM}, {5, SOCK_SEQPACKET}, {10, SOCK_PACKET},
};

int host_accept_flags(uint64_t guest_flags, int *host_flags)
{
    uint64_t nonblock = guest_open_flags(O_NONBLOCK), cloexec = guest_open_flags(O_CLOEXEC);
    if (guest_flags & ~(nonblock | cloexec))
        return error_of(EINVAL);
    *host_flags = ((guest_flags & nonblock) ? SOCK_NONBLOCK : 0) | ((guest_flags & cloexec) ? SOCK_CLOEXEC : 0);
    return 0;
}

int host_socket_type(uint64_t guest_type, int *host_type)
{
    int flags;
    if (host_accept_flags(guest_type & ~(uint64_t)GUEST_SOCK_TYPE_MASK, &flags) != 0)
        return error_of(EINVAL);
    for (size_t i = 0; i < sizeof socket_kinds / sizeof socket_kinds[0]; i++)
        if (socket_kinds[i].guest == (int)(guest_type & GUEST_SOCK_TYPE_MASK)) {
            *host_type = socket_kinds[i].host | flags;
            return 0;
        }
    return error_of(EINVAL);
}

/* ---- socket addresses ----
 * sa_family is 16 bits first, and AF_INET/AF_INET6/AF_UNIX/AF_NETLINK/
 * AF_PACKET addresses have one layout on every Linux, so the bytes copy. */

int sockaddr_from_guest(struct sockaddr_storage *host, socklen_t *host_len, uint64_t guest_addr, uint64_t guest_len)
{
    if (guest_len > GUEST_SOCKADDR_MAX)
        return error_of(EINVAL);
    memset(host, 0, sizeof *host);
    if (copy_from_guest(host, guest_addr, guest_len) != 0)
        return error_of(EFAULT);
    *host_len = (socklen_t)guest_len;
    return 0;
}

int sockaddr_out_begin(uint64_t guest_addr, uint64_t guest_len_addr, socklen_t *guest_size)
{
    *guest_size = 0;
    if (guest_addr == 0)
        return 0;
    int32_t size;
    if (copy_from_guest(&size, guest_len_addr, sizeof size) != 0)
        return error_of(EFAULT);
    if (size < 0)
        return error_of(EINVAL);
    if (!guest_range_accessible(guest_addr, (uint64_t)size, PROT_WRITE) ||
        !guest_range_accessible(guest_len_addr, sizeof size, PROT_WRITE))
        return error_of(EFAULT);
    *guest_size = (socklen_t)size;
    return 0;
}

int sockaddr_out_end(uint64_t guest_addr, uint64_t guest_len_addr, socklen_t guest_size,
                     const struct sockaddr_storage *host, socklen_t host_len)
{
    if (guest_addr == 0)
        return 0;
    socklen_t copied = host_len < guest_size ? host_len : guest_size;
    if (copied > sizeof *host)
        copied = sizeof *host;
    uint32_t full = host_len;
    if (copy_to_guest(guest_addr, host, copied) != 0 || copy_to_guest(guest_len_addr, &full, sizeof full) != 0)
        return error_of(EFAULT);
    return 0;
}

/* ---- control messages ----
 * A guest cmsghdr is a 64-bit length, then level and type, then data, each
 * message aligned to 8 bytes: the host's layout.  Payloads of SCM_RIGHTS
 * (ints), SCM_CREDENTIALS (struct ucred: three 32-bit ids) and the
 * timestamps (two 64-bit words) are the same bytes on both sides. */
struct guest_cmsghdr {
    uint64_t len;
    int32_t level;
    int32_t type;
};
#define GUEST_CMSG_ALIGN(len) (((len) + 7) & ~(uint64_t)7)
#define GUEST_SOL_SOCKET 1

static int host_cmsg_level(int guest_level) { return guest_level == GUEST_SOL_SOCKET ? SOL_SOCKET : guest_level; }
static int guest_cmsg_level(int host_level) { return host_level == SOL_SOCKET ? GUEST_SOL_SOCKET : host_level; }

static int control_from_guest(struct host_message *message)
{
    uint64_t guest_len = message->guest.controllen;
    message->header.msg_control = NULL;
    message->header.msg_controllen = 0;
    if (guest_len == 0)
        return 0;
    if (guest_len > SOCKET_CONTROL_MAX)
        return error_of(ENOBUFS);
    uint8_t guest[SOCKET_CONTROL_MAX];
    if (copy_from_guest(guest, message->guest.control, guest_len) != 0)
        return error_of(EFAULT);
    uint8_t *host = (uint8_t *)message->control;
    size_t host_used = 0;
    for (uint64_t offset = 0; offset + sizeof(struct guest_cmsghdr) <= guest_len;) {
        struct guest_cmsghdr header;
        memcpy(&header, guest + offset, sizeof header);
        if (header.len < sizeof header || header.len > guest_len - offset)
            return error_of(EINVAL);
        size_t payload = header.len - sizeof header;
        if (host_used + CMSG_SPACE(payload) > sizeof message->control)
            return error_of(ENOBUFS);
        struct cmsghdr *out = (struct cmsghdr *)(host + host_used);
        out->cmsg_len = CMSG_LEN(payload);
        out->cmsg_level = host_cmsg_level(header.level);
        out->cmsg_type = header.type; /* SCM_RIGHTS 1, SCM_CREDENTIALS 2, SO_TIMESTAMP* as options */
        memcpy(CMSG_DATA(out), guest + offset + sizeof header, payload);
        host_used += CMSG_SPACE(payload);
        offset += GUEST_CMSG_ALIGN(header.len);
    }
    message->header.msg_control = host;
    message->header.msg_controllen = host_used;
    return 0;
}

/* Writes the host's control messages into the guest's buffer; what does not
 * fit is cut and MSG_CTRUNC set, as put_cmsg does. */
static int control_to_guest(struct host_message *message)
{
    uint64_t room = message->guest.controllen, used = 0;
    if (message->guest.control == 0 || room == 0) {
        message->guest.controllen = 0;
        return 0;
    }
    for (struct cmsghdr *in = CMSG_FIRSTHDR(&message->header); in; in = CMSG_NXTHDR(&message->header, in)) {
        size_t payload = in->cmsg_len - CMSG_LEN(0);
        struct guest_cmsghdr header = {sizeof header + payload, guest_cmsg_level(in->cmsg_level), in->cmsg_type};
        if (room - used < sizeof header) {
            message->guest.flags |= MSG_CTRUNC;
            break;
        }
        uint64_t fits = header.len <= room - used ? header.len : room - used;
        if (fits < header.len)
            message->guest.flags |= MSG_CTRUNC;
        if (copy_to_guest(message->guest.control + used, &header, sizeof header) != 0 ||
            copy_to_guest(message->guest.control + used + sizeof header, CMSG_DATA(in), fits - sizeof header) != 0)
            return error_of(EFAULT);
        uint64_t space = GUEST_CMSG_ALIGN(header.len);
        used += space < room - used ? space : room - used;
        if (fits < header.len)
            break;
    }
    message->guest.controllen = used;
    return 0;
}

/* ---- message headers ---- */

int message_from_guest(struct host_message *message, uint64_t guest_addr, bool sending)
{
    message->guest_addr = guest_addr;
    if (copy_from_guest(&message->guest, guest_addr, sizeof message->guest) != 0)
        return error_of(EFAULT);
    struct guest_msghdr *guest = &message->guest;
    memset(&message->header, 0, sizeof message->header);
    if (guest->iovlen > IOV_MAX)
        return error_of(EMSGSIZE);
    for (uint64_t i = 0; i < guest->iovlen; i++) {
        struct guest_iovec iov;
        if (copy_from_guest(&iov, guest->iov + i * sizeof iov, sizeof iov) != 0)
            return error_of(EFAULT);
        int64_t error;
        void *buffer = guest_buffer(iov.base, iov.len, sending ? PROT_READ : PROT_WRITE, &error);
        if (!buffer)
            return (int)error;
        message->iov[i] = (struct iovec){buffer, iov.len};
    }
    message->header.msg_iov = message->iov;
    message->header.msg_iovlen = guest->iovlen;
    if (guest->name) {
        if (sending) {
            socklen_t length;
            int error = sockaddr_from_guest(&message->name, &length, guest->name, guest->namelen);
            if (error)
                return error;
            message->header.msg_namelen = length;
        } else {
            if ((int32_t)guest->namelen < 0)
                return error_of(EINVAL);
            message->header.msg_namelen = sizeof message->name;
        }
        message->header.msg_name = &message->name;
    }
    if (sending)
        return control_from_guest(message);
    if (guest->control && guest->controllen) {
        if (!guest_range_accessible(guest->control, guest->controllen, PROT_WRITE))
            return error_of(EFAULT);
        message->header.msg_control = message->control;
        message->header.msg_controllen =
            guest->controllen < sizeof message->control ? guest->controllen : sizeof message->control;
    }
    return 0;
}

int message_to_guest(struct host_message *message)
{
    struct guest_msghdr *guest = &message->guest;
    if (guest->name) {
        socklen_t full = message->header.msg_namelen;
        socklen_t copied = full < guest->namelen ? full : guest->namelen;
        if (copy_to_guest(guest->name, &message->name, copied) != 0)
            return error_of(EFAULT);
        guest->namelen = full;
    } else {
        guest->namelen = 0;
    }
    guest->flags = message->header.msg_flags; /* MSG_* bits are the same everywhere */
    int error = control_to_guest(message);
    if (error)
        return error;
    /* Only the fields recvmsg updates go back. */
    uint64_t base = message->guest_addr;
    if (copy_to_guest(base + offsetof(struct guest_msghdr, namelen), &guest->namelen, sizeof guest->namelen) != 0 ||
        copy_to_guest(base + offsetof(struct guest_msghdr, controllen), &guest->controllen,
                      sizeof guest->controllen) != 0 ||
        copy_to_guest(base + offsetof(struct guest_msghdr, flags), &guest->flags, sizeof guest->flags) != 0)
        return error_of(EFAULT);
    return 0;
}

/* ---- socket options ----
 * SOL_SOCKET options by the guest's asm-generic numbers
 * (include/uapi/asm-generic/socket.h) with the host's names; options of the
 * protocol levels (IPPROTO_IP, IPPROTO_TCP, IPPROTO_IPV6...) are numbered by
 * the protocols, not the arch, and pass through. */
static const struct {
    int guest;
    int host;
    enum sockopt_kind kind;
} socket_level_options[] = {
    {1, SO_DEBUG, SOCKOPT_BYTES},
    {2, SO_REUSEADDR, SOCKOPT_BYTES},
    {3, SO_TYPE, SOCKOPT_BYTES},
    {4, SO_ERROR, SOCKOPT_BYTES},
    {5, SO_DONTROUTE, SOCKOPT_BYTES},
    {6, SO_BROADCAST, SOCKOPT_BYTES},
    {7, SO_SNDBUF, SOCKOPT_BYTES},
    {8, SO_RCVBUF, SOCKOPT_BYTES},
    {9, SO_KEEPALIVE, SOCKOPT_BYTES},
    {10, SO_OOBINLINE, SOCKOPT_BYTES},
    {11, SO_NO_CHECK, SOCKOPT_BYTES},
    {12, SO_PRIORITY, SOCKOPT_BYTES},
    {13, SO_LINGER, SOCKOPT_LINGER},
    {14, SO_BSDCOMPAT, SOCKOPT_BYTES},
    {15, SO_REUSEPORT, SOCKOPT_BYTES},
    {16, SO_PASSCRED, SOCKOPT_BYTES},
    {17, SO_PEERCRED, SOCKOPT_UCRED},
    {18, SO_RCVLOWAT, SOCKOPT_BYTES},
    {19, SO_SNDLOWAT, SOCKOPT_BYTES},
    {20, SO_RCVTIMEO_OLD, SOCKOPT_TIMEVAL},
    {21, SO_SNDTIMEO_OLD, SOCKOPT_TIMEVAL},
    {25, SO_BINDTODEVICE, SOCKOPT_BYTES},
    {28, SO_PEERNAME, SOCKOPT_BYTES},
    {29, SO_TIMESTAMP_OLD, SOCKOPT_BYTES},
    {30, SO_ACCEPTCONN, SOCKOPT_BYTES},
    {31, SO_PEERSEC, SOCKOPT_BYTES},
    {32, SO_SNDBUFFORCE, SOCKOPT_BYTES},
    {33, SO_RCVBUFFORCE, SOCKOPT_BYTES},
    {34, SO_PASSSEC, SOCKOPT_BYTES},
    {35, SO_TIMESTAMPNS_OLD, SOCKOPT_BYTES},
    {36, SO_MARK, SOCKOPT_BYTES},
    {38, SO_PROTOCOL, SOCKOPT_BYTES},
    {39, SO_DOMAIN, SOCKOPT_BYTES},
    {40, SO_RXQ_OVFL, SOCKOPT_BYTES},
    {42, SO_PEEK_OFF, SOCKOPT_BYTES},
    {46, SO_BUSY_POLL, SOCKOPT_BYTES},
    {49, SO_INCOMING_CPU, SOCKOPT_BYTES},
    {57, SO_COOKIE, SOCKOPT_BYTES},
    {59, SO_PEERGROUPS, SOCKOPT_BYTES},
    {60, SO_ZEROCOPY, SOCKOPT_BYTES},
    {62, SO_BINDTOIFINDEX, SOCKOPT_BYTES},
    {63, SO_TIMESTAMP_NEW, SOCKOPT_BYTES},
    {64, SO_TIMESTAMPNS_NEW, SOCKOPT_BYTES},
    /* __kernel_sock_timeval: two 64-bit words, like a 64-bit timeval */
    {66, SO_RCVTIMEO_NEW, SOCKOPT_TIMEVAL},
    {67, SO_SNDTIMEO_NEW, SOCKOPT_TIMEVAL},
};

bool host_sockopt_from_guest(struct host_sockopt *option, int guest_level, int guest_name)
{
    if (guest_level != GUEST_SOL_SOCKET) {
        *option = (struct host_sockopt){guest_level, guest_name, SOCKOPT_BYTES};
        return true;
    }
    for (size_t i = 0; i < sizeof socket_level_options / sizeof socket_level_options[0]; i++)
        if (socket_level_options[i].guest == guest_name) {
            *option = (struct host_sockopt){SOL_SOCKET, socket_level_options[i].host, socket_level_options[i].kind};
            return true;
        }
    return false;
}

struct guest_timeval_value {
    int64_t tv_sec;
    int64_t tv_usec;
};
struct guest_linger {
    int32_t l_onoff;
    int32_t l_linger;
};
struct guest_ucred {
    int32_t pid;
    uint32_t uid;
    uint32_t gid;
};

int sockopt_value_to_host(const struct host_sockopt *option, const void *guest, int guest_len, void *host,
                          int host_size)
{
    switch (option->kind) {
    case SOCKOPT_TIMEVAL: {
        struct guest_timeval_value in;
        if (guest_len < (int)sizeof in)
            return error_of(EINVAL);
        memcpy(&in, guest, sizeof in);
        struct timeval out = {.tv_sec = in.tv_sec, .tv_usec = in.tv_usec};
        memcpy(host, &out, sizeof out);
        return sizeof out;
    }
    case SOCKOPT_LINGER: {
        struct guest_linger in;
        if (guest_len < (int)sizeof in)
            return error_of(EINVAL);
        memcpy(&in, guest, sizeof in);
        struct linger out = {.l_onoff = in.l_onoff, .l_linger = in.l_linger};
        memcpy(host, &out, sizeof out);
        return sizeof out;
    }
    case SOCKOPT_UCRED: {
        struct guest_ucred in;
        if (guest_len < (int)sizeof in)
            return error_of(EINVAL);
        memcpy(&in, guest, sizeof in);
        struct ucred out = {.pid = in.pid, .uid = in.uid, .gid = in.gid};
        memcpy(host, &out, sizeof out);
        return sizeof out;
    }
    case SOCKOPT_BYTES:
        break;
    }
    int length = guest_len < host_size ? guest_len : host_size;
    memcpy(host, guest, (size_t)length);
    return length;
}

/* The value as the guest reads it, cut to guest_size like the kernel does. */
int sockopt_value_to_guest(const struct host_sockopt *option, const void *host, int host_len, void *guest,
                           int guest_size)
{
    uint8_t converted[64];
    const void *from = host;
    int length = host_len;
    switch (option->kind) {
    case SOCKOPT_TIMEVAL: {
        struct timeval in;
        memcpy(&in, host, sizeof in);
        struct guest_timeval_value out = {in.tv_sec, in.tv_usec};
        memcpy(converted, &out, sizeof out);
        from = converted, length = sizeof out;
        break;
    }
    case SOCKOPT_LINGER: {
        struct linger in;
        memcpy(&in, host, sizeof in);
        struct guest_linger out = {in.l_onoff, in.l_linger};
        memcpy(converted, &out, sizeof out);
        from = converted, length = sizeof out;
        break;
    }
    case SOCKOPT_UCRED: {
        struct ucred in;
        memcpy(&in, host, sizeof in);
        struct guest_ucred out = {in.pid, in.uid, in.gid};
        memcpy(converted, &out, sizeof out);
        from = converted, length = sizeof out;
        break;
    }
    case SOCKOPT_BYTES:
        break;
    }
    if (length > guest_size)
        length = guest_size;
    memcpy(guest, from, (size_t)length);
    return length;
}
