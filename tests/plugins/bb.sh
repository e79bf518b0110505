#!/bin/sh
# The bb plugin counts loop.S's 1002 block executions and 3011 instructions
# exactly, inline and by callback, on every tier; idle=on reports the counts
# when the program sleeps.
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
build_asm bb-idle
library=$(plugin_path bb) # not $plugin: run_plugin sets that

for mode in off on; do
	on_every_tier "$library,inline=$mode" "$scratch/loop"
	expect_line "$scratch/plugin.out" "^CPU0: bb's: 1002, insns: 3011\$" "inline=$mode"
	expect_line "$scratch/plugin.out" "^Total: bb's: 1002, insns: 3011\$" "inline=$mode"

	on_every_tier "$library,inline=$mode,idle=on" "$scratch/bb-idle"
	expect_line "$scratch/plugin.out" "^Idling CPU0: bb's: 1, insns: 5\$" "idle=on inline=$mode"
	expect_line "$scratch/plugin.out" "^Total: bb's: 2, insns: 8\$" "idle=on inline=$mode"
done
exit 0
