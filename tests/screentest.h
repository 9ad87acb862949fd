/* screentest.h — a headless curses screen for the TUI's unit tests.
 *
 * No terminal is needed: curses runs on /dev/null (newterm) at a fixed size,
 * the screens draw into stdscr, and mvinnwstr reads the cells back as text
 * (TERMINAL.md's recipe).  Include after cmocka.h.
 */
#ifndef INTERLEAVE_SCREENTEST_H
#define INTERLEAVE_SCREENTEST_H

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "term.h"
#include "theme.h"

static SCREEN *scr;
static FILE *fout, *fin;

static inline void screen_start(int rows, int cols, ThemeId theme, bool ascii)
{
    char r[16], c[16];
    snprintf(r, sizeof r, "%d", rows);
    snprintf(c, sizeof c, "%d", cols);
    setenv("LINES", r, 1);
    setenv("COLUMNS", c, 1);
    fout = fopen("/dev/null", "w");
    fin = fopen("/dev/null", "r");
    scr = newterm("xterm-256color", fout, fin);
    assert_non_null(scr);
    set_term(scr);
    theme_apply(theme, term_pick_tier(), ascii);
    erase();
}

static inline void screen_stop(void)
{
    endwin();
    delscreen(scr);
    fclose(fout);
    fclose(fin);
    scr = NULL;
}

/* Row y of the screen as UTF-8. */
static inline void row_text(int y, char *out, size_t n)
{
    wchar_t w[512];
    int got = mvinnwstr(y, 0, w, COLS < 511 ? COLS : 511);
    if (got < 0) got = 0;
    w[got] = 0;
    size_t k = wcstombs(out, w, n - 1);
    if (k == (size_t)-1) k = 0;
    out[k] = '\0';
}

/* The screen's row holding `text`, -1 none. */
static inline int screen_find(const char *text)
{
    char row[2048];
    for (int y = 0; y < LINES; y++) {
        row_text(y, row, sizeof row);
        if (strstr(row, text)) return y;
    }
    return -1;
}

#endif
