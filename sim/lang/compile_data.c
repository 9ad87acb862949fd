/* compile_data.c — code for Go's data: slice, array and map literals, index
 * and slice expressions, the data builtins, conversions and the arithmetic
 * of floats, sized and unsigned integers.
 *
 * An element access is two instructions: INDEXADDR computes &s[i] (bounds
 * checked, nothing shared touched) and LOAD or STORE is the shared access,
 * so a race on a slice element interleaves exactly as one on a struct field.
 * A map element is a place of its own (PL_MAP: map and key on the stack),
 * read by MAPGET and written by MAPSET, each one step.
 *
 * Arrays are references to their elements (sim/value.h), so Go's value
 * semantics are made here: reading an array variable as a value copies it
 * (ACOPY), while indexing, slicing and len use the reference.
 *
 * Sized integers are computed in 64 bits and wrapped (CONV) after every
 * operation that can leave their range, as Go's arithmetic wraps.
 */
#include "compile_internal.h"

#include <stdlib.h>
#include <string.h>
#include "lex.h"
#include "util.h"

/* The index of a constant Value in the pool (deduplicated bytewise). */
int compile_data_const(Compiler *C, Value v)
{
    Program *p = C->p;
    for (int i = 0; i < p->nconsts; i++)
        if (memcmp(&p->consts[i], &v, sizeof v) == 0) return i;
    GROW(p->consts, C->consts_cap, p->nconsts + 1);
    p->consts[p->nconsts] = v;
    return p->nconsts++;
}

/* The Value a zero-initialised slot of type t holds. */
Value compile_data_zero_value(const Type *t)
{
    switch (t->kind) {
    case TY_FLOAT: {
        Value z = value_float(0);
        z.aux = (uint32_t)t->numkind;
        return z;
    }
    case TY_SLICE: return value_make(V_SLICE, 0, 0);
    case TY_MAP: return value_make(V_MAP, 0, 0);
    case TY_INT: return value_make(V_INT, (uint32_t)t->numkind, 0);
    case TY_BOOL: return value_bool(0);
    case TY_STRING: return value_make(V_STR, 0, 0);   /* string constant 0 is "" */
    case TY_STRBUF: return value_make(V_STR, 0, 0);   /* an empty Builder / Buffer */
    default: return value_nil();
    }
}

static int elem_layout(Compiler *C, Type *elem) { return compile_layout(C, elem); }
static int esz(const Type *elem) { return elem->kind == TY_STRUCT ? elem->nslots : 1; }

/* Push a map key or value: a struct travels as the address of its slots (a
 * literal is built in a fresh object first). */
static void push_slots(Compiler *C, Expr *x, const Type *t)
{
    if (t->kind != TY_STRUCT) { compile_expr(C, x); return; }
    x = compile_unparen(x);
    if (x->kind == EX_COMPOSITE) {
        compile_emit(C, OP_NEW, compile_layout(C, x->type), 0);
        compile_fill_composite(C, x, -1, -1);
    } else {
        compile_expr(C, x);            /* any struct expression: its address */
    }
    /* MAPSET stores one slot as is: a one-slot struct goes in as its field */
    if (t->nslots == 1) compile_emit(C, OP_LOAD, 0, 0);
}

/* MAPGET's operands for a map of elem: the zero constant, or (B&2) the
 * layout of a struct value. */
static void emit_mapget(Compiler *C, Type *elem, int commaok)
{
    if (elem->kind == TY_STRUCT) compile_emit(C, OP_MAPGET, compile_layout(C, elem), 2 | commaok);
    else compile_emit(C, OP_MAPGET, compile_data_const(C, compile_data_zero_value(elem)), commaok);
}

bool compile_data_const_expr(Compiler *C, const Expr *e)
{
    const Type *t = e->type;
    if (!t || (t->kind != TY_INT && t->kind != TY_FLOAT) || t->numkind == NK_INT || t->numkind == NK_FLOAT64) return false;
    if (e->cv.kind != CV_INT && e->cv.kind != CV_FLOAT) return false;
    Value v = value_make(V_INT, (uint32_t)t->numkind, e->cv.i);
    if (t->kind == TY_FLOAT) {
        v = value_float((double)(float)(e->cv.kind == CV_FLOAT ? e->cv.f : (double)e->cv.i));
        v.aux = NK_FLOAT32;
    }
    compile_emit(C, OP_CONST, compile_data_const(C, v), 0);
    return true;
}

