/* compile.c — from the checked syntax tree to bytecode (Program, program.h).
 *
 * compile_source runs the pipeline: lex+parse (sim/parse.c), check
 * (sim/scope.c, sim/types.c), then this file's code generator, in the shape of
 * Lua's lcode.c: a straight walk over statements and expressions that emits
 * stack-machine instructions, with jump lists patched once targets are known.
 *
 * Memory layout (the contract with the VM):
 *  - globals live at mem[0, nglobals), structs flattened; the init proto sets
 *    every slot (zero value or initialiser) before main runs;
 *  - a local that a closure captures, whose address is taken, or that is a
 *    struct / sync.Mutex / sync.WaitGroup lives in a heap cell made by NEW; its
 *    slot holds the address and every access is LOADREF/STOREREF (scalars) or
 *    LOCAL; FIELD; LOAD/STORE (fields) — one shared-memory step each;
 *  - a closure's frame has its captured cell addresses in slots
 *    [nparams, nparams+ncaptures).
 * A "place" (Lua's expdesc) is where an assignable expression lives; code for
 * its address is emitted first, the read or write last.
 *
 * Size: one idea, the walk from checked tree to instructions (emit helpers,
 * places, expressions, calls, statements, functions, the init proto); it is
 * past 600 lines only because the helper files it could split into were not
 * in this module's file list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lex.h"
#include "parse.h"
#include "program.h"
#include "types.h"
#include "util.h"

typedef struct Loop {
    struct Loop *outer;
    int *breaks; int nbreaks, breaks_cap;
    int *conts; int nconts, conts_cap;
} Loop;

typedef struct Compiler {
    Program *p;
    Checker *ck;
    int code_cap, consts_cap, strings_cap, protos_cap, types_cap;
    FuncInfo *fn;
    int nslots;
    int line, col;
    Loop *loop;
    FuncInfo **pending; int npending, pending_cap, pending_next;
} Compiler;

typedef enum PlaceKind { PL_BLANK, PL_LOCAL, PL_REF, PL_GLOBAL, PL_ADDR } PlaceKind;
typedef struct Place {
    PlaceKind kind;
    int slot;     /* PL_LOCAL, PL_REF: frame slot; PL_GLOBAL: global slot      */
    int off;      /* PL_ADDR: FIELD offset still to emit, -1 none              */
} Place;

static void expr(Compiler *C, Expr *e);
static void stmt(Compiler *C, Stmt *s);

/* ---- emitting ----------------------------------------------------------------------- */

static int emit(Compiler *C, int op, int a, int b)
{
    Program *p = C->p;
    if (p->ncode + 1 > C->code_cap) {
        int cap = C->code_cap;
        GROW(p->code, cap, p->ncode + 1);
        p->code_line = xrealloc(p->code_line, sizeof *p->code_line * (size_t)cap);
        p->code_col = xrealloc(p->code_col, sizeof *p->code_col * (size_t)cap);
        C->code_cap = cap;
    }
    Instr in = {(uint16_t)op, (uint16_t)b, a};
    p->code[p->ncode] = in;
    p->code_line[p->ncode] = C->line;
    p->code_col[p->ncode] = C->col;
    return p->ncode++;
}

static void patch(Compiler *C, int at, int target) { C->p->code[at].a = target; }
static int here(const Compiler *C) { return C->p->ncode; }

static int add_string(Compiler *C, const char *s, int len)
{
    Program *p = C->p;
    for (int i = 0; i < p->nstrings; i++)
        if (p->string_len[i] == len && memcmp(p->strings[i], s, (size_t)len) == 0) return i;
    if (p->nstrings + 1 > C->strings_cap) {
        int cap = C->strings_cap;
        GROW(p->strings, cap, p->nstrings + 1);
        p->string_len = xrealloc(p->string_len, sizeof *p->string_len * (size_t)cap);
        C->strings_cap = cap;
    }
    p->strings[p->nstrings] = xstrndup(s, (size_t)len);
    p->string_len[p->nstrings] = len;
    return p->nstrings++;
}

static void emit_int(Compiler *C, int64_t v)
{
    if (v >= INT32_MIN && v <= INT32_MAX) {
        emit(C, OP_INT, (int32_t)v, 0);
        return;
    }
    Program *p = C->p;
    int k = -1;
    for (int i = 0; i < p->nconsts && k < 0; i++) if (p->consts[i].i == v) k = i;
    if (k < 0) {
        GROW(p->consts, C->consts_cap, p->nconsts + 1);
        k = p->nconsts++;
        p->consts[k] = value_int(v);
    }
    emit(C, OP_CONST, k, 0);
}

