/* scenario.h — the built-in scenarios and user files, with their header comments.
 *
 * A scenario is a Go source file whose leading `// key: text` comment lines carry
 * its metadata (title, summary, notes, look, cores, policy, time slice).  The
 * scenarios/ folder is compiled into the binary (build/gen/scenarios_embedded.c).
 */
#ifndef INTERLEAVE_SCENARIO_H
#define INTERLEAVE_SCENARIO_H

#include <stddef.h>
#include "beat.h"
#include "machine.h"

typedef struct Scenario {
    const char *name;      /* "deadlock" (file name without .go)               */
    const char *filename;  /* "deadlock.go", or the user's path                */
    const char *source;    /* NUL-terminated                                   */
    size_t len;
} Scenario;

typedef struct ScenarioMeta {
    char title[96];        /* "Deadlock: printSum"; the name when absent      */
    char summary[200];
    char notes[1200];      /* lecture notes, lines joined with spaces          */
    char look[1200];       /* what to look for                                  */
    int cores;             /* suggested; 0 = no suggestion                      */
    int has_policy; Policy policy;
    int64_t time_slice;    /* ns, 0 = no suggestion (Go's 10 ms)               */
    int lesson;            /* place in the picker (1, 2, ...); 0 = none        */
    char variant_of[48];   /* a variant's base scenario ("deadlock"), "" none  */
    char variant[96];      /* this version's label ("fixed: one lock order")   */
    Beat beats[BEAT_MAX]; int nbeats;   /* in the order they happen          */
    char beat_error[240];  /* the first `beat:` line that does not parse       */
} ScenarioMeta;

extern const Scenario scenarios_builtin[];
extern const int scenarios_builtin_count;

/* A built-in scenario by name ("deadlock" or "deadlock.go"), NULL if none. */
const Scenario *scenario_find(const char *name);

/* The largest source file read: a Go program a person steps through is far
 * smaller, and a path to /dev/zero or a log must not eat the memory. */
#define SCENARIO_MAX_SOURCE (16 << 20)

/* A built-in name or a path to a .go file.  A file's text is read into a heap
 * buffer that *out owns (free with scenario_release).  On failure returns -1 and
 * writes "cannot open 'x.go': No such file or directory" style text to err. */
int scenario_load(const char *arg, Scenario *out, char *err, size_t errn);
void scenario_release(Scenario *s);
/* Read a user file's directory, the files its program sees
 * (tui/program_dir.c), into *dir (free with program_dir_free; it goes to
 * MachineConfig.fs); a built-in scenario's is empty (NULL).  -1 with the
 * message in err when the directory is too big. */
int scenario_load_dir(const Scenario *s, struct FsImage **dir, char *err, size_t errn);

void scenario_meta(const Scenario *s, ScenarioMeta *out);

/* Fill metas[] for every built-in scenario and order[0..*n) with the ones
 * the picker lists: the lessons by number, then the others (not variants)
 * by name. */
void scenario_lesson_order(ScenarioMeta *metas, int *order, int *n);
/* The built-in scenario that follows `name` in its family (the base, then
 * its variants by name, then the base again); NULL when it has none. */
const Scenario *scenario_next_variant(const char *name);
/* "variants, v in the live view: deadlock-ordered" for a scenario with
 * variants; returns 0
 * and writes "" when it has none.  metas: as scenario_lesson_order fills. */
int scenario_variants_text(const char *name, const ScenarioMeta *metas, char *buf, size_t n);

/* Apply the scenario's suggestions to cfg for the fields the user did not set
 * on the command line (bit flags below). */
enum { CFG_SET_CORES = 1, CFG_SET_POLICY = 2, CFG_SET_TIME_SLICE = 4, CFG_SET_SEED = 8 };
void scenario_apply_meta(const ScenarioMeta *meta, int user_set, MachineConfig *cfg);

#endif
