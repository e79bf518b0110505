#!/bin/sh
# An ELF executable for another machine (the host's /bin/true, x86-64):
# exit status 1, and stderr names the machine it was built for.
. "$(dirname "$0")/common.sh.inc"

host_true=/bin/true
if test "$(uname -m)" != x86_64 ||
	test "$(head -c 4 "$host_true" | od -An -c | tr -d ' ')" != '177ELF'; then
	echo "SKIP: needs an x86-64 ELF /bin/true"
	exit 77
fi
"$EMU" "$host_true" >"$scratch/out" 2>"$scratch/err"
expect_status 1 $? "emu $host_true"
expect_in "$scratch/err" "x86-64" "stderr"
exit 0
