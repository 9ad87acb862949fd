/* netpoll.c — the network poller (Go's runtime/netpoll.go).
 *
 * A goroutine that reads from a socket with nothing to read parks on the
 * poller and gives its M back (netpollblock): unlike a blocking system call,
 * waiting for the network costs no thread.  The simulated network
 * (sim/lib/net.c) says when a socket becomes ready: it schedules a delivery
 * with netpoll_at (the loopback's latency later) and, when it comes, wakes
 * the goroutines parked on that socket with netpoll_wake.
 *
 * Keys: the network chooses them (a socket and a direction); the poller only
 * matches them.  Invariant: every goroutine in WAIT_IO is G_BLOCKED.
 */
#include "machine_internal.h"

void netpoll_wait(Machine *m, Goroutine *g, int core, int64_t key)
{
    g->state = G_BLOCKED;
    g->wait = WAIT_IO;
    g->wait_addr = key;
    Event *e = machine_emit(m, EV_GO_BLOCK, g->id, core);
    e->wait = WAIT_IO;
    e->addr = key;
    e->line = m->prog->code_line[g->last_pc];
}

int netpoll_wake(Machine *m, int64_t key)
{
    int n = 0;
    for (int i = 0; i < m->ngs; i++) {
        Goroutine *g = &m->gs[i];
        if (g->state != G_BLOCKED || g->wait != WAIT_IO || g->wait_addr != key) continue;
        sched_ready(m, g->id, 0, -1);
        n++;
    }
    return n;
}

void netpoll_at(Machine *m, int64_t when, int64_t token)
{
    timer_add_net(m, when, token);
}
