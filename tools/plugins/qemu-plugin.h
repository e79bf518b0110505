/* emu's plugin API: source-compatible with QEMU's TCG plugin API, version 6
 * (the names, types and calling conventions of QEMU's qemu-plugin.h), so a
 * plugin written for QEMU builds against this header and runs under emu.
 * Plugins built against versions QEMU_PLUGIN_MIN_VERSION and later load.
 *
 * Build a plugin with `cc -shared -fPIC $(pkg-config --cflags emu-plugin)`;
 * it must export qemu_plugin_install and qemu_plugin_version.  Behaviour
 * that emu adds or leaves out is listed in docs/plugins.md. */
#ifndef QEMU_QEMU_PLUGIN_H
#define QEMU_QEMU_PLUGIN_H

#include <glib.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))
#define QEMU_PLUGIN_LOCAL __attribute__((visibility("hidden")))
#define QEMU_PLUGIN_API

typedef uint64_t qemu_plugin_id_t;

/* The API level a plugin was built against: it defines
 *   QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;
 * Version history (what changed at each level):
 *   2: the per-vCPU inline operations and scoreboards replace the global
 *      inline calls; qemu_plugin_n_vcpus/n_max_vcpus removed
 *   3: qemu_plugin_insn_data copies into a caller's buffer
 *   4: qemu_plugin_read_memory_vaddr
 *   5: write_memory_vaddr, read/write_memory_hwaddr, write_register,
 *      translate_vaddr
 *   6: read/write_register return bool; set_pc; discontinuity callbacks;
 *      syscall filters */
extern QEMU_PLUGIN_EXPORT int qemu_plugin_version;

#define QEMU_PLUGIN_VERSION 6
#define QEMU_PLUGIN_MIN_VERSION 2

/* What the plugin is told about the guest at install time; valid only
 * during qemu_plugin_install. */
typedef struct qemu_info_t {
    const char *target_name; /* "riscv64", "aarch64", ... */
    struct {
        int min;
        int cur;
    } version;
    bool system_emulation;
    union {
        struct {
            int smp_vcpus;
            int max_vcpus;
        } system;
    };
} qemu_info_t;

/* Every plugin exports this.  argv holds the "name=value" arguments given
 * after the file name on the command line and stays valid while the plugin
 * is loaded.  Returns 0 on success; anything else makes emu exit. */
QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv);

typedef void (*qemu_plugin_simple_cb_t)(qemu_plugin_id_t id);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_simple_cb_t)(qemu_plugin_id_t id, unsigned int vcpu_index);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);

/* Discontinuities: changes of pc that are not the program's own jumps. */
enum qemu_plugin_discon_type {
    QEMU_PLUGIN_DISCON_INTERRUPT = 1 << 0, /* asynchronous: a signal from outside */
    QEMU_PLUGIN_DISCON_EXCEPTION = 1 << 1, /* synchronous: caused by an instruction */
    QEMU_PLUGIN_DISCON_HOSTCALL = 1 << 2,  /* handled outside the vCPU (a syscall) */
    QEMU_PLUGIN_DISCON_ALL = -1
};

/* from_pc: the instruction that caused it (exceptions, host calls) or the
 * one that would have run next (interrupts); to_pc: where execution goes. */
typedef void (*qemu_plugin_vcpu_discon_cb_t)(qemu_plugin_id_t id, unsigned int vcpu_index,
                                             enum qemu_plugin_discon_type type, uint64_t from_pc,
                                             uint64_t to_pc);

/* Removes every callback of the plugin (reset) or the plugin itself
 * (uninstall); cb runs once that is done. */
QEMU_PLUGIN_API void qemu_plugin_uninstall(qemu_plugin_id_t id, qemu_plugin_simple_cb_t cb);
QEMU_PLUGIN_API void qemu_plugin_reset(qemu_plugin_id_t id, qemu_plugin_simple_cb_t cb);

QEMU_PLUGIN_API void qemu_plugin_register_vcpu_init_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb);
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_exit_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb);
/* idle: a vCPU is about to block (a sleeping syscall); resume: it is back */
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_idle_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb);
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_resume_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb);
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_discon_cb(qemu_plugin_id_t id, enum qemu_plugin_discon_type type,
                                                         qemu_plugin_vcpu_discon_cb_t cb);

struct qemu_plugin_tb;          /* a block being translated */
struct qemu_plugin_insn;        /* one of its instructions */
struct qemu_plugin_scoreboard;  /* per-vCPU storage */

/* A uint64_t at offset within each vCPU's entry of a scoreboard. */
typedef struct {
    struct qemu_plugin_scoreboard *score;
    size_t offset;
} qemu_plugin_u64;

