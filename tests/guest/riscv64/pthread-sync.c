/* Threads: mutexes, condition variables, barriers, atomics and thread-local
 * storage give exact results from many threads at once. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#define THREADS 8
#define ROUNDS 20000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long locked_counter;
static atomic_long atomic_counter;
static long amo_counter; /* amoadd through the compiler builtin */
static long cas_counter;  /* a compare-and-swap loop: lr.d/sc.d */
static _Thread_local long thread_local_sum;
static long thread_sums[THREADS];

static pthread_barrier_t barrier;
static int barrier_arrivals[THREADS];
static int after_barrier_seen[THREADS];

/* A bounded queue under a condition variable: producers and consumers. */
#define QUEUE_SIZE 16
static int queue[QUEUE_SIZE];
static int queue_head, queue_count;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER, not_full = PTHREAD_COND_INITIALIZER;
static long consumed_total;

static void *counter_thread(void *arg)
{
    long index = (long)arg;
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&lock);
        locked_counter++;
        pthread_mutex_unlock(&lock);
        atomic_fetch_add(&atomic_counter, 1);
        __atomic_fetch_add(&amo_counter, 2, __ATOMIC_RELAXED);
        long seen = __atomic_load_n(&cas_counter, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&cas_counter, &seen, seen + 3, 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) {
        }
        thread_local_sum += index;
    }
    thread_sums[index] = thread_local_sum;
    /* everyone arrives before anyone reads the others' arrival */
    __atomic_store_n(&barrier_arrivals[index], 1, __ATOMIC_RELEASE);
    pthread_barrier_wait(&barrier);
    int seen = 0;
    for (int i = 0; i < THREADS; i++)
        seen += __atomic_load_n(&barrier_arrivals[i], __ATOMIC_ACQUIRE);
    after_barrier_seen[index] = seen;
    return (void *)(index * 10);
}

static void *producer(void *arg)
{
    int base = (int)(long)arg;
    for (int i = 1; i <= 1000; i++) {
        pthread_mutex_lock(&lock);
        while (queue_count == QUEUE_SIZE)
            pthread_cond_wait(&not_full, &lock);
        queue[(queue_head + queue_count++) % QUEUE_SIZE] = base + i;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    long sum = 0;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&lock);
        while (queue_count == 0)
            pthread_cond_wait(&not_empty, &lock);
        sum += queue[queue_head];
        queue_head = (queue_head + 1) % QUEUE_SIZE;
        queue_count--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&lock);
    }
    pthread_mutex_lock(&lock);
    consumed_total += sum;
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(void)
{
    pthread_t threads[THREADS];
    pthread_barrier_init(&barrier, NULL, THREADS);
    thread_local_sum = 1000; /* the main thread's copy only */
    for (long i = 0; i < THREADS; i++)
        if (pthread_create(&threads[i], NULL, counter_thread, (void *)i) != 0)
            return 1;
    long joined = 0;
    for (int i = 0; i < THREADS; i++) {
        void *result;
        pthread_join(threads[i], &result);
        joined += (long)result;
    }
    printf("mutex counter: %ld\n", locked_counter);
    printf("atomic counter: %ld\n", (long)atomic_counter);
    printf("amoadd counter: %ld\n", amo_counter);
    printf("lr/sc counter: %ld\n", cas_counter);
    for (int i = 0; i < THREADS; i++)
        printf("thread %d: local sum %ld, saw %d arrivals after the barrier\n", i, thread_sums[i],
               after_barrier_seen[i]);
    printf("main thread-local: %ld\n", thread_local_sum);
    printf("join results: %ld\n", joined);

    pthread_t producers[2], consumers[2];
    for (long i = 0; i < 2; i++) {
        pthread_create(&producers[i], NULL, producer, (void *)(i * 100000));
        pthread_create(&consumers[i], NULL, consumer, NULL);
    }
    for (int i = 0; i < 2; i++) {
        pthread_join(producers[i], NULL);
        pthread_join(consumers[i], NULL);
    }
    printf("consumed total: %ld\n", consumed_total);
    return 0;
}
