/*
 * libc's string and memory functions (hand-vectorized on most ports, so they
 * exercise unaligned and word-at-a-time loads, page-edge tails and byte
 * fixups) across lengths 0..300 and every source and destination alignment
 * 0..15. Each result is compared with a byte-at-a-time reference, which
 * gives a mismatch count, and folded into a checksum per function, which
 * gives the golden output. memcmp/strcmp results are reduced to their sign,
 * the only part the C standard defines.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define MAX_LENGTH 300
#define GUARD 64
#define BUFFER_SIZE (GUARD + 16 + MAX_LENGTH + 32 + GUARD)

static unsigned char source[BUFFER_SIZE], destination[BUFFER_SIZE];
static unsigned char reference[BUFFER_SIZE];
static uint64_t random_state = 0x2545f4914f6cdd1d;

static unsigned next_random(void)
{
	random_state =
		random_state * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)(random_state >> 33);
}

/* nonzero bytes, some with the top bit set */
static void fill(unsigned char *buffer, size_t size)
{
	for (size_t i = 0; i < size; i++)
		buffer[i] = (unsigned char)(next_random() % 255 + 1);
}

struct tally {
	uint64_t checksum;
	unsigned calls;
	unsigned mismatches;
};

static void add(struct tally *tally, uint64_t value)
{
	tally->checksum = (tally->checksum ^ value) * 0x100000001b3;
}

static void add_bytes(struct tally *tally, const unsigned char *bytes,
		      size_t size)
{
	for (size_t i = 0; i < size; i++)
		add(tally, bytes[i]);
}

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void report(const char *name, const struct tally *tally)
{
	printf("%-8s calls %6u mismatches %u checksum %016" PRIx64 "\n", name,
	       tally->calls, tally->mismatches, tally->checksum);
}

/* destination alignments paired with each source alignment */
static unsigned paired_alignment(unsigned source_alignment, unsigned k)
{
	static const unsigned delta[] = {0, 1, 8};
	if (k < 3)
		return (source_alignment + delta[k]) % 16;
	return 15 - source_alignment;
}

static void test_memcpy(void)
{
	struct tally tally = {0xcbf29ce484222325, 0, 0};
	for (size_t length = 0; length <= MAX_LENGTH; length++) {
		for (unsigned sa = 0; sa < 16; sa++) {
			for (unsigned k = 0; k < 4; k++) {
				unsigned da = paired_alignment(sa, k);
				unsigned char *to = destination + GUARD + da;
				unsigned char *from = source + GUARD + sa;
				memset(destination, 0xee, sizeof destination);
				memcpy(reference, destination,
				       sizeof reference);
				for (size_t i = 0; i < length; i++)
					reference[GUARD + da + i] = from[i];
				void *result = memcpy(to, from, length);
				tally.calls++;
				if (result != to ||
				    memcmp(reference, destination,
					   sizeof destination))
					tally.mismatches++;
				add_bytes(&tally, to - 8, length + 16);
			}
		}
	}
	report("memcpy", &tally);
}

static void test_memmove(void)
{
	static const int shifts[] = {-17, -8, -1, 1, 3, 8, 17};
	struct tally tally = {0xcbf29ce484222325, 0, 0};
	for (size_t length = 0; length <= MAX_LENGTH; length++) {
		for (unsigned sa = 0; sa < 16; sa++) {
			for (unsigned s = 0;
			     s < sizeof shifts / sizeof shifts[0]; s++) {
				unsigned char *from =
					destination + GUARD + 16 + sa;
				unsigned char *to = from + shifts[s];
				fill(destination, sizeof destination);
				memcpy(reference, destination,
				       sizeof reference);
				unsigned char saved[MAX_LENGTH];
				for (size_t i = 0; i < length; i++)
					saved[i] = from[i];
				for (size_t i = 0; i < length; i++)
					reference[to - destination + i] =
						saved[i];
				void *result = memmove(to, from, length);
				tally.calls++;
				if (result != to ||
				    memcmp(reference, destination,
					   sizeof destination))
					tally.mismatches++;
				add_bytes(&tally, to, length);
			}
		}
	}
	report("memmove", &tally);
}

static void test_memset(void)
{
	struct tally tally = {0xcbf29ce484222325, 0, 0};
	for (size_t length = 0; length <= MAX_LENGTH; length++) {
		for (unsigned da = 0; da < 16; da++) {
			int value = (int)(length * 7 + da) & 0xff;
			unsigned char *to = destination + GUARD + da;
			fill(destination, sizeof destination);
			memcpy(reference, destination, sizeof reference);
			for (size_t i = 0; i < length; i++)
				reference[GUARD + da + i] =
					(unsigned char)value;
			void *result = memset(to, value | 0x100, length);
			tally.calls++;
			if (result != to ||
			    memcmp(reference, destination, sizeof destination))
				tally.mismatches++;
			add_bytes(&tally, to - 8, length + 16);
		}
	}
	report("memset", &tally);
}

