/* ioctl: a table of the terminal requests programs make at start-up, each
 * with its argument's conversion.  The request numbers are asm-generic's on
 * both sides (x86-64 and arm64 hosts use asm-generic ioctls.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include "guest-memory.h"
#include "log.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

static int64_t termios_get(int fd, unsigned long request, uint64_t arg)
{
    struct host_kernel_termios host;
    struct guest_termios guest;
    if (ioctl(fd, request, &host) != 0)
        return fail(errno);
    guest_termios_from_host(&guest, &host);
    return copy_to_guest(arg, &guest, sizeof guest) != 0 ? fail(EFAULT) : 0;
}

static int64_t termios_set(int fd, unsigned long request, uint64_t arg)
{
    struct host_kernel_termios host;
    struct guest_termios guest;
    if (copy_from_guest(&guest, arg, sizeof guest) != 0)
        return fail(EFAULT);
    host_termios_from_guest(&host, &guest);
    return guest_result(ioctl(fd, request, &host));
}

/* The argument is a plain struct or int, identical on both sides: checked,
 * then handed to the host in place. */
static int64_t pass_out(int fd, unsigned long request, uint64_t arg, size_t size)
{
    int64_t error;
    void *buffer = guest_buffer(arg, size, PROT_WRITE, &error);
    return buffer ? guest_result(ioctl(fd, request, buffer)) : error;
}

static int64_t pass_in(int fd, unsigned long request, uint64_t arg, size_t size)
{
    int64_t error;
    void *buffer = guest_buffer(arg, size, PROT_READ, &error);
    return buffer ? guest_result(ioctl(fd, request, buffer)) : error;
}

static const struct ioctl_entry {
    unsigned long request;
    /* PASS_VALUE: the argument is an int by value; NO_ARGUMENT: none. */
    enum { CONVERT_TERMIOS_GET, CONVERT_TERMIOS_SET, PASS_OUT, PASS_IN, PASS_VALUE, NO_ARGUMENT, OPEN_FLAGS } how;
    size_t size;
} ioctl_table[] = {
    {TCGETS, CONVERT_TERMIOS_GET, sizeof(struct guest_termios)},
    {TCSETS, CONVERT_TERMIOS_SET, sizeof(struct guest_termios)},
    {TCSETSW, CONVERT_TERMIOS_SET, sizeof(struct guest_termios)},
    {TCSETSF, CONVERT_TERMIOS_SET, sizeof(struct guest_termios)},
    {TIOCGWINSZ, PASS_OUT, sizeof(struct winsize)},
    {TIOCSWINSZ, PASS_IN, sizeof(struct winsize)},
    {FIONREAD, PASS_OUT, sizeof(int)},
    {TIOCGPGRP, PASS_OUT, sizeof(int)},
    {TIOCSPGRP, PASS_IN, sizeof(int)},
    {TIOCGSID, PASS_OUT, sizeof(int)},
    {TIOCOUTQ, PASS_OUT, sizeof(int)},
    {TIOCGPTN, PASS_OUT, sizeof(unsigned)},
    {TIOCSPTLCK, PASS_IN, sizeof(int)},
    {TIOCGPTLCK, PASS_OUT, sizeof(int)},
    {TIOCGPTPEER, OPEN_FLAGS, 0},
    {TIOCGETD, PASS_OUT, sizeof(int)},
    {TIOCSETD, PASS_IN, sizeof(int)},
    {TIOCMGET, PASS_OUT, sizeof(int)},
    {TIOCMSET, PASS_IN, sizeof(int)},
    {TIOCPKT, PASS_IN, sizeof(int)},
    {FIONBIO, PASS_IN, sizeof(int)},
    {FIOASYNC, PASS_IN, sizeof(int)},
    {TIOCSCTTY, PASS_VALUE, 0},
    {TCSBRK, PASS_VALUE, 0},
    {TCXONC, PASS_VALUE, 0},
    {TCFLSH, PASS_VALUE, 0},
    {TIOCNOTTY, NO_ARGUMENT, 0},
    {TIOCEXCL, NO_ARGUMENT, 0},
    {TIOCNXCL, NO_ARGUMENT, 0},
    {FIOCLEX, NO_ARGUMENT, 0},
    {FIONCLEX, NO_ARGUMENT, 0},
};

SYSCALL_HANDLER(ioctl)
{
    (void)process;
    int fd = (int)args[0];
    unsigned long request = (unsigned long)(uint32_t)args[1];
    for (size_t i = 0; i < sizeof ioctl_table / sizeof ioctl_table[0]; i++) {
        const struct ioctl_entry *entry = &ioctl_table[i];
        if (entry->request != request)
            continue;
        switch (entry->how) {
        case CONVERT_TERMIOS_GET:
            return termios_get(fd, request, args[2]);
        case CONVERT_TERMIOS_SET:
            return termios_set(fd, request, args[2]);
        case PASS_OUT:
            return pass_out(fd, request, args[2], entry->size);
        case PASS_IN:
            return pass_in(fd, request, args[2], entry->size);
        case PASS_VALUE:
            return guest_result(ioctl(fd, request, (int)args[2]));
        case NO_ARGUMENT:
            return guest_result(ioctl(fd, request));
        case OPEN_FLAGS:
            return guest_result(ioctl(fd, request, host_open_flags(args[2])));
        }
    }
    if (log_enabled(LOG_UNIMP))
        log_printf("Unsupported ioctl: fd %d request 0x%lx\n", fd, request);
    /* What a file that does not understand the request answers. */
    return fail(ENOTTY);
}
