/* parse_expr.c — parsing types and expressions (the grammar heads sim/lang/parse.c).
 *
 * Types are parsed as expressions, as Go's own parser does: `*value` is an
 * EX_STAR, `sync.Mutex` an EX_SELECTOR, and the checker decides which is
 * meant.  Binary expressions use precedence climbing; depth is counted with
 * parse_enter so that no later recursive pass can overflow the C stack.
 */
#include "lex.h"
#include "parse.h"
#include "parse_internal.h"

/* ---- types --------------------------------------------------------------------- */

/* name = identifier . */
Expr *parse_name(Parser *p)
{
    if (p->tok.kind != TK_IDENT) parse_syntax_error(p, ", expecting name");
    Expr *e = parse_new_expr(p, EX_IDENT, p->tok.line, p->tok.col);
    e->name = p->tok.start;
    e->namelen = p->tok.len;
    parse_next(p);
    return e;
}

static void unsupported_type(Parser *p)
{
    switch (p->tok.kind) {
    default: break;
    }
}

/* StructType = "struct" "{" { IdentifierList Type ";" } "}" . */
static Expr *struct_type(Parser *p)
{
    Expr *e = parse_new_expr(p, EX_STRUCTTYPE, p->tok.line, p->tok.col);
    int cap = 0;
    parse_expect(p, TK_STRUCT, "");
    parse_expect(p, TK_LBRACE, "");
    while (p->tok.kind != TK_RBRACE) {
        if (p->tok.kind == TK_STAR) {            /* embedded *T */
            Field f = {NULL, 0, p->tok.line, p->tok.col, parse_type(p)};
            PUSH(p, e->fields, e->nfields, cap, f);
            if (p->tok.kind != TK_RBRACE && !parse_got(p, TK_SEMI))
                parse_syntax_error(p, ", expecting semicolon, newline, or }");
            continue;
        }
        int first = e->nfields;
        for (;;) {
            Expr *n = parse_name(p);
            Field f = {n->name, n->namelen, n->line, n->col, NULL};
            PUSH(p, e->fields, e->nfields, cap, f);
            if (!parse_got(p, TK_COMMA)) break;
        }
        if (e->nfields == first + 1 && (p->tok.kind == TK_SEMI || p->tok.kind == TK_RBRACE || p->tok.kind == TK_DOT)) {
            /* an embedded field T or pkg.T: its name is the type's */
            Field *f = &e->fields[first];
            Expr *t = parse_new_expr(p, EX_IDENT, f->line, f->col);
            t->name = f->name;
            t->namelen = f->namelen;
            if (parse_got(p, TK_DOT)) {
                Expr *sel = parse_new_expr(p, EX_SELECTOR, f->line, f->col);
                Expr *n = parse_name(p);
                sel->x = t;
                sel->name = n->name;
                sel->namelen = n->namelen;
                sel->op_line = n->line;
                sel->op_col = n->col;
                t = sel;
            }
            f->type = t;
            f->name = NULL;
            f->namelen = 0;
            if (p->tok.kind != TK_RBRACE && !parse_got(p, TK_SEMI))
                parse_syntax_error(p, ", expecting semicolon, newline, or }");
            continue;
        }
        Expr *t = parse_type(p);
        for (int i = first; i < e->nfields; i++) e->fields[i].type = t;
        if (p->tok.kind != TK_RBRACE && !parse_got(p, TK_SEMI))   /* Go's list() wording */
            parse_syntax_error(p, " in struct type; possibly missing semicolon or newline or }");
    }
    parse_next(p);
    return e;
}

static Expr *type_inner(Parser *p);

