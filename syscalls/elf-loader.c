/* Loading an ELF64 program into guest memory, with the dynamic linker its
 * PT_INTERP names: every check that can fail says why in one line, and the
 * segments are copied (not file-mapped) into anonymous guest pages with
 * their final permissions.  As Linux's binfmt_elf does, a position-
 * independent program goes to ELF_DYN_BASE and the interpreter to a base
 * of its own chosen like an mmap without a hint (top-down). */
#define _GNU_SOURCE
#include "elf-loader.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arch.h"
#include "guest-memory.h"
#include "linux-user.h"
#include "mapping-names.h"

static const struct {
    uint16_t machine;
    const char *name;
} machine_names[] = {
    {EM_386, "i386"},          {EM_X86_64, "x86-64"},   {EM_AARCH64, "aarch64"},
    {EM_ARM, "arm"},           {EM_RISCV, "riscv"},     {EM_MIPS, "mips"},
    {EM_PPC, "ppc"},           {EM_PPC64, "ppc64"},     {EM_S390, "s390"},
    {EM_SPARC, "sparc"},       {EM_SPARCV9, "sparc64"}, {EM_IA_64, "ia64"},
    {EM_ALPHA, "alpha"},       {EM_SH, "sh"},           {EM_68K, "m68k"},
    {EM_PARISC, "hppa"},       {EM_LOONGARCH, "loongarch"},
};

const char *elf_machine_name(uint16_t machine)
{
    for (size_t i = 0; i < sizeof machine_names / sizeof machine_names[0]; i++)
        if (machine_names[i].machine == machine)
            return machine_names[i].name;
    return NULL;
}

