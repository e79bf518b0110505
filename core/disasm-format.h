/* Appending operands to a disassembly line, for generated disassemblers. */
#ifndef EMU_CORE_DISASM_FORMAT_H
#define EMU_CORE_DISASM_FORMAT_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static inline char *dis_puts(char *p, char *end, const char *s)
{
    size_t room = (size_t)(end - p);
    size_t n = strlen(s);
    if (room == 0)
        return p;
    if (n >= room)
        n = room - 1;
    memcpy(p, s, n);
    p[n] = 0;
    return p + n;
}

static inline char *dis_printf_u64(char *p, char *end, const char *fmt, uint64_t value)
{
    char buf[32];
    snprintf(buf, sizeof buf, fmt, value);
    return dis_puts(p, end, buf);
}

static inline char *dis_hex(char *p, char *end, uint64_t value) { return dis_printf_u64(p, end, "0x%llx", value); }

static inline char *dis_dec(char *p, char *end, int is_signed, uint64_t value)
{
    return dis_printf_u64(p, end, is_signed ? "%lld" : "%llu", value);
}

/* hex, with a minus sign for a negative signed value: #-0x10 */
static inline char *dis_hex_signed(char *p, char *end, int is_signed, uint64_t value)
{
    if (is_signed && (int64_t)value < 0) {
        p = dis_puts(p, end, "-");
        value = -value;
    }
    return dis_hex(p, end, value);
}

/* a name from a names table, or the number when the table has none */
static inline char *dis_name(char *p, char *end, const char *const *names, int count, uint64_t index)
{
    if (index >= (uint64_t)count)
        return dis_printf_u64(p, end, "%llu", index);
    return dis_puts(p, end, names[index]);
}

static inline char *dis_reg(char *p, char *end, const char *const *names, int count, uint64_t index)
{
    if (index >= (uint64_t)count)
        return dis_printf_u64(p, end, "r%llu", index);
    return dis_puts(p, end, names[index]);
}

#endif
