/* panic.c — panic, recover and os.Exit, as Go's runtime/panic.go.
 *
 * A panic does not pop frames: as in Go, the deferred calls run on top of the
 * panicking stack, newest first across every frame (gopanic walks the
 * goroutine's _defer chain), so a traceback taken during or after them still
 * shows the frame that panicked at the line of the panic.  Step by step:
 *
 *   1. PANIC (or a runtime error, via machine_fail) pushes the value on the
 *      goroutine's panic chain and sets `unwinding`.
 *   2. While unwinding, each step pops the newest Defer: a builtin runs in
 *      that step; a function is called as a frame marked deferred == 2 that
 *      remembers the depth of the frame that deferred it, and runs normally.
 *   3. recover() called directly by such a frame marks the newest panic
 *      recovered and returns its value (nil for panic(nil), as Go 1.19).
 *   4. When that frame returns: if its panic was recovered, the frames above
 *      the one that deferred it are dropped and that frame continues at its
 *      Proto.recover_pc, which returns its named results (or zeros) — Go's
 *      "the function returns normally"; otherwise unwinding goes on.
 *   5. No defers left: the chain is printed as printpanics does, innermost
 *      last ("panic: first [recovered]" then "\tpanic: again"), each value as
 *      printpanicval does.  An error's Error() or a Stringer's String() is
 *      called first (preprintpanics), as a frame marked deferred == 4.
 *
 * A panic in a deferred call while unwinding simply joins the chain (the
 * earlier panic is then "aborted" and printed without [recovered]).
 * os.Exit ends the program at once: deferred calls do not run.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "duration.h"
#include "machine_internal.h"
#include "util.h"
#include "format_data.h"

#define MAX_PANICS 8   /* nested panics kept on the chain (Go has no limit) */

void panic_start(Machine *m, Goroutine *g, Value v)
{
    if (g->npanics == MAX_PANICS) {
        memmove(&g->panicv[0], &g->panicv[1], sizeof g->panicv[0] * (MAX_PANICS - 1));
        memmove(&g->panic_recovered[0], &g->panic_recovered[1], MAX_PANICS - 1);
        g->npanics--;
    }
    g->panicv[g->npanics] = v;
    g->panic_recovered[g->npanics] = 0;
    g->npanics++;
    g->panic_pc = g->last_pc;
    g->unwinding = 1;
    g->nfmt = 0;                       /* a print it interrupted never completes */
    (void)m;
}

static const TypeLayout *dyn_type(const Machine *m, Value v)
{
    if (!value_is_iface(v)) return NULL;
    return &m->prog->types[v.aux - 1];
}

/* printpanicval: one panic value as Go prints it after "panic: ". */
static void panic_text(const Machine *m, Value v, char *buf, size_t n)
{
    const TypeLayout *t = dyn_type(m, v);
    uint32_t len = 0;
    if (v.kind == V_BOX) v = vm_unbox(m, v);
    if (v.kind == V_STR && (!t || !t->named)) {
        const char *s = machine_string(m, v, &len);
        snprintf(buf, n, "%.*s", (int)len, s);
        if (t && (int)(t - m->prog->types) == m->prog->rt_runtime_error &&
            strstr(buf, "nil pointer dereference"))
            snprintf(buf + strlen(buf), n - strlen(buf),
                     "\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]");
        return;
    }
    if (!t) {
        if (v.kind == V_NIL) snprintf(buf, n, "nil");
        else if (v.kind == V_INT) snprintf(buf, n, "%" PRId64, v.i);
        else if (v.kind == V_BOOL) snprintf(buf, n, "%s", v.i ? "true" : "false");
        else snprintf(buf, n, "?");
        return;
    }
    if (v.kind == V_FLOAT) {             /* printpanicval's float64: print's format */
        char f[40];
        format_data_runtime_float(value_f(v), f);
        if (t->named) snprintf(buf, n, "%s(%s)", t->goname, f);
        else snprintf(buf, n, "%s", f);
        return;
    }
    switch (t->kind) {
    case RT_INT:
        if (t->named) snprintf(buf, n, "%s(%" PRId64 ")", t->goname, v.i);
        else snprintf(buf, n, "%" PRId64, v.i);
        return;
    case RT_BOOL:
        if (t->named) snprintf(buf, n, "%s(%s)", t->goname, v.i ? "true" : "false");
        else snprintf(buf, n, "%s", v.i ? "true" : "false");
        return;
    case RT_STRING: {
        const char *s = machine_string(m, v, &len);
        snprintf(buf, n, "%s(\"%.*s\")", t->goname, (int)len, s);
        return;
    }
    default:
        snprintf(buf, n, "(%s) 0x%" PRIx64, t->goname, (uint64_t)(0xc000010000LL + v.i * 8));
        return;
    }
}

