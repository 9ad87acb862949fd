/* history.h — seek to any frame of a run.
 *
 * Checkpoints (machine copies) every `interval` frames plus the schedule; seeking
 * to frame f restores the nearest checkpoint at or before f and replays.  Since
 * the Machine is deterministic, the state reached is identical to running f
 * frames from the start.  The history also keeps, per frame, which goroutine
 * each core ran (the timeline lanes) so views can draw the past without replay.
 */
#ifndef INTERLEAVE_HISTORY_H
#define INTERLEAVE_HISTORY_H

#include <stddef.h>
#include <stdint.h>
#include "machine.h"

typedef struct History History;

/* Starts at frame 0 of a new machine for (p, cfg).  `interval` 0 = default (64). */
History *history_new(const Program *p, const MachineConfig *cfg, int interval);
void history_free(History *h);

/* The current machine (read-only for clients). */
const Machine *history_machine(const History *h);
uint64_t history_frame(const History *h);
/* Furthest frame ever reached (the run's known end while paused / stepping). */
uint64_t history_max_frame(const History *h);

/* One frame forward (extending the run, or replaying known frames).  Returns
 * the machine's status. */
MachineStatus history_forward(History *h);
/* Go to frame f (clamped to [0, known end]; frames past the end are run). */
MachineStatus history_seek(History *h, uint64_t f);
/* One frame back; does nothing at frame 0. */
MachineStatus history_back(History *h);

/* Which goroutine core `core` was running in frame f (1-based: frame 1 is
 * the first step): the one that executed an instruction there in that
 * frame, else the one its thread held; 0 idle, -1 unknown (f not yet run). */
int history_lane(const History *h, uint64_t f, int core);

/* Checkpoints together stay under `bytes` (default 256 MiB): past it, every
 * other one goes and the interval doubles, so memory stays bounded on long
 * runs of big programs and a seek replays at most one (longer) interval. */
void history_set_budget(History *h, size_t bytes);
size_t history_checkpoint_bytes(const History *h);
int history_interval(const History *h);

/* The goroutine of each goroutine step so far, as a schedule (the run can be
 * replayed from it). */
const Schedule *history_schedule(const History *h);

#endif
