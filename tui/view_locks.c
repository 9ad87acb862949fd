/* view_locks.c — sync objects and channels.
 *
 *   ─ Locks & channels ─────────────────────────────────────────────────
 *      object    state          waiters (next first)
 *    ↻ a.mu      held by G2     G3
 *    ↻ b.mu      held by G3     G2
 *      wg        counter 2      G1
 *      rw        2 readers      w:G4 r:G5
 *      results   2/3 buffered   [1 4] send:G6 G7
 *      done      closed
 *
 * A mutex shows its owner and its waiters in FIFO order (the order Go hands
 * the lock over in, barring starvation mode); a WaitGroup its counter and who
 * waits for zero; an RWMutex its readers or writer, the writers (w:) and
 * readers (r:) queued; a Once whether f ran; a Cond who waits for a Signal.
 * A channel shows how full its buffer is (len/cap) and what is in it, oldest
 * first, or that it is unbuffered,
 * whether it is closed, and the goroutines blocked receiving (recv:) and
 * sending (send:), each queue in FIFO order — a select waits in several.
 * Objects on a wait-for cycle are marked like the goroutines.  Sync objects
 * are created on first use, as in Go, so the table fills as the program runs;
 * channels when make runs.
 */
#include <stdio.h>
#include <string.h>

#include "views.h"

int view_locks_count(const Machine *m)
{
    return m->nsyncs + m->nchans;
}

/* "G3 G4 G5" in the goroutines' colours, after an optional label ("recv:");
 * returns columns used. */
static int draw_ids(const Pane *p, int row, int col, const char *label, const int *ids, int n)
{
    int x = col;
    if (label && n) {
        if (x + (int)strlen(label) + 3 > p->w) return 0;
        x += pane_put(p, row, x, theme_attr(ROLE_DIM), label);
    }
    for (int i = 0; i < n; i++) {
        char lab[16];
        snprintf(lab, sizeof lab, "G%d", ids[i]);
        int w = text_width(lab);
        if (x + w + (i + 1 < n ? 2 : 0) > p->w) {
            pane_put(p, row, x, theme_attr(ROLE_DIM), theme_glyph(GLYPH_ELLIPSIS));
            return p->w - col;
        }
        x += pane_put(p, row, x, theme_g_text(ids[i]), lab) + 1;
    }
    return x - col;
}

/* "held by G3"-style state: text then a goroutine in its colour. */
/* Returns the column after what it drew. */
static int state_g(const Pane *p, int row, int x, Role role, const char *text, int g)
{
    x += pane_put(p, row, x, theme_attr(role), text);
    if (g) {
        char lab[16];
        snprintf(lab, sizeof lab, "G%d", g);
        x += pane_put(p, row, x, theme_g_text(g), lab);
    }
    return x;
}

typedef struct Cols { int name_x, name_w, state_x, wait_x, stats_x; bool stats; } Cols;

