#!/bin/sh
# -d strace logs the guest's system calls: a hello program's log shows its
# write to fd 1 and its exit_group, on stderr (or in the -D file); the
# program's own output is unchanged.
. "$(dirname "$0")/common.sh.inc"

build_hello
"$EMU" -d strace "$scratch/hello" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu -d strace hello"
test "$(cat "$scratch/out")" = hello || fail "stdout is not 'hello'"
expect_in "$scratch/err" "write\(1," "strace log"
expect_in "$scratch/err" "exit_group\(" "strace log"

"$EMU" -d strace -D "$scratch/log" "$scratch/hello" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu -d strace -D FILE hello"
expect_in "$scratch/log" "write\(1," "strace log in the -D file"
expect_in "$scratch/log" "exit_group\(" "strace log in the -D file"
exit 0
