/* stats.c — CPU time and lock times per goroutine (see stats.h). */
#include "stats.h"

#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "util.h"

struct Stats {
    GStats *gs; int ngs, gs_cap;
    int64_t last_now;          /* virtual time of the previous frame          */
    int running[MACHINE_MAX_CORES];   /* each core's goroutine after it      */
};

Stats *stats_new(void)
{
    return xcalloc(1, sizeof(Stats));
}

void stats_free(Stats *s)
{
    if (!s) return;
    free(s->gs);
    free(s);
}

static GStats *gstats(Stats *s, int g)
{
    if (g < 1) return NULL;
    if (g > s->ngs) {
        if (g > s->gs_cap) GROW(s->gs, s->gs_cap, g);
        for (int i = s->ngs; i < g; i++) {
            memset(&s->gs[i], 0, sizeof s->gs[i]);
            s->gs[i].wait_since = s->gs[i].hold_since = -1;
            s->gs[i].entry_proto = -1;
        }
        s->ngs = g;
    }
    return &s->gs[g - 1];
}

void stats_observe(Stats *s, const Machine *m)
{
    /* the time since the last frame went to whoever was running then */
    int64_t dt = m->now - s->last_now;
    for (int c = 0; c < m->ncores && dt > 0; c++)
        if (s->running[c]) gstats(s, s->running[c])->cpu_ns += dt;
    s->last_now = m->now;
    for (int c = 0; c < m->ncores; c++) s->running[c] = m->cores[c].state == CORE_RUNNING ? m->cores[c].g : 0;
    /* each goroutine's own function, while its first frame is there to see */
    for (int id = s->ngs + 1; id <= m->ngs; id++) gstats(s, id);
    for (int i = 0; i < s->ngs && i < m->ngs; i++)
        if (s->gs[i].entry_proto < 0 && m->gs[i].nframes > 0) s->gs[i].entry_proto = m->gs[i].frames[0].proto;
    for (int i = 0; i < m->nevents; i++) {
        const Event *e = &m->events[i];
        GStats *g = gstats(s, e->g);
        if (!g) continue;
        switch (e->kind) {
        case EV_LOCK_CONTEND:
            if (g->wait_since < 0) g->wait_since = m->now;
            break;
        case EV_LOCK_ACQUIRE:
            g->acquisitions++;
            if (g->wait_since >= 0) {
                int64_t w = m->now - g->wait_since;
                g->wait_ns += w;
                if (w > g->longest_wait_ns) g->longest_wait_ns = w;
                g->wait_since = -1;
            }
            g->hold_since = m->now;
            break;
        case EV_LOCK_RELEASE:
            if (g->hold_since >= 0) g->hold_ns += m->now - g->hold_since;
            g->hold_since = -1;
            break;
        default:
            break;
        }
    }
}

const GStats *stats_goroutines(const Stats *s, int *n)
{
    *n = s->ngs;
    return s->gs;
}

double stats_fairness(const Stats *s)
{
    double sum = 0, sq = 0;
    int n = 0;
    for (int i = 1; i < s->ngs; i++) {          /* main (G1) hands out the work */
        double x = (double)s->gs[i].cpu_ns;
        if (x <= 0) continue;
        sum += x;
        sq += x * x;
        n++;
    }
    return n && sq > 0 ? sum * sum / ((double)n * sq) : 1.0;
}

static const char *dur(int64_t ns, char *buf, size_t n)
{
    duration_format(ns, buf, n);
    return buf;
}

void stats_write(const Stats *s, const Machine *m, FILE *out)
{
    int64_t total = 0;
    int ran = 0;
    for (int i = 0; i < s->ngs; i++) {
        total += s->gs[i].cpu_ns;
        ran += i > 0 && s->gs[i].cpu_ns > 0;
    }
    fprintf(out, "starvation (CPU time and locks per goroutine):\n");
    fprintf(out, "  %-4s %-14s %-12s %6s %6s %-12s %-12s %s\n", "G", "function", "cpu", "share", "locks",
            "waited", "longest", "held");
    for (int i = 0; i < s->ngs; i++) {
        const GStats *g = &s->gs[i];
        /* a wait or a hold still going on at the end counts up to now */
        int64_t wait = g->wait_ns, longest = g->longest_wait_ns, hold = g->hold_ns;
        if (g->wait_since >= 0) {
            wait += m->now - g->wait_since;
            if (m->now - g->wait_since > longest) longest = m->now - g->wait_since;
        }
        if (g->hold_since >= 0) hold += m->now - g->hold_since;
        char a[32], b[32], c[32], d[32], id[16];
        snprintf(id, sizeof id, "G%d", i + 1);
        const char *fn = g->entry_proto >= 0 && g->entry_proto < m->prog->nprotos
                       ? m->prog->protos[g->entry_proto].name : "?";
        fprintf(out, "  %-4s %-14s %-12s %5.1f%% %6lld %-12s %-12s %s\n", id, fn, dur(g->cpu_ns, a, sizeof a),
                total ? 100.0 * (double)g->cpu_ns / (double)total : 0.0, (long long)g->acquisitions,
                dur(wait, b, sizeof b), dur(longest, c, sizeof c), dur(hold, d, sizeof d));
    }
    fprintf(out, "fairness: Jain's index over the CPU time of the goroutines main started %.2f "
                 "(1 = even, %.2f = one of %d got all)\n", stats_fairness(s), ran ? 1.0 / ran : 1.0, ran);
}
