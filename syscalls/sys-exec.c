/* execve and execveat.  A program for the guest's arch (directly, or as
 * the interpreter of a #! script) runs under a fresh emu: the host process
 * re-executes the emulator itself with the options it was started with, the
 * guest's argv and the guest's environment.  Anything else is the host's to
 * run (a native binary or script, as under QEMU with binfmt_misc), so it
 * goes to the host's execve, which also gives the right errno (ENOEXEC...). */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arch.h"
#include "elf-loader.h"
#include "guest-memory.h"
#include "log.h"
#include "options.h"
#include "plugin.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* Linux's limits: MAX_ARG_STRLEN per string, and a count far above what a
 * default 8 MiB stack allows (a quarter of it for the strings). */
#define EXEC_STRING_MAX (32 * 4096)
#define EXEC_STRINGS_MAX (1 << 18)
#define EXEC_TOTAL_MAX (UINT64_C(2) << 20)

struct string_list {
    char **items; /* NULL-terminated */
    size_t count;
};

static void free_strings(struct string_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i]);
    free(list->items);
}

/* Reads a guest char *[] (argv or envp); a NULL array is empty, as Linux
 * takes it.  0 or -guest errno (EFAULT, E2BIG, ENOMEM). */
static int64_t read_strings(uint64_t guest_array, struct string_list *list, uint64_t *total)
{
    list->count = 0;
    list->items = calloc(1, sizeof *list->items);
    if (!list->items)
        return fail(ENOMEM);
    for (uint64_t at = guest_array; guest_array != 0; at += 8) {
        uint64_t pointer;
        if (copy_from_guest(&pointer, at, sizeof pointer) != 0)
            return fail(EFAULT);
        if (pointer == 0)
            break;
        ssize_t length = guest_strnlen(pointer, EXEC_STRING_MAX);
        if (length < 0)
            return fail(EFAULT);
        *total += (uint64_t)length + 1;
        if (length >= EXEC_STRING_MAX || list->count + 1 >= EXEC_STRINGS_MAX || *total > EXEC_TOTAL_MAX)
            return fail(E2BIG);
        char **grown = realloc(list->items, (list->count + 2) * sizeof *grown);
        char *copy = malloc((size_t)length + 1);
        if (grown)
            list->items = grown;
        if (!grown || !copy) {
            free(copy);
            return fail(ENOMEM);
        }
        copy_from_guest(copy, pointer, (size_t)length);
        copy[length] = '\0';
        list->items[list->count++] = copy;
        list->items[list->count] = NULL;
    }
    return 0;
}

/* The first bytes of a file, as the kernel's binfmt handlers look at them. */
#define EXEC_HEADER_SIZE 256

/* Opens path the way execve checks it: 0 with the header read, or a host
 * errno (ENOENT, EACCES for a directory or a file without x permission). */
static int read_exec_header(const char *path, char *header, size_t *length)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return errno;
    if (!S_ISREG(st.st_mode) || access(path, X_OK) != 0)
        return EACCES;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    ssize_t got = read(fd, header, EXEC_HEADER_SIZE);
    int error = errno;
    close(fd);
    if (got < 0)
        return error;
    *length = (size_t)got;
    return 0;
}

/* Whether the header is an ELF executable for the guest's arch. */
static bool is_guest_elf(const struct linux_process *process, const char *header, size_t length)
{
    if (length < sizeof(Elf64_Ehdr) || memcmp(header, ELFMAG, SELFMAG) != 0)
        return false;
    Elf64_Ehdr elf;
    memcpy(&elf, header, sizeof elf);
    return elf.e_ident[EI_CLASS] == process->arch->elf_class && elf.e_ident[EI_DATA] == ELFDATA2LSB &&
           elf.e_machine == process->arch->elf_machine && (elf.e_type == ET_EXEC || elf.e_type == ET_DYN);
}

/* A #! line: the interpreter and at most one argument (the rest of the
 * line, trimmed), as fs/binfmt_script.c splits it.  False when the header
 * is not a script. */
static bool parse_script(char *header, size_t length, char **interp, char **arg)
{
    if (length < 2 || header[0] != '#' || header[1] != '!')
        return false;
    header[length < EXEC_HEADER_SIZE ? length : EXEC_HEADER_SIZE - 1] = '\0';
    char *line = header + 2;
    line[strcspn(line, "\n")] = '\0';
    line += strspn(line, " \t");
    if (*line == '\0')
        return false;
    *interp = line;
    line += strcspn(line, " \t");
    if (*line) {
        *line++ = '\0';
        line += strspn(line, " \t");
    }
    size_t end = strlen(line);
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        line[--end] = '\0';
    *arg = *line ? line : NULL;
    return true;
}

/* The emulator's own command line for running program: the options this emu
 * runs with (the environment's -E/-U are already in envp), then "--" so a
 * program named like an option stays the program. */
