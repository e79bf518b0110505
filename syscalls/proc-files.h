/* /proc files that must describe the guest, not the emulator running it:
 * /proc/self/{maps,auxv,cmdline,environ} and /proc/cpuinfo.  Each is
 * generated when opened and served from a memfd, so read, lseek, mmap and
 * fstat all work on it as on a file. */
#ifndef EMU_SYSCALLS_PROC_FILES_H
#define EMU_SYSCALLS_PROC_FILES_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct linux_process;

/* When host_path (already through guest_path) is one of the emulated files:
 * true, with *result the new fd or -guest errno.  False: open the host path. */
bool proc_file_open(const struct linux_process *process, const char *host_path, int host_flags, int64_t *result);

/* The guest's /proc/self/maps, in the kernel's format. */
void proc_write_maps(const struct linux_process *process, FILE *out);

#endif
