#!/bin/sh
# The hotpages plugin counts hotpages-touch.S's reads and writes of its 3
# pages exactly on every tier, in each sort order; pagesize=8192 merges the
# first two.
. "$(dirname "$0")/lib.sh.inc"

build_asm hotpages-touch
library=$(plugin_path hotpages) # not $plugin: run_plugin sets that
program=$scratch/hotpages-touch
nm=${cc%gcc}nm

buf=$("$nm" "$program" | awk '$3 == "buf" { print $1 }')
test -n "$buf" || fail "no symbol buf"
page() { printf '0x%014x' $((0x$buf + $1 * 4096)); }
a="$(page 0), 0x0001, 3, 0x0001, 2"
b="$(page 1), 0x0000, 0, 0x0001, 6"
c="$(page 2), 0x0001, 7, 0x0000, 0"

expect_list() {
	{
		echo "Addr, RCPUs, Reads, WCPUs, Writes"
		for line in "$@"; do echo "$line"; done
	} >"$scratch/want"
	cmp -s "$scratch/want" "$scratch/plugin.out" || { diff "$scratch/want" "$scratch/plugin.out" >&2; fail "$what"; }
}

what="default order (reads + writes)"
on_every_tier "$library" "$program"
expect_list "$c" "$b" "$a"
what=sortby=reads
on_every_tier "$library,sortby=reads" "$program"
expect_list "$c" "$a" "$b"
what=sortby=writes
on_every_tier "$library,sortby=writes" "$program"
expect_list "$b" "$a" "$c"
what=sortby=address
on_every_tier "$library,sortby=address,io=on" "$program"
expect_list "$a" "$b" "$c"
what=pagesize=8192
on_every_tier "$library,pagesize=8192,sortby=address" "$program"
expect_list "$(page 0), 0x0001, 3, 0x0001, 8" "$c"
exit 0
