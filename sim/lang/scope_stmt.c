/* scope_stmt.c — checking statements and function bodies (types.h).
 *
 * Each statement is checked in its own scope where Go opens one (blocks, if,
 * for), with Go's rules for := (at least one new variable on the left), for
 * unused variables (reported when their scope closes), for break and
 * continue outside loops, and for a missing return (the spec's "terminating
 * statements", without panic, goto, switch and select).  Function literals
 * are checked where they appear and named as Go names them (main.func1,
 * main.func1.1, glob..func1).
 */
#include "check.h"

#include <stdio.h>
#include <string.h>
#include "lex.h"
#include "parse.h"

/* ---- statements --------------------------------------------------------------------- */

static void stmt(Checker *c, Stmt *s);
static void body(Checker *c, Stmt **stmts, int n);

static void block(Checker *c, Stmt **stmts, int n)
{
    scope_open(c);
    body(c, stmts, n);
    scope_close(c);
}

static void body(Checker *c, Stmt **stmts, int n)
{
    scope_stmt_list(c, stmts, n, NULL);
}

void scope_stmt_list(Checker *c, Stmt **stmts, int n, Stmt *owner)
{
    for (int i = 0; i < n; i++) {
        Stmt *st = stmts[i];
        if (st->label && st->kind != ST_FOR && st->kind != ST_SWITCH && st->kind != ST_BREAK &&
            st->kind != ST_CONTINUE && !scope_labels_stmt(st)) {
            types_errorf(c, st->label_line, st->label_col, "label %.*s defined and not used", st->labellen, st->label);
        }
        if (st->kind == ST_FALLTHROUGH) scope_check_fallthrough(c, st, stmts, n, owner);
        else stmt(c, st);
    }
}

void scope_block(Checker *c, Stmt **stmts, int n)
{
    block(c, stmts, n);
}

static void define(Checker *c, Stmt *s)
{
    Type **vt = parse_alloc(c->arena, sizeof *vt * (size_t)s->nlhs);
    bool *failed = parse_alloc(c->arena, sizeof *failed * (size_t)s->nlhs);
    s->syms = parse_alloc(c->arena, sizeof *s->syms * (size_t)s->nlhs);
    scope_rhs_values(c, s, s->nlhs, vt);
    bool any_new = false;
    for (int i = 0; i < s->nlhs; i++) {
        Expr *n = s->lhs[i];
        if (n->kind != EX_IDENT) {
            char ns[96];
            ast_expr_string(n, ns, sizeof ns);
            types_errorf(c, n->line, n->col, "non-name %s on left side of :=", ns);
            return;
        }
        for (int j = 0; j < i; j++) {
            if (!scope_is_blank(n->name, n->namelen) && s->lhs[j]->namelen == n->namelen &&
                memcmp(s->lhs[j]->name, n->name, (size_t)n->namelen) == 0) {
                types_errorf(c, n->line, n->col, "%.*s repeated on left side of :=", n->namelen, n->name);
                return;
            }
        }
        if (!scope_is_blank(n->name, n->namelen) && !scope_lookup_in(c->scope, n->name, n->namelen)) any_new = true;
    }
    if (!any_new) {
        /* Go then checks it as an assignment, which is no use: `x := 1; x := 2`
         * also reports "x declared but not used". */
        types_errorf(c, s->op_line, s->op_col, "no new variables on left side of :=");
        return;
    }
    bool single = s->nrhs == s->nlhs;
    for (int i = 0; i < s->nlhs; i++) {
        Expr *n = s->lhs[i];
        Expr *r = single ? s->rhs[i] : NULL;
        if (scope_is_blank(n->name, n->namelen)) {
            if (r && r->mode == MODE_NIL) types_errorf(c, r->line, r->col, "use of untyped nil in assignment");
            else if (r && vt[i]) r->type = types_default(c, vt[i]);
            continue;
        }
        Sym *old = scope_lookup_in(c->scope, n->name, n->namelen);
        if (old) {
            n->sym = old;
            scope_use(c, old, false);
            if (scope_copies_struct(c, r, false)) {
                continue;
            } else if (old->kind != SYM_VAR) {
                types_errorf(c, n->line, n->col, "cannot assign to %.*s", n->namelen, n->name);
            } else if (r) {
                types_assign(c, r, old->type, "assignment");
            } else if (vt[i] && !types_identical(vt[i], old->type)) {
                char ts[64], os[64];
                types_string(vt[i], ts, sizeof ts);
                types_string(old->type, os, sizeof os);
                types_errorf(c, s->rhs[0]->line, s->rhs[0]->col, "cannot use %s value as type %s in assignment", ts, os);
            }
            continue;
        }
        Type *t = c->t_invalid;
        if (r && r->mode == MODE_NIL) types_errorf(c, r->line, r->col, "use of untyped nil in assignment");
        else if (scope_copies_struct(c, r, true)) t = c->t_invalid;
        else if (vt[i]) t = types_default(c, vt[i]);
        if (r) types_data_check_big(c, r, t, "assignment");   /* x := 1 << 100 */
        if (t == c->t_invalid) failed[i] = true;
        if (r && r->mode != MODE_INVALID && r->mode != MODE_NIL) r->type = t;
        s->syms[i] = NULL;   /* declared after every right-hand side was checked */
        vt[i] = t;
    }
    for (int i = 0; i < s->nlhs; i++) {
        Expr *n = s->lhs[i];
        if (scope_is_blank(n->name, n->namelen) || n->sym) continue;
        Sym *v = scope_declare(c, SYM_VAR, n->name, n->namelen, n->line, n->col);
        v->type = vt[i];
        v->used = failed[i];
        n->sym = v;
        s->syms[i] = v;
    }
}

