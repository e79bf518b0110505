#!/bin/sh
# The guest's exit status is emu's, for every value 0..255 sampled here, and a
# guest killed by a signal kills emu with the same signal (128 + N in a shell).
. "$(dirname "$0")/common.sh.inc"

build_guest exit-with <<'SOURCE'
#include <signal.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "signal") == 0)
		raise(atoi(argv[2]));
	return argc > 1 ? atoi(argv[1]) : 0;
}
SOURCE

for status in 0 1 2 42 127 128 200 255; do
	"$EMU" "$scratch/exit-with" $status >/dev/null 2>&1
	expect_status $status $? "guest exit($status)"
done
# SIGABRT (6), SIGKILL (9), SIGTERM (15)
for signal in 6 9 15; do
	"$EMU" "$scratch/exit-with" signal $signal >/dev/null 2>&1
	expect_status $((128 + signal)) $? "guest raise($signal)"
done
exit 0