/* What a callback may do with the vCPU's registers. */
enum qemu_plugin_cb_flags {
    QEMU_PLUGIN_CB_NO_REGS,
    QEMU_PLUGIN_CB_R_REGS,
    QEMU_PLUGIN_CB_RW_REGS,
    QEMU_PLUGIN_CB_RW_REGS_PC, /* and may call qemu_plugin_set_pc */
};

enum qemu_plugin_mem_rw {
    QEMU_PLUGIN_MEM_R = 1,
    QEMU_PLUGIN_MEM_W,
    QEMU_PLUGIN_MEM_RW,
};

enum qemu_plugin_mem_value_type {
    QEMU_PLUGIN_MEM_VALUE_U8,
    QEMU_PLUGIN_MEM_VALUE_U16,
    QEMU_PLUGIN_MEM_VALUE_U32,
    QEMU_PLUGIN_MEM_VALUE_U64,
    QEMU_PLUGIN_MEM_VALUE_U128,
};

/* The value a load produced or a store wrote, in host byte order. */
typedef struct {
    enum qemu_plugin_mem_value_type type;
    union {
        uint8_t u8;
        uint16_t u16;
        uint32_t u32;
        uint64_t u64;
        struct {
            uint64_t low;
            uint64_t high;
        } u128;
    } data;
} qemu_plugin_mem_value;

/* Conditions of conditional callbacks: entry <cond> imm, unsigned. */
enum qemu_plugin_cond {
    QEMU_PLUGIN_COND_NEVER,
    QEMU_PLUGIN_COND_ALWAYS,
    QEMU_PLUGIN_COND_EQ,
    QEMU_PLUGIN_COND_NE,
    QEMU_PLUGIN_COND_LT,
    QEMU_PLUGIN_COND_LE,
    QEMU_PLUGIN_COND_GT,
    QEMU_PLUGIN_COND_GE,
};

/* Called once for each block emu decodes; the place to query its
 * instructions and to register what runs when they execute. */
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);

/* Each time the block starts executing. */
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
                                                          enum qemu_plugin_cb_flags flags, void *userdata);
/* The same, only when entry <cond> imm holds at that moment. */
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_tb_exec_cond_cb(struct qemu_plugin_tb *tb,
                                                               qemu_plugin_vcpu_udata_cb_t cb,
                                                               enum qemu_plugin_cb_flags flags,
                                                               enum qemu_plugin_cond cond, qemu_plugin_u64 entry,
                                                               uint64_t imm, void *userdata);

enum qemu_plugin_op {
    QEMU_PLUGIN_INLINE_ADD_U64,   /* entry += imm */
    QEMU_PLUGIN_INLINE_STORE_U64, /* entry = imm */
};

/* Inline operations are compiled into the code that runs the block; they
 * act on the running vCPU's entry. */
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(struct qemu_plugin_tb *tb,
                                                                       enum qemu_plugin_op op,
                                                                       qemu_plugin_u64 entry, uint64_t imm);

/* Each time the instruction is about to execute. */
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn,
                                                            qemu_plugin_vcpu_udata_cb_t cb,
                                                            enum qemu_plugin_cb_flags flags, void *userdata);
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_insn_exec_cond_cb(struct qemu_plugin_insn *insn,
                                                                 qemu_plugin_vcpu_udata_cb_t cb,
                                                                 enum qemu_plugin_cb_flags flags,
                                                                 enum qemu_plugin_cond cond, qemu_plugin_u64 entry,
                                                                 uint64_t imm, void *userdata);
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(struct qemu_plugin_insn *insn,
                                                                         enum qemu_plugin_op op,
                                                                         qemu_plugin_u64 entry, uint64_t imm);

/* Queries on a block and its instructions, valid during the translation
 * callback. */
QEMU_PLUGIN_API size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
QEMU_PLUGIN_API uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
QEMU_PLUGIN_API struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
/* Copies up to len bytes of the instruction's encoding; returns how many. */
QEMU_PLUGIN_API size_t qemu_plugin_insn_data(const struct qemu_plugin_insn *insn, void *dest, size_t len);
QEMU_PLUGIN_API size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
QEMU_PLUGIN_API uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
/* The host address of the instruction's bytes (user mode). */
QEMU_PLUGIN_API void *qemu_plugin_insn_haddr(const struct qemu_plugin_insn *insn);
/* The disassembly, allocated: g_free() it. */
QEMU_PLUGIN_API char *qemu_plugin_insn_disas(const struct qemu_plugin_insn *insn);
/* The symbol at the instruction's address, if the program's ELF symbol
 * table has one starting there; NULL otherwise. */
