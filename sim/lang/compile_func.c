/* compile_func.c — code for struct values, methods, interfaces, panics and
 * the fmt functions.
 *
 * A struct value on the operand stack is the address of slots holding it
 * (see sim/machine/vm_iface.c): reading a struct variable pushes its address, a
 * composite literal used as a value is NEW plus its fields, and whoever
 * keeps the value makes it its own — an assignment COPYs into the target,
 * an argument or a value receiver is CLONEd, an interface conversion
 * (IFACE) copies too.
 *
 * A method is a function whose parameter 0 is the receiver.  A static call
 * pushes FUNC, the receiver — its address for a pointer method called on an
 * addressable value (Go's automatic &x), the value it points to (copied)
 * for a value method called through a pointer (automatic *p) — and the
 * arguments, then CALL (or GO/DEFER, which then simply see one more
 * argument).  A call through an interface is CALLI with the method's name;
 * a method value x.M is FUNC, receiver, BIND.
 */
#include "compile_internal.h"

#include <stdlib.h>
#include <string.h>
#include "lex.h"
#include "util.h"

static bool is_struct(const Type *t) { return t && t->kind == TY_STRUCT; }

/* Push the address of the struct value e (no copy). */
static void struct_addr(Compiler *C, Expr *e)
{
    Expr *u = compile_unparen(e);
    switch (u->kind) {
    case EX_IDENT: case EX_SELECTOR: case EX_STAR: {
        if (u->kind == EX_IDENT && u->sym && u->sym->kind != SYM_VAR) break;
        Place pl = compile_place(C, u);
        compile_place_addr(C, &pl);
        return;
    }
    case EX_INDEX: {                   /* an element of a slice or array: its slots */
        const Type *xt = compile_unparen(u->x)->type;
        if (xt && xt->kind == TY_MAP) break;
        Place pl = compile_place(C, u);
        compile_place_addr(C, &pl);
        return;
    }
    case EX_COMPOSITE:
        compile_emit(C, OP_NEW, compile_layout(C, u->type), 0);
        compile_fill_composite(C, u, -1, -1);
        return;
    default:
        break;
    }
    compile_expr(C, u);   /* a call, an assertion ...: its value is already an address */
}

void compile_value_copy(Compiler *C, Expr *e)
{
    compile_expr(C, e);
    Expr *u = compile_unparen(e);
    if (is_struct(e->type) && !e->boxed && u->kind != EX_COMPOSITE && u->kind != EX_CALL)
        compile_emit(C, OP_CLONE, compile_layout(C, e->type), 0);
}

void compile_zero_value(Compiler *C, Type *t)
{
    if (is_struct(t)) compile_emit(C, OP_NEW, compile_layout(C, t), 0);
    else if (t->kind == TY_MUTEX || t->kind == TY_WAITGROUP) compile_emit(C, OP_NIL, 0, 0);
    else compile_emit_zero(C, t);
}

/* The receiver of method call/value sel (x.M, M declared on T or *T). */
static void receiver(Compiler *C, Expr *sel)
{
    Expr *x = sel->x;
    Method *m = sel->method;
    bool xptr = x->type->kind == TY_PTR;
    if (m->ptr_recv) {
        if (xptr) { compile_expr(C, x); return; }
        if (is_struct(x->type)) { struct_addr(C, x); return; }
        Place pl = compile_place(C, x);        /* automatic &x */
        compile_place_addr(C, &pl);
        return;
    }
    Type *recv_t = xptr ? x->type->elem : x->type;
    compile_expr(C, x);
    if (is_struct(recv_t)) {
        compile_emit(C, OP_CLONE, compile_layout(C, recv_t), 0);   /* a value receiver's own copy */
    } else if (xptr) {
        compile_emit(C, OP_LOAD, 0, 0);                             /* automatic *p */
    }
}

void compile_box_tuple(Compiler *C, Expr *call, int n)
{
    if (!call->boxed || call->boxed->kind != TY_TUPLE) return;
    for (int i = 0; i < n && i < call->boxed->nresults; i++) {
        Type *t = call->boxed->results[i];
        if (!types_is_iface(t)) compile_emit(C, OP_IFACE, compile_layout(C, t), n - 1 - i);
    }
}

static int count_args(Compiler *C, Expr *e)
{
    Expr *f = compile_unparen(e->x);
    if (f->type && f->type->kind == TY_FUNC && f->type->variadic && !e->dots) {   /* a variadic method */
        int fixed = f->type->nparams - 1;
        for (int i = 0; i < fixed && i < e->nargs; i++) compile_value_copy(C, e->args[i]);
        Expr **extra = e->args ? e->args + fixed : NULL;   /* f() has no args array */
        compile_variadic_args(C, extra, e->nargs - fixed, f->type->params[fixed]);
        return f->type->nparams;
    }
    if (e->nargs == 1 && e->args[0]->type && e->args[0]->type->kind == TY_TUPLE) {
        int n = compile_call(C, e->args[0], CALL_PLAIN);
        compile_box_tuple(C, e->args[0], n);
        return n;
    }
    for (int i = 0; i < e->nargs; i++) compile_value_copy(C, e->args[i]);
    return e->nargs;
}