static void assign_target(Checker *c, Expr *l, Expr *r, Type *rt)
{
    if (types_data_map_store(c, l, r)) return;   /* m[k] = T{...}: sim/lang/types_data.c */
    if (scope_copies_struct(c, r, false)) return;
    if (l->kind == EX_IDENT && scope_is_blank(l->name, l->namelen)) {
        l->mode = MODE_VAR;
        if (r && r->mode == MODE_NIL) types_errorf(c, r->line, r->col, "use of untyped nil in assignment");
        else if (r && r->mode != MODE_INVALID) r->type = types_default(c, r->type);
        return;
    }
    types_lhs(c, l);
    if (l->mode == MODE_INVALID || types_data_map_field(c, l)) return;
    if (l->mode != MODE_VAR) {
        char ls[128];
        types_operand_string(l, ls, sizeof ls);
        types_errorf(c, l->line, l->col, "cannot assign to %s", ls);
        return;
    }
    if (r) {
        Expr *inner = l;
        while (inner->kind == EX_PAREN) inner = inner->x;
        if (!types_assign(c, r, l->type, "assignment") && inner->kind == EX_IDENT && inner->sym)
            inner->sym->used = true;   /* as Go: no follow-up "declared but not used" */
    } else if (rt && !types_identical(rt, l->type)) {
        char ts[64], ls[64];
        types_string(rt, ts, sizeof ts);
        types_string(l->type, ls, sizeof ls);
        types_errorf(c, l->line, l->col, "cannot use %s value as type %s in assignment", ts, ls);
    }
}

static void assign(Checker *c, Stmt *s)
{
    if (s->op == TK_ASSIGN) {
        Type **vt = parse_alloc(c->arena, sizeof *vt * (size_t)s->nlhs);
        scope_rhs_values(c, s, s->nlhs, vt);
        bool single = s->nrhs == s->nlhs;
        for (int i = 0; i < s->nlhs; i++)
            assign_target(c, s->lhs[i], single ? s->rhs[i] : NULL, vt[i]);
        return;
    }
    /* x op= y: checked as the binary expression x op y, assigned to x. */
    Expr *l = s->lhs[0], *r = s->rhs[0];
    types_expr(c, l);   /* x op= y reads x: it counts as a use */
    types_value(c, r);
    if (l->mode == MODE_INVALID || r->mode == MODE_INVALID) return;
    if (l->mode != MODE_VAR) {
        char ls[128];
        types_operand_string(l, ls, sizeof ls);
        types_errorf(c, l->line, l->col, "cannot assign to %s", ls);
        return;
    }
    Expr *b = parse_alloc(c->arena, sizeof *b);
    b->kind = EX_BINARY;
    b->line = s->line;
    b->col = s->col;
    b->op_line = s->op_line;
    b->op_col = s->op_col;
    b->op = s->op;
    b->x = l;
    b->y = r;
    types_binary(c, b);
}

