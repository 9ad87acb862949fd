/* scope.c — names, declarations and statements of the type checker (types.h).
 *
 * Scopes nest as Go's blocks do: universe (int, true, nil, new ...), package
 * (imports and top-level names), then one scope per function body, block, if
 * and for.  Package-level names are declared first and checked lazily on first
 * use (scope_resolve), so declaration order does not matter; global variables
 * are initialised in the order their declarations finished checking, which puts
 * dependencies first as Go's initialisation order does.
 *
 * Closures: a local variable referenced from a function literal other than the
 * one declaring it is "captured"; it is added to the capture list of every
 * function between the reference and the declaration, so each CLOSURE
 * instruction can push the cell addresses it needs from its own frame.
 *
 * Size: names, declarations and statements (with Go's unused-variable,
 * missing-return and := rules) — past 600 lines only for want of a separate
 * statement-checker file in this module's list.
 */
#include "types.h"

#include <stdio.h>
#include <string.h>
#include "lex.h"
#include "parse.h"

/* ---- scopes ------------------------------------------------------------------------- */

static void *grow(Checker *c, void *arr, int n, int *cap, size_t elem)
{
    if (n < *cap) return arr;
    int ncap = *cap ? *cap * 2 : 8;
    void *na = parse_alloc(c->arena, (size_t)ncap * elem);
    if (n) memcpy(na, arr, (size_t)n * elem);
    *cap = ncap;
    return na;
}
#define PUSH(c, arr, n, cap, x) \
    ((arr) = grow((c), (arr), (n), &(cap), sizeof *(arr)), (arr)[(n)++] = (x))

static bool is_blank(const char *name, int len) { return len == 1 && name[0] == '_'; }

static void open_scope(Checker *c)
{
    Scope *s = parse_alloc(c->arena, sizeof *s);
    s->parent = c->scope;
    c->scope = s;
}

static void close_scope(Checker *c)
{
    Scope *s = c->scope;
    for (int i = 0; i < s->n; i++) {
        Sym *v = s->syms[i];
        if (v->kind == SYM_VAR && !v->global && !v->used && !v->is_param)
            types_errorf(c, v->line, v->col, "%.*s declared but not used", v->namelen, v->name);
    }
    c->scope = s->parent;
}

static Sym *new_sym(Checker *c, SymKind k, const char *name, int len, int line, int col)
{
    Sym *s = parse_alloc(c->arena, sizeof *s);
    s->kind = k;
    s->name = name;
    s->namelen = len;
    s->line = line;
    s->col = col;
    s->state = 2;
    s->owner = c->fn;
    return s;
}

/* Declare in the current scope; `_` is never entered. */
static Sym *declare(Checker *c, SymKind k, const char *name, int len, int line, int col)
{
    Sym *s = new_sym(c, k, name, len, line, col);
    if (is_blank(name, len)) return s;
    Scope *sc = c->scope;
    for (int i = 0; i < sc->n; i++) {
        if (sc->syms[i]->namelen == len && memcmp(sc->syms[i]->name, name, (size_t)len) == 0) {
            types_errorf(c, line, col, "%.*s redeclared in this block", len, name);
            return s;
        }
    }
    PUSH(c, sc->syms, sc->n, sc->cap, s);
    return s;
}

static Sym *lookup_in(const Scope *sc, const char *name, int len)
{
    for (int i = sc->n - 1; i >= 0; i--)
        if (sc->syms[i]->namelen == len && memcmp(sc->syms[i]->name, name, (size_t)len) == 0)
            return sc->syms[i];
    return NULL;
}

Sym *scope_lookup(Checker *c, const char *name, int len)
{
    for (Scope *sc = c->scope; sc; sc = sc->parent) {
        Sym *s = lookup_in(sc, name, len);
        if (s) return s;
    }
    return NULL;
}

void scope_use(Checker *c, Sym *s, bool read)
{
    if (read) s->used = true;
    if (s->kind != SYM_VAR || s->global || !s->owner || s->owner == c->fn) return;
    s->captured = true;
    for (FuncInfo *f = c->fn; f && f != s->owner; f = f->parent) {
        bool have = false;
        for (int i = 0; i < f->ncaptures && !have; i++) have = f->captures[i] == s;
        if (!have) PUSH(c, f->captures, f->ncaptures, f->capcap, s);
    }
}

