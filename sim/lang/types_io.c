/* types_io.c — the checker's view of files, the loopback network and bufio:
 * package os beyond Exit / Stdout / Stderr, io, net and bufio.
 *
 * The functions and methods are the rows of sim/lib_data.h (IoFn): a call
 * of one is builtin BI_LIB + IO_BI + row, compiled to OP_LIB (a method gets
 * its receiver as the first operand) and run by sim/lib/io_exec.c.  A value
 * row (io.EOF, os.ErrNotExist) is a MODE_VALUE selector that compiles to an
 * OP_LIB without operands.
 *
 * The library's concrete types (os.File, net.TCPConn, bufio.Scanner ...) are
 * named types the program cannot look inside, whose methods are the rows
 * owned by "*T": a Method with `lib` set and no function.  So *os.File is an
 * io.Reader, net.Conn's dynamic type is *net.TCPConn, and an interface call
 * of a library method finds the row through the runtime type's method table
 * (RtMethod.lib; CALLI runs it in place, sim/machine/vm_iface.c).  The
 * interfaces (io.Reader, net.Conn, os.FileInfo ...) are ordinary interface
 * types with Go's method signatures, so a program's own types implement
 * them as in Go.
 *
 * Every type of the four packages is made together, the first time any is
 * needed (Checker.t_io): the code generator then gives each concrete one a
 * runtime type (Program.rt_io) for the values the library makes itself.
 */
#include "check.h"

#include <stdio.h>
#include <string.h>
#include "lib_data.h"
#include "parse.h"

/* BI_LIB + IO_BI + row: an IoFn (types_lib_func.c uses the ranges below). */
#define IO_BI 3000

static bool same(const char *a, int alen, const char *b)
{
    return alen == (int)strlen(b) && memcmp(a, b, (size_t)alen) == 0;
}

/* ---- types ------------------------------------------------------------------------------ */

/* The types a program can name: package, name, the type's own name (as Go's
 * messages and %T print it: os.FileMode is fs.FileMode), and its kind. */
typedef struct IoTypeRow { const char *pkg, *name, *tname; int kind; } IoTypeRow;

static const IoTypeRow type_rows[IOT__COUNT] = {
    [IOT_FILE] = {"os", "File", "os.File", TY_INT},
    [IOT_FILESTAT] = {NULL, NULL, "os.fileStat", TY_INT},
    [IOT_TCPCONN] = {"net", "TCPConn", "net.TCPConn", TY_INT},
    [IOT_TCPLISTENER] = {"net", "TCPListener", "net.TCPListener", TY_INT},
    [IOT_TCPADDR] = {"net", "TCPAddr", "net.TCPAddr", TY_INT},
    [IOT_BUFREADER] = {"bufio", "Reader", "bufio.Reader", TY_INT},
    [IOT_SCANNER] = {"bufio", "Scanner", "bufio.Scanner", TY_INT},
    [IOT_BUFWRITER] = {"bufio", "Writer", "bufio.Writer", TY_INT},
    [IOT_FILEMODE] = {"os", "FileMode", "fs.FileMode", TY_INT},
    [IOT_FILEINFO] = {"os", "FileInfo", "fs.FileInfo", TY_IFACE},
    [IOT_READER] = {"io", "Reader", "io.Reader", TY_IFACE},
    [IOT_WRITER] = {"io", "Writer", "io.Writer", TY_IFACE},
    [IOT_CLOSER] = {"io", "Closer", "io.Closer", TY_IFACE},
    [IOT_READWRITER] = {"io", "ReadWriter", "io.ReadWriter", TY_IFACE},
    [IOT_READCLOSER] = {"io", "ReadCloser", "io.ReadCloser", TY_IFACE},
    [IOT_WRITECLOSER] = {"io", "WriteCloser", "io.WriteCloser", TY_IFACE},
    [IOT_READWRITECLOSER] = {"io", "ReadWriteCloser", "io.ReadWriteCloser", TY_IFACE},
    [IOT_CONN] = {"net", "Conn", "net.Conn", TY_IFACE},
    [IOT_LISTENER] = {"net", "Listener", "net.Listener", TY_IFACE},
    [IOT_ADDR] = {"net", "Addr", "net.Addr", TY_IFACE},
};

