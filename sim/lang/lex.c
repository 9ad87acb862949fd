/* lex.c — the Go lexer (see lex.h).
 *
 * A hand-written scanner in clox's shape: lex_next() skips blanks and comments,
 * looks at one byte and dispatches.  Errors come back as TK_ERROR tokens with a
 * Go-worded message in the Lexer ("newline in string", "invalid character
 * U+0040 '@'"); the parser turns the first one into a diagnostic.
 */
#include "lex.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

static const char *const kind_text[TK__COUNT] = {
#define TOK(kind, text) text,
    TOKEN_LIST(TOK)
#undef TOK
};

const char *lex_kind_text(TokenKind k)
{
    return (unsigned)k < TK__COUNT ? kind_text[k] : "?";
}

void lex_init(Lexer *lx, const char *src, size_t len)
{
    memset(lx, 0, sizeof *lx);
    lx->src = lx->cur = lx->line_start = src;
    lx->end = src + len;
    lx->line = 1;
}

static Token make(const Lexer *lx, TokenKind k, const char *start)
{
    Token t = {k, start, (int)(lx->cur - start), lx->line, (int)(start - lx->line_start) + 1};
    return t;
}

/* An error token spanning [start, cur); the message points at `at`. */
static Token error_at(Lexer *lx, const char *start, const char *at, const char *msg)
{
    lx->error = msg;
    lx->err_line = lx->line;
    lx->err_col = (int)(at - lx->line_start) + 1;
    lx->semi = false;
    return make(lx, TK_ERROR, start);
}

static int peek(const Lexer *lx, int k)
{
    return lx->cur + k < lx->end ? (unsigned char)lx->cur[k] : -1;
}

static bool is_letter(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static bool is_digit(int c, int base)
{
    if (c < 0) return false;
    int d = (c >= '0' && c <= '9') ? c - '0'
          : (c >= 'a' && c <= 'f') ? c - 'a' + 10
          : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : 99;
    return d < base;
}

static void newline(Lexer *lx)
{
    lx->line++;
    lx->line_start = lx->cur;
}

/* Skip blanks and comments.  Returns a TK_SEMI when a newline ends the
 * statement, a TK_ERROR for an unterminated comment, TK_EOF otherwise. */
static Token skip_space(Lexer *lx)
{
    for (;;) {
        int c = peek(lx, 0);
        if (c == ' ' || c == '\t' || c == '\r') {
            lx->cur++;
        } else if (c == '\n') {
            if (lx->semi) {
                lx->semi = false;
                lx->cur++;
                Token t = make(lx, TK_SEMI, lx->cur - 1);
                newline(lx);
                return t;
            }
            lx->cur++;
            newline(lx);
        } else if (c == '/' && peek(lx, 1) == '/') {
            while (lx->cur < lx->end && *lx->cur != '\n') lx->cur++;
        } else if (c == '/' && peek(lx, 1) == '*') {
            const char *start = lx->cur;
            int line = lx->line;
            const char *ls = lx->line_start;
            bool crossed = false;
            lx->cur += 2;
            while (lx->cur < lx->end && !(lx->cur[0] == '*' && peek(lx, 1) == '/')) {
                if (*lx->cur++ == '\n') { newline(lx); crossed = true; }
            }
            if (lx->cur >= lx->end) {
                lx->line = line;
                lx->line_start = ls;
                Token t = error_at(lx, start, start, "comment not terminated");
                t.len = 2;
                return t;
            }
            lx->cur += 2;
            if (crossed && lx->semi) {
                lx->semi = false;
                Token t = {TK_SEMI, "\n", 1, line, (int)(start - ls) + 1};
                return t;
            }
        } else {
            Token t = {TK_EOF, lx->cur, 0, lx->line, (int)(lx->cur - lx->line_start) + 1};
            return t;
        }
    }
}

/* The lengths are spelled out so that looking a name up costs a length
 * and a first-letter compare per keyword (names are most of the tokens). */
#define KW(w, k) {w, sizeof w - 1, k}
static const struct { const char *word; size_t len; TokenKind kind; } keywords[] = {
    KW("break", TK_BREAK), KW("case", TK_CASE), KW("chan", TK_CHAN), KW("const", TK_CONST),
    KW("continue", TK_CONTINUE), KW("default", TK_DEFAULT), KW("defer", TK_DEFER),
    KW("else", TK_ELSE), KW("fallthrough", TK_FALLTHROUGH), KW("for", TK_FOR),
    KW("func", TK_FUNC), KW("go", TK_GO), KW("goto", TK_GOTO), KW("if", TK_IF),
    KW("import", TK_IMPORT), KW("interface", TK_INTERFACE), KW("map", TK_MAP),
    KW("package", TK_PACKAGE), KW("range", TK_RANGE), KW("return", TK_RETURN),
    KW("select", TK_SELECT), KW("struct", TK_STRUCT), KW("switch", TK_SWITCH),
    KW("type", TK_TYPE), KW("var", TK_VAR),
};
#undef KW

static Token identifier(Lexer *lx, const char *start)
{
    while (is_letter(peek(lx, 0)) || is_digit(peek(lx, 0), 10)) lx->cur++;
    size_t n = (size_t)(lx->cur - start);
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        if (keywords[i].len == n && keywords[i].word[0] == start[0] &&
            memcmp(keywords[i].word, start, n) == 0) {
            TokenKind k = keywords[i].kind;
            lx->semi = k == TK_BREAK || k == TK_CONTINUE || k == TK_FALLTHROUGH || k == TK_RETURN;
            return make(lx, k, start);
        }
    }
    lx->semi = true;
    return make(lx, TK_IDENT, start);
}