static char **emu_command_line(const struct linux_process *process, const char *program, const char *argv0,
                               char *const *rest, size_t rest_count, char *storage, size_t storage_size)
{
    const struct emu_options *opts = process->opts;
    char **argv = calloc(rest_count + 32 + 2 * (size_t)plugin_spec_count(), sizeof *argv);
    if (!argv)
        return NULL;
    size_t n = 0;
    /* storage holds the formatted option words, one after another */
    char *next = storage, *end = storage + storage_size;
#define WORD(...)                                                                                                      \
    do {                                                                                                               \
        int length = snprintf(next, (size_t)(end - next), __VA_ARGS__);                                                \
        if (length < 0 || length >= end - next) {                                                                      \
            free(argv);                                                                                                \
            return NULL;                                                                                               \
        }                                                                                                              \
        argv[n++] = next;                                                                                              \
        next += length + 1;                                                                                            \
    } while (0)
    WORD("emu");
    WORD("--arch=%s", process->arch->name);
    static const char *const tier_names[] = {[TIER_INTERP] = "interp", [TIER_BASELINE] = "tier1",
                                             [TIER_OPTIMIZING] = "jit"};
    if ((unsigned)opts->max_tier < sizeof tier_names / sizeof tier_names[0])
        WORD("--tier=%s", tier_names[opts->max_tier]);
    if (opts->tier_threshold[1])
        WORD("--tier-threshold=%u,%u", opts->tier_threshold[1], opts->tier_threshold[2]);
    if (opts->code_cache_size)
        WORD("--code-cache-size=%llu", (unsigned long long)opts->code_cache_size);
    if (opts->sysroot) {
        WORD("-L");
        WORD("%s", opts->sysroot);
    }
    char items[128];
    log_enabled_items_text(items, sizeof items);
    if (items[0]) {
        WORD("-d");
        WORD("%s", items);
    }
    /* -D FILE: the new program's log goes beside this one's, as FILE.PID, so
     * reopening the file (which truncates it) never loses this log. */
    char log_path[PATH_MAX], link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", log_file ? fileno(log_file) : -1);
    ssize_t log_length = log_file && log_file != stderr ? readlink(link, log_path, sizeof log_path - 1) : -1;
    if (log_length > 0) {
        log_path[log_length] = '\0';
        WORD("-D");
        WORD("%s.%d", log_path, (int)getpid());
    }
    if (opts->stack_size) {
        WORD("-s");
        WORD("%llu", (unsigned long long)opts->stack_size);
    }
    if (opts->stats)
        WORD("--stats");
    for (int i = 0; i < plugin_spec_count(); i++) {
        WORD("--plugin");
        WORD("%s", plugin_spec(i));
    }
#undef WORD
    argv[n++] = "-0";
    argv[n++] = (char *)argv0;
    argv[n++] = "--";
    argv[n++] = (char *)program;
    for (size_t i = 0; i < rest_count; i++)
        argv[n++] = rest[i];
    argv[n] = NULL;
    return argv;
}

/* The host's signal state as the new program must inherit it: the guest's
 * blocked mask, and SIG_IGN where the guest ignores a signal (emu's own
 * handlers would be reset to SIG_DFL by the host's execve, but an ignored
 * signal stays ignored, as Linux keeps it).  The old state goes to saved,
 * for a failed execve. */
struct host_signal_state {
    sigset_t mask;
    struct sigaction actions[GUEST_NSIG + 1];
    bool changed[GUEST_NSIG + 1];
};

static void signals_for_exec(struct linux_process *process, struct host_signal_state *saved)
{
    sigset_t mask;
    sigemptyset(&mask);
    uint64_t guest_mask = thread_current(process)->sigmask;
    for (int guest = 1; guest <= GUEST_NSIG; guest++) {
        int host = host_signal_from_guest(guest);
        saved->changed[guest] = false;
        if (host <= 0)
            continue;
        if (guest_mask & (UINT64_C(1) << (guest - 1)))
            sigaddset(&mask, host);
        if (process->sigactions[guest].handler == (uint64_t)(uintptr_t)SIG_IGN && host != SIGSEGV &&
            host != SIGBUS) {
            struct sigaction ignore = {.sa_handler = SIG_IGN};
            saved->changed[guest] = sigaction(host, &ignore, &saved->actions[guest]) == 0;
        }
    }
    pthread_sigmask(SIG_SETMASK, &mask, &saved->mask);
}

static void signals_restore(const struct host_signal_state *saved)
{
    for (int guest = 1; guest <= GUEST_NSIG; guest++)
        if (saved->changed[guest])
            sigaction(host_signal_from_guest(guest), &saved->actions[guest], NULL);
    pthread_sigmask(SIG_SETMASK, &saved->mask, NULL);
}

