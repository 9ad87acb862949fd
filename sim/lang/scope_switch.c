/* scope_switch.c — checking switch statements, labels and fallthrough.
 *
 * An expression switch compares its tag (true when there is none) with each
 * case value in order, as `tag == v` would be checked: an untyped constant
 * takes the tag's type, a concrete value compared with an interface tag is
 * boxed.  A type switch `switch x := v.(type)` declares x afresh in every
 * clause: with the case's type when the clause lists exactly one type, else
 * with v's interface type (Go spec "Type switches"); x unused in every clause
 * is Go's "x declared but not used".
 *
 * Labels: the checker keeps the labelled statements enclosing the current
 * one, so `break L` and `continue L` can be checked against them; the code
 * generator resolves them the same way (compile_switch.c).
 */
#include "check.h"

#include <stdio.h>
#include <string.h>
#include "parse.h"

static bool same(const char *a, int alen, const char *b, int blen)
{
    return alen == blen && memcmp(a, b, (size_t)alen) == 0;
}

/* break L / continue L: L must label an enclosing for (or, for break,
 * switch) statement. */
void scope_check_label(Checker *c, Stmt *s)
{
    if (!s->label) return;
    for (int i = c->nlabels - 1; i >= 0; i--) {
        Stmt *l = c->labels[i];
        if (!same(l->label, l->labellen, s->label, s->labellen)) continue;
        c->label_used[i] = true;
        if (s->kind == ST_CONTINUE && l->kind != ST_FOR && l->kind != ST_RANGE)
            types_errorf(c, s->line, s->col + 9, "invalid continue label %.*s", s->labellen, s->label);
        return;
    }
    types_errorf(c, s->line, s->col + (s->kind == ST_BREAK ? 6 : 9), "%s label not defined: %.*s",
                 s->kind == ST_BREAK ? "break" : "continue", s->labellen, s->label);
}

void scope_push_label(Checker *c, Stmt *s)
{
    if (s->label && c->nlabels < (int)(sizeof c->labels / sizeof *c->labels)) {
        c->label_used[c->nlabels] = false;
        c->labels[c->nlabels++] = s;
    }
}

void scope_pop_label(Checker *c, Stmt *s)
{
    if (s->label && c->nlabels > 0 && c->labels[c->nlabels - 1] == s) {
        c->nlabels--;
        if (!c->label_used[c->nlabels])
            types_errorf(c, s->label_line, s->label_col, "label %.*s defined and not used", s->labellen, s->label);
    }
}

static void clause_body(Checker *c, Stmt *cl, bool last, bool type_switch)
{
    Stmt *save = c->fallthrough_ok;
    bool save_ts = c->type_switch_clause;
    c->fallthrough_ok = last ? NULL : cl;
    c->type_switch_clause = type_switch;
    scope_stmt_list(c, cl->body, cl->nbody, cl);
    c->fallthrough_ok = save;
    c->type_switch_clause = save_ts;
}

/* fallthrough: only as the last statement of a clause that has a next one. */
void scope_check_fallthrough(Checker *c, Stmt *s, Stmt **list, int n, Stmt *owner)
{
    bool at_end = n > 0 && list[n - 1] == s;
    if (owner && owner->kind == ST_CASE && c->type_switch_clause) {
        types_errorf(c, s->line, s->col, "cannot fallthrough in type switch");
        return;
    }
    if (owner && owner->kind == ST_CASE && at_end && c->fallthrough_ok == owner) return;
    if (owner && owner->kind == ST_CASE && at_end && !c->fallthrough_ok)
        types_errorf(c, s->line, s->col, "cannot fallthrough final case in switch");
    else
        types_errorf(c, s->line, s->col, "fallthrough statement out of place");
}

/* Go rejects a constant case value that an earlier case already lists. */
static void check_duplicate(Checker *c, Stmt *s, int ci, int ki, Expr *v, Type *tag)
{
    if (v->mode != MODE_CONST || !types_convert_untyped(c, v, tag)) return;
    for (int i = 0; i <= ci; i++) {
        Stmt *cl = s->body[i];
        for (int k = 0; k < (i == ci ? ki : cl->nrhs); k++) {
            Expr *w = cl->rhs[k];
            if (w->mode != MODE_CONST || w->cv.kind != v->cv.kind) continue;
            bool eq = v->cv.kind == CV_STRING ? v->cv.slen == w->cv.slen && !memcmp(v->cv.s, w->cv.s, (size_t)v->cv.slen)
                                               : v->cv.i == w->cv.i;
            if (!eq) continue;
            char vs[160];
            types_operand_string(v, vs, sizeof vs);
            types_errorf(c, v->line, v->col, "duplicate case %s in expression switch", vs);
            return;
        }
    }
}