static void sync_row(const Pane *p, const Pane *wp, int row, const ViewCtx *c, const SyncObj *s, const Cols *k)
{
    const Machine *m = c->m;
    switch (s->kind) {
    case SYNC_MUTEX: {
        const Mutex *mu = &s->u.mu;
        int x = mu->owner ? state_g(p, row, k->state_x, ROLE_LOCK_HELD, "held by ", mu->owner)
                          : k->state_x + pane_put(p, row, k->state_x, theme_attr(ROLE_LOCK_FREE), "free");
        /* Go's modes: starving hands it over in queue order */
        if (mu->starving) pane_put(p, row, x, theme_attr(ROLE_LOCK_HELD), " starving");
        if (mu->nwaiters) draw_ids(wp, row, k->wait_x, NULL, mu->waiters, mu->nwaiters);
        if (k->stats)
            pane_printf(p, row, k->stats_x, theme_attr(ROLE_DIM), "%llu/%llu",
                        (unsigned long long)mu->acquisitions, (unsigned long long)mu->contentions);
        break;
    }
    case SYNC_WAITGROUP: {
        const WaitGroup *wg = &s->u.wg;
        pane_printf(p, row, k->state_x, theme_attr(wg->counter ? ROLE_LOCK_HELD : ROLE_LOCK_FREE),
                    "counter %lld", (long long)wg->counter);
        if (wg->nwaiters) draw_ids(wp, row, k->wait_x, NULL, wg->waiters, wg->nwaiters);
        break;
    }
    case SYNC_RWMUTEX: {
        const RWMutex *rw = &s->u.rw;
        if (rw->writer && !rw->writer_waiting)
            state_g(p, row, k->state_x, ROLE_LOCK_HELD, "written by ", rw->writer);
        else if (rw->readers)
            pane_printf(p, row, k->state_x, theme_attr(ROLE_LOCK_HELD), "%d reader%s", rw->readers,
                        rw->readers == 1 ? "" : "s");
        else
            pane_put(p, row, k->state_x, theme_attr(ROLE_LOCK_FREE), "free");
        int x = k->wait_x;
        if (rw->writer_waiting) x += draw_ids(wp, row, x, "w:", &rw->writer, 1) + 1;
        if (rw->w.nwaiters) x += draw_ids(wp, row, x, rw->writer_waiting ? NULL : "w:", rw->w.waiters, rw->w.nwaiters) + 1;
        if (rw->nrwaiters) draw_ids(wp, row, x, "r:", rw->rwaiters, rw->nrwaiters);
        break;
    }
    case SYNC_ONCE: {
        const Once *o = &s->u.once;
        if (o->done) pane_put(p, row, k->state_x, theme_attr(ROLE_LOCK_FREE), "done");
        else if (o->running) state_g(p, row, k->state_x, ROLE_LOCK_HELD, "f runs in ", o->running);
        else pane_put(p, row, k->state_x, theme_attr(ROLE_LOCK_FREE), "not run");
        if (o->nwaiters) draw_ids(wp, row, k->wait_x, NULL, o->waiters, o->nwaiters);
        break;
    }
    case SYNC_COND: {
        const Cond *cd = &s->u.cond;
        pane_printf(p, row, k->state_x, theme_attr(cd->nwaiters ? ROLE_LOCK_HELD : ROLE_LOCK_FREE),
                    "%d waiting", cd->nwaiters);
        if (cd->nwaiters) draw_ids(wp, row, k->wait_x, NULL, cd->waiters, cd->nwaiters);
        break;
    }
    }
    (void)m;
}

static void chan_row(const Pane *p, const Pane *wp, int row, const Machine *m, const Chan *ch, const Cols *k)
{
    char st[32];
    if (ch->cap) snprintf(st, sizeof st, "%lld/%lld buffered", (long long)ch->len, (long long)ch->cap);
    else snprintf(st, sizeof st, "unbuffered");
    Role r = ch->closed ? ROLE_DIM : ch->recvq.n || ch->sendq.n || ch->len ? ROLE_LOCK_HELD : ROLE_LOCK_FREE;
    int x = k->state_x + pane_put(p, row, k->state_x, theme_attr(r), ch->closed ? "closed" : st);
    if (ch->closed && ch->len) pane_printf(p, row, x, theme_attr(ROLE_DIM), " %lld left", (long long)ch->len);
    int ids[64], n;
    x = k->wait_x;
    if (ch->len) {                      /* the buffer's contents, oldest first */
        char vals[96], v[32];
        size_t vl = 0;
        vals[vl++] = '[';
        for (int64_t i = 0; i < ch->len && vl + 8 < sizeof vals; i++) {
            machine_value_text(m, ch->buf[(ch->head + i) % ch->cap], v, sizeof v);
            vl += (size_t)snprintf(vals + vl, sizeof vals - vl, "%s%s", i ? " " : "", v);
        }
        if (vl > sizeof vals - 2) vl = sizeof vals - 2;
        vals[vl++] = ']';
        vals[vl] = '\0';
        int room = wp->w - x - 1;
        if (room > 3) x += pane_put_trunc(p, row, x, room, theme_attr(ROLE_DIM), vals) + 1;
    }
    n = 0;
    for (int i = 0; i < ch->recvq.n && n < 64; i++) ids[n++] = ch->recvq.q[i].g;
    if (n) x += draw_ids(wp, row, x, "recv:", ids, n) + 1;
    n = 0;
    for (int i = 0; i < ch->sendq.n && n < 64; i++) ids[n++] = ch->sendq.q[i].g;
    if (n) draw_ids(wp, row, x, "send:", ids, n);
    if (k->stats)
        pane_printf(p, row, k->stats_x, theme_attr(ROLE_DIM), "%llu/%llu",
                    (unsigned long long)ch->sends, (unsigned long long)ch->recvs);
}

