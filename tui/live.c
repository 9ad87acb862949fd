/* live.c — the live screen (see live.h).
 *
 * State lives here; drawing is the views' job.  Every action that changes
 * the run goes through the History, so stepping back, restarting with other
 * cores or another seed, and jumping to the end are all seeks on a
 * deterministic machine: the frame you step back to is exactly the frame you
 * saw before.
 */
#include "live.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beat.h"
#include "breakpoints.h"
#include "duration.h"
#include "layout.h"
#include "livelock.h"
#include "memwatch.h"
#include "navigate.h"
#include "program_dir.h"
#include "race.h"
#include "scenario.h"
#include "stats.h"
#include "stuck.h"
#include "util.h"
#include "views.h"
#include "waitfor.h"

/* Playback speeds, frames per second. */
static const int speeds[] = { 1, 2, 5, 10, 20, 50, 100, 500 };
#define NSPEEDS ((int)(sizeof speeds / sizeof speeds[0]))
#define DEFAULT_SPEED 3        /* 10 frames per second                      */
#define MAX_TICK_HZ 50         /* redraws per second at the fastest speeds  */
#define RUN_CHUNK 20000        /* End and `.` run this many frames a tick,
                                  so keys are read between chunks           */
#define RUN_TICK_MS 10

struct Live {
    char *arg;                 /* what was opened, for reloading           */
    Scenario sc;
    FsImage *dir;              /* its directory, the program's files (or NULL) */
    ScenarioMeta meta;
    Program *prog;
    History *hist;             /* NULL when the program did not compile     */
    TuiOptions opts;
    MachineConfig cfg;         /* the run's configuration                   */
    bool playing;
    int speed;
    int notes;                 /* the notes overlay: 0 closed, page 1 or 2  */
    bool stats_open;           /* ... the stats overlay                      */
    bool instructions;         /* the code shows bytecode (`i`)              */
    bool gmp;                  /* the G-M-P view in place of the code (`g`)  */
    bool had_cycle;            /* a wait-for cycle was on screen last frame */
    int code_top;
    int max_ngs, max_locks;    /* the layout only grows within a run        */
    char notice[300];
    /* The scenario's beats, found as the run is walked forward frame by
     * frame (the run is deterministic, so a beat's frame never changes). */
    BeatCursor scan;
    uint64_t scanned;          /* frames 1..scanned have been looked at      */
    uint64_t beat_at[BEAT_MAX];/* the frame each beat happens at, 0 not yet  */
    RaceDetector *race;        /* data races, found in the same walk          */
    MemWatch *mem;             /* shared variables and lost updates, too      */
    Stats *stats;              /* CPU and lock time per goroutine, too        */
    StuckWatch *stuck;         /* goroutines nothing can wake, too           */
    LivelockDetector *livelock;/* the same state over and over, too           */
    enum { RUN_NONE, RUN_TO_END, RUN_TO_BEAT, RUN_SEARCH } running;   /* End, `.`, or
                                  `:` `]` `[` in progress                     */
    NavSearch search;          /* ... the one RUN_SEARCH goes on with          */
    Breakpoints *breaks;       /* lines to stop at (b), kept across restarts   */
    bool notice_first;         /* the notice answers a key (`:`, `]`, `b`...):
                                  it goes before the end and deadlock banners */
    int cursor;                /* the code's cursor line, where b sets one     */
    bool cursor_moved;         /* ... moved by a key, at frame cursor_frame:   */
    uint64_t cursor_frame;     /*     the code follows it until the frame changes */
    char restarted[300];       /* what a restart changed, said again when the
                                  run is back at the moment it left           */
};

static void set_notice(Live *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void reply(Live *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_notice(Live *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->notice, sizeof l->notice, fmt, ap);
    va_end(ap);
}

/* A notice that answers the key just pressed: shown even where a banner
 * (the end of the run, a deadlock) has the notice line. */
static void reply(Live *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->notice, sizeof l->notice, fmt, ap);
    va_end(ap);
    l->notice_first = true;     /* cleared with the notice, by the next key */
}

/* Load and compile; on success replaces the Live's program and run. */
static int load(Live *l, char *err, size_t errn)
{
    Scenario sc;
    FsImage *dir;
    if (scenario_load(l->arg, &sc, err, errn)) return -1;
    if (scenario_load_dir(&sc, &dir, err, errn)) {   /* the files the program sees, read again */
        scenario_release(&sc);
        return -1;
    }
    if (l->hist) history_free(l->hist);
    if (l->prog) program_free(l->prog);
    if (l->sc.source) scenario_release(&l->sc);
    program_dir_free(l->dir);
    l->hist = NULL;
    l->sc = sc;
    l->dir = dir;
    scenario_meta(&l->sc, &l->meta);
    l->cfg = l->opts.cfg;
    l->cfg.fs = l->dir;
    scenario_apply_meta(&l->meta, l->opts.user_set, &l->cfg);
    l->prog = compile_source(l->sc.filename, l->sc.source, l->sc.len);
    return 0;
}

