/* Guest <-> host conversions for the Linux syscall layer; see guest-structs.h. */
#define _GNU_SOURCE
#include "guest-structs.h"

#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>

#include "guest-memory.h"

#if !defined(__linux__) || !(defined(__x86_64__) || defined(__aarch64__) || defined(__riscv))
#error "the Linux user mode assumes a 64-bit Linux host with generic errno and signal numbers"
#endif

/* Structs passed through unchanged: same layout on every 64-bit Linux. */
_Static_assert(sizeof(struct timespec) == 16 && offsetof(struct timespec, tv_nsec) == 8, "timespec");
_Static_assert(sizeof(struct timeval) == 16, "timeval");
_Static_assert(sizeof(struct rusage) == 144, "rusage");
_Static_assert(sizeof(struct rlimit) == 16, "rlimit");
_Static_assert(sizeof(struct tms) == 32, "tms");
_Static_assert(sizeof(struct sysinfo) == 112, "sysinfo");
_Static_assert(sizeof(struct utsname) == 6 * 65, "utsname");
_Static_assert(sizeof(struct winsize) == 8, "winsize");
_Static_assert(sizeof(struct flock) == 32 && offsetof(struct flock, l_start) == 8, "flock");
_Static_assert(sizeof(struct statx) == 256, "statx");
_Static_assert(sizeof(struct iovec) == sizeof(struct guest_iovec), "iovec");
_Static_assert(sizeof(struct guest_stat) == 128, "asm-generic struct stat is 128 bytes");
_Static_assert(sizeof(struct guest_termios) == 36, "kernel termios is 36 bytes");

/* ---- errno and signals ----
 * asm-generic errno and signal numbers are the ones x86-64 and arm64 hosts
 * use, so these are identities; every crossing still goes through here. */

int guest_errno_from_host(int host_errno) { return host_errno; }
int host_errno_from_guest(int guest_errno) { return guest_errno; }

int64_t guest_result(int64_t host_result)
{
    return host_result < 0 ? -(int64_t)guest_errno_from_host(errno) : host_result;
}

int host_signal_from_guest(int guest_signal)
{
    return guest_signal >= 1 && guest_signal <= GUEST_NSIG && guest_signal <= SIGRTMAX ? guest_signal : 0;
}

int guest_signal_from_host(int host_signal)
{
    return host_signal >= 1 && host_signal <= GUEST_NSIG ? host_signal : 0;
}

/* ---- per-arch layouts inside the generic ABI ---- */

enum guest_layout { LAYOUT_GENERIC, LAYOUT_ARM64, LAYOUT_COUNT };

struct layout_choice {
    uint16_t elf_machine;
    enum guest_layout layout;
    bool sigaction_has_restorer; /* __ARCH_HAS_SA_RESTORER */
};

/* riscv64 takes asm-generic as it is; arm64 overrides the open flags (its
 * uapi fcntl.h, shared with arm) and has sa_restorer. */
static const struct layout_choice layout_choices[] = {
    {EM_RISCV, LAYOUT_GENERIC, false},
    {EM_AARCH64, LAYOUT_ARM64, true},
};
static const struct layout_choice *current_layout = &layout_choices[0];

void guest_structs_select(uint16_t elf_machine)
{
    for (size_t i = 0; i < sizeof layout_choices / sizeof layout_choices[0]; i++)
        if (layout_choices[i].elf_machine == elf_machine)
            current_layout = &layout_choices[i];
}

/* The kernel's O_LARGEFILE is 0 in a 64-bit libc, but F_GETFL reports it. */
#if defined(__x86_64__)
#define HOST_O_LARGEFILE 0100000
#else
#define HOST_O_LARGEFILE 0400000
#endif

