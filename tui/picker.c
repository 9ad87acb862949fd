/* picker.c — choosing a scenario (see picker.h).
 *
 *   interleave · 11 scenarios                                 (status bar)
 *   ▶ 1. Race condition: data++          │ Race condition: data++
 *     2. Atomicity: counter++            │ race.go · 2 cores · go policy
 *                                        │ One goroutine increments ...
 *                                        │ Notes ...
 *
 * Keys come from the key table (CTX_PICKER); Enter opens, q quits.
 */
#include "picker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "layout.h"
#include "util.h"
#include "views.h"

void picker_init(Picker *p, const char *select)
{
    memset(p, 0, sizeof *p);
    int nb = scenarios_builtin_count;
    p->metas = xcalloc((size_t)(nb > 0 ? nb : 1), sizeof *p->metas);
    p->order = xcalloc((size_t)(nb > 0 ? nb : 1), sizeof *p->order);
    scenario_lesson_order(p->metas, p->order, &p->n);
    if (!select) return;
    const Scenario *s = scenario_find(select);
    if (!s) return;
    int want = (int)(s - scenarios_builtin);
    const char *base = p->metas[want].variant_of;
    for (int r = 0; r < p->n; r++)
        if (p->order[r] == want || (base[0] && !strcmp(scenarios_builtin[p->order[r]].name, base)))
            p->sel = r;
}

void picker_add_own(Picker *p, const char *path)
{
    snprintf(p->own, sizeof p->own, "%s", path);
    memset(&p->own_meta, 0, sizeof p->own_meta);
    Scenario sc;
    char err[300];
    if (scenario_load(path, &sc, err, sizeof err) == 0) {
        scenario_meta(&sc, &p->own_meta);
        scenario_release(&sc);
    }
    p->sel = 0;
    p->top = 0;
}

/* Rows: the user's file first (when there is one), then the scenarios. */
static int nrows(const Picker *p) { return p->n + (p->own[0] != 0); }
static bool own_row(const Picker *p, int row) { return p->own[0] && row == 0; }
static int builtin_of(const Picker *p, int row) { return p->order[row - (p->own[0] != 0)]; }

void picker_fini(Picker *p)
{
    free(p->metas);
    free(p->order);
    p->metas = NULL;
    p->order = NULL;
}

int picker_action(Picker *p, Action a)
{
    p->message[0] = '\0';
    switch (a) {
    case ACT_UP: if (p->sel > 0) p->sel--; return H_REDRAW;
    case ACT_DOWN: if (p->sel < nrows(p) - 1) p->sel++; return H_REDRAW;
    case ACT_FIRST: p->sel = 0; return H_REDRAW;
    case ACT_LAST: p->sel = nrows(p) > 0 ? nrows(p) - 1 : 0; return H_REDRAW;
    case ACT_OPEN: return nrows(p) > 0 ? H_OPEN : H_NONE;
    default: return H_NONE;
    }
}

const char *picker_selected(const Picker *p)
{
    if (own_row(p, p->sel)) return p->own;
    return nrows(p) > 0 ? scenarios_builtin[builtin_of(p, p->sel)].name : NULL;
}

