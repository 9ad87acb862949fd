/* types_data.c — checking Go's data: the numeric types (sized integers,
 * floats), array, slice and map types, their literals, index and slice
 * expressions, conversions and untyped float constants.
 *
 * The sized integer types are TY_INT with a NumKind (value.h), so every rule
 * that holds for integers holds for them; float64 and float32 are TY_FLOAT.
 * byte and rune are aliases: the same Type as uint8 and int32, as in Go.
 * Array, slice and map values take one slot (see sim/value.h), so a struct
 * holding one stays flat.  The builtins (len, append, make ...) are checked
 * in types_builtin.c, range loops in scope_range.c.
 */
#include "check.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lex.h"
#include "parse.h"

static const char *const num_names[NK_FLOAT32 + 1] = {
    "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
    "uint64", "uintptr", "float64", "float32",
};

void types_data_init(Checker *c)
{
    c->t_num[NK_INT] = c->t_int;
    for (int k = NK_INT8; k <= NK_FLOAT32; k++)
        c->t_num[k] = types_new(c, k >= NK_FLOAT64 ? TY_FLOAT : TY_INT, num_names[k]);
    for (int k = NK_INT; k <= NK_FLOAT32; k++) c->t_num[k]->numkind = k;
    c->t_ufloat = types_new(c, TY_UNTYPED_FLOAT, "untyped float");
    /* byte and rune are aliases (types_identical knows): kept apart only so
     * that messages name them as the program does, as Go's do */
    c->t_byte = types_new(c, TY_INT, "byte");
    c->t_byte->numkind = NK_UINT8;
    c->t_rune = types_new(c, TY_INT, "rune");
    c->t_rune->numkind = NK_INT32;
    c->t_urune = types_new(c, TY_UNTYPED_INT, "untyped rune");
}

void types_data_universe(Checker *c)
{
    for (int k = NK_INT8; k <= NK_FLOAT32; k++)
        scope_declare(c, SYM_TYPE, num_names[k], (int)strlen(num_names[k]), 0, 0)->type = c->t_num[k];
    scope_declare(c, SYM_TYPE, "byte", 4, 0, 0)->type = c->t_byte;
    scope_declare(c, SYM_TYPE, "rune", 4, 0, 0)->type = c->t_rune;
    static const struct { const char *name; int bi; } bis[] = {   /* (make, len, cap: scope.c) */
        {"append", BI_APPEND}, {"copy", BI_COPY}, {"delete", BI_DELETE},
        {"print", BI_PRINT}, {"println", BI_PRINTLN_RT},
    };
    for (size_t i = 0; i < sizeof bis / sizeof bis[0]; i++)
        scope_declare(c, SYM_BUILTIN, bis[i].name, (int)strlen(bis[i].name), 0, 0)->builtin = bis[i].bi;
}

Type *types_slice_of(Checker *c, Type *elem)
{
    if (!elem->slice_of) {
        elem->slice_of = types_new(c, TY_SLICE, NULL);
        elem->slice_of->elem = elem;
    }
    return elem->slice_of;
}

bool types_is_float(const Type *t) { return t->kind == TY_FLOAT || t->kind == TY_UNTYPED_FLOAT; }
bool types_is_numeric(const Type *t) { return types_is_integer(t) || types_is_float(t); }
bool types_is_unsigned(const Type *t) { return t->kind == TY_INT && t->numkind >= NK_UINT && t->numkind <= NK_UINTPTR; }

int64_t types_go_size(const Type *t)
{
    switch (t->kind) {
    case TY_INT: case TY_FLOAT:
        switch (t->numkind) {
        case NK_INT8: case NK_UINT8: return 1;
        case NK_INT16: case NK_UINT16: return 2;
        case NK_INT32: case NK_UINT32: case NK_FLOAT32: return 4;
        default: return 8;
        }
    case TY_BOOL: return 1;
    case TY_STRING: return 16;
    case TY_SLICE: return 24;
    case TY_ARRAY: return t->len * types_go_size(t->elem);
    case TY_MUTEX: return 8;
    case TY_WAITGROUP: return 16;
    case TY_STRUCT: {
        int64_t n = 0, align = 1;
        for (int i = 0; i < t->nfields; i++) {
            int64_t fs = types_go_size(t->fields[i].type), fa = fs >= 8 ? 8 : fs >= 4 ? 4 : fs >= 2 ? 2 : 1;
            if (fa > align) align = fa;
            n = (n + fa - 1) / fa * fa + fs;
        }
        return (n + align - 1) / align * align;
    }
    default: return 8;
    }
}

