#!/bin/sh
# The empty plugin loads on every tier, prints nothing and leaves the
# program's output and exit status alone.
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
library=$(plugin_path empty) # not $plugin: run_plugin sets that
# emu need not create an empty -D file: start every tier with one
for tier in $tiers; do : >"$scratch/plugin.$tier"; done
on_every_tier "$library" "$scratch/loop"
for tier in $tiers; do
	test "$(cat "$scratch/stdout.$tier")" = loops || fail "tier $tier: program output changed"
done
test -s "$scratch/plugin.out" && fail "the empty plugin printed something"
exit 0