QEMU_PLUGIN_API const char *qemu_plugin_insn_symbol(const struct qemu_plugin_insn *insn);

/* Memory accesses: an opaque description queried by the calls below. */
typedef uint32_t qemu_plugin_meminfo_t;
struct qemu_plugin_hwaddr;

QEMU_PLUGIN_API unsigned int qemu_plugin_mem_size_shift(qemu_plugin_meminfo_t info); /* log2 of bytes */
QEMU_PLUGIN_API bool qemu_plugin_mem_is_sign_extended(qemu_plugin_meminfo_t info);
QEMU_PLUGIN_API bool qemu_plugin_mem_is_big_endian(qemu_plugin_meminfo_t info);
QEMU_PLUGIN_API bool qemu_plugin_mem_is_store(qemu_plugin_meminfo_t info);
/* The value of the access the callback reports. */
QEMU_PLUGIN_API qemu_plugin_mem_value qemu_plugin_mem_get_value(qemu_plugin_meminfo_t info);

/* System mode: the physical side of an access.  User mode: NULL. */
QEMU_PLUGIN_API struct qemu_plugin_hwaddr *qemu_plugin_get_hwaddr(qemu_plugin_meminfo_t info, uint64_t vaddr);
QEMU_PLUGIN_API bool qemu_plugin_hwaddr_is_io(const struct qemu_plugin_hwaddr *haddr);
QEMU_PLUGIN_API uint64_t qemu_plugin_hwaddr_phys_addr(const struct qemu_plugin_hwaddr *haddr);
QEMU_PLUGIN_API const char *qemu_plugin_hwaddr_device_name(const struct qemu_plugin_hwaddr *h);

/* After each access the instruction makes to memory, of the kinds in rw. */
typedef void (*qemu_plugin_vcpu_mem_cb_t)(unsigned int vcpu_index, qemu_plugin_meminfo_t info, uint64_t vaddr,
                                          void *userdata);
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_mem_cb(struct qemu_plugin_insn *insn, qemu_plugin_vcpu_mem_cb_t cb,
                                                      enum qemu_plugin_cb_flags flags, enum qemu_plugin_mem_rw rw,
                                                      void *userdata);
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_mem_inline_per_vcpu(struct qemu_plugin_insn *insn,
                                                                   enum qemu_plugin_mem_rw rw, enum qemu_plugin_op op,
                                                                   qemu_plugin_u64 entry, uint64_t imm);

/* Time control is for system mode: user mode reports the host's time. */
QEMU_PLUGIN_API const void *qemu_plugin_request_time_control(void);
QEMU_PLUGIN_API void qemu_plugin_update_ns(const void *handle, int64_t time);

/* Syscalls (user mode): before, a filter that may replace the call, after. */
typedef void (*qemu_plugin_vcpu_syscall_cb_t)(qemu_plugin_id_t id, unsigned int vcpu_index, int64_t num,
                                              uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
                                              uint64_t a6, uint64_t a7, uint64_t a8);
/* Returns true to skip the syscall, with *sysret as its result. */
typedef bool (*qemu_plugin_vcpu_syscall_filter_cb_t)(qemu_plugin_id_t id, unsigned int vcpu_index, int64_t num,
                                                     uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                                                     uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8,
                                                     uint64_t *sysret);
typedef void (*qemu_plugin_vcpu_syscall_ret_cb_t)(qemu_plugin_id_t id, unsigned int vcpu_idx, int64_t num,
                                                  int64_t ret);
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_syscall_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_syscall_cb_t cb);
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_syscall_ret_cb(qemu_plugin_id_t id,
                                                              qemu_plugin_vcpu_syscall_ret_cb_t cb);
QEMU_PLUGIN_API void qemu_plugin_register_vcpu_syscall_filter_cb(qemu_plugin_id_t id,
                                                                 qemu_plugin_vcpu_syscall_filter_cb_t cb);

/* Calls cb for every vCPU that exists now. */
QEMU_PLUGIN_API void qemu_plugin_vcpu_for_each(qemu_plugin_id_t id, qemu_plugin_vcpu_simple_cb_t cb);
/* After emu drops its translations (self-modifying code, fence.i). */
QEMU_PLUGIN_API void qemu_plugin_register_flush_cb(qemu_plugin_id_t id, qemu_plugin_simple_cb_t cb);
/* Once, when the program ends (exit, exit_group or a fatal signal). */
QEMU_PLUGIN_API void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);

QEMU_PLUGIN_API int qemu_plugin_num_vcpus(void);

/* Output: shown with -d plugin (to -D's file if given). */
QEMU_PLUGIN_API void qemu_plugin_outs(const char *string);

/* Parses "on|yes|true|off|no|false" for argument name; false if val is
 * none of them. */
