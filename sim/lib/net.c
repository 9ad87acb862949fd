/* net.c — the simulated network: loopback TCP for package net.
 *
 * One host, 127.0.0.1, and TCP: net.Listen, net.Dial, Accept, Read, Write,
 * Close, the addresses, with Go 1.19's errors.  A connection is two
 * descriptors (IoFd, io.h), one per end, each with the bytes sent to it:
 *
 *   Write   copies the bytes to the peer's buffer as a segment in flight,
 *           readable one loopback latency later (io_costs.c): netpoll_at
 *           schedules the delivery, net_deliver makes them readable and
 *           wakes the goroutines parked reading that end.  A Write is a
 *           short system call and never waits: buffers are unbounded (no
 *           flow control, no window).
 *   Read    takes what is readable (up to len(b)) in a short system call;
 *           with nothing readable it parks on the poller (netpoll_wait:
 *           the goroutine holds no thread) and the instruction runs again
 *           when data, the peer's Close (io.EOF once drained) or its own
 *           Close arrives.
 *   Dial    finds the listener (none: "connect: connection refused" at
 *           once, as loopback answers a SYN to a closed port with RST),
 *           makes both ends and parks for the handshake; when it is over
 *           the server's end joins the listener's queue and Accept, parked
 *           or not, takes it.
 *   Close   sends FIN (the peer reads io.EOF after the bytes before it);
 *           a Read or Write of a closed end is "use of closed network
 *           connection" (net.ErrClosed).  The peer's first Write after
 *           the FIN still succeeds (its bytes are dropped), the next one
 *           fails with "write: broken pipe", as Linux's RST makes it.
 *
 * Addresses: a listener on ":8080", "0.0.0.0:8080" or "[::]:8080" listens
 * on every address and calls itself "[::]:8080"; one on "127.0.0.1:8080"
 * or "localhost:8080" only on the loopback.  Every connection is between
 * 127.0.0.1 ports; a Dial's own port is the next ephemeral one (Linux
 * draws them at random from 32768 up; these go in order).  Any other host
 * is unreachable or unknown, and other networks (udp, unix) are not
 * simulated.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "util.h"

/* Delivery tokens (netpoll_at): a descriptor and what arrives for it. */
#define TOKEN_DATA(d) ((int64_t)(d) * 4 + 1)
#define TOKEN_CONNECT(d) ((int64_t)(d) * 4 + 2)

static const char REFUSED[] = "connect: connection refused";
static const char BROKEN_PIPE[] = "write: broken pipe";

/* ---- addresses ------------------------------------------------------------------------- */

typedef struct Addr {
    char text[128];             /* as given, for messages                       */
    char host[128];
    int port;                   /* -1 when the port part is "0"'s ephemeral: 0  */
} Addr;

/* Split "host:port" as net.SplitHostPort and read the port; *err gets
 * Go's "address X: ..." text. */
static bool parse(const char *s, size_t n, Addr *a, char *err, size_t errn)
{
    snprintf(a->text, sizeof a->text, "%.*s", (int)n, s);
    const char *colon = NULL;
    for (size_t i = 0; i < n; i++) if (s[i] == ':') colon = s + i;
    if (!colon) {
        snprintf(err, errn, "address %s: missing port in address", a->text);
        return false;
    }
    size_t hl = (size_t)(colon - s);
    const char *h = s;
    if (hl >= 2 && h[0] == '[' && h[hl - 1] == ']') { h++; hl -= 2; }
    snprintf(a->host, sizeof a->host, "%.*s", (int)hl, h);
    const char *p = colon + 1;
    size_t pl = n - (size_t)(p - s);
    long port = 0;
    bool ok = pl > 0 && pl <= 5;
    for (size_t i = 0; ok && i < pl; i++) {
        ok = p[i] >= '0' && p[i] <= '9';
        port = port * 10 + (p[i] - '0');
    }
    if (!ok && pl == 4 && !memcmp(p, "http", 4)) { ok = true; port = 80; }   /* the one service name programs use */
    if (!ok || port > 65535) {
        snprintf(err, errn, "address %.*s: invalid port", (int)pl, p);
        return false;
    }
    a->port = (int)port;
    return true;
}

