/*
 * The initial process stack: argc and argv (from argv-envp-auxv.args,
 * including an empty-looking word split and punctuation), envp following
 * argv's NULL as the ABI lays it out, and the auxiliary vector. Only facts
 * that hold under any correct loader are printed: values such as the hwcap
 * bits, the random bytes or the addresses differ between emulators.
 */
#include <elf.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

extern char **environ;
extern char _start[];

static const char *yes_no(int condition)
{
	return condition ? "yes" : "no";
}

int main(int argc, char **argv, char **envp)
{
	printf("argc=%d\n", argc);
	for (int i = 0; i < argc; i++) {
		const char *shown = argv[i];
		if (i ==
		    0) { /* the path differs; its last component does not */
			const char *slash = strrchr(shown, '/');
			shown = slash ? slash + 1 : shown;
		}
		printf("argv[%d]=\"%s\" (%zu bytes)\n", i, shown,
		       strlen(shown));
	}
	printf("argv[argc] is NULL: %s\n", yes_no(argv[argc] == NULL));
	printf("envp follows argv: %s\n", yes_no(envp == argv + argc + 1));
	printf("environ == envp: %s\n", yes_no(environ == envp));
	int well_formed = 1;
	for (char **e = envp; *e; e++)
		well_formed &= strchr(*e, '=') != NULL;
	printf("every environment entry has '=': %s\n", yes_no(well_formed));

	printf("AT_PAGESZ=%lu\n", getauxval(AT_PAGESZ));
	printf("AT_HWCAP nonzero: %s\n", yes_no(getauxval(AT_HWCAP) != 0));
	unsigned long phnum = getauxval(AT_PHNUM);
	printf("AT_PHNUM>0: %s\n", yes_no(phnum > 0));
	printf("AT_PHENT=%lu\n", getauxval(AT_PHENT));
	const Elf64_Phdr *phdr = (const Elf64_Phdr *)getauxval(AT_PHDR);
	int loads = 0;
	for (unsigned long i = 0; phdr && i < phnum; i++)
		loads += phdr[i].p_type == PT_LOAD;
	printf("AT_PHDR lists PT_LOAD segments: %s\n", yes_no(loads > 0));
	printf("AT_ENTRY is _start: %s\n",
	       yes_no(getauxval(AT_ENTRY) == (unsigned long)_start));
	printf("AT_BASE (no interpreter)=%lu\n", getauxval(AT_BASE));
	const unsigned char *random_bytes =
		(const unsigned char *)getauxval(AT_RANDOM);
	printf("AT_RANDOM non-null: %s\n", yes_no(random_bytes != NULL));
	if (random_bytes) {
		unsigned sum = 0; /* readable; the value is not printed */
		for (int i = 0; i < 16; i++)
			sum += random_bytes[i];
		printf("AT_RANDOM readable: %s\n", yes_no(sum < 16 * 256));
	}
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	const char *base = execfn ? strrchr(execfn, '/') : NULL;
	printf("AT_EXECFN basename=%s\n", base	   ? base + 1
					  : execfn ? execfn
						   : "(none)");
	printf("AT_SECURE=%lu\n", getauxval(AT_SECURE));
	return 0;
}
