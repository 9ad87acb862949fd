/* vm_iface.c — the instructions of interfaces, methods and struct values
 *: IFACE, ASSERT, CALLI, BIND, COPY, CLONE, STRUCTEQ.
 *
 * An interface value is the dynamic value itself with 1 + the index of its
 * dynamic type (a TypeLayout, Program.types) in Value.aux; a nil interface
 * is V_NIL with aux 0 (value.h).  A struct is a run of slots in memory, so a
 * struct *value* on the operand stack is the address of slots holding it:
 * CLONE makes the private copy that Go's value semantics need (an argument,
 * a value receiver, a struct put in an interface), COPY assigns one struct
 * to another in place.
 *
 * Dynamic dispatch (CALLI) looks the method up by name in the dynamic type's
 * method table (for *T: T's table, where every method is found; for T: only
 * value-receiver methods are in T's method set, and the checker guaranteed
 * one is there), then calls it with the receiver as argument 0 — dereferenced
 * (and copied) when a *T holds a method declared on T.  A library type's
 * method (RtMethod.lib: *os.File's Read, *net.TCPConn's Write) is no
 * function of the program: CALLI runs the library in place, as OP_LIB does
 * (sim/lib/io_exec.c), and runs again when it parked on the network poller.
 */
#include <stdio.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"
#include "vm_data.h"

static bool valid_ptr(const Machine *m, Value p)
{
    return p.kind == V_PTR && (uint64_t)p.i < (uint64_t)m->nmem;
}

static void nil_deref(Machine *m, Goroutine *g)
{
    machine_fail(m, M_PANIC, g->id, true, "runtime error: invalid memory address or nil pointer dereference");
}

int64_t vm_clone(Machine *m, int type, int64_t from)
{
    int n = m->prog->types[type].nslots;
    int64_t base = machine_alloc(m, n, type, -1);
    memmove(&m->mem[base], &m->mem[from], (size_t)n * sizeof(Value));
    vm_data_deepen(m, base, n);        /* arrays inside are values too */
    return base;
}

const RtMethod *vm_find_method(const Machine *m, int type, const char *name, bool *deref)
{
    const TypeLayout *t = &m->prog->types[type];
    *deref = false;
    if (t->kind == RT_PTR && t->elem >= 0) {
        const TypeLayout *e = &m->prog->types[t->elem];
        for (int i = 0; i < e->nmethods; i++)
            if (!strcmp(e->methods[i].name, name)) {
                *deref = !e->methods[i].ptr_recv;
                return &e->methods[i];
            }
        return NULL;
    }
    for (int i = 0; i < t->nmethods; i++)
        if (!strcmp(t->methods[i].name, name) && !t->methods[i].ptr_recv) return &t->methods[i];
    return NULL;
}

/* Does dynamic type `dyn` implement interface type `iface`?  (Names only:
 * the checker compared the signatures.)  *missing gets the first absent one. */
static bool implements(const Machine *m, int dyn, int iface, const char **missing)
{
    const TypeLayout *it = &m->prog->types[iface];
    for (int i = 0; i < it->nmethods; i++) {
        bool deref;
        if (!vm_find_method(m, dyn, it->methods[i].name, &deref)) {
            *missing = it->methods[i].name;
            return false;
        }
    }
    return true;
}

/* The value of v, boxed as an interface holding type `type`. */
Value vm_box(Machine *m, Value v, int type)
{
    if (value_is_iface(v)) return v;                  /* already an interface */
    if (m->prog->types[type].kind == RT_IFACE) return v;   /* a nil interface stays nil */
    if (m->prog->types[type].kind == RT_STRUCT && valid_ptr(m, v)) v.i = vm_clone(m, type, v.i);
    if (value_aux_free(v.kind)) {
        v.aux = (uint32_t)type + 1;
        return v;
    }
    int64_t box = machine_alloc(m, 1, -1, -1);        /* its aux is its own: a box */
    m->mem[box] = v;
    return value_make(V_BOX, (uint32_t)type + 1, box);
}

Value vm_unbox(const Machine *m, Value v)
{
    if (v.kind == V_BOX) return (uint64_t)v.i < (uint64_t)m->nmem ? m->mem[v.i] : value_nil();
    if (value_is_iface(v)) v.aux = 0;
    return v;
}

/* The concrete value held by interface value v (whose type is `type`). */
static Value unbox(Machine *m, Value v, int type)
{
    if (m->prog->types[type].kind == RT_IFACE) return v;
    if (m->prog->types[type].kind == RT_STRUCT && valid_ptr(m, v)) {
        v.i = vm_clone(m, type, v.i);
        v.aux = 0;
        return v;
    }
    return vm_unbox(m, v);
}

