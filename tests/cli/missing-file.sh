#!/bin/sh
# A program that does not exist: exit status 1 and one line on stderr naming
# the path.
. "$(dirname "$0")/common.sh.inc"

"$EMU" /nonexistent/program >"$scratch/out" 2>"$scratch/err"
expect_status 1 $? "emu /nonexistent/program"
expect_in "$scratch/err" "/nonexistent/program" "stderr"
lines=$(wc -l <"$scratch/err")
test "$lines" -eq 1 || fail "stderr has $lines lines, expected 1"
test ! -s "$scratch/out" || fail "stdout is not empty"
exit 0
