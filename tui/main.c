/* main.c — `interleave`: parse the command line, then open the TUI or run a
 * subcommand (run, survey, explore, check, list).  Usage errors exit 64 with a hint. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "commands.h"
#include "duration.h"
#include "machine.h"
#include "program_dir.h"
#include "scenario.h"

#define INTERLEAVE_VERSION "0.1.0"

static void usage(FILE *out)
{
    fputs("Usage: interleave [OPTIONS] [SCENARIO | FILE.go]\n"
          "       interleave run SCENARIO|FILE.go [OPTIONS] [--max-steps N] [--trace]\n"
          "                                       [--schedule STEPS] [--print-schedule]\n"
          "                                       [--schedtrace MS] [--beats] [--race]\n"
          "                                       [--report]\n"
          "       interleave survey SCENARIO|FILE.go [--seeds A..B] [--cores 1,2,4]\n"
          "                                          [--jobs N] [--max-steps N]\n"
          "       interleave explore SCENARIO|FILE.go [--max-states N] [--max-seconds S]\n"
          "                                           [--no-reduce] [--no-hash] [--no-time]\n"
          "       interleave check SCENARIO|FILE.go\n"
          "       interleave list\n"
          "\n"
          "Runs a small Go program on a simulated multi-core machine and shows, frame by\n"
          "frame, goroutines on threads on cores, locks and who waits for them.\n"
          "With no SCENARIO the TUI opens a scenario picker.\n"
          "\n"
          "Options:\n"
          "  --cores N        simulated cores (GOMAXPROCS), 1-16        [scenario's, else 2]\n"
          "  --policy P       scheduler: go (Go's G-M-P) or single (one core, time-sliced)\n"
          "  --seed S         seed of every scheduling choice             [1]\n"
          "  --time-slice D   how long a goroutine runs before it is preempted, as a\n"
          "                   Go duration (200ns, 5us, 1ms)          [Go's: 10ms]\n"
          "  -h, --help       show this help and exit\n"
          "  -V, --version    show the version and exit\n"
          "\n"
          "run:\n"
          "  --max-steps N    stop after N frames (exit 3)                 [1000000000]\n"
          "  --trace          print one line per instruction executed:\n"
          "                   frame, core, goroutine, line, instruction, events\n"
          "  --schedule STEPS force the goroutine of each goroutine step, e.g. 1x12.2x3.1\n"
          "                   (G1 twelve steps, G2 three, then G1); 2/1: a step of G2\n"
          "                   whose select takes its first case if it is ready\n"
          "  --print-schedule print the run's goroutine steps on stderr when it ends\n"
          "  --schedtrace MS  every MS ms of virtual time, print Go's SCHED line on stderr\n"
          "                   (GODEBUG=schedtrace=MS in the environment does the same)\n"
          "  --beats          print on stderr the frame and time where each of the\n"
          "                   scenario's beats (its `// beat:` lines) happens\n"
          "  --race           report data races on stderr as Go's -race does, and\n"
          "                   exit 66 when the program would exit 0 but raced\n"
          "  --report         after the program's output, its lost updates, its\n"
          "                   partial deadlocks and a table of CPU time and lock\n"
          "                   waits per goroutine with Jain's fairness index, on\n"
          "                   stderr (the status is kept)\n"
          "\n"
          "survey:\n"
          "  runs the program with every seed of --seeds (1..100) on each core count\n"
          "  of --cores, --jobs at a time (one per host CPU), and prints each distinct\n"
          "  outcome (exit status, stdout, first line of stderr) with its count, its\n"
          "  share and one run that gives it, to replay with run --seed --cores\n"
          "\n"
          "explore:\n"
          "  searches every order of the goroutines' steps (depth first, merging\n"
          "  states already seen, not interleaving steps that touch only their own\n"
          "  goroutine) and prints each distinct outcome (exit status, stdout, first\n"
          "  line of stderr) with its count of end states and a witness schedule to\n"
          "  replay with run --cores N --schedule S; then the states searched and the time\n"
          "  --max-states N   stop after N states                         [no limit]\n"
          "  --max-seconds S  stop after S seconds                        [no limit]\n"
          "  --no-reduce      also interleave goroutine-local steps (slower; a check)\n"
          "  --no-hash        never merge states (much slower; a check)\n"
          "  --no-time        leave the time line out (reproducible output)\n"
          "  exit status: 0 if every order ends cleanly; 8 plus 1 if a deadlock is\n"
          "  reachable, plus 2 if a panic is; 3 if a limit stopped it before either\n"
          "\n"
          "check:\n"
          "  compiles without running and prints each error (the first 10) as\n"
          "  file:line:col: error: message; exit 1 if there is any, else 0 and nothing\n"
          "\n"
          "Exit status: the Go program's own (0; 2 for a panic or deadlock), 1 if it does\n"
          "not compile, 3 at --max-steps, 64 for a usage error, 66 if the input is missing\n"
          "or (with --race) the program raced.  explore: 0 if every order exits, 8 plus\n"
          "1 if a deadlock and 2 if a panic is reachable, 3 if a limit stopped it first.\n",
          out);
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("interleave: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'interleave --help'.\n", stderr);
    return EXIT_USAGE;
}

/* GODEBUG's schedtrace=MS, as Go reads it (a comma-separated list of
 * name=value); 0 when absent or not a positive number. */
