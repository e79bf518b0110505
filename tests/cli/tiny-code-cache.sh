#!/bin/sh
# Code cache pressure: with a cache of a few kilobytes the JIT fills it
# again and again; every flush drops all translations and chains, and the
# program still runs correctly on both JIT tiers.  At 4K some translations
# (a tier-2 superblock, a promotion) never fit: those blocks must stay in
# the tier below instead of flushing forever, and an abandoned translation
# must not scribble on the cache's exit records.
. "$(dirname "$0")/common.sh.inc"

build_guest busy <<'SOURCE'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int main(void)
{
	static int values[4000];
	unsigned seed = 7;
	long sum = 0;
	for (int round = 0; round < 20; round++) {
		for (int i = 0; i < 4000; i++)
			values[i] = (int)((seed = seed * 1103515245u + 12345u) >> 8) % 100000;
		qsort(values, 4000, sizeof values[0], compare);
		char text[64];
		snprintf(text, sizeof text, "%d-%x-%.3f", values[round], values[3999 - round], values[2000] / 7.0);
		sum += (long)strlen(text) + values[round];
	}
	printf("%ld\n", sum);
	return 0;
}
SOURCE
expected=$("$EMU" --tier=interp "$scratch/busy") || fail "tier 0 run failed"
# the bundled demo: floating point, big superblocks (it found both bugs)
build_guest mandelbrot <"$(dirname "$0")/../../examples/riscv64/mandelbrot.c"
demo_expected=$("$EMU" --tier=interp "$scratch/mandelbrot" | tail -1) || fail "tier 0 demo run failed"
for tier in tier1 jit; do
	for setting in "16K 1,2" "4K 1,3" "4K 5,20"; do
		size=${setting% *}
		thresholds=${setting#* }
		"$EMU" --tier=$tier --tier-threshold=$thresholds --code-cache-size=$size --stats "$scratch/busy" \
			>"$scratch/out" 2>"$scratch/err"
		expect_status 0 $? "emu --tier=$tier --code-cache-size=$size --tier-threshold=$thresholds"
		test "$(cat "$scratch/out")" = "$expected" ||
			fail "$tier with a $size cache printed $(cat "$scratch/out"), tier 0 $expected"
		flushes=$(sed -n 's/^ *code cache flushes *//p' "$scratch/err")
		test "${flushes:-0}" -gt 10 || fail "$tier, $size: expected many code cache flushes, --stats says ${flushes:-none}"
		got=$("$EMU" --tier=$tier --tier-threshold=$thresholds --code-cache-size=$size "$scratch/mandelbrot" | tail -1)
		test "$got" = "$demo_expected" || fail "$tier, $size, $thresholds: the demo ended with '$got', tier 0 '$demo_expected'"
	done
done
exit 0
