/* scope.c — scopes, declarations and the package level of the type checker.
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
 * This file holds scopes, declarations and the package level; statements and
 * function bodies are checked in sim/lang/scope_stmt.c (check.h lists what the
 * checker's files share).
 */
#include "check.h"

#include <stdio.h>
#include <string.h>
#include "lex.h"
#include "parse.h"

/* ---- scopes ------------------------------------------------------------------------- */

void *scope_grow(Checker *c, void *arr, int n, int *cap, size_t elem)
{
    if (n < *cap) return arr;
    int ncap = *cap ? *cap * 2 : 8;
    void *na = parse_alloc(c->arena, (size_t)ncap * elem);
    if (n) memcpy(na, arr, (size_t)n * elem);
    *cap = ncap;
    return na;
}

bool scope_is_blank(const char *name, int len)
{
    return len == 1 && name[0] == '_';
}

bool scope_enter(Checker *c, int line, int col)
{
    if (c->depth >= CHECK_MAX_DEPTH) {
        if (!c->too_deep)
            types_errorf(c, line, col, "interleave does not support declarations that depend on each other this deeply");
        c->too_deep = true;
        return false;
    }
    c->depth++;
    return true;
}

void scope_open(Checker *c)
{
    Scope *s = parse_alloc(c->arena, sizeof *s);
    s->parent = c->scope;
    c->scope = s;
}

void scope_close(Checker *c)
{
    Scope *s = c->scope;
    for (int i = 0; i < s->n; i++) {
        Sym *v = s->syms[i];
        if (v->kind == SYM_VAR && !v->global && !v->used && !v->is_param)
            types_errorf(c, v->line, v->col, "%.*s declared but not used", v->namelen, v->name);
    }
    c->scope = s->parent;
}

Sym *scope_new_sym(Checker *c, SymKind k, const char *name, int len, int line, int col)
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

static uint32_t name_hash(const char *name, int len)
{
    uint32_t h = 2166136261u;                 /* FNV-1a */
    for (int i = 0; i < len; i++) h = (h ^ (uint8_t)name[i]) * 16777619u;
    return h;
}

/* The index slot of name: where it is, or the empty slot it would take. */
static int *index_slot(const Scope *sc, const char *name, int len)
{
    uint32_t mask = (uint32_t)sc->index_cap - 1;
    for (uint32_t h = name_hash(name, len) & mask;; h = (h + 1) & mask) {
        int *slot = &sc->index[h];
        if (!*slot) return slot;
        const Sym *s = sc->syms[*slot - 1];
        if (s->namelen == len && memcmp(s->name, name, (size_t)len) == 0) return slot;
    }
}

static void index_add(Checker *c, Scope *sc, int at)
{
    if (sc->n < SCOPE_INDEX_FROM) return;
    if (2 * sc->n > sc->index_cap) {             /* (re)build, twice as large */
        int cap = sc->index_cap ? 2 * sc->index_cap : 4 * SCOPE_INDEX_FROM;
        while (2 * sc->n > cap) cap *= 2;
        sc->index = parse_alloc(c->arena, sizeof *sc->index * (size_t)cap);
        memset(sc->index, 0, sizeof *sc->index * (size_t)cap);
        sc->index_cap = cap;
        for (int i = 0; i < sc->n; i++) *index_slot(sc, sc->syms[i]->name, sc->syms[i]->namelen) = i + 1;
        return;
    }
    *index_slot(sc, sc->syms[at]->name, sc->syms[at]->namelen) = at + 1;
}

Sym *scope_declare(Checker *c, SymKind k, const char *name, int len, int line, int col)
{
    Sym *s = scope_new_sym(c, k, name, len, line, col);
    if (scope_is_blank(name, len)) return s;
    Scope *sc = c->scope;
    if (scope_lookup_in(sc, name, len)) {
        types_errorf(c, line, col, "%.*s redeclared in this block", len, name);
        return s;
    }
    PUSH(c, sc->syms, sc->n, sc->cap, s);
    index_add(c, sc, sc->n - 1);
    return s;
}

