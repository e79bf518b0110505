/* The inline plugin: a self-test of inline operations, scoreboards and
 * conditional callbacks.  Every block, instruction and memory access is
 * counted three ways: by a callback, by an inline add and, for blocks and
 * instructions, by a conditional callback that fires each LIMIT-th time.
 * An inline store before each callback leaves a mark the callback checks,
 * so inline operations must run where and in the order they were
 * registered.  At exit the counts must agree per vCPU and in total; any
 * disagreement prints FAILED and aborts, so emu's exit status shows it.
 *
 * No arguments.  Output (QEMU's tests/tcg/plugins/inline.c format):
 *   cpu N: tb (CB, INLINE, FIRED * LIMIT + PENDING) | insn (...) | mem (CB, INLINE)
 *   tb: N / tb: N (per vcpu) / tb: N (per vcpu inline) / tb: N (conditional cb)
 *   insn: ... (cond cb) / mem: ... */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define LIMIT 100

/* One vCPU's counts; every field is the target of some inline op or the
 * counter of some callback. */
struct vcpu_counts {
    uint64_t tb_callback, tb_inline;
    uint64_t insn_callback, insn_inline;
    uint64_t mem_callback, mem_inline;
    uint64_t tb_cond_fired, tb_cond_pending;
    uint64_t insn_cond_fired, insn_cond_pending;
    uint64_t insn_always; /* a COND_ALWAYS callback: fires for every insn */
};

/* What the inline stores last wrote, checked by the callback after them. */
struct vcpu_marks {
    uint64_t tb, insn, mem;
};

static struct qemu_plugin_scoreboard *counts; /* struct vcpu_counts */
static struct qemu_plugin_scoreboard *marks;  /* struct vcpu_marks */

#define COUNT(field) qemu_plugin_scoreboard_u64_in_struct(counts, struct vcpu_counts, field)
#define MARK(field)  qemu_plugin_scoreboard_u64_in_struct(marks, struct vcpu_marks, field)

/* Totals kept apart from the scoreboards, across every vCPU. */
static uint64_t total_tb, total_insn, total_mem;
static unsigned int max_vcpu_index;

/* Memory accesses store a mark unlike any instruction address. */
#define MEM_MARK(vaddr) ((vaddr) ^ 0x5a5a000000000000ull)

static void fail(const char *what, unsigned int vcpu_index, uint64_t got, uint64_t want)
{
    g_autofree char *line = g_strdup_printf("inline: FAILED: %s on cpu %u: %" PRIu64 ", expected %" PRIu64 "\n", what,
                                            vcpu_index, got, want);
    qemu_plugin_outs(line);
    fputs(line, stderr);
    abort();
}

static void check(const char *what, unsigned int vcpu_index, uint64_t got, uint64_t want)
{
    if (got != want) {
        fail(what, vcpu_index, got, want);
    }
}

