/* lockstep: two emu instances running the same program compare their
 * execution block by block over a UNIX socket and stop where they
 * diverge, as QEMU's contrib/plugins/lockstep does.
 *
 *   sockpath=PATH   the socket; the first instance to start listens on
 *                   it, the second connects (required)
 *
 * Before each block runs, both sides exchange its address and the number
 * of instructions run so far; when the program ends they exchange that
 * count.  At the first difference each side writes to the plugin log
 *   lockstep: divergence after N instructions (B blocks): here 0xPC, other 0xPC
 * (or which side ended first, or whose instruction counts differ), then
 * the last blocks both ran, and emu exits with status 1.  Both sides see
 * the same exchange, so both stop.  Meant for single-threaded programs:
 * only vCPU 0 is compared.  Run two tiers against each other to find
 * where one of them goes wrong. */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "qemu-plugin.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define HISTORY 8
#define ENDED   UINT64_MAX /* an address no block has: the program ended */

/* What each side sends: a block about to run, or the end. */
typedef struct {
    uint64_t pc;
    uint64_t insns_before;
} Step;

typedef struct {
    uint64_t pc;
    uint64_t n_insns;
    uint64_t insns_before;
} Ran;

static int peer = -1;
static uint64_t insns; /* vCPU 0's, before the current block */
static uint64_t blocks;
static Ran history[HISTORY];

static bool exchange(const Step *mine, Step *theirs)
{
    const char *out = (const char *)mine;
    size_t done = 0;
    while (done < sizeof(*mine)) {
        ssize_t n = write(peer, out + done, sizeof(*mine) - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += (size_t)n;
    }
    char *in = (char *)theirs;
    done = 0;
    while (done < sizeof(*theirs)) {
        ssize_t n = read(peer, in + done, sizeof(*theirs) - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += (size_t)n;
    }
    return true;
}

static void describe(GString *report, uint64_t pc)
{
    if (pc == ENDED) {
        g_string_append(report, "ended");
    } else {
        g_string_append_printf(report, "0x%" PRIx64, pc);
    }
}

/* Reports the divergence and stops this emu with status 1. */
static void diverged(const Step *mine, const Step *theirs, bool peer_gone, bool at_exit)
{
    GString *report = g_string_new("lockstep: ");
    if (peer_gone) {
        g_string_append_printf(
            report, "the other instance went away after %" PRIu64 " instructions (%" PRIu64 " blocks) here, at ",
            mine->insns_before, blocks);
        describe(report, mine->pc);
    } else if (mine->pc == theirs->pc) {
        g_string_append_printf(report, "instruction counts differ at 0x%" PRIx64 ": here %" PRIu64 ", other %" PRIu64,
                               mine->pc, mine->insns_before, theirs->insns_before);
    } else {
        g_string_append_printf(report, "divergence after %" PRIu64 " instructions (%" PRIu64 " blocks): here ",
                               mine->insns_before, blocks);
        describe(report, mine->pc);
        g_string_append(report, ", other ");
        describe(report, theirs->pc);
        if (theirs->insns_before != mine->insns_before) {
            g_string_append_printf(report, " after %" PRIu64 " instructions", theirs->insns_before);
        }
    }
    g_string_append_c(report, '\n');
    for (uint64_t back = 1; back <= HISTORY && back <= blocks; back++) {
        const Ran *ran = &history[(blocks - back) % HISTORY];
        g_string_append_printf(report, "  previously @ 0x%" PRIx64 "/%" PRIu64 " (%" PRIu64 " insns)\n", ran->pc,
                               ran->n_insns, ran->insns_before);
    }
    qemu_plugin_outs(report->str);
    g_string_free(report, TRUE);
    close(peer);
    peer = -1;
    if (at_exit) {
        fflush(NULL); /* exit is running already */
        _exit(EXIT_FAILURE);
    }
    exit(EXIT_FAILURE);
}

static void on_block(unsigned int vcpu_index, void *userdata)
{
    if (vcpu_index != 0 || peer < 0) {
        return;
    }
    uint64_t n_insns = GPOINTER_TO_SIZE(userdata) >> 48;
    Step mine = {GPOINTER_TO_SIZE(userdata) & 0xffffffffffffull, insns}, theirs;
    bool gone = !exchange(&mine, &theirs);
    if (gone || theirs.pc != mine.pc || theirs.insns_before != mine.insns_before) {
        diverged(&mine, &theirs, gone, false);
    }
    history[blocks % HISTORY] = (Ran){mine.pc, n_insns, insns};
    blocks++;
    insns += n_insns;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    /* the address (48 bits of user space) and the block's length */
    uint64_t packed = qemu_plugin_tb_vaddr(tb) | (uint64_t)qemu_plugin_tb_n_insns(tb) << 48;
    qemu_plugin_register_vcpu_tb_exec_cb(tb, on_block, QEMU_PLUGIN_CB_NO_REGS, GSIZE_TO_POINTER(packed));
}

static void compare_ends(qemu_plugin_id_t id, void *userdata)
{
    (void)id;
    (void)userdata;
    if (peer < 0) {
        return;
    }
    Step mine = {ENDED, insns}, theirs;
    bool gone = !exchange(&mine, &theirs);
    if (gone || theirs.pc != ENDED || theirs.insns_before != insns) {
        diverged(&mine, &theirs, gone, true);
    }
    close(peer);
    peer = -1;
}

/* The first of the two to get here listens, the second connects; a lock
 * file next to the socket keeps them from both listening. */
static int connect_to_peer(const char *path)
{
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof(address.sun_path)) {
        fprintf(stderr, "lockstep: socket path too long: %s\n", path);
        return -1;
    }
    strcpy(address.sun_path, path);
    char *lock_path = g_strdup_printf("%s.lock", path);
    int lock = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock < 0 || flock(lock, LOCK_EX) != 0) {
        fprintf(stderr, "lockstep: cannot lock %s: %s\n", lock_path, strerror(errno));
        g_free(lock_path);
        return -1;
    }
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&address, sizeof(address)) == 0) {
        /* both are connected: the names are no longer needed */
        unlink(path);
        unlink(lock_path);
        g_free(lock_path);
        close(lock);
        return fd;
    }
    /* nobody listens: a socket file there is left from an earlier run */
    unlink(path);
    bool listening = fd >= 0 && bind(fd, (struct sockaddr *)&address, sizeof(address)) == 0 && listen(fd, 1) == 0;
    close(lock);
    g_free(lock_path);
    if (!listening) {
        fprintf(stderr, "lockstep: cannot listen on %s: %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return -1;
    }
    int connection;
    do {
        connection = accept(fd, NULL, NULL);
    } while (connection < 0 && errno == EINTR);
    if (connection < 0) {
        fprintf(stderr, "lockstep: accept on %s failed: %s\n", path, strerror(errno));
    }
    close(fd);
    return connection;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    const char *path = NULL;
    for (int i = 0; i < argc; i++) {
        if (g_str_has_prefix(argv[i], "sockpath=") && argv[i][9]) {
            path = argv[i] + 9;
        } else {
            fprintf(stderr, "lockstep: bad argument '%s' (sockpath=PATH)\n", argv[i]);
            return -1;
        }
    }
    if (!path) {
        fprintf(stderr, "lockstep: needs sockpath=PATH\n");
        return -1;
    }
    peer = connect_to_peer(path);
    if (peer < 0) {
        return -1;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, compare_ends, NULL);
    return 0;
}
