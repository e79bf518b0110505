#!/bin/sh
# Illegal encodings are illegal and legal ones legal: emu's RV64GC decoder
# against GNU objdump on every 16-bit encoding, a sweep of the 32-bit fields
# and a fixed-seed random sample (see decode-legality.c).  Both must agree on
# legality, and for legal encodings on the instruction (compressed ones
# compared through their 32-bit expansion), unless a rule in
# decode-legality.allow explains the difference.
#
# DECODE_LEGALITY names the host program; without it the program is built
# from the generated decoder in $EMU_BUILDDIR/generated (default: ./generated).
# OBJDUMP overrides riscv64-linux-gnu-objdump.  Exits 0 pass, 1 fail,
# 77 skip (no objdump).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
allow=$here/decode-legality.allow
objdump=${OBJDUMP:-riscv64-linux-gnu-objdump}
command -v "$objdump" >/dev/null 2>&1 || { echo "SKIP: $objdump not found"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

program=${DECODE_LEGALITY:-}
if [ -z "$program" ]; then
	generated=${EMU_BUILDDIR:-.}/generated
	[ -f "$generated/riscv64-decode.c" ] ||
		{ echo "FAIL: set DECODE_LEGALITY, or EMU_BUILDDIR to a built tree" >&2; exit 1; }
	program=$work/decode-legality
	${CC:-cc} -O2 -I "$root/core" -I "$generated" "$here/decode-legality.c" \
		"$generated/riscv64-decode.c" "$generated/riscv64-disasm.c" -o "$program"
fi
"$program" "$work"

# objdump with no ELF attributes decodes rv64gc (zicsr and zifencei
# included, nothing else); -z keeps runs of zero words.  Output per line:
# hex <TAB> mnemonic or "illegal" <TAB> operands.
for set in rvc rv32; do
	"$objdump" -D -z -b binary -m riscv:rv64 -M no-aliases "$work/$set.bin" |
		awk -F '\t' '/^ *[0-9a-f]+:\t/ {
			sub(/ +$/, "", $2)
			name = $3
			if (name ~ /^\./ || name == "c.unimp") name = "illegal"
			print $2 "\t" name "\t" $4
		}' >"$work/$set.objdump"
done

for set in rvc rv32; do
	paste "$work/$set.emu" "$work/$set.objdump"
done | awk -F '\t' -v allow="$allow" -v long="$work/long.emu" '
function binary(hex,    bits, i) {
	bits = ""
	for (i = 1; i <= length(hex); i++)
		bits = bits nibble[substr(hex, i, 1)]
	return bits
}
function same_name(emu, objdump) {
	if (objdump in expansion) objdump = expansion[objdump]
	# objdump names the aq/rl bits; emu decodes them as one instruction.
	if (objdump ~ /^(lr|sc|amo)/) sub(/\.(aq|rl|aqrl)$/, "", objdump)
	return emu == objdump
}
# A rule names a verdict as "*", "legal", "illegal" or a list of names.
function verdict_matches(want, got,    names, i, n) {
	if (want == "*" || (want == "legal" && got != "illegal")) return 1
	n = split(want, names, ",")
	for (i = 1; i <= n; i++)
		if (names[i] == got) return 1
	return 0
}
function allowed(hex, emu, objdump,    bits, r) {
	bits = binary(hex)
	for (r = 1; r <= rules; r++)
		if (bits ~ rule_pattern[r] && verdict_matches(rule_emu[r], emu) &&
		    verdict_matches(rule_objdump[r], objdump)) {
			rule_hits[r]++
			return 1
		}
	return 0
}
function report(hex, emu, emu_text, objdump, objdump_text) {
	if (failures++ == 0) print "differences not explained by " allow ":"
	if (failures <= 50)
		printf "  %s  emu: %s (%s)  objdump: %s %s\n", hex, emu, emu_text, objdump, objdump_text
}
BEGIN {
	split("0 1 2 3 4 5 6 7 8 9 a b c d e f", digit, " ")
	split("0000 0001 0010 0011 0100 0101 0110 0111 1000 1001 1010 1011 1100 1101 1110 1111", bits4, " ")
	for (i = 1; i <= 16; i++) nibble[digit[i]] = bits4[i]

	# objdump names for RVC (no-aliases), FENCE.TSO and UNIMP -> the
	# instruction emu decodes them as (16.3-16.7; 2.7; UNIMP is CSRRW x0,
	# cycle, x0, a write to a read-only CSR that traps when run, 9.1).
	n = split("c.addi4spn addi c.fld fld c.lw lw c.ld ld c.fsd fsd c.sw sw c.sd sd " \
	    "c.nop addi c.addi addi c.addiw addiw c.li addi c.addi16sp addi c.lui lui " \
	    "c.srli srli c.srai srai c.srli64 srli c.srai64 srai c.andi andi c.sub sub " \
	    "c.xor xor c.or or c.and and c.subw subw c.addw addw c.j jal c.beqz beq " \
	    "c.bnez bne c.slli slli c.slli64 slli c.fldsp fld c.lwsp lw c.ldsp ld " \
	    "c.jr jalr c.mv add c.ebreak ebreak c.jalr jalr c.add add c.fsdsp fsd " \
	    "c.swsp sw c.sdsp sd fence.tso fence unimp csrrw", pairs, " ")
	for (i = 1; i < n; i += 2) expansion[pairs[i]] = pairs[i + 1]

	while ((getline line < allow) > 0) {
		sub(/#.*/, "", line)
		if (split(line, field, " ") == 0) continue
		if (split(line, field, " ") != 3 || field[1] !~ /^[01._]+$/) { print "FAIL: bad rule in " allow ": " line; fatal = 1; exit }
		rules++
		gsub(/_/, "", field[1])
		rule_text[rules] = line
		rule_pattern[rules] = "^" field[1] "$"
		rule_emu[rules] = field[2]
		rule_objdump[rules] = field[3]
	}
}
{
	total++
	if ($1 != $4) { print "FAIL: objdump output out of step at " $1 " / " $4; fatal = 1; exit }
	emu = $2; objdump = $5
	if (emu == "illegal" && objdump == "illegal") next
	if (emu != "illegal" && objdump != "illegal" && same_name(emu, objdump)) next
	if (allowed($1, emu, objdump)) { allowed_count++; next }
	report($1, emu, $3, objdump, $6)
}
END {
	if (fatal) exit 1
	# Words with low bits 11111 begin 48-bit or longer instructions (1.5):
	# none in RV64GC, so emu must refuse them without objdump.
	while ((getline line < long) > 0) {
		split(line, field, "\t")
		total++
		if (field[2] != "illegal") report(field[1], field[2], field[3], "illegal", "(longer than 32 bits)")
	}
	printf "%d encodings, %d differences allowed", total, allowed_count
	printf ", %d not allowed\n", failures
	for (r = 1; r <= rules; r++)
		printf "  %8d  %s\n", rule_hits[r], rule_text[r]
	if (failures > 50) printf "(first 50 of %d shown above)\n", failures
	exit failures > 0
}'
