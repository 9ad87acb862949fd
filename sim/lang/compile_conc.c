/* compile_conc.c — code for channels, select, range over a channel, and the
 * sync, sync/atomic, runtime and time builtins (checked in types_conc.c).
 *
 * Channel operations are one instruction each (MAKECHAN, SEND, RECV, CLOSE),
 * so each is one indivisible step, and blocking parks the goroutine inside
 * it.  `v, ok := <-ch` is RECV 1, which pushes both.
 *
 * select evaluates its operands in source order — for each case the channel
 * and, for a send, the value — then one SELECT instruction picks a case and
 * jumps through the table of JMPs that follows it (one per case, then the
 * default's); the JMPs are data, never executed.  A receive case starts with
 * the value and ok on the stack and stores or drops them:
 *
 *     <a>  <b> <x>  SELECT 2 2|default   JMP L0  JMP L1  JMP L2
 *     L0: (v, ok) SETLOCAL ok; SETLOCAL v; ...body...; JMP end
 *     L1: ...body of the send case...; JMP end
 *     L2: ...default...
 *     end:
 *
 * A break in a case leaves the select; a continue goes to the enclosing loop.
 *
 * `for v := range ch` receives with RECV 1 until ok is false:
 *
 *     <ch> SETLOCAL t
 *     top: LOCAL t; RECV 1; JMPF done; <store v>; ...body...; JMP top
 *     done: POP                                (breaks land after the POP)
 *
 * time.Since(t) is t, NEG, NOW, ADD; Duration and Time methods are arithmetic on
 * the int they are; Once.Do(f) is ONCEBEGIN, a CALL of f, ONCEEND; Cond.Wait
 * is CONDWAIT followed by c.L.Lock() (LOAD of c.L, LOCK).  The values fmt
 * prints get OP_TYPED when their Go type matters (value.h).
 */
#include "compile_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lex.h"
#include "util.h"

/* ---- helpers ------------------------------------------------------------------------------ */

/* Push the receiver of a method call e->x (an EX_SELECTOR): the address of a
 * sync object (or Cond, Timer), or the value of a Duration / Time. */
static void receiver(Compiler *C, Expr *sel, bool by_value)
{
    Expr *x = sel->x;
    if (by_value || x->type->kind == TY_PTR) {
        compile_expr(C, x);
        return;
    }
    Place pl = compile_place(C, x);
    compile_place_addr(C, &pl);
}

static void args(Compiler *C, Expr *e)
{
    for (int i = 0; i < e->nargs; i++) compile_expr(C, e->args[i]);
}

/* Emit op (with a), or DEFER it: n operands are on the stack. */
static void op_or_defer(Compiler *C, CallKind how, int op, int a, int n)
{
    if (how == CALL_DEFER) compile_emit(C, OP_DEFER, n, op);
    else compile_emit(C, op, a, 0);
}

static bool needs_type(const Type *t)
{
    if (t->kind == TY_CHAN) return true;
    if (!t->name || (t->kind != TY_INT && t->kind != TY_BOOL && t->kind != TY_STRING)) return false;
    if (types_is_predeclared_num(t)) return false;   /* int8, byte ...: their NumKind tag says (value.h) */
    return strcmp(t->name, "int") && strcmp(t->name, "bool") && strcmp(t->name, "string");
}

int compile_conc_print_args(Compiler *C, Expr *e, int from)
{
    if (e->nargs == 1 && from == 0 && e->args[0]->type && e->args[0]->type->kind == TY_TUPLE) {
        int n = compile_call(C, e->args[0], CALL_PLAIN);
        compile_box_tuple(C, e->args[0], n);      /* fmt's ...any */
        return n;
    }
    for (int i = from; i < e->nargs; i++) {
        Expr *a = e->args[i];
        compile_expr(C, a);
        if (i > 0 || e->x->builtin != BI_PRINTF) {
            /* (an argument the checker boxed into an interface knows its type) */
            if (a->type && a->mode != MODE_NIL && !a->boxed && needs_type(a->type)) {
                int line = C->line, col = C->col;
                C->line = a->line;
                C->col = a->col;
                compile_emit(C, OP_TYPED, compile_layout(C, a->type) + 1, 0);
                C->line = line;
                C->col = col;
            }
        }
    }
    return e->nargs - from;
}

