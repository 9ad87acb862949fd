/* sync.c — sync.Mutex and sync.WaitGroup (sync.RWMutex, Once and Cond are in
 * sim/machine/sync_rw.c; the invariants of all five are checked here).
 *
 * A sync.Mutex or sync.WaitGroup is a slot in shared memory holding a V_SYNC
 * Value.  Its zero value (i == 0, or an unset V_NIL slot) is usable, as in
 * Go: the first Lock/Add/Wait allocates a SyncObj in Machine.syncs and stores
 * 1 + its index in the slot.  Allocation is in first-use order, so a Machine
 * and its copies number their sync objects identically.
 *
 * Mutex: Go's sync/mutex.go.  Its state is Go's (locked, woken, starving,
 * a count of waiters) with the holder's id for the views, and a semaphore's
 * queue of waiting goroutines.  In normal mode a goroutine that finds it
 * locked may spin a few times (multi-core only, runtime_canSpin), then
 * queues; Unlock wakes the first waiter, which runs its Lock again and
 * competes with newcomers: a running goroutine usually wins, and the loser
 * goes back to the head of the queue.  A waiter that has waited over 1 ms
 * switches the mutex to starvation mode: Unlock hands it to the first
 * waiter and yields its core to it, newcomers queue at the tail, and the
 * last waiter (or one that waited under 1 ms) switches back.  Unlocking an
 * unlocked mutex is Go's fatal error "sync: unlock of unlocked mutex".
 *
 * WaitGroup: a counter and the goroutines in Wait.  Add(n) with a negative
 * result panics "sync: negative WaitGroup counter"; when the counter reaches
 * zero every waiter wakes, in the order it started waiting (Go's Add releases
 * the semaphore once per waiter, each into the waker's runnext).
 *
 * Invariants (sync_check_invariants, after every step in SIM_PARANOID builds):
 *   1. a sync object's slot points back at it: mem[addr] is V_SYNC of its
 *      kind with i == 1 + its index;
 *   2. Mutex: it counts at least the waiters it queues (a woken waiter is
 *      counted until it takes the mutex in starvation mode), and the owner
 *      is not among its waiters;
 *   3. WaitGroup: counter >= 0, and counter == 0 means no waiters;
 *   4. every waiter is G_BLOCKED with the matching wait reason and wait_addr;
 *   5. every G_BLOCKED goroutine waits in exactly one queue.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"

/* The SyncObj at addr, allocated on first use; NULL after a failure. */
SyncObj *sync_obj(Machine *m, Goroutine *g, int64_t addr, SyncKind kind)
{
    Value *v = &m->mem[addr];
    if (v->kind == V_NIL) *v = value_make(V_SYNC, kind, 0);
    if (v->kind != V_SYNC || v->aux != (uint32_t)kind) {
        machine_fail(m, M_PANIC, g->id, false,
                     kind == SYNC_MUTEX ? "interleave: bad bytecode: Lock/Unlock of a non-mutex"
                     : kind == SYNC_WAITGROUP ? "interleave: bad bytecode: WaitGroup op on a non-WaitGroup"
                                              : "interleave: bad bytecode: sync op on the wrong object");
        return NULL;
    }
    if (v->i == 0) {
        GROW(m->syncs, m->syncs_cap, m->nsyncs + 1);
        SyncObj *s = &m->syncs[m->nsyncs++];
        memset(s, 0, sizeof *s);
        s->kind = kind;
        switch (kind) {
        case SYNC_MUTEX: s->u.mu.addr = addr; break;
        case SYNC_WAITGROUP: s->u.wg.addr = addr; break;
        case SYNC_RWMUTEX: s->u.rw.addr = addr; break;
        case SYNC_ONCE: s->u.once.addr = addr; break;
        case SYNC_COND: s->u.cond.addr = addr - 1; break;   /* the notify list is slot 1 */
        }
        v->i = m->nsyncs;
    }
    return &m->syncs[v->i - 1];
}

static SyncObj *sync_get(Machine *m, Goroutine *g, int64_t addr, SyncKind kind)
{
    return sync_obj(m, g, addr, kind);
}

void sync_enqueue(int **q, int *n, int *cap, int g)
{
    GROW(*q, *cap, *n + 1);
    (*q)[(*n)++] = g;
}

/* Goroutine.lock_flags: lockSlow's locals. */
enum {
    LOCK_AWOKE = 1,         /* awoke: it set mutexWoken, or was woken         */
    LOCK_STARVING = 2,      /* starving: it has waited over 1 ms              */
    LOCK_SEMA_WOKEN = 4,    /* Unlock woke it: LOCK runs again from after its
                               runtime_SemacquireMutex                        */
    LOCK_HANDOFF = 8        /* a deferred Lock that waits: Unlock makes it the
                               owner, as it cannot run LOCK again             */
};

