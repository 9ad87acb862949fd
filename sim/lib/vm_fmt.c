/* vm_fmt.c — the fmt functions beyond Printf/Println, and the String() and
 * Error() methods fmt calls.
 *
 * OP_FMT A B runs fmt function B (FmtFunc) over the top A values, which the
 * compiler made interface values (fmt's ...any), so format.c sees each
 * one's dynamic type.  Before formatting, fmt calls a value's Error() or
 * String() method (handleMethods in fmt/print.go: for %v %s %q %x %X and
 * for Print/Println): that is bytecode, so the instruction starts the call
 * as a frame marked deferred == 3 and stays where it is; the method's
 * result replaces the argument (marked VALUE_AUX_FMT) and the instruction
 * runs again, until no argument needs a call.  So `fmt.Println(v)` with a
 * Stringer takes the steps of v.String() plus one.
 *
 * Output: Print to stdout; Sprint* push a string; Errorf and errors.New
 * push a new *errors.errorString (an object holding the text); Fprint* write
 * to os.Stdout (1) or os.Stderr (2); the builtins print and println write
 * to stderr.
 */
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"

#define WRAPPED_KEY (-1000)   /* fmt cache entries holding %w's error (fmt_call_methods) */
static Value wrapped_at(const Machine *m, const Value *args, int n, int *at);

/* The verb each Printf argument gets (0 when none), for args[1..n). */
static void printf_verbs(const Machine *m, Value f, char *verbs, int n)
{
    memset(verbs, 0, (size_t)n);
    if (f.kind != V_STR) return;
    uint32_t len;
    const char *s = machine_string(m, f, &len);
    int next = 1;
    for (uint32_t i = 0; i < len && next < n; i++) {
        if (s[i] != '%') continue;
        i++;
        while (i < len && strchr("+-# 0123456789.", s[i])) i++;
        if (i >= len) break;
        if (s[i] == '%') continue;
        verbs[next++] = s[i];
    }
}

const Value *fmt_cached(const Machine *m, int64_t addr, int type)
{
    if (m->fmt_g <= 0 || m->fmt_g > m->ngs) return NULL;
    const Goroutine *g = &m->gs[m->fmt_g - 1];
    for (int i = 0; i < g->nfmt; i++)
        if (g->fmt_addr[i] == addr && g->fmt_type[i] == type) return &g->fmt_val[i];
    return NULL;
}

static bool cached(const Goroutine *g, int64_t addr, int type)
{
    for (int i = 0; i < g->nfmt; i++)
        if (g->fmt_addr[i] == addr && g->fmt_type[i] == type) return true;
    return false;
}

/* fmt calls String()/Error() on exported struct fields too (printValue's
 * handleMethods at depth > 0): walk the struct at mem[base] of layout t and
 * start the first call still missing; its result lands in g's cache by the
 * field's address.  Returns true when a call started (or it panicked). */
