/* parse_stmt.c — parsing statements, blocks and var/const/type specs (the
 * grammar heads sim/lang/parse.c).
 *
 * A `{` in an if or for header opens the body, never a composite literal
 * (Go's exprLev rule): the headers set Parser.xnest to -1 while they parse.
 * Specs are shared with the top level, where sim/lang/parse.c wraps each in a Decl.
 */
#include <stdio.h>
#include <string.h>

#include "lex.h"
#include "parse.h"
#include "parse_internal.h"

/* ---- statements ------------------------------------------------------------------ */

/* Where a simple statement stands: a `for` header may hold a range clause,
 * a select case's statement ends at its colon. */
enum { SIMPLE_PLAIN, SIMPLE_FOR, SIMPLE_CASE };

static Stmt *simple_stmt(Parser *p, int ctx);
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
Stmt *parse_block(Parser *p)
{
    Stmt *b = parse_new_stmt(p, ST_BLOCK, p->tok.line, p->tok.col);
    StmtList list = {NULL, 0, 0};
    parse_enter(p, 1);
    parse_expect(p, TK_LBRACE, "");
    while (p->tok.kind != TK_EOF && p->tok.kind != TK_RBRACE && stmt_start(p->tok.kind)) {
        statement(p, &list);
        if (p->tok.kind == TK_RBRACE) break;
        if (!parse_got(p, TK_SEMI)) parse_syntax_error(p, " at end of statement");
    }
    b->end_line = p->tok.line;
    b->end_col = p->tok.col;
    parse_expect(p, TK_RBRACE, "");
    p->depth--;
    b->body = list.items;
    b->nbody = list.n;
    return b;
}

/* RangeClause = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression .
 * At the range keyword; lhs (n of them) and op (TK_DEFINE / TK_ASSIGN / 0)
 * were parsed before it.  The body is the for statement's. */
static Stmt *range_clause(Parser *p, Token t, Expr **lhs, int n, TokenKind op)
{
    Stmt *s = parse_new_stmt(p, ST_RANGE, t.line, t.col);
    parse_next(p);
    s->lhs = lhs;
    s->nlhs = n;
    s->op = op;
    s->x = parse_expr(p);
    return s;
}

/* SimpleStmt = [ Expression | SendStmt | Expression ( "++" | "--" )
 *              | ExpressionList ( "=" | assign_op | ":=" ) ExpressionList ] .
 * SendStmt   = Expression "<-" Expression . */
