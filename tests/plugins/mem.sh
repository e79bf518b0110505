#!/bin/sh
# The mem plugin counts mem-access.S's 8 loads and 8 stores exactly, inline
# and by callback, loads or stores alone with track=, on every tier; with
# print-accesses=on it prints each access's address, size, kind and value
# as the program makes it.
. "$(dirname "$0")/lib.sh.inc"

build_asm mem-access
build_asm loop
library=$(plugin_path mem) # not $plugin: run_plugin sets that
program=$scratch/mem-access

for track in rw r w; do
	case $track in rw) n=16 ;; *) n=8 ;; esac
	on_every_tier "$library,inline=on,track=$track" "$program"
	expect_line "$scratch/plugin.out" "^mem accesses: $n\$" "inline=on track=$track"
	on_every_tier "$library,callback=on,track=$track" "$program"
	expect_line "$scratch/plugin.out" "^mem accesses: $n\$" "callback=on track=$track"
done
on_every_tier "$library,inline=on,callback=on,hwaddr=on" "$program"
expect_line "$scratch/plugin.out" '^inline mem accesses: 16$' "inline and callback"
expect_line "$scratch/plugin.out" '^callback mem accesses: 16$' "inline and callback"
expect_line "$scratch/plugin.out" '^io accesses: 0$' "hwaddr=on in user mode"

# print-accesses: the instructions' addresses from the disassembly, the
# buffer's from the symbol table
objdump=${cc%gcc}objdump
nm=${cc%gcc}nm
# shellcheck disable=SC2046 # one address a word
set -- $("$objdump" -d -M no-aliases "$program" |
	awk -F'\t' '$3 ~ /^(s[bhwd]|l[bhwd]|amoadd\.d)$/ { sub(/:$/, "", $1); sub(/^ */, "", $1); print $1 }')
test $# -eq 11 || fail "expected 11 memory instructions in mem-access, found $#"
buf=$("$nm" "$program" | awk '$3 == "buf" { print $1 }')
test -n "$buf" || fail "no symbol buf"
at() { printf '0x%x' $((0x$buf + $1)); }
{
	echo "insn_vaddr,mem_vaddr,mem_hwaddr,access_size,access_type,mem_value"
	echo "0x$1,$(at 0),$(at 0),8,store,0x11"
	echo "0x$2,$(at 2),$(at 2),16,store,0x2233"
	echo "0x$3,$(at 4),$(at 4),32,store,0x44556677"
	echo "0x$4,$(at 8),$(at 8),64,store,0x8899aabbccddeeff"
	echo "0x$5,$(at 0),$(at 0),8,load,0x11"
	echo "0x$6,$(at 2),$(at 2),16,load,0x2233"
	echo "0x$7,$(at 4),$(at 4),32,load,0x44556677"
	echo "0x$8,$(at 8),$(at 8),64,load,0x8899aabbccddeeff"
	echo "0x$9,$(at 16),$(at 16),64,load,0x0000000000000007"
	echo "0x$9,$(at 16),$(at 16),64,store,0x000000000000000c"
	for i in 0 1 2; do
		echo "0x${10},$(at 24),$(at 24),32,load,0x0000000$i"
		echo "0x${11},$(at 24),$(at 24),32,store,0x0000000$((i + 1))"
	done
} >"$scratch/want"
on_every_tier "$library,print-accesses=on" "$program"
# the symbol column (2nd) depends on the program's symbol table: left out
cut -d, -f1,3- "$scratch/plugin.out" >"$scratch/got"
cmp -s "$scratch/want" "$scratch/got" || { diff "$scratch/want" "$scratch/got" >&2; fail "print-accesses=on"; }

# loop.S: its memory instructions, outside the loop, run once each
n=$("$objdump" -d -M no-aliases "$scratch/loop" | awk -F'\t' '$3 ~ /^(s[bhwd]|l[bhwd]u?)$/ { n++ } END { print n + 0 }')
on_every_tier "$library,inline=on" "$scratch/loop"
expect_line "$scratch/plugin.out" "^mem accesses: $n\$" "loop.S"
exit 0
