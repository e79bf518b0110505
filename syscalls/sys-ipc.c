/* System V IPC: semaphores, message queues and the shared-memory segments'
 * control (shmat/shmdt, which map memory, are in sys-shm-attach.c).  The
 * objects live in the host kernel; only the structs that describe them are
 * converted where the asm-generic layout is not x86-64's:
 *   struct ipc64_perm: the same bytes (the guest's 32-bit mode is the
 *     host's 16-bit mode and its padding, little-endian);
 *   struct shmid64_ds, msqid64_ds, shminfo64, shm_info, msginfo, seminfo,
 *     msgbuf, sembuf: the same;
 *   struct semid64_ds: x86-64 keeps an unused long after each time, the
 *     asm-generic one does not (88 bytes against 104): converted here. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "guest-memory.h"
#include "syscalls.h"

static int64_t fail(int host_errno) { return -guest_errno_from_host(host_errno); }

/* The C libraries of 32-bit ABIs mark the 64-bit structs with IPC_64; a
 * 64-bit kernel without version parsing (x86-64's) would refuse the bit. */
#define IPC_64_FLAG 0x100
static int ipc_command(uint64_t cmd) { return (int)cmd & ~IPC_64_FLAG; }

struct ipc64_perm_layout {
    int32_t key;
    uint32_t uid, gid, cuid, cgid;
    uint32_t mode; /* the host's: uint16_t mode, uint16_t pad */
    uint16_t seq, pad;
    uint64_t unused[2];
};
_Static_assert(sizeof(struct ipc64_perm_layout) == 48, "ipc64_perm");

struct guest_semid64_ds {
    struct ipc64_perm_layout sem_perm;
    int64_t sem_otime;
    int64_t sem_ctime;
    uint64_t sem_nsems;
    uint64_t unused[2];
};
_Static_assert(sizeof(struct guest_semid64_ds) == 88, "asm-generic semid64_ds");

struct host_semid64_ds {
    struct ipc64_perm_layout sem_perm;
    int64_t sem_otime;
    uint64_t unused1;
    int64_t sem_ctime;
    uint64_t unused2;
    uint64_t sem_nsems;
    uint64_t unused[2];
};
_Static_assert(sizeof(struct host_semid64_ds) == 104, "x86-64 semid64_ds");

/* Sizes of the structs the ctl calls pass through unchanged. */
#define SHMID64_DS_SIZE 112
#define SHMINFO64_SIZE 72
#define SHM_INFO_SIZE 48
#define MSQID64_DS_SIZE 120
#define MSGINFO_SIZE 32
#define SEMINFO_SIZE 40
_Static_assert(sizeof(struct shmid_ds) == SHMID64_DS_SIZE, "shmid64_ds passes through");
_Static_assert(sizeof(struct msqid_ds) == MSQID64_DS_SIZE, "msqid64_ds passes through");
_Static_assert(sizeof(struct shm_info) == SHM_INFO_SIZE, "shm_info passes through");
_Static_assert(sizeof(struct msginfo) == MSGINFO_SIZE, "msginfo passes through");
_Static_assert(sizeof(struct seminfo) == SEMINFO_SIZE, "seminfo passes through");

/* A ctl command's buffer: how big, and whether the kernel reads or writes it. */
struct ctl_buffer {
    int cmd;
    uint64_t size;
    int prot; /* PROT_READ: the kernel reads it; PROT_WRITE: fills it */
};

static const struct ctl_buffer shm_buffers[] = {
    {IPC_STAT, SHMID64_DS_SIZE, PROT_WRITE},     {SHM_STAT, SHMID64_DS_SIZE, PROT_WRITE},
    {SHM_STAT_ANY, SHMID64_DS_SIZE, PROT_WRITE}, {IPC_SET, SHMID64_DS_SIZE, PROT_READ},
    {IPC_INFO, SHMINFO64_SIZE, PROT_WRITE},      {SHM_INFO, SHM_INFO_SIZE, PROT_WRITE},
    {0, 0, 0},
};

