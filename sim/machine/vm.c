/* vm.c — executing one instruction of one goroutine.
 *
 * The scheduler (sched.c) decides which goroutine each core runs in a frame;
 * this file carries out the instruction that goroutine's pc points at, exactly
 * as opcodes.def defines it.  One call of vm_exec = one indivisible step.
 *
 * Stack layout of a goroutine (Values, growing upwards):
 *
 *     ... | callee | slot 0 ... slot nslots-1 | operands ...
 *                    ^ Frame.base               ^ base + nslots
 *
 * CALL argc finds the callee below its argc arguments, so the arguments already
 * sit where slots 0..argc-1 belong: the new frame's base is the first argument.
 * Slots [nparams, nparams+ncaptures) receive the closure's captured cell
 * addresses, the rest are zeroed (V_NIL).  RET a moves the a results down over
 * callee and arguments.  A frame pushed by RET to run a deferred call is marked
 * `deferred`: its results are dropped and the RET that ran it executes again,
 * one deferred call per step, until none of the frame's defers are left.
 *
 * Runtime errors become data, as Go prints them: a panic or fatal error via
 * machine_fail().  Memory is checked on every shared access (a nil or wild
 * pointer panics like a nil dereference in Go); bytecode is trusted otherwise.
 *
 * vm_exec is the whole interpreter, one switch: Values are passed by value,
 * the operand stack pointer lives in a local, and nothing is allocated per
 * step except where the program asks for memory (NEW, CLOSURE, go, string
 * concatenation).  vm_run_plain is its hot loop for machine_run's fast path
 * (sched.c): the instructions that touch nothing but the goroutine's stack and
 * memory, calls and returns that need no allocation and run no deferred
 * call, back to back, with threaded dispatch; it leaves every other
 * instruction, and every one that would fail, to vm_exec.  The two must agree
 * on every plain instruction (tests/test_sched.c compares runs both ways).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"
#include "format_data.h"
#include "vm_data.h"

static const uint32_t cost_of[OP__COUNT] = {
#define OP(name, opnd, cost, meaning) [OP_##name] = (cost),
#include "opcodes.def"
#undef OP
};

#define STACK_SLACK 16   /* operand room guaranteed beyond a new frame's slots */

static const char NIL_DEREF[] = "runtime error: invalid memory address or nil pointer dereference";

static void ensure_stack(Goroutine *g, int need)
{
    if (need <= g->stack_cap) return;
    GROW(g->stack, g->stack_cap, need);
}

void vm_push(Goroutine *g, Value v)
{
    ensure_stack(g, g->sp + 1 + STACK_SLACK);
    g->stack[g->sp++] = v;
}

static bool valid_ptr(const Machine *m, Value p)
{
    return p.kind == V_PTR && (uint64_t)p.i < (uint64_t)m->nmem;
}

static void nil_panic(Machine *m, Goroutine *g)
{
    machine_fail(m, M_PANIC, g->id, true, NIL_DEREF);
}

/* Go compares an unset slot (V_NIL) equal to the zero of any type.  aux is
 * ignored: interfaces compare with vm_iface_equal (OP_IFACEEQ). */
bool vm_values_equal(const Machine *m, Value a, Value b)
{
    if (a.kind == V_FLOAT || b.kind == V_FLOAT) return vm_data_equal(m, a, b);
    if (a.kind == V_STR || b.kind == V_STR) {
        uint32_t la = 0, lb = 0;
        const char *sa = a.kind == V_STR ? machine_string(m, a, &la) : "";
        const char *sb = b.kind == V_STR ? machine_string(m, b, &lb) : "";
        if ((a.kind != V_STR && a.kind != V_NIL) || (b.kind != V_STR && b.kind != V_NIL))
            return false;
        return la == lb && memcmp(sa, sb, la) == 0;
    }
    if (a.kind == b.kind) return a.i == b.i;
    if (a.kind == V_NIL || b.kind == V_NIL) {
        ValueKind other = (ValueKind)(a.kind == V_NIL ? b.kind : a.kind);
        if (other == V_PTR || other == V_FUNC || other == V_CLOSURE) return false;   /* address 0 is not nil */
        return a.i == b.i;
    }
    return false;
}

/* -1, 0, 1 as a < b, a == b, a > b (strings bytewise, as Go). */
static int values_compare(const Machine *m, Value a, Value b)
{
    if (a.kind == V_STR && b.kind == V_STR) {
        uint32_t la, lb;
        const char *sa = machine_string(m, a, &la), *sb = machine_string(m, b, &lb);
        int c = memcmp(sa, sb, la < lb ? la : lb);
        if (c) return c < 0 ? -1 : 1;
        return la < lb ? -1 : la > lb;
    }
    if (a.kind == V_FLOAT || b.kind == V_FLOAT) {
        double x = value_f(a), y = value_f(b);
        return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;   /* NaN: every test false but != */
    }
    return a.i < b.i ? -1 : a.i > b.i;
}

int vm_new_goroutine(Machine *m, Value fn, const Value *args, int nargs)
{
    GROW(m->gs, m->gs_cap, m->ngs + 1);
    Goroutine *g = &m->gs[m->ngs];
    memset(g, 0, sizeof *g);
    g->id = ++m->ngs;
    g->state = G_RUNNABLE;
    g->core = g->last_core = g->thread = -1;
    ensure_stack(g, nargs + 1 + STACK_SLACK);
    g->stack[0] = fn;
    if (nargs) memcpy(&g->stack[1], args, (size_t)nargs * sizeof *args);
    g->sp = nargs + 1;
    vm_call(m, g, nargs, 0);
    return g->id;
}

