/* A shell's work without a shell: fork, pipe, dup2, execve, wait4, waitid.
 *
 * The pipeline "numbers | doubler > parent": child 1 writes 1..10 into a
 * pipe; child 2 execs this program again (through /proc/self/exe) in its
 * "double" mode, which turns each n into 2n+1 on a second pipe; the parent
 * reads and prints.  Then children that exit 3, die of SIGKILL, are waited
 * with waitid, run a #! script whose interpreter is this program, run host
 * programs (/bin/true, /bin/sh), and execve errors; process groups,
 * sessions and prctl names.  Only statuses and computed values are printed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void describe(const char *what, int status)
{
    if (WIFEXITED(status))
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by signal %d (%s)\n", what, WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        printf("%s: status 0x%x\n", what, status);
}

static int wait_for(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            perror("waitpid");
            exit(1);
        }
    return status;
}

/* "double" mode: the middle of the pipeline. */
static int run_doubler(void)
{
    long n;
    while (scanf("%ld", &n) == 1)
        printf("%ld\n", 2 * n + 1);
    return 0;
}

/* "script" mode: started by the kernel's (or emu's) #! handling. */
static int run_script_mode(int argc, char **argv)
{
    printf("script mode: argc %d, interpreter argument '%s', script %s, then '%s'\n", argc,
           argc > 1 ? argv[1] : "", argc > 2 && strstr(argv[2], "pipeline-script") ? "named" : "missing",
           argc > 3 ? argv[3] : "");
    return 4;
}

static void pipeline(void)
{
    int numbers[2], doubled[2];
    if (pipe(numbers) != 0 || pipe(doubled) != 0) {
        perror("pipe");
        exit(1);
    }
    fflush(stdout);
    pid_t producer = fork();
    if (producer == 0) {
        dup2(numbers[1], 1);
        close(numbers[0]);
        close(numbers[1]);
        close(doubled[0]);
        close(doubled[1]);
        for (int i = 1; i <= 10; i++)
            printf("%d\n", i);
        exit(0);
    }
    pid_t doubler = fork();
    if (doubler == 0) {
        dup2(numbers[0], 0);
        dup2(doubled[1], 1);
        close(numbers[0]);
        close(numbers[1]);
        close(doubled[0]);
        close(doubled[1]);
        execl("/proc/self/exe", "doubler", "double", (char *)NULL);
        _exit(127);
    }
    close(numbers[0]);
    close(numbers[1]);
    close(doubled[1]);
    FILE *in = fdopen(doubled[0], "r");
    long value, sum = 0;
    printf("pipeline:");
    while (fscanf(in, "%ld", &value) == 1) {
        printf(" %ld", value);
        sum += value;
    }
    printf("\npipeline sum: %ld\n", sum);
    fclose(in);
    describe("producer", wait_for(producer));
    describe("doubler (execve of /proc/self/exe)", wait_for(doubler));
}

static void exit_and_kill(void)
{
    fflush(stdout);
    pid_t child = fork();
    if (child == 0)
        _exit(3);
    int status;
    struct rusage usage;
    pid_t waited = wait4(child, &status, 0, &usage);
    printf("wait4 returned the child: %s\n", waited == child ? "yes" : "no");
    describe("child exiting 3", status);

    child = fork();
    if (child == 0) {
        for (;;)
            pause();
    }
    kill(child, SIGKILL);
    describe("child sent SIGKILL", wait_for(child));

    child = fork();
    if (child == 0)
        _exit(5);
    siginfo_t info;
    memset(&info, 0, sizeof info);
    int result = waitid(P_PID, (id_t)child, &info, WEXITED);
    printf("waitid: %d, si_signo %s, si_code %s, si_status %d, si_pid is the child: %s\n", result,
           info.si_signo == SIGCHLD ? "SIGCHLD" : "other", info.si_code == CLD_EXITED ? "CLD_EXITED" : "other",
           info.si_status, info.si_pid == child ? "yes" : "no");

    child = fork();
    if (child == 0) {
        for (;;)
            pause();
    }
    kill(child, SIGTERM);
    memset(&info, 0, sizeof info);
    result = waitid(P_PID, (id_t)child, &info, WEXITED);
    printf("waitid: %d, si_code %s, si_status %d (%s)\n", result, info.si_code == CLD_KILLED ? "CLD_KILLED" : "other",
           info.si_status, strsignal(info.si_status));
    printf("waitpid with no children left: %s\n", waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD ? "ECHILD" : "?");
}

static void script(void)
{
    char self[PATH_MAX];
    ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0) {
        perror("readlink /proc/self/exe");
        exit(1);
    }
    self[length] = '\0';
    char path[] = "/tmp/pipeline-script-XXXXXX";
    int fd = mkstemp(path);
    dprintf(fd, "#!%s script\n", self);
    close(fd);
    chmod(path, 0755);
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        execl(path, path, "after", (char *)NULL);
        _exit(127);
    }
    describe("#! script run by this program", wait_for(child));
    unlink(path);
}

static void run_host(const char *what, char *const argv[])
{
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        execve(argv[0], argv, environ);
        _exit(127);
    }
    describe(what, wait_for(child));
}

static void exec_error(const char *what, const char *path)
{
    char *argv[] = {(char *)path, NULL};
    int result = execve(path, argv, environ);
    printf("execve %s: %d %s\n", what, result, strerrorname_np(errno));
}

static void exec_errors(void)
{
    char plain[] = "/tmp/pipeline-plain-XXXXXX", garbage[] = "/tmp/pipeline-garbage-XXXXXX";
    int fd = mkstemp(plain);
    dprintf(fd, "not a program\n");
    close(fd);
    fd = mkstemp(garbage);
    dprintf(fd, "\x7f" "ELX garbage, neither ELF nor script\n");
    close(fd);
    chmod(garbage, 0755);
    exec_error("of a missing file", "/nonexistent/program");
    exec_error("of a directory", "/tmp");
    exec_error("of a file without x permission", plain);
    exec_error("of an executable that is no program", garbage);
    unlink(plain);
    unlink(garbage);
}

static void groups_and_names(void)
{
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        int joined = setpgid(0, 0) == 0 && getpgid(0) == getpid() && getpgrp() == getpid();
        int session = setsid() < 0 && errno == EPERM; /* a group leader cannot start a session */
        printf("child: own process group: %s, setsid as group leader: %s\n", joined ? "yes" : "no",
               session ? "EPERM" : "?");
        fflush(stdout);
        _exit(0);
    }
    wait_for(child);
    child = fork();
    if (child == 0) {
        int session = setsid() == getpid() && getsid(0) == getpid() && getpgid(0) == getpid();
        printf("child: new session: %s\n", session ? "yes" : "no");
        fflush(stdout);
        _exit(0);
    }
    wait_for(child);
    char name[16] = {0};
    prctl(PR_SET_NAME, "pipeline-test");
    prctl(PR_GET_NAME, name);
    printf("prctl name: %s\n", name);
    int count = getgroups(0, NULL);
    gid_t groups[256];
    printf("getgroups agrees with itself: %s\n", count >= 0 && getgroups(256, groups) == count ? "yes" : "no");
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "double") == 0)
        return run_doubler();
    if (argc > 1 && strcmp(argv[1], "script") == 0)
        return run_script_mode(argc, argv);
    pipeline();
    exit_and_kill();
    script();
    run_host("host /bin/true", (char *[]){"/bin/true", NULL});
    run_host("host /bin/sh -c 'exit 7'", (char *[]){"/bin/sh", "-c", "exit 7", NULL});
    exec_errors();
    groups_and_names();
    return 0;
}
