#!/bin/sh
# The benchmark workloads as a correctness test: at their small BENCH_QUICK
# sizes, every workload must print under emu, at every tier emu accepts,
# exactly what its native build prints. Times are printed, never asserted.
# Needs $EMU (the build sets it), riscv64-linux-gnu-gcc ($RISCV64_CC) and python3.
here=$(cd "$(dirname "$0")" && pwd)
: "${EMU:?set EMU to the emu binary}"
if ! command -v "${RISCV64_CC:-riscv64-linux-gnu-gcc}" >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
    echo "smoke-test: no riscv64 cross compiler or no python3: skipped"
    exit 77
fi
exec python3 "$here/run" --quick --no-qemu --tiers "interp tier1 jit" --emu "$EMU" --out "${BENCH_OUT:-bench/smoke-out}"