/* The first line after the scenario's header comment (its notes have their
 * own overlay), so the code view opens on code. */
static int first_code_line(const Program *p)
{
    for (int line = 1; line <= p->nlines; line++) {
        int len;
        const char *t = program_line_text(p, line, &len);
        if (len < 2 || t[0] != '/' || t[1] != '/') return line;
    }
    return 1;
}

/* The code cursor on a line of this program: where it was if the program
 * still has that line, else on main's first line. */
static void place_cursor(Live *l)
{
    l->cursor_moved = false;
    if (l->cursor >= 1 && l->cursor <= l->prog->nlines) return;
    const Machine *m = l->hist ? history_machine(l->hist) : NULL;
    int line = m ? machine_goroutine_line(m, machine_goroutine(m, 1)) : 0;
    l->cursor = line > 0 ? line : first_code_line(l->prog);
}

static void restart(Live *l)
{
    if (l->hist) history_free(l->hist);
    l->hist = NULL;
    l->playing = false;
    l->had_cycle = false;
    l->code_top = first_code_line(l->prog);
    l->max_ngs = l->max_locks = 0;
    l->scan = (BeatCursor){0, 0};
    l->scanned = 0;
    memset(l->beat_at, 0, sizeof l->beat_at);
    race_free(l->race);
    l->race = race_new();
    memwatch_free(l->mem);
    l->mem = memwatch_new();
    stats_free(l->stats);
    l->stats = stats_new();
    stuck_free(l->stuck);
    l->stuck = stuck_new();
    livelock_free(l->livelock);
    l->livelock = livelock_new();
    l->running = RUN_NONE;
    l->restarted[0] = '\0';
    nav_search_fini(&l->search);
    if (l->prog->ndiags == 0) l->hist = history_new(l->prog, &l->cfg, 0);
    place_cursor(l);
}

Live *live_open(const char *arg, const TuiOptions *opts, char *err, size_t errn)
{
    Live *l = xcalloc(1, sizeof *l);
    l->arg = xstrdup(arg);
    l->opts = *opts;
    l->speed = DEFAULT_SPEED;
    l->breaks = breakpoints_new();
    if (load(l, err, errn)) {
        breakpoints_free(l->breaks);
        free(l->arg);
        free(l);
        return NULL;
    }
    restart(l);
    if (l->prog->ndiags == 0 && !l->hist) {
        snprintf(err, errn, "cannot start a machine with %d cores", l->cfg.cores);
        live_free(l);
        return NULL;
    }
    return l;
}

void live_free(Live *l)
{
    if (!l) return;
    if (l->hist) history_free(l->hist);
    if (l->prog) program_free(l->prog);
    scenario_release(&l->sc);
    program_dir_free(l->dir);
    race_free(l->race);
    memwatch_free(l->mem);
    stats_free(l->stats);
    stuck_free(l->stuck);
    livelock_free(l->livelock);
    nav_search_fini(&l->search);
    breakpoints_free(l->breaks);
    free(l->arg);
    free(l);
}

int live_ctx(const Live *l) { return l->hist ? CTX_LIVE : CTX_DIAG; }
const char *live_name(const Live *l) { return l->sc.name; }

const char *live_own_path(const Live *l)
{
    const Scenario *b = scenario_find(l->sc.name);
    return b && b->source == l->sc.source ? NULL : l->arg;
}
bool live_overlay(const Live *l) { return l->notes || l->stats_open; }

void live_overlay_key(Live *l, bool notes_key)
{
    if (l->notes == 1 && notes_key) {
        l->notes = 2;
        return;
    }
    l->notes = 0;
    l->stats_open = false;
}
bool live_playing(const Live *l) { return l->playing || l->running != RUN_NONE; }
int live_fps(const Live *l) { return speeds[l->speed]; }
const History *live_history(const Live *l) { return l->hist; }
const Program *live_program(const Live *l) { return l->hist ? l->prog : NULL; }
MachineConfig live_config(const Live *l) { return l->cfg; }

void live_say(Live *l, const char *text)
{
    reply(l, "%s", text);
}

void live_replay(Live *l, uint64_t seed, int cores)
{
    l->cfg.seed = seed;
    l->cfg.cores = cores;
    if (cores > 1 && l->cfg.policy == POLICY_SINGLE) l->cfg.policy = POLICY_GO;
    restart(l);
    set_notice(l, "seed %llu on %d core%s: the outcome's witness, from frame 0",
               (unsigned long long)seed, cores, cores == 1 ? "" : "s");
}

