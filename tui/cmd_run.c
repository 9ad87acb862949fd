/* cmd_run.c — `interleave run`, `check` and `list`: the engine without a
 * terminal, for scripts, tests and handouts.
 *
 * run prints the program's output on stdout as it is produced, Go's fatal error
 * text on stderr, and exits with the program's status; --trace adds one line per
 * executed instruction (frame, core, goroutine, line, instruction, events).
 * check compiles without running: the diagnostics, as run prints them, and
 * exit status 1, or nothing and 0 (as `go vet` does). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beat.h"
#include "commands.h"
#include "duration.h"
#include "event_text.h"
#include "livelock.h"
#include "program.h"
#include "program_dir.h"
#include "memwatch.h"
#include "race.h"
#include "scenario.h"
#include "stats.h"
#include "stuck.h"

#define DEFAULT_MAX_STEPS 1000000000ULL

int cmd_list(FILE *out)
{
    int nb = scenarios_builtin_count, n;
    ScenarioMeta *metas = calloc((size_t)(nb > 0 ? nb : 1), sizeof *metas);
    int *order = calloc((size_t)(nb > 0 ? nb : 1), sizeof *order);
    if (!metas || !order) {
        free(metas);
        free(order);
        return 1;
    }
    /* The lessons in order, each followed by its variants. */
    scenario_lesson_order(metas, order, &n);
    for (int r = 0; r < n; r++) {
        int i = order[r];
        const char *name = scenarios_builtin[i].name;
        if (metas[i].lesson) fprintf(out, "%2d. ", metas[i].lesson);
        else fputs("    ", out);
        fprintf(out, "%-20s %s — %s\n", name, metas[i].title, metas[i].summary);
        for (int j = 0; j < nb; j++)
            if (!strcmp(metas[j].variant_of, name))
                fprintf(out, "    %-20s variant: %s\n", scenarios_builtin[j].name,
                        metas[j].variant[0] ? metas[j].variant : metas[j].title);
    }
    free(metas);
    free(order);
    return 0;
}

/* Events of goroutine g in this frame, joined by "; ". */
static void events_of(const Machine *m, int g, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < m->nevents && len + 1 < n; i++) {
        const Event *e = &m->events[i];
        if (e->g != g || e->kind == EV_GO_START) continue;
        if (len) len += (size_t)snprintf(buf + len, n - len, "; ");
        if (len < n) len += event_describe(m, e, buf + len, n - len);
    }
    if (len >= n && n > 4) memcpy(buf + n - 4, "...", 4);
}

static void trace_frame(const Machine *m, FILE *out)
{
    const Program *p = m->prog;
    char instr[96], evs[512];
    for (int c = 0; c < m->ncores; c++) {
        const CoreStep *s = &m->last[c];
        if (!s->g) continue;
        disasm_instr(p, s->pc, instr, sizeof instr);
        events_of(m, s->g, evs, sizeof evs);
        if (evs[0])
            fprintf(out, "%7llu  P%d  G%-3d L%-4d %-30s %s\n", (unsigned long long)m->frame, c,
                    s->g, p->code_line[s->pc], instr, evs);
        else
            fprintf(out, "%7llu  P%d  G%-3d L%-4d %s\n", (unsigned long long)m->frame, c, s->g,
                    p->code_line[s->pc], instr);
    }
    /* Events that no core's instruction caused: timers, clock jumps, the end. */
    for (int i = 0; i < m->nevents; i++) {
        const Event *e = &m->events[i];
        int ran = 0;
        for (int c = 0; c < m->ncores; c++) ran |= e->g && m->last[c].g == e->g;
        if (ran || e->kind == EV_GO_START) continue;
        event_describe(m, e, evs, sizeof evs);
        fprintf(out, "%7llu  --  --   --    %-30s %s\n", (unsigned long long)m->frame, "-", evs);
    }
}

/* --beats: one line per beat that fires in this frame. */
static void print_beats(const Machine *m, const ScenarioMeta *meta, BeatCursor *cur)
{
    int first = cur->next;
    int fired = beat_advance(m, meta->beats, meta->nbeats, cur);
    char t[32];
    duration_format(m->now, t, sizeof t);
    for (int i = first; i < first + fired; i++)
        fprintf(stderr, "beat %d/%d at frame %llu (%s): %s\n", i + 1, meta->nbeats,
                (unsigned long long)m->frame, t, meta->beats[i].caption);
}

