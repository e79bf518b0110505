/* Linux user mode: load the program, build its stack, then run it, turning
 * each exception the CPU stops on into a syscall or a signal, and
 * delivering signals at block boundaries.  Every guest thread runs
 * linux_user_run on its own host thread. */
#define _GNU_SOURCE
#include "linux-user.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "arch.h"
#include "cpu.h"
#include "elf-loader.h"
#include "exec.h"
#include "guest-memory.h"
#include "initial-stack.h"
#include "log.h"
#include "options.h"
#include "plugin.h"
#include "signal-delivery.h"
#include "syscalls.h"
#include "thread.h"

extern char **environ;

#define GUEST_EINTR 4

/* What Linux sends a thread for each synchronous exception, with si_code. */
static const struct {
    enum exception_kind kind;
    int signal;
    int code;
} exception_signals[] = {
    {EXC_ILLEGAL_INSN, GUEST_SIGILL, GUEST_ILL_ILLOPC},
    {EXC_BREAKPOINT, GUEST_SIGTRAP, GUEST_TRAP_BRKPT},
    {EXC_FETCH_FAULT, GUEST_SIGSEGV, GUEST_SEGV_MAPERR},
    {EXC_LOAD_FAULT, GUEST_SIGSEGV, GUEST_SEGV_MAPERR},
    {EXC_STORE_FAULT, GUEST_SIGSEGV, GUEST_SEGV_MAPERR},
    {EXC_MISALIGNED, GUEST_SIGBUS, GUEST_BUS_ADRALN},
    {EXC_BUS_ERROR, GUEST_SIGBUS, GUEST_BUS_ADRERR},
    {EXC_OTHER, GUEST_SIGILL, GUEST_ILL_ILLOPC},
};

/* Syscalls that wait (asm-generic numbers): plugins see the vCPU idle
 * while they do. */
static bool waits(uint64_t number)
{
    static const uint64_t waiting[] = {
        22,  /* epoll_pwait */
        72,  /* pselect6 */
        73,  /* ppoll */
        95,  /* waitid */
        98,  /* futex */
        101, /* nanosleep */
        115, /* clock_nanosleep */
        133, /* rt_sigsuspend */
        137, /* rt_sigtimedwait */
        260, /* wait4 */
        441, /* epoll_pwait2 */
    };
    for (size_t i = 0; i < sizeof waiting / sizeof waiting[0]; i++)
        if (waiting[i] == number)
            return true;
    return false;
}

static int64_t dispatch_watched(struct linux_process *process, struct cpu *cpu, uint64_t number, const uint64_t *args)
{
    bool idle = plugins_enabled && waits(number);
    if (idle)
        plugin_vcpu_idle(cpu);
    int64_t result = syscall_dispatch(process, number, args);
    if (idle)
        plugin_vcpu_resume(cpu);
    return result;
}

static void run_syscall(struct linux_thread *thread)
{
    struct linux_process *process = thread->process;
    struct cpu *cpu = thread->cpu;
    const struct linux_user_abi *abi = process->abi;
    uint64_t args[6];
    for (int i = 0; i < 6; i++)
        args[i] = abi->syscall_arg(cpu, i);
    uint64_t number = abi->syscall_number(cpu);
    cpu->exception.kind = EXC_NONE;
    /* A signal that came in while guest code ran is taken first, the
     * syscall running after its handler, so a blocking call does not sleep
     * on a signal that already arrived. */
    thread->in_syscall = 1;
    if (signal_pending_deliverable(thread)) {
        thread->in_syscall = 0;
        return;
    }
    cpu->icount++; /* the syscall instruction ran (plugins counting instructions saw it) */
    thread->registers_replaced = false;
    uint64_t syscall_pc = cpu->pc;
    uint64_t filtered_result = 0;
    enum plugin_syscall_verdict verdict =
        plugins_enabled ? plugin_syscall_enter(cpu, (int64_t)number, args, &filtered_result) : PLUGIN_SYSCALL_RUN;
    if (verdict == PLUGIN_SYSCALL_MOVED) {
        thread->in_syscall = 0;
        return;
    }
    int64_t result =
        verdict == PLUGIN_SYSCALL_RUN ? dispatch_watched(process, cpu, number, args) : (int64_t)filtered_result;
    if (plugins_enabled)
        plugin_syscall_return(cpu, (int64_t)number, result);
    thread->in_syscall = 0;
    cpu->exception.kind = EXC_NONE;
    if (thread->registers_replaced)
        return; /* rt_sigreturn loaded pc and every register */
    /* Interrupted by a signal and to be restarted: pc stays on the syscall
     * instruction and the arguments in their registers, so it runs again
     * once the signal is delivered (and its handler returned). */
    if (result == -GUEST_EINTR && signal_restarts_syscall(thread, number))
        return;
    abi->set_syscall_result(cpu, (uint64_t)result);
    cpu->pc = cpu->exception.next_pc;
    if (plugins_enabled)
        plugin_discontinuity(cpu, QEMU_PLUGIN_DISCON_HOSTCALL, syscall_pc, cpu->pc);
}

