/* statehash.h — a 64-bit digest of what a Go program can observe of a
 * machine, so the explorer can tell a state it has already searched from
 * here (sim/explore/explore.c).
 *
 * In the digest: memory (strings by their text), each goroutine's frames,
 * operand stack, defers, panics, state (running and runnable are one: which
 * of the two is the scheduler's business) and what it waits for, the order
 * in which sleeping goroutines wake, the sync objects with their wait queues
 * in order, the channels with their buffers and queues, pending channel
 * timers, the output so far, the status and exit code.  At the end (an
 * exit, a deadlock, a panic) the goroutines are gone with the process: an
 * end state is its memory, sync objects, channels, stdout, stderr (Go's
 * traceback says where each goroutine was) and status.
 * Out of it: clocks and virtual time, threads (M), cores (P), run queues,
 * frame and step counters, statistics, the objects' names, the frame-seeded
 * randomness.  Two states that differ only there take the same goroutine
 * steps to the same program-visible results, as far as anything but time
 * goes (see "What is not explored" in explore.c).
 *
 * A machine with files or sockets (Machine.io) has state this digest does
 * not read: statehash_machine says so and the explorer does not merge it.
 */
#ifndef INTERLEAVE_STATEHASH_H
#define INTERLEAVE_STATEHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "machine.h"

typedef struct StateHasher {
    uint8_t *buf; size_t len, cap;  /* the state serialised, then hashed once */
} StateHasher;

void statehash_init(StateHasher *h);
void statehash_fini(StateHasher *h);
/* The digest of m's program-visible state (xxHash's XXH3, 64 bits); false
 * when m holds state the digest cannot cover (files, sockets). */
bool statehash_machine(StateHasher *h, const Machine *m, uint64_t *out);

#endif