static bool walk_fields(Machine *m, Goroutine *g, int pc, int64_t base, int t, int depth)
{
    const TypeLayout *tl = &m->prog->types[t];
    if (depth > 3 || tl->kind != RT_STRUCT) return false;
    for (int i = 0; i < tl->nfields; i++) {
        const char *name = tl->field_name[i];
        int ft = tl->field_type[i];
        int64_t at = base + tl->field_off[i];
        if (at < 0 || at >= m->nmem) continue;
        if (m->prog->types[ft].kind == RT_STRUCT) {
            if (name[0] >= 'A' && name[0] <= 'Z' && !cached(g, at, ft)) {
                Value sv = value_make(V_PTR, (uint32_t)ft + 1, at);
                bool deref;
                if (vm_find_method(m, ft, "String", &deref) || vm_find_method(m, ft, "Error", &deref)) {
                    if (g->nfmt >= 16) return false;
                    if (!g->nfmt) g->fmt_frame = g->nframes;
                    int slot = g->nfmt;
                    Value done;
                    int r = panic_call_method(m, g, sv, 5, slot, &done);
                    if (r != 0) {
                        g->fmt_addr[g->nfmt] = at;
                        g->fmt_type[g->nfmt] = ft;
                        g->fmt_val[g->nfmt++] = r == -1 ? done : value_nil();
                        if (r == -1) continue;
                        if (r == 1) g->frames[g->nframes - 2].pc = pc;
                        return true;
                    }
                }
            }
            if (walk_fields(m, g, pc, at, ft, depth + 1)) return true;
            continue;
        }
        if (!(name[0] >= 'A' && name[0] <= 'Z') || cached(g, at, ft)) continue;   /* unexported: no methods */
        Value fv = m->mem[at];
        if (fv.kind == V_NIL || fv.kind == V_SYNC) continue;
        bool deref;
        int dyn = m->prog->types[ft].kind == RT_IFACE ? (value_is_iface(fv) ? (int)fv.aux - 1 : -1) : ft;
        if (dyn < 0 || (!vm_find_method(m, dyn, "String", &deref) && !vm_find_method(m, dyn, "Error", &deref)))
            continue;
        fv = vm_box(m, fv, ft);              /* the field as an interface value */
        if (g->nfmt >= 16) return false;
        if (!g->nfmt) g->fmt_frame = g->nframes;
        int slot = g->nfmt;
        Value done;
        int r = panic_call_method(m, g, fv, 5, slot, &done);
        if (r == 0) continue;
        g->fmt_addr[g->nfmt] = at;
        g->fmt_type[g->nfmt] = ft;
        g->fmt_val[g->nfmt++] = r == -1 ? done : value_nil();
        if (r == -1) continue;
        if (r == 1) g->frames[g->nframes - 2].pc = pc;
        return true;
    }
    return false;
}

/* fmt calls String()/Error() on the elements of a slice or array too (Go
 * prints []Color as [red green]): the texts go into a new []string made
 * for this print (remembered in g's cache under the slice's base and the
 * type -2 - t), which replaces the argument once every element's call
 * returned.  Elements of one slot only (not structs).  Returns true when a
 * call started. */
static bool walk_elems(Machine *m, Goroutine *g, int pc, Value *arg)
{
    int t = (int)arg->aux - 1;
    const TypeLayout *tl = &m->prog->types[t];
    int et = tl->elem;
    bool deref;
    if (et < 0 || (!vm_find_method(m, et, "String", &deref) && !vm_find_method(m, et, "Error", &deref)))
        return false;
    Value s = vm_unbox(m, *arg);
    if (s.kind != V_SLICE && s.kind != V_ARRAY) return false;
    int64_t len = s.aux & 0xffffff, esz = (s.aux >> 24) + 1;
    int64_t base = (int64_t)(s.i & 0xffffffff) - 1;
    if (esz != 1 || len == 0 || base < 0 || base + len > m->nmem) return false;
    int k = -1;
    for (int i = 0; i < g->nfmt && k < 0; i++)
        if (g->fmt_addr[i] == base && g->fmt_type[i] == -2 - t) k = i;
    if (k < 0) {
        if (g->nfmt >= 16) return false;
        if (!g->nfmt) g->fmt_frame = g->nframes;
        int64_t nb = machine_alloc(m, (int)len, -1, -1);
        k = g->nfmt++;
        g->fmt_addr[k] = base;
        g->fmt_type[k] = -2 - t;
        g->fmt_val[k] = value_make(V_SLICE, (uint32_t)len, (int64_t)(((uint64_t)nb + 1) | ((uint64_t)len << 32)));
    }
    int64_t nb = (int64_t)(g->fmt_val[k].i & 0xffffffff) - 1;
    for (int64_t i = 0; i < len; i++) {
        if (m->mem[nb + i].kind == V_STR) continue;
        Value ev = vm_box(m, m->mem[base + i], et);
        Value done;
        int r = panic_call_method(m, g, ev, 6, (int)(nb + i), &done);
        if (r == -1) { done.aux = 0; m->mem[nb + i] = done; continue; }
        if (r == 0) {                  /* a nil element prints <nil> */
            m->mem[nb + i] = value_make(V_STR, 0, machine_add_string(m, "<nil>", 5));
            continue;
        }
        if (r == 1) g->frames[g->nframes - 2].pc = pc;
        return true;
    }
    *arg = g->fmt_val[k];              /* every text is in: print the []string */
    return false;
}