static void emit_const(Compiler *C, const ConstVal *cv)
{
    switch (cv->kind) {
    case CV_INT: emit_int(C, cv->i); break;
    case CV_BOOL: emit(C, cv->i ? OP_TRUE : OP_FALSE, 0, 0); break;
    case CV_STRING: emit(C, OP_STR, add_string(C, cv->s, cv->slen), 0); break;
    default: sim_fatal("emit_const", "no constant value");
    }
}

static Value zero_value(const Type *t)
{
    switch (t->kind) {
    case TY_INT: return value_int(0);
    case TY_BOOL: return value_bool(0);
    case TY_STRING: return value_make(V_STR, 0, 0);   /* string constant 0 is "" */
    case TY_MUTEX: return value_make(V_SYNC, SYNC_MUTEX, 0);
    case TY_WAITGROUP: return value_make(V_SYNC, SYNC_WAITGROUP, 0);
    default: return value_nil();
    }
}

/* Push the zero value of a scalar type. */
static void emit_zero(Compiler *C, const Type *t)
{
    switch (t->kind) {
    case TY_INT: emit(C, OP_INT, 0, 0); break;
    case TY_BOOL: emit(C, OP_FALSE, 0, 0); break;
    case TY_STRING: emit(C, OP_STR, 0, 0); break;
    default: emit(C, OP_NIL, 0, 0); break;
    }
}

/* Flatten t's slots: zero values and field paths ("inner.x"). */
static void flatten(const Type *t, const char *prefix, Value *zero, const char **names, int *k)
{
    if (t->kind != TY_STRUCT) {
        zero[*k] = zero_value(t);
        names[*k] = xstrdup(prefix);
        (*k)++;
        return;
    }
    for (int i = 0; i < t->nfields; i++) {
        char path[160];
        snprintf(path, sizeof path, "%s%s%.*s", prefix, *prefix ? "." : "", t->fields[i].namelen, t->fields[i].name);
        flatten(t->fields[i].type, path, zero, names, k);
    }
}

/* The Program.types index of t (made on first use). */
static int layout(Compiler *C, Type *t)
{
    if (t->layout >= 0) return t->layout;
    Program *p = C->p;
    GROW(p->types, C->types_cap, p->ntypes + 1);
    TypeLayout *tl = &p->types[p->ntypes];
    char name[128];
    types_string(t, name, sizeof name);
    tl->name = xstrdup(name);
    tl->nslots = t->kind == TY_STRUCT ? t->nslots : 1;
    tl->zero = xcalloc((size_t)tl->nslots, sizeof *tl->zero);
    tl->slot_name = xcalloc((size_t)tl->nslots, sizeof *tl->slot_name);
    int k = 0;
    flatten(t, "", tl->zero, tl->slot_name, &k);
    t->layout = p->ntypes++;
    return t->layout;
}

/* ---- variables and places --------------------------------------------------------------- */

static bool boxed(const Sym *v)
{
    TypeKind k = v->type->kind;
    return v->captured || v->addr_taken || k == TY_STRUCT || k == TY_MUTEX || k == TY_WAITGROUP;
}

/* The slot of a local in the current frame: its own, or its capture slot. */
static int var_slot(Compiler *C, const Sym *v)
{
    if (v->owner == C->fn) return v->slot;
    for (int i = 0; i < C->fn->ncaptures; i++)
        if (C->fn->captures[i] == v) return C->fn->nparams + i;
    sim_fatal("var_slot", "variable neither local nor captured");
}

static Place var_place(Compiler *C, const Sym *v)
{
    Place pl = {PL_LOCAL, 0, -1};
    if (v->global) { pl.kind = PL_GLOBAL; pl.slot = v->slot; return pl; }
    pl.slot = var_slot(C, v);
    if (v->owner != C->fn || boxed(v)) pl.kind = PL_REF;
    return pl;
}

/* A new local: a slot, and a heap cell when it must be boxed. */
static void declare_local(Compiler *C, Sym *v)
{
    v->slot = C->nslots++;
    if (!boxed(v)) return;
    emit(C, OP_NEW, layout(C, v->type), add_string(C, v->name, v->namelen));
    emit(C, OP_SETLOCAL, v->slot, 0);
}

static Place place(Compiler *C, Expr *e)
{
    Place pl = {PL_ADDR, 0, -1};
    switch (e->kind) {
    case EX_PAREN:
        return place(C, e->x);
    case EX_IDENT:
        if (e->namelen == 1 && e->name[0] == '_') { pl.kind = PL_BLANK; return pl; }
        return var_place(C, e->sym);
    case EX_SELECTOR:
        if (e->through_ptr) {
            expr(C, e->x);
            pl.off = e->field_off;
            return pl;
        }
        pl = place(C, e->x);
        switch (pl.kind) {
        case PL_GLOBAL: pl.slot += e->field_off; break;
        case PL_REF: emit(C, OP_LOCAL, pl.slot, 0); pl.kind = PL_ADDR; pl.off = e->field_off; break;
        case PL_ADDR: pl.off = (pl.off < 0 ? 0 : pl.off) + e->field_off; break;
        default: sim_fatal("place", "field of an unboxed local");
        }
        return pl;
    case EX_STAR:
        expr(C, e->x);
        return pl;
    default:
        sim_fatal("place", "not addressable");
    }
}

