/* livelock.c — the same state, again and again, with no progress (see
 * livelock.h).
 *
 * Per cell (found by address, u64map.h): its first goroutine, whether it is
 * shared, the hash of its value (its share of the signature), its last
 * store (frame, goroutine) and when a store last changed it.  The shared
 * cells' hashes are summed as they change, so a moment's signature needs
 * no walk over memory.
 *
 * Per stretch: a table signature -> moment (when the current run of rounds
 * began, when last seen, rounds so far), emptied at each progress frame.
 * Whether a round had a reaction in it is one number: the frame of the
 * latest store that another goroutine has read (`reacted`); a round from
 * frame a had one if that store came after a (its read came after it).
 */
#include "livelock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "u64map.h"
#include "util.h"

typedef struct Cell {
    int64_t addr;
    int first_g;               /* the first goroutine to touch it              */
    bool shared;               /* a second one has                             */
    uint64_t hash;             /* of its address and value, at its last store  */
    uint64_t written;          /* frame of its last store, 0 none              */
    int writer;                /* ... and its goroutine                        */
    uint64_t changed;          /* frame of its last store that changed its value */
} Cell;

typedef struct Moment {
    uint64_t first;            /* frame the current run of rounds began        */
    uint64_t last;             /* frame last seen                              */
    int rounds;
} Moment;

typedef struct GInfo {
    uint64_t wrote;            /* last frame it stored to a shared cell, 0 never */
} GInfo;

struct LivelockDetector {
    Cell *cells; int ncells, cells_cap;
    U64Map cell_index;         /* addr -> index in cells                       */
    uint64_t shared_sum;       /* Σ hash over the shared cells                 */
    uint64_t reacted;          /* the latest store a goroutine other than the
                                  one that made it has read: a round is valid
                                  if this falls in it                          */
    GInfo *gs; int ngs, gs_cap;    /* gs[id - 1]                               */
    Moment *moments; int nmoments, moments_cap;
    U64Map moment_index;       /* signature -> index in moments                */
    Livelock *found; int nfound, found_cap;
    bool open;                 /* the last finding is still going              */
};

LivelockDetector *livelock_new(void)
{
    return xcalloc(1, sizeof(LivelockDetector));
}

void livelock_free(LivelockDetector *d)
{
    if (!d) return;
    for (int i = 0; i < d->nfound; i++) {
        free(d->found[i].gs);
        free(d->found[i].cells);
    }
    free(d->found);
    free(d->cells);
    free(d->gs);
    free(d->moments);
    u64map_free(&d->cell_index);
    u64map_free(&d->moment_index);
    free(d);
}

const Livelock *livelock_findings(const LivelockDetector *d, int *n)
{
    *n = d->nfound;
    return d->found;
}

/* ---- hashing ------------------------------------------------------------- */

