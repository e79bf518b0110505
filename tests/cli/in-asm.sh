#!/bin/sh
# -d in_asm -D FILE writes the disassembly of the guest code it translates
# to FILE; a hello program makes system calls, so an ecall is among them.
. "$(dirname "$0")/common.sh.inc"

build_hello
"$EMU" -d in_asm -D "$scratch/log" "$scratch/hello" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu -d in_asm -D FILE hello"
test "$(cat "$scratch/out")" = hello || fail "stdout is not 'hello'"
test -s "$scratch/log" || fail "the -D file is empty"
expect_in "$scratch/log" "(^|[[:space:]])ecall([[:space:]]|$)" "in_asm log"
exit 0
