/* parse_data.c — the syntax of Go's data: array, slice and map types, index
 * and slice expressions, float and rune literals.
 *
 *   ArrayType  = "[" ( Expression | "..." ) "]" Type .   (... only in a literal)
 *   SliceType  = "[" "]" Type .
 *   MapType    = "map" "[" Type "]" Type .
 *   Index      = "[" Expression "]" .
 *   Slice      = "[" [ Expression ] ":" [ Expression ] "]" |
 *                "[" [ Expression ] ":" Expression ":" Expression "]" .
 */
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "parse.h"
#include "parse_internal.h"

/* ArrayType | SliceType | MapType (the current token is [ or map). */
Expr *parse_data_type(Parser *p)
{
    Token t = p->tok;
    parse_enter(p, 1);
    Expr *e;
    if (t.kind == TK_MAP) {
        parse_next(p);
        e = parse_new_expr(p, EX_MAPTYPE, t.line, t.col);
        parse_expect(p, TK_LBRACK, "");
        e->x = parse_type(p);
        parse_expect(p, TK_RBRACK, "");
        e->y = parse_type(p);
    } else {
        parse_next(p);
        e = parse_new_expr(p, EX_ARRAYTYPE, t.line, t.col);
        if (p->tok.kind == TK_ELLIPSIS) {
            e->dots = true;
            parse_next(p);
        } else if (p->tok.kind != TK_RBRACK) {
            p->xnest++;
            e->x = parse_expr(p);
            p->xnest--;
        }
        parse_expect(p, TK_RBRACK, "");
        e->y = parse_type(p);
    }
    p->depth--;
    return e;
}

/* x Index | x Slice (the current token is [). */
Expr *parse_index(Parser *p, Expr *x)
{
    Token t = p->tok;
    parse_next(p);
    p->xnest++;
    Expr *lo = NULL;
    if (p->tok.kind != TK_COLON) lo = parse_expr(p);
    Expr *e;
    if (p->tok.kind == TK_COLON) {
        parse_next(p);
        e = parse_new_expr(p, EX_SLICEEXPR, x->line, x->col);
        e->y = lo;
        if (p->tok.kind != TK_RBRACK && p->tok.kind != TK_COLON) e->hi = parse_expr(p);
        if (p->tok.kind == TK_COLON) {
            parse_next(p);
            if (!e->hi) parse_fail_at(p, p->tok.line, p->tok.col, "syntax error: middle index required in 3-index slice");
            if (p->tok.kind == TK_RBRACK) parse_fail_at(p, p->tok.line, p->tok.col, "syntax error: final index required in 3-index slice");
            e->max = parse_expr(p);
        }
    } else {
        if (!lo) parse_syntax_error(p, ", expecting operand");
        e = parse_new_expr(p, EX_INDEX, x->line, x->col);
        e->y = lo;
    }
    e->op_line = t.line;
    e->op_col = t.col;
    e->x = x;
    p->xnest--;
    parse_expect(p, TK_RBRACK, "");
    return e;
}

/* Decode the UTF-8 rune at s (n bytes). */
static int64_t utf8_rune(const unsigned char *s, int n)
{
    if (n <= 0) return 0;
    if (n == 1 || s[0] < 0x80) return s[0];
    int need = s[0] >= 0xf0 ? 3 : s[0] >= 0xe0 ? 2 : 1;
    int64_t r = s[0] & (0x3f >> need);
    for (int k = 1; k <= need && k < n; k++) r = (r << 6) | (s[k] & 0x3f);
    return r;
}

/* float_lit | rune_lit. */
Expr *parse_data_literal(Parser *p)
{
    Token t = p->tok;
    Expr *e;
    if (t.kind == TK_FLOAT) {
        e = parse_new_expr(p, EX_FLOAT, t.line, t.col);
        char buf[128];
        int n = 0;
        for (int i = 0; i < t.len && n < (int)sizeof buf - 1; i++)
            if (t.start[i] != '_') buf[n++] = t.start[i];
        buf[n] = 0;
        e->fval = strtold(buf, NULL);
    } else {
        e = parse_new_expr(p, EX_INT, t.line, t.col);
        char *out = parse_alloc(p->arena, (size_t)t.len + 4);
        int n = lex_unquote(&t, out);
        e->ival = utf8_rune((const unsigned char *)out, n);
        e->is_rune = true;
    }
    e->lit = t.start;
    e->litlen = t.len;
    parse_next(p);
    return e;
}

bool parse_brack_is_generic(Parser *p)
{
    Lexer ahead = p->lx;           /* a copy: lexing it does not move the parser */
    Token t1 = lex_next(&ahead);
    if (t1.kind != TK_IDENT) return false;
    Token t2 = lex_next(&ahead);
    return t2.kind != TK_RBRACK && t2.kind != TK_PLUS && t2.kind != TK_MINUS &&
           t2.kind != TK_STAR && t2.kind != TK_SLASH && t2.kind != TK_SHL;
}
