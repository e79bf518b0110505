/* Process file descriptors: pidfd_open on a forked child, signal 0 to check
 * it lives, SIGTERM through pidfd_send_signal kills it (wait sees the
 * signal), the pidfd then polls readable; pidfd_getfd on our own pidfd
 * duplicates a descriptor; bad flags and signals are EINVAL. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long result)
{
    if (result < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, result);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    pid_t child = fork();
    if (child == 0) {
        for (;;)
            pause();
    }
    int pidfd = (int)syscall(SYS_pidfd_open, child, 0);
    printf("pidfd_open: %s\n", pidfd >= 0 ? "fd" : strerror(errno));
    struct pollfd poll_entry = {.fd = pidfd, .events = POLLIN};
    printf("readable while the child lives: %d\n", poll(&poll_entry, 1, 0));
    show("pidfd_send_signal 0", syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0));
    show("pidfd_send_signal 65", syscall(SYS_pidfd_send_signal, pidfd, 65, NULL, 0));
    show("pidfd_send_signal with bad flags", syscall(SYS_pidfd_send_signal, pidfd, SIGTERM, NULL, 0x80));
    show("pidfd_send_signal SIGTERM", syscall(SYS_pidfd_send_signal, pidfd, SIGTERM, NULL, 0));
    int status;
    waitpid(child, &status, 0);
    printf("child killed by SIGTERM: %s\n", WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM ? "yes" : "no");
    printf("readable after the child ended: %d\n", poll(&poll_entry, 1, 0));
    show("pidfd_send_signal to the reaped child", syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0));
    close(pidfd);

    int own = (int)syscall(SYS_pidfd_open, getpid(), 0);
    int pipe_fds[2];
    pipe(pipe_fds);
    int copy = (int)syscall(SYS_pidfd_getfd, own, pipe_fds[1], 0);
    struct stat original, duplicate;
    fstat(pipe_fds[1], &original);
    fstat(copy, &duplicate);
    printf("pidfd_getfd gives the same pipe: %s\n",
           copy >= 0 && original.st_ino == duplicate.st_ino ? "yes" : strerror(errno));
    printf("the copy is close-on-exec: %s\n", fcntl(copy, F_GETFD) & FD_CLOEXEC ? "yes" : "no");
    write(copy, "x", 1);
    char byte = 0;
    read(pipe_fds[0], &byte, 1);
    printf("written through the copy: %c\n", byte);
    show("pidfd_getfd of a closed fd", syscall(SYS_pidfd_getfd, own, 999, 0));
    show("pidfd_open with bad flags", syscall(SYS_pidfd_open, getpid(), 1));
    show("pidfd_open of pid 0", syscall(SYS_pidfd_open, 0, 0));
    return 0;
}
