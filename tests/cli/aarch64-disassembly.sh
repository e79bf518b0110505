#!/bin/sh
# -d in_asm writes aarch64 code as the Arm ARM and objdump -d write it:
# preferred aliases (mov, cmp, lsl, cset, stadd...), condition, shift and
# extend names, hex immediates, zero shifts left out.  Each line below is
# an instruction and the text emu prints for it (objdump's, with branch
# targets as addresses: <+N> is this instruction's address + N, <page>
# its 4 KB page).  They run one after another, so every one is translated.
. "$(dirname "$0")/common.sh.inc"

as=${AARCH64_AS:-aarch64-linux-gnu-as}
ld=${AARCH64_LD:-aarch64-linux-gnu-ld}
for tool in "$as" "$ld"; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "SKIP: '$tool' not found"
		exit 77
	}
done

# x1 = buf + 256 (aligned, with room below for negative offsets), x2 = 8,
# x9 = buf + 1024 (a base for writeback) are never written below; sp moves
# and comes back.
cat >"$scratch/list" <<'LIST'
add x29, sp, #0                 | mov x29, sp
mov x3, sp                      | mov x3, sp
mov sp, x3                      | mov sp, x3
add x0, x1, #8                  | add x0, x1, #0x8
add x0, x1, #1, lsl #12         | add x0, x1, #0x1, lsl #12
add w0, w1, #4095               | add w0, w1, #0xfff
adds x0, x1, #8                 | adds x0, x1, #0x8
cmn x1, #8                      | cmn x1, #0x8
cmp x1, #8                      | cmp x1, #0x8
cmp w1, #8, lsl #12             | cmp w1, #0x8, lsl #12
subs x0, x1, #8                 | subs x0, x1, #0x8
sub sp, sp, #16                 | sub sp, sp, #0x10
add sp, sp, #16                 | add sp, sp, #0x10
add x0, x1, x2                  | add x0, x1, x2
add x0, x1, x2, lsl #3          | add x0, x1, x2, lsl #3
add x0, x1, x2, lsr #0          | add x0, x1, x2, lsr #0
sub w0, w1, w2, asr #31         | sub w0, w1, w2, asr #31
neg x0, x1                      | neg x0, x1
neg x0, x1, lsl #2              | neg x0, x1, lsl #2
negs x0, x1                     | negs x0, x1
cmp x1, x2                      | cmp x1, x2
cmp xzr, x2                     | cmp xzr, x2
cmn x1, x2, lsl #3              | cmn x1, x2, lsl #3
add x0, sp, x1                  | add x0, sp, x1
add x0, sp, w1, uxtw            | add x0, sp, w1, uxtw
add x0, x1, w2, sxtw #2         | add x0, x1, w2, sxtw #2
add x0, x1, x2, uxtx            | add x0, x1, x2, uxtx
add w0, wsp, w1                 | add w0, wsp, w1
add w0, w1, w2, uxtw            | add w0, w1, w2, uxtw
add x0, x1, w2, uxtb            | add x0, x1, w2, uxtb
adds x0, sp, x1                 | adds x0, sp, x1
cmp sp, x1                      | cmp sp, x1
cmp sp, w1, uxtw #2             | cmp sp, w1, uxtw #2
cmp x1, w2, sxtb                | cmp x1, w2, sxtb
adc x0, x1, x2                  | adc x0, x1, x2
sbcs w0, w1, w2                 | sbcs w0, w1, w2
ngc x0, x1                      | ngc x0, x1
ngcs w0, w1                     | ngcs w0, w1
and x0, x1, x2                  | and x0, x1, x2
bic x0, x1, x2, lsl #4          | bic x0, x1, x2, lsl #4
orr x3, xzr, x0                 | mov x3, x0
mov w3, w0                      | mov w3, w0
orr x3, xzr, x0, lsl #1         | orr x3, xzr, x0, lsl #1
orn x0, x1, x2                  | orn x0, x1, x2
mvn x0, x1                      | mvn x0, x1
mvn w0, w1, ror #3              | mvn w0, w1, ror #3
eor x0, x1, x2, ror #63         | eor x0, x1, x2, ror #63
eon x0, x1, x2                  | eon x0, x1, x2
ands x0, x1, x2                 | ands x0, x1, x2
tst x1, x2                      | tst x1, x2
tst w1, w2, lsl #2              | tst w1, w2, lsl #2
bics x0, x1, x2                 | bics x0, x1, x2
and x0, x1, #0xff               | and x0, x1, #0xff
orr x0, xzr, #0x5555555555555555 | mov x0, #0x5555555555555555
orr w0, wzr, #0xff              | orr w0, wzr, #0xff
orr x0, x1, #0x1                | orr x0, x1, #0x1
eor w0, w1, #0x80000000         | eor w0, w1, #0x80000000
ands x0, x1, #0x7               | ands x0, x1, #0x7
tst w1, #0x1                    | tst w1, #0x1
movz x0, #0x10, lsl #16         | mov x0, #0x100000
movz x0, #0                     | mov x0, #0x0
movz x0, #0, lsl #16            | movz x0, #0x0, lsl #16
mov w0, #0x1234                 | mov w0, #0x1234
movn x0, #0                     | mov x0, #0xffffffffffffffff
movn w0, #0                     | mov w0, #0xffffffff
movn w0, #0xffff                | movn w0, #0xffff
movn x0, #0x5, lsl #32          | mov x0, #0xfffffffaffffffff
movk x0, #0x1234, lsl #48       | movk x0, #0x1234, lsl #48
movk w0, #0xbeef                | movk w0, #0xbeef
asr x0, x1, #3                  | asr x0, x1, #3
sxtb x0, w1                     | sxtb x0, w1
sxth w0, w1                     | sxth w0, w1
sxtw x0, w1                     | sxtw x0, w1
sbfiz x0, x1, #4, #8            | sbfiz x0, x1, #4, #8
sbfx x0, x1, #4, #8             | sbfx x0, x1, #4, #8
lsl x0, x1, #4                  | lsl x0, x1, #4
lsl w0, w1, #1                  | lsl w0, w1, #1
lsr x0, x1, #4                  | lsr x0, x1, #4
lsr w0, w1, #31                 | lsr w0, w1, #31
uxtb w0, w1                     | uxtb w0, w1
uxth w0, w1                     | uxth w0, w1
ubfiz x0, x1, #4, #8            | ubfiz x0, x1, #4, #8
ubfx w0, w1, #4, #8             | ubfx w0, w1, #4, #8
ubfm x0, x1, #0, #7             | ubfx x0, x1, #0, #8
bfi x0, x3, #4, #8              | bfi x0, x3, #4, #8
bfxil w0, w3, #4, #8            | bfxil w0, w3, #4, #8
bfm x0, xzr, #60, #3            | bfc x0, #4, #4
extr x0, x1, x2, #7             | extr x0, x1, x2, #7
ror x0, x1, #7                  | ror x0, x1, #7
ror w0, w1, #31                 | ror w0, w1, #31
ccmp x0, x1, #4, ne             | ccmp x0, x1, #0x4, ne
ccmn w0, w1, #0xf, eq           | ccmn w0, w1, #0xf, eq
ccmp x0, #31, #0, ge            | ccmp x0, #0x1f, #0x0, ge
ccmn w0, #3, #8, al             | ccmn w0, #0x3, #0x8, al
csel x0, x1, x2, eq             | csel x0, x1, x2, eq
csel w0, w1, w2, nv             | csel w0, w1, w2, nv
csinc x0, x1, x2, lt            | csinc x0, x1, x2, lt
cset w0, eq                     | cset w0, eq
cinc x0, x1, hi                 | cinc x0, x1, hi
csinc x0, xzr, xzr, al          | csinc x0, xzr, xzr, al
csinv x0, x1, x2, le            | csinv x0, x1, x2, le
csetm x0, ne                    | csetm x0, ne
cinv w0, w1, cc                 | cinv w0, w1, cc
csneg x0, x1, x2, vs            | csneg x0, x1, x2, vs
cneg x0, x1, mi                 | cneg x0, x1, mi
rbit x0, x1                     | rbit x0, x1
rev16 w0, w1                    | rev16 w0, w1
rev32 x0, x1                    | rev32 x0, x1
rev x0, x1                      | rev x0, x1
rev w0, w1                      | rev w0, w1
clz x0, x1                      | clz x0, x1
cls w0, w1                      | cls w0, w1
udiv x0, x1, x2                 | udiv x0, x1, x2
sdiv w0, w1, w2                 | sdiv w0, w1, w2
lsl x0, x1, x2                  | lsl x0, x1, x2
lsr w0, w1, w2                  | lsr w0, w1, w2
asr x0, x1, x2                  | asr x0, x1, x2
ror w0, w1, w2                  | ror w0, w1, w2
madd x0, x1, x2, x3             | madd x0, x1, x2, x3
mul x0, x1, x2                  | mul x0, x1, x2
mneg w0, w1, w2                 | mneg w0, w1, w2
smaddl x0, w1, w2, x3           | smaddl x0, w1, w2, x3
smull x0, w1, w2                | smull x0, w1, w2
umsubl x0, w1, w2, x3           | umsubl x0, w1, w2, x3
umnegl x0, w1, w2               | umnegl x0, w1, w2
smulh x0, x1, x2                | smulh x0, x1, x2
umulh x0, x1, x2                | umulh x0, x1, x2
adr x0, .+16                    | adr x0, <+16>
adrp x0, .+0x1000               | adrp x0, <page+0x1000>
ldr x0, [x1]                    | ldr x0, [x1]
ldr x0, [x1, #8]                | ldr x0, [x1, #8]
ldr w0, [x1, #4092]             | ldr w0, [x1, #4092]
ldrb w0, [x1, #1]               | ldrb w0, [x1, #1]
ldrsb x0, [x1, #2]              | ldrsb x0, [x1, #2]
ldrsh w0, [x1, #6]              | ldrsh w0, [x1, #6]
ldrsw x0, [x1, #8]              | ldrsw x0, [x1, #8]
ldr b0, [x1, #1]                | ldr b0, [x1, #1]
ldr h0, [x1, #2]                | ldr h0, [x1, #2]
ldr q0, [x1, #16]               | ldr q0, [x1, #16]
str x0, [x1, #8]                | str x0, [x1, #8]
strh w0, [x1, #6]               | strh w0, [x1, #6]
str q1, [sp, #-16]!             | str q1, [sp, #-16]!
ldr q1, [sp], #16               | ldr q1, [sp], #16
ldur x0, [x1, #-8]              | ldur x0, [x1, #-8]
ldur w0, [x1]                   | ldur w0, [x1]
ldursb x0, [x1, #-1]            | ldursb x0, [x1, #-1]
ldursw x0, [x1, #-4]            | ldursw x0, [x1, #-4]
stur d0, [x1, #-3]              | stur d0, [x1, #-3]
sturh w0, [x1, #3]              | sturh w0, [x1, #3]
ldr x0, [x9], #8                | ldr x0, [x9], #8
ldr x0, [x9, #-8]!              | ldr x0, [x9, #-8]!
ldrb w0, [x9], #-1              | ldrb w0, [x9], #-1
strb w0, [x9], #1               | strb w0, [x9], #1
ldr x0, [x1, x2]                | ldr x0, [x1, x2]
ldr x0, [x1, x2, lsl #3]        | ldr x0, [x1, x2, lsl #3]
ldr w0, [x1, w2, uxtw]          | ldr w0, [x1, w2, uxtw]
ldr w0, [x1, w2, sxtw #2]       | ldr w0, [x1, w2, sxtw #2]
ldrb w0, [x1, x2, lsl #0]       | ldrb w0, [x1, x2, lsl #0]
ldrsh x0, [x1, x2, sxtx #1]     | ldrsh x0, [x1, x2, sxtx #1]
str x0, [x1, w2, uxtw #3]       | str x0, [x1, w2, uxtw #3]
ldr q0, [x1, x2, lsl #4]        | ldr q0, [x1, x2, lsl #4]
ldr x0, .                       | ldr x0, <+0>
ldrsw x0, .-4                   | ldrsw x0, <-4>
ldr q0, .                       | ldr q0, <+0>
prfm pldl1keep, [x1]            | prfm pldl1keep, [x1]
prfm pstl2strm, [x1, #64]       | prfm pstl2strm, [x1, #64]
prfum pldl1keep, [x1, #-1]      | prfum pldl1keep, [x1, #-1]
prfm plil3keep, [x1, x2, lsl #3] | prfm plil3keep, [x1, x2, lsl #3]
prfm pldl2strm, .+8             | prfm pldl2strm, <+8>
ldp x5, x6, [x1]                | ldp x5, x6, [x1]
ldp w5, w6, [x1, #-8]           | ldp w5, w6, [x1, #-8]
ldpsw x5, x6, [x1, #8]          | ldpsw x5, x6, [x1, #8]
ldp q0, q1, [x1, #32]           | ldp q0, q1, [x1, #32]
ldp d0, d1, [x9], #16           | ldp d0, d1, [x9], #16
stp x29, x30, [sp, #-16]!       | stp x29, x30, [sp, #-16]!
ldp x29, x30, [sp], #16         | ldp x29, x30, [sp], #16
ldnp x5, x6, [x1, #16]          | ldnp x5, x6, [x1, #16]
stnp q0, q1, [x1]               | stnp q0, q1, [x1]
ldxr x0, [x1]                   | ldxr x0, [x1]
stxr w3, x0, [x1]               | stxr w3, x0, [x1]
ldaxrh w0, [x1]                 | ldaxrh w0, [x1]
stlxrh w3, w0, [x1]             | stlxrh w3, w0, [x1]
ldar x0, [x1]                   | ldar x0, [x1]
stlrb w0, [x1]                  | stlrb w0, [x1]
ldlar x0, [x1]                  | ldlar x0, [x1]
stllr w0, [x1]                  | stllr w0, [x1]
ldapr x0, [x1]                  | ldapr x0, [x1]
ldapursb w0, [x1, #1]           | ldapursb w0, [x1, #1]
stlur w0, [x1, #4]              | stlur w0, [x1, #4]
ldaxp x5, x6, [x1]              | ldaxp x5, x6, [x1]
stlxp w3, x5, x6, [x1]          | stlxp w3, x5, x6, [x1]
cas x0, x3, [x1]                | cas x0, x3, [x1]
casal w0, w3, [x1]              | casal w0, w3, [x1]
casab w0, w3, [x1]              | casab w0, w3, [x1]
casp x6, x7, x10, x11, [x1]     | casp x6, x7, x10, x11, [x1]
caspa w6, w7, w10, w11, [x1]    | caspa w6, w7, w10, w11, [x1]
ldadd x0, x3, [x1]              | ldadd x0, x3, [x1]
ldaddal w0, w3, [x1]            | ldaddal w0, w3, [x1]
ldaddalb w0, w3, [x1]           | ldaddalb w0, w3, [x1]
ldclrh w0, w3, [x1]             | ldclrh w0, w3, [x1]
ldsmax x0, x3, [x1]             | ldsmax x0, x3, [x1]
ldumin w0, w3, [x1]             | ldumin w0, w3, [x1]
swpal w0, w3, [x1]              | swpal w0, w3, [x1]
stadd x0, [x1]                  | stadd x0, [x1]
staddl w0, [x1]                 | staddl w0, [x1]
stclrb w0, [x1]                 | stclrb w0, [x1]
ldadda x0, xzr, [x1]            | ldadda x0, xzr, [x1]
b .+4                           | b <+4>
bl .+4                          | bl <+4>
b.eq .+4                        | b.eq <+4>
b.ne .+4                        | b.ne <+4>
b.cs .+4                        | b.cs <+4>
b.hi .+4                        | b.hi <+4>
b.al .+4                        | b.al <+4>
b.nv .+4                        | b.nv <+4>
cbz x0, .+4                     | cbz x0, <+4>
cbnz w3, .+4                    | cbnz w3, <+4>
tbz w0, #3, .+4                 | tbz w0, #3, <+4>
tbnz x0, #35, .+4               | tbnz x0, #35, <+4>
adr x16, .+8                    | adr x16, <+8>
br x16                          | br x16
nop                             | nop
adr x16, .+8                    | adr x16, <+8>
blr x16                         | blr x16
adr x30, .+8                    | adr x30, <+8>
ret                             | ret
adr x17, .+8                    | adr x17, <+8>
ret x17                         | ret x17
yield                           | yield
hint #0x6                       | hint #0x6
paciasp                         | paciasp
bti c                           | bti c
hint #0x7f                      | hint #0x7f
clrex                           | clrex
clrex #5                        | clrex #0x5
dmb ish                         | dmb ish
dmb ishld                       | dmb ishld
dsb sy                          | dsb sy
dmb #0                          | dmb #0x00
ssbb                            | ssbb
isb                             | isb
sb                              | sb
mrs x0, tpidr_el0               | mrs x0, tpidr_el0
mrs x0, nzcv                    | mrs x0, nzcv
msr nzcv, xzr                   | msr nzcv, xzr
mrs x0, fpcr                    | mrs x0, fpcr
msr fpsr, xzr                   | msr fpsr, xzr
mrs x0, ctr_el0                 | mrs x0, ctr_el0
mrs x0, dczid_el0               | mrs x0, dczid_el0
mrs x0, cntfrq_el0              | mrs x0, cntfrq_el0
mrs x0, midr_el1                | mrs x0, midr_el1
mrs x0, id_aa64isar0_el1        | mrs x0, id_aa64isar0_el1
mrs x0, s3_0_c0_c3_7            | mrs x0, s3_0_c0_c3_7
dc zva, x1                      | dc zva, x1
dc cvau, x1                     | dc cvau, x1
dc civac, x1                    | dc civac, x1
ic ivau, x1                     | ic ivau, x1
LIST

# the program: set the bases, the list, exit(0)
{
	printf '\t.text\n\t.globl _start\n_start:\n'
	printf '\tadrp x1, buf\n\tadd x1, x1, :lo12:buf\n\tadd x9, x1, #1024\n\tadd x1, x1, #256\n\tmov x2, #8\n'
	printf 'list:\n'
	sed 's/ *|.*//; s/^/\t/' "$scratch/list"
	printf '\tmov x0, #0\n\tmov x8, #93\n\tsvc #0\n'
	printf '\t.bss\n\t.balign 4096\nbuf:\n\t.space 8192\n'
} >"$scratch/t.S"
"$as" -march=armv8.5-a -o "$scratch/t.o" "$scratch/t.S" || fail "cannot assemble the list"
"$ld" -Ttext=0x400000 -o "$scratch/t" "$scratch/t.o" || fail "cannot link the list"

"$EMU" -d in_asm -D "$scratch/log" "$scratch/t" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu -d in_asm on the list"

# the list starts after the five instructions that set x1, x2 and x9
address=$((0x400000 + 20))
mismatches=0
while IFS= read -r entry; do
	source=$(echo "$entry" | sed 's/ *|.*//')
	want=$(echo "$entry" | sed 's/.*| //')
	page=$((address & ~0xfff))
	# <+N>, <-N> and <page+N>: addresses relative to this instruction
	while :; do
		token=$(echo "$want" | sed -n 's/.*<\([^>]*\)>.*/\1/p')
		test -n "$token" || break
		case $token in
		page*) value=$((page ${token#page})) ;;
		*) value=$((address $token)) ;;
		esac
		want=$(echo "$want" | sed "s/<$token>/$(printf '0x%x' "$value")/")
	done
	got=$(sed -n "s/^0x0*$(printf '%x' "$address"):  *[0-9a-f]*  *//p" "$scratch/log" | head -n 1)
	if test "$got" != "$want"; then
		echo "$source: emu prints '$got', expected '$want'" >&2
		mismatches=$((mismatches + 1))
	fi
	address=$((address + 4))
done <"$scratch/list"
test "$mismatches" -eq 0 || fail "$mismatches instructions disassemble differently"
exit 0
