#!/bin/sh
# Differential test of the F/D helpers against qemu-riscv64: random and
# special operands for every operation in every rounding mode.  Exits 0 when
# every result and every fflags value agree, 77 (skip) when qemu-riscv64 or
# the riscv64 cross compiler is missing.  CASES sets the cases per operation
# and rounding mode (default 20000), SEED the random seed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
cross=${CROSS_CC:-riscv64-linux-gnu-gcc}
command -v qemu-riscv64 >/dev/null 2>&1 || { echo "skip: qemu-riscv64 not found"; exit 77; }
command -v "$cross" >/dev/null 2>&1 || { echo "skip: $cross not found"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
"$cross" -static -O2 -Wall -Wextra "$here/oracle.c" -o "$work/oracle"
${CC:-gcc} -O2 -Wall -Wextra -I "$root/isa-specs/riscv64" "$here/check.c" \
    "$root"/isa-specs/riscv64/fp-*.c -lm -o "$work/check"
"$work/check" generate "${CASES:-20000}" ${SEED:-} >"$work/cases.bin"
qemu-riscv64 "$work/oracle" <"$work/cases.bin" >"$work/answers.bin"
"$work/check" compare "$work/cases.bin" "$work/answers.bin"
