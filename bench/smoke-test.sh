#!/bin/sh
# The benchmark workloads as a correctness test: at their small BENCH_QUICK
# sizes, every workload must print under emu, at every tier emu accepts,
# exactly what its native build prints. Then the plugin runs (--plugins) on
# one workload, about 20 s: with each bundled plugin of the table, on every
# tier, it must still print what native prints, and the insn plugin must
# count the same instructions inline and by callback on every tier.
# Times are printed, never asserted.
# Needs $EMU (the build sets it), riscv64-linux-gnu-gcc ($RISCV64_CC) and python3.
here=$(cd "$(dirname "$0")" && pwd)
: "${EMU:?set EMU to the emu binary}"
if ! command -v "${RISCV64_CC:-riscv64-linux-gnu-gcc}" >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
    echo "smoke-test: no riscv64 cross compiler or no python3: skipped"
    exit 77
fi
out=${BENCH_OUT:-bench/smoke-out}
python3 "$here/run" --quick --no-qemu --tiers "interp tier1 jit" --emu "$EMU" --out "$out" || exit $?
if ! test -f "$(dirname "$EMU")/tools/plugins/libinsn.so"; then
    echo "smoke-test: emu's plugins are not built next to $EMU: the plugin runs skipped"
    exit 0
fi
exec python3 "$here/run" --quick --no-qemu --plugins --only hash --tiers "interp tier1 jit" --emu "$EMU" --out "$out"
