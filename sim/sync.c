/* sync.c — sync.Mutex and sync.WaitGroup.
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
static SyncObj *sync_get(Machine *m, Goroutine *g, int64_t addr, SyncKind kind)
{
    Value *v = &m->mem[addr];
    if (v->kind == V_NIL) *v = value_make(V_SYNC, kind, 0);
    if (v->kind != V_SYNC || v->aux != (uint32_t)kind) {
        machine_fail(m, M_PANIC, g->id, false,
                     kind == SYNC_MUTEX ? "interleave: bad bytecode: Lock/Unlock of a non-mutex"
                                        : "interleave: bad bytecode: WaitGroup op on a non-WaitGroup");
        return NULL;
    }
    if (v->i == 0) {
        GROW(m->syncs, m->syncs_cap, m->nsyncs + 1);
        SyncObj *s = &m->syncs[m->nsyncs++];
        memset(s, 0, sizeof *s);
        s->kind = kind;
        if (kind == SYNC_MUTEX) s->u.mu.addr = addr;
        else s->u.wg.addr = addr;
        v->i = m->nsyncs;
    }
    return &m->syncs[v->i - 1];
}

static void block(Machine *m, Goroutine *g, int core, WaitReason why, int64_t addr)
{
    g->state = G_BLOCKED;
    g->wait = why;
    g->wait_addr = addr;
    Event *e = machine_emit(m, EV_GO_BLOCK, g->id, core);
    e->wait = why;
    e->addr = addr;
    e->line = m->prog->code_line[g->last_pc];
}

static void enqueue(int **q, int *n, int *cap, int g)
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
    enqueue(&mu->waiters, &mu->nwaiters, &mu->waiters_cap, g->id);
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
    enqueue(&wg->waiters, &wg->nwaiters, &wg->waiters_cap, g->id);
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

void sync_check_invariants(const Machine *m)
{
    int *waits = xcalloc((size_t)m->ngs + 1, sizeof *waits);
    for (int i = 0; i < m->nsyncs; i++) {
        const SyncObj *s = &m->syncs[i];
        int64_t addr = s->kind == SYNC_MUTEX ? s->u.mu.addr : s->u.wg.addr;
        if (addr < 0 || addr >= m->nmem) sim_fatal(__func__, "sync object outside memory");
        Value v = m->mem[addr];
        if (v.kind != V_SYNC || v.aux != (uint32_t)s->kind || v.i != i + 1)
            sim_fatal(__func__, "sync slot does not point back at its object");
        if (s->kind == SYNC_MUTEX) {
            const Mutex *mu = &s->u.mu;
            if (mu->nwaiters && !mu->owner) sim_fatal(__func__, "mutex with waiters but no owner");
            for (int k = 0; k < mu->nwaiters; k++) {
                if (mu->waiters[k] == mu->owner) sim_fatal(__func__, "mutex owner waits for itself");
                check_waiter(m, mu->waiters[k], WAIT_MUTEX, addr, waits);
            }
        } else {
            const WaitGroup *wg = &s->u.wg;
            if (wg->counter < 0) sim_fatal(__func__, "negative WaitGroup counter");
            if (wg->counter == 0 && wg->nwaiters) sim_fatal(__func__, "WaitGroup at zero with waiters");
            for (int k = 0; k < wg->nwaiters; k++)
                check_waiter(m, wg->waiters[k], WAIT_WAITGROUP, addr, waits);
        }
    }
    for (int i = 0; i < m->ngs; i++)
        if ((m->gs[i].state == G_BLOCKED) != (waits[i + 1] == 1))
            sim_fatal(__func__, "a blocked goroutine is not in exactly one wait queue");
    free(waits);
}
