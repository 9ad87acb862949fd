/* netpoll.c — the network poller (Go's runtime/netpoll.go, netpoll_epoll.go).
 *
 * A goroutine that reads from a socket with nothing to read parks on the
 * poller and gives its thread back (netpollblock): unlike a blocking system
 * call, waiting for the network costs no thread.  The simulated network
 * (sim/lib/net.c) says when a socket becomes ready: it schedules a delivery
 * with netpoll_at (the loopback's latency later) and, when the delivery is
 * due, the kernel marks the goroutines parked on that socket ready
 * (netpoll_wake).  They run once a thread polls:
 *   - a thread looking for work polls without blocking (findRunnable's
 *     netpoll(0), netpoll_take);
 *   - the one thread blocked in the poller (netpoll(delay), TH_POLLING) wakes
 *     when a delivery makes something ready, or at its timeout: the next
 *     timer on epoll's millisecond clock — which is also how timers fire
 *     while every P is idle;
 *   - sysmon polls when nobody has for 10 ms.
 *
 * Keys name what a goroutine waits for (a socket and a direction); the
 * network chooses them, the poller only matches them.
 *
 * Invariants: every goroutine in WAIT_IO is G_BLOCKED; the ones in
 * Machine.pollready are exactly those the network made ready and no thread
 * has taken yet; Machine.poller is the one TH_POLLING thread, and then
 * lastpoll is 0.
 */
#include "machine_internal.h"
#include "timing.h"

void netpoll_wait(Machine *m, Goroutine *g, int core, int64_t key)
{
    sched_park(m, g, core, WAIT_IO, key);
}

static bool is_ready(const Machine *m, int g)
{
    return runq_has(&m->pollready, g);
}

int netpoll_wake(Machine *m, int64_t key)
{
    int n = 0;
    for (int i = 0; i < m->ngs; i++) {
        Goroutine *g = &m->gs[i];
        if (g->state != G_BLOCKED || g->wait != WAIT_IO || g->wait_addr != key || is_ready(m, g->id)) continue;
        runq_push_tail(&m->pollready, g->id);
        n++;
    }
    if (n && m->poller >= 0) {                  /* epoll_wait returns */
        Thread *t = &m->threads[m->poller];
        int64_t at = m->now_ps + timing_epoll_wake(m, 0x40) * PS_PER_NS;
        if (at < t->clock) t->clock = at;
    }
    return n;
}

void netpoll_at(Machine *m, int64_t when, int64_t token)
{
    timer_add_net(m, when, token);
}

void netpoll_deliver_due(Machine *m)
{
    int64_t token;
    while ((token = timer_pop_net(m, m->now))) net_deliver(m, token);
}

int netpoll_waiters(const Machine *m)
{
    int n = 0;
    for (int i = 0; i < m->ngs; i++) n += m->gs[i].state == G_BLOCKED && m->gs[i].wait == WAIT_IO;
    return n;
}

/* A goroutine the poller found becomes runnable (the caller queues it). */
static int unpark(Machine *m)
{
    int g = runq_pop_head(&m->pollready);
    if (!g) return 0;
    Goroutine *gp = machine_g(m, g);
    gp->state = G_RUNNABLE;
    gp->wait = WAIT_NONE;
    gp->wait_addr = 0;
    Event *e = machine_emit(m, EV_GO_WAKE, g, -1);
    e->wait = WAIT_IO;                  /* what it waited for: not a timer */
    e->line = machine_goroutine_line(m, gp);
    return g;
}

/* injectglist: with P c (NULL none), as many goroutines as there are idle
 * Ps go to the global queue with a thread started for each; the rest to
 * c's local queue (all to the global queue without a P). */
static void inject(Machine *m, Core *c)
{
    int idle = sched_npidle(m), g;
    while ((!c || idle > 0) && (g = unpark(m))) {
        runq_push_tail(&m->global, g);
        if (idle > 0) {
            idle--;
            sched_startm(m, NULL, false);
        }
    }
    while (c && (g = unpark(m))) runqput(m, c, g, false);
}

int netpoll_take(Machine *m, Core *c)
{
    int g = unpark(m);
    if (g) inject(m, c);
    return g;
}

void netpoll_inject(Machine *m)
{
    inject(m, NULL);
}

void netpoll_block(Machine *m, Thread *t, int64_t deadline_ps)
{
    t->state = TH_POLLING;
    t->clock = deadline_ps;
    m->poller = t->id;
    m->lastpoll = 0;
    int64_t next = timer_next(m);
    m->poll_until = next == INT64_MAX ? 0 : next;
}

void netpoll_wakeup(Machine *m, Thread *t)
{
    m->poller = -1;
    m->poll_until = 0;
    m->lastpoll = m->now;
    Core *p = sched_pidleget(m);
    if (!p) {
        inject(m, NULL);
        sched_stopm(m, t);
        return;
    }
    sched_acquire(t, p);
    int g = unpark(m);
    if (g) {
        inject(m, p);
        sched_execute(m, t, g, false);
        t->clock += TIMING_SWITCH_NS * PS_PER_NS;
        return;
    }
    t->state = TH_SCHED;                        /* goto top: the timers */
}

void netpoll_timer_added(Machine *m, int64_t when)
{
    if (!m->netpoll_inited) {                   /* netpollGenericInit */
        m->netpoll_inited = true;
        m->charge_ps += TIMING_NETPOLL_INIT_NS * PS_PER_NS;
    }
    if (m->poller >= 0) {                       /* wakeNetPoller: netpollBreak */
        if (m->poll_until == 0 || m->poll_until > when) {
            Thread *t = &m->threads[m->poller];
            int64_t at = m->now_ps + timing_wake(m, 0x41) * PS_PER_NS;
            if (at < t->clock) t->clock = at;
        }
        return;
    }
    sched_wakep(m);
}