/* Emit the pending FIELD of an address place (the address is then on the stack). */
static void place_prepare(Compiler *C, Place *pl)
{
    if (pl->kind == PL_ADDR && pl->off >= 0) {
        emit(C, OP_FIELD, pl->off, 0);
        pl->off = -1;
    }
}

static void place_addr(Compiler *C, Place *pl)
{
    switch (pl->kind) {
    case PL_REF: emit(C, OP_LOCAL, pl->slot, 0); break;
    case PL_GLOBAL: emit(C, OP_GADDR, pl->slot, 0); break;
    case PL_ADDR: place_prepare(C, pl); break;
    default: sim_fatal("place_addr", "no address");
    }
}

static void place_load(Compiler *C, Place *pl)
{
    switch (pl->kind) {
    case PL_LOCAL: emit(C, OP_LOCAL, pl->slot, 0); break;
    case PL_REF: emit(C, OP_LOADREF, pl->slot, 0); break;
    case PL_GLOBAL: emit(C, OP_GLOBAL, pl->slot, 0); break;
    case PL_ADDR: place_prepare(C, pl); emit(C, OP_LOAD, 0, 0); break;
    default: sim_fatal("place_load", "blank");
    }
}

static void place_store(Compiler *C, Place *pl)
{
    switch (pl->kind) {
    case PL_BLANK: emit(C, OP_POP, 0, 0); break;
    case PL_LOCAL: emit(C, OP_SETLOCAL, pl->slot, 0); break;
    case PL_REF: emit(C, OP_STOREREF, pl->slot, 0); break;
    case PL_GLOBAL: emit(C, OP_SETGLOBAL, pl->slot, 0); break;
    case PL_ADDR: emit(C, OP_STORE, 0, 0); break;
    }
}

/* Fill a fresh (zeroed) struct from a composite literal.  The struct's
 * address is on the stack (addr_slot < 0: DUP it per field), in local slot
 * addr_slot, or the struct is the global at gslot (>= 0). */
static void fill_composite(Compiler *C, Expr *lit, int addr_slot, int gslot)
{
    for (int i = 0; i < lit->nargs; i++) {
        Expr *el = lit->args[i];
        Expr *v = el->kind == EX_KEYVALUE ? el->y : el;
        if (gslot >= 0) {
            expr(C, v);
            emit(C, OP_SETGLOBAL, gslot + el->field_off, 0);
            continue;
        }
        emit(C, addr_slot < 0 ? OP_DUP : OP_LOCAL, addr_slot < 0 ? 0 : addr_slot, 0);
        emit(C, OP_FIELD, el->field_off, 0);
        expr(C, v);
        emit(C, OP_STORE, 0, 0);
    }
}

static Expr *unparen(Expr *e)
{
    while (e->kind == EX_PAREN) e = e->x;
    return e;
}

/* ---- expressions ----------------------------------------------------------------------- */

static void address_of(Compiler *C, Expr *x)
{
    x = unparen(x);
    if (x->kind == EX_COMPOSITE) {
        emit(C, OP_NEW, layout(C, x->type), 0);
        fill_composite(C, x, -1, -1);
        return;
    }
    Place pl = place(C, x);
    place_addr(C, &pl);
}

static void closure(Compiler *C, Expr *e);
typedef enum CallKind { CALL_PLAIN, CALL_GO, CALL_DEFER } CallKind;
static int call(Compiler *C, Expr *e, CallKind how);

/* a && b, a || b: the right side only runs when it decides the result. */
static void logical(Compiler *C, Expr *e)
{
    bool and = e->op == TK_ANDAND;
    expr(C, e->x);
    int skip = emit(C, and ? OP_JMPF : OP_JMPT, 0, 0);
    expr(C, e->y);
    int done = emit(C, OP_JMP, 0, 0);
    patch(C, skip, here(C));
    emit(C, and ? OP_FALSE : OP_TRUE, 0, 0);
    patch(C, done, here(C));
}

