/* compile.c — from the checked syntax tree to bytecode (Program, program.h).
 *
 * compile_source runs the pipeline: lex+parse (sim/parse*.c), check
 * (sim/scope*.c, sim/types*.c), then the code generator (sim/compile*.c), in
 * the shape of Lua's lcode.c: a straight walk over statements and
 * expressions that emits stack-machine instructions, with jump lists patched
 * once targets are known.  This file is the driver: the pipeline, the
 * globals, one Proto per function, the init proto.
 *
 * Memory layout (the contract with the VM):
 *  - globals live at mem[0, nglobals), structs flattened; the init proto sets
 *    every slot (zero value or initialiser) before main runs;
 *  - a local that a closure captures, whose address is taken, or that is a
 *    struct / sync.Mutex / sync.WaitGroup lives in a heap cell made by NEW; its
 *    slot holds the address and every access is LOADREF/STOREREF (scalars) or
 *    LOCAL; FIELD; LOAD/STORE (fields) — one shared-memory step each;
 *  - a closure's frame has its captured cell addresses in slots
 *    [nparams, nparams+ncaptures).
 */
#include "compile_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "parse.h"
#include "util.h"

/* ---- functions and the program ---------------------------------------------------------- */

int compile_new_proto(Compiler *C, FuncInfo *fi)
{
    Program *p = C->p;
    GROW(p->protos, C->protos_cap, p->nprotos + 1);
    Proto *pr = &p->protos[p->nprotos];
    memset(pr, 0, sizeof *pr);
    pr->name = xstrdup(fi->name);
    pr->nparams = fi->nparams;
    pr->ncaptures = fi->ncaptures;
    pr->nresults = fi->sig ? fi->sig->nresults : 0;
    pr->line = fi->node ? fi->node->line : 0;
    return p->nprotos++;
}

/* Close a function's code: a final RET 0 unless it already ends in a RET
 * that no jump skips past. */
static void finish(Compiler *C, FuncInfo *fi)
{
    Program *p = C->p;
    Proto *pr = &p->protos[fi->proto];
    bool need = compile_here(C) == pr->code_start || p->code[compile_here(C) - 1].op != OP_RET;
    for (int pc = pr->code_start; pc < compile_here(C) && !need; pc++) {
        int op = p->code[pc].op;
        if (compile_is_jump(op) && p->code[pc].a == compile_here(C)) need = true;
    }
    if (need) compile_emit(C, OP_RET, 0, 0);
    compile_recover_epilogue(C, fi);
    pr = &p->protos[fi->proto];
    pr->code_end = compile_here(C);
    pr->nslots = C->nslots;
}

static void function(Compiler *C, FuncInfo *fi)
{
    FuncNode *fn = fi->node;
    C->fn = fi;
    C->loop = NULL;
    C->p->protos[fi->proto].code_start = compile_here(C);
    C->nslots = fi->nparams + fi->ncaptures;
    C->line = fn->line;
    C->col = fn->col;
    for (int i = 0; i < fi->nparams; i++) {
        Sym *v = fi->params[i];
        v->slot = i;
        if (!compile_boxed(v) || v->type->kind == TY_STRUCT) continue;   /* a struct arrives as its own copy */
        /* a captured or address-taken parameter moves into a heap cell */
        compile_emit(C, OP_NEW, compile_layout(C, v->type), compile_add_string(C, v->name, v->namelen));
        compile_emit(C, OP_DUP, 0, 0);
        compile_emit(C, OP_LOCAL, i, 0);
        compile_emit(C, OP_STORE, 0, 0);
        compile_emit(C, OP_SETLOCAL, i, 0);
    }
    for (int i = 0; i < fi->nresults; i++) {
        Sym *v = fi->results[i];
        if (!v) continue;
        compile_declare_local(C, v);
        if (!compile_boxed(v)) {
            compile_emit_zero(C, v->type);
            compile_emit(C, OP_SETLOCAL, v->slot, 0);
        }
    }
    compile_block(C, fn->body->body, fn->body->nbody);
    C->line = fn->body->end_line;
    C->col = fn->body->end_col;
    finish(C, fi);
}

static void drain_pending(Compiler *C)
{
    while (C->pending_next < C->npending) function(C, C->pending[C->pending_next++]);
}

/* The init proto: every global slot gets its zero value (a sync slot is
 * copied from a fresh NEW so it carries its SyncKind), then the initialisers
 * run in dependency order, then each func init(). */
