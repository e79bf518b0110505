/* printf formatting and the string functions glibc implements with its
 * aarch64 routines (memcpy, memmove, memset, strlen, strchr, strcmp...),
 * at lengths and alignments that take their different paths. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char buffer[512];
static char other[512];

static unsigned checksum(const char *p, size_t n)
{
    unsigned sum = 0;
    for (size_t i = 0; i < n; i++)
        sum = sum * 31 + (unsigned char)p[i];
    return sum;
}

int main(void)
{
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42, 42);
    printf("[%x] [%#x] [%X] [%#o] [%lu] [%ld]\n", 48879, 48879, 48879, 8, 18446744073709551615ul, -9223372036854775807l - 1);
    printf("[%s] [%10s] [%-10s] [%.3s] [%c] [%%]\n", "text", "right", "left", "truncate", 'z');
    printf("[%p] [%zu] [%hhd] [%hd]\n", (void *)0x1234, sizeof(long double), (signed char)200, (short)70000);
    char formatted[64];
    int length = snprintf(formatted, sizeof formatted, "%s-%04d-%c", "id", 7, 'x');
    printf("snprintf: \"%s\" length %d\n", formatted, length);
    const char *volatile long_string = "a string longer than eight";
    length = snprintf(formatted, 8, "%s", long_string);
    printf("truncated: \"%s\" would be %d\n", formatted, length);

    for (size_t i = 0; i < sizeof buffer; i++)
        buffer[i] = (char)('a' + i % 26);
    unsigned total = 0;
    for (size_t offset = 0; offset < 16; offset += 3)
        for (size_t len = 0; len < 300; len += 37) {
            memset(other, '#', sizeof other);
            memcpy(other + offset, buffer + (offset * 7) % 13, len);
            total += checksum(other, sizeof other);
        }
    printf("memcpy sweep checksum %08x\n", total);
    memcpy(other, buffer, 200);
    memmove(other + 5, other, 150);
    printf("memmove forward overlap: %.20s\n", other);
    memmove(other, other + 9, 150);
    printf("memmove backward overlap: %.20s\n", other);
    memset(other, 0, sizeof other);
    memset(other + 3, 'Q', 257);
    printf("memset: strlen %zu, first at %td\n", strlen(other + 3), (char *)memchr(other, 'Q', sizeof other) - other);

    buffer[300] = '\0';
    printf("strlen %zu, strchr 'z' at %td, strrchr 'a' at %td\n", strlen(buffer), strchr(buffer, 'z') - buffer,
           strrchr(buffer, 'a') - buffer);
    printf("strcmp %d %d %d, strncmp %d\n", strcmp("abc", "abd") < 0, strcmp("abc", "abc"), strcmp("b", "a") > 0,
           strncmp("abcdef", "abcxyz", 3));
    printf("strstr: %s\n", strstr("find the needle in the haystack", "needle"));
    char copy[32];
    strcpy(copy, "Hello");
    strcat(copy, ", world");
    for (char *p = copy; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    printf("%s (%zu)\n", copy, strlen(copy));
    char tokens[] = "one,two,,three";
    char *save = NULL;
    for (char *t = strtok_r(tokens, ",", &save); t; t = strtok_r(NULL, ",", &save))
        printf("token: %s\n", t);
    printf("strtol: %ld %ld %lu\n", strtol("-123abc", NULL, 10), strtol("0x7f", NULL, 0), strtoul("777", NULL, 8));
    printf("atoi %d, memcmp %d\n", atoi("  99 bottles"), memcmp("same", "samf", 4) < 0);
    return 0;
}
