/* A64 crypto extension, CRC32 and RCpc loads, by known answers: one AES
 * round of FIPS-197 appendix B and its whole AES-128 encryption and
 * decryption (AESE, AESMC, AESD, AESIMC), SHA-1 and SHA-256 of "abc"
 * (FIPS 180-4 examples) computed by SHA1C/P/M, SHA1H, SHA1SU0/1 and
 * SHA256H/H2, SHA256SU0/1, PMULL/PMULL2 of 64-bit elements, CRC-32 and
 * CRC-32C of "123456789" (check values 0xcbf43926, 0xe3069283) by every
 * CRC32 width, and LDAPR, LDAPUR* and STLUR* with their extensions.
 * 128-bit results are checked as their high and low halves. */
#include "a64-check.h"

	/* four SHA-1 rounds; e for the next four is ROL(a, 30) of this step's a */
	.macro SHA1_STEP op, msg, k
	add	v24.4s, \msg\().4s, \k\().4s
	sha1h	s25, s0
	\op	q0, s1, v24.4s
	mov	v1.16b, v25.16b
	.endm
	/* the schedule words four steps ahead, into m0 */
	.macro SHA1_SCHEDULE m0, m1, m2, m3
	sha1su0	\m0\().4s, \m1\().4s, \m2\().4s
	sha1su1	\m0\().4s, \m3\().4s
	.endm

	/* four SHA-256 rounds: SHA256H2 takes (a, b, c, d) from before SHA256H */
	.macro SHA256_STEP msg, k_offset
	ldr	q25, [x21, #\k_offset]
	add	v24.4s, \msg\().4s, v25.4s
	mov	v2.16b, v0.16b
	sha256h	q0, q1, v24.4s
	sha256h2 q1, q2, v24.4s
	.endm
	.macro SHA256_SCHEDULE m0, m1, m2, m3
	sha256su0 \m0\().4s, \m1\().4s
	sha256su1 \m0\().4s, \m2\().4s, \m3\().4s
	.endm

	START
	/* --- AES: round 1 of FIPS-197 appendix B (round key 0 already added) */
	adrp	x20, aes_round1_in
	add	x20, x20, :lo12:aes_round1_in
	ldr	q2, [x20]
	movi	v3.2d, #0
	aese	v2.16b, v3.16b		/* ShiftRows, SubBytes */
	CHECKQ	aese_round1, v2, 0xe598271ef11141b8, 0xae52b4e0305dbfd4
	aesmc	v2.16b, v2.16b
	CHECKQ	aesmc_round1, v2, 0x4c2606287ad3f848, 0x9a19cbe0e5816604
	aesimc	v2.16b, v2.16b		/* InvMixColumns undoes it */
	CHECKQ	aesimc_inverts, v2, 0xe598271ef11141b8, 0xae52b4e0305dbfd4
	aesd	v2.16b, v3.16b		/* InvShiftRows, InvSubBytes */
	CHECKQ	aesd_inverts, v2, 0x0848f8e92a8dc69a, 0x2be2f4a0bee33d19

	/* AES-128 of appendix B: the eleven round keys of appendix A.1 */
	adrp	x20, aes_round_keys
	add	x20, x20, :lo12:aes_round_keys
	adrp	x21, aes_plaintext
	add	x21, x21, :lo12:aes_plaintext
	ldr	q0, [x21]
	mov	x22, #0
1:	ldr	q1, [x20, x22]
	aese	v0.16b, v1.16b
	aesmc	v0.16b, v0.16b
	add	x22, x22, #16
	cmp	x22, #16 * 9
	b.ne	1b
	ldr	q1, [x20, #16 * 9]
	aese	v0.16b, v1.16b
	ldr	q1, [x20, #16 * 10]
	eor	v0.16b, v0.16b, v1.16b
	CHECKQ	aes128_encrypt, v0, 0x320b6a19978511dc, 0xfb09dc021d842539

	/* the equivalent inverse cipher: round keys 9..1 through InvMixColumns */
	ldr	q1, [x20, #16 * 10]
	aesd	v0.16b, v1.16b
	aesimc	v0.16b, v0.16b
	mov	x22, #16 * 9
2:	ldr	q1, [x20, x22]
	aesimc	v1.16b, v1.16b
	aesd	v0.16b, v1.16b
	cmp	x22, #16
	b.eq	3f
	aesimc	v0.16b, v0.16b
	sub	x22, x22, #16
	b	2b
3:	ldr	q1, [x20]
	eor	v0.16b, v0.16b, v1.16b
	CHECKQ	aes128_decrypt, v0, 0x340737e0a2983131, 0x8d305a88a8f64332

	/* --- SHA-1 of "abc": one padded block, as its sixteen big-endian words */
	adrp	x20, sha1_abc_block
	add	x20, x20, :lo12:sha1_abc_block
	ldp	q16, q17, [x20]
	ldp	q18, q19, [x20, #32]
	ldr	q26, [x20, #64]		/* H0..H3 */
	ldr	s27, [x20, #80]		/* H4 */
	mov	v0.16b, v26.16b
	mov	v1.16b, v27.16b
	ldr	w9, =0x5a827999
	dup	v20.4s, w9
	ldr	w9, =0x6ed9eba1
	dup	v21.4s, w9
	ldr	w9, =0x8f1bbcdc
	dup	v22.4s, w9
	ldr	w9, =0xca62c1d6
	dup	v23.4s, w9
	SHA1_STEP	sha1c, v16, v20
	SHA1_SCHEDULE	v16, v17, v18, v19
	SHA1_STEP	sha1c, v17, v20
	SHA1_SCHEDULE	v17, v18, v19, v16
	SHA1_STEP	sha1c, v18, v20
	SHA1_SCHEDULE	v18, v19, v16, v17
	SHA1_STEP	sha1c, v19, v20
	SHA1_SCHEDULE	v19, v16, v17, v18
	SHA1_STEP	sha1c, v16, v20
	SHA1_SCHEDULE	v16, v17, v18, v19
	SHA1_STEP	sha1p, v17, v21
	SHA1_SCHEDULE	v17, v18, v19, v16
	SHA1_STEP	sha1p, v18, v21
	SHA1_SCHEDULE	v18, v19, v16, v17
	SHA1_STEP	sha1p, v19, v21
	SHA1_SCHEDULE	v19, v16, v17, v18
	SHA1_STEP	sha1p, v16, v21
	SHA1_SCHEDULE	v16, v17, v18, v19
	SHA1_STEP	sha1p, v17, v21
	SHA1_SCHEDULE	v17, v18, v19, v16
	SHA1_STEP	sha1m, v18, v22
	SHA1_SCHEDULE	v18, v19, v16, v17
	SHA1_STEP	sha1m, v19, v22
	SHA1_SCHEDULE	v19, v16, v17, v18
	SHA1_STEP	sha1m, v16, v22
	SHA1_SCHEDULE	v16, v17, v18, v19
	SHA1_STEP	sha1m, v17, v22
	SHA1_SCHEDULE	v17, v18, v19, v16
	SHA1_STEP	sha1m, v18, v22
	SHA1_SCHEDULE	v18, v19, v16, v17
	SHA1_STEP	sha1p, v19, v23
	SHA1_SCHEDULE	v19, v16, v17, v18
	SHA1_STEP	sha1p, v16, v23
	SHA1_STEP	sha1p, v17, v23
	SHA1_STEP	sha1p, v18, v23
	SHA1_STEP	sha1p, v19, v23
	add	v0.4s, v0.4s, v26.4s
	add	v1.4s, v1.4s, v27.4s
	/* a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d */
	CHECKQ	sha1_abc_h0_h3, v0, 0x7850c26cba3e2571, 0x4706816aa9993e36
	mov	w19, v1.s[0]
	CHECK	sha1_abc_h4, x19, 0x9cd0d89d

	/* single instructions: SHA1H rotates; SHA1SU0 on known lanes */
	ldr	w9, =0x12345678
	fmov	s2, w9
	sha1h	s3, s2
	CHECKQ	sha1h_rol30, v3, 0, 0x048d159e
	adrp	x20, lanes
	add	x20, x20, :lo12:lanes
	ldp	q2, q3, [x20]
	ldr	q4, [x20, #32]
	sha1su0	v2.4s, v3.4s, v4.4s	/* (n<63:0> : d<127:64>) ^ d ^ m */
	CHECKQ	sha1su0_lanes, v2, 0x1212121216161616, 0x2626262622222222
	ldp	q2, q3, [x20]
	sha1su1	v2.4s, v3.4s
	CHECKQ	sha1su1_lanes, v2, 0x1414141416161616, 0x0a0a0a0a0e0e0e0e

	/* --- SHA-256 of "abc" */
	adrp	x20, sha256_abc_block
	add	x20, x20, :lo12:sha256_abc_block
	adrp	x21, sha256_k
	add	x21, x21, :lo12:sha256_k
	ldp	q16, q17, [x20]
	ldp	q18, q19, [x20, #32]
	ldp	q26, q27, [x20, #64]	/* H0..H3, H4..H7 */
	mov	v0.16b, v26.16b
	mov	v1.16b, v27.16b
	SHA256_STEP	v16, 0
	SHA256_SCHEDULE	v16, v17, v18, v19
	SHA256_STEP	v17, 16
	SHA256_SCHEDULE	v17, v18, v19, v16
	SHA256_STEP	v18, 32
	SHA256_SCHEDULE	v18, v19, v16, v17
	SHA256_STEP	v19, 48
	SHA256_SCHEDULE	v19, v16, v17, v18
	SHA256_STEP	v16, 64
	SHA256_SCHEDULE	v16, v17, v18, v19
	SHA256_STEP	v17, 80
	SHA256_SCHEDULE	v17, v18, v19, v16
	SHA256_STEP	v18, 96
	SHA256_SCHEDULE	v18, v19, v16, v17
	SHA256_STEP	v19, 112
	SHA256_SCHEDULE	v19, v16, v17, v18
	SHA256_STEP	v16, 128
	SHA256_SCHEDULE	v16, v17, v18, v19
	SHA256_STEP	v17, 144
	SHA256_SCHEDULE	v17, v18, v19, v16
	SHA256_STEP	v18, 160
	SHA256_SCHEDULE	v18, v19, v16, v17
	SHA256_STEP	v19, 176
	SHA256_SCHEDULE	v19, v16, v17, v18
	SHA256_STEP	v16, 192
	SHA256_STEP	v17, 208
	SHA256_STEP	v18, 224
	SHA256_STEP	v19, 240
	add	v0.4s, v0.4s, v26.4s
	add	v1.4s, v1.4s, v27.4s
	/* ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad */
	CHECKQ	sha256_abc_h0_h3, v0, 0x5dae2223414140de, 0x8f01cfeaba7816bf
	CHECKQ	sha256_abc_h4_h7, v1, 0xf20015adb410ff61, 0x96177a9cb00361a3

	/* --- PMULL: carry-less products of 64-bit elements */
	adrp	x20, pmull_operands
	add	x20, x20, :lo12:pmull_operands
	ldp	q4, q5, [x20]
	pmull	v6.1q, v4.1d, v5.1d
	CHECKQ	pmull_1q, v6, 0x00e038d8688850b0, 0x40a0789828c810f0
	pmull2	v6.1q, v4.2d, v5.2d	/* (x^63 + 1)^2 = x^126 + 1 */
	CHECKQ	pmull2_1q, v6, 0x4000000000000000, 0x0000000000000001
	movi	v7.2d, #0xffffffffffffffff
	pmull	v6.1q, v7.1d, v7.1d	/* the square of all ones: every even power */
	CHECKQ	pmull_ones, v6, 0x5555555555555555, 0x5555555555555555
	ldp	q4, q5, [x20, #32]
	pmull2	v6.1q, v4.2d, v5.2d
	CHECKQ	pmull2_mixed, v6, 0x000000007bd8d24e, 0x98d4b0dfc3b3ea1f

	/* --- CRC32/CRC32C of "123456789", starting at all ones, result inverted */
	adrp	x20, check_string
	add	x20, x20, :lo12:check_string
	ldr	x21, [x20]		/* "12345678" */
	ldrb	w22, [x20, #8]		/* "9" */
	mov	w19, #-1
	crc32x	w19, w19, x21
	CHECK	crc32x_raw, x19, 0x651f2550
	crc32b	w19, w19, w22
	mvn	w19, w19
	CHECK	crc32_x_b, x19, 0xcbf43926
	mov	w19, #-1
	ldrh	w9, [x20]
	crc32h	w19, w19, w9
	ldrh	w9, [x20, #2]
	crc32h	w19, w19, w9
	ldr	w9, [x20, #4]
	crc32w	w19, w19, w9
	crc32b	w19, w19, w22
	mvn	w19, w19
	CHECK	crc32_h_h_w_b, x19, 0xcbf43926
	mov	w19, #-1
	ldr	w9, [x20]
	crc32cw	w19, w19, w9
	CHECK	crc32cw_raw, x19, 0x09c50b11
	ldr	w9, [x20, #4]
	crc32cw	w19, w19, w9
	crc32cb	w19, w19, w22
	mvn	w19, w19
	CHECK	crc32c_w_w_b, x19, 0xe3069283
	mov	w19, #-1
	crc32cx	w19, w19, x21
	crc32cb	w19, w19, w22
	mvn	w19, w19
	CHECK	crc32c_x_b, x19, 0xe3069283
	mov	w19, #-1
	ldrh	w9, [x20]
	crc32ch	w19, w19, w9
	ldrh	w9, [x20, #2]
	crc32ch	w19, w19, w9
	ldrh	w9, [x20, #4]
	crc32ch	w19, w19, w9
	ldrh	w9, [x20, #6]
	crc32ch	w19, w19, w9
	crc32cb	w19, w19, w22
	mvn	w19, w19
	CHECK	crc32c_h4_b, x19, 0xe3069283
	mov	w23, #1			/* one bit: the reflected polynomials */
	crc32b	w19, wzr, w23
	CHECK	crc32b_one, x19, 0x77073096
	crc32cb	w19, wzr, w23
	CHECK	crc32cb_one, x19, 0xf26b8303
	ldr	x9, =0xdeadbeef34333231	/* crc32w reads only w9 ("1234") */
	crc32w	w19, wzr, w9
	CHECK	crc32w_ignores_high, x19, 0xbaa73fbf
	mov	w9, #0x100		/* crc32b reads only the low byte */
	crc32b	w19, wzr, w9
	CHECK	crc32b_low_byte, x19, 0

	/* --- LDAPR, LDAPUR*, STLUR* */
	adrp	x20, rcpc_data
	add	x20, x20, :lo12:rcpc_data
	ldaprb	w19, [x20]
	CHECK	ldaprb, x19, 0x88
	ldaprh	w19, [x20]
	CHECK	ldaprh, x19, 0x8788
	ldapr	w19, [x20]
	CHECK	ldapr_w, x19, 0x85868788
	ldapr	x19, [x20]
	CHECK	ldapr_x, x19, 0x8182838485868788
	add	x21, x20, #16
	ldapur	x19, [x21, #-16]
	CHECK	ldapur_x, x19, 0x8182838485868788
	ldapur	w19, [x21, #-12]
	CHECK	ldapur_w, x19, 0x81828384
	ldapurh	w19, [x21, #-14]
	CHECK	ldapurh, x19, 0x8586
	ldapurb	w19, [x21, #-15]
	CHECK	ldapurb, x19, 0x87
	ldapursb x19, [x21, #-16]
	CHECK	ldapursb_x, x19, 0xffffffffffffff88
	ldapursb w19, [x21, #-16]
	CHECK	ldapursb_w, x19, 0xffffff88
	ldapursh x19, [x21, #-16]
	CHECK	ldapursh_x, x19, 0xffffffffffff8788
	ldapursh w19, [x21, #-16]
	CHECK	ldapursh_w, x19, 0xffff8788
	ldapursw x19, [x21, #-16]
	CHECK	ldapursw, x19, 0xffffffff85868788
	ldapur	x19, [x20, #8]
	CHECK	ldapur_positive, x19, 0x0123456789abcdef
	ldr	x9, =0x1122334455667788
	stlur	x9, [x21, #-8]
	ldr	x19, [x20, #8]
	CHECK	stlur_x, x19, 0x1122334455667788
	mov	w9, #0xaa
	stlurb	w9, [x21, #-1]
	mov	w9, #0xbbcc
	stlurh	w9, [x21, #-8]
	ldr	x19, [x20, #8]
	CHECK	stlurb_stlurh, x19, 0xaa2233445566bbcc
	ldr	w9, =0xdeadbeef
	stlur	w9, [x20, #12]
	ldr	x19, [x20, #8]
	CHECK	stlur_w, x19, 0xdeadbeef5566bbcc

	FINISH

	.data
	.balign	16
aes_round1_in:		/* FIPS-197 appendix B, start of round 1 */
	.byte	0x19, 0x3d, 0xe3, 0xbe, 0xa0, 0xf4, 0xe2, 0x2b
	.byte	0x9a, 0xc6, 0x8d, 0x2a, 0xe9, 0xf8, 0x48, 0x08
aes_plaintext:
	.byte	0x32, 0x43, 0xf6, 0xa8, 0x88, 0x5a, 0x30, 0x8d
	.byte	0x31, 0x31, 0x98, 0xa2, 0xe0, 0x37, 0x07, 0x34
aes_round_keys:		/* FIPS-197 appendix A.1, key 2b7e1516 28aed2a6 abf71588 09cf4f3c */
	.byte	0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c
	.byte	0xa0, 0xfa, 0xfe, 0x17, 0x88, 0x54, 0x2c, 0xb1, 0x23, 0xa3, 0x39, 0x39, 0x2a, 0x6c, 0x76, 0x05
	.byte	0xf2, 0xc2, 0x95, 0xf2, 0x7a, 0x96, 0xb9, 0x43, 0x59, 0x35, 0x80, 0x7a, 0x73, 0x59, 0xf6, 0x7f
	.byte	0x3d, 0x80, 0x47, 0x7d, 0x47, 0x16, 0xfe, 0x3e, 0x1e, 0x23, 0x7e, 0x44, 0x6d, 0x7a, 0x88, 0x3b
	.byte	0xef, 0x44, 0xa5, 0x41, 0xa8, 0x52, 0x5b, 0x7f, 0xb6, 0x71, 0x25, 0x3b, 0xdb, 0x0b, 0xad, 0x00
	.byte	0xd4, 0xd1, 0xc6, 0xf8, 0x7c, 0x83, 0x9d, 0x87, 0xca, 0xf2, 0xb8, 0xbc, 0x11, 0xf9, 0x15, 0xbc
	.byte	0x6d, 0x88, 0xa3, 0x7a, 0x11, 0x0b, 0x3e, 0xfd, 0xdb, 0xf9, 0x86, 0x41, 0xca, 0x00, 0x93, 0xfd
	.byte	0x4e, 0x54, 0xf7, 0x0e, 0x5f, 0x5f, 0xc9, 0xf3, 0x84, 0xa6, 0x4f, 0xb2, 0x4e, 0xa6, 0xdc, 0x4f
	.byte	0xea, 0xd2, 0x73, 0x21, 0xb5, 0x8d, 0xba, 0xd2, 0x31, 0x2b, 0xf5, 0x60, 0x7f, 0x8d, 0x29, 0x2f
	.byte	0xac, 0x77, 0x66, 0xf3, 0x19, 0xfa, 0xdc, 0x21, 0x28, 0xd1, 0x29, 0x41, 0x57, 0x5c, 0x00, 0x6e
	.byte	0xd0, 0x14, 0xf9, 0xa8, 0xc9, 0xee, 0x25, 0x89, 0xe1, 0x3f, 0x0c, 0xc8, 0xb6, 0x63, 0x0c, 0xa6
sha1_abc_block:		/* "abc", 0x80, zeros, the length 24 in bits */
	.word	0x61626380, 0, 0, 0, 0, 0, 0, 0
	.word	0, 0, 0, 0, 0, 0, 0, 0x00000018
	.word	0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476	/* initial H */
	.word	0xc3d2e1f0, 0, 0, 0
sha256_abc_block:
	.word	0x61626380, 0, 0, 0, 0, 0, 0, 0
	.word	0, 0, 0, 0, 0, 0, 0, 0x00000018
	.word	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a	/* initial H */
	.word	0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
sha256_k:		/* the first 32 bits of the fractional parts of the primes' cube roots */
	.word	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5
	.word	0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5
	.word	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3
	.word	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174
	.word	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc
	.word	0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da
	.word	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7
	.word	0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967
	.word	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13
	.word	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85
	.word	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3
	.word	0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070
	.word	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5
	.word	0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3
	.word	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208
	.word	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
lanes:			/* d = 1 2 3 4, n = 5 6 7 8, m = 0x20.. in each byte */
	.word	0x01010101, 0x02020202, 0x03030303, 0x04040404
	.word	0x05050505, 0x06060606, 0x07070707, 0x08080808
	.word	0x20202020, 0x20202020, 0x10101010, 0x10101010
pmull_operands:
	.quad	0x0123456789abcdef, 0x8000000000000001
	.quad	0xfedcba9876543210, 0x8000000000000001
	.quad	0, 0xa5a5a5a5deadbeef
	.quad	0, 0x00000000c0ffee11
check_string:
	.ascii	"123456789"
	.balign	8
rcpc_data:
	.quad	0x8182838485868788, 0x0123456789abcdef
