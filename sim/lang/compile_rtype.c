/* compile_rtype.c — runtime types: what an interface value's dynamic type
 * tells the VM.
 *
 * Every TypeLayout (compile_layout) is also a runtime type: its kind, the
 * name %T prints ("main.Point", "*main.Point", "int", as Go's reflect names
 * them), the pointee of a pointer type, the fields of a struct (for %v and
 * %+v), and the method table of a named type, which dynamic dispatch (CALLI)
 * and type assertions to interface types search by name.  An interface
 * type's table lists the method names it requires (proto -1).
 */
#include "compile_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

void compile_go_name(const Type *t, char *buf, size_t n)
{
    if (t->kind == TY_PTR && !t->name) {
        char inner[120];
        compile_go_name(t->elem, inner, sizeof inner);
        snprintf(buf, n, "*%s", inner);
        return;
    }
    if (t->kind == TY_CHAN && !t->name && t->elem) {   /* "chan main.T", "<-chan int" */
        char inner[120];
        compile_go_name(t->elem, inner, sizeof inner);
        bool paren = t->dir == CHAN_BOTH && t->elem->kind == TY_CHAN && !t->elem->name && t->elem->dir == CHAN_RECV;
        snprintf(buf, n, "%s%s%s%s", t->dir == CHAN_RECV ? "<-chan " : t->dir == CHAN_SEND ? "chan<- " : "chan ",
                 paren ? "(" : "", inner, paren ? ")" : "");
        return;
    }
    if ((t->kind == TY_SLICE || t->kind == TY_ARRAY || t->kind == TY_MAP) && !t->name && t->elem) {
        char inner[120], key[120] = "";
        compile_go_name(t->elem, inner, sizeof inner);
        if (t->kind == TY_MAP && t->key) compile_go_name(t->key, key, sizeof key);
        if (t->kind == TY_SLICE) snprintf(buf, n, "[]%s", inner);
        else if (t->kind == TY_ARRAY) snprintf(buf, n, "[%lld]%s", (long long)t->len, inner);
        else snprintf(buf, n, "map[%s]%s", key, inner);
        return;
    }
    if (t->kind == TY_STRUCT && !t->name) {     /* reflect's "struct { A int; B string }" */
        size_t k = (size_t)snprintf(buf, n, "struct {");
        for (int i = 0; i < t->nfields && k < n; i++) {
            char ft[120];
            compile_go_name(t->fields[i].type, ft, sizeof ft);
            if (t->fields[i].embedded)
                k += (size_t)snprintf(buf + k, n - k, "%s %s", i ? ";" : "", ft);
            else
                k += (size_t)snprintf(buf + k, n - k, "%s %.*s %s", i ? ";" : "", t->fields[i].namelen,
                                      t->fields[i].name, ft);
        }
        if (k < n) snprintf(buf + k, n - k, "%s}", t->nfields ? " " : "");
        return;
    }
    if (t->kind == TY_IFACE && !t->name && !t->nmethods) {
        snprintf(buf, n, "interface {}");
        return;
    }
    types_string(t, buf, n);
    if (!strcmp(buf, "rune")) snprintf(buf, n, "int32");       /* aliases: reflect names the type */
    else if (!strcmp(buf, "byte")) snprintf(buf, n, "uint8");
    if (t->user) {
        char tmp[128];
        snprintf(tmp, sizeof tmp, "main.%s", buf);
        snprintf(buf, n, "%s", tmp);
    }
}

static int rt_kind(const Type *t)
{
    switch (t->kind) {
    case TY_INT: return RT_INT;
    case TY_BOOL: return RT_BOOL;
    case TY_STRING: return RT_STRING;
    case TY_STRUCT: return RT_STRUCT;
    case TY_PTR: return RT_PTR;
    case TY_FUNC: return RT_FUNC;
    case TY_IFACE: return RT_IFACE;
    case TY_MUTEX: case TY_WAITGROUP: return RT_SYNC;
    case TY_CHAN: return RT_OTHER;
    case TY_SLICE: return RT_SLICE;
    case TY_ARRAY: return RT_ARRAY;
    default: return RT_OTHER;
    }
}