static void universe(Checker *c)
{
    static const char *const unsupported[] = {
        "len", "cap", "make", "append", "delete", "close", "copy", "panic", "recover",
        "print", "println", "complex", "real", "imag", "min", "max", "clear",
        "byte", "rune", "float32", "float64", "int8", "int16", "int32", "int64", "uint",
        "uint8", "uint16", "uint32", "uint64", "uintptr", "error", "any", "complex64",
        "complex128",
    };
    open_scope(c);
    c->universe = c->scope;
    declare(c, SYM_TYPE, "int", 3, 0, 0)->type = c->t_int;
    declare(c, SYM_TYPE, "bool", 4, 0, 0)->type = c->t_bool;
    declare(c, SYM_TYPE, "string", 6, 0, 0)->type = c->t_string;
    Sym *s = declare(c, SYM_CONST, "true", 4, 0, 0);
    s->type = c->t_ubool;
    s->cv.kind = CV_BOOL;
    s->cv.i = 1;
    s = declare(c, SYM_CONST, "false", 5, 0, 0);
    s->type = c->t_ubool;
    s->cv.kind = CV_BOOL;
    s = declare(c, SYM_CONST, "iota", 4, 0, 0);
    s->type = c->t_uint;
    s->is_iota = true;
    declare(c, SYM_NIL, "nil", 3, 0, 0)->type = c->t_unil;
    declare(c, SYM_BUILTIN, "new", 3, 0, 0)->builtin = BI_NEW;
    for (size_t i = 0; i < sizeof unsupported / sizeof unsupported[0]; i++)
        declare(c, SYM_BUILTIN, unsupported[i], (int)strlen(unsupported[i]), 0, 0)->builtin = BI_UNSUPPORTED;
}

/* ---- declarations ---------------------------------------------------------------- */

static void body(Checker *c, Stmt **stmts, int n);

/* Check a right-hand side list against `n` targets; returns the value types
 * in `types` (NULL entries when invalid).  A single call may supply them all. */
static void rhs_values(Checker *c, Stmt *s, int n, Type **types)
{
    for (int i = 0; i < n; i++) types[i] = NULL;
    if (s->nrhs == 1 && n > 1) {
        Expr *r = s->rhs[0];
        types_expr(c, r);
        if (r->mode == MODE_INVALID) return;
        if (r->mode == MODE_VALUE && r->type->kind == TY_TUPLE && r->type->nresults == n) {
            for (int i = 0; i < n; i++) types[i] = r->type->results[i];
            return;
        }
        int have = r->mode == MODE_VALUE && r->type->kind == TY_TUPLE ? r->type->nresults : 1;
        types_errorf(c, r->line, r->col, "assignment mismatch: %d variable%s but %d value%s",
                     n, n == 1 ? "" : "s", have, have == 1 ? "" : "s");
        return;
    }
    for (int i = 0; i < s->nrhs; i++) types_value(c, s->rhs[i]);
    if (s->nrhs != n) {
        Expr *r = s->rhs[0];
        if (s->nrhs == 1 && r->kind == EX_CALL && r->mode == MODE_INVALID && r->type->kind == TY_INVALID) return;
        char fs[96];
        if (s->nrhs == 1 && r->kind == EX_CALL && r->x->type && r->x->type->kind == TY_FUNC) {
            types_expr_string(r->x, fs, sizeof fs);
            types_errorf(c, r->line, r->col, "assignment mismatch: %d variable%s but %s returns %d value%s",
                         n, n == 1 ? "" : "s", fs, r->x->type->nresults, r->x->type->nresults == 1 ? "" : "s");
        } else {
            types_errorf(c, r->line, r->col, "assignment mismatch: %d variable%s but %d value%s",
                         n, n == 1 ? "" : "s", s->nrhs, s->nrhs == 1 ? "" : "s");
        }
        for (int i = 0; i < s->nrhs; i++) s->rhs[i]->mode = MODE_INVALID;
        return;
    }
    for (int i = 0; i < n; i++)
        if (s->rhs[i]->mode != MODE_INVALID) types[i] = s->rhs[i]->type;
}

/* The simulator keeps struct (and Mutex/WaitGroup) values in memory only: a
 * composite literal may initialise a new variable, nothing copies one. */
static bool copies_struct(Checker *c, Expr *r, bool composite_ok)
{
    if (!r || r->mode == MODE_INVALID || !r->type) return false;
    TypeKind k = r->type->kind;
    if (k != TY_STRUCT && k != TY_MUTEX && k != TY_WAITGROUP) return false;
    Expr *inner = r;
    while (inner->kind == EX_PAREN) inner = inner->x;
    if (composite_ok && inner->kind == EX_COMPOSITE) return false;
    types_errorf(c, r->line, r->col, "interleave does not support copying struct values (use a pointer)");
    return true;
}

