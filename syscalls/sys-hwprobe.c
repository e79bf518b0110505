/* riscv_hwprobe: the guest asks for key/value pairs describing the CPU.
 * The pairs (struct riscv_hwprobe: int64 key, uint64 value) are read,
 * answered by the arch's hook, and written back; a key the arch does not
 * know comes back as key -1, value 0, as the kernel does.  The answers hold
 * for every CPU, so the cpu set is only checked. */
#include <errno.h>
#include <sys/mman.h>

#include "guest-memory.h"
#include "linux-user.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

struct guest_hwprobe_pair {
    int64_t key;
    uint64_t value;
};

SYSCALL_HANDLER(riscv_hwprobe)
{
    if (!process->abi || !process->abi->hwprobe)
        return fail(ENOSYS);
    uint64_t pairs = args[0], pair_count = args[1], cpuset_size = args[2], cpus = args[3];
    if (args[4] != 0)
        return fail(EINVAL); /* no flags this emulation knows */
    if (cpuset_size && !guest_range_accessible(cpus, cpuset_size, PROT_READ))
        return fail(EFAULT);
    for (uint64_t i = 0; i < pair_count; i++) {
        struct guest_hwprobe_pair pair;
        uint64_t addr = pairs + i * sizeof pair;
        if (copy_from_guest(&pair, addr, sizeof pair) != 0)
            return fail(EFAULT);
        if (!process->abi->hwprobe(pair.key, &pair.value)) {
            pair.key = -1;
            pair.value = 0;
        }
        if (copy_to_guest(addr, &pair, sizeof pair) != 0)
            return fail(EFAULT);
    }
    return 0;
}
