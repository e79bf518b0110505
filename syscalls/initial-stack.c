/* The process stack at entry, as Linux's execve leaves it (fs/binfmt_elf.c):
 *
 *   STACK_TOP   program path (AT_EXECFN), envp strings, argv strings,
 *               platform string, 16 random bytes (AT_RANDOM)
 *               padding to 16 bytes
 *               auxv pairs ending with AT_NULL
 *               envp pointers, NULL
 *               argv pointers, NULL
 *   sp ->       argc
 */
#define _GNU_SOURCE
#include "initial-stack.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#include "elf-loader.h"
#include "guest-memory.h"
#include "linux-user.h"
#include "options.h"

static size_t name_length(const char *assignment)
{
    const char *equals = strchr(assignment, '=');
    return equals ? (size_t)(equals - assignment) : strlen(assignment);
}

static bool same_name(const char *entry, const char *name, size_t length)
{
    return strncmp(entry, name, length) == 0 && (entry[length] == '=' || entry[length] == '\0');
}

char **guest_environment(char *const *host_environ, const struct emu_options *opts)
{
    size_t count = 0;
    while (host_environ && host_environ[count])
        count++;
    char **env = calloc(count + (size_t)opts->env_set_count + 1, sizeof *env);
    if (!env)
        return NULL;
    memcpy(env, host_environ, count * sizeof *env);
    for (int i = 0; i < opts->env_set_count; i++) {
        const char *set = opts->env_set[i];
        size_t length = name_length(set), at = 0;
        while (at < count && !same_name(env[at], set, length))
            at++;
        env[at] = (char *)set;
        if (at == count)
            count++;
    }
    for (int i = 0; i < opts->env_unset_count; i++) {
        const char *name = opts->env_unset[i];
        size_t kept = 0;
        for (size_t at = 0; at < count; at++)
            if (!same_name(env[at], name, strlen(name)))
                env[kept++] = env[at];
        count = kept;
    }
    env[count] = NULL;
    return env;
}

/* Pushes data down from the top of the stack, refusing to let the strings
 * take more than a quarter of it (Linux's limit for argv and envp). */
struct stack_writer {
    uint64_t sp;
    uint64_t limit;
    bool overflow;
};

static uint64_t push_bytes(struct stack_writer *writer, const void *data, size_t len)
{
    if (writer->overflow || writer->sp - writer->limit < len) {
        writer->overflow = true;
        return 0;
    }
    writer->sp -= len;
    if (copy_to_guest(writer->sp, data, len) != 0)
        writer->overflow = true;
    return writer->sp;
}

static uint64_t push_string(struct stack_writer *writer, const char *string)
{
    return push_bytes(writer, string, strlen(string) + 1);
}

/* Pushes strings[count-1] down to strings[0], so they read in order upwards. */
static void push_strings(struct stack_writer *writer, char *const *strings, size_t count, uint64_t *addresses)
{
    for (size_t i = count; i-- > 0;)
        addresses[i] = push_string(writer, strings[i]);
}

static struct initial_stack_layout layout;

const struct initial_stack_layout *initial_stack_layout(void) { return &layout; }