static uint64_t fold(uint64_t h, uint64_t x)
{
    return u64map_mix(h ^ (x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
}

/* A value as Go compares it: a string by its bytes (the machine makes a new
 * one for every concatenation), numbers and booleans without their type
 * marks in aux; a slice's length and an interface's type are in aux. */
static uint64_t value_hash(const Machine *m, int64_t addr)
{
    Value v = m->mem[addr];
    uint64_t h = fold((uint64_t)addr, v.kind);
    switch (v.kind) {
    case V_STR: {
        uint32_t len = 0;
        const char *s = machine_string(m, v, &len);
        uint64_t x = 14695981039346656037ULL;          /* FNV-1a */
        for (uint32_t i = 0; s && i < len; i++) x = (x ^ (unsigned char)s[i]) * 1099511628211ULL;
        return fold(h, x ^ len);
    }
    case V_INT: case V_BOOL: case V_FLOAT:
        return fold(h, (uint64_t)v.i);
    default:
        return fold(fold(h, v.aux), (uint64_t)v.i);
    }
}

/* ---- memory -------------------------------------------------------------- */

static GInfo *ginfo(LivelockDetector *d, int g)
{
    if (g > d->ngs) {
        if (g > d->gs_cap) GROW(d->gs, d->gs_cap, g);
        memset(&d->gs[d->ngs], 0, (size_t)(g - d->ngs) * sizeof *d->gs);
        d->ngs = g;
    }
    return &d->gs[g - 1];
}

static Cell *cell(LivelockDetector *d, const Machine *m, int64_t addr, int g)
{
    int *slot = u64map_slot(&d->cell_index, (uint64_t)addr, true);
    if (*slot >= 0) return &d->cells[*slot];
    *slot = d->ncells;
    if (d->ncells == d->cells_cap) GROW(d->cells, d->cells_cap, d->ncells + 1);
    Cell *c = &d->cells[d->ncells++];
    *c = (Cell){addr, g, false, value_hash(m, addr), 0, 0, 0};
    return c;
}

static void access_slot(LivelockDetector *d, const Machine *m, int64_t addr, bool write, int g)
{
    if (addr < 0 || addr >= m->nmem) return;
    Cell *c = cell(d, m, addr, g);
    if (!c->shared && c->first_g != g) {
        /* shared from now on: its value joins the signature */
        c->shared = true;
        c->hash = value_hash(m, addr);
        d->shared_sum += c->hash;
    }
    if (!write) {
        /* g reads what another goroutine stored: it reacts to it */
        if (c->shared && c->writer && c->writer != g && c->written > d->reacted) d->reacted = c->written;
        return;
    }
    uint64_t h = value_hash(m, addr);
    if (h != c->hash) c->changed = m->frame;
    c->written = m->frame;
    c->writer = g;
    if (c->shared) {
        d->shared_sum += h - c->hash;
        ginfo(d, g)->wrote = m->frame;
    }
    c->hash = h;
}

/* An atomic store that read the word first (Add, CompareAndSwap): the
 * machine records one write, and the acquire of the word's key says it
 * read. */
static bool atomic_reads(const Machine *m, int64_t addr)
{
    uint64_t key = hb_key(HBK_ATOMIC, addr, 0);
    for (int i = 0; i < m->nhb; i++)
        if (m->hb[i].kind == HB_ACQUIRE && m->hb[i].key == key) return true;
    return false;
}

/* ---- signatures ---------------------------------------------------------- */

static bool timer_chan(const Machine *m, int64_t id)
{
    const Chan *c = machine_chan(m, id);
    return c && c->timer;
}

static uint64_t goroutine_hash(const Machine *m, const Goroutine *g)
{
    int state = g->state == G_RUNNING ? G_RUNNABLE : (int)g->state;
    int64_t addr = g->wait_addr;
    switch (g->wait) {
    case WAIT_CHAN_RECV: case WAIT_CHAN_SEND: case WAIT_SELECT:
        if (timer_chan(m, addr)) addr = -1;
        break;
    case WAIT_SLEEP:
        addr = 0;
        break;
    default:
        break;
    }
    uint64_t h = fold(fold((uint64_t)g->id, (uint64_t)state << 8 | g->wait), (uint64_t)addr);
    for (int i = 0; i < g->nframes; i++)
        h = fold(h, (uint64_t)(uint32_t)g->frames[i].proto << 32 | (uint32_t)g->frames[i].pc);
    return h;
}

/* A sync object's state, 0 when it is in its zero state. */
static uint64_t sync_hash(const SyncObj *s)
{
    switch (s->kind) {
    case SYNC_MUTEX:
        if (!s->u.mu.owner && !s->u.mu.nwaiters) return 0;
        return fold(fold(SYNC_MUTEX, (uint64_t)s->u.mu.owner), (uint64_t)s->u.mu.nwaiters);
    case SYNC_WAITGROUP:
        if (!s->u.wg.counter && !s->u.wg.nwaiters) return 0;
        return fold(fold(SYNC_WAITGROUP, (uint64_t)s->u.wg.counter), (uint64_t)s->u.wg.nwaiters);
    case SYNC_RWMUTEX: {
        const RWMutex *rw = &s->u.rw;
        if (!rw->readers && !rw->writer && !rw->nrwaiters && !rw->w.owner && !rw->w.nwaiters) return 0;
        uint64_t h = fold(fold(SYNC_RWMUTEX, (uint64_t)rw->readers), (uint64_t)rw->writer << 1 | rw->writer_waiting);
        return fold(fold(fold(h, (uint64_t)rw->nrwaiters), (uint64_t)rw->w.owner), (uint64_t)rw->w.nwaiters);
    }
    case SYNC_ONCE:
        if (!s->u.once.done && !s->u.once.running) return 0;
        return fold(fold(SYNC_ONCE, s->u.once.done), (uint64_t)s->u.once.running);
    case SYNC_COND:
        if (!s->u.cond.nwaiters) return 0;
        return fold(SYNC_COND, (uint64_t)s->u.cond.nwaiters);
    }
    return 0;
}

static uint64_t signature(const LivelockDetector *d, const Machine *m)
{
    uint64_t h = fold(0, d->shared_sum);
    for (int i = 0; i < m->ngs; i++)
        if (m->gs[i].state != G_DONE) h = fold(h, goroutine_hash(m, &m->gs[i]));
    for (int i = 0; i < m->nsyncs; i++) {
        uint64_t s = sync_hash(&m->syncs[i]);
        if (s) h = fold(fold(h, (uint64_t)i), s);
    }
    for (int i = 0; i < m->nchans; i++) {
        const Chan *c = &m->chans[i];
        if (c->timer || (!c->len && !c->closed)) continue;
        h = fold(fold(h, (uint64_t)c->id), (uint64_t)c->len << 1 | c->closed);
    }
    return h;
}

/* ---- progress ------------------------------------------------------------ */

/* The frame's first progress event, NULL none. */
static const Event *progress(const Machine *m)
{
    for (int i = 0; i < m->nevents; i++) {
        const Event *e = &m->events[i];
        switch (e->kind) {
        case EV_OUTPUT: case EV_GO_CREATE: case EV_GO_DONE: case EV_CHAN_CLOSE:
        case EV_SYSCALL: case EV_EXIT: case EV_FATAL:
            return e;
        case EV_CHAN_SEND:
            if (e->g && !timer_chan(m, e->addr)) return e;
            break;
        case EV_CHAN_RECV:
            if (e->aux == 0 && !timer_chan(m, e->addr)) return e;
            break;
        default:
            break;
        }
    }
    return NULL;
}

static bool is_moment(const Machine *m)
{
    for (int i = 0; i < m->nevents; i++)
        if (m->events[i].kind == EV_GO_BLOCK || m->events[i].kind == EV_GO_PREEMPT) return true;
    return false;
}

static void forget_moments(LivelockDetector *d)
{
    d->nmoments = 0;
    if (!d->moment_index.used) return;
    if (d->moment_index.cap > 1024) {           /* a large table: give it back */
        u64map_free(&d->moment_index);
        memset(&d->moment_index, 0, sizeof d->moment_index);
    } else {
        memset(d->moment_index.keys, 0, d->moment_index.cap * sizeof *d->moment_index.keys);
        d->moment_index.used = 0;
    }
}

/* ---- findings ------------------------------------------------------------ */

static int cmp_cell_addr(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* Who took part and what changed since l->first_frame. */
static void collect(const LivelockDetector *d, Livelock *l)
{
    free(l->gs);
    free(l->cells);
    l->gs = NULL;
    l->cells = NULL;
    l->ngs = l->ncells = 0;
    int cap = 0;
    for (int i = 0; i < d->ngs; i++)
        if (d->gs[i].wrote >= l->first_frame) {
            if (l->ngs == cap) GROW(l->gs, cap, l->ngs + 1);
            l->gs[l->ngs++] = i + 1;
        }
    /* the cells that changed; if none did, the ones rewritten */
    int changed = 0;
    for (int i = 0; i < d->ncells; i++) changed += d->cells[i].shared && d->cells[i].changed >= l->first_frame;
    l->changed = changed > 0;
    cap = 0;
    for (int i = 0; i < d->ncells; i++) {
        const Cell *c = &d->cells[i];
        if (!c->shared || (l->changed ? c->changed : c->written) < l->first_frame) continue;
        if (l->ncells == cap) GROW(l->cells, cap, l->ncells + 1);
        l->cells[l->ncells++] = c->addr;
    }
    if (l->ncells > 1) qsort(l->cells, (size_t)l->ncells, sizeof *l->cells, cmp_cell_addr);
}

static void close_finding(LivelockDetector *d, const Machine *m, const Event *e)
{
    Livelock *l = &d->found[d->nfound - 1];
    l->end_frame = m->frame;
    l->end = e && e->kind != EV_EXIT && e->kind != EV_FATAL ? LIVELOCK_PROGRESS : LIVELOCK_RUN_ENDED;
    if (l->end == LIVELOCK_PROGRESS) {
        l->end_event = e->kind;
        l->end_g = e->g;
    }
    collect(d, l);
    d->open = false;
}

static int see_moment(LivelockDetector *d, const Machine *m)
{
    uint64_t sig = signature(d, m);
    if (d->nmoments >= LIVELOCK_MAX_MOMENTS) forget_moments(d);
    int *slot = u64map_slot(&d->moment_index, sig, true);
    if (*slot < 0) {
        *slot = d->nmoments;
        if (d->nmoments == d->moments_cap) GROW(d->moments, d->moments_cap, d->nmoments + 1);
        d->moments[d->nmoments++] = (Moment){m->frame, m->frame, 0};
        return 0;
    }
    Moment *mo = &d->moments[*slot];
    if (d->reacted > mo->last) {
        mo->rounds++;
    } else {
        mo->rounds = 0;
        mo->first = m->frame;
    }
    mo->last = m->frame;
    if (d->open) {
        Livelock *l = &d->found[d->nfound - 1];
        if (l->signature == sig && mo->rounds > l->rounds) l->rounds = mo->rounds;
        return 0;
    }
    if (mo->rounds < LIVELOCK_ROUNDS) return 0;
    if (d->nfound == d->found_cap) GROW(d->found, d->found_cap, d->nfound + 1);
    Livelock *l = &d->found[d->nfound++];
    memset(l, 0, sizeof *l);
    l->first_frame = mo->first;
    l->detected_frame = m->frame;
    l->end = LIVELOCK_GOING;
    l->rounds = mo->rounds;
    l->signature = sig;
    collect(d, l);
    d->open = true;
    return 1;
}

int livelock_observe(LivelockDetector *d, const Machine *m)
{
    if (m->ngs > d->ngs && m->ngs > 0) ginfo(d, m->ngs);
    int g = 0;
    for (int c = 0; c < m->ncores && !g; c++) g = m->last[c].g;    /* the one that acted */
    for (int i = 0; g && i < m->naccesses; i++) {
        const MemAccess *a = &m->accesses[i];
        if (a->write && a->atomic && atomic_reads(m, a->addr)) access_slot(d, m, a->addr, false, g);
        for (int32_t k = 0; k < a->n; k++) access_slot(d, m, a->addr + k, a->write, g);
    }
    int found = 0;
    const Event *e = progress(m);
    if (e || m->status != M_RUNNING) {
        if (d->open) close_finding(d, m, e);
        forget_moments(d);
    }
    if (m->status == M_RUNNING && is_moment(m)) found = see_moment(d, m);
    if (d->open) d->found[d->nfound - 1].end_frame = m->frame;
    return found;
}

/* ---- words --------------------------------------------------------------- */

static void list_goroutines(TextBuf *t, const Livelock *l)
{
    enum { SHOWN = 6 };
    int shown = l->ngs > SHOWN ? SHOWN - 1 : l->ngs;
    for (int i = 0; i < shown; i++)
        textbuf_put(t, "%sG%d", i == 0 ? "" : i == l->ngs - 1 ? " and " : ", ", l->gs[i]);
    if (shown < l->ngs) textbuf_put(t, " and %d more goroutines", l->ngs - shown);
    if (!l->ngs) textbuf_put(t, "goroutines");
}

static void list_cells(TextBuf *t, const Machine *m, const Livelock *l)
{
    enum { SHOWN = 4 };
    int shown = l->ncells > SHOWN ? SHOWN - 1 : l->ncells;
    char name[64];
    for (int i = 0; i < shown; i++)
        textbuf_put(t, "%s%s", i == 0 ? "" : i == l->ncells - 1 ? " and " : ", ",
                    machine_addr_name(m, l->cells[i], name, sizeof name));
    if (shown < l->ncells) textbuf_put(t, " and %d more variables", l->ncells - shown);
    bool one = l->ncells == 1;
    if (l->changed) textbuf_put(t, one ? " changes and changes back" : " change and change back");
    else textbuf_put(t, one ? " is stored again with the value it has" : " are stored again with the values they have");
}

static size_t finish(TextBuf *t)
{
    return t->len < t->n ? t->len : t->n ? t->n - 1 : 0;
}

size_t livelock_describe(const Machine *m, const Livelock *l, char *buf, size_t n)
{
    TextBuf t = {buf, n, 0};
    if (n) buf[0] = '\0';
    textbuf_put(&t, "livelock: ");
    list_goroutines(&t, l);
    const char *verb = l->ngs == 1 ? "repeats" : "repeat";
    if (l->end == LIVELOCK_GOING)
        textbuf_put(&t, " %s the same steps since frame %llu (%d rounds so far, still going at frame %llu)",
                    verb, (unsigned long long)l->first_frame, l->rounds, (unsigned long long)l->end_frame);
    else
        textbuf_put(&t, " %s the same steps from frame %llu to frame %llu (%d rounds)",
                    verb, (unsigned long long)l->first_frame, (unsigned long long)l->end_frame, l->rounds);
    textbuf_put(&t, " without progress: ");
    list_cells(&t, m, l);
    textbuf_put(&t, "; no output, no goroutine finished, no value passed");
    return finish(&t);
}

size_t livelock_headline(const Machine *m, const Livelock *l, char *buf, size_t n)
{
    TextBuf t = {buf, n, 0};
    if (n) buf[0] = '\0';
    list_goroutines(&t, l);
    textbuf_put(&t, " %s the same steps since frame %llu (%d rounds): ", l->ngs == 1 ? "repeats" : "repeat",
                (unsigned long long)l->first_frame,
                l->rounds);
    list_cells(&t, m, l);
    return finish(&t);
}