/* InterfaceType = "interface" "{" { ( name Signature | TypeName ) ";" } "}" . */
static Expr *interface_type(Parser *p)
{
    Expr *e = parse_new_expr(p, EX_IFACETYPE, p->tok.line, p->tok.col);
    int cap = 0;
    parse_expect(p, TK_INTERFACE, "");
    parse_expect(p, TK_LBRACE, "");
    while (p->tok.kind != TK_RBRACE) {
        Field f = {NULL, 0, p->tok.line, p->tok.col, NULL};
        /* type sets (~int, int | string) only constrain type parameters */
        if (p->tok.kind == TK_TILDE) parse_unsupported(p, "generics");
        Expr *n = parse_name(p);
        if (p->tok.kind == TK_PIPE) parse_unsupported(p, "generics");
        if (p->tok.kind == TK_LPAREN) {
            f.name = n->name;
            f.namelen = n->namelen;
            f.type = parse_new_expr(p, EX_FUNCTYPE, n->line, n->col);
            f.type->fn = parse_signature(p, n->line, n->col);
        } else if (parse_got(p, TK_DOT)) {
            Expr *sel = parse_new_expr(p, EX_SELECTOR, n->line, n->col);
            Expr *m = parse_name(p);
            sel->x = n;
            sel->name = m->name;
            sel->namelen = m->namelen;
            sel->op_line = m->line;
            sel->op_col = m->col;
            f.type = sel;
        } else {
            f.type = n;
        }
        PUSH(p, e->fields, e->nfields, cap, f);
        if (p->tok.kind != TK_RBRACE && !parse_got(p, TK_SEMI))
            parse_syntax_error(p, ", expecting semicolon, newline, or }");
    }
    parse_next(p);
    return e;
}

/* Type = name [ "." name ] | "*" Type | "(" Type ")" | StructType | FuncType . */
/* ChanType = ( "chan" [ "<-" ] | "<-" "chan" ) ElementType .  The arrow binds
 * to the leftmost chan: chan<- chan int is chan<- (chan int).  `line`/`col`
 * start the type (the arrow of <-chan). */
static Expr *chan_type(Parser *p, int dir, int line, int col)
{
    Expr *e = parse_new_expr(p, EX_CHANTYPE, line, col);
    parse_expect(p, TK_CHAN, "");
    if (dir == CHAN_BOTH && parse_got(p, TK_ARROW)) dir = CHAN_SEND;
    e->op = dir;
    e->x = parse_type(p);
    return e;
}

/* Type = name [ "." name ] | "*" Type | "(" Type ")" | StructType | FuncType | ChanType . */
Expr *parse_type(Parser *p)
{
    parse_enter(p, 1);
    Expr *e = type_inner(p);
    p->depth--;
    return e;
}

static Expr *type_inner(Parser *p)
{
    Token t = p->tok;
    switch (t.kind) {
    case TK_IDENT: {
        Expr *e = parse_name(p);
        if (p->tok.kind == TK_DOT) {
            parse_next(p);
            Expr *s = parse_new_expr(p, EX_SELECTOR, e->line, e->col);
            Expr *n = parse_name(p);
            s->x = e;
            s->name = n->name;
            s->namelen = n->namelen;
            s->op_line = n->line;
            s->op_col = n->col;
            return s;
        }
        return e;   /* `a [3]int` in a parameter list: the caller sees the [ */
    }
    case TK_STAR: {
        parse_next(p);
        Expr *e = parse_new_expr(p, EX_STAR, t.line, t.col);
        e->x = parse_type(p);
        return e;
    }
    case TK_LPAREN: {
        parse_next(p);
        Expr *e = parse_new_expr(p, EX_PAREN, t.line, t.col);
        e->x = parse_type(p);
        parse_expect(p, TK_RPAREN, "");
        return e;
    }
    case TK_STRUCT:
        return struct_type(p);
    case TK_INTERFACE:
        return interface_type(p);
    case TK_LBRACK: case TK_MAP:
        return parse_data_type(p);
    case TK_CHAN:
        return chan_type(p, CHAN_BOTH, t.line, t.col);
    case TK_ARROW:
        parse_next(p);
        if (p->tok.kind != TK_CHAN) parse_syntax_error(p, ", expecting chan");
        return chan_type(p, CHAN_RECV, t.line, t.col);
    case TK_FUNC: {
        parse_next(p);
        Expr *e = parse_new_expr(p, EX_FUNCTYPE, t.line, t.col);
        e->fn = parse_signature(p, t.line, t.col);
        return e;
    }
    default:
        unsupported_type(p);
        parse_syntax_error(p, ", expecting type");
    }
}

