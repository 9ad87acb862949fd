/* parse.c — recursive-descent parser for interleave's Go subset.
 *
 * The grammar (Go spec notation; ";" may be inserted by the lexer):
 *
 *   File          = "package" name ";" { ImportDecl ";" } { TopLevelDecl ";" } .
 *   ImportDecl    = "import" ( ImportSpec | "(" { ImportSpec ";" } ")" ) .
 *   ImportSpec    = [ name ] string .
 *   TopLevelDecl  = FuncDecl | VarDecl | ConstDecl | TypeDecl .
 *   FuncDecl      = "func" [ Receiver ] name Signature Block .   Receiver = Parameters .
 *   Signature     = Parameters [ Parameters | Type ] .
 *   Parameters    = "(" [ ParameterDecl { "," ParameterDecl } [ "," ] ] ")" .
 *   ParameterDecl = [ IdentifierList ] Type .
 *   VarDecl       = "var" ( VarSpec | "(" { VarSpec ";" } ")" ) .
 *   VarSpec       = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
 *   ConstDecl     = "const" ( ConstSpec | "(" { ConstSpec ";" } ")" ) .
 *   ConstSpec     = IdentifierList [ [ Type ] "=" ExpressionList ] .
 *   TypeDecl      = "type" ( TypeSpec | "(" { TypeSpec ";" } ")" ) .
 *   TypeSpec      = name [ "=" ] Type .
 *   Type          = name [ "." name ] | "*" Type | "(" Type ")" | StructType | FuncType
 *                 | ChanType .
 *   StructType    = "struct" "{" { IdentifierList Type ";" } "}" .
 *   FuncType      = "func" Signature .
 *   ChanType      = ( "chan" [ "<-" ] | "<-" "chan" ) Type .
 *
 *   Block         = "{" { Statement ";" } "}" .
 *   Statement     = VarDecl | ConstDecl | SimpleStmt | GoStmt | DeferStmt | ReturnStmt
 *                 | "break" | "continue" | Block | IfStmt | ForStmt | SelectStmt .
 *   SimpleStmt    = [ Expression | SendStmt | Expression ( "++" | "--" )
 *                 | ExpressionList ( "=" | assign_op | ":=" ) ExpressionList ] .
 *   SendStmt      = Expression "<-" Expression .
 *   GoStmt        = "go" Expression .          DeferStmt = "defer" Expression .
 *   ReturnStmt    = "return" [ ExpressionList ] .
 *   IfStmt        = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] .
 *   ForStmt       = "for" [ Expression | [ SimpleStmt ] ";" [ Expression ] ";" [ SimpleStmt ]
 *                 | RangeClause ] Block .
 *   RangeClause   = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression .
 *   SelectStmt    = "select" "{" { CommClause } "}" .
 *   CommClause    = ( "case" ( SendStmt | RecvStmt ) | "default" ) ":" { Statement ";" } .
 *   RecvStmt      = [ ExpressionList "=" | IdentifierList ":=" ] "<-" Expression .
 *
 *   Expression    = UnaryExpr | Expression binary_op Expression .
 *   UnaryExpr     = PrimaryExpr | ( "+" | "-" | "!" | "^" | "*" | "&" | "<-" ) UnaryExpr .
 *   PrimaryExpr   = Operand { "." name | "(" [ ExpressionList [ "," ] ] ")"
 *                 | LiteralValue } .
 *   Operand       = int_lit | string_lit | name | "(" Expression ")" | FuncLit | StructType
 *                 | ChanType .
 *   FuncLit       = "func" Signature Block .
 *   LiteralValue  = "{" [ Element { "," Element } [ "," ] ] "}" .
 *   Element       = [ Expression ":" ] ( Expression | LiteralValue ) .
 *
 *   binary_op: || (1)  && (2)  == != < <= > >= (3)  + - | ^ (4)  * / % << >> & &^ (5)
 *
 * Anything else (switch, goto, labels, maps, slices, methods, interfaces,
 * floats, runes ...) stops the parse with
 * "interleave does not support X".  Errors longjmp out of the descent: the
 * arena owns every node, so there is nothing to unwind.
 *
 * The parser is three files over one state (sim/lang/parse_internal.h): this one
 * holds the grammar, the compile arena and diagnostics, the token helpers,
 * and the top level (declarations, imports, the file); sim/lang/parse_expr.c
 * parses types and expressions, sim/lang/parse_stmt.c statements and specs.
 */
#include "parse.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lex.h"
#include "parse_internal.h"
#include "util.h"

/* ---- arena ------------------------------------------------------------------ */
struct ArenaChunk { ArenaChunk *next; size_t used, size; max_align_t data[]; };