static const struct open_flag {
    const char *name;
    uint64_t guest[LAYOUT_COUNT];
    int host;
} open_flag_table[] = {
    {"O_CREAT", {0100, 0100}, O_CREAT},
    {"O_EXCL", {0200, 0200}, O_EXCL},
    {"O_NOCTTY", {0400, 0400}, O_NOCTTY},
    {"O_TRUNC", {01000, 01000}, O_TRUNC},
    {"O_APPEND", {02000, 02000}, O_APPEND},
    {"O_NONBLOCK", {04000, 04000}, O_NONBLOCK},
    {"O_DSYNC", {010000, 010000}, O_DSYNC},
    {"FASYNC", {020000, 020000}, FASYNC},
    {"O_DIRECT", {040000, 0200000}, O_DIRECT},
    {"O_LARGEFILE", {0100000, 0400000}, HOST_O_LARGEFILE},
    {"O_DIRECTORY", {0200000, 040000}, O_DIRECTORY},
    {"O_NOFOLLOW", {0400000, 0100000}, O_NOFOLLOW},
    {"O_NOATIME", {01000000, 01000000}, O_NOATIME},
    {"O_CLOEXEC", {02000000, 02000000}, O_CLOEXEC},
    {"O_SYNC", {04000000, 04000000}, O_SYNC & ~O_DSYNC}, /* O_SYNC is this bit plus O_DSYNC */
    {"O_PATH", {010000000, 010000000}, O_PATH},
    {"O_TMPFILE", {020000000, 020000000}, O_TMPFILE & ~O_DIRECTORY}, /* O_TMPFILE is this bit plus O_DIRECTORY */
};
#define OPEN_FLAG_COUNT (sizeof open_flag_table / sizeof open_flag_table[0])

int host_open_flags(uint64_t guest_flags)
{
    int host = (int)(guest_flags & O_ACCMODE); /* O_RDONLY/O_WRONLY/O_RDWR agree everywhere */
    for (size_t i = 0; i < OPEN_FLAG_COUNT; i++)
        if (guest_flags & open_flag_table[i].guest[current_layout->layout])
            host |= open_flag_table[i].host;
    return host;
}

uint64_t guest_open_flags(int host_flags)
{
    uint64_t guest = (uint64_t)(host_flags & O_ACCMODE);
    for (size_t i = 0; i < OPEN_FLAG_COUNT; i++)
        if (host_flags & open_flag_table[i].host)
            guest |= open_flag_table[i].guest[current_layout->layout];
    return guest;
}

const struct flag_name *guest_open_flag_names(void)
{
    static struct flag_name names[LAYOUT_COUNT][OPEN_FLAG_COUNT + 1];
    struct flag_name *list = names[current_layout->layout];
    if (!list[0].name)
        for (size_t i = 0; i < OPEN_FLAG_COUNT; i++)
            list[i] = (struct flag_name){open_flag_table[i].guest[current_layout->layout], open_flag_table[i].name};
    return list;
}

/* ---- mmap ----
 * asm-generic mman.h: the same values x86-64 and arm64 hosts use; the table
 * keeps the list of what is passed on (a flag not here is dropped, as Linux
 * ignores unknown flags outside MAP_SHARED_VALIDATE). */

static const struct mmap_flag {
    const char *name;
    uint64_t guest;
    int host;
} mmap_flag_table[] = {
    {"MAP_SHARED", GUEST_MAP_SHARED, MAP_SHARED},
    {"MAP_PRIVATE", GUEST_MAP_PRIVATE, MAP_PRIVATE},
    {"MAP_FIXED", GUEST_MAP_FIXED, MAP_FIXED},
    {"MAP_ANONYMOUS", GUEST_MAP_ANONYMOUS, MAP_ANONYMOUS},
    {"MAP_GROWSDOWN", 0x0100, MAP_GROWSDOWN},
    {"MAP_DENYWRITE", 0x0800, 0},  /* ignored by Linux */
    {"MAP_EXECUTABLE", 0x1000, 0}, /* ignored by Linux */
    {"MAP_LOCKED", 0x2000, MAP_LOCKED},
    {"MAP_NORESERVE", 0x4000, MAP_NORESERVE},
    {"MAP_POPULATE", 0x8000, MAP_POPULATE},
    {"MAP_NONBLOCK", 0x10000, MAP_NONBLOCK},
    {"MAP_STACK", 0x20000, MAP_STACK},
    {"MAP_HUGETLB", 0x40000, MAP_HUGETLB},
    {"MAP_FIXED_NOREPLACE", GUEST_MAP_FIXED_NOREPLACE, MAP_FIXED_NOREPLACE},
};