unsigned live_timer_ms(const Live *l)
{
    if (l->running != RUN_NONE) return RUN_TICK_MS;
    int fps = speeds[l->speed];
    return fps <= MAX_TICK_HZ ? (unsigned)(1000 / fps) : 1000 / MAX_TICK_HZ;
}

int live_frames_per_tick(const Live *l)
{
    int fps = speeds[l->speed];
    return fps <= MAX_TICK_HZ ? 1 : fps / MAX_TICK_HZ;
}

static const Machine *machine(const Live *l) { return history_machine(l->hist); }

static bool has_cycle(const Live *l)
{
    WaitGraph g;
    waitfor_build(machine(l), &g);
    return g.ncycle > 0;
}

static void stopped_notice(Live *l)
{
    set_notice(l, "the run has ended at frame %llu: %s steps back, Home goes to frame 0, "
               "s restarts with the next seed", (unsigned long long)history_frame(l->hist),
               theme_glyph(GLYPH_LEFT));
}

/* One frame forward.  A frame not seen before goes through the beats and
 * the analyses (races, shared memory, CPU and lock time, goroutines
 * nothing can wake, livelock), in order from frame 1; returns the beat at
 * the new frame (the last, when several), -1 none. */
static int forward_scan(Live *l)
{
    history_forward(l->hist);
    uint64_t f = history_frame(l->hist);
    if (f == l->scanned + 1) {
        if (l->scan.next < l->meta.nbeats) {
            int first = l->scan.next;
            int fired = beat_advance(machine(l), l->meta.beats, l->meta.nbeats, &l->scan);
            for (int i = first; i < first + fired; i++) l->beat_at[i] = f;
        }
        race_observe(l->race, machine(l));
        memwatch_observe(l->mem, machine(l));
        stats_observe(l->stats, machine(l));
        stuck_observe(l->stuck, machine(l));
        livelock_observe(l->livelock, machine(l));
        l->scanned = f;
    }
    int at = -1;
    for (int i = 0; i < l->meta.nbeats; i++)
        if (l->beat_at[i] == f) at = i;
    return at;
}

/* The lost update at frame f, NULL none. */
static const LostUpdate *lost_at(const Live *l, uint64_t f)
{
    int n;
    const LostUpdate *u = memwatch_lost(l->mem, &n);
    for (int i = n - 1; i >= 0 && u[i].frame >= f; i--)
        if (u[i].frame == f) return &u[i];
    return NULL;
}

/* The data race found at frame f, NULL none (the first, when several). */
static const RaceReport *race_at(const Live *l, uint64_t f)
{
    int n;
    const RaceReport *r = race_reports(l->race, &n);
    for (int i = 0; i < n; i++)
        if (r[i].cur.frame == f) return &r[i];
    return NULL;
}

/* One frame forward; pauses at a beat, at the end of the run, when a
 * wait-for cycle first appears (a partial deadlock while other goroutines
 * still run) and when a livelock is found. */
static void forward(Live *l)
{
    if (forward_scan(l) >= 0) l->playing = false;   /* the event line shows its caption */
    if (race_at(l, history_frame(l->hist))) {
        l->playing = false;
        set_notice(l, "paused at a data race: both accesses are marked RACE in the code");
    }
    int nlost;
    const LostUpdate *lost = memwatch_lost(l->mem, &nlost);
    if (nlost && lost[0].frame == history_frame(l->hist)) {      /* the run's first */
        l->playing = false;
        set_notice(l, "paused at the first lost update: the Memory pane shows the variable");
    }
    int nstuck;
    const StuckFinding *found = stuck_findings(l->stuck, &nstuck);
    if (nstuck && found[nstuck - 1].frame == history_frame(l->hist) && !found[nstuck - 1].global &&
        machine(l)->status == M_RUNNING) {
        l->playing = false;
        set_notice(l, "paused: goroutines that nothing can wake (the banner names them)");
    }
    int nlive;
    const Livelock *live = livelock_findings(l->livelock, &nlive);
    if (nlive && live[nlive - 1].detected_frame == history_frame(l->hist)) {
        char what[240];
        livelock_headline(machine(l), &live[nlive - 1], what, sizeof what);
        l->playing = false;
        set_notice(l, "paused: livelock — %s", what);
    }
    bool cyc = has_cycle(l);
    if (cyc && !l->had_cycle && machine(l)->status == M_RUNNING && l->playing &&
        view_progress_possible(machine(l))) {
        l->playing = false;
        set_notice(l, "paused: a wait-for cycle appeared while other goroutines still run");
    }
    l->had_cycle = cyc;
    if (machine(l)->status != M_RUNNING) l->playing = false;
}

