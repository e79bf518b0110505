/* inotify on a temporary directory: creating, writing and deleting a file
 * there produce IN_CREATE, IN_CLOSE_WRITE and IN_DELETE events with the
 * file's name; removing the watch produces IN_IGNORED; a non-blocking read
 * with nothing queued is EAGAIN. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

static void show_events(int fd, int wd)
{
    char buffer[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    ssize_t size = read(fd, buffer, sizeof buffer);
    if (size < 0) {
        printf("read: %s\n", strerror(errno));
        return;
    }
    for (char *at = buffer; at < buffer + size;) {
        const struct inotify_event *event = (const struct inotify_event *)at;
        printf("event:%s%s%s%s%s name \"%s\" same watch: %s\n", event->mask & IN_CREATE ? " IN_CREATE" : "",
               event->mask & IN_CLOSE_WRITE ? " IN_CLOSE_WRITE" : "", event->mask & IN_DELETE ? " IN_DELETE" : "",
               event->mask & IN_IGNORED ? " IN_IGNORED" : "", event->mask & IN_ISDIR ? " IN_ISDIR" : "",
               event->len ? event->name : "", event->wd == wd ? "yes" : "no");
        at += sizeof *event + event->len;
    }
}

int main(void)
{
    char directory[] = "/tmp/emu-inotify-XXXXXX";
    if (!mkdtemp(directory))
        return 1;
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    printf("inotify_init1: %s\n", fd >= 0 ? "fd" : strerror(errno));
    printf("close-on-exec: %s\n", fcntl(fd, F_GETFD) & FD_CLOEXEC ? "yes" : "no");
    printf("non-blocking: %s\n", fcntl(fd, F_GETFL) & O_NONBLOCK ? "yes" : "no");
    int wd = inotify_add_watch(fd, directory, IN_CREATE | IN_DELETE | IN_CLOSE_WRITE);
    printf("inotify_add_watch: %s\n", wd >= 0 ? "wd" : strerror(errno));
    show_events(fd, wd);

    char path[64];
    snprintf(path, sizeof path, "%s/file", directory);
    int file = open(path, O_WRONLY | O_CREAT, 0600);
    write(file, "x", 1);
    close(file);
    unlink(path);
    snprintf(path, sizeof path, "%s/sub", directory);
    mkdir(path, 0700);
    rmdir(path);
    show_events(fd, wd);

    printf("inotify_rm_watch: %d\n", inotify_rm_watch(fd, wd));
    show_events(fd, wd);
    errno = 0;
    printf("inotify_rm_watch again: %d %s\n", inotify_rm_watch(fd, wd), strerror(errno));
    printf("inotify_add_watch of a missing path: %d %s\n", inotify_add_watch(fd, "/nonexistent/emu", IN_CREATE),
           strerror(errno));
    printf("inotify_add_watch with a bad path pointer: %d %s\n", inotify_add_watch(fd, (const char *)8, IN_CREATE),
           strerror(errno));
    close(fd);
    rmdir(directory);
    return 0;
}