#define STARVATION_NS 1000000   /* sync/mutex.go starvationThresholdNs: 1 ms  */
#define ACTIVE_SPIN 4           /* runtime/proc.go active_spin                */

static void acquired(Machine *m, Mutex *mu, Goroutine *g, int core, bool events)
{
    mu->owner = g->id;
    mu->acquisitions++;
    g->lock_since = 0;
    g->lock_flags = 0;
    g->lock_iter = 0;
    if (!events) return;
    Event *e = machine_emit(m, EV_LOCK_ACQUIRE, g->id, core);
    e->addr = mu->addr;
    e->line = m->prog->code_line[g->last_pc];
}

/* runtime_canSpin: a few spins, only on a multi-core machine with another
 * P running and nothing else queued on this one. */
static bool can_spin(Machine *m, int core, int iter)
{
    return iter < ACTIVE_SPIN && m->ncores > 1 &&
           m->ncores > sched_npidle(m) + m->nmspinning + 1 && runq_empty(&m->cores[core]);
}

int sync_mutex_lock(Machine *m, Mutex *mu, Goroutine *g, int core, bool again_ok, WaitReason why, bool events)
{
    if (g->lock_flags & LOCK_SEMA_WOKEN) {      /* back from the semaphore */
        g->lock_flags &= (uint8_t)~LOCK_SEMA_WOKEN;
        if (m->now - (g->lock_since - 1) > STARVATION_NS) g->lock_flags |= LOCK_STARVING;
        if (mu->starving) {                     /* ownership was handed off to us */
            if (!(g->lock_flags & LOCK_STARVING) || mu->counted == 1) mu->starving = false;
            mu->counted--;
            acquired(m, mu, g, core, events);
            return SYNC_DONE;
        }
        g->lock_flags |= LOCK_AWOKE;
        g->lock_iter = 0;
    }
    bool awoke = g->lock_flags & LOCK_AWOKE;
    if (mu->owner && !mu->starving && again_ok && can_spin(m, core, g->lock_iter)) {
        if (!awoke && !mu->woken && mu->counted) {  /* tell Unlock not to wake anyone */
            mu->woken = true;
            g->lock_flags |= LOCK_AWOKE;
        }
        g->lock_iter++;
        return SYNC_AGAIN;
    }
    bool held = mu->owner || mu->starving;
    if (held) mu->counted++;
    if ((g->lock_flags & LOCK_STARVING) && mu->owner) mu->starving = true;
    if (awoke) mu->woken = false;
    if (!held) {
        acquired(m, mu, g, core, events);
        return SYNC_DONE;
    }
    /* runtime_SemacquireMutex: a goroutine that waited before goes back to
     * the head of the queue (queueLifo). */
    bool lifo = g->lock_since != 0;
    if (!g->lock_since) g->lock_since = m->now + 1;
    if (!again_ok) g->lock_flags |= LOCK_HANDOFF;
    GROW(mu->waiters, mu->waiters_cap, mu->nwaiters + 1);
    if (lifo) {
        memmove(mu->waiters + 1, mu->waiters, (size_t)mu->nwaiters * sizeof *mu->waiters);
        mu->waiters[0] = g->id;
        mu->nwaiters++;
    } else {
        mu->waiters[mu->nwaiters++] = g->id;
    }
    mu->contentions++;
    if (events) {
        Event *e = machine_emit(m, EV_LOCK_CONTEND, g->id, core);
        e->other_g = mu->owner;
        e->addr = mu->addr;
        e->line = m->prog->code_line[g->last_pc];
    }
    sched_park(m, g, core, why, mu->addr);
    return SYNC_PARKED;
}

int sync_lock(Machine *m, Goroutine *g, int core, int64_t addr, bool again_ok)
{
    SyncObj *s = sync_get(m, g, addr, SYNC_MUTEX);
    if (!s) return SYNC_PARKED;
    return sync_mutex_lock(m, &s->u.mu, g, core, again_ok, WAIT_MUTEX, true);
}

/* runtime_Semrelease: the first waiter is readied into the unlocker's
 * runnext; it runs its Lock again (or, a deferred Lock, owns the mutex). */
static int semrelease(Machine *m, Mutex *mu, Goroutine *g, int core, bool events)
{
    int w = mu->waiters[0];
    memmove(mu->waiters, mu->waiters + 1, (size_t)--mu->nwaiters * sizeof *mu->waiters);
    Goroutine *wg = machine_g(m, w);
    if (wg->lock_flags & LOCK_HANDOFF) {
        mu->counted--;
        if (!mu->starving) mu->woken = false;
        else if (mu->counted == 0) mu->starving = false;
        acquired(m, mu, wg, -1, events);
    } else {
        wg->lock_flags |= LOCK_SEMA_WOKEN;
    }
    sched_ready(m, w, g->id, core);
    return w;
}

