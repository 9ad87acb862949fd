/* types_builtin.c — checking the builtins of Go's data: len, cap, append,
 * make, copy and delete, in Go 1.19's words.
 *
 * len of a string constant or of an array is a constant, as the spec says
 * (the array case without Go's exception for calls and receives inside).
 */
#include "check.h"

#include <stdio.h>
#include <string.h>

static bool count(Checker *c, Expr *e, const char *callee, int min, int max)
{
    if (e->nargs >= min && (max < 0 || e->nargs <= max)) return true;
    char es[128];
    ast_expr_string(e, es, sizeof es);
    if (e->nargs < min)
        types_errorf(c, e->rparen_line, e->rparen_col, "not enough arguments for %s (expected %d, found %d)", es, min, e->nargs);
    else
        types_errorf(c, e->args[max]->line, e->args[max]->col, "too many arguments for %s (expected %d, found %d)", es, max, e->nargs);
    (void)callee;
    return false;
}

static void invalid_arg(Checker *c, Expr *a, const char *callee)
{
    char as[128];
    types_operand_string(a, as, sizeof as);
    types_errorf(c, a->line, a->col, "invalid argument: %s for %s", as, callee);
}

static void len_cap(Checker *c, Expr *e, int bi, const char *callee)
{
    Expr *a = e->args[0];
    types_value(c, a);
    if (a->mode == MODE_INVALID) return;
    Type *t = a->type;
    if (t->kind == TY_PTR && t->elem->kind == TY_ARRAY) t = t->elem;
    bool ok = t->kind == TY_SLICE || t->kind == TY_ARRAY || t->kind == TY_CHAN ||
              (bi == BI_LEN && (types_is_string(t) || t->kind == TY_MAP));
    if (!ok) { invalid_arg(c, a, callee); return; }
    if (types_is_untyped(t)) a->type = c->t_string;
    if (a->mode == MODE_CONST && a->cv.kind == CV_STRING) {
        types_set_const(e, c->t_int, CV_INT, a->cv.slen);
        return;
    }
    if (t->kind == TY_ARRAY) {
        types_set_const(e, c->t_int, CV_INT, t->len);
        e->builtin = 1;   /* compile: still evaluate nothing */
        return;
    }
    e->mode = MODE_VALUE;
    e->type = c->t_int;
}

static void append_call(Checker *c, Expr *e, const char *callee)
{
    Expr *s = e->args[0];
    types_value(c, s);
    if (s->mode == MODE_INVALID) { for (int i = 1; i < e->nargs; i++) types_expr(c, e->args[i]); return; }
    if (s->mode == MODE_NIL) {
        types_errorf(c, s->line, s->col, "first argument to append must be a typed slice; have untyped nil");
        return;
    }
    Type *t = s->type;
    if (t->kind != TY_SLICE) {
        char as[128];
        types_operand_string(s, as, sizeof as);
        types_errorf(c, s->line, s->col, "invalid argument: %s (variable of type %s) is not a slice", as, "?");
        return;
    }
    e->mode = MODE_VALUE;
    e->type = t;
    if (e->dots) {
        if (e->nargs != 2) {
            types_errorf(c, e->line, e->col, "can only use ... with final argument in list");
            return;
        }
        Expr *r = e->args[1];
        types_value(c, r);
        if (r->mode == MODE_INVALID) return;
        bool bytes_from_string = types_is_string(r->type) && t->elem->kind == TY_INT && t->elem->numkind == NK_UINT8;
        if (bytes_from_string) { r->type = c->t_string; return; }
        if (r->mode == MODE_NIL) { r->type = t; return; }
        if (r->type->kind != TY_SLICE || !types_identical(r->type->elem, t->elem)) {
            char rs[128], ts[64];
            types_operand_string(r, rs, sizeof rs);
            types_string(t, ts, sizeof ts);
            types_errorf(c, r->line, r->col, "cannot use %s as type %s in argument to %s", rs, ts, callee);
        }
        return;
    }
    for (int i = 1; i < e->nargs; i++) {
        Expr *a = e->args[i], *u = a;
        while (u->kind == EX_PAREN) u = u->x;
        types_value(c, a);
        types_assign(c, a, t->elem, "argument to append");
    }
}

