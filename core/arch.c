/* Looking up the built-in guests (the list is generated from isa-specs/). */
#include "arch.h"

#include <string.h>

extern const struct arch *const emu_arches[];

const struct arch *arch_by_name(const char *name)
{
    for (int i = 0; emu_arches[i]; i++)
        if (strcmp(emu_arches[i]->name, name) == 0)
            return emu_arches[i];
    return NULL;
}

const struct arch *arch_by_elf_machine(uint16_t machine)
{
    for (int i = 0; emu_arches[i]; i++)
        if (emu_arches[i]->elf_machine == machine)
            return emu_arches[i];
    return NULL;
}

const char *arch_names(void)
{
    static char names[256];
    if (!names[0]) {
        for (int i = 0; emu_arches[i]; i++) {
            if (i)
                strncat(names, " ", sizeof names - strlen(names) - 1);
            strncat(names, emu_arches[i]->name, sizeof names - strlen(names) - 1);
        }
    }
    return names;
}