int cmd_load_program(const char *target, Scenario *sc, Program **out, ScenarioMeta *meta, FsImage **dir)
{
    char err[400];
    if (scenario_load(target, sc, err, sizeof err)) {
        fprintf(stderr, "interleave: %s\n", err);
        return EXIT_NOINPUT;
    }
    scenario_meta(sc, meta);
    Program *p = compile_source(sc->filename, sc->source, sc->len);
    if (p->ndiags) {
        for (int i = 0; i < p->ndiags; i++) program_print_diagnostic(p, &p->diags[i], stderr);
        program_free(p);
        scenario_release(sc);
        return EXIT_COMPILE;
    }
    if (scenario_load_dir(sc, dir, err, sizeof err)) {
        fprintf(stderr, "interleave: %s\n", err);
        program_free(p);
        scenario_release(sc);
        return EXIT_NOINPUT;
    }
    *out = p;
    return 0;
}

/* Compile only.  The diagnostics go to stderr, as a compiler's do and as run
 * prints them, so a script can tell them from nothing at all on stdout. */
int cmd_check(const char *target)
{
    char err[300];
    Scenario sc;
    if (scenario_load(target, &sc, err, sizeof err)) {
        fprintf(stderr, "interleave: %s\n", err);
        return EXIT_NOINPUT;
    }
    Program *p = compile_source(sc.filename, sc.source, sc.len);
    int rc = p->ndiags ? EXIT_COMPILE : 0;
    for (int i = 0; i < p->ndiags; i++) program_print_diagnostic(p, &p->diags[i], stderr);
    program_free(p);
    scenario_release(&sc);
    return rc;
}

/* --report: what the analyses found, after the program's own output.
 *   report: race.go on 2 cores, seed 1
 *   lost updates: 1873; the first: G3 stores counter = ...
 *   partial deadlocks: none   (or each deadlock found, stuck.h)
 *   livelock: none   (or one line per livelock found, livelock.h)
 *   starvation (CPU time and locks per goroutine): ... (stats.h)       */
static void write_report(const Scenario *sc, const Machine *m, const MemWatch *mem, const Stats *stats,
                         const StuckWatch *stuck, const LivelockDetector *live, FILE *out)
{
    fprintf(out, "report: %s on %d core%s, seed %llu\n", sc->filename, m->ncores, m->ncores == 1 ? "" : "s",
            (unsigned long long)m->cfg.seed);
    int nlost;
    const LostUpdate *lost = memwatch_lost(mem, &nlost);
    if (nlost) {
        char first[400];
        memwatch_describe_lost(m, &lost[0], first, sizeof first);
        fprintf(out, "lost updates: %d; the first, at frame %llu: %s\n", nlost,
                (unsigned long long)lost[0].frame, first);
    } else {
        fprintf(out, "lost updates: none\n");
    }
    stuck_write(stuck, m, out);
    int nlive;
    const Livelock *lives = livelock_findings(live, &nlive);
    char line[600];
    for (int i = 0; i < nlive; i++) {
        livelock_describe(m, &lives[i], line, sizeof line);
        fprintf(out, "%s\n", line);
    }
    if (!nlive) fprintf(out, "livelock: none\n");
    stats_write(stats, m, out);
}

/* A signal that ends the process (Ctrl-C, kill, a closed terminal) must not
 * lose what the program printed: Go writes each print straight to the file,
 * so what was printed before the signal is there after it.  The run loop
 * sees the flag between chunks, writes out what stdio holds, and dies of the
 * same signal, as Go's runtime does (the shell sees 128 + its number). */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig) { stop_signal = sig; }

static void catch_stop_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction sa, was;
        /* ignored when we started (a background job's SIGINT, nohup's
         * SIGHUP): stays ignored, as in Go */
        if (sigaction(sigs[i], NULL, &was) == 0 && was.sa_handler == SIG_IGN) continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_stop_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static void die_of_stop_signal(void)
{
    fflush(stdout);
    fflush(stderr);
    signal(stop_signal, SIG_DFL);
    raise(stop_signal);
}

