/* sync.c — sync.Mutex and sync.WaitGroup (sync.RWMutex, Once and Cond are in
 * sim/machine/sync_rw.c; the invariants of all five are checked here).
 *
 * A sync.Mutex or sync.WaitGroup is a slot in shared memory holding a V_SYNC
 * Value.  Its zero value (i == 0, or an unset V_NIL slot) is usable, as in
 * Go: the first Lock/Add/Wait allocates a SyncObj in Machine.syncs and stores
 * 1 + its index in the slot.  Allocation is in first-use order, so a Machine
 * and its copies number their sync objects identically.
 *
 * Mutex: an owner and a FIFO queue of waiting goroutines.  Unlock with waiters
 * hands ownership straight to the first waiter (it wakes up owning the lock,
 * its LOCK already complete), so no later Lock can barge in.  That is Go's
 * starvation mode (sync/mutex.go, entered once a waiter has waited 1 ms);
 * Go's normal mode — the woken waiter competes with newcomers and usually
 * loses — comes with the starvation scenario later.  Unlocking an unlocked
 * mutex is Go's fatal error "sync: unlock of unlocked mutex" (unrecoverable).
 *
 * WaitGroup: a counter and the goroutines in Wait.  Add(n) with a negative
 * result panics "sync: negative WaitGroup counter"; when the counter reaches
 * zero every waiter wakes, in the order it started waiting (Go's Add releases
 * the semaphore once per waiter, each into the waker's runnext).
 *
 * Invariants (sync_check_invariants, after every step in SIM_PARANOID builds):
 *   1. a sync object's slot points back at it: mem[addr] is V_SYNC of its
 *      kind with i == 1 + its index;
 *   2. Mutex: a mutex with waiters has an owner (Unlock hands over), and the
 *      owner is not among its waiters;
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

void sync_block(Machine *m, Goroutine *g, int core, WaitReason why, int64_t addr)
{
    g->state = G_BLOCKED;
    g->wait = why;
    g->wait_addr = addr;
    Event *e = machine_emit(m, EV_GO_BLOCK, g->id, core);
    e->wait = why;
    e->addr = addr;
    e->line = m->prog->code_line[g->last_pc];
}

static void block(Machine *m, Goroutine *g, int core, WaitReason why, int64_t addr)
{
    sync_block(m, g, core, why, addr);
}

void sync_enqueue(int **q, int *n, int *cap, int g)
{
    GROW(*q, *cap, *n + 1);
    (*q)[(*n)++] = g;
}

bool sync_lock(Machine *m, Goroutine *g, int core, int64_t addr)
{
    SyncObj *s = sync_get(m, g, addr, SYNC_MUTEX);
    if (!s) return false;
    Mutex *mu = &s->u.mu;
    int line = m->prog->code_line[g->last_pc];
    if (!mu->owner) {
        mu->owner = g->id;
        mu->acquisitions++;
        Event *e = machine_emit(m, EV_LOCK_ACQUIRE, g->id, core);
        e->addr = addr;
        e->line = line;
        return true;
    }
    mu->contentions++;
    sync_enqueue(&mu->waiters, &mu->nwaiters, &mu->waiters_cap, g->id);
    Event *e = machine_emit(m, EV_LOCK_CONTEND, g->id, core);
    e->other_g = mu->owner;
    e->addr = addr;
    e->line = line;
    block(m, g, core, WAIT_MUTEX, addr);
    return false;
}

bool sync_unlock(Machine *m, Goroutine *g, int core, int64_t addr)
{
    SyncObj *s = sync_get(m, g, addr, SYNC_MUTEX);
    if (!s) return false;
    Mutex *mu = &s->u.mu;
    if (!mu->owner) {
        machine_fail(m, M_PANIC, g->id, false, "sync: unlock of unlocked mutex");
        return false;
    }
    int next = 0;
    if (mu->nwaiters) {
        next = mu->waiters[0];
        memmove(mu->waiters, mu->waiters + 1, (size_t)--mu->nwaiters * sizeof *mu->waiters);
    }
    mu->owner = next;
    Event *e = machine_emit(m, EV_LOCK_RELEASE, g->id, core);
    e->other_g = next;
    e->addr = addr;
    e->line = m->prog->code_line[g->last_pc];
    if (next) {
        mu->acquisitions++;
        e = machine_emit(m, EV_LOCK_ACQUIRE, next, -1);
        e->addr = addr;
        e->line = m->prog->code_line[m->gs[next - 1].last_pc];
        sched_ready(m, next, g->id, core);
    }
    return true;
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
    if (wg->counter == 0 && wg->nwaiters) {
        /* sched_ready cannot touch the waiter list: wake from a copy anyway,
         * in FIFO order. */
        int n = wg->nwaiters;
        wg->nwaiters = 0;
        for (int i = 0; i < n; i++) sched_ready(m, wg->waiters[i], g->id, core);
    }
    return true;
}

bool sync_wg_wait(Machine *m, Goroutine *g, int core, int64_t addr)
{
    SyncObj *s = sync_get(m, g, addr, SYNC_WAITGROUP);
    if (!s) return false;
    WaitGroup *wg = &s->u.wg;
    if (wg->counter == 0) return true;
    sync_enqueue(&wg->waiters, &wg->nwaiters, &wg->waiters_cap, g->id);
    block(m, g, core, WAIT_WAITGROUP, addr);
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

/* Where a sync object's V_SYNC slot is. */
static int64_t slot_of(const SyncObj *s)
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

static void check_rw(const Machine *m, const RWMutex *rw, int *waits)
{
    if (rw->readers < 0) sim_fatal("sync_check_invariants", "negative RWMutex readers");
    if (rw->writer_waiting && (!rw->writer || rw->readers == 0))
        sim_fatal("sync_check_invariants", "RWMutex writer waits for no readers");
    if (!rw->writer && (rw->nrwaiters || rw->nwwaiters))
        sim_fatal("sync_check_invariants", "RWMutex waiters without a writer");
    for (int k = 0; k < rw->nrwaiters; k++) check_waiter(m, rw->rwaiters[k], WAIT_RWMUTEX_R, rw->addr, waits);
    for (int k = 0; k < rw->nwwaiters; k++) {
        if (rw->wwaiters[k] == rw->writer) sim_fatal("sync_check_invariants", "RWMutex writer queued behind itself");
        check_waiter(m, rw->wwaiters[k], WAIT_RWMUTEX_W, rw->addr, waits);
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
        int64_t addr = slot_of(s);
        if (addr < 0 || addr >= m->nmem) sim_fatal(__func__, "sync object outside memory");
        Value v = m->mem[addr];
        if (v.kind != V_SYNC || v.aux != (uint32_t)s->kind || v.i != i + 1)
            sim_fatal(__func__, "sync slot does not point back at its object");
        switch (s->kind) {
        case SYNC_MUTEX: {
            const Mutex *mu = &s->u.mu;
            if (mu->nwaiters && !mu->owner) sim_fatal(__func__, "mutex with waiters but no owner");
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
