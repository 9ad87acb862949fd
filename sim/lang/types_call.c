/* types_call.c — checking calls: functions, builtins and conversions.
 *
 * A call's callee decides what it is: a type makes a conversion T(x), a
 * builtin (fmt.Println, mu.Lock, new ...) has its own argument rules, and a
 * function value is checked against its signature.  A single multi-value
 * call may supply all the arguments, as in f(g()).
 */
#include "check.h"

#include <stdio.h>
#include "parse.h"

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

/* A call of a variadic function: the fixed parameters, then either extra
 * arguments of the element type or one slice spread with `...`. */
static void variadic_arguments(Checker *c, Expr *e, Type *sig, const char *callee)
{
    int fixed = sig->nparams - 1;
    if (e->dots) {
        arguments(c, e, sig->params, sig->nparams, callee);
        return;
    }
    char ctx[160];
    snprintf(ctx, sizeof ctx, "argument to %s", callee);
    for (int i = 0; i < e->nargs; i++) types_value(c, e->args[i]);
    if (e->nargs < fixed) {
        const Expr *at = e->nargs ? e->args[e->nargs - 1] : e;
        types_errorf(c, at->line, at->col, "not enough arguments in call to %s", callee);
        return;
    }
    for (int i = 0; i < fixed; i++) types_assign(c, e->args[i], sig->params[i], ctx);
    Type *elem = types_variadic_elem(sig->params[fixed]);
    for (int i = fixed; i < e->nargs; i++) types_assign(c, e->args[i], elem, ctx);
}

/* fmt.Println / fmt.Printf arguments (...any): each becomes an interface
 * value carrying its dynamic type, which is how fmt sees it. */
static void print_args(Checker *c, Expr *e, int from)
{
    if (e->dots) {                     /* fmt.Println(xs...): xs is the []any itself */
        char fs[96], ctx[128];
        ast_expr_string(e->x, fs, sizeof fs);
        snprintf(ctx, sizeof ctx, "argument to %s", fs);
        for (int i = 0; i < e->nargs; i++) types_value(c, e->args[i]);
        if (e->nargs != from + 1) {
            types_errorf(c, e->line, e->col, "%s arguments in call to %s", e->nargs > from + 1 ? "too many" : "not enough", fs);
            return;
        }
        types_assign(c, e->args[from], types_slice_of(c, c->t_any), ctx);
        return;
    }
    if (e->nargs == from + 1 && from == 0 && e->args[0]->kind == EX_CALL) {   /* f(g()) */
        Expr *a = e->args[0];
        types_expr(c, a);
        if (a->mode == MODE_VALUE && a->type->kind == TY_TUPLE) {
            a->boxed = a->type;   /* each result becomes an interface value */
            return;
        }
        if (a->mode == MODE_NOVALUE) {
            char es[128];
            ast_expr_string(a, es, sizeof es);
            types_errorf(c, a->line, a->col, "%s (no value) used as value", es);
            return;
        }
        if (a->mode == MODE_INVALID) return;
        if (a->mode == MODE_VALUE || (a->mode == MODE_CONST && !types_is_untyped(a->type))) {   /* C(1) too */
            types_box(c, a, c->t_any);
            if (a->boxed == c->t_int || a->boxed == c->t_bool || a->boxed == c->t_string) a->boxed = NULL;
        }
        return;
    }
    for (int i = from; i < e->nargs; i++) {
        Expr *a = e->args[i];
        types_value(c, a);
        if (a->mode == MODE_INVALID) continue;
        if (a->mode == MODE_NIL) {
            a->type = c->t_any;
        } else if (a->type->kind == TY_MUTEX || a->type->kind == TY_WAITGROUP) {
            char ts[64];
            types_string(a->type, ts, sizeof ts);
            types_errorf(c, a->line, a->col, "interleave does not support printing %s values (print a field)", ts);
        } else {
            if (types_is_untyped(a->type))
                types_data_check_big(c, a, types_default(c, a->type),
                                     e->x->kind == EX_SELECTOR ? "argument to fmt.Println" : "argument");
            types_box(c, a, c->t_any);
            /* fmt prints an int, a bool or a string by its kind alone: no
             * IFACE step for the commonest arguments */
            if (a->boxed == c->t_int || a->boxed == c->t_bool || a->boxed == c->t_string) a->boxed = NULL;
        }
    }
}

