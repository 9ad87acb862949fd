/* compile_expr.c — code for expressions and calls.
 *
 * Constants were folded by the checker and are pushed whole; && and || jump
 * over their right side; x+c and x-c become one ADDI.  A call pushes the
 * callee and its arguments and ends in CALL, GO or DEFER; the sync, fmt and
 * time builtins have opcodes of their own (a deferred builtin is DEFER with
 * the builtin's opcode in B).  A function literal becomes a Proto compiled
 * after the current function, pushed as FUNC or, when it captures, CLOSURE
 * over the cell addresses in the current frame.
 */
#include "compile_internal.h"

#include <stdio.h>
#include <string.h>

#include "lex.h"
#include "util.h"

static void address_of(Compiler *C, Expr *x)
{
    x = compile_unparen(x);
    if (x->kind == EX_COMPOSITE) {
        /* c := &Cache{...}: the object is c, its fields c.mu, c.updates */
        int name = C->name_hint;
        char outer[96];
        snprintf(outer, sizeof outer, "%s", name ? C->hint_text : "");
        C->name_hint = 0;
        compile_emit(C, OP_NEW, compile_layout(C, x->type), name);
        char saved[96];
        memcpy(saved, C->composite_name, sizeof saved);
        memcpy(C->composite_name, outer, sizeof outer);
        compile_fill_composite(C, x, -1, -1);
        memcpy(C->composite_name, saved, sizeof saved);
        return;
    }
    Place pl = compile_place(C, x);
    compile_place_addr(C, &pl);
}

static void closure(Compiler *C, Expr *e);

/* a && b, a || b: the right side only runs when it decides the result. */
static void logical(Compiler *C, Expr *e)
{
    bool and = e->op == TK_ANDAND;
    compile_expr(C, e->x);
    int skip = compile_emit(C, and ? OP_JMPF : OP_JMPT, 0, 0);
    compile_expr(C, e->y);
    int done = compile_emit(C, OP_JMP, 0, 0);
    compile_patch(C, skip, compile_here(C));
    compile_emit(C, and ? OP_FALSE : OP_TRUE, 0, 0);
    compile_patch(C, done, compile_here(C));
}

static int binary_opcode(int op)
{
    switch (types_base_op(op)) {
    case TK_PLUS: return OP_ADD;
    case TK_MINUS: return OP_SUB;
    case TK_STAR: return OP_MUL;
    case TK_SLASH: return OP_DIV;
    case TK_PERCENT: return OP_MOD;
    case TK_EQ: return OP_EQ;
    case TK_NE: return OP_NE;
    case TK_LT: return OP_LT;
    case TK_LE: return OP_LE;
    case TK_GT: return OP_GT;
    case TK_GE: return OP_GE;
    default: sim_fatal("binary_opcode", "operator without an opcode");
    }
}

/* x+c and x-c become ADDI.  The operator instruction keeps the position of
 * the enclosing construct (compile_expr restores C->line/col after y). */
void compile_apply(Compiler *C, int op, const Type *t, Expr *y)
{
    if (compile_data_apply(C, op, t, y)) return;   /* floats, sized ints, bits: compile_data.c */
    int base = types_base_op(op);
    if ((base == TK_PLUS || base == TK_MINUS) && t->kind == TY_INT && y->mode == MODE_CONST &&
        y->cv.i >= -INT32_MAX && y->cv.i <= INT32_MAX) {
        compile_emit(C, OP_ADDI, (int32_t)(base == TK_PLUS ? y->cv.i : -y->cv.i), 0);
        return;
    }
    compile_expr(C, y);
    compile_emit(C, binary_opcode(op), 0, 0);
}

