/* types.c — Go types, constants and expression checking (see types.h).
 *
 * Types are few: int, bool, string, time.Duration (a named int), the untyped
 * constant kinds, sync.Mutex, sync.WaitGroup, structs, pointers and function
 * types.  Constants are folded here (int64, overflow checked), so
 * `2 * time.Second` reaches the code generator as one number.  Every error is
 * worded as Go 1.19's compiler words it; the expression texts in messages come
 * from types_expr_string, like go/types' ExprString.
 *
 * Size: types, their printing and expression checking are one idea (what
 * type does this expression have); past 600 lines it would split naturally
 * into types.c (types, printing, fmt/sync/time) and an expression checker.
 */
#include "types.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lex.h"
#include "parse.h"

void types_errorf(Checker *c, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    parse_vdiag(c->diags, line, col, fmt, ap);
    va_end(ap);
}

Type *types_new(Checker *c, TypeKind k, const char *name)
{
    Type *t = parse_alloc(c->arena, sizeof *t);
    t->kind = k;
    t->name = name;
    t->nslots = 1;
    t->state = 2;
    t->layout = -1;
    return t;
}

void types_init(Checker *c)
{
    c->t_invalid = types_new(c, TY_INVALID, "invalid type");
    c->t_int = types_new(c, TY_INT, "int");
    c->t_bool = types_new(c, TY_BOOL, "bool");
    c->t_string = types_new(c, TY_STRING, "string");
    c->t_duration = types_new(c, TY_INT, "time.Duration");
    c->t_uint = types_new(c, TY_UNTYPED_INT, "untyped int");
    c->t_ubool = types_new(c, TY_UNTYPED_BOOL, "untyped bool");
    c->t_ustring = types_new(c, TY_UNTYPED_STRING, "untyped string");
    c->t_unil = types_new(c, TY_UNTYPED_NIL, "untyped nil");
    c->t_mutex = types_new(c, TY_MUTEX, "sync.Mutex");
    c->t_wg = types_new(c, TY_WAITGROUP, "sync.WaitGroup");
}

Type *types_ptr(Checker *c, Type *elem)
{
    if (!elem->ptr) {
        elem->ptr = types_new(c, TY_PTR, NULL);
        elem->ptr->elem = elem;
    }
    return elem->ptr;
}

bool types_identical(const Type *a, const Type *b)
{
    if (a == b) return true;
    if (a->kind != b->kind || a->name || b->name) return false;
    switch (a->kind) {
    case TY_PTR:
        return types_identical(a->elem, b->elem);
    case TY_FUNC: case TY_TUPLE:
        if (a->nparams != b->nparams || a->nresults != b->nresults) return false;
        for (int i = 0; i < a->nparams; i++)
            if (!types_identical(a->params[i], b->params[i])) return false;
        for (int i = 0; i < a->nresults; i++)
            if (!types_identical(a->results[i], b->results[i])) return false;
        return true;
    case TY_STRUCT:
        if (a->nfields != b->nfields) return false;
        for (int i = 0; i < a->nfields; i++) {
            const TField *f = &a->fields[i], *g = &b->fields[i];
            if (f->namelen != g->namelen || memcmp(f->name, g->name, (size_t)f->namelen) != 0 ||
                !types_identical(f->type, g->type)) return false;
        }
        return true;
    default:
        return false;
    }
}

bool types_is_untyped(const Type *t)
{
    return t->kind >= TY_UNTYPED_INT && t->kind <= TY_UNTYPED_NIL;
}

bool types_is_integer(const Type *t)
{
    return t->kind == TY_INT || t->kind == TY_UNTYPED_INT;
}

static bool is_bool(const Type *t) { return t->kind == TY_BOOL || t->kind == TY_UNTYPED_BOOL; }
static bool is_string(const Type *t) { return t->kind == TY_STRING || t->kind == TY_UNTYPED_STRING; }

Type *types_default(Checker *c, Type *t)
{
    switch (t->kind) {
    case TY_UNTYPED_INT: return c->t_int;
    case TY_UNTYPED_BOOL: return c->t_bool;
    case TY_UNTYPED_STRING: return c->t_string;
    default: return t;
    }
}

/* ---- printing types and expressions -------------------------------------------- */

typedef struct Str { char *buf; size_t n, len; } Str;

static void put(Str *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Str *s, const char *fmt, ...)
{
    if (s->len + 1 >= s->n) return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(s->buf + s->len, s->n - s->len, fmt, ap);
    va_end(ap);
    if (k > 0) s->len += (size_t)k;
    if (s->len >= s->n) s->len = s->n - 1;
}

static void type_str(const Type *t, Str *s)
{
    if (t->name) { put(s, "%s", t->name); return; }
    switch (t->kind) {
    case TY_PTR:
        put(s, "*");
        type_str(t->elem, s);
        break;
    case TY_STRUCT:
        put(s, "struct{");
        for (int i = 0; i < t->nfields; i++) {
            put(s, "%s%.*s ", i ? "; " : "", t->fields[i].namelen, t->fields[i].name);
            type_str(t->fields[i].type, s);
        }
        put(s, "}");
        break;
    case TY_FUNC: case TY_TUPLE:
        if (t->kind == TY_FUNC) {
            put(s, "func(");
            for (int i = 0; i < t->nparams; i++) {
                if (i) put(s, ", ");
                type_str(t->params[i], s);
            }
            put(s, ")");
            if (t->nresults) put(s, " ");
        }
        if (t->nresults != 1 || t->kind == TY_TUPLE) put(s, "(");
        for (int i = 0; i < t->nresults; i++) {
            if (i) put(s, ", ");
            type_str(t->results[i], s);
        }
        if (t->nresults != 1 || t->kind == TY_TUPLE) put(s, ")");
        if (t->kind == TY_FUNC && t->nresults == 0) s->len -= 2, s->buf[s->len] = 0;
        break;
    default:
        put(s, "?");
    }
}