bool compile_data_zero(Compiler *C, const Type *t)
{
    switch (t->kind) {
    case TY_INT:
        if (t->numkind == NK_INT) return false;
        compile_emit(C, OP_CONST, compile_data_const(C, compile_data_zero_value(t)), 0);
        return true;
    case TY_FLOAT: case TY_SLICE: case TY_MAP:
        compile_emit(C, OP_CONST, compile_data_const(C, compile_data_zero_value(t)), 0);
        return true;
    case TY_ARRAY:
        /* [2][3]int: the rows come from the markers in the row layout's zero */
        compile_emit(C, OP_NEWARRAY, (int)t->len, elem_layout(C, t->elem));
        return true;
    default:
        return false;
    }
}

/* How many array levels lie below an array type's elements ([2][3]int: 1). */
static int depth(const Type *t)
{
    int d = 0;
    for (t = t->elem; t->kind == TY_ARRAY; t = t->elem) d++;
    return d;
}

/* The NumKind to wrap a result of type t to, -1 when none is needed. */
static int wrap_kind(const Type *t)
{
    if (t->kind != TY_INT) return -1;
    switch (t->numkind) {
    case NK_INT8: case NK_INT16: case NK_INT32: case NK_UINT8: case NK_UINT16: case NK_UINT32:
    case NK_INT64: case NK_UINT: case NK_UINT64: case NK_UINTPTR:
        return t->numkind;
    default: return -1;
    }
}

void compile_data_wrap(Compiler *C, const Type *t)
{
    int k = wrap_kind(t);
    if (k >= 0) compile_emit(C, OP_CONV, k, 0);
}

/* x op y for the data types; false leaves it to compile_apply (plain int,
 * string, bool). */
bool compile_data_apply(Compiler *C, int op, const Type *t, Expr *y)
{
    int base = types_base_op(op);
    bool is_float = t->kind == TY_FLOAT || t->kind == TY_UNTYPED_FLOAT;
    bool is_unsigned = types_is_unsigned(t);
    int bit = base == TK_AMP ? 1 : base == TK_PIPE ? 2 : base == TK_CARET ? 3 : base == TK_ANDNOT ? 4 :
              base == TK_SHL ? 5 : base == TK_SHR ? (is_unsigned ? 7 : 6) : 0;
    int wk = wrap_kind(t);
    if (t->kind == TY_ARRAY && (base == TK_EQ || base == TK_NE)) {
        compile_expr(C, y);
        compile_emit(C, OP_AEQ, esz(t->elem), depth(t));
        if (base == TK_NE) compile_emit(C, OP_NOT, 0, 0);
        return true;
    }
    if (!is_float && wk < 0 && !bit) return false;
    compile_expr(C, y);
    if (bit) {
        compile_emit(C, OP_BITOP, bit, 0);
    } else if (is_float) {
        switch (base) {
        case TK_PLUS: compile_emit(C, OP_FADD, 0, 0); break;
        case TK_MINUS: compile_emit(C, OP_FSUB, 0, 0); break;
        case TK_STAR: compile_emit(C, OP_FMUL, 0, 0); break;
        case TK_SLASH: compile_emit(C, OP_FDIV, 0, 0); break;
        case TK_EQ: compile_emit(C, OP_EQ, 0, 0); return true;
        case TK_NE: compile_emit(C, OP_NE, 0, 0); return true;
        case TK_LT: compile_emit(C, OP_LT, 0, 0); return true;
        case TK_LE: compile_emit(C, OP_LE, 0, 0); return true;
        case TK_GT: compile_emit(C, OP_GT, 0, 0); return true;
        default: compile_emit(C, OP_GE, 0, 0); return true;
        }
        if (t->kind == TY_FLOAT && t->numkind == NK_FLOAT32) compile_emit(C, OP_CONV, NK_FLOAT32, 1);
        return true;
    } else {
        bool u64 = wk == NK_UINT || wk == NK_UINT64 || wk == NK_UINTPTR;
        switch (base) {
        case TK_PLUS: compile_emit(C, OP_ADD, 0, 0); break;
        case TK_MINUS: compile_emit(C, OP_SUB, 0, 0); break;
        case TK_STAR: compile_emit(C, OP_MUL, 0, 0); break;
        case TK_SLASH: compile_emit(C, u64 ? OP_UDIV : OP_DIV, 0, 0); break;
        case TK_PERCENT: compile_emit(C, u64 ? OP_UMOD : OP_MOD, 0, 0); break;
        case TK_EQ: compile_emit(C, OP_EQ, 0, 0); return true;
        case TK_NE: compile_emit(C, OP_NE, 0, 0); return true;
        case TK_LT: if (u64) compile_emit(C, OP_UCMP, 1, 0); else compile_emit(C, OP_LT, 0, 0); return true;
        case TK_LE: if (u64) compile_emit(C, OP_UCMP, 2, 0); else compile_emit(C, OP_LE, 0, 0); return true;
        case TK_GT: if (u64) compile_emit(C, OP_UCMP, 3, 0); else compile_emit(C, OP_GT, 0, 0); return true;
        case TK_GE: if (u64) compile_emit(C, OP_UCMP, 4, 0); else compile_emit(C, OP_GE, 0, 0); return true;
        default: sim_fatal("data_apply", "operator without an opcode");
        }
    }
    compile_data_wrap(C, t);
    return true;
}