static int binary_opcode(int op)
{
    switch (types_base_op(op)) {
    case TK_PLUS: return OP_ADD;
    case TK_MINUS: return OP_SUB;
    case TK_STAR: return OP_MUL;
    case TK_SLASH: return OP_DIV;
    case TK_PERCENT: return OP_MOD;
    case TK_EQ: return OP_EQ;
    case TK_NE: return OP_NE;
    case TK_LT: return OP_LT;
    case TK_LE: return OP_LE;
    case TK_GT: return OP_GT;
    case TK_GE: return OP_GE;
    default: sim_fatal("binary_opcode", "operator without an opcode");
    }
}

/* Push `y` and apply `op` to the value below it: x+c and x-c become ADDI.
 * The operator instruction keeps the position of the enclosing construct
 * (expr restores C->line/col after compiling y). */
static void apply(Compiler *C, int op, const Type *t, Expr *y)
{
    int base = types_base_op(op);
    if ((base == TK_PLUS || base == TK_MINUS) && t->kind == TY_INT && y->mode == MODE_CONST &&
        y->cv.i >= -INT32_MAX && y->cv.i <= INT32_MAX) {
        emit(C, OP_ADDI, (int32_t)(base == TK_PLUS ? y->cv.i : -y->cv.i), 0);
        return;
    }
    expr(C, y);
    emit(C, binary_opcode(op), 0, 0);
}

static void expr(Compiler *C, Expr *e)
{
    int line = C->line, col = C->col;
    C->line = e->line;
    C->col = e->col;
    if (e->mode == MODE_CONST) {
        emit_const(C, &e->cv);
    } else if (e->mode == MODE_NIL) {
        emit(C, OP_NIL, 0, 0);
    } else {
        switch (e->kind) {
        case EX_PAREN: expr(C, e->x); break;
        case EX_IDENT:
            if (e->sym->kind == SYM_FUNC) emit(C, OP_FUNC, e->sym->proto, 0);
            else { Place pl = var_place(C, e->sym); place_load(C, &pl); }
            break;
        case EX_SELECTOR: case EX_STAR: {
            Place pl = place(C, e);
            place_load(C, &pl);
            break;
        }
        case EX_UNARY:
            if (e->op == TK_AMP) { address_of(C, e->x); break; }
            expr(C, e->x);
            if (e->op == TK_MINUS) emit(C, OP_NEG, 0, 0);
            else if (e->op == TK_NOT) emit(C, OP_NOT, 0, 0);
            break;
        case EX_BINARY:
            if (e->op == TK_ANDAND || e->op == TK_OROR) { logical(C, e); break; }
            expr(C, e->x);
            apply(C, e->op, e->x->type, e->y);
            break;
        case EX_CALL: call(C, e, CALL_PLAIN); break;
        case EX_FUNCLIT: closure(C, e); break;
        default: sim_fatal("expr", "expression kind the checker should have rejected");
        }
    }
    C->line = line;
    C->col = col;
}

/* Push the arguments of a call; returns how many values that is. */
static int arguments(Compiler *C, Expr *e, int from)
{
    if (e->nargs == 1 && from == 0 && e->args[0]->type && e->args[0]->type->kind == TY_TUPLE)
        return call(C, e->args[0], CALL_PLAIN);
    for (int i = from; i < e->nargs; i++) expr(C, e->args[i]);
    return e->nargs - from;
}

/* The receiver of a sync method: push the Mutex's / WaitGroup's address. */
static void receiver(Compiler *C, Expr *sel)
{
    Expr *x = sel->x;
    if (x->type->kind == TY_PTR) { expr(C, x); return; }
    Place pl = place(C, x);
    place_addr(C, &pl);
}

static int builtin(Compiler *C, Expr *e, int bi, CallKind how)
{
    int op, argc;
    switch (bi) {
    case BI_PRINTLN: op = OP_PRINTLN; argc = arguments(C, e, 0); break;
    case BI_PRINTF: op = OP_PRINTF; argc = arguments(C, e, 0); break;
    case BI_SLEEP: op = OP_SLEEP; argc = arguments(C, e, 0); break;
    case BI_LOCK: op = OP_LOCK; receiver(C, e->x); argc = 1; break;
    case BI_UNLOCK: op = OP_UNLOCK; receiver(C, e->x); argc = 1; break;
    case BI_WGDONE: op = OP_WGDONE; receiver(C, e->x); argc = 1; break;
    case BI_WGWAIT: op = OP_WGWAIT; receiver(C, e->x); argc = 1; break;
    case BI_WGADD: op = OP_WGADD; receiver(C, e->x); argc = 1 + arguments(C, e, 0); break;
    case BI_NEW:
        emit(C, OP_NEW, layout(C, e->type->elem), 0);
        return 1;
    default: sim_fatal("builtin", "unsupported builtin reached the code generator");
    }
    if (how == CALL_DEFER) emit(C, OP_DEFER, argc, op);
    else emit(C, op, op == OP_PRINTF || op == OP_PRINTLN ? argc : 0, 0);
    return 0;
}

