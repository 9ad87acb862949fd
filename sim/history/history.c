/* history.c — seeking to any frame of a run.
 *
 * A run is a pure function of (program, config, seed), so the past need not
 * be stored, only made quick to recompute: a checkpoint (a full machine copy)
 * every `interval` frames, taken the first time the run reaches that frame.
 * Seeking to frame f restores the last checkpoint at or before f into the
 * current machine (machine_copy reuses its buffers) and steps forward: at most
 * interval - 1 frames of replay.  Seeking forward within one interval just
 * steps.  history_back is a seek to frame - 1.
 *
 * Besides the checkpoints the history keeps, for every frame reached, which
 * goroutine each core was running (the one that executed in the frame, or
 * the one its thread holds) — the timeline lanes, readable without replay —
 * and the goroutine of each goroutine step as a Schedule, so the run can be
 * shared as text and replayed with --schedule.
 *
 * Memory: a checkpoint costs about one machine; with the default interval of
 * 64 a run of a million frames keeps ~16,000 of them.  Past a budget in bytes
 * the checkpoints are thinned: every other one goes and the interval doubles
 * (checkpoint k stays at frame k * interval), so a big program's long run
 * keeps its memory bounded and pays with longer replays.
 */
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "util.h"

#define DEFAULT_INTERVAL 64
#define DEFAULT_BUDGET ((size_t)256 << 20)

struct History {
    int interval;
    Machine *cur;
    Machine **ckpt; int nckpt, ckpt_cap;   /* ckpt[k]: the machine at frame k*interval */
    uint64_t max_frame;                    /* furthest frame reached              */
    int ncores;
    int32_t *lanes; uint64_t lanes_len, lanes_cap;   /* [(f-1)*ncores + core]      */
    Schedule picks;
    size_t budget, bytes;                  /* checkpoints' limit and their size  */
};

/* About what a copy of the machine holds on the heap. */
static size_t footprint(const Machine *m)
{
    size_t b = sizeof *m + (size_t)m->nmem * sizeof(Value) + m->strdata_len +
               (size_t)m->nstrings * sizeof(StrRef) + (size_t)m->nblocks * sizeof(Block) +
               m->stdout_len + m->stderr_len + (size_t)m->nchans * sizeof(Chan);
    for (int i = 0; i < m->ngs; i++)
        b += sizeof(Goroutine) + (size_t)m->gs[i].stack_cap * sizeof(Value) +
             (size_t)m->gs[i].frames_cap * sizeof(Frame);
    return b;
}

static void add_checkpoint(History *h, const Machine *m)
{
    GROW(h->ckpt, h->ckpt_cap, h->nckpt + 1);
    h->ckpt[h->nckpt] = machine_clone(m);
    h->bytes += footprint(h->ckpt[h->nckpt++]);   /* the copy's: thin subtracts the same */
}

/* Keep the even checkpoints, double the interval: until under budget or
 * only the first is left. */
static void thin(History *h)
{
    while (h->bytes > h->budget && h->nckpt > 1) {
        int j = 0;
        for (int k = 0; k < h->nckpt; k++) {
            if (k % 2 == 0) {
                h->ckpt[j++] = h->ckpt[k];
            } else {
                h->bytes -= footprint(h->ckpt[k]);
                machine_free(h->ckpt[k]);
            }
        }
        h->nckpt = j;
        h->interval *= 2;
    }
}

void history_set_budget(History *h, size_t bytes)
{
    h->budget = bytes;
    thin(h);
}

size_t history_checkpoint_bytes(const History *h) { return h->bytes; }
int history_interval(const History *h) { return h->interval; }

History *history_new(const Program *p, const MachineConfig *cfg, int interval)
{
    Machine *m = machine_new(p, cfg);
    if (!m) return NULL;
    History *h = xcalloc(1, sizeof *h);
    h->interval = interval > 0 ? interval : DEFAULT_INTERVAL;
    h->cur = m;
    h->ncores = m->ncores;
    schedule_init(&h->picks);
    h->budget = DEFAULT_BUDGET;
    add_checkpoint(h, m);
    return h;
}

void history_free(History *h)
{
    if (!h) return;
    machine_free(h->cur);
    for (int k = 0; k < h->nckpt; k++) machine_free(h->ckpt[k]);
    free(h->ckpt);
    free(h->lanes);
    schedule_fini(&h->picks);
    free(h);
}

const Machine *history_machine(const History *h) { return h->cur; }
uint64_t history_frame(const History *h) { return h->cur->frame; }
uint64_t history_max_frame(const History *h) { return h->max_frame; }
const Schedule *history_schedule(const History *h) { return &h->picks; }

/* A frame seen for the first time: its lanes, its goroutine step, maybe a
 * checkpoint. */
static void record(History *h)
{
    const Machine *m = h->cur;
    if (h->lanes_len + (uint64_t)h->ncores > h->lanes_cap) {
        uint64_t cap = h->lanes_cap ? h->lanes_cap * 2 : 1024;
        while (cap < h->lanes_len + (uint64_t)h->ncores) cap *= 2;
        h->lanes = xrealloc(h->lanes, (size_t)cap * sizeof *h->lanes);
        h->lanes_cap = cap;
    }
    for (int c = 0; c < h->ncores; c++) {
        h->lanes[h->lanes_len++] = m->last[c].g ? m->last[c].g : m->cores[c].g;
        if (m->last[c].g) schedule_push(&h->picks, m->last[c].g);
    }
    h->max_frame = m->frame;
    if (m->frame % (uint64_t)h->interval == 0 && m->frame / (uint64_t)h->interval == (uint64_t)h->nckpt) {
        add_checkpoint(h, m);
        if (h->bytes > h->budget) thin(h);
    }
}

MachineStatus history_forward(History *h)
{
    Machine *m = h->cur;
    if (m->status != M_RUNNING) return m->status;
    machine_step(m);
    if (m->frame > h->max_frame) record(h);
    return m->status;
}

MachineStatus history_seek(History *h, uint64_t f)
{
    Machine *m = h->cur;
    if (f < m->frame || f - m->frame >= (uint64_t)h->interval) {
        uint64_t k = f / (uint64_t)h->interval;
        if (k >= (uint64_t)h->nckpt) k = (uint64_t)h->nckpt - 1;
        if (h->ckpt[k]->frame > m->frame || f < m->frame) machine_copy(m, h->ckpt[k]);
    }
    while (m->frame < f && m->status == M_RUNNING) history_forward(h);
    return m->status;
}

MachineStatus history_back(History *h)
{
    if (h->cur->frame == 0) return h->cur->status;
    return history_seek(h, h->cur->frame - 1);
}

int history_lane(const History *h, uint64_t f, int core)
{
    if (f < 1 || f > h->max_frame || core < 0 || core >= h->ncores) return -1;
    return h->lanes[(f - 1) * (uint64_t)h->ncores + (uint64_t)core];
}