static Token number(Lexer *lx, const char *start)
{
    int base = 10;
    const char *kind = "decimal";
    bool prefix = false, is_float = false;
    if (start[0] == '0') {
        int c = peek(lx, 0) | 0x20;
        if (c == 'x') { base = 16; kind = "hexadecimal"; }
        else if (c == 'b') { base = 2; kind = "binary"; }
        else if (c == 'o') { base = 8; kind = "octal"; }
        prefix = base != 10;
        if (prefix) lx->cur++;
    }
    const char *digits = lx->cur;
    while (is_digit(peek(lx, 0), base == 16 ? 16 : 10) || peek(lx, 0) == '_') lx->cur++;
    if (!prefix && (peek(lx, 0) == '.' || (peek(lx, 0) | 0x20) == 'e')) {
        is_float = true;
        if (peek(lx, 0) == '.') {
            lx->cur++;
            while (is_digit(peek(lx, 0), 10) || peek(lx, 0) == '_') lx->cur++;
        }
        if ((peek(lx, 0) | 0x20) == 'e') {
            lx->cur++;
            if (peek(lx, 0) == '+' || peek(lx, 0) == '-') lx->cur++;
            while (is_digit(peek(lx, 0), 10)) lx->cur++;
        }
    }
    if (peek(lx, 0) == 'i') { lx->cur++; is_float = true; }
    lx->semi = true;
    if (is_float) return make(lx, TK_FLOAT, start);
    if (!prefix && start[0] == '0' && lx->cur - start > 1) { base = 8; kind = "octal"; }
    for (const char *p = digits; p < lx->cur; p++) {
        if (*p != '_' && !is_digit((unsigned char)*p, base)) {
            snprintf(lx->errbuf, sizeof lx->errbuf, "invalid digit '%c' in %s literal", *p, kind);
            return error_at(lx, start, p, lx->errbuf);
        }
    }
    if (prefix && digits == lx->cur) {
        snprintf(lx->errbuf, sizeof lx->errbuf, "%s literal has no digits", kind);
        return error_at(lx, start, lx->cur, lx->errbuf);   /* where the digits belong, as Go */
    }
    return make(lx, TK_INT, start);
}

/* Check one escape after a backslash at lx->cur[-1]; NULL if fine. */
static const char *escape(Lexer *lx, int quote)
{
    int c = peek(lx, 0);
    int n = 0, base = 16;
    switch (c) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
        lx->cur++;
        return NULL;
    case 'x': n = 2; lx->cur++; break;
    case 'u': n = 4; lx->cur++; break;
    case 'U': n = 8; lx->cur++; break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3; base = 8; break;
    default:
        if (c == quote) { lx->cur++; return NULL; }
        if (c < 0 || c == '\n') return "escape sequence not terminated";
        return "unknown escape";
    }
    for (int i = 0; i < n; i++) {
        int d = peek(lx, 0);
        if (!is_digit(d, base)) {
            if (d < 0 || d == '\n') return "escape sequence not terminated";
            snprintf(lx->errbuf, sizeof lx->errbuf, "invalid character '%c' in %s escape",
                     d, base == 8 ? "octal" : "hexadecimal");
            return lx->errbuf;
        }
        lx->cur++;
    }
    return NULL;
}

