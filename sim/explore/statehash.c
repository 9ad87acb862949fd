/* statehash.c — the digest of a machine's program-visible state (see
 * statehash.h for what is in it and what is not, and why).
 *
 * The state is written into one reused byte buffer, field by field, each
 * list with its length first (so two lists cannot run into each other), and
 * the buffer is hashed once with XXH3: one call over contiguous bytes is
 * several times faster than feeding a streaming state hundreds of small
 * pieces.  A 64-bit digest of a few million states collides with
 * probability about n²/2⁶⁵ (1e-6 at 6 million): the explorer accepts that
 * risk, as SPIN's hash-compact mode does.
 */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "statehash.h"
#include "util.h"

void statehash_init(StateHasher *h)
{
    h->buf = NULL;
    h->len = h->cap = 0;
}

void statehash_fini(StateHasher *h)
{
    free(h->buf);
    statehash_init(h);
}

static void put(StateHasher *h, const void *p, size_t n)
{
    if (!n) return;
    if (h->len + n > h->cap) {
        size_t cap = h->cap ? h->cap : 4096;
        while (cap < h->len + n) cap *= 2;
        h->buf = xrealloc(h->buf, cap);
        h->cap = cap;
    }
    memcpy(h->buf + h->len, p, n);
    h->len += n;
}

static void put_i64(StateHasher *h, int64_t v) { put(h, &v, sizeof v); }

/* A value; a string by its text, since strings made at run time are
 * numbered in the order they were made, which differs between orders of
 * the same steps. */
static void put_value(StateHasher *h, const Machine *m, Value v)
{
    if (v.kind == V_STR) {
        uint32_t len = 0;
        const char *s = machine_string(m, v, &len);
        uint32_t head[3] = {v.kind, v.aux, len};
        put(h, head, sizeof head);
        put(h, s, len);
        return;
    }
    put(h, &v, sizeof v);   /* 16 bytes, no padding (value.h) */
}

static void put_values(StateHasher *h, const Machine *m, const Value *v, int64_t n)
{
    put_i64(h, n);
    bool strs = false;
    for (int64_t i = 0; i < n && !strs; i++) strs = v[i].kind == V_STR;
    if (!strs) {
        put(h, v, (size_t)n * sizeof *v);
        return;
    }
    for (int64_t i = 0; i < n; i++) put_value(h, m, v[i]);
}

static void put_ids(StateHasher *h, const int *ids, int n)
{
    put_i64(h, n);
    put(h, ids, (size_t)n * sizeof *ids);
}

static void put_mutex(StateHasher *h, const Mutex *mu)
{
    int64_t f[4] = {mu->owner, mu->woken, mu->starving, mu->counted};
    put(h, f, sizeof f);
    put_ids(h, mu->waiters, mu->nwaiters);
}

static void put_waitq(StateHasher *h, const Machine *m, const WaitQ *q)
{
    put_i64(h, q->n);
    for (int i = 0; i < q->n; i++) {
        int64_t f[3] = {q->q[i].g, q->q[i].sel, q->q[i].want_ok};
        put(h, f, sizeof f);
        put_value(h, m, q->q[i].elem);
    }
}

/* Running and runnable are the same to the program: both can take the next
 * step, and which of them holds a thread is the scheduler's choice. */
static int64_t visible_state(GState s) { return s == G_RUNNING ? G_RUNNABLE : s; }

