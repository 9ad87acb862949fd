/* timer.c — the timer queue: goroutines parked in time.Sleep, and the channel
 * timers of time.After, time.Tick, time.NewTimer and time.NewTicker, by time.
 *
 * A binary min-heap of Timers ordered by (when, seq).  `seq` is the order the
 * timers were created in, so two goroutines due at the same virtual nanosecond
 * wake in the order they went to sleep — ties are broken by a sequence number,
 * never by goroutine id, pointer or heap layout (libuv's timer start_id).  The
 * heap is a plain array of Values-free structs, so machine_copy copies it with
 * memcpy and a copy pops in the same order.
 *
 * Go keeps a 4-ary heap of timers per P (runtime/time.go) and runs due timers
 * when a P looks for work, stealing other Ps' timers when it has none; the
 * simulated machine has one queue for the whole machine, run by whichever
 * thread looks for work first once they are due (sched.c, protocol 2).
 *
 * The network's deliveries (timer_add_net, for netpoll_at) wait in a heap of
 * their own: they are the kernel's events, due at their time whatever the
 * threads do, while Go's timers run only when a thread looks at them.
 *
 * A channel timer has an id (Machine.timer_ids counts them) that a
 * time.Timer or time.Ticker object keeps, so Stop and Reset find it; a ticker
 * is put back under the same id each time it fires.  A stopped timer leaves
 * the heap at once (Go marks it deleted and removes it lazily; the difference
 * shows nowhere, except that Go's deadlock check may see a deleted timer).
 * Go reports "all goroutines are asleep" only when no timer is pending at
 * all, and so does sched.c: a pending channel timer can wake a receiver.
 *
 * Invariants (timer_check_invariants, SIM_PARANOID builds):
 *   1. heap order: no timer sorts before its parent;
 *   2. every sleep timer's goroutine is G_SLEEPING with wake_time == when;
 *      every channel timer names an existing channel and has an id;
 *   3. every G_SLEEPING goroutine has exactly one timer;
 *   4. seq values are distinct and below Machine.timer_seq; channel timer
 *      ids are distinct.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"

static bool before(const Timer *a, const Timer *b)
{
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void swap(Timer *a, Timer *b)
{
    Timer t = *a;
    *a = *b;
    *b = t;
}

static void sift_up(Timer *h, int i)
{
    while (i > 0) {
        int parent = (i - 1) / 2;
        if (!before(&h[i], &h[parent])) break;
        swap(&h[i], &h[parent]);
        i = parent;
    }
}

static void sift_down(Timer *h, int n, int i)
{
    for (;;) {
        int l = 2 * i + 1, r = l + 1, least = i;
        if (l < n && before(&h[l], &h[least])) least = l;
        if (r < n && before(&h[r], &h[least])) least = r;
        if (least == i) return;
        swap(&h[i], &h[least]);
        i = least;
    }
}

static void add(Machine *m, int g, int chan, int64_t when, int64_t period, int64_t id)
{
    GROW(m->timers, m->timers_cap, m->ntimers + 1);
    Timer *t = &m->timers[m->ntimers];
    memset(t, 0, sizeof *t);                /* no stray padding */
    t->when = when;
    t->seq = m->timer_seq++;
    t->g = g;
    t->chan = chan;
    t->period = period;
    t->id = id;
    sift_up(m->timers, m->ntimers++);
}

void timer_add(Machine *m, int g, int64_t when)
{
    add(m, g, 0, when, 0, 0);
    netpoll_timer_added(m, when);
}

int64_t timer_add_chan(Machine *m, int chan, int64_t when, int64_t period)
{
    int64_t id = ++m->timer_ids;
    add(m, 0, chan, when, period, id);
    netpoll_timer_added(m, when);
    return id;
}

void timer_add_chan_id(Machine *m, int64_t id, int chan, int64_t when, int64_t period)
{
    add(m, 0, chan, when, period, id);
}

