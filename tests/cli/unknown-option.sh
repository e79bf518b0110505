#!/bin/sh
# An unknown option: exit status 1, and stderr names the option.
. "$(dirname "$0")/common.sh.inc"

"$EMU" --bogus x >"$scratch/out" 2>"$scratch/err"
expect_status 1 $? "emu --bogus x"
expect_in "$scratch/err" "--bogus" "stderr"
exit 0