/* A library method (os.File.Read) as a function taking its receiver
 * first, for what needs a function value: a method value or a deferred
 * call through an interface (BIND), fmt calling String().  A direct or
 * interface call runs the library in place instead (OP_LIB, CALLI).  Its
 * Proto exists now; its code, LOCALs, the LIB and a RET, comes last. */
typedef struct LibWrapper { int proto, fn, nparams, nresults; } LibWrapper;

static int lib_wrapper(Compiler *C, const Type *t, const Method *m)
{
    char name[128];
    const char *tn = t->name ? t->name : "?", *dot = strrchr(tn, '.');
    snprintf(name, sizeof name, "%.*s.(*%s).%.*s", dot ? (int)(dot - tn) : 0, tn, dot ? dot + 1 : tn,
             m->namelen, m->name);   /* Go's "net.(*TCPConn).Close" */
    FuncInfo fi;
    memset(&fi, 0, sizeof fi);
    fi.name = name;
    int proto = compile_new_proto(C, &fi);
    LibWrapper w = {proto, types_lib_fn(m->lib), 1 + m->sig->nparams, m->sig->nresults};
    C->p->protos[proto].nparams = w.nparams;
    C->p->protos[proto].nresults = w.nresults;
    GROW(C->wrappers, C->wrappers_cap, C->nwrappers + 1);
    C->wrappers[C->nwrappers++] = w;
    return proto;
}

void compile_lib_wrappers(Compiler *C)
{
    C->line = 1;                       /* (no line of the program is theirs) */
    C->col = 1;
    for (int i = 0; i < C->nwrappers; i++) {
        const LibWrapper *w = &C->wrappers[i];
        C->p->protos[w->proto].code_start = compile_here(C);
        C->p->protos[w->proto].line = 1;
        for (int k = 0; k < w->nparams; k++) compile_emit(C, OP_LOCAL, k, 0);
        compile_emit(C, OP_LIB, w->nparams, w->fn | (w->nresults ? FMT_RESULTS : 0));
        compile_emit(C, OP_RET, w->nresults, 0);
        Proto *pr = &C->p->protos[w->proto];
        pr->code_end = compile_here(C);
        pr->nslots = w->nparams;
        pr->recover_pc = pr->code_end - 1;
    }
    free(C->wrappers);
    C->wrappers = NULL;
    C->nwrappers = C->wrappers_cap = 0;
}

void compile_rtype(Compiler *C, Type *t)
{
    int id = t->layout;
    char name[160];
    compile_go_name(t, name, sizeof name);
    C->p->types[id].kind = rt_kind(t);
    C->p->types[id].goname = xstrdup(name);
    C->p->types[id].elem = -1;
    C->p->types[id].named = t->user;
    if ((t->kind == TY_PTR || t->kind == TY_SLICE || t->kind == TY_ARRAY) && t->elem) {
        int elem = compile_layout(C, t->elem);     /* may move p->types */
        C->p->types[id].elem = elem;
    }
    if (t->nmethods) {
        RtMethod *ms = xcalloc((size_t)t->nmethods, sizeof *ms);
        for (int i = 0; i < t->nmethods; i++) {
            Method *m = &t->methods[i];
            ms[i].name = xstrndup(m->name, (size_t)m->namelen);
            ms[i].proto = m->fn ? m->fn->proto : m->lib ? lib_wrapper(C, t, m) : -1;
            ms[i].ptr_recv = m->ptr_recv;
            ms[i].lib = m->lib ? types_lib_fn(m->lib) + 1 : 0;   /* os.File.Read ...: types_io.c */
        }
        C->p->types[id].methods = ms;
        C->p->types[id].nmethods = t->nmethods;
    }
    if (t->kind == TY_STRUCT) {
        int n = t->nfields;
        const char **fn = xcalloc((size_t)(n ? n : 1), sizeof *fn);
        int *ft = xcalloc((size_t)(n ? n : 1), sizeof *ft);
        int *fo = xcalloc((size_t)(n ? n : 1), sizeof *fo);
        for (int i = 0; i < n; i++) {
            fn[i] = xstrndup(t->fields[i].name, (size_t)t->fields[i].namelen);
            fo[i] = t->fields[i].off;
        }
        C->p->types[id].field_name = fn;
        C->p->types[id].field_type = ft;
        C->p->types[id].field_off = fo;
        C->p->types[id].nfields = n;
        for (int i = 0; i < n; i++) {
            int f = compile_layout(C, t->fields[i].type);   /* may move p->types */
            C->p->types[id].field_type[i] = f;
        }
    }
}