static Stmt *simple_stmt(Parser *p, int ctx)
{
    Token t = p->tok;
    if (t.kind == TK_RANGE) {
        if (ctx != SIMPLE_FOR) parse_syntax_error(p, ", expecting expression");
        return range_clause(p, t, NULL, 0, 0);
    }
    int n;
    Expr **lhs = parse_expr_list(p, &n);
    Token op = p->tok;
    Stmt *s;
    switch (op.kind) {
    case TK_DEFINE: case TK_ASSIGN: case TK_PLUS_ASSIGN: case TK_MINUS_ASSIGN:
    case TK_STAR_ASSIGN: case TK_SLASH_ASSIGN: case TK_PERCENT_ASSIGN: case TK_AMP_ASSIGN:
    case TK_PIPE_ASSIGN: case TK_CARET_ASSIGN: case TK_SHL_ASSIGN: case TK_SHR_ASSIGN:
    case TK_ANDNOT_ASSIGN:
        parse_next(p);
        if (p->tok.kind == TK_RANGE) {
            if (ctx != SIMPLE_FOR || (op.kind != TK_DEFINE && op.kind != TK_ASSIGN))
                parse_syntax_error(p, ", expecting expression");
            return range_clause(p, t, lhs, n, op.kind);
        }
        s = parse_new_stmt(p, op.kind == TK_DEFINE ? ST_DEFINE : ST_ASSIGN, t.line, t.col);
        s->op = op.kind;
        s->op_line = op.line;
        s->op_col = op.col;
        s->lhs = lhs;
        s->nlhs = n;
        s->rhs = parse_expr_list(p, &s->nrhs);
        if (op.kind != TK_DEFINE && op.kind != TK_ASSIGN && (n != 1 || s->nrhs != 1))
            parse_fail_at(p, op.line, op.col, "syntax error: unexpected %s, expecting := or = or comma",
                          lex_kind_text(op.kind));
        return s;
    case TK_INC: case TK_DEC:
        if (n != 1) parse_syntax_error(p, ", expecting := or = or comma");
        parse_next(p);
        s = parse_new_stmt(p, ST_INCDEC, t.line, t.col);
        s->op = op.kind;
        s->op_line = op.line;
        s->op_col = op.col;
        s->x = lhs[0];
        return s;
    case TK_COLON:
        if (ctx == SIMPLE_CASE) goto expr;
        if (n == 1 && lhs[0]->kind == EX_IDENT && p->xnest >= 0) {   /* Label ":" Statement */
            parse_next(p);
            StmtList one = {NULL, 0, 0};
            while (p->tok.kind == TK_SEMI) parse_next(p);
            if (p->tok.kind == TK_RBRACE) return parse_new_stmt(p, ST_EMPTY, t.line, t.col);
            statement(p, &one);
            /* `L: var ()` declares nothing: the label is on an empty statement */
            s = one.n ? one.items[one.n - 1] : parse_new_stmt(p, ST_EMPTY, t.line, t.col);
            s->label = lhs[0]->name;
            s->labellen = lhs[0]->namelen;
            s->label_line = lhs[0]->line;
            s->label_col = lhs[0]->col;
            if (one.n > 1) {       /* a labelled var/const group: keep them all */
                Stmt *b = parse_new_stmt(p, ST_BLOCK, t.line, t.col);
                b->body = one.items;
                b->nbody = one.n;
                return b;
            }
            return s;
        }
        parse_syntax_error(p, ", expecting := or = or comma");
    case TK_ARROW:
        if (n != 1) parse_syntax_error(p, ", expecting := or = or comma");
        parse_next(p);
        s = parse_new_stmt(p, ST_SEND, t.line, t.col);
        s->op = TK_ARROW;
        s->op_line = op.line;
        s->op_col = op.col;
        s->lhs = lhs;
        s->nlhs = 1;
        s->rhs = parse_alloc(p->arena, sizeof *s->rhs);
        s->rhs[0] = parse_expr(p);
        s->nrhs = 1;
        return s;
    expr:
    default:
        if (n != 1) parse_syntax_error(p, ", expecting := or = or comma");
        s = parse_new_stmt(p, ST_EXPR, t.line, t.col);
        s->x = lhs[0];
        return s;
    }
}

static void expr_list_str(Expr **xs, int n, char *buf, size_t size)
{
    size_t k = 0;
    buf[0] = 0;
    for (int i = 0; i < n && k + 1 < size; i++) {
        if (i) {
            k += (size_t)snprintf(buf + k, size - k, ", ");
            if (k >= size) break;   /* truncated: snprintf counted what did not fit */
        }
        ast_expr_string(xs[i], buf + k, size - k);
        k += strlen(buf + k);
    }
}

/* `if x := 0 {`: the statement where the condition belongs, in Go's words
 * (syntax/parser.go header): at its operator, an assignment with its sides
 * in parentheses to show the `=`, anything else as written. */
