#!/bin/sh
# lockstep: two emu instances, each on a different tier, run loop.S in
# step and agree; two runs of lockstep-argc.S with different argument
# counts diverge at its known point, 14 instructions and 6 blocks in, and
# both report it and exit with status 1.
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
build_asm lockstep-argc
so=$(plugin_path lockstep)
# shellcheck disable=SC2086
nm=$($cc -print-prog-name=nm)
symbol() { printf '0x%x' $((0x$("$nm" "$scratch/lockstep-argc" | awk -v n="$1" '$3 == n { print $1 }'))); }
# a stuck pair (one side failing to start) must not hang the test suite
guard=
command -v timeout >/dev/null 2>&1 && guard="timeout 120"

# pair TIER-A TIER-B PROGRAM-A-ARGS -- PROGRAM-B-ARGS: runs both at once
# with the plugin on one socket; statuses in $status_a, $status_b, logs
# in $scratch/a.log, $scratch/b.log
pair() {
	tier_a=$1 tier_b=$2
	shift 2
	args_a=
	while test "$1" != --; do args_a="$args_a $1"; shift; done
	shift
	rm -f "$scratch/a.log" "$scratch/b.log"
	# shellcheck disable=SC2086
	$guard "$EMU" --tier="$tier_a" --plugin "$so,sockpath=$scratch/sock" -d plugin -D "$scratch/a.log" $args_a \
		>"$scratch/a.out" 2>"$scratch/a.err" &
	pid_a=$!
	# shellcheck disable=SC2086
	$guard "$EMU" --tier="$tier_b" --plugin "$so,sockpath=$scratch/sock" -d plugin -D "$scratch/b.log" "$@" \
		>"$scratch/b.out" 2>"$scratch/b.err"
	status_b=$?
	wait $pid_a
	status_a=$?
	touch "$scratch/a.log" "$scratch/b.log"
}

first_tier=${tiers%% *}
for tier in $tiers; do
	pair "$first_tier" "$tier" "$scratch/loop" -- "$scratch/loop"
	for side in a b; do
		eval "status=\$status_$side"
		test "$status" -eq 0 || {
			cat "$scratch/$side.err" "$scratch/$side.log" >&2
			fail "$first_tier against $tier: side $side exited with $status"
		}
		test "$(cat "$scratch/$side.out")" = loops || fail "$first_tier against $tier: side $side printed the wrong thing"
		test ! -s "$scratch/$side.log" || {
			cat "$scratch/$side.log" >&2
			fail "$first_tier against $tier: side $side reported something"
		}
	done
done

one=$(symbol one)
more=$(symbol more)
last_tier=${tiers##* }
pair "$first_tier" "$last_tier" "$scratch/lockstep-argc" -- "$scratch/lockstep-argc" extra
test "$status_a" -eq 1 && test "$status_b" -eq 1 ||
	fail "diverging runs exited with $status_a and $status_b, not 1 and 1"
test "$(head -n 1 "$scratch/a.log")" = "lockstep: divergence after 14 instructions (6 blocks): here $one, other $more" || {
	cat "$scratch/a.log" >&2
	fail "side a: wrong report"
}
test "$(head -n 1 "$scratch/b.log")" = "lockstep: divergence after 14 instructions (6 blocks): here $more, other $one" || {
	cat "$scratch/b.log" >&2
	fail "side b: wrong report"
}
# the six blocks both ran, most recent first: the test, the loop 4 times, _start
test "$(grep -c '^  previously @ ' "$scratch/a.log")" -eq 6 || fail "side a: not six earlier blocks"
grep -q "^  previously @ $(symbol _start)/4 (0 insns)\$" "$scratch/a.log" || fail "side a: _start is not the first block"
test ! -e "$scratch/sock" || fail "the socket file was left behind"

for bad in "" ",sockpath=" ",socket=$scratch/x"; do
	if "$EMU" --plugin "$so$bad" "$scratch/loop" >/dev/null 2>&1; then
		fail "lockstep accepted '$bad'"
	fi
done
exit 0