/* var names [T] [= values]; for a global the syms exist already. */
static void var_spec(Checker *c, Stmt *s, bool global)
{
    Type *t = s->type ? types_resolve(c, s->type) : NULL;
    Type **vt = parse_alloc(c->arena, sizeof *vt * (size_t)s->nlhs);
    if (s->nrhs) {
        rhs_values(c, s, s->nlhs, vt);
        for (int i = 0; i < s->nlhs && s->nrhs == s->nlhs; i++) {
            Expr *r = s->rhs[i];
            if (copies_struct(c, r, true)) {
                vt[i] = NULL;
            } else if (t) {
                if (!types_assign(c, r, t, "variable declaration")) vt[i] = NULL;
            } else if (r->mode == MODE_NIL) {
                types_errorf(c, r->line, r->col, "use of untyped nil in variable declaration");
                vt[i] = NULL;
            } else if (vt[i]) {
                vt[i] = r->type = types_default(c, vt[i]);
            }
        }
    }
    if (!global) s->syms = parse_alloc(c->arena, sizeof *s->syms * (size_t)s->nlhs);
    for (int i = 0; i < s->nlhs; i++) {
        Expr *n = s->lhs[i];
        Sym *v = global ? s->syms[i] : declare(c, SYM_VAR, n->name, n->namelen, n->line, n->col);
        v->type = t ? t : vt[i] ? vt[i] : c->t_invalid;
        if (s->nrhs && !vt[i]) v->used = true;   /* no follow-up "declared but not used" */
        v->state = 2;
        n->sym = v;
        if (!global) s->syms[i] = is_blank(n->name, n->namelen) ? NULL : v;
        if (global && !is_blank(n->name, n->namelen)) PUSH(c, c->globals, c->nglobals, c->globals_cap, v);
    }
    if (global) PUSH(c, c->global_inits, c->ninits, c->inits_cap, s);
}

/* const names [T] = values (the values must be constants). */
static void const_spec(Checker *c, Stmt *s, bool global)
{
    Type *t = s->type ? types_resolve(c, s->type) : NULL;
    bool save = c->in_const;
    int64_t save_iota = c->iota;
    c->in_const = true;
    c->iota = s->iota;
    if (!global) s->syms = parse_alloc(c->arena, sizeof *s->syms * (size_t)s->nlhs);
    for (int i = 0; i < s->nlhs; i++) {
        Expr *n = s->lhs[i];
        Sym *k = global ? s->syms[i] : NULL;
        Type *kt = c->t_invalid;
        ConstVal cv = {CV_NONE, 0, NULL, 0};
        if (i >= s->nrhs) {
            types_errorf(c, n->line, n->col, "missing init expr for const declaration");
        } else {
            Expr *r = s->rhs[i];
            types_value(c, r);
            if (r->mode == MODE_CONST) {
                if (!t || types_assign(c, r, t, "constant declaration")) {
                    kt = t ? t : r->type;
                    cv = r->cv;
                }
            } else if (r->mode != MODE_INVALID) {
                char rs[128];
                types_operand_string(r, rs, sizeof rs);
                types_errorf(c, r->line, r->col, "%s is not constant", rs);
            }
        }
        if (!global) k = declare(c, SYM_CONST, n->name, n->namelen, n->line, n->col);
        k->type = kt;
        k->cv = cv;
        k->state = 2;
        if (!global) s->syms[i] = k;
    }
    if (s->nrhs > s->nlhs)
        types_errorf(c, s->rhs[s->nlhs]->line, s->rhs[s->nlhs]->col, "extra init expr");
    c->in_const = save;
    c->iota = save_iota;
}

void scope_resolve(Checker *c, Sym *s)
{
    if (!s->global || s->state == 2) return;
    if (s->state == 1) {
        if (s->kind == SYM_TYPE) return;   /* `next *node`: the pointer is fine */
        types_errorf(c, s->line, s->col, "initialization loop for %.*s", s->namelen, s->name);
        s->type = c->t_invalid;
        s->state = 2;
        return;
    }
    s->state = 1;
    Scope *save_scope = c->scope;
    FuncInfo *save_fn = c->fn;
    int save_loops = c->loops;
    c->scope = c->pkg;
    c->fn = NULL;
    c->loops = 0;
    switch (s->kind) {
    case SYM_TYPE: {
        Type *named = s->type;
        named->state = 1;
        Type *u = types_resolve(c, s->spec->type);
        if (u->state == 1) {
            types_errorf(c, s->line, s->col, "invalid recursive type %.*s", s->namelen, s->name);
            u = c->t_invalid;
        }
        Type keep = *named;
        *named = *u;
        named->name = keep.name;
        named->ptr = keep.ptr;
        named->layout = -1;
        named->state = 2;
        break;
    }
    case SYM_CONST: const_spec(c, s->spec, true); break;
    case SYM_VAR: var_spec(c, s->spec, true); break;
    case SYM_FUNC: s->type = types_signature(c, s->decl->fn); break;
    default: break;
    }
    c->scope = save_scope;
    c->fn = save_fn;
    c->loops = save_loops;
    if (s->spec && (s->kind == SYM_VAR || s->kind == SYM_CONST))
        for (int i = 0; i < s->spec->nlhs; i++) s->spec->syms[i]->state = 2;
    s->state = 2;
}