/* ---- type expressions ---------------------------------------------------------- */

Type *types_data_type(Checker *c, Expr *e)
{
    if (e->kind == EX_MAPTYPE) {
        Type *k = types_resolve(c, e->x), *v = types_resolve(c, e->y);
        if (k == c->t_invalid || v == c->t_invalid) return c->t_invalid;
        if (k->kind == TY_SLICE || k->kind == TY_MAP || k->kind == TY_FUNC) {
            char ks[64];
            types_string(k, ks, sizeof ks);
            types_errorf(c, e->x->line, e->x->col, "invalid map key type %s", ks);
            return c->t_invalid;
        }
        if (k->kind == TY_ARRAY || k->kind == TY_MUTEX || k->kind == TY_WAITGROUP || v->kind == TY_MUTEX ||
            v->kind == TY_WAITGROUP || k->nslots > 255 || v->nslots > 255) {
            types_errorf(c, e->line, e->col, "interleave does not support maps with array keys or sync values (use a pointer)");
            return c->t_invalid;
        }
        Type *t = types_new(c, TY_MAP, NULL);
        t->key = k;
        t->elem = v;
        return t;
    }
    Type *elem = types_resolve(c, e->y);
    if (elem == c->t_invalid) return c->t_invalid;
    if (!e->x && !e->dots) return types_slice_of(c, elem);
    int64_t n = -1;
    if (e->dots) {
        types_errorf(c, e->line, e->col, "invalid use of [...] array (outside a composite literal)");
        return c->t_invalid;
    }
    types_expr(c, e->x);
    if (e->x->mode == MODE_CONST && e->x->cv.kind == CV_INT) n = e->x->cv.i;
    if (n < 0) {
        char xs[96];
        ast_expr_string(e->x, xs, sizeof xs);
        if (e->x->mode == MODE_CONST) types_errorf(c, e->x->line, e->x->col, "invalid array length %s", xs);
        else types_errorf(c, e->x->line, e->x->col, "array length %s (value of type %s) must be constant", xs, "int");
        return c->t_invalid;
    }
    Type *t = types_new(c, TY_ARRAY, NULL);
    t->elem = elem;
    t->len = n;
    return t;
}

/* ---- literals ------------------------------------------------------------------- */

/* An element literal with its type elided ({1, 2} in [][]int{{1, 2}}): give it
 * the element type's expression so it checks as if written out. */
static void elided(Checker *c, Expr **slot, Expr *type_expr)
{
    Expr *v = *slot;
    if (v->kind != EX_COMPOSITE || v->x) return;
    while (type_expr->kind == EX_PAREN) type_expr = type_expr->x;
    if (type_expr->kind != EX_STAR) { v->x = type_expr; return; }
    /* []*T{{...}} stands for []*T{&T{...}} */
    Expr *amp = parse_alloc(c->arena, sizeof *amp);
    *amp = *v;
    amp->kind = EX_UNARY;
    amp->op = TK_AMP;
    amp->x = v;
    amp->args = NULL;
    amp->nargs = 0;
    v->x = type_expr->x;
    *slot = amp;
}

static void check_index_const(Checker *c, Expr *y, int64_t len, bool array)
{
    if (y->mode != MODE_CONST || y->cv.kind != CV_INT) return;
    char ys[64];
    ast_expr_string(y, ys, sizeof ys);
    if (y->cv.i < 0)
        types_errorf(c, y->line, y->col, "invalid argument: index %s (constant of type int) must not be negative", ys);
    else if (array && y->cv.i >= len)
        types_errorf(c, y->line, y->col, "invalid argument: index %s out of bounds [0:%lld]", ys, (long long)len);
}

