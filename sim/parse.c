/* parse.c — recursive-descent parser for interleave's Go subset.
 *
 * The grammar (Go spec notation; ";" may be inserted by the lexer):
 *
 *   File          = "package" name ";" { ImportDecl ";" } { TopLevelDecl ";" } .
 *   ImportDecl    = "import" ( ImportSpec | "(" { ImportSpec ";" } ")" ) .
 *   ImportSpec    = [ name ] string .
 *   TopLevelDecl  = FuncDecl | VarDecl | ConstDecl | TypeDecl .
 *   FuncDecl      = "func" name Signature Block .
 *   Signature     = Parameters [ Parameters | Type ] .
 *   Parameters    = "(" [ ParameterDecl { "," ParameterDecl } [ "," ] ] ")" .
 *   ParameterDecl = [ IdentifierList ] Type .
 *   VarDecl       = "var" ( VarSpec | "(" { VarSpec ";" } ")" ) .
 *   VarSpec       = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
 *   ConstDecl     = "const" ( ConstSpec | "(" { ConstSpec ";" } ")" ) .
 *   ConstSpec     = IdentifierList [ [ Type ] "=" ExpressionList ] .
 *   TypeDecl      = "type" ( TypeSpec | "(" { TypeSpec ";" } ")" ) .
 *   TypeSpec      = name [ "=" ] Type .
 *   Type          = name [ "." name ] | "*" Type | "(" Type ")" | StructType | FuncType .
 *   StructType    = "struct" "{" { IdentifierList Type ";" } "}" .
 *   FuncType      = "func" Signature .
 *
 *   Block         = "{" { Statement ";" } "}" .
 *   Statement     = VarDecl | ConstDecl | SimpleStmt | GoStmt | DeferStmt | ReturnStmt
 *                 | "break" | "continue" | Block | IfStmt | ForStmt .
 *   SimpleStmt    = [ Expression | Expression ( "++" | "--" )
 *                 | ExpressionList ( "=" | assign_op | ":=" ) ExpressionList ] .
 *   GoStmt        = "go" Expression .          DeferStmt = "defer" Expression .
 *   ReturnStmt    = "return" [ ExpressionList ] .
 *   IfStmt        = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] .
 *   ForStmt       = "for" [ Expression | [ SimpleStmt ] ";" [ Expression ] ";" [ SimpleStmt ] ] Block .
 *
 *   Expression    = UnaryExpr | Expression binary_op Expression .
 *   UnaryExpr     = PrimaryExpr | ( "+" | "-" | "!" | "^" | "*" | "&" ) UnaryExpr .
 *   PrimaryExpr   = Operand { "." name | "(" [ ExpressionList [ "," ] ] ")"
 *                 | LiteralValue } .
 *   Operand       = int_lit | string_lit | name | "(" Expression ")" | FuncLit | StructType .
 *   FuncLit       = "func" Signature Block .
 *   LiteralValue  = "{" [ Element { "," Element } [ "," ] ] "}" .
 *   Element       = [ Expression ":" ] ( Expression | LiteralValue ) .
 *
 *   binary_op: || (1)  && (2)  == != < <= > >= (3)  + - | ^ (4)  * / % << >> & &^ (5)
 *
 * Anything else (switch, select, goto, labels, range, channels, maps, slices,
 * methods, interfaces, floats, runes ...) stops the parse with
 * "interleave does not support X".  Errors longjmp out of the descent: the
 * arena owns every node, so there is nothing to unwind.
 *
 * Size: the file is the grammar above, one function per rule; it runs past
 * 600 lines because expressions, statements and declarations share the
 * parser state and helpers (a split would be parse_expr.c / parse_stmt.c).
 */
#include "parse.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lex.h"
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
typedef struct Parser {
    Lexer lx;
    Token tok;
    Arena *arena;
    DiagList *diags;
    int xnest;        /* < 0 in an if/for header: `{` there opens the body   */
    int depth;        /* nesting of the tree being built (see enter)          */
    jmp_buf fail;
} Parser;

/* Every later pass recurses over the tree, so its depth is capped here: a
 * machine-generated `1+1+...+1` or `((((...))))` must not overflow a C stack. */
#define MAX_DEPTH 1000

