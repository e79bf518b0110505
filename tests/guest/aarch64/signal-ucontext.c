/* A SIGALRM handler that reads and edits its ucontext: the kernel's arm64
 * rt_sigframe. The program sets x19, d8, NZCV and FPCR to known values and
 * sends itself SIGALRM with a bare svc; the handler is entered through a
 * few instructions of assembly that record x0, x1, x2, x29, x30 and sp as
 * the kernel set them. It checks the frame (pc after the svc, registers,
 * pstate, the fpsimd record, the frame record at x29, the restorer at
 * x30), then changes x20, v9 and NZCV in the frame, which rt_sigreturn
 * must bring back. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#define X19_VALUE 0x1919191919191919ull
#define D8_VALUE 0x0808080808080808ull
#define X20_FROM_HANDLER 0x2020202020202020ull
#define D9_FROM_HANDLER 0x0909090909090909ull
#define FPCR_ROUND_TOWARD_ZERO 0x00c00000u

/* x0, x1, x2, x29, x30, sp at the handler's first instruction */
uint64_t entry_registers[6];
extern char after_svc[];

__asm__(".text\n"
        ".globl raw_handler\n"
        "raw_handler:\n"
        "    adrp x9, entry_registers\n"
        "    add x9, x9, :lo12:entry_registers\n"
        "    stp x0, x1, [x9]\n"
        "    stp x2, x29, [x9, #16]\n"
        "    mov x10, sp\n"
        "    stp x30, x10, [x9, #32]\n"
        "    b c_handler\n");
void raw_handler(int, siginfo_t *, void *);

static int checks_failed;

static void check(const char *what, int ok)
{
    printf("%-52s %s\n", what, ok ? "yes" : "NO");
    checks_failed += !ok;
}

struct fpsimd_record {
    uint32_t magic, size, fpsr, fpcr;
    unsigned __int128 vregs[32];
};

void c_handler(int signal, siginfo_t *info, void *context)
{
    ucontext_t *uc = context;
    mcontext_t *mc = &uc->uc_mcontext;
    uint64_t sp = entry_registers[5];
    check("x0 is the signal number", entry_registers[0] == SIGALRM && signal == SIGALRM);
    check("x1 is the siginfo at sp", entry_registers[1] == (uint64_t)info && (uint64_t)info == sp);
    check("x2 is the ucontext after the siginfo", entry_registers[2] == (uint64_t)uc && (uint64_t)uc == sp + 128);
    check("sp is 16-byte aligned", sp % 16 == 0);
    check("si_code is SI_USER from this process", info->si_code == SI_USER && info->si_pid == getpid());
    check("pc is the instruction after the svc", mc->pc == (uint64_t)after_svc);
    check("x19 as interrupted", mc->regs[19] == X19_VALUE);
    check("x8 is the kill syscall number", mc->regs[8] == SYS_kill);
    check("x0 holds kill's result (0)", mc->regs[0] == 0);
    check("pstate holds NZCV 1010 in bits 31..28", (mc->pstate >> 28) == 0xa);
    check("pstate is EL0t with DAIF clear", (mc->pstate & 0x3df) == 0);
    check("the interrupted sp is above the frame", mc->sp > sp + sizeof(ucontext_t));
    check("uc_sigmask does not hold SIGALRM", !sigismember(&uc->uc_sigmask, SIGALRM));
    check("uc_link is null", uc->uc_link == NULL);

    /* the records in __reserved: fpsimd first, a null record at the end */
    struct fpsimd_record *fpsimd = (struct fpsimd_record *)mc->__reserved;
    check("the first record is fpsimd_context, 528 bytes", fpsimd->magic == FPSIMD_MAGIC && fpsimd->size == 528);
    size_t offset = 0;
    int terminated = 0;
    while (offset + 8 <= sizeof mc->__reserved) {
        uint32_t magic, size;
        memcpy(&magic, mc->__reserved + offset, 4);
        memcpy(&size, mc->__reserved + offset + 4, 4);
        if (magic == 0) {
            terminated = size == 0;
            break;
        }
        if (size < 8)
            break;
        offset += size;
    }
    check("the record list ends with a null record", terminated);
    check("v8 as interrupted", (uint64_t)fpsimd->vregs[8] == D8_VALUE);
    check("fpcr as interrupted (round toward zero)", fpsimd->fpcr == FPCR_ROUND_TOWARD_ZERO);

    /* x29: a frame record {fp, lr} of the interrupted code, above the frame */
    uint64_t *frame_record = (uint64_t *)entry_registers[3];
    check("x29 points above the ucontext", entry_registers[3] >= (uint64_t)(uc + 1));
    check("the frame record holds the interrupted x29 and x30",
          frame_record[0] == mc->regs[29] && frame_record[1] == mc->regs[30]);
    const uint32_t *restorer = (const uint32_t *)entry_registers[4];
    check("x30 is the restorer: mov x8, #139; svc #0", restorer[0] == 0xd2801168 && restorer[1] == 0xd4000001);

    mc->regs[20] = X20_FROM_HANDLER;
    fpsimd->vregs[9] = D9_FROM_HANDLER;
    mc->pstate = (mc->pstate & ~0xf0000000ull) | 0x50000000ull;
}

