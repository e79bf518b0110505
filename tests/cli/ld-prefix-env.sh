#!/bin/sh
# A dynamically linked program finds its interpreter and libraries in the
# sysroot given by EMU_LD_PREFIX as well as by -L; without either, emu says
# which interpreter it could not find.
. "$(dirname "$0")/common.sh.inc"

build_hello
sysroot=${RISCV64_SYSROOT:-/usr/riscv64-linux-gnu}
# shellcheck disable=SC2086 # word-splitting of cc is intended
$cc -O2 -o "$scratch/hello-dynamic" "$scratch/hello.c" || fail "cannot compile the dynamic hello"

EMU_LD_PREFIX=$sysroot "$EMU" "$scratch/hello-dynamic" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "EMU_LD_PREFIX=... emu hello-dynamic"
test "$(cat "$scratch/out")" = hello || fail "stdout is not 'hello'"

"$EMU" -L "$sysroot" "$scratch/hello-dynamic" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu -L ... hello-dynamic"
test "$(cat "$scratch/out")" = hello || fail "stdout is not 'hello' with -L"

env -u EMU_LD_PREFIX "$EMU" -L /nonexistent-sysroot "$scratch/hello-dynamic" >"$scratch/out" 2>"$scratch/err"
expect_status 1 $? "emu -L /nonexistent-sysroot hello-dynamic"
expect_in "$scratch/err" "could not find the interpreter '/lib/ld-linux-riscv64-lp64d.so.1' in /nonexistent-sysroot" \
	"missing interpreter message"
exit 0
