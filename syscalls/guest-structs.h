/* Guest <-> host conversions for the Linux syscall layer, all in one place:
 * errno and signal numbers, open flags, and the struct layouts of the
 * asm-generic 64-bit ABI (riscv64, aarch64) against the host's.
 *
 * Structs whose layout is the same on every 64-bit Linux (timespec, rusage,
 * statx, dirent64, winsize...) pass through unchanged; guest-structs.c
 * asserts that at compile time so a host where it is not true fails to build
 * rather than corrupting guest memory. */
#ifndef EMU_SYSCALLS_GUEST_STRUCTS_H
#define EMU_SYSCALLS_GUEST_STRUCTS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

/* Per-arch differences inside the "generic" ABI, picked once at start. */
void guest_structs_select(uint16_t elf_machine);

/* Errors: syscalls return -guest_errno. */
int guest_errno_from_host(int host_errno);
int host_errno_from_guest(int guest_errno);
/* A host libc result (-1 with errno) as a guest syscall result. */
int64_t guest_result(int64_t host_result);

/* Signal numbers; 0 when the other side has no such signal. */
#define GUEST_NSIG 64
int host_signal_from_guest(int guest_signal);
int guest_signal_from_host(int host_signal);

/* Open flags (openat, fcntl F_GETFL/F_SETFL, pipe2, dup3). */
int host_open_flags(uint64_t guest_flags);
uint64_t guest_open_flags(int host_flags);
/* For strace: the guest's O_* bits by name, ending with a NULL name. */
struct flag_name {
    uint64_t value;
    const char *name;
};
const struct flag_name *guest_open_flag_names(void);

/* mmap flags and protections; the guest's names for strace. */
int host_mmap_flags(uint64_t guest_flags);
const struct flag_name *guest_mmap_flag_names(void);
const struct flag_name *guest_prot_names(void);
#define GUEST_MAP_TYPE 0x0f
#define GUEST_MAP_SHARED 0x01
#define GUEST_MAP_PRIVATE 0x02
#define GUEST_MAP_SHARED_VALIDATE 0x03
#define GUEST_MAP_FIXED 0x10
#define GUEST_MAP_ANONYMOUS 0x20
#define GUEST_MAP_FIXED_NOREPLACE 0x100000

/* struct stat of the asm-generic 64-bit ABI (include/uapi/asm-generic/stat.h). */
struct guest_stat {
    uint64_t st_dev;
    uint64_t st_ino;
    uint32_t st_mode;
    uint32_t st_nlink;
    uint32_t st_uid;
    uint32_t st_gid;
    uint64_t st_rdev;
    uint64_t pad1;
    int64_t st_size;
    int32_t st_blksize;
    int32_t pad2;
    int64_t st_blocks;
    int64_t st_atime_sec;
    uint64_t st_atime_nsec;
    int64_t st_mtime_sec;
    uint64_t st_mtime_nsec;
    int64_t st_ctime_sec;
    uint64_t st_ctime_nsec;
    uint32_t unused4;
    uint32_t unused5;
};
void guest_stat_from_host(struct guest_stat *guest, const struct stat *host);

/* The kernel's struct termios (not libc's): asm-generic termbits on the guest. */
#define GUEST_NCCS 19
struct guest_termios {
    uint32_t c_iflag;
    uint32_t c_oflag;
    uint32_t c_cflag;
    uint32_t c_lflag;
    uint8_t c_line;
    uint8_t c_cc[GUEST_NCCS];
};
/* The host kernel's struct termios, as the TCGETS/TCSETS ioctls use it. */
struct host_kernel_termios {
    uint32_t c_iflag;
    uint32_t c_oflag;
    uint32_t c_cflag;
    uint32_t c_lflag;
    uint8_t c_line;
    uint8_t c_cc[19];
};
void guest_termios_from_host(struct guest_termios *guest, const struct host_kernel_termios *host);
void host_termios_from_guest(struct host_kernel_termios *host, const struct guest_termios *guest);

/* A guest sigaction, arch-neutral; restorer is 0 where the ABI has none. */
struct emu_sigaction {
    uint64_t handler;
    uint64_t flags;
    uint64_t restorer;
    uint64_t mask;
};
/* Read and write the guest's struct sigaction; 0 or -EFAULT. */
int sigaction_from_guest(struct emu_sigaction *action, uint64_t guest_addr);
int sigaction_to_guest(uint64_t guest_addr, const struct emu_sigaction *action);

/* stack_t of a 64-bit guest. */
struct guest_stack {
    uint64_t ss_sp;
    int32_t ss_flags;
    int32_t pad;
    uint64_t ss_size;
};

/* siginfo_t of a 64-bit guest: 128 bytes, laid out as on a 64-bit host, so
 * a host siginfo passes through with only the signal number mapped. */
struct guest_siginfo {
    int32_t si_signo;
    int32_t si_errno;
    int32_t si_code;
    int32_t pad;
    union {
        uint64_t addr; /* faults: si_addr */
        struct {
            int32_t pid;
            uint32_t uid;
            uint64_t value; /* sigqueue's si_value */
        } sender;
        uint8_t raw[112];
    } fields;
};

/* struct iovec of a 64-bit guest. */
struct guest_iovec {
    uint64_t base;
    uint64_t len;
};

#endif
