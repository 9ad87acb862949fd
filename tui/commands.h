/* commands.h — the subcommands that run without a terminal. */
#ifndef INTERLEAVE_COMMANDS_H
#define INTERLEAVE_COMMANDS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "machine.h"
#include "scenario.h"

/* sysexits-style statuses for the program's own failures; a Go program's own
 * status (0, 2 for panics and deadlocks, os.Exit codes) passes through. */
enum {
    EXIT_COMPILE = 1,      /* the Go program does not compile (as `go build`)  */
    EXIT_STEP_LIMIT = 3,   /* --max-steps reached before the program ended     */
    EXIT_USAGE = 64,       /* bad command line                                 */
    EXIT_NOINPUT = 66,     /* no such scenario or file                         */
    EXIT_RACE = 66,        /* Go's -race: the program exited 0 but raced       */
    /* explore: 8 plus what some order of the steps reaches */
    EXIT_EXPLORE_FOUND = 8,
    EXIT_EXPLORE_DEADLOCK = 1,  /* ... a deadlock (or a hang)                  */
    EXIT_EXPLORE_PANIC = 2,     /* ... a panic or another fatal error          */
    EXIT_EXPLORE_RACE = 4       /* ... a data race (reserved: not yet checked)  */
};

typedef struct RunOptions {
    const char *target;       /* scenario name or .go path                      */
    MachineConfig cfg;
    int user_set;             /* CFG_SET_* bits                                 */
    uint64_t max_steps;       /* frames; 0 = the default limit                  */
    bool trace;               /* one line per executed instruction on stdout   */
    const char *schedule;     /* forced picks, "1.2.1"; NULL none              */
    bool print_schedule;      /* print the run's schedule on stderr at the end */
    bool beats;               /* print where each of the scenario's beats fires */
    bool race;                /* report data races as Go's -race does           */
    bool report;              /* the analyses' findings on stderr at the end    */
    /* survey */
    const char *seeds;        /* "1..200" or "200"; NULL: 1..100                 */
    const char *cores_list;   /* "1,2,4"; NULL: the --cores / scenario's        */
    int jobs;                 /* processes at once; 0: one per host CPU         */
    /* explore */
    uint64_t max_states;      /* stop after this many states; 0 none            */
    double max_seconds;       /* stop after this long; 0 none                   */
    bool no_reduce;           /* branch at every step, local ones too           */
    bool no_hash;             /* never merge states                             */
    bool no_time;             /* leave the time out (reproducible output)       */
} RunOptions;

int cmd_run(const RunOptions *o);
/* Load and compile a scenario or file for a command, with the directory of
 * files the program sees (*dir, NULL for a built-in scenario): 0, or the
 * exit status after printing why not (the diagnostics, "cannot open ..."). */
struct Program;
struct FsImage;
int cmd_load_program(const char *target, Scenario *sc, struct Program **out, ScenarioMeta *meta,
                     struct FsImage **dir);
/* Run many seeds (and core counts) and print each distinct outcome with its
 * count, share and a witness (tui/cmd_survey.c). */
int cmd_survey(const RunOptions *o);
/* Every order of the goroutines' steps: each distinct outcome with a
 * schedule that gives it (tui/cmd_explore.c). */
int cmd_explore(const RunOptions *o);
int cmd_list(FILE *out);
/* Compile without running: diagnostics on stdout, exit 1 if there are any. */
int cmd_check(const char *target);

#endif
