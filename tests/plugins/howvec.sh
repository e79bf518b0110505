#!/bin/sh
# The howvec plugin sorts loop.S's 3011 instructions into classes taken
# from the ISA specs' metadata, inline and by callback, on every tier:
# 1000 conditional branches (bnez), 2 syscalls, the loads la may make, the
# rest integer ALU (addi, auipc); count=branch lists bnez by itself,
# count=!syscall leaves syscalls out, verbose=on lists empty classes too.
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
library=$(plugin_path howvec) # not $plugin: run_plugin sets that
objdump=${cc%gcc}objdump

loads=$("$objdump" -d -M no-aliases "$scratch/loop" | awk -F'\t' '$3 ~ /^l[bhwd]u?$/ { n++ } END { print n + 0 }')
bne=$("$objdump" -d -M no-aliases "$scratch/loop" | awk -F'\t' '$3 == "bne" { gsub(/ /, "", $2); print $2 }')
test -n "$bne" || fail "no bne in loop.S"
alu=$((3011 - 1000 - 2 - loads))
class() { printf 'Class: %-24s\t%s\n' "$1" "$2"; }

{
	echo "Instruction Classes:"
	class "Integer ALU" "($alu hits)"
	test "$loads" -eq 0 || class Load "($loads hits)"
	class "Cond Branch" "(1000 hits)"
	class Syscall "(2 hits)"
} >"$scratch/want"
for mode in off on; do
	on_every_tier "$library,inline=$mode" "$scratch/loop"
	cmp -s "$scratch/want" "$scratch/plugin.out" || { diff "$scratch/want" "$scratch/plugin.out" >&2; fail "inline=$mode"; }
done

on_every_tier "$library,count=branch,count=!syscall" "$scratch/loop"
out=$scratch/plugin.out
grep -Fxq "$(class "Cond Branch" "counted individually")" "$out" || { cat "$out" >&2; fail "count=branch"; }
grep -Fxq "$(class Syscall "not counted")" "$out" || { cat "$out" >&2; fail "count=!syscall"; }
grep -Fxq "Individual Instructions:" "$out" || { cat "$out" >&2; fail "count=branch: no list"; }
expect_line "$out" "^Instr: bne.*	\\(1000 hits\\)	\\(op=0x$bne/Cond Branch\\)\$" "count=branch"

on_every_tier "$library,verbose=on" "$scratch/loop"
grep -Fxq "$(class "Floating point" "(0 hits)")" "$scratch/plugin.out" || { cat "$scratch/plugin.out" >&2; fail "verbose=on"; }
exit 0
