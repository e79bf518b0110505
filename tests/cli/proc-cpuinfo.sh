#!/bin/sh
# /proc/cpuinfo is the guest's: a riscv64 program reads the harts' ISA and
# MMU as riscv64 Linux writes them, not the host's CPU.  (A CLI test, not a
# guest test: qemu-riscv64 7.2 shows the host's file.)
. "$(dirname "$0")/common.sh.inc"

build_guest cpuinfo <<'SOURCE'
#include <stdio.h>

int main(void)
{
	FILE *file = fopen("/proc/cpuinfo", "r");
	if (!file)
		return 1;
	int c;
	while ((c = getc(file)) != EOF)
		putchar(c);
	return 0;
}
SOURCE
"$EMU" "$scratch/cpuinfo" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu cpuinfo"
expect_in "$scratch/out" "^processor	: 0$" "processor line"
expect_in "$scratch/out" "^hart		: 0$" "hart line"
expect_in "$scratch/out" "^isa		: rv64imafdc" "isa line"
expect_in "$scratch/out" "^mmu		: sv39$" "mmu line"
if grep -q "vendor_id\|model name" "$scratch/out"; then
	fail "the host's cpuinfo leaked through"
fi
exit 0
