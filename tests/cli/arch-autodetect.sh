#!/bin/sh
# Without --arch, emu picks the guest architecture from the ELF header.
. "$(dirname "$0")/common.sh.inc"

build_hello
"$EMU" "$scratch/hello" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu hello"
test "$(cat "$scratch/out")" = hello || fail "stdout is not 'hello'"
test ! -s "$scratch/err" || fail "unexpected stderr: $(cat "$scratch/err")"
exit 0