Sym *scope_lookup_in(const Scope *sc, const char *name, int len)
{
    if (sc->index_cap) {
        int at = *index_slot(sc, name, len);
        return at ? sc->syms[at - 1] : NULL;
    }
    for (int i = sc->n - 1; i >= 0; i--)
        if (sc->syms[i]->namelen == len && memcmp(sc->syms[i]->name, name, (size_t)len) == 0)
            return sc->syms[i];
    return NULL;
}

Sym *scope_lookup(Checker *c, const char *name, int len)
{
    for (Scope *sc = c->scope; sc; sc = sc->parent) {
        Sym *s = scope_lookup_in(sc, name, len);
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
        "complex", "real", "imag", "min", "max", "clear",
        "complex64", "complex128",
    };
    scope_open(c);
    c->universe = c->scope;
    scope_declare(c, SYM_TYPE, "int", 3, 0, 0)->type = c->t_int;
    scope_declare(c, SYM_TYPE, "bool", 4, 0, 0)->type = c->t_bool;
    scope_declare(c, SYM_TYPE, "string", 6, 0, 0)->type = c->t_string;
    Sym *s = scope_declare(c, SYM_CONST, "true", 4, 0, 0);
    s->type = c->t_ubool;
    s->cv.kind = CV_BOOL;
    s->cv.i = 1;
    s = scope_declare(c, SYM_CONST, "false", 5, 0, 0);
    s->type = c->t_ubool;
    s->cv.kind = CV_BOOL;
    s = scope_declare(c, SYM_CONST, "iota", 4, 0, 0);
    s->type = c->t_uint;
    s->is_iota = true;
    scope_declare(c, SYM_NIL, "nil", 3, 0, 0)->type = c->t_unil;
    scope_declare(c, SYM_BUILTIN, "new", 3, 0, 0)->builtin = BI_NEW;
    /* functions, methods, interfaces, control flow */
    scope_declare(c, SYM_TYPE, "error", 5, 0, 0)->type = c->t_error;
    scope_declare(c, SYM_TYPE, "any", 3, 0, 0)->type = c->t_any;
    scope_declare(c, SYM_BUILTIN, "panic", 5, 0, 0)->builtin = BI_PANIC;
    scope_declare(c, SYM_BUILTIN, "recover", 7, 0, 0)->builtin = BI_RECOVER;
    scope_declare(c, SYM_BUILTIN, "make", 4, 0, 0)->builtin = BI_MAKE;
    scope_declare(c, SYM_BUILTIN, "close", 5, 0, 0)->builtin = BI_CLOSE;
    scope_declare(c, SYM_BUILTIN, "len", 3, 0, 0)->builtin = BI_LEN;
    scope_declare(c, SYM_BUILTIN, "cap", 3, 0, 0)->builtin = BI_CAP;
    /* int8 ... float64 (int32 and int64 for sync/atomic too), byte, rune,
     * append, copy, delete, print, println: sim/lang/types_data.c */
    types_data_universe(c);
    for (size_t i = 0; i < sizeof unsupported / sizeof unsupported[0]; i++)
        scope_declare(c, SYM_BUILTIN, unsupported[i], (int)strlen(unsupported[i]), 0, 0)->builtin = BI_UNSUPPORTED;
}

/* ---- declarations ---------------------------------------------------------------- */