void types_data_composite(Checker *c, Expr *e, Type *t)
{
    Expr *te = e->x;
    while (te && te->kind == EX_PAREN) te = te->x;
    if (t->kind == TY_MAP) {
        for (int i = 0; i < e->nargs; i++) {
            Expr *el = e->args[i];
            if (el->kind != EX_KEYVALUE) {
                types_errorf(c, el->line, el->col, "missing key in map literal");
                continue;
            }
            if (te && te->kind == EX_MAPTYPE) { elided(c, &el->x, te->x); elided(c, &el->y, te->y); }
            types_value(c, el->x);
            types_assign(c, el->x, t->key, "map literal");
            for (int j = 0; j < i && el->x->mode == MODE_CONST; j++) {
                Expr *o = e->args[j]->kind == EX_KEYVALUE ? e->args[j]->x : NULL;
                if (!o || o->mode != MODE_CONST || o->cv.kind != el->x->cv.kind) continue;
                bool same = o->cv.kind == CV_STRING ? o->cv.slen == el->x->cv.slen && !memcmp(o->cv.s, el->x->cv.s, (size_t)o->cv.slen)
                          : o->cv.kind == CV_FLOAT ? o->cv.f == el->x->cv.f : o->cv.i == el->x->cv.i;
                if (same) {
                    char ks[96];
                    ast_expr_string(el->x, ks, sizeof ks);
                    types_errorf(c, el->x->line, el->x->col, "duplicate key %s in map literal", ks);
                    break;
                }
            }
            types_value(c, el->y);
            types_assign(c, el->y, t->elem, "map literal");
            el->mode = MODE_VALUE;
            el->type = t->elem;
        }
        e->mode = MODE_VALUE;
        e->type = t;
        return;
    }
    int64_t n = 0, max = 0;
    for (int i = 0; i < e->nargs; i++) {
        Expr *el = e->args[i];
        if (te && te->kind == EX_ARRAYTYPE) elided(c, el->kind == EX_KEYVALUE ? &el->y : &e->args[i], te->y);
        el = e->args[i];
        Expr *v = el;
        if (el->kind == EX_KEYVALUE) {
            types_value(c, el->x);
            if (el->x->mode != MODE_CONST || el->x->cv.kind != CV_INT) {
                types_errorf(c, el->x->line, el->x->col, "index must be non-negative integer constant");
                continue;
            }
            n = el->x->cv.i;
            v = el->y;
        }
        el->field_off = (int)n;      /* the element's index */
        types_value(c, v);
        types_assign(c, v, t->elem, "slice literal");
        if (el != v) { el->mode = MODE_VALUE; el->type = t->elem; }
        n++;
        if (n > max) max = n;
    }
    if (t->kind == TY_ARRAY && te && te->kind == EX_ARRAYTYPE && te->dots) {
        Type *a = types_new(c, TY_ARRAY, NULL);
        a->elem = t->elem;
        a->len = max;
        t = a;
    } else if (t->kind == TY_ARRAY && max > t->len) {
        types_errorf(c, e->line, e->col, "array index %lld out of bounds [0:%lld]", (long long)t->len, (long long)t->len);
    }
    e->mode = MODE_VALUE;
    e->type = t;
    e->ival = t->kind == TY_ARRAY ? t->len : max;   /* elements to allocate */
}

/* [...]T{...}: the type comes from the literal. */
Type *types_data_literal_type(Checker *c, Expr *te)
{
    if (te->kind == EX_ARRAYTYPE && te->dots) {
        Type *elem = types_resolve(c, te->y);
        if (elem == c->t_invalid) return elem;
        Type *t = types_new(c, TY_ARRAY, NULL);
        t->elem = elem;
        return t;
    }
    Type *t = types_resolve(c, te);
    return t;
}

/* ---- index and slice expressions ----------------------------------------------- */

