/* uftrace: records the guest's function calls and returns as a trace the
 * `uftrace` tool reads (replay, report, dump --chrome, tui), as QEMU's
 * contrib/plugins/uftrace does.  The trace goes to ./uftrace.data.
 *
 *   trace-sample=N                     instead of every call and return,
 *                                      record the call stack's changes
 *                                      every N instructions
 *   timestamp-based-on-real-time=on    timestamps from the host clock
 *                                      instead of instruction counts
 *   trace-privilege-level=on|off       accepted; user mode runs at one
 *                                      privilege level, so one trace
 *
 * How calls are found: from the instructions, not from frame pointers.
 * RISC-V names its link registers (ra and t0) and the manual's table of
 * return-address-stack hints (Unprivileged ISA 2.5.1) says which jumps
 * call and which return: jal/jalr writing a link register push a frame,
 * jalr reading one without writing one pops, one that does both pops and
 * pushes (a coroutine swap).  A jump is the last instruction of a block,
 * so the next block to start is the callee (its address names the
 * function, exactly) or the return target.  A return pops the innermost
 * frame expecting that target and the frames inside it (a longjmp-like
 * unwind); a return that matches no frame (from a function entered before
 * the program started, or a signal handler's) is ignored.  This needs no
 * frame pointers (libc is traced too) and no register reads; frames still
 * open when a thread or the program ends are closed then.  A tail call
 * (a jump writing no link) stays inside its caller's frame.
 *
 * Timestamps are instructions executed by the vCPU (the trace is the
 * same on every run and tier), or host nanoseconds.  Each vCPU is a task:
 * tid = emu's pid for vCPU 0, pid + N for vCPU N.  Only the program's
 * own ELF symbols are written (PROGRAM.sym): code of a dynamic program's
 * libraries shows as addresses.  A forked child writes nothing.
 *
 * The files (uftrace's data format, version 4): info (a 40-byte header
 * then "key:value" lines), task.txt (the session and its tasks),
 * sid-ID.map (the program's mapping, /proc/PID/maps style), PROGRAM.sym
 * ("ADDR TYPE NAME", addresses relative to the mapping), and TID.dat:
 * 16-byte records, the time then a word packing type (entry 0, exit 1),
 * a magic 5, the depth and the 48-bit address. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "qemu-plugin.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define TRACE_DIR    "uftrace.data"
#define MAX_DEPTH    1023 /* the record's depth field is 10 bits */
#define MAX_FRAMES   65536
#define RECORD_MAGIC 5
#define RECORD_ENTRY 0
#define RECORD_EXIT  1

enum jump_kind { JUMP_NONE, JUMP_CALL, JUMP_RETURN, JUMP_RETURN_AND_CALL };

/* Written by inline operations, read by the block-start callback. */
typedef struct {
    uint64_t insns;        /* executed by the vCPU */
    uint64_t pending;      /* enum jump_kind of the jump just taken */
    uint64_t return_addr;  /* of the call just taken */
    uint64_t since_sample; /* trace-sample: instructions since the last */
} VcpuCounters;

typedef struct {
    uint64_t function;
    uint64_t return_addr;
    uint64_t serial; /* tells frames at the same depth apart (sampling) */
} Frame;

typedef struct {
    GArray *frames;  /* Frame: the shadow call stack, outermost first */
    GArray *emitted; /* Frame: the stack as the trace shows it so far */
    uint64_t next_serial;
    int tid;
    int fd;
    GByteArray *buffer;
} Vcpu;

static struct qemu_plugin_scoreboard *counters;
static qemu_plugin_u64 insns, pending, return_addr, since_sample;
static struct qemu_plugin_scoreboard *vcpus;
static uint64_t sample_interval; /* 0: every call and return */
static bool real_time;
static pid_t traced_pid;
static uint64_t start_time;
static GMutex tids_lock;
static GArray *tids; /* int */

static uint64_t now(unsigned int vcpu_index)
{
    if (real_time) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
    }
    return qemu_plugin_u64_get(insns, vcpu_index);
}