/* A runtime type with no checker type behind it, whose one method Error is
 * builtin (proto -1): the VM takes the text from the value itself. */
static int builtin_rtype(Compiler *C, const char *name, int kind)
{
    Program *p = C->p;
    GROW(p->types, C->types_cap, p->ntypes + 1);
    TypeLayout *tl = &p->types[p->ntypes];
    memset(tl, 0, sizeof *tl);
    tl->name = xstrdup(name);
    tl->goname = xstrdup(name);
    tl->nslots = 1;
    tl->zero = xcalloc(1, sizeof *tl->zero);
    tl->slot_name = xcalloc(1, sizeof *tl->slot_name);
    tl->slot_name[0] = xstrdup("");
    tl->kind = kind;
    tl->elem = -1;
    tl->methods = xcalloc(1, sizeof *tl->methods);
    tl->methods[0].name = xstrdup("Error");
    tl->methods[0].proto = -1;
    tl->nmethods = 1;
    return p->ntypes++;
}

/* The runtime types of the values the library makes itself (sim/lib/io_*.c,
 * net.c): the pointer types of its concrete types, whose method tables send
 * CALLI to the library, and the error types of packages os and net, whose
 * Error() is their text (slot 0) as errors.New's. */
void compile_io_rtypes(Compiler *C)
{
    Checker *ck = C->ck;
    if (!ck->t_io) return;
    static const int ptr_of[][2] = {
        {IORT_FILE, IOT_FILE}, {IORT_FILESTAT, IOT_FILESTAT}, {IORT_TCPCONN, IOT_TCPCONN},
        {IORT_TCPLISTENER, IOT_TCPLISTENER}, {IORT_TCPADDR, IOT_TCPADDR},
        {IORT_BUFREADER, IOT_BUFREADER}, {IORT_SCANNER, IOT_SCANNER}, {IORT_BUFWRITER, IOT_BUFWRITER},
    };
    for (size_t i = 0; i < sizeof ptr_of / sizeof *ptr_of; i++) {
        int id = compile_layout(C, types_ptr(ck, ck->t_io[ptr_of[i][1]]));
        C->p->rt_io[ptr_of[i][0]] = id;
    }
    C->p->rt_io[IORT_PATHERROR] = builtin_rtype(C, "*fs.PathError", RT_PTR);
    C->p->rt_io[IORT_OPERROR] = builtin_rtype(C, "*net.OpError", RT_PTR);
    C->p->rt_io[IORT_ERRNO] = builtin_rtype(C, "syscall.Errno", RT_STRING);
}

void compile_builtin_rtypes(Compiler *C)
{
    C->p->rt_errstring = builtin_rtype(C, "*errors.errorString", RT_PTR);
    C->p->rt_runtime_error = builtin_rtype(C, "runtime.Error", RT_STRING);
    C->p->rt_wrap_error = builtin_rtype(C, "*fmt.wrapError", RT_PTR);
}