bool fmt_call_methods(Machine *m, Goroutine *g, int pc, int n, bool printf)
{
    int at = g->sp - n;
    char verbs[64];
    if (printf && n > 0) printf_verbs(m, g->stack[at], verbs, n < 64 ? n : 64);
    for (int i = printf ? 1 : 0; i < n; i++) {
        Value v = g->stack[at + i];
        if (printf) {
            char verb = i < 64 ? verbs[i] : 'v';
            if (!verb || !strchr("vsqxXw", verb)) continue;
            /* Errorf keeps what %w names (errors.Unwrap): a builtin error's
             * text needs no call, format.c prints it */
            if (verb == 'w' && value_is_iface(v) && v.kind == V_PTR &&
                ((int)v.aux - 1 == m->prog->rt_errstring || (int)v.aux - 1 == m->prog->rt_wrap_error))
                continue;
        }
        Value done;
        int r = panic_call_method(m, g, v, 3, at + i, &done);
        if ((r == -1 || r == 1) && printf && i < 64 && verbs[i] == 'w' && g->nfmt < 16) {
            /* %w of an error with its own Error(): the error itself is kept
             * for errors.Is/As (WRAPPED_KEY), its text is what prints */
            if (!g->nfmt) g->fmt_frame = g->nframes - (r == 1);   /* (r 1: the method's frame is pushed) */
            g->fmt_addr[g->nfmt] = WRAPPED_KEY - i;
            g->fmt_type[g->nfmt] = WRAPPED_KEY;
            g->fmt_val[g->nfmt++] = v;
        }
        if (r == -1) { g->stack[at + i] = done; continue; }
        if (r == 2) return true;          /* it panicked (a nil receiver) */
        if (r == 1) {
            /* the frame below the method call runs this instruction again */
            g->frames[g->nframes - 2].pc = pc;
            return true;
        }
        /* no method of its own: its elements or exported fields may have some */
        if (value_is_iface(v) && (int)v.aux - 1 < m->prog->ntypes &&
            (m->prog->types[v.aux - 1].kind == RT_SLICE || m->prog->types[v.aux - 1].kind == RT_ARRAY)) {
            if (walk_elems(m, g, pc, &g->stack[at + i])) return true;
            continue;
        }
        if (value_is_iface(v) && v.kind == V_PTR && (int)v.aux - 1 < m->prog->ntypes) {
            int t = (int)v.aux - 1;
            if (m->prog->types[t].kind == RT_PTR && m->prog->types[t].elem >= 0) t = m->prog->types[t].elem;
            if (walk_fields(m, g, pc, v.i, t, 0)) return true;
        }
    }
    return false;
}

/* An error object: its text, and (a *fmt.wrapError) the error it wraps. */
static Value new_error(Machine *m, Value text, int type, Value wrapped)
{
    int64_t base = machine_alloc(m, 2, -1, -1);
    text.aux = 0;
    m->mem[base] = text;
    m->mem[base + 1] = wrapped;
    return value_make(V_PTR, (uint32_t)type + 1, base);
}

/* The argument Errorf's %w names (args[0] is the format), nil if none. */
/* The error a %w names: its own value, which the String()/Error() pre-pass
 * kept under WRAPPED_KEY when it replaced the argument with its text. */
static Value wrapped_arg(const Machine *m, const Goroutine *g, const Value *args, int n)
{
    int k = -1;
    Value w = wrapped_at(m, args, n, &k);
    if (g && k >= 0 && w.aux == VALUE_AUX_FMT)
        for (int i = 0; i < g->nfmt; i++)
            if (g->fmt_type[i] == WRAPPED_KEY && g->fmt_addr[i] == WRAPPED_KEY - k) return g->fmt_val[i];
    return w;
}

static Value wrapped_at(const Machine *m, const Value *args, int n, int *at)
{
    uint32_t len = 0;
    const char *s = args[0].kind == V_STR ? machine_string(m, args[0], &len) : "";
    int k = 1;
    for (uint32_t i = 0; i + 1 < len; i++) {
        if (s[i] != '%') continue;
        i++;
        while (i < len && strchr("+-# 0123456789.", s[i])) i++;
        if (i >= len || s[i] == '%') continue;
        if (s[i] == 'w') {
            *at = k < n ? k : -1;
            return k < n ? args[k] : value_nil();
        }
        k++;
    }
    return value_nil();
}