static void flush_records(Vcpu *vcpu)
{
    /* a forked child has a copy of the buffer: only the parent writes */
    if (vcpu->fd >= 0 && getpid() == traced_pid) {
        size_t done = 0;
        while (done < vcpu->buffer->len) {
            ssize_t n = write(vcpu->fd, vcpu->buffer->data + done, vcpu->buffer->len - done);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                break;
            }
            done += (size_t)n;
        }
    }
    g_byte_array_set_size(vcpu->buffer, 0);
}

static void record(Vcpu *vcpu, uint64_t time, uint64_t type, guint depth, uint64_t addr)
{
    if (depth > MAX_DEPTH) {
        return;
    }
    uint64_t words[2] = {
        time,
        type | (uint64_t)RECORD_MAGIC << 3 | (uint64_t)depth << 6 | (addr & 0xffffffffffffull) << 16,
    };
    g_byte_array_append(vcpu->buffer, (const guint8 *)words, sizeof(words));
    if (vcpu->buffer->len >= 1 << 16) {
        flush_records(vcpu);
    }
}

/* Makes the trace show the shadow stack: exits for the shown frames that
 * are gone, innermost first, then entries for the new ones. */
static void emit_stack(Vcpu *vcpu, uint64_t time)
{
    guint common = 0;
    while (common < vcpu->emitted->len && common < vcpu->frames->len &&
           g_array_index(vcpu->emitted, Frame, common).serial == g_array_index(vcpu->frames, Frame, common).serial) {
        common++;
    }
    for (guint depth = vcpu->emitted->len; depth > common; depth--) {
        record(vcpu, time, RECORD_EXIT, depth - 1, g_array_index(vcpu->emitted, Frame, depth - 1).function);
    }
    g_array_set_size(vcpu->emitted, common);
    for (guint depth = common; depth < vcpu->frames->len; depth++) {
        Frame *frame = &g_array_index(vcpu->frames, Frame, depth);
        record(vcpu, time, RECORD_ENTRY, depth, frame->function);
        g_array_append_val(vcpu->emitted, *frame);
    }
}

static void push_frame(Vcpu *vcpu, uint64_t function, uint64_t link)
{
    if (vcpu->frames->len < MAX_FRAMES) {
        Frame frame = {function, link, vcpu->next_serial++};
        g_array_append_val(vcpu->frames, frame);
    }
}

/* Pops the innermost frame returning to target and those inside it. */
static void pop_frames(Vcpu *vcpu, uint64_t target)
{
    for (guint depth = vcpu->frames->len; depth > 0; depth--) {
        if (g_array_index(vcpu->frames, Frame, depth - 1).return_addr == target) {
            g_array_set_size(vcpu->frames, depth - 1);
            return;
        }
    }
}

/* The first block after a call or return: its address is the callee or
 * the return target. */
static void after_jump(unsigned int vcpu_index, void *block_addr)
{
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    uint64_t target = (uint64_t)(uintptr_t)block_addr;
    enum jump_kind kind = (enum jump_kind)qemu_plugin_u64_get(pending, vcpu_index);
    qemu_plugin_u64_set(pending, vcpu_index, JUMP_NONE);
    if (kind == JUMP_RETURN || kind == JUMP_RETURN_AND_CALL) {
        pop_frames(vcpu, target);
    }
    if (kind == JUMP_CALL || kind == JUMP_RETURN_AND_CALL) {
        push_frame(vcpu, target, qemu_plugin_u64_get(return_addr, vcpu_index));
    }
    if (!sample_interval) {
        emit_stack(vcpu, now(vcpu_index));
    }
}

static void on_sample(unsigned int vcpu_index, void *userdata)
{
    (void)userdata;
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    qemu_plugin_u64_set(since_sample, vcpu_index, qemu_plugin_u64_get(since_sample, vcpu_index) - sample_interval);
    emit_stack(vcpu, now(vcpu_index));
}

static bool is_link(unsigned int reg)
{
    return reg == 1 || reg == 5; /* ra, t0 */
}

/* What a jump does to the return-address stack (Unprivileged ISA 2.5.1,
 * table "Return-address stack prediction hints encoded in the register
 * operands of a JALR instruction"). */