/* End: run on in chunks (live_tick) until the program ends, or a
 * breakpoint: then over the frames already seen too, not past them (`.`
 * and `:` go to their place whatever lies between). */
static void run_to_end(Live *l)
{
    l->playing = false;
    if (l->scanned > history_frame(l->hist) && !breakpoints_count(l->breaks))
        history_seek(l->hist, l->scanned);
    if (machine(l)->status == M_RUNNING) l->running = RUN_TO_END;
}

/* `.`: on to the next beat: a known one at once, else run on in chunks
 * (live_tick) until one happens or the program ends. */
static void next_beat(Live *l)
{
    l->playing = false;
    if (l->meta.nbeats == 0) {
        set_notice(l, "this program has no beats (a scenario's `// beat:` lines)");
        return;
    }
    uint64_t f = history_frame(l->hist);
    for (int i = 0; i < l->meta.nbeats; i++)
        if (l->beat_at[i] > f) {
            history_seek(l->hist, l->beat_at[i]);
            l->had_cycle = has_cycle(l);
            return;
        }
    if (l->scan.next < l->meta.nbeats && l->scanned >= f) {
        if (l->scanned > f) history_seek(l->hist, l->scanned);
        if (machine(l)->status == M_RUNNING) {
            l->running = RUN_TO_BEAT;
            return;
        }
    }
    set_notice(l, "no more beats in this run (%d of %d happened)", l->scan.next, l->meta.nbeats);
}

static bool at_breakpoint(Live *l);

/* One chunk of End or `.`; the notice says how far it got. */
static void run_chunk(Live *l)
{
    for (int i = 0; i < RUN_CHUNK && machine(l)->status == M_RUNNING; i++)
        if ((forward_scan(l) >= 0 && l->running == RUN_TO_BEAT) ||
            (l->running == RUN_TO_END && at_breakpoint(l))) {
            l->running = RUN_NONE;
            l->had_cycle = has_cycle(l);
            return;
        }
    l->had_cycle = has_cycle(l);
    if (machine(l)->status != M_RUNNING) {
        if (l->running == RUN_TO_BEAT)
            set_notice(l, "no more beats in this run (%d of %d happened)", l->scan.next, l->meta.nbeats);
        l->running = RUN_NONE;
        return;
    }
    set_notice(l, "running %s: frame %llu (any key stops)",
               l->running == RUN_TO_END ? "to the end" : "to the next beat",
               (unsigned long long)history_frame(l->hist));
}

/* `,`: back to the last beat before this frame. */
static void prev_beat(Live *l)
{
    l->playing = false;
    uint64_t f = history_frame(l->hist);
    for (int i = l->meta.nbeats - 1; i >= 0; i--)
        if (l->beat_at[i] && l->beat_at[i] < f) {
            history_seek(l->hist, l->beat_at[i]);
            l->had_cycle = has_cycle(l);
            return;
        }
    set_notice(l, "no beat before this frame");
}

/* ---- navigation: `:`, `]`, `[`, the code cursor and breakpoints ---------- */

/* A line of the program without its indentation, for a notice. */
static void line_text(const Live *l, int line, char *buf, size_t n)
{
    int len;
    const char *t = program_line_text(l->prog, line, &len);
    while (len > 0 && (*t == ' ' || *t == '\t')) t++, len--;
    snprintf(buf, n, "%.*s", len, t);
}

/* After a frame walked forward: has a goroutine arrived at a breakpoint?
 * The notice says which and where. */
static bool at_breakpoint(Live *l)
{
    int line, g = breakpoints_hit(l->breaks, machine(l), &line);
    if (!g) return false;
    char text[120];
    line_text(l, line, text, sizeof text);
    reply(l, "stopped at the breakpoint on line %d: G%d is about to run %s", line, g, text);
    return true;
}

/* What a search needs of the live screen (see navigate.h). */
static void nav_forward(void *ctx) { forward_scan(ctx); }

static void nav_facts(void *ctx, uint64_t f, NavFacts *out)
{
    const Live *l = ctx;
    out->beat = -1;
    out->nbeats = l->meta.nbeats;
    out->beat_caption = NULL;
    for (int i = 0; i < l->meta.nbeats; i++)
        if (l->beat_at[i] == f) {
            out->beat = i;
            out->beat_caption = l->meta.beats[i].caption;
        }
    out->race = race_at(l, f);
    out->stuck_watch = l->stuck;
    out->stuck = NULL;
    int n;
    const StuckFinding *found = stuck_findings(l->stuck, &n);
    for (int i = n - 1; i >= 0 && found[i].frame >= f; i--)
        if (found[i].frame == f) out->stuck = &found[i];
    out->livelock = NULL;
    const Livelock *live = livelock_findings(l->livelock, &n);
    for (int i = n - 1; i >= 0; i--)
        if (live[i].detected_frame == f) out->livelock = &live[i];
}

