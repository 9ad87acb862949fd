/* types_lib.c — the library the subset models beyond fmt, sync and time
 * (feat-func): strings' string helpers, math/rand, bytes.Buffer,
 * strings.Builder and io.Writer.
 *
 * Each function is a row: its package, name, LibFunc (the VM's OP_LIB B
 * operand, sim/vm_lib.c) and signature in a tiny code — one letter per
 * parameter, then '>' and the results: s string, i int, I any integer
 * type, b bool, e error, w a writer (buffer method receiver).  The helpers
 * that take or return slices (Split, Fields, Join) wait for slices.
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
    {"strings", "Contains", LIB_CONTAINS, "ss>b"},
    {"strings", "HasPrefix", LIB_HASPREFIX, "ss>b"},
    {"strings", "HasSuffix", LIB_HASSUFFIX, "ss>b"},
    {"strings", "Index", LIB_INDEX, "ss>i"},
    {"strings", "LastIndex", LIB_LASTINDEX, "ss>i"},
    {"strings", "Count", LIB_COUNT, "ss>i"},
    {"strings", "Repeat", LIB_REPEAT, "si>s"},
    {"strings", "ToUpper", LIB_TOUPPER, "s>s"},
    {"strings", "ToLower", LIB_TOLOWER, "s>s"},
    {"strings", "TrimSpace", LIB_TRIMSPACE, "s>s"},
    {"strings", "TrimPrefix", LIB_TRIMPREFIX, "ss>s"},
    {"strings", "TrimSuffix", LIB_TRIMSUFFIX, "ss>s"},
    {"strings", "ReplaceAll", LIB_REPLACEALL, "sss>s"},
    {"strings", "Replace", LIB_REPLACE, "sssi>s"},
    {"strings", "EqualFold", LIB_EQUALFOLD, "ss>b"},
    {"math/rand", "Intn", LIB_RAND_INTN, "i>i"},
    {"math/rand", "Int", LIB_RAND_INT, ">i"},
    {"math/rand", "Seed", LIB_RAND_SEED, "I>"},
    {"bytes", "NewBufferString", LIB_NEWBUFFERSTRING, "s>B"},
    {"errors", "Is", LIB_ERRORS_IS, "ee>b"},
    {"errors", "Unwrap", LIB_ERRORS_UNWRAP, "e>e"},
    {"math/rand", "NewSource", LIB_RAND_NEWSOURCE, "I>S"},
    {"math/rand", "New", LIB_RAND_NEW, "S>R"},
};

/* Methods of *rand.Rand (its state lives in the object). */
static const LibRow rand_methods[] = {
    {NULL, "Intn", LIB_R_INTN, "i>i"},
    {NULL, "Int", LIB_R_INT, ">i"},
};

/* Methods of bytes.Buffer and strings.Builder (pointer receivers). */
static const LibRow buffer_methods[] = {
    {NULL, "WriteString", LIB_BUF_WRITESTRING, "s>ie"},
    {NULL, "String", LIB_BUF_STRING, ">s"},
    {NULL, "Len", LIB_BUF_LEN, ">i"},
    {NULL, "Reset", LIB_BUF_RESET, ">"},
    {NULL, "WriteByte", LIB_BUF_WRITEBYTE, "I>e"},   /* byte, rune: any integer until */
    {NULL, "WriteRune", LIB_BUF_WRITERUNE, "I>ie"},  /* sized integers exist */
};

/* Value methods of library types. */
static const LibRow value_methods[] = {
    {NULL, "String", LIB_DUR_STRING, ">s"},    /* time.Duration */
};

static Type *rand_type(Checker *c, bool source);

static Type *buffer_type(Checker *c, bool builder)
{
    Type **slot = builder ? &c->t_builder : &c->t_buffer;
    if (*slot) return *slot;
    Type *t = types_new(c, TY_STRUCT, builder ? "strings.Builder" : "bytes.Buffer");
    t->fields = parse_alloc(c->arena, sizeof *t->fields);
    TField f = {"buf", 3, c->t_string, 0, false};
    t->fields[0] = f;
    t->nfields = 1;
    t->nslots = 1;
    /* *T implements io.Writer (Fprintf writes into it) */
    Method m = {"Write", 5, types_lib_writer(c)->methods[0].sig, true, NULL, false};
    PUSH(c, t->methods, t->nmethods, t->methods_cap, m);
    *slot = t;
    return t;
}

Type *types_lib_writer(Checker *c)
{
    if (c->t_writer) return c->t_writer;
    /* io.Writer's Write([]byte) (int, error): the subset has no []byte yet,
     * so the signature is a token that only the writers share */
    Type *sig = types_new(c, TY_FUNC, "func([]byte) (int, error)");
    Type *w = types_new(c, TY_IFACE, "io.Writer");
    Method m = {"Write", 5, sig, false, NULL, false};
    PUSH(c, w->methods, w->nmethods, w->methods_cap, m);
    c->t_writer = w;
    if (c->t_file) {
        Method fm = {"Write", 5, sig, false, NULL, false};
        PUSH(c, c->t_file->methods, c->t_file->nmethods, c->t_file->methods_cap, fm);
    }
    return w;
}

