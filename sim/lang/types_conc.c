/* types_conc.c — checking the concurrency part of the language and its
 * library: channel types and operations (make, <-, send, close, len, cap,
 * range, select), sync.RWMutex / Once / Cond, sync/atomic, package runtime
 * and package time beyond Sleep (Now, Since, After, Tick, timers, tickers,
 * Duration and Time methods).  Errors are worded as Go 1.19's.
 *
 * Channel types carry a direction: `chan T` can be used where `chan<- T` or
 * `<-chan T` is wanted (assignment, conversion), never the other way; a
 * receive-only channel cannot be sent on or closed, a send-only one not
 * received from or ranged over.
 *
 * The library types: sync.RWMutex and sync.Once are sync objects kept in one
 * slot like a sync.Mutex (kind TY_MUTEX, Type.sync_kind tells which), so
 * they are never copied and always live in memory.  sync.Cond, time.Timer
 * and time.Ticker are structs with their Go-visible field (L, C) and a
 * hidden one (the notify list; the timer's id) that no program can name.
 * runtime.MemStats is a struct of the fields in sim/lib_data.h, which
 * runtime.ReadMemStats fills from the collector's figures.
 * time.Time is a named int: the virtual clock's Unix nanoseconds (see
 * sim/machine/runtime.c).  Duration.Seconds and friends return float64, which the
 * subset does not have yet; they are reported as unsupported.
 */
#include "check.h"

#include <stdio.h>
#include <string.h>
#include "lex.h"
#include "lib_data.h"
#include "parse.h"

/* ---- types ---------------------------------------------------------------------------- */

static Type *lib_struct(Checker *c, const char *name, const char *f0, Type *t0, const char *f1, Type *t1)
{
    Type *t = types_new(c, TY_STRUCT, name);
    t->fields = parse_alloc(c->arena, 2 * sizeof *t->fields);
    TField a = {f0, (int)strlen(f0), t0, 0, false}, b = {f1, (int)strlen(f1), t1, 1, false};
    t->fields[0] = a;
    t->fields[1] = b;
    t->nfields = 2;
    t->nslots = 2;
    return t;
}

/* runtime.MemStats, from the table of its fields (made on first use: the
 * numeric types come after types_conc_init). */
static Type *memstats_struct(Checker *c)
{
    if (c->t_memstats) return c->t_memstats;
    Type *t = types_new(c, TY_STRUCT, "runtime.MemStats");
    t->fields = parse_alloc(c->arena, MS__COUNT * sizeof *t->fields);
    for (int i = 0; i < MS__COUNT; i++) {
        char k = memstats_fields[i].sig[0];
        Type *ft = k == 'u' ? c->t_num[NK_UINT64] : k == '3' ? c->t_num[NK_UINT32]
                 : k == 'f' ? c->t_num[NK_FLOAT64] : c->t_bool;
        TField f = {memstats_fields[i].name, (int)strlen(memstats_fields[i].name), ft, i, false};
        t->fields[i] = f;
    }
    t->nfields = t->nslots = MS__COUNT;
    return c->t_memstats = t;
}

void types_conc_init(Checker *c)
{
    c->t_mutex->sync_kind = SYNC_MUTEX;
    c->t_wg->sync_kind = SYNC_WAITGROUP;
    c->t_rwmutex = types_new(c, TY_MUTEX, "sync.RWMutex");
    c->t_rwmutex->sync_kind = SYNC_RWMUTEX;
    c->t_once = types_new(c, TY_MUTEX, "sync.Once");
    c->t_once->sync_kind = SYNC_ONCE;
    c->t_time = types_new(c, TY_INT, "time.Time");
    /* hidden fields have names no program can write */
    c->t_cond = lib_struct(c, "sync.Cond", "L", types_ptr(c, c->t_mutex), "(notify)", types_ptr(c, c->t_int));
    Type *tc = types_chan(c, c->t_time, CHAN_RECV);
    c->t_timer = lib_struct(c, "time.Timer", "C", tc, "(timer)", c->t_int);
    c->t_ticker = lib_struct(c, "time.Ticker", "C", tc, "(timer)", c->t_int);
}

