/* Host SIGSEGV/SIGBUS on guest memory.  In guest code such a fault is the
 * guest's: it becomes the running instruction's precise exception.  In the
 * emulator's own accesses to guest memory (syscall copies, instruction
 * fetch) it becomes a failed copy.  Anything else is an emulator bug. */
#ifndef EMU_CORE_HOST_FAULT_H
#define EMU_CORE_HOST_FAULT_H

#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct cpu;

void host_fault_install(void);
/* SIGSEGV/SIGBUS sent by kill or tgkill are not faults: they go here. */
void host_fault_forward_sent_signals(void (*handler)(int sig, siginfo_t *info, void *context));
/* While guest code of cpu runs on this thread, faults resume at resume. */
void host_fault_enter_guest(struct cpu *cpu, sigjmp_buf *resume);
void host_fault_leave_guest(void);
/* Abandons the guest code running on this thread, as a fault would: back
 * to the resume point, with no exception pending (a plugin moved the pc). */
_Noreturn void host_fault_resume_guest(void);

/* Finds the guest instruction whose host code is at rip, for code the JIT
 * made (which keeps no running-record bookkeeping); set by the JIT.  A
 * recovery, when not NULL, is host code to resume at instead of the resume
 * point: it stores guest state the JIT kept in registers, then calls
 * host_fault_resume_guest.  retired_before: instructions run before the
 * block's first that the count does not have yet. */
typedef bool host_code_locator(const struct cpu *cpu, uintptr_t rip, const void **record, const void **block,
                               const void **recovery, uint32_t *retired_before);
void host_fault_set_code_locator(host_code_locator *locator);

/* Whether guest code was written since the last call (a code page opened by
 * a write fault or before a syscall's write): translations must be dropped. */
bool host_fault_take_code_write(void);
void host_fault_note_code_write(void);

/* Copies that return false (or -1) instead of dying when the host refuses
 * an access the guest's page record allowed (a file page past its end). */
bool host_copy_nofault(void *dst, const void *src, size_t len);
ssize_t host_strnlen_nofault(const char *s, size_t max);

#endif