/* vm_run_plain's CALL repeats the common case of this function: keep them in
 * step (tests/test_sched.c's test_run_equals_step compares the two). */
bool vm_call(Machine *m, Goroutine *g, int argc, int deferred)
{
    Value callee = g->stack[g->sp - argc - 1];
    int64_t clos = -1;
    int proto;
    if (callee.kind == V_FUNC) {
        proto = (int)callee.i;
    } else if (callee.kind == V_CLOSURE && (uint64_t)callee.i < (uint64_t)m->nmem) {
        clos = callee.i;
        proto = (int)m->mem[clos].i;
        if (m->mem[clos].aux == 1) {        /* a bound method: the receiver goes first */
            ensure_stack(g, g->sp + 1 + STACK_SLACK);
            memmove(&g->stack[g->sp - argc + 1], &g->stack[g->sp - argc], (size_t)argc * sizeof(Value));
            g->stack[g->sp - argc] = m->mem[clos + 1];
            g->sp++;
            argc++;
            clos = -1;
        }
    } else {
        nil_panic(m, g);
        return false;
    }
    if (g->nframes >= MACHINE_MAX_FRAMES) {
        machine_fail(m, M_PANIC, g->id, false, "stack overflow");
        return false;
    }
    const Proto *pr = &m->prog->protos[proto];
    int base = g->sp - argc;
    ensure_stack(g, base + pr->nslots + STACK_SLACK);
    Value *st = g->stack;
    int k = argc;
    for (; k < pr->nparams; k++) st[base + k] = value_nil();
    for (int c = 0; c < pr->ncaptures; c++, k++)
        st[base + k] = clos >= 0 ? m->mem[clos + 1 + c] : value_nil();
    for (; k < pr->nslots; k++) st[base + k] = value_nil();
    g->sp = base + pr->nslots;
    GROW(g->frames, g->frames_cap, g->nframes + 1);
    Frame *f = &g->frames[g->nframes++];
    f->proto = proto;
    f->pc = pr->code_start;
    f->base = base;
    f->ndefers_at_entry = g->ndefers;
    f->deferred = deferred;
    f->defer_owner = 0;
    return true;
}

static void goroutine_done(Machine *m, Goroutine *g, int core)
{
    if (g->id == 1 && m->cfg.race_exit_ns > 0 && !m->race_exiting) {
        /* A -race build: racefini runs before the process ends, and the
         * other goroutines go on meanwhile (their races are reported too).
         * Main sleeps that long at its RET, which it then runs again. */
        m->race_exiting = true;
        g->nframes = 1;
        g->frames[0].pc = g->last_pc;
        g->state = G_SLEEPING;
        g->wait = WAIT_SLEEP;
        g->wake_time = m->now + m->cfg.race_exit_ns;
        timer_add(m, g->id, g->wake_time);
        Event *e = machine_emit(m, EV_GO_BLOCK, g->id, core);
        e->wait = WAIT_SLEEP;
        e->line = m->prog->code_line[g->last_pc];
        return;
    }
    if (g->id == 1) {           /* main returned: the program ends */
        machine_exit(m, g->id, core);
        return;
    }
    g->state = G_DONE;
    machine_emit(m, EV_GO_DONE, g->id, core)->line = m->prog->code_line[g->last_pc];
    /* Nothing reads a finished goroutine's stacks: give the memory back. */
    free(g->stack); g->stack = NULL; g->stack_cap = g->sp = 0;
    free(g->frames); g->frames = NULL; g->frames_cap = 0;
    free(g->defers); g->defers = NULL; g->defers_cap = 0;
    free(g->defer_vals); g->defer_vals = NULL; g->defer_vals_cap = 0;
}

/* The builtin operations that may also be deferred: args[0..n) are the popped
 * operands in push order.  Returns false when g cannot go on. */
static bool exec_builtin(Machine *m, Goroutine *g, int core, int op, const Value *args, int n)
{
    switch (op) {
    case OP_LOCK: case OP_UNLOCK: case OP_WGDONE: case OP_WGWAIT: case OP_WGADD:
        if (n < 1 || !valid_ptr(m, args[0])) { nil_panic(m, g); return false; }
        if (op == OP_LOCK) return sync_lock(m, g, core, args[0].i, false) == SYNC_DONE;
        if (op == OP_UNLOCK) return sync_unlock(m, g, core, args[0].i);
        if (op == OP_WGWAIT) return sync_wg_wait(m, g, core, args[0].i);
        return sync_wg_add(m, g, core, args[0].i, op == OP_WGDONE ? -1 : (n > 1 ? args[1].i : 0));
    case OP_SLEEP:
        if (n < 1 || args[0].i <= 0) return true;      /* Go: a non-positive sleep returns */
        g->state = G_SLEEPING;
        g->wait = WAIT_SLEEP;
        g->wake_time = m->now + args[0].i;
        timer_add(m, g->id, g->wake_time);
        {
            Event *e = machine_emit(m, EV_GO_BLOCK, g->id, core);
            e->wait = WAIT_SLEEP;
            e->line = m->prog->code_line[g->last_pc];
        }
        return false;
    case OP_PRINTF: case OP_PRINTLN: {
        uint32_t from = m->stdout_len;
        if (op == OP_PRINTF) format_printf(m, args, n);
        else format_println(m, args, n);
        machine_output(m, g->id, core, from);
        return true;
    }
    case OP_PANIC:                      /* defer panic(v) */
        panic_start(m, g, n > 0 ? args[0] : value_nil());
        return false;
    case OP_RTPRINT: case OP_RTPRINTLN:   /* the builtins print and println (sim/lib/format_data.c) */
        format_data_runtime_print(m, args, n, op == OP_RTPRINTLN);
        return true;
    default:
        if ((op & 0xff) == OP_FMT) {     /* defer fmt.Print(...) and friends */
            fmt_apply(m, g, core, op >> 8, args, n, false);
            return true;
        }
        if ((op & 0xff) == OP_LIB) {     /* defer buf.WriteTo(os.Stdout) */
            lib_exec(m, g, core, op >> 8, args, n, false);
            return true;
        }
        if (rt_operands(op, 0) >= 0) return rt_exec(m, g, core, op, 0, 0, args, n);
        machine_fail(m, M_PANIC, g->id, false, "interleave: bad bytecode: this operation cannot be deferred");
        return false;
    }
}

