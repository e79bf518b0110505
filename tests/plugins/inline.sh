#!/bin/sh
# The inline plugin's self-test passes on every tier: inline adds and
# stores, conditional callbacks and per-vCPU scoreboards agree with plain
# callbacks, on loop.S (exact counts) and on a program with 4 threads
# (5 vCPUs).  The plugin aborts on any disagreement.
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
build_c inline-threads -pthread
library=$(plugin_path inline) # not $plugin: run_plugin sets that
objdump=${cc%gcc}objdump

# loop.S: 1002 blocks, 3011 instructions; its memory instructions, outside
# the loop, run once each
mem=$("$objdump" -d -M no-aliases "$scratch/loop" | awk -F'\t' '$3 ~ /^(s[bhwd]|l[bhwd]u?)$/ { n++ } END { print n + 0 }')
on_every_tier "$library" "$scratch/loop"
out=$scratch/plugin.out
expect_line "$out" "^cpu 0: tb \\(1002, 1002, 10 \\* 100 \\+ 2\\) \\| insn \\(3011, 3011, 30 \\* 100 \\+ 11\\) \\| mem \\($mem, $mem\\)\$" "loop.S per vCPU"
for line in 'tb: 1002' 'tb: 1002 (per vcpu)' 'tb: 1002 (per vcpu inline)' 'tb: 1002 (conditional cb)' \
	'insn: 3011' 'insn: 3011 (per vcpu)' 'insn: 3011 (per vcpu inline)' 'insn: 3011 (cond cb)' \
	"mem: $mem" "mem: $mem (per vcpu)" "mem: $mem (per vcpu inline)"; do
	grep -Fxq "$line" "$out" || { cat "$out" >&2; fail "loop.S: no line '$line'"; }
done

# threads: how much the main thread spins in pthread_join varies from run
# to run, so the tiers are not compared; each run must pass the self-test
for tier in $tiers; do
	run_plugin "$tier" "$library" "$scratch/inline-threads"
	status=$?
	if test $status -ne 0; then
		cat "$scratch/stderr.$tier" "$scratch/plugin.$tier" >&2
		fail "tier $tier: threads: emu exited with $status"
	fi
	out=$scratch/plugin.$tier
	for cpu in 0 1 2 3 4; do
		expect_line "$out" "^cpu $cpu: tb \\(([0-9]+), \\1, " "tier $tier: vCPU $cpu"
	done
	expect_line "$out" '^tb: [1-9][0-9]* \(conditional cb\)$' "tier $tier: threads"
	expect_line "$out" '^insn: [1-9][0-9]* \(cond cb\)$' "tier $tier: threads"
	expect_line "$out" '^mem: [1-9][0-9]* \(per vcpu inline\)$' "tier $tier: threads"
	test "$(cat "$scratch/stdout.$tier")" = 110550000 || fail "tier $tier: threads computed $(cat "$scratch/stdout.$tier")"
done
exit 0