static enum jump_kind jalr_kind(unsigned int rd, unsigned int rs1)
{
    if (is_link(rd) && is_link(rs1)) {
        return rd == rs1 ? JUMP_CALL : JUMP_RETURN_AND_CALL;
    }
    if (is_link(rd)) {
        return JUMP_CALL;
    }
    return is_link(rs1) ? JUMP_RETURN : JUMP_NONE;
}

static enum jump_kind jump_kind(const uint8_t *bytes, size_t size)
{
    if (size == 4) {
        uint32_t insn =
            (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8 | (uint32_t)bytes[2] << 16 | (uint32_t)bytes[3] << 24;
        unsigned int rd = (insn >> 7) & 31, funct3 = (insn >> 12) & 7, rs1 = (insn >> 15) & 31;
        switch (insn & 0x7f) {
        case 0x6f: /* jal */ return is_link(rd) ? JUMP_CALL : JUMP_NONE;
        case 0x67: /* jalr */ return funct3 == 0 ? jalr_kind(rd, rs1) : JUMP_NONE;
        default: return JUMP_NONE;
        }
    }
    if (size == 2) {
        uint16_t insn = (uint16_t)(bytes[0] | bytes[1] << 8);
        unsigned int rs1 = (insn >> 7) & 31, rs2 = (insn >> 2) & 31;
        /* c.jr rs1 is jalr x0, 0(rs1); c.jalr rs1 is jalr ra, 0(rs1) */
        if ((insn & 3) == 2 && (insn >> 13) == 4 && rs2 == 0 && rs1 != 0) {
            return jalr_kind((insn >> 12) & 1 ? 1 : 0, rs1);
        }
    }
    return JUMP_NONE;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    /* before the count grows, so a time is the instructions before it */
    qemu_plugin_register_vcpu_tb_exec_cond_cb(tb, after_jump, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_NE, pending,
                                              JUMP_NONE, (void *)(uintptr_t)qemu_plugin_tb_vaddr(tb));
    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_ADD_U64, insns, n);
    if (sample_interval) {
        qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_ADD_U64, since_sample, n);
        qemu_plugin_register_vcpu_tb_exec_cond_cb(tb, on_sample, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_GE,
                                                  since_sample, sample_interval, NULL);
    }
    /* a jump ends its block, so the next block start sees where it went;
     * were a block to go on past one, its next instruction would */
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint8_t bytes[4] = {0};
        size_t size = qemu_plugin_insn_data(insn, bytes, sizeof(bytes));
        enum jump_kind kind = jump_kind(bytes, size);
        if (kind == JUMP_NONE) {
            continue;
        }
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn, QEMU_PLUGIN_INLINE_STORE_U64, pending, kind);
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn, QEMU_PLUGIN_INLINE_STORE_U64, return_addr,
                                                            qemu_plugin_insn_vaddr(insn) + size);
        if (i + 1 < n) {
            struct qemu_plugin_insn *next = qemu_plugin_tb_get_insn(tb, i + 1);
            qemu_plugin_register_vcpu_insn_exec_cond_cb(next, after_jump, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_NE,
                                                        pending, JUMP_NONE,
                                                        (void *)(uintptr_t)qemu_plugin_insn_vaddr(next));
        }
    }
}

static void on_vcpu_init(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    (void)id;
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    vcpu->frames = g_array_new(FALSE, FALSE, sizeof(Frame));
    vcpu->emitted = g_array_new(FALSE, FALSE, sizeof(Frame));
    vcpu->buffer = g_byte_array_new();
    vcpu->tid = (int)traced_pid + (int)vcpu_index;
    char *path = g_strdup_printf(TRACE_DIR "/%d.dat", vcpu->tid);
    vcpu->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (vcpu->fd < 0) {
        fprintf(stderr, "uftrace: cannot create %s: %s\n", path, strerror(errno));
    }
    g_free(path);
    g_mutex_lock(&tids_lock);
    g_array_append_val(tids, vcpu->tid);
    g_mutex_unlock(&tids_lock);
}