bool vm_exec_builtin(Machine *m, Goroutine *g, int core, int op, const Value *args, int n)
{
    return exec_builtin(m, g, core, op, args, n);
}

static void op_defer(Goroutine *g, int nargs, int op)
{
    int nvals = nargs + (op == 0);          /* a deferred call keeps its function */
    GROW(g->defer_vals, g->defer_vals_cap, g->ndefer_vals + nvals);
    GROW(g->defers, g->defers_cap, g->ndefers + 1);
    Defer *d = &g->defers[g->ndefers++];
    d->frame_depth = g->nframes;
    d->op = op;
    d->nargs = nargs;
    d->args_at = g->ndefer_vals;
    memcpy(&g->defer_vals[g->ndefer_vals], &g->stack[g->sp - nvals], (size_t)nvals * sizeof(Value));
    g->ndefer_vals += nvals;
    g->sp -= nvals;
}

/* RET a at pc: one pending defer of this frame per step, then the return.
 * vm_run_plain's RET repeats the plain return: keep them in step.  B = 1
 *: only run the defers, then go on (named results). */
static int op_ret(Machine *m, Goroutine *g, int core, int pc, int a, int b)
{
    Frame *f = &g->frames[g->nframes - 1];
    if (g->ndefers > f->ndefers_at_entry) {
        f->pc = pc;                         /* RET runs again after this defer */
        Defer d = g->defers[--g->ndefers];
        if (d.op == 0) {
            ensure_stack(g, g->sp + d.nargs + 1 + STACK_SLACK);
            memcpy(&g->stack[g->sp], &g->defer_vals[d.args_at], (size_t)(d.nargs + 1) * sizeof(Value));
            g->sp += d.nargs + 1;
            g->ndefer_vals = d.args_at;
            vm_call(m, g, d.nargs, 1);
            return cost_of[OP_CALL];
        }
        int sp = g->sp;
        exec_builtin(m, g, core, d.op, &g->defer_vals[d.args_at], d.nargs);
        g->sp = sp;                         /* a deferred call's results are dropped */
        g->ndefer_vals = d.args_at;
        return cost_of[d.op & 0xff];
    }
    if (b == 1) {                           /* defers done: load the named results */
        f->pc = pc + 1;
        return cost_of[OP_RET];
    }
    int base = f->base, drop = f->deferred;
    if (drop >= 2) return panic_frame_return(m, g, core, a);
    g->nframes--;
    if (g->nframes == 0) {
        goroutine_done(m, g, core);
        return cost_of[OP_RET];
    }
    if (drop) {
        g->sp = base - 1;
    } else {
        memmove(&g->stack[base - 1], &g->stack[g->sp - a], (size_t)a * sizeof(Value));
        g->sp = base - 1 + a;
    }
    return cost_of[OP_RET];
}

static int op_go(Machine *m, int gid, int core, int pc, int argc)
{
    Goroutine *g = machine_g(m, gid);
    Value fn = g->stack[g->sp - argc - 1];
    if (fn.kind != V_FUNC && fn.kind != V_CLOSURE) {
        machine_fail(m, M_PANIC, gid, false, "go of nil func value");
        return cost_of[OP_GO];
    }
    g->sp -= argc + 1;
    int id = vm_new_goroutine(m, fn, &g->stack[g->sp + 1], argc);
    g = machine_g(m, gid);                  /* m->gs may have moved */
    Goroutine *ng = machine_g(m, id);
    ng->created_by = gid;
    ng->created_pc = pc;
    ng->created_line = m->prog->code_line[pc];
    Event *e = machine_emit(m, EV_GO_CREATE, gid, core);
    e->other_g = id;
    e->line = ng->created_line;
    machine_hb(m, HB_RELEASE, gid, hb_key(HBK_GO, id, 0));
    machine_hb(m, HB_ACQUIRE, id, hb_key(HBK_GO, id, 0));
    sched_newproc(m, id, core);
    return cost_of[OP_GO];
}

