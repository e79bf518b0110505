#!/bin/sh
# --stats prints execution statistics on stderr at exit.
. "$(dirname "$0")/common.sh.inc"

build_hello
"$EMU" --stats "$scratch/hello" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu --stats hello"
test "$(cat "$scratch/out")" = hello || fail "stdout is not 'hello'"
expect_in "$scratch/err" "instructions executed" "stderr"
exit 0
