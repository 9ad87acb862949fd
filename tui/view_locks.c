/* view_locks.c — mutexes and WaitGroups.
 *
 *   ─ Locks ──────────────────────────────────────────────────────────
 *      object    state          waiters (next first)
 *    ↻ a.mu      held by G2     G3
 *    ↻ b.mu      held by G3     G2
 *      wg        counter 2      G1
 *
 * A mutex shows its owner and its waiters in FIFO order (the order Go hands
 * the lock over in, barring starvation mode); a WaitGroup its counter and who
 * waits for zero.  Objects on a wait-for cycle are marked like the
 * goroutines.  Sync objects are created on first use, as in Go, so the table
 * fills as the program runs.
 */
#include <stdio.h>
#include <string.h>

#include "views.h"

int view_locks_count(const Machine *m)
{
    return m->nsyncs;
}

/* "G3 G4 G5" in the goroutines' colours; returns columns used. */
static int draw_ids(const Pane *p, int row, int col, const int *ids, int n)
{
    int x = col;
    for (int i = 0; i < n; i++) {
        char lab[16];
        snprintf(lab, sizeof lab, "G%d", ids[i]);
        int w = text_width(lab);
        if (x + w + (i + 1 < n ? 2 : 0) > p->w) {
            pane_put(p, row, x, theme_attr(ROLE_DIM), theme_glyph(GLYPH_ELLIPSIS));
            break;
        }
        x += pane_put(p, row, x, theme_g_text(ids[i]), lab) + 1;
    }
    return x - col;
}

void view_locks_draw(const Pane *p, const ViewCtx *c)
{
    const Machine *m = c->m;
    int nmu = 0, held = 0;
    for (int i = 0; i < m->nsyncs; i++)
        if (m->syncs[i].kind == SYNC_MUTEX) {
            nmu++;
            if (m->syncs[i].u.mu.owner) held++;
        }
    char right[48] = "";
    if (nmu) snprintf(right, sizeof right, "%d held %s %d free", held, theme_glyph(GLYPH_DOT), nmu - held);
    pane_rule(p, 0, "Locks", right);
    if (p->h < 2) return;
    if (m->nsyncs == 0) {
        pane_put(p, 1, 2, theme_attr(ROLE_DIM), "no sync object used yet");
        return;
    }
    int name_x = 2, name_w = 12, state_x = name_x + name_w + 1, wait_x = state_x + 15;
    bool stats = p->w >= 64;
    int stats_x = p->w - 14;
    attr_t h = theme_attr(ROLE_HEADER);
    pane_put(p, 1, name_x, h, "object");
    pane_put(p, 1, state_x, h, "state");
    pane_put(p, 1, wait_x, h, p->w - wait_x >= 20 + (stats ? 15 : 0) ? "waiters (next first)" : "waiters");
    if (stats) pane_put(p, 1, stats_x, h, "locks/waits");

    int row = 2;
    for (int i = 0; i < m->nsyncs && row < p->h; i++, row++) {
        const SyncObj *s = &m->syncs[i];
        if (row == p->h - 1 && i < m->nsyncs - 1) {
            pane_printf(p, row, name_x, theme_attr(ROLE_DIM), "%s %d more not shown",
                        theme_glyph(GLYPH_ELLIPSIS), m->nsyncs - i);
            break;
        }
        int64_t addr = s->kind == SYNC_MUTEX ? s->u.mu.addr : s->u.wg.addr;
        bool cyc = view_addr_in_cycle(c, addr);
        char name[64];
        machine_addr_name(m, addr, name, sizeof name);
        if (cyc) pane_put(p, row, 0, theme_attr(ROLE_CYCLE), theme_glyph(GLYPH_CYCLE));
        pane_put_trunc(p, row, name_x, name_w, theme_attr(cyc ? ROLE_CYCLE : ROLE_NORMAL), name);
        int wend = stats ? stats_x - 1 : p->w;
        Pane wp = pane_make(p->y, p->x, p->h, wend);
        if (s->kind == SYNC_MUTEX) {
            const Mutex *mu = &s->u.mu;
            if (mu->owner) {
                int x = state_x + pane_put(p, row, state_x, theme_attr(ROLE_LOCK_HELD), "held by ");
                char lab[16];
                snprintf(lab, sizeof lab, "G%d", mu->owner);
                pane_put(p, row, x, theme_g_text(mu->owner), lab);
            } else {
                pane_put(p, row, state_x, theme_attr(ROLE_LOCK_FREE), "free");
            }
            if (mu->nwaiters) draw_ids(&wp, row, wait_x, mu->waiters, mu->nwaiters);
            if (stats)
                pane_printf(p, row, stats_x, theme_attr(ROLE_DIM), "%llu/%llu",
                            (unsigned long long)mu->acquisitions, (unsigned long long)mu->contentions);
        } else {
            const WaitGroup *wg = &s->u.wg;
            pane_printf(p, row, state_x, theme_attr(wg->counter ? ROLE_LOCK_HELD : ROLE_LOCK_FREE),
                        "counter %lld", (long long)wg->counter);
            if (wg->nwaiters) draw_ids(&wp, row, wait_x, wg->waiters, wg->nwaiters);
        }
    }
}
