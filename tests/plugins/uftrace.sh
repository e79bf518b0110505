#!/bin/sh
# The uftrace plugin writes a uftrace.data directory for a C guest with
# known nested calls (main, top, middle twice, leaf twice each): the files
# uftrace reads, records that give that call tree, identical on every
# tier, leaf lasting exactly its instruction count (timestamps count
# instructions), sampling, and, when the uftrace tool is installed, the
# same tree from `uftrace replay`.
. "$(dirname "$0")/lib.sh.inc"

build_c uftrace-calls -O0 -fno-omit-frame-pointer -fno-inline
prog=$scratch/uftrace-calls
so=$(plugin_path uftrace)
# shellcheck disable=SC2086
nm=$($cc -print-prog-name=nm)
# shellcheck disable=SC2086
objdump=$($cc -print-prog-name=objdump)

cat >"$scratch/expected" <<'TREE'
main() {
  top() {
    middle() {
      leaf();
      leaf();
    }
    middle() {
      leaf();
      leaf();
    }
  }
}
TREE

"$nm" "$prog" | awk '$3 ~ /^(main|top|middle|leaf)$/ { print $1, $3 }' >"$scratch/names"
test "$(wc -l <"$scratch/names")" -eq 4 || fail "the guest lacks its four functions"
# leaf is straight-line code: its duration is its instruction count
leaf_insns=$("$objdump" -d "$prog" | awk '/<leaf>:$/ { on = 1; next } on && /^$/ { exit } on { n++ } END { print n }')

# tree DAT: main's subtree as uftrace replay draws it, from the records of
# DAT (16 bytes: time, then type | magic << 3 | depth << 6 | addr << 16);
# leaf's durations go to $scratch/durations
tree() {
	od -An -v -tu8 -w16 "$1" | awk -v names="$scratch/names" -v durations="$scratch/durations" '
	BEGIN {
		while ((getline line < names) > 0) {
			split(line, f, " ")
			name[sprintf("%d", ("0x" f[1]) + 0)] = f[2]
		}
	}
	{
		word = $2
		type = word % 4; magic = int(word / 8) % 8; depth = int(word / 64) % 1024
		addr = sprintf("%d", int(word / 65536))
		if (magic != 5) { print "bad magic in record " NR; exit }
		fn = (addr in name) ? name[addr] : sprintf("<%x>", addr)
		if (!inside) {
			if (type != 0 || fn != "main") next
			inside = 1; base = depth
		}
		indent = ""
		for (i = base; i < depth; i++) indent = indent "  "
		if (type == 0) {
			if (open != "") print open "() {"
			open = indent fn; opened_at = $1
		} else {
			if (open != "") {
				print open "();"
				if (fn == "leaf") print $1 - opened_at > durations
				open = ""
			} else {
				print indent "}"
			}
			if (fn == "main") exit
		}
	}'
}

# trace TIER [ARGS]: runs the guest with the plugin, then moves the trace
# to $scratch/TIER.data; leaves the one .dat file's name in $dat.  Every
# run is in the same directory: the environment (PWD) reaches the guest.
trace() {
	rm -rf "$scratch/run" && mkdir "$scratch/run" || fail "cannot make $scratch/run"
	(cd "$scratch/run" && run_plugin "$1" "$so$2" "$prog") || {
		cat "$scratch/stderr.$1" >&2
		fail "tier $1: emu exited with an error"
	}
	data=$scratch/$1.data
	rm -rf "$data"
	mv "$scratch/run/uftrace.data" "$data" || fail "tier $1: no uftrace.data"
	set -- "$data"/*.dat
	test $# -eq 1 && test -f "$1" || fail "not one .dat file in $data"
	dat=$1
}

first=
for tier in $tiers; do
	trace "$tier"
	for file in info task.txt uftrace-calls.sym; do
		test -s "$data/$file" || fail "tier $tier: no $file"
	done
	test "$(head -c 7 "$data/info")" = "Ftrace!" || fail "tier $tier: info lacks uftrace's magic"
	grep -q "^SESS timestamp=0.000000000 pid=[0-9]* sid=[0-9a-f]\{16\} exename=\".*/uftrace-calls\"\$" \
		"$data/task.txt" || fail "tier $tier: no session in task.txt"
	grep -q "^TASK timestamp=0.000000000 tid=$(basename "$dat" .dat) pid=" "$data/task.txt" ||
		fail "tier $tier: task.txt lacks the task of $(basename "$dat")"
	set -- "$data"/sid-*.map
	grep -q " r-xp .*/uftrace-calls\$" "$1" || fail "tier $tier: the map lacks the program"
	for fn in main top middle leaf; do
		grep -q " T $fn\$" "$data/uftrace-calls.sym" || fail "tier $tier: $fn is not in the symbol file"
	done
	rm -f "$scratch/durations"
	tree "$dat" >"$scratch/tree"
	cmp -s "$scratch/expected" "$scratch/tree" || {
		diff "$scratch/expected" "$scratch/tree" >&2
		fail "tier $tier: wrong call tree"
	}
	test "$(sort -u "$scratch/durations")" = "$leaf_insns" ||
		fail "tier $tier: leaf lasted $(cat "$scratch/durations"), not its $leaf_insns instructions"
	if test -z "$first"; then
		first=$tier
		cp "$dat" "$scratch/first.dat"
	else
		cmp -s "$scratch/first.dat" "$dat" || fail "the records differ between tiers $first and $tier"
	fi
done

if command -v uftrace >/dev/null 2>&1; then
	uftrace replay -d "$data" -F main -f none --no-comment --no-pager >"$scratch/replay" 2>"$scratch/replay.err" ||
		{ cat "$scratch/replay.err" >&2; fail "uftrace replay failed"; }
	cmp -s "$scratch/expected" "$scratch/replay" || {
		diff "$scratch/expected" "$scratch/replay" >&2
		fail "uftrace replay shows another tree"
	}
else
	echo "uftrace is not installed: the check with uftrace replay is skipped (the records were checked)"
fi

# sampling at every block sees every call; past the program's length, none
tier=${tiers%% *}
trace "$tier" ",trace-sample=1"
tree "$dat" >"$scratch/tree"
cmp -s "$scratch/expected" "$scratch/tree" || fail "trace-sample=1: wrong call tree"
trace "$tier" ",trace-sample=100000000"
test ! -s "$dat" || fail "trace-sample=100000000: records written"
# host timestamps: the same tree
trace "$tier" ",timestamp-based-on-real-time=on,trace-privilege-level=on"
tree "$dat" >"$scratch/tree"
cmp -s "$scratch/expected" "$scratch/tree" || fail "timestamp-based-on-real-time=on: wrong call tree"

for bad in trace-sample=0 trace-sample=-1 timestamp-based-on-real-time=maybe depth=3; do
	if (cd "$scratch" && "$EMU" --plugin "$so,$bad" "$prog" >/dev/null 2>&1); then
		fail "uftrace accepted '$bad'"
	fi
done
exit 0
