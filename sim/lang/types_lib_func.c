/* types_lib_func.c — the library pieces beyond fmt: io.Writer,
 * rand.New(rand.NewSource(n)) and its *rand.Rand, errors.Is,
 * errors.Unwrap and errors.As.  (Package strings, the package-level math/rand functions,
 * strings.Builder and bytes.Buffer are in sim/lang/types_lib.c.)
 *
 * Each function is a row: its package, name, LibFunc (the VM's OP_LIB B
 * operand, sim/lib/vm_lib.c) and signature in a tiny code — one letter per
 * parameter, then '>' and the results: i int, I any integer type, b bool,
 * e error, S rand.Source, R *rand.Rand, w io.Writer, 6 int64.
 */
#include "check.h"

#include <stdio.h>
#include <string.h>
#include "parse.h"

typedef struct LibRow {
    const char *pkg, *name;
    int fn;
    const char *sig;
} LibRow;

static const LibRow lib[] = {
    {"errors", "Is", LIB_ERRORS_IS, "ee>b"},
    {"errors", "Unwrap", LIB_ERRORS_UNWRAP, "e>e"},
    {"errors", "As", LIB_ERRORS_AS, "ea>b"},
    {"math/rand", "NewSource", LIB_RAND_NEWSOURCE, "I>S"},
    {"math/rand", "New", LIB_RAND_NEW, "S>R"},
};

/* Methods of *rand.Rand (its state lives in the object). */
static const LibRow rand_methods[] = {
    {NULL, "Intn", LIB_R_INTN, "i>i"},
    {NULL, "Int", LIB_R_INT, ">i"},
};

/* Methods of *bytes.Buffer and *strings.Builder beyond those of sim/lang/types_lib.c. */
static const LibRow buf_methods[] = {
    {NULL, "WriteTo", LIB_BUF_WRITETO, "w>6e"},
};

Type *types_lib_writer(Checker *c)
{
    /* io.Writer's Write([]byte) (int, error), with package io's other types
     * (sim/lang/types_io.c); *bytes.Buffer and *strings.Builder implement it
     * too (types_implements knows) */
    return types_io(c, IOT_WRITER);
}

static bool same(const char *a, int alen, const char *b)
{
    return alen == (int)strlen(b) && memcmp(a, b, (size_t)alen) == 0;
}

static Type *rand_type(Checker *c, bool source)
{
    if (!c->t_source) c->t_source = types_new(c, TY_INT, "rand.Source");
    if (!c->t_rand) {
        c->t_rand = types_new(c, TY_STRUCT, "rand.Rand");
        c->t_rand->fields = parse_alloc(c->arena, sizeof *c->t_rand->fields);
        TField f = {"state", 5, c->t_int, 0, false};
        c->t_rand->fields[0] = f;
        c->t_rand->nfields = 1;
    }
    return source ? c->t_source : c->t_rand;
}

Type *types_lib_type(Checker *c, const Import *im, const Expr *e)
{
    if (same(im->path, im->pathlen, "io") && same(e->name, e->namelen, "Writer")) return types_lib_writer(c);
    if (same(im->path, im->pathlen, "math/rand") && same(e->name, e->namelen, "Rand")) return rand_type(c, false);
    if (same(im->path, im->pathlen, "math/rand") && same(e->name, e->namelen, "Source")) return rand_type(c, true);
    return NULL;
}

int types_lib_member(const Import *im, const Expr *e)
{
    for (size_t i = 0; i < sizeof lib / sizeof *lib; i++)
        if (same(im->path, im->pathlen, lib[i].pkg) && same(e->name, e->namelen, lib[i].name)) return (int)i;
    return -1;
}

static Type *sig_type(Checker *c, char k)
{
    switch (k) {
    case 'S': return rand_type(c, true);
    case 'R': return types_ptr(c, rand_type(c, false));
    case 'i': case 'I': return c->t_int;
    case 'b': return c->t_bool;
    case 'e': return c->t_error;
    case 'w': return types_lib_writer(c);
    case 'a': return c->t_any;
    case '6': return c->t_num[NK_INT64];
    default: return c->t_invalid;
    }
}

