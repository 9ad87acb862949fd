/* navigate.c — `:`, `]` and `[`: targets, events of interest, and the
 * searches that walk a run in slices (see navigate.h).
 *
 * Forward, a search walks with the host's step, so frames never seen are
 * analysed in order on the way.  Backward, it needs no analysis (every frame
 * behind was analysed when it was first walked) but the machine only steps
 * forward: it takes a window of frames before the current one, seeks to its
 * start and walks it forward, keeping the last frame of interest; if the
 * window had none, the next slice takes the window before.  Each frame costs
 * one step, where seeking back frame by frame would replay up to a
 * checkpoint interval per frame.
 */
#include "navigate.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "event_text.h"
#include "livelock.h"
#include "stuck.h"
#include "util.h"
#include "waitfor.h"

#define BACK_WINDOW 4096       /* frames a backward slice walks at a time */

/* ---- `:` targets ------------------------------------------------------- */

static bool all_digits(const char *s)
{
    if (!*s) return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s)) return false;
    return true;
}

int nav_parse_target(const char *text, NavTarget *t, char *why, size_t n)
{
    char s[64];
    while (*text == ' ') text++;
    snprintf(s, sizeof s, "%s", text);
    size_t len = strlen(s);
    while (len && s[len - 1] == ' ') s[--len] = '\0';
    memset(t, 0, sizeof *t);
    if (!len) {
        snprintf(why, n, "type a frame (1234) or a virtual time (1.5ms, 200us, 2s)");
        return -1;
    }
    if (all_digits(s)) {
        errno = 0;
        unsigned long long f = strtoull(s, NULL, 10);
        if (errno == ERANGE) {
            snprintf(why, n, "%s: no run has that many frames", s);
            return -1;
        }
        t->frame = f;
        return 0;
    }
    const char *d = strncmp(s, "t=", 2) == 0 ? s + 2 : s;
    if (*d == '-') {
        snprintf(why, n, "%s: virtual time starts at 0 and only goes forward", s);
        return -1;
    }
    int64_t ns;
    if (duration_parse(d, &ns) == 0) {
        t->is_time = true;
        t->ns = ns;
        return 0;
    }
    /* A number with no unit, or with one Go does not know. */
    const char *p = d;
    while (isdigit((unsigned char)*p) || *p == '.') p++;
    if (p > d && !*p)
        snprintf(why, n, "%s: a time needs its unit (ns, us or µs, ms, s), a frame is a whole number", s);
    else if (p > d)
        snprintf(why, n, "%s: the unit must be ns, us (µs), ms, s, m or h", s);
    else
        snprintf(why, n, "%s: not a frame (1234) or a virtual time (1.5ms, 200us, 2s)", s);
    return -1;
}

/* ---- events of interest ------------------------------------------------ */

static int waited_index(const NavScan *s, int g)
{
    for (int i = 0; i < s->nwaited; i++)
        if (s->waited[i] == g) return i;
    return -1;
}

static void waited_add(NavScan *s, int g)
{
    if (waited_index(s, g) >= 0) return;
    if (s->nwaited == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->waited = xrealloc(s->waited, (size_t)s->cap * sizeof *s->waited);
    }
    s->waited[s->nwaited++] = g;
}

/* Was g queued for the lock it now takes?  It no longer is. */
static bool waited_take(NavScan *s, int g)
{
    int i = waited_index(s, g);
    if (i < 0) return false;
    s->waited[i] = s->waited[--s->nwaited];
    return true;
}

static bool waits_for_lock(WaitReason w)
{
    return w == WAIT_MUTEX || w == WAIT_RWMUTEX_R || w == WAIT_RWMUTEX_W;
}

static bool has_cycle(const Machine *m)
{
    WaitGraph g;
    waitfor_build(m, &g);
    return g.ncycle > 0;
}

void nav_scan_begin(NavScan *s, const Machine *m)
{
    s->nwaited = 0;
    for (int i = 0; i < m->ngs; i++) {
        const Goroutine *g = &m->gs[i];
        if (g->lock_since || (g->state == G_BLOCKED && waits_for_lock(g->wait))) waited_add(s, g->id);
    }
    s->cycle = has_cycle(m);
}