static NavHost nav_host(Live *l)
{
    return (NavHost){ .hist = l->hist, .scanned = &l->scanned, .breaks = l->breaks, .ctx = l,
                      .forward = nav_forward, .facts = nav_facts };
}

/* One slice of a search (live_tick calls it while RUN_SEARCH); the notice
 * says what it found, or how far it got. */
static void search_chunk(Live *l)
{
    NavHost h = nav_host(l);
    if (nav_search_run(&l->search, &h, RUN_CHUNK, l->notice, sizeof l->notice)) {
        l->running = RUN_NONE;
        l->notice_first = true;
        if (l->restarted[0]) {             /* back where a restart left off */
            char both[2 * sizeof l->notice + 2], t[32];
            if (strstr(l->notice, "past the end")) {
                snprintf(both, sizeof both, "%s; %s", l->restarted, l->notice);
            } else {
                duration_format(machine(l)->now, t, sizeof t);
                snprintf(both, sizeof both, "%s; back at t=%s (frame %llu)", l->restarted, t,
                         (unsigned long long)history_frame(l->hist));
            }
            snprintf(l->notice, sizeof l->notice, "%.*s", (int)sizeof l->notice - 1, both);
            l->restarted[0] = '\0';
        }
    } else {
        l->running = RUN_SEARCH;
        nav_search_progress(&l->search, &h, l->notice, sizeof l->notice);
    }
    l->had_cycle = has_cycle(l);
}

/* `:`, `]`, `[`: a known frame at once, else in slices between keys. */
static void search(Live *l, NavGoal goal, const NavTarget *t)
{
    l->playing = false;
    NavHost h = nav_host(l);
    nav_search_begin(&l->search, goal, t, &h);
    search_chunk(l);
}

/* c, p, s and the prompt's settings restart the run and then go back to
 * the moment on screen (the first frame at or after its virtual time), so
 * one moment can be compared across core counts, policies and seeds.  The
 * notice says what changed (fmt), and where the run is once it is back. */
static void restart_here(Live *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void restart_here(Live *l, const char *fmt, ...)
{
    int64_t at = history_frame(l->hist) ? machine(l)->now : 0;
    restart(l);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->notice, sizeof l->notice, fmt, ap);
    va_end(ap);
    if (at <= 0) return;
    snprintf(l->restarted, sizeof l->restarted, "%s", l->notice);
    NavTarget t = { true, 0, at };
    search(l, NAV_TO_TIME, &t);
}

/* The prompt's settings: "seed 7", "cores 4", "slice 100us", "policy single".
 * Returns true when text was one (answered, or refused with the reason). */
static bool setting(Live *l, const char *text)
{
    char key[16], val[48], extra;
    if (sscanf(text, " %15s %47s %c", key, val, &extra) != 2) return false;
    char *end;
    if (!strcmp(key, "seed")) {
        errno = 0;
        unsigned long long seed = strtoull(val, &end, 10);
        if (*end || errno || val[0] == '-') {
            reply(l, "seed wants a whole number (seed 42), not '%s'", val);
            return true;
        }
        l->cfg.seed = seed;
        restart_here(l, "restarted with seed %llu", seed);
    } else if (!strcmp(key, "cores")) {
        long n = strtol(val, &end, 10);
        if (*end || n < 1 || n > MACHINE_MAX_CORES) {
            reply(l, "cores wants 1 to %d, not '%s'", MACHINE_MAX_CORES, val);
            return true;
        }
        l->cfg.cores = (int)n;
        if (n > 1 && l->cfg.policy == POLICY_SINGLE) l->cfg.policy = POLICY_GO;
        restart_here(l, "restarted on %ld core%s, seed %llu", n, n == 1 ? "" : "s",
                     (unsigned long long)l->cfg.seed);
    } else if (!strcmp(key, "slice")) {
        int64_t ns;
        if (duration_parse(val, &ns) || ns <= 0) {
            reply(l, "slice wants a duration (slice 100us, slice 10ms), not '%s'", val);
            return true;
        }
        l->cfg.time_slice = ns;
        char d[32];
        duration_format(ns, d, sizeof d);
        restart_here(l, "restarted with a time slice of %s (Go's is 10ms)", d);
    } else if (!strcmp(key, "policy")) {
        Policy pol;
        if (policy_parse(val, &pol)) {
            reply(l, "policy is go or single, not '%s'", val);
            return true;
        }
        l->cfg.policy = pol;
        restart_here(l, "restarted with the %s policy", policy_name(pol));
    } else {
        return false;
    }
    return true;
}