static void incdec(Checker *c, Stmt *s)
{
    Expr *x = s->x;
    types_expr(c, x);   /* x++ reads x: it counts as a use */
    if (x->mode == MODE_INVALID) return;
    char xs[128];
    if (x->mode != MODE_VAR) {
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, x->line, x->col, "cannot assign to %s", xs);
    } else if (!types_is_numeric(x->type)) {
        char ts[64];
        ast_expr_string(x, xs, sizeof xs);
        types_string(x->type, ts, sizeof ts);
        types_errorf(c, s->line, s->col, "invalid operation: %s%s (non-numeric type %s)",
                     xs, s->op == TK_INC ? "++" : "--", ts);
    }
}

static void expr_stmt(Checker *c, Stmt *s)
{
    Expr *x = s->x, *inner = x;
    while (inner->kind == EX_PAREN) inner = inner->x;
    types_expr(c, x);
    if (x->mode == MODE_INVALID) return;
    bool ok = (inner->kind == EX_CALL && inner->x->mode != MODE_TYPE &&
               !(inner->x->mode == MODE_BUILTIN && (inner->x->builtin == BI_NEW ||
                 inner->x->builtin == BI_MAKE || inner->x->builtin == BI_LEN ||
                 inner->x->builtin == BI_CAP))) ||
              (inner->kind == EX_UNARY && inner->op == TK_ARROW);   /* <-ch */
    if (!ok) {
        char xs[128];
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, x->line, x->col, "%s is not used", xs);
    }
    if (ok && inner->x->mode == MODE_BUILTIN && inner->mode == MODE_VALUE && inner->type->kind == TY_TUPLE)
        inner->mode = MODE_NOVALUE;   /* fmt.Fprintf's (n, err), unused: not even pushed */
}

/* The builtins a defer statement may call directly. */
static bool func_deferrable(int bi)
{
    switch (bi) {
    case BI_PANIC: case BI_FMT_PRINT: case BI_FPRINTF: case BI_FPRINTLN: case BI_FPRINT:
    case BI_PRINT: case BI_PRINTLN_RT:
        return true;
    default:
        return bi >= BI_LIB;           /* defer buf.WriteTo(os.Stdout) */
    }
}

static void go_defer(Checker *c, Stmt *s)
{
    Expr *call = s->x;
    const char *kw = s->kind == ST_GO ? "go" : "defer";
    types_expr(c, call);
    Expr *f = call->x;
    if (f->mode == MODE_TYPE) {
        types_errorf(c, call->line, call->col, "%s requires function call, not conversion", kw);
    } else if (f->mode == MODE_BUILTIN && (f->builtin == BI_NEW || f->builtin == BI_MAKE ||
                                           f->builtin == BI_LEN || f->builtin == BI_CAP)) {
        char cs[128];
        ast_expr_string(call, cs, sizeof cs);
        types_errorf(c, call->line, call->col, "%s discards result of %s", kw, cs);
    } else if (f->mode == MODE_BUILTIN && call->mode != MODE_INVALID && !types_conc_deferrable(f->builtin) &&
               !(s->kind == ST_DEFER && func_deferrable(f->builtin))) {
        char fs[96];
        ast_expr_string(f, fs, sizeof fs);
        types_errorf(c, call->line, call->col,
                     "interleave does not support %s %s(...) (write %s func() { %s(...) }())", kw, fs, kw, fs);
    }
}

static void return_stmt(Checker *c, Stmt *s)
{
    FuncInfo *f = c->fn;
    Type *sig = f->sig;
    if (s->nrhs == 0) {
        bool named = f->nresults > 0 && f->results[0] != NULL;
        if (sig->nresults > 0 && !named)
            types_errorf(c, s->line, s->col, "not enough return values");
        return;
    }
    if (sig->nresults == 0) {
        for (int i = 0; i < s->nrhs; i++) types_expr(c, s->rhs[i]);
        types_errorf(c, s->rhs[0]->line, s->rhs[0]->col, "too many return values");
        return;
    }
    if (s->nrhs == 1 && sig->nresults > 1) {
        Expr *r = s->rhs[0];
        types_expr(c, r);
        if (r->mode == MODE_INVALID) return;
        if (r->mode == MODE_VALUE && r->type->kind == TY_TUPLE && r->type->nresults == sig->nresults) {
            for (int i = 0; i < sig->nresults; i++) {
                if (!types_identical(r->type->results[i], sig->results[i])) {
                    char ts[64], ws[64];
                    types_string(r->type->results[i], ts, sizeof ts);
                    types_string(sig->results[i], ws, sizeof ws);
                    types_errorf(c, r->line, r->col, "cannot use %s value as type %s in return statement", ts, ws);
                }
            }
            return;
        }
        types_errorf(c, r->line, r->col, "not enough return values");
        return;
    }
    for (int i = 0; i < s->nrhs; i++) types_value(c, s->rhs[i]);
    if (s->nrhs != sig->nresults) {
        /* Go points at the first value too many, or the last one there is */
        Expr *at = s->rhs[s->nrhs < sig->nresults ? s->nrhs - 1 : sig->nresults];
        types_errorf(c, at->line, at->col, "%s return values",
                     s->nrhs < sig->nresults ? "not enough" : "too many");
        return;
    }
    for (int i = 0; i < s->nrhs; i++) types_assign(c, s->rhs[i], sig->results[i], "return statement");
}

