/* syscalls/initial-stack: what the program finds on its stack at entry,
 * read back out of guest memory the way a C library's start code does. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdlib.h>
#include <elf.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "guest-memory.h"
#include "options.h"
#include "elf-loader.h"
#include "initial-stack.h"
#include "linux-user.h"

static const struct linux_user_abi abi = {.hwcap = 0x112d, .platform = "riscv64"};
static const struct elf_image image = {.entry = 0x10078, .phdr = 0x10040, .phnum = 7, .phent = 56};

static void reserve(void) { cr_assert(guest_memory_reserve()); }
TestSuite(initial_stack, .init = reserve);

static uint64_t word(uint64_t addr)
{
    uint64_t value;
    cr_assert_eq(copy_from_guest(&value, addr, 8), 0);
    return value;
}

static const char *string(uint64_t addr) { return g2h(addr); }

static uint64_t auxv_value(uint64_t auxv, uint64_t type)
{
    for (uint64_t at = auxv; word(at) != AT_NULL; at += 16)
        if (word(at) == type)
            return word(at + 8);
    cr_assert_fail("auxv entry %llu missing", (unsigned long long)type);
    return 0;
}

static uint64_t build(const struct emu_options *opts, int argc, char *const *argv, char *const *envp)
{
    struct initial_stack_args args = {argc, argv, envp, "/tmp/prog"};
    return initial_stack_build(opts, &abi, &image, &args);
}

Test(initial_stack, argc_argv_envp_and_auxv_read_back)
{
    struct emu_options opts = {0};
    char *argv[] = {"prog", "one", "two words", NULL};
    char *envp[] = {"HOME=/root", "LANG=C", NULL};
    uint64_t sp = build(&opts, 3, argv, envp);
    cr_assert_neq(sp, 0);
    cr_assert_eq(sp % 16, 0);
    cr_assert_eq(word(sp), 3);
    for (int i = 0; i < 3; i++)
        cr_assert_str_eq(string(word(sp + 8 + 8 * i)), argv[i]);
    cr_assert_eq(word(sp + 8 * 4), 0);
    uint64_t envp_at = sp + 8 * 5;
    cr_assert_str_eq(string(word(envp_at)), "HOME=/root");
    cr_assert_str_eq(string(word(envp_at + 8)), "LANG=C");
    cr_assert_eq(word(envp_at + 16), 0);
    uint64_t auxv = envp_at + 24;
    cr_assert_eq(auxv_value(auxv, AT_PHDR), image.phdr);
    cr_assert_eq(auxv_value(auxv, AT_PHENT), 56);
    cr_assert_eq(auxv_value(auxv, AT_PHNUM), 7);
    cr_assert_eq(auxv_value(auxv, AT_PAGESZ), 4096);
    cr_assert_eq(auxv_value(auxv, AT_BASE), 0);
    cr_assert_eq(auxv_value(auxv, AT_ENTRY), image.entry);
    cr_assert_eq(auxv_value(auxv, AT_UID), getuid());
    cr_assert_eq(auxv_value(auxv, AT_EGID), getegid());
    cr_assert_eq(auxv_value(auxv, AT_SECURE), 0);
    cr_assert_eq(auxv_value(auxv, AT_HWCAP), 0x112d);
    cr_assert_eq(auxv_value(auxv, AT_CLKTCK), 100);
    cr_assert_str_eq(string(auxv_value(auxv, AT_PLATFORM)), "riscv64");
    cr_assert_str_eq(string(auxv_value(auxv, AT_EXECFN)), "/tmp/prog");
    uint8_t random_bytes[16];
    cr_assert_eq(copy_from_guest(random_bytes, auxv_value(auxv, AT_RANDOM), 16), 0);
}

Test(initial_stack, stack_sits_below_the_top_with_its_size)
{
    struct emu_options opts = {.stack_size = 1 << 20};
    char *argv[] = {"prog", NULL};
    char *envp[] = {NULL};
    uint64_t sp = build(&opts, 1, argv, envp);
    cr_assert_gt(sp, STACK_TOP - (1 << 20));
    cr_assert_lt(sp, STACK_TOP);
    cr_assert_eq(guest_page_prot(STACK_TOP - 1), PROT_READ | PROT_WRITE);
    cr_assert_eq(guest_page_prot(STACK_TOP - (1 << 20)), PROT_READ | PROT_WRITE);
    cr_assert_eq(guest_page_prot(STACK_TOP - (1 << 20) - 1), -1);
    cr_assert_eq(guest_page_prot(STACK_TOP), -1);
}

Test(initial_stack, arguments_larger_than_a_quarter_of_the_stack_are_refused)
{
    struct emu_options opts = {.stack_size = 64 << 10};
    static char big[20000];
    memset(big, 'a', sizeof big - 1);
    char *argv[] = {"prog", big, NULL};
    char *envp[] = {NULL};
    cr_redirect_stderr();
    cr_assert_eq(build(&opts, 2, argv, envp), 0);
}

Test(initial_stack, environment_applies_sets_then_unsets)
{
    char *host[] = {"A=1", "B=2", "C=3", NULL};
    const char *sets[] = {"B=changed", "D=new"};
    const char *unsets[] = {"A", "D"};
    struct emu_options opts = {.env_set = sets, .env_set_count = 2, .env_unset = unsets, .env_unset_count = 2};
    char **env = guest_environment(host, &opts);
    cr_assert_str_eq(env[0], "B=changed");
    cr_assert_str_eq(env[1], "C=3");
    cr_assert_null(env[2]);
    free(env);
}

Test(initial_stack, environment_set_does_not_match_a_longer_name)
{
    char *host[] = {"PATHX=1", NULL};
    const char *sets[] = {"PATH=/bin"};
    struct emu_options opts = {.env_set = sets, .env_set_count = 1};
    char **env = guest_environment(host, &opts);
    cr_assert_str_eq(env[0], "PATHX=1");
    cr_assert_str_eq(env[1], "PATH=/bin");
    cr_assert_null(env[2]);
    free(env);
}

/* Linux's riscv has no ELF_PLATFORM, so no AT_PLATFORM entry at all. */
Test(initial_stack, no_platform_no_at_platform)
{
    static const struct linux_user_abi no_platform = {.hwcap = 0x112d, .platform = NULL};
    struct emu_options opts = {0};
    char *argv[] = {"prog", NULL};
    char *envp[] = {NULL};
    struct initial_stack_args args = {1, argv, envp, "/tmp/prog"};
    uint64_t sp = initial_stack_build(&opts, &no_platform, &image, &args);
    cr_assert_neq(sp, 0);
    uint64_t auxv = sp + 8 * 4; /* argc, argv[0], NULL, envp NULL */
    cr_assert_eq(auxv_value(auxv, AT_HWCAP), 0x112d);
    for (uint64_t at = auxv; word(at) != AT_NULL; at += 16)
        cr_assert_neq(word(at), AT_PLATFORM);
}
