/* view_survey.c — the outcomes overlay (`o`): the open program over many
 * seeds and core counts, as `interleave survey` prints it.
 *
 *   ┌ Outcomes ─────────────────────────────────────────────────────┐
 *   │ race.go, seeds 1..100 on 1, 2, 4 cores: 300 runs             │
 *   │  count  share  exit  output                       witness     │
 *   │▶   255  85.0%     0  the value is 0.              seed 1, 1 c  │
 *   │     45  15.0%     0  (nothing printed)            seed 2, 4 c  │
 *   │ Enter replays the selected outcome's witness; Esc closes      │
 *   └───────────────────────────────────────────────────────────────┘
 */
#include <stdio.h>

#include "survey.h"
#include "views.h"

void view_survey_draw(int rows, int cols, const Survey *s, int state, int sel, const char *title,
                      int elapsed_s)
{
    int n = 0;
    const SurveyOutcome *oc = state == 1 ? survey_outcomes(s, &n) : NULL;
    int w = cols - 8 < 96 ? cols - 8 : 96;
    int h = n + 6;
    if (h < 7) h = 7;
    if (h > rows - 2) h = rows - 2;
    Pane in = draw_dialog(rows, cols, h, w, "Outcomes");
    pane_put_trunc(&in, 0, 0, in.w, theme_attr(ROLE_TITLE), title);
    if (state == 0) {
        pane_printf(&in, 2, 0, theme_attr(ROLE_NORMAL), "running %ld runs in the background (%ds) %s",
                    survey_runs(s), elapsed_s, theme_glyph(GLYPH_DOT));
        pane_put(&in, in.h - 1, 0, theme_attr(ROLE_DIM), "Esc closes (the survey goes on; o shows it again)");
        return;
    }
    if (state < 0) {
        pane_put(&in, 2, 0, theme_attr(ROLE_ERROR), "a survey worker failed");
        pane_put(&in, in.h - 1, 0, theme_attr(ROLE_DIM), "any key closes this");
        return;
    }
    int ow = in.w - 44;
    if (ow < 10) ow = 10;
    pane_printf(&in, 1, 0, theme_attr(ROLE_HEADER), "  count  share  exit  %-*s  witness", ow, "output");
    int top = sel >= in.h - 3 ? sel - (in.h - 3) + 1 : 0;
    for (int k = top, row = 2; k < n && row < in.h - 1; k++, row++) {
        char cell[512];
        survey_output_text(&oc[k], ow, cell, sizeof cell);
        attr_t a = k == sel ? theme_attr(ROLE_SELECTED) : theme_attr(ROLE_NORMAL);
        if (k == sel) pane_fill(&in, row, 0, in.w, a);
        int x = pane_printf(&in, row, 0, a, "%s%6d %5.1f%%  %4d  ", k == sel ? theme_glyph(GLYPH_MARKER) : " ",
                            oc[k].count, 100.0 * oc[k].count / (double)survey_runs(s), oc[k].status);
        pane_put_trunc(&in, row, x, ow, a, cell);
        pane_printf(&in, row, x + ow + 2, a, "seed %llu, %d core%s", (unsigned long long)oc[k].seed,
                    oc[k].cores, oc[k].cores == 1 ? "" : "s");
    }
    pane_put_trunc(&in, in.h - 1, 0, in.w, theme_attr(ROLE_DIM),
                   "Up/Down choose, Enter replays its witness from frame 0, Esc closes");
}