/* make(...) or sync.NewCond(...) */
static bool makes(Expr *r)
{
    r = compile_unparen(r);
    return r->kind == EX_CALL && compile_unparen(r->x)->mode == MODE_BUILTIN &&
           (compile_unparen(r->x)->builtin == BI_MAKE || compile_unparen(r->x)->builtin == BI_NEWCOND);
}

int compile_conc_hint(Compiler *C, Expr *l, Expr *r)
{
    r = compile_unparen(r);
    bool composite = r->kind == EX_UNARY && r->op == TK_AMP && compile_unparen(r->x)->kind == EX_COMPOSITE;
    if (!makes(r) && !composite) return 0;
    l = compile_unparen(l);
    if (l->kind == EX_IDENT && l->namelen == 1 && l->name[0] == '_') return 0;
    ast_expr_string(l, C->hint_text, sizeof C->hint_text);
    return compile_add_string(C, C->hint_text, (int)strlen(C->hint_text));
}

int compile_conc_field_hint(Compiler *C, Expr *el)
{
    if (!C->composite_name[0] || el->kind != EX_KEYVALUE || !makes(el->y)) return 0;
    Expr *key = compile_unparen(el->x);
    if (key->kind != EX_IDENT) return 0;
    char name[200];
    snprintf(name, sizeof name, "%s.%.*s", C->composite_name, key->namelen, key->name);
    return compile_add_string(C, name, (int)strlen(name));
}

/* ---- expressions and calls ----------------------------------------------------------------- */

void compile_conc_receive(Compiler *C, Expr *e)
{
    compile_expr(C, e->x);
    C->line = e->line;
    C->col = e->col;
    compile_emit(C, OP_RECV, e->comma_ok ? 1 : 0, 0);
}

/* Once.Do(f): f runs only when ONCEBEGIN says so. */
static void once_do(Compiler *C, Expr *e)
{
    receiver(C, e->x, false);
    compile_expr(C, e->args[0]);
    compile_emit(C, OP_ONCEBEGIN, 0, 0);                   /* o f run? */
    int skip = compile_emit(C, OP_JMPF, 0, 0);
    compile_emit(C, OP_CALL, 0, 0);                        /* f() */
    compile_emit(C, OP_ONCEEND, 0, 0);
    int done = compile_emit(C, OP_JMP, 0, 0);
    compile_patch(C, skip, compile_here(C));
    compile_emit(C, OP_POP, 0, 0);
    compile_emit(C, OP_POP, 0, 0);
    compile_patch(C, done, compile_here(C));
}

