/* navigate.h — going somewhere in a run: `:` to a frame or a virtual time,
 * `]` and `[` to the next / previous event of interest.
 *
 * The run is deterministic, so a place in it is a frame number.  Frames
 * already walked are a seek away (history_seek replays from a checkpoint);
 * frames never seen must go through the analyses in order (the race
 * detector, the memory watch and the stats are fed every frame from frame 1),
 * which only the live screen's forward step does: a search is handed that
 * step in a NavHost.  A search may cross millions of frames, so it runs in
 * slices between keys, as End does: nav_search_run does at most `budget`
 * frames and says whether it is done.
 */
#ifndef INTERLEAVE_NAVIGATE_H
#define INTERLEAVE_NAVIGATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "breakpoints.h"
#include "history.h"
#include "race.h"

/* Where `:` goes: a frame, or the first frame at or after a virtual time. */
typedef struct NavTarget {
    bool is_time;
    uint64_t frame;
    int64_t ns;
} NavTarget;

/* "1234" is a frame; "1.5ms", "200us", "3µs", "2s", "1m30s" (Go's duration
 * syntax, optionally after "t=", as the status bar writes it) a virtual
 * time.  0, or -1 with the reason in why. */
int nav_parse_target(const char *text, NavTarget *t, char *why, size_t n);

/* What the analyses found at one frame (they run in the live screen). */
typedef struct NavFacts {
    int beat;                   /* the scenario's beat at this frame, -1 none */
    int nbeats;
    const char *beat_caption;
    const RaceReport *race;     /* a data race found at this frame, NULL none  */
    const struct StuckWatch *stuck_watch;
    const struct StuckFinding *stuck;   /* goroutines found stuck for ever at
                                           this frame, NULL none             */
    const struct Livelock *livelock;    /* a livelock found at this frame, NULL */
} NavFacts;

/* The frames worth stopping at: a goroutine blocks or wakes, a lock is
 * handed over or taken after a wait, a channel send, receive or close,
 * output, a data race, a wait-for cycle closing, goroutines found stuck
 * for ever (a partial deadlock), a livelock found, the program's end, a
 * beat, a breakpoint.  Whether a lock is taken after a wait depends on the
 * frames before, so a scan follows a walk in order from where it begins. */
typedef struct NavScan {
    int *waited; int nwaited, cap;   /* goroutines queued for a lock, not yet holding it */
    bool cycle;                      /* a wait-for cycle stood at the last frame seen   */
} NavScan;

/* Start following a walk at machine m's frame. */
void nav_scan_begin(NavScan *s, const Machine *m);
/* After one step of the walk: is m's frame one to stop at?  What happened
 * then in words in `what` ("G3 wants a.mu, held by G2: waits").  `breaks`
 * may be NULL. */
bool nav_scan_frame(NavScan *s, const Machine *m, const NavFacts *facts, const Breakpoints *breaks,
                    char *what, size_t n);
void nav_scan_fini(NavScan *s);

/* The live screen, as a search sees it. */
typedef struct NavHost {
    History *hist;
    const uint64_t *scanned;         /* frames 1..*scanned went through the analyses */
    const Breakpoints *breaks;
    void *ctx;
    void (*forward)(void *ctx);      /* one frame forward, through the analyses if new */
    void (*facts)(void *ctx, uint64_t f, NavFacts *out);
} NavHost;

typedef enum NavGoal { NAV_TO_FRAME, NAV_TO_TIME, NAV_NEXT_EVENT, NAV_PREV_EVENT } NavGoal;

typedef struct NavSearch {
    NavGoal goal;
    NavTarget target;                /* NAV_TO_FRAME, NAV_TO_TIME                 */
    uint64_t origin;                 /* the frame it started from                 */
    uint64_t before;                 /* NAV_PREV_EVENT: frames before it are left */
    bool walking;                    /* NAV_TO_TIME: past the known frames        */
    NavScan scan;
    char what[256];                  /* the event found                           */
} NavSearch;

/* Begin a search from the current frame (t: NULL for the events). */
void nav_search_begin(NavSearch *s, NavGoal goal, const NavTarget *t, const NavHost *h);
/* Go on for at most `budget` frames.  True when done, with what it found
 * (or why it did not) in `notice`. */
bool nav_search_run(NavSearch *s, const NavHost *h, int budget, char *notice, size_t n);
/* While it goes on: "searching for the next event: frame 1200". */
void nav_search_progress(const NavSearch *s, const NavHost *h, char *buf, size_t n);
void nav_search_fini(NavSearch *s);

#endif
