/* Tokens of the .isa language. Patterns (runs of 0, 1 and .) are lexed only
 * when the parser asks for them, since "0" is otherwise a number. */
#ifndef ISAGEN_LEXER_H
#define ISAGEN_LEXER_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"

enum token_kind {
    TOK_EOF, TOK_NEWLINE, TOK_IDENT, TOK_NUMBER, TOK_STRING, TOK_PATTERN,
    TOK_PUNCT, /* operators and punctuation; text holds it */
};

struct token {
    enum token_kind kind;
    char text[512]; /* long enough for an assembly template */
    uint64_t number;
    int number_digits; /* for binary literals: how many bits were written */
    struct srcpos pos;
};

struct lexer {
    const char *src;
    const char *cur;
    struct srcpos pos;
    struct token peeked;
    bool has_peeked;
    bool newlines_matter;
};

void lexer_init(struct lexer *lx, const char *path, const char *src);
struct token lex_next(struct lexer *lx);
struct token lex_peek(struct lexer *lx);
/* Reads an encoding pattern: groups of 0/1/. separated by blanks, up to the
 * first other token; returns the concatenated bits. */
bool lex_pattern(struct lexer *lx, char *out, int out_size);
bool tok_is(const struct token *t, const char *text);

#endif
