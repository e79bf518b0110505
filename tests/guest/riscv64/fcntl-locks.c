/* File locks in one process: open-file-description locks (F_OFD_*) taken
 * through two opens of one file conflict, F_OFD_GETLK describes the
 * holder's range and type, classic F_SETLK/F_GETLK within one process do
 * not conflict, flock() locks of two opens conflict; and the other fcntl
 * commands: F_GETFL/F_SETFL with O_APPEND and O_NONBLOCK, F_GETFD/F_SETFD,
 * F_DUPFD_CLOEXEC. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static const char *type_name(int type)
{
    return type == F_RDLCK ? "F_RDLCK" : type == F_WRLCK ? "F_WRLCK" : type == F_UNLCK ? "F_UNLCK" : "?";
}

int main(void)
{
    char path[] = "/tmp/emu-lock-XXXXXX";
    int first = mkstemp(path);
    int second = open(path, O_RDWR);
    unlink(path);
    write(first, "0123456789abcdef", 16);

    struct flock lock = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 4, .l_len = 8};
    printf("OFD write lock through the first open: %d\n", fcntl(first, F_OFD_SETLK, &lock));
    struct flock probe = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
    printf("F_OFD_GETLK through the second: %d\n", fcntl(second, F_OFD_GETLK, &probe));
    printf("  holder: %s start %lld len %lld pid %d\n", type_name(probe.l_type), (long long)probe.l_start,
           (long long)probe.l_len, probe.l_pid);
    struct flock conflict = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 10, .l_len = 1};
    errno = 0;
    printf("OFD read lock over it through the second: %d (%s)\n", fcntl(second, F_OFD_SETLK, &conflict),
           strerror(errno));
    conflict.l_start = 12;
    printf("OFD read lock next to it: %d\n", fcntl(second, F_OFD_SETLK, &conflict));
    lock.l_type = F_UNLCK;
    printf("unlock the first: %d\n", fcntl(first, F_OFD_SETLK, &lock));
    probe = (struct flock){.l_type = F_WRLCK, .l_whence = SEEK_SET};
    fcntl(first, F_OFD_GETLK, &probe);
    printf("F_OFD_GETLK through the first now: %s start %lld len %lld\n", type_name(probe.l_type),
           (long long)probe.l_start, (long long)probe.l_len);
    conflict.l_type = F_UNLCK;
    fcntl(second, F_OFD_SETLK, &conflict);

    struct flock classic = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 4};
    printf("classic F_SETLK: %d\n", fcntl(first, F_SETLK, &classic));
    classic.l_type = F_RDLCK;
    printf("classic F_SETLKW by the same process through the second: %d\n", fcntl(second, F_SETLKW, &classic));
    struct flock own = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    fcntl(first, F_GETLK, &own);
    printf("classic F_GETLK sees its own locks as free: %s\n", type_name(own.l_type));

    printf("flock LOCK_EX first: %d\n", flock(first, LOCK_EX | LOCK_NB));
    errno = 0;
    printf("flock LOCK_SH second: %d (%s)\n", flock(second, LOCK_SH | LOCK_NB), strerror(errno));
    printf("flock LOCK_UN first, LOCK_SH second: %d %d\n", flock(first, LOCK_UN), flock(second, LOCK_SH | LOCK_NB));

    int flags = fcntl(first, F_GETFL);
    printf("F_GETFL: access %s, append %s, nonblock %s\n", (flags & O_ACCMODE) == O_RDWR ? "O_RDWR" : "other",
           (flags & O_APPEND) ? "yes" : "no", (flags & O_NONBLOCK) ? "yes" : "no");
    printf("F_SETFL O_APPEND|O_NONBLOCK: %d\n", fcntl(first, F_SETFL, flags | O_APPEND | O_NONBLOCK));
    flags = fcntl(first, F_GETFL);
    printf("F_GETFL: append %s, nonblock %s\n", (flags & O_APPEND) ? "yes" : "no", (flags & O_NONBLOCK) ? "yes" : "no");
    write(first, "!", 1);
    printf("append wrote at the end: size %lld\n", (long long)lseek(first, 0, SEEK_END));
    printf("F_GETFD: %d, F_SETFD FD_CLOEXEC: %d, F_GETFD: %d\n", fcntl(first, F_GETFD),
           fcntl(first, F_SETFD, FD_CLOEXEC), fcntl(first, F_GETFD));
    int duplicate = fcntl(first, F_DUPFD_CLOEXEC, 20);
    printf("F_DUPFD_CLOEXEC at or above 20: %s, cloexec %d\n", duplicate >= 20 ? "yes" : "no",
           fcntl(duplicate, F_GETFD));
    errno = 0;
    printf("F_GETLK with a bad pointer: %d (%s)\n", fcntl(first, F_GETLK, (struct flock *)16), strerror(errno));
    close(duplicate);
    close(first);
    close(second);
    return 0;
}
