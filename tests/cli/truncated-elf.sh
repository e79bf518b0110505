#!/bin/sh
# An ELF file cut short (the first 100 bytes of a real riscv64 program: the
# header survives, the program headers do not): exit status 1, "truncated"
# on stderr.
. "$(dirname "$0")/common.sh.inc"

build_hello
head -c 100 "$scratch/hello" >"$scratch/truncated"
chmod +x "$scratch/truncated"
"$EMU" "$scratch/truncated" >"$scratch/out" 2>"$scratch/err"
expect_status 1 $? "emu on a truncated ELF"
expect_in "$scratch/err" "truncated" "stderr"
exit 0
