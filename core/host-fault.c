#define _GNU_SOURCE /* REG_ERR in ucontext */
#include "host-fault.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "block-cache.h"
#include "code-pages.h"
#include "cpu.h"
#include "guest-memory.h"

static void (*sent_signal_handler)(int, siginfo_t *, void *);
static __thread struct cpu *running_cpu;
static __thread sigjmp_buf *guest_resume;
static __thread sigjmp_buf *nofault_resume;
static __thread bool code_written;

bool host_fault_take_code_write(void)
{
    bool written = code_written;
    code_written = false;
    return written;
}

void host_fault_note_code_write(void) { code_written = true; }

/* x86-64 page-fault error code: bit 1 set for a write. */
static bool fault_was_write(const void *context)
{
#if defined(__x86_64__)
    const ucontext_t *uc = context;
    return (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;
#else
    (void)context;
    return false;
#endif
}

static bool in_guest_space(const void *addr)
{
    const uint8_t *p = addr;
    return h2g(p) < GUEST_SPACE_SIZE;
}

static host_code_locator *code_locator;

void host_fault_set_code_locator(host_code_locator *locator) { code_locator = locator; }

/* The guest instruction that faulted and its block: from the JIT's map of
 * its code when the fault is in JIT code, else the record tier 0 (and the
 * JIT's fallback functions) noted before the access; NULL if neither. */
static const struct decoded_insn *faulting_record(const struct cpu *cpu, const void *context, const struct block **block,
                                                 const void **recovery, uint32_t *retired_before)
{
    const void *rec = NULL, *found_block = NULL;
    *recovery = NULL;
    *retired_before = 0;
#if defined(__x86_64__)
    const ucontext_t *uc = context;
    if (code_locator &&
        code_locator(cpu, (uintptr_t)uc->uc_mcontext.gregs[REG_RIP], &rec, &found_block, recovery, retired_before)) {
        *block = found_block;
        return rec;
    }
#else
    (void)context;
#endif
    const struct decoded_insn *noted = cpu->current_record;
    *block = cpu->current_block;
    if (!noted || !*block || noted < (*block)->insns || noted >= (*block)->insns + (*block)->insn_count)
        return NULL;
    return noted;
}

/* Back to the resume point, through the JIT's recovery code if it has some
 * (returning from the handler into it).  The guest's FP flags may be
 * pending in MXCSR (fp-helpers.h, aarch64-fp.h), which the kernel reset for
 * the handler: the interrupted code's MXCSR goes with the jump. */
static void resume_guest(void *context, const void *recovery)
{
#if defined(__x86_64__)
    ucontext_t *uc = context;
    if (recovery) {
        uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)recovery;
        return;
    }
    if (uc->uc_mcontext.fpregs) {
        unsigned mxcsr = uc->uc_mcontext.fpregs->mxcsr;
        __asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));
    }
#else
    (void)context;
    (void)recovery;
#endif
    siglongjmp(*guest_resume, 1);
}

static void host_fault_handler(int sig, siginfo_t *info, void *context)
{
    if (info->si_code <= 0) { /* sent, not raised by an access */
        if (sent_signal_handler)
            sent_signal_handler(sig, info, context);
        return;
    }
    struct cpu *cpu = running_cpu;
    /* a write to a page kept read-only because it holds translated code:
     * open it; in guest code, leave before the store and let cpu_exec drop
     * the translations; elsewhere (a syscall's copy) just retry */
    if (sig == SIGSEGV && in_guest_space(info->si_addr) && fault_was_write(context) &&
        code_pages_write_fault(h2g(info->si_addr))) {
        code_written = true;
        const struct block *block = NULL;
        const void *recovery = NULL;
        uint32_t retired_before = 0;
        const struct decoded_insn *rec = cpu && guest_resume && !nofault_resume
                                             ? faulting_record(cpu, context, &block, &recovery, &retired_before)
                                             : NULL;
        if (!rec)
            return;
        cpu->exception.kind = EXC_NONE;
        cpu->pc = rec->pc;
        cpu->icount += retired_before + (uint64_t)(rec - block->insns);
        resume_guest(context, recovery);
        return;
    }
    /* the handler runs with SA_NODEFER, so jumping out needs no mask restore */
    if (nofault_resume && in_guest_space(info->si_addr))
        siglongjmp(*nofault_resume, 1);
    if (!cpu || !guest_resume || !guest_space_or_guard(info->si_addr)) {
        static const char msg[] = "emu: internal error: host fault outside guest memory\n";
        if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
        }
        signal(sig, SIG_DFL);
        return; /* the fault repeats and kills the process by that signal */
    }
    const struct block *block = NULL;
    const void *recovery = NULL;
    uint32_t retired_before = 0;
    const struct decoded_insn *rec = faulting_record(cpu, context, &block, &recovery, &retired_before);
    cpu->exception.tval = h2g(info->si_addr);
    cpu->exception.cause = 0;
    if (sig == SIGBUS)
        cpu->exception.kind = EXC_BUS_ERROR;
    else
        cpu->exception.kind = fault_was_write(context) ? EXC_STORE_FAULT : EXC_LOAD_FAULT;
    if (rec) {
        cpu->exception.next_pc = rec->pc + rec->length;
        cpu->pc = rec->pc;
        cpu->icount += retired_before + (uint64_t)(rec - block->insns);
    }
    resume_guest(context, recovery);
}

void host_fault_install(void)
{
    static bool installed;
    if (installed)
        return;
    installed = true;
    /* an alternate stack, so even a host stack overflow reports cleanly */
    stack_t ss = {.ss_sp = malloc(SIGSTKSZ * 4), .ss_size = SIGSTKSZ * 4, .ss_flags = 0};
    if (ss.ss_sp)
        sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = host_fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}

void host_fault_forward_sent_signals(void (*handler)(int sig, siginfo_t *info, void *context))
{
    sent_signal_handler = handler;
}

void host_fault_enter_guest(struct cpu *cpu, sigjmp_buf *resume)
{
    running_cpu = cpu;
    guest_resume = resume;
}

void host_fault_leave_guest(void) { guest_resume = NULL; }

_Noreturn void host_fault_resume_guest(void)
{
    if (!guest_resume)
        abort(); /* only called from callbacks inside guest code */
    siglongjmp(*guest_resume, 1);
}

bool host_copy_nofault(void *dst, const void *src, size_t len)
{
    sigjmp_buf here;
    sigjmp_buf *outer = nofault_resume;
    if (sigsetjmp(here, 0)) {
        nofault_resume = outer;
        return false;
    }
    nofault_resume = &here;
    memcpy(dst, src, len);
    nofault_resume = outer;
    return true;
}

ssize_t host_strnlen_nofault(const char *s, size_t max)
{
    sigjmp_buf here;
    sigjmp_buf *outer = nofault_resume;
    if (sigsetjmp(here, 0)) {
        nofault_resume = outer;
        return -1;
    }
    nofault_resume = &here;
    size_t length = strnlen(s, max);
    nofault_resume = outer;
    return (ssize_t)length;
}
