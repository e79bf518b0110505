#!/bin/sh
# The tier-difference tester, bounded for make check: random instruction
# sequences on tier 0, tier 1 and tier 2 must leave identical state.  Run
# tests/tierdiff --count N --seed S by hand for more.
test -n "$TIERDIFF" || { echo "FAIL: TIERDIFF is not set"; exit 1; }
exec "$TIERDIFF" --count "${TIERDIFF_COUNT:-4000}" --seed "${TIERDIFF_SEED:-1}"
