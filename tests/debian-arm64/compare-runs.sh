# shellcheck shell=sh
# Sourced by the tests in this folder: runs one Debian arm64 program under
# qemu-aarch64 and under emu on every tier, each in a fresh directory with
# the same inputs, and requires every run's stdout and exit status to equal
# QEMU's and the golden file's.
#
# Environment:
#   EMU                   emu (required); called as $EMU --tier=T -L SYSROOT PROGRAM ARGS
#   EMU_TIERS             tiers to run, space-separated (default: interp)
#   QEMU_AARCH64          the reference (default: qemu-aarch64)
#   QEMU_CPU              the CPU QEMU models (default max,sve=off,sme=off:
#                         emu has neither SVE nor SME)
#   DEBIAN_ARM64_SYSROOT  where fetch-sysroot.sh puts the packages (default:
#                         tests/debian-arm64/sysroot under the current directory)
#   GUEST_TEST_TIMEOUT    seconds per run, if timeout(1) exists (default: 300)
# Exit status of the test: 0 pass, 1 fail, 77 skip (no packages, no QEMU).

srcdir=$(cd "$(dirname "$0")" && pwd)
name=$(basename "$0" .sh)

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

test -n "${EMU:-}" || fail "EMU is not set"
qemu=${QEMU_AARCH64:-qemu-aarch64}
command -v "$qemu" >/dev/null 2>&1 || { echo "SKIP: $qemu not found"; exit 77; }
sysroot=${DEBIAN_ARM64_SYSROOT:-$(pwd)/tests/debian-arm64/sysroot}
mkdir -p "$(dirname "$sysroot")" || fail "cannot create $(dirname "$sysroot")"
sh "$srcdir/fetch-sysroot.sh" "$sysroot"
fetched=$?
test $fetched -eq 0 || exit $fetched
sysroot=$(cd "$sysroot" && pwd)
workdir=$(pwd)/tests/debian-arm64/$name.work
limit=
command -v timeout >/dev/null 2>&1 && limit="timeout ${GUEST_TEST_TIMEOUT:-300}"

# run_program LABEL INPUTS STDIN PROGRAM ARGS...: PROGRAM is a path inside
# the sysroot (/usr/bin/python3); each runner starts in a fresh directory
# holding copies of INPUTS (files of this folder, space-separated).
# Results go to $workdir/LABEL.RUNNER.{out,err,status}; LABEL.expected is
# the golden stdout.
run_program() {
	label=$1
	inputs=$2
	stdin=$3
	program=$sysroot$4
	shift 4
	result=0
	runners="qemu"
	for tier in ${EMU_TIERS:-interp}; do
		runners="$runners $tier"
	done
	for runner in $runners; do
		dir=$workdir/$label.$runner.dir
		rm -rf "$dir"
		mkdir -p "$dir" || fail "cannot create $dir"
		for input in $inputs; do
			cp "$srcdir/$input" "$dir/" || fail "cannot copy $input"
		done
		(
			cd "$dir" || exit 1
			ulimit -c 0
			out=$workdir/$label.$runner.out
			err=$workdir/$label.$runner.err
			# shellcheck disable=SC2086 # limit is a command or nothing
			case $runner in
			qemu)
				exec env LC_ALL=C TZ=UTC PYTHONHASHSEED=0 QEMU_CPU="${QEMU_CPU:-max,sve=off,sme=off}" \
					$limit "$qemu" -L "$sysroot" "$program" "$@" <"$stdin" >"$out" 2>"$err"
				;;
			*)
				exec env LC_ALL=C TZ=UTC PYTHONHASHSEED=0 \
					$limit "$EMU" --tier="$runner" -L "$sysroot" "$program" "$@" <"$stdin" >"$out" 2>"$err"
				;;
			esac
		)
		echo $? >"$workdir/$label.$runner.status"
	done
	expected=$srcdir/$label.expected
	for runner in $runners; do
		out=$workdir/$label.$runner.out
		status=$(cat "$workdir/$label.$runner.status")
		ok=yes
		if test "$status" != 0; then
			echo "$label [$runner]: exit status $status"
			ok=no
		fi
		if ! diff -u "$expected" "$out"; then
			echo "$label [$runner]: stdout differs from $label.expected"
			ok=no
		fi
		if test "$runner" != qemu && ! cmp -s "$workdir/$label.qemu.out" "$out"; then
			echo "$label [$runner]: stdout differs from QEMU's"
			ok=no
		fi
		if test $ok = yes; then
			echo "$label [$runner]: pass"
		else
			test -s "$workdir/$label.$runner.err" && { echo "$label [$runner]: stderr was:"; cat "$workdir/$label.$runner.err"; }
			result=1
		fi
	done
	return $result
}

mkdir -p "$workdir" || fail "cannot create $workdir"
