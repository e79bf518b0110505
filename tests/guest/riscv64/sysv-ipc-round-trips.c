/* System V IPC round trips.  Shared memory: a segment attached twice shows
 * one write through both addresses, IPC_STAT counts the attachments, a
 * forked child's write is seen by the parent, SHM_RDONLY attaches read-only
 * pages, shmdt of an unattached address is EINVAL.  Semaphores: SETALL and
 * GETALL, semop, IPC_STAT/IPC_SET of the mode, IPC_NOWAIT and a timed wait
 * that cannot proceed.  Message queues: types, ordering, IPC_STAT, ENOMSG. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long result)
{
    if (result < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, result);
}

static sigjmp_buf recover;
static void on_segv(int signal)
{
    (void)signal;
    siglongjmp(recover, 1);
}

static void shared_memory(void)
{
    int id = shmget(IPC_PRIVATE, 10000, IPC_CREAT | 0600);
    printf("shmget: %s\n", id >= 0 ? "id" : strerror(errno));
    char *first = shmat(id, NULL, 0);
    char *second = shmat(id, NULL, 0);
    printf("two attachments at different addresses: %s\n",
           first != (void *)-1 && second != (void *)-1 && first != second ? "yes" : "no");
    strcpy(first, "written through the first");
    printf("read through the second: %s\n", second);
    printf("last byte of the segment reachable: %d\n", second[9999]);
    struct shmid_ds state;
    show("shmctl IPC_STAT", shmctl(id, IPC_STAT, &state));
    printf("size %zu, attachments %lu, mode %o\n", state.shm_segsz, (unsigned long)state.shm_nattch,
           state.shm_perm.mode & 0777);

    pid_t child = fork();
    if (child == 0) {
        strcpy(second, "written by the child");
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    printf("after the child: %s\n", first);

    show("shmdt of the second", shmdt(second));
    show("shmdt of it again", shmdt(second));
    shmctl(id, IPC_STAT, &state);
    printf("attachments: %lu\n", (unsigned long)state.shm_nattch);

    char *read_only = shmat(id, NULL, SHM_RDONLY);
    printf("read-only attachment reads: %s\n", read_only);
    struct sigaction action = {.sa_handler = on_segv};
    sigaction(SIGSEGV, &action, NULL);
    if (sigsetjmp(recover, 1) == 0) {
        read_only[0] = 'X';
        printf("write to the read-only attachment: allowed\n");
    } else {
        printf("write to the read-only attachment: SIGSEGV\n");
    }
    shmdt(read_only);

    char *at_first = shmat(id, first, 0);
    printf("shmat over an attached range without SHM_REMAP: %s\n", at_first == (void *)-1 ? strerror(errno) : "ok");
    char *remapped = shmat(id, first, SHM_REMAP);
    printf("shmat over it with SHM_REMAP at the same address: %s\n", remapped == first ? "yes" : "no");
    show("shmdt", shmdt(first));
    show("shmctl IPC_RMID", shmctl(id, IPC_RMID, NULL));
    id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    show("shmctl IPC_STAT with a bad pointer", shmctl(id, IPC_STAT, (void *)8));
    shmctl(id, IPC_RMID, NULL);
}

static void semaphores(void)
{
    int id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    printf("semget: %s\n", id >= 0 ? "id" : strerror(errno));
    unsigned short values[3] = {1, 2, 3};
    show("semctl SETALL", semctl(id, 0, SETALL, values));
    struct sembuf operations[2] = {{0, -1, 0}, {2, 4, 0}};
    show("semop", semop(id, operations, 2));
    memset(values, 0, sizeof values);
    show("semctl GETALL", semctl(id, 0, GETALL, values));
    printf("values: %u %u %u\n", values[0], values[1], values[2]);
    show("semctl SETVAL 1 to 9", semctl(id, 1, SETVAL, 9));
    show("semctl GETVAL 1", semctl(id, 1, GETVAL));
    struct semid_ds state;
    show("semctl IPC_STAT", semctl(id, 0, IPC_STAT, &state));
    printf("nsems %lu, mode %o\n", (unsigned long)state.sem_nsems, state.sem_perm.mode & 0777);
    state.sem_perm.mode = 0640;
    show("semctl IPC_SET mode 0640", semctl(id, 0, IPC_SET, &state));
    semctl(id, 0, IPC_STAT, &state);
    printf("nsems %lu, mode %o\n", (unsigned long)state.sem_nsems, state.sem_perm.mode & 0777);
    struct sembuf take = {0, -1, IPC_NOWAIT};
    show("semop that would block, IPC_NOWAIT", semop(id, &take, 1));
    take.sem_flg = 0;
    struct timespec timeout = {0, 20 * 1000 * 1000};
    show("semtimedop that times out", semtimedop(id, &take, 1, &timeout));
    show("semop with a bad pointer", semop(id, (struct sembuf *)8, 1));
    show("semctl IPC_RMID", semctl(id, 0, IPC_RMID));
}

struct message {
    long type;
    char text[32];
};

static void message_queues(void)
{
    int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    printf("msgget: %s\n", id >= 0 ? "id" : strerror(errno));
    struct message message = {2, "two"};
    show("msgsnd type 2", msgsnd(id, &message, 4, 0));
    message = (struct message){1, "one"};
    show("msgsnd type 1", msgsnd(id, &message, 4, 0));
    struct msqid_ds state;
    show("msgctl IPC_STAT", msgctl(id, IPC_STAT, &state));
    printf("messages %lu, bytes %lu, mode %o\n", (unsigned long)state.msg_qnum, (unsigned long)state.msg_cbytes,
           state.msg_perm.mode & 0777);
    memset(&message, 0, sizeof message);
    show("msgrcv type 1", msgrcv(id, &message, sizeof message.text, 1, 0));
    printf("got type %ld: %s\n", message.type, message.text);
    show("msgrcv any", msgrcv(id, &message, sizeof message.text, 0, 0));
    printf("got type %ld: %s\n", message.type, message.text);
    show("msgrcv with nothing queued, IPC_NOWAIT", msgrcv(id, &message, sizeof message.text, 0, IPC_NOWAIT));
    show("msgsnd from a bad pointer", msgsnd(id, (void *)8, 4, 0));
    show("msgctl IPC_RMID", msgctl(id, IPC_RMID, NULL));
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    shared_memory();
    semaphores();
    message_queues();
    return 0;
}