void types_string(const Type *t, char *buf, size_t n)
{
    Str s = {buf, n, 0};
    buf[0] = 0;
    type_str(t, &s);
}

static void expr_str(const Expr *e, Str *s)
{
    switch (e->kind) {
    case EX_IDENT: put(s, "%.*s", e->namelen, e->name); break;
    case EX_INT: case EX_STRING: put(s, "%.*s", e->litlen, e->lit); break;
    case EX_FUNCLIT: put(s, "func literal"); break;
    case EX_COMPOSITE:
        if (e->x) expr_str(e->x, s);
        put(s, "{…}");
        break;
    case EX_KEYVALUE: expr_str(e->x, s); put(s, ": "); expr_str(e->y, s); break;
    case EX_PAREN: put(s, "("); expr_str(e->x, s); put(s, ")"); break;
    case EX_SELECTOR: expr_str(e->x, s); put(s, ".%.*s", e->namelen, e->name); break;
    case EX_CALL:
        expr_str(e->x, s);
        put(s, "(");
        for (int i = 0; i < e->nargs; i++) {
            if (i) put(s, ", ");
            expr_str(e->args[i], s);
        }
        put(s, ")");
        break;
    case EX_STAR: put(s, "*"); expr_str(e->x, s); break;
    case EX_UNARY: put(s, "%s", lex_kind_text(e->op)); expr_str(e->x, s); break;
    case EX_BINARY:
        expr_str(e->x, s);
        put(s, " %s ", lex_kind_text(e->op));
        expr_str(e->y, s);
        break;
    case EX_STRUCTTYPE: put(s, "struct{…}"); break;
    case EX_FUNCTYPE: put(s, "func(…)"); break;
    default: put(s, "?"); break;
    }
}

void types_expr_string(const Expr *e, char *buf, size_t n)
{
    Str s = {buf, n, 0};
    buf[0] = 0;
    expr_str(e, &s);
}

static void const_str(const ConstVal *cv, Str *s)
{
    switch (cv->kind) {
    case CV_INT: put(s, "%lld", (long long)cv->i); break;
    case CV_BOOL: put(s, "%s", cv->i ? "true" : "false"); break;
    case CV_STRING:
        put(s, "\"");
        for (int i = 0; i < cv->slen; i++) {
            unsigned char ch = (unsigned char)cv->s[i];
            if (ch == '"' || ch == '\\') put(s, "\\%c", ch);
            else if (ch == '\n') put(s, "\\n");
            else if (ch == '\t') put(s, "\\t");
            else if (ch < 0x20) put(s, "\\x%02x", ch);
            else put(s, "%c", ch);
        }
        put(s, "\"");
        break;
    default: break;
    }
}

void types_operand_string(const Expr *e, char *buf, size_t n)
{
    char x[128], t[128], v[128];
    types_expr_string(e, x, sizeof x);
    Str s = {buf, n, 0};
    buf[0] = 0;
    if (e->mode == MODE_NIL) { put(&s, "nil"); return; }
    types_string(e->type, t, sizeof t);
    switch (e->mode) {
    case MODE_CONST: {
        Str vs = {v, sizeof v, 0};
        v[0] = 0;
        const_str(&e->cv, &vs);
        bool same = strcmp(v, x) == 0;
        if (types_is_untyped(e->type))
            put(&s, "%s (%s constant%s%s)", x, t, same ? "" : " ", same ? "" : v);
        else
            put(&s, "%s (constant %s%sof type %s)", x, same ? "" : v, same ? "" : " ", t);
        break;
    }
    case MODE_VAR: put(&s, "%s (variable of type %s)", x, t); break;
    case MODE_NOVALUE: put(&s, "%s (no value)", x); break;
    case MODE_TYPE: put(&s, "%s (type)", x); break;
    case MODE_BUILTIN: put(&s, "%s (built-in function)", x); break;
    default: put(&s, "%s (value of type %s)", x, t); break;
    }
}

/* ---- type expressions ------------------------------------------------------------ */

static Type *struct_type(Checker *c, Expr *e)
{
    Type *t = types_new(c, TY_STRUCT, NULL);
    t->fields = parse_alloc(c->arena, sizeof *t->fields * (size_t)(e->nfields ? e->nfields : 1));
    t->nslots = 0;
    for (int i = 0; i < e->nfields; i++) {
        Field *f = &e->fields[i];
        for (int j = 0; j < i; j++) {
            if (e->fields[j].namelen == f->namelen && memcmp(e->fields[j].name, f->name, (size_t)f->namelen) == 0)
                types_errorf(c, f->line, f->col, "%.*s redeclared", f->namelen, f->name);
        }
        Type *ft = types_resolve(c, f->type);
        if (ft->state == 1) {
            types_errorf(c, f->type->line, f->type->col, "invalid recursive type %s", ft->name);
            ft = c->t_invalid;
        }
        TField tf = {f->name, f->namelen, ft, t->nslots};
        t->fields[t->nfields++] = tf;
        t->nslots += ft->nslots;
    }
    return t;
}

static Type *package_type(Checker *c, Expr *e, bool report);

