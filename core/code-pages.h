/* Self-modifying code: guest pages that hold translated code are kept
 * write-protected on the host, whatever the guest's protection.  A guest
 * store to one faults; the page is opened again and the translations are
 * dropped before the store runs (core/host-fault.c, core/exec.c).  The same
 * happens before a syscall writes into such a page.  A flush leaves pages
 * protected: other threads may still run code from them, and a later write
 * costs one more fault at most. */
#ifndef EMU_CORE_CODE_PAGES_H
#define EMU_CORE_CODE_PAGES_H

#include <stdbool.h>
#include <stdint.h>

/* The pages of [start, end) now hold translated code. */
void code_pages_note(uint64_t start, uint64_t end);
/* A host write fault at guest address addr: true when it was a code page,
 * which is now writable again (its translations must go). */
bool code_pages_write_fault(uint64_t addr);
/* Before the emulator or the kernel writes [addr, addr+len) for the guest:
 * opens code pages in it; true when there were some. */
bool code_pages_prepare_write(uint64_t addr, uint64_t len);
/* The guest remapped or reprotected [addr, addr+len): the host protection
 * there is the guest's again, so those pages are no longer watched. */
void code_pages_forget_range(uint64_t addr, uint64_t len);

#endif
