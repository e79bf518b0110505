/* The arm64 Linux signal frame, laid out as the kernel writes it
 * (arch/arm64/kernel/signal.c, uapi asm/{sigcontext,ucontext}.h):
 *
 *   struct rt_sigframe { siginfo_t info; struct ucontext uc; }
 *   struct ucontext    { uc_flags, uc_link, stack_t uc_stack, sigset_t uc_sigmask,
 *                        padding to 128 bytes of mask, struct sigcontext uc_mcontext }
 *   struct sigcontext  { fault_address, regs[31], sp, pc, pstate,
 *                        __reserved[4096], 16-aligned: a list of records, each
 *                        { u32 magic, u32 size, ... }, ended by a null record }
 *
 * The only record written is fpsimd_context (fpsr, fpcr, v0..v31), what the
 * kernel writes for a task without SVE/SME.  Above the frame sits a frame
 * record {fp, lr} of the interrupted code, so a backtrace walks through the
 * handler into it.  The handler is entered with x0 = signal, x1 = &info,
 * x2 = &uc, x29 = &frame record, x30 = the restorer, sp = the frame;
 * rt_sigreturn reloads everything from uc, so a handler that edits
 * uc_mcontext changes the interrupted registers. */
#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "aarch64-fp.h"
#include "aarch64-linux.h"
#include "cpu.h"
#include "guest-memory.h"
#include "linux-user.h"

enum { REG_X0 = 0, REG_X1 = 1, REG_X2 = 2, REG_FP = 29, REG_LR = 30 };

#define FPSIMD_MAGIC 0x46508001u
#define ESR_MAGIC    0x45535201u /* fault syndrome: the kernel's, skipped on return */

/* PSTATE as SPSR_EL1 holds it for EL0: NZCV in bits 31..28, mode EL0t (0). */
#define PSTATE_N (UINT64_C(1) << 31)
#define PSTATE_Z (UINT64_C(1) << 30)
#define PSTATE_C (UINT64_C(1) << 29)
#define PSTATE_V (UINT64_C(1) << 28)
/* rt_sigreturn refuses (SIGSEGV) a pstate that is not AArch64 EL0t with
 * D, A, I and F clear: mode bits 4..0 and DAIF bits 9..6 must be zero. */
#define PSTATE_MUST_BE_ZERO UINT64_C(0x3df)

struct aarch64_ctx_header {
    uint32_t magic;
    uint32_t size;
};

struct aarch64_fpsimd_context {
    struct aarch64_ctx_header head;
    uint32_t fpsr;
    uint32_t fpcr;
    unsigned __int128 vregs[32];
};

struct aarch64_sigcontext {
    uint64_t fault_address;
    uint64_t regs[31];
    uint64_t sp;
    uint64_t pc;
    uint64_t pstate;
    _Alignas(16) uint8_t reserved[4096];
};

struct aarch64_ucontext {
    uint64_t uc_flags;
    uint64_t uc_link;
    struct guest_stack uc_stack;
    uint64_t uc_sigmask;
    uint8_t unused[1024 / 8 - 8];
    _Alignas(16) struct aarch64_sigcontext uc_mcontext;
};

struct aarch64_rt_sigframe {
    struct guest_siginfo info;
    struct aarch64_ucontext uc;
};

struct aarch64_frame_record {
    uint64_t fp;
    uint64_t lr;
};

static_assert(sizeof(struct guest_siginfo) == 128, "siginfo_t is 128 bytes");
static_assert(sizeof(struct aarch64_fpsimd_context) == 528, "struct fpsimd_context");
static_assert(offsetof(struct aarch64_fpsimd_context, vregs) == 16, "fpsimd_context.vregs");
static_assert(offsetof(struct aarch64_sigcontext, pstate) == 272, "sigcontext.pstate");
static_assert(offsetof(struct aarch64_sigcontext, reserved) == 288, "sigcontext.__reserved");
static_assert(offsetof(struct aarch64_ucontext, uc_sigmask) == 40, "uc_sigmask");
static_assert(offsetof(struct aarch64_ucontext, uc_mcontext) == 176, "uc_mcontext");
static_assert(sizeof(struct aarch64_rt_sigframe) == 4688, "struct rt_sigframe");
static_assert(sizeof(struct aarch64_rt_sigframe) % 16 == 0, "the frame keeps sp 16-aligned");

/* mov x8, #139 (rt_sigreturn); svc #0: the vDSO's __kernel_rt_sigreturn. */
const uint8_t aarch64_sigreturn_code[] = {0x68, 0x11, 0x80, 0xd2, 0x01, 0x00, 0x00, 0xd4};
const size_t aarch64_sigreturn_code_size = sizeof aarch64_sigreturn_code;

/* The kernel's fault_address is the faulting data address of the last
 * fault; for the frame of a fault's own signal that is si_addr. */
static uint64_t fault_address_of(const struct guest_siginfo *info)
{
    bool kernel_fault = info->si_code > 0 && (info->si_signo == 11 /* SIGSEGV */ || info->si_signo == 7 /* SIGBUS */);
    return kernel_fault ? info->fields.addr : 0;
}