/* Compile a call; returns the number of results left on the stack. */
static int call(Compiler *C, Expr *e, CallKind how)
{
    int line = C->line, col = C->col;
    C->line = e->line;
    C->col = e->col;
    Expr *f = unparen(e->x);
    int n = 0;
    if (f->mode == MODE_TYPE) {
        expr(C, e->args[0]);   /* conversions between int types are free */
        n = 1;
    } else if (f->mode == MODE_BUILTIN) {
        n = builtin(C, e, f->builtin, how);
    } else {
        expr(C, f);
        int argc = arguments(C, e, 0);
        C->line = e->line;
        C->col = e->col;
        emit(C, how == CALL_GO ? OP_GO : how == CALL_DEFER ? OP_DEFER : OP_CALL, argc, 0);
        n = how == CALL_PLAIN ? f->type->nresults : 0;
    }
    C->line = line;
    C->col = col;
    return n;
}

static int new_proto(Compiler *C, FuncInfo *fi);

static void closure(Compiler *C, Expr *e)
{
    FuncInfo *fi = e->fn->info;
    fi->proto = new_proto(C, fi);
    GROW(C->pending, C->pending_cap, C->npending + 1);
    C->pending[C->npending++] = fi;
    if (fi->ncaptures == 0) {
        emit(C, OP_FUNC, fi->proto, 0);
        return;
    }
    for (int i = 0; i < fi->ncaptures; i++) emit(C, OP_LOCAL, var_slot(C, fi->captures[i]), 0);
    emit(C, OP_CLOSURE, fi->proto, fi->ncaptures);
}

/* ---- statements -------------------------------------------------------------------------- */

/* Target i of an assignment or declaration.  For ST_ASSIGN this emits the
 * code computing the target's address (Go evaluates the left side first). */
static Place target(Compiler *C, Stmt *s, int i)
{
    Place blank = {PL_BLANK, 0, -1};
    Expr *l = s->lhs[i];
    if (s->kind == ST_ASSIGN) return place(C, l);
    if (s->syms && s->syms[i]) return var_place(C, s->syms[i]);
    if (l->namelen == 1 && l->name[0] == '_') return blank;
    return var_place(C, l->sym);
}

static bool is_composite(Expr *e) { return unparen(e)->kind == EX_COMPOSITE; }

static void fill_target(Compiler *C, Place *pl, Expr *lit)
{
    if (pl->kind == PL_GLOBAL) fill_composite(C, unparen(lit), -1, pl->slot);
    else fill_composite(C, unparen(lit), pl->slot, -1);
}

/* lhs... = rhs... (also the values of var and := declarations).  Go
 * evaluates every right side before assigning; a composite literal fills the
 * fresh variable it initialises in place. */
static void assign_values(Compiler *C, Stmt *s)
{
    int n = s->nlhs;
    bool tuple = s->nrhs != n;   /* a, b = f() */
    if (n == 1) {
        Place pl = target(C, s, 0);
        if (is_composite(s->rhs[0])) { fill_target(C, &pl, s->rhs[0]); return; }
        place_prepare(C, &pl);
        expr(C, s->rhs[0]);
        C->line = s->line;
        C->col = s->col;
        place_store(C, &pl);
        return;
    }
    /* Simple: every target is a name, so the values can be stored straight
     * off the stack in reverse.  Otherwise a target needs its address
     * computed first, so the values wait in temporaries. */
    bool simple = true;
    for (int i = 0; i < n; i++) {
        if (s->kind == ST_ASSIGN && unparen(s->lhs[i])->kind != EX_IDENT) simple = false;
        if (!tuple && is_composite(s->rhs[i])) simple = false;
    }
    if (tuple) call(C, s->rhs[0], CALL_PLAIN);
    else for (int i = 0; i < n; i++) if (!is_composite(s->rhs[i])) expr(C, s->rhs[i]);
    C->line = s->line;
    C->col = s->col;
    if (simple) {
        for (int i = n - 1; i >= 0; i--) {
            Place pl = target(C, s, i);
            place_store(C, &pl);
        }
        return;
    }
    int base = C->nslots;
    C->nslots += n;
    for (int i = n - 1; i >= 0; i--)
        if (tuple || !is_composite(s->rhs[i])) emit(C, OP_SETLOCAL, base + i, 0);
    for (int i = 0; i < n; i++) {
        Place pl = target(C, s, i);
        if (!tuple && is_composite(s->rhs[i])) { fill_target(C, &pl, s->rhs[i]); continue; }
        place_prepare(C, &pl);
        emit(C, OP_LOCAL, base + i, 0);
        place_store(C, &pl);
    }
}

