/* term.h — the one module that owns the terminal.
 *
 * term_init() takes the terminal over (curses screen, cbreak, no echo, keypad,
 * non-blocking reads, colours); term_fini() gives it back.  Every other way out
 * restores it too: an atexit hook, and a crash handler for SIGSEGV, SIGABRT,
 * SIGBUS, SIGFPE and SIGILL that does only async-signal-safe work (htop's
 * CRT_done-first crash handler).  fd 0's file status flags are saved before
 * anything (libuv's uv_poll_init sets O_NONBLOCK) and put back on every path.
 */
#ifndef INTERLEAVE_TERM_H
#define INTERLEAVE_TERM_H

#include <stdbool.h>

typedef enum ColorTier {
    TIER_NONE,      /* attributes only: TERM=vt100, NO_COLOR, or no colours   */
    TIER_8,         /* the eight ANSI colours (TERM=xterm)                    */
    TIER_256        /* the xterm 256-colour palette                           */
} ColorTier;

typedef struct TermInfo {
    ColorTier tier;
    bool ascii;     /* the locale is not UTF-8 (or INTERLEAVE_ASCII is set):
                       draw with ASCII only                                    */
} TermInfo;

/* Take the terminal over.  Returns 0, or -1 with a message in err when fd 0/1
 * are not a terminal or TERM is unknown (the terminal is then untouched). */
int term_init(TermInfo *out, char *err, unsigned errn);
/* Give the terminal back: endwin, free the screen, restore fd 0's flags.
 * Safe to call twice and when term_init failed. */
void term_fini(void);
bool term_active(void);

/* Ask the kernel for the window size and tell curses (SIGWINCH handling). */
void term_resize(void);
/* Force a full repaint on the next doupdate (Ctrl-L). */
void term_repaint(void);

/* What the environment asks for, without touching the terminal (for tests):
 * the colour tier for a curses screen already started, and whether the
 * current locale is UTF-8. */
ColorTier term_pick_tier(void);
bool term_locale_is_utf8(void);

#endif
