#!/bin/sh
# Debian's lua5.4 (arm64, dynamically linked) with -L over the sysroot:
# integer and float arithmetic, strings and patterns, tables, closures and
# coroutines.
# shellcheck source-path=SCRIPTDIR source=compare-runs.sh
. "$(dirname "$0")/compare-runs.sh"
run_program lua lua-script.lua /dev/null /usr/bin/lua5.4 lua-script.lua
