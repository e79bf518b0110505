#include "lexer.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void lexer_init(struct lexer *lx, const char *path, const char *src)
{
    memset(lx, 0, sizeof *lx);
    lx->src = lx->cur = src;
    lx->pos.file = path;
    lx->pos.line = 1;
}

bool tok_is(const struct token *t, const char *text)
{
    return (t->kind == TOK_PUNCT || t->kind == TOK_IDENT) && strcmp(t->text, text) == 0;
}

static void skip_blanks(struct lexer *lx)
{
    for (;;) {
        char c = *lx->cur;
        if (c == '#' || (c == '/' && lx->cur[1] == '/')) {
            while (*lx->cur && *lx->cur != '\n')
                lx->cur++;
        } else if (c == '\n' && !lx->newlines_matter) {
            lx->pos.line++;
            lx->cur++;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            lx->cur++;
        } else {
            return;
        }
    }
}

static bool is_ident_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

static struct token lex_raw(struct lexer *lx)
{
    struct token t;
    memset(&t, 0, sizeof t);
    skip_blanks(lx);
    t.pos = lx->pos;
    const char *s = lx->cur;
    if (*s == 0) {
        t.kind = TOK_EOF;
        return t;
    }
    if (*s == '\n') {
        t.kind = TOK_NEWLINE;
        lx->cur++;
        lx->pos.line++;
        return t;
    }
    if (isalpha((unsigned char)*s) || *s == '_') {
        /* identifiers may contain dots between letters: c.addi, fence.i, load.u32 */
        size_t n = 0;
        while (is_ident_char(s[n]) || (s[n] == '.' && isalpha((unsigned char)s[n + 1])))
            n++;
        t.kind = TOK_IDENT;
        if (n >= sizeof t.text)
            n = sizeof t.text - 1;
        memcpy(t.text, s, n);
        lx->cur += n;
        return t;
    }
    if (isdigit((unsigned char)*s)) {
        t.kind = TOK_NUMBER;
        const char *p = s;
        if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
            p = s + 2;
            while (*p == '0' || *p == '1' || *p == '_') {
                if (*p != '_') {
                    t.number = t.number << 1 | (uint64_t)(*p - '0');
                    t.number_digits++;
                }
                p++;
            }
        } else {
            char *end;
            t.number = strtoull(s, &end, 0);
            p = end;
        }
        size_t n = (size_t)(p - s);
        memcpy(t.text, s, n < sizeof t.text ? n : sizeof t.text - 1);
        lx->cur = p;
        return t;
    }
    if (*s == '"') {
        t.kind = TOK_STRING;
        size_t n = 0;
        s++;
        while (*s && *s != '"' && *s != '\n') {
            if (n + 1 < sizeof t.text)
                t.text[n++] = *s;
            s++;
        }
        if (*s != '"')
            spec_error(t.pos, "unterminated string");
        else
            s++;
        lx->cur = s;
        return t;
    }
    static const char *const two_char[] = {"==", "!=", "<=", ">=", "<<", ">>", "&&", "||", "=>", NULL};
    for (int i = 0; two_char[i]; i++) {
        if (strncmp(s, two_char[i], 2) == 0) {
            t.kind = TOK_PUNCT;
            memcpy(t.text, s, 2);
            lx->cur += 2;
            return t;
        }
    }
    t.kind = TOK_PUNCT;
    t.text[0] = *s;
    lx->cur++;
    return t;
}

struct token lex_next(struct lexer *lx)
{
    if (lx->has_peeked) {
        lx->has_peeked = false;
        return lx->peeked;
    }
    return lex_raw(lx);
}

struct token lex_peek(struct lexer *lx)
{
    if (!lx->has_peeked) {
        lx->peeked = lex_raw(lx);
        lx->has_peeked = true;
    }
    return lx->peeked;
}

bool lex_pattern(struct lexer *lx, char *out, int out_size)
{
    if (lx->has_peeked) {
        /* the parser peeked already: rewind to that token's start */
        lx->has_peeked = false;
        lx->cur -= strlen(lx->peeked.text);
    }
    int n = 0;
    for (;;) {
        while (*lx->cur == ' ' || *lx->cur == '\t')
            lx->cur++;
        const char *s = lx->cur;
        size_t len = strspn(s, "01.");
        if (len == 0)
            break;
        /* a group must end at a blank or line end, else it is not a pattern */
        if (s[len] && s[len] != ' ' && s[len] != '\t' && s[len] != '\n' && s[len] != '\r' && s[len] != '#')
            break;
        for (size_t i = 0; i < len; i++) {
            if (n + 1 >= out_size)
                return false;
            out[n++] = s[i];
        }
        lx->cur += len;
    }
    out[n] = 0;
    return n > 0;
}