int vm_exec(Machine *m, Goroutine *g, int core)
{
    const Program *p = m->prog;
    Frame *f = &g->frames[g->nframes - 1];
    const int pc = f->pc;
    if (g->unwinding) return panic_step(m, g, core);
    const Instr in = p->code[pc];
    if (g->sp + 2 > g->stack_cap) ensure_stack(g, g->sp + 2);
    Value *st = g->stack;
    Value *mem = m->mem;
    int sp = g->sp;
    g->last_pc = pc;
    f->pc = pc + 1;
    g->steps++;
    m->instructions++;

    switch ((Opcode)in.op) {
    case OP_NOP: break;
    case OP_INT: st[sp++] = value_int(in.a); break;
    case OP_CONST: st[sp++] = p->consts[in.a]; break;
    case OP_STR: st[sp++] = value_make(V_STR, 0, in.a); break;
    case OP_TRUE: st[sp++] = value_bool(1); break;
    case OP_FALSE: st[sp++] = value_bool(0); break;
    case OP_NIL: st[sp++] = value_nil(); break;
    case OP_POP: sp--; break;
    case OP_DUP: st[sp] = st[sp - 1]; sp++; break;
    case OP_LOCAL: st[sp++] = st[f->base + in.a]; break;
    case OP_SETLOCAL: st[f->base + in.a] = st[--sp]; break;
    case OP_LOADREF: {
        Value r = st[f->base + in.a];
        if (!valid_ptr(m, r)) { nil_panic(m, g); break; }
        st[sp++] = mem[r.i];
        machine_access(m, r.i, 1, false, false);
        break;
    }
    case OP_STOREREF: {
        Value r = st[f->base + in.a];
        if (!valid_ptr(m, r)) { nil_panic(m, g); break; }
        mem[r.i] = st[--sp];
        machine_access(m, r.i, 1, true, false);
        break;
    }
    case OP_GLOBAL: st[sp++] = mem[in.a]; machine_access(m, in.a, 1, false, false); break;
    case OP_SETGLOBAL: mem[in.a] = st[--sp]; machine_access(m, in.a, 1, true, false); break;
    case OP_GADDR: st[sp++] = value_make(V_PTR, 0, in.a); break;
    case OP_FIELD:
        if (!valid_ptr(m, st[sp - 1])) { nil_panic(m, g); break; }
        st[sp - 1].i += in.a;
        break;
    case OP_LOAD:
        if (!valid_ptr(m, st[sp - 1])) { nil_panic(m, g); break; }
        machine_access(m, st[sp - 1].i, 1, false, false);
        st[sp - 1] = mem[st[sp - 1].i];
        break;
    case OP_STORE:
        if (!valid_ptr(m, st[sp - 2])) { nil_panic(m, g); break; }
        mem[st[sp - 2].i] = st[sp - 1];
        machine_access(m, st[sp - 2].i, 1, true, false);
        sp -= 2;
        break;
    case OP_NEW: {
        const TypeLayout *t = &p->types[in.a];
        int64_t base = machine_alloc(m, t->nslots, in.a, in.b);
        memcpy(&m->mem[base], t->zero, (size_t)t->nslots * sizeof(Value));
        vm_data_materialize(m, base, t->nslots);   /* array fields get their elements */
        st[sp++] = value_make(V_PTR, 0, base);
        break;
    }
    case OP_ADD: {
        Value b = st[--sp], a = st[sp - 1];
        if (a.kind == V_STR || b.kind == V_STR)
            st[sp - 1] = value_make(V_STR, 0, machine_concat(m, a, b));
        else
            st[sp - 1] = value_int((int64_t)((uint64_t)a.i + (uint64_t)b.i));
        break;
    }
    case OP_SUB: sp--; st[sp - 1] = value_int((int64_t)((uint64_t)st[sp - 1].i - (uint64_t)st[sp].i)); break;
    case OP_MUL: sp--; st[sp - 1] = value_int((int64_t)((uint64_t)st[sp - 1].i * (uint64_t)st[sp].i)); break;
    case OP_DIV: case OP_MOD: {
        int64_t b = st[--sp].i, a = st[sp - 1].i, r;
        if (b == 0) {
            machine_fail(m, M_PANIC, g->id, true, "runtime error: integer divide by zero");
            break;
        }
        if (b == -1) r = in.op == OP_DIV ? (int64_t)(0 - (uint64_t)a) : 0;   /* no overflow trap */
        else r = in.op == OP_DIV ? a / b : a % b;
        st[sp - 1] = value_int(r);
        break;
    }
    case OP_NEG: st[sp - 1] = value_int((int64_t)(0 - (uint64_t)st[sp - 1].i)); break;
    case OP_ADDI: st[sp - 1] = value_int((int64_t)((uint64_t)st[sp - 1].i + (uint64_t)(int64_t)in.a)); break;
    case OP_EQ: sp--; st[sp - 1] = value_bool(vm_values_equal(m, st[sp - 1], st[sp])); break;
    case OP_NE: sp--; st[sp - 1] = value_bool(!vm_values_equal(m, st[sp - 1], st[sp])); break;
    case OP_LT: sp--; st[sp - 1] = value_bool(values_compare(m, st[sp - 1], st[sp]) < 0); break;
    case OP_LE: sp--; st[sp - 1] = value_bool(values_compare(m, st[sp - 1], st[sp]) <= 0); break;
    case OP_GT: sp--; st[sp - 1] = value_bool(values_compare(m, st[sp - 1], st[sp]) > 0); break;
    case OP_GE: sp--; st[sp - 1] = value_bool(values_compare(m, st[sp - 1], st[sp]) >= 0); break;
    case OP_NOT: st[sp - 1] = value_bool(!st[sp - 1].i); break;
    case OP_JMP: f->pc = in.a; break;
    case OP_JMPF: if (!st[--sp].i) f->pc = in.a; break;
    case OP_JMPT: if (st[--sp].i) f->pc = in.a; break;
    case OP_FUNC: st[sp++] = value_make(V_FUNC, 0, in.a); break;
    case OP_ADDLL: {
        Value *l = st + f->base;
        l[in.a] = value_int((int64_t)((uint64_t)l[in.a].i + (uint64_t)l[in.b].i));
        break;
    }
    case OP_ADDLI: {
        Value *l = st + f->base;
        l[in.a] = value_int((int64_t)((uint64_t)l[in.a].i + (uint64_t)(int64_t)in.c));
        break;
    }
#define JUMP_UNLESS(name, op, rhs) \
    case OP_##name: if (!(st[f->base + in.b].i op (rhs))) f->pc = in.a; break;
    JUMP_UNLESS(JNLTLI, <, (int64_t)in.c)
    JUMP_UNLESS(JNLELI, <=, (int64_t)in.c)
    JUMP_UNLESS(JNGTLI, >, (int64_t)in.c)
    JUMP_UNLESS(JNGELI, >=, (int64_t)in.c)
    JUMP_UNLESS(JNLTLL, <, st[f->base + in.c].i)
    JUMP_UNLESS(JNLELL, <=, st[f->base + in.c].i)
    JUMP_UNLESS(JNGTLL, >, st[f->base + in.c].i)
    JUMP_UNLESS(JNGELL, >=, st[f->base + in.c].i)
#undef JUMP_UNLESS
    case OP_CLOSURE: {
        int64_t base = machine_alloc(m, 1 + in.b, -1, -1);
        m->mem[base] = value_make(V_FUNC, 0, in.a);
        memcpy(&m->mem[base + 1], &st[sp - in.b], (size_t)in.b * sizeof(Value));
        sp -= in.b;
        st[sp++] = value_make(V_CLOSURE, 0, base);
        break;
    }
    case OP_CALL:
        g->sp = sp;
        vm_call(m, g, in.a, 0);
        return cost_of[OP_CALL];
    case OP_RET:
        g->sp = sp;
        return op_ret(m, g, core, pc, in.a, in.b);
    case OP_GO:
        g->sp = sp;
        return op_go(m, g->id, core, pc, in.a);
    case OP_DEFER:
        g->sp = sp;
        op_defer(g, in.a, in.b);
        return cost_of[OP_DEFER];
    case OP_LOCK: case OP_WLOCK: {      /* spinning or woken, it runs again */
        if (!valid_ptr(m, st[sp - 1])) { g->sp = sp - 1; nil_panic(m, g); return cost_of[in.op]; }
        int r = in.op == OP_LOCK ? sync_lock(m, g, core, st[sp - 1].i, true)
                                 : sync_wlock(m, g, core, st[sp - 1].i, true);
        if (r == SYNC_DONE || m->status != M_RUNNING) {
            g->sp = sp - 1;
            return cost_of[in.op];
        }
        f->pc = pc;
        g->sp = sp;
        return r == SYNC_AGAIN ? SYNC_SPIN_PS : (int)cost_of[in.op];
    }
    case OP_UNLOCK: case OP_WGDONE: case OP_WGWAIT: case OP_SLEEP:
        g->sp = sp - 1;
        exec_builtin(m, g, core, in.op, &st[sp - 1], 1);
        return cost_of[in.op];
    case OP_WGADD:
        g->sp = sp - 2;
        exec_builtin(m, g, core, in.op, &st[sp - 2], 2);
        return cost_of[in.op];
    case OP_PRINTF: case OP_PRINTLN:
        g->sp = sp;
        if (fmt_call_methods(m, g, pc, in.a, in.op == OP_PRINTF)) return cost_of[OP_CALL];
        g->sp = sp - in.a;
        m->fmt_g = g->id;               /* struct fields' String() results (vm_fmt.c) */
        exec_builtin(m, g, core, in.op, &st[sp - in.a], in.a);
        m->fmt_g = 0;
        if (g->nframes <= g->fmt_frame) g->nfmt = 0;   /* (not a print inside a String method) */
        return cost_of[in.op];
    /* functions, methods, interfaces, control flow */
    case OP_IFACE: case OP_ASSERT: case OP_CALLI: case OP_BIND: case OP_CLONE:
    case OP_STRUCTEQ: case OP_IFACEEQ:
        g->sp = sp;
        vm_iface_op(m, g, core, in);
        return cost_of[in.op];
    case OP_PANIC: case OP_RECOVER: case OP_EXIT:
        g->sp = sp;
        panic_op(m, g, core, pc, in);
        return cost_of[in.op];
    case OP_FMT:
        g->sp = sp;
        fmt_op(m, g, core, pc, in);
        return cost_of[in.op];
    case OP_LIB:
        g->sp = sp;
        lib_op(m, g, core, in);
        return cost_of[in.op];
    case OP_TYPED:
        st[sp - 1] = value_typed_as(st[sp - 1], (uint32_t)in.a);
        break;
    case OP_SEND: case OP_SELECT:
        if (g->closed_wake) {       /* rewound here by close (sim/machine/chan.c): Go's panic */
            g->closed_wake = 0;
            machine_fail(m, M_PANIC, g->id, true, "send on closed channel");
            break;
        }
        if (in.op == OP_SELECT) {
            int ncases = in.b & 0x7fff, nops = ncases + __builtin_popcount((uint32_t)in.a);
            Value ops[64];
            memcpy(ops, &st[sp - nops], (size_t)nops * sizeof *ops);
            g->sp = sp - nops;
            chan_select(m, g, core, pc, ops, ncases, (uint32_t)in.a, (in.b & 0x8000) != 0);
            return cost_of[OP_SELECT];
        }
        /* fall through */
    case OP_MAKECHAN: case OP_RECV: case OP_CLOSE: case OP_CHANLEN: case OP_CHANCAP:
    case OP_RLOCK: case OP_RUNLOCK: case OP_WUNLOCK: case OP_ONCEEND:
    case OP_CONDWAIT: case OP_CONDSIGNAL: case OP_ATOMICADD: case OP_ATOMICLOAD:
    case OP_ATOMICSTORE: case OP_ATOMICCAS: case OP_GOSCHED: case OP_GOMAXPROCS:
    case OP_NUMGOROUTINE: case OP_NUMCPU: case OP_GC: case OP_MEMSTATS: case OP_NOW: case OP_TIMER: case OP_TIMERSTOP:
    case OP_TIMERRESET: case OP_DUR: {
        int k = rt_operands(in.op, in.a);
        Value args[3];
        memcpy(args, &st[sp - k], (size_t)k * sizeof *args);   /* a push may move the stack */
        g->sp = sp - k;
        rt_exec(m, g, core, in.op, in.a, in.b, args, k);
        return cost_of[in.op];
    }
    case OP_ONCEBEGIN:              /* o and f stay: the code after it calls f */
        g->sp = sp;
        if (!valid_ptr(m, st[sp - 2])) { nil_panic(m, g); return cost_of[in.op]; }
        sync_once_begin(m, g, core, st[sp - 2].i);
        return cost_of[in.op];
    case OP__COUNT:
    default:
        g->sp = sp;
        if (vm_data_exec(m, g, core, pc, in) >= 0) return cost_of[in.op];
        machine_fail(m, M_PANIC, g->id, false, "interleave: bad bytecode: unknown opcode");
        break;
    }
    g->sp = sp;
    return cost_of[in.op < OP__COUNT ? in.op : OP_NOP];
}