static uint64_t pstate_of(const struct aarch64_state *state)
{
    return (state->N ? PSTATE_N : 0) | (state->Z ? PSTATE_Z : 0) | (state->C ? PSTATE_C : 0) |
           (state->V ? PSTATE_V : 0);
}

bool aarch64_setup_signal_frame(struct cpu *cpu, const struct signal_frame_args *args)
{
    struct aarch64_state *state = &cpu->state.aarch64;
    uint64_t record_addr = (args->stack_top - sizeof(struct aarch64_frame_record)) & ~UINT64_C(15);
    uint64_t frame_addr = record_addr - sizeof(struct aarch64_rt_sigframe);
    struct aarch64_rt_sigframe frame;
    memset(&frame, 0, sizeof frame);
    frame.info = *args->info;
    frame.uc.uc_stack = args->saved_altstack;
    frame.uc.uc_sigmask = args->saved_mask;
    struct aarch64_sigcontext *sc = &frame.uc.uc_mcontext;
    sc->fault_address = fault_address_of(args->info);
    memcpy(sc->regs, state->R, sizeof sc->regs);
    sc->sp = state->SP;
    sc->pc = cpu->pc;
    sc->pstate = pstate_of(state);
    a64_fp_host_flags_commit(&state->fpsr); /* the flags FP operations left pending (aarch64-fp.h) */
    struct aarch64_fpsimd_context fpsimd = {
        .head = {FPSIMD_MAGIC, sizeof fpsimd}, .fpsr = state->fpsr, .fpcr = state->fpcr};
    memcpy(fpsimd.vregs, state->Q, sizeof fpsimd.vregs);
    memcpy(sc->reserved, &fpsimd, sizeof fpsimd);
    /* the null record that ends the list follows: reserved is already zero */
    struct aarch64_frame_record record = {.fp = state->R[REG_FP], .lr = state->R[REG_LR]};
    if (copy_to_guest(frame_addr, &frame, sizeof frame) != 0 || copy_to_guest(record_addr, &record, sizeof record) != 0)
        return false;
    state->R[REG_X0] = (uint64_t)args->signal;
    state->R[REG_X1] = frame_addr + offsetof(struct aarch64_rt_sigframe, info);
    state->R[REG_X2] = frame_addr + offsetof(struct aarch64_rt_sigframe, uc);
    state->R[REG_FP] = record_addr;
    state->R[REG_LR] = args->restorer;
    state->SP = frame_addr;
    cpu->pc = args->handler;
    /* the kernel enters the handler by an exception return, which clears
     * the local exclusive monitor: an interrupted LDXR/STXR must retry */
    state->exclusive_valid = false;
    return true;
}

/* The record list as the kernel parses it: fpsimd_context exactly once, ESR
 * records ignored, anything else (SVE, extra_context, unknown) refused, and
 * the list must end with a null record inside __reserved. */
static bool find_fpsimd(const struct aarch64_sigcontext *sc, struct aarch64_fpsimd_context *fpsimd)
{
    bool found = false;
    size_t offset = 0;
    for (;;) {
        struct aarch64_ctx_header head;
        if (sizeof sc->reserved - offset < sizeof head)
            return false;
        memcpy(&head, sc->reserved + offset, sizeof head);
        if (head.magic == 0)
            return head.size == 0 && found;
        if (head.size < sizeof head || head.size % 16 != 0 || sizeof sc->reserved - offset < head.size)
            return false;
        if (head.magic == FPSIMD_MAGIC) {
            if (found || head.size < sizeof *fpsimd)
                return false;
            memcpy(fpsimd, sc->reserved + offset, sizeof *fpsimd);
            found = true;
        } else if (head.magic != ESR_MAGIC) {
            return false;
        }
        offset += head.size;
    }
}

bool aarch64_restore_signal_frame(struct cpu *cpu, uint64_t *mask, struct guest_stack *altstack)
{
    struct aarch64_state *state = &cpu->state.aarch64;
    struct aarch64_rt_sigframe frame;
    if (state->SP % 16 != 0 || copy_from_guest(&frame, state->SP, sizeof frame) != 0)
        return false;
    const struct aarch64_sigcontext *sc = &frame.uc.uc_mcontext;
    struct aarch64_fpsimd_context fpsimd;
    if (!find_fpsimd(sc, &fpsimd) || (sc->pstate & PSTATE_MUST_BE_ZERO) != 0)
        return false;
    memcpy(state->R, sc->regs, sizeof state->R);
    state->SP = sc->sp;
    cpu->pc = sc->pc;
    state->N = (sc->pstate & PSTATE_N) != 0;
    state->Z = (sc->pstate & PSTATE_Z) != 0;
    state->C = (sc->pstate & PSTATE_C) != 0;
    state->V = (sc->pstate & PSTATE_V) != 0;
    state->fpsr = fpsimd.fpsr;
    state->fpcr = fpsimd.fpcr;
    a64_fp_host_flags_clear(); /* FPSR may have gone down: the host's flags must follow */
    memcpy(state->Q, fpsimd.vregs, sizeof state->Q);
    state->exclusive_valid = false;
    *mask = frame.uc.uc_sigmask;
    *altstack = frame.uc.uc_stack;
    return true;
}
