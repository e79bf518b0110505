/* A pseudo-terminal: posix_openpt, grantpt, unlockpt, ptsname (TIOCSPTLCK,
 * TIOCGPTN), then termios through TCGETS/TCSETS (tcgetattr/tcsetattr),
 * window size (TIOCSWINSZ/TIOCGWINSZ), FIONREAD, and text written on one
 * side read on the other, in canonical mode with echo and in raw mode. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* The tty layer moves bytes between the sides asynchronously: wait for them. */
static void wait_readable(int fd)
{
    struct pollfd readable = {.fd = fd, .events = POLLIN};
    poll(&readable, 1, -1);
}

static void show(const char *what, const char *bytes, ssize_t n)
{
    printf("%s: %zd bytes \"", what, n);
    for (ssize_t i = 0; i < n; i++) {
        if (bytes[i] == '\n')
            printf("\\n");
        else if (bytes[i] == '\r')
            printf("\\r");
        else
            putchar(bytes[i]);
    }
    printf("\"\n");
}

int main(void)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    printf("posix_openpt: %s\n", master >= 0 ? "ok" : strerror(errno));
    printf("grantpt: %d, unlockpt: %d\n", grantpt(master), unlockpt(master));
    const char *name = ptsname(master);
    printf("ptsname under /dev/pts/: %s\n", name && strncmp(name, "/dev/pts/", 9) == 0 ? "yes" : "no");
    int slave = open(name, O_RDWR | O_NOCTTY);
    printf("isatty slave: %d, isatty master: %d\n", isatty(slave), isatty(master));

    struct termios settings;
    printf("tcgetattr: %d, ICANON %s, ECHO %s, VEOF %d\n", tcgetattr(slave, &settings),
           (settings.c_lflag & ICANON) ? "on" : "off", (settings.c_lflag & ECHO) ? "on" : "off", settings.c_cc[VEOF]);

    struct winsize size = {.ws_row = 24, .ws_col = 80};
    printf("TIOCSWINSZ: %d\n", ioctl(master, TIOCSWINSZ, &size));
    struct winsize back;
    ioctl(slave, TIOCGWINSZ, &back);
    printf("TIOCGWINSZ: %ux%u\n", back.ws_col, back.ws_row);

    /* Canonical mode: the line arrives at the newline, echoed back. */
    write(master, "hello tty\n", 10);
    char buffer[64];
    ssize_t n = read(slave, buffer, sizeof buffer);
    show("slave read a line", buffer, n);
    wait_readable(master);
    n = read(master, buffer, sizeof buffer);
    show("master got the echo", buffer, n);

    /* Output processing: ONLCR turns \n into \r\n. */
    write(slave, "out\n", 4);
    wait_readable(master);
    int pending = 0;
    ioctl(master, FIONREAD, &pending);
    printf("FIONREAD on the master: %d\n", pending);
    n = read(master, buffer, sizeof buffer);
    show("master read output", buffer, n);

    /* Raw mode: bytes pass one by one, no echo, no translation. */
    cfmakeraw(&settings);
    printf("tcsetattr raw: %d\n", tcsetattr(slave, TCSANOW, &settings));
    struct termios raw;
    tcgetattr(slave, &raw);
    printf("now ICANON %s, ECHO %s, OPOST %s, VMIN %d\n", (raw.c_lflag & ICANON) ? "on" : "off",
           (raw.c_lflag & ECHO) ? "on" : "off", (raw.c_oflag & OPOST) ? "on" : "off", raw.c_cc[VMIN]);
    write(master, "ab\n", 3);
    wait_readable(slave);
    n = read(slave, buffer, sizeof buffer);
    show("slave read raw", buffer, n);
    write(slave, "x\n", 2);
    wait_readable(master);
    n = read(master, buffer, sizeof buffer);
    show("master read raw output", buffer, n);
    printf("tcsetattr TCSAFLUSH: %d\n", tcsetattr(slave, TCSAFLUSH, &raw));
    errno = 0;
    printf("tcgetattr on a pipe: %d (%s)\n", tcgetattr(0, &raw) == 0 ? 0 : -1,
           isatty(0) ? "a terminal" : strerror(errno));
    close(slave);
    close(master);
    return 0;
}
