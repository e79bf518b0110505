/* The riscv64 rt_sigframe (signal-frame.c), behind struct linux_user_abi. */
#ifndef EMU_RISCV64_SIGNAL_FRAME_H
#define EMU_RISCV64_SIGNAL_FRAME_H

#include <stdbool.h>
#include <stdint.h>

struct cpu;
struct guest_stack;
struct signal_frame_args;

bool riscv64_setup_signal_frame(struct cpu *cpu, const struct signal_frame_args *args);
bool riscv64_restore_signal_frame(struct cpu *cpu, uint64_t *mask, struct guest_stack *altstack);

#endif
