/* view_notes.c — the scenario's own words: summary, lecture notes, and what
 * to look for, from its header comment (scenario_meta), as an overlay a
 * lecturer can bring up with one key and dismiss with any other. */
#include <stdio.h>
#include <string.h>

#include "views.h"

void view_notes_draw(int rows, int cols, const ScenarioMeta *meta, const char *filename)
{
    int w = cols - 8 < 96 ? cols - 8 : 96;
    int iw = w - 4, need = 1;
    if (meta->summary[0]) need += wrap_rows(meta->summary, iw) + 1;
    if (meta->notes[0]) need += 1 + wrap_rows(meta->notes, iw) + 1;
    if (meta->look[0]) need += 1 + wrap_rows(meta->look, iw) + 1;
    if (!meta->summary[0] && !meta->notes[0] && !meta->look[0]) need += 4;
    int h = need + 1 + 2;
    if (h > rows - 2) h = rows - 2;
    char title[160];
    snprintf(title, sizeof title, "%s  (%s)", meta->title[0] ? meta->title : filename, filename);
    Pane in = draw_dialog(rows, cols, h, w, title);
    int row = 1;
    int budget = in.h - 2;
    if (meta->summary[0]) {
        row += pane_wrap(&in, row, 0, budget - row, theme_attr(ROLE_EVENT), meta->summary);
        row++;
    }
    if (meta->notes[0] && row < budget) {
        pane_put(&in, row++, 0, theme_attr(ROLE_TITLE), "Notes");
        row += pane_wrap(&in, row, 0, budget - row, theme_attr(ROLE_NORMAL), meta->notes);
        row++;
    }
    if (meta->look[0] && row < budget) {
        pane_put(&in, row++, 0, theme_attr(ROLE_TITLE), "What to look for");
        row += pane_wrap(&in, row, 0, budget - row, theme_attr(ROLE_NORMAL), meta->look);
        row++;
    }
    if (!meta->summary[0] && !meta->notes[0] && !meta->look[0])
        pane_wrap(&in, row, 0, budget - row, theme_attr(ROLE_DIM),
                  "This file has no header notes. A scenario's header is a run of comment "
                  "lines before the package clause: // title: ..., // summary: ..., "
                  "// notes: ..., // look: ..., // cores: 2, // policy: go, // time slice: 200ns.");
    pane_put(&in, in.h - 1, 0, theme_attr(ROLE_DIM), "any key closes the notes");
}
