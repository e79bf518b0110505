/* The plugin API's access to the running vCPU: registers by name, guest
 * memory by virtual address, and moving the pc. */
#include <glib.h>
#include <setjmp.h>
#include <string.h>

#include "arch.h"
#include "code-pages.h"
#include "cpu.h"
#include "guest-memory.h"
#include "host-fault.h"
#include "plugin-internal.h"

extern __thread sigjmp_buf *plugin_syscall_resume;

/* Handles are register numbers plus one, so none is NULL. */
static const struct arch_register *register_of(struct qemu_plugin_register *handle)
{
    struct cpu *cpu = plugin_current_cpu;
    uintptr_t index = (uintptr_t)handle;
    if (!cpu || index == 0 || index > cpu->arch->register_count)
        return NULL;
    return &cpu->arch->registers[index - 1];
}

GArray *qemu_plugin_get_registers(void)
{
    GArray *regs = g_array_new(false, false, sizeof(qemu_plugin_reg_descriptor));
    struct cpu *cpu = plugin_current_cpu;
    if (!cpu)
        return regs;
    for (unsigned i = 0; i < cpu->arch->register_count; i++) {
        qemu_plugin_reg_descriptor d = {
            .handle = (struct qemu_plugin_register *)(uintptr_t)(i + 1),
            .name = cpu->arch->registers[i].name,
            .feature = NULL,
        };
        g_array_append_val(regs, d);
    }
    return regs;
}

bool qemu_plugin_read_register(struct qemu_plugin_register *handle, GByteArray *buf)
{
    const struct arch_register *reg = register_of(handle);
    if (!reg || plugin_current_flags == QEMU_PLUGIN_CB_NO_REGS)
        return false;
    /* registers are kept in the host's byte order, little-endian like the guests */
    if (reg->read) {
        uint64_t value = reg->read(plugin_current_cpu);
        g_byte_array_append(buf, (const guint8 *)&value, reg->size);
    } else {
        g_byte_array_append(buf, (const guint8 *)plugin_current_cpu + reg->offset, reg->size);
    }
    return true;
}

bool qemu_plugin_write_register(struct qemu_plugin_register *handle, GByteArray *buf)
{
    const struct arch_register *reg = register_of(handle);
    bool may_write = plugin_current_flags == -1 || plugin_current_flags == QEMU_PLUGIN_CB_RW_REGS ||
                     plugin_current_flags == QEMU_PLUGIN_CB_RW_REGS_PC;
    if (!reg || reg->read_only || reg->read || !may_write || buf->len < reg->size)
        return false;
    memcpy((uint8_t *)plugin_current_cpu + reg->offset, buf->data, reg->size);
    return true;
}

void qemu_plugin_set_pc(uint64_t vaddr)
{
    struct cpu *cpu = plugin_current_cpu;
    if (!cpu || (plugin_current_flags != -1 && plugin_current_flags != QEMU_PLUGIN_CB_RW_REGS_PC))
        return;
    cpu->pc = vaddr;
    if (plugin_syscall_resume)
        siglongjmp(*plugin_syscall_resume, 1);
    /* inside guest code: the instructions before this one have retired */
    cpu->icount = cpu->synced_icount;
    cpu->exception.kind = EXC_NONE;
    host_fault_resume_guest();
}

bool qemu_plugin_read_memory_vaddr(uint64_t addr, GByteArray *data, size_t len)
{
    if (len == 0)
        return false;
    guint old = data->len;
    g_byte_array_set_size(data, old + (guint)len);
    if (copy_from_guest(data->data + old, addr, len) != 0) {
        g_byte_array_set_size(data, old);
        return false;
    }
    return true;
}

bool qemu_plugin_write_memory_vaddr(uint64_t addr, GByteArray *data)
{
    if (data->len == 0)
        return false;
    if (code_pages_prepare_write(addr, data->len))
        host_fault_note_code_write();
    return copy_to_guest(addr, data->data, data->len) == 0;
}

/* user mode has no physical addresses */
enum qemu_plugin_hwaddr_operation_result qemu_plugin_read_memory_hwaddr(uint64_t addr, GByteArray *data, size_t len)
{
    (void)addr;
    (void)data;
    (void)len;
    return QEMU_PLUGIN_HWADDR_OPERATION_INVALID_ADDRESS_SPACE;
}

enum qemu_plugin_hwaddr_operation_result qemu_plugin_write_memory_hwaddr(uint64_t addr, GByteArray *data)
{
    (void)addr;
    (void)data;
    return QEMU_PLUGIN_HWADDR_OPERATION_INVALID_ADDRESS_SPACE;
}

bool qemu_plugin_translate_vaddr(uint64_t vaddr, uint64_t *hwaddr)
{
    (void)vaddr;
    (void)hwaddr;
    return false;
}
