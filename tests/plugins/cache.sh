#!/bin/sh
# The cache model's access and miss counts on two guests whose data
# accesses are known (see their header comments): strided loads over an
# array that fits or does not fit a small direct-mapped or two-way cache,
# and a reuse pattern where lru, fifo and a single line differ; then the
# instruction cache, L2, the per-instruction lists and the arguments.
. "$(dirname "$0")/lib.sh.inc"

build_asm cache-stride
build_asm cache-reuse
so=$(plugin_path cache)

# counts GUEST ARGS: runs GUEST with the plugin and ARGS on every tier;
# prints core 0's line of the report as "daccesses dmisses drate
# iaccesses imisses irate [l2accesses l2misses l2rate]"
counts() {
	on_every_tier "$so$2" "$scratch/$1"
	awk '$1 == "0" { $1 = ""; sub(/^ /, ""); print; exit }' "$scratch/plugin.out"
}
# expect_counts GUEST ARGS EXPECTED
expect_counts() {
	got=$(counts "$1" "$2")
	test "$got" = "$3" || {
		cat "$scratch/plugin.out" >&2
		fail "$1 with cache$2: '$got', expected '$3'"
	}
}

# strided loads, 128 of them; 536 instruction fetches in one 64-byte block
fits="128 32 25.0000% 536 1 0.1866%"
spills="128 128 100.0000% 536 1 0.1866%"
expect_counts cache-stride "" "$fits"
expect_counts cache-stride ",dcachesize=2048,dassoc=1,dblksize=64" "$fits"
expect_counts cache-stride ",dcachesize=1024,dassoc=1,dblksize=64" "$spills"
expect_counts cache-stride ",dcachesize=2048,dassoc=2" "$fits"
expect_counts cache-stride ",dcachesize=1024,dassoc=2,evict=lru" "$spills"
expect_counts cache-stride ",dcachesize=1024,dassoc=2,evict=fifo" "$spills"
expect_counts cache-stride ",dcachesize=2048,dassoc=1,dblksize=128" "128 16 12.5000% 536 1 0.1866%"

# reuse: A B A C A ten times
expect_counts cache-reuse "" "50 3 6.0000% 76 1 1.3158%"
expect_counts cache-reuse ",dcachesize=64,dassoc=1" "50 41 82.0000% 76 1 1.3158%"
expect_counts cache-reuse ",dcachesize=128,dassoc=2" "50 21 42.0000% 76 1 1.3158%"
start=$(awk '/ \(_start\), 1, / { print $1; exit }' "$scratch/plugin.out")
test -n "$start" || fail "no fetch miss at _start in the report"
at() { printf '0x%x' $((start + $1)); }
# the lists: most misses first, equal counts by address, with symbols
cat >"$scratch/expected" <<LIST
address, data misses, instruction
$(at 16), 10, ld t1, 64(a0)
$(at 24), 10, ld t1, 128(a0)
$(at 12) (round), 1, ld t1, 0(a0)

address, fetch misses, instruction
LIST
sed -n '/^address, data misses/,/^address, fetch misses/p' "$scratch/plugin.out" >"$scratch/got"
cmp -s "$scratch/expected" "$scratch/got" || {
	diff "$scratch/expected" "$scratch/got" >&2
	fail "cache-reuse, two-way lru: wrong data miss list"
}
expect_counts cache-reuse ",dcachesize=128,dassoc=2,evict=fifo" "50 31 62.0000% 76 1 1.3158%"
expect_line "$scratch/plugin.out" "^$(at 28), 10, ld t1, 0\\(a0\\)\$" "fifo: A3 misses every round"
expect_line "$scratch/plugin.out" "^$(at 12) \\(round\\), 1, " "fifo: A1 misses once"

# instruction cache of one 32-byte line: the loop spans two lines
expect_counts cache-reuse ",icachesize=32,iblksize=32,iassoc=1" "50 3 6.0000% 76 20 26.3158%"
sed -n '/^address, fetch misses/,$p' "$scratch/plugin.out" | cut -d, -f1,2 >"$scratch/got"
printf '%s\n' "address, fetch misses" "$(at 32), 10" "$(at 12) (round), 9" "$(at 0) (_start), 1" >"$scratch/expected"
cmp -s "$scratch/expected" "$scratch/got" || {
	diff "$scratch/expected" "$scratch/got" >&2
	fail "cache-reuse, one-line icache: wrong fetch miss list"
}

# L2 sees the L1 misses (41 data, 1 fetch) and misses A, B, C and the code
expect_counts cache-reuse ",dcachesize=64,dassoc=1,l2=on" "50 41 82.0000% 76 1 1.3158% 42 4 9.5238%"
expect_line "$scratch/plugin.out" "^core #, .*, l2 accesses, l2 misses, l2 miss rate\$" "l2 header"
expect_line "$scratch/plugin.out" "^address, L2 misses, instruction\$" "l2 list"
# a 64-byte L2 of one line misses whenever L1 does
expect_counts cache-reuse ",dcachesize=64,dassoc=1,l2cachesize=64,l2assoc=1,l2blksize=64" \
	"50 41 82.0000% 76 1 1.3158% 42 42 100.0000%"

# random replacement: deterministic (fixed seed), between the bounds
got=$(counts cache-reuse ",dcachesize=128,dassoc=2,evict=rand")
# shellcheck disable=SC2086 # the counts are words
set -- $got
test "$1" -eq 50 && test "$2" -ge 3 && test "$2" -le 50 || fail "evict=rand: '$got'"

# cores=2: a line per core and their sum; limit=1: one instruction a list
on_every_tier "$so,cores=2,limit=1,dcachesize=64,dassoc=1" "$scratch/cache-reuse"
expect_line "$scratch/plugin.out" "^1 +0 +0 +0\\.0000% +0 +0 +0\\.0000%\$" "cores=2: idle core 1"
expect_line "$scratch/plugin.out" "^sum +50 +41 +82\\.0000% +76 +1 +1\\.3158%\$" "cores=2: sum"
test "$(grep -c '^0x' "$scratch/plugin.out")" -eq 2 || fail "limit=1: not one instruction per list"

for bad in dcachesize=1000 dcachesize=-1024 iblksize=48 dassoc=0 evict=lfu l2=maybe cores=0 size=1; do
	if "$EMU" --plugin "$so,$bad" "$scratch/cache-reuse" >/dev/null 2>&1; then
		fail "cache accepted '$bad'"
	fi
done
exit 0