Type *types_signature(Checker *c, FuncNode *fn)
{
    Type *t = types_new(c, TY_FUNC, NULL);
    t->params = parse_alloc(c->arena, sizeof *t->params * (size_t)(fn->nparams + 1));
    t->results = parse_alloc(c->arena, sizeof *t->results * (size_t)(fn->nresults + 1));
    for (int i = 0; i < fn->nparams + fn->nresults; i++) {
        Field *f = i < fn->nparams ? &fn->params[i] : &fn->results[i - fn->nparams];
        Type *ft = types_resolve(c, f->type);
        if (ft->kind == TY_STRUCT || ft->kind == TY_MUTEX || ft->kind == TY_WAITGROUP) {
            char ts[64];
            types_string(ft, ts, sizeof ts);
            types_errorf(c, f->type->line, f->type->col,
                         "interleave does not support passing %s by value (use *%s)", ts, ts);
            ft = c->t_invalid;
        }
        if (i < fn->nparams) t->params[t->nparams++] = ft;
        else t->results[t->nresults++] = ft;
    }
    return t;
}

Type *types_resolve(Checker *c, Expr *e)
{
    Type *t = c->t_invalid;
    switch (e->kind) {
    case EX_IDENT: {
        Sym *s = scope_lookup(c, e->name, e->namelen);
        if (!s) {
            types_errorf(c, e->line, e->col, "undefined: %.*s", e->namelen, e->name);
        } else if (s->kind == SYM_BUILTIN && s->builtin == BI_UNSUPPORTED) {
            types_errorf(c, e->line, e->col, "interleave does not support %.*s", e->namelen, e->name);
        } else if (s->kind != SYM_TYPE) {
            types_errorf(c, e->line, e->col, "%.*s is not a type", e->namelen, e->name);
        } else {
            s->used = true;
            scope_resolve(c, s);
            t = s->type;
        }
        break;
    }
    case EX_SELECTOR:
        t = package_type(c, e, true);
        break;
    case EX_STAR:
        t = types_resolve(c, e->x);
        if (t != c->t_invalid) t = types_ptr(c, t);
        break;
    case EX_PAREN:
        t = types_resolve(c, e->x);
        break;
    case EX_STRUCTTYPE:
        t = struct_type(c, e);
        break;
    case EX_FUNCTYPE:
        t = types_signature(c, e->fn);
        break;
    default: {
        char x[96];
        types_expr_string(e, x, sizeof x);
        types_errorf(c, e->line, e->col, "%s is not a type", x);
    }
    }
    e->mode = t == c->t_invalid ? MODE_INVALID : MODE_TYPE;
    e->type = t;
    return t;
}

/* ---- package members: fmt, sync, time -------------------------------------------- */

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
    "fmt.Print", "fmt.Sprintf", "fmt.Sprint", "fmt.Sprintln", "fmt.Errorf", "fmt.Fprintf",
    "fmt.Fprintln", "fmt.Fprint", "fmt.Scan", "fmt.Scanln", "fmt.Scanf", "fmt.Sscanf",
    "fmt.Sscan", "fmt.Stringer", "sync.RWMutex", "sync.Once", "sync.Cond", "sync.Map",
    "sync.Pool", "sync.Locker", "sync.NewCond", "sync.OnceFunc", "time.Now", "time.Since",
    "time.After", "time.Tick", "time.NewTimer", "time.NewTicker", "time.Timer",
    "time.Ticker", "time.Time", "time.Until", "time.AfterFunc", "time.ParseDuration",
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

/* e is pkg.Name: the package's Import, or NULL if e->x is not a package. */
static const Import *package_of(Checker *c, const Expr *e)
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
    return m->type == 1 ? c->t_mutex : m->type == 2 ? c->t_wg : c->t_duration;
}

