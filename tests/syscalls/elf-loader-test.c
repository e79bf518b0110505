/* syscalls/elf-loader: every refusal says why in one line, and a good
 * program lands where its headers say with the right permissions. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "arch.h"
#include "guest-memory.h"
#include "elf-loader.h"
#include "linux-user.h"

static const struct arch riscv64 = {.name = "riscv64", .elf_machine = EM_RISCV, .elf_class = ELFCLASS64};

static char path[64];

static void setup(void)
{
    cr_assert(guest_memory_reserve());
    cr_redirect_stderr();
    snprintf(path, sizeof path, "/tmp/elf-loader-test-XXXXXX");
    close(mkstemp(path));
}

static void teardown(void) { unlink(path); }

TestSuite(elf_loader, .init = setup, .fini = teardown);

/* A small program: text at 0x10000 (r-x), data+bss at 0x11000 (rw-). */
struct test_elf {
    Elf64_Ehdr header;
    Elf64_Phdr phdrs[3];
    uint8_t text[16];
    uint8_t data[8];
};

static struct test_elf good_elf(void)
{
    struct test_elf elf = {0};
    memcpy(elf.header.e_ident, ELFMAG, SELFMAG);
    elf.header.e_ident[EI_CLASS] = ELFCLASS64;
    elf.header.e_ident[EI_DATA] = ELFDATA2LSB;
    elf.header.e_ident[EI_VERSION] = EV_CURRENT;
    elf.header.e_type = ET_EXEC;
    elf.header.e_machine = EM_RISCV;
    elf.header.e_version = EV_CURRENT;
    elf.header.e_entry = 0x10000 + offsetof(struct test_elf, text);
    elf.header.e_phoff = offsetof(struct test_elf, phdrs);
    elf.header.e_ehsize = sizeof(Elf64_Ehdr);
    elf.header.e_phentsize = sizeof(Elf64_Phdr);
    elf.header.e_phnum = 2;
    elf.phdrs[0] = (Elf64_Phdr){.p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0, .p_vaddr = 0x10000,
                                .p_filesz = offsetof(struct test_elf, data), .p_memsz = offsetof(struct test_elf, data)};
    elf.phdrs[1] = (Elf64_Phdr){.p_type = PT_LOAD, .p_flags = PF_R | PF_W,
                                .p_offset = offsetof(struct test_elf, data),
                                .p_vaddr = 0x11000 + offsetof(struct test_elf, data), .p_filesz = 8,
                                .p_memsz = 0x2000};
    memset(elf.text, 0x13, sizeof elf.text);
    memset(elf.data, 0xdd, sizeof elf.data);
    return elf;
}

static void write_file(const void *bytes, size_t len)
{
    FILE *file = fopen(path, "wb");
    cr_assert(file);
    cr_assert_eq(fwrite(bytes, 1, len, file), len);
    fclose(file);
}

static void assert_refused_with(const char *message)
{
    struct elf_image image;
    cr_assert_not(elf_load(path, NULL, &riscv64, &image));
    fflush(stderr);
    char expected[256];
    snprintf(expected, sizeof expected, "emu: %s: %s\n", path, message);
    cr_assert_stderr_eq_str(expected);
}

Test(elf_loader, missing_file_names_the_error)
{
    struct elf_image image;
    cr_assert_not(elf_load("/nonexistent/prog", NULL, &riscv64, &image));
    fflush(stderr);
    cr_assert_stderr_eq_str("emu: could not open '/nonexistent/prog': No such file or directory\n");
}

Test(elf_loader, text_file_is_not_an_elf)
{
    write_file("#!/bin/sh\necho hi\n", 18);
    assert_refused_with("not an ELF file");
}

Test(elf_loader, short_header_is_truncated)
{
    struct test_elf elf = good_elf();
    write_file(&elf, 30);
    assert_refused_with("truncated ELF file");
}

Test(elf_loader, program_headers_past_the_end_are_truncated)
{
    struct test_elf elf = good_elf();
    write_file(&elf, sizeof(Elf64_Ehdr) + 10);
    assert_refused_with("truncated ELF file");
}

Test(elf_loader, segment_data_past_the_end_is_truncated)
{
    struct test_elf elf = good_elf();
    elf.phdrs[1].p_filesz = 4096;
    elf.phdrs[1].p_memsz = 8192;
    write_file(&elf, sizeof elf);
    assert_refused_with("truncated ELF file");
}

Test(elf_loader, wrong_machine_is_named)
{
    struct test_elf elf = good_elf();
    elf.header.e_machine = EM_X86_64;
    write_file(&elf, sizeof elf);
    assert_refused_with("ELF is for x86-64 (machine 62), not riscv64");
}