int live_jump(Live *l, const char *text)
{
    if (!l->hist) return H_NONE;
    l->notice[0] = '\0';
    l->notice_first = false;
    if (!text[strspn(text, " ")]) return H_REDRAW;        /* nothing typed: as Esc */
    if (setting(l, text)) {
        l->notice_first = true;
        return H_REDRAW | H_TIMER;
    }
    NavTarget t;
    char why[200];
    if (nav_parse_target(text, &t, why, sizeof why)) {
        reply(l, "%s", why);
        return H_REDRAW;
    }
    search(l, t.is_time ? NAV_TO_TIME : NAV_TO_FRAME, &t);
    return H_REDRAW | H_TIMER;
}

/* Up / Down: the cursor a line up or down; the code scrolls to it. */
static void move_cursor(Live *l, int by)
{
    int line = l->cursor + by;
    if (line < 1) line = 1;
    if (line > l->prog->nlines) line = l->prog->nlines;
    l->cursor = line;
    l->cursor_moved = true;
    l->cursor_frame = history_frame(l->hist);
}

/* `b`: a breakpoint on the cursor's line, or off again. */
static void toggle_breakpoint(Live *l)
{
    char text[120];
    int line = l->cursor;
    line_text(l, line, text, sizeof text);
    if (!breakpoints_line_has_code(l->prog, line)) {
        reply(l, "line %d has no code to stop at: move the cursor (%s %s) to a statement", line,
              theme_glyph(GLYPH_UP), theme_glyph(GLYPH_DOWN));
        return;
    }
    if (breakpoints_toggle(l->breaks, line))
        reply(l, "breakpoint on line %d (%s): playing, End and ] stop before a goroutine runs it",
              line, text);
    else
        reply(l, "breakpoint on line %d removed", line);
}

static void clear_breakpoints(Live *l)
{
    int n = breakpoints_count(l->breaks);
    breakpoints_clear(l->breaks);
    if (n) reply(l, "%d breakpoint%s removed", n, n == 1 ? "" : "s");
    else reply(l, "no breakpoints to remove (b sets one on the cursor's line)");
}

/* The views' share of navigation: the code's cursor, whether it leads the
 * scrolling, the breakpoints; whether the notice goes first. */
static void nav_view(const Live *l, ViewCtx *c)
{
    c->notice_first = l->notice_first;
    c->cursor_line = l->cursor;
    c->follow_cursor = l->cursor_moved && l->cursor_frame == c->frame;
    c->breaks = l->breaks;
}

/* `v`: the next version of a built-in scenario (its base, its variants). */
static void next_variant(Live *l)
{
    const Scenario *self = scenario_find(l->sc.name);
    if (!self || self->source != l->sc.source) {
        set_notice(l, "only built-in scenarios have variants");
        return;
    }
    const Scenario *nx = scenario_next_variant(l->sc.name);
    if (!nx) {
        set_notice(l, "%s has no variants", l->sc.name);
        return;
    }
    char err[300];
    char *old = l->arg;
    l->arg = xstrdup(nx->name);
    if (load(l, err, sizeof err)) {
        free(l->arg);
        l->arg = old;
        set_notice(l, "%s", err);
        return;
    }
    free(old);
    restart(l);
    set_notice(l, "%s: %s (v: next variant)", l->sc.name,
               l->meta.variant[0] ? l->meta.variant : l->meta.title);
}

static int next_cores(int cores)
{
    static const int cycle[] = { 1, 2, 4 };
    for (int i = 0; i < 3; i++)
        if (cycle[i] > cores) return cycle[i];
    return 1;
}

static int act_diag(Live *l, Action a)
{
    char err[300];
    switch (a) {
    case ACT_RELOAD:
        if (load(l, err, sizeof err)) {
            set_notice(l, "%s", err);
            return H_REDRAW;
        }
        restart(l);
        return H_REDRAW | H_TIMER;
    case ACT_MENU: return H_MENU;
    default: return H_NONE;
    }
}