static bool host_any(const char *h)
{
    return !h[0] || !strcmp(h, "0.0.0.0") || !strcmp(h, "::");
}

static bool host_loopback(const char *h)
{
    return !strcmp(h, "127.0.0.1") || !strcmp(h, "localhost");
}

static bool host_numeric(const char *h)
{
    for (; *h; h++) if (!strchr("0123456789.:abcdefABCDEF", *h)) return false;
    return true;
}

static void loopback_text(int port, char *buf, size_t n)
{
    snprintf(buf, n, "127.0.0.1:%d", port);
}

/* A *net.TCPAddr value: one slot holding its text (String() is slot 0). */
static Value tcp_addr(Machine *m, const char *text)
{
    int64_t at = machine_alloc(m, 1, -1, -1);
    m->mem[at] = io_new_string(m, text, strlen(text));
    return value_make(V_PTR, (uint32_t)m->prog->rt_io[IORT_TCPADDR] + 1, at);
}

static void listener_text(const IoFd *l, char *buf, size_t n)
{
    if (l->any) snprintf(buf, n, "[::]:%d", l->port);
    else loopback_text(l->port, buf, n);
}

/* The live listener on a port, 0 none. */
static int listener_on(Machine *m, int port)
{
    for (int i = 0; m->io && i < m->io->nfds; i++) {
        const IoFd *f = &m->io->fds[i];
        if (f->kind == IOFD_LISTENER && !f->closed && f->port == port) return IO_FIRST_FD + i;
    }
    return 0;
}

static bool port_used(Machine *m, int port)
{
    for (int i = 0; m->io && i < m->io->nfds; i++) {
        const IoFd *f = &m->io->fds[i];
        if (!f->closed && (f->kind == IOFD_LISTENER ? f->port : f->kind == IOFD_CONN && !f->listener ? f->lport : 0) == port)
            return true;
    }
    return false;
}

static int ephemeral(Machine *m)
{
    IoState *s = io_state(m);
    for (int tries = 0; tries < 65536; tries++) {
        int p = s->next_port++;
        if (s->next_port > 60999) s->next_port = 32768;   /* ip_local_port_range's end */
        if (!port_used(m, p)) return p;
    }
    return 0;
}

/* ---- connections ---------------------------------------------------------------------- */

static void compact(IoFd *f)
{
    if (f->head == 0) return;
    memmove(f->buf, f->buf + f->head, (size_t)(f->len - f->head));
    for (int i = 0; i < f->nsegs; i++) f->segs[i].end -= f->head;
    f->ready -= f->head;
    f->len -= f->head;
    f->head = 0;
}

/* Bytes (or a FIN) for descriptor d, readable one latency from now. */
static void send_to(Machine *m, int d, const uint8_t *b, int64_t n, bool fin)
{
    IoFd *f = io_fd(m, d);
    if (!f || f->closed) return;                /* nobody reads them: dropped */
    if (f->head > 0 && f->head * 2 >= f->cap) compact(f);
    if (f->len + n > f->cap) {
        int64_t c = f->cap ? f->cap : 256;
        while (c < f->len + n) c *= 2;
        f->buf = xrealloc(f->buf, (size_t)c);
        f->cap = c;
    }
    if (n) memcpy(f->buf + f->len, b, (size_t)n);
    f->len += n;
    int64_t when = m->now + io_cost(IOC_NET_LATENCY, n);
    if (f->nsegs > 0 && f->segs[f->nsegs - 1].when > when) when = f->segs[f->nsegs - 1].when;   /* in order */
    GROW(f->segs, f->segs_cap, f->nsegs + 1);
    IoSeg s = {when, f->len, fin};
    f->segs[f->nsegs++] = s;
    netpoll_at(m, when, TOKEN_DATA(d));
}