static void init_proto(Compiler *C, const Value *zero)
{
    Checker *ck = C->ck;
    Program *p = C->p;
    FuncInfo fi;
    memset(&fi, 0, sizeof fi);
    fi.name = "init";
    fi.proto = compile_new_proto(C, &fi);
    p->init_proto = fi.proto;
    p->protos[fi.proto].code_start = compile_here(C);
    p->protos[fi.proto].line = 1;
    C->fn = &fi;
    C->nslots = 0;
    for (int i = 0; i < ck->nglobals; i++) {
        Sym *v = ck->globals[i];
        C->line = v->line;
        C->col = v->col;
        int n = v->type->kind == TY_STRUCT ? v->type->nslots : 1;
        for (int k = v->slot; k < v->slot + n; k++) {
            switch (zero[k].kind) {
            case V_INT: compile_emit(C, OP_INT, 0, 0); break;
            case V_BOOL: compile_emit(C, OP_FALSE, 0, 0); break;
            case V_STR: compile_emit(C, OP_STR, 0, 0); break;
            case V_SYNC: {
                Type *st = zero[k].aux == SYNC_MUTEX ? ck->t_mutex : zero[k].aux == SYNC_RWMUTEX ? ck->t_rwmutex
                         : zero[k].aux == SYNC_ONCE ? ck->t_once : ck->t_wg;
                compile_emit(C, OP_NEW, compile_layout(C, st), 0);
                compile_emit(C, OP_LOAD, 0, 0);
                break;
            }
            default:
                compile_data_global_zero(C, zero[k], n == 1 ? v->type : NULL);   /* compile_data.c */
                break;
            }
            compile_emit(C, OP_SETGLOBAL, k, 0);
        }
    }
    for (int i = 0; i < ck->ninits; i++) {
        Stmt *s = ck->global_inits[i];
        if (!s->nrhs) continue;
        C->line = s->line;
        C->col = s->col;
        Stmt copy = *s;
        copy.syms = NULL;   /* targets are the globals themselves */
        compile_assign_values(C, &copy);
    }
    for (int i = 0; i < ck->ninit_fns; i++) {
        C->line = ck->init_fns[i]->line;
        C->col = ck->init_fns[i]->col;
        compile_emit(C, OP_FUNC, ck->init_fns[i]->proto, 0);
        compile_emit(C, OP_CALL, 0, 0);
    }
    finish(C, &fi);
    drain_pending(C);
}

static void generate(Program *p, Checker *ck)
{
    Compiler C;
    memset(&C, 0, sizeof C);
    C.p = p;
    C.ck = ck;
    compile_add_string(&C, "", 0);   /* string constant 0 is always "" */
    int n = 0;
    for (int i = 0; i < ck->nglobals; i++) {
        Sym *v = ck->globals[i];
        v->slot = n;
        n += v->type->kind == TY_STRUCT ? v->type->nslots : 1;
    }
    p->nglobals = n;
    p->global_name = xcalloc((size_t)(n ? n : 1), sizeof *p->global_name);
    Value *zero = xcalloc((size_t)(n ? n : 1), sizeof *zero);
    for (int i = 0; i < ck->nglobals; i++) {
        Sym *v = ck->globals[i];
        char name[96];
        snprintf(name, sizeof name, "%.*s", v->namelen, v->name);
        int k = v->slot;
        compile_flatten(v->type, name, zero, p->global_name, &k);
        compile_data_mark_arrays(&C, v->type, zero + v->slot);   /* arrays in structs */
    }
    for (int i = 0; i < ck->nfuncs; i++) {
        Sym *fs = ck->funcs[i];
        FuncInfo *fi = fs->decl->fn->info;
        fi->proto = fs->proto = compile_new_proto(&C, fi);
        if (fs == ck->main_fn) p->main_proto = fi->proto;
    }
    for (int i = 0; i < ck->nfuncs; i++) {
        function(&C, ck->funcs[i]->decl->fn->info);
        drain_pending(&C);
    }
    if (p->nglobals || ck->ninit_fns || ck->ninits) init_proto(&C, zero);
    compile_conc_thunks(&C);
    compile_io_rtypes(&C);           /* after the program's own layouts, as the next */
    compile_lib_wrappers(&C);
    compile_builtin_rtypes(&C);      /* last: the program's own layouts keep their numbers */
    free(zero);
    free(C.pending);
    free(C.layout_type);
}

/* ---- the pipeline ------------------------------------------------------------------------ */

static void index_lines(Program *p, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++) if (p->source[i] == '\n') n++;
    p->line_start = xcalloc((size_t)n + 2, sizeof *p->line_start);
    p->line_start[0] = 0;
    int k = 1;
    for (size_t i = 0; i < len; i++) if (p->source[i] == '\n') p->line_start[k++] = (int)i + 1;
    p->nlines = len > 0 && p->source[len - 1] != '\n' ? n + 1 : n;
}

/* Keep the first 10 diagnostics by position (stable: ties keep their order). */
static void finish_diags(Program *p, DiagList *dl)
{
    for (int i = 1; i < dl->n; i++) {
        Diagnostic d = dl->d[i];
        int j = i - 1;
        while (j >= 0 && (dl->d[j].line > d.line || (dl->d[j].line == d.line && dl->d[j].col > d.col))) {
            dl->d[j + 1] = dl->d[j];
            j--;
        }
        dl->d[j + 1] = d;
    }
    p->ndiags = dl->n < 10 ? dl->n : 10;
    if (p->ndiags) {
        p->diags = xcalloc((size_t)p->ndiags, sizeof *p->diags);
        memcpy(p->diags, dl->d, sizeof *p->diags * (size_t)p->ndiags);
    }
}

Program *compile_source(const char *filename, const char *source, size_t len)
{
    Program *p = xcalloc(1, sizeof *p);
    p->filename = xstrdup(filename ? filename : "<input>");
    p->source = xstrndup(source ? source : "", source ? len : 0);
    if (!source) len = 0;
    index_lines(p, len);
    p->main_proto = -1;
    p->init_proto = -1;
    p->rt_errstring = p->rt_runtime_error = p->rt_wrap_error = -1;
    for (int i = 0; i < IORT__COUNT; i++) p->rt_io[i] = -1;
    Arena arena = {NULL};
    DiagList dl = {NULL, 0, 0};
    File *f = check_unsupported(p->source, len, &dl) ? NULL : parse_file(&arena, p->source, len, &dl);
    if (f) {
        Checker *ck = parse_alloc(&arena, sizeof *ck);
        ck->arena = &arena;
        ck->diags = &dl;
        if (scope_check_file(ck, f)) generate(p, ck);
    }
    finish_diags(p, &dl);   /* code is generated only for a program without any */
    free(dl.d);
    parse_arena_free(&arena);
    return p;
}
