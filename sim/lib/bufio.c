/* bufio.c — bufio.Reader's ReadString, bufio.Scanner (lines) and
 * bufio.Writer, over a file or a network connection.
 *
 * Go's bufio reads its source 4 KiB at a time into a buffer and cuts lines
 * out of it.  Here a line is cut straight out of the source: ReadString and
 * Scan look at what the file or the connection has (without taking it),
 * and take the line once its end (the delimiter, or EOF) is there; until
 * then a connection's reader parks on the poller and the instruction runs
 * again when more arrives.  So no bytes wait inside the bufio object, and
 * a parked Scan leaves nothing half done.  What Go's buffering costs is
 * kept: the object counts the bytes Go's buffer would hold (`avail`), and
 * a line that needs more than that pays one read system call per 4 KiB
 * Go would have read.  (The difference a program could see: bytes Go's
 * reader has buffered beyond the line are still in the file or the
 * connection here, for a direct Read to find.)
 *
 * bufio.Writer keeps what is written until 4 KiB are there or Flush, then
 * writes them in one system call; output never flushed is lost, as in Go.
 *
 * Objects (a V_PTR to slots):
 *   *bufio.Reader  [source, avail]
 *   *bufio.Scanner [source, avail, token, done, err]
 *   *bufio.Writer  [destination, pending text]
 * A source or destination is the io.Reader / io.Writer value given to New*;
 * only files and connections are simulated (io_target).
 */
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "util.h"

#define BUFIO_SIZE 4096          /* bufio.defaultBufSize */

/* What descriptor d has for a reader now: bytes (not to keep), whether
 * that is all there will be (EOF), and an error instead (a closed end). */
typedef struct Peek {
    const uint8_t *b; int64_t n;
    bool end;
    Value err;
} Peek;

static Peek peek(Machine *m, int64_t d)
{
    Peek p = {NULL, 0, true, value_nil()};
    IoFd *f = io_fd(m, d);
    if (!f) return p;                           /* os.Stdin: empty */
    if (f->kind == IOFD_CONN) {
        if (f->closed) { p.err = value_int(1); return p; }
        p.b = f->buf + f->head;
        p.n = f->ready - f->head;
        p.end = f->eof;
        return p;
    }
    if (f->kind != IOFD_FILE || f->closed || !f->rd || m->io->nodes[f->node].is_dir) {
        p.err = value_int(1);
        return p;
    }
    int64_t len;
    const uint8_t *b = io_node_bytes(m, f->node, &len);
    if (f->off < len) { p.b = b + f->off; p.n = len - f->off; }
    return p;
}

/* Take k bytes from d's front; charge what Go's buffered reads would cost. */
static void take(IoCall *c, int64_t d, int64_t k, Value *avail, bool at_end)
{
    IoFd *f = io_fd(c->m, d);
    bool net = f && f->kind == IOFD_CONN;
    int64_t have = avail->i;
    if (k > have) {
        int64_t need = k - have, reads = (need + BUFIO_SIZE - 1) / BUFIO_SIZE;
        c->cost += reads * io_cost(net ? IOC_NET_READ : IOC_READ, 0) +
                   io_cost(net ? IOC_NET_READ : IOC_READ, need) - io_cost(net ? IOC_NET_READ : IOC_READ, 0);
        have = reads * BUFIO_SIZE;
    }
    have -= k;
    if (at_end) {
        c->cost += io_cost(net ? IOC_NET_READ : IOC_READ, 0);   /* the read that sees EOF */
        have = 0;
    }
    *avail = value_int(have);
    if (!f) return;
    if (net) f->head += k;
    else f->off += k;
}

/* The error a failed peek stands for: the source's own read error. */
static Value read_error(IoCall *c, int64_t d)
{
    uint8_t one;
    int64_t got;
    Value err;
    int64_t cost = c->cost;
    os_read_fd(c, d, &one, 1, &got, &err);
    c->cost = cost + io_cost(IOC_READ, 0);
    return err;
}

/* The address of the object behind receiver p (nslots long), -1 (and Go's
 * nil dereference) when p is nil.  (Addresses, not pointers: making a
 * value may grow memory.) */