/* Parameters = "(" [ ParameterDecl { "," ParameterDecl } [ "," ] ] ")" .
 * Each entry is parsed as [name] Type; if any entry has a name, the lone ones
 * are names sharing the type of the next typed entry (`v1, v2 *value`). */
Field *parse_parameters(Parser *p, int *n, bool *variadic)
{
    Field *fs = NULL;
    int cap = 0, named = 0;
    *n = 0;
    parse_expect(p, TK_LPAREN, "");
    while (p->tok.kind != TK_RPAREN) {
        Field f = {NULL, 0, p->tok.line, p->tok.col, NULL};
        if (p->tok.kind == TK_ELLIPSIS) {
            if (!variadic) parse_unsupported(p, "variadic functions here");
            parse_next(p);
            *variadic = true;
            f.type = parse_type(p);
        } else {
            Expr *t = parse_type(p);
            if (p->tok.kind != TK_COMMA && p->tok.kind != TK_RPAREN) {
                if (t->kind != EX_IDENT) parse_syntax_error(p, ", expecting comma or )");
                f.name = t->name;
                f.namelen = t->namelen;
                if (p->tok.kind == TK_ELLIPSIS) {
                    if (!variadic) parse_unsupported(p, "variadic functions here");
                    parse_next(p);
                    *variadic = true;
                }
                f.type = parse_type(p);
                named++;
            } else {
                f.type = t;
            }
        }
        PUSH(p, fs, *n, cap, f);
        if (!parse_got(p, TK_COMMA)) {
            if (p->tok.kind != TK_RPAREN) parse_syntax_error(p, " in parameter list; possibly missing comma or )");
            break;
        }
    }
    int rline = p->tok.line, rcol = p->tok.col;
    parse_next(p);
    if (named) {
        Expr *t = NULL;
        for (int i = *n - 1; i >= 0; i--) {
            if (fs[i].name) { t = fs[i].type; continue; }
            if (fs[i].type->kind != EX_IDENT || !t)
                parse_fail_at(p, rline, rcol, "syntax error: mixed named and unnamed parameters");
            fs[i].name = fs[i].type->name;
            fs[i].namelen = fs[i].type->namelen;
            fs[i].type = t;
        }
    }
    return fs;
}

/* Signature = Parameters [ Parameters | Type ] . */
FuncNode *parse_signature(Parser *p, int line, int col)
{
    FuncNode *fn = parse_alloc(p->arena, sizeof *fn);
    fn->line = line;
    fn->col = col;
    fn->params = parse_parameters(p, &fn->nparams, &fn->variadic);
    if (p->tok.kind == TK_LPAREN) {
        fn->results = parse_parameters(p, &fn->nresults, NULL);
    } else if (p->tok.kind == TK_IDENT || p->tok.kind == TK_STAR || p->tok.kind == TK_FUNC ||
               p->tok.kind == TK_STRUCT || p->tok.kind == TK_LBRACK || p->tok.kind == TK_MAP ||
               p->tok.kind == TK_CHAN || p->tok.kind == TK_INTERFACE || p->tok.kind == TK_ARROW) {
        fn->results = parse_alloc(p->arena, sizeof *fn->results);
        fn->results[0].line = p->tok.line;
        fn->results[0].col = p->tok.col;
        fn->results[0].type = parse_type(p);
        fn->nresults = 1;
    }
    return fn;
}

/* ---- expressions --------------------------------------------------------------- */

/* ExpressionList = Expression { "," Expression } . */
Expr **parse_expr_list(Parser *p, int *n)
{
    Expr **xs = NULL;
    int cap = 0;
    *n = 0;
    do PUSH(p, xs, *n, cap, parse_expr(p)); while (parse_got(p, TK_COMMA));
    return xs;
}

/* FuncLit = "func" Signature Block .  (without a block: a FuncType) */
static Expr *func_lit(Parser *p)
{
    Token t = p->tok;
    parse_next(p);
    FuncNode *fn = parse_signature(p, t.line, t.col);
    Expr *e = parse_new_expr(p, p->tok.kind == TK_LBRACE ? EX_FUNCLIT : EX_FUNCTYPE, t.line, t.col);
    e->fn = fn;
    if (e->kind == EX_FUNCLIT) {
        int save = p->xnest;
        p->xnest = 0;
        fn->body = parse_block(p);
        p->xnest = save;
    }
    return e;
}

