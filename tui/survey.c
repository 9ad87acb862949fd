/* survey.c — runs in worker processes and their outcomes (see survey.h). */
#include "survey.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "commands.h"
#include "util.h"

struct Survey {
    FILE **files; pid_t *pids; int jobs;
    long nruns;
    uint64_t lo; int cores[MACHINE_MAX_CORES]; int ncores;
    int state;                 /* 0 running, 1 done, -1 failed               */
    SurveyOutcome *oc; int noc, oc_cap;
};

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

static void put_u32(FILE *f, uint32_t v) { fwrite(&v, sizeof v, 1, f); }
static bool get_u32(FILE *f, uint32_t *v) { return fread(v, sizeof *v, 1, f) == 1; }

/* Worker j: runs j, j + jobs, ...; run i is seed lo + i / ncores on
 * cores[i % ncores]. */
static void worker(const Survey *s, int j, const Program *p, const MachineConfig *base, uint64_t max_steps)
{
    FILE *f = s->files[j];
    for (long i = j; i < s->nruns; i += s->jobs) {
        MachineConfig cfg = *base;
        cfg.seed = s->lo + (uint64_t)(i / s->ncores);
        cfg.cores = s->cores[i % s->ncores];
        if (cfg.cores > 1 && cfg.policy == POLICY_SINGLE) cfg.policy = POLICY_GO;
        int status;
        char *out, *err;
        uint32_t out_len;
        run_one(p, cfg, max_steps, &status, &out, &out_len, &err);
        put_u32(f, (uint32_t)i);
        put_u32(f, (uint32_t)status);
        put_u32(f, out_len);
        fwrite(out, 1, out_len, f);
        put_u32(f, (uint32_t)strlen(err));
        fwrite(err, 1, strlen(err), f);
        free(out);
        free(err);
    }
    fflush(f);
    _exit(ferror(f) ? 1 : 0);
}

Survey *survey_start(const Program *p, const MachineConfig *base, uint64_t lo, uint64_t hi,
                     const int *cores, int ncores, uint64_t max_steps, int jobs,
                     char *err, size_t errn)
{
    Survey *s = xcalloc(1, sizeof *s);
    s->lo = lo;
    s->ncores = ncores;
    memcpy(s->cores, cores, (size_t)ncores * sizeof *cores);
    s->nruns = (long)((hi - lo + 1) * (uint64_t)ncores);
    if (jobs <= 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cpus > 0 ? (int)cpus : 1;
    }
    if (jobs > s->nruns) jobs = (int)s->nruns;
    s->jobs = jobs;
    s->files = xcalloc((size_t)jobs, sizeof *s->files);
    s->pids = xcalloc((size_t)jobs, sizeof *s->pids);
    fflush(stdout);
    fflush(stderr);
    for (int j = 0; j < jobs; j++) {
        s->files[j] = tmpfile();
        s->pids[j] = s->files[j] ? fork() : -1;
        if (s->pids[j] < 0) {
            snprintf(err, errn, "cannot start survey workers");
            s->jobs = j + (s->files[j] != NULL);
            if (s->pids[j] < 0) s->pids[j] = 0;
            survey_free(s);
            return NULL;
        }
        if (s->pids[j] == 0) worker(s, j, p, base, max_steps);
    }
    return s;
}

