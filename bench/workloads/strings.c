/* strings: generates 1 MiB of text from a vocabulary, then tokenizes it,
 * counts word frequencies in a hash table (strcmp on collisions), searches
 * for a set of patterns with Boyer-Moore-Horspool, and compares adjacent
 * tokens with strcmp/strncmp. */
#include "bench.h"

#define TEXT_SIZE  (1u << 20)
#define ROUNDS     BENCH_SIZE(120, 5)
#define TABLE_SIZE 4096

static const char *const vocabulary[] = {
    "the",     "quick",    "brown",  "fox",       "jumps",    "over",     "lazy",      "dog",     "emulator",
    "riscv",   "register", "branch", "memory",    "cache",    "block",    "translate", "tier",    "interpreter",
    "compile", "optimise", "inline", "vector",    "scalar",   "pipeline", "decode",    "execute", "retire",
    "load",    "store",    "atomic", "fence",     "syscall",  "signal",   "thread",    "process", "kernel",
    "page",    "table",    "walk",   "fault",     "trap",     "vm",       "a",         "an",      "of",
    "to",      "in",       "is",     "benchmark", "workload", "median",   "geometric", "mean",    "ratio"};
#define VOCABULARY_SIZE (sizeof vocabulary / sizeof vocabulary[0])

static const char *const patterns[] = {"interpreter pipeline", "lazy dog",         "cache block", "zzz",
                                       "mean ratio",           "kernel page table"};

static char *generate_text(void)
{
    char *text = bench_alloc(TEXT_SIZE + 64);
    uint64_t rng = 5;
    size_t at = 0;
    while (at < TEXT_SIZE) {
        uint64_t r = bench_next(&rng);
        const char *word = vocabulary[r % VOCABULARY_SIZE];
        size_t length = strlen(word);
        memcpy(text + at, word, length);
        at += length;
        text[at++] = (r >> 32) % 11 == 0 ? ',' : (r >> 32) % 17 == 0 ? '.' : ' ';
        if ((r >> 40) % 13 == 0)
            text[at++] = ' ';
    }
    text[at] = '\0';
    return text;
}

struct entry {
    char word[32];
    uint32_t count;
};

static uint32_t hash_word(const char *word)
{
    uint32_t h = 2166136261u;
    while (*word)
        h = (h ^ (uint8_t)*word++) * 16777619u;
    return h;
}

static void count_word(struct entry *table, const char *word)
{
    uint32_t slot = hash_word(word) & (TABLE_SIZE - 1);
    while (table[slot].count != 0 && strcmp(table[slot].word, word) != 0)
        slot = (slot + 1) & (TABLE_SIZE - 1);
    if (table[slot].count == 0)
        strcpy(table[slot].word, word);
    table[slot].count++;
}

static long horspool_count(const char *text, size_t text_length, const char *pattern)
{
    size_t m = strlen(pattern);
    size_t shift[256];
    for (int c = 0; c < 256; c++)
        shift[c] = m;
    for (size_t i = 0; i + 1 < m; i++)
        shift[(uint8_t)pattern[i]] = m - 1 - i;
    long found = 0;
    size_t at = 0;
    while (at + m <= text_length) {
        if (text[at + m - 1] == pattern[m - 1] && memcmp(text + at, pattern, m - 1) == 0)
            found++;
        at += shift[(uint8_t)text[at + m - 1]];
    }
    return found;
}

static int is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

int main(void)
{
    char *text = generate_text();
    size_t text_length = strlen(text);
    static struct entry table[TABLE_SIZE];
    uint64_t result = 0;
    for (int round = 0; round < ROUNDS; round++) {
        memset(table, 0, sizeof table);
        char word[32], previous[32] = "";
        long tokens = 0, ordered = 0, same_prefix = 0;
        for (size_t at = 0; at < text_length;) {
            while (at < text_length && !is_word_char(text[at]))
                at++;
            size_t length = 0;
            while (at < text_length && is_word_char(text[at]) && length < sizeof word - 1)
                word[length++] = text[at++];
            if (length == 0)
                break;
            word[length] = '\0';
            count_word(table, word);
            tokens++;
            ordered += strcmp(previous, word) < 0;
            same_prefix += strncmp(previous, word, 2) == 0;
            strcpy(previous, word);
        }
        result = bench_mix(result, (uint64_t)tokens << 32 | (uint64_t)ordered);
        result = bench_mix(result, (uint64_t)same_prefix);
        for (size_t p = 0; p < sizeof patterns / sizeof patterns[0]; p++)
            result = bench_mix(result, (uint64_t)horspool_count(text, text_length, patterns[p]));
        for (int slot = 0; slot < TABLE_SIZE; slot++)
            if (table[slot].count != 0)
                result = bench_mix(result, (uint64_t)hash_word(table[slot].word) << 32 | table[slot].count);
        /* change the text a little so no round repeats the previous one */
        text[result % text_length] = (char)('a' + round % 26);
    }
    free(text);
    return bench_check("strings", result, BENCH_SIZE(0xbf4dabbebf7d051cull, 0x03c081884ab20c68ull));
}