bool types_conc_assignable(const Type *from, const Type *to)
{
    return from->kind == TY_CHAN && to->kind == TY_CHAN && from->dir == CHAN_BOTH &&
           (!from->name || !to->name) && types_identical(from->elem, to->elem);
}

static Type *universe_type(Checker *c, const char *name)
{
    Sym *s = scope_lookup_in(c->universe, name, (int)strlen(name));
    return s && s->kind == SYM_TYPE ? s->type : c->t_int;
}

/* ---- package members --------------------------------------------------------------------- */

enum { T_NONE, T_RWMUTEX, T_ONCE, T_COND, T_TIME, T_TIMER, T_TICKER, T_MEMSTATS };

typedef struct LibMember {
    const char *pkg, *name;
    int builtin;        /* BI_* or 0 */
    int type;           /* T_* or 0   */
} LibMember;

static const LibMember lib[] = {
    {"sync", "RWMutex", 0, T_RWMUTEX}, {"sync", "Once", 0, T_ONCE}, {"sync", "Cond", 0, T_COND},
    {"sync", "NewCond", BI_NEWCOND, 0},
    {"time", "Time", 0, T_TIME}, {"time", "Timer", 0, T_TIMER}, {"time", "Ticker", 0, T_TICKER},
    {"time", "Now", BI_NOW, 0}, {"time", "Since", BI_SINCE, 0}, {"time", "Until", BI_UNTIL, 0},
    {"time", "After", BI_AFTER, 0}, {"time", "Tick", BI_TICK, 0},
    {"time", "NewTimer", BI_NEWTIMER, 0}, {"time", "NewTicker", BI_NEWTICKER, 0},
    {"sync/atomic", "AddInt32", BI_ATOMIC_ADD32, 0}, {"sync/atomic", "AddInt64", BI_ATOMIC_ADD64, 0},
    {"sync/atomic", "LoadInt32", BI_ATOMIC_LOAD32, 0}, {"sync/atomic", "LoadInt64", BI_ATOMIC_LOAD64, 0},
    {"sync/atomic", "StoreInt32", BI_ATOMIC_STORE32, 0}, {"sync/atomic", "StoreInt64", BI_ATOMIC_STORE64, 0},
    {"sync/atomic", "CompareAndSwapInt32", BI_ATOMIC_CAS32, 0},
    {"sync/atomic", "CompareAndSwapInt64", BI_ATOMIC_CAS64, 0},
    {"runtime", "Gosched", BI_GOSCHED, 0}, {"runtime", "GOMAXPROCS", BI_GOMAXPROCS, 0},
    {"runtime", "NumGoroutine", BI_NUMGOROUTINE, 0}, {"runtime", "NumCPU", BI_NUMCPU, 0},
    {"runtime", "GC", BI_GC, 0}, {"runtime", "ReadMemStats", BI_READMEMSTATS, 0},
    {"runtime", "MemStats", 0, T_MEMSTATS},
};

/* Real members of sync/atomic and runtime that are not modelled. */
static const char *const lib_unsupported[] = {
    "AddUint32", "AddUint64", "AddUintptr", "LoadUint32", "LoadUint64", "LoadPointer",
    "StoreUint32", "StoreUint64", "StorePointer", "SwapInt32", "SwapInt64", "SwapUint32",
    "SwapUint64", "CompareAndSwapUint32", "CompareAndSwapUint64", "Value", "Bool", "Int32",
    "Int64", "Uint32", "Uint64", "Pointer", "Goexit", "Caller", "Callers", "Stack",
    "KeepAlive", "SetFinalizer", "LockOSThread", "UnlockOSThread",
    "GOOS", "GOARCH", "Version", "NumCgoCall", "Breakpoint",
};

