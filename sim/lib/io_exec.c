/* io_exec.c — OP_LIB's files, network and bufio calls (IoFn, sim/lib_data.h):
 * the dispatch, package io, and what the others share.
 *
 * A call is one instruction.  Two shapes of blocking, as in Go:
 *   - a system call (a file read, a socket write): the results are pushed,
 *     then the goroutine blocks in the kernel for the call's cost
 *     (syscall_block, io_costs.c) and comes back with them;
 *   - waiting for the network (a Read with nothing to read, Accept with no
 *     connection, Dial's handshake): the goroutine parks on the poller and
 *     holds no thread (netpoll_wait).  A Read or an Accept pushes nothing:
 *     the instruction runs again when the poller wakes it (its operands are
 *     put back and its pc rewound, by the caller: lib_op in vm_lib.c, CALLI
 *     in vm_iface.c), and then finds what arrived.  Dial's results are
 *     known at once, so they are pushed before it parks.
 * A deferred call (defer f.Close()) cannot run again: it never parks.
 */
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "util.h"
#include "vm_data.h"

/* ---- shared helpers ------------------------------------------------------------------- */

void io_push(IoCall *c, Value v)
{
    if (c->push) vm_push(c->g, v);
}

uint8_t *io_bytes_of(const Machine *m, Value s, int64_t *n)
{
    int64_t len = slice_len(s), base = slice_base(s);
    if (s.kind != V_SLICE || base < 0 || base + len > m->nmem) len = 0;
    uint8_t *b = xmalloc((size_t)(len ? len : 1));
    for (int64_t i = 0; i < len; i++) b[i] = (uint8_t)m->mem[base + i].i;
    *n = len;
    return b;
}

void io_bytes_into(Machine *m, Value s, const uint8_t *b, int64_t n)
{
    int64_t base = slice_base(s);
    if (s.kind != V_SLICE || base < 0 || base + n > m->nmem) return;
    for (int64_t i = 0; i < n; i++) m->mem[base + i] = value_make(V_INT, NK_UINT8, b[i]);
}

Value io_new_bytes(Machine *m, const uint8_t *b, int64_t n)
{
    int64_t base = machine_alloc(m, (int)n, -2, -1);
    for (int64_t i = 0; i < n; i++) m->mem[base + i] = value_make(V_INT, NK_UINT8, b[i]);
    return value_slice(V_SLICE, base, n, n);
}

int64_t io_target(const Machine *m, Value v, IoFdKind *kind)
{
    if (!value_is_iface(v)) return -1;
    int t = (int)v.aux - 1;
    const int *rt = m->prog->rt_io;
    if (t != rt[IORT_FILE] && t != rt[IORT_TCPCONN]) return -1;
    Value d = vm_unbox(m, v);
    if (d.kind != V_INT) return -1;
    *kind = t == rt[IORT_FILE] ? IOFD_FILE : IOFD_CONN;
    return d.i;
}

IoResult io_park(IoCall *c, int64_t key)
{
    if (!c->may_park) return IO_DONE;
    netpoll_wait(c->m, c->g, c->core, key);
    return IO_AGAIN;
}

/* A Go-visible failure of the simulation itself (something it does not model). */
static void unsupported(IoCall *c, const char *what, Value v)
{
    char msg[200];
    const char *tn = value_is_iface(v) && (int)v.aux - 1 < c->m->prog->ntypes ? c->m->prog->types[v.aux - 1].goname : "nil";
    snprintf(msg, sizeof msg, "interleave does not support %s of a %s (only *os.File and net.Conn)", what, tn);
    machine_fail(c->m, M_PANIC, c->g->id, false, msg);
}

/* ---- package io ---------------------------------------------------------------------- */

/* Write b[0, n) to the io.Writer w: a file, a connection, or a
 * bytes.Buffer / strings.Builder; *wrote gets the count; the error. */