static _Noreturn void fail_at(Parser *p, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static _Noreturn void fail_at(Parser *p, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    parse_vdiag(p->diags, line, col, fmt, ap);
    va_end(ap);
    longjmp(p->fail, 1);
}

/* "syntax error: unexpected X<rest>" at the current token. */
static _Noreturn void syntax_error(Parser *p, const char *rest)
{
    char what[64];
    lex_describe(&p->tok, what, sizeof what);
    fail_at(p, p->tok.line, p->tok.col, "syntax error: unexpected %s%s", what, rest);
}

static _Noreturn void unsupported(Parser *p, const char *what)
{
    fail_at(p, p->tok.line, p->tok.col, "interleave does not support %s", what);
}

static void enter(Parser *p, int n)
{
    p->depth += n;
    if (p->depth > MAX_DEPTH)
        fail_at(p, p->tok.line, p->tok.col, "interleave does not support nesting deeper than %d", MAX_DEPTH);
}

static void next(Parser *p)
{
    p->tok = lex_next(&p->lx);
    if (p->tok.kind == TK_ERROR) fail_at(p, p->lx.err_line, p->lx.err_col, "%s", p->lx.error);
}

static bool got(Parser *p, TokenKind k)
{
    if (p->tok.kind != k) return false;
    next(p);
    return true;
}

static void expect(Parser *p, TokenKind k, const char *context)
{
    if (got(p, k)) return;
    char rest[96];
    snprintf(rest, sizeof rest, ", expecting %s%s", lex_kind_text(k), context);
    syntax_error(p, rest);
}

/* Growable arrays in the arena (the old copy is simply left behind). */
static void *grow(Parser *p, void *arr, int n, int *cap, size_t elem)
{
    if (n < *cap) return arr;
    int ncap = *cap ? *cap * 2 : 4;
    void *na = parse_alloc(p->arena, (size_t)ncap * elem);
    if (n) memcpy(na, arr, (size_t)n * elem);
    *cap = ncap;
    return na;
}
#define PUSH(p, arr, n, cap, x) \
    ((arr) = grow((p), (arr), (n), &(cap), sizeof *(arr)), (arr)[(n)++] = (x))

static Expr *new_expr(Parser *p, ExprKind k, int line, int col)
{
    Expr *e = parse_alloc(p->arena, sizeof *e);
    e->kind = k;
    e->line = line;
    e->col = col;
    return e;
}

static Stmt *new_stmt(Parser *p, StmtKind k, int line, int col)
{
    Stmt *s = parse_alloc(p->arena, sizeof *s);
    s->kind = k;
    s->line = line;
    s->col = col;
    return s;
}

static Expr *expr(Parser *p);
static Expr *type(Parser *p);
static Stmt *block(Parser *p);
static FuncNode *signature(Parser *p, int line, int col);

/* ---- types --------------------------------------------------------------------- */

/* name = identifier . */
static Expr *name(Parser *p)
{
    if (p->tok.kind != TK_IDENT) syntax_error(p, ", expecting name");
    Expr *e = new_expr(p, EX_IDENT, p->tok.line, p->tok.col);
    e->name = p->tok.start;
    e->namelen = p->tok.len;
    next(p);
    return e;
}

static void unsupported_type(Parser *p)
{
    switch (p->tok.kind) {
    case TK_LBRACK: unsupported(p, "arrays and slices");
    case TK_MAP: unsupported(p, "maps");
    case TK_CHAN: case TK_ARROW: unsupported(p, "channels");
    case TK_INTERFACE: unsupported(p, "interfaces");
    default: break;
    }
}

/* StructType = "struct" "{" { IdentifierList Type ";" } "}" . */
static Expr *struct_type(Parser *p)
{
    Expr *e = new_expr(p, EX_STRUCTTYPE, p->tok.line, p->tok.col);
    int cap = 0;
    expect(p, TK_STRUCT, "");
    expect(p, TK_LBRACE, "");
    while (p->tok.kind != TK_RBRACE) {
        if (p->tok.kind == TK_STAR) unsupported(p, "embedded fields");
        int first = e->nfields;
        for (;;) {
            Expr *n = name(p);
            Field f = {n->name, n->namelen, n->line, n->col, NULL};
            PUSH(p, e->fields, e->nfields, cap, f);
            if (!got(p, TK_COMMA)) break;
        }
        if (p->tok.kind == TK_SEMI || p->tok.kind == TK_RBRACE || p->tok.kind == TK_DOT)
            unsupported(p, "embedded fields");
        Expr *t = type(p);
        for (int i = first; i < e->nfields; i++) e->fields[i].type = t;
        if (p->tok.kind != TK_RBRACE && !got(p, TK_SEMI))
            syntax_error(p, ", expecting semicolon, newline, or }");
    }
    next(p);
    return e;
}

static Expr *type_inner(Parser *p);

/* Type = name [ "." name ] | "*" Type | "(" Type ")" | StructType | FuncType . */
static Expr *type(Parser *p)
{
    enter(p, 1);
    Expr *e = type_inner(p);
    p->depth--;
    return e;
}

static Expr *type_inner(Parser *p)
{
    Token t = p->tok;
    switch (t.kind) {
    case TK_IDENT: {
        Expr *e = name(p);
        if (p->tok.kind == TK_DOT) {
            next(p);
            Expr *s = new_expr(p, EX_SELECTOR, e->line, e->col);
            Expr *n = name(p);
            s->x = e;
            s->name = n->name;
            s->namelen = n->namelen;
            s->op_line = n->line;
            s->op_col = n->col;
            return s;
        }
        if (p->tok.kind == TK_LBRACK) unsupported(p, "generics");
        return e;
    }
    case TK_STAR: {
        next(p);
        Expr *e = new_expr(p, EX_STAR, t.line, t.col);
        e->x = type(p);
        return e;
    }
    case TK_LPAREN: {
        next(p);
        Expr *e = new_expr(p, EX_PAREN, t.line, t.col);
        e->x = type(p);
        expect(p, TK_RPAREN, "");
        return e;
    }
    case TK_STRUCT:
        return struct_type(p);
    case TK_FUNC: {
        next(p);
        Expr *e = new_expr(p, EX_FUNCTYPE, t.line, t.col);
        e->fn = signature(p, t.line, t.col);
        return e;
    }
    default:
        unsupported_type(p);
        syntax_error(p, ", expecting type");
    }
}

/* Parameters = "(" [ ParameterDecl { "," ParameterDecl } [ "," ] ] ")" .
 * Each entry is parsed as [name] Type; if any entry has a name, the lone ones
 * are names sharing the type of the next typed entry (`v1, v2 *value`). */
static Field *parameters(Parser *p, int *n)
{
    Field *fs = NULL;
    int cap = 0, named = 0;
    *n = 0;
    expect(p, TK_LPAREN, "");
    while (p->tok.kind != TK_RPAREN) {
        Field f = {NULL, 0, p->tok.line, p->tok.col, NULL};
        if (p->tok.kind == TK_ELLIPSIS) {
            unsupported(p, "variadic functions");
        } else {
            Expr *t = type(p);
            if (p->tok.kind != TK_COMMA && p->tok.kind != TK_RPAREN) {
                if (t->kind != EX_IDENT) syntax_error(p, ", expecting comma or )");
                f.name = t->name;
                f.namelen = t->namelen;
                if (p->tok.kind == TK_ELLIPSIS) unsupported(p, "variadic functions");
                f.type = type(p);
                named++;
            } else {
                f.type = t;
            }
        }
        PUSH(p, fs, *n, cap, f);
        if (!got(p, TK_COMMA)) {
            if (p->tok.kind != TK_RPAREN) syntax_error(p, ", expecting comma or )");
            break;
        }
    }
    int rline = p->tok.line, rcol = p->tok.col;
    next(p);
    if (named) {
        Expr *t = NULL;
        for (int i = *n - 1; i >= 0; i--) {
            if (fs[i].name) { t = fs[i].type; continue; }
            if (fs[i].type->kind != EX_IDENT || !t)
                fail_at(p, rline, rcol, "syntax error: mixed named and unnamed parameters");
            fs[i].name = fs[i].type->name;
            fs[i].namelen = fs[i].type->namelen;
            fs[i].type = t;
        }
    }
    return fs;
}

/* Signature = Parameters [ Parameters | Type ] . */
static FuncNode *signature(Parser *p, int line, int col)
{
    FuncNode *fn = parse_alloc(p->arena, sizeof *fn);
    fn->line = line;
    fn->col = col;
    fn->params = parameters(p, &fn->nparams);
    if (p->tok.kind == TK_LPAREN) {
        fn->results = parameters(p, &fn->nresults);
    } else if (p->tok.kind == TK_IDENT || p->tok.kind == TK_STAR || p->tok.kind == TK_FUNC ||
               p->tok.kind == TK_STRUCT || p->tok.kind == TK_LBRACK || p->tok.kind == TK_MAP ||
               p->tok.kind == TK_CHAN || p->tok.kind == TK_INTERFACE) {
        fn->results = parse_alloc(p->arena, sizeof *fn->results);
        fn->results[0].line = p->tok.line;
        fn->results[0].col = p->tok.col;
        fn->results[0].type = type(p);
        fn->nresults = 1;
    }
    return fn;
}

/* ---- expressions --------------------------------------------------------------- */

/* ExpressionList = Expression { "," Expression } . */
static Expr **expr_list(Parser *p, int *n)
{
    Expr **xs = NULL;
    int cap = 0;
    *n = 0;
    do PUSH(p, xs, *n, cap, expr(p)); while (got(p, TK_COMMA));
    return xs;
}

/* FuncLit = "func" Signature Block .  (without a block: a FuncType) */
static Expr *func_lit(Parser *p)
{
    Token t = p->tok;
    next(p);
    FuncNode *fn = signature(p, t.line, t.col);
    Expr *e = new_expr(p, p->tok.kind == TK_LBRACE ? EX_FUNCLIT : EX_FUNCTYPE, t.line, t.col);
    e->fn = fn;
    if (e->kind == EX_FUNCLIT) {
        int save = p->xnest;
        p->xnest = 0;
        fn->body = block(p);
        p->xnest = save;
    }
    return e;
}

/* LiteralValue = "{" [ Element { "," Element } [ "," ] ] "}" .
 * Element      = [ Expression ":" ] ( Expression | LiteralValue ) . */
static Expr *literal_value(Parser *p, Expr *typ)
{
    Expr *e = new_expr(p, EX_COMPOSITE, typ ? typ->line : p->tok.line, typ ? typ->col : p->tok.col);
    int cap = 0;
    e->x = typ;
    expect(p, TK_LBRACE, "");
    p->xnest++;
    enter(p, 1);
    while (p->tok.kind != TK_RBRACE) {
        Expr *el = p->tok.kind == TK_LBRACE ? literal_value(p, NULL) : expr(p);
        if (p->tok.kind == TK_COLON) {
            next(p);
            Expr *kv = new_expr(p, EX_KEYVALUE, el->line, el->col);
            kv->x = el;
            kv->y = p->tok.kind == TK_LBRACE ? literal_value(p, NULL) : expr(p);
            el = kv;
        }
        PUSH(p, e->args, e->nargs, cap, el);
        if (!got(p, TK_COMMA)) {
            if (p->tok.kind != TK_RBRACE)
                syntax_error(p, " in composite literal; possibly missing comma or }");
            break;
        }
    }
    p->xnest--;
    p->depth--;
    next(p);
    return e;
}

/* Operand = int_lit | string_lit | name | "(" Expression ")" | FuncLit | StructType . */
static Expr *operand(Parser *p)
{
    Token t = p->tok;
    Expr *e;
    switch (t.kind) {
    case TK_IDENT:
        return name(p);
    case TK_INT:
        e = new_expr(p, EX_INT, t.line, t.col);
        e->lit = t.start;
        e->litlen = t.len;
        e->overflow = !lex_int_value(&t, &e->ival);
        next(p);
        return e;
    case TK_STRING:
        e = new_expr(p, EX_STRING, t.line, t.col);
        e->lit = t.start;
        e->litlen = t.len;
        e->sval = parse_alloc(p->arena, (size_t)t.len + 1);
        e->slen = lex_unquote(&t, e->sval);
        next(p);
        return e;
    case TK_FLOAT: unsupported(p, "floating-point numbers");
    case TK_CHAR: unsupported(p, "rune literals");
    case TK_LPAREN:
        next(p);
        e = new_expr(p, EX_PAREN, t.line, t.col);
        p->xnest++;
        e->x = expr(p);
        p->xnest--;
        expect(p, TK_RPAREN, "");
        return e;
    case TK_FUNC:
        return func_lit(p);
    case TK_STRUCT:
        return struct_type(p);
    default:
        unsupported_type(p);
        syntax_error(p, ", expecting expression");
    }
}

/* Arguments = "(" [ ExpressionList [ "," ] ] ")" . */
static Expr *call(Parser *p, Expr *fn)
{
    Expr *e = new_expr(p, EX_CALL, fn->line, fn->col);
    int cap = 0;
    e->x = fn;
    next(p);
    p->xnest++;
    while (p->tok.kind != TK_RPAREN) {
        PUSH(p, e->args, e->nargs, cap, expr(p));
        if (p->tok.kind == TK_ELLIPSIS) unsupported(p, "variadic calls");
        if (!got(p, TK_COMMA)) {
            if (p->tok.kind != TK_RPAREN)
                syntax_error(p, " in argument list; possibly missing comma or )");
            break;
        }
    }
    p->xnest--;
    e->rparen_line = p->tok.line;
    e->rparen_col = p->tok.col;
    next(p);
    return e;
}

/* PrimaryExpr = Operand { "." name | Arguments | LiteralValue } . */
static Expr *primary(Parser *p)
{
    Expr *x = operand(p);
    for (;;) {
        switch (p->tok.kind) {
        case TK_DOT: {
            next(p);
            if (p->tok.kind == TK_LPAREN) unsupported(p, "type assertions");
            Expr *s = new_expr(p, EX_SELECTOR, x->line, x->col);
            Expr *n = name(p);
            s->x = x;
            s->name = n->name;
            s->namelen = n->namelen;
            s->op_line = n->line;
            s->op_col = n->col;
            x = s;
            break;
        }
        case TK_LPAREN:
            x = call(p, x);
            break;
        case TK_LBRACK:
            unsupported(p, "indexing (arrays, slices and maps)");
        case TK_LBRACE: {
            /* T{...} is a composite literal unless we are in an if/for header,
             * where the brace opens the body (Go's exprLev rule). */
            bool typeish = x->kind == EX_IDENT || x->kind == EX_SELECTOR;
            if (x->kind != EX_STRUCTTYPE && !(typeish && p->xnest >= 0)) return x;
            x = literal_value(p, x);
            break;
        }
        default:
            return x;
        }
    }
}

static Expr *unary(Parser *p);

static Expr *unary_op(Parser *p, Token t)
{
    switch (t.kind) {
    case TK_PLUS: case TK_MINUS: case TK_NOT: case TK_CARET: case TK_AMP: {
        next(p);
        Expr *e = new_expr(p, EX_UNARY, t.line, t.col);
        e->op = t.kind;
        e->x = unary(p);
        return e;
    }
    case TK_STAR: {
        next(p);
        Expr *e = new_expr(p, EX_STAR, t.line, t.col);
        e->x = unary(p);
        return e;
    }
    case TK_ARROW:
        unsupported(p, "channels");
    default:
        return primary(p);
    }
}

/* UnaryExpr = PrimaryExpr | unary_op UnaryExpr . */
static Expr *unary(Parser *p)
{
    Token t = p->tok;
    enter(p, 1);
    Expr *e = unary_op(p, t);
    p->depth--;
    return e;
}

static int precedence(TokenKind k)
{
    switch (k) {
    case TK_OROR: return 1;
    case TK_ANDAND: return 2;
    case TK_EQ: case TK_NE: case TK_LT: case TK_LE: case TK_GT: case TK_GE: return 3;
    case TK_PLUS: case TK_MINUS: case TK_PIPE: case TK_CARET: return 4;
    case TK_STAR: case TK_SLASH: case TK_PERCENT: case TK_SHL: case TK_SHR:
    case TK_AMP: case TK_ANDNOT: return 5;
    default: return 0;
    }
}

/* Expression = UnaryExpr | Expression binary_op Expression .  (precedence climbing) */
static Expr *binary_expr(Parser *p, int min_prec)
{
    Expr *x = unary(p);
    int chain = 0;   /* a left-deep chain is as deep as it is long */
    for (;;) {
        int prec = precedence(p->tok.kind);
        if (prec < min_prec || prec == 0) {
            p->depth -= chain;
            return x;
        }
        enter(p, 1);
        chain++;
        Token op = p->tok;
        next(p);
        Expr *e = new_expr(p, EX_BINARY, x->line, x->col);
        e->op = op.kind;
        e->op_line = op.line;
        e->op_col = op.col;
        e->x = x;
        e->y = binary_expr(p, prec + 1);
        x = e;
    }
}

static Expr *expr(Parser *p)
{
    return binary_expr(p, 1);
}

/* ---- statements ------------------------------------------------------------------ */

typedef struct StmtList { Stmt **items; int n, cap; } StmtList;

static Stmt *simple_stmt(Parser *p);
static void statement(Parser *p, StmtList *out);

/* The token starts a statement (else the statement list ends there). */
static bool stmt_start(TokenKind k)
{
    switch (k) {
    case TK_IDENT: case TK_INT: case TK_FLOAT: case TK_CHAR: case TK_STRING:
    case TK_FUNC: case TK_LPAREN: case TK_LBRACK: case TK_STRUCT: case TK_MAP:
    case TK_CHAN: case TK_INTERFACE: case TK_PLUS: case TK_MINUS: case TK_NOT:
    case TK_CARET: case TK_STAR: case TK_AMP: case TK_ARROW: case TK_VAR:
    case TK_CONST: case TK_TYPE: case TK_GO: case TK_DEFER: case TK_RETURN:
    case TK_BREAK: case TK_CONTINUE: case TK_IF: case TK_FOR: case TK_SWITCH:
    case TK_SELECT: case TK_GOTO: case TK_FALLTHROUGH: case TK_LBRACE: case TK_SEMI:
        return true;
    default:
        return false;
    }
}

/* Block = "{" { Statement ";" } "}" . */
static Stmt *block(Parser *p)
{
    Stmt *b = new_stmt(p, ST_BLOCK, p->tok.line, p->tok.col);
    StmtList list = {NULL, 0, 0};
    enter(p, 1);
    expect(p, TK_LBRACE, "");
    while (p->tok.kind != TK_EOF && p->tok.kind != TK_RBRACE && stmt_start(p->tok.kind)) {
        statement(p, &list);
        if (p->tok.kind == TK_RBRACE) break;
        if (!got(p, TK_SEMI)) syntax_error(p, " at end of statement");
    }
    b->end_line = p->tok.line;
    b->end_col = p->tok.col;
    expect(p, TK_RBRACE, "");
    p->depth--;
    b->body = list.items;
    b->nbody = list.n;
    return b;
}

/* SimpleStmt = [ Expression | Expression ( "++" | "--" )
 *              | ExpressionList ( "=" | assign_op | ":=" ) ExpressionList ] . */
static Stmt *simple_stmt(Parser *p)
{
    Token t = p->tok;
    if (t.kind == TK_RANGE) unsupported(p, "range loops");
    int n;
    Expr **lhs = expr_list(p, &n);
    Token op = p->tok;
    Stmt *s;
    switch (op.kind) {
    case TK_DEFINE: case TK_ASSIGN: case TK_PLUS_ASSIGN: case TK_MINUS_ASSIGN:
    case TK_STAR_ASSIGN: case TK_SLASH_ASSIGN: case TK_PERCENT_ASSIGN: case TK_AMP_ASSIGN:
    case TK_PIPE_ASSIGN: case TK_CARET_ASSIGN: case TK_SHL_ASSIGN: case TK_SHR_ASSIGN:
    case TK_ANDNOT_ASSIGN:
        next(p);
        if (p->tok.kind == TK_RANGE) unsupported(p, "range loops");
        s = new_stmt(p, op.kind == TK_DEFINE ? ST_DEFINE : ST_ASSIGN, t.line, t.col);
        s->op = op.kind;
        s->op_line = op.line;
        s->op_col = op.col;
        s->lhs = lhs;
        s->nlhs = n;
        s->rhs = expr_list(p, &s->nrhs);
        if (op.kind != TK_DEFINE && op.kind != TK_ASSIGN && (n != 1 || s->nrhs != 1))
            fail_at(p, op.line, op.col, "syntax error: unexpected %s, expecting := or = or comma",
                    lex_kind_text(op.kind));
        return s;
    case TK_INC: case TK_DEC:
        if (n != 1) syntax_error(p, ", expecting := or = or comma");
        next(p);
        s = new_stmt(p, ST_INCDEC, t.line, t.col);
        s->op = op.kind;
        s->x = lhs[0];
        return s;
    case TK_COLON:
        if (n == 1 && lhs[0]->kind == EX_IDENT) unsupported(p, "labels");
        syntax_error(p, ", expecting := or = or comma");
    case TK_ARROW:
        unsupported(p, "channels");
    default:
        if (n != 1) syntax_error(p, ", expecting := or = or comma");
        s = new_stmt(p, ST_EXPR, t.line, t.col);
        s->x = lhs[0];
        return s;
    }
}

/* IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] . */
static Stmt *if_stmt(Parser *p)
{
    Stmt *s = new_stmt(p, ST_IF, p->tok.line, p->tok.col);
    next(p);
    int save = p->xnest;
    p->xnest = -1;
    if (p->tok.kind == TK_LBRACE) fail_at(p, p->tok.line, p->tok.col, "missing condition in if statement");
    Stmt *init = p->tok.kind == TK_SEMI ? NULL : simple_stmt(p);
    if (p->tok.kind == TK_SEMI) {
        Token semi = p->tok;
        next(p);
        s->init = init;
        if (p->tok.kind == TK_LBRACE) {
            if (semi.len == 1 && semi.start[0] == '\n')
                fail_at(p, semi.line, semi.col, "syntax error: unexpected newline, expecting { after if clause");
            fail_at(p, p->tok.line, p->tok.col, "missing condition in if statement");
        }
        s->cond = expr(p);
    } else {
        if (!init || init->kind != ST_EXPR)
            fail_at(p, s->line, s->col + 3, "cannot use %s as value",
                    init && init->kind == ST_DEFINE ? "assignment" : "statement");
        s->cond = init->x;
    }
    p->xnest = save;
    if (p->tok.kind != TK_LBRACE) syntax_error(p, ", expecting { after if clause");
    Stmt *b = block(p);
    s->body = b->body;
    s->nbody = b->nbody;
    s->end_line = b->end_line;
    s->end_col = b->end_col;
    if (got(p, TK_ELSE)) {
        if (p->tok.kind == TK_IF) s->els = if_stmt(p);
        else if (p->tok.kind == TK_LBRACE) s->els = block(p);
        else fail_at(p, p->tok.line, p->tok.col, "syntax error: else must be followed by if or statement block");
    }
    return s;
}

/* ForStmt = "for" [ Expression | [ SimpleStmt ] ";" [ Expression ] ";" [ SimpleStmt ] ] Block . */
static Stmt *for_stmt(Parser *p)
{
    Stmt *s = new_stmt(p, ST_FOR, p->tok.line, p->tok.col);
    next(p);
    int save = p->xnest;
    p->xnest = -1;
    if (p->tok.kind != TK_LBRACE) {
        Stmt *init = p->tok.kind == TK_SEMI ? NULL : simple_stmt(p);
        if (p->tok.kind == TK_SEMI) {
            next(p);
            s->init = init;
            if (p->tok.kind != TK_SEMI) s->cond = expr(p);
            if (p->tok.kind != TK_SEMI) syntax_error(p, ", expecting for loop condition");
            next(p);
            if (p->tok.kind != TK_LBRACE) s->post = simple_stmt(p);
            if (s->post && s->post->kind == ST_DEFINE)
                fail_at(p, s->post->line, s->post->col, "syntax error: cannot declare in post statement of for loop");
        } else {
            if (!init || init->kind != ST_EXPR)
                syntax_error(p, ", expecting for loop condition");
            s->cond = init->x;
        }
    }
    p->xnest = save;
    if (p->tok.kind != TK_LBRACE) syntax_error(p, ", expecting { after for clause");
    Stmt *b = block(p);
    s->body = b->body;
    s->nbody = b->nbody;
    s->end_line = b->end_line;
    s->end_col = b->end_col;
    return s;
}

/* VarSpec   = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
 * ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
 * TypeSpec  = name [ "=" ] Type .
 * `prev` is the previous ConstSpec of the group, for implicit repetition. */
static Stmt *spec(Parser *p, TokenKind kw, const Stmt *prev, int64_t iota)
{
    StmtKind k = kw == TK_VAR ? ST_VAR : kw == TK_CONST ? ST_CONST : ST_TYPE;
    Stmt *s = new_stmt(p, k, p->tok.line, p->tok.col);
    int cap = 0;
    s->iota = iota;
    if (k == ST_TYPE) {
        PUSH(p, s->lhs, s->nlhs, cap, name(p));
        if (p->tok.kind == TK_LBRACK) unsupported(p, "generics");
        got(p, TK_ASSIGN);
        s->type = type(p);
        return s;
    }
    do PUSH(p, s->lhs, s->nlhs, cap, name(p)); while (got(p, TK_COMMA));
    if (p->tok.kind != TK_ASSIGN && p->tok.kind != TK_SEMI && p->tok.kind != TK_RPAREN)
        s->type = type(p);
    if (got(p, TK_ASSIGN)) {
        s->rhs = expr_list(p, &s->nrhs);
    } else if (k == ST_VAR && !s->type) {
        syntax_error(p, ", expecting type");
    } else if (k == ST_CONST) {
        if (s->type || !prev) fail_at(p, s->line, s->col, "missing init expr for const declaration");
        s->type = prev->type;
        s->rhs = prev->rhs;
        s->nrhs = prev->nrhs;
    }
    return s;
}

/* VarDecl | ConstDecl | TypeDecl: one spec or a parenthesised group. */
static void decl_specs(Parser *p, StmtList *out)
{
    TokenKind kw = p->tok.kind;
    next(p);
    if (!got(p, TK_LPAREN)) {
        PUSH(p, out->items, out->n, out->cap, spec(p, kw, NULL, 0));
        return;
    }
    const Stmt *prev = NULL;
    for (int64_t iota = 0; p->tok.kind != TK_RPAREN; iota++) {
        Stmt *s = spec(p, kw, prev, iota);
        PUSH(p, out->items, out->n, out->cap, s);
        prev = s;
        if (p->tok.kind != TK_RPAREN && !got(p, TK_SEMI))
            syntax_error(p, kw == TK_VAR ? " after top level declaration" : ", expecting semicolon, newline, or )");
    }
    next(p);
}

/* go/defer Expression: the expression must be a call. */
static Stmt *call_stmt(Parser *p, StmtKind k)
{
    Stmt *s = new_stmt(p, k, p->tok.line, p->tok.col);
    next(p);
    s->x = expr(p);
    const char *kw = k == ST_GO ? "go" : "defer";
    if (s->x->kind == EX_PAREN && s->x->x->kind == EX_CALL)
        fail_at(p, s->x->line, s->x->col, "expression in %s must not be parenthesized", kw);
    if (s->x->kind != EX_CALL)
        fail_at(p, s->x->line, s->x->col, "expression in %s must be function call", kw);
    return s;
}

/* Statement = ... (see the grammar at the top) */
static void statement(Parser *p, StmtList *out)
{
    Token t = p->tok;
    Stmt *s;
    switch (t.kind) {
    case TK_VAR: case TK_CONST:
        decl_specs(p, out);
        return;
    case TK_TYPE: unsupported(p, "type declarations inside functions");
    case TK_GO: s = call_stmt(p, ST_GO); break;
    case TK_DEFER: s = call_stmt(p, ST_DEFER); break;
    case TK_RETURN:
        next(p);
        s = new_stmt(p, ST_RETURN, t.line, t.col);
        if (p->tok.kind != TK_SEMI && p->tok.kind != TK_RBRACE) s->rhs = expr_list(p, &s->nrhs);
        break;
    case TK_BREAK: case TK_CONTINUE:
        next(p);
        s = new_stmt(p, t.kind == TK_BREAK ? ST_BREAK : ST_CONTINUE, t.line, t.col);
        if (p->tok.kind == TK_IDENT) unsupported(p, "labels");
        break;
    case TK_LBRACE: s = block(p); break;
    case TK_IF: s = if_stmt(p); break;
    case TK_FOR: s = for_stmt(p); break;
    case TK_SWITCH: unsupported(p, "switch statements");
    case TK_SELECT: unsupported(p, "select statements");
    case TK_GOTO: unsupported(p, "goto");
    case TK_FALLTHROUGH: unsupported(p, "fallthrough");
    case TK_SEMI: s = new_stmt(p, ST_EMPTY, t.line, t.col); break;
    default: s = simple_stmt(p); break;
    }
    PUSH(p, out->items, out->n, out->cap, s);
}

/* ---- declarations ------------------------------------------------------------------ */

/* FuncDecl = "func" name Signature Block . */
static Decl *func_decl(Parser *p)
{
    Decl *d = parse_alloc(p->arena, sizeof *d);
    d->kind = DECL_FUNC;
    d->line = p->tok.line;
    d->col = p->tok.col;
    next(p);
    if (p->tok.kind == TK_LPAREN) unsupported(p, "methods");
    Expr *n = name(p);
    d->name = n->name;
    d->namelen = n->namelen;
    d->name_line = n->line;
    d->name_col = n->col;
    if (p->tok.kind == TK_LBRACK) unsupported(p, "generics");
    d->fn = signature(p, d->line, d->col);
    if (p->tok.kind == TK_SEMI) {
        next(p);
        if (p->tok.kind == TK_LBRACE)
            fail_at(p, p->tok.line, p->tok.col, "syntax error: unexpected semicolon or newline before {");
        fail_at(p, d->name_line, d->name_col, "missing function body");
    }
    d->fn->body = block(p);
    return d;
}

/* ImportSpec = [ name ] string . */
static void import_spec(Parser *p, File *f, int *cap)
{
    Import im = {NULL, 0, NULL, 0, p->tok.line, p->tok.col, false};   /* at the spec's start */
    if (p->tok.kind == TK_IDENT) {
        im.alias = p->tok.start;
        im.aliaslen = p->tok.len;
        next(p);
    } else if (p->tok.kind == TK_DOT) {
        unsupported(p, "dot imports");
    }
    if (p->tok.kind != TK_STRING) syntax_error(p, ", expecting import path");
    char *path = parse_alloc(p->arena, (size_t)p->tok.len + 1);
    im.pathlen = lex_unquote(&p->tok, path);
    im.path = path;
    next(p);
    PUSH(p, f->imports, f->nimports, *cap, im);
}

/* File = "package" name ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
static void file(Parser *p, File *f)
{
    int icap = 0, dcap = 0;
    if (p->tok.kind != TK_PACKAGE)
        fail_at(p, p->tok.line, p->tok.col, "syntax error: package statement must be first");
    f->pkg_line = p->tok.line;
    f->pkg_col = p->tok.col;
    next(p);
    Expr *n = name(p);
    f->pkg_name = n->name;
    f->pkg_namelen = n->namelen;
    if (p->tok.kind != TK_EOF && !got(p, TK_SEMI)) syntax_error(p, " after package clause");
    while (p->tok.kind == TK_IMPORT) {
        next(p);
        if (got(p, TK_LPAREN)) {
            while (p->tok.kind != TK_RPAREN) {
                import_spec(p, f, &icap);
                if (p->tok.kind != TK_RPAREN && !got(p, TK_SEMI))
                    syntax_error(p, ", expecting semicolon, newline, or )");
            }
            next(p);
        } else {
            import_spec(p, f, &icap);
        }
        if (p->tok.kind != TK_EOF && !got(p, TK_SEMI)) syntax_error(p, " after top level declaration");
    }
    while (p->tok.kind != TK_EOF) {
        if (p->tok.kind == TK_FUNC) {
            PUSH(p, f->decls, f->ndecls, dcap, func_decl(p));
        } else if (p->tok.kind == TK_VAR || p->tok.kind == TK_CONST || p->tok.kind == TK_TYPE) {
            DeclKind k = p->tok.kind == TK_VAR ? DECL_VAR : p->tok.kind == TK_CONST ? DECL_CONST : DECL_TYPE;
            StmtList specs = {NULL, 0, 0};
            decl_specs(p, &specs);
            for (int i = 0; i < specs.n; i++) {
                Decl *d = parse_alloc(p->arena, sizeof *d);
                d->kind = k;
                d->line = specs.items[i]->line;
                d->col = specs.items[i]->col;
                d->spec = specs.items[i];
                PUSH(p, f->decls, f->ndecls, dcap, d);
            }
        } else if (p->tok.kind == TK_IMPORT) {
            fail_at(p, p->tok.line, p->tok.col, "syntax error: imports must appear before other declarations");
        } else if (p->tok.kind == TK_SEMI) {
            next(p);
            continue;
        } else {
            fail_at(p, p->tok.line, p->tok.col, "syntax error: non-declaration statement outside function body");
        }
        if (p->tok.kind != TK_EOF && !got(p, TK_SEMI)) syntax_error(p, " after top level declaration");
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
    next(p);
    file(p, f);
    return f;
}