static Type *lib_type(Checker *c, int t)
{
    switch (t) {
    case T_RWMUTEX: return c->t_rwmutex;
    case T_ONCE: return c->t_once;
    case T_COND: return c->t_cond;
    case T_TIME: return c->t_time;
    case T_TIMER: return c->t_timer;
    case T_TICKER: return c->t_ticker;
    case T_MEMSTATS: return memstats_struct(c);
    default: return c->t_invalid;
    }
}

static bool path_is(const Import *im, const char *path)
{
    return (int)strlen(path) == im->pathlen && memcmp(path, im->path, (size_t)im->pathlen) == 0;
}

bool types_conc_member(Checker *c, Expr *e, const Import *im, bool as_type, Type **type)
{
    const LibMember *m = NULL;
    for (size_t i = 0; i < sizeof lib / sizeof lib[0] && !m; i++)
        if (path_is(im, lib[i].pkg) && (int)strlen(lib[i].name) == e->namelen &&
            memcmp(lib[i].name, e->name, (size_t)e->namelen) == 0) m = &lib[i];
    if (!m) {
        if (!path_is(im, "sync/atomic") && !path_is(im, "runtime")) return false;
        const char *pkg = path_is(im, "runtime") ? "runtime" : "atomic";
        bool real = false;
        for (size_t i = 0; i < sizeof lib_unsupported / sizeof lib_unsupported[0]; i++)
            real |= (int)strlen(lib_unsupported[i]) == e->namelen &&
                    memcmp(lib_unsupported[i], e->name, (size_t)e->namelen) == 0;
        if (real) types_errorf(c, e->op_line, e->op_col, "interleave does not support %s.%.*s", pkg, e->namelen, e->name);
        else types_errorf(c, e->op_line, e->op_col, "undefined: %s.%.*s", pkg, e->namelen, e->name);
        if (type) *type = c->t_invalid;
        return true;
    }
    if (as_type) {
        if (!m->type) {
            types_errorf(c, e->line, e->col, "%.*s.%.*s is not a type", e->x->namelen, e->x->name, e->namelen, e->name);
            *type = c->t_invalid;
        } else {
            *type = lib_type(c, m->type);
        }
        return true;
    }
    if (m->builtin) {
        e->mode = MODE_BUILTIN;
        e->builtin = m->builtin;
    } else {
        e->mode = MODE_TYPE;
        e->type = lib_type(c, m->type);
    }
    return true;
}

/* ---- methods ------------------------------------------------------------------------------- */

typedef struct LibMethod {
    int type;           /* T_* or T_NONE for time.Duration */
    const char *name;
    int builtin;        /* BI_*, BI_UNSUPPORTED */
    bool pointer;       /* a pointer method: x must be addressable or a pointer */
} LibMethod;

static const LibMethod methods[] = {
    {T_RWMUTEX, "Lock", BI_WLOCK, true}, {T_RWMUTEX, "Unlock", BI_WUNLOCK, true},
    {T_RWMUTEX, "RLock", BI_RLOCK, true}, {T_RWMUTEX, "RUnlock", BI_RUNLOCK, true},
    {T_RWMUTEX, "TryLock", BI_UNSUPPORTED, true}, {T_RWMUTEX, "TryRLock", BI_UNSUPPORTED, true},
    {T_RWMUTEX, "RLocker", BI_UNSUPPORTED, true},
    {T_ONCE, "Do", BI_ONCEDO, true},
    {T_COND, "Wait", BI_CONDWAIT, true}, {T_COND, "Signal", BI_CONDSIGNAL, true},
    {T_COND, "Broadcast", BI_CONDBROADCAST, true},
    {T_TIMER, "Stop", BI_TIMER_STOP, true}, {T_TIMER, "Reset", BI_TIMER_RESET, true},
    {T_TICKER, "Stop", BI_TICKER_STOP, true}, {T_TICKER, "Reset", BI_TICKER_RESET, true},
    {T_NONE, "String", BI_DUR_STRING, false}, {T_NONE, "Round", BI_DUR_ROUND, false},
    {T_NONE, "Truncate", BI_DUR_TRUNCATE, false}, {T_NONE, "Nanoseconds", BI_DUR_NS, false},
    {T_NONE, "Microseconds", BI_DUR_US, false}, {T_NONE, "Milliseconds", BI_DUR_MS, false},
    {T_NONE, "Seconds", BI_DUR_SECONDS, false}, {T_NONE, "Minutes", BI_DUR_MINUTES, false},
    {T_NONE, "Hours", BI_DUR_HOURS, false}, {T_NONE, "Abs", BI_UNSUPPORTED, false},
    {T_TIME, "Sub", BI_TIME_SUB, false}, {T_TIME, "Add", BI_TIME_ADD, false},
    {T_TIME, "Before", BI_TIME_BEFORE, false}, {T_TIME, "After", BI_TIME_AFTER, false},
    {T_TIME, "Equal", BI_TIME_EQUAL, false}, {T_TIME, "Format", BI_UNSUPPORTED, false},
    {T_TIME, "Unix", BI_UNSUPPORTED, false}, {T_TIME, "UnixNano", BI_UNSUPPORTED, false},
    {T_TIME, "String", BI_UNSUPPORTED, false}, {T_TIME, "Round", BI_UNSUPPORTED, false},
    {T_TIME, "Truncate", BI_UNSUPPORTED, false}, {T_TIME, "IsZero", BI_UNSUPPORTED, false},
};

