#!/bin/sh
# Debian's sqlite3 (arm64, dynamically linked) with -L over the sysroot:
# creates a database file, inserts, and queries with joins, aggregates,
# grouping, ordering, a CTE and a transaction rolled back.
# shellcheck source-path=SCRIPTDIR source=compare-runs.sh
. "$(dirname "$0")/compare-runs.sh"
run_program sqlite3 "" "$srcdir/sqlite3-queries.sql" /usr/bin/sqlite3 test.db
