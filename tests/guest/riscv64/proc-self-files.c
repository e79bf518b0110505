/* /proc/self as the guest must see it: maps shows the guest's own mappings
 * (main in an r-xp mapping of the program, a [stack]), /proc/self/exe names
 * the program, auxv is the guest's auxiliary vector and cmdline its argv.
 * Prints facts only, never addresses, so static and dynamic builds agree. */
#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

static const char *yes_no(int value) { return value ? "yes" : "no"; }

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static size_t read_file(const char *path, char *buffer, size_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        perror(path);
        exit(1);
    }
    size_t total = 0;
    ssize_t got;
    while (total < size - 1 && (got = read(fd, buffer + total, size - 1 - total)) > 0)
        total += (size_t)got;
    close(fd);
    buffer[total] = '\0';
    return total;
}

/* The line of maps whose range holds addr, copied into line. */
static int find_mapping(const char *maps, uintptr_t addr, char *line, size_t size)
{
    for (const char *at = maps; *at;) {
        const char *end = strchr(at, '\n');
        size_t length = end ? (size_t)(end - at) : strlen(at);
        unsigned long start, stop;
        if (sscanf(at, "%lx-%lx", &start, &stop) == 2 && addr >= start && addr < stop) {
            snprintf(line, size, "%.*s", (int)length, at);
            return 1;
        }
        at += length + (end ? 1 : 0);
    }
    return 0;
}

static int mapping_names(const char *line, const char *name)
{
    size_t length = strlen(line), name_length = strlen(name);
    return length > name_length && strcmp(line + length - name_length, name) == 0 &&
           line[length - name_length - 1] == '/';
}

static char maps[1 << 16];

int main(int argc, char **argv)
{
    read_file("/proc/self/maps", maps, sizeof maps);
    char line[512];
    int found = find_mapping(maps, (uintptr_t)main, line, sizeof line);
    printf("main lies in a mapping: %s\n", yes_no(found));
    printf("that mapping is r-xp: %s\n", yes_no(found && strstr(line, " r-xp ") != NULL));
    printf("that mapping names the program: %s\n", yes_no(found && mapping_names(line, base_name(argv[0]))));
    int local;
    found = find_mapping(maps, (uintptr_t)&local, line, sizeof line);
    printf("a local variable lies in [stack]: %s\n", yes_no(found && strstr(line, "[stack]") != NULL));
    found = find_mapping(maps, (uintptr_t)printf, line, sizeof line);
    printf("printf lies in an r-xp mapping: %s\n", yes_no(found && strstr(line, " r-xp ") != NULL));

    char exe[4096];
    ssize_t length = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[length > 0 ? length : 0] = '\0';
    printf("/proc/self/exe ends with the program name: %s\n",
           yes_no(length > 0 && mapping_names(exe, base_name(argv[0]))));

    static uint64_t auxv[256];
    size_t bytes = read_file("/proc/self/auxv", (char *)auxv, sizeof auxv);
    int pagesz_ok = 0, entry_ok = 0, phdr_ok = 0, base_ok = 0, ends_with_null = 0;
    for (size_t i = 0; i + 1 < bytes / 8; i += 2) {
        if (auxv[i] == AT_PAGESZ)
            pagesz_ok = auxv[i + 1] == 4096;
        if (auxv[i] == AT_ENTRY)
            entry_ok = auxv[i + 1] == getauxval(AT_ENTRY);
        if (auxv[i] == AT_PHDR)
            phdr_ok = auxv[i + 1] == getauxval(AT_PHDR);
        if (auxv[i] == AT_BASE)
            base_ok = auxv[i + 1] == getauxval(AT_BASE);
        if (auxv[i] == AT_NULL)
            ends_with_null = (i + 2) * 8 == bytes;
    }
    printf("/proc/self/auxv has AT_PAGESZ 4096: %s\n", yes_no(pagesz_ok));
    printf("its AT_ENTRY, AT_PHDR and AT_BASE are getauxval's: %s\n", yes_no(entry_ok && phdr_ok && base_ok));
    printf("it ends with AT_NULL: %s\n", yes_no(ends_with_null));

    char cmdline[4096];
    size_t cmdline_length = read_file("/proc/self/cmdline", cmdline, sizeof cmdline);
    size_t at = 0;
    int matches = 1;
    for (int i = 0; i < argc; i++) {
        matches = matches && at < cmdline_length && strcmp(cmdline + at, argv[i]) == 0;
        at += strlen(argv[i]) + 1;
    }
    printf("/proc/self/cmdline is argv: %s\n", yes_no(matches && at == cmdline_length));
    return 0;
}
