/* view_goroutines.c — the goroutine table.
 *
 *   ─ Goroutines ────────────────────────────────────── 3 live · 0 done ──
 *      G   state     core line  function    waits for
 *      G1  blocked   -      45  main        wg (counter 2)
 *    ↻ G2  blocked   -      34  main.func1  b.mu (held by G3)
 *    ↻ G3  blocked   -      34  main.func1  a.mu (held by G2)
 *
 * Goroutines in a wait-for cycle, or stuck for ever (nothing that can run
 * can reach what they wait for), carry the cycle glyph and colour.
 * A runnable goroutine says which queue it sits in (Go's runnext, a core's
 * local run queue, the global queue), which is the G-M-P model made visible.
 * When rows run out, finished goroutines go first.
 */
#include <stdio.h>
#include <string.h>

#include "duration.h"
#include "stuck.h"
#include "views.h"

bool view_g_in_cycle(const ViewCtx *c, int g)
{
    if (!c->wg) return false;
    for (int i = 0; i < c->wg->ncycle; i++)
        if (c->wg->edges[c->wg->cycle[i]].from_g == g) return true;
    return false;
}

bool view_g_stuck(const ViewCtx *c, int g)
{
    return view_g_in_cycle(c, g) || stuck_has(c->stuck, g);
}

bool view_addr_in_cycle(const ViewCtx *c, int64_t addr)
{
    if (!c->wg) return false;
    for (int i = 0; i < c->wg->ncycle; i++)
        if (c->wg->edges[c->wg->cycle[i]].addr == addr) return true;
    return false;
}

bool view_progress_possible(const Machine *m)
{
    for (int i = 0; i < m->ngs; i++) {
        GState s = m->gs[i].state;
        if (s == G_RUNNING || s == G_RUNNABLE || s == G_SLEEPING) return true;
    }
    return false;
}

static bool queue_has(const RunQueue *q, int g)
{
    for (int k = 0; k < q->len && q->cap > 0; k++)
        if (q->ids[(q->head + k) % q->cap] == g) return true;
    return false;
}

/* Where a runnable goroutine waits for a core. */
static void runnable_where(const Machine *m, int g, char *buf, size_t n)
{
    for (int c = 0; c < m->ncores; c++) {
        if (m->cores[c].runnext == g) { snprintf(buf, n, "core %d runnext", c); return; }
        if (queue_has(&m->cores[c].local, g)) { snprintf(buf, n, "core %d run queue", c); return; }
    }
    if (queue_has(&m->global, g)) { snprintf(buf, n, "global run queue"); return; }
    snprintf(buf, n, "run queue");
}

static Role state_role(GState s)
{
    switch (s) {
    case G_RUNNING: return ROLE_RUNNING;
    case G_RUNNABLE: return ROLE_RUNNABLE;
    case G_BLOCKED: return ROLE_BLOCKED;
    case G_SLEEPING: case G_SYSCALL: return ROLE_SLEEPING;
    case G_DONE: return ROLE_DONE;
    }
    return ROLE_NORMAL;
}

/* "b.mu (held by G3)", "wg (counter 2)", "sleep until 2s", "core 0 runnext",
 * "chan receive on results", "select on done, values". */
static void waits_text(const Machine *m, const Goroutine *g, char *buf, size_t n)
{
    char name[64], d[32];
    buf[0] = '\0';
    switch (g->state) {
    case G_RUNNABLE:
        runnable_where(m, g->id, buf, n);
        return;
    case G_SLEEPING:
        duration_format(g->wake_time, d, sizeof d);
        snprintf(buf, n, "sleeps until t=%s", d);
        return;
    case G_SYSCALL:
        snprintf(buf, n, "in a system call, with its thread");
        return;
    case G_BLOCKED:
        break;
    default:
        return;
    }
    machine_addr_name(m, g->wait_addr, name, sizeof name);
    if (g->wait == WAIT_MUTEX) {
        const Mutex *mu = machine_mutex_at(m, g->wait_addr);
        if (mu && mu->owner) snprintf(buf, n, "%s (held by G%d)", name, mu->owner);
        else snprintf(buf, n, "%s", name);
    } else if (g->wait == WAIT_WAITGROUP) {
        long long counter = 0;
        for (int i = 0; i < m->nsyncs; i++)
            if (m->syncs[i].kind == SYNC_WAITGROUP && m->syncs[i].u.wg.addr == g->wait_addr)
                counter = (long long)m->syncs[i].u.wg.counter;
        snprintf(buf, n, "%s (counter %lld)", name, counter);
    } else if (g->wait == WAIT_CHAN_RECV || g->wait == WAIT_CHAN_SEND) {
        machine_chan_name(m, g->wait_addr, name, sizeof name);
        snprintf(buf, n, "%s on %s", wait_reason_name(g->wait), name);
    } else if (g->wait == WAIT_SELECT) {
        /* every channel it waits on, in the order the cases name them */
        size_t len = (size_t)snprintf(buf, n, "select");
        const char *sep = " on ";
        for (int i = 0; i < m->nchans && len + 1 < n; i++) {
            const Chan *ch = &m->chans[i];
            bool in = false;
            for (int k = 0; k < ch->recvq.n; k++) in |= ch->recvq.q[k].g == g->id;
            for (int k = 0; k < ch->sendq.n; k++) in |= ch->sendq.q[k].g == g->id;
            if (!in) continue;
            machine_chan_name(m, ch->id, name, sizeof name);
            len += (size_t)snprintf(buf + len, n - len, "%s%s", sep, name);
            sep = ", ";
        }
        if (!g->wait_addr && len + 1 < n) snprintf(buf + len, n - len, " (nil channels: forever)");
    } else if (g->wait == WAIT_RWMUTEX_R || g->wait == WAIT_RWMUTEX_W) {
        const SyncObj *s = machine_sync_at(m, g->wait_addr);
        const RWMutex *rw = s && s->kind == SYNC_RWMUTEX ? &s->u.rw : NULL;
        if (rw && rw->writer && rw->writer != g->id && !rw->writer_waiting)
            snprintf(buf, n, "%s (written by G%d)", name, rw->writer);
        else if (rw && rw->readers)
            snprintf(buf, n, "%s (%d reader%s inside)", name, rw->readers, rw->readers == 1 ? "" : "s");
        else
            snprintf(buf, n, "%s", name);
    } else if (g->wait == WAIT_ONCE) {
        const SyncObj *s = machine_sync_at(m, g->wait_addr);
        if (s && s->kind == SYNC_ONCE && s->u.once.running)
            snprintf(buf, n, "%s (f runs in G%d)", name, s->u.once.running);
        else
            snprintf(buf, n, "%s", name);
    } else if (g->wait == WAIT_COND) {
        size_t nl = strlen(name);
        if (nl > 2 && !strcmp(name + nl - 2, ".L")) name[nl - 2] = '\0';
        snprintf(buf, n, "%s.Wait (a Signal)", name);
    } else {
        snprintf(buf, n, "%s", wait_reason_name(g->wait));
    }
}

