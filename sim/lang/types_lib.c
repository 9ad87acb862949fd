/* types_lib.c — checking calls into the library of the data slice: package
 * strings, math/rand, and strings.Builder / bytes.Buffer (their tables are in
 * sim/lib_data.h; the VM runs them in strings_pkg.c, rand_pkg.c, strbuf.c).
 * Each is a builtin (BI_STRFN, BI_RANDFN, BI_STRBUF) whose selector carries
 * the function's index in Expr.ival.
 */
#include "check.h"

#include <stdio.h>
#include <string.h>
#include "lib_data.h"

/* ---- package strings ------------------------------------------------------------ */

static Type *strings_type(Checker *c, char k)
{
    switch (k) {
    case 's': return c->t_string;
    case 'i': return c->t_int;
    case 'r': return c->t_rune;
    case 'b': return c->t_byte;
    case 'B': return c->t_bool;
    case 'I': return types_slice_of(c, c->t_int);
    case '6': return c->t_num[NK_INT64];
    case 'F': return types_slice_of(c, c->t_num[NK_FLOAT64]);
    default: return types_slice_of(c, c->t_string);
    }
}

bool strings_member(Checker *c, Expr *e, const Import *im)
{
    (void)c;
    int from = 0, to = SF_SORTINTS;   /* package strings */
    if (im->pathlen == 4 && !memcmp(im->path, "sort", 4)) from = SF_SORTINTS, to = SF_ITOA;
    else if (im->pathlen == 7 && !memcmp(im->path, "strconv", 7)) from = SF_ITOA, to = SF__COUNT;
    else if (im->pathlen != 7 || memcmp(im->path, "strings", 7) != 0) return false;
    for (int k = from; k < to; k++) {
        if ((int)strlen(strings_fns[k].name) == e->namelen && memcmp(strings_fns[k].name, e->name, (size_t)e->namelen) == 0) {
            e->mode = MODE_BUILTIN;
            e->builtin = BI_STRFN;
            e->ival = k;
            return true;
        }
    }
    return false;
}

void strings_check(Checker *c, Expr *e, const char *callee)
{
    const char *sig = strings_fns[e->x->ival].sig;
    int n = (int)(strchr(sig, ':') - sig);
    if (e->nargs != n) {
        const Expr *at = e->nargs > n ? e->args[n] : e;
        types_errorf(c, at->line, at->col, "%s arguments in call to %s",
                     e->nargs < n ? "not enough" : "too many", callee);
        types_invalid(c, e);
        return;
    }
    char ctx[160];
    snprintf(ctx, sizeof ctx, "argument to %s", callee);
    for (int i = 0; i < n; i++) {
        types_value(c, e->args[i]);
        types_assign(c, e->args[i], strings_type(c, sig[i]), ctx);
    }
    e->mode = sig[n + 1] ? MODE_VALUE : MODE_NOVALUE;   /* sort.Ints returns nothing */
    if (sig[n + 1]) e->type = strings_type(c, sig[n + 1]);
}

/* ---- package math/rand ------------------------------------------------------------ */

static Type *rand_type(Checker *c, char k)
{
    switch (k) {
    case 'i': return c->t_int;
    case 'I': return c->t_num[NK_INT64];
    case '3': return c->t_num[NK_INT32];
    case 'f': return c->t_num[NK_FLOAT64];
    default: return types_slice_of(c, c->t_int);
    }
}

bool rand_member(Checker *c, Expr *e, const Import *im)
{
    if (im->pathlen != 9 || memcmp(im->path, "math/rand", 9) != 0) return false;
    for (int k = 0; k < RF__COUNT; k++) {
        if ((int)strlen(rand_fns[k].name) != e->namelen || memcmp(rand_fns[k].name, e->name, (size_t)e->namelen) != 0) continue;
        Sym *state = NULL;
        for (int i = 0; i < c->nglobals && !state; i++)
            if (c->globals[i]->namelen == 10 && !memcmp(c->globals[i]->name, "rand.state", 10)) state = c->globals[i];
        if (!state) {   /* the source's state: a hidden global (see above) */
            state = scope_new_sym(c, SYM_VAR, "rand.state", 10, 0, 0);
            state->type = c->t_int;
            state->global = true;
            state->used = true;
            PUSH(c, c->globals, c->nglobals, c->globals_cap, state);
        }
        e->mode = MODE_BUILTIN;
        e->builtin = BI_RANDFN;
        e->ival = k;
        e->sym = state;
        return true;
    }
    return false;
}