int compile_conc_builtin(Compiler *C, Expr *e, int bi, CallKind how)
{
    Checker *ck = C->ck;
    switch (bi) {
    case BI_MAKE: {
        Type *t = e->type;
        int name = C->name_hint;
        C->name_hint = 0;
        if (e->nargs > 1) compile_expr(C, e->args[1]);
        else compile_emit(C, OP_INT, 0, 0);
        compile_emit(C, OP_MAKECHAN, compile_layout(C, t->elem), name);
        return 1;
    }
    case BI_CLOSE: args(C, e); op_or_defer(C, how, OP_CLOSE, 0, 1); return 0;
    case BI_LEN: args(C, e); compile_emit(C, OP_CHANLEN, 0, 0); return 1;
    case BI_CAP: args(C, e); compile_emit(C, OP_CHANCAP, 0, 0); return 1;
    case BI_RLOCK: receiver(C, e->x, false); op_or_defer(C, how, OP_RLOCK, 0, 1); return 0;
    case BI_RUNLOCK: receiver(C, e->x, false); op_or_defer(C, how, OP_RUNLOCK, 0, 1); return 0;
    case BI_WLOCK: receiver(C, e->x, false); op_or_defer(C, how, OP_WLOCK, 0, 1); return 0;
    case BI_WUNLOCK: receiver(C, e->x, false); op_or_defer(C, how, OP_WUNLOCK, 0, 1); return 0;
    case BI_ONCEDO: once_do(C, e); return 0;
    case BI_NEWCOND: {
        int name = C->name_hint;
        C->name_hint = 0;
        compile_emit(C, OP_NEW, compile_layout(C, ck->t_cond), name);
        compile_emit(C, OP_DUP, 0, 0);
        args(C, e);
        compile_emit(C, OP_STORE, 0, 0);
        return 1;
    }
    case BI_CONDWAIT:                   /* Wait: park, then c.L.Lock() */
        receiver(C, e->x, false);
        compile_emit(C, OP_DUP, 0, 0);
        compile_emit(C, OP_CONDWAIT, 0, 0);
        compile_emit(C, OP_LOAD, 0, 0);
        compile_emit(C, OP_LOCK, 0, 0);
        return 0;
    case BI_CONDSIGNAL: case BI_CONDBROADCAST:
        receiver(C, e->x, false);
        op_or_defer(C, how, OP_CONDSIGNAL, bi == BI_CONDBROADCAST, 1);
        return 0;
    case BI_ATOMIC_ADD32: case BI_ATOMIC_ADD64:
        args(C, e);
        op_or_defer(C, how, OP_ATOMICADD, bi == BI_ATOMIC_ADD32 ? 32 : 64, 2);
        return how == CALL_DEFER ? 0 : 1;
    case BI_ATOMIC_LOAD32: case BI_ATOMIC_LOAD64:
        args(C, e);
        op_or_defer(C, how, OP_ATOMICLOAD, 0, 1);
        return how == CALL_DEFER ? 0 : 1;
    case BI_ATOMIC_STORE32: case BI_ATOMIC_STORE64:
        args(C, e);
        op_or_defer(C, how, OP_ATOMICSTORE, 0, 2);
        return 0;
    case BI_ATOMIC_CAS32: case BI_ATOMIC_CAS64:
        args(C, e);
        op_or_defer(C, how, OP_ATOMICCAS, 0, 3);
        return how == CALL_DEFER ? 0 : 1;
    case BI_GOSCHED: op_or_defer(C, how, OP_GOSCHED, 0, 0); return 0;
    case BI_GOMAXPROCS: args(C, e); op_or_defer(C, how, OP_GOMAXPROCS, 0, 1); return how == CALL_DEFER ? 0 : 1;
    case BI_NUMGOROUTINE: compile_emit(C, OP_NUMGOROUTINE, 0, 0); return 1;
    case BI_NUMCPU: compile_emit(C, OP_NUMCPU, 0, 0); return 1;
    case BI_GC: op_or_defer(C, how, OP_GC, 0, 0); return 0;
    case BI_READMEMSTATS: args(C, e); compile_emit(C, OP_MEMSTATS, 0, 0); return 0;
    case BI_NOW: compile_emit(C, OP_NOW, 0, 0); return 1;
    case BI_SINCE:                      /* time.Now().Sub(t), Now read after t */
        args(C, e);
        compile_emit(C, OP_NEG, 0, 0);
        compile_emit(C, OP_NOW, 0, 0);
        compile_emit(C, OP_ADD, 0, 0);
        return 1;
    case BI_UNTIL:                      /* t.Sub(time.Now()) */
        args(C, e);
        compile_emit(C, OP_NOW, 0, 0);
        compile_emit(C, OP_SUB, 0, 0);
        return 1;
    case BI_AFTER: case BI_TICK: case BI_NEWTIMER: case BI_NEWTICKER: {
        int kind = bi == BI_AFTER ? 0 : bi == BI_TICK ? 1 : bi == BI_NEWTIMER ? 2 : 3;
        int layout = kind == 2 ? compile_layout(C, ck->t_timer) : kind == 3 ? compile_layout(C, ck->t_ticker) : 0;
        args(C, e);
        compile_emit(C, OP_TIMER, kind, layout);
        return 1;
    }
    case BI_TIMER_STOP: case BI_TICKER_STOP:
        receiver(C, e->x, false);
        op_or_defer(C, how, OP_TIMERSTOP, 0, 1);
        if (how == CALL_DEFER) return 0;
        if (bi == BI_TICKER_STOP) compile_emit(C, OP_POP, 0, 0);
        return bi == BI_TIMER_STOP;
    case BI_TIMER_RESET: case BI_TICKER_RESET:
        receiver(C, e->x, false);
        args(C, e);
        op_or_defer(C, how, OP_TIMERRESET, 0, 2);
        if (how == CALL_DEFER) return 0;
        if (bi == BI_TICKER_RESET) compile_emit(C, OP_POP, 0, 0);
        return bi == BI_TIMER_RESET;
    case BI_DUR_STRING:
        receiver(C, e->x, true);
        compile_emit(C, OP_DUR, 0, 0);
        return 1;
    case BI_DUR_ROUND: case BI_DUR_TRUNCATE:
        receiver(C, e->x, true);
        args(C, e);
        compile_emit(C, OP_DUR, bi == BI_DUR_ROUND ? 1 : 2, 0);
        return 1;
    case BI_DUR_NS: receiver(C, e->x, true); return 1;
    case BI_DUR_SECONDS: case BI_DUR_MINUTES: case BI_DUR_HOURS: {
        /* float64(d) / 1e9 (60e9, 3600e9): time.go's Seconds is sec + nsec/1e9,
         * the same double for the durations programs use */
        double unit = bi == BI_DUR_SECONDS ? 1e9 : bi == BI_DUR_MINUTES ? 60e9 : 3600e9;
        receiver(C, e->x, true);
        compile_emit(C, OP_CONV, NK_FLOAT64, 0);
        compile_emit(C, OP_CONST, compile_data_const(C, value_float(unit)), 0);
        compile_emit(C, OP_FDIV, 0, 0);
        return 1;
    }
    case BI_DUR_US: case BI_DUR_MS:
        receiver(C, e->x, true);
        compile_emit(C, OP_INT, bi == BI_DUR_US ? 1000 : 1000000, 0);
        compile_emit(C, OP_DIV, 0, 0);
        return 1;
    case BI_TIME_SUB: case BI_TIME_ADD: case BI_TIME_BEFORE: case BI_TIME_AFTER: case BI_TIME_EQUAL:
        receiver(C, e->x, true);
        args(C, e);
        compile_emit(C, bi == BI_TIME_SUB ? OP_SUB : bi == BI_TIME_ADD ? OP_ADD : bi == BI_TIME_BEFORE ? OP_LT
                       : bi == BI_TIME_AFTER ? OP_GT : OP_EQ, 0, 0);
        return 1;
    default:
        sim_fatal("compile_conc_builtin", "builtin the checker should have rejected");
    }
}

