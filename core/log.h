/* -d/-D logging: one mask of enabled items, one output stream. */
#ifndef EMU_CORE_LOG_H
#define EMU_CORE_LOG_H

#include <stdbool.h>
#include <stdio.h>

enum log_item {
    LOG_IN_ASM = 1u << 0, /* guest code as it is translated */
    LOG_EXEC = 1u << 1,   /* each block as it runs */
    LOG_CPU = 1u << 2,    /* register state before each block */
    LOG_UNIMP = 1u << 3,  /* unimplemented syscalls and features */
    LOG_STRACE = 1u << 4, /* syscalls with arguments and results */
    LOG_OP = 1u << 5,     /* the JIT's IR of each translated block */
    LOG_OUT_ASM = 1u << 6, /* the host code the JIT made */
    LOG_PLUGIN = 1u << 7,  /* what plugins print (qemu_plugin_outs) */
};

extern unsigned log_mask;
extern FILE *log_file; /* stderr unless -D */

static inline bool log_enabled(enum log_item item) { return (log_mask & item) != 0; }
void log_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Parses "in_asm,cpu"; returns false (and names the bad item) on error. */
bool log_parse_items(const char *list, unsigned *mask, const char **bad_item);
bool log_open_file(const char *path);
/* The items that are on, as a -d argument ("" when none). */
void log_enabled_items_text(char *out, size_t size);
void log_print_items_help(FILE *out);

#endif