bool sync_mutex_unlock(Machine *m, Mutex *mu, Goroutine *g, int core, bool events)
{
    mu->owner = 0;
    int ei = -1;        /* the release's event, by index: semrelease emits
                           more, and m->events may move (a clone's is tight) */
    if (events) {
        Event *e = machine_emit(m, EV_LOCK_RELEASE, g->id, core);
        e->addr = mu->addr;
        e->line = m->prog->code_line[g->last_pc];
        ei = m->nevents - 1;
    }
    if (!mu->starving) {
        /* nobody waits, or a woken or spinning goroutine will try for it */
        if (!mu->counted || mu->woken || !mu->nwaiters) return true;
        mu->counted--;
        mu->woken = true;
        int w = semrelease(m, mu, g, core, events);
        if (ei >= 0) m->events[ei].other_g = w;
        return true;
    }
    /* Starvation mode: hand it to the first waiter and yield the core, so
     * that the waiter runs at once (Semrelease with handoff: goyield). */
    if (!mu->nwaiters) return true;
    int w = semrelease(m, mu, g, core, events);
    if (ei >= 0) {
        m->events[ei].other_g = w;
        m->events[ei].aux = 1;
    }
    g->state = G_RUNNABLE;
    runqput(m, &m->cores[core], g->id, false);
    Event *y = machine_emit(m, EV_GO_PREEMPT, g->id, core);
    y->line = m->prog->code_line[g->last_pc];
    y->aux = 1;
    return false;
}

bool sync_unlock(Machine *m, Goroutine *g, int core, int64_t addr)
{
    SyncObj *s = sync_get(m, g, addr, SYNC_MUTEX);
    if (!s) return false;
    if (!s->u.mu.owner) {
        machine_fail(m, M_PANIC, g->id, false, "sync: unlock of unlocked mutex");
        return false;
    }
    return sync_mutex_unlock(m, &s->u.mu, g, core, true);
}

bool sync_wg_add(Machine *m, Goroutine *g, int core, int64_t addr, int64_t delta)
{
    SyncObj *s = sync_get(m, g, addr, SYNC_WAITGROUP);
    if (!s) return false;
    WaitGroup *wg = &s->u.wg;
    wg->counter += delta;
    if (wg->counter < 0) {
        machine_fail(m, M_PANIC, g->id, true, "sync: negative WaitGroup counter");
        return false;
    }
    /* Done publishes to Wait; an Add that counts up publishes nothing (as
     * in Go's sync package under -race) */
    if (delta < 0) machine_hb(m, HB_RELEASE, g->id, hb_key(HBK_WAITGROUP, addr, 0));
    if (wg->counter == 0 && wg->nwaiters) {
        /* sched_ready cannot touch the waiter list: wake from a copy anyway,
         * in FIFO order. */
        int n = wg->nwaiters;
        wg->nwaiters = 0;
        for (int i = 0; i < n; i++) {
            machine_hb(m, HB_ACQUIRE, wg->waiters[i], hb_key(HBK_WAITGROUP, addr, 0));
            sched_ready(m, wg->waiters[i], g->id, core);
        }
    }
    return true;
}

bool sync_wg_wait(Machine *m, Goroutine *g, int core, int64_t addr)
{
    SyncObj *s = sync_get(m, g, addr, SYNC_WAITGROUP);
    if (!s) return false;
    WaitGroup *wg = &s->u.wg;
    if (wg->counter == 0) {
        machine_hb(m, HB_ACQUIRE, g->id, hb_key(HBK_WAITGROUP, addr, 0));
        return true;
    }
    sync_enqueue(&wg->waiters, &wg->nwaiters, &wg->waiters_cap, g->id);
    sched_park(m, g, core, WAIT_WAITGROUP, addr);
    return false;
}

static void check_waiter(const Machine *m, int id, WaitReason why, int64_t addr, int *waits)
{
    if (id < 1 || id > m->ngs) sim_fatal("sync_check_invariants", "waiter is no goroutine");
    const Goroutine *g = &m->gs[id - 1];
    if (g->state != G_BLOCKED || g->wait != why || g->wait_addr != addr)
        sim_fatal("sync_check_invariants", "waiter is not blocked on this object");
    waits[id]++;
}

int64_t sync_slot(const SyncObj *s)
{
    switch (s->kind) {
    case SYNC_MUTEX: return s->u.mu.addr;
    case SYNC_WAITGROUP: return s->u.wg.addr;
    case SYNC_RWMUTEX: return s->u.rw.addr;
    case SYNC_ONCE: return s->u.once.addr;
    case SYNC_COND: return s->u.cond.addr + 1;
    }
    return -1;
}

