/* view_prompt.c — the one-line prompt on the bottom row.
 *
 *   : 1.5ms▌   a frame (1234) or a virtual time (1.5ms, 200us, 2s) · Enter goes · Esc cancels
 *
 * The label and what was typed, a block for the cursor (the terminal's own
 * cursor stays hidden), then the hint, dim, as far as it fits.
 */
#include "prompt.h"
#include "views.h"

void view_prompt_draw(const Pane *p, const Prompt *pr)
{
    pane_fill(p, 0, 0, p->w, theme_attr(ROLE_NORMAL));
    int x = pane_put(p, 0, 0, theme_attr(ROLE_KEY), pr->label);
    x += pane_put(p, 0, x, theme_attr(ROLE_NORMAL), " ");
    x += pane_put(p, 0, x, theme_attr(ROLE_EVENT), pr->text);
    x += pane_put(p, 0, x, theme_attr(ROLE_SELECTED), " ");
    if (pr->hint) pane_put_trunc(p, 0, x + 3, p->w - x - 3, theme_attr(ROLE_DIM), pr->hint);
}