/* ---- go builtin(...) ---------------------------------------------------------------------- */

typedef struct Thunk { int proto, op, n, line, col; } Thunk;

/* Compiled as the deferred form (the arguments evaluated now, then DEFER n
 * op), whose DEFER becomes GO n over a thunk pushed first. */
int compile_conc_go(Compiler *C, Expr *e) { return compile_conc_thunk(C, e, true); }

/* go (or defer, go_ false) builtin(...) as a call of a thunk function. */
int compile_conc_thunk(Compiler *C, Expr *e, bool go_)
{
    int fpc = compile_emit(C, OP_FUNC, 0, 0);
    C->in_thunk = true;
    compile_call(C, e, CALL_DEFER);
    C->in_thunk = false;
    Instr *last = &C->p->code[compile_here(C) - 1];
    if (last->op != OP_DEFER || last->b == 0) sim_fatal("compile_conc_go", "builtin without a deferred form");
    char name[96];
    ast_expr_string(e->x, name, sizeof name);
    FuncInfo fi;
    memset(&fi, 0, sizeof fi);
    fi.name = name;
    fi.nparams = last->a;
    Thunk t = {compile_new_proto(C, &fi), last->b, last->a, e->line, e->col};
    last = &C->p->code[compile_here(C) - 1];
    last->op = go_ ? OP_GO : OP_DEFER;
    last->b = 0;
    C->p->code[fpc].a = t.proto;
    GROW(C->thunks, C->thunks_cap, C->nthunks + 1);
    C->thunks[C->nthunks++] = t;
    return 0;
}