static Type *package_type(Checker *c, Expr *e, bool report)
{
    const Import *im = package_of(c, e);
    if (!im) {
        if (report && e->kind == EX_SELECTOR && e->x->kind == EX_IDENT &&
            !scope_lookup(c, e->x->name, e->x->namelen)) {
            types_errorf(c, e->x->line, e->x->col, "undefined: %.*s", e->x->namelen, e->x->name);
        } else if (report) {
            char x[96];
            types_expr_string(e, x, sizeof x);
            types_errorf(c, e->line, e->col, "%s is not a type", x);
        }
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

static void package_member(Checker *c, Expr *e, const Import *im)
{
    const Member *m = member(c, e, im);
    if (!m) return;
    if (m->builtin) {
        e->mode = MODE_BUILTIN;
        e->builtin = m->builtin;
    } else if (m->constant) {
        e->mode = MODE_CONST;
        e->type = c->t_duration;
        e->cv.kind = CV_INT;
        e->cv.i = m->value;
    } else {
        e->mode = MODE_TYPE;
        e->type = member_type(c, m);
    }
}

/* ---- constants ------------------------------------------------------------------- */

static void set_const(Expr *e, Type *t, ConstKind k, int64_t i)
{
    e->mode = MODE_CONST;
    e->type = t;
    e->cv.kind = k;
    e->cv.i = i;
}

/* Fold x op y for two constants; false (reported) on overflow or x/0. */
static bool fold(Checker *c, Expr *e, const ConstVal *x, const ConstVal *y, ConstVal *out)
{
    int64_t a = x->i, b = y->i, r = 0;
    bool ovf = false;
    out->kind = x->kind;
    if (x->kind == CV_STRING) {
        int cmp = memcmp(x->s, y->s, (size_t)(x->slen < y->slen ? x->slen : y->slen));
        if (cmp == 0) cmp = (x->slen > y->slen) - (x->slen < y->slen);
        out->kind = CV_BOOL;
        switch (e->op) {
        case TK_PLUS: {
            char *s = parse_alloc(c->arena, (size_t)(x->slen + y->slen + 1));
            memcpy(s, x->s, (size_t)x->slen);
            memcpy(s + x->slen, y->s, (size_t)y->slen);
            out->kind = CV_STRING;
            out->s = s;
            out->slen = x->slen + y->slen;
            return true;
        }
        case TK_EQ: out->i = cmp == 0; return true;
        case TK_NE: out->i = cmp != 0; return true;
        case TK_LT: out->i = cmp < 0; return true;
        case TK_LE: out->i = cmp <= 0; return true;
        case TK_GT: out->i = cmp > 0; return true;
        default: out->i = cmp >= 0; return true;
        }
    }
    switch (types_base_op(e->op)) {
    case TK_PLUS: ovf = __builtin_add_overflow(a, b, &r); break;
    case TK_MINUS: ovf = __builtin_sub_overflow(a, b, &r); break;
    case TK_STAR: ovf = __builtin_mul_overflow(a, b, &r); break;
    case TK_SLASH: case TK_PERCENT:
        if (b == 0) {
            types_errorf(c, e->y->line, e->y->col, "invalid operation: division by zero");
            return false;
        }
        if (a == INT64_MIN && b == -1) ovf = e->op == TK_SLASH;
        else r = e->op == TK_SLASH ? a / b : a % b;
        break;
    case TK_AMP: r = a & b; break;
    case TK_PIPE: r = a | b; break;
    case TK_CARET: r = a ^ b; break;
    case TK_ANDNOT: r = a & ~b; break;
    case TK_SHL: case TK_SHR:
        if (b < 0) {
            types_errorf(c, e->y->line, e->y->col, "invalid shift count %lld", (long long)b);
            return false;
        }
        if (e->op == TK_SHR) r = b > 63 ? (a < 0 ? -1 : 0) : a >> b;
        else if (a != 0 && (b > 62 || (a > 0 ? a > (INT64_MAX >> b) : a < (INT64_MIN >> b)))) ovf = true;
        else r = (int64_t)((uint64_t)a << b);
        break;
    case TK_ANDAND: r = a && b; out->kind = CV_BOOL; break;
    case TK_OROR: r = a || b; out->kind = CV_BOOL; break;
    case TK_EQ: r = a == b; out->kind = CV_BOOL; break;
    case TK_NE: r = a != b; out->kind = CV_BOOL; break;
    case TK_LT: r = a < b; out->kind = CV_BOOL; break;
    case TK_LE: r = a <= b; out->kind = CV_BOOL; break;
    case TK_GT: r = a > b; out->kind = CV_BOOL; break;
    case TK_GE: r = a >= b; out->kind = CV_BOOL; break;
    default: break;
    }
    if (ovf) {
        char es[96];
        types_expr_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "constant %s overflows int", es);
        return false;
    }
    out->i = r;
    return true;
}

/* ---- expressions ------------------------------------------------------------------ */

static void invalid(Checker *c, Expr *e)
{
    e->mode = MODE_INVALID;
    e->type = c->t_invalid;
}

static void ident(Checker *c, Expr *e, bool read)
{
    if (e->namelen == 1 && e->name[0] == '_') {
        types_errorf(c, e->line, e->col, "cannot use _ as value");
        return;
    }
    Sym *s = scope_lookup(c, e->name, e->namelen);
    if (!s) {
        types_errorf(c, e->line, e->col, "undefined: %.*s", e->namelen, e->name);
        return;
    }
    e->sym = s;
    scope_resolve(c, s);
    e->type = s->type ? s->type : c->t_invalid;
    switch (s->kind) {
    case SYM_VAR:
        scope_use(c, s, read);
        e->mode = e->type == c->t_invalid ? MODE_INVALID : MODE_VAR;
        break;
    case SYM_CONST:
        s->used = true;
        if (s->is_iota) {
            if (!c->in_const) {
                types_errorf(c, e->line, e->col, "cannot use iota outside constant declaration");
                return;
            }
            set_const(e, c->t_uint, CV_INT, c->iota);
        } else if (s->cv.kind != CV_NONE) {
            e->mode = MODE_CONST;
            e->cv = s->cv;
        }
        break;
    case SYM_TYPE: e->mode = MODE_TYPE; break;
    case SYM_FUNC: s->used = true; e->mode = MODE_VALUE; break;
    case SYM_PKG:
        c->file->imports[s->pkg].used = true;
        types_errorf(c, e->line, e->col, "use of package %.*s not in selector", e->namelen, e->name);
        break;
    case SYM_BUILTIN: e->mode = MODE_BUILTIN; e->builtin = s->builtin; break;
    case SYM_NIL: e->mode = MODE_NIL; e->type = c->t_unil; break;
    }
}

static void selector(Checker *c, Expr *e)
{
    const Import *im = package_of(c, e);
    if (im) { package_member(c, e, im); return; }
    Expr *x = e->x;
    types_expr(c, x);
    if (x->mode == MODE_INVALID) return;
    if (x->mode == MODE_TYPE) {
        types_errorf(c, e->line, e->col, "interleave does not support method expressions");
        return;
    }
    if (x->mode != MODE_VAR && x->mode != MODE_VALUE) {
        char xs[128];
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, e->op_line, e->op_col, "invalid operation: %s has no fields or methods", xs);
        return;
    }
    Type *t = x->type;
    e->through_ptr = t->kind == TY_PTR;
    if (e->through_ptr) t = t->elem;
    if (t->kind == TY_STRUCT) {
        for (int i = 0; i < t->nfields; i++) {
            TField *f = &t->fields[i];
            if (f->namelen == e->namelen && memcmp(f->name, e->name, (size_t)f->namelen) == 0) {
                e->mode = e->through_ptr || x->mode == MODE_VAR ? MODE_VAR : MODE_VALUE;
                e->type = f->type;
                e->field_off = f->off;
                return;
            }
        }
    }
    static const struct { TypeKind k; const char *name; int bi; } methods[] = {
        {TY_MUTEX, "Lock", BI_LOCK}, {TY_MUTEX, "Unlock", BI_UNLOCK},
        {TY_MUTEX, "TryLock", BI_UNSUPPORTED}, {TY_WAITGROUP, "Add", BI_WGADD},
        {TY_WAITGROUP, "Done", BI_WGDONE}, {TY_WAITGROUP, "Wait", BI_WGWAIT},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        if (methods[i].k == t->kind && (int)strlen(methods[i].name) == e->namelen &&
            memcmp(methods[i].name, e->name, (size_t)e->namelen) == 0) {
            if (methods[i].bi == BI_UNSUPPORTED) {
                types_errorf(c, e->op_line, e->op_col, "interleave does not support %s.%.*s",
                             t->name, e->namelen, e->name);
                return;
            }
            if (!e->through_ptr && x->mode != MODE_VAR) {
                char xs[128];
                types_expr_string(x, xs, sizeof xs);
                types_errorf(c, e->line, e->col, "cannot call pointer method %.*s on %s",
                             e->namelen, e->name, t->name);
                return;
            }
            e->mode = MODE_BUILTIN;
            e->builtin = methods[i].bi;
            return;
        }
    }
    char es[128], ts[96];
    types_expr_string(e, es, sizeof es);
    types_string(x->type, ts, sizeof ts);
    types_errorf(c, e->op_line, e->op_col, "%s undefined (type %s has no field or method %.*s)",
                 es, ts, e->namelen, e->name);
}