/* LiteralValue = "{" [ Element { "," Element } [ "," ] ] "}" .
 * Element      = [ Expression ":" ] ( Expression | LiteralValue ) . */
static Expr *literal_value(Parser *p, Expr *typ)
{
    Expr *e = parse_new_expr(p, EX_COMPOSITE, typ ? typ->line : p->tok.line, typ ? typ->col : p->tok.col);
    int cap = 0;
    e->x = typ;
    parse_expect(p, TK_LBRACE, "");
    p->xnest++;
    parse_enter(p, 1);
    while (p->tok.kind != TK_RBRACE) {
        Expr *el = p->tok.kind == TK_LBRACE ? literal_value(p, NULL) : parse_expr(p);
        if (p->tok.kind == TK_COLON) {
            int colon_line = p->tok.line, colon_col = p->tok.col;
            parse_next(p);
            Expr *kv = parse_new_expr(p, EX_KEYVALUE, el->line, el->col);
            kv->op_line = colon_line;
            kv->op_col = colon_col;
            kv->x = el;
            kv->y = p->tok.kind == TK_LBRACE ? literal_value(p, NULL) : parse_expr(p);
            el = kv;
        }
        PUSH(p, e->args, e->nargs, cap, el);
        if (!parse_got(p, TK_COMMA)) {
            if (p->tok.kind != TK_RBRACE)
                parse_syntax_error(p, " in composite literal; possibly missing comma or }");
            break;
        }
    }
    p->xnest--;
    p->depth--;
    e->rparen_line = p->tok.line;
    e->rparen_col = p->tok.col;
    parse_next(p);
    return e;
}

/* Operand = int_lit | string_lit | name | "(" Expression ")" | FuncLit | StructType . */
static Expr *operand(Parser *p)
{
    Token t = p->tok;
    Expr *e;
    switch (t.kind) {
    case TK_IDENT:
        return parse_name(p);
    case TK_INT:
        e = parse_new_expr(p, EX_INT, t.line, t.col);
        e->lit = t.start;
        e->litlen = t.len;
        e->overflow = !lex_int_value(&t, &e->ival);
        parse_next(p);
        return e;
    case TK_STRING:
        e = parse_new_expr(p, EX_STRING, t.line, t.col);
        e->lit = t.start;
        e->litlen = t.len;
        e->sval = parse_alloc(p->arena, (size_t)t.len + 1);
        e->slen = lex_unquote(&t, e->sval);
        parse_next(p);
        return e;
    case TK_FLOAT: case TK_CHAR:
        return parse_data_literal(p);
    case TK_LPAREN:
        parse_next(p);
        e = parse_new_expr(p, EX_PAREN, t.line, t.col);
        p->xnest++;
        e->x = parse_expr(p);
        p->xnest--;
        parse_expect(p, TK_RPAREN, "");
        return e;
    case TK_FUNC:
        return func_lit(p);
    case TK_STRUCT: case TK_INTERFACE: case TK_LBRACK: case TK_MAP: case TK_CHAN:
        return parse_type(p);   /* a type as an operand: T{...}, conversions */
    default:
        unsupported_type(p);
        parse_syntax_error(p, ", expecting expression");
    }
}

/* Arguments = "(" [ ExpressionList [ "," ] ] ")" . */
static Expr *call(Parser *p, Expr *fn)
{
    Expr *e = parse_new_expr(p, EX_CALL, fn->line, fn->col);
    int cap = 0;
    e->x = fn;
    parse_next(p);
    p->xnest++;
    while (p->tok.kind != TK_RPAREN) {
        PUSH(p, e->args, e->nargs, cap, parse_expr(p));
        if (p->tok.kind == TK_ELLIPSIS) {   /* f(xs...): append's is checked in types_builtin.c */
            e->dots = true;
            parse_next(p);
        }
        if (!parse_got(p, TK_COMMA)) {
            if (p->tok.kind != TK_RPAREN)
                parse_syntax_error(p, " in argument list; possibly missing comma or )");
            break;
        }
    }
    p->xnest--;
    e->rparen_line = p->tok.line;
    e->rparen_col = p->tok.col;
    parse_next(p);
    return e;
}

