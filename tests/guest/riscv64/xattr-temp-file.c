/* Extended attributes on a temporary file: set, size query, get, list, the
 * fd forms, XATTR_CREATE on an existing name, remove, and a symlink's own
 * (l*) attributes; EFAULT for a bad value pointer, ERANGE for a short
 * buffer.  A filesystem without user attributes answers ENOTSUP, printed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

static void show(const char *what, long result)
{
    if (result < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, result);
}

/* Only the user.* names: a filesystem may add security.* ones of its own. */
static void show_user_names(const char *what, const char *list, long size)
{
    printf("%s:", what);
    for (long at = 0; at < size; at += (long)strlen(list + at) + 1)
        if (strncmp(list + at, "user.", 5) == 0)
            printf(" %s", list + at);
    printf("\n");
}

/* through a volatile, so the compiler does not object to the bad buffer */
static void *volatile bad_pointer = (void *)8;

int main(void)
{
    char directory[] = "/tmp/emu-xattr-XXXXXX";
    if (!mkdtemp(directory))
        return 1;
    char path[64], link_path[64];
    snprintf(path, sizeof path, "%s/file", directory);
    snprintf(link_path, sizeof link_path, "%s/link", directory);
    int fd = open(path, O_RDWR | O_CREAT, 0600);
    symlink(path, link_path);

    if (setxattr(path, "user.colour", "blue", 4, 0) != 0) {
        printf("setxattr: %s\n", errno == ENOTSUP ? "ENOTSUP (the filesystem has no user attributes)" : strerror(errno));
    } else {
        printf("setxattr: 0\n");
        char value[64] = {0};
        show("getxattr size query", getxattr(path, "user.colour", NULL, 0));
        show("getxattr", getxattr(path, "user.colour", value, sizeof value));
        printf("value: %s\n", value);
        show("getxattr into a short buffer", getxattr(path, "user.colour", value, 2));
        show("getxattr into a bad pointer", getxattr(path, "user.colour", bad_pointer, 16));
        show("getxattr of a missing name", getxattr(path, "user.missing", value, sizeof value));
        show("fsetxattr", fsetxattr(fd, "user.shape", "round", 5, 0));
        memset(value, 0, sizeof value);
        show("fgetxattr", fgetxattr(fd, "user.shape", value, sizeof value));
        printf("value: %s\n", value);
        show("setxattr XATTR_CREATE of an existing name", setxattr(path, "user.shape", "square", 6, XATTR_CREATE));
        show("setxattr XATTR_REPLACE of a missing name", setxattr(path, "user.size", "big", 3, XATTR_REPLACE));
        char list[256];
        long size = listxattr(path, list, sizeof list);
        show_user_names("listxattr", list, size);
        size = flistxattr(fd, list, sizeof list);
        show_user_names("flistxattr", list, size);
        show("listxattr into a bad pointer", listxattr(path, bad_pointer, 64));
        show("lgetxattr through the link (the link's own)", lgetxattr(link_path, "user.colour", value, sizeof value));
        memset(value, 0, sizeof value);
        show("getxattr through the link (the file's)", getxattr(link_path, "user.colour", value, sizeof value));
        show("lsetxattr on the link", lsetxattr(link_path, "user.colour", "red", 3, 0));
        size = llistxattr(link_path, list, sizeof list);
        show_user_names("llistxattr", list, size);
        show("removexattr", removexattr(path, "user.colour"));
        show("fremovexattr", fremovexattr(fd, "user.shape"));
        show("lremovexattr on the link", lremovexattr(link_path, "user.colour"));
        show("getxattr after removing", getxattr(path, "user.colour", value, sizeof value));
        show("removexattr of a missing name", removexattr(path, "user.colour"));
    }
    show("getxattr with a bad name pointer", getxattr(path, bad_pointer, NULL, 0));
    close(fd);
    unlink(link_path);
    unlink(path);
    rmdir(directory);
    return 0;
}
