/* The aarch64 Linux user ABI pieces that live beside the ISA spec: the
 * kernel's rt_sigframe (with its FPSIMD record), the rt_sigreturn
 * trampoline and /proc/cpuinfo.  linux-user-abi.c ties them into the
 * arch's struct linux_user_abi.
 *
 * Register state is the generated struct (aarch64-state.h, from
 * machine.isa): general registers R[0..30], SP, N/Z/C/V, tpidr_el0, the
 * SIMD&FP registers V[0..31] (128 bits each) and fpcr/fpsr. */
#ifndef EMU_AARCH64_LINUX_H
#define EMU_AARCH64_LINUX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct cpu;
struct guest_stack;
struct signal_frame_args;

bool aarch64_setup_signal_frame(struct cpu *cpu, const struct signal_frame_args *frame);
bool aarch64_restore_signal_frame(struct cpu *cpu, uint64_t *mask, struct guest_stack *altstack);
extern const uint8_t aarch64_sigreturn_code[];
extern const size_t aarch64_sigreturn_code_size;
void aarch64_write_cpuinfo(FILE *out, unsigned processor_count);

#endif
