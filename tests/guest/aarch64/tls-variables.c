/* Thread-local variables: each thread sees its own copy, initialised from
 * the TLS image (.tdata) or zero (.tbss), through the thread pointer in
 * TPIDR_EL0; in the dynamic build also a TLS variable of libc (errno). */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static __thread int initialised = 42;
static __thread char zeroed[256];
__thread uint64_t exported_counter = 7;
static __thread struct {
    double scale;
    int history[8];
} per_thread = {.scale = 1.5};

enum { THREADS = 3 };
static char reports[THREADS][160];
static uint64_t offsets[THREADS], pointers[THREADS];

static uint64_t thread_pointer(void)
{
    uint64_t tp;
    __asm__ volatile("mrs %0, tpidr_el0" : "=r"(tp));
    return tp;
}

static void *worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    int fresh = initialised == 42 && exported_counter == 7 && per_thread.scale == 1.5 && zeroed[255] == 0;
    initialised += id;
    for (int i = 0; i < 1000; i++) {
        exported_counter += id;
        per_thread.history[i % 8] += id;
        zeroed[i % 256] ^= (char)id;
    }
    errno = 100 + id;
    int sum = 0;
    for (int i = 0; i < 8; i++)
        sum += per_thread.history[i];
    /* the address of a TLS variable is the thread pointer plus a constant */
    uint64_t offset = (uint64_t)(uintptr_t)&initialised - thread_pointer();
    snprintf(reports[id], sizeof reports[id], "thread %d: fresh %d, initialised %d, counter %llu, history %d, errno %d",
             id, fresh, initialised, (unsigned long long)exported_counter, sum, errno);
    offsets[id] = offset;
    pointers[id] = thread_pointer();
    return NULL;
}

int main(void)
{
    pthread_t threads[THREADS];
    uint64_t main_offset = (uint64_t)(uintptr_t)&initialised - thread_pointer();
    for (intptr_t t = 0; t < THREADS; t++)
        pthread_create(&threads[t], NULL, worker, (void *)t);
    for (int t = 0; t < THREADS; t++)
        pthread_join(threads[t], NULL);
    int offsets_agree = 1, pointers_distinct = 1;
    for (int t = 0; t < THREADS; t++) {
        offsets_agree &= offsets[t] == main_offset;
        pointers_distinct &= pointers[t] != thread_pointer();
        for (int u = 0; u < t; u++)
            pointers_distinct &= pointers[t] != pointers[u];
    }
    for (int t = 0; t < THREADS; t++)
        printf("%s\n", reports[t]);
    printf("main: initialised %d, counter %llu, scale %.1f, errno %d\n", initialised,
           (unsigned long long)exported_counter, per_thread.scale, errno);
    printf("every thread finds its TLS at the same offset from tpidr_el0: %d\n", offsets_agree);
    printf("threads have distinct thread pointers: %d\n", pointers_distinct);
    return 0;
}
