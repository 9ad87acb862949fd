/* schedule.c — a run's order of goroutine steps as data.
 *
 * A Schedule lists the goroutine that executes at each goroutine step: each
 * frame in which some goroutine runs an instruction (frames in which only a
 * thread's scheduling, a timer or sysmon acts are not decisions).  Given to
 * a Machine it overrides the machine's timing step by step (see "Forced
 * steps" in sched.c): the named goroutine runs next whatever the threads'
 * clocks say, as if the OS had stalled every other thread.  So any
 * interleaving of the goroutines' instructions can be forced, including the
 * rare ones that seeds almost never produce.
 *
 * Text form (for `--schedule`, sharing and the explorer's witnesses): runs
 * separated by '.', each a goroutine id in decimal, optionally followed by
 * 'x' and a repeat count: "1x12.2x3.1" = G1 twelve steps, G2 three, G1 one.
 * A single step may add '/' and a case number: "2/3" = G2's step, and if it
 * runs a select, the select polls its third case (counting from 1 in source
 * order) first, so takes it when it is ready; otherwise its random order.
 * That is how a schedule fixes select's choice among ready cases.
 * The empty string is the empty schedule.  Surrounding whitespace is
 * ignored; anything else is an error.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"
#include "util.h"

/* The longest run one entry may write and the most steps a schedule may
 * force: enough for any run a person or a test writes down. */
#define MAX_REPEAT 100000000L
#define MAX_STEPS 100000000

void schedule_init(Schedule *s)
{
    s->picks = NULL;
    s->sel = NULL;
    s->n = s->cap = 0;
}

void schedule_fini(Schedule *s)
{
    free(s->picks);
    free(s->sel);
    schedule_init(s);
}

void schedule_push(Schedule *s, int g)
{
    int old = s->cap;
    GROW(s->picks, s->cap, s->n + 1);
    if (s->sel && s->cap != old) s->sel = xrealloc(s->sel, (size_t)s->cap * sizeof *s->sel);
    if (s->sel) s->sel[s->n] = 0;
    s->picks[s->n++] = g;
}

void schedule_set_select(Schedule *s, int i, int c)
{
    if (i < 0 || i >= s->n) return;
    if (!s->sel) s->sel = xcalloc((size_t)s->cap, sizeof *s->sel);
    s->sel[i] = c + 1;
}

static const char *number(const char *p, const char *end, long *out)
{
    if (p == end || !isdigit((unsigned char)*p)) return NULL;
    long v = 0;
    while (p < end && isdigit((unsigned char)*p)) {
        v = v * 10 + (*p++ - '0');
        if (v > MAX_REPEAT) return NULL;
    }
    *out = v;
    return p;
}

int schedule_parse(Schedule *s, const char *text)
{
    const char *p = text;
    s->n = 0;
    while (isspace((unsigned char)*p)) p++;
    const char *end = p + strlen(p);
    while (end > p && isspace((unsigned char)end[-1])) end--;
    if (p == end) return 0;
    for (;;) {
        long g, k = 1, c = 0;
        if (!(p = number(p, end, &g)) || g < 1 || g > 1000000000L) goto bad;
        if (p < end && *p == 'x') {
            if (!(p = number(p + 1, end, &k)) || k < 1) goto bad;
        } else if (p < end && *p == '/') {         /* a select's case: one step only */
            if (!(p = number(p + 1, end, &c)) || c < 1 || c > 64) goto bad;
        }
        if ((long)s->n + k > MAX_STEPS) goto bad;
        while (k-- > 0) schedule_push(s, (int)g);
        if (c) schedule_set_select(s, s->n - 1, (int)c - 1);
        if (p == end) return 0;
        if (*p++ != '.') goto bad;
    }
bad:
    s->n = 0;
    free(s->sel);
    s->sel = NULL;
    return -1;
}

size_t schedule_format(const Schedule *s, char *buf, size_t n)
{
    size_t len = 0;
    if (n) buf[0] = '\0';
    for (int i = 0; i < s->n;) {
        int j = i;
        /* a run: steps of one goroutine without a select's case */
        while (j < s->n && s->picks[j] == s->picks[i] && !(s->sel && s->sel[j])) j++;
        char tmp[40];
        int k;
        if (j == i) {
            k = snprintf(tmp, sizeof tmp, "%s%d/%d", i ? "." : "", (int)s->picks[i], (int)s->sel[i]);
            j = i + 1;
        } else {
            k = j - i > 1 ? snprintf(tmp, sizeof tmp, "%s%dx%d", i ? "." : "", (int)s->picks[i], j - i)
                          : snprintf(tmp, sizeof tmp, "%s%d", i ? "." : "", (int)s->picks[i]);
        }
        if (len + (size_t)k < n) memcpy(buf + len, tmp, (size_t)k + 1);
        else if (len < n) buf[len] = '\0';
        len += (size_t)k;
        i = j;
    }
    return len;
}
