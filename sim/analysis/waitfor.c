/* waitfor.c — the wait-for graph and its cycles.
 *
 * Nodes are goroutines; an edge G -> G' means G is blocked on something only
 * G' can release: a mutex G' owns (G waits in Lock), an RWMutex G' holds for
 * writing (G waits in RLock or Lock), a Once whose function G' is running
 * (G waits in Do — G' == G is the recursive Do that waits for itself).  A
 * WaitGroup has no single holder, so Wait adds no edge; nor does a channel:
 * the machine does not know which goroutines hold a channel, so the partner
 * of a blocked send or receive is never determined.  Deadlocks among
 * channels are still found, globally, by the scheduler (every goroutine
 * asleep, no timer pending — Go's checkdead); waitfor_describe_stuck says
 * then who waits for what.
 *
 * Since a goroutine waits for at most one such object, each node has at most
 * one outgoing edge and every cycle is found by following edges from each node
 * in id order until a node repeats (the "functional graph" walk); the first
 * cycle reached from the lowest id is reported, rotated to start at its
 * lowest goroutine id so the sentence is the same whichever way it is found.
 * Goroutines in a cycle are deadlocked even while others still run: this is
 * the partial deadlock Go's runtime never reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "waitfor.h"
#include "util.h"

void waitfor_build(const Machine *m, WaitGraph *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < m->ngs && out->nedges < WAITFOR_MAX_EDGES; i++) {
        const Goroutine *g = &m->gs[i];
        if (g->state != G_BLOCKED) continue;
        int holder = 0;
        const SyncObj *s = machine_sync_at(m, g->wait_addr);
        if (g->wait == WAIT_MUTEX && s && s->kind == SYNC_MUTEX) holder = s->u.mu.owner;
        else if ((g->wait == WAIT_RWMUTEX_R || g->wait == WAIT_RWMUTEX_W) && s && s->kind == SYNC_RWMUTEX &&
                 !s->u.rw.writer_waiting)
            holder = s->u.rw.writer;
        else if (g->wait == WAIT_ONCE && s && s->kind == SYNC_ONCE) holder = s->u.once.running;
        if (!holder || (holder == g->id && g->wait != WAIT_ONCE)) continue;
        WaitEdge *e = &out->edges[out->nedges++];
        e->from_g = g->id;
        e->to_g = holder;
        e->wait = g->wait;
        e->addr = g->wait_addr;
    }
    if (!out->nedges) return;

    /* edge_of[g]: the index of g's outgoing edge, -1 none. */
    int *edge_of = xmalloc(((size_t)m->ngs + 1) * sizeof *edge_of);
    int *mark = xcalloc((size_t)m->ngs + 1, sizeof *mark);
    for (int i = 0; i <= m->ngs; i++) edge_of[i] = -1;
    for (int k = 0; k < out->nedges; k++) edge_of[out->edges[k].from_g] = k;

    for (int start = 1; start <= m->ngs && !out->ncycle; start++) {
        if (mark[start] || edge_of[start] < 0) continue;
        int g = start;
        while (g >= 1 && g <= m->ngs && !mark[g] && edge_of[g] >= 0) {
            mark[g] = start;                 /* on this walk */
            g = out->edges[edge_of[g]].to_g;
        }
        if (g < 1 || g > m->ngs || mark[g] != start || edge_of[g] < 0) continue;
        /* g is on a cycle found by this walk: rotate to its lowest id. */
        int low = g, h = g;
        do {
            h = out->edges[edge_of[h]].to_g;
            if (h < low) low = h;
        } while (h != g);
        h = low;
        do {
            out->cycle[out->ncycle++] = edge_of[h];
            h = out->edges[edge_of[h]].to_g;
        } while (h != low && out->ncycle < WAITFOR_MAX_EDGES);
    }
    free(edge_of);
    free(mark);
}

size_t waitfor_describe_cycle(const Machine *m, const WaitGraph *g, char *buf, size_t n)
{
    size_t len = 0;
    if (n) buf[0] = '\0';
    for (int k = 0; k < g->ncycle; k++) {
        const WaitEdge *e = &g->edges[g->cycle[k]];
        char name[96], part[160];
        machine_addr_name(m, e->addr, name, sizeof name);
        int w = snprintf(part, sizeof part, "%sG%d waits for %s held by G%d", k ? "; " : "",
                         e->from_g, name, e->to_g);
        if (w < 0) break;
        if (len + (size_t)w < n) memcpy(buf + len, part, (size_t)w + 1);
        else if (len < n) {
            memcpy(buf + len, part, n - 1 - len);
            buf[n - 1] = '\0';
        }
        len += (size_t)w;
    }
    return len;
}

int waitfor_wait_text(const Machine *m, WaitReason wait, int64_t addr, char *buf, size_t n)
{
    char name[96];
    switch (wait) {
    case WAIT_CHAN_RECV: return snprintf(buf, n, "receives from %s", machine_chan_name(m, addr, name, sizeof name));
    case WAIT_CHAN_SEND: return snprintf(buf, n, "sends on %s", machine_chan_name(m, addr, name, sizeof name));
    case WAIT_CHAN_RECV_NIL: return snprintf(buf, n, "receives from a nil channel");
    case WAIT_CHAN_SEND_NIL: return snprintf(buf, n, "sends on a nil channel");
    case WAIT_SELECT:
        if (!addr) return snprintf(buf, n, "selects on nil channels");
        return snprintf(buf, n, "selects (%s, ...)", machine_chan_name(m, addr, name, sizeof name));
    case WAIT_SELECT_EMPTY: return snprintf(buf, n, "is in select {}");
    default: break;
    }
    machine_addr_name(m, addr, name, sizeof name);
    switch (wait) {
    case WAIT_MUTEX: return snprintf(buf, n, "locks %s", name);
    case WAIT_WAITGROUP: return snprintf(buf, n, "waits for %s", name);
    case WAIT_RWMUTEX_R: return snprintf(buf, n, "read-locks %s", name);
    case WAIT_RWMUTEX_W: return snprintf(buf, n, "write-locks %s", name);
    case WAIT_ONCE: return snprintf(buf, n, "waits for %s", name);
    case WAIT_COND: {
        size_t l = strlen(name);
        if (l > 2 && !strcmp(name + l - 2, ".L")) name[l - 2] = '\0';
        return snprintf(buf, n, "waits on %s", name);
    }
    default: return snprintf(buf, n, "blocks");
    }
}

size_t waitfor_describe_stuck(const Machine *m, char *buf, size_t n)
{
    size_t len = 0;
    if (n) buf[0] = '\0';
    for (int i = 0; i < m->ngs; i++) {
        const Goroutine *g = &m->gs[i];
        if (g->state != G_BLOCKED) continue;
        char what[180], part[200];
        waitfor_wait_text(m, g->wait, g->wait_addr, what, sizeof what);
        int w = snprintf(part, sizeof part, "G%d %s", g->id, what);
        if (w < 0) break;
        char sep[3] = "; ";
        if (!len) sep[0] = '\0';
        int k = snprintf(len < n ? buf + len : NULL, len < n ? n - len : 0, "%s%s", sep, part);
        if (k < 0) break;
        len += (size_t)k;
    }
    if (n && len >= n) buf[n - 1] = '\0';
    return len;
}