/* fmt.Fprintf and friends return (n int, err error). */
static void n_err_results(Checker *c, Expr *e)
{
    e->mode = MODE_VALUE;
    e->type = types_new(c, TY_TUPLE, NULL);
    e->type->results = parse_alloc(c->arena, 2 * sizeof *e->type->results);
    e->type->results[0] = c->t_int;
    e->type->results[1] = c->t_error;
    e->type->nresults = 2;
}

/* The builtins of panic, recover, print(ln), the fmt printers
 * that return or write elsewhere, errors.New, os.Exit.  Returns false if bi
 * is not one of them. */
static bool func_builtin(Checker *c, Expr *e, int bi, const char *callee)
{
    Type *params[1];
    switch (bi) {
    case BI_PANIC:
        if (e->nargs != 1) {
            types_errorf(c, e->line, e->col, "%s arguments for %s (expected 1, found %d)",
                         e->nargs ? "too many" : "not enough", callee, e->nargs);
            for (int i = 0; i < e->nargs; i++) types_expr(c, e->args[i]);
            return true;
        }
        types_value(c, e->args[0]);
        if (e->args[0]->mode == MODE_NIL) e->args[0]->type = c->t_any;
        else types_box(c, e->args[0], c->t_any);
        return true;
    case BI_RECOVER:
        if (e->nargs) types_errorf(c, e->args[0]->line, e->args[0]->col, "too many arguments for %s", callee);
        e->mode = MODE_VALUE;
        e->type = c->t_any;
        return true;
    case BI_FMT_PRINT:
        print_args(c, e, 0);
        n_err_results(c, e);
        return true;
    case BI_SPRINT: case BI_SPRINTLN:
        print_args(c, e, 0);
        e->mode = MODE_VALUE;
        e->type = c->t_string;
        return true;
    case BI_SPRINTF: case BI_ERRORF:
        if (e->nargs == 0) {
            types_errorf(c, e->rparen_line, e->rparen_col, "not enough arguments in call to %s", callee);
            return true;
        }
        types_value(c, e->args[0]);
        types_assign(c, e->args[0], c->t_string, "argument to fmt.Sprintf");
        print_args(c, e, 1);
        e->mode = MODE_VALUE;
        e->type = bi == BI_ERRORF ? c->t_error : c->t_string;
        return true;
    case BI_FPRINTF: case BI_FPRINTLN: case BI_FPRINT:
        if (e->nargs == 0 || (bi == BI_FPRINTF && e->nargs < 2)) {
            types_errorf(c, e->rparen_line, e->rparen_col, "not enough arguments in call to %s", callee);
            return true;
        }
        types_value(c, e->args[0]);
        {
            char ctx[160];
            snprintf(ctx, sizeof ctx, "argument to %s", callee);
            types_lib_writer(c);
            types_assign(c, e->args[0], c->t_writer, ctx);
        }
        if (bi == BI_FPRINTF) {
            types_value(c, e->args[1]);
            types_assign(c, e->args[1], c->t_string, "argument to fmt.Fprintf");
        }
        print_args(c, e, bi == BI_FPRINTF ? 2 : 1);
        n_err_results(c, e);
        return true;
    case BI_ERRORS_NEW:
        params[0] = c->t_string;
        arguments(c, e, params, 1, callee);
        e->mode = MODE_VALUE;
        e->type = c->t_error;
        return true;
    case BI_EXIT:
        params[0] = c->t_int;
        arguments(c, e, params, 1, callee);
        return true;
    default:
        return false;
    }
}