bool types_conc_method(Checker *c, Expr *e, Expr *x, Type *t)
{
    if (t == c->t_memstats) {          /* Go's arrays of it are not modelled */
        static const char *const arrays[] = {"PauseNs", "PauseEnd", "BySize"};
        for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
            if ((int)strlen(arrays[i]) == e->namelen && !memcmp(arrays[i], e->name, (size_t)e->namelen)) {
                types_errorf(c, e->op_line, e->op_col, "interleave does not support %s.%.*s",
                             t->name, e->namelen, e->name);
                return true;
            }
        return false;
    }
    int which = t == c->t_rwmutex ? T_RWMUTEX : t == c->t_once ? T_ONCE : t == c->t_cond ? T_COND
              : t == c->t_timer ? T_TIMER : t == c->t_ticker ? T_TICKER : t == c->t_time ? T_TIME
              : t == c->t_duration ? T_NONE : -1;
    if (which < 0) return false;
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        const LibMethod *lm = &methods[i];
        if (lm->type != which || (int)strlen(lm->name) != e->namelen ||
            memcmp(lm->name, e->name, (size_t)e->namelen) != 0) continue;
        if (lm->builtin == BI_UNSUPPORTED) {
            types_errorf(c, e->op_line, e->op_col, "interleave does not support %s.%.*s",
                         t->name, e->namelen, e->name);
            return true;
        }
        if (lm->pointer && !e->through_ptr && x->mode != MODE_VAR) {
            types_errorf(c, e->line, e->col, "cannot call pointer method %.*s on %s",
                         e->namelen, e->name, t->name);
            return true;
        }
        e->mode = MODE_BUILTIN;
        e->builtin = lm->builtin;
        return true;
    }
    return false;
}

/* ---- calls ----------------------------------------------------------------------------------- */

/* The arguments of a call against parameter types, in Go's words. */
static bool args(Checker *c, Expr *e, Type **params, int n, const char *callee)
{
    for (int i = 0; i < e->nargs; i++) types_value(c, e->args[i]);
    if (e->nargs < n) {
        types_errorf(c, e->rparen_line, e->rparen_col, "not enough arguments in call to %s", callee);
        return false;
    }
    if (e->nargs > n) {
        types_errorf(c, e->args[n]->line, e->args[n]->col, "too many arguments in call to %s", callee);
        return false;
    }
    char ctx[160];
    snprintf(ctx, sizeof ctx, "argument to %s", callee);
    bool ok = true;
    for (int i = 0; i < n; i++) ok &= types_assign(c, e->args[i], params[i], ctx);
    return ok;
}

static void result(Expr *e, Type *t)
{
    e->mode = t ? MODE_VALUE : MODE_NOVALUE;
    if (t) e->type = t;
}

