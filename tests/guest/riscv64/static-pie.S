# A position-independent static program (ET_DYN, no interpreter): the
# loader must place it at a base and start it there.  It prints a line and
# exits with 1 when it runs above the first 4 GiB, as Linux places it.
    .text
    .globl _start
_start:
    li a0, 1
    lla a1, message
    li a2, 18
    li a7, 64
    ecall
    auipc a0, 0          # print whether we run above the first 4 GiB
    srli a0, a0, 32
    snez a0, a0
    li a7, 93
    ecall
    .section .rodata
message: .ascii "hello from a PIE\n\n"