/* Errorf makes a *fmt.wrapError when its format has %w. */
static int errorf_type(const Machine *m, Value f)
{
    uint32_t n = 0;
    const char *s = f.kind == V_STR ? machine_string(m, f, &n) : "";
    for (uint32_t i = 0; i + 1 < n; i++) {
        if (s[i] != '%') continue;
        if (s[i + 1] == 'w') return m->prog->rt_wrap_error;
        i++;
    }
    return m->prog->rt_errstring;
}

/* The marker OP_FMT leaves on top of the stack once it has spread its
 * []any argument there: its count of elements, so that running the
 * instruction again (after String() calls) finds the same arguments. */
#define SPREAD_MARK 0x5b5du

/* f(xs...): the slice on top of the stack becomes its elements plus a
 * marker; returns how many arguments that made of the slice. */
static int spread(Machine *m, Goroutine *g)
{
    Value top = g->stack[g->sp - 1];
    if (top.kind == V_INT && top.aux == SPREAD_MARK) return (int)top.i;
    Value s = g->stack[--g->sp];
    int64_t k = slice_len(s), base = slice_base(s);
    if (base < 0 || base + k > m->nmem) k = 0;
    if (g->sp + k + 1 > g->stack_cap) {
        int need = g->sp + (int)k + 1;
        GROW(g->stack, g->stack_cap, need);
    }
    for (int64_t j = 0; j < k; j++) g->stack[g->sp++] = m->mem[base + j];
    g->stack[g->sp++] = value_make(V_INT, SPREAD_MARK, k);
    return (int)k;
}

void fmt_op(Machine *m, Goroutine *g, int core, int pc, const Instr in)
{
    int n = in.a, how = in.b & 0x7f;
    int skip = how == FMT_FPRINTF || how == FMT_FPRINTLN || how == FMT_FPRINT ? 1 : 0;
    bool printf = how == FMT_SPRINTF || how == FMT_ERRORF || how == FMT_FPRINTF;
    int mark = 0;
    if (in.b & FMT_SPREAD) {           /* the marker rides along as a method-less argument */
        n += spread(m, g) - 1;
        mark = 1;
    }
    if (how != FMT_ERRORS_NEW && fmt_call_methods(m, g, pc, n + mark - skip, printf)) return;
    g->sp -= n + mark;
    m->fmt_g = g->id;
    fmt_apply(m, g, core, in.b & ~FMT_SPREAD, &g->stack[g->sp], n, true);
    m->fmt_g = 0;
    if (g->nframes <= g->fmt_frame) g->nfmt = 0;   /* the print that filled it is done */
}

/* fmt.Fprint* to a writer that is not os.Stdout, os.Stderr or a buffer: a
 * file or a connection (a write system call, sim/lib/io_exec.c), or a
 * program's own type, whose Write method is called with the text as a
 * []byte (its (n, err) are Fprint's; the call's frame drops them when they
 * are not wanted).  True when it was one of those. */
static bool fprint_elsewhere(Machine *m, Goroutine *g, int core, Value w, const char *s, uint32_t len,
                             bool results, bool push)
{
    if (io_fprint(m, g, core, w, s, len, results)) return true;
    if (!value_is_iface(w) || (int)w.aux - 1 >= m->prog->ntypes) return false;
    bool deref;
    const RtMethod *me = vm_find_method(m, (int)w.aux - 1, "Write", &deref);
    if (!me || me->proto < 0) return false;
    if (!push) {                       /* a deferred Fprint: no frame can be pushed from here */
        machine_fail(m, M_PANIC, g->id, false, "interleave does not support defer fmt.Fprint to a writer of the program's own type");
        return true;
    }
    Value recv;
    if (!vm_receiver(m, g, w, deref, &recv)) return true;
    int64_t base = machine_alloc(m, (int)len, -2, -1);
    for (uint32_t i = 0; i < len; i++) m->mem[base + i] = value_make(V_INT, NK_UINT8, (unsigned char)s[i]);
    vm_push(g, value_make(V_FUNC, 0, me->proto));
    vm_push(g, recv);
    vm_push(g, value_slice(V_SLICE, base, len, len));
    vm_call(m, g, 2, results ? 0 : 1);
    return true;
}

