/* view_notes.c — the scenario's own words, from its header comment
 * (scenario_meta), as an overlay a lecturer brings up with one key: page 1
 * the summary and the lecture notes, page 2 (n again) what to look for and
 * the beats, numbered, each with its caption.  Any other key closes it.
 * Two pages, so that the notes fit an 80x24 terminal as well. */
#include <stdio.h>
#include <string.h>

#include "views.h"

void view_notes_draw(int rows, int cols, const ScenarioMeta *meta, const char *filename, int page)
{
    int w = cols - 8 < 96 ? cols - 8 : 96;
    int iw = w - 4, need = 1;
    bool second = meta->look[0] || meta->nbeats;
    bool empty = !meta->summary[0] && !meta->notes[0] && !second;
    if (page == 2 && !second) page = 1;
    if (page == 1) {
        if (meta->summary[0]) need += wrap_rows(meta->summary, iw) + 1;
        if (meta->notes[0]) need += 1 + wrap_rows(meta->notes, iw) + 1;
        if (empty) need += 4;
    } else {
        if (meta->look[0]) need += 1 + wrap_rows(meta->look, iw) + 1;
        if (meta->nbeats) need += 1 + meta->nbeats * 2;
    }
    int h = need + 1 + 2;
    if (h > rows - 2) h = rows - 2;
    char title[160];
    snprintf(title, sizeof title, "%s  (%s)", meta->title[0] ? meta->title : filename, filename);
    Pane in = draw_dialog(rows, cols, h, w, title);
    int row = 1;
    int budget = in.h - 2;
    if (page == 1) {
        if (meta->summary[0]) {
            row += pane_wrap(&in, row, 0, budget - row, theme_attr(ROLE_EVENT), meta->summary);
            row++;
        }
        if (meta->notes[0] && row < budget) {
            pane_put(&in, row++, 0, theme_attr(ROLE_TITLE), "Notes");
            row += pane_wrap(&in, row, 0, budget - row, theme_attr(ROLE_NORMAL), meta->notes);
        }
        if (empty)
            pane_wrap(&in, row, 0, budget - row, theme_attr(ROLE_DIM),
                      "This file has no header notes. A scenario's header is a run of comment "
                      "lines before the package clause: // title: ..., // summary: ..., "
                      "// notes: ..., // look: ..., // beat: ..., // cores: 2, // policy: go, "
                      "// time slice: 200ns (scenarios/README.md).");
    } else {
        if (meta->look[0] && row < budget) {
            pane_put(&in, row++, 0, theme_attr(ROLE_TITLE), "What to look for");
            row += pane_wrap(&in, row, 0, budget - row, theme_attr(ROLE_NORMAL), meta->look);
            row++;
        }
        if (meta->nbeats && row < budget) {
            pane_put(&in, row++, 0, theme_attr(ROLE_TITLE), "Beats (. goes from one to the next)");
            for (int i = 0; i < meta->nbeats && row < budget; i++) {
                int x = pane_printf(&in, row, 0, theme_attr(ROLE_KEY), "%2d ", i + 1);
                Pane cap = pane_make(in.y, in.x + x, in.h, in.w - x);
                row += pane_wrap(&cap, row, 0, budget - row, theme_attr(ROLE_NORMAL), meta->beats[i].caption);
            }
        }
    }
    pane_put(&in, in.h - 1, 0, theme_attr(ROLE_DIM),
             page == 1 && second ? "n: what to look for and the beats; any other key closes"
                                 : "any key closes the notes");
}
