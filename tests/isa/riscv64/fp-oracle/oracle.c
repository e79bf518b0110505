/* Runs under qemu-riscv64: reads struct oracle_case records on stdin, runs
 * each on the (emulated) RISC-V FPU with frm set to the case's rounding mode,
 * and writes the raw result register bits and fflags as struct
 * oracle_answer records on stdout. */
#include <stdint.h>
#include <stdio.h>

#include "ops.h"

/* Each shape loads its operands from integer registers, clears fflags, sets
 * frm, runs the instruction (dynamic rounding mode) and reads the result and
 * fflags back. */
#define RUN_FP2(insn)                                                                    \
    __asm__ volatile("fmv.d.x ft1, %[a]\n fmv.d.x ft2, %[b]\n fsflags zero\n fsrm %[rm]\n" \
                     insn " ft0, ft1, ft2\n frflags %[f]\n fmv.x.d %[r], ft0"            \
                     : [r] "=r"(answer.result), [f] "=r"(answer.fflags)                  \
                     : [a] "r"(c.a), [b] "r"(c.b), [rm] "r"(rm)                          \
                     : "ft0", "ft1", "ft2")
#define RUN_FP2_NO_RM RUN_FP2
#define RUN_FP1(insn)                                                        \
    __asm__ volatile("fmv.d.x ft1, %[a]\n fsflags zero\n fsrm %[rm]\n" insn \
                     " ft0, ft1\n frflags %[f]\n fmv.x.d %[r], ft0"          \
                     : [r] "=r"(answer.result), [f] "=r"(answer.fflags)      \
                     : [a] "r"(c.a), [rm] "r"(rm)                            \
                     : "ft0", "ft1")
#define RUN_FP3(insn)                                                                       \
    __asm__ volatile("fmv.d.x ft1, %[a]\n fmv.d.x ft2, %[b]\n fmv.d.x ft3, %[c]\n"           \
                     "fsflags zero\n fsrm %[rm]\n" insn " ft0, ft1, ft2, ft3\n"             \
                     "frflags %[f]\n fmv.x.d %[r], ft0"                                     \
                     : [r] "=r"(answer.result), [f] "=r"(answer.fflags)                     \
                     : [a] "r"(c.a), [b] "r"(c.b), [c] "r"(c.c), [rm] "r"(rm)               \
                     : "ft0", "ft1", "ft2", "ft3")
#define RUN_INT_FROM_FP2(insn)                                                           \
    __asm__ volatile("fmv.d.x ft1, %[a]\n fmv.d.x ft2, %[b]\n fsflags zero\n fsrm %[rm]\n" \
                     insn " %[r], ft1, ft2\n frflags %[f]"                               \
                     : [r] "=&r"(answer.result), [f] "=r"(answer.fflags)                 \
                     : [a] "r"(c.a), [b] "r"(c.b), [rm] "r"(rm)                          \
                     : "ft1", "ft2")
#define RUN_INT_FROM_FP(insn)                                                              \
    __asm__ volatile("fmv.d.x ft1, %[a]\n fsflags zero\n fsrm %[rm]\n" insn " %[r], ft1\n" \
                     "frflags %[f]"                                                        \
                     : [r] "=&r"(answer.result), [f] "=r"(answer.fflags)                   \
                     : [a] "r"(c.a), [rm] "r"(rm)                                          \
                     : "ft1")
#define RUN_CLASS RUN_INT_FROM_FP
#define RUN_FP_FROM_INT(insn)                                                      \
    __asm__ volatile("fsflags zero\n fsrm %[rm]\n" insn " ft0, %[a]\n frflags %[f]\n" \
                     "fmv.x.d %[r], ft0"                                           \
                     : [r] "=r"(answer.result), [f] "=r"(answer.fflags)            \
                     : [a] "r"(c.a), [rm] "r"(rm)                                  \
                     : "ft0")

enum {
#define NAME(name, shape, insn) OP_##name,
    FP_ORACLE_OPS(NAME)
#undef NAME
};

int main(void)
{
    struct oracle_case c;
    while (fread(&c, sizeof c, 1, stdin) == 1) {
        struct oracle_answer answer = { 0, 0 };
        uint64_t rm = c.rm;
        switch (c.op) {
#define CASE(name, shape, insn) \
    case OP_##name: RUN_##shape(insn); break;
            FP_ORACLE_OPS(CASE)
#undef CASE
        }
        fwrite(&answer, sizeof answer, 1, stdout);
    }
    return 0;
}