int main(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = raw_handler;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    sigaction(SIGALRM, &action, NULL);

    uint64_t x20_after, d9_after, nzcv_after, fpcr_after, x19_after, d8_after;
    __asm__ volatile("mrs x11, fpcr\n"
                     "mov x12, %[rz]\n"
                     "msr fpcr, x12\n"
                     "ldr x19, =%[x19v]\n"
                     "ldr x12, =%[d8v]\n"
                     "fmov d8, x12\n"
                     "mov x20, #0\n"
                     "fmov d9, xzr\n"
                     "mov x12, #0xa0000000\n"
                     "msr nzcv, x12\n"
                     "mov x0, %[pid]\n"
                     "mov x1, %[sig]\n"
                     "mov x8, %[nr]\n"
                     "svc #0\n"
                     ".globl after_svc\n"
                     "after_svc:\n"
                     "mrs %[nzcv], nzcv\n"
                     "mrs %[fpcr], fpcr\n"
                     "msr fpcr, x11\n"
                     "mov %[x20], x20\n"
                     "fmov %[d9], d9\n"
                     "mov %[x19], x19\n"
                     "fmov %[d8], d8\n"
                     "b 1f\n"
                     ".ltorg\n"
                     "1:\n"
                     : [nzcv] "=&r"(nzcv_after), [fpcr] "=&r"(fpcr_after), [x20] "=&r"(x20_after),
                       [d9] "=&r"(d9_after), [x19] "=&r"(x19_after), [d8] "=&r"(d8_after)
                     : [pid] "r"((uint64_t)getpid()), [sig] "r"((uint64_t)SIGALRM), [nr] "r"((uint64_t)SYS_kill),
                       [rz] "r"((uint64_t)FPCR_ROUND_TOWARD_ZERO), [x19v] "i"(X19_VALUE), [d8v] "i"(D8_VALUE)
                     : "x0", "x1", "x8", "x11", "x12", "x19", "x20", "d8", "d9", "cc", "memory");
    check("after sigreturn: x20 as the handler wrote it", x20_after == X20_FROM_HANDLER);
    check("after sigreturn: v9 as the handler wrote it", d9_after == D9_FROM_HANDLER);
    check("after sigreturn: NZCV as the handler wrote it (0101)", (nzcv_after >> 28) == 0x5);
    check("after sigreturn: fpcr kept", fpcr_after == FPCR_ROUND_TOWARD_ZERO);
    check("after sigreturn: x19 and v8 kept", x19_after == X19_VALUE && d8_after == D8_VALUE);
    return checks_failed;
}