static void chan_operand(Checker *c, Expr *a, char *buf, size_t n)
{
    (void)c;
    types_operand_string(a, buf, n);
}

/* make(chan T [, size]) */
static void make_call(Checker *c, Expr *e, const char *callee)
{
    if (e->nargs == 0) {
        types_errorf(c, e->rparen_line, e->rparen_col, "not enough arguments for %s() (expected 1, found 0)", callee);
        types_invalid(c, e);
        return;
    }
    Type *t = types_resolve(c, e->args[0]);
    if (t == c->t_invalid) { types_invalid(c, e); return; }
    if (t->kind != TY_CHAN) {
        char ts[64];
        types_string(t, ts, sizeof ts);
        types_errorf(c, e->args[0]->line, e->args[0]->col, "interleave does not support make(%s)", ts);
        types_invalid(c, e);
        return;
    }
    if (e->nargs > 2) {
        char es[160];
        ast_expr_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "invalid operation: %s expects 1 or 2 arguments; found %d", es, e->nargs);
        types_invalid(c, e);
        return;
    }
    if (e->nargs == 2) {
        Expr *n = e->args[1];
        types_value(c, n);
        if (n->mode != MODE_INVALID) {
            if (!types_is_integer(n->type)) {
                char ns[128];
                types_operand_string(n, ns, sizeof ns);
                types_errorf(c, n->line, n->col, "cannot convert %s to type int", ns);
            } else if (n->mode == MODE_CONST && n->cv.i < 0) {
                char ns[128];
                types_operand_string(n, ns, sizeof ns);
                types_errorf(c, n->line, n->col, "invalid argument: index %s must not be negative", ns);
            } else if (types_is_untyped(n->type)) {
                n->type = c->t_int;
            }
        }
    }
    e->mode = MODE_VALUE;
    e->type = t;
}

/* close(ch), len(ch), cap(ch) */
static void chan_builtin(Checker *c, Expr *e, int bi, const char *callee)
{
    if (e->nargs != 1) {
        types_errorf(c, e->nargs ? e->args[1]->line : e->rparen_line, e->nargs ? e->args[1]->col : e->rparen_col,
                     "%s arguments for %s(%s) (expected 1, found %d)", e->nargs ? "too many" : "not enough",
                     callee, e->nargs ? "…" : "", e->nargs);
        for (int i = 0; i < e->nargs; i++) types_expr(c, e->args[i]);
        types_invalid(c, e);
        return;
    }
    Expr *a = e->args[0];
    types_value(c, a);
    if (a->mode == MODE_INVALID) { types_invalid(c, e); return; }
    char as[128];
    chan_operand(c, a, as, sizeof as);
    if (bi == BI_CLOSE) {
        if (a->type->kind != TY_CHAN) {
            types_errorf(c, a->line, a->col, "invalid operation: non-chan argument %s for close", as);
        } else if (a->type->dir == CHAN_RECV) {
            types_errorf(c, a->line, a->col, "invalid operation: cannot close receive-only channel %s", as);
        }
        result(e, NULL);
        return;
    }
    if (a->type->kind != TY_CHAN) {
        char ts[64];
        types_string(a->type, ts, sizeof ts);
        types_errorf(c, a->line, a->col, "interleave does not support %s of %s", callee, ts);
        types_invalid(c, e);
        return;
    }
    result(e, c->t_int);
}

