/* theme.h — colour roles, themes as data, the goroutine palette, glyphs.
 *
 * Views name what a cell means (ROLE_LOCK_HELD), never a colour number (htop's
 * ColorElements).  A theme maps every role to a 256-colour style, an 8-colour
 * style and an attributes-only style; theme_apply() picks the column for the
 * terminal's colour tier and initialises the curses pairs.  Each goroutine
 * has a stable colour from a palette indexed by its id.
 */
#ifndef INTERLEAVE_THEME_H
#define INTERLEAVE_THEME_H

#include <stdbool.h>
#include <curses.h>
#include "term.h"

typedef enum Role {
    ROLE_NORMAL,
    ROLE_DIM,           /* secondary text, idle frames                        */
    ROLE_TITLE,         /* panel titles                                       */
    ROLE_BORDER,        /* rules and separators                               */
    ROLE_HEADER,        /* table column headers                               */
    ROLE_STATUS,        /* the status bar                                     */
    ROLE_STATUS_ACCENT, /* playing/paused, the frame number in the status bar */
    ROLE_KEY,           /* a key's name in the key bar and help               */
    ROLE_KEYDESC,       /* what the key does, in the key bar                  */
    ROLE_LINENO,
    ROLE_CODE_CURRENT,  /* a source line some goroutine is on                 */
    ROLE_KEYWORD,
    ROLE_STRING,
    ROLE_COMMENT,
    ROLE_INSTR,         /* disassembled instruction                           */
    ROLE_EVENT,         /* "what happened this frame"                         */
    ROLE_NOTICE,        /* hints and end-of-run messages                      */
    ROLE_DEADLOCK,      /* the deadlock banner                                */
    ROLE_CYCLE,         /* goroutines and locks in a wait-for cycle           */
    ROLE_ERROR,         /* stderr, compile errors                             */
    ROLE_OK,            /* a clean exit                                       */
    ROLE_LOCK_HELD,
    ROLE_LOCK_FREE,
    ROLE_RUNNING,
    ROLE_RUNNABLE,
    ROLE_BLOCKED,
    ROLE_SLEEPING,
    ROLE_DONE,
    ROLE_SELECTED,      /* a cursor: the picker's, the code's line            */
    ROLE_FRAME_MARK,    /* the current frame in the timeline ruler            */
    ROLE_BREAKPOINT,    /* a breakpoint's mark on its line of code            */
    ROLE_COUNT
} Role;

typedef enum ThemeId { THEME_DARK, THEME_LIGHT, THEME_MONO, THEME_PROJECTOR, THEME_COUNT } ThemeId;

typedef enum Glyph {
    GLYPH_HLINE, GLYPH_VLINE, GLYPH_MARKER, GLYPH_IDLE, GLYPH_LEFT, GLYPH_RIGHT,
    GLYPH_UP, GLYPH_DOWN, GLYPH_CYCLE, GLYPH_ELLIPSIS, GLYPH_DOT, GLYPH_PAUSE,
    GLYPH_STOP, GLYPH_FRAME, GLYPH_TEE_DOWN, GLYPH_TEE_RIGHT, GLYPH_BREAKPOINT, GLYPH_COUNT
} Glyph;

/* Set up theme `id` for a terminal of colour tier `tier` (init_pair calls
 * need a running curses screen with colours started when tier != TIER_NONE). */
void theme_apply(ThemeId id, ColorTier tier, bool ascii);
ThemeId theme_current(void);
const char *theme_name(ThemeId id);
/* "dark", "light", "mono", "projector"; -1 unknown. */
int theme_parse(const char *name);

attr_t theme_attr(Role r);
/* Goroutine g's colour as text (gutter markers, ids in tables)... */
attr_t theme_g_text(int g);
/* ... and as a filled cell (timeline lanes). */
attr_t theme_g_cell(int g);

const char *theme_glyph(Glyph g);
bool theme_ascii(void);

#endif
