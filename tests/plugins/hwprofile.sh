#!/bin/sh
# hwprofile profiles device accesses, which only system emulation has: in
# user mode (all emu has today) it refuses to install with a clear
# message, and emu exits non-zero before the program runs, on every tier;
# bad arguments are refused with their own message first.
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
so=$(plugin_path hwprofile)

for args in "" ",track=read" ",track=write,pattern=on" ",source=on"; do
	for tier in $tiers; do
		if run_plugin "$tier" "$so$args" "$scratch/loop"; then
			fail "tier $tier: hwprofile$args installed in user mode"
		fi
		grep -q "^hwprofile: profiles device accesses, which only system emulation has; emu runs this program in user mode\$" \
			"$scratch/stderr.$tier" || {
			cat "$scratch/stderr.$tier" >&2
			fail "tier $tier: hwprofile$args: no clear message"
		}
		test ! -s "$scratch/stdout.$tier" || fail "tier $tier: the program ran"
	done
done

for bad in track=both pattern=maybe verbose; do
	if "$EMU" --plugin "$so,$bad" "$scratch/loop" >/dev/null 2>"$scratch/err"; then
		fail "hwprofile accepted '$bad'"
	fi
	grep -q "^hwprofile: bad argument '$bad'" "$scratch/err" || fail "hwprofile,$bad: no clear message"
done
"$EMU" --plugin "$so,pattern=on,source=on" "$scratch/loop" >/dev/null 2>"$scratch/err" &&
	fail "hwprofile accepted pattern with source"
grep -q "^hwprofile: pattern and source cannot be used together\$" "$scratch/err" ||
	fail "hwprofile,pattern=on,source=on: no clear message"
exit 0
