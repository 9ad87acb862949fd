/* view_timeline.c — the cores as lanes over time.
 *
 *   ─ Cores ─────────────────────────────────────────── 2 cores · go ──
 *            10        20        30                       ▼
 *   core 0   G1 G1 G1 G2 G2 G2 G2 ·  ·  G1 G1 G3 G3 G3 G3 G2
 *   core 1   ·  ·  ·  G3 G3 ·  ·  ·  ·  ·  ·  ·  ·  G2 G2 ·
 *
 * One cell per frame, labelled with the goroutine that ran on the core in
 * that frame, in the goroutine's colour; idle frames are a dim dot.  Frames
 * fill from the left until the lane is full, then scroll so the current frame
 * stays at the right edge.  Past frames come from history_lane(), so stepping
 * back or forward never replays anything to draw.  The two accesses of
 * each data race found are drawn in the race's colour.
 */
#include <stdio.h>
#include <string.h>

#include "race.h"
#include "views.h"

#define LABEL_W 9   /* "core 12  " */

/* Digits of the largest goroutine id decide the cell width: "G2 ", "G12 ". */
static int cell_width(const Machine *m)
{
    int w = 3;
    for (int n = m->ngs; n >= 10; n /= 10) w++;
    return w;
}

/* Did goroutine g make one of the two accesses of a data race in frame fr? */
static bool racy_cell(const ViewCtx *c, uint64_t fr, int g)
{
    for (int i = 0; i < c->nraces; i++) {
        const RaceReport *r = &c->races[i];
        if ((r->cur.frame == fr && r->cur.g == g) || (r->prev.frame == fr && r->prev.g == g)) return true;
    }
    return false;
}

/* next_g is what the core ran in the following frame: a run of one
 * goroutine is one unbroken bar, and a change of goroutine leaves a gap.
 * An access of a data race is drawn in the race's colour. */
static void draw_cell(const Pane *p, int row, int col, int w, int g, int next_g, bool racy)
{
    char label[16];
    if (g > 0) {
        snprintf(label, sizeof label, "G%d", g);
        attr_t a = racy ? theme_attr(ROLE_DEADLOCK) | A_BOLD : theme_g_cell(g);
        pane_fill(p, row, col, w - 1, a);
        pane_put(p, row, col, a, label);
        if (next_g == g) pane_fill(p, row, col + w - 1, 1, a);
    } else if (g == 0) {
        pane_put(p, row, col + (w - 1) / 2, theme_attr(ROLE_DIM), theme_glyph(GLYPH_IDLE));
    }
}

void view_timeline_draw(const Pane *p, const ViewCtx *c)
{
    const Machine *m = c->m;
    char right[64];
    snprintf(right, sizeof right, "%d core%s %s %s", m->ncores, m->ncores == 1 ? "" : "s",
             theme_glyph(GLYPH_DOT), policy_name(m->cfg.policy));
    pane_rule(p, 0, "Cores", right);
    if (p->h < 2) return;

    int cw = cell_width(m);
    int ncells = (p->w - LABEL_W - 1) / cw;
    if (ncells < 1) return;
    uint64_t f = c->frame;
    uint64_t first = f >= (uint64_t)ncells ? f - (uint64_t)ncells + 1 : 1;

    /* The ruler: frame numbers at multiples of 10, the current frame marked. */
    pane_put(p, 1, 0, theme_attr(ROLE_DIM), "frame");
    int last_end = -1;
    for (uint64_t fr = first; fr <= f; fr++) {
        int col = LABEL_W + (int)(fr - first) * cw;
        if (fr % 10 == 0 && col > last_end) {
            char num[24];
            snprintf(num, sizeof num, "%llu", (unsigned long long)fr);
            last_end = col + pane_put(p, 1, col, theme_attr(ROLE_DIM), num);
        }
    }
    if (f >= 1) {
        int col = LABEL_W + (int)(f - first) * cw;
        char num[32];
        snprintf(num, sizeof num, "%s%llu", theme_glyph(GLYPH_FRAME), (unsigned long long)f);
        /* The current frame's number sits over its cell, clear of others. */
        int w = text_width(num);
        int at = col + w <= p->w ? col : p->w - w;
        pane_fill(p, 1, at - 1, w + 1, A_NORMAL);
        pane_put(p, 1, at, theme_attr(ROLE_FRAME_MARK), num);
    }

    for (int core = 0; core < m->ncores && 2 + core < p->h; core++) {
        int row = 2 + core;
        bool busy = m->cores[core].g != 0;
        pane_printf(p, row, 0, theme_attr(busy ? ROLE_NORMAL : ROLE_DIM), "core %d", core);
        if (!c->h) continue;
        for (uint64_t fr = first; fr <= f; fr++) {
            int col = LABEL_W + (int)(fr - first) * cw;
            int g = history_lane(c->h, fr, core);
            draw_cell(p, row, col, cw, g, fr < f ? history_lane(c->h, fr + 1, core) : -1,
                      g > 0 && c->nraces && racy_cell(c, fr, g));
        }
    }
    if (f == 0 && p->h > 2)
        pane_printf(p, 2, LABEL_W, theme_attr(ROLE_DIM),
                    "nothing has run yet: Space plays, %s or l steps one frame",
                    theme_glyph(GLYPH_RIGHT));
}
