/* reach.h — what a set of roots can still reach: the marking of a garbage
 * collector.
 *
 * Memory is a run of blocks (Machine.blocks: one per allocation); a value
 * that refers into a block (a pointer, a closure, a slice, a map, a boxed
 * interface) keeps the whole block alive, and a channel keeps the values in
 * its buffer and those its blocked senders carry.  Marking starts from the
 * roots a client chooses (the globals and the runtime's timers, the stacks of
 * some goroutines) and follows values to a fixed point.
 *
 * The partial-deadlock analysis (sim/analysis/stuck.c) marks from the
 * goroutines that can still run; the collector (sim/machine/gc.c) marks from
 * all of them and what they wait on, and marks strings and sync objects too.
 * Pure: reads the machine only.
 */
#ifndef INTERLEAVE_REACH_H
#define INTERLEAVE_REACH_H

#include <stdbool.h>
#include <stdint.h>
#include "machine.h"

typedef struct Reach {
    const Machine *m;
    uint8_t *block;             /* per block: marked                          */
    uint8_t *chan;              /* per channel (id - 1): marked               */
    uint8_t *str;               /* per string: marked (reach_collect), or NULL */
    uint8_t *sync;              /* per sync object: marked (reach_collect)    */
    int64_t *sync_at;           /* ... and a marked slot that holds it         */
    int64_t *work; int64_t nwork, work_cap;   /* marked blocks not yet scanned */
    int64_t scanned;            /* slots scanned so far: the marking's cost   */
} Reach;

void reach_init(Reach *r, const Machine *m);
void reach_fini(Reach *r);
/* Mark what the collector needs besides blocks and channels (before any
 * root): the strings values refer to, and the sync objects whose V_SYNC
 * values are in marked blocks. */
void reach_collect(Reach *r);
/* Roots. */
void reach_globals(Reach *r);               /* the globals, the channels of pending timers,
                                               what the files and sockets keep */
void reach_goroutine(Reach *r, int g);      /* g's stack, deferred calls, panics and
                                               the texts fmt has for it */
void reach_waits(Reach *r);                 /* what blocked goroutines wait on: the
                                               channels they queue in, the sync
                                               objects they park on */
void reach_value(Reach *r, Value v);
/* Follow everything marked so far to the fixed point. */
void reach_drain(Reach *r);

/* After reach_drain: */
bool reach_addr(const Reach *r, int64_t addr);   /* the block holding addr is marked */
bool reach_chan(const Reach *r, int64_t id);

#endif