int compile_method_call(Compiler *C, Expr *e, CallKind how)
{
    Expr *sel = compile_unparen(e->x);
    Method *m = sel->method;
    if (types_is_iface(sel->x->type)) {
        int name = compile_add_string(C, m->name, m->namelen);
        compile_expr(C, sel->x);
        if (how != CALL_PLAIN) {       /* go/defer x.M(args): M bound to x now */
            compile_emit(C, OP_BIND, name + 1, 0);
            int argc = count_args(C, e);
            C->line = e->line;
            C->col = e->col;
            compile_emit(C, how == CALL_GO ? OP_GO : OP_DEFER, argc, 0);
            return 0;
        }
        int argc = count_args(C, e);
        C->line = e->line;
        C->col = e->col;
        compile_emit(C, OP_CALLI, argc, name);
        return m->sig->nresults;
    }
    compile_emit(C, OP_FUNC, m->fn->proto, 0);
    receiver(C, sel);
    int argc = 1 + count_args(C, e);
    C->line = e->line;
    C->col = e->col;
    compile_emit(C, how == CALL_GO ? OP_GO : how == CALL_DEFER ? OP_DEFER : OP_CALL, argc, 0);
    return how == CALL_PLAIN ? m->sig->nresults : 0;
}

int compile_assert(Compiler *C, Expr *e)
{
    compile_expr(C, e->x);
    int from = compile_layout(C, e->x->type);
    compile_emit(C, OP_ASSERT, compile_layout(C, e->type), (e->commaok ? 1 : 0) | (from << 2));
    return e->commaok ? 2 : 1;
}

bool compile_func_expr(Compiler *C, Expr *e)
{
    switch (e->kind) {
    case EX_COMPOSITE:
        if (!is_struct(e->type)) return false;   /* slices, maps, arrays */
        struct_addr(C, e);
        return true;
    case EX_TYPEASSERT: {
        bool ok = e->commaok;
        e->commaok = false;          /* one value here */
        compile_assert(C, e);
        e->commaok = ok;
        return true;
    }
    case EX_SELECTOR:
        if (!e->method && e->mode == MODE_VALUE && types_io_is_row(e->builtin)) {
            compile_emit(C, OP_LIB, 0, types_io_fn(e->builtin) | FMT_RESULTS);   /* io.EOF */
            return true;
        }
        if (e->method) {             /* a method value: x.M bound to x now */
            if (types_is_iface(e->x->type)) {
                compile_expr(C, e->x);
                compile_emit(C, OP_BIND, compile_add_string(C, e->method->name, e->method->namelen) + 1, 0);
                return true;
            }
            compile_emit(C, OP_FUNC, e->method->fn->proto, 0);
            receiver(C, e);
            compile_emit(C, OP_BIND, 0, 0);
            return true;
        }
        if (is_struct(e->type)) { struct_addr(C, e); return true; }
        return false;
    case EX_IDENT: case EX_STAR:
        if (is_struct(e->type) && e->mode == MODE_VAR) { struct_addr(C, e); return true; }
        return false;
    case EX_INDEX: {                 /* s[i], a[i] of structs: the element's slots */
        const Type *xt = compile_unparen(e->x)->type;
        if (!is_struct(e->type) || !xt || xt->kind == TY_MAP || xt->kind == TY_STRING) return false;
        struct_addr(C, e);
        return true;
    }
    case EX_BINARY:
        if ((e->op == TK_EQ || e->op == TK_NE) && (types_is_iface(e->x->type) || types_is_iface(e->y->type))) {
            compile_expr(C, e->x);           /* interfaces: dynamic types, then values */
            compile_expr(C, e->y);
            compile_emit(C, OP_IFACEEQ, 0, 0);
            if (e->op == TK_NE) compile_emit(C, OP_NOT, 0, 0);
            return true;
        }
        if (is_struct(e->x->type) && (e->op == TK_EQ || e->op == TK_NE)) {
            compile_expr(C, e->x);
            compile_expr(C, e->y);
            compile_emit(C, OP_STRUCTEQ, e->x->type->nslots, 0);
            if (e->op == TK_NE) compile_emit(C, OP_NOT, 0, 0);
            return true;
        }
        return false;
    default:
        return false;
    }
}

