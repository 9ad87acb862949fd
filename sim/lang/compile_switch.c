/* compile_switch.c — code for switch statements, labelled break and
 * continue, and fallthrough.
 *
 * An expression switch evaluates its tag once into a temporary slot, then
 * tests the cases in source order, each `tag == v` (or v alone without a
 * tag) jumping to its clause's body; after the tests, a jump to the
 * default clause (or past the switch).  The bodies follow in source order,
 * each ending in a jump past the switch, except that fallthrough simply
 * runs on into the next body.  A type switch does the same with ASSERT
 * (B = 2: "does it hold a T?") and, in each clause, binds its variable:
 * the value converted to the clause's single type, or the interface value.
 *
 *     [init]  tag -> T
 *     LOCAL T; <v1>; EQ; JMPT body1    ...    JMP default|end
 *     body1: ... JMP end
 *     body2: ... (fallthrough: none)
 *     end:
 *
 * break and continue find their target among the enclosing Loops (a switch
 * is a Loop that only takes breaks), by label when they have one.
 */
#include "compile_internal.h"

#include <stdlib.h>
#include <string.h>
#include "lex.h"
#include "util.h"

void compile_branch(Compiler *C, Stmt *s)
{
    Loop *l = C->loop;
    for (; l; l = l->outer) {
        if (s->label) {
            if (l->label && l->labellen == s->labellen && !memcmp(l->label, s->label, (size_t)s->labellen)) {
                if (s->kind == ST_CONTINUE && (l->is_switch || l->is_select)) sim_fatal("branch", "continue to a non-loop");
                break;
            }
            continue;
        }
        if (s->kind == ST_BREAK || (!l->is_switch && !l->is_select)) break;
    }
    if (!l) sim_fatal("branch", "no enclosing loop for break/continue");
    int j = compile_emit(C, OP_JMP, 0, 0);
    if (s->kind == ST_BREAK) {
        GROW(l->breaks, l->breaks_cap, l->nbreaks + 1);
        l->breaks[l->nbreaks++] = j;
    } else {
        GROW(l->conts, l->conts_cap, l->nconts + 1);
        l->conts[l->nconts++] = j;
    }
}

static bool is_type_switch(const Stmt *s)
{
    return s->x && s->x->kind == EX_TYPEASSERT && !s->x->y;
}

/* Push whether the value in slot `tmp` matches case expression v. */
static void case_test(Compiler *C, Stmt *s, int tmp, Expr *v)
{
    if (is_type_switch(s)) {
        compile_emit(C, OP_LOCAL, tmp, 0);
        if (v->mode == MODE_NIL) {
            compile_emit(C, OP_NIL, 0, 0);
            compile_emit(C, OP_IFACEEQ, 0, 0);
            return;
        }
        compile_emit(C, OP_ASSERT, compile_layout(C, v->type), 2);
        return;
    }
    if (!s->x) {
        compile_expr(C, v);
        return;
    }
    compile_emit(C, OP_LOCAL, tmp, 0);
    compile_expr(C, v);
    if (types_is_iface(s->x->type) || s->x->boxed || types_is_iface(v->type)) compile_emit(C, OP_IFACEEQ, 0, 0);
    else if (s->x->type->kind == TY_STRUCT) compile_emit(C, OP_STRUCTEQ, s->x->type->nslots, 0);
    else compile_emit(C, OP_EQ, 0, 0);
}

/* A type switch clause's variable: the value as the clause's type. */
static void bind(Compiler *C, Stmt *s, Stmt *cl, int tmp)
{
    if (!cl->syms || !cl->syms[0]) return;
    Sym *v = cl->syms[0];
    compile_declare_local(C, v);
    Place pl = compile_var_place(C, v);
    bool single = cl->nrhs == 1 && cl->rhs[0]->mode != MODE_NIL;
    if (v->type->kind == TY_STRUCT) {
        compile_place_addr(C, &pl);
        compile_emit(C, OP_LOCAL, tmp, 0);
        compile_emit(C, OP_ASSERT, compile_layout(C, v->type), compile_layout(C, s->x->x->type) << 2);
        compile_emit(C, OP_COPYN, v->type->nslots, 0);
        return;
    }
    compile_place_prepare(C, &pl);
    compile_emit(C, OP_LOCAL, tmp, 0);
    if (single && !types_is_iface(v->type))
        compile_emit(C, OP_ASSERT, compile_layout(C, v->type), compile_layout(C, s->x->x->type) << 2);
    compile_place_store(C, &pl);
}

void compile_switch(Compiler *C, Stmt *s)
{
    Loop loop = {.outer = C->loop, .label = s->label, .labellen = s->labellen, .is_switch = true};
    if (s->init) compile_stmt(C, s->init);
    int tmp = C->nslots++;
    if (s->x) {
        compile_expr(C, is_type_switch(s) ? s->x->x : s->x);
        compile_emit(C, OP_SETLOCAL, tmp, 0);
    }
    int *to_body = xcalloc((size_t)(s->nbody ? s->nbody : 1), sizeof *to_body);
    int **tests = xcalloc((size_t)(s->nbody ? s->nbody : 1), sizeof *tests);
    int dflt = -1;
    for (int i = 0; i < s->nbody; i++) {
        Stmt *cl = s->body[i];
        if (!cl->nrhs) dflt = i;
        tests[i] = xcalloc((size_t)(cl->nrhs ? cl->nrhs : 1), sizeof **tests);
        for (int k = 0; k < cl->nrhs; k++) {
            C->line = cl->rhs[k]->line;
            C->col = cl->rhs[k]->col;
            case_test(C, s, tmp, cl->rhs[k]);
            tests[i][k] = compile_emit(C, OP_JMPT, 0, 0);
        }
    }
    C->line = s->line;
    C->col = s->col;
    int miss = compile_emit(C, OP_JMP, 0, 0);
    int *ends = xcalloc((size_t)(s->nbody ? s->nbody : 1), sizeof *ends);
    int nends = 0;
    C->loop = &loop;
    for (int i = 0; i < s->nbody; i++) {
        Stmt *cl = s->body[i];
        to_body[i] = compile_here(C);
        for (int k = 0; k < cl->nrhs; k++) compile_patch(C, tests[i][k], to_body[i]);
        if (i == dflt) compile_patch(C, miss, to_body[i]);
        C->line = cl->line;
        C->col = cl->col;
        if (is_type_switch(s)) bind(C, s, cl, tmp);
        compile_block(C, cl->body, cl->nbody);
        bool ft = cl->nbody && cl->body[cl->nbody - 1]->kind == ST_FALLTHROUGH;
        if (!ft && i < s->nbody - 1) ends[nends++] = compile_emit(C, OP_JMP, 0, 0);
    }
    C->loop = loop.outer;
    int end = compile_here(C);
    if (dflt < 0) compile_patch(C, miss, end);
    for (int i = 0; i < nends; i++) compile_patch(C, ends[i], end);
    for (int i = 0; i < loop.nbreaks; i++) compile_patch(C, loop.breaks[i], end);
    for (int i = 0; i < s->nbody; i++) free(tests[i]);
    free(tests);
    free(ends);
    free(to_body);
    free(loop.breaks);
    free(loop.conts);
}
