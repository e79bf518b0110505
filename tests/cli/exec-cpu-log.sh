#!/bin/sh
# -d exec logs each block as it runs and -d cpu the registers before it; the
# first block logged is the ELF entry point, and the program still runs.
. "$(dirname "$0")/common.sh.inc"

build_hello
"$EMU" -d exec,cpu -D "$scratch/log" "$scratch/hello" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu -d exec,cpu"
test "$(cat "$scratch/out")" = hello || fail "stdout is not 'hello'"
entry=$(LC_ALL=C od -An -tx8 -j24 -N8 "$scratch/hello" | tr -d ' ')
expect_in "$scratch/log" "^Trace: $entry " "first -d exec line"
expect_in "$scratch/log" "^pc +$entry\$" "-d cpu dump of the entry point"
expect_in "$scratch/log" "^zero 0000000000000000 " "-d cpu register names"
exit 0