/* ---- statements --------------------------------------------------------------------- */

static void stmt(Checker *c, Stmt *s);

static void block(Checker *c, Stmt **stmts, int n)
{
    open_scope(c);
    body(c, stmts, n);
    close_scope(c);
}

static void body(Checker *c, Stmt **stmts, int n)
{
    for (int i = 0; i < n; i++) stmt(c, stmts[i]);
}

static void define(Checker *c, Stmt *s)
{
    Type **vt = parse_alloc(c->arena, sizeof *vt * (size_t)s->nlhs);
    bool *failed = parse_alloc(c->arena, sizeof *failed * (size_t)s->nlhs);
    s->syms = parse_alloc(c->arena, sizeof *s->syms * (size_t)s->nlhs);
    rhs_values(c, s, s->nlhs, vt);
    bool any_new = false;
    for (int i = 0; i < s->nlhs; i++) {
        Expr *n = s->lhs[i];
        if (n->kind != EX_IDENT) {
            char ns[96];
            types_expr_string(n, ns, sizeof ns);
            types_errorf(c, n->line, n->col, "non-name %s on left side of :=", ns);
            return;
        }
        for (int j = 0; j < i; j++) {
            if (!is_blank(n->name, n->namelen) && s->lhs[j]->namelen == n->namelen &&
                memcmp(s->lhs[j]->name, n->name, (size_t)n->namelen) == 0) {
                types_errorf(c, n->line, n->col, "%.*s repeated on left side of :=", n->namelen, n->name);
                return;
            }
        }
        if (!is_blank(n->name, n->namelen) && !lookup_in(c->scope, n->name, n->namelen)) any_new = true;
    }
    if (!any_new) {
        types_errorf(c, s->op_line, s->op_col, "no new variables on left side of :=");
        for (int i = 0; i < s->nlhs; i++) {
            Sym *old = lookup_in(c->scope, s->lhs[i]->name, s->lhs[i]->namelen);
            if (old) old->used = true;
        }
        return;
    }
    bool single = s->nrhs == s->nlhs;
    for (int i = 0; i < s->nlhs; i++) {
        Expr *n = s->lhs[i];
        Expr *r = single ? s->rhs[i] : NULL;
        if (is_blank(n->name, n->namelen)) {
            if (r && r->mode == MODE_NIL) types_errorf(c, r->line, r->col, "use of untyped nil in assignment");
            else if (r && vt[i]) r->type = types_default(c, vt[i]);
            continue;
        }
        Sym *old = lookup_in(c->scope, n->name, n->namelen);
        if (old) {
            n->sym = old;
            scope_use(c, old, false);
            if (copies_struct(c, r, false)) {
                continue;
            } else if (old->kind != SYM_VAR) {
                types_errorf(c, n->line, n->col, "cannot assign to %.*s", n->namelen, n->name);
            } else if (r) {
                types_assign(c, r, old->type, "assignment");
            } else if (vt[i] && !types_identical(vt[i], old->type)) {
                char ts[64], os[64];
                types_string(vt[i], ts, sizeof ts);
                types_string(old->type, os, sizeof os);
                types_errorf(c, s->rhs[0]->line, s->rhs[0]->col, "cannot use %s value as type %s in assignment", ts, os);
            }
            continue;
        }
        Type *t = c->t_invalid;
        if (r && r->mode == MODE_NIL) types_errorf(c, r->line, r->col, "use of untyped nil in assignment");
        else if (copies_struct(c, r, true)) t = c->t_invalid;
        else if (vt[i]) t = types_default(c, vt[i]);
        if (t == c->t_invalid) failed[i] = true;
        if (r && r->mode != MODE_INVALID && r->mode != MODE_NIL) r->type = t;
        s->syms[i] = NULL;   /* declared after every right-hand side was checked */
        vt[i] = t;
    }
    for (int i = 0; i < s->nlhs; i++) {
        Expr *n = s->lhs[i];
        if (is_blank(n->name, n->namelen) || n->sym) continue;
        Sym *v = declare(c, SYM_VAR, n->name, n->namelen, n->line, n->col);
        v->type = vt[i];
        v->used = failed[i];
        n->sym = v;
        s->syms[i] = v;
    }
}

