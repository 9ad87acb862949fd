/* cmd_survey.c — `interleave survey`: every outcome a program has over many
 * seeds and core counts, how often, and a run that gives each.
 *
 *   survey: race.go, seeds 1..200 on 2 cores: 200 runs, 1 outcome
 *    count   share  exit  output                                  witness
 *      200  100.0%     0  the value is 0.                         --seed 1 --cores 2
 *
 * An outcome is what Go would let a script see: the exit status, stdout and
 * the first line of stderr.  The runs are independent, so they go to --jobs
 * worker processes (one per host CPU by default); each writes its results to
 * a temporary file that the parent reads once all have finished, and the
 * table lists outcomes by count, each with its lowest (seed, cores) run.
 * Processes, not threads: a run is a whole machine, and processes share
 * nothing by construction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "commands.h"
#include "program.h"
#include "program_dir.h"
#include "util.h"

#define DEFAULT_SEEDS 100
#define SURVEY_MAX_STEPS 100000000ULL
#define MAX_RUNS 1000000
#define OUTPUT_COLUMN 40

typedef struct Outcome {
    int status;
    char *out; uint32_t out_len;
    char *err;                 /* the first line of stderr, "" none         */
    int count;
    int witness;               /* the lowest run index that gives it          */
} Outcome;

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

