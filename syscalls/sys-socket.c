/* Sockets: the guest's sockets are host sockets; every struct that crosses
 * goes through socket-structs.c.  Blocking calls block in the host. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <time.h>

#include "file-structs.h"
#include "guest-memory.h"
#include "log.h"
#include "socket-structs.h"
#include "syscalls.h"

/* Longest option value emu carries (TCP_INFO is 232 bytes). */
#define SOCKOPT_VALUE_MAX 1024

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

SYSCALL_HANDLER(socket)
{
    (void)process;
    int type;
    int error = host_socket_type(args[1], &type);
    /* AF_* and protocol numbers are the same on every Linux. */
    return error ? error : guest_result(socket((int)args[0], type, (int)args[2]));
}

SYSCALL_HANDLER(socketpair)
{
    (void)process;
    int type, fds[2];
    int error = host_socket_type(args[1], &type);
    if (error)
        return error;
    if (!guest_range_accessible(args[3], sizeof fds, PROT_WRITE))
        return fail(EFAULT);
    if (socketpair((int)args[0], type, (int)args[2], fds) != 0)
        return fail(errno);
    copy_to_guest(args[3], fds, sizeof fds);
    return 0;
}

SYSCALL_HANDLER(bind)
{
    (void)process;
    struct sockaddr_storage address;
    socklen_t length;
    int error = sockaddr_from_guest(&address, &length, args[1], args[2]);
    return error ? error : guest_result(bind((int)args[0], (struct sockaddr *)&address, length));
}

SYSCALL_HANDLER(connect)
{
    (void)process;
    struct sockaddr_storage address;
    socklen_t length;
    int error = sockaddr_from_guest(&address, &length, args[1], args[2]);
    return error ? error : guest_result(connect((int)args[0], (struct sockaddr *)&address, length));
}

SYSCALL_HANDLER(listen)
{
    (void)process;
    return guest_result(listen((int)args[0], (int)args[1]));
}

static int64_t accept_with_flags(const uint64_t *args, uint64_t guest_flags)
{
    int flags;
    socklen_t guest_size;
    int error = host_accept_flags(guest_flags, &flags);
    if (!error)
        error = sockaddr_out_begin(args[1], args[2], &guest_size);
    if (error)
        return error;
    struct sockaddr_storage address;
    socklen_t length = sizeof address;
    int fd = accept4((int)args[0], (struct sockaddr *)&address, &length, flags);
    if (fd < 0)
        return fail(errno);
    error = sockaddr_out_end(args[1], args[2], guest_size, &address, length);
    /* Linux keeps the new socket when the address cannot be written. */
    return error ? error : fd;
}

SYSCALL_HANDLER(accept)
{
    (void)process;
    return accept_with_flags(args, 0);
}

SYSCALL_HANDLER(accept4)
{
    (void)process;
    return accept_with_flags(args, args[3]);
}

typedef int name_query(int fd, struct sockaddr *address, socklen_t *length);

static int64_t socket_name(const uint64_t *args, name_query *query)
{
    socklen_t guest_size;
    int error = sockaddr_out_begin(args[1], args[2], &guest_size);
    if (error)
        return error;
    if (args[1] == 0)
        return fail(EFAULT);
    struct sockaddr_storage address;
    socklen_t length = sizeof address;
    if (query((int)args[0], (struct sockaddr *)&address, &length) != 0)
        return fail(errno);
    return sockaddr_out_end(args[1], args[2], guest_size, &address, length);
}

SYSCALL_HANDLER(getsockname)
{
    (void)process;
    return socket_name(args, getsockname);
}

SYSCALL_HANDLER(getpeername)
{
    (void)process;
    return socket_name(args, getpeername);
}

SYSCALL_HANDLER(sendto)
{
    (void)process;
    int64_t error;
    const void *buffer = guest_buffer(args[1], args[2], PROT_READ, &error);
    if (!buffer)
        return error;
    struct sockaddr_storage address;
    socklen_t length = 0;
    if (args[4]) {
        int address_error = sockaddr_from_guest(&address, &length, args[4], args[5]);
        if (address_error)
            return address_error;
    }
    /* MSG_* bits are the same everywhere. */
    return guest_result(
        sendto((int)args[0], buffer, args[2], (int)args[3], args[4] ? (struct sockaddr *)&address : NULL, length));
}