Test(elf_loader, thirty_two_bit_class_is_refused)
{
    struct test_elf elf = good_elf();
    elf.header.e_ident[EI_CLASS] = ELFCLASS32;
    write_file(&elf, sizeof elf);
    assert_refused_with("ELF class is 32-bit, not 64-bit");
}

Test(elf_loader, big_endian_is_refused)
{
    struct test_elf elf = good_elf();
    elf.header.e_ident[EI_DATA] = ELFDATA2MSB;
    elf.header.e_machine = (uint16_t)(EM_RISCV << 8); /* as a big-endian file holds it */
    write_file(&elf, sizeof elf);
    assert_refused_with("ELF is big-endian, not little-endian");
}

Test(elf_loader, interpreter_path_must_be_nul_terminated)
{
    struct test_elf elf = good_elf();
    elf.header.e_phnum = 3;
    elf.phdrs[2] = (Elf64_Phdr){.p_type = PT_INTERP, .p_offset = offsetof(struct test_elf, text), .p_filesz = 4};
    write_file(&elf, sizeof elf);
    assert_refused_with("PT_INTERP is not a NUL-terminated path");
}

/* A program naming an interpreter: "/interp" (placed in the text bytes). */
static struct test_elf program_with_interp(void)
{
    struct test_elf elf = good_elf();
    elf.header.e_phnum = 3;
    memcpy(elf.text, "/interp", 8);
    elf.phdrs[2] = (Elf64_Phdr){.p_type = PT_INTERP, .p_offset = offsetof(struct test_elf, text), .p_filesz = 8};
    return elf;
}

Test(elf_loader, missing_interpreter_is_named)
{
    struct test_elf elf = program_with_interp();
    write_file(&elf, sizeof elf);
    struct elf_image image;
    cr_assert_not(elf_load(path, "/nonexistent-sysroot", &riscv64, &image));
    fflush(stderr);
    char message[256];
    snprintf(message, sizeof message, "emu: %s: could not find the interpreter '/interp' in /nonexistent-sysroot\n",
             path);
    cr_assert_stderr_eq_str(message);
}

/* The interpreter comes from the sysroot, goes to a base of its own (an
 * ET_DYN interpreter), and execution starts at its entry. */
Test(elf_loader, interpreter_is_loaded_from_the_sysroot_at_its_own_base)
{
    char sysroot[64], interp_path[96];
    snprintf(sysroot, sizeof sysroot, "/tmp/elf-loader-root-XXXXXX");
    cr_assert(mkdtemp(sysroot));
    snprintf(interp_path, sizeof interp_path, "%s/interp", sysroot);
    struct test_elf interp = good_elf();
    interp.header.e_type = ET_DYN;
    interp.header.e_entry = 0x10004;
    FILE *file = fopen(interp_path, "wb");
    cr_assert(file);
    fwrite(&interp, sizeof interp, 1, file);
    fclose(file);
    struct test_elf elf = program_with_interp();
    elf.phdrs[0].p_vaddr = 0x100000;
    elf.phdrs[1].p_vaddr = 0x101000 + offsetof(struct test_elf, data);
    elf.header.e_entry = 0x100000 + offsetof(struct test_elf, text);
    write_file(&elf, sizeof elf);
    struct elf_image image;
    bool loaded = elf_load(path, sysroot, &riscv64, &image);
    unlink(interp_path);
    rmdir(sysroot);
    cr_assert(loaded);
    cr_assert_eq(image.entry, elf.header.e_entry);
    cr_assert_neq(image.interp_base, 0);
    cr_assert_eq(image.interp_base % GUEST_PAGE_SIZE, 0);
    cr_assert_eq(image.start_pc, image.interp_base + 0x4);
    cr_assert_eq(image.brk, 0x104000); /* the program's, not the interpreter's */
    cr_assert_eq(guest_page_prot(image.interp_base), PROT_READ | PROT_EXEC);
    cr_assert_eq(memcmp(g2h(image.interp_base + offsetof(struct test_elf, text)), interp.text, sizeof interp.text), 0);
}

Test(elf_loader, overlapping_segments_are_refused)
{
    struct test_elf elf = good_elf();
    elf.phdrs[1].p_vaddr = 0x10010;
    write_file(&elf, sizeof elf);
    assert_refused_with("segments 0 and 1 overlap");
}

Test(elf_loader, segment_beyond_the_guest_space_is_refused)
{
    struct test_elf elf = good_elf();
    elf.phdrs[1].p_vaddr = GUEST_SPACE_SIZE - 0x1000;
    write_file(&elf, sizeof elf);
    char message[128];
    snprintf(message, sizeof message, "segment 1 (0x%llx-0x%llx) lies outside the guest address space",
             (unsigned long long)(GUEST_SPACE_SIZE - 0x1000), (unsigned long long)(GUEST_SPACE_SIZE + 0x1000));
    assert_refused_with(message);
}

