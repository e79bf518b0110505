#!/bin/sh
# bbv writes loop.S's basic-block vectors: its four blocks (see loop.S)
# get ids 1-4 in the order they first run, and each interval lists the
# instructions each block ran, closing at the block that reaches it.
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
so=$(plugin_path bbv)

# expect_vectors INTERVAL: on every tier, loop.S's vectors for INTERVAL
# equal the text on stdin
expect_vectors() {
	cat >"$scratch/expected"
	for tier in $tiers; do
		out=$scratch/vectors.$tier
		run_plugin "$tier" "$so,interval=$1,outfile=$out" "$scratch/loop" ||
			fail "tier $tier: emu exited with $?"
		test "$(cat "$scratch/stdout.$tier")" = loops || fail "tier $tier: the program's output is wrong"
		test -f "$out.0.bb" || fail "tier $tier: no $out.0.bb"
		cmp -s "$scratch/expected" "$out.0.bb" || {
			diff "$scratch/expected" "$out.0.bb" >&2
			fail "tier $tier, interval=$1: wrong vectors"
		}
	done
}

# 1000: _start's 5 and 332 loops reach 1001, carrying 1; 333 more reach
# 1000; the last 334 reach 1002; the write and exit blocks leave 11 over
expect_vectors 1000 <<'VECTORS'
T:1:5 :2:996 
T:2:999 
T:2:1002 
VECTORS

# 1505: 5 + 500 loops is exactly 1505; the other 499 loops, the write (6)
# and the exit (3) make 1506, closing the second interval at the exit
expect_vectors 1505 <<'VECTORS'
T:1:5 :2:1500 
T:2:1497 :3:6 :4:3 
VECTORS

# longer than the program: no complete interval, an empty file
expect_vectors 5000 </dev/null

for bad in interval=0 interval=-5 interval=ten size=5; do
	if "$EMU" --plugin "$so,$bad,outfile=$scratch/bad" "$scratch/loop" >/dev/null 2>&1; then
		fail "bbv accepted '$bad'"
	fi
done
exit 0