static void make_call(Checker *c, Expr *e, const char *callee)
{
    Type *t = types_resolve(c, e->args[0]);
    if (t == c->t_invalid) { for (int i = 1; i < e->nargs; i++) types_expr(c, e->args[i]); return; }
    if (t->kind == TY_CHAN) {   /* make(chan T, n): sim/lang/types_conc.c (resolves the type again) */
        types_conc_call(c, e, BI_MAKE, callee);
        return;
    }
    int max = t->kind == TY_SLICE ? 3 : 2;
    if (t->kind != TY_SLICE && t->kind != TY_MAP) {
        char ts[64];
        ast_expr_string(e->args[0], ts, sizeof ts);
        types_errorf(c, e->args[0]->line, e->args[0]->col, "invalid argument: cannot make %s; type must be slice, map, or channel", ts);
        return;
    }
    if (t->kind == TY_SLICE && e->nargs < 2) {
        char es[128];
        ast_expr_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "invalid operation: %s expects 2 or 3 arguments; found %d", es, e->nargs);
        return;
    }
    if (e->nargs > max) {
        char es[128];
        ast_expr_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "invalid operation: %s expects %d or %d arguments; found %d", es, max - 1, max, e->nargs);
        return;
    }
    for (int i = 1; i < e->nargs; i++) {
        Expr *a = e->args[i];
        types_value(c, a);
        if (a->mode == MODE_INVALID) return;
        if (!types_is_integer(a->type) && !(a->mode == MODE_CONST && a->type->kind == TY_UNTYPED_FLOAT)) {
            char as[128];
            types_operand_string(a, as, sizeof as);
            types_errorf(c, a->line, a->col, "cannot convert %s to type int", as);
            return;
        }
        if (a->mode == MODE_CONST && a->cv.kind == CV_INT && a->cv.i < 0) {
            char as[64];
            ast_expr_string(a, as, sizeof as);
            types_errorf(c, a->line, a->col, "invalid argument: index %s (constant of type int) must not be negative", as);
            return;
        }
        if (types_is_untyped(a->type)) types_assign(c, a, c->t_int, "argument to make");
    }
    if (e->nargs == 3 && e->args[1]->mode == MODE_CONST && e->args[2]->mode == MODE_CONST &&
        e->args[1]->cv.i > e->args[2]->cv.i) {
        types_errorf(c, e->args[1]->line, e->args[1]->col, "invalid argument: length and capacity swapped");
        return;
    }
    e->mode = MODE_VALUE;
    e->type = t;
}

void types_data_builtin(Checker *c, Expr *e, int bi, const char *callee)
{
    e->mode = MODE_NOVALUE;
    switch (bi) {
    case BI_LEN: case BI_CAP:
        if (count(c, e, callee, 1, 1)) len_cap(c, e, bi, callee);
        else types_invalid(c, e);
        break;
    case BI_APPEND:
        if (e->nargs == 0) {
            types_errorf(c, e->rparen_line, e->rparen_col, "not enough arguments for %s() (expected 1, found 0)", callee);
            types_invalid(c, e);
            break;
        }
        append_call(c, e, callee);
        break;
    case BI_MAKE:
        if (e->nargs == 0) {
            types_errorf(c, e->rparen_line, e->rparen_col, "not enough arguments for %s() (expected 1, found 0)", callee);
            types_invalid(c, e);
            break;
        }
        make_call(c, e, callee);
        break;
    case BI_COPY: {
        if (!count(c, e, callee, 2, 2)) { types_invalid(c, e); break; }
        Expr *d = e->args[0], *s = e->args[1];
        types_value(c, d);
        types_value(c, s);
        if (d->mode == MODE_INVALID || s->mode == MODE_INVALID) break;
        bool ok = d->type->kind == TY_SLICE &&
                  ((s->type->kind == TY_SLICE && types_identical(s->type->elem, d->type->elem)) ||
                   (types_is_string(s->type) && d->type->elem->numkind == NK_UINT8 && d->type->elem->kind == TY_INT));
        if (!ok) {
            char es[128];
            ast_expr_string(e, es, sizeof es);
            types_errorf(c, e->line, e->col, "invalid argument: copy expects slice arguments; found %s", es);
            break;
        }
        if (types_is_untyped(s->type)) s->type = c->t_string;
        e->mode = MODE_VALUE;
        e->type = c->t_int;
        break;
    }
    case BI_PRINT: case BI_PRINTLN_RT:   /* any values; untyped constants take their default type */
        for (int i = 0; i < e->nargs; i++) {
            Expr *a = e->args[i];
            types_value(c, a);
            if (a->mode == MODE_NIL) {
                types_errorf(c, a->line, a->col, "use of untyped nil in argument to built-in %s", bi == BI_PRINT ? "print" : "println");
                continue;
            }
            if (a->mode != MODE_INVALID && types_is_untyped(a->type)) types_assign(c, a, types_default(c, a->type), "argument");
        }
        break;
    case BI_DELETE: {
        if (!count(c, e, callee, 2, 2)) { types_invalid(c, e); break; }
        Expr *m = e->args[0], *k = e->args[1];
        types_value(c, m);
        types_value(c, k);
        if (m->mode == MODE_INVALID || k->mode == MODE_INVALID) break;
        if (m->type->kind != TY_MAP) {
            char ms[128];
            types_operand_string(m, ms, sizeof ms);
            types_errorf(c, m->line, m->col, "invalid argument: %s is not a map", ms);
            break;
        }
        types_assign(c, k, m->type->key, "argument to delete");
        break;
    }
    }
}