void nav_scan_fini(NavScan *s)
{
    free(s->waited);
    memset(s, 0, sizeof *s);
}

/* Sentences joined with "; " into a buffer. */
typedef struct Said { char *buf; size_t n, len; int count; } Said;

static void say(Said *w, const char *text)
{
    if (w->len + 1 >= w->n) return;
    int k = snprintf(w->buf + w->len, w->n - w->len, "%s%s", w->count ? "; " : "", text);
    if (k > 0) w->len += (size_t)k;
    if (w->len >= w->n) w->len = w->n - 1;
    w->count++;
}

static bool contended(const Machine *m, int g)
{
    for (int i = 0; i < m->nevents; i++)
        if (m->events[i].kind == EV_LOCK_CONTEND && m->events[i].g == g) return true;
    return false;
}

/* Is event e one to stop at?  Keeps the lock waiters up to date. */
static bool interesting(NavScan *s, const Machine *m, const Event *e, bool *after_wait)
{
    *after_wait = false;
    switch (e->kind) {
    case EV_GO_BLOCK:
        if (waits_for_lock(e->wait)) waited_add(s, e->g);
        /* "G3 wants a.mu, held by G2: waits" already says it blocks */
        return !(e->wait == WAIT_MUTEX && contended(m, e->g));
    case EV_LOCK_CONTEND:
        waited_add(s, e->g);
        return true;
    case EV_LOCK_ACQUIRE:
        return *after_wait = waited_take(s, e->g);
    case EV_SYNC:
        if (e->aux != SYNC_OP_RLOCK && e->aux != SYNC_OP_WLOCK) return false;
        return *after_wait = waited_take(s, e->g);
    case EV_LOCK_RELEASE:
        return e->other_g != 0;            /* wakes a waiter or hands it the lock */
    case EV_GO_WAKE: case EV_CHAN_SEND: case EV_CHAN_RECV: case EV_CHAN_CLOSE:
    case EV_OUTPUT: case EV_FATAL: case EV_EXIT:
        return true;
    default:
        return false;
    }
}

bool nav_scan_frame(NavScan *s, const Machine *m, const NavFacts *facts, const Breakpoints *breaks,
                    char *what, size_t n)
{
    Said w = { what, n, 0, 0 };
    what[0] = '\0';
    char text[400];
    bool blocked = false;
    for (int i = 0; i < m->nevents; i++)
        blocked |= m->events[i].kind == EV_GO_BLOCK || m->events[i].kind == EV_LOCK_CONTEND;
    /* Only a goroutine blocking can close a wait-for cycle, and a cycle's
     * goroutines never leave it: the graph is built on those frames only. */
    if (blocked) {
        WaitGraph g;
        waitfor_build(m, &g);
        if (g.ncycle && !s->cycle) {
            char cyc[300];
            waitfor_describe_cycle(m, &g, cyc, sizeof cyc);
            snprintf(text, sizeof text, "a wait-for cycle closes, a deadlock: %s", cyc);
            say(&w, text);
        }
        s->cycle = g.ncycle > 0;
    }
    if (facts && facts->race) {
        const RaceReport *r = facts->race;
        char name[64];
        machine_addr_name(m, r->addr, name, sizeof name);
        snprintf(text, sizeof text, "a data race on %s: G%d %s it (line %d), unordered with G%d's %s (line %d)",
                 name, r->cur.g, r->cur.write ? "writes" : "reads", r->cur.line, r->prev.g,
                 r->prev.write ? "write" : "read", r->prev.line);
        say(&w, text);
    }
    if (facts && facts->stuck) {
        char chain[300];
        stuck_describe(facts->stuck_watch, m, facts->stuck, chain, sizeof chain);
        snprintf(text, sizeof text, "%s: %s", facts->stuck->global ? "a deadlock" : "a partial deadlock", chain);
        say(&w, text);
    }
    if (facts && facts->livelock) {
        char head[300];
        livelock_headline(m, facts->livelock, head, sizeof head);
        snprintf(text, sizeof text, "a livelock: %s", head);
        say(&w, text);
    }
    if (facts && facts->beat >= 0) {
        snprintf(text, sizeof text, "beat %d/%d: %s", facts->beat + 1, facts->nbeats,
                 facts->beat_caption ? facts->beat_caption : "");
        say(&w, text);
    }
    int line, g = breaks ? breakpoints_hit(breaks, m, &line) : 0;
    if (g) {
        snprintf(text, sizeof text, "G%d is about to run line %d (breakpoint)", g, line);
        say(&w, text);
    }
    for (int i = 0; i < m->nevents; i++) {
        bool after_wait;
        if (!interesting(s, m, &m->events[i], &after_wait)) continue;
        size_t k = event_describe(m, &m->events[i], text, sizeof text);
        if (after_wait && k < sizeof text) snprintf(text + k, sizeof text - k, " after waiting");
        say(&w, text);
    }
    return w.count > 0;
}

