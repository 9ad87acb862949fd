/* explore.h — every outcome of a program over every order of its
 * goroutines' steps: a depth-first search over the machine's scheduling
 * decisions, with state hashing and a partial-order reduction, that lists
 * each distinct ending (output, exit status, deadlock, panic) with a
 * schedule that reproduces it (sim/explore/explore.c).
 *
 * Deterministic: the same program, config and options give the same
 * outcomes, witnesses and counts.  No wall clock here: a client that wants
 * a time limit or a progress line does it in the progress callback.
 */
#ifndef INTERLEAVE_EXPLORE_H
#define INTERLEAVE_EXPLORE_H

#include <stdbool.h>
#include <stdint.h>
#include "machine.h"
#include "program.h"

/* Decision points along one path before the search gives up on it. */
#define EXPLORE_DEFAULT_DEPTH 10000
/* States, or goroutine steps, between two calls of the progress callback. */
#define EXPLORE_PROGRESS_EVERY 4096
#define EXPLORE_PROGRESS_STEPS 65536

typedef struct ExploreStats {
    uint64_t states;        /* distinct states searched from (decision points)   */
    uint64_t revisits;      /* arrivals at a state already searched              */
    uint64_t steps;         /* goroutine steps executed, local ones included     */
    uint64_t local_steps;   /* ... of which the reduction ran without a choice  */
    uint64_t ends;          /* distinct end states                               */
    uint64_t widened;       /* decision points the cycle proviso widened         */
    int depth;              /* decision points on the current path               */
    int max_depth;          /* the deepest path so far                           */
    bool depth_cut;         /* some path reached the depth limit: not exhaustive  */
    bool stopped;           /* --max-states or the callback ended it early       */
    bool unmerged;          /* the program has files or sockets: its states were
                               searched without merging (statehash.h)            */
} ExploreStats;

typedef struct ExploreOptions {
    uint64_t max_states;    /* stop after this many states, 0 none               */
    int max_depth;          /* 0: EXPLORE_DEFAULT_DEPTH                           */
    bool no_reduce;         /* a choice at every step, local ones too (the baseline
                               the reduction is measured and tested against)     */
    bool no_hash;           /* never merge states: every path to its end         */
    /* Called every EXPLORE_PROGRESS_EVERY states or EXPLORE_PROGRESS_STEPS
     * steps, and at the end; returning
     * true stops the search (a time limit, Ctrl-C). */
    bool (*progress)(void *ctx, const ExploreStats *st);
    void *ctx;
} ExploreOptions;

/* One distinct way the program can end. */
typedef struct ExploreOutcome {
    MachineStatus status;   /* M_EXITED, M_DEADLOCK, M_PANIC, M_HANG              */
    int exit_code;
    char *out; uint32_t out_len;   /* stdout, owned                               */
    char msg[160];          /* the first line of stderr ("fatal error: all
                               goroutines are asleep - deadlock!", "panic: ..."),
                               "" none                                           */
    uint64_t ends;          /* distinct end states with this outcome             */
    Schedule witness;       /* goroutine steps that reach it (run --schedule)    */
} ExploreOutcome;

typedef struct Explorer Explorer;

/* The program must have compiled; cfg as `run` would use it (the explorer
 * turns schedtrace off).  NULL when the machine cannot be built. */
Explorer *explore_new(const Program *p, const MachineConfig *cfg, const ExploreOptions *o);
void explore_free(Explorer *e);
/* Search to the end or to a limit; returns true when the search was
 * exhaustive (no limit reached, no path cut). */
bool explore_run(Explorer *e);
/* The outcomes found, ordered by status, exit code, output, message. */
const ExploreOutcome *explore_outcomes(const Explorer *e, int *n);
const ExploreStats *explore_stats(const Explorer *e);

#endif
