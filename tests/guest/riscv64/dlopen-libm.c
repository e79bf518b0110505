/* A dynamically linked program loads a library at run time: dlopen of
 * libm.so.6 (found through the sysroot), dlsym of cos, and calls through
 * the pointer; dlsym of a missing name fails with a message. */
#include <dlfcn.h>
#include <stdio.h>

int main(void)
{
    void *libm = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
    if (!libm) {
        printf("dlopen failed: %s\n", dlerror());
        return 1;
    }
    double (*cosine)(double) = (double (*)(double))dlsym(libm, "cos");
    if (!cosine) {
        printf("dlsym failed: %s\n", dlerror());
        return 1;
    }
    for (int i = 0; i <= 4; i++)
        printf("cos(%.2f) = %.17g\n", i * 0.5, cosine(i * 0.5));
    printf("dlsym of a missing name: %s\n", dlsym(libm, "no_such_function") ? "found" : "NULL");
    printf("dlclose: %d\n", dlclose(libm));
    return 0;
}