/* vm_run_plain's dispatch.  With GCC or Clang each handler jumps straight
 * to the next one through a table of label addresses (threaded code, as Lua's
 * ljumptab.h): one indirect branch per handler predicts far better than the
 * single one of a switch.  Elsewhere (or with -DVM_SWITCH_DISPATCH) it is a
 * plain switch in a loop. */
#if defined(__GNUC__) && !defined(VM_SWITCH_DISPATCH)
#define PLAIN_DISPATCH()                                                        \
    do {                                                                        \
        if (n >= max || now >= until || sp + 2 > cap) goto out;                 \
        ip = &code[pc];                                                         \
        cost = ((int64_t)cost_of[in.op] * speed) >> 6;                          \
        if (now + cost >= slice_end) goto out;                                  \
        goto *labels[in.op];                                                    \
    } while (0)
#define PLAIN_CASE(name) L_##name
#else
#define PLAIN_DISPATCH() goto plain_loop   /* (a continue would only leave PLAIN_NEXT's do-while) */
#define PLAIN_CASE(name) case OP_##name
#endif
#define PLAIN_NEXT(target)                                                      \
    do {                                                                        \
        started = now;                                                          \
        now += cost;                                                            \
        last = pc;                                                              \
        pc = (target);                                                          \
        n++;                                                                    \
        PLAIN_DISPATCH();                                                       \
    } while (0)
