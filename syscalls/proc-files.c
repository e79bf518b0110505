/* /proc as the guest must see it.  Linux computes these files from the
 * process; here they come from the guest's page record, the mapping names,
 * the initial stack and the arch's hook, and are written into a memfd. */
#define _GNU_SOURCE
#include "proc-files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "guest-memory.h"
#include "initial-stack.h"
#include "linux-user.h"
#include "mapping-names.h"
#include "syscalls.h"

static uint64_t page_ceil(uint64_t addr) { return (addr + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1); }

/* What a run of pages is, beyond its protection; runs end where it changes. */
struct page_kind {
    const struct mapping_name *file; /* NULL: anonymous */
    const char *label;               /* "[heap]", "[stack]" or NULL */
};

static struct page_kind kind_of(const struct linux_process *process, uint64_t page, const struct mapping_name *names,
                                size_t count)
{
    struct page_kind kind = {NULL, NULL};
    for (size_t i = 0; i < count && names[i].start <= page; i++)
        if (page < names[i].end && names[i].path)
            kind.file = &names[i];
    const struct initial_stack_layout *stack = initial_stack_layout();
    if (!kind.file && page >= process->brk_start && page < page_ceil(process->brk_current))
        kind.label = "[heap]";
    else if (!kind.file && page >= stack->stack_start && page < stack->stack_end)
        kind.label = "[stack]";
    return kind;
}

static bool same_kind(struct page_kind a, struct page_kind b) { return a.file == b.file && a.label == b.label; }

static void write_line(FILE *out, uint64_t start, uint64_t end, int prot, struct page_kind kind)
{
    const struct mapping_name *file = kind.file;
    uint64_t offset = file ? file->offset + (start - file->start) : 0;
    uint64_t device = file ? file->device : 0;
    int length = fprintf(out, "%08llx-%08llx %c%c%c%c %08llx %02x:%02x %llu ", (unsigned long long)start,
                         (unsigned long long)end, prot & PROT_READ ? 'r' : '-', prot & PROT_WRITE ? 'w' : '-',
                         prot & PROT_EXEC ? 'x' : '-', file && file->shared ? 's' : 'p', (unsigned long long)offset,
                         major(device), minor(device), (unsigned long long)(file ? file->inode : 0));
    const char *name = file ? file->path : kind.label;
    /* The kernel pads the name to column 74 (seq_setwidth + seq_pad). */
    if (name)
        fprintf(out, "%*s%s", length < 73 ? 73 - length : 1, "", name);
    fputc('\n', out);
}

void proc_write_maps(const struct linux_process *process, FILE *out)
{
    size_t count;
    struct mapping_name *names = mapping_names_snapshot(&count);
    uint64_t page = 0;
    while (page < GUEST_SPACE_SIZE) {
        int prot = guest_page_prot(page);
        if (prot < 0) {
            page += GUEST_PAGE_SIZE;
            continue;
        }
        struct page_kind kind = kind_of(process, page, names, count);
        uint64_t end = page + GUEST_PAGE_SIZE;
        while (end < GUEST_SPACE_SIZE && guest_page_prot(end) == prot &&
               same_kind(kind_of(process, end, names, count), kind))
            end += GUEST_PAGE_SIZE;
        write_line(out, page, end, prot, kind);
        page = end;
    }
    mapping_names_free(names, count);
}

/* Guest bytes [start, end), as far as they are readable. */
static void write_guest_bytes(FILE *out, uint64_t start, uint64_t end)
{
    char buffer[4096];
    for (uint64_t at = start; at < end;) {
        size_t chunk = end - at < sizeof buffer ? (size_t)(end - at) : sizeof buffer;
        if (copy_from_guest(buffer, at, chunk) != 0)
            return;
        fwrite(buffer, 1, chunk, out);
        at += chunk;
    }
}

static void write_auxv(const struct linux_process *process, FILE *out)
{
    (void)process;
    const struct initial_stack_layout *layout = initial_stack_layout();
    fwrite(layout->auxv, sizeof layout->auxv[0], layout->auxv_count, out);
}

static void write_cmdline(const struct linux_process *process, FILE *out)
{
    (void)process;
    const struct initial_stack_layout *layout = initial_stack_layout();
    write_guest_bytes(out, layout->arg_start, layout->arg_end);
}

static void write_environ(const struct linux_process *process, FILE *out)
{
    (void)process;
    const struct initial_stack_layout *layout = initial_stack_layout();
    write_guest_bytes(out, layout->env_start, layout->env_end);
}

static void write_cpuinfo(const struct linux_process *process, FILE *out)
{
    long processors = sysconf(_SC_NPROCESSORS_ONLN);
    process->abi->write_cpuinfo(out, processors > 0 ? (unsigned)processors : 1);
}

static const struct {
    const char *name; /* under /proc/self/, or from / when it starts with "/" */
    void (*write)(const struct linux_process *process, FILE *out);
} proc_files[] = {
    {"maps", proc_write_maps},
    {"auxv", write_auxv},
    {"cmdline", write_cmdline},
    {"environ", write_environ},
    {"/proc/cpuinfo", write_cpuinfo},
};

/* The part of path after /proc/self/ (or /proc/<our pid>/, or
 * /proc/thread-self/), NULL when path is not about this process. */
static const char *self_relative(const char *path)
{
    static const char *const prefixes[] = {"/proc/self/", "/proc/thread-self/"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(path, prefixes[i], strlen(prefixes[i])) == 0)
            return path + strlen(prefixes[i]);
    char own[32];
    int length = snprintf(own, sizeof own, "/proc/%d/", (int)getpid());
    return strncmp(path, own, (size_t)length) == 0 ? path + length : NULL;
}

bool proc_file_open(const struct linux_process *process, const char *host_path, int host_flags, int64_t *result)
{
    if (strncmp(host_path, "/proc/", 6) != 0)
        return false;
    const char *relative = self_relative(host_path);
    size_t i = 0;
    for (; i < sizeof proc_files / sizeof proc_files[0]; i++) {
        const char *name = proc_files[i].name;
        if (name[0] == '/' ? strcmp(host_path, name) == 0 : relative && strcmp(relative, name) == 0)
            break;
    }
    if (i == sizeof proc_files / sizeof proc_files[0])
        return false;
    if (proc_files[i].write == write_cpuinfo && !process->abi->write_cpuinfo)
        return false;
    /* These files are read-only for everyone, root included. */
    if ((host_flags & O_ACCMODE) != O_RDONLY || (host_flags & (O_CREAT | O_TRUNC))) {
        *result = -guest_errno_from_host(EACCES);
        return true;
    }
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    if (!out) {
        *result = -guest_errno_from_host(ENOMEM);
        return true;
    }
    proc_files[i].write(process, out);
    fclose(out);
    int fd = memfd_create("emu-proc-file", MFD_CLOEXEC);
    bool written = fd >= 0;
    for (size_t done = 0; written && done < size;) {
        ssize_t wrote = write(fd, text + done, size - done);
        written = wrote > 0;
        done += written ? (size_t)wrote : 0;
    }
    int error = written ? 0 : fd < 0 ? errno : EIO;
    free(text);
    /* Reopened read-only, so the guest cannot write it, as the real file. */
    int read_only = -1;
    if (written) {
        char link[64];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        read_only = open(link, O_RDONLY | (host_flags & O_CLOEXEC));
        if (read_only < 0)
            error = errno;
    }
    if (fd >= 0)
        close(fd);
    *result = read_only >= 0 ? read_only : -guest_errno_from_host(error);
    return true;
}
