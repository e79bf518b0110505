/* Shared by the files that implement the plugin API (core/plugin-*.c): the
 * loaded plugins, the callbacks they registered per event, the vCPU a
 * callback runs for, and the translation being instrumented. */
#ifndef EMU_CORE_PLUGIN_INTERNAL_H
#define EMU_CORE_PLUGIN_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "plugin.h"

struct block;
struct cpu;

struct plugin_context {
    qemu_plugin_id_t id;
    void *handle;
    const char *path;
    int argc;
    char **argv;
    int version;
    bool removed;        /* uninstalled: its callbacks are gone */
    uint32_t generation; /* counts resets and uninstalls: older operations are dead */
};

enum plugin_event {
    PLUGIN_EV_VCPU_INIT,
    PLUGIN_EV_VCPU_EXIT,
    PLUGIN_EV_VCPU_IDLE,
    PLUGIN_EV_VCPU_RESUME,
    PLUGIN_EV_TB_TRANS,
    PLUGIN_EV_SYSCALL,
    PLUGIN_EV_SYSCALL_RET,
    PLUGIN_EV_SYSCALL_FILTER,
    PLUGIN_EV_FLUSH,
    PLUGIN_EV_ATEXIT,
    PLUGIN_EV_DISCON,
    PLUGIN_EV_COUNT
};

/* Fixed-size tables: events are dispatched without a lock while another
 * thread may register, so entries never move. */
#define PLUGIN_MAX_CALLBACKS 64
#define PLUGIN_MAX_PLUGINS 32
#define PLUGIN_MAX_VCPUS 4096

struct plugin_callback {
    struct plugin_context *owner;
    void (*fn)(void);
    void *userdata;
    int discon_types; /* PLUGIN_EV_DISCON: enum qemu_plugin_discon_type bits */
};

struct plugin_callback_list {
    struct plugin_callback entries[PLUGIN_MAX_CALLBACKS];
    int count;
};

extern struct plugin_callback_list plugin_callbacks[PLUGIN_EV_COUNT];

struct plugin_context *plugin_context_of(qemu_plugin_id_t id);
void plugin_register(qemu_plugin_id_t id, enum plugin_event event, void (*fn)(void), void *userdata,
                     int discon_types);
/* Drops every callback of a plugin and asks every vCPU to drop its
 * translations (which hold the plugin's operations). */
void plugin_drop_callbacks(struct plugin_context *ctx);

/* The vCPU the running callback is for, and what it may do to registers
 * (-1: a callback without flags, which may read and write). */
extern __thread struct cpu *plugin_current_cpu;
extern __thread int plugin_current_flags;
/* What a callback may ask of its vCPU, for the length of the call: enter
 * returns the scope outside, which leave puts back. */
struct callback_scope {
    struct cpu *cpu;
    int flags;
};

static inline struct callback_scope enter_callback(struct cpu *cpu, int flags)
{
    struct callback_scope outer = {plugin_current_cpu, plugin_current_flags};
    plugin_current_cpu = cpu;
    plugin_current_flags = flags;
    return outer;
}

static inline void leave_callback(struct callback_scope outer)
{
    plugin_current_cpu = outer.cpu;
    plugin_current_flags = outer.flags;
}

/* The value of the memory access a callback reports. */
extern __thread qemu_plugin_mem_value plugin_current_mem_value;

/* A translation in progress: the handles given to the translation
 * callback, collecting operations before they are attached to the block. */
struct op_builder {
    struct plugin_op *ops;
    uint32_t count, capacity;
};

struct qemu_plugin_insn {
    struct qemu_plugin_tb *tb;
    uint32_t index;
    struct op_builder exec, mem;
};

struct qemu_plugin_tb {
    struct cpu *cpu;
    struct block *block;
    struct plugin_context *current; /* whose translation callback runs */
    struct op_builder exec;
    struct qemu_plugin_insn *insns;
};

void op_builder_add(struct op_builder *builder, const struct plugin_op *op);

/* The program's extent, for the user-mode queries. */
struct plugin_program_info {
    const char *target_name;
    const char *binary_path;
    uint64_t start_code, end_code, entry_code;
};
extern struct plugin_program_info plugin_program;

/* Reads the main program's code extent and symbols from its ELF file. */
void plugin_program_read(const char *path, uint64_t load_bias);
/* The main program's ELF symbol holding addr (as QEMU finds it), or NULL. */
const char *plugin_symbol_at(uint64_t addr);

#endif