static void assign_target(Checker *c, Expr *l, Expr *r, Type *rt)
{
    if (copies_struct(c, r, false)) return;
    if (l->kind == EX_IDENT && is_blank(l->name, l->namelen)) {
        l->mode = MODE_VAR;
        if (r && r->mode == MODE_NIL) types_errorf(c, r->line, r->col, "use of untyped nil in assignment");
        else if (r && r->mode != MODE_INVALID) r->type = types_default(c, r->type);
        return;
    }
    types_lhs(c, l);
    if (l->mode == MODE_INVALID) return;
    if (l->mode != MODE_VAR) {
        char ls[128];
        types_operand_string(l, ls, sizeof ls);
        types_errorf(c, l->line, l->col, "cannot assign to %s", ls);
        return;
    }
    if (r) {
        Expr *inner = l;
        while (inner->kind == EX_PAREN) inner = inner->x;
        if (!types_assign(c, r, l->type, "assignment") && inner->kind == EX_IDENT && inner->sym)
            inner->sym->used = true;   /* as Go: no follow-up "declared but not used" */
    } else if (rt && !types_identical(rt, l->type)) {
        char ts[64], ls[64];
        types_string(rt, ts, sizeof ts);
        types_string(l->type, ls, sizeof ls);
        types_errorf(c, l->line, l->col, "cannot use %s value as type %s in assignment", ts, ls);
    }
}

static void assign(Checker *c, Stmt *s)
{
    if (s->op == TK_ASSIGN) {
        Type **vt = parse_alloc(c->arena, sizeof *vt * (size_t)s->nlhs);
        rhs_values(c, s, s->nlhs, vt);
        bool single = s->nrhs == s->nlhs;
        for (int i = 0; i < s->nlhs; i++)
            assign_target(c, s->lhs[i], single ? s->rhs[i] : NULL, vt[i]);
        return;
    }
    /* x op= y: checked as the binary expression x op y, assigned to x. */
    Expr *l = s->lhs[0], *r = s->rhs[0];
    types_expr(c, l);   /* x op= y reads x: it counts as a use */
    types_value(c, r);
    if (l->mode == MODE_INVALID || r->mode == MODE_INVALID) return;
    if (l->mode != MODE_VAR) {
        char ls[128];
        types_operand_string(l, ls, sizeof ls);
        types_errorf(c, l->line, l->col, "cannot assign to %s", ls);
        return;
    }
    Expr *b = parse_alloc(c->arena, sizeof *b);
    b->kind = EX_BINARY;
    b->line = s->line;
    b->col = s->col;
    b->op_line = s->op_line;
    b->op_col = s->op_col;
    b->op = s->op;
    b->x = l;
    b->y = r;
    types_binary(c, b);
}

static void incdec(Checker *c, Stmt *s)
{
    Expr *x = s->x;
    types_expr(c, x);   /* x++ reads x: it counts as a use */
    if (x->mode == MODE_INVALID) return;
    char xs[128];
    if (x->mode != MODE_VAR) {
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, x->line, x->col, "cannot assign to %s", xs);
    } else if (!types_is_integer(x->type)) {
        char ts[64];
        types_expr_string(x, xs, sizeof xs);
        types_string(x->type, ts, sizeof ts);
        types_errorf(c, s->line, s->col, "invalid operation: %s%s (non-numeric type %s)",
                     xs, s->op == TK_INC ? "++" : "--", ts);
    }
}

static void expr_stmt(Checker *c, Stmt *s)
{
    Expr *x = s->x, *inner = x;
    while (inner->kind == EX_PAREN) inner = inner->x;
    types_expr(c, x);
    if (x->mode == MODE_INVALID) return;
    bool ok = inner->kind == EX_CALL && inner->x->mode != MODE_TYPE &&
              !(inner->x->mode == MODE_BUILTIN && inner->x->builtin == BI_NEW);
    if (!ok) {
        char xs[128];
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, x->line, x->col, "%s is not used", xs);
    }
}

static void go_defer(Checker *c, Stmt *s)
{
    Expr *call = s->x;
    const char *kw = s->kind == ST_GO ? "go" : "defer";
    types_expr(c, call);
    Expr *f = call->x;
    if (f->mode == MODE_TYPE) {
        types_errorf(c, call->line, call->col, "%s requires function call, not conversion", kw);
    } else if (f->mode == MODE_BUILTIN && f->builtin == BI_NEW) {
        char cs[128];
        types_expr_string(call, cs, sizeof cs);
        types_errorf(c, call->line, call->col, "%s discards result of %s", kw, cs);
    } else if (s->kind == ST_GO && f->mode == MODE_BUILTIN && call->mode != MODE_INVALID) {
        char fs[96];
        types_expr_string(f, fs, sizeof fs);
        types_errorf(c, call->line, call->col,
                     "interleave does not support go %s(...) (write go func() { %s(...) }())", fs, fs);
    }
}

