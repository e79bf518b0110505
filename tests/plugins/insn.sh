#!/bin/sh
# The insn plugin counts loop.S's 3011 instructions exactly, inline and by
# callback, on every tier; sizes=on finds them all 4 bytes long; match=addi
# counts the addi executions objdump shows; the count of a static C program
# equals the one tier 0 reports with --stats.
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
library=$(plugin_path insn) # not $plugin: run_plugin sets that

for mode in off on; do
	on_every_tier "$library,inline=$mode" "$scratch/loop"
	expect_line "$scratch/plugin.out" '^cpu 0 insns: 3011$' "inline=$mode"
	expect_line "$scratch/plugin.out" '^total insns: 3011$' "inline=$mode"

	on_every_tier "$library,inline=$mode,sizes=on" "$scratch/loop"
	expect_line "$scratch/plugin.out" '^len 4 bytes: 3011 insns$' "sizes=on inline=$mode"
	test "$(grep -c '^len ' "$scratch/plugin.out")" -eq 1 || fail "sizes=on: a length other than 4"
done

# addi executions from the disassembly (no aliases: li and la show as what
# they assemble to; la may be auipc+addi or auipc+ld): the loop body's run
# 1000 times, the others once
objdump=${cc%gcc}objdump
addis=$("$objdump" -d -M no-aliases "$scratch/loop" | awk '
	/^[0-9a-f]+ <loop>:/ { in_loop = 1 }
	/\taddi\t/ { n += in_loop ? 1000 : 1 }
	/\tbne\t/ { in_loop = 0 }
	END { print n }')
test -n "$addis" || fail "cannot count addi with $objdump"
for mode in off on; do
	on_every_tier "$library,inline=$mode,match=addi,match=bne" "$scratch/loop"
	expect_line "$scratch/plugin.out" "^Match: addi, hits $addis\$" "match=addi inline=$mode"
	expect_line "$scratch/plugin.out" '^Match: bne, hits 1000$' "match=bne inline=$mode"
	expect_line "$scratch/plugin.out" '^  [0-9a-f]+: bne.* \(hits 1000\)$' "match=bne inline=$mode"
done

# a static C program: the plugin agrees with tier 0's own count
build_c insn-static
on_every_tier "$library,inline=on" "$scratch/insn-static"
plugin_total=$(sed -n 's/^total insns: //p' "$scratch/plugin.out")
# stdout to a file as in run_plugin: libc's start-up work depends on it
"$EMU" --tier=interp --stats "$scratch/insn-static" >"$scratch/stdout.stats" 2>"$scratch/stats" ||
	fail "emu --stats failed"
stats_total=$(sed -n 's/^ *instructions executed *//p' "$scratch/stats")
test -n "$plugin_total" || fail "static program: no total"
test "$plugin_total" = "$stats_total" ||
	fail "static program: plugin counted '$plugin_total', --stats '$stats_total'"
exit 0