static _Noreturn void not_a_condition(Parser *p, const Stmt *init, const Stmt *s)
{
    if (!init) parse_fail_at(p, s->line, s->col + 3, "syntax error: missing condition in if statement");
    char l[96], r[96];
    expr_list_str(init->lhs, init->nlhs, l, sizeof l);
    expr_list_str(init->rhs, init->nrhs, r, sizeof r);
    if (init->kind == ST_ASSIGN && init->op == TK_ASSIGN)
        parse_fail_at(p, init->op_line, init->op_col, "syntax error: cannot use assignment (%s) = (%s) as value", l, r);
    if (init->kind == ST_INCDEC) {
        ast_expr_string(init->x, l, sizeof l);
        parse_fail_at(p, init->op_line, init->op_col, "syntax error: cannot use %s%s as value", l,
                      lex_kind_text(init->op));
    }
    parse_fail_at(p, init->op_line, init->op_col, "syntax error: cannot use %s %s %s as value", l,
                  lex_kind_text(init->op), r);
}

/* IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] . */
static Stmt *if_stmt(Parser *p)
{
    Stmt *s = parse_new_stmt(p, ST_IF, p->tok.line, p->tok.col);
    parse_next(p);
    int save = p->xnest;
    p->xnest = -1;
    if (p->tok.kind == TK_LBRACE) parse_fail_at(p, p->tok.line, p->tok.col, "syntax error: missing condition in if statement");
    Stmt *init = p->tok.kind == TK_SEMI ? NULL : simple_stmt(p, SIMPLE_PLAIN);
    if (p->tok.kind == TK_SEMI) {
        Token semi = p->tok;
        parse_next(p);
        s->init = init;
        if (p->tok.kind == TK_LBRACE) {
            if (semi.len == 1 && semi.start[0] == '\n')
                parse_fail_at(p, semi.line, semi.col, "syntax error: unexpected newline, expecting { after if clause");
            parse_fail_at(p, semi.line, semi.col, "syntax error: missing condition in if statement");
        }
        s->cond = parse_expr(p);
    } else {
        if (!init || init->kind != ST_EXPR) not_a_condition(p, init, s);
        s->cond = init->x;
    }
    p->xnest = save;
    if (p->tok.kind != TK_LBRACE) parse_syntax_error(p, ", expecting { after if clause");
    Stmt *b = parse_block(p);
    s->body = b->body;
    s->nbody = b->nbody;
    s->end_line = b->end_line;
    s->end_col = b->end_col;
    if (parse_got(p, TK_ELSE)) {
        if (p->tok.kind == TK_IF) {
            parse_enter(p, 1);   /* an else-if chain nests as deep as it is long */
            s->els = if_stmt(p);
            p->depth--;
        } else if (p->tok.kind == TK_LBRACE) s->els = parse_block(p);
        else parse_fail_at(p, p->tok.line, p->tok.col, "syntax error: else must be followed by if or statement block");
    }
    return s;
}

/* ForStmt = "for" [ Expression | [ SimpleStmt ] ";" [ Expression ] ";" [ SimpleStmt ] ] Block . */
static Stmt *for_stmt(Parser *p)
{
    Stmt *s = parse_new_stmt(p, ST_FOR, p->tok.line, p->tok.col);
    parse_next(p);
    int save = p->xnest;
    p->xnest = -1;
    if (p->tok.kind != TK_LBRACE) {
        Stmt *init = p->tok.kind == TK_SEMI ? NULL : simple_stmt(p, SIMPLE_FOR);
        if (init && init->kind == ST_RANGE) {
            init->line = s->line;           /* the statement is the for's */
            init->col = s->col;
            p->xnest = save;
            if (p->tok.kind != TK_LBRACE) parse_syntax_error(p, ", expecting { after for clause");
            Stmt *b = parse_block(p);
            init->body = b->body;
            init->nbody = b->nbody;
            init->end_line = b->end_line;
            init->end_col = b->end_col;
            return init;
        }
        if (p->tok.kind == TK_SEMI) {
            parse_next(p);
            s->init = init;
            if (p->tok.kind != TK_SEMI) s->cond = parse_expr(p);
            if (p->tok.kind != TK_SEMI) parse_syntax_error(p, ", expecting for loop condition");
            parse_next(p);
            if (p->tok.kind != TK_LBRACE) s->post = simple_stmt(p, SIMPLE_PLAIN);
            if (s->post && s->post->kind == ST_RANGE)
                parse_fail_at(p, s->post->line, s->post->col, "syntax error: unexpected range, expecting expression");
            if (s->post && s->post->kind == ST_DEFINE)
                parse_fail_at(p, s->post->line, s->post->col,
                              "syntax error: cannot declare in post statement of for loop");
        } else {
            if (!init || init->kind != ST_EXPR)
                parse_syntax_error(p, ", expecting for loop condition");
            s->cond = init->x;
        }
    }
    p->xnest = save;
    if (p->tok.kind != TK_LBRACE) parse_syntax_error(p, ", expecting { after for clause");
    Stmt *b = parse_block(p);
    s->body = b->body;
    s->nbody = b->nbody;
    s->end_line = b->end_line;
    s->end_col = b->end_col;
    return s;
}

