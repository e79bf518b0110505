/* raise(SIGABRT) with the default action kills the process by SIGABRT
 * (a shell sees 134); output written before is not lost. */
#include <signal.h>
#include <stdio.h>

int main(void)
{
    printf("about to abort\n");
    fflush(stdout);
    raise(SIGABRT);
    printf("still alive?\n");
    return 0;
}