#define PLAIN_PTR_OK(v) ((v).kind == V_PTR && (uint64_t)(v).i < nmem)
#define PLAIN_CMP(name, op)                                                     \
    PLAIN_CASE(name):                                                           \
        sp--;                                                                   \
        if (st[sp].kind >= V_STR || st[sp - 1].kind >= V_STR)                   \
            st[sp - 1] = value_bool(values_compare(m, st[sp - 1], st[sp]) op 0); \
        else                                                                    \
            st[sp - 1] = value_bool(st[sp - 1].i op st[sp].i);                  \
        PLAIN_NEXT(pc + 1)

uint64_t vm_run_plain(Machine *m, Goroutine *g, uint64_t max, int64_t *clock, int64_t until,
                      int64_t slice_end, uint32_t speed, int64_t *last_start)
{
    if (g->unwinding) return 0;          /* a panic's step: vm_exec's */
    const Instr *code = m->prog->code;
    const Value *consts = m->prog->consts;
    const Proto *protos = m->prog->protos;
    Frame *f = &g->frames[g->nframes - 1];
    Value *st = g->stack, *mem = m->mem, *loc = st + f->base;
    const uint64_t nmem = (uint64_t)m->nmem;
    const int cap = g->stack_cap;
    int pc = f->pc, sp = g->sp, last = g->last_pc;
    int64_t now = *clock, started = *last_start, cost;
    uint64_t n = 0;
    /* The instruction is read through a pointer, field by field as handlers
     * need them: a copy of all four would be spilled to the stack on every
     * dispatch once the function has this many handlers. */
    const Instr *ip;
#define in (*ip)
#if defined(__GNUC__) && !defined(VM_SWITCH_DISPATCH)
    static const void *const labels[OP__COUNT] = {
#define OP(name, opnd, cost, meaning) [OP_##name] = &&L_##name,
#include "opcodes.def"
#undef OP
    };
    PLAIN_DISPATCH();
#else
    for (;;) {
    plain_loop:
        if (n >= max || now >= until || sp + 2 > cap) goto out;
        ip = &code[pc];
        cost = ((int64_t)cost_of[in.op] * speed) >> 6;
        if (now + cost >= slice_end) goto out;
        switch ((Opcode)in.op) {
#endif
    PLAIN_CASE(NOP): PLAIN_NEXT(pc + 1);
    PLAIN_CASE(INT): st[sp++] = value_int(in.a); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(CONST): st[sp++] = consts[in.a]; PLAIN_NEXT(pc + 1);
    PLAIN_CASE(STR): st[sp++] = value_make(V_STR, 0, in.a); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(TRUE): st[sp++] = value_bool(1); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(FALSE): st[sp++] = value_bool(0); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(NIL): st[sp++] = value_nil(); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(POP): sp--; PLAIN_NEXT(pc + 1);
    PLAIN_CASE(DUP): st[sp] = st[sp - 1]; sp++; PLAIN_NEXT(pc + 1);
    PLAIN_CASE(LOCAL): st[sp++] = loc[in.a]; PLAIN_NEXT(pc + 1);
    PLAIN_CASE(SETLOCAL): loc[in.a] = st[--sp]; PLAIN_NEXT(pc + 1);
    PLAIN_CASE(LOADREF):
        if (!PLAIN_PTR_OK(loc[in.a])) goto out;
        st[sp++] = mem[loc[in.a].i];
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(STOREREF):
        if (!PLAIN_PTR_OK(loc[in.a])) goto out;
        mem[loc[in.a].i] = st[--sp];
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(GLOBAL): st[sp++] = mem[in.a]; PLAIN_NEXT(pc + 1);
    PLAIN_CASE(SETGLOBAL): mem[in.a] = st[--sp]; PLAIN_NEXT(pc + 1);
    PLAIN_CASE(GADDR): st[sp++] = value_make(V_PTR, 0, in.a); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(FIELD):
        if (!PLAIN_PTR_OK(st[sp - 1])) goto out;
        st[sp - 1].i += in.a;
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(LOAD):
        if (!PLAIN_PTR_OK(st[sp - 1])) goto out;
        st[sp - 1] = mem[st[sp - 1].i];
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(STORE):
        if (!PLAIN_PTR_OK(st[sp - 2])) goto out;
        mem[st[sp - 2].i] = st[sp - 1];
        sp -= 2;
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(ADD):
        if (st[sp - 1].kind == V_STR || st[sp - 2].kind == V_STR) goto out;   /* concatenation */
        sp--;
        st[sp - 1] = value_int((int64_t)((uint64_t)st[sp - 1].i + (uint64_t)st[sp].i));
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(SUB):
        sp--;
        st[sp - 1] = value_int((int64_t)((uint64_t)st[sp - 1].i - (uint64_t)st[sp].i));
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(MUL):
        sp--;
        st[sp - 1] = value_int((int64_t)((uint64_t)st[sp - 1].i * (uint64_t)st[sp].i));
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(DIV):
        if (st[sp - 1].i == 0 || st[sp - 1].i == -1) goto out;   /* panic, overflow */
        sp--;
        st[sp - 1] = value_int(st[sp - 1].i / st[sp].i);
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(MOD):
        if (st[sp - 1].i == 0 || st[sp - 1].i == -1) goto out;
        sp--;
        st[sp - 1] = value_int(st[sp - 1].i % st[sp].i);
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(NEG): st[sp - 1] = value_int((int64_t)(0 - (uint64_t)st[sp - 1].i)); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(ADDI):
        st[sp - 1] = value_int((int64_t)((uint64_t)st[sp - 1].i + (uint64_t)(int64_t)in.a));
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(EQ): sp--; st[sp - 1] = value_bool(vm_values_equal(m, st[sp - 1], st[sp])); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(NE): sp--; st[sp - 1] = value_bool(!vm_values_equal(m, st[sp - 1], st[sp])); PLAIN_NEXT(pc + 1);
    PLAIN_CMP(LT, <);
    PLAIN_CMP(LE, <=);
    PLAIN_CMP(GT, >);
    PLAIN_CMP(GE, >=);
    PLAIN_CASE(NOT): st[sp - 1] = value_bool(!st[sp - 1].i); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(JMP): PLAIN_NEXT(in.a);
    PLAIN_CASE(JMPF): sp--; PLAIN_NEXT(st[sp].i ? pc + 1 : in.a);
    PLAIN_CASE(JMPT): sp--; PLAIN_NEXT(st[sp].i ? in.a : pc + 1);
    PLAIN_CASE(FUNC): st[sp++] = value_make(V_FUNC, 0, in.a); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(INDEXADDR):   /* &s[i] (vm_data.c), out of range left to vm_exec's panic */
        if (st[sp - 1].i < 0 || st[sp - 1].i >= slice_len(st[sp - 2])) goto out;
        sp--;
        st[sp - 1] = value_make(V_PTR, 0, slice_base(st[sp - 1]) + st[sp].i * in.a);
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(FADD): sp--; st[sp - 1] = value_float(value_f(st[sp - 1]) + value_f(st[sp])); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(FSUB): sp--; st[sp - 1] = value_float(value_f(st[sp - 1]) - value_f(st[sp])); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(FMUL): sp--; st[sp - 1] = value_float(value_f(st[sp - 1]) * value_f(st[sp])); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(FDIV): sp--; st[sp - 1] = value_float(value_f(st[sp - 1]) / value_f(st[sp])); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(FNEG): st[sp - 1] = value_float(-value_f(st[sp - 1])); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(CONV): st[sp - 1] = vm_data_conv(st[sp - 1], in.a, in.b); PLAIN_NEXT(pc + 1);
    PLAIN_CASE(LEN):
        if (st[sp - 1].kind == V_STR || st[sp - 1].kind == V_MAP) goto out;
        st[sp - 1] = value_int(slice_len(st[sp - 1]));
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(TYPED):
        st[sp - 1] = value_typed_as(st[sp - 1], (uint32_t)in.a);
        PLAIN_NEXT(pc + 1);
    /* A call and a return are plain when they allocate nothing and fail
     * nowhere: vm_call's and op_ret's effects, given room in the frame and
     * stack arrays and no deferred call to run; anything else is vm_exec's. */
    PLAIN_CASE(CALL): {
        Value callee = st[sp - in.a - 1];
        int64_t clos = -1;
        int proto;
        if (callee.kind == V_FUNC) {
            proto = (int)callee.i;
        } else if (callee.kind == V_CLOSURE && (uint64_t)callee.i < nmem && !mem[callee.i].aux) {
            clos = callee.i;        /* (a record marked in aux is vm_call's to unpack) */
            proto = (int)mem[clos].i;
        } else {
            goto out;               /* a nil function value panics */
        }
        const Proto *pr = &protos[proto];
        int base = sp - in.a;
        if (g->nframes >= MACHINE_MAX_FRAMES || g->nframes >= g->frames_cap ||
            base + pr->nslots + STACK_SLACK > cap)
            goto out;
        int k = in.a;
        for (; k < pr->nparams; k++) st[base + k] = value_nil();
        for (int c = 0; c < pr->ncaptures; c++, k++) st[base + k] = clos >= 0 ? mem[clos + 1 + c] : value_nil();
        for (; k < pr->nslots; k++) st[base + k] = value_nil();
        sp = base + pr->nslots;
        f->pc = pc + 1;
        f = &g->frames[g->nframes++];
        memset(f, 0, sizeof *f);    /* every field vm_call leaves zero, now and later */
        f->proto = proto;
        f->pc = pr->code_start;
        f->base = base;
        f->ndefers_at_entry = g->ndefers;
        loc = st + base;
        PLAIN_NEXT(pr->code_start);
    }
    PLAIN_CASE(RET): {   /* (a RET with B set asks op_ret for more than a return) */
        if (g->ndefers > f->ndefers_at_entry || g->nframes < 2 || f->deferred || in.b) goto out;
        int base = f->base;
        memmove(&st[base - 1], &st[sp - in.a], (size_t)in.a * sizeof(Value));
        sp = base - 1 + in.a;
        f = &g->frames[--g->nframes - 1];
        loc = st + f->base;
        PLAIN_NEXT(f->pc);
    }
    PLAIN_CASE(ADDLL):
        loc[in.a] = value_int((int64_t)((uint64_t)loc[in.a].i + (uint64_t)loc[in.b].i));
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(ADDLI):
        loc[in.a] = value_int((int64_t)((uint64_t)loc[in.a].i + (uint64_t)(int64_t)in.c));
        PLAIN_NEXT(pc + 1);
    PLAIN_CASE(JNLTLI): PLAIN_NEXT(loc[in.b].i < (int64_t)in.c ? pc + 1 : in.a);
    PLAIN_CASE(JNLELI): PLAIN_NEXT(loc[in.b].i <= (int64_t)in.c ? pc + 1 : in.a);
    PLAIN_CASE(JNGTLI): PLAIN_NEXT(loc[in.b].i > (int64_t)in.c ? pc + 1 : in.a);
    PLAIN_CASE(JNGELI): PLAIN_NEXT(loc[in.b].i >= (int64_t)in.c ? pc + 1 : in.a);
    PLAIN_CASE(JNLTLL): PLAIN_NEXT(loc[in.b].i < loc[in.c].i ? pc + 1 : in.a);
    PLAIN_CASE(JNLELL): PLAIN_NEXT(loc[in.b].i <= loc[in.c].i ? pc + 1 : in.a);
    PLAIN_CASE(JNGTLL): PLAIN_NEXT(loc[in.b].i > loc[in.c].i ? pc + 1 : in.a);
    PLAIN_CASE(JNGELL): PLAIN_NEXT(loc[in.b].i >= loc[in.c].i ? pc + 1 : in.a);
#if defined(__GNUC__) && !defined(VM_SWITCH_DISPATCH)
    L_NEW: L_CLOSURE: L_GO: L_DEFER: L_LOCK: L_UNLOCK:
    L_WGADD: L_WGDONE: L_WGWAIT: L_SLEEP: L_PRINTF: L_PRINTLN:
    L_IFACE: L_ASSERT: L_CALLI: L_BIND: L_CLONE: L_STRUCTEQ: L_IFACEEQ: L_PANIC: L_RECOVER:
    L_EXIT: L_FMT: L_LIB:
    /* every data instruction is vm_exec's (vm_data.c) */
    L_NEWSLICE: L_NEWARRAY: L_MAKESLICE: L_STRINDEX: L_SLICE: L_CAP:
    L_APPEND: L_APPENDS: L_COPY: L_ACOPY: L_AEQ: L_MAPNEW: L_MAPGET: L_MAPSET: L_MAPDEL:
    L_MAPITER: L_MAPNEXT: L_RUNE: L_CONVSTR:
    L_UDIV: L_UMOD: L_UCMP: L_BITOP: L_BITNOT: L_DUP2: L_STRFN: L_RANDFN: L_APPENDADDR: L_COPYN: L_RTPRINT: L_RTPRINTLN: L_STRBUF:
    L_MAKECHAN: L_SEND: L_RECV: L_CLOSE: L_CHANLEN: L_CHANCAP: L_SELECT:
    L_RLOCK: L_RUNLOCK: L_WLOCK: L_WUNLOCK: L_ONCEBEGIN: L_ONCEEND: L_CONDWAIT:
    L_CONDSIGNAL: L_ATOMICADD: L_ATOMICLOAD: L_ATOMICSTORE: L_ATOMICCAS: L_GOSCHED:
    L_GOMAXPROCS: L_NUMGOROUTINE: L_NUMCPU: L_GC: L_MEMSTATS: L_NOW: L_TIMER: L_TIMERSTOP: L_TIMERRESET:
    L_DUR:
#else
        default:
#endif
        goto out;               /* calls, allocation, sync, output: vm_exec's */
#if !defined(__GNUC__) || defined(VM_SWITCH_DISPATCH)
        }
    }
#endif
out:
    f->pc = pc;
    g->sp = sp;
    g->last_pc = last;
    g->steps += n;
    m->instructions += n;
    *clock = now;
    *last_start = started;
    return n;
#undef in
}