static void note_vcpu(unsigned int vcpu_index)
{
    unsigned int seen = __atomic_load_n(&max_vcpu_index, __ATOMIC_RELAXED);
    while (vcpu_index > seen &&
           !__atomic_compare_exchange_n(&max_vcpu_index, &seen, vcpu_index, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
    }
}

static void on_tb(unsigned int vcpu_index, void *userdata)
{
    check("tb mark", vcpu_index, qemu_plugin_u64_get(MARK(tb), vcpu_index), (uintptr_t)userdata);
    qemu_plugin_u64_add(COUNT(tb_callback), vcpu_index, 1);
    __atomic_add_fetch(&total_tb, 1, __ATOMIC_RELAXED);
    note_vcpu(vcpu_index);
}

static void on_insn(unsigned int vcpu_index, void *userdata)
{
    check("insn mark", vcpu_index, qemu_plugin_u64_get(MARK(insn), vcpu_index), (uintptr_t)userdata);
    qemu_plugin_u64_add(COUNT(insn_callback), vcpu_index, 1);
    __atomic_add_fetch(&total_insn, 1, __ATOMIC_RELAXED);
}

static void on_mem(unsigned int vcpu_index, qemu_plugin_meminfo_t info, uint64_t vaddr, void *userdata)
{
    (void)info, (void)vaddr;
    check("mem mark", vcpu_index, qemu_plugin_u64_get(MARK(mem), vcpu_index), (uintptr_t)userdata);
    qemu_plugin_u64_add(COUNT(mem_callback), vcpu_index, 1);
    __atomic_add_fetch(&total_mem, 1, __ATOMIC_RELAXED);
}

/* Fires when pending reaches LIMIT: starts the next round. */
static void on_tb_limit(unsigned int vcpu_index, void *userdata)
{
    struct vcpu_counts *c = qemu_plugin_scoreboard_find(counts, vcpu_index);
    check("tb condition", vcpu_index, c->tb_cond_pending, LIMIT);
    check("tb mark in conditional cb", vcpu_index, qemu_plugin_u64_get(MARK(tb), vcpu_index), (uintptr_t)userdata);
    c->tb_cond_pending = 0;
    c->tb_cond_fired++;
}

static void on_insn_limit(unsigned int vcpu_index, void *userdata)
{
    struct vcpu_counts *c = qemu_plugin_scoreboard_find(counts, vcpu_index);
    check("insn condition", vcpu_index, c->insn_cond_pending, LIMIT);
    check("insn mark in conditional cb", vcpu_index, qemu_plugin_u64_get(MARK(insn), vcpu_index), (uintptr_t)userdata);
    qemu_plugin_u64_set(COUNT(insn_cond_pending), vcpu_index, 0);
    qemu_plugin_u64_add(COUNT(insn_cond_fired), vcpu_index, 1);
}

static void on_insn_always(unsigned int vcpu_index, void *userdata)
{
    (void)userdata;
    qemu_plugin_u64_add(COUNT(insn_always), vcpu_index, 1);
}

static void on_never(unsigned int vcpu_index, void *userdata)
{
    fail("a COND_NEVER callback ran", vcpu_index, (uintptr_t)userdata, 0);
}

static void translate_block(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    uint64_t tb_mark = qemu_plugin_tb_vaddr(tb);
    (void)id;

    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_STORE_U64, MARK(tb), tb_mark);
    qemu_plugin_register_vcpu_tb_exec_cb(tb, on_tb, QEMU_PLUGIN_CB_NO_REGS, (void *)(uintptr_t)tb_mark);
    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_ADD_U64, COUNT(tb_inline), 1);
    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_ADD_U64, COUNT(tb_cond_pending), 1);
    qemu_plugin_register_vcpu_tb_exec_cond_cb(tb, on_tb_limit, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_EQ,
                                              COUNT(tb_cond_pending), LIMIT, (void *)(uintptr_t)tb_mark);
    qemu_plugin_register_vcpu_tb_exec_cond_cb(tb, on_never, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_NEVER,
                                              COUNT(tb_inline), 0, NULL);

    for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint64_t insn_mark = qemu_plugin_insn_vaddr(insn);
        uint64_t mem_mark = MEM_MARK(insn_mark);

        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn, QEMU_PLUGIN_INLINE_STORE_U64, MARK(insn), insn_mark);
        qemu_plugin_register_vcpu_insn_exec_cb(insn, on_insn, QEMU_PLUGIN_CB_NO_REGS, (void *)(uintptr_t)insn_mark);
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn, QEMU_PLUGIN_INLINE_ADD_U64, COUNT(insn_inline), 1);
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn, QEMU_PLUGIN_INLINE_ADD_U64, COUNT(insn_cond_pending),
                                                            1);
        qemu_plugin_register_vcpu_insn_exec_cond_cb(insn, on_insn_limit, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_EQ,
                                                    COUNT(insn_cond_pending), LIMIT, (void *)(uintptr_t)insn_mark);
        qemu_plugin_register_vcpu_insn_exec_cond_cb(insn, on_insn_always, QEMU_PLUGIN_CB_NO_REGS,
                                                    QEMU_PLUGIN_COND_ALWAYS, COUNT(insn_inline), 0, NULL);
        qemu_plugin_register_vcpu_insn_exec_cond_cb(insn, on_never, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_NEVER,
                                                    COUNT(insn_inline), 0, NULL);

        qemu_plugin_register_vcpu_mem_inline_per_vcpu(insn, QEMU_PLUGIN_MEM_RW, QEMU_PLUGIN_INLINE_STORE_U64, MARK(mem),
                                                      mem_mark);
        qemu_plugin_register_vcpu_mem_cb(insn, on_mem, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_MEM_RW,
                                         (void *)(uintptr_t)mem_mark);
        qemu_plugin_register_vcpu_mem_inline_per_vcpu(insn, QEMU_PLUGIN_MEM_RW, QEMU_PLUGIN_INLINE_ADD_U64,
                                                      COUNT(mem_inline), 1);
    }
}

