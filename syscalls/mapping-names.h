/* What /proc/self/maps says about a guest mapping beyond its protection:
 * the file it maps (name, offset, device, inode) and whether it is shared.
 * The page record in core/guest-memory knows only which pages are mapped
 * and how; the loader and mmap tell this record the rest. */
#ifndef EMU_SYSCALLS_MAPPING_NAMES_H
#define EMU_SYSCALLS_MAPPING_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct mapping_name {
    uint64_t start, end; /* guest bytes [start, end), page-aligned */
    uint64_t offset;     /* file offset of start */
    uint64_t device;     /* st_dev of the file, 0 for anonymous memory */
    uint64_t inode;
    bool shared;
    char *path; /* NULL for anonymous memory */
};

/* Records that [start, end) maps fd at offset (fd < 0: anonymous), replacing
 * whatever was recorded there. */
void mapping_names_note(uint64_t start, uint64_t end, int fd, uint64_t offset, bool shared);
/* Records a file by path, for the loader (which copies segments, not maps them). */
void mapping_names_note_path(uint64_t start, uint64_t end, const char *path, uint64_t offset);
/* Forgets [start, end): the pages were unmapped. */
void mapping_names_forget(uint64_t start, uint64_t end);
/* A copy of every entry, sorted by address, for /proc/self/maps; free it
 * with mapping_names_free.  NULL (and *count 0) when there is none. */
struct mapping_name *mapping_names_snapshot(size_t *count);
void mapping_names_free(struct mapping_name *snapshot, size_t count);

#endif