SYSCALL_HANDLER(recvfrom)
{
    (void)process;
    int64_t error;
    void *buffer = guest_buffer(args[1], args[2], PROT_WRITE, &error);
    if (!buffer)
        return error;
    socklen_t guest_size;
    int address_error = sockaddr_out_begin(args[4], args[5], &guest_size);
    if (address_error)
        return address_error;
    struct sockaddr_storage address;
    socklen_t length = sizeof address;
    ssize_t received =
        recvfrom((int)args[0], buffer, args[2], (int)args[3], args[4] ? (struct sockaddr *)&address : NULL,
                 args[4] ? &length : NULL);
    if (received < 0)
        return fail(errno);
    address_error = sockaddr_out_end(args[4], args[5], guest_size, &address, length);
    return address_error ? address_error : received;
}

SYSCALL_HANDLER(shutdown)
{
    (void)process;
    /* SHUT_RD/WR/RDWR are 0/1/2 everywhere. */
    return guest_result(shutdown((int)args[0], (int)args[1]));
}

SYSCALL_HANDLER(setsockopt)
{
    (void)process;
    struct host_sockopt option;
    if (!host_sockopt_from_guest(&option, (int)args[1], (int)args[2])) {
        if (log_enabled(LOG_UNIMP))
            log_printf("Unsupported setsockopt: level %d option %d\n", (int)args[1], (int)args[2]);
        return fail(ENOPROTOOPT);
    }
    int guest_len = (int)args[4];
    if (guest_len < 0)
        return fail(EINVAL);
    uint8_t guest[SOCKOPT_VALUE_MAX], host[SOCKOPT_VALUE_MAX];
    if (guest_len > SOCKOPT_VALUE_MAX) /* filters and the like: more than emu carries */
        return fail(ENOMEM);
    if (copy_from_guest(guest, args[3], (size_t)guest_len) != 0)
        return fail(EFAULT);
    int host_len = sockopt_value_to_host(&option, guest, guest_len, host, sizeof host);
    if (host_len < 0)
        return host_len;
    return guest_result(setsockopt((int)args[0], option.level, option.name, guest_len ? host : NULL,
                                   (socklen_t)host_len));
}

SYSCALL_HANDLER(getsockopt)
{
    (void)process;
    struct host_sockopt option;
    if (!host_sockopt_from_guest(&option, (int)args[1], (int)args[2])) {
        if (log_enabled(LOG_UNIMP))
            log_printf("Unsupported getsockopt: level %d option %d\n", (int)args[1], (int)args[2]);
        return fail(ENOPROTOOPT);
    }
    int32_t guest_size;
    if (copy_from_guest(&guest_size, args[4], sizeof guest_size) != 0 ||
        !guest_range_accessible(args[4], sizeof guest_size, PROT_WRITE))
        return fail(EFAULT);
    if (guest_size < 0)
        return fail(EINVAL);
    if (!guest_range_accessible(args[3], (uint64_t)guest_size, PROT_WRITE))
        return fail(EFAULT);
    uint8_t host[SOCKOPT_VALUE_MAX], guest[SOCKOPT_VALUE_MAX];
    /* A converted struct is asked for whole; bytes as many as the guest wants. */
    socklen_t host_len = option.kind == SOCKOPT_BYTES && guest_size < SOCKOPT_VALUE_MAX ? (socklen_t)guest_size
                                                                                         : SOCKOPT_VALUE_MAX;
    if (getsockopt((int)args[0], option.level, option.name, host, &host_len) != 0)
        return fail(errno);
    int guest_len =
        sockopt_value_to_guest(&option, host, (int)host_len, guest, guest_size < SOCKOPT_VALUE_MAX ? guest_size
                                                                                                  : SOCKOPT_VALUE_MAX);
    copy_to_guest(args[3], guest, (size_t)guest_len);
    copy_to_guest(args[4], &guest_len, sizeof guest_len);
    return 0;
}