int live_action(Live *l, Action a)
{
    if (l->notes || l->stats_open) {    /* (keys reach live_overlay_key first) */
        live_overlay_key(l, a == ACT_NOTES);
        return H_REDRAW;
    }
    if (!l->hist) return act_diag(l, a);
    l->notice[0] = '\0';
    l->notice_first = false;
    if (l->running != RUN_NONE) {       /* any key stops End or `.` where it got */
        l->running = RUN_NONE;
        l->restarted[0] = '\0';
        set_notice(l, "stopped at frame %llu", (unsigned long long)history_frame(l->hist));
        return H_REDRAW | H_TIMER;
    }
    MachineStatus st = machine(l)->status;
    switch (a) {
    case ACT_PLAY:
        if (st != M_RUNNING) {
            stopped_notice(l);
            l->playing = false;
        } else {
            l->playing = !l->playing;
        }
        return H_REDRAW | H_TIMER;
    case ACT_STEP:
        l->playing = false;
        if (st != M_RUNNING) stopped_notice(l);
        else forward(l);
        return H_REDRAW | H_TIMER;
    case ACT_BACK:
        l->playing = false;
        if (history_frame(l->hist) == 0) set_notice(l, "this is frame 0, the start of the run");
        else history_back(l->hist);
        l->had_cycle = has_cycle(l);
        return H_REDRAW | H_TIMER;
    case ACT_START:
        l->playing = false;
        history_seek(l->hist, 0);
        l->had_cycle = false;
        return H_REDRAW | H_TIMER;
    case ACT_END:
        run_to_end(l);
        return H_REDRAW | H_TIMER;
    case ACT_FASTER:
    case ACT_SLOWER:
        l->speed += a == ACT_FASTER ? 1 : -1;
        if (l->speed < 0) l->speed = 0;
        if (l->speed >= NSPEEDS) l->speed = NSPEEDS - 1;
        set_notice(l, "speed: %d frame%s per second", speeds[l->speed], speeds[l->speed] == 1 ? "" : "s");
        return H_REDRAW | H_TIMER;
    case ACT_CORES:
        l->cfg.cores = next_cores(machine(l)->ncores);
        if (l->cfg.policy == POLICY_SINGLE && l->cfg.cores > 1) l->cfg.policy = POLICY_GO;
        restart_here(l, "restarted on %d core%s, same seed %llu: the same program, %s",
                     l->cfg.cores, l->cfg.cores == 1 ? "" : "s", (unsigned long long)l->cfg.seed,
                     l->cfg.cores == 1 ? "time-sliced on one core" : "in parallel");
        return H_REDRAW | H_TIMER;
    case ACT_POLICY:
        l->cfg.policy = l->cfg.policy == POLICY_GO ? POLICY_SINGLE : POLICY_GO;
        restart_here(l, "restarted with the %s policy", policy_name(l->cfg.policy));
        return H_REDRAW | H_TIMER;
    case ACT_RESTART: {
        /* Reload the source too, so an edit made in another window shows up;
         * keep the cores, policy and seed chosen here. */
        char err[300];
        MachineConfig keep = l->cfg;
        if (load(l, err, sizeof err)) {
            set_notice(l, "%s", err);
            return H_REDRAW;
        }
        l->cfg = keep;
        restart(l);
        set_notice(l, "restarted: seed %llu again, so the same run", (unsigned long long)l->cfg.seed);
        return H_REDRAW | H_TIMER;
    }
    case ACT_RESEED:
        l->cfg.seed++;
        restart_here(l, "restarted with seed %llu: other scheduling choices, maybe another outcome",
                     (unsigned long long)l->cfg.seed);
        return H_REDRAW | H_TIMER;
    case ACT_NOTES:
        l->notes = 1;
        return H_REDRAW;
    case ACT_STATS:
        l->stats_open = true;
        return H_REDRAW;
    case ACT_GMP:
        l->gmp = !l->gmp;
        return H_REDRAW;
    case ACT_INSTR:
        l->instructions = !l->instructions;
        set_notice(l, "%s", l->instructions ? "the code shows each goroutine's next bytecode instruction (i hides it)"
                                            : "bytecode hidden (i shows it)");
        return H_REDRAW;
    case ACT_NEXT_BEAT:
        next_beat(l);
        return H_REDRAW | H_TIMER;
    case ACT_PREV_BEAT:
        prev_beat(l);
        return H_REDRAW | H_TIMER;
    case ACT_VARIANT:
        next_variant(l);
        return H_REDRAW | H_TIMER;
    case ACT_NEXT_EVENT:
    case ACT_PREV_EVENT:
        search(l, a == ACT_NEXT_EVENT ? NAV_NEXT_EVENT : NAV_PREV_EVENT, NULL);
        return H_REDRAW | H_TIMER;
    case ACT_JUMP:
        l->playing = false;
        return H_PROMPT | H_REDRAW | H_TIMER;
    case ACT_LINE_UP:
    case ACT_LINE_DOWN:
        move_cursor(l, a == ACT_LINE_UP ? -1 : 1);
        return H_REDRAW;
    case ACT_BREAK:
        toggle_breakpoint(l);
        return H_REDRAW;
    case ACT_CLEAR_BREAKS:
        clear_breakpoints(l);
        return H_REDRAW;
    case ACT_MENU:
        return H_MENU;
    default:
        return H_NONE;
    }
}