static void return_stmt(Checker *c, Stmt *s)
{
    FuncInfo *f = c->fn;
    Type *sig = f->sig;
    if (s->nrhs == 0) {
        bool named = f->nresults > 0 && f->results[0] != NULL;
        if (sig->nresults > 0 && !named)
            types_errorf(c, s->line, s->col, "not enough return values");
        return;
    }
    if (sig->nresults == 0) {
        for (int i = 0; i < s->nrhs; i++) types_expr(c, s->rhs[i]);
        types_errorf(c, s->rhs[0]->line, s->rhs[0]->col, "too many return values");
        return;
    }
    if (s->nrhs == 1 && sig->nresults > 1) {
        Expr *r = s->rhs[0];
        types_expr(c, r);
        if (r->mode == MODE_INVALID) return;
        if (r->mode == MODE_VALUE && r->type->kind == TY_TUPLE && r->type->nresults == sig->nresults) {
            for (int i = 0; i < sig->nresults; i++) {
                if (!types_identical(r->type->results[i], sig->results[i])) {
                    char ts[64], ws[64];
                    types_string(r->type->results[i], ts, sizeof ts);
                    types_string(sig->results[i], ws, sizeof ws);
                    types_errorf(c, r->line, r->col, "cannot use %s value as type %s in return statement", ts, ws);
                }
            }
            return;
        }
        types_errorf(c, r->line, r->col, "not enough return values");
        return;
    }
    for (int i = 0; i < s->nrhs; i++) types_value(c, s->rhs[i]);
    if (s->nrhs != sig->nresults) {
        types_errorf(c, s->rhs[0]->line, s->rhs[0]->col, "%s return values",
                     s->nrhs < sig->nresults ? "not enough" : "too many");
        return;
    }
    for (int i = 0; i < s->nrhs; i++) types_assign(c, s->rhs[i], sig->results[i], "return statement");
}

static void condition(Checker *c, Expr *cond, const char *what)
{
    types_value(c, cond);
    if (cond->mode == MODE_INVALID) return;
    if (cond->type->kind != TY_BOOL && cond->type->kind != TY_UNTYPED_BOOL) {
        types_errorf(c, cond->line, cond->col, "non-boolean condition in %s statement", what);
        return;
    }
    if (cond->type->kind == TY_UNTYPED_BOOL) cond->type = c->t_bool;
}

static void stmt(Checker *c, Stmt *s)
{
    switch (s->kind) {
    case ST_EMPTY: break;
    case ST_EXPR: expr_stmt(c, s); break;
    case ST_VAR: var_spec(c, s, false); break;
    case ST_CONST: const_spec(c, s, false); break;
    case ST_TYPE: break;   /* rejected by the parser inside functions */
    case ST_DEFINE: define(c, s); break;
    case ST_ASSIGN: assign(c, s); break;
    case ST_INCDEC: incdec(c, s); break;
    case ST_BLOCK: block(c, s->body, s->nbody); break;
    case ST_IF:
        open_scope(c);
        if (s->init) stmt(c, s->init);
        condition(c, s->cond, "if");
        block(c, s->body, s->nbody);
        if (s->els) stmt(c, s->els);
        close_scope(c);
        break;
    case ST_FOR:
        open_scope(c);
        if (s->init) stmt(c, s->init);
        if (s->cond) condition(c, s->cond, "for");
        if (s->post) stmt(c, s->post);
        c->loops++;
        block(c, s->body, s->nbody);
        c->loops--;
        close_scope(c);
        break;
    case ST_BREAK:
        if (!c->loops) types_errorf(c, s->line, s->col, "break is not in a loop, switch, or select");
        break;
    case ST_CONTINUE:
        if (!c->loops) types_errorf(c, s->line, s->col, "continue is not in a loop");
        break;
    case ST_RETURN: return_stmt(c, s); break;
    case ST_GO: case ST_DEFER: go_defer(c, s); break;
    }
}

/* ---- functions ----------------------------------------------------------------------- */

static bool terminating(const Stmt *s);

static bool terminating_list(Stmt *const *b, int n)
{
    while (n > 0 && b[n - 1]->kind == ST_EMPTY) n--;
    return n > 0 && terminating(b[n - 1]);
}