/* -x, ^x; false for a plain int (compile_expr's NEG). */
bool compile_data_unary(Compiler *C, Expr *e)
{
    const Type *t = e->type;
    if (e->op == TK_CARET) {
        compile_expr(C, e->x);
        compile_emit(C, OP_BITNOT, 0, 0);
        compile_data_wrap(C, t);
        return true;
    }
    if (e->op != TK_MINUS) return false;
    if (t->kind == TY_FLOAT) {
        compile_expr(C, e->x);
        compile_emit(C, OP_FNEG, 0, 0);
        if (t->numkind == NK_FLOAT32) compile_emit(C, OP_CONV, NK_FLOAT32, 1);
        return true;
    }
    if (wrap_kind(t) < 0) return false;
    compile_expr(C, e->x);
    compile_emit(C, OP_NEG, 0, 0);
    compile_data_wrap(C, t);
    return true;
}

/* x++ / x-- after the load of x. */
void compile_data_incdec(Compiler *C, const Type *t, int op)
{
    if (t->kind == TY_FLOAT) {
        compile_emit(C, OP_CONST, compile_data_const(C, value_float(op == TK_INC ? 1 : -1)), 0);
        compile_emit(C, OP_FADD, 0, 0);
        return;
    }
    compile_emit(C, OP_ADDI, op == TK_INC ? 1 : -1, 0);
    compile_data_wrap(C, t);
}

/* ---- values ------------------------------------------------------------------------ */

/* Push an array-, slice- or map-valued operand without copying an array. */
static void ref(Compiler *C, Expr *x)
{
    Expr *u = compile_unparen(x);
    if (u->type && u->type->kind == TY_ARRAY && u->mode == MODE_VAR) {
        Place pl = compile_place(C, u);
        compile_place_load(C, &pl);
        return;
    }
    if (u->type && u->type->kind == TY_PTR) {   /* p[i] of a *[N]T */
        compile_expr(C, u);
        compile_emit(C, OP_LOAD, 0, 0);
        return;
    }
    compile_expr(C, x);
}

void compile_data_array_copy(Compiler *C, const Expr *e)
{
    if (e->type && e->type->kind == TY_ARRAY) compile_emit(C, OP_ACOPY, esz(e->type->elem), depth(e->type));
}

static void composite(Compiler *C, Expr *e)
{
    Type *t = e->type;
    if (t->kind == TY_MAP) {
        compile_emit(C, OP_MAPNEW, esz(t->key), esz(t->elem));
        for (int i = 0; i < e->nargs; i++) {
            Expr *el = e->args[i];
            compile_emit(C, OP_DUP, 0, 0);
            push_slots(C, el->x, t->key);
            push_slots(C, el->y, t->elem);
            compile_emit(C, OP_MAPSET, 0, 0);
        }
        return;
    }
    int n = (int)e->ival, sz = esz(t->elem);
    compile_emit(C, t->kind == TY_ARRAY ? OP_NEWARRAY : OP_NEWSLICE, n, elem_layout(C, t->elem));
    for (int i = 0; i < e->nargs; i++) {
        Expr *el = e->args[i], *v = el->kind == EX_KEYVALUE ? el->y : el;
        compile_emit(C, OP_DUP, 0, 0);
        compile_emit(C, OP_INT, el->field_off, 0);
        compile_emit(C, OP_INDEXADDR, sz, 0);
        if (compile_unparen(v)->kind == EX_COMPOSITE && v->type->kind == TY_STRUCT && !v->boxed) {
            compile_fill_composite(C, compile_unparen(v), -1, -1);
            compile_emit(C, OP_POP, 0, 0);
            continue;
        }
        compile_expr(C, v);
        if (v->type->kind == TY_STRUCT && !v->boxed) {   /* a struct variable: its slots copied in */
            compile_emit(C, OP_COPYN, v->type->nslots, 0);
            continue;
        }
        compile_emit(C, OP_STORE, 0, 0);
    }
}

