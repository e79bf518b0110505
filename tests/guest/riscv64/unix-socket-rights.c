/* AF_UNIX sockets in one process: a socketpair passes a pipe's read end
 * with SCM_RIGHTS (control messages converted both ways), the received
 * descriptor reads what was written to the pipe; SO_PEERCRED, SO_TYPE,
 * SO_RCVTIMEO and SO_LINGER round trips; a datagram pair with sendmmsg and
 * recvmmsg; MSG_PEEK and MSG_TRUNC; and a bound AF_UNIX stream socket. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

static void send_fd(int socket, int fd)
{
    char byte = 'F';
    struct iovec iov = {&byte, 1};
    union {
        struct cmsghdr header;
        char space[CMSG_SPACE(sizeof(int))];
    } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = &control,
                             .msg_controllen = sizeof control};
    struct cmsghdr *cmsg = CMSG_FIRSTHDR(&message);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &fd, sizeof fd);
    printf("sendmsg with SCM_RIGHTS: %zd\n", sendmsg(socket, &message, 0));
}

static int receive_fd(int socket)
{
    char byte = 0;
    struct iovec iov = {&byte, 1};
    union {
        struct cmsghdr header;
        char space[CMSG_SPACE(sizeof(int) * 4)];
    } control;
    struct msghdr message = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = &control,
                             .msg_controllen = sizeof control};
    ssize_t n = recvmsg(socket, &message, MSG_CMSG_CLOEXEC);
    printf("recvmsg: %zd byte '%c', controllen %zu, flags %#x\n", n, byte, (size_t)message.msg_controllen,
           message.msg_flags);
    int fd = -1;
    for (struct cmsghdr *cmsg = CMSG_FIRSTHDR(&message); cmsg; cmsg = CMSG_NXTHDR(&message, cmsg)) {
        printf("  cmsg level %d type %d len %zu\n", cmsg->cmsg_level, cmsg->cmsg_type, (size_t)cmsg->cmsg_len);
        if (cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_RIGHTS)
            memcpy(&fd, CMSG_DATA(cmsg), sizeof fd);
    }
    return fd;
}

int main(void)
{
    int pair[2];
    printf("socketpair: %d\n", socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair));
    int pipe_fds[2];
    pipe(pipe_fds);
    send_fd(pair[0], pipe_fds[0]);
    int received = receive_fd(pair[1]);
    printf("received a new descriptor: %s\n", received >= 0 && received != pipe_fds[0] ? "yes" : "no");
    write(pipe_fds[1], "through the passed fd", 21);
    char buffer[64] = "";
    ssize_t n = read(received, buffer, sizeof buffer);
    printf("read: %.*s\n", (int)n, buffer);

    struct ucred credentials;
    socklen_t length = sizeof credentials;
    getsockopt(pair[0], SOL_SOCKET, SO_PEERCRED, &credentials, &length);
    printf("SO_PEERCRED: length %u, pid is ours %s, uid is ours %s\n", (unsigned)length,
           credentials.pid == getpid() ? "yes" : "no", credentials.uid == getuid() ? "yes" : "no");
    int type;
    length = sizeof type;
    getsockopt(pair[0], SOL_SOCKET, SO_TYPE, &type, &length);
    printf("SO_TYPE: %s\n", type == SOCK_STREAM ? "SOCK_STREAM" : "other");
    struct timeval timeout = {2, 500000}, read_back;
    setsockopt(pair[0], SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    length = sizeof read_back;
    getsockopt(pair[0], SOL_SOCKET, SO_RCVTIMEO, &read_back, &length);
    printf("SO_RCVTIMEO: %ld.%06ld, length %u\n", (long)read_back.tv_sec, (long)read_back.tv_usec, (unsigned)length);
    struct linger linger = {1, 7}, linger_back;
    setsockopt(pair[0], SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
    length = sizeof linger_back;
    getsockopt(pair[0], SOL_SOCKET, SO_LINGER, &linger_back, &length);
    printf("SO_LINGER: on %d, %d s\n", linger_back.l_onoff, linger_back.l_linger);
    errno = 0;
    printf("unknown SOL_SOCKET option: %d (%s)\n", setsockopt(pair[0], SOL_SOCKET, 9999, &type, sizeof type),
           strerror(errno));

    int datagrams[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, datagrams);
    char texts[3][8] = {"one", "two!", "three"};
    struct iovec out_iov[3];
    struct mmsghdr out[3];
    memset(out, 0, sizeof out);
    for (int i = 0; i < 3; i++) {
        out_iov[i] = (struct iovec){texts[i], strlen(texts[i])};
        out[i].msg_hdr.msg_iov = &out_iov[i];
        out[i].msg_hdr.msg_iovlen = 1;
    }
    printf("sendmmsg: %d, lengths %u %u %u\n", sendmmsg(datagrams[0], out, 3, 0), out[0].msg_len, out[1].msg_len,
           out[2].msg_len);
    char peek[2];
    n = recv(datagrams[1], peek, sizeof peek, MSG_PEEK | MSG_TRUNC);
    printf("MSG_PEEK|MSG_TRUNC: %zd (whole datagram), got %.2s\n", n, peek);
    char in_text[3][8];
    struct iovec in_iov[3];
    struct mmsghdr in[3];
    memset(in, 0, sizeof in);
    memset(in_text, 0, sizeof in_text);
    for (int i = 0; i < 3; i++) {
        in_iov[i] = (struct iovec){in_text[i], sizeof in_text[i]};
        in[i].msg_hdr.msg_iov = &in_iov[i];
        in[i].msg_hdr.msg_iovlen = 1;
    }
    int count = recvmmsg(datagrams[1], in, 3, MSG_DONTWAIT, NULL);
    printf("recvmmsg: %d:", count);
    for (int i = 0; i < count; i++)
        printf(" %s(%u)", in_text[i], in[i].msg_len);
    printf("\n");
    errno = 0;
    printf("recvmmsg when empty: %d (%s)\n", recvmmsg(datagrams[1], in, 3, MSG_DONTWAIT, NULL), strerror(errno));

    char path[] = "/tmp/emu-unix-XXXXXX";
    int placeholder = mkstemp(path);
    close(placeholder);
    unlink(path);
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    strcpy(address.sun_path, path);
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("bind AF_UNIX: %d, listen: %d\n", bind(listener, (struct sockaddr *)&address, sizeof address),
           listen(listener, 1));
    int client = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("connect: %d\n", connect(client, (struct sockaddr *)&address, sizeof address));
    struct sockaddr_un peer;
    socklen_t peer_length = sizeof peer;
    int server = accept(listener, (struct sockaddr *)&peer, &peer_length);
    printf("accept: %s, peer address length %u (unnamed)\n", server >= 0 ? "ok" : "failed", (unsigned)peer_length);
    struct sockaddr_un name;
    socklen_t name_length = sizeof name;
    getpeername(client, (struct sockaddr *)&name, &name_length);
    printf("getpeername is the bound path: %s\n", strcmp(name.sun_path, path) == 0 ? "yes" : "no");
    send(client, "over a path", 11, 0);
    n = recv(server, buffer, sizeof buffer, 0);
    printf("received %.*s\n", (int)n, buffer);
    errno = 0;
    printf("connect with a bad address: %d (%s)\n", connect(client, (struct sockaddr *)8, sizeof address),
           strerror(errno));
    unlink(path);
    return 0;
}
