#!/bin/sh
# A file that is not an ELF executable: exit status 1, "not an ELF" on stderr.
. "$(dirname "$0")/common.sh.inc"

printf '#!/bin/sh\necho this is a script\n' >"$scratch/script"
chmod +x "$scratch/script"
"$EMU" "$scratch/script" >"$scratch/out" 2>"$scratch/err"
expect_status 1 $? "emu on a shell script"
expect_in "$scratch/err" "not an ELF" "stderr"

: >"$scratch/empty"
"$EMU" "$scratch/empty" >"$scratch/out" 2>"$scratch/err"
expect_status 1 $? "emu on an empty file"
exit 0
