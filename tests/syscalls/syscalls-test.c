/* The syscall layer without a CPU: handlers called through the table with
 * guest memory set up by hand, checking results, conversions, EFAULT on bad
 * pointers, strace and the unimplemented log. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plugin.h"
#include "arch.h"
#include "exec.h"
#include "guest-memory.h"
#include "linux-user.h"
#include "log.h"
#include "stats.h"
#include "syscalls.h"

/* ---- what core/ provides, reduced to what these tests observe ---- */
unsigned log_mask;
FILE *log_file;
struct emu_stats emu_stats;
static int flushes;
void log_printf(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vfprintf(log_file, fmt, args);
    va_end(args);
}
void cpu_flush_blocks(struct cpu *cpu)
{
    (void)cpu;
    flushes++;
}
void emu_finish(struct cpu *cpu) { (void)cpu; }
void log_enabled_items_text(char *out, size_t size)
{
    (void)size;
    out[0] = '\0';
}
/* no plugins in these tests */
bool plugins_enabled;
int plugin_spec_count(void) { return 0; }
const char *plugin_spec(int index)
{
    (void)index;
    return NULL;
}
void plugin_discontinuity(struct cpu *cpu, enum qemu_plugin_discon_type type, uint64_t from_pc, uint64_t to_pc)
{
    (void)cpu, (void)type, (void)from_pc, (void)to_pc;
}
void cpu_destroy(struct cpu *cpu) { (void)cpu; }
/* clone's threads need the run loop, which these tests never reach */
void cpu_init(struct cpu *cpu, const struct arch *arch, const struct emu_options *opts)
{
    (void)cpu;
    (void)arch;
    (void)opts;
}
noreturn void linux_user_run(struct linux_thread *thread)
{
    (void)thread;
    abort();
}

/* ---- fixture ---- */
static const struct arch riscv64 = {.name = "riscv64", .elf_machine = EM_RISCV, .elf_class = ELFCLASS64};
static struct emu_options opts;
static struct linux_process process;
static char *log_text;
static size_t log_size;

#define SCRATCH UINT64_C(0x100000) /* a read-write page */
#define READ_ONLY UINT64_C(0x102000)
#define HEAP UINT64_C(0x200000)