static void slice_expr(Compiler *C, Expr *e)
{
    Type *xt = compile_unparen(e->x)->type;
    if (xt->kind == TY_PTR) xt = xt->elem;
    int flags = 0;
    ref(C, e->x);
    if (e->y) { compile_expr(C, e->y); flags |= 1; }
    if (e->hi) { compile_expr(C, e->hi); flags |= 2; }
    if (e->max) { compile_expr(C, e->max); flags |= 4; }
    if (xt->kind == TY_STRING || xt->kind == TY_UNTYPED_STRING) flags |= 8;
    if (xt->kind == TY_ARRAY) flags |= 16;
    C->line = e->line;
    C->col = e->col;
    compile_emit(C, OP_SLICE, xt->elem && (xt->kind == TY_SLICE || xt->kind == TY_ARRAY) ? esz(xt->elem) : 1, flags);
}

bool compile_data_expr(Compiler *C, Expr *e)
{
    switch (e->kind) {
    case EX_COMPOSITE:
        if (e->type->kind != TY_SLICE && e->type->kind != TY_ARRAY && e->type->kind != TY_MAP) return false;
        composite(C, e);
        return true;
    case EX_INDEX: {
        Type *xt = compile_unparen(e->x)->type;
        if (xt->kind == TY_STRING || xt->kind == TY_UNTYPED_STRING) {
            compile_expr(C, e->x);
            compile_expr(C, e->y);
            C->line = e->line;
            C->col = e->col;
            compile_emit(C, OP_STRINDEX, 0, 0);
            return true;
        }
        Place pl = compile_place(C, e);
        compile_place_load(C, &pl);
        compile_data_array_copy(C, e);
        return true;
    }
    case EX_SLICEEXPR: slice_expr(C, e); return true;
    default: return false;
    }
}

/* The place of x[i]: an element address (PL_ADDR) or a map entry (PL_MAP). */
Place compile_data_index_place(Compiler *C, Expr *e)
{
    Place pl = {PL_ADDR, 0, -1};
    Type *xt = compile_unparen(e->x)->type;
    if (xt->kind == TY_PTR) xt = xt->elem;
    ref(C, e->x);
    if (xt->kind == TY_MAP) push_slots(C, e->y, xt->key);
    else compile_expr(C, e->y);
    int line = C->line, col = C->col;
    C->line = e->line;
    C->col = e->col;
    if (xt->kind == TY_MAP && xt->elem->kind == TY_STRUCT) {
        emit_mapget(C, xt->elem, 0);   /* m[k].X reads through the entry's address */
    } else if (xt->kind == TY_MAP) {
        pl.kind = PL_MAP;
        pl.slot = compile_data_const(C, compile_data_zero_value(xt->elem));
    } else {
        compile_emit(C, OP_INDEXADDR, esz(xt->elem), 0);
    }
    C->line = line;
    C->col = col;
    return pl;
}

/* ---- calls ---------------------------------------------------------------------------- */

