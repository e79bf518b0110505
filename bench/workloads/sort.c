/* sort: quicksort (median of three, insertion sort below 16) and top-down
 * mergesort of pseudo-random 32-bit ints, each result checked to be ordered
 * and folded into the checksum. */
#include "bench.h"

#define COUNT  BENCH_SIZE(1u << 20, 1u << 16)
#define ROUNDS BENCH_SIZE(8, 4)

static void insertion_sort(int32_t *a, long n)
{
    for (long i = 1; i < n; i++) {
        int32_t v = a[i];
        long j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void swap(int32_t *a, int32_t *b)
{
    int32_t t = *a;
    *a = *b;
    *b = t;
}

static void quicksort(int32_t *a, long n)
{
    while (n > 16) {
        long mid = n / 2;
        if (a[mid] < a[0])
            swap(&a[mid], &a[0]);
        if (a[n - 1] < a[0])
            swap(&a[n - 1], &a[0]);
        if (a[n - 1] < a[mid])
            swap(&a[n - 1], &a[mid]);
        int32_t pivot = a[mid];
        long i = 0, j = n - 1;
        for (;;) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i >= j)
                break;
            swap(&a[i], &a[j]);
            i++;
            j--;
        }
        /* recurse into the smaller half, loop on the larger */
        if (j + 1 < n - j - 1) {
            quicksort(a, j + 1);
            a += j + 1;
            n -= j + 1;
        } else {
            quicksort(a + j + 1, n - j - 1);
            n = j + 1;
        }
    }
    insertion_sort(a, n);
}

static void mergesort_into(int32_t *a, int32_t *scratch, long n)
{
    if (n <= 16) {
        insertion_sort(a, n);
        return;
    }
    long half = n / 2;
    mergesort_into(a, scratch, half);
    mergesort_into(a + half, scratch, n - half);
    long i = 0, j = half, k = 0;
    while (i < half && j < n)
        scratch[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < half)
        scratch[k++] = a[i++];
    while (j < n)
        scratch[k++] = a[j++];
    memcpy(a, scratch, n * sizeof *a);
}

static uint64_t fold_sorted(const int32_t *a, long n)
{
    uint64_t sum = 0;
    for (long i = 0; i < n; i++) {
        if (i > 0 && a[i - 1] > a[i])
            return 0;
        sum = sum * 31 + (uint32_t)a[i];
    }
    return sum;
}

int main(void)
{
    int32_t *a = bench_alloc(COUNT * sizeof *a);
    int32_t *b = bench_alloc(COUNT * sizeof *b);
    int32_t *scratch = bench_alloc(COUNT * sizeof *scratch);
    uint64_t rng = 3, result = 0;
    for (int round = 0; round < ROUNDS; round++) {
        for (long i = 0; i < COUNT; i++) {
            /* a narrow range in odd rounds, so there are many equal keys */
            uint64_t r = bench_next(&rng);
            a[i] = (round & 1) ? (int32_t)(r % 1000) : (int32_t)r;
            b[i] = a[i];
        }
        quicksort(a, COUNT);
        mergesort_into(b, scratch, COUNT);
        uint64_t qs = fold_sorted(a, COUNT), ms = fold_sorted(b, COUNT);
        if (qs == 0 || qs != ms) {
            printf("sort: round %d not sorted (quicksort %016" PRIx64 ", mergesort %016" PRIx64 ")\n", round, qs, ms);
            return 1;
        }
        result = bench_mix(result, qs);
    }
    free(a);
    free(b);
    free(scratch);
    return bench_check("sort", result, BENCH_SIZE(0x0a93b285b6102031ull, 0x77c30ccc0e20c682ull));
}