typedef struct Cols { int mark, id, state, core, line, func, waits, func_w; bool show_core, show_func; } Cols;

static Cols columns(int w)
{
    Cols k;
    k.show_core = w >= 44;
    k.show_func = w >= 54;
    k.mark = 0;
    k.id = 2;
    k.state = k.id + 4;
    k.core = k.state + 9;
    k.line = k.core + (k.show_core ? 5 : 0);
    k.func = k.line + 5;
    k.func_w = 0;
    if (k.show_func) {
        k.func_w = (w - k.func) / 3;
        if (k.func_w > 16) k.func_w = 16;
        if (k.func_w < 10) k.func_w = 10;     /* "main.func1" */
    }
    k.waits = k.func + (k.show_func ? k.func_w + 1 : 0);
    return k;
}

static void draw_row(const Pane *p, int row, const ViewCtx *c, const Goroutine *g, const Cols *k)
{
    const Machine *m = c->m;
    bool cyc = view_g_stuck(c, g->id);
    bool done = g->state == G_DONE;
    attr_t text = theme_attr(done ? ROLE_DONE : ROLE_NORMAL);
    char buf[128];
    if (cyc) pane_put(p, row, k->mark, theme_attr(ROLE_CYCLE), theme_glyph(GLYPH_CYCLE));
    snprintf(buf, sizeof buf, "G%d", g->id);
    pane_put(p, row, k->id, done ? text : theme_g_text(g->id), buf);
    pane_put(p, row, k->state, theme_attr(state_role(g->state)), state_name(g->state));
    if (k->show_core) {
        if (g->state == G_RUNNING) pane_printf(p, row, k->core, theme_attr(ROLE_RUNNING), "%d", g->core);
        else pane_put(p, row, k->core, theme_attr(ROLE_DIM), "-");
    }
    int line = machine_goroutine_line(m, g);
    if (line > 0) pane_printf(p, row, k->line, text, "%4d", line);
    if (k->show_func && !done)
        pane_put_trunc(p, row, k->func, k->func_w, text, machine_goroutine_func(m, g));
    waits_text(m, g, buf, sizeof buf);
    Role wr = cyc ? ROLE_CYCLE : g->state == G_BLOCKED ? ROLE_BLOCKED : ROLE_DIM;
    pane_put_trunc(p, row, k->waits, p->w - k->waits, theme_attr(wr), buf);
}

void view_goroutines_draw(const Pane *p, const ViewCtx *c)
{
    const Machine *m = c->m;
    int live = 0, done = 0;
    for (int i = 0; i < m->ngs; i++) {
        if (m->gs[i].state == G_DONE) done++;
        else live++;
    }
    char right[48];
    snprintf(right, sizeof right, "%d live %s %d done", live, theme_glyph(GLYPH_DOT), done);
    pane_rule(p, 0, "Goroutines", right);
    if (p->h < 2) return;
    Cols k = columns(p->w);
    attr_t h = theme_attr(ROLE_HEADER);
    pane_put(p, 1, k.id, h, "G");
    pane_put(p, 1, k.state, h, "state");
    if (k.show_core) pane_put(p, 1, k.core, h, "core");
    pane_put(p, 1, k.line, h, "line");
    if (k.show_func) pane_put(p, 1, k.func, h, "function");
    pane_put(p, 1, k.waits, h, "waits for");

    /* When not all fit: every live goroutine, then the most recently
     * created finished ones in the rows left, and a line saying how many
     * are not shown; always in id order. */
    int rows = p->h - 2;
    if (rows <= 0) return;
    int room = m->ngs > rows ? rows - 1 : rows;
    int done_room = room - live > 0 ? room - live : 0;
    int row = 2, shown = 0, done_seen = 0;
    for (int i = 0; i < m->ngs && shown < room; i++) {
        const Goroutine *g = &m->gs[i];
        if (g->state == G_DONE && done - ++done_seen >= done_room) continue;
        draw_row(p, row++, c, g, &k);
        shown++;
    }
    if (shown < m->ngs)
        pane_printf(p, row, k.id, theme_attr(ROLE_DIM), "%s %d more not shown",
                    theme_glyph(GLYPH_ELLIPSIS), m->ngs - shown);
}
