/* types_pkg.c — the packages a program may import: fmt, sync and time.
 *
 * Each member the simulator models is a row of one table: a builtin
 * (fmt.Println, time.Sleep), a type (sync.Mutex, time.Duration) or a Duration
 * constant (time.Second).  Real members that it does not model are listed so
 * that using one says "interleave does not support fmt.Sprintf" rather than
 * Go's "undefined".  The sync types' methods are in types_expr.c's selector.
 */
#include "check.h"

#include <stdio.h>
#include <string.h>

typedef struct Member {
    const char *pkg, *name;
    int builtin;          /* BI_* or 0                                         */
    int type;             /* 1 Mutex, 2 WaitGroup, 3 Duration                  */
    int64_t value;        /* time constants (type Duration)                    */
    bool constant;
} Member;

static const Member members[] = {
    {"fmt", "Println", BI_PRINTLN, 0, 0, false},
    {"fmt", "Printf", BI_PRINTF, 0, 0, false},
    /* functions, methods, interfaces, control flow */
    {"fmt", "Print", BI_FMT_PRINT, 0, 0, false},
    {"fmt", "Sprintf", BI_SPRINTF, 0, 0, false},
    {"fmt", "Sprint", BI_SPRINT, 0, 0, false},
    {"fmt", "Sprintln", BI_SPRINTLN, 0, 0, false},
    {"fmt", "Errorf", BI_ERRORF, 0, 0, false},
    {"fmt", "Fprintf", BI_FPRINTF, 0, 0, false},
    {"fmt", "Fprintln", BI_FPRINTLN, 0, 0, false},
    {"fmt", "Fprint", BI_FPRINT, 0, 0, false},
    {"fmt", "Stringer", 0, 5, 0, false},
    {"errors", "New", BI_ERRORS_NEW, 0, 0, false},
    {"os", "Exit", BI_EXIT, 0, 0, false},
    {"os", "Stdout", 0, 4, 1, true},
    {"os", "Stderr", 0, 4, 2, true},
    {"os", "Stdin", 0, 4, 0, true},
    {"sync", "Mutex", 0, 1, 0, false},
    {"sync", "WaitGroup", 0, 2, 0, false},
    {"time", "Sleep", BI_SLEEP, 0, 0, false},
    {"time", "Duration", 0, 3, 0, false},
    {"time", "Nanosecond", 0, 3, 1, true},
    {"time", "Microsecond", 0, 3, 1000, true},
    {"time", "Millisecond", 0, 3, 1000000, true},
    {"time", "Second", 0, 3, 1000000000, true},
    {"time", "Minute", 0, 3, 60000000000, true},
    {"time", "Hour", 0, 3, 3600000000000, true},
};

/* Real members of the packages that the simulator does not model. */
static const char *const unsupported_members[] = {
    "fmt.Scan", "fmt.Scanln", "fmt.Scanf", "fmt.Sscanf",
    "fmt.Sscan", "sync.Map", "sync.Pool", "sync.Locker", "sync.OnceFunc",
    "time.AfterFunc", "time.ParseDuration", "time.Date", "time.Unix", "time.Parse",
    /* files and the network beyond what sim/lang/types_io.c models */
    "os.Args", "os.Getenv", "os.Setenv", "os.Environ", "os.Getwd", "os.Chdir", "os.Getpid",
    "os.Hostname", "os.TempDir", "os.MkdirTemp", "os.CreateTemp", "os.OpenFile", "os.ReadDir",
    "os.Mkdir", "os.MkdirAll", "os.Rename", "os.RemoveAll", "os.Lstat", "os.Truncate",
    "os.Chmod", "os.Symlink", "os.Link", "os.Readlink", "os.DirFS", "os.Pipe", "os.Signal",
    "os.Interrupt", "os.Kill", "os.StartProcess", "os.FindProcess", "os.Executable",
    "os.O_RDONLY", "os.O_WRONLY", "os.O_RDWR", "os.O_APPEND", "os.O_CREATE", "os.O_EXCL",
    "os.O_TRUNC", "os.ModePerm", "os.ModeDir", "os.DirEntry",
    "io.ReadFull", "io.ReadAtLeast", "io.CopyN", "io.CopyBuffer", "io.Pipe", "io.MultiReader",
    "io.MultiWriter", "io.TeeReader", "io.LimitReader", "io.NopCloser", "io.Discard",
    "io.SectionReader", "io.ReaderFrom", "io.WriterTo", "io.StringWriter", "io.ByteReader",
    "io.RuneReader", "io.Seeker", "io.SeekStart", "io.SeekCurrent", "io.SeekEnd",
    "net.ListenPacket", "net.ListenTCP", "net.ListenUDP", "net.ListenUnix", "net.DialTCP",
    "net.DialUDP", "net.DialTimeout", "net.Dialer", "net.ListenConfig", "net.ResolveTCPAddr",
    "net.ResolveUDPAddr", "net.LookupHost", "net.LookupIP", "net.SplitHostPort",
    "net.JoinHostPort", "net.Pipe", "net.ParseIP", "net.IP", "net.IPv4", "net.UDPConn",
    "net.UDPAddr", "net.UnixConn", "net.Interfaces", "net.FileConn", "net.Error",
    "net.OpError", "net.PacketConn",
    "bufio.NewReaderSize", "bufio.NewWriterSize", "bufio.NewReadWriter", "bufio.ReadWriter",
    "bufio.ScanLines", "bufio.ScanWords", "bufio.ScanRunes", "bufio.ScanBytes",
    "bufio.SplitFunc", "bufio.MaxScanTokenSize", "bufio.ErrTooLong",
};

