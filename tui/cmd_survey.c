/* cmd_survey.c — `interleave survey`: every outcome a program has over many
 * seeds and core counts, how often, and a run that gives each.
 *
 *   survey: race.go, seeds 1..200 on 2 cores: 200 runs, 1 outcome
 *    count   share  exit  output                                  witness
 *      200  100.0%     0  the value is 0.                         --seed 1 --cores 2
 *
 * The runs and their outcomes are tui/survey.c's; this prints them, by
 * count, each with its lowest (seed, cores) run and, when short, that run's
 * goroutine steps for --schedule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "program.h"
#include "program_dir.h"
#include "survey.h"
#include "util.h"

#define DEFAULT_SEEDS 100
#define MAX_RUNS 1000000
#define OUTPUT_COLUMN 40

/* "A..B" or "N" (1..N) */
static int parse_seeds(const char *s, uint64_t *lo, uint64_t *hi)
{
    if (!s) {
        *lo = 1;
        *hi = DEFAULT_SEEDS;
        return 0;
    }
    char *end;
    unsigned long long a = strtoull(s, &end, 10);
    if (end == s) return -1;
    if (*end == '\0') {
        *lo = 1;
        *hi = a;
        return a >= 1 ? 0 : -1;
    }
    if (strncmp(end, "..", 2) != 0) return -1;
    const char *t = end + 2;
    unsigned long long b = strtoull(t, &end, 10);
    if (end == t || *end || b < a) return -1;
    *lo = a;
    *hi = b;
    return 0;
}

/* "1,2,4" into cores[]; the count, or -1 */
static int parse_cores(const char *s, int *cores, int max)
{
    int n = 0;
    while (*s) {
        char *end;
        long v = strtol(s, &end, 10);
        if (end == s || v < 1 || v > MACHINE_MAX_CORES || n == max) return -1;
        cores[n++] = (int)v;
        if (*end == ',') end++;
        else if (*end) return -1;
        s = end;
    }
    return n ? n : -1;
}

/* The witness run again, step by step, for its goroutine steps as text
 * (--schedule); NULL when it is long (more than `room` characters). */
#define WITNESS_SCHEDULES 20
#define WITNESS_MAX_FRAMES 2000000
static char *witness_schedule(const Program *p, MachineConfig cfg, size_t room)
{
    Machine *m = machine_new(p, &cfg);
    Schedule s;
    schedule_init(&s);
    while (m->status == M_RUNNING && m->frame < WITNESS_MAX_FRAMES) {
        machine_step(m);
        for (int c = 0; c < m->ncores; c++)
            if (m->last[c].g) schedule_push(&s, m->last[c].g);
    }
    char *text = NULL;
    size_t need = schedule_format(&s, NULL, 0);
    if (m->status != M_RUNNING && need <= room) {
        text = xmalloc(need + 1);
        schedule_format(&s, text, need + 1);
    }
    schedule_fini(&s);
    machine_free(m);
    return text;
}

int cmd_survey(const RunOptions *o)
{
    uint64_t lo, hi;
    if (parse_seeds(o->seeds, &lo, &hi) || hi - lo + 1 > MAX_RUNS) {
        fprintf(stderr, "interleave: --seeds wants N or A..B (at most %d seeds), not '%s'\n"
                        "Try 'interleave --help'.\n", MAX_RUNS, o->seeds);
        return EXIT_USAGE;
    }
    int cores[MACHINE_MAX_CORES], ncores = 0;
    if (o->cores_list && (ncores = parse_cores(o->cores_list, cores, MACHINE_MAX_CORES)) < 0) {
        fprintf(stderr, "interleave: --cores wants core counts from 1 to 16 separated by commas, not '%s'\n"
                        "Try 'interleave --help'.\n", o->cores_list);
        return EXIT_USAGE;
    }
    Scenario sc;
    ScenarioMeta meta;
    Program *p = NULL;
    FsImage *dir;
    int rc = cmd_load_program(o->target, &sc, &p, &meta, &dir);
    if (rc) return rc;
    MachineConfig base = o->cfg;
    base.fs = dir;
    scenario_apply_meta(&meta, o->user_set, &base);
    if (!ncores) cores[ncores++] = base.cores;
    uint64_t nseeds = hi - lo + 1;
    long nruns = (long)(nseeds * (uint64_t)ncores);
    if (nruns > MAX_RUNS) nruns = MAX_RUNS;
    uint64_t max_steps = o->max_steps ? o->max_steps : SURVEY_MAX_STEPS;
    char err[200];
    Survey *sv = survey_start(p, &base, lo, hi, cores, ncores, max_steps, o->jobs, err, sizeof err);
    if (!sv || survey_poll(sv, true) != 1) {
        fprintf(stderr, "interleave: %s\n", sv ? "a survey worker failed" : err);
        rc = 1;
    } else {
        int noc;
        const SurveyOutcome *oc = survey_outcomes(sv, &noc);
        char corestext[64] = "";
        for (int c = 0, k = 0; c < ncores; c++)
            k += snprintf(corestext + k, sizeof corestext - (size_t)k, "%s%d", c ? "," : "", cores[c]);
        printf("survey: %s, seeds %llu..%llu on %s core%s: %ld runs, %d outcome%s\n", sc.filename,
               (unsigned long long)lo, (unsigned long long)hi, corestext,
               ncores == 1 && cores[0] == 1 ? "" : "s", nruns, noc, noc == 1 ? "" : "s");
        printf(" count   share  exit  %-*s  witness\n", OUTPUT_COLUMN, "output");
        for (int k = 0; k < noc; k++) {
            char cell[OUTPUT_COLUMN * 4 + 8];
            survey_output_text(&oc[k], OUTPUT_COLUMN, cell, sizeof cell);
            int w = 0;
            for (const char *c = cell; *c; c++) w += ((unsigned char)*c & 0xC0) != 0x80;
            printf("%6d  %5.1f%%  %4d  %s%*s  --seed %llu --cores %d\n", oc[k].count,
                   100.0 * oc[k].count / (double)nruns, oc[k].status, cell,
                   OUTPUT_COLUMN - w > 0 ? OUTPUT_COLUMN - w : 0, "",
                   (unsigned long long)oc[k].seed, oc[k].cores);
        }
        /* The witnesses' goroutine steps, to replay or edit with --schedule,
         * when they are short enough to read. */
        bool header = false;
        for (int k = 0; k < noc && k < WITNESS_SCHEDULES; k++) {
            MachineConfig cfg = base;
            cfg.seed = oc[k].seed;
            cfg.cores = oc[k].cores;
            if (cfg.cores > 1 && cfg.policy == POLICY_SINGLE) cfg.policy = POLICY_GO;
            char *text = witness_schedule(p, cfg, 160);
            if (!text) continue;
            if (!header) printf("witness schedules (run ... --cores C --schedule S):\n");
            header = true;
            printf("%6d  --cores %d --schedule %s\n", k + 1, cfg.cores, text);
            free(text);
        }
    }
    survey_free(sv);
    program_free(p);
    program_dir_free(dir);
    scenario_release(&sc);
    return rc;
}