static Value write_to(IoCall *c, Value w, const uint8_t *b, int64_t n, int64_t *wrote, bool *ok)
{
    IoFdKind kind;
    int64_t d = io_target(c->m, w, &kind);
    *ok = true;
    if (d >= 0) return os_write_fd(c, d, b, n, wrote);
    Value p = vm_unbox(c->m, w);
    const char *tn = value_is_iface(w) ? c->m->prog->types[w.aux - 1].goname : "";
    if (p.kind == V_PTR && (uint64_t)p.i < (uint64_t)c->m->nmem &&
        (!strcmp(tn, "*bytes.Buffer") || !strcmp(tn, "*strings.Builder"))) {
        Machine *m = c->m;
        Value cur = m->mem[p.i].kind == V_STR ? m->mem[p.i] : value_make(V_STR, 0, 0);
        Value add = io_new_string(m, (const char *)b, (size_t)n);
        m->mem[p.i] = value_make(V_STR, 0, machine_concat(m, cur, add));
        *wrote = n;
        return value_nil();
    }
    *ok = false;
    *wrote = 0;
    return value_nil();
}

static IoResult io_pkg(IoCall *c, int fn, const Value *a, Value *ops)
{
    Machine *m = c->m;
    switch (fn) {
    case IO_READALL: {
        /* io.ReadAll reads until EOF: the same as taking everything once the
         * end is there, so a connection waits (parked) for its peer's Close */
        IoFdKind kind;
        int64_t d = io_target(m, a[0], &kind);
        if (d < 0) { unsupported(c, "io.ReadAll", a[0]); return IO_DONE; }
        IoFd *f = io_fd(m, d);
        if (kind == IOFD_CONN && f && !f->closed && !f->eof) return io_park(c, IO_KEY_READ(d));
        uint8_t *all = NULL;
        int64_t len = 0, cap = 0;
        Value err = value_nil();
        for (;;) {
            if (len + 4096 > cap) { cap = (cap ? cap * 2 : 4096); all = xrealloc(all, (size_t)cap); }
            int64_t got = 0;
            IoResult r = os_read_fd(c, d, all + len, cap - len, &got, &err);
            len += got;
            if (r == IO_AGAIN || got == 0 || err.kind != V_NIL || m->status != M_RUNNING) break;
        }
        if (value_is_iface(err) && err.kind == V_PTR && m->io && err.i == m->io->sentinel[IOS_EOF]) err = value_nil();
        io_push(c, io_new_bytes(m, all, len));
        io_push(c, err);
        free(all);
        return IO_DONE;
    }
    case IO_COPY: {
        /* io.Copy(dst, src) moves what src has when it has it: a file at
         * once, a connection one arrival per step (the running total waits
         * in a third operand, the instruction runs again until EOF) */
        IoFdKind kind;
        int64_t d = io_target(m, a[1], &kind);
        if (d < 0) { unsupported(c, "io.Copy", a[1]); return IO_DONE; }
        int64_t total = a[2].i;
        for (;;) {
            uint8_t buf[32 * 1024];              /* io.Copy's buffer size */
            int64_t got = 0;
            Value err = value_nil();
            if (os_read_fd(c, d, buf, sizeof buf, &got, &err) == IO_AGAIN) {
                if (ops) ops[2] = value_int(total);
                return IO_AGAIN;
            }
            if (got > 0) {
                int64_t wrote = 0;
                bool ok;
                Value werr = write_to(c, a[0], buf, got, &wrote, &ok);
                if (!ok) { unsupported(c, "io.Copy", a[0]); return IO_DONE; }
                total += wrote;
                if (werr.kind != V_NIL) err = werr;
            }
            if (err.kind == V_NIL && m->status == M_RUNNING && kind == IOFD_CONN && ops) {
                ops[2] = value_int(total);      /* more may come: again, after this call */
                return IO_RETRY;
            }
            if (err.kind != V_NIL || m->status != M_RUNNING || !ops) {
                if (err.kind == V_PTR && m->io && err.i == m->io->sentinel[IOS_EOF]) err = value_nil();
                io_push(c, value_make(V_INT, NK_INT64, total));
                io_push(c, err);
                return IO_DONE;
            }
        }
    }
    case IO_WRITESTRING: {
        uint32_t n = 0;
        const char *s = machine_string(m, a[1], &n);
        uint8_t *copy = xmalloc(n ? n : 1);
        memcpy(copy, s, n);
        int64_t wrote = 0;
        bool ok;
        Value err = write_to(c, a[0], copy, n, &wrote, &ok);
        free(copy);
        if (!ok) { unsupported(c, "io.WriteString", a[0]); return IO_DONE; }
        io_push(c, value_int(wrote));
        io_push(c, err);
        return IO_DONE;
    }
    }
    return IO_DONE;
}