/* Check call arguments against parameter types (a single multi-value call
 * may supply them all, as in f(g())). */
static void arguments(Checker *c, Expr *e, Type **params, int nparams, const char *callee)
{
    char ctx[160];
    snprintf(ctx, sizeof ctx, "argument to %s", callee);
    if (e->nargs == 1 && e->args[0]->kind == EX_CALL) {
        Expr *a = e->args[0];
        types_expr(c, a);
        if (a->mode == MODE_VALUE && a->type->kind == TY_TUPLE) {
            Type *tup = a->type;
            if (tup->nresults != nparams) {
                types_errorf(c, a->line, a->col, "%s arguments in call to %s",
                             tup->nresults < nparams ? "not enough" : "too many", callee);
                return;
            }
            for (int i = 0; i < nparams; i++) {
                if (!types_identical(tup->results[i], params[i])) {
                    char ts[64], ps[64];
                    types_string(tup->results[i], ts, sizeof ts);
                    types_string(params[i], ps, sizeof ps);
                    types_errorf(c, a->line, a->col, "cannot use %s value as type %s in %s", ts, ps, ctx);
                }
            }
            return;
        }
    }
    for (int i = 0; i < e->nargs; i++) types_value(c, e->args[i]);
    if (e->nargs < nparams) {
        const Expr *at = e->nargs ? e->args[e->nargs - 1] : e;
        int line = at->line, col = at->col;
        types_errorf(c, line, col, "not enough arguments in call to %s", callee);
        return;
    }
    if (e->nargs > nparams) {
        types_errorf(c, e->args[nparams]->line, e->args[nparams]->col, "too many arguments in call to %s", callee);
        return;
    }
    for (int i = 0; i < nparams; i++) types_assign(c, e->args[i], params[i], ctx);
}

/* fmt.Println / fmt.Printf arguments: any single value the VM can print. */
static void print_args(Checker *c, Expr *e, int from)
{
    for (int i = from; i < e->nargs; i++) {
        Expr *a = e->args[i];
        types_value(c, a);
        if (a->mode == MODE_INVALID) continue;
        if (a->mode == MODE_NIL) {
            types_errorf(c, a->line, a->col, "interleave does not support printing nil");
        } else if (a->type->kind == TY_STRUCT || a->type->kind == TY_MUTEX || a->type->kind == TY_WAITGROUP) {
            char ts[64];
            types_string(a->type, ts, sizeof ts);
            types_errorf(c, a->line, a->col, "interleave does not support printing %s values (print a field)", ts);
        } else if (types_is_untyped(a->type)) {
            a->type = types_default(c, a->type);
        }
    }
}

static void builtin_call(Checker *c, Expr *e, int bi)
{
    char callee[128];
    types_expr_string(e->x, callee, sizeof callee);
    e->mode = MODE_NOVALUE;
    Type *params[1];
    switch (bi) {
    case BI_PRINTLN:
        print_args(c, e, 0);
        break;
    case BI_PRINTF:
        if (e->nargs == 0) {
            types_errorf(c, e->rparen_line, e->rparen_col, "not enough arguments in call to %s", callee);
            break;
        }
        types_value(c, e->args[0]);
        types_assign(c, e->args[0], c->t_string, "argument to fmt.Printf");
        print_args(c, e, 1);
        break;
    case BI_SLEEP:
        params[0] = c->t_duration;
        arguments(c, e, params, 1, callee);
        break;
    case BI_WGADD:
        params[0] = c->t_int;
        arguments(c, e, params, 1, callee);
        break;
    case BI_LOCK: case BI_UNLOCK: case BI_WGDONE: case BI_WGWAIT:
        arguments(c, e, params, 0, callee);
        break;
    case BI_NEW: {
        if (e->nargs != 1) {
            types_errorf(c, e->line, e->col, "%s arguments for %s (expected 1, found %d)",
                         e->nargs ? "too many" : "not enough", callee, e->nargs);
            invalid(c, e);
            break;
        }
        Type *t = types_resolve(c, e->args[0]);
        if (t == c->t_invalid) { invalid(c, e); break; }
        e->mode = MODE_VALUE;
        e->type = types_ptr(c, t);
        break;
    }
    default:
        types_errorf(c, e->line, e->col, "interleave does not support %s", callee);
        for (int i = 0; i < e->nargs; i++) types_expr(c, e->args[i]);   /* uses its arguments */
        invalid(c, e);
        break;
    }
}