void compile_expr(Compiler *C, Expr *e)
{
    int line = C->line, col = C->col;
    C->line = e->line;
    C->col = e->col;
    if (e->mode == MODE_CONST) {
        if (!compile_data_const_expr(C, e)) compile_emit_const(C, &e->cv);
    } else if (e->mode == MODE_NIL) {
        bool typed = e->type && (e->type->kind == TY_SLICE || e->type->kind == TY_MAP);
        if (!typed || !compile_data_zero(C, e->type)) compile_emit(C, OP_NIL, 0, 0);   /* nil slices print [] */
    } else if (compile_func_expr(C, e)) {
        /* struct values, method values, assertions, composites */
    } else {
        switch (e->kind) {
        case EX_PAREN: compile_expr(C, e->x); break;
        case EX_IDENT:
            if (e->sym->kind == SYM_FUNC) compile_emit(C, OP_FUNC, e->sym->proto, 0);
            else { Place pl = compile_var_place(C, e->sym); compile_place_load(C, &pl); }
            compile_data_array_copy(C, e);
            break;
        case EX_SELECTOR: case EX_STAR: {
            Place pl = compile_place(C, e);
            compile_place_load(C, &pl);
            compile_data_array_copy(C, e);
            break;
        }
        case EX_INDEX: case EX_SLICEEXPR:
            compile_data_expr(C, e);   /* compile_data.c */
            break;
        case EX_UNARY:
            if (e->op == TK_AMP) { address_of(C, e->x); break; }
            if (e->op == TK_ARROW) { compile_conc_receive(C, e); break; }
            if (compile_data_unary(C, e)) break;
            compile_expr(C, e->x);
            if (e->op == TK_MINUS) compile_emit(C, OP_NEG, 0, 0);
            else if (e->op == TK_NOT) compile_emit(C, OP_NOT, 0, 0);
            break;
        case EX_BINARY:
            if (e->op == TK_ANDAND || e->op == TK_OROR) { logical(C, e); break; }
            compile_expr(C, e->x);
            compile_apply(C, e->op, e->x->type, e->y);
            break;
        case EX_CALL: compile_call(C, e, CALL_PLAIN); break;
        case EX_FUNCLIT: closure(C, e); break;
        case EX_COMPOSITE:          /* struct{}{}: an empty struct is one nil slot */
            if (compile_data_expr(C, e)) break;   /* slice, array, map literals: compile_data.c */
            if (e->type && e->type->kind == TY_STRUCT && e->type->nfields == 0) {
                compile_emit(C, OP_NIL, 0, 0);
                break;
            }
            sim_fatal("compile_expr", "composite literal outside an initialisation");
        default: sim_fatal("compile_expr", "expression kind the checker should have rejected");
        }
    }
    if (e->boxed && e->boxed->kind != TY_TUPLE) compile_emit(C, OP_IFACE, compile_layout(C, e->boxed), 0);
    C->line = line;
    C->col = col;
}

/* Push the arguments of a call; returns how many values that is. */
static int arguments(Compiler *C, Expr *e, int from)
{
    if (e->nargs == 1 && from == 0 && e->args[0]->type && e->args[0]->type->kind == TY_TUPLE) {
        int n = compile_call(C, e->args[0], CALL_PLAIN);
        compile_box_tuple(C, e->args[0], n);
        return n;
    }
    for (int i = from; i < e->nargs; i++) compile_value_copy(C, e->args[i]);
    return e->nargs - from;
}

/* Arguments of a variadic call: the fixed ones, then the extras packed
 * into a new []T (compile_variadic_pack). */
static int variadic_arguments(Compiler *C, Expr *e, Type *sig)
{
    int fixed = sig->nparams - 1;
    for (int i = 0; i < fixed; i++) compile_value_copy(C, e->args[i]);
    Expr **extra = e->args ? e->args + fixed : NULL;   /* f() has no args array */
    compile_variadic_args(C, extra, e->nargs - fixed, sig->params[fixed]);
    return sig->nparams;
}

/* The receiver of a sync method: push the Mutex's / WaitGroup's address. */
static void receiver(Compiler *C, Expr *sel)
{
    Expr *x = sel->x;
    if (x->type->kind == TY_PTR) { compile_expr(C, x); return; }
    Place pl = compile_place(C, x);
    compile_place_addr(C, &pl);
}