static const struct ctl_buffer msg_buffers[] = {
    {IPC_STAT, MSQID64_DS_SIZE, PROT_WRITE},     {MSG_STAT, MSQID64_DS_SIZE, PROT_WRITE},
    {MSG_STAT_ANY, MSQID64_DS_SIZE, PROT_WRITE}, {IPC_SET, MSQID64_DS_SIZE, PROT_READ},
    {IPC_INFO, MSGINFO_SIZE, PROT_WRITE},        {MSG_INFO, MSGINFO_SIZE, PROT_WRITE},
    {0, 0, 0},
};

/* The guest buffer a ctl command uses, checked; NULL (with *error left 0)
 * for commands without one (IPC_RMID, SHM_LOCK...), which ignore it. */
static void *ctl_buffer(const struct ctl_buffer *table, int cmd, uint64_t guest_addr, int64_t *error)
{
    for (const struct ctl_buffer *entry = table; entry->size; entry++)
        if (entry->cmd == cmd)
            return guest_buffer(guest_addr, entry->size, entry->prot, error);
    return NULL;
}

SYSCALL_HANDLER(shmget)
{
    (void)process;
    /* IPC_CREAT, IPC_EXCL, SHM_HUGETLB, SHM_NORESERVE: the same everywhere */
    return guest_result(syscall(SYS_shmget, (key_t)args[0], (size_t)args[1], (int)args[2]));
}

SYSCALL_HANDLER(shmctl)
{
    (void)process;
    int cmd = ipc_command(args[1]);
    int64_t error = 0;
    void *buffer = ctl_buffer(shm_buffers, cmd, args[2], &error);
    if (error)
        return error;
    return guest_result(syscall(SYS_shmctl, (int)args[0], cmd, buffer));
}

SYSCALL_HANDLER(msgget)
{
    (void)process;
    return guest_result(syscall(SYS_msgget, (key_t)args[0], (int)args[1]));
}

SYSCALL_HANDLER(msgctl)
{
    (void)process;
    int cmd = ipc_command(args[1]);
    int64_t error = 0;
    void *buffer = ctl_buffer(msg_buffers, cmd, args[2], &error);
    if (error)
        return error;
    return guest_result(syscall(SYS_msgctl, (int)args[0], cmd, buffer));
}

/* struct msgbuf is a long type then the text: msgsz counts the text only.
 * A size no kernel accepts is EINVAL before the buffer is looked at. */
#define MSG_SIZE_LIMIT (UINT64_C(1) << 31)

SYSCALL_HANDLER(msgsnd)
{
    (void)process;
    if (args[2] > MSG_SIZE_LIMIT)
        return fail(EINVAL);
    int64_t error;
    const void *message = guest_buffer(args[1], sizeof(int64_t) + args[2], PROT_READ, &error);
    return message ? guest_result(syscall(SYS_msgsnd, (int)args[0], message, (size_t)args[2], (int)args[3])) : error;
}

SYSCALL_HANDLER(msgrcv)
{
    (void)process;
    if (args[2] > MSG_SIZE_LIMIT)
        return fail(EINVAL);
    int64_t error;
    void *message = guest_buffer(args[1], sizeof(int64_t) + args[2], PROT_WRITE, &error);
    if (!message)
        return error;
    /* MSG_NOERROR, MSG_EXCEPT, MSG_COPY, IPC_NOWAIT: the same everywhere */
    return guest_result(syscall(SYS_msgrcv, (int)args[0], message, (size_t)args[2], (long)args[3], (int)args[4]));
}

SYSCALL_HANDLER(semget)
{
    (void)process;
    return guest_result(syscall(SYS_semget, (key_t)args[0], (int)args[1], (int)args[2]));
}

/* struct sembuf: three shorts, six bytes, the same everywhere.  The kernel
 * caps nsops far lower (SEMOPM) and answers E2BIG past its cap. */