static int fmt_call(Compiler *C, Expr *e, int kind, int nresults, CallKind how)
{
    int argc = count_args(C, e);
    if (e->dots) kind |= FMT_SPREAD;   /* fmt.Println(xs...): vm_fmt.c spreads xs */
    C->line = e->line;
    C->col = e->col;
    if (how == CALL_DEFER) {           /* the builtin op carries its FmtFunc */
        compile_emit(C, OP_DEFER, argc, OP_FMT | kind << 8);
        return 0;
    }
    if (how == CALL_GO) sim_fatal("fmt_call", "go of a fmt function");
    if (e->mode == MODE_VALUE && e->type && e->type->kind == TY_TUPLE && nresults == 0) {
        compile_emit(C, OP_FMT, argc, kind | FMT_RESULTS);   /* n, err wanted */
        return 2;
    }
    compile_emit(C, OP_FMT, argc, kind);
    return nresults;
}

/* defer fmt.Println(x) where x may have a String or Error method: a thunk
 * runs the print as a call of its own, which can call those methods (a
 * deferred builtin runs without a frame).  Plain values keep the cheaper
 * deferred builtin. */
bool compile_func_defer_thunk(const Expr *e)
{
    switch (compile_unparen(e->x)->builtin) {
    case BI_PRINTLN: case BI_PRINTF: case BI_FMT_PRINT: case BI_FPRINTF: case BI_FPRINTLN: case BI_FPRINT:
        break;
    default:
        return false;
    }
    for (int i = 0; i < e->nargs; i++) {
        const Type *t = e->args[i]->type;
        if (!t) continue;
        bool basic = t->kind == TY_INT || t->kind == TY_FLOAT || t->kind == TY_STRING || t->kind == TY_BOOL ||
                     types_is_untyped(t);
        if (e->dots || !basic || t->nmethods > 0) return true;
    }
    return false;
}

/* fmt.Println(xs...) / fmt.Printf(f, xs...) as Fprint* to stdout (writer 1),
 * whose OP_FMT can spread a []any. */
int compile_func_print_spread(Compiler *C, Expr *e, bool printf, CallKind how)
{
    C->line = e->line;
    C->col = e->col;
    compile_emit(C, OP_INT, 1, 0);
    int argc = 1 + count_args(C, e);
    int kind = (printf ? FMT_FPRINTF : FMT_FPRINTLN) | FMT_SPREAD;
    C->line = e->line;
    C->col = e->col;
    if (how == CALL_DEFER) {
        compile_emit(C, OP_DEFER, argc, OP_FMT | kind << 8);
        return 0;
    }
    if (how == CALL_GO) sim_fatal("compile_func_print_spread", "go of a fmt function");
    compile_emit(C, OP_FMT, argc, kind);
    return 0;
}

/* strings.X(...), rand.X(...), buf.Method(...): OP_LIB; a method pushes
 * its buffer's address first. */
static int lib_call(Compiler *C, Expr *e, int bi, CallKind how)
{
    int argc = 0;
    Expr *f = compile_unparen(e->x);
    if (types_io_is_row(bi)) {         /* os, io, net, bufio: a method's receiver as it is */
        if (types_io_is_method(bi)) {
            Expr *x = f->x;
            if (x->type->kind == TY_PTR) compile_expr(C, x);
            else { Place pl = compile_place(C, x); compile_place_addr(C, &pl); }
            argc = 1;
        }
    } else if (bi - BI_LIB >= 2000) {  /* a value method (Duration.String) */
        compile_expr(C, f->x);
        if (f->x->type->kind == TY_PTR) compile_emit(C, OP_LOAD, 0, 0);
        argc = 1;
    } else if (bi - BI_LIB >= 1000) {  /* a buffer method: the buffer's address */
        Expr *x = f->x;
        if (x->type->kind == TY_PTR) compile_expr(C, x);
        else { Place pl = compile_place(C, x); compile_place_addr(C, &pl); }
        argc = 1;
    }
    argc += count_args(C, e);
    for (int k = types_io_hidden_operands(bi); k > 0; k--, argc++) compile_emit(C, OP_INT, 0, 0);
    C->line = e->line;
    C->col = e->col;
    if (how == CALL_DEFER) {           /* the builtin op carries its LibFunc */
        compile_emit(C, OP_DEFER, argc, OP_LIB | types_lib_fn(bi) << 8);
        return 0;
    }
    if (how != CALL_PLAIN) sim_fatal("lib_call", "go of a library function");
    int n = e->mode == MODE_VALUE ? (e->type->kind == TY_TUPLE ? e->type->nresults : 1) : 0;
    compile_emit(C, OP_LIB, argc, types_lib_fn(bi) | (n ? FMT_RESULTS : 0));
    return n;
}