/* ---- the dispatch --------------------------------------------------------------------- */

static IoSentinel sentinel_of(int fn)
{
    switch (fn) {
    case IO_EOF: return IOS_EOF;
    case IO_ERRUNEXPECTEDEOF: return IOS_UNEXPECTEDEOF;
    case IO_OS_ERRNOTEXIST: return IOS_NOTEXIST;
    case IO_OS_ERREXIST: return IOS_EXIST;
    case IO_OS_ERRCLOSED: return IOS_CLOSED;
    case IO_OS_ERRPERMISSION: return IOS_PERMISSION;
    case IO_NET_ERRCLOSED: return IOS_NETCLOSED;
    default: return IOS__COUNT;
    }
}

bool io_exec(Machine *m, Goroutine *g, int core, int fnb, Value *ops, int n, bool push, bool may_park)
{
    Value a[8];
    for (int i = 0; i < 8; i++) a[i] = i < n ? ops[i] : value_nil();
    IoCall c = {m, g, core, push && (fnb & FMT_RESULTS), may_park, 0};
    int fn = (fnb & 0xff) - LIB_IO;
    IoResult r = IO_DONE;
    IoSentinel s = sentinel_of(fn);
    if (s != IOS__COUNT) io_push(&c, io_sentinel(m, s));
    else if (fn >= IO_READALL && fn <= IO_WRITESTRING) r = io_pkg(&c, fn, a, may_park ? ops : NULL);
    else if (fn <= IO_FI_ISDIR) r = os_exec(&c, fn, a, n);
    else if (fn >= IO_NET_LISTEN && fn <= IO_A_NETWORK) r = net_exec(&c, fn, a, n);
    else if (fn >= IO_BUFIO_NEWREADER && fn < IO__COUNT) r = bufio_exec(&c, fn, a, n);
    else machine_fail(m, M_PANIC, g->id, false, "interleave: bad bytecode: unknown io function");
    if (r == IO_AGAIN) return false;
    if (r == IO_RETRY) {                          /* some done: the rest after the call */
        if (c.cost > 0 && m->status == M_RUNNING && g->state == G_RUNNING) syscall_block(m, g, core, c.cost);
        return false;
    }
    if (c.cost > 0 && m->status == M_RUNNING && g->state == G_RUNNING) syscall_block(m, g, core, c.cost);
    return true;
}

bool io_fprint(Machine *m, Goroutine *g, int core, Value w, const char *s, size_t n, bool results)
{
    IoFdKind kind;
    int64_t d = io_target(m, w, &kind);
    IoCall c = {m, g, core, results, false, 0};
    if (d < 0 && bufio_fprint(&c, w, s, n)) {
        if (c.cost > 0 && m->status == M_RUNNING && g->state == G_RUNNING) syscall_block(m, g, core, c.cost);
        return true;
    }
    if (d < IO_FIRST_FD) return false;           /* os.Stdout, os.Stderr: fmt's own path */
    int64_t wrote = 0;
    Value err = os_write_fd(&c, d, (const uint8_t *)s, (int64_t)n, &wrote);
    io_push(&c, value_int(wrote));
    io_push(&c, err);
    if (c.cost > 0 && m->status == M_RUNNING && g->state == G_RUNNING) syscall_block(m, g, core, c.cost);
    return true;
}
