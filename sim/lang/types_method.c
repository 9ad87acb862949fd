/* types_method.c — methods, embedded fields and interfaces (types.h).
 *
 * A method declaration `func (r *T) M(...)` is bound to the named type T
 * before any body is checked (scope_bind_methods): T gets a Method whose
 * signature leaves the receiver out (that is what interface satisfaction and
 * method values compare), while the method's own function takes the
 * receiver as its first parameter, so the code generator calls it like any
 * function.  Its Go name is "T.M" or "(*T).M", as tracebacks print it.
 *
 * Embedded fields are found by rewriting the tree: `c.n` where n is a field
 * of the embedded `counter` becomes `c.counter.n`, and `c.Lock()` with an
 * embedded sync.Mutex becomes `c.Mutex.Lock()`; everything after that is the
 * ordinary field or method path.  Go's depth rule (the shallowest field
 * wins) is followed level by level.
 *
 * Interfaces are method sets.  T implements I when every method of I is in
 * T's method set with an identical signature: the value-receiver methods for
 * T, all of them for *T (Go spec "Method sets").
 */
#include "check.h"

#include <stdio.h>
#include <string.h>
#include "parse.h"

bool types_is_iface(const Type *t)
{
    return t && t->kind == TY_IFACE;
}

static bool same_name(const char *a, int alen, const char *b, int blen)
{
    return alen == blen && memcmp(a, b, (size_t)alen) == 0;
}

/* t's own method `name` (a generated wrapper counts only when `wrappers`). */
static Method *own_method_w(Type *t, const char *name, int len, bool wrappers)
{
    for (int i = 0; i < t->nmethods; i++)
        if (same_name(t->methods[i].name, t->methods[i].namelen, name, len) && (wrappers || !t->methods[i].wrapper))
            return &t->methods[i];
    return NULL;
}

static Method *own_method(Type *t, const char *name, int len)
{
    return own_method_w(t, name, len, false);
}

/* The name an embedded field is known by: T for T, *T and pkg.T. */
static void embedded_name(const Type *ft, const char **name, int *len)
{
    const Type *b = ft->kind == TY_PTR ? ft->elem : ft;
    const char *n = b->name ? b->name : "?";
    const char *dot = strrchr(n, '.');
    if (dot) n = dot + 1;
    *name = n;
    *len = (int)strlen(n);
}

Method *types_find_method(Type *t, const char *name, int len, Type **path, int *npath)
{
    if (npath) *npath = 0;
    if (!t) return NULL;
    if (t->kind == TY_PTR && t->elem) t = t->elem;
    Method *m = own_method(t, name, len);
    if (m || t->kind != TY_STRUCT) return m;
    for (int i = 0; i < t->nfields; i++) {
        TField *f = &t->fields[i];
        if (!f->embedded) continue;
        Type *sub[8];
        int nsub = 0;
        m = types_find_method(f->type, name, len, sub, &nsub);
        if (m) {
            if (path && npath && nsub < 7) {
                path[0] = (Type *)f;          /* the caller reads TFields through it */
                for (int k = 0; k < nsub; k++) path[k + 1] = sub[k];
                *npath = nsub + 1;
            }
            return m;
        }
    }
    return NULL;
}

bool types_implements(Type *t, Type *iface, const char **missing, int *missing_len)
{
    /* *bytes.Buffer and *strings.Builder (TY_STRBUF) are io.Writers */
    if (iface->name && !strcmp(iface->name, "io.Writer") && t->kind == TY_PTR && t->elem->kind == TY_STRBUF)
        return true;
    for (int i = 0; i < iface->nmethods; i++) {
        Method *want = &iface->methods[i];
        Method *have = NULL;
        if (t->kind == TY_IFACE) {
            have = own_method(t, want->name, want->namelen);
        } else {
            Type *path[8];
            int npath = 0;
            have = types_find_method(t, want->name, want->namelen, path, &npath);
            /* a pointer-receiver method is not in the method set of T */
            if (have && have->ptr_recv && t->kind != TY_PTR && npath == 0) have = NULL;
        }
        if (!have || !types_identical(have->sig, want->sig)) {
            *missing = want->name;
            *missing_len = want->namelen;
            return false;
        }
    }
    return true;
}

/* ---- embedded fields ---------------------------------------------------------------- */

/* The embedded field of struct t (or *t) through which `name` (a field or a
 * method, or a sync method of an embedded Mutex/WaitGroup) is reached; NULL
 * if it is t's own or nowhere. */