static int64_t sync_addr(const SyncObj *s)
{
    switch (s->kind) {
    case SYNC_MUTEX: return s->u.mu.addr;
    case SYNC_WAITGROUP: return s->u.wg.addr;
    case SYNC_RWMUTEX: return s->u.rw.addr;
    case SYNC_ONCE: return s->u.once.addr;
    case SYNC_COND: return s->u.cond.addr;
    }
    return 0;
}

void view_locks_draw(const Pane *p, const ViewCtx *c)
{
    const Machine *m = c->m;
    int nmu = 0, held = 0;
    for (int i = 0; i < m->nsyncs; i++)
        if (m->syncs[i].kind == SYNC_MUTEX) {
            nmu++;
            if (m->syncs[i].u.mu.owner) held++;
        }
    char right[64] = "";
    if (nmu && m->nchans)
        snprintf(right, sizeof right, "%d held %s %d free %s %d chan%s", held, theme_glyph(GLYPH_DOT), nmu - held,
                 theme_glyph(GLYPH_DOT), m->nchans, m->nchans == 1 ? "" : "s");
    else if (nmu)
        snprintf(right, sizeof right, "%d held %s %d free", held, theme_glyph(GLYPH_DOT), nmu - held);
    else if (m->nchans)
        snprintf(right, sizeof right, "%d channel%s", m->nchans, m->nchans == 1 ? "" : "s");
    pane_rule(p, 0, m->nchans ? "Locks & channels" : "Locks", right);
    if (p->h < 2) return;
    int total = m->nsyncs + m->nchans;
    if (total == 0) {
        pane_put(p, 1, 2, theme_attr(ROLE_DIM), "no sync object or channel used yet");
        return;
    }
    Cols k;
    k.name_x = 2;
    k.name_w = 12;
    k.state_x = k.name_x + k.name_w + 1;
    k.wait_x = k.state_x + 15;
    k.stats = p->w >= 64;
    k.stats_x = p->w - 14;
    attr_t h = theme_attr(ROLE_HEADER);
    pane_put(p, 1, k.name_x, h, "object");
    pane_put(p, 1, k.state_x, h, "state");
    pane_put(p, 1, k.wait_x, h, p->w - k.wait_x >= 20 + (k.stats ? 15 : 0) ? "waiters (next first)" : "waiters");
    if (k.stats) pane_put(p, 1, k.stats_x, h, m->nchans && !m->nsyncs ? "sends/recvs" : "locks/waits");

    int row = 2;
    for (int i = 0; i < total && row < p->h; i++, row++) {
        if (row == p->h - 1 && i < total - 1) {
            pane_printf(p, row, k.name_x, theme_attr(ROLE_DIM), "%s %d more not shown",
                        theme_glyph(GLYPH_ELLIPSIS), total - i);
            break;
        }
        char name[64];
        bool cyc;
        int wend = k.stats ? k.stats_x - 1 : p->w;
        Pane wp = pane_make(p->y, p->x, p->h, wend);
        if (i < m->nsyncs) {
            const SyncObj *s = &m->syncs[i];
            int64_t addr = sync_addr(s);
            cyc = view_addr_in_cycle(c, addr);
            machine_addr_name(m, addr, name, sizeof name);
            size_t nl = strlen(name);
            if (s->kind == SYNC_COND && nl > 2 && !strcmp(name + nl - 2, ".L")) name[nl - 2] = '\0';
            if (cyc) pane_put(p, row, 0, theme_attr(ROLE_CYCLE), theme_glyph(GLYPH_CYCLE));
            pane_put_trunc(p, row, k.name_x, k.name_w, theme_attr(cyc ? ROLE_CYCLE : ROLE_NORMAL), name);
            sync_row(p, &wp, row, c, s, &k);
        } else {
            const Chan *ch = &m->chans[i - m->nsyncs];
            machine_chan_name(m, ch->id, name, sizeof name);
            pane_put_trunc(p, row, k.name_x, k.name_w, theme_attr(ROLE_NORMAL), name);
            chan_row(p, &wp, row, m, ch, &k);
        }
    }
}