static void condition(Checker *c, Expr *cond, const char *what)
{
    types_value(c, cond);
    if (cond->mode == MODE_INVALID) return;
    if (cond->type->kind != TY_BOOL && cond->type->kind != TY_UNTYPED_BOOL) {
        types_errorf(c, cond->line, cond->col, "non-boolean condition in %s statement", what);
        return;
    }
    if (cond->type->kind == TY_UNTYPED_BOOL) cond->type = c->t_bool;
}

static void stmt(Checker *c, Stmt *s)
{
    if (!scope_enter(c, s->line, s->col)) return;
    switch (s->kind) {
    case ST_EMPTY: break;
    case ST_EXPR: expr_stmt(c, s); break;
    case ST_VAR: scope_var_spec(c, s, false); break;
    case ST_CONST: scope_const_spec(c, s, false); break;
    case ST_TYPE: scope_local_type(c, s); break;
    case ST_DEFINE: define(c, s); break;
    case ST_ASSIGN: assign(c, s); break;
    case ST_INCDEC: incdec(c, s); break;
    case ST_BLOCK: block(c, s->body, s->nbody); break;
    case ST_IF:
        scope_open(c);
        if (s->init) stmt(c, s->init);
        condition(c, s->cond, "if");
        block(c, s->body, s->nbody);
        if (s->els) stmt(c, s->els);
        scope_close(c);
        break;
    case ST_FOR:
        scope_open(c);
        if (s->init) stmt(c, s->init);
        if (s->cond) condition(c, s->cond, "for");
        if (s->post) stmt(c, s->post);
        c->loops++;
        scope_push_label(c, s);
        block(c, s->body, s->nbody);
        scope_pop_label(c, s);
        c->loops--;
        scope_close(c);
        break;
    case ST_BREAK:
        if (!c->loops && !c->switches && !c->selects)
            types_errorf(c, s->line, s->col, "break is not in a loop, switch, or select");
        else scope_check_label(c, s);
        break;
    case ST_CONTINUE:
        if (!c->loops) types_errorf(c, s->line, s->col, "continue is not in a loop");
        else scope_check_label(c, s);
        break;
    case ST_SWITCH: scope_switch(c, s); break;
    case ST_CASE: break;   /* only inside a switch */
    case ST_FALLTHROUGH: types_errorf(c, s->line, s->col, "fallthrough statement out of place"); break;
    case ST_RETURN: return_stmt(c, s); break;
    case ST_GO: case ST_DEFER: go_defer(c, s); break;
    case ST_SEND: scope_conc_send(c, s); break;
    case ST_RANGE: scope_range(c, s); break;   /* sim/lang/scope_range.c (channels: scope_conc_range) */
    case ST_SELECT: scope_conc_select(c, s); break;
    }
    c->depth--;
}

void scope_check_stmt(Checker *c, Stmt *s)
{
    stmt(c, s);
}

void scope_check_block(Checker *c, Stmt **stmts, int n)
{
    block(c, stmts, n);
}

/* ---- functions ----------------------------------------------------------------------- */

static bool terminating(const Stmt *s);

static bool terminating_list(Stmt *const *b, int n)
{
    while (n > 0 && b[n - 1]->kind == ST_EMPTY) n--;
    return n > 0 && terminating(b[n - 1]);
}

/* Does a break in this list (outside nested loops) leave the enclosing loop? */
static bool has_break(Stmt *const *b, int n)
{
    for (int i = 0; i < n; i++) {
        const Stmt *s = b[i];
        if (s->kind == ST_BREAK) return true;
        if ((s->kind == ST_BLOCK || s->kind == ST_IF) && has_break(s->body, s->nbody)) return true;
        for (const Stmt *e = s->kind == ST_IF ? s->els : NULL; e; e = e->kind == ST_IF ? e->els : NULL)
            if (has_break(e->body, e->nbody)) return true;
    }
    return false;
}

