/* -d strace: each syscall as qemu's -strace shows it,
 *   PID name(arg,arg,...) = result
 * with arguments decoded by the kinds the syscall table gives them. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "guest-memory.h"
#include "log.h"
#include "syscalls.h"

/* Longest piece of a string or buffer shown before "...". */
#define STRING_SHOWN 64
#define BUFFER_SHOWN 32

static void print_quoted(uint64_t addr, size_t len, bool truncated)
{
    char bytes[STRING_SHOWN];
    if (len > sizeof bytes) {
        len = sizeof bytes;
        truncated = true;
    }
    if (copy_from_guest(bytes, addr, len) != 0) {
        log_printf("0x%llx", (unsigned long long)addr);
        return;
    }
    log_printf("\"");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c == '\n')
            log_printf("\\n");
        else if (c == '\t')
            log_printf("\\t");
        else if (c == '"' || c == '\\')
            log_printf("\\%c", c);
        else if (isprint(c))
            log_printf("%c", c);
        else
            log_printf("\\%o", c);
    }
    log_printf("\"%s", truncated ? "..." : "");
}

static void print_path(uint64_t addr)
{
    ssize_t length = guest_strnlen(addr, STRING_SHOWN + 1);
    if (length < 0)
        log_printf("0x%llx", (unsigned long long)addr);
    else
        print_quoted(addr, (size_t)length, length > STRING_SHOWN);
}

/* FLAG|FLAG|0x..., with first already printed when not NULL. */
static void print_flags(uint64_t value, const struct flag_name *names, const char *first)
{
    bool any = first != NULL;
    if (first)
        log_printf("%s", first);
    for (const struct flag_name *name = names; name->name; name++) {
        if (name->value && (value & name->value) == name->value) {
            log_printf("%s%s", any ? "|" : "", name->name);
            value &= ~name->value;
            any = true;
        }
    }
    if (value || !any)
        log_printf("%s0x%llx", any ? "|" : "", (unsigned long long)value);
}

static void print_open_flags(uint64_t flags)
{
    static const char *const modes[] = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
    print_flags(flags & ~(uint64_t)O_ACCMODE, guest_open_flag_names(), modes[flags & O_ACCMODE]);
}

static void print_signal(uint64_t signal)
{
    int host = host_signal_from_guest((int)signal);
    const char *name = host ? sigabbrev_np(host) : NULL;
    if (name)
        log_printf("SIG%s", name);
    else
        log_printf("%lld", (long long)signal);
}

static void print_arg(enum syscall_arg_kind kind, const uint64_t *args, int index)
{
    uint64_t value = args[index];
    switch (kind) {
    case ARG_INT:
        log_printf("%lld", (long long)value);
        break;
    case ARG_UINT:
        log_printf("%llu", (unsigned long long)value);
        break;
    case ARG_HEX:
        log_printf("0x%llx", (unsigned long long)value);
        break;
    case ARG_FD:
        log_printf("%d", (int)value);
        break;
    case ARG_DIRFD:
        if ((int)value == AT_FDCWD)
            log_printf("AT_FDCWD");
        else
            log_printf("%d", (int)value);
        break;
    case ARG_PATH:
        print_path(value);
        break;
    case ARG_WRITE_BUFFER:
        print_quoted(value, args[index + 1] < BUFFER_SHOWN ? args[index + 1] : BUFFER_SHOWN,
                     args[index + 1] > BUFFER_SHOWN);
        break;
    case ARG_OPEN_FLAGS:
        print_open_flags(value);
        break;
    case ARG_MODE:
        log_printf("0%llo", (unsigned long long)value);
        break;
    case ARG_PROT:
        if (value == 0)
            log_printf("PROT_NONE");
        else
            print_flags(value, guest_prot_names(), NULL);
        break;
    case ARG_MMAP_FLAGS:
        print_flags(value, guest_mmap_flag_names(), NULL);
        break;
    case ARG_SIGNAL:
        print_signal(value);
        break;
    }
}

void strace_call(const struct syscall_entry *entry, uint64_t number, const uint64_t *args)
{
    log_printf("%d ", (int)getpid());
    if (entry)
        log_printf("%s(", entry->name);
    else
        log_printf("syscall_%llu(", (unsigned long long)number);
    /* A syscall without a decoded signature shows its six registers. */
    int count = entry && entry->handler ? entry->arg_count : 6;
    for (int i = 0; i < count; i++) {
        if (i)
            log_printf(",");
        print_arg(entry && entry->handler ? entry->args[i] : ARG_HEX, args, i);
    }
    log_printf(")");
    /* exit and exit_group do not come back: end the line now. */
    if (entry && entry->result == RESULT_NONE)
        log_printf("\n");
}

void strace_result(const struct syscall_entry *entry, int64_t result)
{
    if (entry && entry->result == RESULT_NONE)
        return;
    if (result < 0 && result >= -4095) {
        int error = (int)-result;
        log_printf(" = -1 errno=%d (%s)\n", error, strerror(host_errno_from_guest(error)));
    } else if (entry && entry->result == RESULT_HEX) {
        log_printf(" = 0x%llx\n", (unsigned long long)result);
    } else {
        log_printf(" = %lld\n", (long long)result);
    }
}
