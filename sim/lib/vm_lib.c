/* vm_lib.c — OP_LIB: the library calls beyond fmt (checked in
 * sim/lang/types_lib_func.c): rand.New(rand.NewSource(n)) with Intn and Int on
 * the *rand.Rand, errors.Is and errors.Unwrap.  Each is one step.  Files,
 * the network and bufio (B >= LIB_IO) go to sim/lib/io_exec.c.
 *
 * A *rand.Rand is one mem slot holding its splitmix64 state, seeded from n,
 * so the same seed gives the same sequence (the numbers are not Go's) and
 * the state is part of the Machine like any memory.
 */
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"

/* splitmix64 (Steele, Lea, Flood 2014) over a state word. */
static uint64_t splitmix(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void lib_op(Machine *m, Goroutine *g, int core, const Instr in)
{
    int n = in.a;
    g->sp -= n;
    if ((in.b & 0xff) >= LIB_IO && !io_exec(m, g, core, in.b, &g->stack[g->sp], n, true, true)) {
        /* parked (sim/lib/io_exec.c): its operands back, and the same pc again */
        g->sp += n;
        g->frames[g->nframes - 1].pc = g->last_pc;
        return;
    }
    if ((in.b & 0xff) < LIB_IO) lib_exec(m, g, core, in.b, &g->stack[g->sp], n, true);
}

/* One step down an error chain for errors.Is / Unwrap / As: *fmt.wrapError
 * (Errorf's %w) and the error types of os and net (sim/lib/io_errors.c). */
static bool unwrap_once(const Machine *m, Value e, Value *next)
{
    if (io_error_unwrap(m, e, next)) return true;
    if (!value_is_iface(e) || (int)e.aux - 1 != m->prog->rt_wrap_error || (uint64_t)e.i + 1 >= (uint64_t)m->nmem)
        return false;
    *next = m->mem[e.i + 1];
    return true;
}

void lib_exec(Machine *m, Goroutine *g, int core, int fnb, const Value *a, int n, bool push)
{
    int fn = fnb & 0xff;
    if (fn >= LIB_IO) {                /* a deferred f.Close(): it never parks */
        Value ops[8];
        memcpy(ops, a, (size_t)(n < 8 ? n : 8) * sizeof *ops);
        io_exec(m, g, core, fnb, ops, n, push, false);
        return;
    }
    push = push && (fnb & FMT_RESULTS);
    Value r = value_nil();
    bool has = true, two = false;
    (void)n;
    switch ((LibFunc)fn) {
    case LIB_BUF_WRITETO: {            /* the buffer's text to w; the buffer empties */
        Value p = a[0], w = vm_unbox(m, a[1]);
        if (p.kind != V_PTR || (uint64_t)p.i >= (uint64_t)m->nmem) {
            machine_fail(m, M_PANIC, g->id, true, "runtime error: invalid memory address or nil pointer dereference");
            has = false;
            break;
        }
        Value text = m->mem[p.i];
        uint32_t len = 0;
        const char *s = text.kind == V_STR ? machine_string(m, text, &len) : "";
        char *copy = xstrndup(s, len);     /* (appending may move the strings) */
        if (w.kind == V_PTR && (uint64_t)w.i < (uint64_t)m->nmem) {   /* another buffer */
            Value cur = m->mem[w.i].kind == V_STR ? m->mem[w.i] : value_make(V_STR, 0, 0);
            Value add = value_make(V_STR, 0, machine_add_string(m, copy, len));
            m->mem[w.i] = value_make(V_STR, 0, machine_concat(m, cur, add));
        } else if (w.kind == V_INT && w.i == 2) {
            buf_append(&m->stderr_buf, &m->stderr_len, &m->stderr_cap, copy, len);
        } else {
            uint32_t from = m->stdout_len;
            buf_append(&m->stdout_buf, &m->stdout_len, &m->stdout_cap, copy, len);
            machine_output(m, g->id, core, from);
        }
        free(copy);
        m->mem[p.i] = value_make(V_STR, 0, 0);
        r = value_int(len);
        two = true;
        break;
    }
    case LIB_ERRORS_UNWRAP: case LIB_ERRORS_IS: {
        /* a *fmt.wrapError (Errorf with %w) keeps the error it wraps in its
         * second slot; Is walks that chain comparing as == does */
        Value e = a[0];
        bool is = false;
        for (int hops = 0; hops < 64; hops++) {
            if (fn == LIB_ERRORS_IS && (vm_iface_equal(m, e, a[1]) || io_error_is(m, e, a[1]))) { is = true; break; }
            if (!unwrap_once(m, e, &e)) { e = value_nil(); break; }
            if (fn == LIB_ERRORS_UNWRAP) break;
        }
        r = fn == LIB_ERRORS_IS ? value_bool(is) : e;
        break;
    }
    case LIB_ERRORS_AS: {
        /* errors/wrap.go's As: the first error of the chain whose dynamic
         * type is target's element type is stored through target */
        Value e = a[0], t = a[1];
        int tt = value_is_iface(t) ? (int)t.aux - 1 : -1;
        int want = tt >= 0 && tt < m->prog->ntypes ? m->prog->types[tt].elem : -1;
        bool found = false;
        if (t.kind != V_PTR || (uint64_t)t.i >= (uint64_t)m->nmem || want < 0) {
            machine_fail(m, M_PANIC, g->id, true, "errors: target must be a non-nil pointer");
            has = false;
            break;
        }
        for (int hops = 0; hops < 64 && value_is_iface(e); hops++) {
            if ((int)e.aux - 1 == want) {
                const TypeLayout *tl = &m->prog->types[want];
                if (tl->kind == RT_STRUCT && (uint64_t)e.i + (uint64_t)tl->nslots <= (uint64_t)m->nmem &&
                    (uint64_t)t.i + (uint64_t)tl->nslots <= (uint64_t)m->nmem)
                    memmove(&m->mem[t.i], &m->mem[e.i], (size_t)tl->nslots * sizeof(Value));
                else {
                    Value v = vm_unbox(m, e);
                    if (v.kind != V_INT && v.kind != V_FLOAT && v.kind != V_SYNC && v.kind != V_SLICE &&
                        v.kind != V_ARRAY && v.kind != V_MAP)
                        v.aux = 0;                     /* the plain value, not an interface (value.h) */
                    m->mem[t.i] = v;
                }
                found = true;
                break;
            }
            if (!unwrap_once(m, e, &e)) break;
        }
        r = value_bool(found);
        break;
    }
    case LIB_RAND_NEWSOURCE: r = value_int(a[0].i); break;
    case LIB_RAND_NEW: {               /* a *rand.Rand: one slot of state */
        int64_t base = machine_alloc(m, 1, -1, -1);
        m->mem[base] = value_int((int64_t)(((uint64_t)a[0].i * 0x9e3779b97f4a7c15ULL) | 1));
        r = value_make(V_PTR, 0, base);
        break;
    }
    case LIB_R_INTN: case LIB_R_INT: {
        Value p = a[0];
        if (p.kind != V_PTR || (uint64_t)p.i >= (uint64_t)m->nmem) {
            machine_fail(m, M_PANIC, g->id, true, "runtime error: invalid memory address or nil pointer dereference");
            has = false;
            break;
        }
        uint64_t st = (uint64_t)m->mem[p.i].i;
        uint64_t x = splitmix(&st);
        m->mem[p.i] = value_int((int64_t)st);
        if (fn == LIB_R_INT) { r = value_int((int64_t)(x >> 1)); break; }
        if (a[1].i <= 0) {
            machine_fail(m, M_PANIC, g->id, true, "invalid argument to Intn");
            has = false;
            break;
        }
        r = value_int((int64_t)(x % (uint64_t)a[1].i));
        break;
    }
    case LIB__COUNT: default:
        machine_fail(m, M_PANIC, g->id, false, "interleave: bad bytecode: unknown library function");
        has = false;
        break;
    }
    if (push && has && m->status == M_RUNNING && !g->unwinding) {
        g->stack[g->sp++] = r;
        if (two) g->stack[g->sp++] = value_nil();   /* err */
    }
}