static void draw_details(const Pane *d, const Picker *p)
{
    bool own = own_row(p, p->sel);
    const ScenarioMeta *m = own ? &p->own_meta : &p->metas[builtin_of(p, p->sel)];
    const Scenario *s = own ? NULL : &scenarios_builtin[builtin_of(p, p->sel)];
    int row = 0, budget = d->h;
    row += pane_wrap(d, row, 0, budget - row, theme_attr(ROLE_TITLE), m->title[0] ? m->title : "Your program");
    char sugg[600];
    int k = snprintf(sugg, sizeof sugg, "%s", own ? p->own : s->filename);
    if (m->cores) k += snprintf(sugg + k, sizeof sugg - (size_t)k, "  %s  %d core%s", theme_glyph(GLYPH_DOT),
                                m->cores, m->cores == 1 ? "" : "s");
    if (m->has_policy) k += snprintf(sugg + k, sizeof sugg - (size_t)k, "  %s  %s policy",
                                     theme_glyph(GLYPH_DOT), policy_name(m->policy));
    if (m->time_slice) {
        char slice[32];
        duration_format(m->time_slice, slice, sizeof slice);
        snprintf(sugg + k, sizeof sugg - (size_t)k, "  %s  time slice %s", theme_glyph(GLYPH_DOT), slice);
    }
    pane_put_trunc(d, row++, 0, d->w, theme_attr(ROLE_DIM), sugg);
    char vars[200];
    if (s && scenario_variants_text(s->name, p->metas, vars, sizeof vars))
        pane_put_trunc(d, row++, 0, d->w, theme_attr(ROLE_DIM), vars);
    row++;
    if (m->summary[0] && row < budget) {
        row += pane_wrap(d, row, 0, budget - row, theme_attr(ROLE_EVENT), m->summary);
        row++;
    }
    if (m->notes[0] && row + 1 < budget) {
        pane_put(d, row++, 0, theme_attr(ROLE_HEADER), "Notes");
        row += pane_wrap(d, row, 0, budget - row, theme_attr(ROLE_NORMAL), m->notes);
        row++;
    }
    if (m->look[0] && row + 1 < budget) {
        pane_put(d, row++, 0, theme_attr(ROLE_HEADER), "What to look for");
        pane_wrap(d, row, 0, budget - row, theme_attr(ROLE_NORMAL), m->look);
    }
}

void picker_draw(Picker *p, int rows, int cols)
{
    Pane top = pane_make(0, 0, 1, cols);
    pane_fill(&top, 0, 0, cols, theme_attr(ROLE_STATUS));
    pane_printf(&top, 0, 1, theme_attr(ROLE_STATUS_ACCENT), "interleave");
    pane_printf(&top, 0, 12, theme_attr(ROLE_STATUS), "%s  %d scenario%s: Go programs on a simulated "
                "multi-core machine", theme_glyph(GLYPH_VLINE), p->n, p->n == 1 ? "" : "s");

    int lw = cols * 42 / 100;
    if (lw > 56) lw = 56;
    int h = rows - 4;
    Pane list = pane_make(2, 0, h, lw);
    Pane det = pane_make(2, lw + 3, h, cols - lw - 4);
    screen_vline(2, lw + 1, h);

    if (nrows(p) == 0) {
        pane_put(&list, 0, 2, theme_attr(ROLE_DIM), "no built-in scenarios");
    } else {
        int vis = h - 3;
        if (p->sel < p->top) p->top = p->sel;
        if (p->sel >= p->top + vis) p->top = p->sel - vis + 1;
        for (int r = 0; r < vis && p->top + r < nrows(p); r++) {
            int row = p->top + r;
            bool sel = row == p->sel;
            attr_t a = sel ? theme_attr(ROLE_SELECTED) : theme_attr(ROLE_NORMAL);
            if (sel) pane_fill(&list, r, 0, lw, a);
            if (sel) pane_put(&list, r, 0, a, theme_glyph(GLYPH_MARKER));
            if (own_row(p, row)) {             /* "    your file: mine.go" */
                const char *base = strrchr(p->own, '/');
                pane_put(&list, r, 2, sel ? a : theme_attr(ROLE_DIM), "    ");
                pane_printf(&list, r, 6, a | A_BOLD, "your file: %s", base ? base + 1 : p->own);
                continue;
            }
            int i = builtin_of(p, row);
            /* " 4. Deadlock: printSum": the lesson's number and its title;
             * the file name is in the details. */
            char num[8] = "    ";
            if (p->metas[i].lesson) snprintf(num, sizeof num, "%2d. ", p->metas[i].lesson);
            pane_put(&list, r, 2, sel ? a : theme_attr(ROLE_DIM), num);
            pane_put_trunc(&list, r, 6, lw - 7, a | A_BOLD, p->metas[i].title);
        }
        draw_details(&det, p);
    }
    pane_put_trunc(&list, h - 2, 2, lw - 2, theme_attr(ROLE_DIM), "your own program:");
    pane_put_trunc(&list, h - 1, 2, lw - 2, theme_attr(ROLE_DIM), "  interleave path/to/file.go");

    Pane msg = pane_make(rows - 2, 0, 1, cols);
    if (p->message[0]) pane_put_trunc(&msg, 0, 1, cols - 2, theme_attr(ROLE_ERROR), p->message);
    Pane keys = pane_make(rows - 1, 0, 1, cols);
    view_keybar_draw(&keys, CTX_PICKER, false);
}
