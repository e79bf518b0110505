#!/bin/sh
# The parts of the plugin API no bundled plugin covers, through a probe
# plugin built here (probes/api-probe.c) on guests/probe.S, on every tier:
# registers read and written, set_pc, syscall filters, memory reads and
# writes, discontinuities, reset; and the loader's errors.
. "$(dirname "$0")/lib.sh.inc"

test -n "$PLUGIN_CC" || fail "PLUGIN_CC is not set (make check sets it)"
probes=$(cd "$(dirname "$0")/probes" && pwd)
# build_probe NAME [FLAGS...]: probes/api-probe.c as $scratch/libNAME.so
build_probe() {
	name=$1
	shift
	# shellcheck disable=SC2086 # PLUGIN_CC and PLUGIN_LDLIBS are word lists
	$PLUGIN_CC "$@" -o "$scratch/lib$name.so" "$probes/api-probe.c" $PLUGIN_LDLIBS ||
		fail "cannot build the probe plugin $name"
}
build_probe probe
build_asm probe
probe=$scratch/probe
nm=${cc%gcc}nm
address() {
	hex=$($nm "$probe" | awk -v s="$1" '$3 == s { print $1 }')
	test -n "$hex" && printf '0x%x\n' "0x$hex"
}
skipped=$(address skipped)
after=$(address after)
write_call=$(address write_call)
msg=$(address msg)
test -n "$skipped" && test -n "$msg" || fail "no symbols in the probe guest"

# probe_run ARGS STATUS: every tier exits with STATUS, same plugin output
probe_run() {
	for tier in $tiers; do
		run_plugin "$tier" "$scratch/libprobe.so,$1" "$probe"
		status=$?
		test "$status" = "$2" || {
			cat "$scratch/stderr.$tier" >&2
			fail "$1 on $tier: exit status $status, expected $2"
		}
		cmp -s "$scratch/plugin.$tier" "$scratch/plugin.${tiers%% *}" ||
			fail "$1: plugin output differs between tiers ${tiers%% *} and $tier"
	done
	cp "$scratch/plugin.$tier" "$scratch/out"
}

probe_run "mode=regs,at=$after" 105
expect_line "$scratch/out" "^a0=99 pc=$after\$" "registers read at 'after'"
expect_line "$scratch/out" "^pc write refused\$" "the pc is read-only"
grep -q "^registers: [0-9]" "$scratch/out" || fail "no register list"

probe_run "mode=write,at=$after" 48
expect_line "$scratch/out" "^a0 written\$" "register write"

probe_run "mode=setpc,at=$skipped,to=$after" 14
grep -q "set_pc returned" "$scratch/out" && fail "qemu_plugin_set_pc returned"

probe_run "mode=filter" 75
expect_line "$scratch/out" "^filtered write of 6 bytes\$" "syscall filter"
test -s "$scratch/stdout.${tiers%% *}" && fail "the filtered write still wrote"

probe_run "mode=memory,to=$msg" 105
expect_line "$scratch/out" "^read 'probe'\$" "memory read"
expect_line "$scratch/out" "^written\$" "memory write"
expect_line "$scratch/out" "^unmapped read refused\$" "unmapped read"
test "$(cat "$scratch/stdout.${tiers%% *}")" = PROBE || fail "the guest did not see the plugin's write"

probe_run "mode=discon" 105
next=$(printf '0x%x' $((write_call + 4)))
expect_line "$scratch/out" "^hostcall from $write_call to $next\$" "the write's discontinuity"
expect_line "$scratch/out" "^discontinuities: 1\$" "one discontinuity (exit_group never returns)"

probe_run "mode=reset" 105
expect_line "$scratch/out" "^reset done\$" "reset callback"
expect_line "$scratch/out" "^blocks run: 0\$" "no operation of the reset plugin ran"

# the loader's errors: a clear message and a non-zero exit
"$EMU" --plugin "$scratch/libnothing.so" "$probe" >/dev/null 2>"$scratch/err" && fail "a missing plugin loaded"
expect_line "$scratch/err" "could not load plugin" "missing plugin"
"$EMU" --plugin "$scratch/libprobe.so,mode=fail" "$probe" >/dev/null 2>"$scratch/err" && fail "a failed install ran"
expect_line "$scratch/err" "failed to install" "failed install"
build_probe old -DPROBE_VERSION=1
"$EMU" --plugin "$scratch/libold.so" "$probe" >/dev/null 2>"$scratch/err" && fail "an API version 1 plugin loaded"
expect_line "$scratch/err" "API version 1, emu supports 2 to 6" "too old a plugin"
# a plugin built against version 2 loads, as under QEMU
build_probe v2 -DPROBE_VERSION=2
"$EMU" --plugin "$scratch/libv2.so,mode=discon" -d plugin "$probe" >/dev/null 2>"$scratch/err"
test $? = 105 || fail "a version 2 plugin did not run"
expect_line "$scratch/err" "^discontinuities: 1\$" "version 2 plugin output"
"$EMU" --plugin "" "$probe" >/dev/null 2>"$scratch/err" && fail "--plugin '' was accepted"
expect_line "$scratch/err" "needs a file name" "empty --plugin"

# -plugin, EMU_PLUGIN and a bundled plugin by name
"$EMU" -plugin "$scratch/libprobe.so,mode=discon" -d plugin "$probe" >/dev/null 2>"$scratch/err"
expect_line "$scratch/err" "^discontinuities: 1\$" "-plugin"
EMU_PLUGIN="$scratch/libprobe.so,mode=discon" "$EMU" -d plugin "$probe" >/dev/null 2>"$scratch/err"
expect_line "$scratch/err" "^discontinuities: 1\$" "EMU_PLUGIN"
"$EMU" --plugin empty "$probe" >"$scratch/stdout" 2>"$scratch/err"
test $? = 105 || fail "the bundled plugin 'empty' by name"
# without -d plugin, plugins print nothing
"$EMU" --plugin "$scratch/libprobe.so,mode=discon" "$probe" >/dev/null 2>"$scratch/err"
test -s "$scratch/err" && fail "plugin output without -d plugin"
exit 0
