/* runq.c — run queues: each P's runnext and local queue, and the global
 * queue, with Go's operations on them (runtime/proc.go runqput, runqget,
 * globrunqget, runqsteal).
 *
 * A queue is a ring of goroutine ids.  A P's local queue holds 256 Gs
 * (runtime2.go p.runq); a full one moves half of itself and the new G to the
 * global queue (runqputslow).  runnext is one slot beside it: the G that runs
 * next on that P, ahead of the queue, inheriting the time slice of the G
 * that readied it.  Nothing here decides when a thread looks at a queue:
 * that is sched.c's.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"

#define RUNQ_SIZE 256       /* runtime2.go: p.runq [256]guintptr */

static int rq_at(const RunQueue *q, int k) { return q->ids[(q->head + k) % q->cap]; }

int runq_at(const RunQueue *q, int k) { return rq_at(q, k); }

void runq_grow(RunQueue *q)
{
    int cap = q->cap ? q->cap * 2 : 64;
    int *ids = xmalloc((size_t)cap * sizeof *ids);
    for (int k = 0; k < q->len; k++) ids[k] = rq_at(q, k);
    free(q->ids);
    q->ids = ids;
    q->cap = cap;
    q->head = 0;
}

void runq_push_tail(RunQueue *q, int g)
{
    if (q->len == q->cap) runq_grow(q);
    q->ids[(q->head + q->len++) % q->cap] = g;
}

void runq_push_head(RunQueue *q, int g)
{
    if (q->len == q->cap) runq_grow(q);
    q->head = (q->head + q->cap - 1) % q->cap;
    q->ids[q->head] = g;
    q->len++;
}

int runq_pop_head(RunQueue *q)
{
    if (!q->len) return 0;
    int g = q->ids[q->head];
    q->head = (q->head + 1) % q->cap;
    q->len--;
    return g;
}

bool runq_remove(RunQueue *q, int g)
{
    for (int k = 0; k < q->len; k++) {
        if (rq_at(q, k) != g) continue;
        for (; k + 1 < q->len; k++) q->ids[(q->head + k) % q->cap] = rq_at(q, k + 1);
        q->len--;
        return true;
    }
    return false;
}

bool runq_has(const RunQueue *q, int g)
{
    for (int k = 0; k < q->len; k++)
        if (rq_at(q, k) == g) return true;
    return false;
}

void runqput(Machine *m, Core *c, int g, bool next)
{
    if (next) {
        int old = c->runnext;
        c->runnext = g;
        if (!old) return;
        g = old;
    }
    if (c->local.len < RUNQ_SIZE) {
        runq_push_tail(&c->local, g);
        return;
    }
    /* runqputslow: half of the full local queue and g go to the global one. */
    for (int k = 0; k < RUNQ_SIZE / 2; k++) runq_push_tail(&m->global, runq_pop_head(&c->local));
    runq_push_tail(&m->global, g);
}

int runqget(Core *c, bool *inherit)
{
    *inherit = false;
    if (c->runnext) {
        int g = c->runnext;
        c->runnext = 0;
        *inherit = true;
        return g;
    }
    return runq_pop_head(&c->local);
}

bool runq_empty(const Core *c)
{
    return !c->runnext && !c->local.len;
}

int globrunqget(Machine *m, Core *c, int max)
{
    int n = m->global.len;
    if (n <= 1) return runq_pop_head(&m->global);
    int want = n / m->ncores + 1;
    if (want > n) want = n;
    if (max > 0 && want > max) want = max;
    if (want > RUNQ_SIZE / 2) want = RUNQ_SIZE / 2;
    int g = runq_pop_head(&m->global);
    while (--want > 0) runqput(m, c, runq_pop_head(&m->global), false);
    return g;
}

int runqsteal(Core *thief, Core *victim)
{
    int n = victim->local.len;
    if (!n) return 0;
    int take = n - n / 2;                       /* runqgrab: n - n/2 from the head */
    for (int i = 0; i < take - 1; i++) runq_push_tail(&thief->local, runq_pop_head(&victim->local));
    return runq_pop_head(&victim->local);       /* the last one grabbed runs first */
}

void runq_init_local(Core *c)
{
    c->local.ids = xmalloc(RUNQ_SIZE * sizeof(int));
    c->local.cap = RUNQ_SIZE;
    c->local.head = c->local.len = 0;
}