/* Remove heap entry i, keeping the heap ordered. */
static void remove_at(Machine *m, int i)
{
    Timer *h = m->timers;
    h[i] = h[--m->ntimers];
    if (i == m->ntimers) return;
    sift_up(h, i);
    sift_down(h, m->ntimers, i);
}

bool timer_stop(Machine *m, int64_t id)
{
    for (int i = 0; i < m->ntimers; i++) {
        if (m->timers[i].g == 0 && m->timers[i].id == id) {
            remove_at(m, i);
            return true;
        }
    }
    return false;
}

int64_t timer_next(const Machine *m)
{
    return m->ntimers ? m->timers[0].when : INT64_MAX;
}

bool timer_pop(Machine *m, int64_t now, Timer *out)
{
    if (!m->ntimers || m->timers[0].when > now) return false;
    *out = m->timers[0];
    m->timers[0] = m->timers[--m->ntimers];
    sift_down(m->timers, m->ntimers, 0);
    return true;
}

int timer_pop_due(Machine *m, int64_t now)
{
    Timer t;
    return timer_pop(m, now, &t) ? t.g : 0;
}

/* ---- the network's deliveries: a heap of their own, on (when, seq) ---- */

void timer_add_net(Machine *m, int64_t when, int64_t token)
{
    GROW(m->netevs, m->netevs_cap, m->nnetevs + 1);
    Timer *t = &m->netevs[m->nnetevs];
    memset(t, 0, sizeof *t);
    t->when = when;
    t->seq = m->timer_seq++;
    t->net = token;
    sift_up(m->netevs, m->nnetevs++);
}

int64_t timer_next_net(const Machine *m)
{
    return m->nnetevs ? m->netevs[0].when : INT64_MAX;
}

int64_t timer_pop_net(Machine *m, int64_t now)
{
    if (!m->nnetevs || m->netevs[0].when > now) return 0;
    int64_t token = m->netevs[0].net;
    m->netevs[0] = m->netevs[--m->nnetevs];
    sift_down(m->netevs, m->nnetevs, 0);
    return token;
}

void timer_check_invariants(const Machine *m)
{
    int *count = xcalloc((size_t)m->ngs + 1, sizeof *count);
    for (int i = 0; i < m->ntimers; i++) {
        const Timer *t = &m->timers[i];
        if (i > 0 && before(t, &m->timers[(i - 1) / 2]))
            sim_fatal(__func__, "timer heap out of order");
        if (t->seq >= m->timer_seq) sim_fatal(__func__, "timer seq from the future");
        if (t->g == 0) {
            if (t->chan < 1 || t->chan > m->nchans || t->id < 1)
                sim_fatal(__func__, "channel timer for no channel");
            for (int j = i + 1; j < m->ntimers; j++)
                if (m->timers[j].g == 0 && m->timers[j].id == t->id) sim_fatal(__func__, "duplicate timer id");
            continue;
        }
        if (t->g < 1 || t->g > m->ngs) sim_fatal(__func__, "timer for no goroutine");
        const Goroutine *g = &m->gs[t->g - 1];
        if (g->state != G_SLEEPING || g->wake_time != t->when)
            sim_fatal(__func__, "timer for a goroutine that is not sleeping until then");
        count[t->g]++;
    }
    for (int i = 0; i < m->ngs; i++)
        if ((m->gs[i].state == G_SLEEPING) != (count[i + 1] == 1))
            sim_fatal(__func__, "a sleeping goroutine without exactly one timer");
    for (int i = 0; i < m->ntimers; i++)
        for (int j = i + 1; j < m->ntimers; j++)
            if (m->timers[i].seq == m->timers[j].seq) sim_fatal(__func__, "duplicate timer seq");
    for (int i = 1; i < m->nnetevs; i++)
        if (before(&m->netevs[i], &m->netevs[(i - 1) / 2])) sim_fatal(__func__, "network event heap out of order");
    free(count);
}
