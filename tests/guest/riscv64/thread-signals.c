/* Signals and threads: pthread_kill reaches the thread it names; a blocked
 * signal stays pending (sigpending) until unblocked; sigwait takes a
 * blocked one; sigsuspend waits with a temporary mask; a read blocked in
 * the kernel is interrupted (EINTR) or restarted (SA_RESTART) by a handler;
 * gettid differs per thread; SA_RESETHAND and SA_NODEFER behave. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile pid_t handler_tid;
static volatile int handled;

static void on_signal(int signal)
{
    (void)signal;
    handler_tid = gettid();
    handled++;
}

static void install(int signal, void (*handler)(int), int flags)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    action.sa_flags = flags;
    sigaction(signal, &action, NULL);
}

static volatile pid_t worker_tid;
static volatile int worker_ready, worker_stop;

static void *worker(void *arg)
{
    (void)arg;
    worker_tid = gettid();
    worker_ready = 1;
    while (!worker_stop)
        sched_yield();
    return NULL;
}

/* ---- a read interrupted by a signal from another thread ---- */
static int pipe_fds[2];
static volatile int reader_done;
static pthread_t reader_thread;

static void *kicker(void *arg)
{
    int write_after = (int)(long)arg;
    /* keep signalling until the reader reacts: no race on when it blocks */
    for (int i = 0; !reader_done; i++) {
        pthread_kill(reader_thread, SIGUSR2);
        usleep(20000);
        if (write_after && handled >= 1 && i >= 2) {
            if (write(pipe_fds[1], "x", 1) != 1)
                return NULL;
            write_after = 0;
        }
    }
    return NULL;
}

static void read_with(int flags, const char *what)
{
    install(SIGUSR2, on_signal, flags);
    pipe(pipe_fds);
    handled = 0;
    reader_done = 0;
    reader_thread = pthread_self();
    pthread_t thread;
    pthread_create(&thread, NULL, kicker, (void *)(long)(flags & SA_RESTART ? 1 : 0));
    char byte;
    ssize_t got = read(pipe_fds[0], &byte, 1);
    int error = errno;
    reader_done = 1;
    pthread_join(thread, NULL);
    if (got < 0)
        printf("%s: read failed with %s, handler ran: %s\n", what, strerror(error), handled ? "yes" : "no");
    else
        printf("%s: read returned %zd byte '%c' after the handler ran: %s\n", what, got, byte,
               handled ? "yes" : "no");
    close(pipe_fds[0]);
    close(pipe_fds[1]);
}

int main(void)
{
    pid_t main_tid = gettid();
    printf("main tid is the pid: %s\n", main_tid == getpid() ? "yes" : "no");

    install(SIGUSR1, on_signal, 0);
    pthread_t thread;
    pthread_create(&thread, NULL, worker, NULL);
    while (!worker_ready)
        sched_yield();
    printf("worker tid differs: %s\n", worker_tid != main_tid ? "yes" : "no");
    pthread_kill(thread, SIGUSR1);
    while (!handled)
        sched_yield();
    printf("pthread_kill: handler ran in the worker: %s\n", handler_tid == worker_tid ? "yes" : "no");
    worker_stop = 1;
    pthread_join(thread, NULL);

    /* blocked: pending, then delivered on unblock */
    sigset_t set, pending;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    handled = 0;
    kill(getpid(), SIGUSR1);
    sigpending(&pending);
    printf("blocked: handled %d, pending: %s\n", handled, sigismember(&pending, SIGUSR1) ? "yes" : "no");
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    printf("unblocked: handled %d, in main: %s\n", handled, handler_tid == main_tid ? "yes" : "no");
    sigpending(&pending);
    printf("still pending: %s\n", sigismember(&pending, SIGUSR1) ? "yes" : "no");

    /* sigwait takes a blocked signal without running the handler */
    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGUSR1);
    int taken = 0;
    sigwait(&set, &taken);
    printf("sigwait took %s, handled %d\n", strsignal(taken), handled);

    /* sigsuspend: the temporary mask lets it in, the old mask comes back */
    raise(SIGUSR1);
    sigset_t open_mask;
    sigemptyset(&open_mask);
    int result = sigsuspend(&open_mask);
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("sigsuspend returned %d (%s), handled %d, SIGUSR1 blocked again: %s\n", result, strerror(errno), handled,
           sigismember(&now, SIGUSR1) ? "yes" : "no");
    sigprocmask(SIG_UNBLOCK, &set, NULL);

    /* SA_RESETHAND: the second one takes the default action, ignored here */
    install(SIGURG, on_signal, SA_RESETHAND);
    handled = 0;
    raise(SIGURG);
    raise(SIGURG);
    struct sigaction current;
    sigaction(SIGURG, NULL, &current);
    printf("SA_RESETHAND: handled %d, reset to SIG_DFL: %s\n", handled, current.sa_handler == SIG_DFL ? "yes" : "no");

    read_with(0, "without SA_RESTART");
    read_with(SA_RESTART, "with SA_RESTART");
    return 0;
}
