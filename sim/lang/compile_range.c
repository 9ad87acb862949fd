/* compile_range.c — code for `for k, v := range x` over slices, arrays,
 * strings and maps.
 *
 * The range expression is evaluated once into hidden locals (an array is
 * copied first, as Go ranges over a copy), and so is its length.  The
 * iteration variables are declared once, before the loop (Go 1.19: one
 * variable shared by all iterations).  Each iteration reads the element with
 * INDEXADDR + LOAD, so a goroutine writing the slice meanwhile interleaves
 * with the loop as it would in Go.  Strings decode one rune per iteration
 * (RUNE); maps iterate with MAPITER/MAPNEXT from a seeded random start
 * (sim/machine/map.c).
 */
#include "compile_internal.h"

#include <stdlib.h>
#include "lex.h"
#include "util.h"

static int hidden(Compiler *C, int n)
{
    int s = C->nslots;
    C->nslots += n;
    return s;
}

/* Assign the value on top of the stack to iteration variable i (it is
 * stashed in `tmp` first when the target's address must be computed). */
static void assign_var(Compiler *C, Stmt *s, int i, int tmp)
{
    if (i >= s->nlhs) { compile_emit(C, OP_POP, 0, 0); return; }
    Expr *l = s->lhs[i];
    Place pl;
    if (s->op == TK_DEFINE) {
        if (!s->syms[i]) { compile_emit(C, OP_POP, 0, 0); return; }
        pl = compile_var_place(C, s->syms[i]);
        compile_place_store(C, &pl);
        return;
    }
    compile_emit(C, OP_SETLOCAL, tmp, 0);
    pl = compile_place(C, l);
    compile_place_prepare(C, &pl);
    compile_emit(C, OP_LOCAL, tmp, 0);
    compile_place_store(C, &pl);
}

/* Iteration variable i of struct type (n slots) gets a copy of the struct
 * whose address is in local `slot`. */
static void copy_var(Compiler *C, Stmt *s, int i, int slot, int n)
{
    if (i >= s->nlhs || (s->op == TK_DEFINE && !s->syms[i])) return;
    if (s->op != TK_DEFINE && s->lhs[i]->kind == EX_IDENT && s->lhs[i]->namelen == 1 && s->lhs[i]->name[0] == '_') return;
    Place pl = s->op == TK_DEFINE ? compile_var_place(C, s->syms[i]) : compile_place(C, s->lhs[i]);
    compile_place_addr(C, &pl);
    compile_emit(C, OP_LOCAL, slot, 0);
    /* a one-slot struct sits in the map as its field's value (push_slots) */
    compile_emit(C, n == 1 ? OP_STORE : OP_COPYN, n == 1 ? 0 : n, 0);
}