int panic_call_method(Machine *m, Goroutine *g, Value v, int how, int slot, Value *done)
{
    if (!dyn_type(m, v)) return 0;
    if (v.kind == V_NIL) return 0;     /* a nil receiver: printed as such */
    static const char *const names[] = {"Error", "String"};
    for (int k = 0; k < 2; k++) {
        bool deref;
        const RtMethod *me = vm_find_method(m, (int)v.aux - 1, names[k], &deref);
        if (!me) continue;
        if (me->proto < 0 && !strcmp(m->prog->types[v.aux - 1].goname, "time.Duration")) {
            char d[64];
            size_t dl = duration_format(vm_unbox(m, v).i, d, sizeof d);
            *done = value_make(V_STR, VALUE_AUX_FMT, machine_add_string(m, d, dl < sizeof d ? dl : sizeof d - 1));
            return -1;
        }
        if (me->proto < 0) {
            Value r = v.kind == V_PTR && (uint64_t)v.i < (uint64_t)m->nmem ? m->mem[v.i] : vm_unbox(m, v);
            r.aux = VALUE_AUX_FMT;
            *done = r;
            return -1;
        }
        const Proto *pr = &m->prog->protos[me->proto];
        if (pr->nparams != 1 || pr->nresults != 1) continue;
        Value recv;
        if (!vm_receiver(m, g, v, deref, &recv)) return 2;
        if (g->sp + 2 + 16 > g->stack_cap) GROW(g->stack, g->stack_cap, g->sp + 2 + 16);
        g->stack[g->sp++] = value_make(V_FUNC, 0, me->proto);
        g->stack[g->sp++] = recv;
        if (vm_call(m, g, 1, how)) g->frames[g->nframes - 1].defer_owner = slot;
        return 1;
    }
    return 0;
}

/* No deferred call left: print the chain and crash. */
static int crash(Machine *m, Goroutine *g)
{
    for (int i = 0; i < g->npanics; i++) {
        Value done;
        if (g->panicv[i].aux == (uint32_t)m->prog->rt_runtime_error + 1) continue;   /* printed as is */
        int r = panic_call_method(m, g, g->panicv[i], 4, i, &done);
        if (r == -1) { g->panicv[i] = done; continue; }
        if (r == 1) { g->unwinding = 0; return 3; }
        if (r == 2) return 3;
    }
    char msg[1024], one[400];
    msg[0] = 0;
    for (int i = 0; i < g->npanics; i++) {
        Value v = g->panicv[i];
        if (v.aux == VALUE_AUX_FMT) {
            uint32_t len;
            const char *s = machine_string(m, v, &len);
            snprintf(one, sizeof one, "%.*s", (int)len, s);
        } else {
            panic_text(m, v, one, sizeof one);
        }
        size_t l = strlen(msg);
        snprintf(msg + l, sizeof msg - l, "%s%s%s%s", i ? "\n\tpanic: " : "", one,
                 g->panic_recovered[i] ? " [recovered]" : "", "");
    }
    g->unwinding = 2;                  /* machine_fail: print, do not panic again */
    g->last_pc = g->panic_pc;
    machine_fail(m, M_PANIC, g->id, true, msg);
    return 1;
}

