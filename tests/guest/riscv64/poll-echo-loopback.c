/* The loopback echo of epoll-echo-loopback driven by poll() instead, with
 * select() and ppoll() (with a signal mask) for the waits around it:
 * pollfd revents, fd_set bitmaps and timeouts crossing into the host. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

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
    int listener = check(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), "socket");
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    check(bind(listener, (struct sockaddr *)&address, sizeof address), "bind");
    check(listen(listener, 4), "listen");
    socklen_t length = sizeof address;
    check(getsockname(listener, (struct sockaddr *)&address, &length), "getsockname");

    /* Nothing is ready yet: poll times out and reports nothing. */
    struct pollfd idle = {.fd = listener, .events = POLLIN};
    printf("idle poll: %d, revents %#x\n", poll(&idle, 1, 10), idle.revents);

    int client = check(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), "socket client");
    check(connect(client, (struct sockaddr *)&address, sizeof address), "connect");

    /* select waits for the listener to have a connection. */
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(listener, &readable);
    struct timeval timeout = {5, 0};
    int count = select(listener + 1, &readable, NULL, NULL, &timeout);
    printf("select: %d, listener readable: %s\n", count, FD_ISSET(listener, &readable) ? "yes" : "no");
    int server = check(accept4(listener, NULL, NULL, SOCK_NONBLOCK), "accept4");

    const char message[] = "ping over poll";
    size_t sent = 0, echoed = 0, received = 0;
    char buffer[64];
    struct pollfd fds[2] = {{.fd = client, .events = POLLOUT}, {.fd = server, .events = POLLIN}};
    while (received < sizeof message - 1) {
        count = check(poll(fds, 2, 5000), "poll");
        if (count == 0) {
            printf("timed out\n");
            return 1;
        }
        if (fds[0].revents & POLLOUT) {
            ssize_t n = send(client, message + sent, sizeof message - 1 - sent, 0);
            if (n > 0)
                sent += (size_t)n;
            if (sent == sizeof message - 1)
                fds[0].events = POLLIN;
        }
        if (fds[0].revents & POLLIN) {
            ssize_t n = recv(client, buffer + received, sizeof buffer - 1 - received, 0);
            if (n > 0)
                received += (size_t)n;
        }
        if (fds[1].revents & POLLIN) {
            char chunk[64];
            ssize_t n = recv(server, chunk, sizeof chunk, 0);
            if (n > 0) {
                echoed += (size_t)n;
                send(server, chunk, (size_t)n, 0);
            }
        }
    }
    buffer[received] = '\0';
    printf("echoed %zu bytes, client got \"%s\"\n", echoed, buffer);

    /* ppoll with a mask that blocks SIGUSR1, on a peer that hung up. */
    close(server);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    struct timespec ppoll_timeout = {5, 0};
    struct pollfd hangup = {.fd = client, .events = POLLIN | POLLRDHUP};
    count = ppoll(&hangup, 1, &ppoll_timeout, &mask);
    printf("ppoll: %d, POLLIN %s, POLLRDHUP %s, time left: %s\n", count, (hangup.revents & POLLIN) ? "yes" : "no",
           (hangup.revents & POLLRDHUP) ? "yes" : "no", ppoll_timeout.tv_sec <= 5 ? "at most 5 s" : "wrong");
    printf("recv after hang-up: %zd\n", recv(client, buffer, sizeof buffer, 0));

    /* A closed descriptor is POLLNVAL. */
    struct pollfd closed = {.fd = server, .events = POLLIN};
    printf("poll on a closed fd: %d, POLLNVAL %s\n", poll(&closed, 1, 0), (closed.revents & POLLNVAL) ? "yes" : "no");
    close(client);
    close(listener);
    return 0;
}
