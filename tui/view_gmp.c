/* view_gmp.c — Go's scheduler as it stands (`g`, in place of the code):
 * each P with its running goroutine, runnext and local queue; the global
 * queue; each M with what it does; the SCHED line Go's schedtrace prints.
 *
 *   ─ G-M-P ──────────────────────────── threads=5 idlethreads=1 runqueue=1 ──
 *    P0  running  G5 on M2      runnext G3   local G4 G6
 *    P1  syscall  left by M3                 local -
 *    global queue  G7
 *
 *    M0  running G5 on P0
 *    M1  spinning: looking for work on P1
 *    M3  in a system call with G2 (its P was P1)
 *    M4  sysmon
 *
 * A goroutine moves between these as the machine steps: go statements put it
 * in runnext, a thief steals from a local queue, a preempted one goes to the
 * global queue, a read blocks an M, sysmon hands its P to another M.
 */
#include <stdio.h>

#include "views.h"

/* "G4 G6 …" of a run queue, oldest first; "-" when empty */
static void queue_text(const RunQueue *q, char *buf, size_t n)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < q->len && k + 8 < n; i++)
        k += (size_t)snprintf(buf + k, n - k, "%sG%d", i ? " " : "", q->ids[(q->head + i) % q->cap]);
    if (!q->len) snprintf(buf, n, "-");
}

static const char *core_state(const Core *c)
{
    switch (c->state) {
    case CORE_RUNNING: return c->g ? "running" : "looking";
    case CORE_SYSCALL: return "syscall";
    default: return "idle";
    }
}

static void thread_text(const Machine *m, const Thread *t, char *buf, size_t n)
{
    switch (t->state) {
    case TH_IDLE: snprintf(buf, n, "idle (parked, no P)"); break;
    case TH_WAKING: snprintf(buf, n, "waking up to take P%d", t->core); break;
    case TH_SCHED:
        if (t->spinning) snprintf(buf, n, "spinning: looking for work to steal, with P%d", t->core);
        else snprintf(buf, n, "looking for a goroutine, with P%d", t->core);
        break;
    case TH_RUNNING: snprintf(buf, n, "running G%d on P%d", t->g, t->core); break;
    case TH_SYSCALL:
        if (t->core >= 0 && m->cores[t->core].state == CORE_SYSCALL && m->cores[t->core].thread == t->id)
            snprintf(buf, n, "in a system call with G%d, still holding P%d", t->g, t->core);
        else snprintf(buf, n, "in a system call with G%d; its P went to another M", t->g);
        break;
    case TH_POLLING: snprintf(buf, n, "blocked in the network poller (epoll), no P"); break;
    case TH_SYSMON: snprintf(buf, n, "sysmon: watches the Ps, no P"); break;
    default: snprintf(buf, n, "?"); break;
    }
}

void view_gmp_draw(const Pane *p, const ViewCtx *c)
{
    const Machine *m = c->m;
    int idle = 0, spinning = 0;
    for (int i = 0; i < m->nthreads; i++) {
        idle += m->threads[i].state == TH_IDLE;
        spinning += m->threads[i].state == TH_SCHED && m->threads[i].spinning;
    }
    /* schedtrace's counts, shorter when the pane is narrow */
    char right[128];
    snprintf(right, sizeof right, "threads=%d spinningthreads=%d idlethreads=%d runqueue=%d", m->nthreads,
             spinning, idle, m->global.len);
    if (text_width(right) + 14 > p->w)
        snprintf(right, sizeof right, "threads=%d idle=%d runqueue=%d", m->nthreads, idle, m->global.len);
    pane_rule(p, 0, "G-M-P", text_width(right) + 14 <= p->w ? right : NULL);
    int row = 1;
    char q[256];
    for (int i = 0; i < m->ncores && row < p->h; i++, row++) {
        const Core *cr = &m->cores[i];
        int x = pane_printf(p, row, 1, theme_attr(ROLE_HEADER), "P%d ", i) + 1;
        x += pane_printf(p, row, x, theme_attr(cr->state == CORE_IDLE ? ROLE_DIM : ROLE_NORMAL), "%-8s", core_state(cr));
        if (cr->g) {
            char lab[16];
            snprintf(lab, sizeof lab, "G%d", cr->g);
            x += pane_put(p, row, x, theme_g_text(cr->g), lab);
        }
        if (cr->thread >= 0) x += pane_printf(p, row, x, theme_attr(ROLE_DIM), " (M%d)", cr->thread);
        x = x < 24 ? 24 : x + 2;
        if (cr->runnext) {
            x += pane_put(p, row, x, theme_attr(ROLE_DIM), "runnext ");
            char lab[16];
            snprintf(lab, sizeof lab, "G%d", cr->runnext);
            x += pane_put(p, row, x, theme_g_text(cr->runnext), lab) + 2;
        }
        queue_text(&cr->local, q, sizeof q);
        x += pane_put(p, row, x, theme_attr(ROLE_DIM), "local ");
        pane_put_trunc(p, row, x, p->w - x - 1, theme_attr(ROLE_NORMAL), q);
    }
    if (row < p->h) {
        queue_text(&m->global, q, sizeof q);
        int x = pane_put(p, row, 1, theme_attr(ROLE_HEADER), "global queue ") + 1;
        pane_put_trunc(p, row++, x, p->w - x - 1, theme_attr(ROLE_NORMAL), q);
    }
    row++;
    for (int i = 0; i < m->nthreads && row < p->h; i++, row++) {
        const Thread *t = &m->threads[i];
        char what[128];
        thread_text(m, t, what, sizeof what);
        int x = pane_printf(p, row, 1, theme_attr(ROLE_HEADER), "M%d ", t->id) + 1;
        pane_put_trunc(p, row, x + 2, p->w - x - 3,
                       theme_attr(t->state == TH_IDLE ? ROLE_DIM : ROLE_NORMAL), what);
    }
}