static bool integer_operand(Checker *c, Expr *y, const char *what)
{
    types_value(c, y);
    if (y->mode == MODE_INVALID) return false;
    if (y->mode == MODE_CONST && y->type->kind == TY_UNTYPED_FLOAT && y->cv.f == floorl(y->cv.f) && fabsl(y->cv.f) < 9.2e18L) {
        y->cv.kind = CV_INT;
        y->cv.i = (int64_t)y->cv.f;
        y->type = c->t_uint;
    }
    if (!types_is_integer(y->type)) {
        char ys[128];
        types_operand_string(y, ys, sizeof ys);
        types_errorf(c, y->line, y->col, "invalid argument: %s %s must be integer", what, ys);
        return false;
    }
    if (types_is_untyped(y->type)) y->type = c->t_int;
    return true;
}

static void index_expr(Checker *c, Expr *e)
{
    Expr *x = e->x, *y = e->y;
    types_value(c, x);
    if (x->mode == MODE_INVALID) { types_expr(c, y); return; }
    Type *t = x->type;
    if (t->kind == TY_PTR && t->elem->kind == TY_ARRAY) t = t->elem;
    switch (t->kind) {
    case TY_MAP:
        types_value(c, y);
        if (!types_assign(c, y, t->key, "map index")) return;
        e->mode = MODE_VAR;
        e->type = t->elem;
        return;
    case TY_SLICE: case TY_ARRAY:
        if (!integer_operand(c, y, "index")) return;
        check_index_const(c, y, t->len, t->kind == TY_ARRAY);
        e->mode = MODE_VAR;
        e->type = t->elem;
        return;
    case TY_STRING: case TY_UNTYPED_STRING:
        if (!integer_operand(c, y, "index")) return;
        check_index_const(c, y, x->mode == MODE_CONST ? x->cv.slen : 0, x->mode == MODE_CONST);
        e->mode = MODE_VALUE;
        e->type = c->t_byte;
        return;
    default: {
        char xs[128];
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, e->op_line, e->op_col, "invalid operation: cannot index %s", xs);
        types_expr(c, y);
    }
    }
}

static void slice_expr(Checker *c, Expr *e)
{
    Expr *x = e->x;
    types_value(c, x);
    if (x->mode == MODE_INVALID) return;
    Type *t = x->type;
    if (t->kind == TY_PTR && t->elem->kind == TY_ARRAY) t = t->elem;
    bool ok = true;
    Expr *ix[3] = {e->y, e->hi, e->max};
    for (int i = 0; i < 3; i++)
        if (ix[i] && !integer_operand(c, ix[i], "index")) ok = false;
    if (!ok) return;
    switch (t->kind) {
    case TY_STRING: case TY_UNTYPED_STRING:
        if (e->max) {
            types_errorf(c, e->op_line, e->op_col, "invalid operation: 3-index slice of string");
            return;
        }
        e->type = types_default(c, t);
        break;
    case TY_SLICE: e->type = t; break;
    case TY_ARRAY: e->type = types_slice_of(c, t->elem); break;
    default: {
        char xs[128];
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, e->op_line, e->op_col, "cannot slice %s", xs);
        return;
    }
    }
    e->mode = MODE_VALUE;
}

void types_data_expr(Checker *c, Expr *e)
{
    switch (e->kind) {
    case EX_FLOAT:
        e->mode = MODE_CONST;
        e->type = c->t_ufloat;
        e->cv.kind = CV_FLOAT;
        e->cv.f = e->fval;
        break;
    case EX_INDEX: index_expr(c, e); break;
    case EX_SLICEEXPR: slice_expr(c, e); break;
    case EX_ARRAYTYPE: case EX_MAPTYPE: types_resolve(c, e); break;
    default: break;
    }
}

/* ---- constants and conversions ---------------------------------------------------- */

