#!/bin/sh
# fork/exec/wait/pipe like a shell, in one guest program (shell-work.c),
# static and dynamic: its children exec the program itself through
# /proc/self/exe and through a #! script, and host programs, and report
# exit statuses and signals as a shell sees them.  The expected output is
# what the same program prints when built for the host: qemu-riscv64 cannot
# be the reference here, as it runs exec'd guest programs only through
# binfmt_misc.
. "$(dirname "$0")/common.sh.inc"

src=$(dirname "$0")/shell-work.c
expected=$(dirname "$0")/process-pipeline.expected
build_guest process-pipeline <"$src"
sysroot=${RISCV64_SYSROOT:-/usr/riscv64-linux-gnu}
# shellcheck disable=SC2086 # word-splitting of cc is intended
$cc -O2 -o "$scratch/process-pipeline-dynamic" "$src" || fail "cannot compile the dynamic program"

"$EMU" "$scratch/process-pipeline" >"$scratch/static.out" 2>"$scratch/static.err"
expect_status 0 $? "emu process-pipeline (static)"
diff -u "$expected" "$scratch/static.out" || fail "static output differs"

"$EMU" -L "$sysroot" "$scratch/process-pipeline-dynamic" >"$scratch/dynamic.out" 2>"$scratch/dynamic.err"
expect_status 0 $? "emu -L process-pipeline (dynamic)"
diff -u "$expected" "$scratch/dynamic.out" || fail "dynamic output differs"
exit 0
