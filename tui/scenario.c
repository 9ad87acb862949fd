/* scenario.c — find, load and read the header of a scenario (see scenario.h). */
#include "scenario.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "duration.h"
#include "program_dir.h"
#include "util.h"

const Scenario *scenario_find(const char *name)
{
    size_t n = strlen(name);
    if (n > 3 && strcmp(name + n - 3, ".go") == 0) n -= 3;
    for (int i = 0; i < scenarios_builtin_count; i++) {
        const Scenario *s = &scenarios_builtin[i];
        if (strlen(s->name) == n && strncmp(s->name, name, n) == 0) return s;
    }
    return NULL;
}

/* A path names a file when it contains a slash, or ends in .go and the file
 * exists (a learner's own race.go is theirs, not the built-in race); a bare
 * name is a built-in scenario. */
int scenario_load(const char *arg, Scenario *out, char *err, size_t errn)
{
    memset(out, 0, sizeof *out);
    size_t al = strlen(arg);
    bool go_file = al > 3 && !strcmp(arg + al - 3, ".go") && access(arg, F_OK) == 0;
    const Scenario *b = strchr(arg, '/') || go_file ? NULL : scenario_find(arg);
    if (b) {
        *out = *b;
        return 0;
    }
    FILE *f = fopen(arg, "rb");
    if (!f) {
        if (!strchr(arg, '/') && !strstr(arg, ".go"))
            snprintf(err, errn, "no scenario or file named '%s' (try 'interleave list')", arg);
        else
            snprintf(err, errn, "cannot open '%s': %s", arg, strerror(errno));
        return -1;
    }
    size_t cap = 4096, len = 0;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (len > SCENARIO_MAX_SOURCE) break;    /* /dev/zero, a log file ... */
        if (cap - len - 1 == 0) buf = xrealloc(buf, cap *= 2);
    }
    int bad = ferror(f) ? errno : 0;
    fclose(f);
    if (bad || len > SCENARIO_MAX_SOURCE) {
        free(buf);
        if (bad) snprintf(err, errn, "cannot read '%s': %s", arg, strerror(bad));
        else snprintf(err, errn, "'%s' is larger than %d MiB, more than a Go program interleave can show",
                      arg, SCENARIO_MAX_SOURCE >> 20);
        return -1;
    }
    buf[len] = '\0';
    const char *slash = strrchr(arg, '/');
    const char *base = slash ? slash + 1 : arg;
    size_t bl = strlen(base);
    if (bl > 3 && strcmp(base + bl - 3, ".go") == 0) bl -= 3;
    out->name = xstrndup(base, bl);
    out->filename = xstrdup(arg);
    out->source = buf;
    out->len = len;
    return 0;
}

int scenario_load_dir(const Scenario *s, FsImage **dir, char *err, size_t errn)
{
    *dir = NULL;
    for (int i = 0; i < scenarios_builtin_count; i++)
        if (s->source == scenarios_builtin[i].source) return 0;   /* an empty directory */
    *dir = program_dir_load(s->filename, err, errn);
    return *dir ? 0 : -1;
}

void scenario_release(Scenario *s)
{
    /* Built-in scenarios point into the binary; only loaded files own memory. */
    for (int i = 0; i < scenarios_builtin_count; i++)
        if (s->source == scenarios_builtin[i].source) {
            memset(s, 0, sizeof *s);
            return;
        }
    free((char *)s->name);
    free((char *)s->filename);
    free((char *)s->source);
    memset(s, 0, sizeof *s);
}

/* Append `text` to the field `dst`, joining repeated keys with a space. */
static void append_field(char *dst, size_t cap, const char *text, size_t n)
{
    size_t have = strlen(dst);
    if (have && have + 1 < cap) dst[have++] = ' ';
    if (have + n >= cap) n = cap - have - 1;
    memcpy(dst + have, text, n);
    dst[have + n] = '\0';
}

/* A `beat:` line: parsed, or the first error kept for the notes and `run`. */
static void add_beat(ScenarioMeta *m, const char *v, size_t vl)
{
    char spec[400], err[200];
    snprintf(spec, sizeof spec, "%.*s", (int)vl, v);
    if (m->nbeats == BEAT_MAX) {
        if (!m->beat_error[0])
            snprintf(m->beat_error, sizeof m->beat_error, "more than %d beats", BEAT_MAX);
        return;
    }
    if (beat_parse(spec, &m->beats[m->nbeats], err, sizeof err)) {
        if (!m->beat_error[0]) snprintf(m->beat_error, sizeof m->beat_error, "%s", err);
        return;
    }
    m->nbeats++;
}

