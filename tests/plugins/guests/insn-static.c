/* A static program with libc start-up and a data-dependent loop, for
 * comparing the insn plugin's count with emu --stats. */
#include <stdio.h>

int main(void)
{
    unsigned long x = 1;
    for (int i = 0; i < 10000; i++)
        x = x * 6364136223846793005ul + 1442695040888963407ul;
    printf("%lu\n", x);
    return 0;
}