void rand_check(Checker *c, Expr *e, const char *callee)
{
    const char *sig = rand_fns[e->x->ival].sig;
    int n = (int)(strchr(sig, ':') - sig);
    if (e->nargs != n) {
        const Expr *at = e->nargs > n ? e->args[n] : e;
        types_errorf(c, at->line, at->col, "%s arguments in call to %s", e->nargs < n ? "not enough" : "too many", callee);
        types_invalid(c, e);
        return;
    }
    char ctx[160];
    snprintf(ctx, sizeof ctx, "argument to %s", callee);
    for (int i = 0; i < n; i++) {
        types_value(c, e->args[i]);
        types_assign(c, e->args[i], rand_type(c, sig[i]), ctx);
    }
    if (sig[n + 1]) {
        e->mode = MODE_VALUE;
        e->type = rand_type(c, sig[n + 1]);
    }
}

/* ---- strings.Builder, bytes.Buffer --------------------------------------------------- */

static Type *buf_type(Checker *c, char k, Type *buf)
{
    switch (k) {
    case 's': return c->t_string;
    case 'b': return c->t_byte;
    case 'r': return c->t_rune;
    case 'i': return c->t_int;
    case 'P': return types_ptr(c, buf);
    default: return types_slice_of(c, c->t_byte);
    }
}

Type *strbuf_type(Checker *c, const Import *im, const Expr *e)
{
    bool strings = im->pathlen == 7 && !memcmp(im->path, "strings", 7);
    bool bytes = im->pathlen == 5 && !memcmp(im->path, "bytes", 5);
    const char *want = strings ? "Builder" : bytes ? "Buffer" : NULL;
    if (!want || (int)strlen(want) != e->namelen || memcmp(want, e->name, (size_t)e->namelen) != 0) return NULL;
    Type **slot = strings ? &c->t_builder : &c->t_buffer;
    if (!*slot) {
        *slot = types_new(c, TY_STRBUF, strings ? "strings.Builder" : "bytes.Buffer");
        (*slot)->nslots = 1;
    }
    return *slot;
}

/* bytes.NewBufferString / bytes.NewBuffer. */
bool strbuf_member(Checker *c, Expr *e, const Import *im)
{
    if (im->pathlen != 5 || memcmp(im->path, "bytes", 5) != 0) return false;
    for (int k = BM_NEWBUFFERSTRING; k <= BM_NEWBUFFER; k++) {
        if ((int)strlen(buf_methods[k].name) == e->namelen && !memcmp(buf_methods[k].name, e->name, (size_t)e->namelen)) {
            Expr t = *e;
            t.name = "Buffer";
            t.namelen = 6;
            strbuf_type(c, im, &t);
            e->mode = MODE_BUILTIN;
            e->builtin = BI_STRBUF;
            e->ival = k;
            return true;
        }
    }
    return false;
}

/* b.Method: e is the selector, t the receiver's type (after auto-deref). */
bool strbuf_method(Checker *c, Expr *e, Type *t)
{
    if (t->kind != TY_STRBUF) return false;
    for (int k = 0; k < BM_NEWBUFFERSTRING; k++) {
        if ((int)strlen(buf_methods[k].name) == e->namelen && !memcmp(buf_methods[k].name, e->name, (size_t)e->namelen)) {
            if (!e->through_ptr && e->x->mode != MODE_VAR) {
                types_errorf(c, e->line, e->col, "cannot call pointer method %.*s on %s", e->namelen, e->name, t->name);
                return true;
            }
            e->mode = MODE_BUILTIN;
            e->builtin = BI_STRBUF;
            e->ival = k;
            e->type = t;   /* the receiver's buffer type, for the checker of the call */
            return true;
        }
    }
    return false;
}

void strbuf_check(Checker *c, Expr *e, const char *callee)
{
    Expr *f = e->x;
    while (f->kind == EX_PAREN) f = f->x;
    const char *sig = buf_methods[f->ival].sig;
    Type *buf = f->ival >= BM_NEWBUFFERSTRING ? c->t_buffer : f->type;
    int n = (int)(strchr(sig, ':') - sig);
    if (e->nargs != n) {
        const Expr *at = e->nargs > n ? e->args[n] : e;
        types_errorf(c, at->line, at->col, "%s arguments in call to %s", e->nargs < n ? "not enough" : "too many", callee);
        types_invalid(c, e);
        return;
    }
    char ctx[160];
    snprintf(ctx, sizeof ctx, "argument to %s", callee);
    for (int i = 0; i < n; i++) {
        types_value(c, e->args[i]);
        types_assign(c, e->args[i], buf_type(c, sig[i], buf), ctx);
    }
    e->mode = MODE_NOVALUE;
    if (sig[n + 1]) {
        e->mode = MODE_VALUE;
        e->type = buf_type(c, sig[n + 1], buf);
    }
}