TField *types_promoted_via(Type *t, const char *name, int len)
{
    if (t->kind == TY_PTR) t = t->elem;
    if (t->kind != TY_STRUCT) return NULL;
    for (int i = 0; i < t->nfields; i++)
        if (same_name(t->fields[i].name, t->fields[i].namelen, name, len)) return NULL;
    if (own_method(t, name, len)) return NULL;
    static const char *const sync_methods[] = {"Lock", "Unlock", "Add", "Done", "Wait", "RLock", "RUnlock", "Do"};
    for (int depth = 0; depth < 2; depth++) {
        for (int i = 0; i < t->nfields; i++) {
            TField *f = &t->fields[i];
            if (!f->embedded) continue;
            Type *ft = f->type->kind == TY_PTR ? f->type->elem : f->type;
            if (depth == 0) {
                if (ft->kind == TY_MUTEX || ft->kind == TY_WAITGROUP) {
                    for (size_t k = 0; k < sizeof sync_methods / sizeof *sync_methods; k++)
                        if (same_name(sync_methods[k], (int)strlen(sync_methods[k]), name, len)) return f;
                    continue;
                }
                if (own_method(ft, name, len)) return f;
                if (ft->kind == TY_STRUCT)
                    for (int j = 0; j < ft->nfields; j++)
                        if (same_name(ft->fields[j].name, ft->fields[j].namelen, name, len)) return f;
            } else if (types_promoted_via(ft, name, len)) {
                return f;
            }
        }
    }
    return NULL;
}

void types_embedded_name(const Type *ft, const char **name, int *len)
{
    embedded_name(ft, name, len);
}

/* ---- declarations -------------------------------------------------------------------- */

/* Bind method declaration d (collected as the function sym fs) to its
 * receiver's type.  The FuncNode's parameters get the receiver in front. */
void scope_bind_method(Checker *c, Sym *fs)
{
    Decl *d = fs->decl;
    FuncNode *fn = d->fn;
    Field *recv = fn->recv;
    Expr *te = recv->type;
    bool ptr = false;
    while (te->kind == EX_PAREN) te = te->x;
    if (te->kind == EX_STAR) { ptr = true; te = te->x; }
    Type *t = c->t_invalid;
    if (te->kind == EX_IDENT) {
        Sym *ts = scope_lookup_in(c->pkg, te->name, te->namelen);
        Sym *u = ts ? NULL : scope_lookup_in(c->universe, te->name, te->namelen);
        if (u && u->kind == SYM_TYPE) {
            types_errorf(c, recv->line, recv->col, "cannot define new methods on non-local type %.*s",
                         te->namelen, te->name);
        } else if (!ts) {
            types_errorf(c, te->line, te->col, "undefined: %.*s", te->namelen, te->name);
        } else if (ts->kind != SYM_TYPE) {
            types_errorf(c, te->line, te->col, "%.*s is not a type", te->namelen, te->name);
        } else {
            ts->used = true;
            scope_resolve(c, ts);
            t = ts->type;
        }
    } else {
        char xs[96];
        ast_expr_string(recv->type, xs, sizeof xs);
        types_errorf(c, recv->type->line, recv->type->col, "invalid receiver type %s", xs);
    }
    Type *sig = types_signature(c, fn);
    if (t != c->t_invalid) {
        if (t->kind == TY_PTR || t->kind == TY_IFACE) {
            types_errorf(c, te->line, te->col, "invalid receiver type %s", t->name);
        } else if (own_method(t, d->name, d->namelen)) {
            types_errorf(c, d->name_line, d->name_col, "method %s.%.*s already declared", t->name,
                         d->namelen, d->name);
        } else {
            if (t->kind == TY_STRUCT)
                for (int i = 0; i < t->nfields; i++)
                    if (same_name(t->fields[i].name, t->fields[i].namelen, d->name, d->namelen))
                        types_errorf(c, d->name_line, d->name_col, "field and method with the same name %.*s",
                                     d->namelen, d->name);
            Method m = {d->name, d->namelen, sig, ptr, fs, false, 0};
            PUSH(c, t->methods, t->nmethods, t->methods_cap, m);
        }
    }
    char name[160];
    snprintf(name, sizeof name, ptr ? "(*%s).%.*s" : "%s.%.*s", t->name ? t->name : "?", d->namelen, d->name);
    fn->info->name = parse_strndup(c->arena, name, strlen(name));
    /* the receiver becomes parameter 0 of the method's function */
    Field *ps = parse_alloc(c->arena, sizeof *ps * (size_t)(fn->nparams + 1));
    ps[0] = *recv;
    for (int i = 0; i < fn->nparams; i++) ps[i + 1] = fn->params[i];
    fn->params = ps;
    fn->nparams++;
}

/* ---- interface types ---------------------------------------------------------------- */