/* ---- searches ---------------------------------------------------------- */

static const Machine *machine(const NavHost *h) { return history_machine(h->hist); }
static uint64_t frame(const NavHost *h) { return history_frame(h->hist); }

void nav_search_begin(NavSearch *s, NavGoal goal, const NavTarget *t, const NavHost *h)
{
    nav_search_fini(s);
    s->goal = goal;
    if (t) s->target = *t;
    s->origin = s->before = frame(h);
    s->what[0] = '\0';
    s->walking = false;
    if (goal == NAV_NEXT_EVENT) nav_scan_begin(&s->scan, machine(h));
}

void nav_search_fini(NavSearch *s)
{
    nav_scan_fini(&s->scan);
}

/* Walk forward with the host's step until done(…) or the end; false when
 * the budget ran out first. */
static bool walk(const NavHost *h, int budget, bool (*done)(NavSearch *, const NavHost *), NavSearch *s)
{
    for (int i = 0; i < budget; i++) {
        if (machine(h)->status != M_RUNNING) return true;
        h->forward(h->ctx);
        if (done(s, h)) return true;
    }
    return machine(h)->status != M_RUNNING;
}

static bool at_frame(NavSearch *s, const NavHost *h) { return frame(h) >= s->target.frame; }
static bool at_time(NavSearch *s, const NavHost *h) { return machine(h)->now >= s->target.ns; }

static bool at_event(NavSearch *s, const NavHost *h)
{
    NavFacts facts;
    h->facts(h->ctx, frame(h), &facts);
    return nav_scan_frame(&s->scan, machine(h), &facts, h->breaks, s->what, sizeof s->what);
}

/* The first known frame at or after virtual time ns (time never goes back,
 * so a binary search over seeks); the run's last known frame is before it
 * when it returns *scanned with an earlier time. */
static uint64_t first_at_time(const NavHost *h, int64_t ns)
{
    uint64_t lo = 0, hi = *h->scanned;
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo) / 2;
        history_seek(h->hist, mid);
        if (machine(h)->now >= ns) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

static void end_notice(const NavHost *h, char *buf, size_t n, const char *what)
{
    char t[32];
    duration_format(machine(h)->now, t, sizeof t);
    snprintf(buf, n, "%s: the run ended at frame %llu (t=%s)", what, (unsigned long long)frame(h), t);
}

static bool run_to_frame(NavSearch *s, const NavHost *h, int budget, char *notice, size_t n)
{
    uint64_t f = s->target.frame;
    if (f <= *h->scanned) {
        history_seek(h->hist, f);
        snprintf(notice, n, "jumped to frame %llu", (unsigned long long)f);
        return true;
    }
    if (frame(h) < *h->scanned) history_seek(h->hist, *h->scanned);
    if (!walk(h, budget, at_frame, s)) return false;
    if (frame(h) >= f) {
        snprintf(notice, n, "jumped to frame %llu", (unsigned long long)f);
    } else {
        char what[64];
        snprintf(what, sizeof what, "frame %llu is past the end", (unsigned long long)f);
        end_notice(h, notice, n, what);
    }
    return true;
}

