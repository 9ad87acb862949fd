/* live.h — the live screen: one scenario running on the simulated machine.
 *
 * A Live owns the scenario text, the compiled Program and a History (the run,
 * seekable to any frame).  Keys arrive as Actions and return HandlerFlags;
 * the loop's frame timer calls live_tick while playing; live_draw lays the
 * views out and draws them from the Machine, read-only.  When the program
 * does not compile, the screen shows its diagnostics instead.
 */
#ifndef INTERLEAVE_LIVE_H
#define INTERLEAVE_LIVE_H

#include <stdbool.h>
#include "app.h"
#include "history.h"
#include "keys.h"

typedef struct Live Live;

/* Open a built-in scenario or a .go file with the options' configuration
 * (scenario suggestions fill what the user did not set).  NULL with a
 * message in err when the file cannot be read. */
Live *live_open(const char *arg, const TuiOptions *opts, char *err, size_t errn);
void live_free(Live *l);

/* CTX_LIVE, or CTX_DIAG when the program did not compile. */
int live_ctx(const Live *l);
const char *live_name(const Live *l);        /* the scenario's name        */
/* The path of the user's own file, NULL for a built-in scenario. */
const char *live_own_path(const Live *l);
/* True while an overlay (notes, stats) is open: the next key goes to it. */
bool live_overlay(const Live *l);
/* A key while an overlay is open: n again turns the notes to their second
 * page (what to look for, the beats); anything else closes. */
void live_overlay_key(Live *l, bool notes_key);
int live_action(Live *l, Action a);
/* The `:` prompt's text: a frame ("1234") or a virtual time ("1.5ms") to go
 * to, in slices like End when it is past the frames seen; bad text gets its
 * reason in the notice line. */
int live_jump(Live *l, const char *text);
/* Advance `frames` frames of playback; stops playing at the end. */
int live_tick(Live *l, int frames);

bool live_playing(const Live *l);
int live_fps(const Live *l);
/* The frame timer's period and how many frames each tick advances: at most
 * 50 redraws a second however fast the playback. */
unsigned live_timer_ms(const Live *l);
int live_frames_per_tick(const Live *l);

void live_draw(Live *l, int rows, int cols);

/* The open program and its run's configuration (NULL when it did not
 * compile), and a restart with another seed and core count. */
const Program *live_program(const Live *l);
MachineConfig live_config(const Live *l);
void live_replay(Live *l, uint64_t seed, int cores);
/* A word for the notice line that answers a key handled outside the live
 * view (t: which theme it chose). */
void live_say(Live *l, const char *text);

/* Read-only access for tests. */
const History *live_history(const Live *l);

#endif
