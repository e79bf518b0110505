#!/bin/sh
# stoptrigger ends loop.S after a known number of instructions or at a
# known address, with the exit status given after the colon; the program
# stops before the instruction that fires the trigger runs.
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
prog=$scratch/loop
so=$(plugin_path stoptrigger)

# _start is the ELF entry point (e_entry: 8 bytes at offset 24)
entry=$((0x$(od -An -tx8 -j24 -N8 "$prog" | tr -d ' ')))
hex() { printf '0x%x' "$1"; }
# instruction 101 is the bnez of the 33rd iteration: _start + 2 + 2 insns
bnez=$(hex $((entry + 16)))
# the write's ecall is instruction 11 of the program text (2 + 3 + 5)
write_ecall=$(hex $((entry + 40)))
# the exit_group ecall, the last of the 3011 instructions
exit_ecall=$(hex $((entry + 52)))

# expect_stop ARGS STATUS STDOUT LOG: on every tier, emu with the plugin
# and ARGS exits with STATUS, prints STDOUT and logs LOG (empty: nothing)
expect_stop() {
	for tier in $tiers; do
		run_plugin "$tier" "$so$1" "$prog"
		status=$?
		test $status -eq "$2" || {
			cat "$scratch/stderr.$tier" >&2
			fail "tier $tier, stoptrigger$1: exit status $status, expected $2"
		}
		test "$(cat "$scratch/stdout.$tier")" = "$3" ||
			fail "tier $tier, stoptrigger$1: stdout '$(cat "$scratch/stdout.$tier")', expected '$3'"
		test "$(cat "$scratch/plugin.$tier")" = "$4" ||
			fail "tier $tier, stoptrigger$1: log '$(cat "$scratch/plugin.$tier")', expected '$4'"
	done
}

expect_stop ",icount=100:3" 3 "" "icount reached at $bnez, exiting"
expect_stop ",icount=100" 0 "" "icount reached at $bnez, exiting"
expect_stop ",icount=3010:5" 5 "loops" "icount reached at $exit_ecall, exiting"
expect_stop ",icount=3011:5" 0 "loops" ""
expect_stop ",addr=$write_ecall:7" 7 "" "$write_ecall reached, exiting"
expect_stop ",addr=$write_ecall" 0 "" "$write_ecall reached, exiting"
# with two triggers the first to fire wins
# instruction 3009 is the li a0, 0 after the write
expect_stop ",addr=$exit_ecall:9,icount=3008:4" 4 "loops" "icount reached at $(hex $((entry + 44))), exiting"
expect_stop ",icount=3011:4,addr=$exit_ecall:9" 9 "loops" "$exit_ecall reached, exiting"

for bad in icount=many icount=-1 addr=0x10:x icount=5:300 stop=1; do
	if "$EMU" --plugin "$so,$bad" "$prog" >/dev/null 2>"$scratch/err"; then
		fail "stoptrigger accepted '$bad'"
	fi
done
exit 0
