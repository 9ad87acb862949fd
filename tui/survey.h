/* survey.h — many runs of one program (seeds × core counts) and their
 * distinct outcomes, computed by worker processes in the background.
 *
 * An outcome is what a script could see of a run: the exit status, stdout and
 * the first line of stderr.  The runs are independent, so they are dealt to
 * `jobs` forked worker processes, each writing its results to a temporary
 * file; survey_poll collects them once every worker has finished.  Processes,
 * not threads: a run is a whole machine, and processes share nothing by
 * construction.  `interleave survey` waits for the result; the TUI polls
 * between keys.
 */
#ifndef INTERLEAVE_SURVEY_H
#define INTERLEAVE_SURVEY_H

#include <stdbool.h>
#include <stdint.h>
#include "machine.h"
#include "program.h"

#define SURVEY_MAX_STEPS 100000000ULL   /* a run's frames, by default */

typedef struct SurveyOutcome {
    int status;
    char *out; uint32_t out_len;
    char *err;                 /* the first line of stderr, "" none          */
    int count;
    uint64_t seed; int cores;  /* its witness: the lowest run that gives it  */
} SurveyOutcome;

typedef struct Survey Survey;

/* Start runs of seeds lo..hi on each of cores[0..ncores); jobs 0: one worker
 * per host CPU.  NULL with the reason in err. */
Survey *survey_start(const Program *p, const MachineConfig *base, uint64_t lo, uint64_t hi,
                     const int *cores, int ncores, uint64_t max_steps, int jobs,
                     char *err, size_t errn);
/* 1 when every run has come back (the outcomes are ready), 0 while workers
 * still run, -1 when one failed.  wait: block until they end. */
int survey_poll(Survey *s, bool wait);
/* The outcomes by count, then by witness (the same order every time). */
const SurveyOutcome *survey_outcomes(const Survey *s, int *n);
long survey_runs(const Survey *s);
/* Stops workers still running. */
void survey_free(Survey *s);

/* stdout as one line, lines joined by " | ", the first line of stderr after
 * it in brackets, cut to `width` characters with an ellipsis. */
void survey_output_text(const SurveyOutcome *o, int width, char *buf, size_t n);

#endif
