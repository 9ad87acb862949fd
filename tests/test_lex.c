/* test_lex.c — the Go lexer: tokens, semicolon insertion, positions,
 * literals and their values, and Go-worded errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lex.h"

/* Lex `src` and render every token as "kind:text" (text of the slice),
 * separated by spaces; inserted semicolons show as ";nl" / ";eof". */
static void render(const char *src, char *out, size_t n)
{
    Lexer lx;
    lex_init(&lx, src, strlen(src));
    size_t k = 0;
    out[0] = 0;
    for (int guard = 0; guard < 1000; guard++) {
        Token t = lex_next(&lx);
        char one[128];
        if (t.kind == TK_EOF) break;
        if (t.kind == TK_SEMI)
            snprintf(one, sizeof one, "%s", t.len == 0 ? ";eof" : t.start[0] == '\n' ? ";nl" : ";");
        else if (t.kind == TK_ERROR)
            snprintf(one, sizeof one, "ERROR(%s)", lx.error);
        else
            snprintf(one, sizeof one, "%.*s", t.len, t.start);
        k += (size_t)snprintf(out + k, n - k, "%s%s", k ? " " : "", one);
        if (t.kind == TK_ERROR) break;
    }
}

static void test_tokens_and_kinds(void **state)
{
    (void)state;
    const char *src = "x := a.b(1, \"s\") &^= <-ch ... != <<= }";
    TokenKind want[] = {TK_IDENT, TK_DEFINE, TK_IDENT, TK_DOT, TK_IDENT, TK_LPAREN, TK_INT,
                        TK_COMMA, TK_STRING, TK_RPAREN, TK_ANDNOT_ASSIGN, TK_ARROW, TK_IDENT,
                        TK_ELLIPSIS, TK_NE, TK_SHL_ASSIGN, TK_RBRACE, TK_SEMI, TK_EOF};
    Lexer lx;
    lex_init(&lx, src, strlen(src));
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        Token t = lex_next(&lx);
        assert_int_equal(t.kind, want[i]);
    }
}

static void test_keywords(void **state)
{
    (void)state;
    const char *src = "package func go defer for if else var return break continue struct type import";
    TokenKind want[] = {TK_PACKAGE, TK_FUNC, TK_GO, TK_DEFER, TK_FOR, TK_IF, TK_ELSE, TK_VAR,
                        TK_RETURN, TK_BREAK, TK_CONTINUE, TK_STRUCT, TK_TYPE, TK_IMPORT};
    Lexer lx;
    lex_init(&lx, src, strlen(src));
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) assert_int_equal(lex_next(&lx).kind, want[i]);
    assert_int_equal(lex_next(&lx).kind, TK_EOF);   /* no semicolon after a keyword like import */
}

static void test_semicolon_insertion(void **state)
{
    (void)state;
    char out[512];
    render("x++\ny = a +\nb\nreturn\n}\nf(\n)\n", out, sizeof out);
    assert_string_equal(out, "x ++ ;nl y = a + b ;nl return ;nl } ;nl f ( ) ;nl");
    /* nothing after an operator or an opening bracket; one at end of file */
    render("go f(1)", out, sizeof out);
    assert_string_equal(out, "go f ( 1 ) ;eof");
    /* a line comment ends the line; a block comment spanning lines does too */
    render("x // note\ny /* a\nb */ z", out, sizeof out);
    assert_string_equal(out, "x ;nl y ;nl z ;eof");
    render("x /* one line */ y", out, sizeof out);
    assert_string_equal(out, "x y ;eof");
    /* explicit semicolons are kept */
    render("a; b", out, sizeof out);
    assert_string_equal(out, "a ; b ;eof");
}

static void test_positions(void **state)
{
    (void)state;
    const char *src = "func main() {\n\tdata++\n\t\tx := \"é\" + y\n}";
    Lexer lx;
    lex_init(&lx, src, strlen(src));
    Token t;
    for (int i = 0; i < 5; i++) t = lex_next(&lx);   /* func main ( ) { */
    assert_int_equal(t.kind, TK_LBRACE);
    assert_int_equal(t.line, 1);
    assert_int_equal(t.col, 13);
    t = lex_next(&lx);                                /* data: a tab is one column */
    assert_int_equal(t.kind, TK_IDENT);
    assert_int_equal(t.line, 2);
    assert_int_equal(t.col, 2);
    assert_int_equal(t.len, 4);
    t = lex_next(&lx);
    assert_int_equal(t.kind, TK_INC);
    assert_int_equal(t.col, 6);
    t = lex_next(&lx);                                /* the inserted semicolon is the newline */
    assert_int_equal(t.kind, TK_SEMI);
    assert_int_equal(t.line, 2);
    assert_int_equal(t.col, 8);
    t = lex_next(&lx);                                /* x */
    assert_int_equal(t.line, 3);
    assert_int_equal(t.col, 3);
    lex_next(&lx);                                    /* := */
    t = lex_next(&lx);                                /* "é": columns count bytes */
    assert_int_equal(t.kind, TK_STRING);
    assert_int_equal(t.col, 8);
    assert_int_equal(t.len, 4);
    t = lex_next(&lx);
    assert_int_equal(t.kind, TK_PLUS);
    assert_int_equal(t.col, 13);
}