/* Does a break in this list (outside nested loops) leave the enclosing loop? */
static bool has_break(Stmt *const *b, int n)
{
    for (int i = 0; i < n; i++) {
        const Stmt *s = b[i];
        if (s->kind == ST_BREAK) return true;
        if ((s->kind == ST_BLOCK || s->kind == ST_IF) && has_break(s->body, s->nbody)) return true;
        for (const Stmt *e = s->kind == ST_IF ? s->els : NULL; e; e = e->kind == ST_IF ? e->els : NULL)
            if (has_break(e->body, e->nbody)) return true;
    }
    return false;
}

/* Go spec "Terminating statements" (without panic, goto, switch, select). */
static bool terminating(const Stmt *s)
{
    switch (s->kind) {
    case ST_RETURN: return true;
    case ST_BLOCK: return terminating_list(s->body, s->nbody);
    case ST_IF: return s->els && terminating_list(s->body, s->nbody) && terminating(s->els);
    case ST_FOR: return !s->cond && !has_break(s->body, s->nbody);
    default: return false;
    }
}

static void func_body(Checker *c, FuncInfo *fi)
{
    FuncNode *fn = fi->node;
    Type *sig = fi->sig;
    FuncInfo *save_fn = c->fn;
    int save_loops = c->loops;
    c->fn = fi;
    c->loops = 0;
    open_scope(c);
    fi->params = parse_alloc(c->arena, sizeof *fi->params * (size_t)(fn->nparams + 1));
    fi->results = parse_alloc(c->arena, sizeof *fi->results * (size_t)(fn->nresults + 1));
    fi->nparams = fn->nparams;
    fi->nresults = fn->nresults;
    for (int i = 0; i < fn->nparams + fn->nresults; i++) {
        bool param = i < fn->nparams;
        Field *f = param ? &fn->params[i] : &fn->results[i - fn->nparams];
        Sym *v = NULL;
        if (f->name) {
            v = declare(c, SYM_VAR, f->name, f->namelen, f->line, f->col);
        } else if (param) {
            v = new_sym(c, SYM_VAR, "_", 1, f->line, f->col);
        }
        if (v) {
            v->type = param ? sig->params[i] : sig->results[i - fn->nparams];
            v->is_param = true;
        }
        if (param) fi->params[i] = v;
        else fi->results[i - fn->nparams] = v;
    }
    body(c, fn->body->body, fn->body->nbody);
    close_scope(c);
    if (sig->nresults > 0 && !terminating_list(fn->body->body, fn->body->nbody))
        types_errorf(c, fn->body->end_line, fn->body->end_col, "missing return");
    c->fn = save_fn;
    c->loops = save_loops;
}

static FuncInfo *new_func(Checker *c, const char *name, FuncNode *fn, Type *sig)
{
    FuncInfo *fi = parse_alloc(c->arena, sizeof *fi);
    fi->name = name;
    fi->parent = c->fn;
    fi->node = fn;
    fi->sig = sig;
    fi->proto = -1;
    fn->info = fi;
    return fi;
}

void scope_func_lit(Checker *c, Expr *e)
{
    char name[160];
    if (!c->fn) snprintf(name, sizeof name, "glob..func%d", ++c->nglobal_lits);
    else if (!c->fn->parent) snprintf(name, sizeof name, "%s.func%d", c->fn->name, ++c->fn->nlits);
    else snprintf(name, sizeof name, "%s.%d", c->fn->name, ++c->fn->nlits);
    FuncInfo *fi = new_func(c, parse_strndup(c->arena, name, strlen(name)), e->fn, e->type);
    func_body(c, fi);
}

/* ---- the file ------------------------------------------------------------------------- */

static void imports(Checker *c, File *f)
{
    for (int i = 0; i < f->nimports; i++) {
        Import *im = &f->imports[i];
        bool known = false;
        static const char *const supported[] = {"fmt", "sync", "time"};
        for (int k = 0; k < 3; k++)
            if ((int)strlen(supported[k]) == im->pathlen && memcmp(supported[k], im->path, (size_t)im->pathlen) == 0)
                known = true;
        if (!known) {
            types_errorf(c, im->line, im->col, "interleave does not support package %.*s", im->pathlen, im->path);
            im->used = true;
            continue;
        }
        const char *name = im->alias ? im->alias : im->path;
        int len = im->alias ? im->aliaslen : im->pathlen;
        if (is_blank(name, len)) { im->used = true; continue; }
        Sym *s = declare(c, SYM_PKG, name, len, im->line, im->col);
        s->pkg = i;
        s->global = true;
    }
}

