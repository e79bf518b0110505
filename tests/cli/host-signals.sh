#!/bin/sh
# Signals sent to emu from outside reach the guest: a guest blocked in
# pause() runs its SIGINT handler and pause returns EINTR; blocked in read()
# with SIGTERM's default action, it dies by SIGTERM (143 in a shell).
. "$(dirname "$0")/common.sh.inc"

build_guest wait-for-signals <<'SOURCE'
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_sigint(int signal)
{
	got = signal;
}

int main(void)
{
	struct sigaction action;
	memset(&action, 0, sizeof action);
	action.sa_handler = on_sigint;
	sigaction(SIGINT, &action, NULL);
	printf("ready\n");
	fflush(stdout);
	int result = pause();
	printf("pause returned %d (%s) after signal %d\n", result, strerror(errno), got);
	fflush(stdout);
	char byte;
	ssize_t n = read(0, &byte, 1);
	printf("read returned %zd\n", n);
	return 0;
}
SOURCE

# wait_for PATTERN: until the guest's output has it (or the guest is gone)
wait_for() {
	tries=0
	until grep -q -e "$1" "$scratch/out"; do
		kill -0 "$pid" 2>/dev/null || fail "the guest ended before printing '$1'"
		tries=$((tries + 1))
		test $tries -lt 3000 || fail "no '$1' from the guest"
		sleep 0.1
	done
}

mkfifo "$scratch/input" || fail "mkfifo failed"
# held open read-write, so the guest's read blocks without end of file
exec 3<>"$scratch/input"
"$EMU" "$scratch/wait-for-signals" <&3 >"$scratch/out" 2>"$scratch/err" &
pid=$!
wait_for ready
kill -INT "$pid"
wait_for "pause returned"
expect_in "$scratch/out" "^pause returned -1 \(Interrupted system call\) after signal 2$" "SIGINT handler"
# a moment for the guest to block in read; any later SIGTERM kills it alike
sleep 0.2
kill -TERM "$pid"
wait "$pid"
expect_status 143 $? "guest killed by SIGTERM"
exec 3>&-
exit 0