/* Find pkg.name; reports undefined/unsupported names when `report`. */
static const Member *member(Checker *c, Expr *e, const Import *im)
{
    for (size_t i = 0; i < sizeof members / sizeof members[0]; i++) {
        const Member *m = &members[i];
        if ((int)strlen(m->pkg) == im->pathlen && memcmp(m->pkg, im->path, (size_t)im->pathlen) == 0 &&
            (int)strlen(m->name) == e->namelen && memcmp(m->name, e->name, (size_t)e->namelen) == 0)
            return m;
    }
    char full[96];
    snprintf(full, sizeof full, "%.*s.%.*s", im->pathlen, im->path, e->namelen, e->name);
    for (size_t i = 0; i < sizeof unsupported_members / sizeof unsupported_members[0]; i++) {
        if (strcmp(unsupported_members[i], full) == 0) {
            types_errorf(c, e->op_line, e->op_col, "interleave does not support %s", full);
            return NULL;
        }
    }
    types_errorf(c, e->op_line, e->op_col, "undefined: %.*s.%.*s",
                 e->x->namelen, e->x->name, e->namelen, e->name);
    return NULL;
}

/* The library (sim/lang/types_lib.c) before the table: a type or a function. */
static bool lib_member(Checker *c, Expr *e, const Import *im, Type **type)
{
    Type *t = types_lib_type(c, im, e);
    if (t) { *type = t; return true; }
    int k = types_lib_member(im, e);
    if (k < 0) return false;
    *type = NULL;
    e->mode = MODE_BUILTIN;
    e->builtin = BI_LIB + k;
    return true;
}

const Import *types_package_of(Checker *c, const Expr *e)
{
    if (e->kind != EX_SELECTOR || e->x->kind != EX_IDENT) return NULL;
    Sym *s = scope_lookup(c, e->x->name, e->x->namelen);
    if (!s || s->kind != SYM_PKG) return NULL;
    c->file->imports[s->pkg].used = true;
    e->x->sym = s;
    e->x->mode = MODE_PKG;
    return &c->file->imports[s->pkg];
}

static Type *member_type(Checker *c, const Member *m)
{
    if (m->type == 4) {                   /* *os.File (sim/lang/types_io.c) */
        if (!c->t_file) c->t_file = types_ptr(c, types_io(c, IOT_FILE));
        return c->t_file;
    }
    if (m->type == 5) return c->t_stringer;
    return m->type == 1 ? c->t_mutex : m->type == 2 ? c->t_wg : c->t_duration;
}

Type *types_package_type(Checker *c, Expr *e, bool report)
{
    const Import *im = types_package_of(c, e);
    Type *lib = NULL;
    if (im && types_conc_member(c, e, im, true, &lib)) return lib;
    if (!im) {
        if (report && e->kind == EX_SELECTOR && e->x->kind == EX_IDENT &&
            !scope_lookup(c, e->x->name, e->x->namelen)) {
            types_errorf(c, e->x->line, e->x->col, "undefined: %.*s", e->x->namelen, e->x->name);
        } else if (report) {
            char x[96];
            ast_expr_string(e, x, sizeof x);
            types_errorf(c, e->line, e->col, "%s is not a type", x);
        }
        return c->t_invalid;
    }
    Type *bt = strbuf_type(c, im, e);   /* strings.Builder, bytes.Buffer: sim/lib/strbuf.c */
    if (bt) return bt;
    Type *iot = types_io_type(c, im, e);   /* os.File, net.Conn, io.Reader ...: types_io.c */
    if (iot) return iot;
    Type *lt;
    if (lib_member(c, e, im, &lt)) {     /* io.Writer, rand.Rand ... */
        if (lt) return lt;
        types_errorf(c, e->line, e->col, "%.*s.%.*s is not a type", im->pathlen, im->path, e->namelen, e->name);
        return c->t_invalid;
    }
    const Member *m = member(c, e, im);
    if (!m) return c->t_invalid;
    if (!m->type || m->constant) {
        types_errorf(c, e->line, e->col, "%.*s.%.*s is not a type", im->pathlen, im->path, e->namelen, e->name);
        return c->t_invalid;
    }
    return member_type(c, m);
}

void types_package_member(Checker *c, Expr *e, const Import *im)
{
    if (types_conc_member(c, e, im, false, NULL)) return;
    if (strings_member(c, e, im)) return;   /* package strings: sim/lib/strings_pkg.c */
    if (rand_member(c, e, im)) return;      /* package math/rand: sim/lib/rand_pkg.c */
    if (strbuf_member(c, e, im)) return;    /* bytes.NewBufferString: sim/lib/strbuf.c */
    if (types_io_member(c, e, im)) return;  /* os.ReadFile, net.Dial, io.EOF ...: types_io.c */
    Type *lt;
    if (lib_member(c, e, im, &lt)) {         /* io.Writer, rand.New, errors.Is ... */
        if (lt) { e->mode = MODE_TYPE; e->type = lt; }
        return;
    }
    const Member *m = member(c, e, im);
    if (!m) return;
    if (m->builtin) {
        e->mode = MODE_BUILTIN;
        e->builtin = m->builtin;
    } else if (m->constant) {
        e->mode = MODE_CONST;
        e->type = member_type(c, m);
        e->cv.kind = CV_INT;
        e->cv.i = m->value;
    } else {
        e->mode = MODE_TYPE;
        e->type = member_type(c, m);
    }
}