static int64_t host_execve(struct linux_process *process, const char *path, char *const *argv, char *const *envp)
{
    struct host_signal_state saved;
    fflush(NULL);
    signals_for_exec(process, &saved);
    execve(path, argv, envp);
    int error = errno;
    signals_restore(&saved);
    return fail(error);
}

/* Runs program (a guest ELF) under a new emu: argv0 is what the guest sees
 * as argv[0], rest its other arguments. */
static int64_t exec_under_emu(struct linux_process *process, const char *program, const char *argv0,
                              char *const *rest, size_t rest_count, char *const *envp)
{
    char storage[8 * PATH_MAX];
    char **argv = emu_command_line(process, program, argv0, rest, rest_count, storage, sizeof storage);
    if (!argv)
        return fail(ENOMEM);
    /* /proc/self/exe is this emulator even when it was started by a relative
     * path from another directory, or has been replaced on disk since. */
    int64_t result = host_execve(process, "/proc/self/exe", argv, envp);
    free(argv);
    return result;
}

/* path: the host path to run; guest_name: the name the guest gave (what a
 * script's interpreter receives as the script). */
static int64_t exec_path(struct linux_process *process, const char *path, const char *guest_name,
                         const struct string_list *argv, const struct string_list *envp)
{
    char header[EXEC_HEADER_SIZE + 1];
    size_t length = 0;
    int error = read_exec_header(path, header, &length);
    if (error)
        return fail(error);
    const char *argv0 = argv->count > 0 ? argv->items[0] : "";
    char *const *rest = argv->count > 0 ? argv->items + 1 : argv->items;
    size_t rest_count = argv->count > 0 ? argv->count - 1 : 0;
    if (is_guest_elf(process, header, length))
        return exec_under_emu(process, path, argv0, rest, rest_count, envp->items);
    char *interp, *interp_arg;
    if (parse_script(header, length, &interp, &interp_arg)) {
        char interp_path[PATH_MAX], interp_header[EXEC_HEADER_SIZE + 1];
        size_t interp_length = 0;
        if (sysroot_path(process->opts ? process->opts->sysroot : NULL, interp, interp_path, sizeof interp_path) &&
            read_exec_header(interp_path, interp_header, &interp_length) == 0 &&
            is_guest_elf(process, interp_header, interp_length)) {
            /* The kernel's argv for a script: interpreter, its argument,
             * the script as execve named it, then argv[1...]. */
            char **script_argv = calloc(rest_count + 3, sizeof *script_argv);
            if (!script_argv)
                return fail(ENOMEM);
            size_t n = 0;
            if (interp_arg)
                script_argv[n++] = interp_arg;
            script_argv[n++] = (char *)guest_name;
            memcpy(script_argv + n, rest, rest_count * sizeof *rest);
            int64_t result = exec_under_emu(process, interp_path, interp, script_argv, n + rest_count, envp->items);
            free(script_argv);
            return result;
        }
    }
    /* Native, or not executable at all: the host decides (and says ENOEXEC). */
    return host_execve(process, path, argv->items, envp->items);
}

static int64_t do_execve(struct linux_process *process, int dirfd, uint64_t guest_path_addr, uint64_t guest_argv,
                         uint64_t guest_envp, int flags)
{
    char path[PATH_MAX], guest_name[PATH_MAX];
    int error = guest_path(process, guest_path_addr, path, sizeof path);
    if (error)
        return error;
    ssize_t name_length = guest_strnlen(guest_path_addr, sizeof guest_name - 1);
    copy_from_guest(guest_name, guest_path_addr, (size_t)name_length);
    guest_name[name_length] = '\0';
    if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW))
        return fail(EINVAL);
    /* execveat: a path relative to dirfd, or dirfd itself (fexecve). */
    if (dirfd != AT_FDCWD && path[0] != '/') {
        if (path[0] == '\0' && !(flags & AT_EMPTY_PATH))
            return fail(ENOENT);
        char relative[PATH_MAX];
        if (snprintf(relative, sizeof relative, "/proc/self/fd/%d%s%s", dirfd, path[0] ? "/" : "", path) >=
            (int)sizeof relative)
            return fail(ENAMETOOLONG);
        strcpy(path, relative);
    } else if (path[0] == '\0') {
        return fail(ENOENT);
    }
    struct string_list argv = {0}, envp = {0};
    uint64_t total = 0;
    int64_t result = read_strings(guest_argv, &argv, &total);
    if (result == 0)
        result = read_strings(guest_envp, &envp, &total);
    if (result == 0)
        result = exec_path(process, path, guest_name, &argv, &envp);
    free_strings(&argv);
    free_strings(&envp);
    return result;
}

SYSCALL_HANDLER(execve)
{
    return do_execve(process, AT_FDCWD, args[0], args[1], args[2], 0);
}

SYSCALL_HANDLER(execveat)
{
    return do_execve(process, (int)args[0], args[1], args[2], args[3], (int)args[4]);
}