static bool run_to_time(NavSearch *s, const NavHost *h, int budget, char *notice, size_t n)
{
    char t[32], now[32];
    duration_format(s->target.ns, t, sizeof t);
    if (!s->walking) {                 /* the first slice: among the known frames */
        history_seek(h->hist, first_at_time(h, s->target.ns));
        s->walking = true;
    }
    if (machine(h)->now < s->target.ns && !walk(h, budget, at_time, s)) return false;
    if (machine(h)->now < s->target.ns) {
        char what[64];
        snprintf(what, sizeof what, "t=%s is past the end", t);
        end_notice(h, notice, n, what);
        return true;
    }
    duration_format(machine(h)->now, now, sizeof now);
    snprintf(notice, n, "t=%s: frame %llu is the first at or after it (t=%s)", t,
             (unsigned long long)frame(h), now);
    return true;
}

static bool run_to_next(NavSearch *s, const NavHost *h, int budget, char *notice, size_t n)
{
    if (machine(h)->status != M_RUNNING) {
        snprintf(notice, n, "no more events: the run has ended at frame %llu", (unsigned long long)frame(h));
        return true;
    }
    if (!walk(h, budget, at_event, s)) return false;
    if (s->what[0])
        snprintf(notice, n, "next event, frame %llu: %s", (unsigned long long)frame(h), s->what);
    else
        snprintf(notice, n, "no more events: the run has ended at frame %llu", (unsigned long long)frame(h));
    return true;
}

/* One window [lo, before) walked forward from lo - 1; the last frame of
 * interest in it, 0 none. */
static uint64_t search_window(NavSearch *s, const NavHost *h, uint64_t lo)
{
    uint64_t found = 0;
    char what[sizeof s->what];
    history_seek(h->hist, lo - 1);
    nav_scan_begin(&s->scan, machine(h));
    for (uint64_t f = lo; f < s->before; f++) {
        history_forward(h->hist);
        NavFacts facts;
        h->facts(h->ctx, f, &facts);
        if (nav_scan_frame(&s->scan, machine(h), &facts, h->breaks, what, sizeof what)) {
            found = f;
            memcpy(s->what, what, sizeof what);
        }
    }
    return found;
}

static bool run_to_prev(NavSearch *s, const NavHost *h, int budget, char *notice, size_t n)
{
    for (int spent = 0; spent < budget && s->before > 1;) {
        uint64_t lo = s->before > BACK_WINDOW ? s->before - BACK_WINDOW : 1;
        uint64_t found = search_window(s, h, lo);
        spent += (int)(s->before - lo);
        if (found) {
            history_seek(h->hist, found);
            snprintf(notice, n, "previous event, frame %llu: %s", (unsigned long long)found, s->what);
            return true;
        }
        s->before = lo;
    }
    if (s->before > 1) return false;
    history_seek(h->hist, s->origin);
    snprintf(notice, n, "no event before frame %llu", (unsigned long long)s->origin);
    return true;
}

bool nav_search_run(NavSearch *s, const NavHost *h, int budget, char *notice, size_t n)
{
    switch (s->goal) {
    case NAV_TO_FRAME: return run_to_frame(s, h, budget, notice, n);
    case NAV_TO_TIME: return run_to_time(s, h, budget, notice, n);
    case NAV_NEXT_EVENT: return run_to_next(s, h, budget, notice, n);
    case NAV_PREV_EVENT: return run_to_prev(s, h, budget, notice, n);
    }
    return true;
}

void nav_search_progress(const NavSearch *s, const NavHost *h, char *buf, size_t n)
{
    unsigned long long f = (unsigned long long)frame(h);
    char t[32];
    switch (s->goal) {
    case NAV_TO_FRAME:
        snprintf(buf, n, "running to frame %llu: frame %llu (any key stops)",
                 (unsigned long long)s->target.frame, f);
        return;
    case NAV_TO_TIME:
        duration_format(s->target.ns, t, sizeof t);
        snprintf(buf, n, "running to t=%s: frame %llu (any key stops)", t, f);
        return;
    case NAV_NEXT_EVENT:
        snprintf(buf, n, "looking for the next event: frame %llu (any key stops)", f);
        return;
    case NAV_PREV_EVENT:
        snprintf(buf, n, "looking back for an event: frames before %llu (any key stops)",
                 (unsigned long long)s->before);
        return;
    }
}
