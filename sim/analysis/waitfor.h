/* waitfor.h — the wait-for graph: who waits for whom, and its cycles.
 *
 * An edge G -> G' means G is blocked on an object that only G' can release
 * (a mutex G' holds, an RWMutex G' writes, a Once whose function G' runs).  A cycle is a deadlock among those goroutines even while
 * others still run (Go itself reports only the global "all goroutines are
 * asleep"); the TUI draws it and prints it as a sentence.
 */
#ifndef INTERLEAVE_WAITFOR_H
#define INTERLEAVE_WAITFOR_H

#include <stddef.h>
#include "machine.h"

#define WAITFOR_MAX_EDGES 64

typedef struct WaitEdge {
    int from_g;        /* the waiting goroutine                                */
    int to_g;          /* the goroutine that holds what it waits for           */
    WaitReason wait;
    int64_t addr;      /* the object's address                                 */
} WaitEdge;

typedef struct WaitGraph {
    WaitEdge edges[WAITFOR_MAX_EDGES]; int nedges;
    /* The first cycle found, as edge indices in order (edge k's to_g is edge
     * k+1's from_g, the last closes on the first); ncycle == 0: none. */
    int cycle[WAITFOR_MAX_EDGES]; int ncycle;
} WaitGraph;

void waitfor_build(const Machine *m, WaitGraph *out);
/* "G2 waits for b.mu held by G3; G3 waits for a.mu held by G2" — the cycle in
 * words, or "" when there is none.  Returns the length it needs (snprintf-like). */
size_t waitfor_describe_cycle(const Machine *m, const WaitGraph *g, char *buf, size_t n);
/* Every blocked goroutine and what it waits for, for a deadlock with no
 * cycle (channels, WaitGroups, nil channels, select {}): "G1 receives from
 * ch; G2 waits for wg".  Returns the length it needs (snprintf-like). */
size_t waitfor_describe_stuck(const Machine *m, char *buf, size_t n);
/* What a goroutine blocked for this reason on this object does, in a few
 * words: "receives from ch", "locks c.mu", "waits for wg".  snprintf-like. */
int waitfor_wait_text(const Machine *m, WaitReason wait, int64_t addr, char *buf, size_t n);

#endif