static void conversion(Checker *c, Expr *e, Type *t)
{
    char ts[64];
    types_string(t, ts, sizeof ts);
    if (e->nargs != 1) {
        types_errorf(c, e->line, e->col, "%s arguments in conversion to %s",
                     e->nargs ? "too many" : "missing", ts);
        return;
    }
    Expr *a = e->args[0];
    types_value(c, a);
    if (a->mode == MODE_INVALID) return;
    bool ok = types_identical(a->type, t) ||
              (types_is_integer(a->type) && t->kind == TY_INT) ||
              (is_string(a->type) && t->kind == TY_STRING) ||
              (is_bool(a->type) && t->kind == TY_BOOL) ||
              (a->mode == MODE_NIL && (t->kind == TY_PTR || t->kind == TY_FUNC));
    if (!ok) {
        char as[128];
        types_operand_string(a, as, sizeof as);
        types_errorf(c, a->line, a->col, "cannot convert %s to type %s", as, ts);
        return;
    }
    e->mode = a->mode == MODE_CONST ? MODE_CONST : MODE_VALUE;
    e->cv = a->cv;
    e->type = t;
}

static void call(Checker *c, Expr *e)
{
    Expr *f = e->x;
    types_expr(c, f);
    switch (f->mode) {
    case MODE_TYPE:
        conversion(c, e, f->type);
        return;
    case MODE_BUILTIN:
        builtin_call(c, e, f->builtin);
        return;
    case MODE_VALUE: case MODE_VAR:
        if (f->type->kind == TY_FUNC) break;
        /* fall through */
    case MODE_NIL: case MODE_CONST: case MODE_NOVALUE: {
        char fs[128];
        types_operand_string(f, fs, sizeof fs);
        types_errorf(c, e->line, e->col, "invalid operation: cannot call non-function %s", fs);
    }
        /* fall through */
    default:
        for (int i = 0; i < e->nargs; i++) types_expr(c, e->args[i]);
        return;
    }
    Type *sig = f->type;
    char callee[128];
    types_expr_string(f, callee, sizeof callee);
    arguments(c, e, sig->params, sig->nparams, callee);
    if (sig->nresults == 0) {
        e->mode = MODE_NOVALUE;
    } else if (sig->nresults == 1) {
        e->mode = MODE_VALUE;
        e->type = sig->results[0];
    } else {
        e->mode = MODE_VALUE;
        e->type = types_new(c, TY_TUPLE, NULL);
        e->type->results = sig->results;
        e->type->nresults = sig->nresults;
    }
}

static void composite(Checker *c, Expr *e)
{
    if (!e->x) {
        types_errorf(c, e->line, e->col, "interleave does not support composite literals without a type");
        return;
    }
    Type *t = types_resolve(c, e->x);
    if (t == c->t_invalid) return;
    if (t->kind != TY_STRUCT) {
        char ts[64];
        types_string(t, ts, sizeof ts);
        types_errorf(c, e->line, e->col, "interleave does not support composite literals of type %s", ts);
        return;
    }
    bool keyed = e->nargs > 0 && e->args[0]->kind == EX_KEYVALUE;
    for (int i = 0; i < e->nargs; i++) {
        Expr *el = e->args[i];
        if ((el->kind == EX_KEYVALUE) != keyed) {
            types_errorf(c, el->line, el->col, "mixture of field:value and value elements in struct literal");
            return;
        }
        TField *f = NULL;
        Expr *v = el;
        if (keyed) {
            v = el->y;
            if (el->x->kind == EX_IDENT) {
                for (int j = 0; j < t->nfields && !f; j++)
                    if (t->fields[j].namelen == el->x->namelen &&
                        memcmp(t->fields[j].name, el->x->name, (size_t)el->x->namelen) == 0) f = &t->fields[j];
            }
            if (!f) {
                char ks[64];
                types_expr_string(el->x, ks, sizeof ks);
                types_errorf(c, el->x->line, el->x->col, "unknown field %s in struct literal", ks);
                continue;
            }
            for (int j = 0; j < i; j++)
                if (e->args[j]->field_off == f->off && e->args[j]->type == f->type && e->args[j]->mode == MODE_VALUE)
                    types_errorf(c, el->line, el->col, "duplicate field name %.*s in struct literal", f->namelen, f->name);
            el->mode = MODE_VALUE;
        } else if (i < t->nfields) {
            f = &t->fields[i];
        } else {
            types_errorf(c, el->line, el->col, "too many values in struct literal");
            return;
        }
        el->field_off = f->off;
        el->type = f->type;
        if (f->type->kind == TY_STRUCT || f->type->kind == TY_MUTEX || f->type->kind == TY_WAITGROUP) {
            types_errorf(c, el->line, el->col,
                         "interleave does not support struct values in composite literals (leave the field zero)");
            continue;
        }
        types_value(c, v);
        types_assign(c, v, f->type, "struct literal");
    }
    if (!keyed && e->nargs > 0 && e->nargs < t->nfields) {
        types_errorf(c, e->line, e->col, "too few values in struct literal");
        return;
    }
    e->mode = MODE_VALUE;
    e->type = t;
}