/* A synchronous exception becomes the signal Linux would send. */
static void raise_fault_signal(struct linux_thread *thread)
{
    struct cpu *cpu = thread->cpu;
    enum exception_kind kind = cpu->exception.kind;
    if (kind == EXC_OTHER && log_enabled(LOG_UNIMP))
        log_printf("Unhandled exception: cause %u at pc 0x%llx, tval 0x%llx\n", cpu->exception.cause,
                   (unsigned long long)cpu->pc, (unsigned long long)cpu->exception.tval);
    struct guest_siginfo info = {.si_signo = GUEST_SIGILL, .si_code = GUEST_ILL_ILLOPC};
    for (size_t i = 0; i < sizeof exception_signals / sizeof exception_signals[0]; i++)
        if (exception_signals[i].kind == kind) {
            info.si_signo = exception_signals[i].signal;
            info.si_code = exception_signals[i].code;
        }
    /* faults on memory report the address, the others the instruction */
    bool memory = kind == EXC_FETCH_FAULT || kind == EXC_LOAD_FAULT || kind == EXC_STORE_FAULT ||
                  kind == EXC_MISALIGNED || kind == EXC_BUS_ERROR;
    info.fields.addr = memory ? cpu->exception.tval : cpu->pc;
    if (info.si_signo == GUEST_SIGSEGV && guest_page_prot(info.fields.addr) >= 0)
        info.si_code = GUEST_SEGV_ACCERR; /* mapped, but not with that access */
    cpu->exception.kind = EXC_NONE;
    signal_deliver_fault(thread, &info);
}

noreturn void linux_user_run(struct linux_thread *thread)
{
    struct cpu *cpu = thread->cpu;
    for (;;) {
        cpu_exec(cpu);
        /* cleared before looking, so a signal arriving after the look
         * stops the next cpu_exec at once */
        cpu->exit_request = 0;
        if (thread->flush_request) {
            thread->flush_request = 0;
            cpu_flush_blocks(cpu);
        }
        enum exception_kind kind = cpu->exception.kind;
        if (kind == EXC_SYSCALL)
            run_syscall(thread);
        else if (kind != EXC_NONE)
            raise_fault_signal(thread);
        signal_deliver_pending(thread);
    }
}

/* The restorer page: rt_sigreturn's code, where every handler returns. */
static uint64_t map_sigreturn_trampoline(const struct linux_user_abi *abi)
{
    uint64_t page = guest_find_free(0, GUEST_PAGE_SIZE);
    if (!page || guest_map(page, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != 0 ||
        copy_to_guest(page, abi->sigreturn_code, abi->sigreturn_code_size) != 0 ||
        guest_protect(page, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC) != 0)
        return 0;
    return page;
}

/* argv as the guest sees it: argv[0] replaced by -0 when given. */
static char **guest_arguments(const struct emu_options *opts, int argc, char **argv)
{
    char **guest_argv = calloc((size_t)argc + 1, sizeof *guest_argv);
    if (!guest_argv)
        return NULL;
    memcpy(guest_argv, argv, (size_t)argc * sizeof *guest_argv);
    if (opts->argv0)
        guest_argv[0] = (char *)opts->argv0;
    return guest_argv;
}

static struct linux_process process;

int linux_user_main(const struct emu_options *opts, const struct arch *arch, int argc, char **argv)
{
    if (argc < 1 || !arch->linux_user) {
        fprintf(stderr, "emu: %s\n", argc < 1 ? "no program to run" : "this guest has no Linux user mode");
        exit(1);
    }
    const char *path = argv[0];
    if (!guest_memory_reserve()) {
        fprintf(stderr, "emu: could not reserve %llu GiB of address space for the guest\n",
                (unsigned long long)(GUEST_SPACE_SIZE >> 30));
        exit(1);
    }
    guest_structs_select(arch->elf_machine);
    struct elf_image image;
    if (!elf_load(path, opts->sysroot, arch, &image))
        exit(1);

    char **guest_argv = guest_arguments(opts, argc, argv);
    char **guest_envp = guest_environment(environ, opts);
    if (!guest_argv || !guest_envp) {
        fprintf(stderr, "emu: out of memory\n");
        exit(1);
    }
    struct initial_stack_args stack_args = {argc, guest_argv, guest_envp, path};
    uint64_t sp = initial_stack_build(opts, arch->linux_user, &image, &stack_args);
    if (sp == 0)
        exit(1);
    free(guest_argv);
    free(guest_envp);

    process.arch = arch;
    process.abi = arch->linux_user;
    process.opts = opts;
    if (!realpath(path, process.exe_path))
        snprintf(process.exe_path, sizeof process.exe_path, "%s", path);
    process.brk_start = process.brk_current = image.brk;
    if (!plugins_load(arch->name, process.exe_path, image.load_bias, image.entry))
        exit(1);
    pthread_mutex_init(&process.lock, NULL);
    pthread_mutex_init(&process.memory_lock, NULL);
    process.sigreturn_trampoline = map_sigreturn_trampoline(arch->linux_user);
    if (!process.sigreturn_trampoline) {
        fprintf(stderr, "emu: could not map the signal return page\n");
        exit(1);
    }

    struct cpu *cpu = calloc(1, sizeof *cpu);
    if (!cpu) {
        fprintf(stderr, "emu: out of memory\n");
        exit(1);
    }
    cpu_init(cpu, arch, opts);
    cpu->env = &process;
    struct linux_thread *thread = &process.main_thread;
    thread->process = &process;
    thread->cpu = cpu;
    thread->altstack.ss_flags = GUEST_SS_DISABLE;
    thread_register(thread);
    signals_init(&process, thread);
    arch->linux_user->start(cpu, image.start_pc, sp);
    linux_user_run(thread);
}
