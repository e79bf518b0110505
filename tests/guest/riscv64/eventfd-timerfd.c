/* eventfd (counter and semaphore modes, EAGAIN when empty) and timerfd
 * (relative and absolute one-shot, periodic expirations, timerfd_gettime,
 * disarming), waited for with poll. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

static void show_read(int fd, const char *what)
{
    uint64_t value = 0;
    errno = 0;
    ssize_t n = read(fd, &value, sizeof value);
    printf("%s: %zd, value %llu%s%s\n", what, n, (unsigned long long)value, n < 0 ? ", " : "",
           n < 0 ? strerror(errno) : "");
}

int main(void)
{
    int counter = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
    uint64_t add = 4;
    write(counter, &add, sizeof add);
    show_read(counter, "eventfd read");
    show_read(counter, "eventfd read when empty");

    int semaphore = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    show_read(semaphore, "semaphore read 1");
    show_read(semaphore, "semaphore read 2");
    show_read(semaphore, "semaphore read 3");
    struct pollfd readable = {.fd = semaphore, .events = POLLIN};
    printf("poll empty semaphore: %d\n", poll(&readable, 1, 0));
    write(semaphore, &add, sizeof add);
    printf("poll after a write: %d, POLLIN %s\n", poll(&readable, 1, 0), (readable.revents & POLLIN) ? "yes" : "no");
    errno = 0;
    printf("eventfd with a bad flag: %d (%s)\n", eventfd(0, 0x40000000), strerror(errno));

    int timer = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    struct itimerspec once = {.it_value = {0, 20 * 1000 * 1000}};
    printf("timerfd_settime relative: %d\n", timerfd_settime(timer, 0, &once, NULL));
    struct itimerspec current;
    timerfd_gettime(timer, &current);
    printf("armed: %s, interval %ld\n", current.it_value.tv_sec == 0 && current.it_value.tv_nsec > 0 ? "yes" : "no",
           (long)current.it_interval.tv_nsec);
    struct pollfd fire = {.fd = timer, .events = POLLIN};
    printf("poll for expiry: %d\n", poll(&fire, 1, 5000));
    show_read(timer, "one-shot expirations");

    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    struct itimerspec absolute = {.it_value = {now.tv_sec, now.tv_nsec}};
    absolute.it_value.tv_nsec += 10 * 1000 * 1000;
    if (absolute.it_value.tv_nsec >= 1000000000) {
        absolute.it_value.tv_sec++;
        absolute.it_value.tv_nsec -= 1000000000;
    }
    struct itimerspec old;
    printf("timerfd_settime absolute: %d\n", timerfd_settime(timer, TFD_TIMER_ABSTIME, &absolute, &old));
    printf("old setting was disarmed: %s\n", old.it_value.tv_sec == 0 && old.it_value.tv_nsec == 0 ? "yes" : "no");
    show_read(timer, "absolute expirations (blocking read)");

    struct itimerspec periodic = {.it_interval = {0, 5 * 1000 * 1000}, .it_value = {0, 5 * 1000 * 1000}};
    timerfd_settime(timer, 0, &periodic, NULL);
    struct timespec pause = {0, 30 * 1000 * 1000};
    nanosleep(&pause, NULL);
    uint64_t expirations = 0;
    read(timer, &expirations, sizeof expirations);
    printf("periodic expirations after 30 ms: %s\n", expirations >= 2 ? "at least 2" : "too few");
    struct itimerspec off = {0};
    timerfd_settime(timer, 0, &off, &old);
    printf("disarmed, old interval %ld ns\n", old.it_interval.tv_nsec);
    timerfd_gettime(timer, &current);
    printf("now: %ld %ld\n", (long)current.it_value.tv_sec, current.it_value.tv_nsec);
    close(timer);
    close(counter);
    close(semaphore);
    return 0;
}
