/* memwatch.h — shared memory as a learner follows it: each variable the
 * goroutines share, its value and its last writer, each load and store in
 * words, and lost updates.
 *
 * A lost update is a read-modify-write whose write lands on a value it never
 * read: goroutine g read x, another goroutine stored x since, and g now
 * stores x, so that store is overwritten unseen ("G3 stores counter = 5;
 * G2's store of 5 at frame 31 is overwritten: an update is lost").  Only a
 * write that follows a read of the same variable by the same goroutine (with
 * no write of its own in between) counts, so `x = 5` is never one.
 *
 * Feed it every frame of a run, in order (machine_step: the machine records
 * the accesses of each instruction).  Pure: reads the machine only.
 */
#ifndef INTERLEAVE_MEMWATCH_H
#define INTERLEAVE_MEMWATCH_H

#include <stddef.h>
#include <stdint.h>
#include "machine.h"

typedef struct MemCell {
    int64_t addr;
    uint32_t version;          /* stores so far                                 */
    int last_g;                /* the last store's goroutine, 0 none yet        */
    uint64_t last_frame;
    Value last_value;
    uint64_t first_frame;      /* when a goroutine first touched it             */
    int first_g;               /* ... which one                                 */
    uint64_t shared_frame;     /* when a second goroutine touched it, 0 never:
                                  only then is it shared                        */
} MemCell;

typedef struct LostUpdate {
    int64_t addr;
    int g; uint64_t frame; Value value;              /* the store that overwrites */
    int lost_g; uint64_t lost_frame; Value lost_value;   /* the store it hides    */
} LostUpdate;

typedef struct MemWatch MemWatch;

MemWatch *memwatch_new(void);
void memwatch_free(MemWatch *w);
/* Take in the machine's last frame; returns how many lost updates it holds
 * (the last ones of memwatch_lost). */
int memwatch_observe(MemWatch *w, const Machine *m);
/* The shared cells seen so far, in the order first touched. */
const MemCell *memwatch_cells(const MemWatch *w, int *n);
const LostUpdate *memwatch_lost(const MemWatch *w, int *n);
/* The last store to cell i at or before frame f: its goroutine and frame
 * (0, 0 when none yet), so a view of an earlier frame is exact. */
void memwatch_last_write(const MemWatch *w, int i, uint64_t f, int *g, uint64_t *frame);

/* The last frame's loads and stores in words: "G2 loads data (0)",
 * "G3 stores counter = 5"; "" when it made none.  Returns the length. */
size_t memwatch_describe(const Machine *m, char *buf, size_t n);
/* "G3 stores counter = 5; G2's store of 5 at frame 31 is overwritten: an
 * update is lost" */
size_t memwatch_describe_lost(const Machine *m, const LostUpdate *l, char *buf, size_t n);

#endif