QEMU_PLUGIN_API bool qemu_plugin_bool_parse(const char *name, const char *val, bool *ret);

/* User mode: the program emu runs (g_free() it), and its code's extent. */
QEMU_PLUGIN_API const char *qemu_plugin_path_to_binary(void);
QEMU_PLUGIN_API uint64_t qemu_plugin_start_code(void);
QEMU_PLUGIN_API uint64_t qemu_plugin_end_code(void);
QEMU_PLUGIN_API uint64_t qemu_plugin_entry_code(void);

/* Registers of the running vCPU, by the names GDB uses for the arch. */
struct qemu_plugin_register;
typedef struct {
    struct qemu_plugin_register *handle;
    const char *name;
    const char *feature;
} qemu_plugin_reg_descriptor;

/* A GArray of qemu_plugin_reg_descriptor; the caller frees the array. */
QEMU_PLUGIN_API GArray *qemu_plugin_get_registers(void);
/* Appends the register's bytes (guest byte order) to buf.  In callbacks
 * registered with flags, reading needs R_REGS or more, writing RW_REGS or
 * more; the pc is read-only (qemu_plugin_set_pc changes it). */
QEMU_PLUGIN_API bool qemu_plugin_read_register(struct qemu_plugin_register *handle, GByteArray *buf);
QEMU_PLUGIN_API bool qemu_plugin_write_register(struct qemu_plugin_register *handle, GByteArray *buf);

/* Continues execution at vaddr, from a callback registered with
 * QEMU_PLUGIN_CB_RW_REGS_PC (or a syscall filter); does not return then. */
QEMU_PLUGIN_API void qemu_plugin_set_pc(uint64_t vaddr);

/* Guest memory by virtual address; false if any byte is not mapped. */
QEMU_PLUGIN_API bool qemu_plugin_read_memory_vaddr(uint64_t addr, GByteArray *data, size_t len);
QEMU_PLUGIN_API bool qemu_plugin_write_memory_vaddr(uint64_t addr, GByteArray *data);

enum qemu_plugin_hwaddr_operation_result {
    QEMU_PLUGIN_HWADDR_OPERATION_OK,
    QEMU_PLUGIN_HWADDR_OPERATION_ERROR,
    QEMU_PLUGIN_HWADDR_OPERATION_DEVICE_ERROR,
    QEMU_PLUGIN_HWADDR_OPERATION_ACCESS_DENIED,
    QEMU_PLUGIN_HWADDR_OPERATION_INVALID_ADDRESS,
    QEMU_PLUGIN_HWADDR_OPERATION_INVALID_ADDRESS_SPACE,
};

/* Physical memory: system mode only (user mode answers ..._ERROR/false). */
QEMU_PLUGIN_API enum qemu_plugin_hwaddr_operation_result qemu_plugin_read_memory_hwaddr(uint64_t addr,
                                                                                        GByteArray *data,
                                                                                        size_t len);
QEMU_PLUGIN_API enum qemu_plugin_hwaddr_operation_result qemu_plugin_write_memory_hwaddr(uint64_t addr,
                                                                                         GByteArray *data);
QEMU_PLUGIN_API bool qemu_plugin_translate_vaddr(uint64_t vaddr, uint64_t *hwaddr);

/* Scoreboards: one zeroed entry of element_size bytes per vCPU, at an
 * address that never moves. */
QEMU_PLUGIN_API struct qemu_plugin_scoreboard *qemu_plugin_scoreboard_new(size_t element_size);
QEMU_PLUGIN_API void qemu_plugin_scoreboard_free(struct qemu_plugin_scoreboard *score);
QEMU_PLUGIN_API void *qemu_plugin_scoreboard_find(struct qemu_plugin_scoreboard *score, unsigned int vcpu_index);

#define qemu_plugin_scoreboard_u64(score) ((qemu_plugin_u64){score, 0})
#define qemu_plugin_scoreboard_u64_in_struct(score, type, member) ((qemu_plugin_u64){score, offsetof(type, member)})

QEMU_PLUGIN_API void qemu_plugin_u64_add(qemu_plugin_u64 entry, unsigned int vcpu_index, uint64_t added);
QEMU_PLUGIN_API uint64_t qemu_plugin_u64_get(qemu_plugin_u64 entry, unsigned int vcpu_index);
QEMU_PLUGIN_API void qemu_plugin_u64_set(qemu_plugin_u64 entry, unsigned int vcpu_index, uint64_t val);
/* The sum over every vCPU's entry. */
QEMU_PLUGIN_API uint64_t qemu_plugin_u64_sum(qemu_plugin_u64 entry);

#ifdef __cplusplus
}
#endif

#endif