int compile_data_builtin(Compiler *C, Expr *e, int bi)
{
    switch (bi) {
    case BI_LEN: case BI_CAP:
        ref(C, e->args[0]);
        compile_emit(C, bi == BI_LEN ? OP_LEN : OP_CAP, 0, 0);
        return 1;
    case BI_APPEND: {
        Type *t = e->type;
        int a = esz(t->elem) | (int)(types_go_size(t->elem) << 8);
        compile_expr(C, e->args[0]);
        if (e->dots) {
            compile_expr(C, e->args[1]);
            C->line = e->line;
            C->col = e->col;
            compile_emit(C, OP_APPENDS, a, 0);
            return 1;
        }
        if (t->elem->kind == TY_STRUCT) {   /* struct values are copied from their address */
            for (int i = 1; i < e->nargs; i++) {
                Expr *x = compile_unparen(e->args[i]);
                if (x->kind == EX_COMPOSITE) {
                    compile_emit(C, OP_NEW, compile_layout(C, x->type), 0);
                    compile_fill_composite(C, x, -1, -1);
                } else {
                    compile_expr(C, x);    /* any struct expression: its address */
                }
            }
            C->line = e->line;
            C->col = e->col;
            compile_emit(C, OP_APPENDADDR, a, e->nargs - 1);
            return 1;
        }
        for (int i = 1; i < e->nargs; i++) compile_expr(C, e->args[i]);
        C->line = e->line;
        C->col = e->col;
        compile_emit(C, OP_APPEND, a, e->nargs - 1);
        return 1;
    }
    case BI_MAKE: {
        Type *t = e->type;
        if (t->kind == TY_MAP) {
            for (int i = 1; i < e->nargs; i++) { compile_expr(C, e->args[i]); compile_emit(C, OP_POP, 0, 0); }
            compile_emit(C, OP_MAPNEW, esz(t->key), esz(t->elem));
            return 1;
        }
        compile_expr(C, e->args[1]);
        if (e->nargs > 2) compile_expr(C, e->args[2]);
        else compile_emit(C, OP_INT, -1, 0);
        C->line = e->line;
        C->col = e->col;
        int name = C->name_hint;              /* forks := make([]sync.Mutex, 5) */
        C->name_hint = 0;
        compile_emit(C, OP_MAKESLICE, name, elem_layout(C, t->elem));
        return 1;
    }
    case BI_COPY:
        compile_expr(C, e->args[0]);
        compile_expr(C, e->args[1]);
        compile_emit(C, OP_COPY, esz(e->args[0]->type->elem), 0);
        return 1;
    case BI_DELETE:
        compile_expr(C, e->args[0]);
        push_slots(C, e->args[1], e->args[0]->type->key);
        compile_emit(C, OP_MAPDEL, 0, 0);
        return 0;
    default:
        sim_fatal("data_builtin", "not a data builtin");
    }
}

static int num_kind(const Type *t)
{
    if (t->kind == TY_FLOAT) return t->numkind;
    if (t->kind == TY_INT) return t->numkind;
    return -1;
}

/* T(x): returns true when it emitted the conversion. */
bool compile_data_conversion(Compiler *C, Expr *e)
{
    Expr *a = e->args[0];
    compile_expr(C, a);
    if (e->builtin > 0) {                       /* string <-> bytes, runes */
        compile_emit(C, OP_CONVSTR, e->builtin, 0);
        return true;
    }
    int to = num_kind(e->type), from = num_kind(a->type);
    if (to < 0 || from < 0) return true;        /* nothing to do at run time */
    bool from_float = a->type->kind == TY_FLOAT;
    if (from == to) return true;
    int how = from_float ? 1 : types_is_unsigned(a->type) && (from == NK_UINT || from == NK_UINT64 || from == NK_UINTPTR) ? 2 : 0;
    compile_emit(C, OP_CONV, to, how);
    return true;
}

int compile_data_commaok(Compiler *C, Expr *e)
{
    Type *mt = compile_unparen(e->x)->type;
    compile_expr(C, e->x);
    push_slots(C, e->y, mt->key);
    C->line = e->line;
    C->col = e->col;
    emit_mapget(C, mt->elem, 1);
    return 2;
}

int compile_data_index_operands(Compiler *C, Expr **lhs, int n)
{
    int base = -1;
    for (int i = 0; i < n; i++)
        if (compile_unparen(lhs[i])->kind == EX_INDEX) base = 0;
    if (base < 0) return -1;
    base = C->nslots;
    C->nslots += 2 * n;
    for (int i = 0; i < n; i++) {
        Expr *e = compile_unparen(lhs[i]);
        if (e->kind != EX_INDEX) continue;
        ref(C, e->x);
        compile_emit(C, OP_SETLOCAL, base + 2 * i, 0);
        Type *xt = compile_unparen(e->x)->type;
        if (xt->kind == TY_MAP) push_slots(C, e->y, xt->key);
        else compile_expr(C, e->y);
        compile_emit(C, OP_SETLOCAL, base + 2 * i + 1, 0);
    }
    return base;
}

