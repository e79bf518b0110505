#!/bin/sh
# Code cache pressure: with a cache of a few kilobytes the JIT fills it
# again and again; every flush drops all translations and chains, and the
# program still runs correctly on both JIT tiers.
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
for tier in tier1 jit; do
	"$EMU" --tier=$tier --tier-threshold=1,2 --code-cache-size=16K --stats "$scratch/busy" >"$scratch/out" 2>"$scratch/err"
	expect_status 0 $? "emu --tier=$tier --code-cache-size=16K"
	test "$(cat "$scratch/out")" = "$expected" || fail "$tier with a tiny cache printed $(cat "$scratch/out"), tier 0 $expected"
	flushes=$(sed -n 's/^ *code cache flushes *//p' "$scratch/err")
	test "${flushes:-0}" -gt 10 || fail "$tier: expected many code cache flushes, --stats says ${flushes:-none}"
done
exit 0