/* Does the integer constant v fit the integer type t? */
static bool fits(int64_t v, const Type *t)
{
    switch (t->numkind) {
    case NK_INT8: return v >= INT8_MIN && v <= INT8_MAX;
    case NK_INT16: return v >= INT16_MIN && v <= INT16_MAX;
    case NK_INT32: return v >= INT32_MIN && v <= INT32_MAX;
    case NK_UINT8: return v >= 0 && v <= UINT8_MAX;
    case NK_UINT16: return v >= 0 && v <= UINT16_MAX;
    case NK_UINT32: return v >= 0 && v <= (int64_t)UINT32_MAX;
    case NK_UINT: case NK_UINT64: case NK_UINTPTR: return v >= 0;
    default: return true;
    }
}

bool types_data_convert_const(Checker *c, Expr *x, Type *target)
{
    if (x->mode != MODE_CONST) return true;
    char xs[96], ts[64];
    ast_expr_string(x, xs, sizeof xs);
    /* an operand's message names the basic type underneath: truncated to int64 */
    bool basic = c->assign_ctx == TYPES_OPERAND_CTX && (target->kind == TY_INT || target->kind == TY_FLOAT) &&
                 target->numkind >= 0 && target->numkind <= NK_FLOAT32 && c->t_num[target->numkind];
    types_string(basic ? c->t_num[target->numkind] : target, ts, sizeof ts);
    if (x->cv.kind == CV_BIGINT && target->kind == TY_FLOAT) {
        x->cv.kind = CV_FLOAT;
    } else if (x->cv.kind == CV_BIGINT && types_is_unsigned(target) && types_go_size(target) == 8 &&
               x->cv.f >= 0 && x->cv.f < 0x1p64L) {
        x->cv.kind = CV_INT;   /* 1<<64 - 1 fits a uint64: kept as its bit pattern */
        x->cv.i = (int64_t)(uint64_t)x->cv.f;
        return true;
    } else if (x->cv.kind == CV_BIGINT) {
        char os[160];
        types_operand_string(x, os, sizeof os);
        if (c->assign_ctx == TYPES_OPERAND_CTX)
            types_errorf(c, x->line, x->col, "%s overflows %s", os, ts);
        else
            types_errorf(c, x->line, x->col, "cannot use %s as %s value in %s (overflows)",
                         os, ts, c->assign_ctx ? c->assign_ctx : "assignment");
        return false;
    }
    if (target->kind == TY_FLOAT && x->cv.kind == CV_INT) {
        x->cv.kind = CV_FLOAT;
        x->cv.f = (long double)x->cv.i;
    } else if (target->kind == TY_INT && x->cv.kind == CV_FLOAT) {
        if (x->cv.f != floorl(x->cv.f) || fabsl(x->cv.f) >= 9.3e18) {
            if (c->assign_ctx == TYPES_OPERAND_CTX)
                types_errorf(c, x->line, x->col, "%s (untyped float constant) truncated to %s", xs, ts);
            else
                types_errorf(c, x->line, x->col, "cannot use %s (untyped float constant) as %s value in %s (truncated)",
                             xs, ts, c->assign_ctx ? c->assign_ctx : "assignment");
            return false;
        }
        x->cv.kind = CV_INT;
        x->cv.i = (int64_t)x->cv.f;
    }
    if (target->kind == TY_INT && x->cv.kind == CV_INT && !fits(x->cv.i, target)) {
        char os[128];
        types_operand_string(x, os, sizeof os);
        if (c->assign_ctx == TYPES_OPERAND_CTX)
            types_errorf(c, x->line, x->col, "%s overflows %s", os, ts);
        else
            types_errorf(c, x->line, x->col, "cannot use %s as %s value in %s (overflows)",
                         os, ts, c->assign_ctx ? c->assign_ctx : "assignment");
        return false;
    }
    return true;
}

