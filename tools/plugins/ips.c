/* ips: limits each vCPU to a number of instructions per second, as QEMU's
 * contrib/plugins/ips does.
 *
 *   ips=N   instructions per second and vCPU (default 1000000000)
 *   ipq=N   instructions per quantum: how often the pace is checked
 *           (default ips / 10, at least 1)
 *
 * After each quantum a vCPU that is ahead of N per second since it
 * started sleeps until it is not (user mode has the host's time, so the
 * throttle is real time).  In system mode the guest's clock is moved on
 * by the instructions' time instead.  Checks happen at block starts, so a
 * quantum ends within one block of ipq. */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qemu-plugin.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define NS_PER_SECOND 1000000000ull

typedef struct {
    uint64_t in_quantum; /* instructions since the last check */
    uint64_t total;      /* instructions since the vCPU started */
    uint64_t started_ns; /* host time then */
} Vcpu;

static uint64_t per_second = 1000000000;
static uint64_t per_quantum;
static struct qemu_plugin_scoreboard *vcpus;
static qemu_plugin_u64 in_quantum;
static const void *time_handle; /* system mode */

static uint64_t host_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * NS_PER_SECOND + (uint64_t)ts.tv_nsec;
}

static void on_vcpu_init(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    (void)id;
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    vcpu->started_ns = host_ns();
}

/* The time N per second allows for count instructions. */
static uint64_t allowed_ns(uint64_t count)
{
    return (uint64_t)((unsigned __int128)count * NS_PER_SECOND / per_second);
}

static void end_of_quantum(unsigned int vcpu_index, void *userdata)
{
    (void)userdata;
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    vcpu->total += qemu_plugin_u64_get(in_quantum, vcpu_index);
    qemu_plugin_u64_set(in_quantum, vcpu_index, 0);
    uint64_t due = vcpu->started_ns + allowed_ns(vcpu->total);
    if (time_handle) {
        qemu_plugin_update_ns(time_handle, (int64_t)allowed_ns(vcpu->total));
        return;
    }
    uint64_t now = host_ns();
    if (now < due) {
        struct timespec wait = {(time_t)((due - now) / NS_PER_SECOND), (long)((due - now) % NS_PER_SECOND)};
        while (nanosleep(&wait, &wait) != 0) {
        }
    }
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_ADD_U64, in_quantum,
                                                      qemu_plugin_tb_n_insns(tb));
    qemu_plugin_register_vcpu_tb_exec_cond_cb(tb, end_of_quantum, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_GE,
                                              in_quantum, per_quantum, NULL);
}

static bool parse_count(const char *text, uint64_t *value)
{
    char *end;
    if (!g_ascii_isdigit(*text)) {
        return false; /* strtoull would take "-5" */
    }
    *value = g_ascii_strtoull(text, &end, 10);
    return *end == '\0' && *value > 0;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        bool ok = false;
        if (g_str_has_prefix(argv[i], "ips=")) {
            ok = parse_count(argv[i] + 4, &per_second);
        } else if (g_str_has_prefix(argv[i], "ipq=")) {
            ok = parse_count(argv[i] + 4, &per_quantum);
        }
        if (!ok) {
            fprintf(stderr, "ips: bad argument '%s' (ips=N, ipq=N, both above 0)\n", argv[i]);
            return -1;
        }
    }
    if (!per_quantum) {
        per_quantum = MAX(per_second / 10, 1);
    }
    if (info->system_emulation) {
        time_handle = qemu_plugin_request_time_control();
    }
    vcpus = qemu_plugin_scoreboard_new(sizeof(Vcpu));
    in_quantum = qemu_plugin_scoreboard_u64_in_struct(vcpus, Vcpu, in_quantum);
    qemu_plugin_register_vcpu_init_cb(id, on_vcpu_init);
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    return 0;
}
