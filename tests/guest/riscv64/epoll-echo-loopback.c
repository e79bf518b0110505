/* A TCP echo server and its client in one thread on 127.0.0.1, driven by one
 * epoll loop over non-blocking sockets: socket, bind, listen, getsockname,
 * connect (EINPROGRESS), accept4, epoll_ctl with 64-bit data tags (the
 * guest's epoll_event is 16 bytes, the x86-64 host's 12), send/recv,
 * shutdown and the end of stream.  Events that may come in either order
 * are reported after the loop. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define TAG_LISTEN UINT64_C(0x1111111100000001)
#define TAG_CLIENT UINT64_C(0x2222222200000002)
#define TAG_SERVER UINT64_C(0x3333333300000003)

static const char *const lines[] = {"hello", "echo over loopback", "the last line"};
#define LINE_COUNT (sizeof lines / sizeof lines[0])

static int check(int result, const char *what)
{
    if (result < 0 && errno != EINPROGRESS && errno != EAGAIN) {
        printf("%s: %s\n", what, strerror(errno));
        _exit(1);
    }
    return result;
}

int main(void)
{
    int listener = check(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0), "socket");
    int one = 1;
    check(setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), "setsockopt");
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    check(bind(listener, (struct sockaddr *)&address, sizeof address), "bind");
    check(listen(listener, 4), "listen");
    socklen_t length = sizeof address;
    check(getsockname(listener, (struct sockaddr *)&address, &length), "getsockname");
    printf("listening on 127.0.0.1, port assigned: %s, length %u\n", address.sin_port ? "yes" : "no",
           (unsigned)length);

    int epoll = check(epoll_create1(EPOLL_CLOEXEC), "epoll_create1");
    struct epoll_event event = {.events = EPOLLIN, .data.u64 = TAG_LISTEN};
    check(epoll_ctl(epoll, EPOLL_CTL_ADD, listener, &event), "epoll_ctl listener");

    int client = check(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), "socket client");
    int connected = connect(client, (struct sockaddr *)&address, sizeof address);
    printf("connect: %s\n", connected == 0 ? "at once" : errno == EINPROGRESS ? "in progress" : strerror(errno));
    event = (struct epoll_event){.events = EPOLLOUT, .data.u64 = TAG_CLIENT};
    check(epoll_ctl(epoll, EPOLL_CTL_ADD, client, &event), "epoll_ctl client");

    int server = -1;
    size_t sent = 0, echoed = 0;
    char received[256] = "";
    size_t received_length = 0;
    int client_writable = 0, done = 0, connect_error = -1;
    char accepted[64] = "not accepted";
    while (!done) {
        struct epoll_event ready[8];
        int count = check(epoll_wait(epoll, ready, 8, 5000), "epoll_wait");
        if (count == 0) {
            printf("timed out\n");
            return 1;
        }
        for (int i = 0; i < count; i++) {
            uint64_t tag = ready[i].data.u64;
            if (tag == TAG_LISTEN) {
                struct sockaddr_in peer;
                socklen_t peer_length = sizeof peer;
                server = accept4(listener, (struct sockaddr *)&peer, &peer_length, SOCK_NONBLOCK | SOCK_CLOEXEC);
                if (server < 0)
                    continue;
                snprintf(accepted, sizeof accepted, "accepted from %s, length %u", inet_ntoa(peer.sin_addr),
                         (unsigned)peer_length);
                event = (struct epoll_event){.events = EPOLLIN | EPOLLRDHUP, .data.u64 = TAG_SERVER};
                check(epoll_ctl(epoll, EPOLL_CTL_ADD, server, &event), "epoll_ctl server");
            } else if (tag == TAG_CLIENT && (ready[i].events & EPOLLOUT)) {
                if (!client_writable) {
                    int error = -1;
                    socklen_t error_length = sizeof error;
                    getsockopt(client, SOL_SOCKET, SO_ERROR, &error, &error_length);
                    connect_error = error;
                    client_writable = 1;
                }
                if (sent < LINE_COUNT) {
                    char line[64];
                    int n = snprintf(line, sizeof line, "%s\n", lines[sent++]);
                    check((int)send(client, line, (size_t)n, 0), "send");
                }
                if (sent == LINE_COUNT) {
                    shutdown(client, SHUT_WR);
                    event = (struct epoll_event){.events = EPOLLIN, .data.u64 = TAG_CLIENT};
                    check(epoll_ctl(epoll, EPOLL_CTL_MOD, client, &event), "epoll_ctl mod");
                }
            } else if (tag == TAG_CLIENT) {
                ssize_t n = recv(client, received + received_length, sizeof received - 1 - received_length, 0);
                if (n > 0) {
                    received_length += (size_t)n;
                } else if (n == 0) {
                    printf("client saw the end of the echo\n");
                    done = 1;
                }
            } else if (tag == TAG_SERVER) {
                char buffer[128];
                ssize_t n = recv(server, buffer, sizeof buffer, 0);
                if (n > 0) {
                    echoed += (size_t)n;
                    check((int)send(server, buffer, (size_t)n, 0), "echo");
                } else if (n == 0) {
                    printf("server saw the end after %zu bytes, events had RDHUP: %s\n", echoed,
                           (ready[i].events & EPOLLRDHUP) ? "yes" : "no");
                    epoll_ctl(epoll, EPOLL_CTL_DEL, server, NULL);
                    shutdown(server, SHUT_WR);
                }
            } else {
                printf("unknown tag %#llx\n", (unsigned long long)tag);
                return 1;
            }
        }
    }
    printf("%s\nclient connected, SO_ERROR %d\n", accepted, connect_error);
    received[received_length] = '\0';
    printf("client received %zu bytes:\n%s", received_length, received);
    close(server);
    close(client);
    close(listener);
    close(epoll);
    return 0;
}