static void check_vcpu(GString *out, unsigned int i)
{
    const struct vcpu_counts *c = qemu_plugin_scoreboard_find(counts, i);

    g_string_append_printf(out,
                           "cpu %u: tb (%" PRIu64 ", %" PRIu64 ", %" PRIu64 " * %d + %" PRIu64 ") | insn (%" PRIu64
                           ", %" PRIu64 ", %" PRIu64 " * %d + %" PRIu64 ") | mem (%" PRIu64 ", %" PRIu64 ")\n",
                           i, c->tb_callback, c->tb_inline, c->tb_cond_fired, LIMIT, c->tb_cond_pending,
                           c->insn_callback, c->insn_inline, c->insn_cond_fired, LIMIT, c->insn_cond_pending,
                           c->mem_callback, c->mem_inline);
    qemu_plugin_outs(out->str);
    g_string_truncate(out, 0);
    check("tb inline", i, c->tb_inline, c->tb_callback);
    check("tb conditional", i, c->tb_cond_fired * LIMIT + c->tb_cond_pending, c->tb_callback);
    check("insn inline", i, c->insn_inline, c->insn_callback);
    check("insn conditional", i, c->insn_cond_fired * LIMIT + c->insn_cond_pending, c->insn_callback);
    check("insn COND_ALWAYS", i, c->insn_always, c->insn_callback);
    check("mem inline", i, c->mem_inline, c->mem_callback);
}

/* The totals three ways: callbacks' own count, the per-vCPU callback
 * counts summed, the inline counts summed (and the conditional ones). */
static void check_totals(GString *out, const char *what, uint64_t total, qemu_plugin_u64 callback,
                         qemu_plugin_u64 inline_count, const char *cond_label, qemu_plugin_u64 fired,
                         qemu_plugin_u64 pending)
{
    uint64_t per_vcpu = qemu_plugin_u64_sum(callback), per_vcpu_inline = qemu_plugin_u64_sum(inline_count);

    g_string_append_printf(out, "%s: %" PRIu64 "\n", what, total);
    g_string_append_printf(out, "%s: %" PRIu64 " (per vcpu)\n", what, per_vcpu);
    g_string_append_printf(out, "%s: %" PRIu64 " (per vcpu inline)\n", what, per_vcpu_inline);
    if (cond_label) {
        uint64_t conditional = qemu_plugin_u64_sum(fired) * LIMIT + qemu_plugin_u64_sum(pending);
        g_string_append_printf(out, "%s: %" PRIu64 " (%s)\n", what, conditional, cond_label);
        qemu_plugin_outs(out->str);
        check(cond_label, 0, conditional, total);
    } else {
        qemu_plugin_outs(out->str);
    }
    g_string_truncate(out, 0);
    check(what, 0, per_vcpu, total);
    check(what, 0, per_vcpu_inline, total);
}

static void report(qemu_plugin_id_t id, void *userdata)
{
    g_autoptr(GString) out = g_string_new("");
    unsigned int n_vcpus = qemu_plugin_num_vcpus();
    (void)id, (void)userdata;

    if (max_vcpu_index >= n_vcpus) {
        fail("vCPU index past qemu_plugin_num_vcpus", max_vcpu_index, max_vcpu_index, n_vcpus);
    }
    for (unsigned int i = 0; i < n_vcpus; i++) {
        check_vcpu(out, i);
    }
    check_totals(out, "tb", total_tb, COUNT(tb_callback), COUNT(tb_inline), "conditional cb", COUNT(tb_cond_fired),
                 COUNT(tb_cond_pending));
    check_totals(out, "insn", total_insn, COUNT(insn_callback), COUNT(insn_inline), "cond cb", COUNT(insn_cond_fired),
                 COUNT(insn_cond_pending));
    check_totals(out, "mem", total_mem, COUNT(mem_callback), COUNT(mem_inline), NULL, COUNT(mem_inline),
                 COUNT(mem_inline));
    if (total_tb == 0 || total_insn == 0) {
        fail("nothing ran", 0, 0, 1);
    }
    qemu_plugin_scoreboard_free(counts);
    qemu_plugin_scoreboard_free(marks);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info, (void)argv;
    if (argc) {
        fprintf(stderr, "inline: takes no arguments\n");
        return -1;
    }
    counts = qemu_plugin_scoreboard_new(sizeof(struct vcpu_counts));
    marks = qemu_plugin_scoreboard_new(sizeof(struct vcpu_marks));
    qemu_plugin_register_vcpu_tb_trans_cb(id, translate_block);
    qemu_plugin_register_atexit_cb(id, report, NULL);
    return 0;
}
