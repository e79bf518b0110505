#!/bin/sh
# The tier-difference tester, bounded for make check: random instruction
# sequences on tier 0, tier 1 and tier 2 must leave identical state, for
# each guest.  Run tests/tierdiff --arch A --count N --seed S by hand for more.
test -n "$TIERDIFF" || { echo "FAIL: TIERDIFF is not set"; exit 1; }
for arch in riscv64 aarch64; do
	"$TIERDIFF" --arch "$arch" --count "${TIERDIFF_COUNT:-4000}" --seed "${TIERDIFF_SEED:-1}" || exit 1
done
