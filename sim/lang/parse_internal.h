/* parse_internal.h — what the parser's files share (not for other passes).
 *
 * The parser is three files over one Parser state: sim/lang/parse.c (the grammar,
 * the token helpers, declarations and the file), sim/lang/parse_expr.c (types and
 * expressions) and sim/lang/parse_stmt.c (statements, blocks and var/const/type
 * specs).  Every function here may longjmp to Parser.fail on a syntax error;
 * the arena owns every node, so there is nothing to unwind.
 */
#ifndef INTERLEAVE_PARSE_INTERNAL_H
#define INTERLEAVE_PARSE_INTERNAL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include "ast.h"
#include "lex.h"

typedef struct Parser {
    Lexer lx;
    Token tok;
    Arena *arena;
    DiagList *diags;
    int xnest;        /* < 0 in an if/for header: `{` there opens the body   */
    int depth;        /* nesting of the tree being built (see parse_enter)    */
    jmp_buf fail;
} Parser;

/* Every later pass recurses over the tree, so its depth is capped here: a
 * machine-generated `1+1+...+1` or `((((...))))` must not overflow a C stack. */
#define MAX_DEPTH 1000

/* A list of statements being built (a block's body, a group of specs). */
typedef struct StmtList { Stmt **items; int n, cap; } StmtList;

/* ---- sim/lang/parse.c: errors, tokens, nodes ------------------------------------------ */

/* Record a diagnostic and abandon the parse. */
_Noreturn void parse_fail_at(Parser *p, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* "syntax error: unexpected X<rest>" at the current token. */
_Noreturn void parse_syntax_error(Parser *p, const char *rest);
/* "interleave does not support <what>" at the current token. */
_Noreturn void parse_unsupported(Parser *p, const char *what);
/* The tree gets n levels deeper (fails past MAX_DEPTH); the caller undoes it
 * with p->depth -= n. */
void parse_enter(Parser *p, int n);
void parse_next(Parser *p);
/* Consume the current token if it is k. */
bool parse_got(Parser *p, TokenKind k);
/* Consume k or fail with ", expecting k<context>". */
void parse_expect(Parser *p, TokenKind k, const char *context);

/* Growable arrays in the arena (the old copy is simply left behind). */
void *parse_grow(Parser *p, void *arr, int n, int *cap, size_t elem);
#define PUSH(p, arr, n, cap, x) \
    ((arr) = parse_grow((p), (arr), (n), &(cap), sizeof *(arr)), (arr)[(n)++] = (x))

Expr *parse_new_expr(Parser *p, ExprKind k, int line, int col);
Stmt *parse_new_stmt(Parser *p, StmtKind k, int line, int col);

/* ---- sim/lang/parse_expr.c: types and expressions ------------------------------------- */

Expr *parse_name(Parser *p);
Expr *parse_type(Parser *p);
/* sim/lang/parse_data.c: [N]T, []T, [...]T and map[K]V; x[i] and x[lo:hi:max];
 * float and rune literals. */
Expr *parse_data_type(Parser *p);
Expr *parse_index(Parser *p, Expr *x);
Expr *parse_data_literal(Parser *p);
/* At the [ after `type Name`: a type parameter list (else an array or
 * slice type: `type Names []string`, `type Grid [N]int`). */
bool parse_brack_is_generic(Parser *p);
FuncNode *parse_signature(Parser *p, int line, int col);
/* Parameters = "(" ... ")"; *variadic (may be NULL) says the last is ...T. */
Field *parse_parameters(Parser *p, int *n, bool *variadic);
Expr *parse_expr(Parser *p);
Expr **parse_expr_list(Parser *p, int *n);

/* ---- sim/lang/parse_stmt.c: statements ------------------------------------------------- */

Stmt *parse_block(Parser *p);
/* VarDecl | ConstDecl | TypeDecl at the current keyword: its specs go to out. */
void parse_decl_specs(Parser *p, StmtList *out);

#endif
