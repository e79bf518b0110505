#!/bin/sh
# On aarch64, plugins read sp and cpsr (NZCV in bits 31..28, as GDB shows
# it) by name: execlog,reg=sp and reg=cpsr log the changes that
# guests/aarch64-registers.S makes, on every tier, with the disassembly.
. "$(dirname "$0")/lib.sh.inc"

cc=${AARCH64_CC:-aarch64-linux-gnu-gcc}
build_asm aarch64-registers
prog=$scratch/aarch64-registers
so=$(plugin_path execlog)

# change TEXT: the changes logged on the line of the instruction TEXT
change() {
	grep -F "\"$1\"" "$scratch/plugin.out" | sed 's/^[^"]*"[^"]*"//'
}
# expect_change TEXT CHANGES WHAT
expect_change() {
	test "$(change "$1")" = "$2" || {
		cat "$scratch/plugin.out" >&2
		fail "$3: '$1' logs '$(change "$1")', expected '$2'"
	}
}

on_every_tier "$so,reg=cpsr" "$prog"
expect_change "cmp x1, x1" ", cpsr -> 0x60000000" "cmp sets Z and C"
expect_change "cmp x1, x2" ", cpsr -> 0x80000000" "cmp sets N"
expect_change "adds x3, x2, x4" ", cpsr -> 0x90000000" "adds sets N and V"
expect_change "cmn x1, #0x0" ", cpsr -> 0x00000000" "cmn clears NZCV"
expect_change "sub sp, sp, #0x20" "" "sub sp leaves cpsr"
test "$(grep -c 'cpsr ->' "$scratch/plugin.out")" -eq 4 || fail "reg=cpsr: not four changes"

on_every_tier "$so,reg=sp" "$prog"
lowered=$(change "sub sp, sp, #0x20" | sed -n 's/^, sp -> //p')
restored=$(change "add sp, sp, #0x20" | sed -n 's/^, sp -> //p')
test -n "$lowered" && test -n "$restored" || { cat "$scratch/plugin.out" >&2; fail "reg=sp: sub and add sp log no change"; }
test $((restored - lowered)) -eq 32 || fail "reg=sp: $lowered + 32 is not $restored"
expect_change "cmp x1, x1" "" "cmp leaves sp"
exit 0