static void collect(Checker *c, File *f)
{
    for (int i = 0; i < f->ndecls; i++) {
        Decl *d = f->decls[i];
        Stmt *s = d->spec;
        if (d->kind == DECL_FUNC) {
            bool is_init = d->namelen == 4 && memcmp(d->name, "init", 4) == 0;
            Sym *fs = is_init ? new_sym(c, SYM_FUNC, d->name, d->namelen, d->name_line, d->name_col)
                              : declare(c, SYM_FUNC, d->name, d->namelen, d->name_line, d->name_col);
            fs->global = true;
            fs->decl = d;
            fs->state = 0;
            char name[32];
            snprintf(name, sizeof name, "init.%d", c->ninit_fns);   /* Go's naming of func init */
            new_func(c, is_init ? parse_strndup(c->arena, name, strlen(name))
                                : parse_strndup(c->arena, d->name, (size_t)d->namelen), d->fn, NULL);
            PUSH(c, c->funcs, c->nfuncs, c->funcs_cap, fs);
            if (is_init) PUSH(c, c->init_fns, c->ninit_fns, c->init_fns_cap, fs);
            if (d->namelen == 4 && memcmp(d->name, "main", 4) == 0) c->main_fn = fs;
            continue;
        }
        if (d->kind == DECL_TYPE) {
            Expr *n = s->lhs[0];
            Sym *ts = declare(c, SYM_TYPE, n->name, n->namelen, n->line, n->col);
            ts->global = true;
            ts->spec = s;
            ts->state = 0;
            ts->type = types_new(c, TY_INVALID, parse_strndup(c->arena, n->name, (size_t)n->namelen));
            ts->type->state = 0;
            continue;
        }
        s->syms = parse_alloc(c->arena, sizeof *s->syms * (size_t)s->nlhs);
        for (int j = 0; j < s->nlhs; j++) {
            Expr *n = s->lhs[j];
            Sym *v = declare(c, d->kind == DECL_VAR ? SYM_VAR : SYM_CONST, n->name, n->namelen, n->line, n->col);
            v->global = true;
            v->spec = s;
            v->state = 0;
            v->owner = NULL;
            s->syms[j] = v;
        }
    }
}

bool scope_check_file(Checker *c, File *f)
{
    int before = c->diags->n;
    c->file = f;
    types_init(c);
    universe(c);
    if (f->pkg_namelen != 4 || memcmp(f->pkg_name, "main", 4) != 0)
        types_errorf(c, f->pkg_line, f->pkg_col, "interleave runs package main only, not package %.*s",
                     f->pkg_namelen, f->pkg_name);
    open_scope(c);
    c->pkg = c->scope;
    imports(c, f);
    collect(c, f);
    for (int i = 0; i < f->ndecls; i++) {
        Decl *d = f->decls[i];
        if (d->kind == DECL_FUNC) {
            for (int j = 0; j < c->nfuncs; j++) {
                if (c->funcs[j]->decl == d) {
                    scope_resolve(c, c->funcs[j]);
                    d->fn->info->sig = c->funcs[j]->type;
                }
            }
        } else {
            Stmt *s = d->spec;
            if (d->kind == DECL_TYPE) scope_resolve(c, lookup_in(c->pkg, s->lhs[0]->name, s->lhs[0]->namelen));
            else for (int j = 0; j < s->nlhs; j++) scope_resolve(c, s->syms[j]);
        }
    }
    if (!c->main_fn) {
        types_errorf(c, f->pkg_line, f->pkg_col, "function main is undeclared in the main package");
    } else if (c->main_fn->type->nparams || c->main_fn->type->nresults) {
        types_errorf(c, c->main_fn->line, c->main_fn->col, "func main must have no arguments and no return values");
    }
    for (int i = 0; i < c->ninit_fns; i++) {
        Type *t = c->init_fns[i]->type;
        if (t->nparams || t->nresults)
            types_errorf(c, c->init_fns[i]->line, c->init_fns[i]->col,
                         "func init must have no arguments and no return values");
    }
    for (int i = 0; i < c->nfuncs; i++) func_body(c, c->funcs[i]->decl->fn->info);
    for (int i = 0; i < f->nimports; i++) {
        Import *im = &f->imports[i];
        if (im->used) continue;
        if (im->alias)
            types_errorf(c, im->line, im->col, "imported and not used: \"%.*s\" as %.*s",
                         im->pathlen, im->path, im->aliaslen, im->alias);
        else
            types_errorf(c, im->line, im->col, "imported and not used: \"%.*s\"", im->pathlen, im->path);
    }
    c->scope = c->universe;
    return c->diags->n == before;
}