#define SEMOP_COUNT_LIMIT 65536

static int64_t semaphore_operations(const uint64_t *args, uint64_t guest_timeout)
{
    if (args[2] > SEMOP_COUNT_LIMIT)
        return fail(E2BIG);
    int64_t error;
    void *operations = guest_buffer(args[1], args[2] * 6, PROT_READ, &error);
    if (!operations)
        return error;
    struct timespec timeout;
    if (guest_timeout && copy_from_guest(&timeout, guest_timeout, sizeof timeout) != 0)
        return fail(EFAULT);
    return guest_result(
        syscall(SYS_semtimedop, (int)args[0], operations, (size_t)args[2], guest_timeout ? &timeout : NULL));
}

SYSCALL_HANDLER(semop)
{
    (void)process;
    return semaphore_operations(args, 0);
}

SYSCALL_HANDLER(semtimedop)
{
    (void)process;
    return semaphore_operations(args, args[3]);
}

/* The number of semaphores in a set, for GETALL/SETALL's array. */
static int64_t semaphore_count(int id, uint64_t *count)
{
    struct host_semid64_ds host;
    if (syscall(SYS_semctl, id, 0, IPC_STAT, &host) != 0)
        return fail(errno);
    *count = host.sem_nsems;
    return 0;
}

static void semid_to_guest(struct guest_semid64_ds *guest, const struct host_semid64_ds *host)
{
    *guest = (struct guest_semid64_ds){
        .sem_perm = host->sem_perm,
        .sem_otime = host->sem_otime,
        .sem_ctime = host->sem_ctime,
        .sem_nsems = host->sem_nsems,
    };
}

/* semctl's fourth argument is union semun passed by value: an int for
 * SETVAL, a guest pointer for the rest. */
SYSCALL_HANDLER(semctl)
{
    (void)process;
    int id = (int)args[0], number = (int)args[1], cmd = ipc_command(args[2]);
    uint64_t argument = args[3];
    int64_t error = 0;
    switch (cmd) {
    case IPC_STAT:
    case SEM_STAT:
    case SEM_STAT_ANY: {
        struct host_semid64_ds host;
        struct guest_semid64_ds guest;
        long result = syscall(SYS_semctl, id, number, cmd, &host);
        if (result < 0)
            return fail(errno);
        semid_to_guest(&guest, &host);
        return copy_to_guest(argument, &guest, sizeof guest) != 0 ? fail(EFAULT) : result;
    }
    case IPC_SET: {
        struct guest_semid64_ds guest;
        if (copy_from_guest(&guest, argument, sizeof guest) != 0)
            return fail(EFAULT);
        struct host_semid64_ds host = {.sem_perm = guest.sem_perm, .sem_otime = guest.sem_otime,
                                       .sem_ctime = guest.sem_ctime, .sem_nsems = guest.sem_nsems};
        return guest_result(syscall(SYS_semctl, id, number, cmd, &host));
    }
    case IPC_INFO:
    case SEM_INFO: {
        void *info = guest_buffer(argument, SEMINFO_SIZE, PROT_WRITE, &error);
        return info ? guest_result(syscall(SYS_semctl, id, number, cmd, info)) : error;
    }
    case GETALL:
    case SETALL: {
        uint64_t count = 0;
        error = semaphore_count(id, &count);
        if (error)
            return error;
        void *values = guest_buffer(argument, count * sizeof(unsigned short), cmd == GETALL ? PROT_WRITE : PROT_READ,
                                    &error);
        return values ? guest_result(syscall(SYS_semctl, id, number, cmd, values)) : error;
    }
    case SETVAL:
        return guest_result(syscall(SYS_semctl, id, number, cmd, (int)argument));
    default: /* IPC_RMID, GETVAL, GETPID, GETNCNT, GETZCNT, or the host's EINVAL */
        return guest_result(syscall(SYS_semctl, id, number, cmd, 0));
    }
}
