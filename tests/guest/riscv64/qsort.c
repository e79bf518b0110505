/*
 * qsort on integers (including duplicates and the extremes, compared without
 * overflow) and on strings through an array of pointers: prints a checksum
 * of the sorted order, a few elements, and whether the result is sorted.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INT_COUNT 20000
#define STRING_COUNT 3000

static uint64_t random_state = 42;

static uint32_t next_random(void)
{
	random_state =
		random_state * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(random_state >> 32);
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ints[INT_COUNT];
static char *strings[STRING_COUNT];

int main(void)
{
	for (int i = 0; i < INT_COUNT; i++)
		ints[i] = (int)next_random();
	ints[0] = INT32_MIN;
	ints[1] = INT32_MAX;
	ints[2] = 0;
	for (int i = 3; i < 100; i++)
		ints[i] = ints[i % 7 + 10]; /* duplicates */
	qsort(ints, INT_COUNT, sizeof ints[0], compare_ints);
	uint64_t checksum = 0;
	int sorted = 1;
	for (int i = 0; i < INT_COUNT; i++) {
		checksum = checksum * 31 + (uint32_t)ints[i];
		if (i > 0 && ints[i - 1] > ints[i])
			sorted = 0;
	}
	printf("ints: sorted %d checksum %016" PRIx64 "\n", sorted, checksum);
	printf("  first %d %d %d, middle %d, last %d %d\n", ints[0], ints[1],
	       ints[2], ints[INT_COUNT / 2], ints[INT_COUNT - 2],
	       ints[INT_COUNT - 1]);

	for (int i = 0; i < STRING_COUNT; i++) {
		int length = (int)(next_random() % 12);
		strings[i] = malloc((size_t)length + 1);
		for (int j = 0; j < length; j++)
			strings[i][j] = (char)('a' + next_random() % 26);
		strings[i][length] = 0;
	}
	qsort(strings, STRING_COUNT, sizeof strings[0], compare_strings);
	checksum = 0;
	sorted = 1;
	for (int i = 0; i < STRING_COUNT; i++) {
		for (const char *c = strings[i]; *c; c++)
			checksum = checksum * 31 + (unsigned char)*c;
		checksum = checksum * 31 + 1;
		if (i > 0 && strcmp(strings[i - 1], strings[i]) > 0)
			sorted = 0;
	}
	printf("strings: sorted %d checksum %016" PRIx64 "\n", sorted,
	       checksum);
	printf("  first \"%s\" \"%s\" \"%s\", middle \"%s\", last \"%s\"\n",
	       strings[0], strings[1], strings[2], strings[STRING_COUNT / 2],
	       strings[STRING_COUNT - 1]);

	/* small cases: 0, 1 and 2 elements */
	int two[2] = {5, -5};
	qsort(two, 0, sizeof two[0], compare_ints);
	qsort(two, 1, sizeof two[0], compare_ints);
	printf("after n=0, n=1: %d %d\n", two[0], two[1]);
	qsort(two, 2, sizeof two[0], compare_ints);
	printf("after n=2: %d %d\n", two[0], two[1]);
	for (int i = 0; i < STRING_COUNT; i++)
		free(strings[i]);
	return 0;
}