static void expr_switch(Checker *c, Stmt *s)
{
    Type *tag = c->t_bool;
    Expr *x = s->x;
    if (x) {
        types_value(c, x);
        if (x->mode == MODE_INVALID) {
            tag = NULL;
        } else if (x->mode == MODE_NIL) {
            types_errorf(c, x->line, x->col, "use of untyped nil in switch expression");
            tag = NULL;
        } else {
            tag = x->type = types_default(c, x->type);
        }
    }
    Stmt *dflt = NULL;
    for (int i = 0; i < s->nbody; i++) {
        Stmt *cl = s->body[i];
        if (cl->nrhs == 0) {
            if (dflt) types_errorf(c, cl->line, cl->col, "multiple defaults in switch");
            dflt = cl;
        }
        for (int k = 0; k < cl->nrhs; k++) {
            Expr *v = cl->rhs[k];
            types_value(c, v);
            if (v->mode == MODE_INVALID || !tag) continue;
            if (x) check_duplicate(c, s, i, k, v, tag);
            if (!x) {
                if (!types_is_bool(v->type)) {
                    char vs[128];
                    types_operand_string(v, vs, sizeof vs);
                    types_errorf(c, v->line, v->col, "invalid case %s in switch (mismatched types %s and bool)",
                                 vs, v->type->name ? v->type->name : "untyped");
                } else {
                    v->type = c->t_bool;
                }
                continue;
            }
            if (types_is_iface(tag) && !types_is_iface(v->type)) {
                types_assign(c, v, tag, "switch case");
            } else if (!types_convert_untyped(c, v, tag) || (!types_identical(v->type, tag) &&
                       !(types_is_iface(v->type) && !types_is_iface(tag)))) {
                char vs[128], xs[128], ts[64], us[64];
                ast_expr_string(v, vs, sizeof vs);
                ast_expr_string(x, xs, sizeof xs);
                types_string(v->type, ts, sizeof ts);
                types_string(tag, us, sizeof us);
                types_errorf(c, v->line, v->col, "invalid case %s in switch on %s (mismatched types %s and %s)",
                             vs, xs, ts, us);
            } else if (types_is_iface(v->type) && !types_is_iface(tag)) {
                x->boxed = tag;   /* the tag is compared as an interface value */
            }
        }
        scope_open(c);
        clause_body(c, cl, i == s->nbody - 1, false);
        scope_close(c);
    }
}

static void type_switch(Checker *c, Stmt *s)
{
    Expr *a = s->x;
    Expr *v = a->x;
    types_value(c, v);
    bool ok = v->mode != MODE_INVALID;
    if (ok && !types_is_iface(v->type)) {
        char vs[128];
        types_operand_string(v, vs, sizeof vs);
        types_errorf(c, v->line, v->col, "%s is not an interface", vs);
        ok = false;
    }
    Expr *name = s->nlhs ? s->lhs[0] : NULL;
    if (name && scope_is_blank(name->name, name->namelen)) {
        types_errorf(c, name->line, name->col, "no new variable on left side of :=");
        name = NULL;
    }
    bool used = false;
    Stmt *dflt = NULL;
    for (int i = 0; i < s->nbody; i++) {
        Stmt *cl = s->body[i];
        if (cl->nrhs == 0) {
            if (dflt) types_errorf(c, cl->line, cl->col, "multiple defaults in switch");
            dflt = cl;
        }
        Type *one = NULL;
        for (int k = 0; k < cl->nrhs; k++) {
            Expr *t = cl->rhs[k];
            Expr *inner = t;
            while (inner->kind == EX_PAREN) inner = inner->x;
            if (inner->kind == EX_IDENT && same(inner->name, inner->namelen, "nil", 3) &&
                scope_lookup(c, "nil", 3) && scope_lookup(c, "nil", 3)->kind == SYM_NIL) {
                t->mode = MODE_NIL;
                t->type = c->t_unil;
                one = ok ? v->type : NULL;
                continue;
            }
            Type *tt = types_resolve(c, t);
            one = tt;
            if (tt == c->t_invalid || !ok) continue;
            for (int pi = 0, dup = 0; pi <= i && !dup; pi++) {     /* Go: duplicate case T in type switch */
                Stmt *pc = s->body[pi];
                for (int pk = 0; pk < (pi == i ? k : pc->nrhs) && !dup; pk++) {
                    Expr *u = pc->rhs[pk];
                    if (u->mode == MODE_TYPE && u->type && types_identical(u->type, tt)) {
                        char ts[64];
                        ast_expr_string(t, ts, sizeof ts);
                        types_errorf(c, t->line, t->col, "duplicate case %s in type switch", ts);
                        dup = 1;
                    }
                }
            }
            const char *miss = NULL;
            int misslen = 0;
            if (!types_is_iface(tt) && !types_implements(tt, v->type, &miss, &misslen)) {
                char ts[64], vs[128], is[64];
                types_string(tt, ts, sizeof ts);
                ast_expr_string(v, vs, sizeof vs);
                types_string(v->type, is, sizeof is);
                types_errorf(c, t->line, t->col, "impossible type switch case: %s (type %s) cannot have dynamic type %s (missing %.*s method)",
                             vs, is, ts, misslen, miss);
            }
        }
        scope_open(c);
        if (name) {
            Sym *sym = scope_declare(c, SYM_VAR, name->name, name->namelen, name->line, name->col);
            sym->type = cl->nrhs == 1 && one ? one : ok ? v->type : c->t_invalid;
            cl->syms = parse_alloc(c->arena, sizeof *cl->syms);
            cl->syms[0] = sym;
            clause_body(c, cl, i == s->nbody - 1, true);
            if (sym->used) used = true;
            sym->used = true;   /* reported once, below, as Go does */
        } else {
            clause_body(c, cl, i == s->nbody - 1, true);
        }
        scope_close(c);
    }
    if (name && !used)
        types_errorf(c, name->line, name->col, "%.*s declared but not used", name->namelen, name->name);
}

void scope_switch(Checker *c, Stmt *s)
{
    scope_open(c);
    if (s->init) scope_stmt_list(c, &s->init, 1, NULL);
    scope_push_label(c, s);
    c->switches++;
    if (s->x && s->x->kind == EX_TYPEASSERT && !s->x->y) type_switch(c, s);
    else expr_switch(c, s);
    c->switches--;
    scope_pop_label(c, s);
    scope_close(c);
}

bool scope_labels_stmt(const Stmt *s)
{
    return s->kind == ST_SELECT || s->kind == ST_RANGE;   /* their checkers push the label */
}
