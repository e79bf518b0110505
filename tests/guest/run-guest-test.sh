#!/bin/sh
# Build one guest program, run it under emu once per tier, and check stdout,
# exit status and (optionally) stderr against its side files. When QEMU is
# available, run it too and require the same stdout and status from QEMU,
# which also checks the golden file.
#
# Usage: run-guest-test.sh PATH/NAME.c|PATH/NAME.S
#   PATH is relative to the current directory or to the source tree. The
#   folder the source is in names the guest: .../aarch64/ is aarch64,
#   anything else riscv64.
# Side files next to the source:
#   NAME.expected  exact expected stdout (required)
#   NAME.args      arguments, one line, word-split
#   NAME.stdin     fed on stdin (default /dev/null)
#   NAME.status    expected exit status (default 0)
#   NAME.cflags    extra compiler flags
#   NAME.stderr    grep -E pattern that stderr must match
#   NAME.link      how to link: "static", "dynamic" or both (default static);
#                  dynamic programs run with -L $RISCV64_SYSROOT (or
#                  $AARCH64_SYSROOT)
# Environment:
#   EMU                 path of emu (required)
#   EMU_TIERS           tiers to run, space-separated (default: interp)
#   RISCV64_CC          cross compiler (default: riscv64-linux-gnu-gcc)
#   QEMU_RISCV64        reference emulator (default: qemu-riscv64 if on PATH;
#                       empty: skip the comparison)
#   RISCV64_SYSROOT     the guest's libraries (default: /usr/riscv64-linux-gnu)
#   AARCH64_CC, QEMU_AARCH64, AARCH64_SYSROOT
#                       the same for aarch64 (aarch64-linux-gnu-gcc,
#                       qemu-aarch64, /usr/aarch64-linux-gnu)
#   QEMU_CPU            the CPU QEMU models for aarch64 (default
#                       max,sve=off,sme=off: emu has neither SVE nor SME,
#                       which change the signal frame and glibc's choices)
#   GUEST_TEST_TIMEOUT  seconds per run, if timeout(1) exists (default: 120)
# Exit status: 0 pass, 1 fail, 77 skip (cross compiler missing).

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# Absolute form of a path that exists.
absolute() {
	case $1 in
	/*) echo "$1" ;;
	*) echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" ;;
	esac
}

newer_than() { # newer_than FILE REFERENCE: FILE exists and is newer
	test -e "$1" && test -n "$(find "$1" -prune -newer "$2")"
}

test $# -eq 1 || fail "usage: $0 PATH/NAME.c|PATH/NAME.S"
src=$1
if test ! -f "$src"; then
	top_srcdir=$(dirname "$0")/../..
	test -f "$top_srcdir/$src" || fail "$src: no such file here or in $top_srcdir"
	src=$top_srcdir/$src
fi
src=$(absolute "$src")
case $src in
*.c) base=${src%.c} ;;
*.S) base=${src%.S} ;;
*) fail "$src: expected a .c or .S file" ;;
esac
name=$(basename "$base")

test -n "$EMU" || fail "EMU is not set"
case $EMU in
*/*) test -x "$EMU" || fail "EMU=$EMU is not executable"; EMU=$(absolute "$EMU") ;;
esac
case $(basename "$(dirname "$src")") in
aarch64)
	arch=aarch64
	cc=${AARCH64_CC-aarch64-linux-gnu-gcc}
	qemu_set=${QEMU_AARCH64+set}
	qemu=${QEMU_AARCH64-}
	sysroot=${AARCH64_SYSROOT:-/usr/aarch64-linux-gnu}
	qemu_env="env QEMU_CPU=${QEMU_CPU:-max,sve=off,sme=off}"
	;;
*)
	arch=riscv64
	cc=${RISCV64_CC-riscv64-linux-gnu-gcc}
	qemu_set=${QEMU_RISCV64+set}
	qemu=${QEMU_RISCV64-}
	sysroot=${RISCV64_SYSROOT:-/usr/riscv64-linux-gnu}
	qemu_env=
	;;
esac
if ! command -v "${cc%% *}" >/dev/null 2>&1; then
	echo "SKIP: cross compiler '$cc' not found"
	exit 77
fi
test "$qemu_set" = set || qemu=$(command -v "qemu-$arch" || true)
test -f "$base.expected" || fail "$base.expected is missing"

outdir=$(pwd)/tests/guest/$arch
mkdir -p "$outdir" || fail "cannot create $outdir"

