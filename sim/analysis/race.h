/* race.h — a data race detector over the machine's runs, as Go's -race.
 *
 * Happens-before with vector clocks, by the Go memory model: each goroutine
 * has a clock; the machine's happens-before notes (HbNote: go statements,
 * channel messages with the capacity rule, close, WaitGroup, Once, atomics)
 * and its lock events (Mutex, RWMutex) order goroutines; every shared-memory
 * access (MemAccess) is checked against the last write and the reads since of
 * the same slot.  Two accesses race when at least one writes, not both are
 * atomic, and neither happens before the other.  Each pair of source lines
 * is reported once, as Go does.
 *
 * Feed it every frame of a run, in order, from frame 1 (machine_step: the
 * fast path records no accesses).  Pure: reads the machine, never changes it.
 */
#ifndef INTERLEAVE_RACE_H
#define INTERLEAVE_RACE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "machine.h"

#define RACE_MAX_GOROUTINES 8128   /* Go's race detector's limit too */

typedef struct RaceAccess {
    int g;
    bool write, atomic;
    int stack;              /* race_stack()'s id: the goroutine's calls then  */
    uint64_t frame;         /* the frame of the access                         */
    int line;               /* the source line of the access                   */
} RaceAccess;

typedef struct RaceReport {
    int64_t addr;           /* the slot both accessed                          */
    RaceAccess cur, prev;   /* the access that found the race, and the earlier */
} RaceReport;

typedef struct RaceDetector RaceDetector;

RaceDetector *race_new(void);
void race_free(RaceDetector *r);

/* Take in the machine's last frame; returns how many new races it found
 * (their reports are the last ones of race_reports). */
int race_observe(RaceDetector *r, const Machine *m);

const RaceReport *race_reports(const RaceDetector *r, int *n);
/* True when the run had more goroutines alive than the detector follows. */
bool race_overflowed(const RaceDetector *r);

/* A recorded call stack: frames innermost first, each a function (Proto
 * index) and the line it was at. */
int race_stack_depth(const RaceDetector *r, int stack);
void race_stack_frame(const RaceDetector *r, int stack, int i, int *proto, int *line);

/* One report in Go's layout (runtime/race's):
 *   ==================
 *   WARNING: DATA RACE
 *   Write at 0x00c000012088 by goroutine 2:
 *     main.main.func1()
 *         race.go:11 +0x0
 *
 *   Previous read at 0x00c000012088 by main goroutine:
 *     main.main()
 *         race.go:14 +0x0
 *
 *   Goroutine 2 (running) created at:
 *     main.main()
 *         race.go:10 +0x0
 *   ==================                                                      */
void race_write_report(const RaceDetector *r, const Machine *m, const RaceReport *rep, FILE *out);

#endif
