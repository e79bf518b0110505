/* How the emulated process ends: with the guest's exit status, or killed by
 * a signal the way the guest would be, so the parent sees the same wait
 * status (a shell's 128+N). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "exec.h"
#include "syscalls.h"

noreturn void process_exit(struct linux_process *process, int status)
{
    emu_finish(process_current_cpu(process));
    _exit(status & 0xff);
}

noreturn void process_die_by_signal(struct linux_process *process, int guest_signal)
{
    int host_signal = host_signal_from_guest(guest_signal);
    fprintf(stderr, "emu: uncaught target signal %d (%s)\n", guest_signal, strsignal(host_signal));
    emu_finish(process_current_cpu(process));
    /* The guest dies; the emulator must not leave a core of itself. */
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    if (host_signal > 0) {
        signal(host_signal, SIG_DFL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, host_signal);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        raise(host_signal);
    }
    /* Only reached for a signal whose default action does not kill. */
    _exit(128 + guest_signal);
}