static int godebug_schedtrace(const char *godebug)
{
    for (const char *p = godebug; p && *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > 11 && !strncmp(p, "schedtrace=", 11)) {
            int v = atoi(p + 11);
            return v > 0 && v <= 1000000 ? v : 0;
        }
        p = end ? end + 1 : p + len;
    }
    return 0;
}

/* GOGC as Go's runtime reads it (readGOGC): "off" or a negative number turns
 * the collector's pacing off, a number is the percent the heap may grow
 * between collections, anything else is the default, 100. */
static int gogc_setting(const char *gogc)
{
    if (!gogc || !*gogc) return 100;
    if (!strcmp(gogc, "off")) return -1;
    char *end;
    long v = strtol(gogc, &end, 10);
    if (*end || v > 1000000000) return 100;
    return v < 0 ? -1 : (int)v;
}

/* Parse a whole decimal number in [lo, hi]. */
static int parse_number(const char *s, long long lo, long long hi, long long *out)
{
    char *end;
    if (!*s) return -1;
    long long v = strtoll(s, &end, 10);
    if (*end || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

enum { OPT_CORES = 256, OPT_POLICY, OPT_SEED, OPT_TIME_SLICE, OPT_MAX_STEPS, OPT_TRACE,
       OPT_SCHEDULE, OPT_PRINT_SCHEDULE, OPT_SCHEDTRACE, OPT_BEATS, OPT_RACE, OPT_REPORT, OPT_SEEDS, OPT_JOBS,
       OPT_MAX_STATES, OPT_MAX_SECONDS, OPT_NO_REDUCE, OPT_NO_HASH, OPT_NO_TIME };

static const struct option long_options[] = {
    {"cores", required_argument, NULL, OPT_CORES},
    {"policy", required_argument, NULL, OPT_POLICY},
    {"seed", required_argument, NULL, OPT_SEED},
    {"time-slice", required_argument, NULL, OPT_TIME_SLICE},
    {"schedtrace", required_argument, NULL, OPT_SCHEDTRACE},
    {"max-steps", required_argument, NULL, OPT_MAX_STEPS},
    {"trace", no_argument, NULL, OPT_TRACE},
    {"schedule", required_argument, NULL, OPT_SCHEDULE},
    {"print-schedule", no_argument, NULL, OPT_PRINT_SCHEDULE},
    {"beats", no_argument, NULL, OPT_BEATS},
    {"race", no_argument, NULL, OPT_RACE},
    {"report", no_argument, NULL, OPT_REPORT},
    {"seeds", required_argument, NULL, OPT_SEEDS},
    {"jobs", required_argument, NULL, OPT_JOBS},
    {"max-states", required_argument, NULL, OPT_MAX_STATES},
    {"max-seconds", required_argument, NULL, OPT_MAX_SECONDS},
    {"no-reduce", no_argument, NULL, OPT_NO_REDUCE},
    {"no-hash", no_argument, NULL, OPT_NO_HASH},
    {"no-time", no_argument, NULL, OPT_NO_TIME},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* "--seeds" for OPT_SEEDS: argv[optind - 1] is the option's value when
 * it came as a separate word. */
static const char *option_name(int c)
{
    static char buf[40];
    for (const struct option *o = long_options; o->name; o++)
        if (o->val == c) {
            snprintf(buf, sizeof buf, "--%s", o->name);
            return buf;
        }
    return "option";
}

typedef struct CommandLine {
    RunOptions run;
    int done;          /* --help / --version handled: exit 0 */
} CommandLine;

/* Options may appear anywhere; each subcommand's own are refused elsewhere.
 * mode: 0 the TUI, 1 run, 2 survey, 3 explore. */
enum { MODE_TUI, MODE_RUN, MODE_SURVEY, MODE_EXPLORE };
static int parse_options(int argc, char **argv, int mode, CommandLine *cl, int *first_arg)
{
    int is_run = mode == MODE_RUN;
    RunOptions *o = &cl->run;
    opterr = 0;
    optind = 1;
    int c;
    long long v;
    while ((c = getopt_long(argc, argv, ":hV", long_options, NULL)) != -1) {
        const char *arg = optarg;
        switch (c) {
        case 'h': usage(stdout); cl->done = 1; return 0;
        case 'V': printf("interleave %s\n", INTERLEAVE_VERSION); cl->done = 1; return 0;
        case OPT_CORES:
            if (mode == MODE_SURVEY && strchr(arg, ',')) {     /* a list: cmd_survey checks it */
                o->cores_list = arg;
                break;
            }
            if (parse_number(arg, 1, MACHINE_MAX_CORES, &v))
                return usage_error("--cores wants a number from 1 to 16, not '%s'", arg);
            o->cfg.cores = (int)v; o->user_set |= CFG_SET_CORES; break;
        case OPT_POLICY:
            if (policy_parse(arg, &o->cfg.policy))
                return usage_error("--policy wants go or single, not '%s'", arg);
            o->user_set |= CFG_SET_POLICY; break;
        case OPT_SEED:
            if (parse_number(arg, 0, 0x7fffffffffffffffLL, &v))
                return usage_error("--seed wants a non-negative number, not '%s'", arg);
            o->cfg.seed = (uint64_t)v; o->user_set |= CFG_SET_SEED; break;
        case OPT_TIME_SLICE: {
            int64_t ns;
            if (duration_parse(arg, &ns) || ns < 1 || ns > 3600000000000LL)
                return usage_error("--time-slice wants a duration from 1ns to 1h, such as 200ns or 10ms, not '%s'", arg);
            o->cfg.time_slice = ns; o->user_set |= CFG_SET_TIME_SLICE; break;
        }
        case OPT_SCHEDTRACE:
            if (!is_run) return usage_error("%s is an option of 'interleave run'", option_name(c));
            if (parse_number(arg, 1, 1000000, &v))
                return usage_error("--schedtrace wants a number of milliseconds from 1 to 1000000, not '%s'", arg);
            o->cfg.schedtrace_ms = (int)v; break;
        case OPT_SEEDS:
        case OPT_JOBS:
            if (mode != MODE_SURVEY) return usage_error("%s is an option of 'interleave survey'", option_name(c));
            if (c == OPT_SEEDS) o->seeds = arg;
            else if (parse_number(arg, 1, 256, &v))
                return usage_error("--jobs wants a number from 1 to 256, not '%s'", arg);
            else o->jobs = (int)v;
            break;
        case OPT_MAX_STATES:
        case OPT_MAX_SECONDS:
        case OPT_NO_REDUCE:
        case OPT_NO_HASH:
        case OPT_NO_TIME:
            if (mode != MODE_EXPLORE) return usage_error("%s is an option of 'interleave explore'", option_name(c));
            if (c == OPT_NO_REDUCE) o->no_reduce = true;
            else if (c == OPT_NO_HASH) o->no_hash = true;
            else if (c == OPT_NO_TIME) o->no_time = true;
            else if (c == OPT_MAX_STATES) {
                if (parse_number(arg, 1, 0x7fffffffffffffffLL, &v))
                    return usage_error("--max-states wants a positive number, not '%s'", arg);
                o->max_states = (uint64_t)v;
            } else {
                char *end;
                double secs = strtod(arg, &end);
                if (end == arg || *end || !(secs > 0) || secs > 1e9)
                    return usage_error("--max-seconds wants a positive number of seconds, not '%s'", arg);
                o->max_seconds = secs;
            }
            break;
        case OPT_MAX_STEPS:
            if (mode == MODE_SURVEY) {
                if (parse_number(arg, 1, 0x7fffffffffffffffLL, &v))
                    return usage_error("--max-steps wants a positive number, not '%s'", arg);
                o->max_steps = (uint64_t)v;
                break;
            }
            /* fall through */
        case OPT_TRACE:
        case OPT_SCHEDULE:
        case OPT_PRINT_SCHEDULE:
        case OPT_BEATS:
        case OPT_RACE:
        case OPT_REPORT:
            if (!is_run) return usage_error("%s is an option of 'interleave run'", option_name(c));
            if (c == OPT_TRACE) o->trace = true;
            else if (c == OPT_PRINT_SCHEDULE) o->print_schedule = true;
            else if (c == OPT_BEATS) o->beats = true;
            else if (c == OPT_RACE) o->race = true;
            else if (c == OPT_REPORT) o->report = true;
            else if (c == OPT_SCHEDULE) o->schedule = arg;
            else if (parse_number(arg, 1, 0x7fffffffffffffffLL, &v))
                return usage_error("--max-steps wants a positive number, not '%s'", arg);
            else o->max_steps = (uint64_t)v;
            break;
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    *first_arg = optind;
    return 0;
}

int main(int argc, char **argv)
{
    CommandLine cl = {0};
    cl.run.cfg = machine_config_default();
    cl.run.cfg.schedtrace_ms = godebug_schedtrace(getenv("GODEBUG"));
    cl.run.cfg.gogc = gogc_setting(getenv("GOGC"));

    const char *sub = argc > 1 ? argv[1] : NULL;
    int is_run = sub && strcmp(sub, "run") == 0;
    int is_list = sub && strcmp(sub, "list") == 0;
    int is_check = sub && strcmp(sub, "check") == 0;
    int is_survey = sub && strcmp(sub, "survey") == 0;
    int is_explore = sub && strcmp(sub, "explore") == 0;
    int shift = (is_run || is_list || is_check || is_survey || is_explore) ? 1 : 0;
    int first = 0;
    int rc = parse_options(argc - shift, argv + shift,
                           is_run ? MODE_RUN : is_survey ? MODE_SURVEY : is_explore ? MODE_EXPLORE : MODE_TUI,
                           &cl, &first);
    if (rc || cl.done) return rc;
    char **args = argv + shift + first;
    int nargs = argc - shift - first;

    if (is_list) {
        if (nargs) return usage_error("'list' takes no argument, got '%s'", args[0]);
        return cmd_list(stdout);
    }
    if (is_check) {
        if (nargs != 1)
            return usage_error("%s", nargs ? "'check' takes one scenario or file" : "'check' needs a scenario or a .go file");
        return cmd_check(args[0]);
    }
    if (is_survey) {
        if (nargs != 1)
            return usage_error("%s", nargs ? "'survey' takes one scenario or file" : "'survey' needs a scenario or a .go file");
        cl.run.target = args[0];
        return cmd_survey(&cl.run);
    }
    if (is_explore) {
        if (nargs != 1)
            return usage_error("%s", nargs ? "'explore' takes one scenario or file" : "'explore' needs a scenario or a .go file");
        cl.run.target = args[0];
        return cmd_explore(&cl.run);
    }
    if (is_run) {
        if (nargs != 1)
            return usage_error("%s", nargs ? "'run' takes one scenario or file" : "'run' needs a scenario or a .go file");
        cl.run.target = args[0];
        return cmd_run(&cl.run);
    }
    if (nargs > 1) return usage_error("unexpected argument '%s'", args[1]);
    if (nargs) {
        /* Fail before the terminal is taken over, so the message stays readable. */
        Scenario probe;
        char err[300];
        if (scenario_load(args[0], &probe, err, sizeof err)) {
            fprintf(stderr, "interleave: %s\n", err);
            return EXIT_NOINPUT;
        }
        FsImage *dir;                  /* (the live screen reads it again, as on every load) */
        if (scenario_load_dir(&probe, &dir, err, sizeof err)) {
            fprintf(stderr, "interleave: %s\n", err);
            scenario_release(&probe);
            return EXIT_NOINPUT;
        }
        program_dir_free(dir);
        scenario_release(&probe);
    }
    TuiOptions t = {nargs ? args[0] : NULL, cl.run.cfg, cl.run.user_set};
    return tui_main(&t);
}