int live_tick(Live *l, int frames)
{
    if (l->hist && l->running != RUN_NONE) {
        l->notice[0] = '\0';
        l->notice_first = false;
        if (l->running == RUN_SEARCH) search_chunk(l);
        else run_chunk(l);
        return H_REDRAW | (l->running != RUN_NONE ? 0 : H_TIMER);
    }
    if (!l->hist || !l->playing) return H_TIMER;
    l->notice[0] = '\0';
    l->notice_first = false;
    for (int i = 0; i < frames && l->playing; i++) {
        forward(l);
        if (l->playing && at_breakpoint(l)) l->playing = false;
    }
    return H_REDRAW | (l->playing ? 0 : H_TIMER);
}

static void draw_diag(Live *l, int rows, int cols)
{
    Pane main = pane_make(0, 0, rows - 2, cols);
    view_diag_draw(&main, l->prog);
    Pane status = pane_make(rows - 2, 0, 1, cols);
    pane_fill(&status, 0, 0, cols, theme_attr(ROLE_STATUS));
    if (l->notice[0])
        pane_put_trunc(&status, 0, 1, cols - 2, theme_attr(ROLE_STATUS_ACCENT), l->notice);
    else
        pane_printf(&status, 0, 1, theme_attr(ROLE_STATUS), "%s %s %d error%s", l->sc.filename,
                    theme_glyph(GLYPH_VLINE), l->prog->ndiags, l->prog->ndiags == 1 ? "" : "s");
    Pane keys = pane_make(rows - 1, 0, 1, cols);
    view_keybar_draw(&keys, CTX_DIAG, false);
}

void live_draw(Live *l, int rows, int cols)
{
    if (!l->hist) {
        draw_diag(l, rows, cols);
        return;
    }
    const Machine *m = machine(l);
    WaitGraph wg;
    waitfor_build(m, &wg);
    if (m->ngs > l->max_ngs) l->max_ngs = m->ngs;
    if (view_locks_count(m) > l->max_locks) l->max_locks = view_locks_count(m);

    ViewCtx c = {
        .m = m, .h = l->hist, .prog = l->prog, .wg = &wg, .meta = &l->meta,
        .filename = l->sc.filename, .frame = history_frame(l->hist),
        .max_frame = history_max_frame(l->hist), .playing = l->playing,
        .fps = speeds[l->speed], .notice = l->notice, .beat = -1, .nbeats = l->meta.nbeats,
        .instructions = l->instructions,
    };
    for (int i = 0; i < l->meta.nbeats; i++)
        if (l->beat_at[i] && l->beat_at[i] == c.frame) c.beat = i;
    c.race = race_at(l, c.frame);
    c.mem = l->mem;
    c.lost = lost_at(l, c.frame);
    c.races = race_reports(l->race, &c.nraces);
    c.stuck_watch = l->stuck;
    c.stuck = stuck_at(l->stuck, m);
    nav_view(l, &c);
    LiveLayout lay;
    live_layout(rows, cols, m->ncores, l->max_ngs, l->max_locks, view_memory_count(l->mem, c.frame), &lay);
    view_timeline_draw(&lay.timeline, &c);
    if (l->gmp) view_gmp_draw(&lay.code, &c);
    else view_code_draw(&lay.code, &c, &l->code_top);
    view_goroutines_draw(&lay.gor, &c);
    view_locks_draw(&lay.locks, &c);
    view_memory_draw(&lay.memory, &c);
    view_output_draw(&lay.output, &c);
    screen_vline(lay.mid_y + 1, lay.split_x, lay.mid_h - 1);
    Pane split = pane_make(lay.mid_y, lay.split_x, lay.mid_h, 1);
    attr_t border = theme_attr(ROLE_BORDER);
    pane_put(&split, 0, 0, border, theme_glyph(GLYPH_TEE_DOWN));
    pane_put(&split, lay.locks.y - lay.mid_y, 0, border, theme_glyph(GLYPH_TEE_RIGHT));
    if (lay.memory.h > 0) pane_put(&split, lay.memory.y - lay.mid_y, 0, border, theme_glyph(GLYPH_TEE_RIGHT));
    pane_put(&split, lay.output.y - lay.mid_y, 0, border, theme_glyph(GLYPH_TEE_RIGHT));
    view_events_draw(&lay.event, &c);
    view_notice_draw(&lay.notice, &c);
    view_status_draw(&lay.status, &c);
    view_keybar_draw(&lay.keybar, CTX_LIVE, l->playing);
    if (l->notes) view_notes_draw(rows, cols, &l->meta, l->sc.filename, l->notes);
    if (l->stats_open) view_stats_draw(rows, cols, l->stats, m, l->scanned);
}