static void star(Checker *c, Expr *e)
{
    types_expr(c, e->x);
    Expr *x = e->x;
    if (x->mode == MODE_INVALID) return;
    if (x->mode == MODE_TYPE) {
        e->mode = MODE_TYPE;
        e->type = types_ptr(c, x->type);
    } else if (x->mode == MODE_NIL) {
        types_errorf(c, e->line, e->col, "invalid operation: cannot indirect nil");
    } else if ((x->mode == MODE_VALUE || x->mode == MODE_VAR) && x->type->kind == TY_PTR) {
        e->mode = MODE_VAR;
        e->type = x->type->elem;
    } else {
        char xs[128];
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, e->line, e->col, "invalid operation: cannot indirect %s", xs);
    }
}

static void unary(Checker *c, Expr *e)
{
    Expr *x = e->x;
    char xs[128];
    if (e->op == TK_AMP) {
        Expr *inner = x;
        while (inner->kind == EX_PAREN) inner = inner->x;
        types_expr(c, x);
        if (x->mode == MODE_INVALID) return;
        if (inner->kind != EX_COMPOSITE && x->mode != MODE_VAR) {
            types_operand_string(x, xs, sizeof xs);
            types_errorf(c, x->line, x->col, "invalid operation: cannot take address of %s", xs);
            return;
        }
        if (inner->kind == EX_IDENT && inner->sym) inner->sym->addr_taken = true;
        e->mode = MODE_VALUE;
        e->type = types_ptr(c, x->type);
        return;
    }
    types_value(c, x);
    if (x->mode == MODE_INVALID) return;
    bool ok = e->op == TK_NOT ? is_bool(x->type) : types_is_integer(x->type);
    if (!ok) {
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, x->line, x->col, "invalid operation: operator %s not defined on %s",
                     lex_kind_text(e->op), xs);
        return;
    }
    e->type = x->type;
    if (x->mode == MODE_CONST) {
        int64_t v = x->cv.i;
        if (e->op == TK_MINUS && v == INT64_MIN) {
            types_errorf(c, e->line, e->col, "constant overflow");
            return;
        }
        set_const(e, x->type, x->cv.kind,
                  e->op == TK_MINUS ? -v : e->op == TK_NOT ? !v : e->op == TK_CARET ? ~v : v);
        return;
    }
    if (e->op == TK_CARET) {
        types_errorf(c, e->line, e->col, "interleave does not support operator ^");
        return;
    }
    e->mode = MODE_VALUE;
}

/* Give an untyped operand the type of the other side, as Go's matchTypes. */
static bool convert_untyped(Checker *c, Expr *x, Type *target)
{
    (void)c;
    if (!types_is_untyped(x->type) || types_is_untyped(target)) return true;
    bool ok;
    switch (x->type->kind) {
    case TY_UNTYPED_INT: ok = target->kind == TY_INT; break;
    case TY_UNTYPED_BOOL: ok = target->kind == TY_BOOL; break;
    case TY_UNTYPED_STRING: ok = target->kind == TY_STRING; break;
    default: ok = target->kind == TY_PTR || target->kind == TY_FUNC; break;
    }
    if (ok) x->type = target;
    return ok;
}

int types_base_op(int op)
{
    switch (op) {
    case TK_PLUS_ASSIGN: return TK_PLUS;
    case TK_MINUS_ASSIGN: return TK_MINUS;
    case TK_STAR_ASSIGN: return TK_STAR;
    case TK_SLASH_ASSIGN: return TK_SLASH;
    case TK_PERCENT_ASSIGN: return TK_PERCENT;
    case TK_AMP_ASSIGN: return TK_AMP;
    case TK_PIPE_ASSIGN: return TK_PIPE;
    case TK_CARET_ASSIGN: return TK_CARET;
    case TK_SHL_ASSIGN: return TK_SHL;
    case TK_SHR_ASSIGN: return TK_SHR;
    case TK_ANDNOT_ASSIGN: return TK_ANDNOT;
    default: return op;
    }
}

static void binary(Checker *c, Expr *e)
{
    types_value(c, e->x);
    types_value(c, e->y);
    types_binary(c, e);
}