/* Fold x op y when either is a float constant. */
bool types_data_fold(Checker *c, Expr *e, const ConstVal *x, const ConstVal *y, ConstVal *out)
{
    long double a = x->kind == CV_INT ? (long double)x->i : x->f, b = y->kind == CV_INT ? (long double)y->i : y->f;
    out->kind = CV_FLOAT;
    switch (types_base_op(e->op)) {
    case TK_PLUS: out->f = a + b; return true;
    case TK_MINUS: out->f = a - b; return true;
    case TK_STAR: out->f = a * b; return true;
    case TK_SLASH:
        if (b == 0) {
            types_errorf(c, e->y->line, e->y->col, "invalid operation: division by zero");
            return false;
        }
        out->f = a / b;
        return true;
    default: break;
    }
    out->kind = CV_BOOL;
    switch (types_base_op(e->op)) {
    case TK_EQ: out->i = a == b; return true;
    case TK_NE: out->i = a != b; return true;
    case TK_LT: out->i = a < b; return true;
    case TK_LE: out->i = a <= b; return true;
    case TK_GT: out->i = a > b; return true;
    case TK_GE: out->i = a >= b; return true;
    default: break;
    }
    types_errorf(c, e->op_line, e->op_col, "invalid operation: operator %s not defined on untyped float", lex_kind_text(e->op));
    return false;
}

static bool is_bytes(const Type *t) { return t->kind == TY_SLICE && t->elem->kind == TY_INT && t->elem->numkind == NK_UINT8; }
static bool is_runes(const Type *t) { return t->kind == TY_SLICE && t->elem->kind == TY_INT && t->elem->numkind == NK_INT32; }

/* T(x) for the conversions of the data slice; returns false if it is not
 * one of them (left to types_call.c). */
bool types_data_conversion(Checker *c, Expr *e, Expr *a, Type *t)
{
    Type *at = a->type;
    int how = 0;   /* e->builtin: 0 numeric, 1.. CONVSTR kind */
    if (types_is_numeric(at) && types_is_numeric(t)) {
        if (a->mode == MODE_CONST) {
            ConstVal cv = a->cv;
            if (t->kind == TY_FLOAT) {
                if (cv.kind == CV_INT) { cv.kind = CV_FLOAT; cv.f = (long double)cv.i; }
                cv.f = t->numkind == NK_FLOAT32 ? (float)cv.f : (double)cv.f;   /* typed: rounded */
            } else {
                if (cv.kind == CV_FLOAT) {
                    if (cv.f != floorl(cv.f) || fabsl(cv.f) >= 9.2e18L) {
                        char as[128], ts[64];
                        types_operand_string(a, as, sizeof as);
                        types_string(t, ts, sizeof ts);
                        types_errorf(c, a->line, a->col, "cannot convert %s to type %s (truncated)", as, ts);
                        return true;
                    }
                    cv.kind = CV_INT;
                    cv.i = (int64_t)cv.f;
                }
                if (!fits(cv.i, t)) {
                    char as[128], ts[64];
                    types_operand_string(a, as, sizeof as);
                    types_string(t, ts, sizeof ts);
                    types_errorf(c, a->line, a->col, "cannot convert %s to type %s", as, ts);
                    return true;
                }
            }
            e->mode = MODE_CONST;
            e->cv = cv;
            e->type = t;
            return true;
        }
        if (types_is_untyped(at)) a->type = types_default(c, at);
        e->mode = MODE_VALUE;
        e->type = t;
        return true;
    }
    if (t->kind == TY_STRING && types_is_integer(at)) how = 1;
    else if (is_bytes(t) && types_is_string(at)) how = 2;
    else if (t->kind == TY_STRING && is_bytes(at)) how = 3;
    else if (is_runes(t) && types_is_string(at)) how = 4;
    else if (t->kind == TY_STRING && is_runes(at)) how = 5;
    else if ((t->kind == TY_SLICE || t->kind == TY_MAP) && a->mode == MODE_NIL) how = 6;
    else if ((t->kind == TY_SLICE || t->kind == TY_MAP || t->kind == TY_ARRAY) && at->kind == t->kind &&
             types_identical(at->elem, t->elem)) how = 7;
    else return false;
    if (types_is_untyped(at) && a->mode != MODE_NIL) a->type = types_default(c, at);
    if (how == 1 && a->mode == MODE_CONST) {
        char *buf = parse_alloc(c->arena, 5);
        int64_t r = a->cv.i;
        int n;
        if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
        if (r < 0x80) { buf[0] = (char)r; n = 1; }
        else if (r < 0x800) { buf[0] = (char)(0xc0 | (r >> 6)); buf[1] = (char)(0x80 | (r & 0x3f)); n = 2; }
        else if (r < 0x10000) { buf[0] = (char)(0xe0 | (r >> 12)); buf[1] = (char)(0x80 | ((r >> 6) & 0x3f)); buf[2] = (char)(0x80 | (r & 0x3f)); n = 3; }
        else { buf[0] = (char)(0xf0 | (r >> 18)); buf[1] = (char)(0x80 | ((r >> 12) & 0x3f)); buf[2] = (char)(0x80 | ((r >> 6) & 0x3f)); buf[3] = (char)(0x80 | (r & 0x3f)); n = 4; }
        types_set_const(e, t, CV_STRING, 0);
        e->cv.s = buf;
        e->cv.slen = n;
        return true;
    }
    e->mode = MODE_VALUE;
    e->type = t;
    e->builtin = how >= 6 ? 0 : how;
    return true;
}