void scope_rhs_values(Checker *c, Stmt *s, int n, Type **types)
{
    for (int i = 0; i < n; i++) types[i] = NULL;
    if (s->nrhs == 1 && n > 1) {
        Expr *r = s->rhs[0], *inner = r;
        types_expr(c, r);
        if (r->mode == MODE_INVALID) return;
        if (n == 2) types_data_commaok(c, r);   /* v, ok := m[k]: sim/lang/types_data.c */
        while (inner->kind == EX_PAREN) inner = inner->x;
        if (n == 2 && inner->kind == EX_UNARY && inner->op == TK_ARROW) {   /* v, ok := <-ch */
            r->comma_ok = inner->comma_ok = true;
            types[0] = r->type;
            types[1] = c->t_bool;
            return;
        }
        if (r->mode == MODE_VALUE && r->type->kind == TY_TUPLE && r->type->nresults == n) {
            for (int i = 0; i < n; i++) types[i] = r->type->results[i];
            return;
        }
        Expr *ri = r;
        while (ri->kind == EX_PAREN) ri = ri->x;
        if (ri->kind == EX_TYPEASSERT && ri->mode == MODE_VALUE && n == 2) {   /* v, ok := x.(T) */
            ri->commaok = true;
            types[0] = ri->type;
            types[1] = c->t_bool;
            return;
        }
        int have = r->mode == MODE_VALUE && r->type->kind == TY_TUPLE ? r->type->nresults : 1;
        char fs[96];
        if (r->kind == EX_CALL && r->x->type && r->x->type->kind == TY_FUNC) {
            /* Go names the function: "2 variables but answer returns 1 value" */
            ast_expr_string(r->x, fs, sizeof fs);
            types_errorf(c, r->line, r->col, "assignment mismatch: %d variable%s but %s returns %d value%s",
                         n, n == 1 ? "" : "s", fs, have, have == 1 ? "" : "s");
        } else {
            types_errorf(c, r->line, r->col, "assignment mismatch: %d variable%s but %d value%s",
                         n, n == 1 ? "" : "s", have, have == 1 ? "" : "s");
        }
        return;
    }
    if (n == 1 && s->nrhs == 1 && s->rhs[0]->kind == EX_CALL && (s->kind == ST_ASSIGN || s->kind == ST_DEFINE)) {
        /* x = f() with f returning two: Go 1.19 counts, as for a, b = f() */
        Expr *r = s->rhs[0];
        types_expr(c, r);
        if (r->mode == MODE_VALUE && r->type->kind == TY_TUPLE && r->x->type && r->x->type->kind == TY_FUNC) {
            char fs[96];
            ast_expr_string(r->x, fs, sizeof fs);
            types_errorf(c, r->line, r->col, "assignment mismatch: 1 variable but %s returns %d values",
                         fs, r->type->nresults);
            r->mode = MODE_INVALID;
            return;
        }
        types_check_value(c, r);
        if (r->mode != MODE_INVALID) types[0] = r->type;
        return;
    }
    for (int i = 0; i < s->nrhs; i++) types_value(c, s->rhs[i]);
    if (s->nrhs != n) {
        Expr *r = s->rhs[0];
        if (s->nrhs == 1 && r->kind == EX_CALL && r->mode == MODE_INVALID && r->type->kind == TY_INVALID) return;
        char fs[96];
        if (s->nrhs == 1 && r->kind == EX_CALL && r->x->type && r->x->type->kind == TY_FUNC) {
            ast_expr_string(r->x, fs, sizeof fs);
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
bool scope_copies_struct(Checker *c, Expr *r, bool composite_ok)
{
    if (!r || r->mode == MODE_INVALID || !r->type) return false;
    TypeKind k = r->type->kind;
    if (k != TY_MUTEX && k != TY_WAITGROUP) return false;   /* structs copy */
    Expr *inner = r;
    while (inner->kind == EX_PAREN) inner = inner->x;
    if (composite_ok && inner->kind == EX_COMPOSITE) return false;
    types_errorf(c, r->line, r->col, "interleave does not support copying struct values (use a pointer)");
    return true;
}

/* var names [T] [= values]; for a global the syms exist already. */
void scope_var_spec(Checker *c, Stmt *s, bool global)
{
    Type *t = s->type ? types_resolve(c, s->type) : NULL;
    Type **vt = parse_alloc(c->arena, sizeof *vt * (size_t)s->nlhs);
    if (s->nrhs) {
        scope_rhs_values(c, s, s->nlhs, vt);
        for (int i = 0; i < s->nlhs && s->nrhs == s->nlhs; i++) {
            Expr *r = s->rhs[i];
            if (scope_copies_struct(c, r, true)) {
                vt[i] = NULL;
            } else if (t) {
                if (!types_assign(c, r, t, "variable declaration")) vt[i] = NULL;
            } else if (r->mode == MODE_NIL) {
                types_errorf(c, r->line, r->col, "use of untyped nil in variable declaration");
                vt[i] = NULL;
            } else if (vt[i]) {
                types_data_check_big(c, r, types_default(c, vt[i]), "variable declaration");
                vt[i] = r->type = types_default(c, vt[i]);
            }
        }
    }
    if (!global) s->syms = parse_alloc(c->arena, sizeof *s->syms * (size_t)s->nlhs);
    for (int i = 0; i < s->nlhs; i++) {
        Expr *n = s->lhs[i];
        Sym *v = global ? s->syms[i] : scope_declare(c, SYM_VAR, n->name, n->namelen, n->line, n->col);
        v->type = t ? t : vt[i] ? vt[i] : c->t_invalid;
        if (s->nrhs && !vt[i]) v->used = true;   /* no follow-up "declared but not used" */
        v->state = 2;
        n->sym = v;
        if (!global) s->syms[i] = scope_is_blank(n->name, n->namelen) ? NULL : v;
        if (global && !scope_is_blank(n->name, n->namelen)) PUSH(c, c->globals, c->nglobals, c->globals_cap, v);
    }
    if (global) PUSH(c, c->global_inits, c->ninits, c->inits_cap, s);
}

/* const names [T] = values (the values must be constants). */
void scope_const_spec(Checker *c, Stmt *s, bool global)
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
        ConstVal cv = {CV_NONE, 0, NULL, 0, 0};
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
        if (!global) k = scope_declare(c, SYM_CONST, n->name, n->namelen, n->line, n->col);
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
    if (s->kind == SYM_FUNC) {
        c->depth++;   /* a signature never gives up: func_body needs its types */
    } else if (!scope_enter(c, s->line, s->col)) {
        if (s->kind == SYM_TYPE) s->type->state = 2;   /* stays TY_INVALID */
        else s->type = c->t_invalid;
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
        named->slice_of = keep.slice_of;   /* []T is T's own, not its underlying type's */
        named->user = true;
        if (u->kind != TY_IFACE) {      /* a defined type has only its own methods */
            named->methods = keep.methods;
            named->nmethods = keep.nmethods;
            named->methods_cap = keep.methods_cap;
        }
        named->layout = -1;
        named->state = 2;
        break;
    }
    case SYM_CONST: scope_const_spec(c, s->spec, true); break;
    case SYM_VAR: scope_var_spec(c, s->spec, true); break;
    case SYM_FUNC: s->type = types_signature(c, s->decl->fn); break;
    default: break;
    }
    c->scope = save_scope;
    c->fn = save_fn;
    c->loops = save_loops;
    if (s->spec && (s->kind == SYM_VAR || s->kind == SYM_CONST))
        for (int i = 0; i < s->spec->nlhs; i++) s->spec->syms[i]->state = 2;
    s->state = 2;
    c->depth--;
}

/* ---- the file ------------------------------------------------------------------------- */

static void imports(Checker *c, File *f)
{
    for (int i = 0; i < f->nimports; i++) {
        Import *im = &f->imports[i];
        bool known = false;
        static const char *const supported[] = {"fmt", "sync", "time", "sync/atomic", "runtime",
                                                "strings", "math/rand", "bytes", "sort", "strconv",
                                                "errors", "os", "io", "net", "bufio"};
        for (size_t k = 0; k < sizeof supported / sizeof supported[0]; k++)
            if ((int)strlen(supported[k]) == im->pathlen && memcmp(supported[k], im->path, (size_t)im->pathlen) == 0)
                known = true;
        if (!known) {
            types_errorf(c, im->line, im->col, "interleave does not support package %.*s", im->pathlen, im->path);
            im->used = true;
            continue;
        }
        const char *name = im->alias ? im->alias : im->path;
        int len = im->alias ? im->aliaslen : im->pathlen;
        for (int k = 0; !im->alias && k < im->pathlen; k++)   /* "sync/atomic" is atomic, math/rand rand */
            if (im->path[k] == '/') { name = im->path + k + 1; len = im->pathlen - k - 1; }
        if (scope_is_blank(name, len)) { im->used = true; continue; }
        Sym *s = scope_declare(c, SYM_PKG, name, len, im->line, im->col);
        s->pkg = i;
        s->global = true;
    }
}

static void collect(Checker *c, File *f)
{
    for (int i = 0; i < f->ndecls; i++) {
        Decl *d = f->decls[i];
        Stmt *s = d->spec;
        if (d->kind == DECL_FUNC && d->fn->recv) {    /* a method: bound below */
            Sym *fs = scope_new_sym(c, SYM_FUNC, d->name, d->namelen, d->name_line, d->name_col);
            fs->global = true;
            fs->decl = d;
            fs->state = 0;
            scope_new_func(c, "?", d->fn, NULL);
            PUSH(c, c->funcs, c->nfuncs, c->funcs_cap, fs);
            continue;
        }
        if (d->kind == DECL_FUNC) {
            bool is_init = d->namelen == 4 && memcmp(d->name, "init", 4) == 0;
            Sym *fs = is_init ? scope_new_sym(c, SYM_FUNC, d->name, d->namelen, d->name_line, d->name_col)
                              : scope_declare(c, SYM_FUNC, d->name, d->namelen, d->name_line, d->name_col);
            fs->global = true;
            fs->decl = d;
            fs->state = 0;
            char name[32];
            snprintf(name, sizeof name, "init.%d", c->ninit_fns);   /* Go's naming of func init */
            scope_new_func(c, is_init ? parse_strndup(c->arena, name, strlen(name))
                                : parse_strndup(c->arena, d->name, (size_t)d->namelen), d->fn, NULL);
            PUSH(c, c->funcs, c->nfuncs, c->funcs_cap, fs);
            if (is_init) PUSH(c, c->init_fns, c->ninit_fns, c->init_fns_cap, fs);
            if (d->namelen == 4 && memcmp(d->name, "main", 4) == 0) c->main_fn = fs;
            continue;
        }
        if (d->kind == DECL_TYPE) {
            Expr *n = s->lhs[0];
            Sym *ts = scope_declare(c, SYM_TYPE, n->name, n->namelen, n->line, n->col);
            ts->global = true;
            ts->spec = s;
            ts->state = 0;
            ts->type = types_new(c, TY_INVALID, parse_strndup(c->arena, n->name, (size_t)n->namelen));
            ts->type->state = 0;
            s->syms = parse_alloc(c->arena, sizeof *s->syms);
            s->syms[0] = ts;   /* `type _ T` is in no scope, but is still checked */
            continue;
        }
        s->syms = parse_alloc(c->arena, sizeof *s->syms * (size_t)s->nlhs);
        for (int j = 0; j < s->nlhs; j++) {
            Expr *n = s->lhs[j];
            Sym *v = scope_declare(c, d->kind == DECL_VAR ? SYM_VAR : SYM_CONST, n->name, n->namelen, n->line, n->col);
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
    scope_open(c);
    c->pkg = c->scope;
    imports(c, f);
    collect(c, f);
    for (int i = 0; i < c->nfuncs; i++)
        if (c->funcs[i]->decl->fn->recv) scope_bind_method(c, c->funcs[i]);
    scope_promote_methods(c);
    int next = 0;        /* collect() made c->funcs in the declarations' order */
    for (int i = 0; i < f->ndecls; i++) {
        Decl *d = f->decls[i];
        if (d->kind == DECL_FUNC) {
            for (int k = 0; k < c->nfuncs; k++) {
                int j = (next + k) % c->nfuncs;
                if (c->funcs[j]->decl != d) continue;
                scope_resolve(c, c->funcs[j]);
                d->fn->info->sig = c->funcs[j]->type;
                next = j + 1;
                break;
            }
        } else {
            Stmt *s = d->spec;
            int n = d->kind == DECL_TYPE ? 1 : s->nlhs;
            for (int j = 0; j < n; j++) scope_resolve(c, s->syms[j]);
        }
    }
    int nslots = 0;
    for (int i = 0; i < c->nglobals; i++) {
        Sym *v = c->globals[i];
        nslots += v->type->kind == TY_STRUCT ? v->type->nslots : 1;
        if (nslots > TYPES_MAX_GLOBAL_SLOTS) {
            types_errorf(c, v->line, v->col, "interleave does not support global variables of more than %d memory slots",
                         TYPES_MAX_GLOBAL_SLOTS);
            break;
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
    for (int i = 0; i < c->nfuncs; i++) scope_func_body(c, c->funcs[i]->decl->fn->info);
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