/* Does a break in this list (outside nested loops and selects) leave the
 * select it is in? */
static bool breaks_select(Stmt *const *b, int n)
{
    return has_break(b, n);
}

/* Go spec "Terminating statements" (without panic, goto and switch). */
static bool terminating(const Stmt *s)
{
    switch (s->kind) {
    case ST_RETURN: return true;
    case ST_SELECT:
        for (int i = 0; i < s->nclauses; i++) {
            const Clause *k = &s->clauses[i];
            if (!terminating_list(k->body, k->nbody) || breaks_select(k->body, k->nbody)) return false;
        }
        return true;
    case ST_BLOCK: return terminating_list(s->body, s->nbody);
    case ST_IF: return s->els && terminating_list(s->body, s->nbody) && terminating(s->els);
    case ST_FOR: return !s->cond && !has_break(s->body, s->nbody);
    case ST_EXPR: {                     /* a call of panic */
        const Expr *x = s->x;
        while (x->kind == EX_PAREN) x = x->x;
        return x->kind == EX_CALL && x->x->mode == MODE_BUILTIN && x->x->builtin == BI_PANIC;
    }
    case ST_SWITCH: {
        bool dflt = false;
        for (int i = 0; i < s->nbody; i++) {
            const Stmt *cl = s->body[i];
            if (!cl->nrhs) dflt = true;
            if (has_break(cl->body, cl->nbody)) return false;
            bool ft = cl->nbody && cl->body[cl->nbody - 1]->kind == ST_FALLTHROUGH;
            if (!ft && !terminating_list(cl->body, cl->nbody)) return false;
        }
        return dflt;
    }
    default: return false;
    }
}

void scope_func_body(Checker *c, FuncInfo *fi)
{
    FuncNode *fn = fi->node;
    Type *sig = fi->sig;
    FuncInfo *save_fn = c->fn;
    int save_loops = c->loops, save_switches = c->switches, save_nlabels = c->nlabels;
    int save_selects = c->selects;
    c->fn = fi;
    c->loops = c->selects = 0;
    c->switches = 0;
    c->nlabels = 0;
    scope_open(c);
    fi->params = parse_alloc(c->arena, sizeof *fi->params * (size_t)(fn->nparams + 1));
    fi->results = parse_alloc(c->arena, sizeof *fi->results * (size_t)(fn->nresults + 1));
    fi->nparams = fn->nparams;
    fi->nresults = fn->nresults;
    for (int i = 0; i < fn->nparams + fn->nresults; i++) {
        bool param = i < fn->nparams;
        Field *f = param ? &fn->params[i] : &fn->results[i - fn->nparams];
        Sym *v = NULL;
        if (f->name) {
            v = scope_declare(c, SYM_VAR, f->name, f->namelen, f->line, f->col);
        } else if (param) {
            v = scope_new_sym(c, SYM_VAR, "_", 1, f->line, f->col);
        }
        if (v) {
            v->type = param ? sig->params[i] : sig->results[i - fn->nparams];
            v->is_param = true;
        }
        if (param) fi->params[i] = v;
        else fi->results[i - fn->nparams] = v;
    }
    body(c, fn->body->body, fn->body->nbody);
    scope_close(c);
    if (sig->nresults > 0 && !terminating_list(fn->body->body, fn->body->nbody))
        types_errorf(c, fn->body->end_line, fn->body->end_col, "missing return");
    c->fn = save_fn;
    c->loops = save_loops;
    c->switches = save_switches;
    c->nlabels = save_nlabels;
    c->selects = save_selects;
}

FuncInfo *scope_new_func(Checker *c, const char *name, FuncNode *fn, Type *sig)
{
    FuncInfo *fi = parse_alloc(c->arena, sizeof *fi);
    fi->name = name;
    fi->parent = c->fn;
    fi->node = fn;
    fi->sig = sig;
    fi->proto = -1;
    fn->info = fi;
    return fi;
}

void scope_func_lit(Checker *c, Expr *e)
{
    char name[160];
    if (!c->fn) snprintf(name, sizeof name, "glob..func%d", ++c->nglobal_lits);
    else if (!c->fn->parent) snprintf(name, sizeof name, "%s.func%d", c->fn->name, ++c->fn->nlits);
    else snprintf(name, sizeof name, "%s.%d", c->fn->name, ++c->fn->nlits);
    FuncInfo *fi = scope_new_func(c, parse_strndup(c->arena, name, strlen(name)), e->fn, e->type);
    scope_func_body(c, fi);
}