static bool same(const char *a, int alen, const char *b)
{
    return alen == (int)strlen(b) && memcmp(a, b, (size_t)alen) == 0;
}

Type *types_lib_type(Checker *c, const Import *im, const Expr *e)
{
    if (same(im->path, im->pathlen, "bytes") && same(e->name, e->namelen, "Buffer")) return buffer_type(c, false);
    if (same(im->path, im->pathlen, "strings") && same(e->name, e->namelen, "Builder")) return buffer_type(c, true);
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

static Type *sig_type(Checker *c, char k)
{
    switch (k) {
    case 'S': return rand_type(c, true);
    case 'R': return types_ptr(c, rand_type(c, false));
    case 's': return c->t_string;
    case 'i': case 'I': return c->t_int;
    case 'b': return c->t_bool;
    case 'e': return c->t_error;
    case 'B': return types_ptr(c, buffer_type(c, false));
    default: return c->t_invalid;
    }
}

/* Check a call of library row r (args from e->args[from..]). */
static void lib_call(Checker *c, Expr *e, const LibRow *r, int from, const char *callee)
{
    const char *sig = r->sig;
    const char *gt = strchr(sig, '>');
    int np = (int)(gt - sig);
    int na = e->nargs - from;
    for (int i = from; i < e->nargs; i++) types_value(c, e->args[i]);
    if (na != np) {
        const Expr *at = na > np ? e->args[from + np] : e;
        types_errorf(c, at->line, at->col, "%s arguments in call to %s", na > np ? "too many" : "not enough", callee);
        types_invalid(c, e);
        return;
    }
    char ctx[160];
    snprintf(ctx, sizeof ctx, "argument to %s", callee);
    for (int i = 0; i < np; i++) {
        Expr *a = e->args[from + i];
        if (a->mode == MODE_INVALID) continue;
        if (sig[i] == 'I' && types_is_integer(a->type)) {
            if (types_is_untyped(a->type)) a->type = c->t_int;
            continue;
        }
        types_assign(c, a, sig_type(c, sig[i]), ctx);
    }
    const char *res = gt + 1;
    int nr = (int)strlen(res);
    if (nr == 0) {
        e->mode = MODE_NOVALUE;
    } else if (nr == 1) {
        e->mode = MODE_VALUE;
        e->type = sig_type(c, res[0]);
    } else {
        e->mode = MODE_VALUE;
        e->type = types_new(c, TY_TUPLE, NULL);
        e->type->results = parse_alloc(c->arena, sizeof *e->type->results * (size_t)nr);
        for (int i = 0; i < nr; i++) e->type->results[i] = sig_type(c, res[i]);
        e->type->nresults = nr;
    }
}

bool types_lib_call(Checker *c, Expr *e, int bi, const char *callee)
{
    if (bi < BI_LIB) return false;
    int k = bi - BI_LIB;
    if (k >= 2000) {            /* a value method: k - 2000 indexes value_methods */
        lib_call(c, e, &value_methods[k - 2000], 0, callee);
        return true;
    }
    if (k >= 1500) {            /* a *rand.Rand method */
        lib_call(c, e, &rand_methods[k - 1500], 0, callee);
        return true;
    }
    if (k >= 1000) {            /* a buffer method: k - 1000 indexes buffer_methods */
        lib_call(c, e, &buffer_methods[k - 1000], 0, callee);
        return true;
    }
    lib_call(c, e, &lib[k], 0, callee);
    return true;
}

int types_lib_fn(int bi)
{
    int k = bi - BI_LIB;
    return k >= 2000 ? value_methods[k - 2000].fn : k >= 1500 ? rand_methods[k - 1500].fn
         : k >= 1000 ? buffer_methods[k - 1000].fn : lib[k].fn;
}

bool types_lib_method(Checker *c, Expr *e, Type *t)
{
    Type *b = t->kind == TY_PTR ? t->elem : t;
    if (b == c->t_duration && same(e->name, e->namelen, "String")) {
        e->mode = MODE_BUILTIN;
        e->builtin = BI_LIB + 2000;
        return true;
    }
    if (b && b == c->t_rand) {
        for (size_t i = 0; i < sizeof rand_methods / sizeof *rand_methods; i++) {
            if (!same(e->name, e->namelen, rand_methods[i].name)) continue;
            e->mode = MODE_BUILTIN;
            e->builtin = BI_LIB + 1500 + (int)i;
            return true;
        }
    }
    if (!b || (b != c->t_buffer && b != c->t_builder)) return false;
    for (size_t i = 0; i < sizeof buffer_methods / sizeof *buffer_methods; i++) {
        if (!same(e->name, e->namelen, buffer_methods[i].name)) continue;
        Expr *x = e->x;
        Expr *inner = x;
        while (inner->kind == EX_PAREN) inner = inner->x;
        if (t->kind != TY_PTR && inner->kind == EX_IDENT && inner->sym) inner->sym->addr_taken = true;
        e->mode = MODE_BUILTIN;
        e->builtin = BI_LIB + 1000 + (int)i;
        return true;
    }
    return false;
}
