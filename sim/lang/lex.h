/* lex.h — the Go lexer: source bytes to tokens.
 *
 * Tokens are slices of the source ({kind, start, len, line, col}, clox's shape):
 * the lexer allocates nothing, and the UI highlights straight from col/len.
 * Go's automatic semicolon insertion happens here: a newline (or the end of the
 * file, or a block comment spanning lines) after an identifier, a literal, one of
 * the keywords break continue fallthrough return, or one of ++ -- ) ] } yields a
 * TK_SEMI whose text is "\n" (the newline itself) or "" (end of file).
 */
#ifndef INTERLEAVE_LEX_H
#define INTERLEAVE_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* TOK(kind, text): text is what error messages call the token. */
#define TOKEN_LIST(TOK) \
    TOK(TK_EOF, "EOF") TOK(TK_ERROR, "error") \
    TOK(TK_IDENT, "name") TOK(TK_INT, "literal") TOK(TK_FLOAT, "literal") \
    TOK(TK_CHAR, "literal") TOK(TK_STRING, "literal") \
    /* keywords, in the order of lex.c's keyword table */ \
    TOK(TK_BREAK, "break") TOK(TK_CASE, "case") TOK(TK_CHAN, "chan") \
    TOK(TK_CONST, "const") TOK(TK_CONTINUE, "continue") TOK(TK_DEFAULT, "default") \
    TOK(TK_DEFER, "defer") TOK(TK_ELSE, "else") TOK(TK_FALLTHROUGH, "fallthrough") \
    TOK(TK_FOR, "for") TOK(TK_FUNC, "func") TOK(TK_GO, "go") TOK(TK_GOTO, "goto") \
    TOK(TK_IF, "if") TOK(TK_IMPORT, "import") TOK(TK_INTERFACE, "interface") \
    TOK(TK_MAP, "map") TOK(TK_PACKAGE, "package") TOK(TK_RANGE, "range") \
    TOK(TK_RETURN, "return") TOK(TK_SELECT, "select") TOK(TK_STRUCT, "struct") \
    TOK(TK_SWITCH, "switch") TOK(TK_TYPE, "type") TOK(TK_VAR, "var") \
    /* operators and punctuation */ \
    TOK(TK_PLUS, "+") TOK(TK_MINUS, "-") TOK(TK_STAR, "*") TOK(TK_SLASH, "/") \
    TOK(TK_PERCENT, "%") TOK(TK_AMP, "&") TOK(TK_PIPE, "|") TOK(TK_CARET, "^") \
    TOK(TK_SHL, "<<") TOK(TK_SHR, ">>") TOK(TK_ANDNOT, "&^") \
    TOK(TK_PLUS_ASSIGN, "+=") TOK(TK_MINUS_ASSIGN, "-=") TOK(TK_STAR_ASSIGN, "*=") \
    TOK(TK_SLASH_ASSIGN, "/=") TOK(TK_PERCENT_ASSIGN, "%=") TOK(TK_AMP_ASSIGN, "&=") \
    TOK(TK_PIPE_ASSIGN, "|=") TOK(TK_CARET_ASSIGN, "^=") TOK(TK_SHL_ASSIGN, "<<=") \
    TOK(TK_SHR_ASSIGN, ">>=") TOK(TK_ANDNOT_ASSIGN, "&^=") \
    TOK(TK_ANDAND, "&&") TOK(TK_OROR, "||") TOK(TK_ARROW, "<-") \
    TOK(TK_INC, "++") TOK(TK_DEC, "--") TOK(TK_EQ, "==") TOK(TK_LT, "<") \
    TOK(TK_GT, ">") TOK(TK_ASSIGN, "=") TOK(TK_NOT, "!") TOK(TK_TILDE, "~") \
    TOK(TK_NE, "!=") TOK(TK_LE, "<=") TOK(TK_GE, ">=") TOK(TK_DEFINE, ":=") \
    TOK(TK_ELLIPSIS, "...") TOK(TK_LPAREN, "(") TOK(TK_RPAREN, ")") \
    TOK(TK_LBRACK, "[") TOK(TK_RBRACK, "]") TOK(TK_LBRACE, "{") \
    TOK(TK_RBRACE, "}") TOK(TK_COMMA, "comma") TOK(TK_SEMI, "semicolon") \
    TOK(TK_DOT, ".") TOK(TK_COLON, ":")

typedef enum TokenKind {
#define TOK(kind, text) kind,
    TOKEN_LIST(TOK)
#undef TOK
    TK__COUNT
} TokenKind;

typedef struct Token {
    TokenKind kind;
    const char *start;   /* into the source; TK_SEMI: "\n" or "" (inserted)   */
    int len;
    int line, col;       /* 1-based; col counts bytes, a tab is one column    */
} Token;

typedef struct Lexer {
    const char *src, *cur, *end;
    const char *line_start;
    int line;
    bool semi;           /* a newline here would end the statement             */
    int code_line;       /* the line where the last real token ends            */
    /* The last TK_ERROR: a Go-worded message and where it points (which may
     * be inside the token, e.g. the bad escape of a string). */
    const char *error;
    int err_line, err_col;
    char errbuf[80];
} Lexer;

void lex_init(Lexer *lx, const char *src, size_t len);
Token lex_next(Lexer *lx);

/* How Go's syntax errors name a token: "name x", "literal 2", "newline", "}". */
void lex_describe(const Token *t, char *buf, size_t n);
/* The fixed text of a kind: "+", "if", "name". */
const char *lex_kind_text(TokenKind k);

/* The value of a TK_INT token; false when it does not fit in int64. */
bool lex_int_value(const Token *t, int64_t *out);
/* Decode a TK_STRING token (quotes and escapes) into out, which must hold
 * t->len bytes; returns the decoded length.  The lexer has already checked
 * the escapes. */
int lex_unquote(const Token *t, char *out);

#endif