static void end_texts(Machine *m, const IoFd *f, char *local, char *remote, size_t n)
{
    (void)m;
    loopback_text(f->lport, local, n);
    loopback_text(f->rport, remote, n);
}

static Value closed_error(Machine *m, const char *op, int64_t d)
{
    IoFd *f = io_fd(m, d);
    char l[64], r[64];
    end_texts(m, f, l, r, sizeof l);
    return io_op_error(m, op, l, r, io_sentinel(m, IOS_NETCLOSED));
}

/* Close one end: its peer gets FIN, its own waiters wake to the error. */
static void close_end(Machine *m, int d)
{
    IoFd *f = io_fd(m, d);
    if (!f || f->closed) return;
    f->closed = true;
    if (!f->wclosed) send_to(m, f->peer, NULL, 0, true);
    netpoll_wake(m, IO_KEY_READ(d));
}

IoResult net_read(IoCall *c, int64_t d, uint8_t *out, int64_t max, int64_t *got, Value *err)
{
    Machine *m = c->m;
    IoFd *f = io_fd(m, d);
    *got = 0;
    *err = value_nil();
    if (f->closed) { *err = closed_error(m, "read", d); return IO_DONE; }
    if (max <= 0) return IO_DONE;
    if (f->head == f->ready && !f->eof) return io_park(c, IO_KEY_READ(d));
    c->cost += io_cost(IOC_NET_READ, 0);
    if (f->head == f->ready) { *err = io_sentinel(m, IOS_EOF); return IO_DONE; }
    int64_t k = f->ready - f->head < max ? f->ready - f->head : max;
    memcpy(out, f->buf + f->head, (size_t)k);
    f->head += k;
    *got = k;
    c->cost += io_cost(IOC_NET_READ, k) - io_cost(IOC_NET_READ, 0);
    return IO_DONE;
}

Value net_write(IoCall *c, int64_t d, const uint8_t *b, int64_t n, int64_t *wrote)
{
    Machine *m = c->m;
    IoFd *f = io_fd(m, d);
    *wrote = 0;
    if (f->closed) return closed_error(m, "write", d);
    c->cost += io_cost(IOC_NET_WRITE, n);
    if (f->wclosed) {                           /* after CloseWrite: EPIPE */
        char l[64], r[64];
        end_texts(m, f, l, r, sizeof l);
        return io_op_error(m, "write", l, r, io_errno(m, BROKEN_PIPE));
    }
    IoFd *p = io_fd(m, f->peer);
    if (p && p->closed && f->eof) {             /* the peer is gone: RST, then EPIPE */
        if (f->rst) {
            char l[64], r[64];
            end_texts(m, f, l, r, sizeof l);
            return io_op_error(m, "write", l, r, io_errno(m, BROKEN_PIPE));
        }
        f->rst = true;
    }
    if (n > 0) send_to(m, f->peer, b, n, false);
    *wrote = n;
    return value_nil();
}

void net_deliver(Machine *m, int64_t token)
{
    int d = (int)(token / 4);
    IoFd *f = io_fd(m, d);
    if (!f) return;
    if (token == TOKEN_CONNECT(d)) {
        f->established = true;
        IoFd *s = io_fd(m, f->peer);
        IoFd *l = s ? io_fd(m, s->listener) : NULL;
        if (l && !l->closed) {
            GROW(l->backlog, l->backlog_cap, l->nbacklog + 1);
            l->backlog[l->nbacklog++] = f->peer;
            netpoll_wake(m, IO_KEY_READ(s->listener));
        } else {
            close_end(m, f->peer);              /* the listener went away: reset (EOF) */
        }
        netpoll_wake(m, IO_KEY_CONNECT(d));
        return;
    }
    int k = 0;
    while (k < f->nsegs && f->segs[k].when <= m->now) {
        f->ready = f->segs[k].end;
        if (f->segs[k].fin) f->eof = true;
        k++;
    }
    if (!k) return;
    memmove(f->segs, f->segs + k, (size_t)(f->nsegs - k) * sizeof *f->segs);
    f->nsegs -= k;
    netpoll_wake(m, IO_KEY_READ(d));
}

