/* compile_stmt.c — code for statements.
 *
 * Assignments evaluate every right side before storing (Go's order), with
 * temporaries when a target's address must be computed first; a composite
 * literal fills the fresh variable it initialises in place.  x op= y and x++
 * are a read, a combine and a write: three steps that another goroutine can
 * interleave with.  Loops collect their break and continue jumps and patch
 * them when the targets are known.
 */
#include "compile_internal.h"

#include <stdlib.h>
#include "lex.h"
#include "util.h"

/* Target i of an assignment or declaration.  For ST_ASSIGN this emits the
 * code computing the target's address (Go evaluates the left side first). */
static Place target(Compiler *C, Stmt *s, int i)
{
    Place blank = {PL_BLANK, 0, -1};
    Expr *l = s->lhs[i];
    if (s->kind == ST_ASSIGN) return compile_place(C, l);
    if (s->syms && s->syms[i]) return compile_var_place(C, s->syms[i]);
    if (l->namelen == 1 && l->name[0] == '_') return blank;
    return compile_var_place(C, l->sym);
}

static bool is_composite(Expr *e)
{
    /* a struct literal fills its variable (an assignment to an existing
     * struct copies a new value instead); data literals are values */
    Expr *u = compile_unparen(e);
    return u->kind == EX_COMPOSITE && u->type && u->type->kind == TY_STRUCT && !e->boxed && !u->boxed;
}

/* struct{}{}: a value like any scalar (one nil slot), nothing to fill. */
static bool is_empty_struct(Expr *e)
{
    Expr *x = compile_unparen(e);
    return x->kind == EX_COMPOSITE && x->type && x->type->kind == TY_STRUCT && x->type->nfields == 0;
}

static void fill_target(Compiler *C, Place *pl, Expr *lit)
{
    if (pl->kind == PL_GLOBAL) compile_fill_composite(C, compile_unparen(lit), -1, pl->slot);
    else compile_fill_composite(C, compile_unparen(lit), pl->slot, -1);
}

/* The struct type of target i when the value it gets is a struct (an
 * address to copy from), NULL otherwise. */
static Type *struct_target(const Stmt *s, int i, bool tuple)
{
    Type *t;
    if (!tuple) {
        if (s->rhs[i]->boxed) return NULL;
        t = s->rhs[i]->type;
    } else {
        t = s->syms && s->syms[i] ? s->syms[i]->type : s->lhs[i]->type;
        Expr *l = compile_unparen(s->lhs[i]);
        if (l->kind == EX_IDENT && l->namelen == 1 && l->name[0] == '_') return NULL;
    }
    return t && t->kind == TY_STRUCT ? t : NULL;
}

/* Go evaluates every right side before assigning; a composite literal
 * fills the fresh variable it initialises in place. */
