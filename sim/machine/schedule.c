/* schedule.c — a run's scheduling decisions as data.
 *
 * A Schedule lists the goroutine taken at each pick (each time a core takes a
 * goroutine to run, EV_GO_START), in order.  Given to a Machine it overrides
 * the policy pick by pick (see protocol 3 in sched.c); the picks a run made,
 * replayed on the same program, config and seed, reproduce it frame for frame,
 * and on another seed they still force the same order of goroutine starts.
 *
 * Text form (for `--schedule`, sharing and the explorer's witnesses): the ids
 * in decimal separated by '.', e.g. "1.2.1.3"; the empty string is the empty
 * schedule.  Surrounding whitespace is ignored; anything else is an error.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"
#include "util.h"

void schedule_init(Schedule *s)
{
    s->picks = NULL;
    s->n = s->cap = 0;
}

void schedule_fini(Schedule *s)
{
    free(s->picks);
    schedule_init(s);
}

void schedule_push(Schedule *s, int g)
{
    GROW(s->picks, s->cap, s->n + 1);
    s->picks[s->n++] = g;
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
        if (p == end || !isdigit((unsigned char)*p)) goto bad;
        long v = 0;
        while (p < end && isdigit((unsigned char)*p)) {
            v = v * 10 + (*p++ - '0');
            if (v > 1000000000L) goto bad;
        }
        if (v < 1) goto bad;
        schedule_push(s, (int)v);
        if (p == end) return 0;
        if (*p++ != '.') goto bad;
    }
bad:
    s->n = 0;
    return -1;
}

size_t schedule_format(const Schedule *s, char *buf, size_t n)
{
    size_t len = 0;
    if (n) buf[0] = '\0';
    for (int i = 0; i < s->n; i++) {
        char tmp[16];
        int k = snprintf(tmp, sizeof tmp, "%s%d", i ? "." : "", (int)s->picks[i]);
        if (len + (size_t)k < n) memcpy(buf + len, tmp, (size_t)k + 1);
        else if (len < n) buf[len] = '\0';
        len += (size_t)k;
    }
    return len;
}
