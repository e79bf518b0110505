#!/bin/sh
# ips throttles without changing what the program does: loop.S prints
# its line and exits 0 on every tier, with the default pace and with one
# slow enough to sleep about thirty times (3011 instructions at 30000 per
# second, checked every 100); the plugin logs nothing; it accepts ips=
# and ipq= and refuses anything else.  (No timing is measured.)
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
so=$(plugin_path ips)

for args in "" ",ips=30000,ipq=100" ",ipq=1000" ",ips=100000000"; do
	on_every_tier "$so$args" "$scratch/loop"
	for tier in $tiers; do
		test "$(cat "$scratch/stdout.$tier")" = loops || fail "ips$args, tier $tier: the program's output is wrong"
	done
	test ! -s "$scratch/plugin.out" || fail "ips$args logged something"
done

for bad in ips=0 ips=fast ipq=0 ipq=-5 ips=10k speed=1; do
	if "$EMU" --plugin "$so,$bad" "$scratch/loop" >/dev/null 2>"$scratch/err"; then
		fail "ips accepted '$bad'"
	fi
	grep -q "ips: bad argument '$bad'" "$scratch/err" || fail "ips,$bad: no clear message"
done
exit 0