int panic_step(Machine *m, Goroutine *g, int core)
{
    if (g->ndefers == 0) return crash(m, g);
    Defer d = g->defers[--g->ndefers];
    if (d.op != 0) {
        vm_exec_builtin(m, g, core, d.op, &g->defer_vals[d.args_at], d.nargs);
        g->ndefer_vals = d.args_at;
        return 5;
    }
    if (g->sp + d.nargs + 1 + 16 > g->stack_cap) GROW(g->stack, g->stack_cap, g->sp + d.nargs + 1 + 16);
    memcpy(&g->stack[g->sp], &g->defer_vals[d.args_at], (size_t)(d.nargs + 1) * sizeof(Value));
    g->sp += d.nargs + 1;
    g->ndefer_vals = d.args_at;
    g->unwinding = 0;
    if (vm_call(m, g, d.nargs, 2)) g->frames[g->nframes - 1].defer_owner = d.frame_depth;
    return 3;
}

int panic_frame_return(Machine *m, Goroutine *g, int core, int nresults)
{
    (void)core;
    Frame *f = &g->frames[g->nframes - 1];
    int kind = f->deferred, owner = f->defer_owner;
    Value result = nresults > 0 ? g->stack[g->sp - 1] : value_nil();
    g->sp = f->base - 1;
    g->nframes--;
    switch (kind) {
    case 2:                            /* a deferred call run by a panic */
        if (g->npanics > 0 && g->panic_recovered[g->npanics - 1]) {
            g->npanics = 0;            /* recovered: the function returns normally */
            g->unwinding = 0;
            if (owner < 1 || owner > g->nframes) owner = g->nframes;
            g->nframes = owner;
            Frame *of = &g->frames[owner - 1];
            const Proto *pr = &m->prog->protos[of->proto];
            g->sp = of->base + pr->nslots;
            of->pc = pr->recover_pc;
        } else {
            g->unwinding = 1;
        }
        break;
    case 3:                            /* fmt called String()/Error() */
        result.aux = VALUE_AUX_FMT;
        if (owner >= 0 && owner < g->sp) g->stack[owner] = result;
        break;
    case 6:                            /* fmt called a slice element's String()/Error() */
        result.aux = 0;
        if (owner >= 0 && owner < m->nmem) m->mem[owner] = result;
        break;
    case 5:                            /* fmt called a struct field's String()/Error() */
        result.aux = VALUE_AUX_FMT;
        if (owner >= 0 && owner < g->nfmt) g->fmt_val[owner] = result;
        break;
    case 4:                            /* the crash called Error()/String() */
        result.aux = VALUE_AUX_FMT;
        if (owner >= 0 && owner < g->npanics) g->panicv[owner] = result;
        g->unwinding = 1;
        break;
    }
    return 3;
}

void panic_op(Machine *m, Goroutine *g, int core, int pc, const Instr in)
{
    switch ((Opcode)in.op) {
    case OP_PANIC: {
        Value v = g->stack[--g->sp];
        g->last_pc = pc;
        panic_start(m, g, v);
        break;
    }
    case OP_RECOVER: {
        Frame *f = &g->frames[g->nframes - 1];
        Value r = value_nil();
        if (f->deferred == 2 && g->npanics > 0 && !g->panic_recovered[g->npanics - 1]) {
            r = g->panicv[g->npanics - 1];
            g->panic_recovered[g->npanics - 1] = 1;
        }
        g->stack[g->sp++] = r;
        break;
    }
    case OP_EXIT: {
        int64_t code = g->stack[--g->sp].i;
        machine_exit(m, g->id, core);
        m->exit_code = (int)code;
        break;
    }
    default:
        break;
    }
}