/* Read every worker's results into the outcome table. */
static int collect(Survey *s)
{
    long seen = 0;
    for (int j = 0; j < s->jobs; j++) {
        FILE *f = s->files[j];
        rewind(f);
        uint32_t idx, status, ol, el;
        while (get_u32(f, &idx)) {
            if (!get_u32(f, &status) || !get_u32(f, &ol)) return -1;
            char *out = xmalloc(ol + 1);
            if (fread(out, 1, ol, f) != ol || !get_u32(f, &el)) { free(out); return -1; }
            char *err = xmalloc(el + 1);
            if (fread(err, 1, el, f) != el) { free(out); free(err); return -1; }
            out[ol] = err[el] = '\0';
            uint64_t seed = s->lo + (uint64_t)(idx / (uint32_t)s->ncores);
            int cores = s->cores[idx % (uint32_t)s->ncores];
            int k = 0;
            while (k < s->noc && !(s->oc[k].status == (int)status && s->oc[k].out_len == ol &&
                                   !memcmp(s->oc[k].out, out, ol) && !strcmp(s->oc[k].err, err)))
                k++;
            if (k == s->noc) {
                if (s->noc == s->oc_cap) GROW(s->oc, s->oc_cap, s->noc + 1);
                s->oc[s->noc++] = (SurveyOutcome){(int)status, out, ol, err, 0, seed, cores};
            } else {
                free(out);
                free(err);
                SurveyOutcome *o = &s->oc[k];
                if (seed < o->seed || (seed == o->seed && cores < o->cores)) { o->seed = seed; o->cores = cores; }
            }
            s->oc[k].count++;
            seen++;
        }
    }
    if (seen != s->nruns) return -1;
    /* by count, then by witness */
    for (int a = 1; a < s->noc; a++)
        for (int b = a; b > 0; b--) {
            SurveyOutcome *x = &s->oc[b], *y = &s->oc[b - 1];
            bool before = x->count > y->count ||
                          (x->count == y->count && (x->seed < y->seed || (x->seed == y->seed && x->cores < y->cores)));
            if (!before) break;
            SurveyOutcome t = *x; *x = *y; *y = t;
        }
    return 1;
}

int survey_poll(Survey *s, bool wait)
{
    if (s->state) return s->state;
    for (int j = 0; j < s->jobs; j++) {
        if (!s->pids[j]) continue;
        int st;
        pid_t r = waitpid(s->pids[j], &st, wait ? 0 : WNOHANG);
        if (r == 0) return 0;
        s->pids[j] = 0;
        if (r < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) s->state = -1;
    }
    if (s->state == 0) s->state = collect(s);
    return s->state;
}

const SurveyOutcome *survey_outcomes(const Survey *s, int *n)
{
    *n = s->state == 1 ? s->noc : 0;
    return s->oc;
}

long survey_runs(const Survey *s) { return s->nruns; }

void survey_free(Survey *s)
{
    if (!s) return;
    for (int j = 0; j < s->jobs; j++) {
        if (s->pids && s->pids[j] > 0) {
            kill(s->pids[j], SIGKILL);
            waitpid(s->pids[j], NULL, 0);
        }
        if (s->files && s->files[j]) fclose(s->files[j]);
    }
    for (int k = 0; k < s->noc; k++) {
        free(s->oc[k].out);
        free(s->oc[k].err);
    }
    free(s->oc);
    free(s->files);
    free(s->pids);
    free(s);
}

void survey_output_text(const SurveyOutcome *o, int width, char *buf, size_t n)
{
    char cell[512];
    size_t k = 0;
    cell[0] = '\0';
    if (!o->out_len) {
        k = (size_t)snprintf(cell, sizeof cell, "(nothing printed)");
    } else {
        for (uint32_t i = 0; i < o->out_len && k + 4 < sizeof cell; i++) {
            char c = o->out[i];
            if (c == '\n') {
                if (i + 1 == o->out_len) break;
                k += (size_t)snprintf(cell + k, sizeof cell - k, " | ");
            } else {
                cell[k++] = (c == '\t') ? ' ' : c;
                cell[k] = '\0';
            }
        }
    }
    if (o->err[0] && k + 4 < sizeof cell) snprintf(cell + k, sizeof cell - k, " [%s]", o->err);
    /* cut to width characters (UTF-8), an ellipsis marking the cut */
    size_t w = 0, i = 0;
    for (; cell[i]; i++)
        if (((unsigned char)cell[i] & 0xC0) != 0x80) {
            if ((int)w == width - 1 && strlen(cell + i) > 1) break;
            w++;
        }
    snprintf(buf, n, "%.*s%s", (int)i, cell, cell[i] ? "\xe2\x80\xa6" : "");
}
