/* Linux user mode: load the program, build its stack, then run it, turning
 * each exception the CPU stops on into a syscall or a fatal signal. */
#define _GNU_SOURCE
#include "linux-user.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arch.h"
#include "cpu.h"
#include "elf-loader.h"
#include "exec.h"
#include "guest-memory.h"
#include "initial-stack.h"
#include "log.h"
#include "options.h"
#include "syscalls.h"

extern char **environ;

#define GUEST_SS_DISABLE 2

/* What Linux sends a process for each synchronous exception. */
static const struct {
    enum exception_kind kind;
    int host_signal;
} exception_signals[] = {
    {EXC_ILLEGAL_INSN, SIGILL},   {EXC_BREAKPOINT, SIGTRAP},  {EXC_FETCH_FAULT, SIGSEGV},
    {EXC_LOAD_FAULT, SIGSEGV},    {EXC_STORE_FAULT, SIGSEGV}, {EXC_MISALIGNED, SIGBUS},
    {EXC_BUS_ERROR, SIGBUS},
    {EXC_OTHER, SIGILL},
};

static void run_syscall(struct linux_process *process, struct cpu *cpu)
{
    const struct linux_user_abi *abi = process->abi;
    uint64_t args[6];
    for (int i = 0; i < 6; i++)
        args[i] = abi->syscall_arg(cpu, i);
    int64_t result = syscall_dispatch(process, abi->syscall_number(cpu), args);
    abi->set_syscall_result(cpu, (uint64_t)result);
    cpu->pc = cpu->exception.next_pc;
    cpu->exception.kind = EXC_NONE;
}

static noreturn void run(struct linux_process *process, struct cpu *cpu)
{
    for (;;) {
        cpu_exec(cpu);
        enum exception_kind kind = cpu->exception.kind;
        if (kind == EXC_NONE)
            continue; /* stopped for an exit request only */
        if (kind == EXC_SYSCALL) {
            run_syscall(process, cpu);
            continue;
        }
        if (kind == EXC_OTHER && log_enabled(LOG_UNIMP))
            log_printf("Unhandled exception: cause %u at pc 0x%llx, tval 0x%llx\n", cpu->exception.cause,
                       (unsigned long long)cpu->pc, (unsigned long long)cpu->exception.tval);
        /* Guest handlers do not run yet, so a synchronous signal is fatal. */
        for (size_t i = 0; i < sizeof exception_signals / sizeof exception_signals[0]; i++)
            if (exception_signals[i].kind == kind)
                process_die_by_signal(process, guest_signal_from_host(exception_signals[i].host_signal));
        process_die_by_signal(process, guest_signal_from_host(SIGILL));
    }
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
    if (!elf_load(path, arch, &image))
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
    process.altstack.ss_flags = GUEST_SS_DISABLE;

    struct cpu *cpu = calloc(1, sizeof *cpu);
    if (!cpu) {
        fprintf(stderr, "emu: out of memory\n");
        exit(1);
    }
    cpu_init(cpu, arch, opts);
    cpu->env = &process;
    process.cpu = cpu;
    arch->linux_user->start(cpu, image.entry, sp);
    run(&process, cpu);
}
