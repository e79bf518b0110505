/* Time and system information: nanosleep, clock_nanosleep relative and
 * absolute (TIMER_ABSTIME), setitimer/getitimer round trips without
 * expiring, POSIX timers (timer_create/settime/gettime/delete), getrusage,
 * times, sysinfo's layout, sched_getaffinity/sched_setaffinity, getcpu,
 * umask.  Values that vary are printed as checks. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

static long long nanoseconds(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
    struct timespec start, end, request = {0, 20 * 1000 * 1000};
    clock_gettime(CLOCK_MONOTONIC, &start);
    printf("nanosleep 20 ms: %d\n", nanosleep(&request, NULL));
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("slept at least 20 ms: %s\n", nanoseconds(end) - nanoseconds(start) >= 20000000 ? "yes" : "no");
    printf("clock_nanosleep relative: %d\n", clock_nanosleep(CLOCK_MONOTONIC, 0, &request, NULL));
    clock_gettime(CLOCK_MONOTONIC, &start);
    struct timespec deadline = {start.tv_sec, start.tv_nsec + 15 * 1000 * 1000};
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    printf("clock_nanosleep absolute: %d\n", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL));
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("woke after the deadline: %s\n", nanoseconds(end) >= nanoseconds(deadline) ? "yes" : "no");
    struct timespec negative = {-1, 0};
    printf("clock_nanosleep with a bad time: %d\n", clock_nanosleep(CLOCK_MONOTONIC, 0, &negative, NULL));

    struct itimerval timer = {.it_interval = {0, 0}, .it_value = {100, 0}}, old, current;
    printf("setitimer ITIMER_REAL 100 s: %d\n", setitimer(ITIMER_REAL, &timer, &old));
    printf("old value was zero: %s\n", old.it_value.tv_sec == 0 && old.it_value.tv_usec == 0 ? "yes" : "no");
    getitimer(ITIMER_REAL, &current);
    printf("getitimer: between 99 and 100 s: %s\n",
           current.it_value.tv_sec >= 99 && current.it_value.tv_sec <= 100 ? "yes" : "no");
    printf("alarm(0) returns the seconds left: %u\n", alarm(0));
    getitimer(ITIMER_REAL, &current);
    printf("disarmed: %s\n", current.it_value.tv_sec == 0 && current.it_value.tv_usec == 0 ? "yes" : "no");

    timer_t posix_timer;
    struct sigevent event = {.sigev_notify = SIGEV_NONE};
    printf("timer_create: %d\n", timer_create(CLOCK_MONOTONIC, &event, &posix_timer));
    struct itimerspec setting = {.it_interval = {1, 0}, .it_value = {50, 0}}, got;
    printf("timer_settime: %d\n", timer_settime(posix_timer, 0, &setting, NULL));
    timer_gettime(posix_timer, &got);
    printf("timer_gettime: value under 50 s %s, interval %ld s\n", got.it_value.tv_sec < 50 ? "yes" : "no",
           (long)got.it_interval.tv_sec);
    printf("timer_getoverrun: %d, timer_delete: %d\n", timer_getoverrun(posix_timer), timer_delete(posix_timer));

    struct rusage usage;
    printf("getrusage: %d, some user time or none: %s\n", getrusage(RUSAGE_SELF, &usage),
           usage.ru_utime.tv_sec >= 0 ? "yes" : "no");
    struct tms buffer;
    printf("times: ticks positive %s\n", times(&buffer) > 0 ? "yes" : "no");
    struct sysinfo info;
    printf("sysinfo: %d, memory known %s, unit %s, uptime positive %s\n", sysinfo(&info),
           info.totalram > 0 && info.freeram <= info.totalram ? "yes" : "no", info.mem_unit >= 1 ? "ok" : "bad",
           info.uptime > 0 ? "yes" : "no");

    cpu_set_t set;
    CPU_ZERO(&set);
    printf("sched_getaffinity: %d, at least one cpu %s\n", sched_getaffinity(0, sizeof set, &set),
           CPU_COUNT(&set) >= 1 ? "yes" : "no");
    printf("sched_setaffinity to the same set: %d\n", sched_setaffinity(0, sizeof set, &set));
    unsigned cpu = 9999, node = 9999;
    printf("getcpu: %d, cpu in the set %s\n", getcpu(&cpu, &node), CPU_ISSET(cpu, &set) ? "yes" : "no");
    umask(027);
    printf("umask: %03o\n", umask(022));
    return 0;
}