static void test_string_escapes(void **state)
{
    (void)state;
    const char *src = "\"a\\tb\\n\\x41\\101\\u00e9\\\"\\\\\" `raw\\n\nline`";
    Lexer lx;
    lex_init(&lx, src, strlen(src));
    Token t = lex_next(&lx);
    assert_int_equal(t.kind, TK_STRING);
    char buf[64];
    int n = lex_unquote(&t, buf);
    assert_int_equal(n, 10);
    assert_memory_equal(buf, "a\tb\nAA\xc3\xa9\"\\", 10);
    t = lex_next(&lx);
    assert_int_equal(t.kind, TK_STRING);
    assert_int_equal(t.line, 1);
    n = lex_unquote(&t, buf);
    assert_int_equal(n, 10);
    assert_memory_equal(buf, "raw\\n\nline", 10);
    assert_int_equal(lex_next(&lx).kind, TK_SEMI);   /* after the raw string, at EOF */
}

static void test_numbers(void **state)
{
    (void)state;
    const char *src = "0 42 1_000_000 0x1F 0o17 017 0b101 9223372036854775807 9223372036854775808 1.5 2e3";
    int64_t want[] = {0, 42, 1000000, 31, 15, 15, 5, INT64_MAX};
    Lexer lx;
    lex_init(&lx, src, strlen(src));
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        Token t = lex_next(&lx);
        assert_int_equal(t.kind, TK_INT);
        int64_t v = -1;
        assert_true(lex_int_value(&t, &v));
        assert_int_equal(v, want[i]);
    }
    Token t = lex_next(&lx);
    int64_t v;
    assert_int_equal(t.kind, TK_INT);
    assert_false(lex_int_value(&t, &v));              /* overflows int64 */
    assert_int_equal(lex_next(&lx).kind, TK_FLOAT);
    assert_int_equal(lex_next(&lx).kind, TK_FLOAT);
}

/* The first error of `src`: message and position. */
static void expect_error(const char *src, int line, int col, const char *msg)
{
    Lexer lx;
    lex_init(&lx, src, strlen(src));
    for (int guard = 0; guard < 100; guard++) {
        Token t = lex_next(&lx);
        if (t.kind == TK_ERROR) {
            assert_string_equal(lx.error, msg);
            assert_int_equal(lx.err_line, line);
            assert_int_equal(lx.err_col, col);
            return;
        }
        assert_int_not_equal(t.kind, TK_EOF);
    }
    fail_msg("no error in %s", src);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("x := \"abc\ny", 1, 10, "newline in string");
    expect_error("s := \"ab\\qc\"", 1, 10, "unknown escape");
    expect_error("s := \"ab\\x4\"", 1, 12, "invalid character '\"' in hexadecimal escape");
    expect_error("x := \"abc", 1, 6, "string not terminated");
    expect_error("x := `abc", 1, 6, "string not terminated");
    expect_error("x := 1 @ 2", 1, 8, "invalid character U+0040 '@'");
    expect_error("\t/* abc\n", 1, 2, "comment not terminated");
    expect_error("x := 08", 1, 7, "invalid digit '8' in octal literal");
    expect_error("x := 0b12", 1, 9, "invalid digit '2' in binary literal");
    expect_error("x := 0x", 1, 8, "hexadecimal literal has no digits");   /* after the prefix, as go1.19 */
}

static void test_describe(void **state)
{
    (void)state;
    const char *src = "foo 12 \"s\" , }\n";
    Lexer lx;
    lex_init(&lx, src, strlen(src));
    const char *want[] = {"foo", "literal 12", "literal \"s\"", "comma", "}", "newline"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        Token t = lex_next(&lx);
        char buf[64];
        lex_describe(&t, buf, sizeof buf);
        assert_string_equal(buf, want[i]);
    }
    assert_string_equal(lex_kind_text(TK_DEFINE), ":=");
    assert_string_equal(lex_kind_text(TK_DEFER), "defer");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokens_and_kinds),
        cmocka_unit_test(test_keywords),
        cmocka_unit_test(test_semicolon_insertion),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_string_escapes),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_describe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