/* One run to its end: the outcome as (status, stdout, first line of stderr). */
static void run_one(const Program *p, MachineConfig cfg, uint64_t max_steps, int *status,
                    char **out, uint32_t *out_len, char **err)
{
    Machine *m = machine_new(p, &cfg);
    machine_run(m, max_steps);
    *out_len = m->stdout_len;
    *out = xmalloc(m->stdout_len + 1);
    memcpy(*out, m->stdout_buf, m->stdout_len);
    (*out)[m->stdout_len] = '\0';
    const char *e = "";
    char limit[96];
    switch (m->status) {
    case M_RUNNING:
        snprintf(limit, sizeof limit, "(still running after %llu frames)", (unsigned long long)max_steps);
        e = limit;
        *status = EXIT_STEP_LIMIT;
        break;
    case M_HANG: case M_SCHEDULE_ERROR:
        e = m->fatal_msg;
        *status = m->status == M_HANG ? m->exit_code : EXIT_USAGE;
        break;
    default:
        *status = m->exit_code;
        if (m->stderr_len) e = m->stderr_buf;
        break;
    }
    size_t el = strcspn(e, "\n");
    if (m->status != M_RUNNING && e == m->stderr_buf && el > m->stderr_len) el = m->stderr_len;
    *err = xstrndup(e, el);
    machine_free(m);
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

static void put_u32(FILE *f, uint32_t v) { fwrite(&v, sizeof v, 1, f); }
static bool get_u32(FILE *f, uint32_t *v) { return fread(v, sizeof *v, 1, f) == 1; }

/* stdout as one line: lines joined by " | ", cut to fit the column */
static void output_cell(const Outcome *o, char *buf, size_t n)
{
    size_t k = 0;
    buf[0] = '\0';
    if (!o->out_len) {
        snprintf(buf, n, "(nothing printed)");
    } else {
        for (uint32_t i = 0; i < o->out_len && k + 4 < n; i++) {
            char c = o->out[i];
            if (c == '\n') {
                if (i + 1 == o->out_len) break;
                k += (size_t)snprintf(buf + k, n - k, " | ");
            } else {
                buf[k++] = (c == '\t') ? ' ' : c;
                buf[k] = '\0';
            }
        }
    }
    if (o->err[0] && k + 4 < n) snprintf(buf + strlen(buf), n - strlen(buf), " [%s]", o->err);
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
    int rc = cmd_load_program(o->target, &sc, &p, &meta);
    if (rc) return rc;
    char errbuf[400];
    FsImage *dir;
    if (scenario_load_dir(&sc, &dir, errbuf, sizeof errbuf)) {
        fprintf(stderr, "interleave: %s\n", errbuf);
        program_free(p);
        scenario_release(&sc);
        return EXIT_NOINPUT;
    }
    MachineConfig base = o->cfg;
    base.fs = dir;
    scenario_apply_meta(&meta, o->user_set, &base);
    if (!ncores) cores[ncores++] = base.cores;
    uint64_t nseeds = hi - lo + 1;
    long nruns = (long)(nseeds * (uint64_t)ncores);
    if (nruns > MAX_RUNS) nruns = MAX_RUNS;
    uint64_t max_steps = o->max_steps ? o->max_steps : SURVEY_MAX_STEPS;
    int jobs = o->jobs;
    if (jobs <= 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cpus > 0 ? (int)cpus : 1;
    }
    if (jobs > nruns) jobs = (int)nruns;

    /* Run i is seed lo + i / ncores on cores[i % ncores]. */
    FILE **files = xcalloc((size_t)jobs, sizeof *files);
    pid_t *pids = xcalloc((size_t)jobs, sizeof *pids);
    fflush(stdout);
    fflush(stderr);
    for (int j = 0; j < jobs; j++) {
        files[j] = tmpfile();
        if (!files[j]) {
            fprintf(stderr, "interleave: cannot make a temporary file for the survey\n");
            return 1;
        }
        pids[j] = fork();
        if (pids[j] < 0) {
            fprintf(stderr, "interleave: cannot start a survey worker\n");
            return 1;
        }
        if (pids[j] == 0) {
            for (long i = j; i < nruns; i += jobs) {
                MachineConfig cfg = base;
                cfg.seed = lo + (uint64_t)(i / ncores);
                cfg.cores = cores[i % ncores];
                if (cfg.cores > 1 && cfg.policy == POLICY_SINGLE) cfg.policy = POLICY_GO;
                int status;
                char *out, *err;
                uint32_t out_len;
                run_one(p, cfg, max_steps, &status, &out, &out_len, &err);
                put_u32(files[j], (uint32_t)i);
                put_u32(files[j], (uint32_t)status);
                put_u32(files[j], out_len);
                fwrite(out, 1, out_len, files[j]);
                put_u32(files[j], (uint32_t)strlen(err));
                fwrite(err, 1, strlen(err), files[j]);
                free(out);
                free(err);
            }
            fflush(files[j]);
            _exit(ferror(files[j]) ? 1 : 0);
        }
    }
    bool failed = false;
    for (int j = 0; j < jobs; j++) {
        int st;
        if (waitpid(pids[j], &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) failed = true;
    }

    Outcome *oc = NULL;
    int noc = 0, oc_cap = 0;
    long seen = 0;
    for (int j = 0; j < jobs && !failed; j++) {
        rewind(files[j]);
        uint32_t idx, status, ol, el;
        while (get_u32(files[j], &idx)) {
            if (!get_u32(files[j], &status) || !get_u32(files[j], &ol)) { failed = true; break; }
            char *out = xmalloc(ol + 1);
            if (fread(out, 1, ol, files[j]) != ol || !get_u32(files[j], &el)) { free(out); failed = true; break; }
            char *err = xmalloc(el + 1);
            if (fread(err, 1, el, files[j]) != el) { free(out); free(err); failed = true; break; }
            out[ol] = err[el] = '\0';
            int k = 0;
            while (k < noc && !(oc[k].status == (int)status && oc[k].out_len == ol &&
                                !memcmp(oc[k].out, out, ol) && !strcmp(oc[k].err, err)))
                k++;
            if (k == noc) {
                if (noc == oc_cap) GROW(oc, oc_cap, noc + 1);
                oc[noc++] = (Outcome){(int)status, out, ol, err, 0, (int)idx};
            } else {
                free(out);
                free(err);
                if ((int)idx < oc[k].witness) oc[k].witness = (int)idx;
            }
            oc[k].count++;
            seen++;
        }
    }
    for (int j = 0; j < jobs; j++) fclose(files[j]);
    free(files);
    free(pids);
    if (failed || seen != nruns) {
        fprintf(stderr, "interleave: a survey worker failed (%ld of %ld runs came back)\n", seen, nruns);
        rc = 1;
    } else {
        /* by count, then by witness: the table reads the same every time */
        for (int a = 1; a < noc; a++)
            for (int b = a; b > 0 && (oc[b].count > oc[b - 1].count ||
                                      (oc[b].count == oc[b - 1].count && oc[b].witness < oc[b - 1].witness)); b--) {
                Outcome t = oc[b]; oc[b] = oc[b - 1]; oc[b - 1] = t;
            }
        char corestext[64] = "";
        for (int c = 0, k = 0; c < ncores; c++)
            k += snprintf(corestext + k, sizeof corestext - (size_t)k, "%s%d", c ? "," : "", cores[c]);
        printf("survey: %s, seeds %llu..%llu on %s core%s: %ld runs, %d outcome%s\n", sc.filename,
               (unsigned long long)lo, (unsigned long long)hi, corestext,
               ncores == 1 && cores[0] == 1 ? "" : "s", nruns, noc, noc == 1 ? "" : "s");
        printf(" count   share  exit  %-*s  witness\n", OUTPUT_COLUMN, "output");
        for (int k = 0; k < noc; k++) {
            char cell[256], cut[OUTPUT_COLUMN * 4 + 8];
            output_cell(&oc[k], cell, sizeof cell);
            /* cut to the column, by characters (UTF-8), with an ellipsis */
            size_t w = 0, i = 0;
            for (; cell[i]; i++) {
                if (((unsigned char)cell[i] & 0xC0) != 0x80) {
                    if (w == OUTPUT_COLUMN - 1 && strlen(cell + i) > 1) break;
                    w++;
                }
            }
            memcpy(cut, cell, i);
            cut[i] = '\0';
            if (cell[i]) strcat(cut, "\xe2\x80\xa6");
            int pad = OUTPUT_COLUMN - (int)w - (cell[i] ? 1 : 0);
            printf("%6d  %5.1f%%  %4d  %s%*s  --seed %llu --cores %d\n", oc[k].count,
                   100.0 * oc[k].count / (double)nruns, oc[k].status, cut, pad > 0 ? pad : 0, "",
                   (unsigned long long)(lo + (uint64_t)(oc[k].witness / ncores)), cores[oc[k].witness % ncores]);
        }
        /* The witnesses' goroutine steps, to replay or edit with --schedule,
         * when they are short enough to read. */
        bool header = false;
        for (int k = 0; k < noc && k < WITNESS_SCHEDULES; k++) {
            MachineConfig cfg = base;
            cfg.seed = lo + (uint64_t)(oc[k].witness / ncores);
            cfg.cores = cores[oc[k].witness % ncores];
            if (cfg.cores > 1 && cfg.policy == POLICY_SINGLE) cfg.policy = POLICY_GO;
            char *text = witness_schedule(p, cfg, 160);
            if (!text) continue;
            if (!header) printf("witness schedules (run ... --cores C --schedule S):\n");
            header = true;
            printf("%6d  --cores %d --schedule %s\n", k + 1, cfg.cores, text);
            free(text);
        }
    }
    for (int k = 0; k < noc; k++) {
        free(oc[k].out);
        free(oc[k].err);
    }
    free(oc);
    program_free(p);
    program_dir_free(dir);
    scenario_release(&sc);
    return rc;
}
