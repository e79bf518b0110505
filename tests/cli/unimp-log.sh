#!/bin/sh
# An unknown syscall returns ENOSYS to the guest, and -d unimp names it in
# the log; without -d unimp nothing is logged.
. "$(dirname "$0")/common.sh.inc"

build_guest unknown-syscall <<'SOURCE'
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	long result = syscall(987, 1, 2, 3);
	printf("%ld %s\n", result, errno == ENOSYS ? "ENOSYS" : "other");
	return 0;
}
SOURCE
"$EMU" -d unimp "$scratch/unknown-syscall" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu -d unimp"
test "$(cat "$scratch/out")" = "-1 ENOSYS" || fail "guest saw '$(cat "$scratch/out")', expected '-1 ENOSYS'"
expect_in "$scratch/err" "Unsupported syscall: 987" "-d unimp log"

"$EMU" "$scratch/unknown-syscall" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu without -d unimp"
test -s "$scratch/err" && fail "logged without -d unimp: $(cat "$scratch/err")"
exit 0