void types_data_commaok(Checker *c, Expr *r)
{
    Expr *u = r;
    while (u->kind == EX_PAREN) u = u->x;
    if (u->kind != EX_INDEX || u->mode != MODE_VAR || u->x->type->kind != TY_MAP) return;
    Type *t = types_new(c, TY_TUPLE, NULL);
    t->results = parse_alloc(c->arena, sizeof *t->results * 2);
    t->results[0] = u->type;
    t->results[1] = c->t_bool;
    t->nresults = 2;
    u->mode = r->mode = MODE_VALUE;
    u->type = r->type = t;
}

/* The map whose element l (a chain of non-pointer field selectors over m[k])
 * is part of; NULL if none. */
static Expr *map_element_root(Expr *l)
{
    while (l->kind == EX_PAREN) l = l->x;
    if (l->kind != EX_SELECTOR || l->through_ptr) return NULL;
    Expr *x = l->x;
    while (x->kind == EX_PAREN) x = x->x;
    while (x->kind == EX_SELECTOR && !x->through_ptr) { x = x->x; while (x->kind == EX_PAREN) x = x->x; }
    return x->kind == EX_INDEX && x->x->type && x->x->type->kind == TY_MAP ? x : NULL;
}

bool types_data_map_store(Checker *c, Expr *l, Expr *r)
{
    Expr *u = l;
    while (u->kind == EX_PAREN) u = u->x;
    if (u->kind != EX_INDEX || !r || r->mode == MODE_INVALID || !r->type || r->type->kind != TY_STRUCT) return false;
    types_lhs(c, l);                    /* m[k] = T{...} for a map of structs */
    if (l->mode == MODE_INVALID) return true;
    if (u->x->type->kind != TY_MAP) return false;   /* s[i] = T{...}: the caller's error */
    types_assign(c, r, l->type, "assignment");   /* MAPSET copies the struct's slots in */
    return true;
}

bool types_data_map_field(Checker *c, Expr *l)
{
    if (!map_element_root(l)) return false;
    char ls[128];
    ast_expr_string(l, ls, sizeof ls);
    types_errorf(c, l->line, l->col, "cannot assign to struct field %s in map", ls);
    return true;
}

bool types_data_assignable(const Type *v, const Type *t)
{
    if ((v->name && t->name) || v->kind != t->kind) return false;
    switch (t->kind) {
    case TY_SLICE: return types_identical(v->elem, t->elem);
    case TY_ARRAY: return v->len == t->len && types_identical(v->elem, t->elem);
    case TY_MAP: return types_identical(v->key, t->key) && types_identical(v->elem, t->elem);
    case TY_PTR: return types_identical(v->elem, t->elem);
    default: return false;
    }
}

