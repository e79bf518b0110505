/* Scheduling round trips: the policy and its parameter, the priority
 * ranges, switching to SCHED_BATCH and back, raising the nice value with
 * setpriority and seeing it in getpriority and sched_getattr, and EFAULT or
 * EINVAL for bad pointers.  Nice values are printed relative to the start. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* struct sched_attr, SCHED_ATTR_SIZE_VER0 (48 bytes) */
struct attr {
    uint32_t size;
    uint32_t sched_policy;
    uint64_t sched_flags;
    int32_t sched_nice;
    uint32_t sched_priority;
    uint64_t sched_runtime, sched_deadline, sched_period;
};

static const char *policy_name(int policy)
{
    switch (policy) {
    case SCHED_OTHER: return "SCHED_OTHER";
    case SCHED_BATCH: return "SCHED_BATCH";
    case SCHED_IDLE: return "SCHED_IDLE";
    case SCHED_FIFO: return "SCHED_FIFO";
    case SCHED_RR: return "SCHED_RR";
    default: return "?";
    }
}

static void show(const char *what, long result)
{
    printf("%s: %s\n", what, result == 0 ? "0" : strerror(errno));
}

int main(void)
{
    printf("policy: %s\n", policy_name(sched_getscheduler(0)));
    struct sched_param param = {.sched_priority = 42};
    show("sched_getparam", sched_getparam(0, &param));
    printf("priority: %d\n", param.sched_priority);
    printf("FIFO range: %d..%d\n", sched_get_priority_min(SCHED_FIFO), sched_get_priority_max(SCHED_FIFO));
    printf("RR range: %d..%d\n", sched_get_priority_min(SCHED_RR), sched_get_priority_max(SCHED_RR));
    printf("OTHER range: %d..%d\n", sched_get_priority_min(SCHED_OTHER), sched_get_priority_max(SCHED_OTHER));
    errno = 0;
    printf("range of policy 1234: %d %s\n", sched_get_priority_max(1234), strerror(errno));

    param.sched_priority = 0;
    show("to SCHED_BATCH", sched_setscheduler(0, SCHED_BATCH, &param));
    printf("policy: %s\n", policy_name(sched_getscheduler(0)));
    show("sched_setparam", sched_setparam(0, &param));
    show("back to SCHED_OTHER", sched_setscheduler(0, SCHED_OTHER, &param));
    printf("policy: %s\n", policy_name(sched_getscheduler(0)));
    param.sched_priority = 5;
    errno = 0;
    printf("SCHED_OTHER with priority 5: %d %s\n", sched_setscheduler(0, SCHED_OTHER, &param), strerror(errno));

    struct timespec interval;
    show("sched_rr_get_interval", sched_rr_get_interval(0, &interval));

    errno = 0;
    int start = getpriority(PRIO_PROCESS, 0);
    printf("getpriority errno: %s\n", strerror(errno));
    int wanted = start < 19 ? start + 1 : 19;
    show("setpriority one nicer", setpriority(PRIO_PROCESS, 0, wanted));
    printf("getpriority is the new nice: %s\n", getpriority(PRIO_PROCESS, 0) == wanted ? "yes" : "no");

    struct attr attr;
    memset(&attr, 0xff, sizeof attr);
    show("sched_getattr", syscall(SYS_sched_getattr, 0, &attr, sizeof attr, 0));
    printf("attr size %u, policy %s, nice is the new nice: %s\n", attr.size, policy_name((int)attr.sched_policy),
           attr.sched_nice == wanted ? "yes" : "no");
    attr.sched_policy = SCHED_BATCH;
    show("sched_setattr to SCHED_BATCH", syscall(SYS_sched_setattr, 0, &attr, 0));
    printf("policy: %s\n", policy_name(sched_getscheduler(0)));

    long result = syscall(SYS_sched_getparam, 0, (void *)8);
    printf("sched_getparam with a bad pointer: %ld %s\n", result, strerror(errno));
    result = syscall(SYS_sched_rr_get_interval, 0, (void *)8);
    printf("sched_rr_get_interval with a bad pointer: %ld %s\n", result, strerror(errno));
    result = syscall(SYS_sched_getattr, 0, &attr, 8, 0);
    printf("sched_getattr with a short size: %ld %s\n", result, strerror(errno));
    return 0;
}
