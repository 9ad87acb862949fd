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
 * goroutines that can still run; a collector marks from all of them.  Pure:
 * reads the machine only.
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
    int64_t *work; int64_t nwork, work_cap;   /* marked blocks not yet scanned */
    int64_t scanned;            /* slots scanned so far: the marking's cost   */
} Reach;

void reach_init(Reach *r, const Machine *m);
void reach_fini(Reach *r);
/* Roots. */
void reach_globals(Reach *r);               /* the globals and the channels of pending timers */
void reach_goroutine(Reach *r, int g);      /* g's stack, deferred calls and panics */
void reach_value(Reach *r, Value v);
/* Follow everything marked so far to the fixed point. */
void reach_drain(Reach *r);

/* After reach_drain: */
bool reach_addr(const Reach *r, int64_t addr);   /* the block holding addr is marked */
bool reach_chan(const Reach *r, int64_t id);

/* The block that holds addr, -1 none. */
int64_t machine_block_of(const Machine *m, int64_t addr);
/* Slots [*lo, *hi) of block b. */
void machine_block_extent(const Machine *m, int64_t b, int64_t *lo, int64_t *hi);

#endif