/* ---- package net ------------------------------------------------------------------------ */

static Value boxed(Machine *m, int d, IoRtype t)
{
    return vm_box(m, value_int(d), m->prog->rt_io[t]);
}

/* "tcp" and "tcp4" are simulated; other real networks are not; the rest are
 * unknown.  Returns the error text, NULL for tcp. */
static const char *network_error(Machine *m, const char *op, Value net, char *buf, size_t n, const Addr *a)
{
    uint32_t len = 0;
    const char *s = machine_string(m, net, &len);
    if ((len == 3 && !memcmp(s, "tcp", 3)) || (len == 4 && !memcmp(s, "tcp4", 4))) return NULL;
    static const char *const known[] = {"tcp6", "udp", "udp4", "udp6", "ip", "ip4", "ip6", "unix", "unixgram", "unixpacket"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (len == strlen(known[i]) && !memcmp(s, known[i], len)) {
            snprintf(buf, n, "%s %.*s %s: interleave simulates tcp on the loopback only", op, (int)len, s, a->text);
            return buf;
        }
    snprintf(buf, n, "%s %.*s: unknown network %.*s", op, (int)len, s, (int)len, s);
    return buf;
}

static IoResult listen(IoCall *c, const Value *a)
{
    Machine *m = c->m;
    char err[400], etext[300];
    uint32_t n = 0;
    const char *s = machine_string(m, a[1], &n);
    Addr ad;
    c->cost += io_cost(IOC_NET_LISTEN, 0);
    bool ok = parse(s, n, &ad, etext, sizeof etext);
    Value e = value_nil();
    const char *ne = network_error(m, "listen", a[0], err, sizeof err, &ad);
    if (ne) e = io_plain_error(m, ne);
    else if (!ok) e = io_op_error(m, "listen", NULL, "", io_plain_error(m, etext));
    else if (!host_any(ad.host) && !host_loopback(ad.host)) {
        if (host_numeric(ad.host)) {
            e = io_op_error(m, "listen", NULL, ad.text, io_errno(m, "bind: cannot assign requested address"));
        } else {
            snprintf(etext, sizeof etext, "lookup %s: no such host", ad.host);
            e = io_op_error(m, "listen", NULL, "", io_plain_error(m, etext));
        }
    } else if (ad.port && port_used(m, ad.port)) {
        char at[300];
        if (host_any(ad.host) && !strcmp(ad.host, "")) snprintf(at, sizeof at, ":%d", ad.port);
        else if (host_loopback(ad.host)) loopback_text(ad.port, at, sizeof at);
        else snprintf(at, sizeof at, "%s", ad.text);
        e = io_op_error(m, "listen", NULL, at, io_errno(m, "bind: address already in use"));
    }
    if (e.kind != V_NIL) {
        io_push(c, value_nil());
        io_push(c, e);
        return IO_DONE;
    }
    int port = ad.port ? ad.port : ephemeral(m);
    int d = io_fd_new(m, IOFD_LISTENER);
    IoFd *l = io_fd(m, d);
    l->port = port;
    l->any = host_any(ad.host);
    io_push(c, boxed(m, d, IORT_TCPLISTENER));
    io_push(c, value_nil());
    return IO_DONE;
}

static IoResult dial(IoCall *c, const Value *a)
{
    Machine *m = c->m;
    char err[400], etext[300];
    uint32_t n = 0;
    const char *s = machine_string(m, a[1], &n);
    Addr ad;
    c->cost += io_cost(IOC_NET_DIAL, 0);
    bool ok = parse(s, n, &ad, etext, sizeof etext);
    Value e = value_nil();
    const char *ne = network_error(m, "dial", a[0], err, sizeof err, &ad);
    char at[300];
    snprintf(at, sizeof at, "%s", ad.text);
    if (ok && !strcmp(ad.host, "localhost")) loopback_text(ad.port, at, sizeof at);   /* resolved */
    int l = 0;
    if (ne) e = io_plain_error(m, ne);
    else if (!ok) e = io_op_error(m, "dial", NULL, "", io_plain_error(m, etext));
    else if (!host_any(ad.host) && !host_loopback(ad.host)) {
        if (host_numeric(ad.host)) {
            e = io_op_error(m, "dial", NULL, at, io_errno(m, "connect: network is unreachable"));
        } else {
            snprintf(etext, sizeof etext, "lookup %s: no such host", ad.host);
            e = io_op_error(m, "dial", NULL, "", io_plain_error(m, etext));
        }
    } else if (!(l = listener_on(m, ad.port))) {
        e = io_op_error(m, "dial", NULL, at, io_errno(m, REFUSED));
    }
    if (e.kind != V_NIL) {
        io_push(c, value_nil());
        io_push(c, e);
        return IO_DONE;
    }
    int cd = io_fd_new(m, IOFD_CONN), sd = io_fd_new(m, IOFD_CONN);
    IoFd *cl = io_fd(m, cd), *sv = io_fd(m, sd);
    cl->peer = sd;
    sv->peer = cd;
    cl->rport = sv->lport = ad.port;
    cl->lport = sv->rport = ephemeral(m);
    sv->listener = l;
    sv->established = true;
    io_push(c, boxed(m, cd, IORT_TCPCONN));
    io_push(c, value_nil());
    /* connect(2) returns EINPROGRESS; the handshake ends a little later */
    netpoll_at(m, m->now + c->cost + io_cost(IOC_NET_HANDSHAKE, 0), TOKEN_CONNECT(cd));
    if (!c->may_park) return IO_DONE;
    netpoll_wait(m, c->g, c->core, IO_KEY_CONNECT(cd));
    c->cost = 0;                       /* (the poller's wait includes the call) */
    return IO_DONE;
}

static int64_t fd_of(Value v)
{
    return v.kind == V_INT ? v.i : -1;
}

static IoResult listener_method(IoCall *c, int fn, const Value *a)
{
    Machine *m = c->m;
    int64_t d = fd_of(a[0]);
    IoFd *l = io_fd(m, d);
    if (!l || l->kind != IOFD_LISTENER) {
        machine_fail(m, M_PANIC, c->g->id, true, "runtime error: invalid memory address or nil pointer dereference");
        return IO_DONE;
    }
    char at[64];
    listener_text(l, at, sizeof at);
    switch (fn) {
    case IO_L_ACCEPT:
        if (l->closed) {
            io_push(c, value_nil());
            io_push(c, io_op_error(m, "accept", NULL, at, io_sentinel(m, IOS_NETCLOSED)));
            return IO_DONE;
        }
        if (!l->nbacklog) return io_park(c, IO_KEY_READ(d));
        {
            int s = l->backlog[0];
            memmove(l->backlog, l->backlog + 1, (size_t)(l->nbacklog - 1) * sizeof *l->backlog);
            l->nbacklog--;
            c->cost += io_cost(IOC_NET_ACCEPT, 0);
            io_push(c, boxed(m, s, IORT_TCPCONN));
            io_push(c, value_nil());
        }
        return IO_DONE;
    case IO_L_CLOSE:
        c->cost += io_cost(IOC_NET_CLOSE, 0);
        if (l->closed) {
            io_push(c, io_op_error(m, "close", NULL, at, io_sentinel(m, IOS_NETCLOSED)));
            return IO_DONE;
        }
        l->closed = true;
        {
            int nb = l->nbacklog;
            int *queued = l->backlog;
            l->backlog = NULL;
            l->nbacklog = l->backlog_cap = 0;
            for (int i = 0; i < nb; i++) close_end(m, queued[i]);   /* never accepted: reset */
            free(queued);
        }
        netpoll_wake(m, IO_KEY_READ(d));
        io_push(c, value_nil());
        return IO_DONE;
    case IO_L_ADDR:
        io_push(c, tcp_addr(m, at));
        return IO_DONE;
    }
    return IO_DONE;
}

static IoResult conn_method(IoCall *c, int fn, const Value *a)
{
    Machine *m = c->m;
    int64_t d = fd_of(a[0]);
    IoFd *f = io_fd(m, d);
    if (!f || f->kind != IOFD_CONN) {
        machine_fail(m, M_PANIC, c->g->id, true, "runtime error: invalid memory address or nil pointer dereference");
        return IO_DONE;
    }
    switch (fn) {
    case IO_C_READ: {
        int64_t max = slice_len(a[1]), got = 0;
        Value err = value_nil();
        uint8_t *buf = xmalloc((size_t)(max ? max : 1));
        IoResult r = net_read(c, d, buf, max, &got, &err);
        if (r == IO_DONE) {
            io_bytes_into(m, a[1], buf, got);
            io_push(c, value_int(got));
            io_push(c, err);
        }
        free(buf);
        return r;
    }
    case IO_C_WRITE: {
        int64_t n = 0, wrote = 0;
        uint8_t *b = io_bytes_of(m, a[1], &n);
        Value err = net_write(c, d, b, n, &wrote);
        free(b);
        io_push(c, value_int(wrote));
        io_push(c, err);
        return IO_DONE;
    }
    case IO_C_CLOSE:
        c->cost += io_cost(IOC_NET_CLOSE, 0);
        if (f->closed) {
            io_push(c, closed_error(m, "close", d));
            return IO_DONE;
        }
        close_end(m, (int)d);
        io_push(c, value_nil());
        return IO_DONE;
    case IO_C_CLOSEWRITE:              /* shutdown(SHUT_WR): the peer reads EOF, this end still reads */
        c->cost += io_cost(IOC_NET_CLOSE, 0);
        if (f->closed) {
            io_push(c, closed_error(m, "close", d));
            return IO_DONE;
        }
        if (!f->wclosed) {
            f->wclosed = true;
            send_to(m, f->peer, NULL, 0, true);
        }
        io_push(c, value_nil());
        return IO_DONE;
    case IO_C_LOCALADDR: case IO_C_REMOTEADDR: {
        char t[64];
        loopback_text(fn == IO_C_LOCALADDR ? f->lport : f->rport, t, sizeof t);
        io_push(c, tcp_addr(m, t));
        return IO_DONE;
    }
    }
    return IO_DONE;
}

IoResult net_exec(IoCall *c, int fn, const Value *a, int n)
{
    (void)n;
    switch (fn) {
    case IO_NET_LISTEN: return listen(c, a);
    case IO_NET_DIAL: return dial(c, a);
    case IO_L_ACCEPT: case IO_L_CLOSE: case IO_L_ADDR: return listener_method(c, fn, a);
    case IO_A_STRING: case IO_A_NETWORK: {
        Machine *m = c->m;
        Value p = a[0];
        if (p.kind != V_PTR || (uint64_t)p.i >= (uint64_t)m->nmem) {
            machine_fail(m, M_PANIC, c->g->id, true, "runtime error: invalid memory address or nil pointer dereference");
            return IO_DONE;
        }
        io_push(c, fn == IO_A_STRING ? m->mem[p.i] : io_new_string(m, "tcp", 3));
        return IO_DONE;
    }
    default: return conn_method(c, fn, a);
    }
}