static bool fail(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(const char *path, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    fprintf(stderr, "emu: %s: ", path);
    vfprintf(stderr, fmt, args);
    fputc('\n', stderr);
    va_end(args);
    return false;
}

struct elf_file {
    const char *path;
    char real_path[PATH_MAX]; /* absolute, for /proc/self/maps */
    int fd;
    uint64_t size;
};

static bool elf_open(const char *path, struct elf_file *file)
{
    file->path = path;
    file->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (file->fd < 0) {
        fprintf(stderr, "emu: could not open '%s': %s\n", path, strerror(errno));
        return false;
    }
    struct stat st;
    int error = fstat(file->fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : !S_ISREG(st.st_mode) ? EACCES : 0;
    if (error) {
        fprintf(stderr, "emu: could not open '%s': %s\n", path, strerror(error));
        close(file->fd);
        return false;
    }
    file->size = (uint64_t)st.st_size;
    if (!realpath(path, file->real_path))
        snprintf(file->real_path, sizeof file->real_path, "%s", path);
    return true;
}

/* Reads exactly len bytes at offset; false (with the message) when the file
 * ends first. */
static bool elf_read(const struct elf_file *file, uint64_t offset, void *buffer, uint64_t len)
{
    if (offset > file->size || len > file->size - offset)
        return fail(file->path, "truncated ELF file");
    uint8_t *out = buffer;
    while (len > 0) {
        ssize_t got = pread(file->fd, out, len, (off_t)offset);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return got < 0 ? fail(file->path, "read error: %s", strerror(errno))
                           : fail(file->path, "truncated ELF file");
        out += got;
        offset += (uint64_t)got;
        len -= (uint64_t)got;
    }
    return true;
}

/* The checks shared by elf_peek_machine and elf_load: magic and whole
 * header present.  The header is read as ELF64; e_machine sits at the same
 * offset in both classes. */
static bool elf_read_header(const struct elf_file *file, Elf64_Ehdr *header)
{
    memset(header, 0, sizeof *header);
    if (file->size < SELFMAG)
        return fail(file->path, "not an ELF file");
    if (!elf_read(file, 0, header->e_ident, EI_NIDENT < file->size ? EI_NIDENT : file->size))
        return false;
    if (memcmp(header->e_ident, ELFMAG, SELFMAG) != 0)
        return fail(file->path, "not an ELF file");
    uint64_t header_size = header->e_ident[EI_CLASS] == ELFCLASS32 ? sizeof(Elf32_Ehdr) : sizeof(Elf64_Ehdr);
    if (file->size < header_size)
        return fail(file->path, "truncated ELF file");
    return elf_read(file, 0, header, header_size);
}

static uint16_t header_machine(const Elf64_Ehdr *header)
{
    const uint8_t *bytes = (const uint8_t *)&header->e_machine;
    if (header->e_ident[EI_DATA] == ELFDATA2MSB)
        return (uint16_t)(bytes[0] << 8 | bytes[1]);
    return (uint16_t)(bytes[0] | bytes[1] << 8);
}

uint16_t elf_peek_machine(const char *path)
{
    struct elf_file file;
    if (!elf_open(path, &file))
        return 0;
    Elf64_Ehdr header;
    bool ok = elf_read_header(&file, &header);
    close(file.fd);
    return ok ? header_machine(&header) : 0;
}

static bool check_header(const struct elf_file *file, const Elf64_Ehdr *header, const struct arch *arch)
{
    if (header->e_ident[EI_CLASS] != ELFCLASS64 || arch->elf_class != ELFCLASS64)
        return fail(file->path, "ELF class is %s, not 64-bit",
                    header->e_ident[EI_CLASS] == ELFCLASS32 ? "32-bit" : "invalid");
    if (header->e_ident[EI_DATA] != ELFDATA2LSB)
        return fail(file->path, "ELF is %s, not little-endian",
                    header->e_ident[EI_DATA] == ELFDATA2MSB ? "big-endian" : "of invalid byte order");
    uint16_t machine = header_machine(header);
    if (machine != arch->elf_machine) {
        const char *name = elf_machine_name(machine);
        return fail(file->path, "ELF is for %s (machine %u), not %s", name ? name : "an unknown machine", machine,
                    arch->name);
    }
    if (header->e_type != ET_EXEC && header->e_type != ET_DYN)
        return fail(file->path, "not an executable (ELF type %u)", header->e_type);
    if (header->e_phentsize != sizeof(Elf64_Phdr))
        return fail(file->path, "unexpected program header size %u", header->e_phentsize);
    if (header->e_phnum == 0 || header->e_phnum == PN_XNUM)
        return fail(file->path, "no program headers");
    return true;
}

static int segment_prot(uint32_t flags)
{
    static const struct {
        uint32_t elf_flag;
        int prot;
    } table[] = {{PF_R, PROT_READ}, {PF_W, PROT_WRITE}, {PF_X, PROT_EXEC}};
    int prot = 0;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (flags & table[i].elf_flag)
            prot |= table[i].prot;
    return prot;
}

static uint64_t page_floor(uint64_t addr) { return addr & ~(GUEST_PAGE_SIZE - 1); }
static uint64_t page_ceil(uint64_t addr) { return page_floor(addr + GUEST_PAGE_SIZE - 1); }

/* A PT_LOAD segment with the bias applied, in page and byte bounds. */
struct segment {
    unsigned index; /* program header number, for messages */
    uint64_t start, end;           /* guest bytes [start, end) */
    uint64_t page_start, page_end; /* the pages holding them */
    uint64_t file_offset, file_size;
    int prot;
};

static bool check_segments(const struct elf_file *file, const struct segment *segments, unsigned count)
{
    for (unsigned i = 0; i < count; i++) {
        const struct segment *s = &segments[i];
        if (s->end < s->start || !guest_in_space(s->page_start, s->page_end - s->page_start) || s->page_end < s->end)
            return fail(file->path, "segment %u (0x%llx-0x%llx) lies outside the guest address space", s->index,
                        (unsigned long long)s->start, (unsigned long long)s->end);
        for (unsigned j = 0; j < i; j++)
            if (s->start < segments[j].end && segments[j].start < s->end)
                return fail(file->path, "segments %u and %u overlap", segments[j].index, s->index);
    }
    return true;
}

/* Maps the not-yet-mapped pages of a segment (its edge pages may already
 * belong to a neighbour) read-write, for copying. */
static bool map_segment_pages(const struct elf_file *file, const struct segment *s)
{
    uint64_t addr = s->page_start;
    while (addr < s->page_end) {
        if (guest_page_prot(addr) >= 0) {
            addr += GUEST_PAGE_SIZE;
            continue;
        }
        uint64_t run_end = addr;
        while (run_end < s->page_end && guest_page_prot(run_end) < 0)
            run_end += GUEST_PAGE_SIZE;
        int error = guest_map(addr, run_end - addr, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (error)
            return fail(file->path, "could not map segment %u: %s", s->index, strerror(-error));
        addr = run_end;
    }
    return true;
}

/* Final permissions: a page shared by two segments gets both's. */
static bool protect_segments(const struct elf_file *file, const struct segment *segments, unsigned count)
{
    for (unsigned i = 0; i < count; i++) {
        const struct segment *s = &segments[i];
        uint64_t edges[2] = {s->page_start, s->page_end - GUEST_PAGE_SIZE};
        int error = guest_protect(s->page_start, s->page_end - s->page_start, s->prot);
        for (int e = 0; e < 2 && !error; e++) {
            int prot = 0;
            for (unsigned k = 0; k < count; k++)
                if (segments[k].page_start <= edges[e] && edges[e] < segments[k].page_end)
                    prot |= segments[k].prot;
            error = guest_protect(edges[e], GUEST_PAGE_SIZE, prot);
        }
        if (error)
            return fail(file->path, "could not protect segment %u: %s", s->index, strerror(-error));
    }
    return true;
}

/* What one loaded file (program or interpreter) contributes. */
struct loaded_file {
    uint64_t load_bias;
    uint64_t base; /* the lowest page of the loaded file */
    uint64_t end;  /* page-aligned end of the highest segment */
    bool stack_executable;
    bool has_interp;
    uint64_t interp_offset, interp_size; /* PT_INTERP in the file */
};

/* Reads the program headers and collects the PT_LOAD segments (unbiased),
 * noting PT_INTERP and PT_GNU_STACK. */
static bool read_segments(const struct elf_file *file, const Elf64_Ehdr *header, Elf64_Phdr *phdrs,
                          struct segment *segments, unsigned *count, struct loaded_file *loaded)
{
    if (!elf_read(file, header->e_phoff, phdrs, (uint64_t)header->e_phnum * sizeof(Elf64_Phdr)))
        return false;
    *count = 0;
    for (unsigned i = 0; i < header->e_phnum; i++) {
        const Elf64_Phdr *ph = &phdrs[i];
        if (ph->p_type == PT_INTERP) {
            if (ph->p_filesz < 2 || ph->p_filesz > PATH_MAX || ph->p_offset > file->size ||
                ph->p_filesz > file->size - ph->p_offset)
                return fail(file->path, "bad PT_INTERP (%llu bytes at 0x%llx)", (unsigned long long)ph->p_filesz,
                            (unsigned long long)ph->p_offset);
            loaded->has_interp = true;
            loaded->interp_offset = ph->p_offset;
            loaded->interp_size = ph->p_filesz;
        }
        if (ph->p_type == PT_GNU_STACK)
            loaded->stack_executable = (ph->p_flags & PF_X) != 0;
        if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
            continue;
        if (ph->p_filesz > ph->p_memsz)
            return fail(file->path, "segment %u has a file size larger than its memory size", i);
        if (ph->p_offset > file->size || ph->p_filesz > file->size - ph->p_offset)
            return fail(file->path, "truncated ELF file");
        struct segment *s = &segments[(*count)++];
        *s = (struct segment){.index = i, .start = ph->p_vaddr, .end = ph->p_vaddr + ph->p_memsz,
                              .file_offset = ph->p_offset, .file_size = ph->p_filesz,
                              .prot = segment_prot(ph->p_flags)};
    }
    if (*count == 0)
        return fail(file->path, "no loadable segments");
    return true;
}

/* The bias of an ET_DYN file: the program goes to ELF_DYN_BASE, the
 * interpreter to a free range as big as all its segments; an ET_EXEC stays
 * put.  Applies it to the segments. */
static bool place_segments(const struct elf_file *file, const Elf64_Ehdr *header, bool is_interp,
                           struct segment *segments, unsigned count, struct loaded_file *loaded)
{
    uint64_t lowest = UINT64_MAX, highest = 0;
    for (unsigned i = 0; i < count; i++) {
        if (segments[i].start < lowest)
            lowest = segments[i].start;
        if (segments[i].end > highest)
            highest = segments[i].end;
    }
    loaded->load_bias = 0;
    if (header->e_type == ET_DYN) {
        uint64_t base = ELF_DYN_BASE;
        if (is_interp) {
            base = highest > lowest ? guest_find_free(0, page_ceil(highest) - page_floor(lowest)) : 0;
            if (base == 0)
                return fail(file->path, "no room in the guest address space for the interpreter");
        }
        loaded->load_bias = base - page_floor(lowest);
    }
    loaded->base = page_floor(lowest) + loaded->load_bias;
    for (unsigned i = 0; i < count; i++) {
        struct segment *s = &segments[i];
        s->start += loaded->load_bias;
        s->end += loaded->load_bias;
        s->page_start = page_floor(s->start);
        s->page_end = page_ceil(s->end);
    }
    return true;
}

/* AT_PHDR: from PT_PHDR, else where the loaded file image holds e_phoff. */
static uint64_t find_phdr_address(const Elf64_Ehdr *header, const Elf64_Phdr *phdrs)
{
    for (unsigned i = 0; i < header->e_phnum; i++)
        if (phdrs[i].p_type == PT_PHDR)
            return phdrs[i].p_vaddr;
    for (unsigned i = 0; i < header->e_phnum; i++)
        if (phdrs[i].p_type == PT_LOAD && phdrs[i].p_offset <= header->e_phoff &&
            header->e_phoff - phdrs[i].p_offset < phdrs[i].p_filesz)
            return phdrs[i].p_vaddr + (header->e_phoff - phdrs[i].p_offset);
    return 0;
}

static bool load_segments(const struct elf_file *file, const struct segment *segments, unsigned count)
{
    for (unsigned i = 0; i < count; i++) {
        const struct segment *s = &segments[i];
        if (!map_segment_pages(file, s))
            return false;
        /* /proc/self/maps names the pages the file fills; the rest is bss. */
        if (s->file_size > 0)
            mapping_names_note_path(s->page_start, page_ceil(s->start + s->file_size), file->real_path,
                                    page_floor(s->file_offset));
        /* The guest pages are read-write now, and their range was checked. */
        if (!elf_read(file, s->file_offset, g2h(s->start), s->file_size))
            return false;
        /* bss, including the rest of the last file page. */
        memset(g2h(s->start + s->file_size), 0, s->end - s->start - s->file_size);
    }
    return protect_segments(file, segments, count);
}

/* Loads one file: the program (is_interp false) or its interpreter.  The
 * parts of image that come from this file are filled in; the PT_INTERP
 * string, if any, goes to interp (NUL-terminated, size PATH_MAX). */
static bool load_file(const char *path, const struct arch *arch, bool is_interp, struct elf_image *image,
                      char *interp)
{
    struct elf_file file;
    if (!elf_open(path, &file))
        return false;
    Elf64_Ehdr header;
    bool ok = elf_read_header(&file, &header) && check_header(&file, &header, arch);
    Elf64_Phdr *phdrs = ok ? calloc(header.e_phnum, sizeof *phdrs) : NULL;
    struct segment *segments = ok ? calloc(header.e_phnum, sizeof *segments) : NULL;
    if (ok && (!phdrs || !segments))
        ok = fail(path, "out of memory");
    unsigned count = 0;
    struct loaded_file loaded = {0};
    ok = ok && read_segments(&file, &header, phdrs, segments, &count, &loaded);
    if (ok && loaded.has_interp) {
        if (is_interp)
            ok = fail(path, "the interpreter has an interpreter of its own (PT_INTERP)");
        else if (elf_read(&file, loaded.interp_offset, interp, loaded.interp_size) &&
                 (interp[loaded.interp_size - 1] != '\0' || strlen(interp) != loaded.interp_size - 1))
            ok = fail(path, "PT_INTERP is not a NUL-terminated path");
    }
    ok = ok && place_segments(&file, &header, is_interp, segments, count, &loaded) &&
         check_segments(&file, segments, count) && load_segments(&file, segments, count);
    close(file.fd);
    if (ok) {
        uint64_t entry = header.e_entry + loaded.load_bias;
        for (unsigned i = 0; i < count; i++)
            if (segments[i].page_end > loaded.end)
                loaded.end = segments[i].page_end;
        if (is_interp) {
            image->interp_base = loaded.base;
            image->start_pc = entry;
        } else {
            image->entry = image->start_pc = entry;
            image->load_bias = loaded.load_bias;
            image->phdr = find_phdr_address(&header, phdrs) + loaded.load_bias;
            image->phnum = header.e_phnum;
            image->phent = header.e_phentsize;
            image->brk = loaded.end;
            image->stack_executable = loaded.stack_executable;
            if (!loaded.has_interp)
                interp[0] = '\0';
        }
    }
    free(phdrs);
    free(segments);
    return ok;
}

bool sysroot_path(const char *sysroot, const char *path, char *out, size_t size)
{
    if (sysroot && sysroot[0] && path[0] == '/') {
        char rooted[PATH_MAX];
        int length = snprintf(rooted, sizeof rooted, "%s%s", sysroot, path);
        if (length > 0 && (size_t)length < sizeof rooted && (size_t)length < size && access(rooted, F_OK) == 0) {
            memcpy(out, rooted, (size_t)length + 1);
            return true;
        }
    }
    if (strlen(path) >= size)
        return false;
    strcpy(out, path);
    return true;
}

bool elf_load(const char *path, const char *sysroot, const struct arch *arch, struct elf_image *image)
{
    memset(image, 0, sizeof *image);
    char interp[PATH_MAX];
    if (!load_file(path, arch, false, image, interp))
        return false;
    if (interp[0] == '\0')
        return true;
    char host_interp[PATH_MAX];
    if (!sysroot_path(sysroot, interp, host_interp, sizeof host_interp))
        return fail(path, "interpreter path too long");
    if (access(host_interp, F_OK) != 0) {
        fprintf(stderr, "emu: %s: could not find the interpreter '%s'%s%s\n", path, interp,
                sysroot ? " in " : " (give the guest's libraries with -L or EMU_LD_PREFIX)", sysroot ? sysroot : "");
        return false;
    }
    return load_file(host_interp, arch, true, image, interp);
}
