/* stuck.c — blocked goroutines that nothing can wake (see stuck.h). */
#include "stuck.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "reach.h"
#include "u64map.h"
#include "util.h"
#include "waitfor.h"

/* ---- the decision at one moment --------------------------------------- */

static bool can_act(const Goroutine *g)
{
    switch (g->state) {
    case G_RUNNING: case G_RUNNABLE: case G_SLEEPING: case G_SYSCALL: return true;
    case G_BLOCKED: return g->wait == WAIT_IO;     /* the network may answer */
    case G_DONE: return false;
    }
    return false;
}

/* A select waits in the queues of each of its channels. */
static bool select_reachable(const Machine *m, const Reach *r, int g)
{
    for (int c = 0; c < m->nchans; c++) {
        if (!reach_chan(r, c + 1)) continue;
        const Chan *ch = &m->chans[c];
        for (int k = 0; k < ch->recvq.n; k++) if (ch->recvq.q[k].g == g) return true;
        for (int k = 0; k < ch->sendq.n; k++) if (ch->sendq.q[k].g == g) return true;
    }
    return false;
}

/* Could a goroutine that can act reach what blocked g waits for? */
static bool wakeable(const Machine *m, const Reach *r, const Goroutine *g)
{
    switch (g->wait) {
    case WAIT_CHAN_RECV: case WAIT_CHAN_SEND: return reach_chan(r, g->wait_addr);
    case WAIT_SELECT: return select_reachable(m, r, g->id);
    case WAIT_CHAN_RECV_NIL: case WAIT_CHAN_SEND_NIL: case WAIT_SELECT_EMPTY: return false;
    case WAIT_MUTEX: case WAIT_WAITGROUP: case WAIT_RWMUTEX_R: case WAIT_RWMUTEX_W:
    case WAIT_ONCE: case WAIT_COND:
        return reach_addr(r, g->wait_addr);
    default:
        return true;                  /* a wait this analysis does not know */
    }
}

int stuck_decide(const Machine *m, uint8_t *stuck, int64_t *cost)
{
    Reach r;
    reach_init(&r, m);
    reach_globals(&r);
    memset(stuck, 0, (size_t)m->ngs + 1);
    int nblocked = 0;
    for (int i = 0; i < m->ngs; i++) {
        const Goroutine *g = &m->gs[i];
        if (can_act(g)) reach_goroutine(&r, g->id);
        else if (g->state == G_BLOCKED) stuck[g->id] = 1, nblocked++;
    }
    reach_drain(&r);
    /* a blocked goroutine that may be woken may act: mark from it too */
    for (bool changed = nblocked > 0; changed;) {
        changed = false;
        for (int i = 0; i < m->ngs; i++) {
            const Goroutine *g = &m->gs[i];
            if (!stuck[g->id] || !wakeable(m, &r, g)) continue;
            stuck[g->id] = 0;
            nblocked--;
            reach_goroutine(&r, g->id);
            reach_drain(&r);
            changed = true;
        }
    }
    if (cost) *cost = r.scanned + m->ngs + m->nchans;
    reach_fini(&r);
    return nblocked;
}

/* ---- along a run -------------------------------------------------------- */

#define START_REACH 8

typedef struct GInfo {
    uint64_t since;             /* the frame it last blocked                   */
    int done_line;              /* the line it returned at, 0 still running    */
    bool reported;
    int nreach;                 /* blocks its function and arguments reached   */
    int64_t reach_lo[START_REACH], reach_hi[START_REACH];
} GInfo;

struct StuckWatch {
    GInfo *gs; int ngs, gs_cap;
    U64Map done;                /* (WaitGroup address, goroutine) that called Done */
    StuckFinding *found; int nfound, found_cap;
    uint64_t last_check;
    int64_t gap, period;        /* frames between checks, from their cost      */
    bool saw_blocked;           /* the last check found someone blocked        */
};

StuckWatch *stuck_new(void)
{
    StuckWatch *w = xcalloc(1, sizeof *w);
    w->period = 4096;
    return w;
}

void stuck_free(StuckWatch *w)
{
    if (!w) return;
    for (int i = 0; i < w->nfound; i++) free(w->found[i].gs);
    free(w->found);
    free(w->gs);
    u64map_free(&w->done);
    free(w);
}

