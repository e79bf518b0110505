#include "log.h"

#include <stdarg.h>
#include <string.h>

unsigned log_mask;
FILE *log_file;

static const struct {
    const char *name;
    enum log_item item;
    const char *help;
} log_items[] = {
    {"in_asm", LOG_IN_ASM, "show guest code as it is translated (disassembled)"},
    {"exec", LOG_EXEC, "show each block as it runs"},
    {"cpu", LOG_CPU, "show the guest registers before each block"},
    {"unimp", LOG_UNIMP, "log unimplemented syscalls and features"},
    {"strace", LOG_STRACE, "log system calls with their arguments and results"},
    {"op", LOG_OP, "show the JIT's IR of each block it translates"},
    {"out_asm", LOG_OUT_ASM, "show the host code the JIT makes (disassembled)"},
    {"plugin", LOG_PLUGIN, "show what plugins print"},
};

void log_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(log_file ? log_file : stderr, fmt, ap);
    va_end(ap);
}

bool log_parse_items(const char *list, unsigned *mask, const char **bad_item)
{
    static char bad[64];
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        size_t i = 0;
        while (i < sizeof log_items / sizeof log_items[0] && !(strlen(log_items[i].name) == n && strncmp(log_items[i].name, p, n) == 0))
            i++;
        if (i == sizeof log_items / sizeof log_items[0]) {
            snprintf(bad, sizeof bad, "%.*s", (int)(n < 60 ? n : 60), p);
            *bad_item = bad;
            return false;
        }
        *mask |= log_items[i].item;
        p += n;
        if (*p == ',')
            p++;
    }
    return true;
}

bool log_open_file(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    setvbuf(f, NULL, _IOLBF, 0);
    log_file = f;
    return true;
}

void log_enabled_items_text(char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < sizeof log_items / sizeof log_items[0]; i++)
        if (log_enabled(log_items[i].item))
            snprintf(out + strlen(out), size - strlen(out), "%s%s", out[0] ? "," : "", log_items[i].name);
}

void log_print_items_help(FILE *out)
{
    for (size_t i = 0; i < sizeof log_items / sizeof log_items[0]; i++)
        fprintf(out, "                          %-8s %s\n", log_items[i].name, log_items[i].help);
}