static int reference_memcmp(const unsigned char *a, const unsigned char *b,
			    size_t length)
{
	for (size_t i = 0; i < length; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

static int reference_strcmp(const unsigned char *a, const unsigned char *b)
{
	for (;; a++, b++)
		if (*a != *b || *a == 0)
			return (*a > *b) - (*a < *b);
}

/* a different nonzero byte, across the signed/unsigned boundary */
static unsigned char flipped(unsigned char byte)
{
	return byte == 0x80 ? 1 : byte ^ 0x80;
}

/* Compare equal copies, then copies differing at one position. */
static void test_comparisons(void)
{
	struct tally memcmp_tally = {0xcbf29ce484222325, 0, 0};
	struct tally strcmp_tally = {0xcbf29ce484222325, 0, 0};
	for (size_t length = 0; length <= MAX_LENGTH; length++) {
		for (unsigned sa = 0; sa < 16; sa++) {
			for (unsigned k = 0; k < 4; k++) {
				unsigned da = paired_alignment(sa, k);
				unsigned char *a = source + GUARD + sa;
				unsigned char *b = destination + GUARD + da;
				fill(a, length);
				memcpy(b, a, length);
				a[length] = b[length] = 0;
				/* where they differ: nowhere, first, last,
				 * middle */
				size_t where[4] = {length, 0, length - 1,
						   length / 2};
				for (unsigned w = 0; w < 4; w++) {
					if (w > 0 && length == 0)
						break;
					unsigned char saved = b[where[w]];
					if (w > 0)
						b[where[w]] =
							flipped(a[where[w]]);
					int expected =
						reference_memcmp(a, b, length);
					int got = sign(memcmp(a, b, length));
					memcmp_tally.calls++;
					memcmp_tally.mismatches +=
						got != expected;
					add(&memcmp_tally, (uint64_t)(got + 1));
					expected = reference_strcmp(a, b);
					got = sign(
						strcmp((char *)a, (char *)b));
					strcmp_tally.calls++;
					strcmp_tally.mismatches +=
						got != expected;
					add(&strcmp_tally, (uint64_t)(got + 1));
					b[where[w]] = saved;
				}
			}
		}
	}
	report("memcmp", &memcmp_tally);
	report("strcmp", &strcmp_tally);
}

static void test_strlen_strchr(void)
{
	struct tally strlen_tally = {0xcbf29ce484222325, 0, 0};
	struct tally strchr_tally = {0xcbf29ce484222325, 0, 0};
	for (size_t length = 0; length <= MAX_LENGTH; length++) {
		for (unsigned sa = 0; sa < 16; sa++) {
			unsigned char *s = source + GUARD + sa;
			fill(source, sizeof source);
			s[length] = 0;
			size_t got = strlen((char *)s);
			strlen_tally.calls++;
			strlen_tally.mismatches += got != length;
			add(&strlen_tally, got);

			/* look for the byte at a few positions, and for NUL */
			size_t probes[] = {0, length / 3, length - 1, length};
			for (unsigned p = 0; p < 4; p++) {
				if (probes[p] > length)
					continue;
				int c = s[probes[p]];
				size_t expected = 0;
				while (s[expected] != c && s[expected] != 0)
					expected++;
				char *found = strchr((char *)s, c);
				strchr_tally.calls++;
				if (s[expected] != c)
					strchr_tally.mismatches +=
						found != NULL;
				else
					strchr_tally.mismatches +=
						found != (char *)s + expected;
				add(&strchr_tally,
				    found ? (uint64_t)(found - (char *)s)
					  : ~0ull);
			}
			/* a byte that is absent */
			for (size_t i = 0; i < length; i++)
				if (s[i] == 0xff)
					s[i] = 0xfe;
			strchr_tally.calls++;
			strchr_tally.mismatches +=
				strchr((char *)s, 0xff) != NULL;
		}
	}
	report("strlen", &strlen_tally);
	report("strchr", &strchr_tally);
}

static void test_strstr(void)
{
	struct tally tally = {0xcbf29ce484222325, 0, 0};
	for (size_t length = 0; length <= MAX_LENGTH; length++) {
		for (unsigned sa = 0; sa < 16; sa++) {
			char *haystack = (char *)source + GUARD + sa;
			/* a small alphabet, so partial matches are common */
			for (size_t i = 0; i < length; i++)
				haystack[i] = (char)('a' + next_random() % 3);
			haystack[length] = 0;
			size_t needle_length = 1 + (length + sa) % 8;
			char needle[9];
			for (size_t i = 0; i < needle_length; i++)
				needle[i] = (char)('a' + next_random() % 3);
			needle[needle_length] = 0;
			const char *expected = NULL;
			for (size_t i = 0; i + needle_length <= length; i++) {
				if (!memcmp(haystack + i, needle,
					    needle_length)) {
					expected = haystack + i;
					break;
				}
			}
			char *found = strstr(haystack, needle);
			tally.calls++;
			tally.mismatches += found != expected;
			add(&tally,
			    found ? (uint64_t)(found - haystack) : ~0ull);
			found = strstr(haystack, "");
			tally.calls++;
			tally.mismatches += found != haystack;
		}
	}
	report("strstr", &tally);
}

int main(void)
{
	fill(source, sizeof source);
	test_memcpy();
	test_memmove();
	test_memset();
	test_comparisons();
	test_strlen_strchr();
	test_strstr();
	return 0;
}