bool types_data_const_fits(Checker *c, Expr *e, const ConstVal *r, const Type *t)
{
    if (t->kind != TY_INT || r->kind != CV_INT || t->numkind == NK_INT || t->numkind == NK_INT64 ||
        t->numkind == NK_UINT || t->numkind == NK_UINT64 || t->numkind == NK_UINTPTR || fits(r->i, t))
        return true;
    char es[128], ts[64];
    ast_expr_string(e, es, sizeof es);
    types_string(t, ts, sizeof ts);
    types_errorf(c, e->line, e->col, "%s (constant %lld of type %s) overflows %s", es, (long long)r->i, ts, ts);
    return false;
}

bool types_data_fold_big(Checker *c, Expr *e, const ConstVal *x, const ConstVal *y, ConstVal *out)
{
    long double a = x->kind == CV_INT ? (long double)x->i : x->f, b = y->kind == CV_INT ? (long double)y->i : y->f, r;
    int op = types_base_op(e->op);
    out->kind = CV_BOOL;
    switch (op) {
    case TK_EQ: out->i = a == b; return true;
    case TK_NE: out->i = a != b; return true;
    case TK_LT: out->i = a < b; return true;
    case TK_LE: out->i = a <= b; return true;
    case TK_GT: out->i = a > b; return true;
    case TK_GE: out->i = a >= b; return true;
    case TK_PLUS: r = a + b; break;
    case TK_MINUS: r = a - b; break;
    case TK_STAR: r = a * b; break;
    case TK_SLASH: case TK_PERCENT:
        if (b == 0) {
            types_errorf(c, e->y->line, e->y->col, "invalid operation: division by zero");
            return false;
        }
        r = op == TK_SLASH ? truncl(a / b) : fmodl(a, b);
        break;
    case TK_SHL: case TK_SHR:
        if (b < 0 || b > 1000) {
            types_errorf(c, e->y->line, e->y->col, "invalid shift count %.0Lf", b);
            return false;
        }
        r = op == TK_SHL ? ldexpl(a, (int)b) : floorl(ldexpl(a, -(int)b));
        break;
    default: {
        char es[96];
        ast_expr_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "interleave does not support %s on constants past 64 bits", es);
        return false;
    }
    }
    if (fabsl(r) >= 0x1p512L) {   /* Go's limit on untyped integer constants (go/constant: 512 bits) */
        types_errorf(c, e->line, e->col, "constant overflow");
        return false;
    }
    if (r >= -0x1p63L && r < 0x1p63L) {
        out->kind = CV_INT;
        out->i = (int64_t)r;
    } else {
        out->kind = CV_BIGINT;
        out->f = r;
    }
    return true;
}

void types_data_check_big(Checker *c, Expr *r, Type *t, const char *context)
{
    if (r->mode != MODE_CONST || r->cv.kind != CV_BIGINT || t->kind != TY_INT) return;
    char os[160], ts[64];
    types_operand_string(r, os, sizeof os);
    types_string(t, ts, sizeof ts);
    types_errorf(c, r->line, r->col, "cannot use %s as %s value in %s (overflows)", os, ts, context);
}

bool types_data_shift(Checker *c, Expr *e)
{
    Expr *x = e->x, *y = e->y;
    if (!types_is_integer(x->type) || !types_is_integer(y->type)) return false;
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) return false;   /* folded as before */
    if (types_identical(x->type, y->type)) return false;
    if (types_is_untyped(y->type)) return false;   /* x << 3: the usual rules */
    if (y->mode == MODE_CONST && y->cv.kind == CV_INT && y->cv.i < 0) {
        char ys[64];
        ast_expr_string(y, ys, sizeof ys);
        types_errorf(c, y->line, y->col, "invalid shift count %s (negative)", ys);
        return true;
    }
    /* An untyped constant on the left takes the type the whole shift gets
     * from its context (flags |= 1 << uint(i) is a uint8): the expression
     * stays untyped until an assignment or operator converts it. */
    e->mode = MODE_VALUE;
    e->type = x->type;
    return true;
}

bool types_is_predeclared_num(const Type *t)
{
    static const char *const names[] = {
        "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
        "uintptr", "byte", "rune", "float32", "float64",
    };
    if (!t->name) return false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(t->name, names[i])) return true;
    return false;
}