/* SwitchStmt = "switch" [ SimpleStmt ";" ] [ Expression | [ name ":=" ] x ".(" "type" ")" ]
 *              "{" { CaseClause } "}" .
 * CaseClause = ( "case" ExpressionList | "default" ) ":" { Statement ";" } .
 * In a type switch the case "expressions" are types (parsed as expressions,
 * as everywhere; the checker resolves them). */
static Stmt *switch_stmt(Parser *p)
{
    Stmt *s = parse_new_stmt(p, ST_SWITCH, p->tok.line, p->tok.col);
    parse_next(p);
    int save = p->xnest;
    p->xnest = -1;
    Stmt *head = NULL;
    if (p->tok.kind != TK_LBRACE) {
        head = p->tok.kind == TK_SEMI ? NULL : simple_stmt(p, SIMPLE_PLAIN);
        if (parse_got(p, TK_SEMI)) {
            s->init = head;
            head = p->tok.kind == TK_LBRACE ? NULL : simple_stmt(p, SIMPLE_PLAIN);
        }
    }
    p->xnest = save;
    if (head) {
        if (head->kind == ST_EXPR) {
            s->x = head->x;
        } else if (head->kind == ST_DEFINE && head->nlhs == 1 && head->nrhs == 1 &&
                   head->rhs[0]->kind == EX_TYPEASSERT && !head->rhs[0]->y) {
            s->x = head->rhs[0];
            s->lhs = head->lhs;
            s->nlhs = 1;
        } else {
            parse_fail_at(p, head->line, head->col, "syntax error: switch expression must be an expression");
        }
    }
    if (p->tok.kind != TK_LBRACE) parse_syntax_error(p, ", expecting { after switch clause");
    parse_next(p);
    StmtList clauses = {NULL, 0, 0};
    parse_enter(p, 1);
    while (p->tok.kind == TK_CASE || p->tok.kind == TK_DEFAULT) {
        Stmt *c = parse_new_stmt(p, ST_CASE, p->tok.line, p->tok.col);
        if (parse_got(p, TK_CASE)) c->rhs = parse_expr_list(p, &c->nrhs);
        else parse_next(p);
        parse_expect(p, TK_COLON, "");
        StmtList body = {NULL, 0, 0};
        while (p->tok.kind != TK_CASE && p->tok.kind != TK_DEFAULT && p->tok.kind != TK_RBRACE &&
               p->tok.kind != TK_EOF && stmt_start(p->tok.kind)) {
            statement(p, &body);
            if (p->tok.kind == TK_CASE || p->tok.kind == TK_DEFAULT || p->tok.kind == TK_RBRACE) break;
            if (!parse_got(p, TK_SEMI)) parse_syntax_error(p, " at end of statement");
        }
        c->body = body.items;
        c->nbody = body.n;
        PUSH(p, clauses.items, clauses.n, clauses.cap, c);
    }
    s->end_line = p->tok.line;
    s->end_col = p->tok.col;
    if (p->tok.kind != TK_RBRACE) parse_syntax_error(p, ", expecting case or default or }");
    parse_next(p);
    p->depth--;
    s->body = clauses.items;
    s->nbody = clauses.n;
    return s;
}