Test(elf_loader, loads_segments_with_bss_and_permissions)
{
    struct test_elf elf = good_elf();
    write_file(&elf, sizeof elf);
    struct elf_image image;
    cr_assert(elf_load(path, NULL, &riscv64, &image));
    cr_assert_eq(image.entry, elf.header.e_entry);
    cr_assert_eq(image.load_bias, 0);
    cr_assert_eq(image.phdr, 0x10000 + elf.header.e_phoff);
    cr_assert_eq(image.phnum, 2);
    cr_assert_eq(image.phent, sizeof(Elf64_Phdr));
    uint64_t data = 0x11000 + offsetof(struct test_elf, data);
    cr_assert_eq(image.brk, 0x14000); /* data + 0x2000 rounded up to a page */
    cr_assert_eq(memcmp(g2h(image.entry), elf.text, sizeof elf.text), 0);
    cr_assert_eq(memcmp(g2h(data), elf.data, 8), 0);
    cr_assert_eq(*(uint8_t *)g2h(data + 8), 0);
    cr_assert_eq(*(uint8_t *)g2h(data + 0x1fff), 0);
    cr_assert_eq(guest_page_prot(0x10000), PROT_READ | PROT_EXEC);
    cr_assert_eq(guest_page_prot(0x11000), PROT_READ | PROT_WRITE);
    cr_assert_eq(guest_page_prot(0x13000), PROT_READ | PROT_WRITE);
    cr_assert_eq(guest_page_prot(0x14000), -1);
}

Test(elf_loader, file_bytes_after_filesz_in_the_last_page_are_zeroed)
{
    struct test_elf elf = good_elf();
    elf.phdrs[1].p_filesz = 4; /* the other 4 data bytes are in the file but belong to bss */
    write_file(&elf, sizeof elf);
    struct elf_image image;
    cr_assert(elf_load(path, NULL, &riscv64, &image));
    uint64_t data = 0x11000 + offsetof(struct test_elf, data);
    cr_assert_eq(*(uint32_t *)g2h(data), 0xdddddddd);
    cr_assert_eq(*(uint32_t *)g2h(data + 4), 0);
}

Test(elf_loader, static_pie_goes_to_the_dyn_base)
{
    struct test_elf elf = good_elf();
    elf.header.e_type = ET_DYN;
    write_file(&elf, sizeof elf);
    struct elf_image image;
    cr_assert(elf_load(path, NULL, &riscv64, &image));
    cr_assert_eq(image.load_bias, ELF_DYN_BASE - 0x10000);
    cr_assert_eq(image.entry, elf.header.e_entry + image.load_bias);
    cr_assert_eq(ELF_DYN_BASE % GUEST_PAGE_SIZE, 0);
    cr_assert_eq(guest_page_prot(ELF_DYN_BASE), PROT_READ | PROT_EXEC);
}

Test(elf_loader, peek_reads_the_machine_of_any_elf)
{
    struct test_elf elf = good_elf();
    elf.header.e_machine = EM_AARCH64;
    write_file(&elf, sizeof elf);
    cr_assert_eq(elf_peek_machine(path), EM_AARCH64);
    cr_assert_eq(elf_peek_machine("/nonexistent/prog"), 0);
    fflush(stderr);
    cr_assert_stderr_eq_str("emu: could not open '/nonexistent/prog': No such file or directory\n");
}

Test(elf_loader, machine_names_cover_the_common_ones)
{
    cr_assert_str_eq(elf_machine_name(EM_X86_64), "x86-64");
    cr_assert_str_eq(elf_machine_name(EM_AARCH64), "aarch64");
    cr_assert_str_eq(elf_machine_name(EM_LOONGARCH), "loongarch");
    cr_assert_null(elf_machine_name(0xfff0));
}

/* A real static program from the cross compiler, when there is one. */
Test(elf_loader, loads_a_cross_compiled_static_program)
{
    char source[80], command[256];
    snprintf(source, sizeof source, "%s.c", path);
    FILE *file = fopen(source, "w");
    fputs("int main(void) { return 3; }\n", file);
    fclose(file);
    snprintf(command, sizeof command, "riscv64-linux-gnu-gcc -static -O2 -o %s %s 2>/dev/null", path, source);
    int status = system(command);
    unlink(source);
    if (status != 0)
        cr_skip_test("riscv64-linux-gnu-gcc not available");
    struct elf_image image;
    cr_assert(elf_load(path, NULL, &riscv64, &image));
    cr_assert(guest_page_prot(image.entry) & PROT_EXEC);
    cr_assert(guest_page_prot(image.phdr) & PROT_READ);
    cr_assert_eq(image.phent, sizeof(Elf64_Phdr));
    cr_assert_gt(image.brk, image.entry);
}