static int64_t object(IoCall *c, Value p, int nslots)
{
    if (p.kind != V_PTR || (uint64_t)p.i + (uint64_t)nslots > (uint64_t)c->m->nmem) {
        machine_fail(c->m, M_PANIC, c->g->id, true, "runtime error: invalid memory address or nil pointer dereference");
        return -1;
    }
    return p.i;
}

static Value new_object(Machine *m, int nslots, IoRtype t, Value first)
{
    int64_t at = machine_alloc(m, nslots, -1, -1);
    m->mem[at] = first;
    for (int i = 1; i < nslots; i++) m->mem[at + i] = value_int(0);
    return value_make(V_PTR, (uint32_t)m->prog->rt_io[t] + 1, at);
}

/* ReadString(delim) and Scan: the next line of the source of the object
 * at `at` (slots source, avail).  IO_AGAIN when a connection has no whole
 * line yet; else *line (with the delimiter when keep), *err (io.EOF at the
 * end) and *none (nothing was left). */
static IoResult next_line(IoCall *c, int64_t at, int delim, bool keep, Value *line, Value *err, bool *none)
{
    Machine *m = c->m;
    IoFdKind kind;
    int64_t d = io_target(m, m->mem[at], &kind);
    *none = false;
    *err = value_nil();
    *line = value_make(V_STR, 0, 0);           /* (string 0 is "") */
    Peek p = peek(m, d);
    if (p.err.kind != V_NIL) {
        *none = true;
        *err = read_error(c, d);
        return IO_DONE;
    }
    const uint8_t *nl = p.n ? memchr(p.b, delim, (size_t)p.n) : NULL;
    if (!nl && !p.end) {
        if (io_park(c, IO_KEY_READ(d)) == IO_AGAIN) return IO_AGAIN;
        *none = true;                  /* a deferred call: nothing now */
        return IO_DONE;
    }
    int64_t k = nl ? nl - p.b + 1 : p.n;
    int64_t len = k - (nl && !keep ? 1 : 0);
    char *copy = xmalloc((size_t)(len ? len : 1));
    if (len) memcpy(copy, p.b, (size_t)len);
    if (!keep && len > 0 && nl && copy[len - 1] == '\r') len--;   /* ScanLines drops a \r before \n */
    Value avail = m->mem[at + 1];
    take(c, d, k, &avail, !nl);
    m->mem[at + 1] = avail;
    *line = io_new_string(m, copy, (size_t)len);
    free(copy);
    if (!nl) {
        *none = k == 0;
        *err = io_sentinel(m, IOS_EOF);
    }
    return IO_DONE;
}

/* Write what the Writer at `at` holds: whole 4 KiB blocks, or all. */
static Value flush(IoCall *c, int64_t at, bool all)
{
    Machine *m = c->m;
    uint32_t n = 0;
    const char *s = machine_string(m, m->mem[at + 1], &n);
    uint32_t k = all ? n : n / BUFIO_SIZE * BUFIO_SIZE;
    if (!k) return value_nil();
    uint8_t *b = xmalloc(k);
    memcpy(b, s, k);
    m->mem[at + 1] = io_new_string(m, s + k, n - k);
    IoFdKind kind;
    int64_t d = io_target(m, m->mem[at], &kind);
    int64_t wrote = 0;
    Value err = os_write_fd(c, d, b, k, &wrote);
    free(b);
    return err;
}

