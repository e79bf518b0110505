/* The user and group id calls: getresuid/getresgid agree with getuid and
 * friends, setting an id to itself (or leaving it with -1) succeeds,
 * setfsuid/setfsgid answer the current filesystem id, and a bad pointer is
 * EFAULT.  Only relationships are printed: the ids depend on who runs it. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *yes_no(int condition) { return condition ? "yes" : "no"; }

static void show(const char *what, long result)
{
    printf("%s: %s\n", what, result == 0 ? "0" : strerror(errno));
}

int main(void)
{
    uid_t real_uid, effective_uid, saved_uid;
    gid_t real_gid, effective_gid, saved_gid;
    show("getresuid", getresuid(&real_uid, &effective_uid, &saved_uid));
    printf("getresuid real equals getuid: %s\n", yes_no(real_uid == getuid()));
    printf("getresuid effective equals geteuid: %s\n", yes_no(effective_uid == geteuid()));
    printf("getresuid saved equals effective at start: %s\n", yes_no(saved_uid == effective_uid));
    show("getresgid", getresgid(&real_gid, &effective_gid, &saved_gid));
    printf("getresgid real equals getgid: %s\n", yes_no(real_gid == getgid()));
    printf("getresgid effective equals getegid: %s\n", yes_no(effective_gid == getegid()));
    printf("getresgid saved equals effective at start: %s\n", yes_no(saved_gid == effective_gid));

    show("setuid to own uid", setuid(getuid()));
    show("setgid to own gid", setgid(getgid()));
    show("setreuid unchanged", setreuid(-1, -1));
    show("setregid unchanged", setregid(-1, -1));
    show("setresuid unchanged", setresuid(-1, -1, -1));
    show("setresgid unchanged", setresgid(-1, -1, -1));
    show("setresuid to the same ids", setresuid(real_uid, effective_uid, saved_uid));
    show("setresgid to the same ids", setresgid(real_gid, effective_gid, saved_gid));
    printf("setfsuid(-1) answers geteuid: %s\n", yes_no(setfsuid(-1) == (int)geteuid()));
    printf("setfsgid(-1) answers getegid: %s\n", yes_no(setfsgid(-1) == (int)getegid()));
    printf("setfsuid to euid answers euid: %s\n", yes_no(setfsuid(geteuid()) == (int)geteuid()));

    uid_t after_real, after_effective, after_saved;
    getresuid(&after_real, &after_effective, &after_saved);
    printf("ids unchanged after all: %s\n",
           yes_no(after_real == real_uid && after_effective == effective_uid && after_saved == saved_uid));

    long result = syscall(SYS_getresuid, (void *)8, &effective_uid, &saved_uid);
    printf("getresuid with a bad pointer: %ld %s\n", result, strerror(errno));
    result = syscall(SYS_getresgid, &real_gid, &effective_gid, (void *)8);
    printf("getresgid with a bad pointer: %ld %s\n", result, strerror(errno));
    return 0;
}