void types_conc_call(Checker *c, Expr *e, int bi, const char *callee)
{
    Type *ps[3];
    Type *i32 = universe_type(c, "int32"), *i64 = universe_type(c, "int64");
    e->mode = MODE_NOVALUE;
    switch (bi) {
    case BI_MAKE: make_call(c, e, callee); return;
    case BI_CLOSE: case BI_LEN: case BI_CAP: chan_builtin(c, e, bi, callee); return;
    case BI_RLOCK: case BI_RUNLOCK: case BI_WLOCK: case BI_WUNLOCK: case BI_CONDWAIT:
    case BI_CONDSIGNAL: case BI_CONDBROADCAST: case BI_GOSCHED:
        args(c, e, ps, 0, callee);
        return;
    case BI_ONCEDO:
        ps[0] = types_new(c, TY_FUNC, NULL);
        args(c, e, ps, 1, callee);
        return;
    case BI_NEWCOND:
        ps[0] = types_ptr(c, c->t_mutex);
        args(c, e, ps, 1, callee);
        result(e, types_ptr(c, c->t_cond));
        return;
    case BI_ATOMIC_ADD32: case BI_ATOMIC_ADD64: case BI_ATOMIC_STORE32: case BI_ATOMIC_STORE64: {
        bool w32 = bi == BI_ATOMIC_ADD32 || bi == BI_ATOMIC_STORE32;
        ps[0] = types_ptr(c, w32 ? i32 : i64);
        ps[1] = w32 ? i32 : i64;
        args(c, e, ps, 2, callee);
        if (bi == BI_ATOMIC_ADD32 || bi == BI_ATOMIC_ADD64) result(e, ps[1]);
        return;
    }
    case BI_ATOMIC_LOAD32: case BI_ATOMIC_LOAD64: {
        Type *t = bi == BI_ATOMIC_LOAD32 ? i32 : i64;
        ps[0] = types_ptr(c, t);
        args(c, e, ps, 1, callee);
        result(e, t);
        return;
    }
    case BI_ATOMIC_CAS32: case BI_ATOMIC_CAS64: {
        Type *t = bi == BI_ATOMIC_CAS32 ? i32 : i64;
        ps[0] = types_ptr(c, t);
        ps[1] = ps[2] = t;
        args(c, e, ps, 3, callee);
        result(e, c->t_bool);
        return;
    }
    case BI_GOMAXPROCS:
        ps[0] = c->t_int;
        args(c, e, ps, 1, callee);
        result(e, c->t_int);
        return;
    case BI_NUMGOROUTINE: case BI_NUMCPU:
        args(c, e, ps, 0, callee);
        result(e, c->t_int);
        return;
    case BI_GC:
        args(c, e, ps, 0, callee);
        return;
    case BI_READMEMSTATS:
        ps[0] = types_ptr(c, memstats_struct(c));
        args(c, e, ps, 1, callee);
        return;
    case BI_NOW:
        args(c, e, ps, 0, callee);
        result(e, c->t_time);
        return;
    case BI_SINCE: case BI_UNTIL:
        ps[0] = c->t_time;
        args(c, e, ps, 1, callee);
        result(e, c->t_duration);
        return;
    case BI_AFTER: case BI_TICK: case BI_NEWTIMER: case BI_NEWTICKER:
        ps[0] = c->t_duration;
        args(c, e, ps, 1, callee);
        result(e, bi == BI_NEWTIMER ? types_ptr(c, c->t_timer) : bi == BI_NEWTICKER ? types_ptr(c, c->t_ticker)
                                    : types_chan(c, c->t_time, CHAN_RECV));
        return;
    case BI_TIMER_STOP: case BI_TICKER_STOP:
        args(c, e, ps, 0, callee);
        if (bi == BI_TIMER_STOP) result(e, c->t_bool);
        return;
    case BI_TIMER_RESET: case BI_TICKER_RESET:
        ps[0] = c->t_duration;
        args(c, e, ps, 1, callee);
        if (bi == BI_TIMER_RESET) result(e, c->t_bool);
        return;
    case BI_DUR_STRING:
        args(c, e, ps, 0, callee);
        result(e, c->t_string);
        return;
    case BI_DUR_ROUND: case BI_DUR_TRUNCATE:
        ps[0] = c->t_duration;
        args(c, e, ps, 1, callee);
        result(e, c->t_duration);
        return;
    case BI_DUR_NS: case BI_DUR_US: case BI_DUR_MS:
        args(c, e, ps, 0, callee);
        result(e, i64);
        return;
    case BI_DUR_SECONDS: case BI_DUR_MINUTES: case BI_DUR_HOURS:
        args(c, e, ps, 0, callee);
        result(e, c->t_num[NK_FLOAT64]);
        return;
    case BI_TIME_SUB: case BI_TIME_BEFORE: case BI_TIME_AFTER: case BI_TIME_EQUAL:
        ps[0] = c->t_time;
        args(c, e, ps, 1, callee);
        result(e, bi == BI_TIME_SUB ? c->t_duration : c->t_bool);
        return;
    case BI_TIME_ADD:
        ps[0] = c->t_duration;
        args(c, e, ps, 1, callee);
        result(e, c->t_time);
        return;
    default:
        types_errorf(c, e->line, e->col, "interleave does not support %s", callee);
        types_invalid(c, e);
        return;
    }
}