void compile_conc_thunks(Compiler *C)
{
    for (int i = 0; i < C->nthunks; i++) {
        const Thunk *t = &C->thunks[i];
        C->line = t->line;
        C->col = t->col;
        Proto *pr = &C->p->protos[t->proto];
        pr->code_start = compile_here(C);
        pr->line = t->line;
        for (int k = 0; k < t->n; k++) compile_emit(C, OP_LOCAL, k, 0);
        if ((t->op & 0xff) == OP_FMT || (t->op & 0xff) == OP_LIB)   /* fmt, strings ...: B in the high byte */
            compile_emit(C, t->op & 0xff, t->n, t->op >> 8);
        else
            compile_emit(C, t->op, t->op == OP_PRINTF || t->op == OP_PRINTLN ? t->n : 0, 0);
        compile_emit(C, OP_RET, 0, 0);
        pr = &C->p->protos[t->proto];
        pr->code_end = compile_here(C);
        pr->nslots = t->n;
    }
    free(C->thunks);
    C->thunks = NULL;
    C->nthunks = C->thunks_cap = 0;
}

/* ---- statements ------------------------------------------------------------------------------ */

void compile_conc_send(Compiler *C, Stmt *s)
{
    compile_expr(C, s->lhs[0]);
    compile_value_copy(C, s->rhs[0]);        /* a struct is sent as its own copy */
    C->line = s->line;
    C->col = s->col;
    compile_emit(C, OP_SEND, 0, 0);
}

/* Store the value on the stack into assignment target l (Go's order: a
 * target whose address must be computed gets the value from a temporary). */
static void store_to(Compiler *C, Expr *l, Sym *declared)
{
    Type *t = declared ? declared->type : l->type;
    if (t && t->kind == TY_STRUCT) {          /* a struct value is copied in */
        int tmp = C->nslots++;
        compile_emit(C, OP_SETLOCAL, tmp, 0);
        Place pl = declared ? compile_var_place(C, declared) : compile_place(C, compile_unparen(l));
        compile_place_addr(C, &pl);
        compile_emit(C, OP_LOCAL, tmp, 0);
        compile_emit(C, OP_COPYN, t->nslots, 0);
        return;
    }
    if (declared) {
        Place pl = compile_var_place(C, declared);
        compile_place_store(C, &pl);
        return;
    }
    Expr *x = compile_unparen(l);
    if (x->kind == EX_IDENT) {
        Place pl = compile_place(C, x);
        compile_place_store(C, &pl);
        return;
    }
    int tmp = C->nslots++;
    compile_emit(C, OP_SETLOCAL, tmp, 0);
    Place pl = compile_place(C, x);
    compile_place_prepare(C, &pl);
    compile_emit(C, OP_LOCAL, tmp, 0);
    compile_place_store(C, &pl);
}

/* The sym a := declares for lhs i (NULL: an existing variable or `_`). */
static Sym *declared(const Stmt *s, int i)
{
    return s->kind == ST_DEFINE && s->syms ? s->syms[i] : s->kind == ST_RANGE && s->op == TK_DEFINE && s->syms
           ? s->syms[i] : NULL;
}

void compile_conc_range(Compiler *C, Stmt *s)
{
    int line = s->line, col = s->col;
    compile_expr(C, s->x);
    C->line = line;
    C->col = col;
    int ch = C->nslots++;
    compile_emit(C, OP_SETLOCAL, ch, 0);
    for (int i = 0; i < s->nlhs; i++)
        if (declared(s, i)) compile_declare_local(C, declared(s, i));
    Loop loop = {.outer = C->loop, .label = s->label, .labellen = s->labellen};   /* break/continue L */
    int top = compile_here(C);
    compile_emit(C, OP_LOCAL, ch, 0);
    compile_emit(C, OP_RECV, 1, 0);
    int exit = compile_emit(C, OP_JMPF, 0, 0);
    Expr *v = s->nlhs ? compile_unparen(s->lhs[0]) : NULL;
    if (v && !(v->kind == EX_IDENT && v->namelen == 1 && v->name[0] == '_')) store_to(C, v, declared(s, 0));
    else compile_emit(C, OP_POP, 0, 0);
    C->loop = &loop;
    compile_block(C, s->body, s->nbody);
    C->loop = loop.outer;
    C->line = line;
    C->col = col;
    for (int i = 0; i < loop.nconts; i++) compile_patch(C, loop.conts[i], top);
    compile_emit(C, OP_JMP, top, 0);
    compile_patch(C, exit, compile_here(C));
    compile_emit(C, OP_POP, 0, 0);                         /* the zero value of the last receive */
    for (int i = 0; i < loop.nbreaks; i++) compile_patch(C, loop.breaks[i], compile_here(C));
    free(loop.breaks);
    free(loop.conts);
}