void types_binary(Checker *c, Expr *e)
{
    Expr *x = e->x, *y = e->y;
    int op = types_base_op(e->op);
    char es[160], ts[64], us[64];
    invalid(c, e);
    if (x->mode == MODE_INVALID || y->mode == MODE_INVALID) return;
    types_expr_string(e, es, sizeof es);
    Type *xt = x->type, *yt = y->type;
    bool match = convert_untyped(c, x, yt) && convert_untyped(c, y, x->type);
    if (match && types_is_untyped(x->type) && types_is_untyped(y->type))
        match = x->type == y->type;
    if (!match || !types_identical(x->type, y->type)) {
        types_string(xt, ts, sizeof ts);
        types_string(yt, us, sizeof us);
        types_errorf(c, e->line, e->col, "invalid operation: %s (mismatched types %s and %s)", es, ts, us);
        return;
    }
    Type *t = x->type;
    bool cmp = op == TK_EQ || op == TK_NE || op == TK_LT || op == TK_LE || op == TK_GT || op == TK_GE;
    bool ok;
    if (op == TK_ANDAND || op == TK_OROR) ok = is_bool(t);
    else if (op == TK_EQ || op == TK_NE)
        ok = t->kind != TY_STRUCT && t->kind != TY_MUTEX && t->kind != TY_WAITGROUP &&
             (t->kind != TY_FUNC || x->mode == MODE_NIL || y->mode == MODE_NIL) && t->kind != TY_UNTYPED_NIL;
    else if (cmp) ok = types_is_integer(t) || is_string(t);
    else if (op == TK_PLUS) ok = types_is_integer(t) || is_string(t);
    else ok = types_is_integer(t);
    if (!ok) {
        types_string(t, ts, sizeof ts);
        if (cmp || op == TK_ANDAND || op == TK_OROR) {
            types_errorf(c, e->line, e->col, "invalid operation: %s (operator %s not defined on %s)",
                         es, lex_kind_text(op), ts);
        } else {
            char xs[128];
            types_operand_string(x, xs, sizeof xs);
            types_errorf(c, e->line, e->col, "invalid operation: operator %s not defined on %s",
                         lex_kind_text(op), xs);
        }
        return;
    }
    if ((op == TK_SLASH || op == TK_PERCENT) && y->mode == MODE_CONST && y->cv.i == 0) {
        types_errorf(c, y->line, y->col, "invalid operation: division by zero");
        return;
    }
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
        ConstVal r;
        if (!fold(c, e, &x->cv, &y->cv, &r)) return;
        Type *rt = r.kind == CV_BOOL && cmp ? c->t_ubool : t;
        e->mode = MODE_CONST;
        e->type = rt;
        e->cv = r;
        return;
    }
    if (op == TK_AMP || op == TK_PIPE || op == TK_CARET || op == TK_ANDNOT || op == TK_SHL || op == TK_SHR) {
        types_errorf(c, e->op_line, e->op_col, "interleave does not support operator %s", lex_kind_text(op));
        return;
    }
    e->mode = MODE_VALUE;
    e->type = cmp ? c->t_bool : types_default(c, t);
    if (cmp) {
        x->type = types_default(c, x->type);
        y->type = types_default(c, y->type);
    }
}

void types_expr(Checker *c, Expr *e)
{
    invalid(c, e);
    switch (e->kind) {
    case EX_IDENT: ident(c, e, true); break;
    case EX_INT:
        if (e->overflow) {
            types_errorf(c, e->line, e->col, "constant %.*s overflows int", e->litlen, e->lit);
            break;
        }
        set_const(e, c->t_uint, CV_INT, e->ival);
        break;
    case EX_STRING:
        set_const(e, c->t_ustring, CV_STRING, 0);
        e->cv.s = e->sval;
        e->cv.slen = e->slen;
        break;
    case EX_FUNCLIT:
        e->type = types_signature(c, e->fn);
        e->mode = MODE_VALUE;
        scope_func_lit(c, e);
        break;
    case EX_COMPOSITE: composite(c, e); break;
    case EX_KEYVALUE:
        types_errorf(c, e->line, e->col, "unexpected key: value outside a composite literal");
        break;
    case EX_PAREN:
        types_expr(c, e->x);
        e->mode = e->x->mode;
        e->type = e->x->type;
        e->cv = e->x->cv;
        e->builtin = e->x->builtin;
        break;
    case EX_SELECTOR: selector(c, e); break;
    case EX_CALL: call(c, e); break;
    case EX_STAR: star(c, e); break;
    case EX_UNARY: unary(c, e); break;
    case EX_BINARY: binary(c, e); break;
    case EX_STRUCTTYPE: case EX_FUNCTYPE: types_resolve(c, e); break;
    default: break;
    }
}

void types_value(Checker *c, Expr *e)
{
    types_expr(c, e);
    char es[160];
    switch (e->mode) {
    case MODE_NOVALUE:
        types_expr_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "%s (no value) used as value", es);
        break;
    case MODE_TYPE:
        types_expr_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "%s (type) is not an expression", es);
        break;
    case MODE_BUILTIN:
        types_expr_string(e, es, sizeof es);
        if (e->kind == EX_SELECTOR)
            types_errorf(c, e->line, e->col, "interleave does not support %s as a value (call it: %s(...))", es, es);
        else
            types_errorf(c, e->line, e->col, "%s (built-in function) must be called", es);
        break;
    case MODE_VALUE:
        if (e->type->kind == TY_TUPLE) {
            char ts[96];
            types_expr_string(e, es, sizeof es);
            types_string(e->type, ts, sizeof ts);
            types_errorf(c, e->line, e->col, "multiple-value %s (value of type %s) in single-value context", es, ts);
            break;
        }
        return;
    default:
        return;
    }
    invalid(c, e);
}

void types_lhs(Checker *c, Expr *e)
{
    Expr *inner = e;
    while (inner->kind == EX_PAREN) inner = inner->x;
    if (inner->kind == EX_IDENT) {
        invalid(c, inner);
        ident(c, inner, false);
        if (inner != e) { e->mode = inner->mode; e->type = inner->type; }
    } else {
        types_expr(c, e);
    }
}

bool types_assign(Checker *c, Expr *e, Type *target, const char *context)
{
    if (e->mode == MODE_INVALID || target->kind == TY_INVALID) return false;
    char es[160], ts[96];
    types_string(target, ts, sizeof ts);
    if (e->mode == MODE_NIL) {
        if (target->kind == TY_PTR || target->kind == TY_FUNC) { e->type = target; return true; }
        types_errorf(c, e->line, e->col, "cannot use nil as %s value in %s", ts, context);
        return false;
    }
    if (types_is_untyped(e->type)) {
        Type *from = e->type;
        if (convert_untyped(c, e, target)) return true;
        e->type = from;
        types_operand_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "cannot use %s as %s value in %s", es, ts, context);
        return false;
    }
    if (types_identical(e->type, target)) return true;
    types_operand_string(e, es, sizeof es);
    types_errorf(c, e->line, e->col, "cannot use %s as type %s in %s", es, ts, context);
    return false;
}
