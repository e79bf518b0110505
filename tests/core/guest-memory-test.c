/* core/guest-memory: the page record, the checked copies and the search for
 * free space. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "guest-memory.h"

static void reserve(void) { cr_assert(guest_memory_reserve()); }

#define PAGE GUEST_PAGE_SIZE
#define ANONYMOUS (MAP_PRIVATE | MAP_ANONYMOUS)

TestSuite(guest_memory, .init = reserve);

Test(guest_memory, map_records_protection_and_unmap_forgets_it)
{
    cr_assert_eq(guest_map(0x10000, 2 * PAGE, PROT_READ | PROT_WRITE, ANONYMOUS, -1, 0), 0);
    cr_assert_eq(guest_page_prot(0x10000), PROT_READ | PROT_WRITE);
    cr_assert_eq(guest_page_prot(0x10000 + PAGE + 5), PROT_READ | PROT_WRITE);
    cr_assert_eq(guest_page_prot(0x10000 + 2 * PAGE), -1);
    cr_assert_eq(guest_unmap(0x10000, PAGE), 0);
    cr_assert_eq(guest_page_prot(0x10000), -1);
    cr_assert_eq(guest_page_prot(0x10000 + PAGE), PROT_READ | PROT_WRITE);
}

Test(guest_memory, mapped_memory_is_zeroed_and_reachable_through_g2h)
{
    cr_assert_eq(guest_map(0x20000, PAGE, PROT_READ | PROT_WRITE, ANONYMOUS, -1, 0), 0);
    uint8_t *host = g2h(0x20000);
    cr_assert_eq(host[100], 0);
    host[100] = 42;
    uint8_t byte;
    cr_assert_eq(copy_from_guest(&byte, 0x20000 + 100, 1), 0);
    cr_assert_eq(byte, 42);
    cr_assert_eq(h2g(host), 0x20000);
}

Test(guest_memory, unmap_keeps_the_reservation)
{
    cr_assert_eq(guest_map(0x30000, PAGE, PROT_READ | PROT_WRITE, ANONYMOUS, -1, 0), 0);
    cr_assert_eq(guest_unmap(0x30000, PAGE), 0);
    /* A host mapping asked for exactly there must not get it: it is still ours. */
    void *probe = mmap(g2h(0x30000), PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    cr_assert_eq(probe, MAP_FAILED);
    cr_assert_eq(errno, EEXIST);
}

Test(guest_memory, map_rejects_unaligned_and_out_of_space_ranges)
{
    cr_assert_eq(guest_map(0x10001, PAGE, PROT_READ, ANONYMOUS, -1, 0), -EINVAL);
    cr_assert_eq(guest_map(0x10000, 100, PROT_READ, ANONYMOUS, -1, 0), -EINVAL);
    cr_assert_eq(guest_map(GUEST_SPACE_SIZE - PAGE, 2 * PAGE, PROT_READ, ANONYMOUS, -1, 0), -ENOMEM);
}

Test(guest_memory, protect_changes_the_record_and_refuses_holes)
{
    cr_assert_eq(guest_map(0x40000, PAGE, PROT_READ | PROT_WRITE, ANONYMOUS, -1, 0), 0);
    cr_assert_eq(guest_protect(0x40000, PAGE, PROT_READ), 0);
    cr_assert_eq(guest_page_prot(0x40000), PROT_READ);
    cr_assert_eq(guest_protect(0x40000, 2 * PAGE, PROT_READ), -ENOMEM);
}

Test(guest_memory, copies_fail_with_efault_on_unmapped_pages)
{
    char buffer[16] = "hello";
    cr_assert_eq(copy_to_guest(0x50000, buffer, sizeof buffer), -EFAULT);
    cr_assert_eq(copy_from_guest(buffer, 0x50000, sizeof buffer), -EFAULT);
    cr_assert_eq(copy_from_guest(buffer, GUEST_SPACE_SIZE - 4, 8), -EFAULT);
    cr_assert_eq(copy_from_guest(buffer, UINT64_MAX - 2, 8), -EFAULT);
}

Test(guest_memory, copies_honour_the_protection)
{
    char buffer[8] = "abcdefg";
    cr_assert_eq(guest_map(0x60000, PAGE, PROT_READ, ANONYMOUS, -1, 0), 0);
    cr_assert_eq(copy_to_guest(0x60000, buffer, sizeof buffer), -EFAULT);
    cr_assert_eq(copy_from_guest(buffer, 0x60000, sizeof buffer), 0);
    cr_assert_eq(guest_map(0x70000, PAGE, PROT_NONE, ANONYMOUS, -1, 0), 0);
    cr_assert_eq(copy_from_guest(buffer, 0x70000, sizeof buffer), -EFAULT);
    cr_assert(!guest_range_accessible(0x70000, 1, PROT_READ));
    cr_assert(guest_range_accessible(0x70000, 1, 0));
}

Test(guest_memory, copy_across_a_page_end_needs_both_pages)
{
    char buffer[8] = {0};
    cr_assert_eq(guest_map(0x80000, PAGE, PROT_READ | PROT_WRITE, ANONYMOUS, -1, 0), 0);
    cr_assert_eq(copy_to_guest(0x80000 + PAGE - 4, buffer, 8), -EFAULT);
    cr_assert_eq(guest_map(0x80000 + PAGE, PAGE, PROT_READ | PROT_WRITE, ANONYMOUS, -1, 0), 0);
    cr_assert_eq(copy_to_guest(0x80000 + PAGE - 4, buffer, 8), 0);
}

Test(guest_memory, strnlen_stops_at_nul_limit_or_unmapped_page)
{
    cr_assert_eq(guest_map(0x90000, PAGE, PROT_READ | PROT_WRITE, ANONYMOUS, -1, 0), 0);
    strcpy(g2h(0x90000), "guest");
    cr_assert_eq(guest_strnlen(0x90000, 100), 5);
    cr_assert_eq(guest_strnlen(0x90000, 3), 3);
    memset(g2h(0x90000 + PAGE - 3), 'x', 3); /* no NUL before the unmapped page */
    cr_assert_eq(guest_strnlen(0x90000 + PAGE - 3, 100), -EFAULT);
    cr_assert_eq(guest_strnlen(0xa0000, 10), -EFAULT);
}

Test(guest_memory, find_free_searches_down_and_skips_mappings)
{
    uint64_t first = guest_find_free(0, 3 * PAGE);
    cr_assert_neq(first, 0);
    cr_assert_eq(first % PAGE, 0);
    cr_assert(first + 3 * PAGE <= GUEST_SPACE_SIZE);
    cr_assert_eq(guest_map(first, 3 * PAGE, PROT_READ, ANONYMOUS, -1, 0), 0);
    uint64_t second = guest_find_free(0, PAGE);
    cr_assert_eq(second, first - PAGE);
}

Test(guest_memory, find_free_with_a_hint_searches_upwards)
{
    cr_assert_eq(guest_map(0x100000, PAGE, PROT_READ, ANONYMOUS, -1, 0), 0);
    cr_assert_eq(guest_find_free(0x100000, PAGE), 0x101000);
    cr_assert_eq(guest_find_free(0x200000, 2 * PAGE), 0x200000);
}

Test(guest_memory, file_mapping_shows_the_file)
{
    FILE *file = tmpfile();
    fputs("file contents", file);
    fflush(file);
    cr_assert_eq(guest_map(0xb0000, PAGE, PROT_READ, MAP_PRIVATE, fileno(file), 0), 0);
    cr_assert_eq(memcmp(g2h(0xb0000), "file contents", 13), 0);
    fclose(file);
}