Type *types_iface_type(Checker *c, Expr *e)
{
    Type *t = types_new(c, TY_IFACE, NULL);
    for (int i = 0; i < e->nfields; i++) {
        Field *f = &e->fields[i];
        if (f->name) {
            Method m = {f->name, f->namelen, types_signature(c, f->type->fn), false, NULL, false, 0};
            if (own_method(t, f->name, f->namelen))
                types_errorf(c, f->line, f->col, "duplicate method %.*s", f->namelen, f->name);
            PUSH(c, t->methods, t->nmethods, t->methods_cap, m);
            continue;
        }
        Type *emb = types_resolve(c, f->type);    /* an embedded interface */
        if (emb == c->t_invalid) continue;
        if (emb->kind != TY_IFACE) {
            char ts[64];
            types_string(emb, ts, sizeof ts);
            types_errorf(c, f->type->line, f->type->col, "interleave does not support type constraints (%s)", ts);
            continue;
        }
        for (int k = 0; k < emb->nmethods; k++)
            if (!own_method(t, emb->methods[k].name, emb->methods[k].namelen))
                PUSH(c, t->methods, t->nmethods, t->methods_cap, emb->methods[k]);
    }
    return t;
}

/* A predeclared interface with one method `name() string` (error, fmt.Stringer). */
Type *types_string_method_iface(Checker *c, const char *tname, const char *mname)
{
    Type *t = types_new(c, TY_IFACE, tname);
    Type *sig = types_new(c, TY_FUNC, NULL);
    sig->results = parse_alloc(c->arena, sizeof *sig->results);
    sig->results[0] = c->t_string;
    sig->nresults = 1;
    Method m = {mname, (int)strlen(mname), sig, false, NULL, false, 0};
    PUSH(c, t->methods, t->nmethods, t->methods_cap, m);
    return t;
}

/* ---- local type declarations -------------------------------------------------------- */

void scope_local_type(Checker *c, Stmt *s)
{
    Expr *n = s->lhs[0];
    Sym *ts = scope_declare(c, SYM_TYPE, n->name, n->namelen, n->line, n->col);
    Type *named = types_new(c, TY_INVALID, parse_strndup(c->arena, n->name, (size_t)n->namelen));
    ts->type = named;
    ts->used = true;
    named->state = 1;
    Type *u = types_resolve(c, s->type);
    if (u->state == 1) {
        types_errorf(c, n->line, n->col, "invalid recursive type %.*s", n->namelen, n->name);
        u = c->t_invalid;
    }
    Type keep = *named;
    *named = *u;
    named->name = keep.name;
    named->ptr = keep.ptr;
    named->slice_of = keep.slice_of;   /* []T is T's own, not its underlying type's */
    named->layout = -1;
    named->state = 2;
    named->user = true;
    if (u->kind != TY_IFACE) {
        named->methods = NULL;
        named->nmethods = named->methods_cap = 0;
    }
}

/* ---- promoted methods for dynamic dispatch --------------------------------------------- */

static Expr *node(Checker *c, ExprKind k, int line, int col)
{
    Expr *e = parse_alloc(c->arena, sizeof *e);
    e->kind = k;
    e->line = line;
    e->col = col;
    return e;
}

static Expr *ident(Checker *c, const char *name, int len, int line, int col)
{
    Expr *e = node(c, EX_IDENT, line, col);
    e->name = name;
    e->namelen = len;
    return e;
}

static Expr *type_expr(Checker *c, Type *t, int line, int col)
{
    Expr *e = node(c, EX_BAD, line, col);
    e->type = t;
    return e;
}

/* Generate `func (r T) M(p0 A0, ...) R { return r.E.M(p0, ...) }` (or with
 * *T) for method m of embedded field f of named struct type ts, so that an
 * interface holding a T finds M in T's method table (Go generates the same
 * wrappers).  Static calls keep using the promotion (the wrapper is hidden
 * from selectors). */