static Expr *primary_from(Parser *p, Expr *x);

/* PrimaryExpr = Operand { "." name | Arguments | LiteralValue } .
 * x.a.b and f()() build left-deep trees: as deep as they are long. */
static Expr *primary(Parser *p)
{
    return primary_from(p, operand(p));
}

static Expr *primary_from(Parser *p, Expr *x)
{
    int chain = 0;
    for (;;) {
        switch (p->tok.kind) {
        case TK_DOT: {
            parse_enter(p, 1);
            chain++;
            parse_next(p);
            if (p->tok.kind == TK_LPAREN) {      /* x.(T), x.(type) */
                Expr *a = parse_new_expr(p, EX_TYPEASSERT, x->line, x->col);
                a->op_line = p->tok.line;
                a->op_col = p->tok.col;
                parse_next(p);
                a->x = x;
                if (!parse_got(p, TK_TYPE)) a->y = parse_type(p);
                parse_expect(p, TK_RPAREN, "");
                x = a;
                break;
            }
            if (p->tok.kind != TK_IDENT) parse_syntax_error(p, ", expecting name or (");
            Expr *s = parse_new_expr(p, EX_SELECTOR, x->line, x->col);
            Expr *n = parse_name(p);
            s->x = x;
            s->name = n->name;
            s->namelen = n->namelen;
            s->op_line = n->line;
            s->op_col = n->col;
            x = s;
            break;
        }
        case TK_LPAREN:
            parse_enter(p, 1);
            chain++;
            x = call(p, x);
            break;
        case TK_LBRACK:
            parse_enter(p, 1);
            chain++;
            x = parse_index(p, x);
            break;
        case TK_LBRACE: {
            /* T{...} is a composite literal unless we are in an if/for header,
             * where the brace opens the body (Go's exprLev rule). */
            bool typeish = x->kind == EX_IDENT || x->kind == EX_SELECTOR;
            bool literal_type = x->kind == EX_STRUCTTYPE || x->kind == EX_ARRAYTYPE || x->kind == EX_MAPTYPE;
            if (!literal_type && !(typeish && p->xnest >= 0)) {
                p->depth -= chain;
                return x;
            }
            x = literal_value(p, x);
            break;
        }
        default:
            p->depth -= chain;
            return x;
        }
    }
}

static Expr *unary(Parser *p);

static Expr *unary_op(Parser *p, Token t)
{
    switch (t.kind) {
    case TK_PLUS: case TK_MINUS: case TK_NOT: case TK_CARET: case TK_AMP: {
        parse_next(p);
        Expr *e = parse_new_expr(p, EX_UNARY, t.line, t.col);
        e->op = t.kind;
        e->x = unary(p);
        return e;
    }
    case TK_STAR: {
        parse_next(p);
        Expr *e = parse_new_expr(p, EX_STAR, t.line, t.col);
        e->x = unary(p);
        return e;
    }
    case TK_ARROW: {
        parse_next(p);
        if (p->tok.kind == TK_CHAN) {       /* <-chan T: a type (make, conversion) */
            Expr *ct = chan_type(p, CHAN_RECV, t.line, t.col);
            return p->tok.kind == TK_LPAREN ? primary_from(p, ct) : ct;
        }
        Expr *e = parse_new_expr(p, EX_UNARY, t.line, t.col);   /* a receive */
        e->op = TK_ARROW;
        e->x = unary(p);
        return e;
    }
    default:
        return primary(p);
    }
}

/* UnaryExpr = PrimaryExpr | unary_op UnaryExpr . */
static Expr *unary(Parser *p)
{
    Token t = p->tok;
    parse_enter(p, 1);
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
        parse_enter(p, 1);
        chain++;
        Token op = p->tok;
        parse_next(p);
        Expr *e = parse_new_expr(p, EX_BINARY, x->line, x->col);
        e->op = op.kind;
        e->op_line = op.line;
        e->op_col = op.col;
        e->x = x;
        e->y = binary_expr(p, prec + 1);
        x = e;
    }
}

Expr *parse_expr(Parser *p)
{
    return binary_expr(p, 1);
}
