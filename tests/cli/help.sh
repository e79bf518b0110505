#!/bin/sh
# --help: exit status 0, and stdout describes every option.
. "$(dirname "$0")/common.sh.inc"

"$EMU" --help >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu --help"
for option in --arch --user --tier -d -D --stats -L -E -U; do
	grep -Eq -e "(^|[^-[:alnum:]])$option([^-[:alnum:]]|$)" "$scratch/out" ||
		fail "emu --help does not mention $option"
done
exit 0