void sync_set_slot(SyncObj *s, int64_t slot)
{
    switch (s->kind) {
    case SYNC_MUTEX: s->u.mu.addr = slot; break;
    case SYNC_WAITGROUP: s->u.wg.addr = slot; break;
    case SYNC_RWMUTEX: s->u.rw.addr = slot; s->u.rw.w.addr = slot; break;
    case SYNC_ONCE: s->u.once.addr = slot; break;
    case SYNC_COND: s->u.cond.addr = slot - 1; break;
    }
}

static void check_rw(const Machine *m, const RWMutex *rw, int *waits)
{
    if (rw->readers < 0) sim_fatal("sync_check_invariants", "negative RWMutex readers");
    if (rw->writer_waiting && (!rw->writer || rw->readers == 0))
        sim_fatal("sync_check_invariants", "RWMutex writer waits for no readers");
    if (!rw->writer && rw->nrwaiters) sim_fatal("sync_check_invariants", "RWMutex readers queued without a writer");
    if (rw->writer && rw->w.owner != rw->writer) sim_fatal("sync_check_invariants", "RWMutex writer without w");
    for (int k = 0; k < rw->nrwaiters; k++) check_waiter(m, rw->rwaiters[k], WAIT_RWMUTEX_R, rw->addr, waits);
    for (int k = 0; k < rw->w.nwaiters; k++) {
        if (rw->w.waiters[k] == rw->writer) sim_fatal("sync_check_invariants", "RWMutex writer queued behind itself");
        check_waiter(m, rw->w.waiters[k], WAIT_RWMUTEX_W, rw->addr, waits);
    }
    if (rw->writer_waiting) check_waiter(m, rw->writer, WAIT_RWMUTEX_W, rw->addr, waits);
}

/* Waits that no queue holds: parked forever (nil channels, select {}), or
 * in channel queues (sim/machine/chan.c checks those). */
static bool queueless(WaitReason w)
{
    return w == WAIT_CHAN_RECV || w == WAIT_CHAN_SEND || w == WAIT_CHAN_RECV_NIL ||
           w == WAIT_CHAN_SEND_NIL || w == WAIT_SELECT || w == WAIT_SELECT_EMPTY;
}

void sync_check_invariants(const Machine *m)
{
    int *waits = xcalloc((size_t)m->ngs + 1, sizeof *waits);
    for (int i = 0; i < m->nsyncs; i++) {
        const SyncObj *s = &m->syncs[i];
        int64_t addr = sync_slot(s);
        if (addr < 0 || addr >= m->nmem) sim_fatal(__func__, "sync object outside memory");
        Value v = m->mem[addr];
        if (v.kind != V_SYNC || v.aux != (uint32_t)s->kind || v.i != i + 1)
            sim_fatal(__func__, "sync slot does not point back at its object");
        switch (s->kind) {
        case SYNC_MUTEX: {
            const Mutex *mu = &s->u.mu;
            if (mu->counted < mu->nwaiters) sim_fatal(__func__, "mutex counts fewer waiters than it queues");
            for (int k = 0; k < mu->nwaiters; k++) {
                if (mu->waiters[k] == mu->owner) sim_fatal(__func__, "mutex owner waits for itself");
                check_waiter(m, mu->waiters[k], WAIT_MUTEX, addr, waits);
            }
            break;
        }
        case SYNC_WAITGROUP: {
            const WaitGroup *wg = &s->u.wg;
            if (wg->counter < 0) sim_fatal(__func__, "negative WaitGroup counter");
            if (wg->counter == 0 && wg->nwaiters) sim_fatal(__func__, "WaitGroup at zero with waiters");
            for (int k = 0; k < wg->nwaiters; k++)
                check_waiter(m, wg->waiters[k], WAIT_WAITGROUP, addr, waits);
            break;
        }
        case SYNC_RWMUTEX:
            check_rw(m, &s->u.rw, waits);
            break;
        case SYNC_ONCE: {
            const Once *o = &s->u.once;
            if (o->done && (o->running || o->nwaiters)) sim_fatal(__func__, "Once done but busy");
            if (!o->running && o->nwaiters) sim_fatal(__func__, "Once waiters while nobody runs f");
            for (int k = 0; k < o->nwaiters; k++) check_waiter(m, o->waiters[k], WAIT_ONCE, addr, waits);
            break;
        }
        case SYNC_COND:
            for (int k = 0; k < s->u.cond.nwaiters; k++)
                check_waiter(m, s->u.cond.waiters[k], WAIT_COND, s->u.cond.addr, waits);
            break;
        }
    }
    for (int i = 0; i < m->ngs; i++) {
        const Goroutine *g = &m->gs[i];
        bool blocked = g->state == G_BLOCKED;
        bool want = blocked && !queueless(g->wait);
        if (want != (waits[i + 1] == 1) || (!want && waits[i + 1]))
            sim_fatal(__func__, "a blocked goroutine is not in exactly one wait queue");
    }
    free(waits);
}