/* The interfaces' methods, in Go's order ("Name signature"). */
static const char *const iface_methods[IOT__COUNT][6] = {
    [IOT_FILEINFO] = {"Name >s", "Size >6", "IsDir >b"},
    [IOT_READER] = {"Read B>ie"},
    [IOT_WRITER] = {"Write B>ie"},
    [IOT_CLOSER] = {"Close >e"},
    [IOT_READWRITER] = {"Read B>ie", "Write B>ie"},
    [IOT_READCLOSER] = {"Read B>ie", "Close >e"},
    [IOT_WRITECLOSER] = {"Write B>ie", "Close >e"},
    [IOT_READWRITECLOSER] = {"Read B>ie", "Write B>ie", "Close >e"},
    [IOT_CONN] = {"Read B>ie", "Write B>ie", "Close >e", "LocalAddr >A", "RemoteAddr >A"},
    [IOT_LISTENER] = {"Accept >Ce", "Close >e", "Addr >A"},
    [IOT_ADDR] = {"Network >s", "String >s"},
};

static void make_types(Checker *c);

Type *types_io(Checker *c, int which)
{
    if (!c->t_io) make_types(c);
    return c->t_io[which];
}

static Type *sig_type(Checker *c, char k)
{
    switch (k) {
    case 's': return c->t_string;
    case 'B': return types_slice_of(c, c->t_byte);
    case 'y': return c->t_byte;
    case 'i': return c->t_int;
    case '6': return c->t_num[NK_INT64];
    case 'b': return c->t_bool;
    case 'e': return c->t_error;
    case 'M': return c->t_io[IOT_FILEMODE];
    case 'F': return types_ptr(c, c->t_io[IOT_FILE]);
    case 'I': return c->t_io[IOT_FILEINFO];
    case 'C': return c->t_io[IOT_CONN];
    case 'L': return c->t_io[IOT_LISTENER];
    case 'A': return c->t_io[IOT_ADDR];
    case 'R': return c->t_io[IOT_READER];
    case 'W': return c->t_io[IOT_WRITER];
    case 'r': return types_ptr(c, c->t_io[IOT_BUFREADER]);
    case 'S': return types_ptr(c, c->t_io[IOT_SCANNER]);
    case 'w': return types_ptr(c, c->t_io[IOT_BUFWRITER]);
    default: return c->t_invalid;
    }
}

/* The function type of a signature code ("B>ie": func([]byte) (int, error)). */
static Type *func_type(Checker *c, const char *sig)
{
    const char *gt = strchr(sig, '>');
    int np = (int)(gt - sig), nr = (int)strlen(gt + 1);
    Type *f = types_new(c, TY_FUNC, NULL);
    f->params = np ? parse_alloc(c->arena, sizeof *f->params * (size_t)np) : NULL;
    for (int i = 0; i < np; i++) f->params[i] = sig_type(c, sig[i]);
    f->nparams = np;
    f->results = nr ? parse_alloc(c->arena, sizeof *f->results * (size_t)nr) : NULL;
    for (int i = 0; i < nr; i++) f->results[i] = sig_type(c, gt[1 + i]);
    f->nresults = nr;
    return f;
}

static void make_types(Checker *c)
{
    c->t_io = parse_alloc(c->arena, sizeof *c->t_io * IOT__COUNT);
    for (int k = 0; k < IOT__COUNT; k++) {
        Type *t = types_new(c, type_rows[k].kind, type_rows[k].tname);
        if (k == IOT_FILEMODE) t->numkind = NK_UINT32;
        c->t_io[k] = t;
    }
    /* io.Writer may exist already (fmt.Fprintf made it): keep that one */
    if (c->t_writer) c->t_io[IOT_WRITER] = c->t_writer;
    else c->t_writer = c->t_io[IOT_WRITER];
    for (int k = 0; k < IOT__COUNT; k++) {
        Type *t = c->t_io[k];
        if (t->kind != TY_IFACE || t->nmethods) continue;
        for (int i = 0; i < 6 && iface_methods[k][i]; i++) {
            const char *s = iface_methods[k][i], *sp = strchr(s, ' ');
            Method m = {s, (int)(sp - s), func_type(c, sp + 1), false, NULL, false, 0};
            PUSH(c, t->methods, t->nmethods, t->methods_cap, m);
        }
    }
    /* the concrete types' methods: the rows owned by "*T" */
    for (int r = 0; r < IO__COUNT; r++) {
        const char *owner = io_rows[r].owner;
        if (owner[0] != '*') continue;
        for (int k = 0; k < IOT__COUNT; k++) {
            if (strcmp(type_rows[k].tname, owner + 1)) continue;
            Type *t = c->t_io[k];
            Method m = {io_rows[r].name, (int)strlen(io_rows[r].name), func_type(c, io_rows[r].sig), true,
                        NULL, false, BI_LIB + IO_BI + r};
            PUSH(c, t->methods, t->nmethods, t->methods_cap, m);
        }
    }
}