static GInfo *ginfo(StuckWatch *w, int g)
{
    if (g < 1) return NULL;
    if (g > w->ngs) {
        GROW(w->gs, w->gs_cap, g);
        memset(&w->gs[w->ngs], 0, (size_t)(g - w->ngs) * sizeof *w->gs);
        w->ngs = g;
    }
    return &w->gs[g - 1];
}

static uint64_t done_key(int64_t wg, int g) { return ((uint64_t)wg << 22) ^ (uint64_t)g; }

static void remember_block(GInfo *gi, const Machine *m, int64_t addr)
{
    int64_t b = machine_block_of(m, addr);
    if (b < 0 || gi->nreach == START_REACH) return;
    int64_t lo, hi;
    machine_block_extent(m, b, &lo, &hi);
    for (int k = 0; k < gi->nreach; k++)
        if (gi->reach_lo[k] == lo) return;
    gi->reach_lo[gi->nreach] = lo;
    gi->reach_hi[gi->nreach++] = hi;
}

static int64_t points_to(Value v)
{
    switch (v.kind) {
    case V_PTR: case V_CLOSURE: case V_BOX: return v.i;
    default: return -1;
    }
}

/* What a new goroutine's function and arguments reach, two steps deep: a
 * closure's captured variables, a pointer to a struct and the pointers in it. */
static void remember_start(GInfo *gi, const Machine *m, const Goroutine *g)
{
    for (int i = 0; i < g->sp; i++) {
        int64_t a = points_to(g->stack[i]);
        int64_t b = machine_block_of(m, a);
        if (b < 0) continue;
        remember_block(gi, m, a);
        int64_t lo, hi;
        machine_block_extent(m, b, &lo, &hi);
        for (int64_t s = lo; s < hi && s < lo + 64; s++) {
            int64_t a2 = points_to(m->mem[s]);
            if (a2 >= 0) remember_block(gi, m, a2);
        }
    }
}

static void check(StuckWatch *w, const Machine *m, bool global)
{
    uint8_t *stuck = xmalloc((size_t)m->ngs + 1);
    int64_t cost = 0;
    int n;
    if (global) {                   /* Go's own deadlock: everyone is stuck */
        memset(stuck, 0, (size_t)m->ngs + 1);
        n = 0;
        for (int i = 0; i < m->ngs; i++)
            if (m->gs[i].state == G_BLOCKED) stuck[i + 1] = 1, n++;
    } else {
        n = stuck_decide(m, stuck, &cost);
    }
    w->last_check = m->frame;
    w->gap = cost / 4;
    w->period = cost > 4096 ? cost : 4096;
    w->saw_blocked = false;
    for (int i = 0; i < m->ngs; i++)
        if (m->gs[i].state == G_BLOCKED && m->gs[i].wait != WAIT_IO && !stuck[i + 1]) w->saw_blocked = true;
    bool nobody_acts = true;        /* then it is the whole program's deadlock */
    for (int i = 0; i < m->ngs && nobody_acts; i++)
        if (m->gs[i].state != G_DONE && !stuck[i + 1]) nobody_acts = false;
    bool fresh = false;
    for (int g = 1; g <= m->ngs && !fresh; g++)
        if (stuck[g] && !ginfo(w, g)->reported) fresh = true;
    if (fresh) {
        if (w->nfound == w->found_cap) GROW(w->found, w->found_cap, w->nfound + 1);
        StuckFinding *f = &w->found[w->nfound++];
        f->frame = m->frame;
        f->global = global || nobody_acts;
        f->gs = xcalloc((size_t)n, sizeof *f->gs);
        f->n = 0;
        for (int g = 1; g <= m->ngs; g++) {
            if (!stuck[g]) continue;
            const Goroutine *gr = &m->gs[g - 1];
            ginfo(w, g)->reported = true;
            StuckG *s = &f->gs[f->n++];
            s->g = g;
            s->wait = gr->wait;
            s->addr = gr->wait_addr;
            s->line = machine_goroutine_line(m, gr);
            s->since = ginfo(w, g)->since;
            const SyncObj *o = machine_sync_at(m, gr->wait_addr);
            if (gr->wait == WAIT_MUTEX && o && o->kind == SYNC_MUTEX) s->holder = o->u.mu.owner;
            else if ((gr->wait == WAIT_RWMUTEX_R || gr->wait == WAIT_RWMUTEX_W) && o && o->kind == SYNC_RWMUTEX)
                s->holder = o->u.rw.writer;
            else if (gr->wait == WAIT_ONCE && o && o->kind == SYNC_ONCE) s->holder = o->u.once.running;
        }
    }
    free(stuck);
}

