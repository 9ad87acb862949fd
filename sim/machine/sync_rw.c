/* sync_rw.c — sync.RWMutex, sync.Once and sync.Cond.
 *
 * They are sync objects like the Mutex and the WaitGroup of sim/machine/sync.c: a
 * V_SYNC slot in shared memory, allocated on first use, so the zero value
 * works.  Blocked goroutines show Go 1.19's wait reasons: RWMutex and Once
 * wait in a semaphore ("semacquire"), Cond.Wait in "sync.Cond.Wait".
 *
 * RWMutex (Go's rwmutex.go).  Readers share the lock.  A writer first takes
 * the writers' Mutex w — a sync.Mutex with all its modes, so writers spin,
 * barge and starve as goroutines on a Mutex do — then announces itself and
 * waits until the readers inside have left; meanwhile every new reader
 * queues, so a waiting writer is not starved by a stream of readers.
 * Unlock admits all the readers that queued during the write (Go releases
 * readerSem once per waiting reader, each into the unlocker's runnext), then
 * unlocks w, and the next writer waits for those readers in turn.  RUnlock with no reader inside is Go's fatal error "sync: RUnlock of
 * unlocked RWMutex"; Unlock without a writer "sync: Unlock of unlocked
 * RWMutex".  Taking a read lock and then the write lock in one goroutine
 * waits forever, as in Go.
 *
 * Once.Do(f): the first caller runs f (the code around ONCEBEGIN/ONCEEND
 * calls it), every other caller waits until f has returned ("semacquire":
 * they queue on the Once's mutex in Go) and then returns without calling it.
 * A goroutine that calls Do on a Once whose f it is running waits forever.
 *
 * Cond: Wait joins the notify list (a FIFO of tickets in Go's
 * runtime/sema.go), unlocks c.L and parks; the instructions after CONDWAIT
 * lock c.L again.  Signal wakes the oldest waiter, Broadcast all of them in
 * order; with nobody waiting they do nothing.
 *
 * Invariants (sync_rw_check, part of sync_check_invariants):
 *   1. RWMutex: readers >= 0; writer_waiting only with a writer, and then
 *      readers > 0; readers queue only behind a writer, which holds w;
 *      writers queued on w are not the writer; a waiting writer is blocked
 *      in WAIT_RWMUTEX_W;
 *   2. Once: done means nobody runs f and nobody waits;
 *   3. every waiter is blocked with the matching reason and address.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"

static int line_of(const Machine *m, const Goroutine *g)
{
    return m->prog->code_line[g->last_pc];
}

static void sync_event(Machine *m, int g, int other, int core, int64_t addr, SyncOp op)
{
    Event *e = machine_emit(m, EV_SYNC, g, core);
    e->other_g = other;
    e->addr = addr;
    e->aux = op;
    e->line = line_of(m, machine_g(m, g));
}

static int q_pop(int *q, int *n)
{
    int g = q[0];
    memmove(q, q + 1, (size_t)--*n * sizeof *q);
    return g;
}

/* ---- RWMutex ----------------------------------------------------------------------------- */

bool sync_rlock(Machine *m, Goroutine *g, int core, int64_t addr)
{
    SyncObj *s = sync_obj(m, g, addr, SYNC_RWMUTEX);
    if (!s) return false;
    RWMutex *rw = &s->u.rw;
    if (!rw->writer) {
        rw->readers++;
        sync_event(m, g->id, 0, core, addr, SYNC_OP_RLOCK);
        return true;
    }
    sync_enqueue(&rw->rwaiters, &rw->nrwaiters, &rw->rwaiters_cap, g->id);
    sched_park(m, g, core, WAIT_RWMUTEX_R, addr);
    return false;
}

bool sync_runlock(Machine *m, Goroutine *g, int core, int64_t addr)
{
    SyncObj *s = sync_obj(m, g, addr, SYNC_RWMUTEX);
    if (!s) return false;
    RWMutex *rw = &s->u.rw;
    if (rw->readers == 0) {
        machine_fail(m, M_PANIC, g->id, false, "sync: RUnlock of unlocked RWMutex");
        return false;
    }
    rw->readers--;
    sync_event(m, g->id, 0, core, addr, SYNC_OP_RUNLOCK);
    if (rw->readers == 0 && rw->writer_waiting) {    /* the last reader lets the writer in */
        rw->writer_waiting = false;
        sync_event(m, rw->writer, 0, -1, addr, SYNC_OP_WLOCK);
        sched_ready(m, rw->writer, g->id, core);     /* its LOCK runs again and finds it done */
    }
    return true;
}

/* Lock: rw.w.Lock(), then announce (readerCount -= rwmutexMaxReaders) and
 * wait on writerSem for the readers inside to leave.  LOCK runs again while
 * it spins or waits for w, and once more after the last reader wakes it,
 * finding itself announced. */
