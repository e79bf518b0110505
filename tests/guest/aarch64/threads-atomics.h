/* Threads hammering shared counters with the __atomic builtins, compiled
 * three ways (threads-atomics*.c): gcc's default outline atomics (which
 * pick LSE or exclusives from AT_HWCAP at run time), exclusives only
 * (LDXR/STXR loops) and LSE only (LDADD, CAS, SWP). The totals are exact
 * only if every read-modify-write is atomic. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

enum { THREADS = 4, ROUNDS = 20000 };

static uint64_t counter64;
static uint32_t counter32;
static uint16_t counter16;
static uint64_t cas_counter;
static uint64_t or_bits;
static uint64_t max_seen;
static int spin_lock;
static uint64_t locked_total;

static void *worker(void *arg)
{
    uint64_t id = (uint64_t)(uintptr_t)arg;
    for (int i = 0; i < ROUNDS; i++) {
        __atomic_fetch_add(&counter64, 3, __ATOMIC_RELAXED);
        __atomic_fetch_sub(&counter32, 1, __ATOMIC_ACQ_REL);
        __atomic_add_fetch(&counter16, 1, __ATOMIC_SEQ_CST);
        uint64_t old = __atomic_load_n(&cas_counter, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&cas_counter, &old, old + 2, 1, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
            ;
        __atomic_fetch_or(&or_bits, UINT64_C(1) << (id * 8 + i % 8), __ATOMIC_RELAXED);
        uint64_t value = id * ROUNDS + i, seen = __atomic_load_n(&max_seen, __ATOMIC_RELAXED);
        while (seen < value &&
               !__atomic_compare_exchange_n(&max_seen, &seen, value, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
            ;
        while (__atomic_exchange_n(&spin_lock, 1, __ATOMIC_ACQUIRE))
            while (__atomic_load_n(&spin_lock, __ATOMIC_RELAXED))
                ;
        locked_total += id + 1; /* plain accesses, ordered by the lock */
        __atomic_store_n(&spin_lock, 0, __ATOMIC_RELEASE);
    }
    return NULL;
}

int main(void)
{
    pthread_t threads[THREADS];
    counter32 = THREADS * ROUNDS;
    for (uintptr_t t = 0; t < THREADS; t++)
        pthread_create(&threads[t], NULL, worker, (void *)t);
    for (int t = 0; t < THREADS; t++)
        pthread_join(threads[t], NULL);
    printf("fetch_add 64: %llu (expected %d)\n", (unsigned long long)counter64, 3 * THREADS * ROUNDS);
    printf("fetch_sub 32: %u (expected 0)\n", counter32);
    printf("add_fetch 16: %u (expected %d)\n", counter16, (THREADS * ROUNDS) & 0xffff);
    printf("cas loop: %llu (expected %d)\n", (unsigned long long)cas_counter, 2 * THREADS * ROUNDS);
    printf("fetch_or bits: %016llx\n", (unsigned long long)or_bits);
    printf("cas max: %llu\n", (unsigned long long)max_seen);
    printf("spin lock total: %llu (expected %d)\n", (unsigned long long)locked_total,
           ROUNDS * THREADS * (THREADS + 1) / 2);
    return 0;
}