/* A thread ends: its open frames end now. */
static void on_vcpu_exit(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    (void)id;
    Vcpu *vcpu = qemu_plugin_scoreboard_find(vcpus, vcpu_index);
    if (!vcpu->buffer || vcpu->fd < 0) {
        return;
    }
    g_array_set_size(vcpu->frames, 0);
    emit_stack(vcpu, now(vcpu_index));
    flush_records(vcpu);
    close(vcpu->fd);
    vcpu->fd = -1;
}

/* The program's ELF image, to name its functions. */
typedef struct {
    gchar *data;
    gsize size;
    uint64_t bias;      /* where it runs minus where the ELF says */
    uint64_t low, high; /* its loaded extent, as the ELF says */
} Program;

typedef struct {
    uint64_t addr, size;
    char type;
    const char *name;
} Function;

static gint by_address(gconstpointer a, gconstpointer b)
{
    const Function *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static bool load_program(Program *program, const char *path)
{
    if (!g_file_get_contents(path, &program->data, &program->size, NULL) || program->size < sizeof(Elf64_Ehdr)) {
        return false;
    }
    const Elf64_Ehdr *header = (const Elf64_Ehdr *)program->data;
    if (memcmp(header->e_ident, ELFMAG, SELFMAG) != 0 || header->e_ident[EI_CLASS] != ELFCLASS64 ||
        header->e_phoff + (uint64_t)header->e_phnum * sizeof(Elf64_Phdr) > program->size) {
        return false;
    }
    program->low = UINT64_MAX;
    program->high = 0;
    const Elf64_Phdr *segments = (const Elf64_Phdr *)(program->data + header->e_phoff);
    for (unsigned int i = 0; i < header->e_phnum; i++) {
        if (segments[i].p_type == PT_LOAD) {
            program->low = MIN(program->low, segments[i].p_vaddr & ~(uint64_t)0xfff);
            program->high = MAX(program->high, segments[i].p_vaddr + segments[i].p_memsz);
        }
    }
    program->bias = qemu_plugin_entry_code() - header->e_entry;
    return program->low < program->high;
}

/* PROGRAM.sym: its functions, addresses relative to its mapping, each
 * followed by where it ends when something else does not start there. */
static void write_symbols(const Program *program, const char *path, const char *sym_path)
{
    const Elf64_Ehdr *header = (const Elf64_Ehdr *)program->data;
    if (header->e_shoff + (uint64_t)header->e_shnum * sizeof(Elf64_Shdr) > program->size) {
        return;
    }
    const Elf64_Shdr *sections = (const Elf64_Shdr *)(program->data + header->e_shoff);
    GArray *functions = g_array_new(FALSE, FALSE, sizeof(Function));
    for (unsigned int i = 0; i < header->e_shnum; i++) {
        const Elf64_Shdr *table = &sections[i];
        if (table->sh_type != SHT_SYMTAB || table->sh_link >= header->e_shnum ||
            table->sh_offset + table->sh_size > program->size) {
            continue;
        }
        const Elf64_Shdr *strings = &sections[table->sh_link];
        const Elf64_Sym *symbols = (const Elf64_Sym *)(program->data + table->sh_offset);
        for (size_t s = 0; s < table->sh_size / sizeof(Elf64_Sym); s++) {
            const Elf64_Sym *symbol = &symbols[s];
            if (ELF64_ST_TYPE(symbol->st_info) != STT_FUNC || symbol->st_value == 0 ||
                symbol->st_name >= strings->sh_size) {
                continue;
            }
            unsigned char binding = ELF64_ST_BIND(symbol->st_info);
            Function function = {
                .addr = symbol->st_value - program->low,
                .size = symbol->st_size,
                .type = binding == STB_LOCAL  ? 't'
                        : binding == STB_WEAK ? 'w'
                                              : 'T',
                .name = program->data + strings->sh_offset + symbol->st_name,
            };
            g_array_append_val(functions, function);
        }
    }
    g_array_sort(functions, by_address);
    FILE *out = fopen(sym_path, "w");
    if (out) {
        fprintf(out, "# symbols: %u\n# path name: %s\n", functions->len, path);
        for (guint i = 0; i < functions->len; i++) {
            const Function *function = &g_array_index(functions, Function, i);
            uint64_t end = function->addr + function->size;
            fprintf(out, "%016" PRIx64 " %c %s\n", function->addr, function->type, function->name);
            bool next_starts_there = i + 1 < functions->len && g_array_index(functions, Function, i + 1).addr <= end;
            if (function->size && !next_starts_there) {
                fprintf(out, "%016" PRIx64 " ? __func_end\n", end);
            }
        }
        fclose(out);
    }
    g_array_free(functions, TRUE);
}

static void write_text(const char *path, const char *text)
{
    if (!g_file_set_contents(path, text, -1, NULL)) {
        fprintf(stderr, "uftrace: cannot write %s\n", path);
    }
}

/* info: the file header, then the lines its info mask announces, in the
 * order of the mask's bits. */
static void write_info(const char *exe)
{
    enum { EXE_NAME = 1 << 0, CMDLINE = 1 << 3, TASKINFO = 1 << 7 };
    enum { TASK_SESSION = 1 << 1, MAX_STACK = 1 << 6 };
    GString *info = g_string_new(NULL);
    g_string_append_len(info, "Ftrace!", 8);
    uint32_t version = 4;
    uint16_t header_size = 40, max_stack = MAX_DEPTH + 1, unused16 = 0;
    uint8_t little_endian = 1, class64 = 2;
    uint64_t features = TASK_SESSION | MAX_STACK, info_mask = EXE_NAME | CMDLINE | TASKINFO;
    uint32_t unused32 = 0;
    g_string_append_len(info, (const char *)&version, 4);
    g_string_append_len(info, (const char *)&header_size, 2);
    g_string_append_len(info, (const char *)&little_endian, 1);
    g_string_append_len(info, (const char *)&class64, 1);
    g_string_append_len(info, (const char *)&features, 8);
    g_string_append_len(info, (const char *)&info_mask, 8);
    g_string_append_len(info, (const char *)&max_stack, 2);
    g_string_append_len(info, (const char *)&unused16, 2);
    g_string_append_len(info, (const char *)&unused32, 4);
    g_string_append_printf(
        info, "exename:%s\ncmdline:emu %s\ntaskinfo:lines=2\ntaskinfo:nr_tid=%u\ntaskinfo:tids=", exe, exe, tids->len);
    for (guint i = 0; i < tids->len; i++) {
        g_string_append_printf(info, "%s%d", i ? "," : "", g_array_index(tids, int, i));
    }
    g_string_append_c(info, '\n');
    if (!g_file_set_contents(TRACE_DIR "/info", info->str, (gssize)info->len, NULL)) {
        fprintf(stderr, "uftrace: cannot write " TRACE_DIR "/info\n");
    }
    g_string_free(info, TRUE);
}

static void write_session(const char *exe)
{
    char session_id[17];
    snprintf(session_id, sizeof(session_id), "%016" PRIx64, (uint64_t)((uint64_t)traced_pid * 0x9e3779b97f4a7c15ull));
    char *start = g_strdup_printf("%" PRIu64 ".%09" PRIu64, start_time / 1000000000u, start_time % 1000000000u);
    GString *tasks = g_string_new(NULL);
    g_string_append_printf(tasks, "SESS timestamp=%s pid=%d sid=%s exename=\"%s\"\n", start, (int)traced_pid,
                           session_id, exe);
    for (guint i = 0; i < tids->len; i++) {
        g_string_append_printf(tasks, "TASK timestamp=%s tid=%d pid=%d\n", start, g_array_index(tids, int, i),
                               (int)traced_pid);
    }
    write_text(TRACE_DIR "/task.txt", tasks->str);
    g_string_free(tasks, TRUE);

    Program program = {0};
    char *map_path = g_strdup_printf(TRACE_DIR "/sid-%s.map", session_id);
    GString *map = g_string_new(NULL);
    if (load_program(&program, exe)) {
        g_string_append_printf(map, "%08" PRIx64 "-%08" PRIx64 " r-xp 00000000 00:00 0 %s\n",
                               program.low + program.bias, program.high + program.bias, exe);
        char *base = g_path_get_basename(exe);
        char *sym_path = g_strdup_printf(TRACE_DIR "/%s.sym", base);
        write_symbols(&program, exe, sym_path);
        g_free(sym_path);
        g_free(base);
    }
    /* uftrace takes addresses above the stack's for the kernel's */
    g_string_append(map, "7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0 [stack]\n");
    write_text(map_path, map->str);
    g_string_free(map, TRUE);
    g_free(map_path);
    g_free(program.data);
    g_free(start);
}

static void close_vcpu(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    on_vcpu_exit(id, vcpu_index);
}

static void write_trace_at_exit(qemu_plugin_id_t id, void *userdata)
{
    (void)userdata;
    qemu_plugin_vcpu_for_each(id, close_vcpu);
    if (getpid() != traced_pid) {
        return;
    }
    const char *exe = qemu_plugin_path_to_binary();
    char *absolute = g_canonicalize_filename(exe ? exe : "unknown", NULL);
    g_mutex_lock(&tids_lock);
    write_info(absolute);
    write_session(absolute);
    g_mutex_unlock(&tids_lock);
    g_free(absolute);
}

/* Starts from an empty uftrace.data (its files, not subdirectories). */
static bool prepare_directory(void)
{
    if (g_mkdir_with_parents(TRACE_DIR, 0755) != 0) {
        fprintf(stderr, "uftrace: cannot create " TRACE_DIR ": %s\n", strerror(errno));
        return false;
    }
    GDir *dir = g_dir_open(TRACE_DIR, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name(dir))) {
        char *path = g_build_filename(TRACE_DIR, name, NULL);
        if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
            unlink(path);
        }
        g_free(path);
    }
    if (dir) {
        g_dir_close(dir);
    }
    return true;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        char **pair = g_strsplit(argv[i], "=", 2);
        bool ok = pair[0] && pair[1];
        bool ignored;
        if (ok && strcmp(pair[0], "trace-sample") == 0) {
            char *end;
            sample_interval = g_ascii_strtoull(pair[1], &end, 10);
            /* strtoull would take "-5" */
            ok = g_ascii_isdigit(pair[1][0]) && *end == '\0' && sample_interval > 0;
        } else if (ok && strcmp(pair[0], "timestamp-based-on-real-time") == 0) {
            ok = qemu_plugin_bool_parse(pair[0], pair[1], &real_time);
        } else if (ok && strcmp(pair[0], "trace-privilege-level") == 0) {
            ok = qemu_plugin_bool_parse(pair[0], pair[1], &ignored);
        } else {
            ok = false;
        }
        g_strfreev(pair);
        if (!ok) {
            fprintf(stderr,
                    "uftrace: bad argument '%s' (trace-sample=N, timestamp-based-on-real-time=on|off, "
                    "trace-privilege-level=on|off)\n",
                    argv[i]);
            return -1;
        }
    }
    if (!prepare_directory()) {
        return -1;
    }
    traced_pid = getpid();
    tids = g_array_new(FALSE, FALSE, sizeof(int));
    start_time = real_time ? now(0) : 0;
    counters = qemu_plugin_scoreboard_new(sizeof(VcpuCounters));
    insns = qemu_plugin_scoreboard_u64_in_struct(counters, VcpuCounters, insns);
    pending = qemu_plugin_scoreboard_u64_in_struct(counters, VcpuCounters, pending);
    return_addr = qemu_plugin_scoreboard_u64_in_struct(counters, VcpuCounters, return_addr);
    since_sample = qemu_plugin_scoreboard_u64_in_struct(counters, VcpuCounters, since_sample);
    vcpus = qemu_plugin_scoreboard_new(sizeof(Vcpu));
    qemu_plugin_register_vcpu_init_cb(id, on_vcpu_init);
    qemu_plugin_register_vcpu_exit_cb(id, on_vcpu_exit);
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, write_trace_at_exit, NULL);
    return 0;
}