int sync_wlock(Machine *m, Goroutine *g, int core, int64_t addr, bool again_ok)
{
    SyncObj *s = sync_obj(m, g, addr, SYNC_RWMUTEX);
    if (!s) return SYNC_PARKED;
    RWMutex *rw = &s->u.rw;
    if (rw->writer == g->id && rw->w.owner == g->id) return SYNC_DONE;   /* the readers left */
    rw->w.addr = addr;
    int r = sync_mutex_lock(m, &rw->w, g, core, again_ok, WAIT_RWMUTEX_W, false);
    if (r != SYNC_DONE) return r;
    rw->writer = g->id;
    if (rw->readers > 0) {
        rw->writer_waiting = true;
        sched_park(m, g, core, WAIT_RWMUTEX_W, addr);
        return SYNC_PARKED;
    }
    sync_event(m, g->id, 0, core, addr, SYNC_OP_WLOCK);
    return SYNC_DONE;
}

/* Unlock: let the readers that queued during the write in (each readied
 * into the unlocker's runnext), then rw.w.Unlock(): the next writer
 * competes for w as for any Mutex. */
bool sync_wunlock(Machine *m, Goroutine *g, int core, int64_t addr)
{
    SyncObj *s = sync_obj(m, g, addr, SYNC_RWMUTEX);
    if (!s) return false;
    RWMutex *rw = &s->u.rw;
    if (!rw->writer || rw->writer_waiting) {
        machine_fail(m, M_PANIC, g->id, false, "sync: Unlock of unlocked RWMutex");
        return false;
    }
    rw->writer = 0;
    sync_event(m, g->id, 0, core, addr, SYNC_OP_WUNLOCK);
    int n = rw->nrwaiters;
    rw->nrwaiters = 0;
    rw->readers += n;
    for (int i = 0; i < n; i++) {
        sync_event(m, rw->rwaiters[i], 0, -1, addr, SYNC_OP_RLOCK);
        sched_ready(m, rw->rwaiters[i], g->id, core);
    }
    return sync_mutex_unlock(m, &rw->w, g, core, false);
}

/* ---- Once -------------------------------------------------------------------------------- */

bool sync_once_begin(Machine *m, Goroutine *g, int core, int64_t addr)
{
    SyncObj *s = sync_obj(m, g, addr, SYNC_ONCE);
    if (!s) return false;
    Once *o = &s->u.once;
    if (o->done) {
        machine_hb(m, HB_ACQUIRE, g->id, hb_key(HBK_ONCE, addr, 0));
        vm_push(g, value_bool(false));
        return true;
    }
    if (o->running) {           /* another call runs f (or this goroutine's own) */
        sync_enqueue(&o->waiters, &o->nwaiters, &o->waiters_cap, g->id);
        sched_park(m, g, core, WAIT_ONCE, addr);
        return false;
    }
    o->running = g->id;
    sync_event(m, g->id, 0, core, addr, SYNC_OP_ONCE_RUN);
    vm_push(g, value_bool(true));
    return true;
}

bool sync_once_end(Machine *m, Goroutine *g, int core, int64_t addr)
{
    SyncObj *s = sync_obj(m, g, addr, SYNC_ONCE);
    if (!s) return false;
    Once *o = &s->u.once;
    o->done = true;
    o->running = 0;
    sync_event(m, g->id, 0, core, addr, SYNC_OP_ONCE_DONE);
    machine_hb(m, HB_RELEASE, g->id, hb_key(HBK_ONCE, addr, 0));
    int n = o->nwaiters;
    o->nwaiters = 0;
    for (int i = 0; i < n; i++) {
        machine_hb(m, HB_ACQUIRE, o->waiters[i], hb_key(HBK_ONCE, addr, 0));
        vm_push(machine_g(m, o->waiters[i]), value_bool(false));
        sched_ready(m, o->waiters[i], g->id, core);
    }
    return true;
}

/* ---- Cond -------------------------------------------------------------------------------- */

bool sync_cond_wait(Machine *m, Goroutine *g, int core, int64_t cond)
{
    SyncObj *s = sync_obj(m, g, cond + 1, SYNC_COND);
    if (!s) return false;
    Value l = m->mem[cond];
    if (l.kind != V_PTR || (uint64_t)l.i >= (uint64_t)m->nmem) {
        machine_fail(m, M_PANIC, g->id, true,
                     "runtime error: invalid memory address or nil pointer dereference");
        return false;
    }
    Cond *c = &s->u.cond;
    sync_enqueue(&c->waiters, &c->nwaiters, &c->waiters_cap, g->id);
    sync_event(m, g->id, 0, core, cond, SYNC_OP_COND_WAIT);
    /* c.L.Unlock() — which fails as Go's does if L is not locked.  Its
     * events come before the park, as in Go (Wait unlocks, then parks). */
    if (!sync_unlock(m, g, core, l.i)) {
        c->nwaiters--;
        return false;
    }
    sched_park(m, g, core, WAIT_COND, cond);
    return false;
}

bool sync_cond_signal(Machine *m, Goroutine *g, int core, int64_t cond, bool all)
{
    SyncObj *s = sync_obj(m, g, cond + 1, SYNC_COND);
    if (!s) return false;
    Cond *c = &s->u.cond;
    sync_event(m, g->id, 0, core, cond, all ? SYNC_OP_COND_BROADCAST : SYNC_OP_COND_SIGNAL);
    int n = all ? c->nwaiters : c->nwaiters > 0;
    c->signals++;
    for (int i = 0; i < n; i++) sched_ready(m, q_pop(c->waiters, &c->nwaiters), g->id, core);
    return true;
}
