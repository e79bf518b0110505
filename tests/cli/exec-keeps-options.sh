#!/bin/sh
# A guest program that execs a guest program runs it under a new emu with
# the same options: -d strace logs the new program's syscalls too, -E
# reaches it through the environment (once), and its exit status is the
# process's.
. "$(dirname "$0")/common.sh.inc"

build_guest reexec <<'SOURCE'
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc > 1) {
		printf("again: argv[0] %s, FOO=%s\n", argv[0], getenv("FOO"));
		return 7;
	}
	execl("/proc/self/exe", "second-name", "again", (char *)NULL);
	perror("execl");
	return 1;
}
SOURCE
"$EMU" -d strace -E FOO=bar "$scratch/reexec" >"$scratch/out" 2>"$scratch/err"
expect_status 7 $? "emu reexec"
test "$(cat "$scratch/out")" = "again: argv[0] second-name, FOO=bar" ||
	fail "unexpected output: $(cat "$scratch/out")"
expect_in "$scratch/err" "execve\(" "the first program's strace"
expect_in "$scratch/err" "exit_group\(7\)" "the exec'd program's strace"
exit 0