void scenario_meta(const Scenario *s, ScenarioMeta *m)
{
    memset(m, 0, sizeof *m);
    const char *p = s->source, *end = s->source + s->len;
    /* The header is the run of `// key: text` lines before the package clause. */
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        if (eol - p < 2 || p[0] != '/' || p[1] != '/') break;
        const char *k = p + 2;
        while (k < eol && *k == ' ') k++;
        const char *colon = memchr(k, ':', (size_t)(eol - k));
        if (colon) {
            size_t kl = (size_t)(colon - k);
            const char *v = colon + 1;
            while (v < eol && *v == ' ') v++;
            size_t vl = (size_t)(eol - v);
            while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\r')) vl--;
            char num[32];
            snprintf(num, sizeof num, "%.*s", (int)(vl < 31 ? vl : 31), v);
            if (kl == 5 && !strncmp(k, "title", 5)) append_field(m->title, sizeof m->title, v, vl);
            else if (kl == 7 && !strncmp(k, "summary", 7)) append_field(m->summary, sizeof m->summary, v, vl);
            else if (kl == 5 && !strncmp(k, "notes", 5)) append_field(m->notes, sizeof m->notes, v, vl);
            else if (kl == 4 && !strncmp(k, "look", 4)) append_field(m->look, sizeof m->look, v, vl);
            else if (kl == 5 && !strncmp(k, "cores", 5)) m->cores = atoi(num);
            else if (kl == 10 && !strncmp(k, "time slice", 10) && duration_parse(num, &m->time_slice))
                m->time_slice = 0;
            else if (kl == 6 && !strncmp(k, "policy", 6)) m->has_policy = policy_parse(num, &m->policy) == 0;
            else if (kl == 6 && !strncmp(k, "lesson", 6)) m->lesson = atoi(num);
            else if (kl == 10 && !strncmp(k, "variant of", 10))
                snprintf(m->variant_of, sizeof m->variant_of, "%.*s", (int)vl, v);
            else if (kl == 7 && !strncmp(k, "variant", 7))
                snprintf(m->variant, sizeof m->variant, "%.*s", (int)vl, v);
            else if (kl == 4 && !strncmp(k, "beat", 4)) add_beat(m, v, vl);
        }
        p = eol + 1;
    }
    if (!m->title[0]) snprintf(m->title, sizeof m->title, "%s", s->name);
}

static const ScenarioMeta *lesson_sort_metas;

static int by_lesson(const void *a, const void *b)
{
    int i = *(const int *)a, j = *(const int *)b;
    int li = lesson_sort_metas[i].lesson, lj = lesson_sort_metas[j].lesson;
    if ((li > 0) != (lj > 0)) return li > 0 ? -1 : 1;
    if (li != lj) return li < lj ? -1 : 1;
    return strcmp(scenarios_builtin[i].name, scenarios_builtin[j].name);
}

void scenario_lesson_order(ScenarioMeta *metas, int *order, int *n)
{
    *n = 0;
    for (int i = 0; i < scenarios_builtin_count; i++) {
        scenario_meta(&scenarios_builtin[i], &metas[i]);
        if (!metas[i].variant_of[0]) order[(*n)++] = i;
    }
    lesson_sort_metas = metas;
    qsort(order, (size_t)*n, sizeof *order, by_lesson);
    lesson_sort_metas = NULL;
}

/* The base of name's family: itself, or what its header says it varies. */
static const char *family_base(const Scenario *s, char *buf, size_t n)
{
    ScenarioMeta m;
    scenario_meta(s, &m);
    snprintf(buf, n, "%s", m.variant_of[0] ? m.variant_of : s->name);
    return buf;
}

const Scenario *scenario_next_variant(const char *name)
{
    const Scenario *cur = scenario_find(name);
    if (!cur) return NULL;
    char base[64], b2[64];
    family_base(cur, base, sizeof base);
    /* The family in order: the base, then the variants in the built-in
     * order (by file name). */
    const Scenario *fam[64];
    int nf = 0, at = -1;
    const Scenario *b = scenario_find(base);
    if (b) fam[nf++] = b;
    for (int i = 0; i < scenarios_builtin_count && nf < 64; i++) {
        const Scenario *s = &scenarios_builtin[i];
        if (s == b || strcmp(family_base(s, b2, sizeof b2), base) != 0) continue;
        fam[nf++] = s;
    }
    if (nf < 2) return NULL;
    for (int i = 0; i < nf; i++)
        if (fam[i] == cur) at = i;
    return fam[(at + 1) % nf];
}

int scenario_variants_text(const char *name, const ScenarioMeta *metas, char *buf, size_t n)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < scenarios_builtin_count && k < n; i++) {
        if (strcmp(metas[i].variant_of, name) != 0) continue;
        k += (size_t)snprintf(buf + k, n - k, "%s%s", k ? ", " : "variants, v in the live view: ", scenarios_builtin[i].name);
    }
    return k > 0;
}

void scenario_apply_meta(const ScenarioMeta *meta, int user_set, MachineConfig *cfg)
{
    if (!(user_set & CFG_SET_CORES) && meta->cores > 0 && meta->cores <= MACHINE_MAX_CORES)
        cfg->cores = meta->cores;
    if (!(user_set & CFG_SET_POLICY) && meta->has_policy) cfg->policy = meta->policy;
    if (!(user_set & CFG_SET_TIME_SLICE) && meta->time_slice > 0) cfg->time_slice = meta->time_slice;
}
