#!/bin/sh
# The hotblocks plugin finds loop.S's 4 blocks on every tier, inline and by
# callback: the loop (3 instructions) run 999 times after its first run in
# the block from _start, the others once; limit= cuts the list.
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
library=$(plugin_path hotblocks) # not $plugin: run_plugin sets that
nm=${cc%gcc}nm
objdump=${cc%gcc}objdump

# the blocks' addresses: _start and loop from the symbol table; the write
# starts after the loop's 3 instructions, the exit after the first ecall
start=$("$nm" "$scratch/loop" | awk '$3 == "_start" { print $1 }')
loop=$("$nm" "$scratch/loop" | awk '$3 == "loop" { print $1 }')
ecall=$("$objdump" -d "$scratch/loop" | awk -F'\t' '$3 == "ecall" { sub(/:$/, "", $1); sub(/^ */, "", $1); print $1; exit }')
if test -z "$start" || test -z "$loop" || test -z "$ecall"; then fail "cannot find loop.S's addresses"; fi
write=$(printf '%x' $((0x$loop + 12)))
exit_block=$(printf '%x' $((0x$ecall + 4)))
write_insns=$(((0x$exit_block - 0x$write) / 4))
start_insns=$(((0x$loop - 0x$start) / 4 + 3))
row() { printf '0x%014x, 1, %d, %d\n' "0x$1" "$2" "$3"; }
{
	echo "collected 4 entries in the hash table"
	echo "pc, tcount, icount, ecount"
	row "$loop" 3 999
	row "$start" "$start_insns" 1
	row "$write" "$write_insns" 1
	row "$exit_block" 3 1
} >"$scratch/want"

for mode in off on; do
	on_every_tier "$library,inline=$mode" "$scratch/loop"
	cmp -s "$scratch/want" "$scratch/plugin.out" || { diff "$scratch/want" "$scratch/plugin.out" >&2; fail "inline=$mode"; }
done

on_every_tier "$library,limit=2" "$scratch/loop"
head -n 4 "$scratch/want" >"$scratch/want.2"
cmp -s "$scratch/want.2" "$scratch/plugin.out" || { diff "$scratch/want.2" "$scratch/plugin.out" >&2; fail "limit=2"; }
exit 0