/* VarSpec   = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
 * ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
 * TypeSpec  = name [ "=" ] Type .
 * `prev` is the previous ConstSpec of the group, for implicit repetition. */
static Stmt *spec(Parser *p, TokenKind kw, const Stmt *prev, int64_t iota)
{
    StmtKind k = kw == TK_VAR ? ST_VAR : kw == TK_CONST ? ST_CONST : ST_TYPE;
    Stmt *s = parse_new_stmt(p, k, p->tok.line, p->tok.col);
    int cap = 0;
    s->iota = iota;
    if (k == ST_TYPE) {
        PUSH(p, s->lhs, s->nlhs, cap, parse_name(p));
        if (p->tok.kind == TK_LBRACK && parse_brack_is_generic(p)) parse_unsupported(p, "generics");
        parse_got(p, TK_ASSIGN);
        s->type = parse_type(p);
        return s;
    }
    do PUSH(p, s->lhs, s->nlhs, cap, parse_name(p)); while (parse_got(p, TK_COMMA));
    if (p->tok.kind != TK_ASSIGN && p->tok.kind != TK_SEMI && p->tok.kind != TK_RPAREN)
        s->type = parse_type(p);
    if (parse_got(p, TK_ASSIGN)) {
        s->rhs = parse_expr_list(p, &s->nrhs);
    } else if (k == ST_VAR && !s->type) {
        parse_syntax_error(p, ", expecting type");
    } else if (k == ST_CONST) {
        if (s->type || !prev) parse_fail_at(p, s->line, s->col, "missing init expr for const declaration");
        s->type = prev->type;
        s->rhs = prev->rhs;
        s->nrhs = prev->nrhs;
    }
    return s;
}

/* VarDecl | ConstDecl | TypeDecl: one spec or a parenthesised group. */
void parse_decl_specs(Parser *p, StmtList *out)
{
    TokenKind kw = p->tok.kind;
    parse_next(p);
    if (!parse_got(p, TK_LPAREN)) {
        PUSH(p, out->items, out->n, out->cap, spec(p, kw, NULL, 0));
        return;
    }
    const Stmt *prev = NULL;
    for (int64_t iota = 0; p->tok.kind != TK_RPAREN; iota++) {
        Stmt *s = spec(p, kw, prev, iota);
        PUSH(p, out->items, out->n, out->cap, s);
        prev = s;
        if (p->tok.kind != TK_RPAREN && !parse_got(p, TK_SEMI))
            parse_syntax_error(p, kw == TK_VAR ? " after top level declaration"
                                               : ", expecting semicolon, newline, or )");
    }
    parse_next(p);
}

/* Where Go's syntax tree places an expression (cmd/compile/internal/syntax):
 * a binary expression at its operator, a selector at its dot (just before the
 * name), anything else where it starts. */
static void syntax_pos(const Expr *e, int *line, int *col)
{
    *line = e->line;
    *col = e->col;
    if (e->kind == EX_BINARY) { *line = e->op_line; *col = e->op_col; }
    else if (e->kind == EX_SELECTOR && e->op_col > 1) { *line = e->op_line; *col = e->op_col - 1; }
}

/* go/defer Expression: the expression must be a call. */
static Stmt *call_stmt(Parser *p, StmtKind k)
{
    Stmt *s = parse_new_stmt(p, k, p->tok.line, p->tok.col);
    parse_next(p);
    s->x = parse_expr(p);
    const char *kw = k == ST_GO ? "go" : "defer";
    if (s->x->kind == EX_PAREN)
        parse_fail_at(p, s->x->line, s->x->col, "expression in %s must not be parenthesized", kw);
    if (s->x->kind != EX_CALL) {
        int line, col;
        syntax_pos(s->x, &line, &col);
        parse_fail_at(p, line, col, "expression in %s must be function call", kw);
    }
    return s;
}