/* The collector freed blocks: what goroutines reached at their start and
 * the Done calls recorded there are of objects that are gone. */
static void forget_freed(StuckWatch *w, const Machine *m)
{
    for (int g = 0; g < w->ngs; g++) {
        GInfo *gi = &w->gs[g];
        int k = 0;
        for (int i = 0; i < gi->nreach; i++)
            if (!machine_was_freed(m, gi->reach_lo[i])) {
                gi->reach_lo[k] = gi->reach_lo[i];
                gi->reach_hi[k++] = gi->reach_hi[i];
            }
        gi->nreach = k;
    }
    size_t it = 0;
    uint64_t key;
    int *slot;
    while ((slot = u64map_next(&w->done, &it, &key)))
        if (machine_was_freed(m, (int64_t)(key >> 22))) *slot = -1;
}

void stuck_observe(StuckWatch *w, const Machine *m)
{
    if (m->ngs > 0) ginfo(w, m->ngs);
    bool trigger = false;
    for (int i = 0; i < m->nevents; i++) {
        const Event *e = &m->events[i];
        switch (e->kind) {
        case EV_GO_BLOCK:
            ginfo(w, e->g)->since = m->frame;
            trigger = true;
            break;
        case EV_GO_CREATE:
            if (e->other_g >= 1 && e->other_g <= m->ngs)
                remember_start(ginfo(w, e->other_g), m, &m->gs[e->other_g - 1]);
            trigger = true;
            break;
        case EV_GO_DONE:
            ginfo(w, e->g)->done_line = e->line;
            trigger = true;
            break;
        case EV_GO_WAKE:
            trigger = true;
            break;
        default:
            break;
        }
    }
    for (int i = 0; i < m->nhb; i++) {
        const HbNote *h = &m->hb[i];
        if (h->kind == HB_RELEASE && h->g && (h->key >> 56) == HBK_WAITGROUP) {
            int64_t wg = (int64_t)(h->key & 0xffffffffffffULL);
            int *slot = u64map_slot(&w->done, done_key(wg, h->g), true);
            *slot = 1;
        }
    }
    if (m->nfreed) forget_freed(w, m);      /* (after the frame: the collector runs at its end) */
    if (m->status == M_DEADLOCK) {
        if (m->frame != w->last_check) check(w, m, true);
        return;
    }
    if (m->status != M_RUNNING) return;
    uint64_t since = m->frame - w->last_check;
    if (since < (uint64_t)w->gap) return;
    if (!trigger && !(w->saw_blocked && since >= (uint64_t)w->period)) return;
    check(w, m, false);
}

const StuckFinding *stuck_findings(const StuckWatch *w, int *n)
{
    *n = w->nfound;
    return w->found;
}

bool stuck_has(const StuckFinding *f, int g)
{
    for (int i = 0; f && i < f->n; i++)
        if (f->gs[i].g == g) return true;
    return false;
}

const StuckFinding *stuck_at(const StuckWatch *w, const Machine *m)
{
    for (int i = w->nfound - 1; i >= 0; i--) {
        const StuckFinding *f = &w->found[i];
        if (f->frame > m->frame) continue;
        for (int k = 0; k < f->n; k++) {
            const StuckG *s = &f->gs[k];
            if (s->g > m->ngs) return NULL;
            const Goroutine *g = &m->gs[s->g - 1];
            if (g->state != G_BLOCKED || g->wait != s->wait || g->wait_addr != s->addr) return NULL;
        }
        return f;
    }
    return NULL;
}

/* ---- in words ----------------------------------------------------------- */

typedef struct Out { char *buf; size_t n, len; } Out;

static void put(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(o->len < o->n ? o->buf + o->len : NULL, o->len < o->n ? o->n - o->len : 0, fmt, ap);
    va_end(ap);
    if (k > 0) o->len += (size_t)k;
    if (o->n && o->len >= o->n) o->buf[o->n - 1] = '\0';
}