bool vm_iface_equal(const Machine *m, Value a, Value b)
{
    bool ia = value_is_iface(a), ib = value_is_iface(b);
    if (ia != ib) return false;                       /* nil vs non-nil */
    if (!ia) return true;                             /* both nil */
    if (a.aux != b.aux) return false;                 /* different dynamic types */
    int t = (int)a.aux - 1;
    if (m->prog->types[t].kind == RT_STRUCT && valid_ptr(m, a) && valid_ptr(m, b)) {
        for (int k = 0; k < m->prog->types[t].nslots; k++)
            if (!vm_values_equal(m, m->mem[a.i + k], m->mem[b.i + k])) return false;
        return true;
    }
    return vm_values_equal(m, vm_unbox(m, a), vm_unbox(m, b));
}

static Value zero_of(Machine *m, int type)
{
    const TypeLayout *t = &m->prog->types[type];
    if (t->kind == RT_STRUCT) {
        int64_t base = machine_alloc(m, t->nslots, type, -1);
        memcpy(&m->mem[base], m->prog->types[type].zero, (size_t)m->prog->types[type].nslots * sizeof(Value));
        return value_make(V_PTR, 0, base);
    }
    return t->nslots ? t->zero[0] : value_nil();
}

/* ASSERT A B: B & 3 = 0 panic, 1 comma-ok, 2 test only; B >> 2 = the
 * interface type asserted from (for Go's message). */
static void op_assert(Machine *m, Goroutine *g, int type, int b)
{
    Value v = g->stack[--g->sp];
    int mode = b & 3, from = b >> 2;
    const TypeLayout *want = &m->prog->types[type];
    const char *missing = NULL;
    bool ok;
    if (!value_is_iface(v)) ok = false;
    else if (want->kind == RT_IFACE) ok = implements(m, (int)v.aux - 1, type, &missing);
    else ok = (int)v.aux - 1 == type;
    if (mode == 2) {
        g->stack[g->sp++] = value_bool(ok);
        return;
    }
    if (mode == 1) {
        g->stack[g->sp++] = ok ? unbox(m, v, type) : zero_of(m, type);
        g->stack[g->sp++] = value_bool(ok);
        return;
    }
    if (ok) {
        g->stack[g->sp++] = unbox(m, v, type);
        return;
    }
    char msg[400];
    const char *inter = from < m->prog->ntypes ? m->prog->types[from].goname : "interface";
    if (v.aux == 0)
        snprintf(msg, sizeof msg, "interface conversion: %s is nil, not %s", inter, want->goname);
    else if (missing)
        snprintf(msg, sizeof msg, "interface conversion: %s is not %s: missing method %s",
                 m->prog->types[v.aux - 1].goname, want->goname, missing);
    else
        snprintf(msg, sizeof msg, "interface conversion: %s is %s, not %s", inter,
                 m->prog->types[v.aux - 1].goname, want->goname);
    machine_fail(m, M_PANIC, g->id, true, msg);
}

bool vm_receiver(Machine *m, Goroutine *g, Value v, bool deref, Value *out)
{
    int dyn = (int)v.aux - 1;
    Value recv = vm_unbox(m, v);
    const TypeLayout *t = &m->prog->types[dyn];
    if (deref) {               /* *T holds a method of T: the receiver is *p */
        if (!valid_ptr(m, v)) { nil_deref(m, g); return false; }
        int elem = t->elem;
        if (m->prog->types[elem].kind == RT_STRUCT) recv.i = vm_clone(m, elem, v.i);
        else recv = m->mem[v.i];
    } else if (t->kind == RT_STRUCT && valid_ptr(m, v)) {
        recv.i = vm_clone(m, dyn, v.i);   /* a value receiver gets its own copy */
    }
    *out = recv;
    return true;
}

/* A library method (RtMethod.lib: *os.File's Read, net.Conn's Write ...)
 * runs in place of the call, as OP_LIB does (sim/lib/io_exec.c): the
 * receiver and the arguments in, its results pushed.  When it parks on the
 * network poller, the stack is left as it was and the CALLI runs again. */
static void calli_lib(Machine *m, Goroutine *g, int core, int argc, int at, const RtMethod *me)
{
    Value ops[9];
    if (argc > 8) {
        machine_fail(m, M_PANIC, g->id, false, "interleave: bad bytecode: a library method with many arguments");
        return;
    }
    ops[0] = vm_unbox(m, g->stack[at]);
    memcpy(&ops[1], &g->stack[at + 1], (size_t)argc * sizeof *ops);
    int sp = g->sp;
    g->sp = at;
    if (!io_exec(m, g, core, (me->lib - 1) | FMT_RESULTS, ops, argc + 1, true, true)) {
        g->sp = sp;
        g->frames[g->nframes - 1].pc = g->last_pc;
    }
}