int compile_func_builtin(Compiler *C, Expr *e, int bi, CallKind how)
{
    switch (bi) {
    case BI_PANIC:
        count_args(C, e);
        C->line = e->line;
        C->col = e->col;
        if (how == CALL_DEFER) compile_emit(C, OP_DEFER, 1, OP_PANIC);
        else compile_emit(C, OP_PANIC, 0, 0);
        return 0;
    case BI_RECOVER:
        compile_emit(C, OP_RECOVER, 0, 0);
        if (how == CALL_DEFER) { compile_emit(C, OP_POP, 0, 0); }
        return how == CALL_PLAIN ? 1 : 0;
    case BI_EXIT:
        count_args(C, e);
        C->line = e->line;
        C->col = e->col;
        compile_emit(C, OP_EXIT, 0, 0);
        return 0;
    case BI_FMT_PRINT: return fmt_call(C, e, FMT_PRINT, 0, how);
    case BI_SPRINTF: return fmt_call(C, e, FMT_SPRINTF, 1, how);
    case BI_SPRINT: return fmt_call(C, e, FMT_SPRINT, 1, how);
    case BI_SPRINTLN: return fmt_call(C, e, FMT_SPRINTLN, 1, how);
    case BI_ERRORF: return fmt_call(C, e, FMT_ERRORF, 1, how);
    case BI_FPRINTF: return fmt_call(C, e, FMT_FPRINTF, 0, how);
    case BI_FPRINTLN: return fmt_call(C, e, FMT_FPRINTLN, 0, how);
    case BI_FPRINT: return fmt_call(C, e, FMT_FPRINT, 0, how);
    case BI_ERRORS_NEW: return fmt_call(C, e, FMT_ERRORS_NEW, 1, how);
    default:
        if (bi >= BI_LIB) return lib_call(C, e, bi, how);
        sim_fatal("builtin", "unsupported builtin reached the code generator");
    }
}

void compile_recover_epilogue(Compiler *C, FuncInfo *fi)
{
    int n = fi->sig ? fi->sig->nresults : 0;
    Proto *pr = &C->p->protos[fi->proto];
    /* Without results the function's final RET 0 will do; without a defer
     * no panic can be recovered in this frame. */
    bool defers = false;
    for (int pc = pr->code_start; pc < compile_here(C) && !defers; pc++) defers = C->p->code[pc].op == OP_DEFER;
    pr->recover_pc = compile_here(C) - 1;
    if (n == 0 || !defers) return;
    pr->recover_pc = compile_here(C);
    compile_named_return(C, fi, false);
}

/* Return the named results: their final values, after the deferred calls
 * (which may change them), so RET 0 B=1 runs those first. */
bool compile_has_defer(Stmt **body, int n)
{
    for (int i = 0; i < n; i++) {
        const Stmt *s = body[i];
        if (!s) continue;
        if (s->kind == ST_DEFER) return true;
        if (compile_has_defer(s->body, s->nbody)) return true;
        if (s->els && compile_has_defer((Stmt **)&s->els, 1)) return true;
    }
    return false;
}

void compile_named_return(Compiler *C, FuncInfo *fi, bool unnamed_zero)
{
    int n = fi->sig ? fi->sig->nresults : 0;
    (void)unnamed_zero;
    if (fi->node && fi->node->body && compile_has_defer(fi->node->body->body, fi->node->body->nbody))
        compile_emit(C, OP_RET, 0, 1);
    for (int i = 0; i < n; i++) {
        Sym *v = i < fi->nresults ? fi->results[i] : NULL;
        if (v) {
            Place pl = compile_var_place(C, v);
            if (is_struct(v->type)) compile_place_addr(C, &pl);
            else compile_place_load(C, &pl);
        } else {
            compile_zero_value(C, fi->sig->results[i]);
        }
    }
    compile_emit(C, OP_RET, n, 0);
}

void compile_variadic_args(Compiler *C, Expr **args, int n, Type *slice)
{
    if (n == 0) {                      /* no arguments for ...T: a nil slice, as Go */
        compile_emit(C, OP_NIL, 0, 0);
        return;
    }
    Type *elem = slice->elem;
    bool st = is_struct(elem);
    compile_emit(C, OP_NEWSLICE, n, compile_layout(C, elem));
    for (int i = 0; i < n; i++) {
        compile_emit(C, OP_DUP, 0, 0);
        compile_emit(C, OP_INT, i, 0);
        compile_emit(C, OP_INDEXADDR, st ? elem->nslots : 1, 0);
        compile_expr(C, args[i]);
        if (st) compile_emit(C, OP_COPYN, elem->nslots, 0);
        else compile_emit(C, OP_STORE, 0, 0);
    }
}

