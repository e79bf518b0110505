/* The process stack at entry, laid out as Linux's execve leaves it. */
#ifndef EMU_SYSCALLS_INITIAL_STACK_H
#define EMU_SYSCALLS_INITIAL_STACK_H

#include <stdbool.h>
#include <stdint.h>

struct emu_options;
struct linux_user_abi;
struct elf_image;

#define DEFAULT_STACK_SIZE (UINT64_C(8) << 20)
/* Unmapped space kept above the stack, as Linux keeps the stack off the very top. */
#define STACK_TOP_GAP (UINT64_C(64) << 10)
#define STACK_TOP (GUEST_SPACE_SIZE - STACK_TOP_GAP)

/* The guest's environment: host environ, then -E sets, then -U unsets.
 * A NULL-terminated array of strings owned by the caller (free the array only). */
char **guest_environment(char *const *host_environ, const struct emu_options *opts);

/* What the program is started with. */
struct initial_stack_args {
    int argc;
    char *const *argv; /* argv[0] as the guest sees it */
    char *const *envp; /* NULL-terminated */
    const char *execfn; /* AT_EXECFN: the program path */
};

/* Maps the stack and writes argc, argv, envp, auxv and their strings into it.
 * Returns the initial sp (16-byte aligned), or 0 after a one-line error. */
uint64_t initial_stack_build(const struct emu_options *opts, const struct linux_user_abi *abi,
                             const struct elf_image *image, const struct initial_stack_args *args);

/* Where initial_stack_build put things, kept for /proc/self (auxv, cmdline,
 * environ, the [stack] line of maps). */
#define INITIAL_AUXV_MAX 32
struct initial_stack_layout {
    uint64_t stack_start, stack_end; /* the mapped stack */
    uint64_t arg_start, arg_end;     /* argv strings, each NUL-terminated */
    uint64_t env_start, env_end;     /* envp strings */
    uint64_t auxv[INITIAL_AUXV_MAX][2];
    unsigned auxv_count; /* pairs, with the final AT_NULL */
};
const struct initial_stack_layout *initial_stack_layout(void);

#endif
