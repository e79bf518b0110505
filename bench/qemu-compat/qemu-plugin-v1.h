/* Builds emu's bundled plugins (written against the API version 6 of
 * tools/plugins/qemu-plugin.h) as plugins for a QEMU whose plugin API is
 * version 1, such as qemu-riscv64 7.2, so that the benchmark can run the
 * same plugin source under both emulators.  Force-included into a plugin
 * source (-include), with qemu-plugin-v1.c compiled into the same .so:
 *
 *   cc -shared -fPIC -fvisibility=hidden -include bench/qemu-compat/qemu-plugin-v1.h
 *      -I tools/plugins $(pkg-config --cflags glib-2.0) -o libNAME.so
 *      tools/plugins/NAME.c bench/qemu-compat/qemu-plugin-v1.c $(pkg-config --libs glib-2.0)
 *
 * The plugin keeps emu's header and its v6 calls.  The calls QEMU 7.2 does
 * not export are implemented inside the plugin (qemu-plugin-v1.c) on top of
 * the version-1 calls it does export; the others go straight to QEMU, whose
 * version-1 signatures for them are the same.  The plugin announces
 * version 1.
 *
 * Implemented, and their limits (enough for tools/plugins/empty.c, insn.c
 * and cache.c, nothing more):
 * - scoreboards: one fixed array of COMPAT_MAX_VCPUS entries, never
 *   reallocated (a v1 inline operation holds a plain pointer into it);
 *   a vCPU index past it aborts the run.
 * - qemu_plugin_u64_add/get/set/sum: on those arrays, as in v6.
 * - qemu_plugin_num_vcpus: QEMU's qemu_plugin_n_vcpus in system mode; in
 *   user mode, where that is -1, one more than the highest vCPU index
 *   QEMU's vCPU-init callbacks have reported (at least 1).
 * - qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu: an addition while
 *   only vCPU 0 has started becomes QEMU's v1 inline addition into vCPU 0's
 *   entry, so an inline counter stays inline; a store, or any operation
 *   translated once a second vCPU has started, becomes a callback on the
 *   running vCPU's entry.  Blocks translated before a second thread
 *   started would count every thread into vCPU 0's entry, but QEMU 7.2's
 *   user mode drops all its translations when a guest's first thread
 *   starts (to retranslate them for parallel execution), so the split
 *   between vCPUs comes out right there too.
 * - qemu_plugin_install is wrapped (the plugin's own is renamed) to
 *   register the vCPU-init callback the vCPU count needs.
 * Not provided: the tb and memory *_per_vcpu inline calls, conditional
 * callbacks, qemu_plugin_insn_data (v1 returns a pointer), registers,
 * memory access, time control and every call added after version 1. */
#ifndef BENCH_QEMU_PLUGIN_V1_H
#define BENCH_QEMU_PLUGIN_V1_H

/* The plugin's install function; qemu-plugin-v1.c exports the real one. */
#define qemu_plugin_install qemu_plugin_install_v6

#include "qemu-plugin.h"

#undef QEMU_PLUGIN_VERSION
#define QEMU_PLUGIN_VERSION 1

#define COMPAT_MAX_VCPUS 256

/* Version-1 calls QEMU 7.2 exports that emu's header no longer declares. */
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn, enum qemu_plugin_op op, void *ptr,
                                                uint64_t imm);
int qemu_plugin_n_vcpus(void);

#endif
