/* fork and vfork: the child runs on a copy (its writes stay its own), the
 * parent gets its pid, and waitpid reports exit statuses and deaths by
 * signal.  A child of a threaded parent runs with one thread. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int shared_value = 1;

static void *idle_thread(void *arg)
{
    (void)arg;
    pause();
    return NULL;
}

static void report(const char *what, pid_t child)
{
    int status;
    pid_t waited = waitpid(child, &status, 0);
    if (waited != child)
        printf("%s: waitpid failed\n", what);
    else if (WIFEXITED(status))
        printf("%s: exited with %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by %s\n", what, strsignal(WTERMSIG(status)));
}

int main(void)
{
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        shared_value = 2;
        printf("child: fork returned 0, my pid is new: %s\n", getpid() != getppid() ? "yes" : "no");
        exit(7);
    }
    report("fork child", child);
    printf("parent still sees %d\n", shared_value);

    child = fork();
    if (child == 0) {
        raise(SIGTERM);
        _exit(0);
    }
    report("child raising SIGTERM", child);

    child = fork();
    if (child == 0) {
        volatile int *volatile page_zero = (int *)16;
        *page_zero = 1;
        _exit(0);
    }
    report("child writing to page 0", child);

    child = vfork();
    if (child == 0)
        _exit(3);
    report("vfork child", child);

    pthread_t thread;
    pthread_create(&thread, NULL, idle_thread, NULL);
    child = fork();
    if (child == 0) {
        printf("child of a threaded parent runs\n");
        exit(0);
    }
    report("child of a threaded parent", child);
    return 0;
}