/* SelectStmt = "select" "{" { CommClause } "}" .
 * CommClause = ( "case" ( SendStmt | RecvStmt ) | "default" ) ":" StatementList .
 * RecvStmt   = [ ExpressionList "=" | IdentifierList ":=" ] RecvExpr .
 * A case's statement is parsed as any simple statement; the checker says
 * which ones are communications. */
static Stmt *select_stmt(Parser *p)
{
    Stmt *s = parse_new_stmt(p, ST_SELECT, p->tok.line, p->tok.col);
    int cap = 0;
    parse_next(p);
    if (p->tok.kind != TK_LBRACE) parse_syntax_error(p, ", expecting {");
    parse_next(p);
    parse_enter(p, 1);
    while (p->tok.kind == TK_CASE || p->tok.kind == TK_DEFAULT) {
        Clause k = {p->tok.line, p->tok.col, NULL, NULL, 0};
        if (parse_got(p, TK_CASE)) k.comm = simple_stmt(p, SIMPLE_CASE);
        else parse_next(p);
        parse_expect(p, TK_COLON, "");
        StmtList list = {NULL, 0, 0};
        while (p->tok.kind != TK_EOF && p->tok.kind != TK_RBRACE && p->tok.kind != TK_CASE &&
               p->tok.kind != TK_DEFAULT && stmt_start(p->tok.kind)) {
            statement(p, &list);
            if (p->tok.kind == TK_RBRACE || p->tok.kind == TK_CASE || p->tok.kind == TK_DEFAULT) break;
            if (!parse_got(p, TK_SEMI)) parse_syntax_error(p, " at end of statement");
        }
        k.body = list.items;
        k.nbody = list.n;
        PUSH(p, s->clauses, s->nclauses, cap, k);
    }
    if (p->tok.kind != TK_RBRACE) parse_syntax_error(p, ", expecting case or default or }");
    s->end_line = p->tok.line;
    s->end_col = p->tok.col;
    parse_next(p);
    p->depth--;
    return s;
}

/* Statement = ... (see the grammar at the top) */
static void statement(Parser *p, StmtList *out)
{
    Token t = p->tok;
    Stmt *s;
    switch (t.kind) {
    case TK_VAR: case TK_CONST: case TK_TYPE:
        parse_decl_specs(p, out);
        return;
    case TK_GO: s = call_stmt(p, ST_GO); break;
    case TK_DEFER: s = call_stmt(p, ST_DEFER); break;
    case TK_RETURN:
        parse_next(p);
        s = parse_new_stmt(p, ST_RETURN, t.line, t.col);
        if (p->tok.kind != TK_SEMI && p->tok.kind != TK_RBRACE) s->rhs = parse_expr_list(p, &s->nrhs);
        break;
    case TK_BREAK: case TK_CONTINUE:
        parse_next(p);
        s = parse_new_stmt(p, t.kind == TK_BREAK ? ST_BREAK : ST_CONTINUE, t.line, t.col);
        if (p->tok.kind == TK_IDENT) {
            s->label = p->tok.start;
            s->labellen = p->tok.len;
            parse_next(p);
        }
        break;
    case TK_LBRACE: s = parse_block(p); break;
    case TK_IF: s = if_stmt(p); break;
    case TK_FOR: s = for_stmt(p); break;
    case TK_SWITCH: s = switch_stmt(p); break;
    case TK_SELECT: s = select_stmt(p); break;
    case TK_GOTO: parse_unsupported(p, "goto");
    case TK_FALLTHROUGH: parse_next(p); s = parse_new_stmt(p, ST_FALLTHROUGH, t.line, t.col); break;
    case TK_SEMI: s = parse_new_stmt(p, ST_EMPTY, t.line, t.col); break;
    default: s = simple_stmt(p, SIMPLE_PLAIN); break;
    }
    PUSH(p, out->items, out->n, out->cap, s);
}