static uint64_t map_stack(const struct emu_options *opts, const struct elf_image *image, uint64_t *bottom)
{
    uint64_t size = opts->stack_size ? opts->stack_size : DEFAULT_STACK_SIZE;
    size = (size + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1);
    if (size < GUEST_PAGE_SIZE || size > STACK_TOP / 2) {
        fprintf(stderr, "emu: stack size %llu is out of range\n", (unsigned long long)size);
        return 0;
    }
    *bottom = STACK_TOP - size;
    int prot = PROT_READ | PROT_WRITE | (image->stack_executable ? PROT_EXEC : 0);
    int error = guest_map(*bottom, size, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (error) {
        fprintf(stderr, "emu: could not map the guest stack: %s\n", strerror(-error));
        return 0;
    }
    return size;
}

uint64_t initial_stack_build(const struct emu_options *opts, const struct linux_user_abi *abi,
                             const struct elf_image *image, const struct initial_stack_args *args)
{
    uint64_t bottom;
    uint64_t size = map_stack(opts, image, &bottom);
    if (size == 0)
        return 0;
    size_t argc = (size_t)args->argc, envc = 0;
    while (args->envp[envc])
        envc++;
    uint64_t *addresses = calloc(argc + envc + 1, sizeof *addresses);
    if (!addresses) {
        fprintf(stderr, "emu: out of memory\n");
        return 0;
    }
    uint64_t *argv_addresses = addresses, *envp_addresses = addresses + argc;

    struct stack_writer writer = {.sp = STACK_TOP, .limit = STACK_TOP - size / 4};
    uint64_t execfn = push_string(&writer, args->execfn);
    layout.env_end = writer.sp;
    push_strings(&writer, args->envp, envc, envp_addresses);
    layout.env_start = layout.arg_end = writer.sp;
    push_strings(&writer, args->argv, argc, argv_addresses);
    layout.arg_start = writer.sp;
    layout.stack_start = bottom;
    layout.stack_end = STACK_TOP;
    uint64_t platform = abi->platform ? push_string(&writer, abi->platform) : 0;
    uint8_t random_bytes[16];
    if (getrandom(random_bytes, sizeof random_bytes, 0) != (ssize_t)sizeof random_bytes)
        memset(random_bytes, 0x5a, sizeof random_bytes);
    uint64_t random = push_bytes(&writer, random_bytes, sizeof random_bytes);

    uint64_t auxv[][2] = {
        {AT_PHDR, image->phdr},   {AT_PHENT, image->phent},
        {AT_PHNUM, image->phnum}, {AT_PAGESZ, GUEST_PAGE_SIZE},
        {AT_BASE, image->interp_base}, {AT_FLAGS, 0},
        {AT_ENTRY, image->entry}, {AT_UID, getuid()},
        {AT_EUID, geteuid()},     {AT_GID, getgid()},
        {AT_EGID, getegid()},     {AT_SECURE, 0},
        {AT_RANDOM, random},      {AT_HWCAP, abi->hwcap},
        {AT_CLKTCK, 100},         {AT_EXECFN, execfn},
        {AT_PLATFORM, platform},  {AT_NULL, 0},
    };
    size_t auxv_count = sizeof auxv / sizeof auxv[0];
    if (!abi->platform) { /* Linux gives none where the arch has no ELF_PLATFORM */
        auxv[auxv_count - 2][0] = AT_NULL;
        auxv_count--;
    }
    /* argc, argv + NULL, envp + NULL, then auxv, ending exactly at the
     * strings' (16-aligned) bottom with sp itself 16-aligned. */
    size_t words = 1 + argc + 1 + envc + 1 + 2 * auxv_count;
    uint64_t sp = ((writer.sp & ~UINT64_C(15)) - words * 8) & ~UINT64_C(15);
    uint64_t *table = calloc(words, sizeof *table), *word = table;
    _Static_assert(sizeof auxv / sizeof auxv[0] <= INITIAL_AUXV_MAX, "INITIAL_AUXV_MAX is too small");
    memcpy(layout.auxv, auxv, auxv_count * sizeof auxv[0]);
    layout.auxv_count = auxv_count;
    bool ok = table && !writer.overflow && sp >= writer.limit;
    if (ok) {
        *word++ = argc;
        memcpy(word, argv_addresses, argc * 8);
        word += argc + 1;
        memcpy(word, envp_addresses, envc * 8);
        word += envc + 1;
        memcpy(word, auxv, auxv_count * sizeof auxv[0]);
        ok = copy_to_guest(sp, table, words * 8) == 0;
    }
    if (!ok)
        fprintf(stderr, "emu: %s\n", strerror(E2BIG));
    free(table);
    free(addresses);
    return ok ? sp : 0;
}