static void setup(void)
{
    cr_assert(guest_memory_reserve());
    guest_structs_select(EM_RISCV);
    log_file = open_memstream(&log_text, &log_size);
    process = (struct linux_process){.arch = &riscv64, .opts = &opts, .brk_start = HEAP, .brk_current = HEAP};
    snprintf(process.exe_path, sizeof process.exe_path, "/opt/guest/prog");
    cr_assert_eq(guest_map(SCRATCH, 2 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 0);
    cr_assert_eq(guest_map(READ_ONLY, GUEST_PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 0);
}

TestSuite(syscalls, .init = setup);

static int64_t call(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
    uint64_t args[6] = {a0, a1, a2, a3, a4, a5};
    return syscall_dispatch(&process, number, args);
}
#define CALL(number, ...) call(number, __VA_ARGS__, 0, 0, 0, 0, 0, 0)
#define call(number, a0, a1, a2, a3, a4, a5, ...) call(number, a0, a1, a2, a3, a4, a5)

static uint64_t put_string(uint64_t addr, const char *text)
{
    cr_assert_eq(copy_to_guest(addr, text, strlen(text) + 1), 0);
    return addr;
}

static const char *logged(void)
{
    fflush(log_file);
    return log_text;
}

enum {
    NR_getcwd = 17, NR_fcntl = 25, NR_ioctl = 29, NR_openat = 56, NR_close = 57, NR_pipe2 = 59, NR_read = 63,
    NR_write = 64, NR_writev = 66, NR_readlinkat = 78, NR_newfstatat = 79, NR_fstat = 80, NR_exit_group = 94,
    NR_futex = 98, NR_clock_gettime = 113, NR_kill = 129, NR_rt_sigaction = 134, NR_rt_sigprocmask = 135,
    NR_uname = 160, NR_kexec_load = 104, NR_brk = 214, NR_munmap = 215, NR_mremap = 216, NR_mmap = 222,
    NR_mprotect = 226, NR_getrandom = 278, NR_rseq = 293,
};

/* ---- conversions ---- */

Test(syscalls, guest_stat_has_the_asm_generic_layout)
{
    cr_assert_eq(sizeof(struct guest_stat), 128);
    cr_assert_eq(offsetof(struct guest_stat, st_mode), 16);
    cr_assert_eq(offsetof(struct guest_stat, st_rdev), 32);
    cr_assert_eq(offsetof(struct guest_stat, st_size), 48);
    cr_assert_eq(offsetof(struct guest_stat, st_blksize), 56);
    cr_assert_eq(offsetof(struct guest_stat, st_blocks), 64);
    cr_assert_eq(offsetof(struct guest_stat, st_mtime_sec), 88);
    cr_assert_eq(offsetof(struct guest_stat, st_ctime_nsec), 112);
}

Test(syscalls, stat_conversion_moves_every_field)
{
    struct stat host = {.st_dev = 1, .st_ino = 2, .st_mode = S_IFREG | 0644, .st_nlink = 3, .st_uid = 4,
                        .st_gid = 5, .st_rdev = 6, .st_size = 7, .st_blksize = 8, .st_blocks = 9};
    host.st_atim = (struct timespec){10, 11};
    host.st_mtim = (struct timespec){12, 13};
    host.st_ctim = (struct timespec){14, 15};
    struct guest_stat guest;
    guest_stat_from_host(&guest, &host);
    uint64_t expected[] = {1, 2, S_IFREG | 0644, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    uint64_t got[] = {guest.st_dev, guest.st_ino, guest.st_mode, guest.st_nlink, guest.st_uid, guest.st_gid,
                      guest.st_rdev, (uint64_t)guest.st_size, (uint64_t)guest.st_blksize, (uint64_t)guest.st_blocks,
                      (uint64_t)guest.st_atime_sec, guest.st_atime_nsec, (uint64_t)guest.st_mtime_sec,
                      guest.st_mtime_nsec, (uint64_t)guest.st_ctime_sec, guest.st_ctime_nsec};
    cr_assert_arr_eq(got, expected, sizeof expected);
}

Test(syscalls, fstat_writes_the_guest_layout)
{
    int fd = open("/proc/self/exe", O_RDONLY);
    struct stat host;
    fstat(fd, &host);
    cr_assert_eq(CALL(NR_fstat, (uint64_t)fd, SCRATCH), 0);
    uint64_t size;
    uint32_t mode;
    copy_from_guest(&size, SCRATCH + 48, 8);
    copy_from_guest(&mode, SCRATCH + 16, 4);
    cr_assert_eq(size, (uint64_t)host.st_size);
    cr_assert_eq(mode, host.st_mode);
    close(fd);
}

Test(syscalls, open_flags_follow_the_guest_layout)
{
    cr_assert_eq(host_open_flags(0200000), O_DIRECTORY); /* asm-generic O_DIRECTORY */
    cr_assert_eq(host_open_flags(02000000 | 0100 | 1), O_CLOEXEC | O_CREAT | O_WRONLY);
    cr_assert_eq(guest_open_flags(O_NOFOLLOW), 0400000);
    guest_structs_select(EM_AARCH64);
    cr_assert_eq(host_open_flags(040000), O_DIRECTORY); /* arm64 overrides it */
    cr_assert_eq(host_open_flags(0100000), O_NOFOLLOW);
    cr_assert_eq(guest_open_flags(O_DIRECT), 0200000);
}

Test(syscalls, riscv_sigaction_has_no_restorer)
{
    uint64_t words[3] = {0x1234, 0x4, 0x80};
    copy_to_guest(SCRATCH, words, sizeof words);
    struct emu_sigaction action;
    cr_assert_eq(sigaction_from_guest(&action, SCRATCH), 0);
    cr_assert_eq(action.handler, 0x1234);
    cr_assert_eq(action.flags, 0x4);
    cr_assert_eq(action.mask, 0x80);
    cr_assert_eq(action.restorer, 0);
}

/* ---- I/O and pointers ---- */

Test(syscalls, write_and_read_through_a_pipe)
{
    int fds[2];
    cr_assert_eq(CALL(NR_pipe2, SCRATCH, 0), 0);
    copy_from_guest(fds, SCRATCH, sizeof fds);
    put_string(SCRATCH + 64, "ping");
    cr_assert_eq(CALL(NR_write, (uint64_t)fds[1], SCRATCH + 64, 4), 4);
    cr_assert_eq(CALL(NR_read, (uint64_t)fds[0], SCRATCH + 128, 4), 4);
    cr_assert_eq(memcmp(g2h(SCRATCH + 128), "ping", 4), 0);
}

Test(syscalls, bad_buffers_are_efault_not_crashes)
{
    int fds[2];
    pipe(fds);
    write(fds[1], "data", 4);
    cr_assert_eq(CALL(NR_read, (uint64_t)fds[0], READ_ONLY, 4), -EFAULT);
    cr_assert_eq(CALL(NR_read, (uint64_t)fds[0], 0x5000000, 4), -EFAULT);
    cr_assert_eq(CALL(NR_write, (uint64_t)fds[1], 0x5000000, 4), -EFAULT);
    cr_assert_eq(CALL(NR_write, (uint64_t)fds[1], READ_ONLY + GUEST_PAGE_SIZE - 2, 4), -EFAULT);
    cr_assert_eq(CALL(NR_openat, (uint64_t)AT_FDCWD, 0x5000000, 0), -EFAULT);
    cr_assert_eq(CALL(NR_fstat, 0, READ_ONLY), -EFAULT);
    cr_assert_eq(CALL(NR_clock_gettime, 0, 0), -EFAULT);
    cr_assert_eq(CALL(NR_getrandom, GUEST_SPACE_SIZE - 8, 16, 0), -EFAULT);
}

Test(syscalls, writev_gathers_guest_buffers)
{
    int fds[2];
    pipe(fds);
    put_string(SCRATCH + 256, "ab");
    put_string(SCRATCH + 512, "cd");
    struct guest_iovec iov[2] = {{SCRATCH + 256, 2}, {SCRATCH + 512, 2}};
    copy_to_guest(SCRATCH, iov, sizeof iov);
    cr_assert_eq(CALL(NR_writev, (uint64_t)fds[1], SCRATCH, 2), 4);
    char got[5] = {0};
    read(fds[0], got, 4);
    cr_assert_str_eq(got, "abcd");
}

Test(syscalls, openat_missing_file_is_enoent)
{
    put_string(SCRATCH, "/nonexistent/file");
    cr_assert_eq(CALL(NR_openat, (uint64_t)AT_FDCWD, SCRATCH, 0), -ENOENT);
}

Test(syscalls, fcntl_getfl_reports_guest_flags)
{
    put_string(SCRATCH, "/tmp");
    int64_t fd = CALL(NR_openat, (uint64_t)AT_FDCWD, SCRATCH, 0200000 /* O_DIRECTORY */);
    cr_assert_geq(fd, 0);
    cr_assert_eq(CALL(NR_fcntl, (uint64_t)fd, F_GETFL) & 0200000, 0200000);
    cr_assert_eq(CALL(NR_close, (uint64_t)fd), 0);
}

Test(syscalls, readlink_of_proc_self_exe_is_the_guest_program)
{
    put_string(SCRATCH, "/proc/self/exe");
    int64_t length = CALL(NR_readlinkat, (uint64_t)AT_FDCWD, SCRATCH, SCRATCH + 256, 100);
    cr_assert_eq(length, (int64_t)strlen("/opt/guest/prog"));
    cr_assert_eq(memcmp(g2h(SCRATCH + 256), "/opt/guest/prog", (size_t)length), 0);
}

Test(syscalls, getcwd_returns_the_length_with_the_nul)
{
    char cwd[4096];
    getcwd(cwd, sizeof cwd);
    cr_assert_eq(CALL(NR_getcwd, SCRATCH, 4096), (int64_t)strlen(cwd) + 1);
    cr_assert_str_eq(g2h(SCRATCH), cwd);
}

Test(syscalls, unknown_ioctl_is_enotty)
{
    cr_assert_eq(CALL(NR_ioctl, 0, 0x12345678, SCRATCH), -ENOTTY);
}

Test(syscalls, uname_machine_is_the_guest)
{
    cr_assert_eq(CALL(NR_uname, SCRATCH), 0);
    cr_assert_str_eq(g2h(SCRATCH + 4 * 65), "riscv64");
    cr_assert_str_eq(g2h(SCRATCH), "Linux");
}

/* ---- memory ---- */

Test(syscalls, brk_grows_shrinks_and_refuses_mappings)
{
    cr_assert_eq(CALL(NR_brk, 0), HEAP);
    cr_assert_eq(CALL(NR_brk, HEAP + 10000), HEAP + 10000);
    cr_assert_eq(guest_page_prot(HEAP + 8192), PROT_READ | PROT_WRITE);
    cr_assert_eq(CALL(NR_brk, HEAP + 100), HEAP + 100);
    cr_assert_eq(guest_page_prot(HEAP + 8192), -1);
    guest_map(HEAP + 0x10000, GUEST_PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    cr_assert_eq(CALL(NR_brk, HEAP + 0x20000), HEAP + 100);
}

Test(syscalls, mmap_anonymous_places_and_unmaps)
{
    int64_t addr = CALL(NR_mmap, 0, 3 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE, 0x22 /* PRIVATE|ANONYMOUS */,
                        (uint64_t)-1, 0);
    cr_assert_gt(addr, 0);
    cr_assert_eq(addr % GUEST_PAGE_SIZE, 0);
    cr_assert_eq(guest_page_prot((uint64_t)addr), PROT_READ | PROT_WRITE);
    cr_assert_eq(CALL(NR_munmap, (uint64_t)addr, 3 * GUEST_PAGE_SIZE), 0);
    cr_assert_eq(guest_page_prot((uint64_t)addr), -1);
}

Test(syscalls, mmap_fixed_noreplace_refuses_mapped_pages)
{
    cr_assert_eq(CALL(NR_mmap, SCRATCH, GUEST_PAGE_SIZE, PROT_READ, 0x100022, (uint64_t)-1, 0), -EEXIST);
    cr_assert_eq(CALL(NR_mmap, SCRATCH, GUEST_PAGE_SIZE, PROT_READ, 0x32 /* FIXED */, (uint64_t)-1, 0), SCRATCH);
    cr_assert_eq(guest_page_prot(SCRATCH), PROT_READ);
}

Test(syscalls, mmap_checks_its_arguments)
{
    cr_assert_eq(CALL(NR_mmap, 0, 0, PROT_READ, 0x22, (uint64_t)-1, 0), -EINVAL);
    cr_assert_eq(CALL(NR_mmap, 0, 4096, PROT_READ, 0x20 /* no type */, (uint64_t)-1, 0), -EINVAL);
    cr_assert_eq(CALL(NR_mmap, 0x1001, 4096, PROT_READ, 0x32, (uint64_t)-1, 0), -EINVAL);
    cr_assert_eq(CALL(NR_mmap, 0, 4096, PROT_READ, 0x02, 12345, 0), -EBADF);
}

Test(syscalls, mmap_of_a_file_shows_its_bytes)
{
    FILE *file = tmpfile();
    fputs("mapped file", file);
    fflush(file);
    int64_t addr = CALL(NR_mmap, 0, 4096, PROT_READ, 0x02, (uint64_t)fileno(file), 0);
    cr_assert_gt(addr, 0);
    cr_assert_eq(memcmp(g2h((uint64_t)addr), "mapped file", 11), 0);
}

Test(syscalls, mprotect_of_unmapped_memory_is_enomem)
{
    cr_assert_eq(CALL(NR_mprotect, 0x7000000, 4096, PROT_READ), -ENOMEM);
    cr_assert_eq(CALL(NR_mprotect, SCRATCH, 4096, PROT_READ), 0);
    cr_assert_eq(guest_page_prot(SCRATCH), PROT_READ);
}

Test(syscalls, changing_code_pages_flushes_translations)
{
    guest_map(0x300000, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    flushes = 0;
    cr_assert_eq(CALL(NR_munmap, 0x300000, GUEST_PAGE_SIZE), 0);
    cr_assert_eq(flushes, 1);
}

Test(syscalls, mremap_grows_by_moving_and_keeps_contents)
{
    int64_t addr = CALL(NR_mmap, 0, 4096, PROT_READ | PROT_WRITE, 0x22, (uint64_t)-1, 0);
    put_string((uint64_t)addr, "kept");
    /* The page above is taken, so growing must move. */
    CALL(NR_mmap, (uint64_t)addr + 4096, 4096, PROT_READ, 0x32, (uint64_t)-1, 0);
    cr_assert_eq(CALL(NR_mremap, (uint64_t)addr, 4096, 8192, 0), -ENOMEM);
    int64_t moved = CALL(NR_mremap, (uint64_t)addr, 4096, 8192, 1 /* MAYMOVE */);
    cr_assert_gt(moved, 0);
    cr_assert_neq(moved, addr);
    cr_assert_str_eq(g2h((uint64_t)moved), "kept");
    cr_assert_eq(guest_page_prot((uint64_t)addr), -1);
    cr_assert_eq(guest_page_prot((uint64_t)moved + 4096), PROT_READ | PROT_WRITE);
}

/* ---- signals, futex, process ---- */

Test(syscalls, sigaction_stores_and_returns_the_old_action)
{
    uint64_t action[3] = {0x10000, 0, 0};
    copy_to_guest(SCRATCH, action, sizeof action);
    cr_assert_eq(CALL(NR_rt_sigaction, SIGUSR1, SCRATCH, 0, 8), 0);
    cr_assert_eq(CALL(NR_rt_sigaction, SIGUSR1, 0, SCRATCH + 64, 8), 0);
    uint64_t old[3];
    copy_from_guest(old, SCRATCH + 64, sizeof old);
    cr_assert_eq(old[0], 0x10000);
    cr_assert_eq(CALL(NR_rt_sigaction, SIGKILL, SCRATCH, 0, 8), -EINVAL);
    cr_assert_eq(CALL(NR_rt_sigaction, SIGUSR1, SCRATCH, 0, 16), -EINVAL);
    cr_assert_eq(CALL(NR_rt_sigaction, SIGUSR1, 0x5000000, 0, 8), -EFAULT);
}

Test(syscalls, sigprocmask_keeps_the_guest_mask_without_kill_and_stop)
{
    uint64_t set = ~UINT64_C(0);
    copy_to_guest(SCRATCH, &set, 8);
    cr_assert_eq(CALL(NR_rt_sigprocmask, SIG_SETMASK, SCRATCH, SCRATCH + 8, 8), 0);
    cr_assert_eq(CALL(NR_rt_sigprocmask, SIG_BLOCK, 0, SCRATCH + 8, 8), 0);
    uint64_t old;
    copy_from_guest(&old, SCRATCH + 8, 8);
    cr_assert_eq(old, ~UINT64_C(0) & ~(UINT64_C(1) << 8) & ~(UINT64_C(1) << 18));
}

Test(syscalls, kill_self_with_a_fatal_signal_dies_by_it, .signal = SIGTERM)
{
    cr_redirect_stderr();
    CALL(NR_kill, (uint64_t)getpid(), SIGTERM);
}

Test(syscalls, blocked_self_signal_waits_for_unblock, .signal = SIGUSR2)
{
    cr_redirect_stderr();
    uint64_t set = UINT64_C(1) << (SIGUSR2 - 1);
    copy_to_guest(SCRATCH, &set, 8);
    CALL(NR_rt_sigprocmask, SIG_BLOCK, SCRATCH, 0, 8);
    cr_assert_eq(CALL(NR_kill, (uint64_t)getpid(), SIGUSR2), 0);
    CALL(NR_rt_sigprocmask, SIG_UNBLOCK, SCRATCH, 0, 8);
}

Test(syscalls, exit_group_exits_with_the_status, .exit_code = 7)
{
    CALL(NR_exit_group, 7);
}

Test(syscalls, futex_wait_on_a_changed_value_is_eagain)
{
    uint32_t value = 1;
    copy_to_guest(SCRATCH, &value, 4);
    cr_assert_eq(CALL(NR_futex, SCRATCH, 128 /* WAIT|PRIVATE */, 0, 0), -EAGAIN);
    cr_assert_eq(CALL(NR_futex, SCRATCH, 129 /* WAKE|PRIVATE */, 1), 0);
    cr_assert_eq(CALL(NR_futex, 0x5000000, 128, 0, 0), -EFAULT);
}

/* ---- table, logging ---- */

Test(syscalls, unimplemented_syscall_is_enosys_and_logged)
{
    log_mask = LOG_UNIMP;
    uint64_t before = emu_stats.syscalls;
    cr_assert_eq(CALL(NR_kexec_load, 0), -ENOSYS);
    cr_assert_eq(CALL(9999, 0), -ENOSYS);
    cr_assert_str_eq(logged(), "Unsupported syscall: 104 (kexec_load)\nUnsupported syscall: 9999\n");
    cr_assert_eq(emu_stats.syscalls, before + 2);
}

Test(syscalls, rseq_is_declined_quietly)
{
    log_mask = LOG_UNIMP;
    cr_assert_eq(CALL(NR_rseq, 0), -ENOSYS);
    cr_assert_str_eq(logged(), "");
}

Test(syscalls, strace_decodes_arguments_and_errors)
{
    log_mask = LOG_STRACE;
    put_string(SCRATCH, "/nonexistent-dir/file");
    CALL(NR_openat, (uint64_t)AT_FDCWD, SCRATCH, 02000000 | 0100 | 1, 0644);
    char expected[256];
    snprintf(expected, sizeof expected,
             "%d openat(AT_FDCWD,\"/nonexistent-dir/file\",O_WRONLY|O_CREAT|O_CLOEXEC,0644) = -1 errno=2 (No such "
             "file or directory)\n",
             (int)getpid());
    cr_assert_str_eq(logged(), expected);
}

Test(syscalls, strace_shows_write_buffers_and_mmap_results_in_hex)
{
    log_mask = LOG_STRACE;
    int fds[2];
    pipe(fds);
    put_string(SCRATCH, "hi\n");
    CALL(NR_write, (uint64_t)fds[1], SCRATCH, 3);
    char expected[256];
    snprintf(expected, sizeof expected, "%d write(%d,\"hi\\n\",3) = 3\n", (int)getpid(), fds[1]);
    cr_assert_str_eq(logged(), expected);
    CALL(NR_mmap, 0, 4096, PROT_READ, 0x22, (uint64_t)-1, 0);
    cr_assert(strstr(logged(), "mmap(0x0,4096,PROT_READ,MAP_PRIVATE|MAP_ANONYMOUS,-1,0x0) = 0x"), "got: %s", logged());
}