Place compile_data_index_place_at(Compiler *C, Expr *e, int at)
{
    Place pl = {PL_ADDR, 0, -1};
    Type *xt = compile_unparen(e->x)->type;
    if (xt->kind == TY_PTR) xt = xt->elem;
    compile_emit(C, OP_LOCAL, at, 0);
    compile_emit(C, OP_LOCAL, at + 1, 0);
    if (xt->kind == TY_MAP) {
        pl.kind = PL_MAP;
        pl.slot = compile_data_const(C, compile_data_zero_value(xt->elem));
    } else {
        compile_emit(C, OP_INDEXADDR, esz(xt->elem), 0);
    }
    return pl;
}

bool compile_data_map_struct_store(Compiler *C, Stmt *s)
{
    if (s->kind != ST_ASSIGN || s->op != TK_ASSIGN || s->nlhs != 1 || s->nrhs != 1) return false;
    Expr *l = compile_unparen(s->lhs[0]);
    if (l->kind != EX_INDEX) return false;
    Type *mt = compile_unparen(l->x)->type;
    if (mt->kind != TY_MAP || mt->elem->kind != TY_STRUCT) return false;
    compile_expr(C, l->x);             /* m[k] = T{...}: the literal is copied into the entry */
    push_slots(C, l->y, mt->key);
    push_slots(C, s->rhs[0], mt->elem);
    C->line = s->line;
    C->col = s->col;
    compile_emit(C, OP_MAPSET, 0, 0);
    return true;
}

void compile_data_mark_arrays(Compiler *C, Type *t, Value *zero)
{
    if (t->kind == TY_ARRAY) {
        int layout = compile_layout(C, t->elem);
        zero[0] = value_slice_e(V_ARRAY, -1, t->len, layout + 1, esz(t->elem));
        return;
    }
    if (t->kind != TY_STRUCT) return;
    for (int i = 0; i < t->nfields; i++) compile_data_mark_arrays(C, t->fields[i].type, zero + t->fields[i].off);
}

void compile_data_layout_arrays(Compiler *C, Type *t, int layout)
{
    /* a struct's array fields, or (for the rows of [2][3]int) the array itself */
    if (t->kind != TY_STRUCT && t->kind != TY_ARRAY) return;
    int n = C->p->types[layout].nslots;
    Value *tmp = xcalloc((size_t)n, sizeof *tmp);
    memcpy(tmp, C->p->types[layout].zero, (size_t)n * sizeof *tmp);
    compile_data_mark_arrays(C, t, tmp);   /* may add layouts: types[] can move */
    memcpy(C->p->types[layout].zero, tmp, (size_t)n * sizeof *tmp);
    free(tmp);
}

void compile_data_global_zero(Compiler *C, Value z, const Type *t)
{
    if (z.kind == V_ARRAY && slice_is_nil(z) && slice_cap(z) > 0) {   /* an array field's marker */
        compile_emit(C, OP_NEWARRAY, (int)slice_len(z), (int)slice_cap(z) - 1);
        return;
    }
    if (!t || !compile_data_zero(C, t)) {
        if (z.kind == V_NIL) compile_emit(C, OP_NIL, 0, 0);
        else compile_emit(C, OP_CONST, compile_data_const(C, z), 0);
    }
}

bool compile_data_array_store(Compiler *C, Stmt *s)
{
    if (s->kind != ST_ASSIGN || s->op != TK_ASSIGN || s->nlhs != 1 || s->nrhs != 1) return false;
    Expr *l = compile_unparen(s->lhs[0]);
    if (!l->type || l->type->kind != TY_ARRAY || l->mode != MODE_VAR) return false;
    if (l->kind == EX_IDENT && l->namelen == 1 && l->name[0] == '_') return false;
    if (l->kind == EX_INDEX && compile_unparen(l->x)->type->kind == TY_MAP) return false;
    /* arr = other copies the elements into arr's own storage, so slices of
     * arr (arr[:]) see the new values, as in Go */
    ref(C, l);
    compile_expr(C, s->rhs[0]);
    C->line = s->line;
    C->col = s->col;
    compile_emit(C, OP_COPY, esz(l->type->elem), 0);
    compile_emit(C, OP_POP, 0, 0);
    return true;
}