bool types_conc_deferrable(int bi)
{
    switch (bi) {
    case BI_PRINTLN: case BI_PRINTF: case BI_SLEEP: case BI_LOCK: case BI_UNLOCK:
    case BI_WGADD: case BI_WGDONE: case BI_WGWAIT:
    case BI_CLOSE: case BI_RLOCK: case BI_RUNLOCK: case BI_WLOCK: case BI_WUNLOCK:
    case BI_CONDSIGNAL: case BI_ATOMIC_ADD32: case BI_ATOMIC_ADD64: case BI_ATOMIC_LOAD32:
    case BI_ATOMIC_LOAD64: case BI_ATOMIC_STORE32: case BI_ATOMIC_STORE64: case BI_ATOMIC_CAS32:
    case BI_ATOMIC_CAS64: case BI_GOSCHED: case BI_GOMAXPROCS: case BI_GC: case BI_TIMER_STOP:
    case BI_TICKER_STOP: case BI_TIMER_RESET: case BI_TICKER_RESET:
        return true;
    default:
        return false;
    }
}

/* ---- receive, send --------------------------------------------------------------------------- */

void types_conc_receive(Checker *c, Expr *e)
{
    Expr *x = e->x;
    types_value(c, x);
    if (x->mode == MODE_INVALID) return;
    char xs[128];
    types_operand_string(x, xs, sizeof xs);
    if (x->type->kind != TY_CHAN) {
        types_errorf(c, x->line, x->col, "invalid operation: cannot receive from non-channel %s", xs);
        return;
    }
    if (x->type->dir == CHAN_SEND) {
        types_errorf(c, x->line, x->col, "invalid operation: cannot receive from send-only channel %s", xs);
        return;
    }
    e->mode = MODE_VALUE;
    e->type = x->type->elem;
}

static bool is_receive(const Expr *e)
{
    while (e->kind == EX_PAREN) e = e->x;
    return e->kind == EX_UNARY && e->op == TK_ARROW;
}

void scope_conc_send(Checker *c, Stmt *s)
{
    Expr *ch = s->lhs[0], *v = s->rhs[0];
    types_value(c, ch);
    types_value(c, v);
    if (ch->mode == MODE_INVALID || v->mode == MODE_INVALID) return;
    char cs[128];
    types_operand_string(ch, cs, sizeof cs);
    if (ch->type->kind != TY_CHAN) {
        types_errorf(c, s->line, s->col, "invalid operation: cannot send to non-channel %s", cs);
        return;
    }
    if (ch->type->dir == CHAN_RECV) {
        types_errorf(c, s->line, s->col, "invalid operation: cannot send to receive-only channel %s", cs);
        return;
    }
    if (scope_copies_struct(c, v, false)) return;
    types_assign(c, v, ch->type->elem, "send");
}

/* ---- range over a channel ----------------------------------------------------------------- */

/* Called by scope_range (sim/lang/scope_range.c) with the scope open and x
 * checked, when x is a channel. */