/* CALLI argc name: [iface][args] becomes [method][receiver][args], then CALL. */
static void op_calli(Machine *m, Goroutine *g, int core, int argc, int name)
{
    int at = g->sp - argc - 1;
    Value v = g->stack[at];
    if (!value_is_iface(v)) { nil_deref(m, g); return; }
    int dyn = (int)v.aux - 1;
    bool deref;
    const RtMethod *me = vm_find_method(m, dyn, m->prog->strings[name], &deref);
    if (!me) {
        machine_fail(m, M_PANIC, g->id, false, "interleave: bad bytecode: method not found");
        return;
    }
    if (me->lib) {
        calli_lib(m, g, core, argc, at, me);
        return;
    }
    if (me->proto < 0) {       /* a builtin error: Error() is its text */
        Value r = v.kind == V_PTR && valid_ptr(m, v) ? m->mem[v.i] : vm_unbox(m, v);
        r.aux = 0;
        g->stack[at] = r;
        g->sp = at + 1;
        return;
    }
    Value recv;
    if (!vm_receiver(m, g, v, deref, &recv)) return;
    if (g->sp + 2 > g->stack_cap) GROW(g->stack, g->stack_cap, g->sp + 2);
    memmove(&g->stack[at + 2], &g->stack[at + 1], (size_t)argc * sizeof(Value));
    g->stack[at] = value_make(V_FUNC, 0, me->proto);
    g->stack[at + 1] = recv;
    g->sp++;
    vm_call(m, g, argc + 1, 0);
}

int vm_iface_op(Machine *m, Goroutine *g, int core, const Instr in)
{
    Value *st = g->stack;
    switch ((Opcode)in.op) {
    case OP_IFACE:
        st[g->sp - 1 - in.b] = vm_box(m, st[g->sp - 1 - in.b], in.a);
        break;
    case OP_ASSERT:
        op_assert(m, g, in.a, in.b);
        break;
    case OP_CALLI:
        op_calli(m, g, core, in.a, in.b);
        return 3;
    case OP_BIND: {
        if (in.a > 0) {                /* x.M of an interface: resolved now, as Go does */
            Value v = st[g->sp - 1];
            if (!value_is_iface(v)) { nil_deref(m, g); break; }
            bool deref;
            const RtMethod *me = vm_find_method(m, (int)v.aux - 1, m->prog->strings[in.a - 1], &deref);
            Value recv;
            if (!me || me->proto < 0 || !vm_receiver(m, g, v, deref, &recv)) {
                if (me && me->lib)
                    machine_fail(m, M_PANIC, g->id, false, "interleave does not support method values of library types (write func(b []byte) (int, error) { return c.Read(b) })");
                else if (!me || me->proto < 0)
                    machine_fail(m, M_PANIC, g->id, false, "interleave: a method value of a builtin error");
                break;
            }
            st = g->stack;
            st[g->sp - 1] = value_make(V_FUNC, 0, me->proto);
            st[g->sp++] = recv;
        }
        Value r = st[--g->sp];
        Value f = st[g->sp - 1];
        int64_t base = machine_alloc(m, 2, -1, -1);
        m->mem[base] = value_make(V_FUNC, 1, f.i);   /* aux 1: a bound method */
        m->mem[base + 1] = r;
        g->stack[g->sp - 1] = value_make(V_CLOSURE, 0, base);
        break;
    }
    case OP_CLONE: {
        Value s = st[g->sp - 1];
        if (!valid_ptr(m, s)) { nil_deref(m, g); break; }
        g->stack[g->sp - 1] = value_make(V_PTR, 0, vm_clone(m, in.a, s.i));
        break;
    }
    case OP_IFACEEQ: {
        Value b = st[g->sp - 1], a = st[g->sp - 2];
        if (value_is_iface(a) && a.aux == b.aux && (int)a.aux - 1 < m->prog->ntypes) {
            /* runtime/alg.go's efaceeq: slices, maps and funcs have no == */
            const TypeLayout *tl = &m->prog->types[a.aux - 1];
            const char *n = tl->goname ? tl->goname : "";
            if (tl->kind == RT_SLICE || tl->kind == RT_FUNC || !strncmp(n, "map[", 4)) {
                char msg[160];
                snprintf(msg, sizeof msg, "runtime error: comparing uncomparable type %s", n);
                machine_fail(m, M_PANIC, g->id, true, msg);
                break;
            }
        }
        g->sp -= 1;
        g->stack[g->sp - 1] = value_bool(vm_iface_equal(m, a, b));
        break;
    }
    case OP_STRUCTEQ: {
        Value b = st[g->sp - 1], a = st[g->sp - 2];
        g->sp -= 1;
        if (!valid_ptr(m, a) || !valid_ptr(m, b)) { nil_deref(m, g); break; }
        bool eq = true;
        for (int k = 0; k < in.a && eq; k++) eq = vm_values_equal(m, m->mem[a.i + k], m->mem[b.i + k]);
        g->stack[g->sp - 1] = value_bool(eq);
        break;
    }
    default:
        machine_fail(m, M_PANIC, g->id, false, "interleave: bad bytecode: not an interface instruction");
        break;
    }
    return 2;
}
