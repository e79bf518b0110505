/* Extended attributes.  Names are NUL-terminated strings, values and name
 * lists are byte buffers: nothing to convert, only to check.  Paths go
 * through guest_path (-L sysroot); the l* forms do not follow a final link. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/xattr.h>

#include "guest-memory.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* XATTR_NAME_MAX is 255; a longer name is ERANGE, as the kernel says. */
#define XATTR_NAME_LIMIT 256
/* The kernel refuses values past XATTR_SIZE_MAX and clamps reads to it. */
#define XATTR_SIZE_LIMIT 65536

static int64_t xattr_name(uint64_t guest_addr, char *out)
{
    ssize_t length = guest_strnlen(guest_addr, XATTR_NAME_LIMIT);
    if (length < 0)
        return fail(EFAULT);
    if (length >= XATTR_NAME_LIMIT)
        return fail(ERANGE);
    copy_from_guest(out, guest_addr, (size_t)length);
    out[length] = '\0';
    return 0;
}

/* How a call names its file: by path (following links or not) or by fd. */
enum xattr_target { BY_PATH, BY_LINK, BY_FD };

struct xattr_call {
    enum xattr_target target;
    int fd;
    char path[PATH_MAX];
};

static int64_t xattr_target(struct linux_process *process, enum xattr_target target, uint64_t arg,
                            struct xattr_call *call)
{
    call->target = target;
    if (target == BY_FD) {
        call->fd = (int)arg;
        return 0;
    }
    return guest_path(process, arg, call->path, sizeof call->path);
}

static int64_t get_value(struct linux_process *process, enum xattr_target target, const uint64_t *args)
{
    struct xattr_call call;
    char name[XATTR_NAME_LIMIT];
    int64_t error = xattr_target(process, target, args[0], &call);
    if (!error)
        error = xattr_name(args[1], name);
    if (error)
        return error;
    size_t size = args[3] > XATTR_SIZE_LIMIT ? XATTR_SIZE_LIMIT : (size_t)args[3];
    void *value = guest_buffer(args[2], size, PROT_WRITE, &error);
    if (!value)
        return error;
    switch (call.target) {
    case BY_PATH: return guest_result(getxattr(call.path, name, value, size));
    case BY_LINK: return guest_result(lgetxattr(call.path, name, value, size));
    default: return guest_result(fgetxattr(call.fd, name, value, size));
    }
}

SYSCALL_HANDLER(getxattr) { return get_value(process, BY_PATH, args); }
SYSCALL_HANDLER(lgetxattr) { return get_value(process, BY_LINK, args); }
SYSCALL_HANDLER(fgetxattr) { return get_value(process, BY_FD, args); }

static int64_t set_value(struct linux_process *process, enum xattr_target target, const uint64_t *args)
{
    struct xattr_call call;
    char name[XATTR_NAME_LIMIT];
    int64_t error = xattr_target(process, target, args[0], &call);
    if (!error)
        error = xattr_name(args[1], name);
    if (error)
        return error;
    if (args[3] > XATTR_SIZE_LIMIT)
        return fail(E2BIG);
    const void *value = guest_buffer(args[2], args[3], PROT_READ, &error);
    if (!value)
        return error;
    int flags = (int)args[4]; /* XATTR_CREATE, XATTR_REPLACE: the same everywhere */
    switch (call.target) {
    case BY_PATH: return guest_result(setxattr(call.path, name, value, args[3], flags));
    case BY_LINK: return guest_result(lsetxattr(call.path, name, value, args[3], flags));
    default: return guest_result(fsetxattr(call.fd, name, value, args[3], flags));
    }
}

SYSCALL_HANDLER(setxattr) { return set_value(process, BY_PATH, args); }
SYSCALL_HANDLER(lsetxattr) { return set_value(process, BY_LINK, args); }
SYSCALL_HANDLER(fsetxattr) { return set_value(process, BY_FD, args); }

/* The list is the names back to back, each NUL-terminated. */
static int64_t list_names(struct linux_process *process, enum xattr_target target, const uint64_t *args)
{
    struct xattr_call call;
    int64_t error = xattr_target(process, target, args[0], &call);
    if (error)
        return error;
    size_t size = args[2] > XATTR_SIZE_LIMIT ? XATTR_SIZE_LIMIT : (size_t)args[2];
    char *list = guest_buffer(args[1], size, PROT_WRITE, &error);
    if (!list)
        return error;
    switch (call.target) {
    case BY_PATH: return guest_result(listxattr(call.path, list, size));
    case BY_LINK: return guest_result(llistxattr(call.path, list, size));
    default: return guest_result(flistxattr(call.fd, list, size));
    }
}

SYSCALL_HANDLER(listxattr) { return list_names(process, BY_PATH, args); }
SYSCALL_HANDLER(llistxattr) { return list_names(process, BY_LINK, args); }
SYSCALL_HANDLER(flistxattr) { return list_names(process, BY_FD, args); }

static int64_t remove_name(struct linux_process *process, enum xattr_target target, const uint64_t *args)
{
    struct xattr_call call;
    char name[XATTR_NAME_LIMIT];
    int64_t error = xattr_target(process, target, args[0], &call);
    if (!error)
        error = xattr_name(args[1], name);
    if (error)
        return error;
    switch (call.target) {
    case BY_PATH: return guest_result(removexattr(call.path, name));
    case BY_LINK: return guest_result(lremovexattr(call.path, name));
    default: return guest_result(fremovexattr(call.fd, name));
    }
}

SYSCALL_HANDLER(removexattr) { return remove_name(process, BY_PATH, args); }
SYSCALL_HANDLER(lremovexattr) { return remove_name(process, BY_LINK, args); }
SYSCALL_HANDLER(fremovexattr) { return remove_name(process, BY_FD, args); }
