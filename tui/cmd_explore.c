/* cmd_explore.c — `interleave explore`: every outcome a program can reach
 * over every order of its goroutines' steps, each with a schedule that
 * gives it (the search is sim/explore/explore.c's).
 *
 *   explore: race.go on 2 cores: 2 outcomes, exhaustive
 *    ends  exit  output
 *       1     0  the value is 0.
 *       1     0  the value is 1.
 *   witnesses (interleave run race.go --cores 2 --schedule S):
 *       1  1x13.2x4.1x9
 *       2  1x13.2x2.1x9.2x2
 *   states: 57 searched, 12 revisited, 88 steps (40 local), deepest path 14
 *   time: 0.001 s, 57000 states/s
 *
 * The exit status says what is reachable (commands.h): 0 when every order
 * ends cleanly, 8 plus 1 for a deadlock and 2 for a panic, 3 when a limit
 * stopped the search before it found either.  A progress line goes to
 * stderr when it is a terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "duration.h"
#include "explore.h"
#include "program.h"
#include "program_dir.h"
#include "survey.h"
#include "util.h"

#define OUTPUT_COLUMN 40

typedef struct Progress {
    struct timespec start;
    double max_seconds;
    bool tty;
    bool shown;
    bool timed_out;
} Progress;

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static bool on_progress(void *ctx, const ExploreStats *st)
{
    Progress *pr = ctx;
    double s = seconds_since(&pr->start);
    if (pr->tty) {
        fprintf(stderr, "\rexplore: %llu states, %llu steps, depth %d, %.1f s ",
                (unsigned long long)st->states, (unsigned long long)st->steps, st->depth, s);
        fflush(stderr);
        pr->shown = true;
    }
    if (pr->max_seconds > 0 && s >= pr->max_seconds) pr->timed_out = true;
    return pr->timed_out;
}

/* The flags `run` needs to rebuild this machine, before --schedule. */
static void replay_flags(const MachineConfig *cfg, char *buf, size_t n)
{
    MachineConfig d = machine_config_default();
    TextBuf t = {buf, n, 0};
    buf[0] = '\0';
    textbuf_put(&t, "--cores %d", cfg->cores);
    if (cfg->policy != d.policy) textbuf_put(&t, " --policy %s", policy_name(cfg->policy));
    if (cfg->seed != d.seed) textbuf_put(&t, " --seed %llu", (unsigned long long)cfg->seed);
    if (cfg->time_slice != d.time_slice) {
        char dur[32];
        duration_format(cfg->time_slice, dur, sizeof dur);
        textbuf_put(&t, " --time-slice %s", dur);
    }
}

static int exit_status(const ExploreOutcome *oc, int n, bool exhaustive)
{
    int found = 0;
    for (int k = 0; k < n; k++) {
        if (oc[k].status == M_DEADLOCK || oc[k].status == M_HANG) found |= EXIT_EXPLORE_DEADLOCK;
        else if (oc[k].status != M_EXITED) found |= EXIT_EXPLORE_PANIC;
    }
    if (found) return EXIT_EXPLORE_FOUND + found;
    return exhaustive ? 0 : EXIT_STEP_LIMIT;
}

int cmd_explore(const RunOptions *o)
{
    Scenario sc;
    ScenarioMeta meta;
    Program *p = NULL;
    FsImage *dir;
    int rc = cmd_load_program(o->target, &sc, &p, &meta, &dir);
    if (rc) return rc;
    MachineConfig cfg = o->cfg;
    cfg.fs = dir;
    scenario_apply_meta(&meta, o->user_set, &cfg);

    Progress pr = {.max_seconds = o->max_seconds, .tty = isatty(2)};
    clock_gettime(CLOCK_MONOTONIC, &pr.start);
    ExploreOptions eo = {.max_states = o->max_states, .no_reduce = o->no_reduce, .no_hash = o->no_hash,
                         .progress = on_progress, .ctx = &pr};
    Explorer *e = explore_new(p, &cfg, &eo);
    if (!e) {
        fprintf(stderr, "interleave: cannot build the machine\n");
        program_free(p);
        program_dir_free(dir);
        scenario_release(&sc);
        return 1;
    }
    bool exhaustive = explore_run(e);
    double secs = seconds_since(&pr.start);
    if (pr.shown) fputs("\r\033[K", stderr);

    const ExploreStats *st = explore_stats(e);
    int n;
    const ExploreOutcome *oc = explore_outcomes(e, &n);
    char why[160];
    if (exhaustive) snprintf(why, sizeof why, "exhaustive");
    else if (pr.timed_out) snprintf(why, sizeof why, "stopped at --max-seconds, not exhaustive");
    else if (st->stopped) snprintf(why, sizeof why, "stopped at --max-states, not exhaustive");
    else snprintf(why, sizeof why, "paths cut at %d decisions, not exhaustive", EXPLORE_DEFAULT_DEPTH);
    printf("explore: %s on %d core%s: %d outcome%s, %s\n", sc.filename, cfg.cores, cfg.cores == 1 ? "" : "s",
           n, n == 1 ? "" : "s", why);
    printf("  ends  exit  output\n");
    for (int k = 0; k < n; k++) {
        SurveyOutcome so = {.status = oc[k].exit_code, .out = oc[k].out, .out_len = oc[k].out_len,
                            .err = (char *)oc[k].msg};
        char cell[OUTPUT_COLUMN * 4 + 8];
        survey_output_text(&so, OUTPUT_COLUMN, cell, sizeof cell);
        printf("%6llu  %4d  %s\n", (unsigned long long)oc[k].ends, oc[k].exit_code, cell);
    }
    char flags[160];
    replay_flags(&cfg, flags, sizeof flags);
    if (n) printf("witnesses (interleave run %s %s --schedule S):\n", o->target, flags);
    for (int k = 0; k < n; k++) {
        size_t need = schedule_format(&oc[k].witness, NULL, 0);
        char *text = xmalloc(need + 1);
        schedule_format(&oc[k].witness, text, need + 1);
        printf("%6d  %s\n", k + 1, need ? text : "(none: the machine's own order)");
        free(text);
    }
    printf("states: %llu searched, %llu revisited, %llu steps (%llu local), %llu end states, deepest path %d\n",
           (unsigned long long)st->states, (unsigned long long)st->revisits, (unsigned long long)st->steps,
           (unsigned long long)st->local_steps, (unsigned long long)st->ends, st->max_depth);
    if (st->unmerged) printf("note: the program uses files or sockets, so no two states were merged\n");
    if (!o->no_time)
        printf("time: %.3f s, %.0f states/s\n", secs, secs > 0 ? (double)st->states / secs : 0.0);
    rc = exit_status(oc, n, exhaustive);
    explore_free(e);
    program_free(p);
    program_dir_free(dir);
    scenario_release(&sc);
    return rc;
}