int cmd_run(const RunOptions *o)
{
    Scenario sc;
    ScenarioMeta meta;
    Program *p = NULL;
    FsImage *dir;
    int rc = cmd_load_program(o->target, &sc, &p, &meta, &dir);
    if (rc) return rc;
    MachineConfig cfg = o->cfg;
    cfg.fs = dir;
    if (o->race) cfg.race_exit_ns = MACHINE_RACE_EXIT_NS;   /* go run -race's exit */
    scenario_apply_meta(&meta, o->user_set, &cfg);

    Schedule forced, taken;
    schedule_init(&forced);
    schedule_init(&taken);
    if (o->schedule && schedule_parse(&forced, o->schedule)) {
        fprintf(stderr, "interleave: --schedule wants runs of goroutine ids separated by '.' (1x12.2x3.1, 2/1), not '%s'\n",
                o->schedule);
        fprintf(stderr, "Try 'interleave --help'.\n");
        schedule_fini(&forced);
        program_free(p);
        program_dir_free(dir);
        scenario_release(&sc);
        return EXIT_USAGE;
    }

    if (o->beats && meta.beat_error[0]) {
        fprintf(stderr, "interleave: %s: bad beat: %s\n", sc.filename, meta.beat_error);
        schedule_fini(&forced);
        program_free(p);
        program_dir_free(dir);
        scenario_release(&sc);
        return EXIT_USAGE;
    }
    BeatCursor beats = {0, 0};

    Machine *m = machine_new(p, &cfg);
    if (o->schedule) machine_set_schedule(m, &forced);
    uint64_t limit = o->max_steps ? o->max_steps : DEFAULT_MAX_STEPS;
    uint32_t printed = 0;
    /* Without --trace or --print-schedule nobody looks at single frames:
     * machine_run takes its fast path, in chunks so output still streams. */
    bool per_frame = o->trace || o->print_schedule || (o->beats && meta.nbeats) || o->race || o->report;
    RaceDetector *race = o->race ? race_new() : NULL;
    MemWatch *mem = o->report ? memwatch_new() : NULL;
    Stats *stats = o->report ? stats_new() : NULL;
    StuckWatch *stuck = o->report ? stuck_new() : NULL;
    LivelockDetector *live = o->report ? livelock_new() : NULL;
    catch_stop_signals();
    while (m->status == M_RUNNING && m->frame < limit) {
        if (stop_signal) {
            if (m->stdout_len > printed && !o->trace) fwrite(m->stdout_buf + printed, 1, m->stdout_len - printed, stdout);
            die_of_stop_signal();
        }
        if (per_frame) {
            machine_step(m);
        } else {
            uint64_t chunk = limit - m->frame < 65536 ? limit - m->frame : 65536;
            machine_run(m, chunk);
        }
        if (o->trace) trace_frame(m, stdout);
        if (o->beats && beats.next < meta.nbeats) print_beats(m, &meta, &beats);
        if (mem) memwatch_observe(mem, m);
        if (stats) stats_observe(stats, m);
        if (stuck) stuck_observe(stuck, m);
        if (live) livelock_observe(live, m);
        if (race && race_observe(race, m)) {
            /* Go prints a report when it finds the race, as the run goes on */
            int n;
            const RaceReport *reps = race_reports(race, &n);
            fflush(stdout);
            race_write_report(race, m, &reps[n - 1], stderr);
        }
        if (o->print_schedule)
            for (int c = 0; c < m->ncores; c++)
                if (m->last[c].g) schedule_push(&taken, m->last[c].g);
        if (m->stdout_len > printed && !o->trace) {
            fwrite(m->stdout_buf + printed, 1, m->stdout_len - printed, stdout);
            printed = m->stdout_len;
        }
    }
    fflush(stdout);
    if (o->beats)
        for (int i = beats.next; i < meta.nbeats; i++)
            fprintf(stderr, "beat %d/%d never happened: %s\n", i + 1, meta.nbeats, meta.beats[i].caption);

    switch (m->status) {
    case M_RUNNING:
        fprintf(stderr, "interleave: stopped after %llu steps; the program was still running "
                        "(raise --max-steps)\n", (unsigned long long)m->frame);
        rc = EXIT_STEP_LIMIT;
        break;
    case M_HANG:
        fprintf(stderr, "interleave: %s\n", m->fatal_msg);
        rc = m->exit_code;
        break;
    case M_SCHEDULE_ERROR:
        fprintf(stderr, "interleave: %s\n", m->fatal_msg);
        rc = EXIT_USAGE;
        break;
    default:
        if (!o->report) machine_write_fatal(m, stderr);
        rc = m->exit_code;
        break;
    }
    if (o->report) {
        /* after the program's own stderr (its fatal error, if any) */
        machine_write_fatal(m, stderr);
        write_report(&sc, m, mem, stats, stuck, live, stderr);
        memwatch_free(mem);
        livelock_free(live);
        stats_free(stats);
        stuck_free(stuck);
    }
    if (race) {
        int n;
        race_reports(race, &n);
        /* Go's race runtime speaks at a normal exit only, and makes it 66 */
        if (n && m->status == M_EXITED) {
            fprintf(stderr, "Found %d data race(s)\n", n);
            if (rc == 0) rc = EXIT_RACE;
        }
        if (race_overflowed(race))
            fprintf(stderr, "interleave: race detection stopped at %d goroutines, as Go's does\n",
                    RACE_MAX_GOROUTINES);
        race_free(race);
    }
    if (o->print_schedule) {
        size_t need = schedule_format(&taken, NULL, 0);
        char *text = malloc(need + 1);
        if (text) {
            schedule_format(&taken, text, need + 1);
            fprintf(stderr, "schedule: %s\n", text);
            free(text);
        }
    }
    machine_free(m);
    schedule_fini(&forced);
    schedule_fini(&taken);
    program_free(p);
    program_dir_free(dir);
    scenario_release(&sc);
    return rc;
}