/* ---- package members ------------------------------------------------------------------- */

static bool io_package(const Import *im)
{
    return same(im->path, im->pathlen, "os") || same(im->path, im->pathlen, "io") ||
           same(im->path, im->pathlen, "net") || same(im->path, im->pathlen, "bufio");
}

Type *types_io_type(Checker *c, const Import *im, const Expr *e)
{
    if (!io_package(im)) return NULL;
    for (int k = 0; k < IOT__COUNT; k++)
        if (type_rows[k].pkg && same(im->path, im->pathlen, type_rows[k].pkg) &&
            same(e->name, e->namelen, type_rows[k].name))
            return types_io(c, k);
    return NULL;
}

bool types_io_member(Checker *c, Expr *e, const Import *im)
{
    if (!io_package(im)) return false;
    Type *t = types_io_type(c, im, e);
    if (t) {
        e->mode = MODE_TYPE;
        e->type = t;
        return true;
    }
    for (int r = 0; r < IO__COUNT; r++) {
        if (!same(im->path, im->pathlen, io_rows[r].owner) || !same(e->name, e->namelen, io_rows[r].name)) continue;
        types_io(c, 0);
        e->builtin = BI_LIB + IO_BI + r;
        if (io_rows[r].sig[0] == '=') {          /* io.EOF: a value */
            e->mode = MODE_VALUE;
            e->type = sig_type(c, io_rows[r].sig[1]);
        } else {
            e->mode = MODE_BUILTIN;
        }
        return true;
    }
    return false;
}

/* x.Name on a library type (or a pointer to one): a builtin, receiver first. */
bool types_io_method(Checker *c, Expr *e, Type *t)
{
    Type *b = t->kind == TY_PTR ? t->elem : t;
    if (!b || !c->t_io || b->kind == TY_IFACE) return false;
    int k = 0;
    while (k < IOT__COUNT && c->t_io[k] != b) k++;
    if (k == IOT__COUNT) return false;
    for (int i = 0; i < b->nmethods; i++) {
        Method *m = &b->methods[i];
        if (!m->lib || !same(e->name, e->namelen, m->name)) continue;
        if (t->kind != TY_PTR) {            /* (a value of os.File: the method wants its address) */
            Expr *inner = e->x;
            while (inner->kind == EX_PAREN) inner = inner->x;
            if (e->x->mode != MODE_VAR) {
                char ts[64];
                types_string(t, ts, sizeof ts);
                types_errorf(c, e->line, e->col, "cannot call pointer method %.*s on %s", e->namelen, e->name, ts);
                return true;
            }
            if (inner->kind == EX_IDENT && inner->sym) inner->sym->addr_taken = true;
        }
        e->mode = MODE_BUILTIN;
        e->builtin = m->lib;
        return true;
    }
    return false;
}

bool types_io_is_row(int bi)
{
    return bi >= BI_LIB + IO_BI && bi < BI_LIB + IO_BI + IO__COUNT;
}

bool types_io_is_method(int bi)
{
    return types_io_is_row(bi) && io_rows[bi - BI_LIB - IO_BI].owner[0] == '*';
}

int types_io_hidden_operands(int bi)
{
    /* io.Copy's running total, kept while it waits for more to copy (sim/lib/io_exec.c) */
    return types_io_is_row(bi) && bi - BI_LIB - IO_BI == IO_COPY ? 1 : 0;
}

int types_io_fn(int bi)
{
    return LIB_IO + (bi - BI_LIB - IO_BI);
}

/* Check a call of row bi: Go's argument count and assignability messages. */
void types_io_call(Checker *c, Expr *e, int bi, const char *callee)
{
    const char *sig = io_rows[bi - BI_LIB - IO_BI].sig;
    const char *gt = strchr(sig, '>');
    int np = (int)(gt - sig);
    types_io(c, 0);
    for (int i = 0; i < e->nargs; i++) types_value(c, e->args[i]);
    if (e->nargs != np) {
        const Expr *at = e->nargs > np ? e->args[np] : e;
        int line = e->nargs > np ? at->line : e->rparen_line, col = e->nargs > np ? at->col : e->rparen_col;
        types_errorf(c, line, col, "%s arguments in call to %s", e->nargs > np ? "too many" : "not enough", callee);
        types_invalid(c, e);
        return;
    }
    char ctx[160];
    snprintf(ctx, sizeof ctx, "argument to %s", callee);
    for (int i = 0; i < np; i++)
        if (e->args[i]->mode != MODE_INVALID) types_assign(c, e->args[i], sig_type(c, sig[i]), ctx);
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
