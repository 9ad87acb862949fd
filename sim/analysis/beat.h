/* beat.h — a scenario's beats: the moments a lesson stops at, in order.
 *
 * A beat is written in a scenario's header as `beat: PATTERN: caption`
 * (scenarios/README.md): a kind of event ("lock-wait"), then filters (a
 * goroutine "G2", an object's name "b.mu", a printed text "\"value\"", a
 * source line "line 31", an occurrence "#3").  After each frame, the beat
 * being waited for is matched against the frame's events; when it has
 * matched as many times as its occurrence asks, it fires and the next beat
 * is waited for.  Pure: reads the machine, never changes it.
 */
#ifndef INTERLEAVE_BEAT_H
#define INTERLEAVE_BEAT_H

#include <stdbool.h>
#include <stddef.h>
#include "machine.h"

#define BEAT_MAX 12

typedef enum BeatKind {
    BEAT_GO, BEAT_START, BEAT_PREEMPT, BEAT_BLOCK, BEAT_WAKE, BEAT_DONE,
    BEAT_LOCK, BEAT_UNLOCK, BEAT_LOCK_WAIT, BEAT_HANDOFF_LOCK,
    BEAT_RLOCK, BEAT_RUNLOCK, BEAT_COND_WAIT, BEAT_SIGNAL, BEAT_BROADCAST, BEAT_ONCE,
    BEAT_SEND, BEAT_RECV, BEAT_CLOSE, BEAT_PRINT,
    BEAT_SYSCALL, BEAT_SYSCALL_RETURN, BEAT_HANDOFF, BEAT_THREAD_NEW,
    BEAT_DEADLOCK, BEAT_PANIC, BEAT_EXIT, BEAT_STEP,
    BEAT__COUNT
} BeatKind;

typedef struct Beat {
    BeatKind kind;
    int g;                 /* the goroutine that acts, 0 any                   */
    char object[48];       /* the object's name ("b.mu"), "" any               */
    char text[64];         /* print: text the output contains, "" any          */
    int line;              /* source line, 0 any                               */
    int nth;               /* fire at the nth match (1: the first)             */
    char caption[240];
} Beat;

/* Where a run is in its beats: the beat waited for and its matches so far. */
typedef struct BeatCursor {
    int next;              /* index of the beat waited for; n: all fired       */
    int seen;              /* its matches before this frame                    */
} BeatCursor;

/* Parse "lock-wait G2 b.mu: caption".  0, or -1 with a message in err
 * ("unknown beat kind 'lokc'"). */
int beat_parse(const char *spec, Beat *out, char *err, size_t errn);
const char *beat_kind_name(BeatKind k);

/* How many times the beat's pattern matches the last frame of m. */
int beat_matches(const Machine *m, const Beat *b);

/* After a frame: advance the cursor over the beats that fire in it; returns
 * how many fired (the last of them is beats[cursor->next - 1]). */
int beat_advance(const Machine *m, const Beat *beats, int n, BeatCursor *cursor);

#endif
