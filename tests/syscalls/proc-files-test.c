/* syscalls/proc-files and mapping-names: /proc/self/maps lines in the
 * kernel's format from the page record and the recorded names, with
 * [heap] and [stack]; names follow partial unmaps; the emulated files are
 * read-only. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "guest-memory.h"
#include "initial-stack.h"
#include "linux-user.h"
#include "mapping-names.h"
#include "proc-files.h"
#include "syscalls.h"

/* What proc-files reaches outside itself, reduced to these tests. */
const struct initial_stack_layout *initial_stack_layout(void)
{
    static const struct initial_stack_layout layout = {.stack_start = 0x7000000, .stack_end = 0x7002000};
    return &layout;
}
int guest_errno_from_host(int host_errno) { return host_errno; }

static struct linux_process process;

static void setup(void)
{
    cr_assert(guest_memory_reserve());
    process.brk_start = 0x20000;
    process.brk_current = 0x21800;
}
TestSuite(proc_files, .init = setup);

static char *maps_text(void)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    proc_write_maps(&process, out);
    fclose(out);
    return text;
}

Test(proc_files, maps_lines_have_the_kernel_format)
{
    cr_assert_eq(guest_map(0x10000, 0x2000, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 0);
    cr_assert_eq(guest_map(0x12000, 0x1000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 0);
    mapping_names_note_path(0x10000, 0x13000, "/bin/sh", 0);
    cr_assert_eq(guest_map(0x20000, 0x2000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 0);
    cr_assert_eq(guest_map(0x30000, 0x1000, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 0);
    cr_assert_eq(guest_map(0x7000000, 0x2000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 0);
    struct stat st;
    cr_assert_eq(stat("/bin/sh", &st), 0);
    char expected[1024];
    char prefix[2][128];
    for (int i = 0; i < 2; i++)
        snprintf(prefix[i], sizeof prefix[i], "%08x-%08x %s %08x %02x:%02x %llu ", i ? 0x12000 : 0x10000,
                 i ? 0x13000 : 0x12000, i ? "rw-p" : "r-xp", i ? 0x2000 : 0, major(st.st_dev), minor(st.st_dev),
                 (unsigned long long)st.st_ino);
    snprintf(expected, sizeof expected,
             "%-72s /bin/sh\n%-72s /bin/sh\n%-72s [heap]\n%s\n%-72s [stack]\n", prefix[0], prefix[1],
             "00020000-00022000 rw-p 00000000 00:00 0 ", "00030000-00031000 ---p 00000000 00:00 0 ",
             "07000000-07002000 rw-p 00000000 00:00 0 ");
    char *text = maps_text();
    cr_assert_str_eq(text, expected);
    free(text);
}

Test(proc_files, names_follow_a_hole_punched_in_a_mapping)
{
    mapping_names_note_path(0x40000, 0x44000, "/bin/sh", 0x1000);
    mapping_names_forget(0x41000, 0x42000);
    size_t count;
    struct mapping_name *names = mapping_names_snapshot(&count);
    cr_assert_eq(count, 2);
    cr_assert_eq(names[0].start, 0x40000);
    cr_assert_eq(names[0].end, 0x41000);
    cr_assert_eq(names[0].offset, 0x1000);
    cr_assert_eq(names[1].start, 0x42000);
    cr_assert_eq(names[1].end, 0x44000);
    cr_assert_eq(names[1].offset, 0x3000); /* the file offset moves with the start */
    cr_assert_str_eq(names[1].path, "/bin/sh");
    mapping_names_free(names, count);
    mapping_names_note(0x40000, 0x44000, -1, 0, false); /* anonymous over all of it */
    names = mapping_names_snapshot(&count);
    cr_assert_eq(count, 1);
    cr_assert_null(names[0].path);
    mapping_names_free(names, count);
}

Test(proc_files, emulated_files_are_read_only_and_others_pass_through)
{
    int64_t result = 0;
    cr_assert(proc_file_open(&process, "/proc/self/maps", O_WRONLY, &result));
    cr_assert_eq(result, -EACCES);
    cr_assert(proc_file_open(&process, "/proc/self/auxv", O_RDONLY, &result));
    cr_assert_geq(result, 0);
    close((int)result);
    cr_assert_not(proc_file_open(&process, "/proc/self/status", O_RDONLY, &result));
    cr_assert_not(proc_file_open(&process, "/etc/passwd", O_RDONLY, &result));
}