static Expr *received(const Stmt *comm)
{
    return compile_unparen(comm->kind == ST_EXPR ? comm->x : comm->rhs[0]);
}

/* A receive case begins with (value, ok) on the stack. */
static void receive_case(Compiler *C, Stmt *comm)
{
    if (comm->kind == ST_EXPR) {
        compile_emit(C, OP_POP, 0, 0);
        compile_emit(C, OP_POP, 0, 0);
        return;
    }
    for (int i = 0; i < comm->nlhs; i++)
        if (declared(comm, i)) compile_declare_local(C, declared(comm, i));
    int okslot = -1;
    if (comm->nlhs == 2) {
        okslot = C->nslots++;
        compile_emit(C, OP_SETLOCAL, okslot, 0);
    } else {
        compile_emit(C, OP_POP, 0, 0);
    }
    Expr *v = compile_unparen(comm->lhs[0]);
    if (v->kind == EX_IDENT && v->namelen == 1 && v->name[0] == '_') compile_emit(C, OP_POP, 0, 0);
    else store_to(C, v, declared(comm, 0));
    if (okslot < 0) return;
    Expr *ok = compile_unparen(comm->lhs[1]);
    if (ok->kind == EX_IDENT && ok->namelen == 1 && ok->name[0] == '_') return;
    compile_emit(C, OP_LOCAL, okslot, 0);
    store_to(C, ok, declared(comm, 1));
}

#define MAX_SELECT_CASES 31     /* the SELECT's send mask is 31 bits (sim/machine/chan.c) */

void compile_conc_select(Compiler *C, Stmt *s)
{
    int line = s->line, col = s->col;
    int n = s->nclauses, ncases = 0;
    int *case_of = xmalloc((size_t)(n ? n : 1) * sizeof *case_of);
    uint32_t sends = 0;
    bool dflt = false;
    for (int i = 0; i < n; i++) {
        Stmt *comm = s->clauses[i].comm;
        if (!comm) { dflt = true; case_of[i] = -1; continue; }
        if (ncases == MAX_SELECT_CASES) sim_fatal("compile_conc_select", "too many cases");
        if (comm->kind == ST_SEND) {
            compile_expr(C, comm->lhs[0]);
            compile_value_copy(C, comm->rhs[0]);   /* a struct is sent as its own copy */
            sends |= 1u << ncases;
        } else {
            compile_expr(C, received(comm)->x);
        }
        case_of[i] = ncases++;
    }
    C->line = line;
    C->col = col;
    compile_emit(C, OP_SELECT, (int32_t)sends, ncases | (dflt ? 0x8000 : 0));
    int table = compile_here(C);
    for (int k = 0; k < ncases + dflt; k++) compile_emit(C, OP_JMP, 0, 0);
    Loop loop = {.outer = C->loop, .is_select = true, .label = s->label, .labellen = s->labellen};
    C->loop = &loop;
    int *ends = xmalloc((size_t)(n ? n : 1) * sizeof *ends), nends = 0;
    for (int i = 0; i < n; i++) {
        Clause *k = &s->clauses[i];
        compile_patch(C, table + (case_of[i] < 0 ? ncases : case_of[i]), compile_here(C));
        C->line = k->line;
        C->col = k->col;
        if (k->comm && k->comm->kind != ST_SEND) receive_case(C, k->comm);
        compile_block(C, k->body, k->nbody);
        if (i < n - 1) {
            C->line = k->line;
            C->col = k->col;
            ends[nends++] = compile_emit(C, OP_JMP, 0, 0);
        }
    }
    C->loop = loop.outer;
    for (int i = 0; i < nends; i++) compile_patch(C, ends[i], compile_here(C));
    for (int i = 0; i < loop.nbreaks; i++) compile_patch(C, loop.breaks[i], compile_here(C));
    free(loop.breaks);
    free(loop.conts);
    free(ends);
    free(case_of);
}
