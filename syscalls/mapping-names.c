/* The record of what guest mappings are, for /proc/self/maps: a short array
 * of ranges sorted by address (a process has tens to hundreds of mappings).
 * Guest threads map concurrently, so one lock guards it. */
#define _GNU_SOURCE
#include "mapping-names.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct mapping_name *entries;
static size_t count, capacity;

static bool insert_at(size_t at, const struct mapping_name *entry)
{
    if (count == capacity) {
        size_t grown = capacity ? capacity * 2 : 64;
        struct mapping_name *bigger = realloc(entries, grown * sizeof *entries);
        if (!bigger)
            return false;
        entries = bigger;
        capacity = grown;
    }
    memmove(&entries[at + 1], &entries[at], (count - at) * sizeof *entries);
    entries[at] = *entry;
    count++;
    return true;
}

static void remove_at(size_t at)
{
    free(entries[at].path);
    memmove(&entries[at], &entries[at + 1], (count - at - 1) * sizeof *entries);
    count--;
}

/* Cuts [start, end) out of every entry, splitting one that straddles it. */
static void forget_locked(uint64_t start, uint64_t end)
{
    for (size_t i = 0; i < count;) {
        struct mapping_name *e = &entries[i];
        if (e->end <= start || e->start >= end) {
            i++;
            continue;
        }
        if (e->start < start && e->end > end) {
            struct mapping_name tail = *e;
            tail.offset += end - e->start;
            tail.start = end;
            tail.path = e->path ? strdup(e->path) : NULL;
            e->end = start;
            if (!insert_at(i + 1, &tail))
                free(tail.path);
            return;
        }
        if (e->start < start) {
            e->end = start;
            i++;
        } else if (e->end > end) {
            e->offset += end - e->start;
            e->start = end;
            i++;
        } else {
            remove_at(i);
        }
    }
}

static void note_locked(const struct mapping_name *entry)
{
    forget_locked(entry->start, entry->end);
    size_t at = 0;
    while (at < count && entries[at].start < entry->start)
        at++;
    struct mapping_name copy = *entry;
    copy.path = entry->path ? strdup(entry->path) : NULL;
    if ((entry->path && !copy.path) || !insert_at(at, &copy))
        free(copy.path);
}

void mapping_names_note(uint64_t start, uint64_t end, int fd, uint64_t offset, bool shared)
{
    struct mapping_name entry = {.start = start, .end = end, .offset = offset, .shared = shared};
    char path[PATH_MAX];
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0) {
        char link[64];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t length = readlink(link, path, sizeof path - 1);
        if (length > 0) {
            path[length] = '\0';
            entry.path = path;
        }
        entry.device = st.st_dev;
        entry.inode = st.st_ino;
    }
    pthread_mutex_lock(&lock);
    note_locked(&entry);
    pthread_mutex_unlock(&lock);
}

void mapping_names_note_path(uint64_t start, uint64_t end, const char *path, uint64_t offset)
{
    struct mapping_name entry = {.start = start, .end = end, .offset = offset, .path = (char *)path};
    struct stat st;
    if (stat(path, &st) == 0) {
        entry.device = st.st_dev;
        entry.inode = st.st_ino;
    }
    pthread_mutex_lock(&lock);
    note_locked(&entry);
    pthread_mutex_unlock(&lock);
}

void mapping_names_forget(uint64_t start, uint64_t end)
{
    pthread_mutex_lock(&lock);
    forget_locked(start, end);
    pthread_mutex_unlock(&lock);
}

struct mapping_name *mapping_names_snapshot(size_t *count_out)
{
    pthread_mutex_lock(&lock);
    struct mapping_name *copy = count ? calloc(count, sizeof *copy) : NULL;
    size_t copied = 0;
    for (; copy && copied < count; copied++) {
        copy[copied] = entries[copied];
        copy[copied].path = entries[copied].path ? strdup(entries[copied].path) : NULL;
    }
    pthread_mutex_unlock(&lock);
    *count_out = copied;
    return copy;
}

void mapping_names_free(struct mapping_name *snapshot, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(snapshot[i].path);
    free(snapshot);
}
