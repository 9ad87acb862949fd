/* view_diag.c — a program that does not compile, shown where the live view
 * would be, in the compiler's own shape:
 *
 *   bad.go:7:2: error: undefined: x
 *       	x++
 *       	^
 *
 * The caret lines up under the column even when the line has tabs, because
 * the source line and the caret prefix are drawn with the same tab stops. */
#include <stdio.h>
#include <string.h>

#include "views.h"

void view_diag_draw(const Pane *p, const Program *prog)
{
    char title[200];
    snprintf(title, sizeof title, "%s does not compile", prog->filename);
    pane_rule(p, 0, title, NULL);
    int row = 2;
    for (int i = 0; i < prog->ndiags && row + 2 < p->h; i++) {
        const Diagnostic *d = &prog->diags[i];
        pane_printf(p, row, 1, theme_attr(ROLE_ERROR) | A_BOLD, "%s:%d:%d: error: %s",
                    prog->filename, d->line, d->col, d->msg);
        row++;
        int len = 0;
        const char *text = program_line_text(prog, d->line, &len);
        pane_putn(p, row, 5, theme_attr(ROLE_NORMAL), text, len);
        row++;
        /* The caret: the line's own prefix with every non-tab made a space. */
        char prefix[512];
        int n = 0;
        for (int k = 0; k < d->col - 1 && k < len && n < (int)sizeof prefix - 1; k++)
            prefix[n++] = text[k] == '\t' ? '\t' : ' ';
        prefix[n] = '\0';
        int x = 5 + pane_put(p, row, 5, A_NORMAL, prefix);
        pane_put(p, row, x, theme_attr(ROLE_ERROR) | A_BOLD, "^");
        row += 2;
    }
    if (row < p->h)
        pane_put(p, row, 1, theme_attr(ROLE_NOTICE),
                 "Fix the file and press r to reload it; Esc opens the scenario list; q quits.");
}