static Token string(Lexer *lx, const char *start, int quote)
{
    TokenKind kind = quote == '\'' ? TK_CHAR : TK_STRING;
    int count = 0;
    for (;;) {
        int c = peek(lx, 0);
        if (c < 0) {
            lx->cur = lx->end;
            return error_at(lx, start, start, quote == '"' ? "string not terminated"
                                                           : "rune literal not terminated");
        }
        if (c == '\n')
            return error_at(lx, start, lx->cur, quote == '"' ? "newline in string"
                                                             : "newline in rune literal");
        lx->cur++;
        if (c == quote) break;
        if ((c & 0xc0) != 0x80) count++;   /* count characters, not UTF-8 bytes */
        if (c == '\\') {
            const char *msg = escape(lx, quote);
            if (msg) return error_at(lx, start, lx->cur, msg);
        }
    }
    lx->semi = true;
    if (kind == TK_CHAR && count != 1 && (count == 0 || start[1] != '\\'))
        return error_at(lx, start, start, count == 0 ? "empty rune literal or unescaped ' in rune literal"
                                                     : "more than one character in rune literal");
    return make(lx, kind, start);
}

static Token raw_string(Lexer *lx, const char *start)
{
    int line = lx->line;
    const char *ls = lx->line_start;
    while (lx->cur < lx->end && *lx->cur != '`') {
        if (*lx->cur++ == '\n') newline(lx);
    }
    if (lx->cur >= lx->end) {
        lx->line = line;
        lx->line_start = ls;
        return error_at(lx, start, start, "string not terminated");
    }
    lx->cur++;
    lx->semi = true;
    Token t = make(lx, TK_STRING, start);
    t.line = line;
    t.col = (int)(start - ls) + 1;
    return t;
}

/* Operators: the longest match among these, in order of length. */
static const struct { const char *text; TokenKind kind; } ops[] = {
    {"&^=", TK_ANDNOT_ASSIGN}, {"<<=", TK_SHL_ASSIGN}, {">>=", TK_SHR_ASSIGN}, {"...", TK_ELLIPSIS},
    {"+=", TK_PLUS_ASSIGN}, {"-=", TK_MINUS_ASSIGN}, {"*=", TK_STAR_ASSIGN},
    {"/=", TK_SLASH_ASSIGN}, {"%=", TK_PERCENT_ASSIGN}, {"&=", TK_AMP_ASSIGN},
    {"|=", TK_PIPE_ASSIGN}, {"^=", TK_CARET_ASSIGN}, {"&^", TK_ANDNOT}, {"<<", TK_SHL},
    {">>", TK_SHR}, {"&&", TK_ANDAND}, {"||", TK_OROR}, {"<-", TK_ARROW}, {"++", TK_INC},
    {"--", TK_DEC}, {"==", TK_EQ}, {"!=", TK_NE}, {"<=", TK_LE}, {">=", TK_GE},
    {":=", TK_DEFINE},
    {"+", TK_PLUS}, {"-", TK_MINUS}, {"*", TK_STAR}, {"/", TK_SLASH}, {"%", TK_PERCENT},
    {"&", TK_AMP}, {"|", TK_PIPE}, {"^", TK_CARET}, {"<", TK_LT}, {">", TK_GT},
    {"=", TK_ASSIGN}, {"!", TK_NOT}, {"~", TK_TILDE}, {"(", TK_LPAREN}, {")", TK_RPAREN},
    {"[", TK_LBRACK}, {"]", TK_RBRACK}, {"{", TK_LBRACE}, {"}", TK_RBRACE},
    {",", TK_COMMA}, {";", TK_SEMI}, {".", TK_DOT}, {":", TK_COLON},
};

static Token next_token(Lexer *lx);

/* The end of the file is placed at the start of the line after the last
 * token, not after trailing comments: "unexpected EOF" then points just past
 * the code, where the missing text belongs (and where Go puts it for a file
 * that ends with its code, as gofmt leaves it). */
Token lex_next(Lexer *lx)
{
    Token t = next_token(lx);
    if (t.kind == TK_EOF || (t.kind == TK_SEMI && t.len == 0)) {
        if (lx->line > lx->code_line && lx->code_line > 0) {
            t.line = lx->code_line + 1;
            t.col = 1;
        }
    } else if (t.kind != TK_SEMI && t.kind != TK_ERROR) {
        lx->code_line = lx->line;   /* after a raw string spanning lines, its last */
    }
    return t;
}

