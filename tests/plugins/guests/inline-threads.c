/* Four threads, each summing and writing its own array, for the inline
 * plugin: every vCPU runs blocks, instructions and memory accesses.  The
 * threads wait for each other before they end, so all four live at once
 * and get vCPUs 1 to 4 (an exited thread's index may be given again). */
#include <pthread.h>
#include <stdio.h>

#define THREADS 4
#define N 1000

static long data[THREADS][N];
static pthread_barrier_t work_done;

static void *work(void *arg)
{
    long *a = arg, sum = 0;
    for (int round = 0; round < 10; round++)
        for (int i = 0; i < N; i++) {
            a[i] += i + round;
            sum += a[i];
        }
    pthread_barrier_wait(&work_done);
    return (void *)sum;
}

int main(void)
{
    pthread_t threads[THREADS];
    long total = 0;

    pthread_barrier_init(&work_done, NULL, THREADS);
    for (int t = 0; t < THREADS; t++)
        if (pthread_create(&threads[t], NULL, work, data[t]) != 0)
            return 1;
    for (int t = 0; t < THREADS; t++) {
        void *sum;
        pthread_join(threads[t], &sum);
        total += (long)sum;
    }
    printf("%ld\n", total);
    return 0;
}
