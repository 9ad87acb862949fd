/* stats.h — who got the machine and the locks: per goroutine CPU time,
 * lock acquisitions, time spent waiting for and holding locks, the longest
 * wait; and Jain's fairness index over CPU time, (Σx)² / (n·Σx²): 1 when every
 * goroutine got the same, 1/n when one got all.  The measure of starvation.
 *
 * CPU time: between two frames, every core's running goroutine is charged
 * the virtual time that passed.  Lock times come from the machine's lock
 * events (a goroutine queues, acquires, releases).  Feed it every frame of
 * a run, in order.  Pure: reads the machine only.
 */
#ifndef INTERLEAVE_STATS_H
#define INTERLEAVE_STATS_H

#include <stdint.h>
#include <stdio.h>
#include "machine.h"

typedef struct GStats {
    int64_t cpu_ns;
    int64_t acquisitions;
    int64_t wait_ns, longest_wait_ns, hold_ns;
    int64_t wait_since, hold_since;     /* -1: not waiting / not holding      */
    int entry_proto;                    /* the function it started in, -1    */
} GStats;

typedef struct Stats Stats;

Stats *stats_new(void);
void stats_free(Stats *s);
void stats_observe(Stats *s, const Machine *m);
/* gs[g-1] for goroutines 1..n */
const GStats *stats_goroutines(const Stats *s, int *n);
/* Jain's index over the CPU time of the goroutines other than main that ran
 * (1 when none): main hands out the work, the others share it. */
double stats_fairness(const Stats *s);

/* The table `run --report` prints:
 *   starvation (CPU time and locks per goroutine):
 *     G   function     cpu        share  locks  waited     longest    held
 *     G2  main.func1   12.304ms   48.1%   3012  1.2ms      35µs       8.1ms
 *   fairness: Jain's index over the CPU time of the goroutines main started
 *   0.98 (1 = even, 0.50 = one of 2 got all) */
void stats_write(const Stats *s, const Machine *m, FILE *out);

#endif