static Token next_token(Lexer *lx)
{
    Token t = skip_space(lx);
    if (t.kind != TK_EOF) return t;
    if (lx->cur >= lx->end) {
        if (lx->semi) {
            lx->semi = false;
            t.kind = TK_SEMI;   /* start points at the end: text "" */
        }
        return t;
    }
    const char *start = lx->cur;
    int c = (unsigned char)*lx->cur++;
    if (is_letter(c)) return identifier(lx, start);
    if (is_digit(c, 10) || (c == '.' && is_digit(peek(lx, 0), 10))) {
        if (c == '.') lx->cur--;
        return number(lx, start);
    }
    if (c == '"' || c == '\'') return string(lx, start, c);
    if (c == '`') return raw_string(lx, start);
    lx->cur = start;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (ops[i].text[0] != *start) continue;   /* most operators end here */
        size_t n = strlen(ops[i].text);
        if ((size_t)(lx->end - start) >= n && memcmp(start, ops[i].text, n) == 0) {
            lx->cur = start + n;
            TokenKind k = ops[i].kind;
            lx->semi = k == TK_RPAREN || k == TK_RBRACK || k == TK_RBRACE ||
                       k == TK_INC || k == TK_DEC;
            return make(lx, k, start);
        }
    }
    lx->cur++;
    if (c >= 0x20 && c < 0x7f)
        snprintf(lx->errbuf, sizeof lx->errbuf, "invalid character U+%04X '%c'", c, c);
    else
        snprintf(lx->errbuf, sizeof lx->errbuf, "invalid character U+%04X", c);
    return error_at(lx, start, start, lx->errbuf);
}

void lex_describe(const Token *t, char *buf, size_t n)
{
    switch (t->kind) {
    case TK_IDENT:
        snprintf(buf, n, "%.*s", t->len, t->start);
        break;
    case TK_INT: case TK_FLOAT: case TK_CHAR: case TK_STRING:
        snprintf(buf, n, "literal %.*s", t->len, t->start);
        break;
    case TK_SEMI:
        snprintf(buf, n, "%s", t->len == 0 ? "EOF" : t->start[0] == '\n' ? "newline" : "semicolon");
        break;
    default:
        snprintf(buf, n, "%s", lex_kind_text(t->kind));
    }
}

bool lex_int_value(const Token *t, int64_t *out)
{
    const char *s = t->start, *e = t->start + t->len;
    uint64_t base = 10, v = 0;
    if (t->len > 1 && s[0] == '0') {
        int c = s[1] | 0x20;
        if (c == 'x') { base = 16; s += 2; }
        else if (c == 'b') { base = 2; s += 2; }
        else if (c == 'o') { base = 8; s += 2; }
        else { base = 8; s += 1; }
    }
    for (; s < e; s++) {
        int c = (unsigned char)*s;
        if (c == '_') continue;
        uint64_t d = (c >= '0' && c <= '9') ? (uint64_t)(c - '0') : (uint64_t)((c | 0x20) - 'a' + 10);
        if (v > (UINT64_MAX - d) / base) return false;
        v = v * base + d;
    }
    if (v > (uint64_t)INT64_MAX) return false;
    *out = (int64_t)v;
    return true;
}

int lex_unquote(const Token *t, char *out)
{
    const char *s = t->start + 1, *e = t->start + t->len - 1;
    int n = 0;
    if (t->start[0] == '`') {
        for (; s < e; s++) if (*s != '\r') out[n++] = *s;
        return n;
    }
    while (s < e) {
        if (*s != '\\') { out[n++] = *s++; continue; }
        s++;
        int c = *s++, digits = 0, base = 16;
        switch (c) {
        case 'a': out[n++] = '\a'; continue;
        case 'b': out[n++] = '\b'; continue;
        case 'f': out[n++] = '\f'; continue;
        case 'n': out[n++] = '\n'; continue;
        case 'r': out[n++] = '\r'; continue;
        case 't': out[n++] = '\t'; continue;
        case 'v': out[n++] = '\v'; continue;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        default:
            if (c >= '0' && c <= '7') { digits = 3; base = 8; s--; break; }
            out[n++] = (char)c;   /* \\ \" \' */
            continue;
        }
        uint32_t v = 0;
        for (int i = 0; i < digits; i++, s++) {
            int d = (unsigned char)*s;
            v = v * (uint32_t)base + (uint32_t)(d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
        }
        if (c == 'u' || c == 'U') n += utf8_encode(v, out + n);
        else out[n++] = (char)v;
    }
    return n;
}
