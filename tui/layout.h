/* layout.h — where things go on the screen, and drawing clipped to a pane.
 *
 * A Pane is a rectangle of stdscr.  Views draw only through the pane_*
 * helpers, which clip to the pane (by display columns, so UTF-8 and wide
 * characters are safe) and fall back to ASCII when the theme says so.  The
 * live screen's geometry is computed in one place, live_layout(), from the
 * terminal size and the machine's shape (ncdu's central ncresize).
 */
#ifndef INTERLEAVE_LAYOUT_H
#define INTERLEAVE_LAYOUT_H

#include <stdbool.h>
#include <curses.h>
#include "theme.h"

#define MIN_COLS 80
#define MIN_ROWS 24

typedef struct Pane { int y, x, h, w; } Pane;

Pane pane_make(int y, int x, int h, int w);
/* Text at (row, col) of the pane, clipped to its width; returns the columns
 * written.  Tabs become spaces to the next multiple of 4 (Go source). */
int pane_put(const Pane *p, int row, int col, attr_t a, const char *s);
int pane_putn(const Pane *p, int row, int col, attr_t a, const char *s, int nbytes);
int pane_printf(const Pane *p, int row, int col, attr_t a, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Like pane_put, but ending in an ellipsis when it does not fit in maxw. */
int pane_put_trunc(const Pane *p, int row, int col, int maxw, attr_t a, const char *s);
/* Right-aligned so the text ends at column `end` (exclusive). */
int pane_put_right(const Pane *p, int row, int end, attr_t a, const char *s);
void pane_fill(const Pane *p, int row, int col, int n, attr_t a);
void pane_fill_rect(const Pane *p, attr_t a);
/* "── Title ─── right ──" across the pane's row. */
void pane_rule(const Pane *p, int row, const char *title, const char *right);
/* Word-wrap text into rows [row, row + maxrows); returns the rows used. */
int pane_wrap(const Pane *p, int row, int col, int maxrows, attr_t a, const char *text);
/* How many rows pane_wrap would take for text in `width` columns. */
int wrap_rows(const char *text, int width);
/* A vertical line at screen column x from row y, h rows. */
void screen_vline(int y, int x, int h);
/* Display width of a UTF-8 string (tabs count as 4). */
int text_width(const char *s);
/* "terminal too small (need 80x24, have WxH)", centred. */
void draw_too_small(int rows, int cols);
/* A centred box for an overlay, cleared, with a title; returns the inside. */
Pane draw_dialog(int rows, int cols, int h, int w, const char *title);

/* The live screen. */
typedef struct LiveLayout {
    Pane timeline, code, gor, locks, memory, output;   /* memory.h 0: no room */
    Pane event, notice, status, keybar;
    int split_x;            /* the vertical rule between code and tables    */
    int mid_y, mid_h;
} LiveLayout;

/* ncores lanes, and at most ngs goroutine rows, nlocks lock rows and nmem
 * shared-variable rows wanted (the Memory pane gets what the others leave,
 * up to that, when there are any). */
void live_layout(int rows, int cols, int ncores, int ngs, int nlocks, int nmem, LiveLayout *out);

#endif