void compile_assign_values(Compiler *C, Stmt *s)
{
    int n = s->nlhs;
    bool tuple = s->nrhs != n;   /* a, b = f() */
    if (compile_data_map_struct_store(C, s) || compile_data_array_store(C, s)) return;
    if (n == 1) {
        Place pl = target(C, s, 0);
        if (is_composite(s->rhs[0]) && s->kind != ST_ASSIGN && !is_empty_struct(s->rhs[0])) {
            fill_target(C, &pl, s->rhs[0]);
            return;
        }
        if (pl.kind != PL_BLANK && s->rhs[0]->type && s->rhs[0]->type->kind == TY_STRUCT && !s->rhs[0]->boxed) {
            compile_place_addr(C, &pl);                /* a struct is copied in place */
            compile_expr(C, s->rhs[0]);
            C->line = s->line;
            C->col = s->col;
            compile_emit(C, OP_COPYN, s->rhs[0]->type->nslots, 0);
            return;
        }
        compile_place_prepare(C, &pl);
        C->name_hint = compile_conc_hint(C, s->lhs[0], s->rhs[0]);
        compile_expr(C, s->rhs[0]);
        C->name_hint = 0;
        C->line = s->line;
        C->col = s->col;
        compile_place_store(C, &pl);
        return;
    }
    /* Simple: every target is a name, so the values can be stored straight
     * off the stack in reverse.  Otherwise a target needs its address
     * computed first, so the values wait in temporaries. */
    bool simple = true;
    for (int i = 0; i < n; i++) {
        if (s->kind == ST_ASSIGN && compile_unparen(s->lhs[i])->kind != EX_IDENT) simple = false;
        if (!tuple && is_composite(s->rhs[i])) simple = false;
    }
    /* Go's first phase evaluates the operands of index expressions on the
     * left too: `i, xs[i] = 1, 9` stores into the old xs[i]. */
    int idx = simple || s->kind != ST_ASSIGN ? -1 : compile_data_index_operands(C, s->lhs, n);
    if (tuple && compile_unparen(s->rhs[0])->comma_ok) compile_expr(C, s->rhs[0]);   /* v, ok := <-ch */
    else if (tuple) compile_call(C, s->rhs[0], CALL_PLAIN);
    else for (int i = 0; i < n; i++) {
        if (is_composite(s->rhs[i])) continue;
        C->name_hint = compile_conc_hint(C, s->lhs[i], s->rhs[i]);
        compile_value_copy(C, s->rhs[i]);
        C->name_hint = 0;
    }
    for (int i = 0; i < n && simple; i++)        /* struct targets are copied into */
        if (struct_target(s, i, tuple)) simple = false;
    C->line = s->line;
    C->col = s->col;
    if (simple) {
        for (int i = n - 1; i >= 0; i--) {
            Place pl = target(C, s, i);
            compile_place_store(C, &pl);
        }
        return;
    }
    int base = C->nslots;
    C->nslots += n;
    for (int i = n - 1; i >= 0; i--)
        if (tuple || !is_composite(s->rhs[i])) compile_emit(C, OP_SETLOCAL, base + i, 0);
    for (int i = 0; i < n; i++) {
        Place pl = idx >= 0 && compile_unparen(s->lhs[i])->kind == EX_INDEX
                       ? compile_data_index_place_at(C, compile_unparen(s->lhs[i]), idx + 2 * i)
                       : target(C, s, i);
        if (!tuple && is_composite(s->rhs[i])) { fill_target(C, &pl, s->rhs[i]); continue; }
        Type *st = struct_target(s, i, tuple);
        if (pl.kind != PL_BLANK && st) {
            compile_place_addr(C, &pl);
            compile_emit(C, OP_LOCAL, base + i, 0);
            compile_emit(C, OP_COPYN, st->nslots, 0);
            continue;
        }
        compile_place_prepare(C, &pl);
        compile_emit(C, OP_LOCAL, base + i, 0);
        compile_place_store(C, &pl);
    }
}

static void declaration(Compiler *C, Stmt *s)
{
    for (int i = 0; i < s->nlhs; i++)
        if (s->syms[i]) compile_declare_local(C, s->syms[i]);
    if (s->nrhs) {
        compile_assign_values(C, s);
        return;
    }
    for (int i = 0; i < s->nlhs; i++) {
        Sym *v = s->syms[i];
        if (!v || compile_boxed(v)) continue;
        compile_emit_zero(C, v->type);
        compile_emit(C, OP_SETLOCAL, v->slot, 0);
    }
}

/* x op= y, x++, x-- : read x, combine, write x (three steps for a shared x). */
static void update(Compiler *C, Stmt *s, Expr *x, int op, Expr *y)
{
    C->line = s->line;
    C->col = s->col;
    if (compile_fused_update(C, op, x, y)) return;
    Place pl = compile_place(C, x);
    C->line = s->line;
    C->col = s->col;
    compile_place_prepare(C, &pl);
    if (pl.kind == PL_ADDR) compile_emit(C, OP_DUP, 0, 0);
    if (pl.kind == PL_MAP) compile_emit(C, OP_DUP2, 0, 0);
    compile_place_load(C, &pl);
    if (y) compile_apply(C, op, x->type, y);
    else compile_data_incdec(C, x->type, op);
    compile_place_store(C, &pl);
}

void compile_block(Compiler *C, Stmt **body, int n)
{
    for (int i = 0; i < n; i++) compile_stmt(C, body[i]);
}

static void if_stmt(Compiler *C, Stmt *s)
{
    if (s->init) compile_stmt(C, s->init);
    int skip = compile_jump_unless(C, s->cond);
    compile_block(C, s->body, s->nbody);
    if (!s->els) {
        compile_patch(C, skip, compile_here(C));
        return;
    }
    C->line = s->end_line;
    C->col = s->end_col;
    int done = compile_emit(C, OP_JMP, 0, 0);
    compile_patch(C, skip, compile_here(C));
    compile_stmt(C, s->els);
    compile_patch(C, done, compile_here(C));
}