static void declaration(Compiler *C, Stmt *s)
{
    for (int i = 0; i < s->nlhs; i++)
        if (s->syms[i]) declare_local(C, s->syms[i]);
    if (s->nrhs) {
        assign_values(C, s);
        return;
    }
    for (int i = 0; i < s->nlhs; i++) {
        Sym *v = s->syms[i];
        if (!v || boxed(v)) continue;
        emit_zero(C, v->type);
        emit(C, OP_SETLOCAL, v->slot, 0);
    }
}

/* x op= y, x++, x-- : read x, combine, write x (three steps for a shared x). */
static void update(Compiler *C, Stmt *s, Expr *x, int op, Expr *y)
{
    Place pl = place(C, x);
    C->line = s->line;
    C->col = s->col;
    place_prepare(C, &pl);
    if (pl.kind == PL_ADDR) emit(C, OP_DUP, 0, 0);
    place_load(C, &pl);
    if (y) apply(C, op, x->type, y);
    else emit(C, OP_ADDI, op == TK_INC ? 1 : -1, 0);
    place_store(C, &pl);
}

static void block(Compiler *C, Stmt **body, int n)
{
    for (int i = 0; i < n; i++) stmt(C, body[i]);
}

static void if_stmt(Compiler *C, Stmt *s)
{
    if (s->init) stmt(C, s->init);
    expr(C, s->cond);
    C->line = s->cond->line;
    C->col = s->cond->col;
    int skip = emit(C, OP_JMPF, 0, 0);
    block(C, s->body, s->nbody);
    if (!s->els) {
        patch(C, skip, here(C));
        return;
    }
    C->line = s->end_line;
    C->col = s->end_col;
    int done = emit(C, OP_JMP, 0, 0);
    patch(C, skip, here(C));
    stmt(C, s->els);
    patch(C, done, here(C));
}

static void for_stmt(Compiler *C, Stmt *s)
{
    Loop loop = {C->loop, NULL, 0, 0, NULL, 0, 0};
    if (s->init) stmt(C, s->init);
    int top = here(C), exit = -1;
    if (s->cond) {
        expr(C, s->cond);
        C->line = s->cond->line;
        C->col = s->cond->col;
        exit = emit(C, OP_JMPF, 0, 0);
    }
    C->loop = &loop;
    block(C, s->body, s->nbody);
    C->loop = loop.outer;
    for (int i = 0; i < loop.nconts; i++) patch(C, loop.conts[i], here(C));
    if (s->post) stmt(C, s->post);
    C->line = s->line;
    C->col = s->col;
    emit(C, OP_JMP, top, 0);
    if (exit >= 0) patch(C, exit, here(C));
    for (int i = 0; i < loop.nbreaks; i++) patch(C, loop.breaks[i], here(C));
    free(loop.breaks);
    free(loop.conts);
}

static void return_stmt(Compiler *C, Stmt *s)
{
    FuncInfo *fi = C->fn;
    int n = 0;
    if (s->nrhs == 0) {
        for (int i = 0; i < fi->nresults && fi->results[i]; i++, n++) {
            Place pl = var_place(C, fi->results[i]);
            place_load(C, &pl);
        }
    } else if (s->nrhs == 1 && s->rhs[0]->type->kind == TY_TUPLE) {
        n = call(C, s->rhs[0], CALL_PLAIN);
    } else {
        for (int i = 0; i < s->nrhs; i++) expr(C, s->rhs[i]);
        n = s->nrhs;
    }
    C->line = s->line;
    C->col = s->col;
    emit(C, OP_RET, n, 0);
}

static void stmt(Compiler *C, Stmt *s)
{
    C->line = s->line;
    C->col = s->col;
    switch (s->kind) {
    case ST_EMPTY: case ST_CONST: case ST_TYPE: break;
    case ST_EXPR:
        for (int n = call(C, unparen(s->x), CALL_PLAIN); n > 0; n--) emit(C, OP_POP, 0, 0);
        break;
    case ST_VAR: case ST_DEFINE: declaration(C, s); break;
    case ST_ASSIGN:
        if (s->op == TK_ASSIGN) assign_values(C, s);
        else update(C, s, s->lhs[0], s->op, s->rhs[0]);
        break;
    case ST_INCDEC: update(C, s, s->x, s->op, NULL); break;
    case ST_BLOCK: block(C, s->body, s->nbody); break;
    case ST_IF: if_stmt(C, s); break;
    case ST_FOR: for_stmt(C, s); break;
    case ST_BREAK: {
        int j = emit(C, OP_JMP, 0, 0);
        GROW(C->loop->breaks, C->loop->breaks_cap, C->loop->nbreaks + 1);
        C->loop->breaks[C->loop->nbreaks++] = j;
        break;
    }
    case ST_CONTINUE: {
        int j = emit(C, OP_JMP, 0, 0);
        GROW(C->loop->conts, C->loop->conts_cap, C->loop->nconts + 1);
        C->loop->conts[C->loop->nconts++] = j;
        break;
    }
    case ST_RETURN: return_stmt(C, s); break;
    case ST_GO: call(C, s->x, CALL_GO); break;
    case ST_DEFER: call(C, s->x, CALL_DEFER); break;
    }
}

