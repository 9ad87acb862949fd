/* scope_range.c — checking `for k, v := range x` (and `=`, and `for range x`).
 *
 * The iteration variables of := are declared once, in a scope around the
 * body, and shared by every iteration (Go 1.19; Go 1.22 made them per
 * iteration), so a closure capturing one sees its last value.  The checker
 * records the variables in s->syms for the code generator (sim/lang/compile_range.c).
 */
#include "check.h"

#include <string.h>
#include "lex.h"
#include "parse.h"

/* The types range x yields as key and value; false (reported) if none. */
static bool range_types(Checker *c, Expr *x, Type **k, Type **v)
{
    Type *t = x->type;
    if (t->kind == TY_PTR && t->elem->kind == TY_ARRAY) t = t->elem;
    switch (t->kind) {
    case TY_SLICE: case TY_ARRAY: *k = c->t_int; *v = t->elem; return true;
    case TY_STRING: case TY_UNTYPED_STRING:
        x->type = types_default(c, t);
        *k = c->t_int;
        *v = c->t_rune;
        return true;
    case TY_MAP: *k = t->key; *v = t->elem; return true;
    default: {
        char xs[128];
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, x->line, x->col, "cannot range over %s", xs);
        return false;
    }
    }
}

void scope_range(Checker *c, Stmt *s)
{
    scope_open(c);
    types_value(c, s->x);
    if (s->x->mode != MODE_INVALID && s->x->type->kind == TY_CHAN) {   /* sim/lang/types_conc.c */
        scope_conc_range(c, s);
        scope_close(c);
        return;
    }
    Type *kv[2] = {c->t_invalid, c->t_invalid};
    bool ok = s->x->mode != MODE_INVALID && range_types(c, s->x, &kv[0], &kv[1]);
    s->syms = parse_alloc(c->arena, sizeof *s->syms * (size_t)(s->nlhs > 2 ? s->nlhs : 2));
    if (s->nlhs > 2) {
        types_errorf(c, s->lhs[2]->line, s->lhs[2]->col, "range clause permits at most two iteration variables");
        ok = false;
    }
    for (int i = 0; i < s->nlhs; i++) {
        Expr *l = s->lhs[i];
        s->syms[i] = NULL;
        if (s->op == TK_DEFINE) {
            if (l->kind != EX_IDENT) {
                char ls[96];
                ast_expr_string(l, ls, sizeof ls);
                types_errorf(c, l->line, l->col, "non-name %s on left side of :=", ls);
                continue;
            }
            if (scope_is_blank(l->name, l->namelen)) continue;
            Sym *v = scope_declare(c, SYM_VAR, l->name, l->namelen, l->line, l->col);
            v->type = ok ? kv[i] : c->t_invalid;
            v->used = !ok;
            l->sym = v;
            l->mode = MODE_VAR;
            l->type = v->type;
            s->syms[i] = v;
            continue;
        }
        if (l->kind == EX_IDENT && scope_is_blank(l->name, l->namelen)) { l->mode = MODE_VAR; continue; }
        types_lhs(c, l);
        if (l->mode == MODE_INVALID || !ok) continue;
        if (l->mode != MODE_VAR) {
            char ls[128];
            types_operand_string(l, ls, sizeof ls);
            types_errorf(c, l->line, l->col, "cannot assign to %s", ls);
        } else if (!types_identical(l->type, kv[i])) {
            char ls[128], ts[64];
            types_operand_string(l, ls, sizeof ls);
            types_string(kv[i], ts, sizeof ts);
            types_errorf(c, l->line, l->col, "cannot use %s value as type %s in range", ts, ls);
        }
    }
    c->loops++;
    scope_push_label(c, s);                 /* break/continue L */
    scope_block(c, s->body, s->nbody);
    scope_pop_label(c, s);
    c->loops--;
    scope_close(c);
}
