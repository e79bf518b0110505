#!/bin/sh
# execlog logs each instruction of execlog-ops.S as
#   VCPU, 0xPC, 0xOPCODE, "DISASSEMBLY"[, load|store, 0xADDR][, REG -> 0xVALUE]
# with the encodings, addresses and values the guest's header gives;
# reg= adds the changes of the registers it names, rdisas=on finds the
# same changes there, ifilter= and afilter= keep only what they match.
. "$(dirname "$0")/lib.sh.inc"

build_asm execlog-ops
prog=$scratch/execlog-ops
so=$(plugin_path execlog)

# symbol NAME: the guest symbol's address as a number
# shellcheck disable=SC2086
nm=$($cc -print-prog-name=nm)
symbol() {
	value=$("$nm" "$prog" | awk -v name="$1" '$3 == name { print $1 }')
	test -n "$value" || fail "no symbol $1 in $prog"
	echo $((0x$value))
}
start=$(symbol _start)
data=$(symbol data)
pc() { printf '0x%x' $((start + $1)); }
addr() { printf '0x%08x' $((data + $1)); }
ld_line="0, $(pc 8), 0x5b503, \"ld a0, 0(a1)\", load, $(addr 0)"
addi_line="0, $(pc 12), 0x250513, \"addi a0, a0, 2\""
sd_line="0, $(pc 16), 0xa5b423, \"sd a0, 8(a1)\", store, $(addr 8)"
addi0_line="0, $(pc 20), 0x50513, \"addi a0, a0, 0\""
lw_line="0, $(pc 24), 0x85a603, \"lw a2, 8(a1)\", load, $(addr 8)"
addi3_line="0, $(pc 28), 0x160693, \"addi a3, a2, 1\""

# expect_exact LINE WHAT: the log has exactly this line
expect_exact() {
	grep -Fxq -e "$1" "$scratch/plugin.out" || {
		cat "$scratch/plugin.out" >&2
		fail "$2: no line '$1'"
	}
}
# expect_lines N WHAT: the log has N lines
expect_lines() {
	lines=$(wc -l <"$scratch/plugin.out")
	test "$lines" -eq "$1" || {
		cat "$scratch/plugin.out" >&2
		fail "$2: $lines lines, expected $1"
	}
}
a0() { printf ', a0 -> 0x%016x' "$1"; }

# every instruction, in order, no register changes
on_every_tier "$so" "$prog"
expect_lines 11 "execlog"
for line in "$ld_line" "$addi_line" "$sd_line" "$addi0_line" "$lw_line" "$addi3_line"; do
	expect_exact "$line" "execlog"
done
sed -n 3p "$scratch/plugin.out" | grep -Fxq -e "$ld_line" || fail "the ld is not the third line"
grep -v '^0, 0x' "$scratch/plugin.out" && fail "a line does not start with vCPU 0 and a pc"

# reg=a0: the lines of the instructions that change a0 say so
on_every_tier "$so,reg=a0" "$prog"
expect_lines 11 "execlog,reg=a0"
expect_exact "$ld_line$(a0 40)" "execlog,reg=a0"
expect_exact "$addi_line$(a0 42)" "execlog,reg=a0"
expect_exact "$sd_line" "execlog,reg=a0"
expect_exact "$addi0_line" "execlog,reg=a0"
expect_exact "$lw_line" "execlog,reg=a0"
# the li a0, 0 of the exit is the last change
test "$(grep -c ', a0 -> ' "$scratch/plugin.out")" -eq 3 || fail "execlog,reg=a0: not three changes of a0"
grep ', a0 -> ' "$scratch/plugin.out" | tail -n 1 | grep -q "$(a0 0)\$" || fail "execlog,reg=a0: the exit's a0 is not 0"
cp "$scratch/plugin.out" "$scratch/reg-a0"

# rdisas=on reads a0 only after instructions naming it: the same log
on_every_tier "$so,reg=a0,rdisas=on" "$prog"
cmp -s "$scratch/reg-a0" "$scratch/plugin.out" || {
	diff "$scratch/reg-a0" "$scratch/plugin.out" >&2
	fail "execlog,reg=a0,rdisas=on differs from reg=a0"
}

# a glob (GLib patterns: * and ?): a2 and a3 change too
on_every_tier "$so,reg=a?" "$prog"
expect_exact "$lw_line, a2 -> 0x000000000000002a" "execlog,reg=a?"
expect_exact "$addi3_line, a3 -> 0x000000000000002b" "execlog,reg=a?"
expect_exact "$ld_line$(a0 40)" "execlog,reg=a?"

# filters
on_every_tier "$so,ifilter=sd" "$prog"
expect_lines 1 "execlog,ifilter=sd"
expect_exact "$sd_line" "execlog,ifilter=sd"
on_every_tier "$so,ifilter=ld,ifilter=lw" "$prog"
expect_lines 2 "execlog,ifilter=ld,ifilter=lw"
expect_exact "$ld_line" "execlog,ifilter=ld,ifilter=lw"
expect_exact "$lw_line" "execlog,ifilter=ld,ifilter=lw"
on_every_tier "$so,afilter=$(printf '%x' $((start + 28)))" "$prog"
expect_lines 1 "execlog,afilter"
expect_exact "$addi3_line" "execlog,afilter"
on_every_tier "$so,ifilter=sd,afilter=$(pc 12)" "$prog"
expect_lines 2 "execlog,ifilter=sd,afilter"
expect_exact "$addi_line" "execlog,ifilter=sd,afilter"
expect_exact "$sd_line" "execlog,ifilter=sd,afilter"

for bad in rdisas=maybe afilter=xyz verbose=1; do
	if "$EMU" --plugin "$so,$bad" "$prog" >/dev/null 2>&1; then
		fail "execlog accepted '$bad'"
	fi
done
exit 0