int host_mmap_flags(uint64_t guest_flags)
{
    /* MAP_SHARED_VALIDATE is both type bits: keep the type as one value. */
    int host = (guest_flags & GUEST_MAP_TYPE) == GUEST_MAP_SHARED_VALIDATE ? MAP_SHARED_VALIDATE : 0;
    for (size_t i = 0; i < sizeof mmap_flag_table / sizeof mmap_flag_table[0]; i++)
        if (guest_flags & mmap_flag_table[i].guest)
            host |= mmap_flag_table[i].host;
    return host;
}

const struct flag_name *guest_mmap_flag_names(void)
{
    static struct flag_name names[sizeof mmap_flag_table / sizeof mmap_flag_table[0] + 1];
    if (!names[0].name)
        for (size_t i = 0; i < sizeof mmap_flag_table / sizeof mmap_flag_table[0]; i++)
            names[i] = (struct flag_name){mmap_flag_table[i].guest, mmap_flag_table[i].name};
    return names;
}

const struct flag_name *guest_prot_names(void)
{
    static const struct flag_name names[] = {
        {PROT_READ, "PROT_READ"}, {PROT_WRITE, "PROT_WRITE"}, {PROT_EXEC, "PROT_EXEC"}, {0, NULL}};
    return names;
}

/* ---- struct stat ---- */

void guest_stat_from_host(struct guest_stat *guest, const struct stat *host)
{
    *guest = (struct guest_stat){
        .st_dev = host->st_dev,
        .st_ino = host->st_ino,
        .st_mode = host->st_mode,
        .st_nlink = (uint32_t)host->st_nlink,
        .st_uid = host->st_uid,
        .st_gid = host->st_gid,
        .st_rdev = host->st_rdev,
        .st_size = host->st_size,
        .st_blksize = (int32_t)host->st_blksize,
        .st_blocks = host->st_blocks,
        .st_atime_sec = host->st_atim.tv_sec,
        .st_atime_nsec = (uint64_t)host->st_atim.tv_nsec,
        .st_mtime_sec = host->st_mtim.tv_sec,
        .st_mtime_nsec = (uint64_t)host->st_mtim.tv_nsec,
        .st_ctime_sec = host->st_ctim.tv_sec,
        .st_ctime_nsec = (uint64_t)host->st_ctim.tv_nsec,
    };
}

/* ---- termios ----
 * Flag bits and c_cc indices are asm-generic's on both sides (x86-64 and
 * arm64 hosts use asm-generic termbits), so the fields copy one to one. */

void guest_termios_from_host(struct guest_termios *guest, const struct host_kernel_termios *host)
{
    guest->c_iflag = host->c_iflag;
    guest->c_oflag = host->c_oflag;
    guest->c_cflag = host->c_cflag;
    guest->c_lflag = host->c_lflag;
    guest->c_line = host->c_line;
    memcpy(guest->c_cc, host->c_cc, GUEST_NCCS);
}

void host_termios_from_guest(struct host_kernel_termios *host, const struct guest_termios *guest)
{
    host->c_iflag = guest->c_iflag;
    host->c_oflag = guest->c_oflag;
    host->c_cflag = guest->c_cflag;
    host->c_lflag = guest->c_lflag;
    host->c_line = guest->c_line;
    memcpy(host->c_cc, guest->c_cc, GUEST_NCCS);
}

/* ---- sigaction: handler, flags, [restorer], mask; 64-bit words ---- */

int sigaction_from_guest(struct emu_sigaction *action, uint64_t guest_addr)
{
    uint64_t words[4];
    size_t count = current_layout->sigaction_has_restorer ? 4 : 3;
    if (copy_from_guest(words, guest_addr, count * sizeof words[0]) != 0)
        return -EFAULT;
    action->handler = words[0];
    action->flags = words[1];
    action->restorer = count == 4 ? words[2] : 0;
    action->mask = words[count - 1];
    return 0;
}

int sigaction_to_guest(uint64_t guest_addr, const struct emu_sigaction *action)
{
    uint64_t words[4] = {action->handler, action->flags};
    size_t count = current_layout->sigaction_has_restorer ? 4 : 3;
    if (count == 4)
        words[2] = action->restorer;
    words[count - 1] = action->mask;
    return copy_to_guest(guest_addr, words, count * sizeof words[0]) != 0 ? -EFAULT : 0;
}