size_t stuck_explain_waitgroup(const StuckWatch *w, const Machine *m, int64_t wg, char *buf, size_t n)
{
    Out o = {buf, n, 0};
    if (n) buf[0] = '\0';
    int said = 0;
    for (int g = 1; g <= w->ngs && g <= m->ngs; g++) {
        const GInfo *gi = &w->gs[g - 1];
        if (!gi->done_line || m->gs[g - 1].state != G_DONE) continue;
        bool reached = false;
        for (int k = 0; k < gi->nreach && !reached; k++)
            reached = wg >= gi->reach_lo[k] && wg < gi->reach_hi[k];
        if (!reached || u64map_slot((U64Map *)&w->done, done_key(wg, g), false)) continue;
        if (said++ == 3) {
            put(&o, ", ...");
            break;
        }
        put(&o, "%sG%d (started at line %d) returned at line %d without calling Done", said > 1 ? ", " : "",
            g, m->gs[g - 1].created_line, gi->done_line);
    }
    return o.len;
}

/* Clause order: a goroutine before the one holding what it waits for, so
 * the sentence reads as a chain; the rest in id order. */
static int next_clause(const StuckFinding *f, const uint8_t *said)
{
    for (int i = 0; i < f->n; i++) {
        if (said[i]) continue;
        bool waited_on = false;           /* someone unsaid waits for it */
        for (int k = 0; k < f->n; k++)
            if (!said[k] && k != i && f->gs[k].holder == f->gs[i].g) waited_on = true;
        if (!waited_on) return i;
    }
    for (int i = 0; i < f->n; i++)
        if (!said[i]) return i;
    return -1;
}

static int index_of(const StuckFinding *f, int g)
{
    for (int i = 0; i < f->n; i++)
        if (f->gs[i].g == g) return i;
    return -1;
}

size_t stuck_describe(const StuckWatch *w, const Machine *m, const StuckFinding *f, char *buf, size_t n)
{
    Out o = {buf, n, 0};
    if (n) buf[0] = '\0';
    uint8_t *said = xcalloc((size_t)f->n + 1, 1);
    for (int i = next_clause(f, said); i >= 0; i = next_clause(f, said)) {
        /* follow the chain from here */
        while (i >= 0 && !said[i]) {
            const StuckG *s = &f->gs[i];
            said[i] = 1;
            char what[180];
            waitfor_wait_text(m, s->wait, s->addr, what, sizeof what);
            put(&o, "%sG%d (line %d) %s", o.len ? "; " : "", s->g, s->line, what);
            const SyncObj *obj = machine_sync_at(m, s->addr);
            if (s->wait == WAIT_WAITGROUP && obj && obj->kind == SYNC_WAITGROUP)
                put(&o, " (counter %lld)", (long long)obj->u.wg.counter);
            if (s->holder) {
                put(&o, ", held by G%d", s->holder);
                if (s->holder <= m->ngs && m->gs[s->holder - 1].state == G_DONE) put(&o, ", which has returned");
                i = index_of(f, s->holder);
            } else {
                bool forever = s->wait == WAIT_CHAN_RECV_NIL || s->wait == WAIT_CHAN_SEND_NIL ||
                               s->wait == WAIT_SELECT_EMPTY || (s->wait == WAIT_SELECT && !s->addr);
                if (!f->global && !forever)
                    put(&o, ", which no goroutine that can still run can reach");
                i = -1;
            }
            char why[300];
            if (s->wait == WAIT_WAITGROUP && stuck_explain_waitgroup(w, m, s->addr, why, sizeof why))
                put(&o, ": %s", why);
        }
    }
    free(said);
    return o.len;
}

void stuck_write(const StuckWatch *w, const Machine *m, FILE *out)
{
    if (!w->nfound) {
        fprintf(out, "partial deadlocks: none\n");
        return;
    }
    for (int i = 0; i < w->nfound; i++) {
        const StuckFinding *f = &w->found[i];
        size_t need = stuck_describe(w, m, f, NULL, 0) + 1;
        char *text = xmalloc(need);
        stuck_describe(w, m, f, text, need);
        fprintf(out, "%s at frame %llu: %s\n", f->global ? "deadlock" : "partial deadlock",
                (unsigned long long)f->frame, text);
        free(text);
    }
}
