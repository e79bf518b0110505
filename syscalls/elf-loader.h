/* Loading a static ELF64 program into guest memory. */
#ifndef EMU_SYSCALLS_ELF_LOADER_H
#define EMU_SYSCALLS_ELF_LOADER_H

#include <stdbool.h>
#include <stdint.h>

#include "guest-memory.h"

struct arch;

/* Where the program landed, for the initial stack and the heap. */
struct elf_image {
    uint64_t entry;      /* guest address of the first instruction */
    uint64_t phdr;       /* guest address of the program headers (AT_PHDR) */
    uint64_t phnum;      /* AT_PHNUM */
    uint64_t phent;      /* AT_PHENT */
    uint64_t load_bias;  /* added to every p_vaddr: 0 for ET_EXEC */
    uint64_t brk;        /* end of the highest segment, page-aligned up */
    bool stack_executable; /* PT_GNU_STACK asked for PF_X */
};

/* Linux's ELF_ET_DYN_BASE: where a static-pie is placed, 2/3 of the space. */
#define ELF_DYN_BASE ((GUEST_SPACE_SIZE / 3 * 2) & ~(GUEST_PAGE_SIZE - 1))

/* Loads path for arch; false after printing a one-line error to stderr. */
bool elf_load(const char *path, const struct arch *arch, struct elf_image *image);

/* "x86-64" for EM_X86_64; NULL when the machine is not in the table. */
const char *elf_machine_name(uint16_t machine);

#endif