void *parse_alloc(Arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    ArenaChunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > 60000 ? n : 60000;
        c = xmalloc(sizeof *c + size);
        c->next = a->head;
        c->used = 0;
        c->size = size;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *parse_strndup(Arena *a, const char *s, size_t n)
{
    char *d = parse_alloc(a, n + 1);
    memcpy(d, s, n);
    return d;
}

void parse_arena_free(Arena *a)
{
    while (a->head) {
        ArenaChunk *next = a->head->next;
        free(a->head);
        a->head = next;
    }
}

void parse_vdiag(DiagList *dl, int line, int col, const char *fmt, va_list ap)
{
    GROW(dl->d, dl->cap, dl->n + 1);
    Diagnostic *d = &dl->d[dl->n++];
    d->line = line;
    d->col = col;
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
}

void parse_diag(DiagList *dl, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    parse_vdiag(dl, line, col, fmt, ap);
    va_end(ap);
}

/* ---- parser state and helpers ----------------------------------------------- */

_Noreturn void parse_fail_at(Parser *p, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    parse_vdiag(p->diags, line, col, fmt, ap);
    va_end(ap);
    longjmp(p->fail, 1);
}

_Noreturn void parse_syntax_error(Parser *p, const char *rest)
{
    char what[64];
    lex_describe(&p->tok, what, sizeof what);
    parse_fail_at(p, p->tok.line, p->tok.col, "syntax error: unexpected %s%s", what, rest);
}

_Noreturn void parse_unsupported(Parser *p, const char *what)
{
    parse_fail_at(p, p->tok.line, p->tok.col, "interleave does not support %s", what);
}

void parse_enter(Parser *p, int n)
{
    p->depth += n;
    if (p->depth > MAX_DEPTH)
        parse_fail_at(p, p->tok.line, p->tok.col, "interleave does not support nesting deeper than %d", MAX_DEPTH);
}

void parse_next(Parser *p)
{
    p->tok = lex_next(&p->lx);
    if (p->tok.kind == TK_ERROR) parse_fail_at(p, p->lx.err_line, p->lx.err_col, "%s", p->lx.error);
}

bool parse_got(Parser *p, TokenKind k)
{
    if (p->tok.kind != k) return false;
    parse_next(p);
    return true;
}

void parse_expect(Parser *p, TokenKind k, const char *context)
{
    if (parse_got(p, k)) return;
    char rest[96];
    snprintf(rest, sizeof rest, ", expecting %s%s", lex_kind_text(k), context);
    parse_syntax_error(p, rest);
}

void *parse_grow(Parser *p, void *arr, int n, int *cap, size_t elem)
{
    if (n < *cap) return arr;
    int ncap = *cap ? *cap * 2 : 4;
    void *na = parse_alloc(p->arena, (size_t)ncap * elem);
    if (n) memcpy(na, arr, (size_t)n * elem);
    *cap = ncap;
    return na;
}

Expr *parse_new_expr(Parser *p, ExprKind k, int line, int col)
{
    Expr *e = parse_alloc(p->arena, sizeof *e);
    e->kind = k;
    e->line = line;
    e->col = col;
    return e;
}

Stmt *parse_new_stmt(Parser *p, StmtKind k, int line, int col)
{
    Stmt *s = parse_alloc(p->arena, sizeof *s);
    s->kind = k;
    s->line = line;
    s->col = col;
    return s;
}

/* ---- declarations ------------------------------------------------------------------ */

/* FuncDecl = "func" name Signature Block . */
static Decl *func_decl(Parser *p)
{
    Decl *d = parse_alloc(p->arena, sizeof *d);
    d->kind = DECL_FUNC;
    d->line = p->tok.line;
    d->col = p->tok.col;
    parse_next(p);
    Field *recv = NULL;
    if (p->tok.kind == TK_LPAREN) {          /* a method: "(" [name] Type ")" */
        int nr;
        recv = parse_parameters(p, &nr, NULL);
        if (nr != 1) parse_fail_at(p, d->line, d->col + 5, "method has multiple receivers");
    }
    Expr *n = parse_name(p);
    d->name = n->name;
    d->namelen = n->namelen;
    d->name_line = n->line;
    d->name_col = n->col;
    if (p->tok.kind == TK_LBRACK) parse_unsupported(p, "generics");
    d->fn = parse_signature(p, d->line, d->col);
    d->fn->recv = recv;
    if (p->tok.kind == TK_SEMI) {
        parse_next(p);
        if (p->tok.kind == TK_LBRACE)
            parse_fail_at(p, p->tok.line, p->tok.col, "syntax error: unexpected semicolon or newline before {");
        parse_fail_at(p, d->name_line, d->name_col, "missing function body");
    }
    d->fn->body = parse_block(p);
    return d;
}

/* ImportSpec = [ name ] string . */
static void import_spec(Parser *p, File *f, int *cap)
{
    Import im = {NULL, 0, NULL, 0, p->tok.line, p->tok.col, false};   /* at the spec's start */
    if (p->tok.kind == TK_IDENT) {
        im.alias = p->tok.start;
        im.aliaslen = p->tok.len;
        parse_next(p);
    } else if (p->tok.kind == TK_DOT) {
        parse_unsupported(p, "dot imports");
    }
    if (p->tok.kind != TK_STRING) parse_syntax_error(p, ", expecting import path");
    char *path = parse_alloc(p->arena, (size_t)p->tok.len + 1);
    im.pathlen = lex_unquote(&p->tok, path);
    im.path = path;
    parse_next(p);
    PUSH(p, f->imports, f->nimports, *cap, im);
}

/* File = "package" name ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
static void file(Parser *p, File *f)
{
    int icap = 0, dcap = 0;
    if (p->tok.kind != TK_PACKAGE) {
        /* `go build` reads the package clause with go/parser before compiling,
         * so this is go/parser's wording (errorExpected), not the compiler's. */
        Token t = p->tok;
        bool lit = t.kind == TK_IDENT || t.kind == TK_INT || t.kind == TK_FLOAT ||
                   t.kind == TK_CHAR || t.kind == TK_STRING;
        const char *text = t.kind == TK_COMMA ? "," : t.kind == TK_SEMI ? ";" : lex_kind_text(t.kind);
        if (lit)
            parse_fail_at(p, t.line, t.col, "expected 'package', found %.*s", t.len, t.start);
        parse_fail_at(p, t.line, t.col, "expected 'package', found '%s'", text);
    }
    f->pkg_line = p->tok.line;
    f->pkg_col = p->tok.col;
    parse_next(p);
    Expr *n = parse_name(p);
    f->pkg_name = n->name;
    f->pkg_namelen = n->namelen;
    if (p->tok.kind != TK_EOF && !parse_got(p, TK_SEMI)) parse_syntax_error(p, " after package clause");
    while (p->tok.kind == TK_IMPORT) {
        parse_next(p);
        if (parse_got(p, TK_LPAREN)) {
            while (p->tok.kind != TK_RPAREN) {
                import_spec(p, f, &icap);
                if (p->tok.kind != TK_RPAREN && !parse_got(p, TK_SEMI))
                    parse_syntax_error(p, ", expecting semicolon, newline, or )");
            }
            parse_next(p);
        } else {
            import_spec(p, f, &icap);
        }
        if (p->tok.kind != TK_EOF && !parse_got(p, TK_SEMI)) parse_syntax_error(p, " after top level declaration");
    }
    while (p->tok.kind != TK_EOF) {
        if (p->tok.kind == TK_FUNC) {
            PUSH(p, f->decls, f->ndecls, dcap, func_decl(p));
        } else if (p->tok.kind == TK_VAR || p->tok.kind == TK_CONST || p->tok.kind == TK_TYPE) {
            DeclKind k = p->tok.kind == TK_VAR ? DECL_VAR : p->tok.kind == TK_CONST ? DECL_CONST : DECL_TYPE;
            StmtList specs = {NULL, 0, 0};
            parse_decl_specs(p, &specs);
            for (int i = 0; i < specs.n; i++) {
                Decl *d = parse_alloc(p->arena, sizeof *d);
                d->kind = k;
                d->line = specs.items[i]->line;
                d->col = specs.items[i]->col;
                d->spec = specs.items[i];
                PUSH(p, f->decls, f->ndecls, dcap, d);
            }
        } else if (p->tok.kind == TK_IMPORT) {
            parse_fail_at(p, p->tok.line, p->tok.col, "syntax error: imports must appear before other declarations");
        } else if (p->tok.kind == TK_SEMI) {
            parse_next(p);
            continue;
        } else {
            parse_fail_at(p, p->tok.line, p->tok.col, "syntax error: non-declaration statement outside function body");
        }
        if (p->tok.kind != TK_EOF && !parse_got(p, TK_SEMI)) parse_syntax_error(p, " after top level declaration");
    }
}

File *parse_file(Arena *a, const char *src, size_t len, DiagList *diags)
{
    Parser *p = parse_alloc(a, sizeof *p);
    File *f = parse_alloc(a, sizeof *f);
    lex_init(&p->lx, src, len);
    p->arena = a;
    p->diags = diags;
    if (setjmp(p->fail)) return NULL;
    parse_next(p);
    file(p, f);
    return f;
}
