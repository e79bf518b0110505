/*
 * The bundled demo, examples/riscv64/mandelbrot.c, as a test: a long run of
 * double-precision multiply-add loops (contracted to fmadd/fmsub by the
 * compiler) whose picture and iteration checksum must come out exactly.
 */
#include "../../../examples/riscv64/mandelbrot.c"