static void builtin_call(Checker *c, Expr *e, int bi)
{
    char callee[128];
    ast_expr_string(e->x, callee, sizeof callee);
    e->mode = MODE_NOVALUE;
    Type *params[1];
    switch (bi) {
    case BI_PRINTLN:
        print_args(c, e, 0);
        break;
    case BI_PRINTF:
        if (e->nargs == 0) {   /* types2 reports a call without arguments where it starts */
            types_errorf(c, e->line, e->col, "not enough arguments in call to %s", callee);
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
            types_invalid(c, e);
            break;
        }
        Type *t = types_resolve(c, e->args[0]);
        if (t == c->t_invalid) { types_invalid(c, e); break; }
        e->mode = MODE_VALUE;
        e->type = types_ptr(c, t);
        break;
    }
    case BI_LEN: case BI_CAP: case BI_APPEND: case BI_MAKE: case BI_COPY: case BI_DELETE:
    case BI_PRINT: case BI_PRINTLN_RT:
        types_data_builtin(c, e, bi, callee);   /* sim/lang/types_builtin.c */
        break;
    case BI_STRFN: strings_check(c, e, callee); break;
    case BI_RANDFN: rand_check(c, e, callee); break;
    case BI_STRBUF: strbuf_check(c, e, callee); break;
    default:
        if (bi >= BI_MAKE && bi < BI__CONC_END) {
            types_conc_call(c, e, bi, callee);
            break;
        }
        if (func_builtin(c, e, bi, callee)) break;
        if (types_lib_call(c, e, bi, callee)) break;
        types_errorf(c, e->line, e->col, "interleave does not support %s", callee);
        for (int i = 0; i < e->nargs; i++) types_expr(c, e->args[i]);   /* uses its arguments */
        types_invalid(c, e);
        break;
    }
}

/* Go's conversion rule for composite kinds: identical underlying types
 * (HandlerFunc(func(s string) string {...}), Celsius structs, IntList(xs)).
 * A defined type is a copy of its underlying type with a name. */
static bool same_underlying(const Type *a, const Type *b)
{
    if (a->kind != b->kind) return false;
    switch (a->kind) {
    case TY_FUNC: case TY_STRUCT: case TY_SLICE: case TY_MAP: case TY_CHAN: case TY_PTR: case TY_ARRAY: break;
    default: return false;
    }
    Type ua = *a, ub = *b;
    ua.name = ub.name = NULL;
    if (types_identical(&ua, &ub)) return true;
    /* (*Q)(p): unnamed pointers whose base types have identical underlying types */
    return a->kind == TY_PTR && !a->name && !b->name && (types_identical(a->elem, b->elem) || same_underlying(a->elem, b->elem));
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
    if (types_is_iface(t)) {            /* T(x) with T an interface: an assignment */
        if (!types_assign(c, a, t, "conversion")) return;
        e->mode = MODE_VALUE;
        e->type = t;
        return;
    }
    if (types_data_conversion(c, e, a, t)) return;   /* numbers, strings and bytes: sim/lang/types_data.c */
    bool ok = types_identical(a->type, t) ||
              (types_is_integer(a->type) && t->kind == TY_INT) ||
              (types_is_string(a->type) && t->kind == TY_STRING) ||
              (types_is_bool(a->type) && t->kind == TY_BOOL) ||
              (a->mode == MODE_NIL && (t->kind == TY_PTR || t->kind == TY_FUNC || t->kind == TY_CHAN)) ||
              types_conc_assignable(a->type, t) || same_underlying(a->type, t);
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

void types_call(Checker *c, Expr *e)
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
    ast_expr_string(f, callee, sizeof callee);
    if (sig->variadic) variadic_arguments(c, e, sig, callee);
    else if (e->dots) {
        for (int i = 0; i < e->nargs; i++) types_expr(c, e->args[i]);
        types_errorf(c, e->line, e->col, "have (...) but function is not variadic: %s", callee);
    } else arguments(c, e, sig->params, sig->nparams, callee);
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
