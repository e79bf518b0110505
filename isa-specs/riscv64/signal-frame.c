/* The riscv64 Linux signal frame, laid out as the kernel writes it
 * (arch/riscv/kernel/signal.c, uapi asm/{sigcontext,ucontext,ptrace}.h):
 *
 *   struct rt_sigframe { siginfo_t info; struct ucontext uc; }
 *   struct ucontext    { uc_flags, uc_link, stack_t uc_stack, sigset_t uc_sigmask,
 *                        padding to 128 bytes of mask, struct sigcontext uc_mcontext }
 *   struct sigcontext  { user_regs_struct sc_regs (pc, x1..x31),
 *                        union __riscv_fp_state (the D state: f[32], fcsr; 528 bytes,
 *                        16-aligned; its word at 516 must be zero, then an end header) }
 *
 * The handler is entered with a0 = signal, a1 = &info, a2 = &uc, ra = the
 * restorer, sp = the frame; rt_sigreturn reloads everything from uc, so a
 * handler that edits uc_mcontext changes the interrupted registers. */
#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "cpu.h"
#include "fp-helpers.h"
#include "guest-memory.h"
#include "linux-user.h"
#include "riscv64-signal-frame.h"

enum { REG_RA = 1, REG_SP = 2, REG_A0 = 10, REG_A1 = 11, REG_A2 = 12 };

struct riscv64_fp_state {
    uint64_t f[32];
    uint32_t fcsr;
    uint32_t q_padding[(516 - 260) / 4]; /* the Q state's size, which the union has */
    uint32_t reserved;                   /* zero; sigreturn refuses anything else */
    uint32_t end_magic;                  /* the extension headers' END: magic 0, size 0 */
    uint32_t end_size;
};

struct riscv64_sigcontext {
    uint64_t regs[32]; /* regs[0] is pc, regs[n] is xn */
    _Alignas(16) struct riscv64_fp_state fp;
};

struct riscv64_ucontext {
    uint64_t uc_flags;
    uint64_t uc_link;
    struct guest_stack uc_stack;
    uint64_t uc_sigmask;
    uint8_t unused[1024 / 8 - 8];
    _Alignas(16) struct riscv64_sigcontext uc_mcontext;
};

struct riscv64_rt_sigframe {
    struct guest_siginfo info;
    struct riscv64_ucontext uc;
};

static_assert(sizeof(struct guest_siginfo) == 128, "siginfo_t is 128 bytes");
static_assert(sizeof(struct riscv64_fp_state) == 528, "union __riscv_fp_state is 528 bytes");
static_assert(offsetof(struct riscv64_fp_state, reserved) == 516, "sc_extdesc.reserved");
static_assert(offsetof(struct riscv64_ucontext, uc_sigmask) == 40, "uc_sigmask");
static_assert(offsetof(struct riscv64_ucontext, uc_mcontext) == 176, "uc_mcontext");
static_assert(sizeof(struct riscv64_sigcontext) == 784, "struct sigcontext");
static_assert(sizeof(struct riscv64_rt_sigframe) == 1088, "struct rt_sigframe");

bool riscv64_setup_signal_frame(struct cpu *cpu, const struct signal_frame_args *args)
{
    struct riscv64_state *state = &cpu->state.riscv64;
    uint64_t frame_addr = (args->stack_top - sizeof(struct riscv64_rt_sigframe)) & ~UINT64_C(15);
    struct riscv64_rt_sigframe frame;
    memset(&frame, 0, sizeof frame);
    frame.info = *args->info;
    frame.uc.uc_stack = args->saved_altstack;
    frame.uc.uc_sigmask = args->saved_mask;
    struct riscv64_sigcontext *sc = &frame.uc.uc_mcontext;
    sc->regs[0] = cpu->pc;
    for (int i = 1; i < 32; i++)
        sc->regs[i] = state->X[i];
    memcpy(sc->fp.f, state->F, sizeof sc->fp.f);
    fp_host_flags_commit(&state->fflags);
    sc->fp.fcsr = (uint32_t)state->frm << 5 | state->fflags;
    if (copy_to_guest(frame_addr, &frame, sizeof frame) != 0)
        return false;
    state->X[REG_A0] = (uint64_t)args->signal;
    state->X[REG_A1] = frame_addr + offsetof(struct riscv64_rt_sigframe, info);
    state->X[REG_A2] = frame_addr + offsetof(struct riscv64_rt_sigframe, uc);
    state->X[REG_RA] = args->restorer;
    state->X[REG_SP] = frame_addr;
    cpu->pc = args->handler;
    return true;
}

bool riscv64_restore_signal_frame(struct cpu *cpu, uint64_t *mask, struct guest_stack *altstack)
{
    struct riscv64_state *state = &cpu->state.riscv64;
    struct riscv64_rt_sigframe frame;
    if (copy_from_guest(&frame, state->X[REG_SP], sizeof frame) != 0)
        return false;
    const struct riscv64_sigcontext *sc = &frame.uc.uc_mcontext;
    if (sc->fp.reserved != 0)
        return false; /* as the kernel: the word is reserved for extensions */
    cpu->pc = sc->regs[0];
    for (int i = 1; i < 32; i++)
        state->X[i] = sc->regs[i];
    memcpy(state->F, sc->fp.f, sizeof state->F);
    state->fflags = sc->fp.fcsr & 0x1f;
    state->frm = (sc->fp.fcsr >> 5) & 7;
    /* fflags may have gone down: the host flags must follow (fp-helpers.h) */
    fp_host_flags_clear();
    *mask = frame.uc.uc_sigmask;
    *altstack = frame.uc.uc_stack;
    return true;
}
