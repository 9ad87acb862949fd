/* waitfor.c — the wait-for graph and its cycles.
 *
 * Nodes are goroutines; an edge G -> G' means G is blocked on something only
 * G' can release.  Today that is a mutex: G waits in Lock, G' owns it.  (A
 * WaitGroup has no single holder, so Wait adds no edge; channels will add
 * edges to the goroutines that could be their partners.)
 *
 * Since a goroutine waits for at most one mutex, each node has at most one
 * outgoing edge and every cycle is found by following edges from each node
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
        if (g->state != G_BLOCKED || g->wait != WAIT_MUTEX) continue;
        const Mutex *mu = machine_mutex_at(m, g->wait_addr);
        if (!mu || !mu->owner || mu->owner == g->id) continue;
        WaitEdge *e = &out->edges[out->nedges++];
        e->from_g = g->id;
        e->to_g = mu->owner;
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
