/* personality: the query answers PER_LINUX on a plain Linux, setting
 * ADDR_NO_RANDOMIZE returns the old value and the next query shows it.
 * Capabilities: capget with an unknown header version writes the kernel's
 * version back (and succeeds without a data pointer, fails with one),
 * version 3 fills two data structs whose effective set lies within the
 * permitted one, and capset of the same sets succeeds. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/capability.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/syscall.h>
#include <unistd.h>

static void show(const char *what, long result)
{
    if (result < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, result);
}

int main(void)
{
    long start = syscall(SYS_personality, 0xffffffff);
    printf("personality query is PER_LINUX: %s\n", start == PER_LINUX ? "yes" : "no");
    printf("set ADDR_NO_RANDOMIZE returns the old value: %s\n",
           syscall(SYS_personality, PER_LINUX | ADDR_NO_RANDOMIZE) == start ? "yes" : "no");
    printf("query shows ADDR_NO_RANDOMIZE: %s\n",
           syscall(SYS_personality, 0xffffffff) == (PER_LINUX | ADDR_NO_RANDOMIZE) ? "yes" : "no");
    show("set back to PER_LINUX returns", syscall(SYS_personality, PER_LINUX));

    struct __user_cap_header_struct header = {0x1234, 0};
    struct __user_cap_data_struct data[2];
    show("capget of an unknown version without data", syscall(SYS_capget, &header, NULL));
    printf("version written back: %#x\n", header.version);
    header.version = 0x1234;
    show("capget of an unknown version with data", syscall(SYS_capget, &header, data));
    header = (struct __user_cap_header_struct){_LINUX_CAPABILITY_VERSION_3, 0};
    show("capget version 3", syscall(SYS_capget, &header, data));
    printf("effective within permitted: %s\n",
           (data[0].effective & ~data[0].permitted) == 0 && (data[1].effective & ~data[1].permitted) == 0 ? "yes"
                                                                                                          : "no");
    show("capset of the same sets", syscall(SYS_capset, &header, data));
    show("capget with a bad data pointer", syscall(SYS_capget, &header, (void *)8));
    show("capget with a bad header pointer", syscall(SYS_capget, (void *)8, data));
    return 0;
}