# build LINK: (re)build $exe, linked LINK (static or dynamic), when it is
# missing or anything it was built from (the source, the headers it
# includes, its .cflags) is newer.
build() {
	rebuild=no
	if test ! -x "$exe" || test ! -f "$exe.d" || newer_than "$base.cflags" "$exe"; then
		rebuild=yes
	else
		for dep in $(sed -e 's/^[^:]*://' -e 's/\\$//' "$exe.d"); do
			if test ! -e "$dep" || newer_than "$dep" "$exe"; then
				rebuild=yes
				break
			fi
		done
	fi
	test $rebuild = yes || return 0
	cflags=
	test -f "$base.cflags" && cflags=$(cat "$base.cflags")
	# static unless asked for dynamic or static-pie (-static would override it)
	link_flag=-static
	test "$1" = dynamic && link_flag=
	case " $cflags " in *" -static-pie "*) link_flag= ;; esac
	# Build under a temporary name so a failed or concurrent build never
	# leaves a half-written program behind.
	# shellcheck disable=SC2086 # word-splitting of cc and cflags is intended
	$cc $link_flag -O2 -Wall $cflags -MMD -MF "$exe.d.tmp" \
		-o "$exe.tmp.$$" "$src" -lm -lpthread ||
		{ rm -f "$exe.tmp.$$" "$exe.d.tmp"; fail "$name: compilation failed"; }
	mv -f "$exe.d.tmp" "$exe.d"
	mv -f "$exe.tmp.$$" "$exe"
}

args=
test -f "$base.args" && args=$(cat "$base.args")
stdin=/dev/null
test -f "$base.stdin" && stdin=$base.stdin
expected_status=0
test -f "$base.status" && expected_status=$(cat "$base.status")
stderr_pattern=
test -f "$base.stderr" && stderr_pattern=$(cat "$base.stderr")

limit=
command -v timeout >/dev/null 2>&1 && limit="timeout ${GUEST_TEST_TIMEOUT:-120}"

# run LABEL COMMAND...: run the program from its own directory so argv[0]
# is ./NAME; leaves LABEL's stdout, stderr and status in $outdir.
run() {
	label=$1
	shift
	(
		cd "$outdir" || exit 1
		ulimit -c 0 # QEMU dumps core on a fatal signal
		# shellcheck disable=SC2086 # word-splitting of args is intended
		exec $limit "$@" "./$program" $args <"$stdin" \
			>"$program.$label.out" 2>"$program.$label.err"
	)
	echo $? >"$outdir/$program.$label.status"
}

# check LABEL [stderr]: compare LABEL's results with the side files, and its
# stderr with NAME.stderr if asked to. (QEMU's stderr is not checked: some
# versions, 7.2 among them, say nothing when a riscv64 guest dies of a
# signal.)
check() {
	label=$1
	check_stderr=${2-}
	ok=yes
	if ! diff -u "$base.expected" "$outdir/$program.$label.out" >"$outdir/$program.$label.diff"; then
		echo "$name [$label]: stdout differs from $name.expected:"
		cat "$outdir/$program.$label.diff"
		ok=no
	fi
	status=$(cat "$outdir/$program.$label.status")
	if test "$status" != "$expected_status"; then
		echo "$name [$label]: exit status $status, expected $expected_status"
		ok=no
	fi
	if test -n "$check_stderr" && test -n "$stderr_pattern" &&
		! grep -Eq -e "$stderr_pattern" "$outdir/$program.$label.err"; then
		echo "$name [$label]: stderr does not match /$stderr_pattern/"
		ok=no
	fi
	if test $ok = no && test -s "$outdir/$program.$label.err"; then
		echo "$name [$label]: stderr was:"
		cat "$outdir/$program.$label.err"
	fi
	test $ok = yes
}

# variant LINK: build and run the LINK-linked program everywhere
variant() {
	link=$1
	exe=$outdir/$name
	program=$name
	sysroot_option=
	if test "$link" = dynamic; then
		exe=$outdir/$name-dynamic
		program=$name-dynamic
		sysroot_option="-L $sysroot"
	fi
	build "$link"
	if test -n "$qemu"; then
		# shellcheck disable=SC2086 # the option is one word or none, the env words
		run qemu $qemu_env "$qemu" $sysroot_option
		check qemu || result=1
	fi
	for tier in ${EMU_TIERS:-interp}; do
		label=$tier
		test "$link" = dynamic && label=$tier-dynamic
		# shellcheck disable=SC2086
		run "$label" "$EMU" --tier="$tier" $sysroot_option
		if check "$label" stderr; then
			echo "$name [$label]: pass"
		else
			result=1
		fi
		if test -n "$qemu"; then
			if ! cmp -s "$outdir/$program.qemu.out" "$outdir/$program.$label.out"; then
				echo "$name [$label]: stdout differs from QEMU's:"
				diff -u "$outdir/$program.qemu.out" "$outdir/$program.$label.out"
				result=1
			fi
			qemu_status=$(cat "$outdir/$program.qemu.status")
			status=$(cat "$outdir/$program.$label.status")
			if test "$qemu_status" != "$status"; then
				echo "$name [$label]: exit status $status, QEMU's $qemu_status"
				result=1
			fi
		fi
	done
}

result=0
links=static
test -f "$base.link" && links=$(cat "$base.link")
for link in $links; do
	variant "$link"
done
exit $result
