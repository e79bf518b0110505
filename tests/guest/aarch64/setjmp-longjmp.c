/* setjmp/longjmp across frames: the jump restores sp, callee-saved
 * registers and returns the value given (1 for 0); sigsetjmp with a saved
 * mask restores the mask. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

static jmp_buf env;
static sigjmp_buf sigenv;

static int depth_reached;

static void descend(int depth)
{
    volatile char frame[64];
    frame[0] = (char)depth;
    depth_reached = depth + frame[0] - depth;
    if (depth < 20)
        descend(depth + 1);
    else if (depth == 20)
        longjmp(env, depth);
}

static void jump_with_zero(void) { longjmp(env, 0); }

int main(void)
{
    volatile int counter = 0;
    volatile double kept = 1.5;
    int r = setjmp(env);
    counter++;
    if (r == 0) {
        kept = 2.5;
        descend(0);
    }
    printf("setjmp returned %d after depth %d, counter %d, kept %.1f\n", r, depth_reached, counter, kept);

    r = setjmp(env);
    if (r == 0)
        jump_with_zero();
    printf("longjmp(env, 0) makes setjmp return %d\n", r);

    sigset_t block, current;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    r = sigsetjmp(sigenv, 1);
    if (r == 0) {
        sigprocmask(SIG_BLOCK, &block, NULL);
        sigprocmask(SIG_SETMASK, NULL, &current);
        printf("before siglongjmp: SIGUSR1 blocked %d\n", sigismember(&current, SIGUSR1));
        siglongjmp(sigenv, 7);
    }
    sigprocmask(SIG_SETMASK, NULL, &current);
    printf("after siglongjmp %d: SIGUSR1 blocked %d\n", r, sigismember(&current, SIGUSR1));
    return 0;
}
