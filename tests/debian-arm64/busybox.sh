#!/bin/sh
# Debian's busybox-static (arm64) runs a shell script with pipes, loops,
# functions and applets: awk, sed, sort, uniq, sha256sum, md5sum, gzip and
# gunzip round trips, find, tar, wc, cut, tr, seq, expr, printf.
# shellcheck source-path=SCRIPTDIR source=compare-runs.sh
. "$(dirname "$0")/compare-runs.sh"
run_program busybox busybox-script.sh /dev/null /bin/busybox sh busybox-script.sh