IoResult bufio_exec(IoCall *c, int fn, const Value *a, int n)
{
    Machine *m = c->m;
    (void)n;
    switch (fn) {
    case IO_BUFIO_NEWREADER: case IO_BUFIO_NEWSCANNER: case IO_BUFIO_NEWWRITER: {
        IoFdKind kind;
        if (io_target(m, a[0], &kind) < 0) {
            char msg[200];
            const char *tn = value_is_iface(a[0]) ? m->prog->types[a[0].aux - 1].goname : "nil";
            snprintf(msg, sizeof msg, "interleave does not support bufio over a %s (only *os.File and net.Conn)", tn);
            machine_fail(m, M_PANIC, c->g->id, false, msg);
            return IO_DONE;
        }
        if (fn == IO_BUFIO_NEWREADER) io_push(c, new_object(m, 2, IORT_BUFREADER, a[0]));
        else if (fn == IO_BUFIO_NEWSCANNER) io_push(c, new_object(m, 5, IORT_SCANNER, a[0]));
        else {
            Value w = new_object(m, 2, IORT_BUFWRITER, a[0]);
            m->mem[w.i + 1] = io_new_string(m, "", 0);
            io_push(c, w);
        }
        return IO_DONE;
    }
    case IO_BR_READSTRING: {
        int64_t at = object(c, a[0], 2);
        if (at < 0) return IO_DONE;
        Value line, err;
        bool none;
        if (next_line(c, at, (int)(a[1].i & 0xff), true, &line, &err, &none) == IO_AGAIN) return IO_AGAIN;
        io_push(c, line);
        io_push(c, err);
        return IO_DONE;
    }
    case IO_BS_SCAN: {
        int64_t at = object(c, a[0], 5);
        if (at < 0) return IO_DONE;
        if (m->mem[at + 3].i) { io_push(c, value_bool(false)); return IO_DONE; }
        Value line, err;
        bool none;
        if (next_line(c, at, '\n', false, &line, &err, &none) == IO_AGAIN) return IO_AGAIN;
        m->mem[at + 2] = line;
        if (none) {
            bool eof = err.kind == V_PTR && m->io && err.i == m->io->sentinel[IOS_EOF];
            m->mem[at + 3] = value_bool(true);
            m->mem[at + 4] = eof ? value_nil() : err;   /* Err() is nil at EOF */
        }
        io_push(c, value_bool(!none));
        return IO_DONE;
    }
    case IO_BS_TEXT: case IO_BS_ERR: {
        int64_t at = object(c, a[0], 5);
        if (at < 0) return IO_DONE;
        Value v = m->mem[at + (fn == IO_BS_TEXT ? 2 : 4)];
        if (fn == IO_BS_TEXT && v.kind != V_STR) v = io_new_string(m, "", 0);
        if (fn == IO_BS_ERR && v.kind == V_INT) v = value_nil();
        io_push(c, v);
        return IO_DONE;
    }
    case IO_BW_WRITESTRING: case IO_BW_WRITE: {
        int64_t at = object(c, a[0], 2);
        if (at < 0) return IO_DONE;
        Value text = a[1];
        if (fn == IO_BW_WRITE) {
            int64_t k;
            uint8_t *b = io_bytes_of(m, a[1], &k);
            text = io_new_string(m, (const char *)b, (size_t)k);
            free(b);
        }
        uint32_t k = 0;
        machine_string(m, text, &k);
        m->mem[at + 1] = value_make(V_STR, 0, machine_concat(m, m->mem[at + 1], text));
        Value err = flush(c, at, false);
        io_push(c, value_int(k));
        io_push(c, err);
        return IO_DONE;
    }
    case IO_BR_READ: {                 /* what the source has, as a direct Read would get it */
        int64_t at = object(c, a[0], 2);
        if (at < 0) return IO_DONE;
        IoFdKind kind;
        int64_t d = io_target(m, m->mem[at], &kind);
        int64_t max = slice_len(a[1]), got = 0;
        Value err = value_nil();
        if (max > 0) {
            uint8_t *buf = xmalloc((size_t)max);
            IoResult r = os_read_fd(c, d, buf, max, &got, &err);
            if (r == IO_AGAIN) { free(buf); return IO_AGAIN; }
            io_bytes_into(m, a[1], buf, got);
            free(buf);
        }
        io_push(c, value_int(got));
        io_push(c, err);
        return IO_DONE;
    }
    case IO_BW_FLUSH: {
        int64_t at = object(c, a[0], 2);
        if (at < 0) return IO_DONE;
        io_push(c, flush(c, at, true));
        return IO_DONE;
    }
    }
    return IO_DONE;
}

bool bufio_fprint(IoCall *c, Value w, const char *s, size_t n)
{
    Machine *m = c->m;
    if (!value_is_iface(w) || (int)w.aux - 1 != m->prog->rt_io[IORT_BUFWRITER] || w.kind != V_PTR) return false;
    int64_t at = object(c, vm_unbox(m, w), 2);
    if (at < 0) return true;
    Value text = io_new_string(m, s, n);
    m->mem[at + 1] = value_make(V_STR, 0, machine_concat(m, m->mem[at + 1], text));
    Value err = flush(c, at, false);
    io_push(c, value_int((int64_t)n));
    io_push(c, err);
    return true;
}
