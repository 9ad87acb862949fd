/* compile_fuse.c — fused instructions for int locals no other goroutine sees.
 *
 * A local variable that is not captured and whose address is never taken
 * lives in its goroutine's frame: no other goroutine can read or write it, so
 * how many steps `sum += i` takes shows nothing about concurrency.  For such
 * int locals the generator emits one instruction where the plain walk would
 * emit three or four (Lua's register VM has the same shapes: OP_ADD and
 * OP_ADDI on registers, OP_LTI/OP_LT followed by its jump):
 *
 *   sum += i          LOCAL s; LOCAL i; ADD; SETLOCAL s     ->  ADDLL s i
 *   i++, i -= 2       LOCAL i; ADDI k; SETLOCAL i           ->  ADDLI i k
 *   for/if i < n      LOCAL i; LOCAL n; LT; JMPF end        ->  JNLTLL end i n
 *   for/if i < 100    LOCAL i; INT 100; LT; JMPF end        ->  JNLTLI end i 100
 *
 * Everything shared (globals, boxed and captured variables, fields) keeps its
 * separate load, combine and store, so `data++` on a captured variable is
 * still LOADREF, ADDI, STOREREF: three steps another goroutine can cut into.
 * Only the predeclared int qualifies (64 bits: the fused adds wrap exactly as
 * ADD does); other integer types keep the plain sequence.
 */
#include "compile_internal.h"

#include <stdint.h>
#include "lex.h"

bool compile_is_jump(int op)
{
    switch (op) {
    case OP_JMP: case OP_JMPF: case OP_JMPT:
    case OP_JNLTLI: case OP_JNLELI: case OP_JNGTLI: case OP_JNGELI:
    case OP_JNLTLL: case OP_JNLELL: case OP_JNGTLL: case OP_JNGELL:
        return true;
    default:
        return false;
    }
}

/* The frame slot of e if it is an int local of this function that only its
 * goroutine can see; -1 otherwise. */
static int private_int_slot(Compiler *C, Expr *e)
{
    e = compile_unparen(e);
    if (e->kind != EX_IDENT || e->mode != MODE_VAR || !e->sym || e->type != C->ck->t_int) return -1;
    const Sym *v = e->sym;
    if (v->kind != SYM_VAR || v->global || v->owner != C->fn || compile_boxed(v)) return -1;
    return v->slot;
}

/* e as an int constant that fits an instruction's 32-bit operand. */
static bool small_int_const(Expr *e, int64_t *k)
{
    e = compile_unparen(e);
    if (e->mode != MODE_CONST || e->cv.kind != CV_INT) return false;
    if (e->cv.i < INT32_MIN + 1 || e->cv.i > INT32_MAX) return false;   /* -k fits too */
    *k = e->cv.i;
    return true;
}

int compile_jump_unless(Compiler *C, Expr *cond)
{
    Expr *e = compile_unparen(cond);
    if (e->kind == EX_BINARY && (e->op == TK_LT || e->op == TK_LE || e->op == TK_GT || e->op == TK_GE)) {
        int x = private_int_slot(C, e->x), y = private_int_slot(C, e->y);
        int64_t k = 0;
        bool imm = y < 0 && small_int_const(e->y, &k);
        if (x >= 0 && (y >= 0 || imm) && x <= UINT16_MAX) {
            static const int li[] = {OP_JNLTLI, OP_JNLELI, OP_JNGTLI, OP_JNGELI};
            static const int ll[] = {OP_JNLTLL, OP_JNLELL, OP_JNGTLL, OP_JNGELL};
            int which = e->op == TK_LT ? 0 : e->op == TK_LE ? 1 : e->op == TK_GT ? 2 : 3;
            C->line = cond->line;
            C->col = cond->col;
            int pc = compile_emit(C, imm ? li[which] : ll[which], 0, x);
            C->p->code[pc].c = imm ? (int32_t)k : y;
            return pc;
        }
    }
    compile_expr(C, cond);
    C->line = cond->line;
    C->col = cond->col;
    return compile_emit(C, OP_JMPF, 0, 0);
}

bool compile_loop_back(Compiler *C, int exit_jump, int body)
{
    if (exit_jump < 0) return false;
    Instr in = C->p->code[exit_jump];
    int back;
    switch (in.op) {   /* jump back while the condition holds: unless its negation */
    case OP_JNLTLI: back = OP_JNGELI; break;
    case OP_JNLELI: back = OP_JNGTLI; break;
    case OP_JNGTLI: back = OP_JNLELI; break;
    case OP_JNGELI: back = OP_JNLTLI; break;
    case OP_JNLTLL: back = OP_JNGELL; break;
    case OP_JNLELL: back = OP_JNGTLL; break;
    case OP_JNGTLL: back = OP_JNLELL; break;
    case OP_JNGELL: back = OP_JNLTLL; break;
    default: return false;
    }
    C->line = C->p->code_line[exit_jump];
    C->col = C->p->code_col[exit_jump];
    int pc = compile_emit(C, back, body, in.b);
    C->p->code[pc].c = in.c;
    return true;
}

bool compile_fused_update(Compiler *C, int op, Expr *x, Expr *y)
{
    int slot = private_int_slot(C, x);
    if (slot < 0) return false;
    int64_t k;
    if (op == TK_INC || op == TK_DEC) {
        k = op == TK_INC ? 1 : -1;
    } else if ((op == TK_PLUS_ASSIGN || op == TK_MINUS_ASSIGN) && small_int_const(y, &k)) {
        if (op == TK_MINUS_ASSIGN) k = -k;
    } else if (op == TK_PLUS_ASSIGN && private_int_slot(C, y) >= 0 && private_int_slot(C, y) <= UINT16_MAX) {
        compile_emit(C, OP_ADDLL, slot, private_int_slot(C, y));
        return true;
    } else {
        return false;
    }
    int pc = compile_emit(C, OP_ADDLI, slot, 0);
    C->p->code[pc].c = (int32_t)k;
    return true;
}