/* ---- functions and the program ---------------------------------------------------------- */

static int new_proto(Compiler *C, FuncInfo *fi)
{
    Program *p = C->p;
    GROW(p->protos, C->protos_cap, p->nprotos + 1);
    Proto *pr = &p->protos[p->nprotos];
    memset(pr, 0, sizeof *pr);
    pr->name = xstrdup(fi->name);
    pr->nparams = fi->nparams;
    pr->ncaptures = fi->ncaptures;
    pr->nresults = fi->sig ? fi->sig->nresults : 0;
    pr->line = fi->node ? fi->node->line : 0;
    return p->nprotos++;
}

/* Close a function's code: a final RET 0 unless it already ends in a RET
 * that no jump skips past. */
static void finish(Compiler *C, FuncInfo *fi)
{
    Program *p = C->p;
    Proto *pr = &p->protos[fi->proto];
    bool need = here(C) == pr->code_start || p->code[here(C) - 1].op != OP_RET;
    for (int pc = pr->code_start; pc < here(C) && !need; pc++) {
        int op = p->code[pc].op;
        if ((op == OP_JMP || op == OP_JMPF || op == OP_JMPT) && p->code[pc].a == here(C)) need = true;
    }
    if (need) emit(C, OP_RET, 0, 0);
    pr = &p->protos[fi->proto];
    pr->code_end = here(C);
    pr->nslots = C->nslots;
}

static void function(Compiler *C, FuncInfo *fi)
{
    FuncNode *fn = fi->node;
    C->fn = fi;
    C->loop = NULL;
    C->p->protos[fi->proto].code_start = here(C);
    C->nslots = fi->nparams + fi->ncaptures;
    C->line = fn->line;
    C->col = fn->col;
    for (int i = 0; i < fi->nparams; i++) {
        Sym *v = fi->params[i];
        v->slot = i;
        if (!boxed(v)) continue;
        /* a captured or address-taken parameter moves into a heap cell */
        emit(C, OP_NEW, layout(C, v->type), add_string(C, v->name, v->namelen));
        emit(C, OP_DUP, 0, 0);
        emit(C, OP_LOCAL, i, 0);
        emit(C, OP_STORE, 0, 0);
        emit(C, OP_SETLOCAL, i, 0);
    }
    for (int i = 0; i < fi->nresults; i++) {
        Sym *v = fi->results[i];
        if (!v) continue;
        declare_local(C, v);
        if (!boxed(v)) {
            emit_zero(C, v->type);
            emit(C, OP_SETLOCAL, v->slot, 0);
        }
    }
    block(C, fn->body->body, fn->body->nbody);
    C->line = fn->body->end_line;
    C->col = fn->body->end_col;
    finish(C, fi);
}

static void drain_pending(Compiler *C)
{
    while (C->pending_next < C->npending) function(C, C->pending[C->pending_next++]);
}

/* The init proto: every global slot gets its zero value (a sync slot is
 * copied from a fresh NEW so it carries its SyncKind), then the initialisers
 * run in dependency order, then each func init(). */
static void init_proto(Compiler *C, const Value *zero)
{
    Checker *ck = C->ck;
    Program *p = C->p;
    FuncInfo fi;
    memset(&fi, 0, sizeof fi);
    fi.name = "init";
    fi.proto = new_proto(C, &fi);
    p->init_proto = fi.proto;
    p->protos[fi.proto].code_start = here(C);
    p->protos[fi.proto].line = 1;
    C->fn = &fi;
    C->nslots = 0;
    for (int i = 0; i < ck->nglobals; i++) {
        Sym *v = ck->globals[i];
        C->line = v->line;
        C->col = v->col;
        int n = v->type->kind == TY_STRUCT ? v->type->nslots : 1;
        for (int k = v->slot; k < v->slot + n; k++) {
            switch (zero[k].kind) {
            case V_INT: emit(C, OP_INT, 0, 0); break;
            case V_BOOL: emit(C, OP_FALSE, 0, 0); break;
            case V_STR: emit(C, OP_STR, 0, 0); break;
            case V_SYNC:
                emit(C, OP_NEW, layout(C, zero[k].aux == SYNC_MUTEX ? ck->t_mutex : ck->t_wg), 0);
                emit(C, OP_LOAD, 0, 0);
                break;
            default: emit(C, OP_NIL, 0, 0); break;
            }
            emit(C, OP_SETGLOBAL, k, 0);
        }
    }
    for (int i = 0; i < ck->ninits; i++) {
        Stmt *s = ck->global_inits[i];
        if (!s->nrhs) continue;
        C->line = s->line;
        C->col = s->col;
        Stmt copy = *s;
        copy.syms = NULL;   /* targets are the globals themselves */
        assign_values(C, &copy);
    }
    for (int i = 0; i < ck->ninit_fns; i++) {
        C->line = ck->init_fns[i]->line;
        C->col = ck->init_fns[i]->col;
        emit(C, OP_FUNC, ck->init_fns[i]->proto, 0);
        emit(C, OP_CALL, 0, 0);
    }
    finish(C, &fi);
    drain_pending(C);
}