void scope_conc_range(Checker *c, Stmt *s)
{
    Expr *x = s->x;
    Type *elem = c->t_invalid;
    if (x->mode != MODE_INVALID) {
        char xs[128];
        types_operand_string(x, xs, sizeof xs);
        if (x->type->kind != TY_CHAN) {
            types_errorf(c, x->line, x->col, "interleave does not support range over %s", xs);
        } else if (x->type->dir == CHAN_SEND) {
            types_errorf(c, x->line, x->col, "invalid operation: range %s: receive from send-only channel", xs);
        } else if (s->nlhs > 1) {
            types_errorf(c, s->lhs[1]->line, s->lhs[1]->col, "range over %s permits only one iteration variable", xs);
        } else {
            elem = x->type->elem;
        }
    }
    if (s->nlhs) s->syms = parse_alloc(c->arena, sizeof *s->syms * (size_t)s->nlhs);
    for (int i = 0; i < s->nlhs; i++) {
        Expr *n = s->lhs[i];
        if (s->op == TK_DEFINE) {
            if (n->kind != EX_IDENT) {
                char ns[96];
                ast_expr_string(n, ns, sizeof ns);
                types_errorf(c, n->line, n->col, "non-name %s on left side of :=", ns);
                continue;
            }
            if (scope_is_blank(n->name, n->namelen)) continue;
            Sym *v = scope_declare(c, SYM_VAR, n->name, n->namelen, n->line, n->col);
            v->type = i == 0 ? elem : c->t_invalid;
            v->used = elem == c->t_invalid;
            n->sym = v;
            s->syms[i] = v;
        } else if (!(n->kind == EX_IDENT && scope_is_blank(n->name, n->namelen))) {
            types_lhs(c, n);
            if (n->mode == MODE_INVALID || elem == c->t_invalid) continue;
            if (n->mode != MODE_VAR) {
                char ns[128];
                types_operand_string(n, ns, sizeof ns);
                types_errorf(c, n->line, n->col, "cannot assign to %s", ns);
            } else if (!types_identical(elem, n->type) && !types_conc_assignable(elem, n->type)) {
                char ts[64], ns[64];
                types_string(elem, ts, sizeof ts);
                types_string(n->type, ns, sizeof ns);
                types_errorf(c, n->line, n->col, "cannot use %s value as type %s in range", ts, ns);
            }
        }
    }
    if (elem != c->t_invalid) {             /* each iteration copies the element */
        Expr copy = *x;
        copy.mode = MODE_VALUE;
        copy.type = elem;
        scope_copies_struct(c, &copy, false);
    }
    c->loops++;
    scope_push_label(c, s);                 /* break/continue L */
    scope_check_block(c, s->body, s->nbody);
    scope_pop_label(c, s);
    c->loops--;
}

/* ---- select ----------------------------------------------------------------------------------- */

static void bad_case(Checker *c, const Stmt *comm)
{
    int line = comm->line, col = comm->col;
    const Expr *x = comm->kind == ST_EXPR ? comm->x : NULL;
    while (x && x->kind == EX_PAREN) x = x->x;
    if (x && x->kind == EX_BINARY) { line = x->op_line; col = x->op_col; }
    types_errorf(c, line, col, "select case must be send or receive (possibly with assignment)");
}

void scope_conc_select(Checker *c, Stmt *s)
{
    int defaults = 0;
    c->selects++;
    scope_push_label(c, s);                 /* break L */
    for (int i = 0; i < s->nclauses; i++) {
        Clause *k = &s->clauses[i];
        Stmt *comm = k->comm;
        scope_open(c);
        if (!comm) {
            if (++defaults > 1) types_errorf(c, k->line, k->col, "multiple defaults in select");
        } else if (comm->kind == ST_SEND) {
            scope_check_stmt(c, comm);
        } else if (comm->kind == ST_EXPR && is_receive(comm->x)) {
            types_expr(c, comm->x);
        } else if ((comm->kind == ST_DEFINE || (comm->kind == ST_ASSIGN && comm->op == TK_ASSIGN)) &&
                   comm->nrhs == 1 && comm->nlhs <= 2 && is_receive(comm->rhs[0])) {
            scope_check_stmt(c, comm);
        } else {
            bad_case(c, comm);
        }
        for (int j = 0; j < k->nbody; j++) scope_check_stmt(c, k->body[j]);
        scope_close(c);
    }
    scope_pop_label(c, s);
    c->selects--;
}