static void for_stmt(Compiler *C, Stmt *s)
{
    Loop loop = {.outer = C->loop, .label = s->label, .labellen = s->labellen};
    if (s->init) compile_stmt(C, s->init);
    int top = compile_here(C), exit = -1;
    if (s->cond) exit = compile_jump_unless(C, s->cond);
    int body = compile_here(C);
    C->loop = &loop;
    compile_block(C, s->body, s->nbody);
    C->loop = loop.outer;
    for (int i = 0; i < loop.nconts; i++) compile_patch(C, loop.conts[i], compile_here(C));
    if (s->post) compile_stmt(C, s->post);
    C->line = s->line;
    C->col = s->col;
    if (!compile_loop_back(C, exit, body)) compile_emit(C, OP_JMP, top, 0);
    if (exit >= 0) compile_patch(C, exit, compile_here(C));
    for (int i = 0; i < loop.nbreaks; i++) compile_patch(C, loop.breaks[i], compile_here(C));
    free(loop.breaks);
    free(loop.conts);
}

static void return_stmt(Compiler *C, Stmt *s)
{
    FuncInfo *fi = C->fn;
    int n = 0;
    if (fi->nresults > 0 && fi->results[0]) {
        /* named results: set them, then return their values after the
         * deferred calls ran (a defer may change them, Go spec "Defer") */
        if (s->nrhs) {
            Stmt as = *s;
            as.kind = ST_ASSIGN;
            as.op = TK_ASSIGN;
            Expr **lhs = xcalloc((size_t)fi->nresults, sizeof *lhs);
            Expr *ids = xcalloc((size_t)fi->nresults, sizeof *ids);
            for (int i = 0; i < fi->nresults; i++) {
                ids[i].kind = EX_IDENT;
                ids[i].sym = fi->results[i];
                ids[i].name = "~r";     /* (a result named _ is still a result) */
                ids[i].namelen = 2;
                ids[i].type = fi->results[i]->type;
                ids[i].mode = MODE_VAR;
                lhs[i] = &ids[i];
            }
            as.lhs = lhs;
            as.nlhs = fi->nresults;
            compile_assign_values(C, &as);
            free(lhs);
            free(ids);
        }
        C->line = s->line;
        C->col = s->col;
        compile_named_return(C, fi, false);
        return;
    }
    if (s->nrhs == 0) {
        for (int i = 0; i < fi->nresults && fi->results[i]; i++, n++) {
            Place pl = compile_var_place(C, fi->results[i]);
            compile_place_load(C, &pl);
        }
    } else if (s->nrhs == 1 && s->rhs[0]->type->kind == TY_TUPLE) {
        n = compile_call(C, s->rhs[0], CALL_PLAIN);
    } else {
        for (int i = 0; i < s->nrhs; i++) compile_value_copy(C, s->rhs[i]);   /* a struct result is a copy */
        n = s->nrhs;
    }
    C->line = s->line;
    C->col = s->col;
    compile_emit(C, OP_RET, n, 0);
}

void compile_stmt(Compiler *C, Stmt *s)
{
    C->line = s->line;
    C->col = s->col;
    switch (s->kind) {
    case ST_EMPTY: case ST_CONST: case ST_TYPE: break;
    case ST_EXPR:
        if (compile_unparen(s->x)->kind == EX_UNARY) {       /* <-ch */
            compile_expr(C, s->x);
            compile_emit(C, OP_POP, 0, 0);
            break;
        }
        for (int n = compile_call(C, compile_unparen(s->x), CALL_PLAIN); n > 0; n--) compile_emit(C, OP_POP, 0, 0);
        break;
    case ST_VAR: case ST_DEFINE: declaration(C, s); break;
    case ST_ASSIGN:
        if (s->op == TK_ASSIGN) compile_assign_values(C, s);
        else update(C, s, s->lhs[0], s->op, s->rhs[0]);
        break;
    case ST_INCDEC: update(C, s, s->x, s->op, NULL); break;
    case ST_BLOCK: compile_block(C, s->body, s->nbody); break;
    case ST_IF: if_stmt(C, s); break;
    case ST_FOR: for_stmt(C, s); break;
    case ST_BREAK: case ST_CONTINUE: compile_branch(C, s); break;
    case ST_SWITCH: compile_switch(C, s); break;
    case ST_CASE: case ST_FALLTHROUGH: break;   /* compile_switch's */
    case ST_RETURN: return_stmt(C, s); break;
    case ST_GO: compile_call(C, s->x, CALL_GO); break;
    case ST_DEFER: compile_call(C, s->x, CALL_DEFER); break;
    case ST_SEND: compile_conc_send(C, s); break;
    case ST_RANGE: compile_range(C, s); break;   /* compile_range.c (channels: compile_conc_range) */
    case ST_SELECT: compile_conc_select(C, s); break;
    }
}
