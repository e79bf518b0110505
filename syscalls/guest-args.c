/* Syscall arguments that point into guest memory: paths and buffers, checked
 * against the guest's mappings so a bad pointer is EFAULT, never a host fault. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "elf-loader.h"
#include "code-pages.h"
#include "guest-memory.h"
#include "host-fault.h"
#include "options.h"
#include "syscalls.h"

void *guest_buffer(uint64_t addr, uint64_t len, int prot, int64_t *error)
{
    if (!guest_range_accessible(addr, len, prot)) {
        *error = -guest_errno_from_host(EFAULT);
        return NULL;
    }
    /* the kernel will write it: open pages kept read-only for translated code */
    if ((prot & PROT_WRITE) && code_pages_prepare_write(addr, len))
        host_fault_note_code_write();
    /* an empty buffer may be anywhere: a pointer of our own (g2h(0) is
     * NULL when the space is at host address 0, which means failure here) */
    static char empty;
    return len == 0 ? (void *)&empty : g2h(addr);
}

bool path_is_proc_self_exe(const char *path)
{
    char own[64];
    snprintf(own, sizeof own, "/proc/%d/exe", (int)getpid());
    return strcmp(path, "/proc/self/exe") == 0 || strcmp(path, own) == 0 ||
           strcmp(path, "/proc/thread-self/exe") == 0;
}

int guest_path(const struct linux_process *process, uint64_t guest_addr, char *out, size_t size)
{
    ssize_t length = guest_strnlen(guest_addr, size);
    if (length < 0)
        return -guest_errno_from_host(EFAULT);
    if ((size_t)length >= size)
        return -guest_errno_from_host(ENAMETOOLONG);
    copy_from_guest(out, guest_addr, (size_t)length);
    out[length] = '\0';
    /* The guest's own executable is the program, not the emulator. */
    if (path_is_proc_self_exe(out)) {
        snprintf(out, size, "%s", process->exe_path);
        return 0;
    }
    /* -L: an absolute path is looked up in the sysroot first, as qemu does. */
    const char *sysroot = process->opts ? process->opts->sysroot : NULL;
    char rooted[PATH_MAX];
    if (sysroot && out[0] == '/' && sysroot_path(sysroot, out, rooted, sizeof rooted) && strlen(rooted) < size)
        strcpy(out, rooted);
    return 0;
}

int guest_path_pair(const struct linux_process *process, const uint64_t *args, char *first, char *second, size_t size)
{
    int error = guest_path(process, args[1], first, size);
    return error ? error : guest_path(process, args[3], second, size);
}
