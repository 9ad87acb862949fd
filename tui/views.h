/* views.h — the live screen's views, each in its own file (view_*.c).
 *
 * A view reads a ViewCtx (the Machine read-only, the history for past frames,
 * the wait-for graph of this frame) and draws into a Pane.  Views never change
 * the Machine and never handle keys; the little state one keeps between
 * frames (the code view's scroll position) is passed in by its owner.
 */
#ifndef INTERLEAVE_VIEWS_H
#define INTERLEAVE_VIEWS_H

#include <stdbool.h>
#include <stdint.h>
#include "history.h"
#include "layout.h"
#include "machine.h"
#include "program.h"
#include "scenario.h"
#include "waitfor.h"

typedef struct ViewCtx {
    const Machine *m;
    const History *h;          /* may be NULL: no past lanes                    */
    const Program *prog;
    const WaitGraph *wg;       /* this frame's wait-for graph                   */
    const ScenarioMeta *meta;
    const char *filename;      /* "deadlock.go" or the user's path             */
    uint64_t frame, max_frame; /* current frame, furthest frame known           */
    bool playing;
    int fps;                   /* playback speed, frames per second             */
    const char *notice;        /* transient message ("restarted: seed 2"), ""  */
    bool notice_first;         /* it answers a key: before the banners too     */
    int beat, nbeats;          /* the scenario's beat at this frame (0-based),
                                  -1 none; how many it has                      */
    const struct RaceReport *race;   /* a data race found at this frame, NULL none */
    bool instructions;               /* the code shows each goroutine's next
                                        bytecode instruction (`i`)              */
    const struct MemWatch *mem;      /* shared variables (Memory pane), or NULL  */
    const struct LostUpdate *lost;   /* a lost update at this frame, NULL none   */
    const struct RaceReport *races; int nraces;   /* every race found so far:
                                                     the timeline marks both
                                                     accesses of each        */
    const struct StuckWatch *stuck_watch;   /* the partial-deadlock analysis    */
    const struct StuckFinding *stuck;       /* goroutines nothing can wake at
                                               this frame, NULL none          */
    int cursor_line;                 /* the code's cursor (`b` sets a breakpoint
                                        there), 0 none                          */
    bool follow_cursor;              /* the cursor just moved: the code scrolls
                                        to it rather than to the goroutines      */
    const struct Breakpoints *breaks;   /* lines marked for a stop, or NULL     */
} ViewCtx;

/* "G2 writes data (line 11) while G1's read of it (line 14, frame 30) is
 * unordered with it" */
void view_race_text(const ViewCtx *c, char *buf, size_t n);

/* Is goroutine g / the object at addr part of the wait-for cycle? */
bool view_g_in_cycle(const ViewCtx *c, int g);
/* ... or stuck for ever (sim/analysis/stuck.h)? */
bool view_g_stuck(const ViewCtx *c, int g);
bool view_addr_in_cycle(const ViewCtx *c, int64_t addr);
/* Can some goroutine still make progress (running, runnable or sleeping)?
 * A cycle while one can is a partial deadlock; otherwise the whole program
 * is stuck, even in the frame before the machine declares it. */
bool view_progress_possible(const Machine *m);

/* view_timeline.c: one lane per core, the current frame at the right. */
void view_timeline_draw(const Pane *p, const ViewCtx *c);
/* view_code.c: the source with a marker per goroutine; *top is the first
 * line shown (1-based), kept between frames so the view scrolls calmly. */
void view_code_draw(const Pane *p, const ViewCtx *c, int *top);
/* view_goroutines.c: id, state, core, function, line, what it waits for. */
void view_goroutines_draw(const Pane *p, const ViewCtx *c);
/* view_locks.c: mutexes (owner, FIFO waiters) and WaitGroups (counter). */
void view_locks_draw(const Pane *p, const ViewCtx *c);
int view_locks_count(const Machine *m);
/* view_output.c: stdout then stderr, the last lines. */
void view_output_draw(const Pane *p, const ViewCtx *c);
/* view_status.c: the status bar; the "what happened" line; the notice line
 * (the deadlock cycle in words, the end of the run, or a hint). */
void view_status_draw(const Pane *p, const ViewCtx *c);
void view_events_draw(const Pane *p, const ViewCtx *c);
void view_notice_draw(const Pane *p, const ViewCtx *c);
/* The "what happened" text itself (for tests and recordings). */
size_t view_events_text(const ViewCtx *c, char *buf, size_t n);
/* view_help.c: the key bar and the help overlay, both from the key table
 * (while playing, the bar says "Pause" for the play key). */
void view_keybar_draw(const Pane *p, int ctx, bool playing);
/* The help on `page` (0-based) of view_help_pages(): two columns when they
 * fit, else pages of one. */
void view_help_draw(int rows, int cols, int ctx, int page);
int view_help_pages(int rows, int cols, int ctx);
/* view_prompt.c: the `:` prompt, in place of the key bar while it is open. */
struct Prompt;
void view_prompt_draw(const Pane *p, const struct Prompt *pr);
/* view_gmp.c: Ps, Ms and run queues, in place of the code (`g`). */
void view_gmp_draw(const Pane *p, const ViewCtx *c);

/* view_memory.c: the shared variables; how many are shared by frame f. */
struct MemWatch;
int view_memory_count(const struct MemWatch *w, uint64_t f);
void view_memory_draw(const Pane *p, const ViewCtx *c);

/* view_stats.c: CPU and lock time per goroutine, up to frame `scanned`. */
struct Stats;
void view_stats_draw(int rows, int cols, const struct Stats *s, const Machine *m, uint64_t scanned);

/* view_survey.c: state as survey_poll says (0 running, 1 done, -1 failed). */
struct Survey;
void view_survey_draw(int rows, int cols, const struct Survey *s, int state, int sel, const char *title,
                      int elapsed_s);
/* view_notes.c: the scenario's notes and what to look for, as an overlay. */
/* page 1: summary and notes; page 2: what to look for and the beats */
void view_notes_draw(int rows, int cols, const ScenarioMeta *meta, const char *filename, int page);
/* view_diag.c: a program that does not compile, in place of the live view. */
void view_diag_draw(const Pane *p, const Program *prog);

#endif
