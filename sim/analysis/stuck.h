/* stuck.h — partial deadlock: blocked goroutines that nothing can ever wake.
 *
 * A blocked goroutine can be woken only by a goroutine that can reach what
 * it waits for: a channel to send on or receive from, a mutex to unlock, a
 * WaitGroup to count down, a Cond to signal.  So mark memory (sim/machine/
 * reach.c, the collector's marking) from the roots that can still act — the
 * globals, the runtime's pending timers, and the goroutines that run, wait
 * for a core, sleep, or wait for a system call or the network — and then,
 * to a fixed point, from every blocked goroutine whose object got marked
 * (it may be woken, and then act).  The blocked goroutines left over are
 * stuck forever: a deadlock among them even while others run, which Go's
 * runtime reports only when every goroutine is asleep.  A nil channel and
 * select {} are stuck by themselves.
 *
 * A watch runs the decision along a run, paced by its cost (at most about a
 * quarter of the slots it scans per frame, checked at the frames where a
 * goroutine blocks, wakes, starts or ends), and keeps each finding once.
 * It also keeps what explains a WaitGroup that never reaches zero: the
 * goroutines that could reach it when they started and ended without
 * calling Done on it.  Pure: reads the machine only.
 */
#ifndef INTERLEAVE_STUCK_H
#define INTERLEAVE_STUCK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "machine.h"

/* Which blocked goroutines can never be woken now: stuck[g] = 1 (stuck has
 * ngs + 1 entries).  Returns how many; *cost gets the slots scanned. */
int stuck_decide(const Machine *m, uint8_t *stuck, int64_t *cost);

typedef struct StuckG {
    int g;
    WaitReason wait;
    int64_t addr;              /* wait_addr: the object or channel id          */
    int line;                  /* where it waits                               */
    uint64_t since;            /* the frame it blocked                         */
    int holder;                /* a mutex, RWMutex or Once: who holds it, 0    */
} StuckG;

typedef struct StuckFinding {
    uint64_t frame;            /* the frame it was found at                    */
    bool global;               /* every goroutine asleep: Go's own deadlock    */
    StuckG *gs; int n;
} StuckFinding;

typedef struct StuckWatch StuckWatch;

StuckWatch *stuck_new(void);
void stuck_free(StuckWatch *w);
/* Feed every frame of a run, in order. */
void stuck_observe(StuckWatch *w, const Machine *m);
const StuckFinding *stuck_findings(const StuckWatch *w, int *n);
/* The latest finding at or before m's frame whose goroutines all still wait
 * as found, NULL none: what the screen shows at that frame. */
const StuckFinding *stuck_at(const StuckWatch *w, const Machine *m);
bool stuck_has(const StuckFinding *f, int g);

/* The finding as a chain, one clause per goroutine:
 *   "G4 (line 21) locks mu, held by G3; G3 (line 15) sends on results, which
 *    no goroutine that can still run can reach"
 * Returns the length it needs (snprintf-like). */
size_t stuck_describe(const StuckWatch *w, const Machine *m, const StuckFinding *f, char *buf, size_t n);
/* Why WaitGroup wg stays above zero: "G3 (started at line 14) returned at
 * line 18 without calling Done", or "" when no goroutine that could reach it
 * ended without Done.  Returns the length it needs. */
size_t stuck_explain_waitgroup(const StuckWatch *w, const Machine *m, int64_t wg, char *buf, size_t n);

/* What `run --report` prints, one line per finding:
 *   partial deadlock at frame 812: G2 (line 9) receives from ch, which ...
 *   deadlock at frame 96: G1 (line 20) waits for wg (counter 1): G3 ...
 * or "partial deadlocks: none". */
void stuck_write(const StuckWatch *w, const Machine *m, FILE *out);

#endif