static void generate(Program *p, Checker *ck)
{
    Compiler C;
    memset(&C, 0, sizeof C);
    C.p = p;
    C.ck = ck;
    add_string(&C, "", 0);   /* string constant 0 is always "" */
    int n = 0;
    for (int i = 0; i < ck->nglobals; i++) {
        Sym *v = ck->globals[i];
        v->slot = n;
        n += v->type->kind == TY_STRUCT ? v->type->nslots : 1;
    }
    p->nglobals = n;
    p->global_name = xcalloc((size_t)(n ? n : 1), sizeof *p->global_name);
    Value *zero = xcalloc((size_t)(n ? n : 1), sizeof *zero);
    for (int i = 0; i < ck->nglobals; i++) {
        Sym *v = ck->globals[i];
        char name[96];
        snprintf(name, sizeof name, "%.*s", v->namelen, v->name);
        int k = v->slot;
        flatten(v->type, name, zero, p->global_name, &k);
    }
    for (int i = 0; i < ck->nfuncs; i++) {
        Sym *fs = ck->funcs[i];
        FuncInfo *fi = fs->decl->fn->info;
        fi->proto = fs->proto = new_proto(&C, fi);
        if (fs == ck->main_fn) p->main_proto = fi->proto;
    }
    for (int i = 0; i < ck->nfuncs; i++) {
        function(&C, ck->funcs[i]->decl->fn->info);
        drain_pending(&C);
    }
    if (p->nglobals || ck->ninit_fns || ck->ninits) init_proto(&C, zero);
    free(zero);
    free(C.pending);
}

/* ---- the pipeline ------------------------------------------------------------------------ */

static void index_lines(Program *p, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++) if (p->source[i] == '\n') n++;
    p->line_start = xcalloc((size_t)n + 2, sizeof *p->line_start);
    p->line_start[0] = 0;
    int k = 1;
    for (size_t i = 0; i < len; i++) if (p->source[i] == '\n') p->line_start[k++] = (int)i + 1;
    p->nlines = len > 0 && p->source[len - 1] != '\n' ? n + 1 : n;
}

/* Keep the first 10 diagnostics by position (stable: ties keep their order). */
static void finish_diags(Program *p, DiagList *dl)
{
    for (int i = 1; i < dl->n; i++) {
        Diagnostic d = dl->d[i];
        int j = i - 1;
        while (j >= 0 && (dl->d[j].line > d.line || (dl->d[j].line == d.line && dl->d[j].col > d.col))) {
            dl->d[j + 1] = dl->d[j];
            j--;
        }
        dl->d[j + 1] = d;
    }
    p->ndiags = dl->n < 10 ? dl->n : 10;
    if (p->ndiags) {
        p->diags = xcalloc((size_t)p->ndiags, sizeof *p->diags);
        memcpy(p->diags, dl->d, sizeof *p->diags * (size_t)p->ndiags);
    }
}

Program *compile_source(const char *filename, const char *source, size_t len)
{
    Program *p = xcalloc(1, sizeof *p);
    p->filename = xstrdup(filename ? filename : "<input>");
    p->source = xstrndup(source ? source : "", source ? len : 0);
    if (!source) len = 0;
    index_lines(p, len);
    p->main_proto = -1;
    p->init_proto = -1;
    Arena arena = {NULL};
    DiagList dl = {NULL, 0, 0};
    File *f = parse_file(&arena, p->source, len, &dl);
    if (f) {
        Checker *ck = parse_alloc(&arena, sizeof *ck);
        ck->arena = &arena;
        ck->diags = &dl;
        if (scope_check_file(ck, f)) generate(p, ck);
    }
    finish_diags(p, &dl);   /* code is generated only for a program without any */
    free(dl.d);
    parse_arena_free(&arena);
    return p;
}
