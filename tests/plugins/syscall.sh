#!/bin/sh
# The syscall plugin sees loop.S's write and exit_group on every tier: the
# table counts them, print=on shows each call and return, log_writes=on
# dumps the buffer written; failing calls count as errors and the filter
# answers the made-up syscall 4096.
. "$(dirname "$0")/lib.sh.inc"

build_asm loop
build_asm syscall-filter
library=$(plugin_path syscall) # not $plugin: run_plugin sets that

on_every_tier "$library" "$scratch/loop"
cat >"$scratch/want" <<'END'
syscall no.  calls  errors
64           1      0
94           1      0
END
cmp -s "$scratch/want" "$scratch/plugin.out" || { diff "$scratch/want" "$scratch/plugin.out" >&2; fail "the table"; }

on_every_tier "$library,print=on" "$scratch/loop"
printf 'syscall #64\nsyscall #64 returned -> 6\nsyscall #94\n' >"$scratch/want"
cmp -s "$scratch/want" "$scratch/plugin.out" || { diff "$scratch/want" "$scratch/plugin.out" >&2; fail "print=on"; }

on_every_tier "$library,print=on,log_writes=on" "$scratch/loop"
printf 'syscall #64\n6c 6f 6f 70 73 0a %30s | loops.\nsyscall #64 returned -> 6\nsyscall #94\n' '' >"$scratch/want"
cmp -s "$scratch/want" "$scratch/plugin.out" || { diff "$scratch/want" "$scratch/plugin.out" >&2; fail "log_writes=on"; }

# close(-1) twice fails twice; the filter's answer makes the exit status 0
on_every_tier "$library" "$scratch/syscall-filter"
expect_line "$scratch/plugin.out" '^57           2      2$' "close(-1) twice"
expect_line "$scratch/plugin.out" '^94           1      0$' "exit_group"
on_every_tier "$library,print=on" "$scratch/syscall-filter"
expect_line "$scratch/plugin.out" '^magic syscall filtered, set magic return$' "filter"
test "$(grep -c '^syscall #57 returned -> -9$' "$scratch/plugin.out")" -eq 2 || fail "close(-1) should return -EBADF twice"
exit 0