/* Check a call of library row r. */
static void lib_call(Checker *c, Expr *e, const LibRow *r, const char *callee)
{
    const char *sig = r->sig;
    const char *gt = strchr(sig, '>');
    int np = (int)(gt - sig);
    for (int i = 0; i < e->nargs; i++) types_value(c, e->args[i]);
    if (e->nargs != np) {
        const Expr *at = e->nargs > np ? e->args[np] : e;
        types_errorf(c, at->line, at->col, "%s arguments in call to %s", e->nargs > np ? "too many" : "not enough", callee);
        types_invalid(c, e);
        return;
    }
    char ctx[160];
    snprintf(ctx, sizeof ctx, "argument to %s", callee);
    for (int i = 0; i < np; i++) {
        Expr *a = e->args[i];
        if (a->mode == MODE_INVALID) continue;
        if (sig[i] == 'I' && types_is_integer(a->type)) {
            if (types_is_untyped(a->type)) a->type = c->t_int;
            continue;
        }
        if (r->fn == LIB_ERRORS_AS && i == 1 && a->type &&
            (a->type->kind != TY_PTR || types_is_iface(a->type->elem))) {   /* errors.As(err, &target) */
            types_errorf(c, a->line, a->col, "interleave supports errors.As only with a pointer to a concrete type (&target, var target *MyErr)");
            continue;
        }
        types_assign(c, a, sig_type(c, sig[i]), ctx);
    }
    const char *res = gt + 1;
    int nr = (int)strlen(res);
    e->mode = nr ? MODE_VALUE : MODE_NOVALUE;
    if (nr == 1) e->type = sig_type(c, res[0]);
    if (nr > 1) {                      /* (n, err): a tuple */
        e->type = types_new(c, TY_TUPLE, NULL);
        e->type->results = parse_alloc(c->arena, sizeof *e->type->results * (size_t)nr);
        for (int i = 0; i < nr; i++) e->type->results[i] = sig_type(c, res[i]);
        e->type->nresults = nr;
    }
}

bool types_lib_call(Checker *c, Expr *e, int bi, const char *callee)
{
    if (bi < BI_LIB) return false;
    if (types_io_is_row(bi)) {
        types_io_call(c, e, bi, callee);
        return true;
    }
    int k = bi - BI_LIB;
    lib_call(c, e, k >= 1600 ? &buf_methods[k - 1600] : k >= 1500 ? &rand_methods[k - 1500] : &lib[k], callee);
    return true;
}

int types_lib_fn(int bi)
{
    if (types_io_is_row(bi)) return types_io_fn(bi);
    int k = bi - BI_LIB;
    return k >= 1600 ? buf_methods[k - 1600].fn : k >= 1500 ? rand_methods[k - 1500].fn : lib[k].fn;
}

bool types_lib_method(Checker *c, Expr *e, Type *t)
{
    if (types_io_method(c, e, t)) return true;   /* os.File, net.TCPConn, bufio ... */
    Type *b = t->kind == TY_PTR ? t->elem : t;
    if (b && b->kind == TY_STRBUF) {
        for (size_t i = 0; i < sizeof buf_methods / sizeof *buf_methods; i++) {
            if (!same(e->name, e->namelen, buf_methods[i].name)) continue;
            Expr *inner = e->x;
            while (inner->kind == EX_PAREN) inner = inner->x;
            if (t->kind != TY_PTR && inner->kind == EX_IDENT && inner->sym) inner->sym->addr_taken = true;
            e->mode = MODE_BUILTIN;
            e->builtin = BI_LIB + 1600 + (int)i;
            return true;
        }
        return false;
    }
    if (!b || b != c->t_rand) return false;
    for (size_t i = 0; i < sizeof rand_methods / sizeof *rand_methods; i++) {
        if (!same(e->name, e->namelen, rand_methods[i].name)) continue;
        e->mode = MODE_BUILTIN;
        e->builtin = BI_LIB + 1500 + (int)i;
        return true;
    }
    return false;
}
