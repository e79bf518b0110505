/* Sorting: qsort of records by two keys, and a hand-written merge sort of
 * pseudo-random numbers checked for order and for being a permutation. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
    char name[12];
    int score;
};

static int by_score_then_name(const void *a, const void *b)
{
    const struct record *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return strcmp(x->name, y->name);
}

static void merge_sort(uint32_t *values, uint32_t *scratch, size_t n)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    merge_sort(values, scratch, half);
    merge_sort(values + half, scratch, n - half);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        scratch[k++] = values[j] < values[i] ? values[j++] : values[i++];
    while (i < half)
        scratch[k++] = values[i++];
    while (j < n)
        scratch[k++] = values[j++];
    memcpy(values, scratch, n * sizeof *values);
}

enum { COUNT = 20000 };
static uint32_t values[COUNT], scratch[COUNT];

int main(void)
{
    struct record records[] = {
        {"delta", 70}, {"alpha", 90}, {"echo", 70}, {"bravo", 85}, {"charlie", 90}, {"foxtrot", -5}, {"golf", 0},
    };
    size_t n = sizeof records / sizeof records[0];
    qsort(records, n, sizeof records[0], by_score_then_name);
    for (size_t i = 0; i < n; i++)
        printf("%-8s %3d\n", records[i].name, records[i].score);

    uint32_t state = 12345, xor_before = 0, sum_before = 0;
    for (size_t i = 0; i < COUNT; i++) {
        state = state * 1103515245u + 12345u;
        values[i] = state >> 8;
        xor_before ^= values[i];
        sum_before += values[i];
    }
    merge_sort(values, scratch, COUNT);
    uint32_t xor_after = 0, sum_after = 0;
    int ordered = 1;
    for (size_t i = 0; i < COUNT; i++) {
        xor_after ^= values[i];
        sum_after += values[i];
        if (i > 0 && values[i - 1] > values[i])
            ordered = 0;
    }
    printf("merge sort of %d: ordered %d, same sum %d, same xor %d\n", COUNT, ordered, sum_before == sum_after,
           xor_before == xor_after);
    printf("min %u median %u max %u\n", values[0], values[COUNT / 2], values[COUNT - 1]);
    return 0;
}
