/* The main program's symbols and code extent, read from its ELF file, for
 * qemu_plugin_insn_symbol and qemu_plugin_start_code/end_code. */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin-internal.h"

struct symbol {
    uint64_t addr, size;
    const char *name;
};

static struct symbol *symbols;
static size_t symbol_count;

static int by_address(const void *a, const void *b)
{
    uint64_t x = ((const struct symbol *)a)->addr, y = ((const struct symbol *)b)->addr;
    return x < y ? -1 : x > y;
}

static void *read_at(FILE *f, uint64_t offset, uint64_t size)
{
    if (size == 0 || size > (1u << 30))
        return NULL;
    void *buf = malloc(size);
    if (buf && (fseek(f, (long)offset, SEEK_SET) != 0 || fread(buf, 1, size, f) != size)) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Function and object symbols of the symbol table; nothing when the file
 * is stripped or not a 64-bit ELF. */
static void read_symbols(FILE *f, const Elf64_Ehdr *eh, uint64_t load_bias)
{
    Elf64_Shdr *sh = read_at(f, eh->e_shoff, (uint64_t)eh->e_shnum * sizeof *sh);
    if (!sh || eh->e_shentsize != sizeof *sh) {
        free(sh);
        return;
    }
    for (unsigned i = 0; i < eh->e_shnum; i++) {
        if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh->e_shnum)
            continue;
        Elf64_Sym *syms = read_at(f, sh[i].sh_offset, sh[i].sh_size);
        char *strtab = read_at(f, sh[sh[i].sh_link].sh_offset, sh[sh[i].sh_link].sh_size);
        size_t n = sh[i].sh_size / sizeof *syms;
        symbols = syms && strtab ? calloc(n, sizeof *symbols) : NULL;
        for (size_t k = 0; symbols && k < n; k++) {
            int type = ELF64_ST_TYPE(syms[k].st_info);
            if ((type != STT_FUNC && type != STT_OBJECT) || syms[k].st_value == 0 ||
                syms[k].st_name >= sh[sh[i].sh_link].sh_size)
                continue;
            symbols[symbol_count].addr = syms[k].st_value + load_bias;
            symbols[symbol_count].size = syms[k].st_size;
            symbols[symbol_count].name = strtab + syms[k].st_name; /* strtab is kept */
            symbol_count++;
        }
        free(syms);
        break;
    }
    free(sh);
    qsort(symbols, symbol_count, sizeof *symbols, by_address);
}

void plugin_program_read(const char *path, uint64_t load_bias)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    Elf64_Ehdr eh;
    if (fread(&eh, sizeof eh, 1, f) != 1 || memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
        eh.e_ident[EI_CLASS] != ELFCLASS64) {
        fclose(f);
        return;
    }
    Elf64_Phdr *ph = read_at(f, eh.e_phoff, (uint64_t)eh.e_phnum * sizeof *ph);
    for (unsigned i = 0; ph && i < eh.e_phnum; i++) {
        if (ph[i].p_type != PT_LOAD || !(ph[i].p_flags & PF_X))
            continue;
        uint64_t start = ph[i].p_vaddr + load_bias, end = start + ph[i].p_memsz;
        if (!plugin_program.start_code || start < plugin_program.start_code)
            plugin_program.start_code = start;
        if (end > plugin_program.end_code)
            plugin_program.end_code = end;
    }
    free(ph);
    read_symbols(f, &eh, load_bias);
    fclose(f);
}

/* The symbol whose extent holds addr (a sized one), or that starts there. */
const char *plugin_symbol_at(uint64_t addr)
{
    size_t low = 0, high = symbol_count; /* the first symbol above addr */
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (symbols[mid].addr <= addr)
            low = mid + 1;
        else
            high = mid;
    }
    /* the nearest symbols at or below addr (a few share an address) */
    for (size_t i = low, looked = 0; i-- > 0 && looked < 8; looked++)
        if (addr == symbols[i].addr || addr - symbols[i].addr < symbols[i].size)
            return symbols[i].name;
    return NULL;
}
