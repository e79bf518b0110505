/* Types of the semantic language and their C spelling. */
#include <stdio.h>
#include <string.h>

#include "ast.h"

struct type type_int(int width, bool is_signed)
{
    struct type t = {T_INT, width, is_signed};
    return t;
}

const char *c_type_name(struct type t)
{
    if (t.kind == T_BOOL)
        return "bool";
    if (t.kind == T_VOID)
        return "void";
    switch (t.width) {
    case 8: return t.is_signed ? "int8_t" : "uint8_t";
    case 16: return t.is_signed ? "int16_t" : "uint16_t";
    case 32: return t.is_signed ? "int32_t" : "uint32_t";
    case 64: return t.is_signed ? "int64_t" : "uint64_t";
    default: return t.is_signed ? "__int128" : "unsigned __int128";
    }
}

/* "u32", "s64", "bool"; false when name is not a type. */
bool parse_type_name(const char *name, struct type *out)
{
    if (strcmp(name, "bool") == 0) {
        out->kind = T_BOOL;
        out->width = 1;
        out->is_signed = false;
        return true;
    }
    if ((name[0] != 'u' && name[0] != 's') || !name[1])
        return false;
    int width;
    char extra;
    if (sscanf(name + 1, "%d%c", &width, &extra) != 1)
        return false;
    if (width != 8 && width != 16 && width != 32 && width != 64 && width != 128)
        return false;
    *out = type_int(width, name[0] == 's');
    return true;
}