static void wrap(Checker *c, Sym *ts, TField *f, Method *m, bool ptr_recv)
{
    int line = ts->line, col = ts->col;
    FuncNode *fn = parse_alloc(c->arena, sizeof *fn);
    fn->line = line;
    fn->col = col;
    Field *recv = parse_alloc(c->arena, sizeof *recv);
    recv->name = "r";
    recv->namelen = 1;
    recv->line = line;
    recv->col = col;
    recv->type = ident(c, ts->name, ts->namelen, line, col);
    if (ptr_recv) {
        Expr *star = node(c, EX_STAR, line, col);
        star->x = recv->type;
        recv->type = star;
    }
    fn->recv = recv;
    Type *sig = m->sig;
    fn->nparams = sig->nparams;
    fn->params = parse_alloc(c->arena, sizeof *fn->params * (size_t)(sig->nparams + 1));
    Expr *call = node(c, EX_CALL, line, col);
    call->args = parse_alloc(c->arena, sizeof *call->args * (size_t)(sig->nparams + 1));
    for (int i = 0; i < sig->nparams; i++) {
        char name[16];
        snprintf(name, sizeof name, "p%d", i);
        char *nm = parse_strndup(c->arena, name, strlen(name));
        Field pf = {nm, (int)strlen(nm), line, col, type_expr(c, sig->params[i], line, col)};
        fn->params[i] = pf;
        call->args[call->nargs++] = ident(c, nm, (int)strlen(nm), line, col);
    }
    fn->nresults = sig->nresults;
    fn->results = parse_alloc(c->arena, sizeof *fn->results * (size_t)(sig->nresults + 1));
    for (int i = 0; i < sig->nresults; i++) {
        Field rf = {NULL, 0, line, col, type_expr(c, sig->results[i], line, col)};
        fn->results[i] = rf;
    }
    Expr *embedded = node(c, EX_SELECTOR, line, col);
    embedded->x = ident(c, "r", 1, line, col);
    embedded->name = f->name;
    embedded->namelen = f->namelen;
    embedded->op_line = line;
    embedded->op_col = col;
    Expr *sel = node(c, EX_SELECTOR, line, col);
    sel->x = embedded;
    sel->name = m->name;
    sel->namelen = m->namelen;
    sel->op_line = line;
    sel->op_col = col;
    call->x = sel;
    Stmt *st = parse_alloc(c->arena, sizeof *st);
    st->line = line;
    st->col = col;
    if (sig->nresults) {
        st->kind = ST_RETURN;
        st->rhs = parse_alloc(c->arena, sizeof *st->rhs);
        st->rhs[0] = call;
        st->nrhs = 1;
    } else {
        st->kind = ST_EXPR;
        st->x = call;
    }
    Stmt *body = parse_alloc(c->arena, sizeof *body);
    body->kind = ST_BLOCK;
    body->line = line;
    body->col = col;
    body->body = parse_alloc(c->arena, sizeof *body->body);
    body->body[0] = st;
    body->nbody = 1;
    body->end_line = line;
    body->end_col = col;
    fn->body = body;
    Decl *d = parse_alloc(c->arena, sizeof *d);
    d->kind = DECL_FUNC;
    d->line = d->name_line = line;
    d->col = d->name_col = col;
    d->name = m->name;
    d->namelen = m->namelen;
    d->fn = fn;
    Sym *fs = scope_new_sym(c, SYM_FUNC, m->name, m->namelen, line, col);
    fs->global = true;
    fs->decl = d;
    fs->state = 0;
    scope_new_func(c, "?", fn, NULL);
    PUSH(c, c->funcs, c->nfuncs, c->funcs_cap, fs);
    Type *t = ts->type;
    int before = t->nmethods;
    scope_bind_method(c, fs);
    if (t->nmethods > before) t->methods[t->nmethods - 1].wrapper = true;
    scope_resolve(c, fs);            /* not in File.decls: its signature now */
    fn->info->sig = fs->type;
}

void scope_promote_methods(Checker *c)
{
    for (int round = 0; round < 3; round++) {      /* embedded types' own wrappers first */
        for (int i = 0; i < c->pkg->n; i++) {
            Sym *ts = c->pkg->syms[i];
            if (ts->kind != SYM_TYPE || !ts->type) continue;
            scope_resolve(c, ts);
            if (ts->type->kind != TY_STRUCT) continue;
            Type *t = ts->type;
            for (int k = 0; k < t->nfields; k++) {
                TField *f = &t->fields[k];
                if (!f->embedded) continue;
                bool fptr = f->type->kind == TY_PTR;
                Type *ft = fptr ? f->type->elem : f->type;
                for (int j = 0; j < ft->nmethods; j++) {
                    Method *m = &ft->methods[j];
                    if (m->sig->variadic || own_method_w(t, m->name, m->namelen, true)) continue;
                    bool field_clash = false;
                    for (int q = 0; q < t->nfields; q++)
                        if (same_name(t->fields[q].name, t->fields[q].namelen, m->name, m->namelen)) field_clash = true;
                    if (field_clash) continue;
                    wrap(c, ts, f, m, m->ptr_recv && !fptr);
                }
            }
        }
    }
}

/* Go's assignability for a defined type and a type literal: V and T have
 * identical underlying types and at least one of them is not named (a
 * func literal to `type F func(int)`, a struct literal's type ...). */
bool types_same_underlying(const Type *a, const Type *b)
{
    if ((a->name && b->name) || a->kind != b->kind) return false;
    switch (a->kind) {
    case TY_FUNC: case TY_STRUCT: case TY_PTR: case TY_IFACE: {
        Type x = *a, y = *b;
        x.name = y.name = NULL;
        return types_identical(&x, &y);
    }
    default:
        return false;   /* int, bool, string: predeclared names */
    }
}