void compile_range(Compiler *C, Stmt *s)
{
    Loop loop = {.outer = C->loop, .label = s->label, .labellen = s->labellen};   /* break/continue L */
    Type *t = s->x->type;
    if (t->kind == TY_CHAN) { compile_conc_range(C, s); return; }   /* compile_conc.c */
    if (t->kind == TY_PTR) t = t->elem;
    int line = s->line, col = s->col;
    bool want_value = s->nlhs > 1;
    int hx = hidden(C, 4), tmp = hidden(C, 1);
    compile_expr(C, s->x);
    C->line = line; C->col = col;
    if (s->x->type->kind == TY_PTR) compile_emit(C, OP_LOAD, 0, 0);
    compile_emit(C, OP_SETLOCAL, hx, 0);
    for (int i = 0; i < s->nlhs && s->op == TK_DEFINE; i++)
        if (s->syms[i]) compile_declare_local(C, s->syms[i]);
    C->line = line; C->col = col;
    int top, exit;
    if (t->kind == TY_MAP) {
        compile_emit(C, OP_MAPITER, hx, 0);
        top = compile_here(C);
        compile_emit(C, OP_MAPNEXT, hx, 0);
        exit = compile_emit(C, OP_JMPF, 0, 0);
        compile_emit(C, OP_SETLOCAL, tmp + 0, 0);      /* value */
        int kslot = hidden(C, 1);
        compile_emit(C, OP_SETLOCAL, kslot, 0);
        if (t->key->kind == TY_STRUCT) {
            copy_var(C, s, 0, kslot, t->key->nslots);
        } else {
            compile_emit(C, OP_LOCAL, kslot, 0);
            assign_var(C, s, 0, kslot + 0);
        }
        if (want_value && t->elem->kind == TY_STRUCT) {
            copy_var(C, s, 1, tmp, t->elem->nslots);
        } else if (want_value) {
            int vslot = hidden(C, 1);
            compile_emit(C, OP_LOCAL, tmp, 0);
            assign_var(C, s, 1, vslot);
        }
    } else {
        bool str = t->kind == TY_STRING || t->kind == TY_UNTYPED_STRING;
        /* hx: x, hx+1: len, hx+2: index, hx+3: rune width */
        compile_emit(C, OP_LOCAL, hx, 0);
        compile_emit(C, OP_LEN, 0, 0);
        compile_emit(C, OP_SETLOCAL, hx + 1, 0);
        compile_emit(C, OP_INT, 0, 0);
        compile_emit(C, OP_SETLOCAL, hx + 2, 0);
        top = compile_here(C);
        compile_emit(C, OP_LOCAL, hx + 2, 0);
        compile_emit(C, OP_LOCAL, hx + 1, 0);
        compile_emit(C, OP_LT, 0, 0);
        exit = compile_emit(C, OP_JMPF, 0, 0);
        if (str) {
            compile_emit(C, OP_LOCAL, hx, 0);
            compile_emit(C, OP_LOCAL, hx + 2, 0);
            compile_emit(C, OP_RUNE, 0, 0);
            compile_emit(C, OP_SETLOCAL, hx + 3, 0);
            compile_emit(C, OP_SETLOCAL, tmp, 0);
        }
        if (s->nlhs > 0) {
            compile_emit(C, OP_LOCAL, hx + 2, 0);
            assign_var(C, s, 0, hidden(C, 1));
        }
        if (want_value) {
            if (str) {
                compile_emit(C, OP_LOCAL, tmp, 0);
            } else if (t->elem->kind == TY_STRUCT) {
                /* a struct element is copied into the (boxed) variable */
                Place pl = s->op == TK_DEFINE && s->syms[1] ? compile_var_place(C, s->syms[1]) : compile_place(C, s->lhs[1]);
                compile_place_addr(C, &pl);
                compile_emit(C, OP_LOCAL, hx, 0);
                compile_emit(C, OP_LOCAL, hx + 2, 0);
                compile_emit(C, OP_INDEXADDR, t->elem->nslots, 0);
                compile_emit(C, OP_COPYN, t->elem->nslots, 0);
                goto body;
            } else {
                compile_emit(C, OP_LOCAL, hx, 0);
                compile_emit(C, OP_LOCAL, hx + 2, 0);
                compile_emit(C, OP_INDEXADDR, 1, 0);
                compile_emit(C, OP_LOAD, 0, 0);
            }
            assign_var(C, s, 1, hidden(C, 1));
        }
    }
body:
    C->loop = &loop;
    compile_block(C, s->body, s->nbody);
    C->loop = loop.outer;
    int cont = compile_here(C);
    for (int i = 0; i < loop.nconts; i++) compile_patch(C, loop.conts[i], cont);
    C->line = line; C->col = col;
    if (t->kind != TY_MAP) {
        bool str = t->kind == TY_STRING || t->kind == TY_UNTYPED_STRING;
        compile_emit(C, OP_LOCAL, hx + 2, 0);
        if (str) {
            compile_emit(C, OP_LOCAL, hx + 3, 0);
            compile_emit(C, OP_ADD, 0, 0);
        } else {
            compile_emit(C, OP_ADDI, 1, 0);
        }
        compile_emit(C, OP_SETLOCAL, hx + 2, 0);
    }
    compile_emit(C, OP_JMP, top, 0);
    compile_patch(C, exit, compile_here(C));
    for (int i = 0; i < loop.nbreaks; i++) compile_patch(C, loop.breaks[i], compile_here(C));
    free(loop.breaks);
    free(loop.conts);
}