void fmt_apply(Machine *m, Goroutine *g, int core, int fn, const Value *args, int n, bool push)
{
    int how = fn & 0x7f;
    if (fn & FMT_SPREAD) {             /* defer fmt.Println(xs...): the elements as arguments */
        Value s = n > 0 ? args[n - 1] : value_nil();
        int64_t k = slice_len(s), base = slice_base(s);
        if (base < 0 || base + k > m->nmem) k = 0;
        Value *all = xcalloc((size_t)(n + k + 1), sizeof *all);
        memcpy(all, args, (size_t)(n > 0 ? n - 1 : 0) * sizeof *all);
        memcpy(all + (n > 0 ? n - 1 : 0), &m->mem[base < 0 ? 0 : base], (size_t)k * sizeof *all);
        fmt_apply(m, g, core, fn & ~FMT_SPREAD, all, (n > 0 ? n - 1 : 0) + (int)k, push);
        free(all);
        return;
    }
    bool results = (fn & FMT_RESULTS) && push;
    int skip = how == FMT_FPRINTF || how == FMT_FPRINTLN || how == FMT_FPRINT ? 1 : 0;
    bool printf = how == FMT_SPRINTF || how == FMT_ERRORF || how == FMT_FPRINTF;
    if (how == FMT_ERRORS_NEW) {
        Value e = new_error(m, args[0], m->prog->rt_errstring, value_nil());
        if (push) g->stack[g->sp++] = e;
        return;
    }
    char *buf = NULL;
    uint32_t len = 0, cap = 0;
    int style = printf ? FORMAT_PRINTF : how == FMT_SPRINTLN || how == FMT_FPRINTLN ||
                how == FMT_BUILTIN_PRINTLN ? FORMAT_PRINTLN : FORMAT_PRINT;
    if (how == FMT_BUILTIN_PRINT) style = FORMAT_CONCAT;
    format_to(m, style, args + skip, n - skip, &buf, &len, &cap);
    if (skip && fprint_elsewhere(m, g, core, args[0], buf ? buf : "", len, results, push)) {
        free(buf);
        return;
    }
    int dest = 0;   /* 0 push, 1 stdout, 2 stderr */
    Value w = skip ? vm_unbox(m, args[0]) : value_nil();   /* an io.Writer */
    switch (how) {
    case FMT_PRINT: dest = 1; break;
    case FMT_FPRINTF: case FMT_FPRINTLN: case FMT_FPRINT: dest = w.kind == V_INT && w.i == 2 ? 2 : 1; break;
    case FMT_BUILTIN_PRINTLN: case FMT_BUILTIN_PRINT: dest = 2; break;
    default: dest = 0; break;
    }
    if (results) {
        g->stack[g->sp++] = value_int(len);
        g->stack[g->sp++] = value_nil();
    }
    if (dest == 1 && skip && w.kind == V_PTR && (uint64_t)w.i < (uint64_t)m->nmem) {
        /* a bytes.Buffer or strings.Builder: its text grows (vm_lib.c) */
        Value cur = m->mem[w.i];
        if (cur.kind != V_STR) cur = value_make(V_STR, 0, 0);
        Value add = value_make(V_STR, 0, machine_add_string(m, buf ? buf : "", len));
        m->mem[w.i] = value_make(V_STR, 0, machine_concat(m, cur, add));
    } else if (dest == 1) {
        uint32_t from = m->stdout_len;
        buf_append(&m->stdout_buf, &m->stdout_len, &m->stdout_cap, buf ? buf : "", len);
        machine_output(m, g->id, core, from);
    } else if (dest == 2) {
        buf_append(&m->stderr_buf, &m->stderr_len, &m->stderr_cap, buf ? buf : "", len);
    } else if (push) {
        Value s = value_make(V_STR, 0, machine_add_string(m, buf ? buf : "", len));
        g->stack[g->sp++] = how == FMT_ERRORF ? new_error(m, s, errorf_type(m, args[0]), wrapped_arg(m, g, args, n)) : s;
    }
    free(buf);
}