static int builtin(Compiler *C, Expr *e, int bi, CallKind how)
{
    int op, argc;
    if ((bi == BI_PRINTLN || bi == BI_PRINTF) && e->dots)   /* fmt.Println(xs...): Fprintln(os.Stdout, xs...) */
        return compile_func_print_spread(C, e, bi == BI_PRINTF, how);
    switch (bi) {
    case BI_PRINTLN: op = OP_PRINTLN; argc = compile_conc_print_args(C, e, 0); break;
    case BI_PRINTF: op = OP_PRINTF; argc = compile_conc_print_args(C, e, 0); break;
    case BI_SLEEP: op = OP_SLEEP; argc = arguments(C, e, 0); break;
    case BI_LOCK: op = OP_LOCK; receiver(C, e->x); argc = 1; break;
    case BI_UNLOCK: op = OP_UNLOCK; receiver(C, e->x); argc = 1; break;
    case BI_WGDONE: op = OP_WGDONE; receiver(C, e->x); argc = 1; break;
    case BI_WGWAIT: op = OP_WGWAIT; receiver(C, e->x); argc = 1; break;
    case BI_WGADD: op = OP_WGADD; receiver(C, e->x); argc = 1 + arguments(C, e, 0); break;
    case BI_NEW:
        compile_emit(C, OP_NEW, compile_layout(C, e->type->elem), 0);
        return 1;
    case BI_STRFN:
        argc = arguments(C, e, 0);
        C->line = e->line;
        C->col = e->col;
        compile_emit(C, OP_STRFN, (int)compile_unparen(e->x)->ival, argc);
        return e->mode == MODE_VALUE ? 1 : 0;
    case BI_RANDFN: {
        Expr *f = compile_unparen(e->x);
        argc = arguments(C, e, 0);
        C->line = e->line;
        C->col = e->col;
        compile_emit(C, OP_RANDFN, (int)f->ival, f->sym->slot);
        return e->mode == MODE_VALUE ? 1 : 0;
    }
    case BI_STRBUF: {
        Expr *f = compile_unparen(e->x);
        if (f->ival < 7) receiver(C, f);    /* a method: the buffer's address first */
        argc = arguments(C, e, 0);
        C->line = e->line;
        C->col = e->col;
        compile_emit(C, OP_STRBUF, (int)f->ival, argc);
        return e->mode == MODE_VALUE ? 1 : 0;
    }
    case BI_PRINT: case BI_PRINTLN_RT:
        argc = arguments(C, e, 0);
        C->line = e->line;
        C->col = e->col;
        op = bi == BI_PRINT ? OP_RTPRINT : OP_RTPRINTLN;
        if (how == CALL_DEFER) compile_emit(C, OP_DEFER, argc, op);
        else compile_emit(C, op, argc, 0);
        return 0;
    case BI_LEN: case BI_CAP: case BI_MAKE:   /* of a channel: compile_conc.c; else compile_data.c */
        if (e->mode == MODE_CONST) { compile_emit_const(C, &e->cv); return 1; }
        if ((bi == BI_MAKE ? e->type : compile_unparen(e->args[0])->type)->kind == TY_CHAN)
            return compile_conc_builtin(C, e, bi, how);
        return compile_data_builtin(C, e, bi);
    case BI_APPEND: case BI_COPY: case BI_DELETE:
        return compile_data_builtin(C, e, bi);
    default:
        if (bi >= BI_MAKE && bi < BI__CONC_END) return compile_conc_builtin(C, e, bi, how);
        return compile_func_builtin(C, e, bi, how);
    }
    if (how == CALL_DEFER) compile_emit(C, OP_DEFER, argc, op);
    else compile_emit(C, op, op == OP_PRINTF || op == OP_PRINTLN ? argc : 0, 0);
    return 0;
}

int compile_call(Compiler *C, Expr *e, CallKind how)
{
    if (e->kind == EX_TYPEASSERT) return compile_assert(C, e);   /* v, ok := x.(T) */
    if (e->kind == EX_INDEX) return compile_data_commaok(C, e);   /* v, ok := m[k] */
    int line = C->line, col = C->col;
    C->line = e->line;
    C->col = e->col;
    Expr *f = compile_unparen(e->x);
    int n = 0;
    if (f->mode == MODE_TYPE) {
        compile_data_conversion(C, e);   /* numbers, strings and bytes: compile_data.c */
        n = 1;
    } else if (f->mode == MODE_BUILTIN) {
        if (how == CALL_GO) n = compile_conc_go(C, e);
        else if (how == CALL_DEFER && !C->in_thunk && compile_func_defer_thunk(e)) n = compile_conc_thunk(C, e, false);
        else n = builtin(C, e, f->builtin, how);
    } else if (f->kind == EX_SELECTOR && f->method) {
        n = compile_method_call(C, e, how);
    } else {
        compile_expr(C, f);
        int argc = f->type->variadic && !e->dots ? variadic_arguments(C, e, f->type) : arguments(C, e, 0);
        C->line = e->line;
        C->col = e->col;
        if (f->kind == EX_FUNCLIT && how != CALL_GO) {
            /* Go puts a call at its "(": for func() { ... }() that is the
             * closing brace's line, where tracebacks show it */
            C->line = f->fn->body->end_line;
            C->col = f->fn->body->end_col;
        }
        compile_emit(C, how == CALL_GO ? OP_GO : how == CALL_DEFER ? OP_DEFER : OP_CALL, argc, 0);
        n = how == CALL_PLAIN ? f->type->nresults : 0;
    }
    C->line = line;
    C->col = col;
    return n;
}


static void closure(Compiler *C, Expr *e)
{
    FuncInfo *fi = e->fn->info;
    fi->proto = compile_new_proto(C, fi);
    GROW(C->pending, C->pending_cap, C->npending + 1);
    C->pending[C->npending++] = fi;
    if (fi->ncaptures == 0) {
        compile_emit(C, OP_FUNC, fi->proto, 0);
        return;
    }
    for (int i = 0; i < fi->ncaptures; i++) compile_emit(C, OP_LOCAL, compile_var_slot(C, fi->captures[i]), 0);
    compile_emit(C, OP_CLOSURE, fi->proto, fi->ncaptures);
}
