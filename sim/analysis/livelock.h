/* livelock.h — goroutines that stay busy yet get nowhere: the hallway, where
 * two people step aside in lock-step forever.  Unlike a deadlock nothing is
 * blocked for good; the program's state goes round in a circle.
 *
 * Definitions (what this module decides, precisely):
 *
 *  Progress: a frame with any of
 *    - output (EV_OUTPUT);
 *    - a goroutine created or finished (EV_GO_CREATE, EV_GO_DONE);
 *    - a value passed on a channel by a goroutine: EV_CHAN_SEND with a
 *      sending goroutine, EV_CHAN_RECV of a value (aux 0), neither on a
 *      timer's channel (time.After, Tick, ...: a tick is the clock, not
 *      the program; a receive from a closed, empty channel passes nothing);
 *    - a close (EV_CHAN_CLOSE);
 *    - a system call (EV_SYSCALL: the program talks to the world);
 *    - the end of the run (EV_EXIT, EV_FATAL, or the machine no longer
 *      running).
 *  A stretch is the run between two progress frames.
 *
 *  Shared cell: a slot of memory (MemAccess addr .. addr+n-1, as the
 *  machine records them in machine_step) that two or more goroutines have
 *  read or written since the start of the run.  A goroutine's stack (loop
 *  counters, locals) is never memory, and a heap object only one goroutine
 *  touches (its own bytes.Buffer) is not shared.
 *
 *  Moment: a frame in which a goroutine blocks (EV_GO_BLOCK) or gives up its
 *  core (EV_GO_PREEMPT: runtime.Gosched, or its time slice ran out), the
 *  places where a busy loop that waits for something shows itself.
 *
 *  Signature of a moment: a 64-bit hash of
 *    - each live goroutine's id, state (running and runnable count as one:
 *      which of two ready goroutines holds a core is the scheduler's
 *      business), wait reason, wait address (a timer's channel stands for
 *      any timer's), and the function and pc of each of its call frames;
 *    - the value of every shared cell;
 *    - the sync objects' observable state: a Mutex's owner and waiters, an
 *      RWMutex's readers, writer and waiters, a WaitGroup's counter and
 *      waiters, a Once's state, a Cond's waiters;
 *    - each channel's buffer length and closed flag (timers' channels left
 *      out).
 *  Not in it: the clock, timers' times, counts of operations, goroutine
 *  stacks' values, unshared memory.  An object in its zero state (a mutex
 *  nobody holds or waits for, an empty open channel) adds nothing, so
 *  objects made and dropped on the way do not change it.  The values of
 *  the shared cells enter as a sum kept up to date at each store, so a
 *  moment costs the goroutines' frames and the sync objects, not memory.
 *
 *  Reaction: a goroutine reads a shared cell whose last store another
 *  goroutine made (an atomic Add or CompareAndSwap reads before it stores).
 *
 *  Round: the stretch between two moments with the same signature and no
 *  progress between them, in which a goroutine reacted to a store made in
 *  the round itself.  So at least one shared cell was written and at least
 *  two goroutines executed instructions in it, and one saw what the other
 *  did: one goroutine spinning alone, goroutines that only wait and wake,
 *  or goroutines that each store a flag nobody reads make no rounds.
 *
 *  Livelock: LIVELOCK_ROUNDS rounds in a row of one signature, i.e. the
 *  same signature seen the (LIVELOCK_ROUNDS + 1)-th time with no progress
 *  and each round as above.  The finding lasts until the next progress
 *  frame or the end of the run.  The hallway (scenarios/livelock.go) tries
 *  five times; after the first try the same moments come back each time,
 *  three or four rounds depending on the schedule, so three catch it (on
 *  seeds 1-100 on 1, 2 and 4 cores, always before the walkers give up),
 *  and fewer would take any loop that happens to pass twice through one state
 *  for a livelock.
 *
 *  What it cannot tell: work kept in locals is invisible, so a loop whose
 *  only shared effect comes and goes (a spin lock made of CompareAndSwap,
 *  taken and released around work on locals, with another goroutine
 *  spinning for it) repeats a signature as the hallway does and is reported,
 *  its end frame saying when it stopped.  A lock that guards shared data
 *  changes that data, and the signature with it.
 *
 * Feed it every frame of a run, in order (machine_step: the machine records
 * the accesses of each instruction).  Pure: reads the machine only.
 */
#ifndef INTERLEAVE_LIVELOCK_H
#define INTERLEAVE_LIVELOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "machine.h"

#define LIVELOCK_ROUNDS 3
/* The signatures kept per stretch: past this many distinct moments without
 * progress they are forgotten and counting starts again (a program that
 * does not repeat itself makes a new one at every moment). */
#define LIVELOCK_MAX_MOMENTS 16384

typedef enum LivelockEnd {
    LIVELOCK_GOING,            /* no progress since                             */
    LIVELOCK_PROGRESS,         /* ended by a progress event (end_event, end_g)   */
    LIVELOCK_RUN_ENDED         /* the run ended                                 */
} LivelockEnd;

typedef struct Livelock {
    uint64_t first_frame;      /* the first round began (the signature's first
                                  sighting of the stretch)                      */
    uint64_t detected_frame;   /* the LIVELOCK_ROUNDS-th round ended            */
    uint64_t end_frame;        /* progress or the run's end; the last frame
                                  seen while still going                        */
    LivelockEnd end;
    EventKind end_event;       /* LIVELOCK_PROGRESS: what happened ...          */
    int end_g;                 /* ... and by whom (0: a timer or the runtime)   */
    int rounds;                /* rounds of the repeated signature so far       */
    uint64_t signature;
    int *gs; int ngs;          /* the goroutines that took part: those that
                                  wrote the shared cells since first_frame,
                                  ascending                                     */
    int64_t *cells; int ncells;/* the shared cells changed (and, the signature
                                  being the same, changed back) since
                                  first_frame, in address order; when stores
                                  only rewrote what was there, those cells     */
    bool changed;              /* cells changed value (else: only rewritten)    */
} Livelock;

typedef struct LivelockDetector LivelockDetector;

LivelockDetector *livelock_new(void);
void livelock_free(LivelockDetector *d);
/* Take in the machine's last frame; returns 1 when a livelock was detected
 * at it (the last of livelock_findings), else 0. */
int livelock_observe(LivelockDetector *d, const Machine *m);
/* The findings so far, in order; the last may still be going. */
const Livelock *livelock_findings(const LivelockDetector *d, int *n);

/* One line for a report:
 *   livelock: G3 and G4 repeat the same steps from frame 1203 to frame 5410
 *   (5 rounds) without progress: left and right change and change back; no
 *   output, no goroutine finished, no value passed
 * (still going: "since frame 1203 (3 rounds so far)").  Returns the length. */
size_t livelock_describe(const Machine *m, const Livelock *l, char *buf, size_t n);
/* The short form for a status line: "G3 and G4 repeat the same steps since
 * frame 1203 (3 rounds): left and right change and change back". */
size_t livelock_headline(const Machine *m, const Livelock *l, char *buf, size_t n);

#endif