static void put_goroutine(StateHasher *h, const Machine *m, const Goroutine *g)
{
    if (g->state == G_DONE) {               /* what it left on its stack is gone */
        put_i64(h, G_DONE);
        return;
    }
    /* a sleeper by its place in the wake-up order, not by its wake time */
    int64_t rank = 0;
    if (g->state == G_SLEEPING)
        for (int i = 0; i < m->ngs; i++) {
            const Goroutine *o = &m->gs[i];
            rank += o->state == G_SLEEPING &&
                    (o->wake_time < g->wake_time || (o->wake_time == g->wake_time && o->id < g->id));
        }
    int64_t f[14] = {visible_state(g->state), g->wait, g->wait_addr, rank, g->nframes, g->ndefers,
                     g->unwinding, g->npanics, g->panic_pc, g->lock_since != 0, g->lock_flags,
                     g->lock_iter, g->closed_wake, g->nfmt};
    put(h, f, sizeof f);
    for (int i = 0; i < g->nframes; i++) {
        const Frame *fr = &g->frames[i];
        int64_t ff[6] = {fr->proto, fr->pc, fr->base, fr->ndefers_at_entry, fr->deferred, fr->defer_owner};
        put(h, ff, sizeof ff);
    }
    put_values(h, m, g->stack, g->sp);
    for (int i = 0; i < g->ndefers; i++) {
        const Defer *d = &g->defers[i];
        int64_t fd[4] = {d->frame_depth, d->op, d->nargs, d->args_at};
        put(h, fd, sizeof fd);
    }
    put_values(h, m, g->defer_vals, g->ndefer_vals);
    for (int i = 0; i < g->npanics && i < 8; i++) {
        put_value(h, m, g->panicv[i]);
        put(h, &g->panic_recovered[i], 1);
    }
    if (g->nfmt) {
        put_i64(h, g->fmt_frame);
        for (int i = 0; i < g->nfmt && i < 16; i++) {
            int64_t fa[2] = {g->fmt_addr[i], g->fmt_type[i]};
            put(h, fa, sizeof fa);
            put_value(h, m, g->fmt_val[i]);
        }
    }
}

static void put_sync(StateHasher *h, const SyncObj *s)
{
    put_i64(h, s->kind);
    switch (s->kind) {
    case SYNC_MUTEX:
        put_mutex(h, &s->u.mu);
        break;
    case SYNC_WAITGROUP:
        put_i64(h, s->u.wg.counter);
        put_ids(h, s->u.wg.waiters, s->u.wg.nwaiters);
        break;
    case SYNC_RWMUTEX: {
        int64_t f[3] = {s->u.rw.readers, s->u.rw.writer, s->u.rw.writer_waiting};
        put(h, f, sizeof f);
        put_ids(h, s->u.rw.rwaiters, s->u.rw.nrwaiters);
        put_mutex(h, &s->u.rw.w);
        break;
    }
    case SYNC_ONCE: {
        int64_t f[2] = {s->u.once.done, s->u.once.running};
        put(h, f, sizeof f);
        put_ids(h, s->u.once.waiters, s->u.once.nwaiters);
        break;
    }
    case SYNC_COND:
        put_ids(h, s->u.cond.waiters, s->u.cond.nwaiters);
        break;
    }
}

static void put_chan(StateHasher *h, const Machine *m, const Chan *c)
{
    int64_t f[3] = {c->cap, c->len, c->closed};
    put(h, f, sizeof f);
    for (int64_t k = 0; k < c->len; k++) put_value(h, m, c->buf[(c->head + k) % (c->cap ? c->cap : 1)]);
    put_waitq(h, m, &c->recvq);
    put_waitq(h, m, &c->sendq);
}

/* Channel timers (time.After, tickers): which are pending, in no order (the
 * heap's array order depends on when they were set). */
static uint64_t timers_digest(const Machine *m)
{
    uint64_t sum = 0;
    for (int i = 0; i < m->ntimers; i++) {
        const Timer *t = &m->timers[i];
        if (t->g) continue;                     /* a sleeper: its goroutine's rank */
        int64_t f[3] = {t->chan, t->period, t->id};
        sum += XXH3_64bits(f, sizeof f);
    }
    return sum;
}

bool statehash_machine(StateHasher *h, const Machine *m, uint64_t *out)
{
    h->len = 0;
    int64_t head[6] = {m->status, m->exit_code, m->ngs, m->nsyncs, m->nchans, m->gomaxprocs};
    put(h, head, sizeof head);
    put_values(h, m, m->mem, m->nmem);
    /* At the end the goroutines are gone with the process: what is left is
     * the memory, the output and, on stderr, Go's traceback of where each
     * one was. */
    for (int i = 0; i < m->ngs && m->status == M_RUNNING; i++) put_goroutine(h, m, &m->gs[i]);
    for (int i = 0; i < m->nsyncs; i++) put_sync(h, &m->syncs[i]);
    for (int i = 0; i < m->nchans; i++) put_chan(h, m, &m->chans[i]);
    put_i64(h, (int64_t)timers_digest(m));
    put_i64(h, m->stdout_len);
    put(h, m->stdout_buf, m->stdout_len);
    put_i64(h, m->stderr_len);
    put(h, m->stderr_buf, m->stderr_len);
    *out = XXH3_64bits(h->buf, h->len);
    return m->io == NULL;
}
