/* A file-system walk in a fresh temporary directory: mkdirat, openat with
 * O_CREAT, write, renameat2 (plain and RENAME_NOREPLACE), symlinkat,
 * linkat, readlinkat, fchmodat, utimensat, truncate, newfstatat/statx,
 * faccessat2, getdents64 through readdir (sorted), nftw, then unlinkat of
 * everything.  Prints the sorted walk with sizes, modes and link counts. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

static char root[64];
static char *walk[64];
static int walk_count;

static void make_file(const char *name, const char *contents)
{
    int fd = openat(AT_FDCWD, name, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (fd < 0 || write(fd, contents, strlen(contents)) != (ssize_t)strlen(contents)) {
        printf("create %s: %s\n", name, strerror(errno));
        exit(1);
    }
    close(fd);
}

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    char line[256];
    const char *kind = type == FTW_D ? "dir" : type == FTW_SL ? "symlink" : type == FTW_F ? "file" : "other";
    /* A directory's size and link count depend on the file system. */
    long size = S_ISDIR(st->st_mode) ? 0 : (long)st->st_size;
    unsigned long links = S_ISDIR(st->st_mode) ? 0 : (unsigned long)st->st_nlink;
    snprintf(line, sizeof line, "%-28s %-7s level %d size %3ld mode %04o links %lu", path + strlen(root), kind,
             ftw->level, size, (unsigned)(st->st_mode & 07777), links);
    walk[walk_count++] = strdup(line);
    return 0;
}

static void list_directory(const char *path)
{
    DIR *dir = opendir(path);
    char *names[32];
    int count = 0;
    for (struct dirent *entry; (entry = readdir(dir));)
        if (strcmp(entry->d_name, ".") && strcmp(entry->d_name, ".."))
            names[count++] = strdup(entry->d_name);
    closedir(dir);
    qsort(names, (size_t)count, sizeof names[0], compare);
    printf("readdir %s:", path + strlen(root));
    for (int i = 0; i < count; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)ftw;
    return unlinkat(AT_FDCWD, path, type == FTW_DP ? AT_REMOVEDIR : 0);
}

int main(void)
{
    umask(022);
    strcpy(root, "/tmp/emu-walk-XXXXXX");
    if (!mkdtemp(root)) {
        printf("mkdtemp: %s\n", strerror(errno));
        return 1;
    }
    if (chdir(root) != 0)
        return 1;
    mkdirat(AT_FDCWD, "a", 0755);
    mkdirat(AT_FDCWD, "a/b", 0700);
    mkdirat(AT_FDCWD, "c", 0755);
    make_file("a/one.txt", "one\n");
    make_file("a/b/two.txt", "two two\n");
    make_file("c/draft", "three three three\n");
    make_file("top", "0123456789");

    printf("rename draft -> three.txt: %d\n", renameat2(AT_FDCWD, "c/draft", AT_FDCWD, "c/three.txt", 0));
    errno = 0;
    int noreplace = renameat2(AT_FDCWD, "top", AT_FDCWD, "c/three.txt", RENAME_NOREPLACE);
    printf("RENAME_NOREPLACE onto a file: %d %s\n", noreplace, strerror(errno));
    printf("symlink: %d\n", symlinkat("../a/one.txt", AT_FDCWD, "c/link-to-one"));
    printf("hard link: %d\n", linkat(AT_FDCWD, "a/one.txt", AT_FDCWD, "a/b/one-again", 0));
    char target[64];
    ssize_t target_length = readlinkat(AT_FDCWD, "c/link-to-one", target, sizeof target);
    printf("readlink: %.*s\n", (int)target_length, target);
    printf("fchmodat 0600: %d\n", fchmodat(AT_FDCWD, "c/three.txt", 0600, 0));
    printf("truncate to 4: %d\n", truncate("top", 4));
    struct timespec times[2] = {{1000000000, 0}, {1234567890, 500}};
    printf("utimensat: %d\n", utimensat(AT_FDCWD, "a/one.txt", times, 0));

    struct stat st;
    fstatat(AT_FDCWD, "a/one.txt", &st, 0);
    printf("one.txt: size %ld, mtime %ld.%09ld, atime %ld, links %lu\n", (long)st.st_size, (long)st.st_mtim.tv_sec,
           st.st_mtim.tv_nsec, (long)st.st_atim.tv_sec, (unsigned long)st.st_nlink);
    fstatat(AT_FDCWD, "c/link-to-one", &st, AT_SYMLINK_NOFOLLOW);
    printf("link lstat: symlink %s, size %ld\n", S_ISLNK(st.st_mode) ? "yes" : "no", (long)st.st_size);
    struct statx sx;
    statx(AT_FDCWD, "a/b/two.txt", 0, STATX_SIZE | STATX_MODE, &sx);
    printf("statx two.txt: size %llu, mode %04o\n", (unsigned long long)sx.stx_size, sx.stx_mode & 07777);
    printf("faccessat2 W_OK on three.txt: %d\n", faccessat(AT_FDCWD, "c/three.txt", W_OK, AT_EACCESS));
    errno = 0;
    printf("access missing: %d %s\n", faccessat(AT_FDCWD, "nothing", F_OK, 0), strerror(errno));
    struct statfs fs;
    printf("statfs: %d, block size known: %s\n", statfs(".", &fs), fs.f_bsize > 0 ? "yes" : "no");

    list_directory(root);
    char path[128];
    snprintf(path, sizeof path, "%s/a", root);
    list_directory(path);
    snprintf(path, sizeof path, "%s/c", root);
    list_directory(path);

    nftw(root, visit, 8, FTW_PHYS);
    qsort(walk, (size_t)walk_count, sizeof walk[0], compare);
    for (int i = 0; i < walk_count; i++) {
        printf("%s\n", walk[i]);
        free(walk[i]);
    }

    if (chdir("/") != 0)
        return 1;
    printf("remove all: %d\n", nftw(root, remove_entry, 8, FTW_DEPTH | FTW_PHYS));
    errno = 0;
    printf("root gone: %s\n", access(root, F_OK) != 0 && errno == ENOENT ? "yes" : "no");
    return 0;
}
