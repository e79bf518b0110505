/* Loading an ELF64 program, and the dynamic linker it names, into guest memory. */
#ifndef EMU_SYSCALLS_ELF_LOADER_H
#define EMU_SYSCALLS_ELF_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest-memory.h"

struct arch;

/* Where the program landed, for the initial stack and the heap. */
struct elf_image {
    uint64_t entry;      /* the program's entry point (AT_ENTRY) */
    uint64_t start_pc;   /* where execution begins: the interpreter's entry, else entry */
    uint64_t interp_base; /* AT_BASE: where the interpreter landed, 0 without one */
    uint64_t phdr;       /* guest address of the program headers (AT_PHDR) */
    uint64_t phnum;      /* AT_PHNUM */
    uint64_t phent;      /* AT_PHENT */
    uint64_t load_bias;  /* added to every p_vaddr: 0 for ET_EXEC */
    uint64_t brk;        /* end of the program's highest segment, page-aligned up */
    bool stack_executable; /* PT_GNU_STACK asked for PF_X */
};

/* Linux's ELF_ET_DYN_BASE: where a static-pie is placed, 2/3 of the space. */
#define ELF_DYN_BASE ((GUEST_SPACE_SIZE / 3 * 2) & ~(GUEST_PAGE_SIZE - 1))

/* Loads the program at path for arch and, when it has a PT_INTERP, the
 * interpreter (looked up under sysroot first when sysroot is not NULL) at a
 * base of its own; false after printing a one-line error to stderr. */
bool elf_load(const char *path, const char *sysroot, const struct arch *arch, struct elf_image *image);

/* The host path of a guest's absolute path: sysroot + path when that exists,
 * else path itself, as QEMU's -L does.  Relative paths are kept.  False when
 * the result does not fit in size. */
bool sysroot_path(const char *sysroot, const char *path, char *out, size_t size);

/* "x86-64" for EM_X86_64; NULL when the machine is not in the table. */
const char *elf_machine_name(uint16_t machine);

#endif
