/* strbuf.c — strings.Builder and bytes.Buffer: a growing string in one slot.
 *
 * Both are TY_STRBUF: one memory slot holding the text so far as a V_STR
 * (the zero value is "", so `var b bytes.Buffer` is ready to use, as in
 * Go).  Every method is one instruction, STRBUF A B (method A, B arguments
 * above the receiver's address), which reads and rewrites that slot: a
 * buffer shared by goroutines without a lock shows its interleavings as
 * one step per call.  fmt.Fprintf(&b, ...) can append the same way (write
 * the formatted text after the slot's string).
 *
 * The methods that return (n int, err error) in Go return nothing here, so
 * they are used as statements; String, Len and the constructors return
 * values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "machine_internal.h"
#include "util.h"
#include "vm_data.h"

typedef enum BufMethod {
    BM_WRITESTRING, BM_WRITEBYTE, BM_WRITERUNE, BM_WRITE, BM_STRING, BM_LEN, BM_RESET,
    BM_NEWBUFFERSTRING, BM_NEWBUFFER, BM__COUNT
} BufMethod;

/* Argument kinds: 's' string, 'b' byte, 'r' rune, 'B' []byte; result after ':'. */
static const struct { const char *name, *sig; } methods[BM__COUNT] = {
    {"WriteString", "s:"}, {"WriteByte", "b:"}, {"WriteRune", "r:"}, {"Write", "B:"},
    {"String", ":s"}, {"Len", ":i"}, {"Reset", ":"}, {"NewBufferString", "s:P"}, {"NewBuffer", "B:P"},
};

static Type *sig_type(Checker *c, char k, Type *buf)
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
        if ((int)strlen(methods[k].name) == e->namelen && !memcmp(methods[k].name, e->name, (size_t)e->namelen)) {
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
        if ((int)strlen(methods[k].name) == e->namelen && !memcmp(methods[k].name, e->name, (size_t)e->namelen)) {
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
    const char *sig = methods[f->ival].sig;
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
        types_assign(c, e->args[i], sig_type(c, sig[i], buf), ctx);
    }
    e->mode = MODE_NOVALUE;
    if (sig[n + 1]) {
        e->mode = MODE_VALUE;
        e->type = sig_type(c, sig[n + 1], buf);
    }
}

/* ---- running ------------------------------------------------------------------------ */

int strbuf_exec(Machine *m, Goroutine *g, Instr in)
{
    Value *st = g->stack;
    int sp = g->sp;
    if (in.a >= BM_NEWBUFFERSTRING) {   /* constructors: a fresh buffer holding the argument */
        Value arg = st[sp - 1];
        int64_t at = machine_alloc(m, 1, -2, -1);
        if (arg.kind == V_STR) {
            m->mem[at] = arg;
        } else {
            int64_t n = slice_len(arg);
            char *b = xmalloc((size_t)n + 1);
            for (int64_t k = 0; k < n; k++) b[k] = (char)m->mem[slice_base(arg) + k].i;
            m->mem[at] = value_make(V_STR, 0, machine_add_string(m, b, (size_t)n));
            free(b);
        }
        st[sp - 1] = value_make(V_PTR, 0, at);
        return 0;
    }
    int argc = in.b;
    Value recv = st[sp - argc - 1];
    if (recv.kind != V_PTR || recv.i < 0 || recv.i >= m->nmem) {
        machine_fail(m, M_PANIC, g->id, true, "runtime error: invalid memory address or nil pointer dereference");
        return 0;
    }
    Value cur = m->mem[recv.i];
    uint32_t len;
    machine_string(m, cur, &len);
    Value res = value_nil();
    bool has = false;
    char enc[4];
    const char *add = NULL;
    char *owned = NULL;
    size_t addn = 0;
    switch ((BufMethod)in.a) {
    case BM_WRITESTRING: {
        uint32_t n;
        const char *s = machine_string(m, st[sp - 1], &n);
        owned = xmalloc(n + 1);
        memcpy(owned, s, n);
        add = owned;
        addn = n;
        break;
    }
    case BM_WRITEBYTE: enc[0] = (char)st[sp - 1].i; add = enc; addn = 1; break;
    case BM_WRITERUNE: addn = (size_t)vm_data_encode_rune(st[sp - 1].i, enc); add = enc; break;
    case BM_WRITE: {
        Value b = st[sp - 1];
        int64_t n = slice_len(b);
        owned = xmalloc((size_t)n + 1);
        for (int64_t k = 0; k < n; k++) owned[k] = (char)m->mem[slice_base(b) + k].i;
        add = owned;
        addn = (size_t)n;
        break;
    }
    case BM_STRING: res = cur.kind == V_STR ? cur : value_make(V_STR, 0, 0); has = true; break;
    case BM_LEN: res = value_int(len); has = true; break;
    case BM_RESET: m->mem[recv.i] = value_make(V_STR, 0, 0); break;
    default: break;
    }
    if (add && addn) {
        uint32_t n;
        const char *s = machine_string(m, cur, &n);
        char *joined = xmalloc(n + addn + 1);
        memcpy(joined, s, n);
        memcpy(joined + n, add, addn);
        m->mem[recv.i] = value_make(V_STR, 0, machine_add_string(m, joined, n + addn));
        free(joined);
    }
    free(owned);
    sp -= argc + 1;
    if (has) st[sp++] = res;
    g->sp = sp;
    return 0;
}