/* One sendmsg or recvmsg on a converted message; the result as the guest's. */
static int64_t send_message(int fd, uint64_t guest_addr, int flags)
{
    struct host_message *message = malloc(sizeof *message);
    if (!message)
        return fail(ENOMEM);
    int64_t result = message_from_guest(message, guest_addr, true);
    if (result == 0)
        result = guest_result(sendmsg(fd, &message->header, flags));
    free(message);
    return result;
}

static int64_t receive_message(int fd, uint64_t guest_addr, int flags)
{
    struct host_message *message = malloc(sizeof *message);
    if (!message)
        return fail(ENOMEM);
    int64_t result = message_from_guest(message, guest_addr, false);
    if (result == 0) {
        result = guest_result(recvmsg(fd, &message->header, flags));
        if (result >= 0) {
            int error = message_to_guest(message);
            if (error)
                result = error;
        }
    }
    free(message);
    return result;
}

SYSCALL_HANDLER(sendmsg)
{
    (void)process;
    return send_message((int)args[0], args[1], (int)args[2]);
}

SYSCALL_HANDLER(recvmsg)
{
    (void)process;
    return receive_message((int)args[0], args[1], (int)args[2]);
}

/* The count Linux caps one sendmmsg/recvmmsg at. */
#define MMSG_MAX 1024

static int store_message_length(uint64_t guest_vector, uint64_t index, int64_t length)
{
    uint32_t value = (uint32_t)length;
    uint64_t at = guest_vector + index * sizeof(struct guest_mmsghdr) + offsetof(struct guest_mmsghdr, len);
    return copy_to_guest(at, &value, sizeof value);
}

/* sendmmsg and recvmmsg are loops of their single forms, as in the kernel:
 * a failure after the first message ends the batch with the count so far. */
SYSCALL_HANDLER(sendmmsg)
{
    (void)process;
    uint64_t count = args[2] < MMSG_MAX ? args[2] : MMSG_MAX;
    uint64_t sent = 0;
    for (; sent < count; sent++) {
        int64_t result =
            send_message((int)args[0], args[1] + sent * sizeof(struct guest_mmsghdr), (int)args[3]);
        if (result < 0)
            return sent ? (int64_t)sent : result;
        if (store_message_length(args[1], sent, result) != 0)
            return sent ? (int64_t)sent : fail(EFAULT);
    }
    return (int64_t)sent;
}

static int64_t nanoseconds(const struct timespec *time) { return time->tv_sec * 1000000000LL + time->tv_nsec; }

SYSCALL_HANDLER(recvmmsg)
{
    (void)process;
    int flags = (int)args[3];
    uint64_t count = args[2] < MMSG_MAX ? args[2] : MMSG_MAX;
    struct timespec timeout, now;
    int64_t deadline = 0;
    if (args[4]) {
        int error = timespec_from_guest(&timeout, args[4]);
        if (error)
            return error;
        if (timeout.tv_sec < 0 || timeout.tv_nsec < 0 || timeout.tv_nsec >= 1000000000)
            return fail(EINVAL);
        clock_gettime(CLOCK_MONOTONIC, &now);
        deadline = nanoseconds(&now) + nanoseconds(&timeout);
    }
    uint64_t received = 0;
    int64_t result = 0;
    while (received < count) {
        result = receive_message((int)args[0], args[1] + received * sizeof(struct guest_mmsghdr), flags);
        if (result < 0)
            break;
        if (store_message_length(args[1], received, result) != 0) {
            result = fail(EFAULT);
            break;
        }
        received++;
        /* MSG_WAITFORONE: only the first message is waited for. */
        if (flags & MSG_WAITFORONE)
            flags |= MSG_DONTWAIT;
        if (args[4]) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            if (nanoseconds(&now) >= deadline)
                break;
        }
    }
    if (received == 0)
        return result;
    if (args[4]) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        int64_t left = deadline - nanoseconds(&now);
        if (left < 0)
            left = 0;
        struct timespec remaining = {left / 1000000000, left % 1000000000};
        if (timespec_to_guest(args[4], &remaining) != 0)
            return fail(EFAULT);
    }
    return (int64_t)received;
}
