/* theme.c — the themes as tables, and the role → attribute cache (see theme.h).
 *
 * A row gives a role's look three times: on a 256-colour terminal (xterm
 * palette numbers), on an 8-colour one (COLOR_*), and with attributes alone
 * (TERM=vt100, NO_COLOR, or the mono theme).  -1 is the theme's own paper
 * (background) or ink (text): each colour theme paints its background, so
 * it reads the same on a light terminal and on a dark one; without colour
 * the terminal's own colours stay.
 */
#include "theme.h"

#include <string.h>

typedef struct RoleStyle {
    short fg, bg; attr_t attr;      /* 256 colours   */
    short fg8, bg8; attr_t attr8;   /* 8 colours     */
    attr_t mono;                    /* no colour     */
} RoleStyle;

/* One goroutine colour: as text, and as a cell's background with its label. */
typedef struct GStyle {
    short text, cell_fg, cell_bg;   /* 256 colours   */
    short text8, cell_fg8, cell_bg8;
} GStyle;

#define GPAL 12

typedef struct Theme {
    const char *name;
    attr_t text_extra;              /* added to every goroutine text attr     */
    /* The theme's own paper and ink, used wherever a row says -1: a theme
     * paints its background, so a dark theme stays readable on a terminal
     * set to black on white, and a light one on white on black. */
    short paper, ink, paper8, ink8;
    RoleStyle roles[ROLE_COUNT];
    GStyle g[GPAL];
} Theme;

#define B A_BOLD
#define D A_DIM
#define U A_UNDERLINE
#define RV A_REVERSE
#define N A_NORMAL
#define BLACK COLOR_BLACK
#define RED COLOR_RED
#define GREEN COLOR_GREEN
#define YELLOW COLOR_YELLOW
#define BLUE COLOR_BLUE
#define MAGENTA COLOR_MAGENTA
#define CYAN COLOR_CYAN
#define WHITE COLOR_WHITE

/* The 8-colour goroutine palette is shared: six hues, label in black or white. */
#define G8_CYAN    CYAN, BLACK, CYAN
#define G8_YELLOW  YELLOW, BLACK, YELLOW
#define G8_GREEN   GREEN, BLACK, GREEN
#define G8_MAGENTA MAGENTA, BLACK, MAGENTA
#define G8_BLUE    BLUE, WHITE, BLUE
#define G8_RED     RED, WHITE, RED

static const Theme themes[THEME_COUNT] = {
    [THEME_DARK] = { "dark", N, 234, 252, BLACK, WHITE, {
        /*                    256: fg   bg  attr     8: fg      bg     attr    mono */
        [ROLE_NORMAL]        = { -1,  -1, N,       -1,     -1,    N,      N },
        [ROLE_DIM]           = { 244, -1, N,       -1,     -1,    D,      D },
        [ROLE_TITLE]         = { 75,  -1, B,       CYAN,   -1,    B,      B },
        [ROLE_BORDER]        = { 240, -1, N,       BLUE,   -1,    N,      N },
        [ROLE_HEADER]        = { 250, -1, U,       -1,     -1,    U,      U },
        [ROLE_STATUS]        = { 255, 24, N,       WHITE,  BLUE,  N,      RV },
        [ROLE_STATUS_ACCENT] = { 226, 24, B,       YELLOW, BLUE,  B,      RV | B },
        [ROLE_KEY]           = { 255, -1, B,       WHITE,  -1,    B,      B },
        [ROLE_KEYDESC]       = { 16,  74, N,       BLACK,  CYAN,  N,      RV },
        [ROLE_LINENO]        = { 242, -1, N,       -1,     -1,    D,      D },
        [ROLE_CODE_CURRENT]  = { 255, 236, B,      WHITE,  -1,    B,      B },
        [ROLE_KEYWORD]       = { 176, -1, N,       MAGENTA, -1,   N,      B },
        [ROLE_STRING]        = { 150, -1, N,       GREEN,  -1,    N,      N },
        [ROLE_COMMENT]       = { 244, -1, N,       -1,     -1,    D,      D },
        [ROLE_INSTR]         = { 180, -1, N,       YELLOW, -1,    N,      D },
        [ROLE_EVENT]         = { 230, -1, B,       -1,     -1,    B,      B },
        [ROLE_NOTICE]        = { 117, -1, N,       CYAN,   -1,    N,      N },
        [ROLE_DEADLOCK]      = { 231, 160, B,      WHITE,  RED,   B,      RV | B },
        [ROLE_CYCLE]         = { 203, -1, B,       RED,    -1,    B,      B | U },
        [ROLE_ERROR]         = { 203, -1, N,       RED,    -1,    N,      B },
        [ROLE_OK]            = { 114, -1, B,       GREEN,  -1,    B,      B },
        [ROLE_LOCK_HELD]     = { 215, -1, B,       YELLOW, -1,    B,      B },
        [ROLE_LOCK_FREE]     = { 114, -1, N,       GREEN,  -1,    N,      N },
        [ROLE_RUNNING]       = { 114, -1, B,       GREEN,  -1,    B,      B },
        [ROLE_RUNNABLE]      = { 229, -1, N,       YELLOW, -1,    N,      N },
        [ROLE_BLOCKED]       = { 203, -1, N,       RED,    -1,    N,      U },
        [ROLE_SLEEPING]      = { 117, -1, N,       CYAN,   -1,    N,      D },
        [ROLE_DONE]          = { 242, -1, N,       -1,     -1,    D,      D },
        [ROLE_SELECTED]      = { 16,  75, B,       BLACK,  CYAN,  N,      RV },
        [ROLE_FRAME_MARK]    = { 226, -1, B,       YELLOW, -1,    B,      B | RV },
        [ROLE_BREAKPOINT]    = { 196, -1, B,       RED,    -1,    B,      B },
    }, {
        { 81, 16, 81, G8_CYAN },   { 215, 16, 215, G8_YELLOW }, { 114, 16, 114, G8_GREEN },
        { 213, 16, 213, G8_MAGENTA }, { 111, 16, 111, G8_BLUE }, { 210, 16, 210, G8_RED },
        { 229, 16, 229, G8_YELLOW }, { 158, 16, 158, G8_GREEN }, { 183, 16, 183, G8_MAGENTA },
        { 44, 16, 44, G8_CYAN },   { 178, 16, 178, G8_YELLOW }, { 167, 16, 167, G8_RED },
    } },
    [THEME_LIGHT] = { "light", N, 231, 235, WHITE, BLACK, {
        [ROLE_NORMAL]        = { -1,  -1, N,       -1,     -1,    N,      N },
        [ROLE_DIM]           = { 245, -1, N,       -1,     -1,    D,      D },
        [ROLE_TITLE]         = { 25,  -1, B,       BLUE,   -1,    B,      B },
        [ROLE_BORDER]        = { 248, -1, N,       BLUE,   -1,    N,      N },
        [ROLE_HEADER]        = { 238, -1, U,       -1,     -1,    U,      U },
        [ROLE_STATUS]        = { 16, 153, N,       BLACK,  CYAN,  N,      RV },
        [ROLE_STATUS_ACCENT] = { 88, 153, B,       RED,    CYAN,  B,      RV | B },
        [ROLE_KEY]           = { 16,  -1, B,       BLACK,  -1,    B,      B },
        [ROLE_KEYDESC]       = { 16, 153, N,       BLACK,  CYAN,  N,      RV },
        [ROLE_LINENO]        = { 246, -1, N,       -1,     -1,    D,      D },
        [ROLE_CODE_CURRENT]  = { 16, 230, B,       BLACK,  -1,    B,      B },
        [ROLE_KEYWORD]       = { 90,  -1, B,       MAGENTA, -1,   N,      B },
        [ROLE_STRING]        = { 28,  -1, N,       GREEN,  -1,    N,      N },
        [ROLE_COMMENT]       = { 244, -1, N,       -1,     -1,    D,      D },
        [ROLE_INSTR]         = { 94,  -1, N,       YELLOW, -1,    N,      D },
        [ROLE_EVENT]         = { 16,  -1, B,       -1,     -1,    B,      B },
        [ROLE_NOTICE]        = { 25,  -1, N,       BLUE,   -1,    N,      N },
        [ROLE_DEADLOCK]      = { 231, 160, B,      WHITE,  RED,   B,      RV | B },
        [ROLE_CYCLE]         = { 160, -1, B,       RED,    -1,    B,      B | U },
        [ROLE_ERROR]         = { 160, -1, N,       RED,    -1,    N,      B },
        [ROLE_OK]            = { 28,  -1, B,       GREEN,  -1,    B,      B },
        [ROLE_LOCK_HELD]     = { 130, -1, B,       YELLOW, -1,    B,      B },
        [ROLE_LOCK_FREE]     = { 28,  -1, N,       GREEN,  -1,    N,      N },
        [ROLE_RUNNING]       = { 28,  -1, B,       GREEN,  -1,    B,      B },
        [ROLE_RUNNABLE]      = { 130, -1, N,       YELLOW, -1,    N,      N },
        [ROLE_BLOCKED]       = { 160, -1, N,       RED,    -1,    N,      U },
        [ROLE_SLEEPING]      = { 25,  -1, N,       BLUE,   -1,    N,      D },
        [ROLE_DONE]          = { 246, -1, N,       -1,     -1,    D,      D },
        [ROLE_SELECTED]      = { 231, 25, B,       WHITE,  BLUE,  N,      RV },
        [ROLE_FRAME_MARK]    = { 160, -1, B,       RED,    -1,    B,      B | RV },
        [ROLE_BREAKPOINT]    = { 160, -1, B,       RED,    -1,    B,      B },
    }, {
        { 25, 16, 117, G8_BLUE },  { 130, 16, 215, G8_YELLOW }, { 28, 16, 120, G8_GREEN },
        { 90, 16, 219, G8_MAGENTA }, { 31, 16, 159, G8_CYAN }, { 124, 16, 210, G8_RED },
        { 94, 16, 229, G8_YELLOW }, { 22, 16, 157, G8_GREEN }, { 55, 16, 183, G8_MAGENTA },
        { 24, 16, 153, G8_BLUE },  { 136, 16, 222, G8_YELLOW }, { 88, 16, 217, G8_RED },
    } },
    /* Attributes only, whatever the terminal can do. */
    [THEME_MONO] = { "mono", N, -1, -1, -1, -1, { { 0 } }, { { 0 } } },
    /* High contrast for a projector: heavy text, saturated fills, white on
     * dark cells, nothing grey that a washed-out beamer would lose. */
    [THEME_PROJECTOR] = { "projector", B, 16, 231, BLACK, WHITE, {
        [ROLE_NORMAL]        = { 231, -1, B,       WHITE,  -1,    B,      B },
        [ROLE_DIM]           = { 250, -1, N,       WHITE,  -1,    N,      N },
        [ROLE_TITLE]         = { 226, -1, B,       YELLOW, -1,    B,      B | U },
        [ROLE_BORDER]        = { 250, -1, N,       WHITE,  -1,    N,      N },
        [ROLE_HEADER]        = { 231, -1, B | U,   WHITE,  -1,    B | U,  B | U },
        [ROLE_STATUS]        = { 16, 226, B,       BLACK,  YELLOW, N,     RV | B },
        [ROLE_STATUS_ACCENT] = { 16, 226, B | U,   BLACK,  YELLOW, B | U, RV | B | U },
        [ROLE_KEY]           = { 226, -1, B,       YELLOW, -1,    B,      B },
        [ROLE_KEYDESC]       = { 16, 231, B,       BLACK,  WHITE, N,      RV },
        [ROLE_LINENO]        = { 250, -1, N,       WHITE,  -1,    N,      N },
        [ROLE_CODE_CURRENT]  = { 16, 231, B,       BLACK,  WHITE, N,      RV | B },
        [ROLE_KEYWORD]       = { 207, -1, B,       MAGENTA, -1,   B,      B | U },
        [ROLE_STRING]        = { 46,  -1, B,       GREEN,  -1,    B,      B },
        [ROLE_COMMENT]       = { 250, -1, N,       WHITE,  -1,    N,      N },
        [ROLE_INSTR]         = { 214, -1, B,       YELLOW, -1,    B,      B },
        [ROLE_EVENT]         = { 231, -1, B,       WHITE,  -1,    B,      B },
        [ROLE_NOTICE]        = { 51,  -1, B,       CYAN,   -1,    B,      B },
        [ROLE_DEADLOCK]      = { 231, 196, B,      WHITE,  RED,   B,      RV | B },
        [ROLE_CYCLE]         = { 196, -1, B | U,   RED,    -1,    B | U,  B | U },
        [ROLE_ERROR]         = { 196, -1, B,       RED,    -1,    B,      B },
        [ROLE_OK]            = { 46,  -1, B,       GREEN,  -1,    B,      B },
        [ROLE_LOCK_HELD]     = { 214, -1, B,       YELLOW, -1,    B,      B },
        [ROLE_LOCK_FREE]     = { 46,  -1, B,       GREEN,  -1,    B,      B },
        [ROLE_RUNNING]       = { 46,  -1, B,       GREEN,  -1,    B,      B },
        [ROLE_RUNNABLE]      = { 226, -1, B,       YELLOW, -1,    B,      B },
        [ROLE_BLOCKED]       = { 196, -1, B,       RED,    -1,    B,      B | U },
        [ROLE_SLEEPING]      = { 51,  -1, B,       CYAN,   -1,    B,      B },
        [ROLE_DONE]          = { 250, -1, N,       WHITE,  -1,    N,      N },
        [ROLE_SELECTED]      = { 16, 226, B,       BLACK,  YELLOW, B,     RV | B },
        [ROLE_FRAME_MARK]    = { 226, -1, B,       YELLOW, -1,    B,      B | RV },
        [ROLE_BREAKPOINT]    = { 196, -1, B,       RED,    -1,    B,      B },
    }, {
        { 51, 231, 21, G8_BLUE },   { 214, 16, 214, G8_YELLOW }, { 46, 16, 46, G8_GREEN },
        { 207, 231, 127, G8_MAGENTA }, { 196, 231, 160, G8_RED }, { 51, 16, 51, G8_CYAN },
        { 226, 16, 226, G8_YELLOW }, { 118, 16, 118, G8_GREEN }, { 213, 231, 91, G8_MAGENTA },
        { 45, 231, 25, G8_BLUE },   { 208, 16, 208, G8_YELLOW }, { 203, 231, 124, G8_RED },
    } },
};

/* The attributes-only look of every role (the mono theme and TIER_NONE). */
static attr_t mono_attr(ThemeId id, Role r)
{
    if (id == THEME_MONO || !themes[id].roles[r].mono) return themes[THEME_DARK].roles[r].mono;
    return themes[id].roles[r].mono;
}

static struct {
    ThemeId id;
    bool ascii;
    attr_t roles[ROLE_COUNT];
    attr_t gtext[GPAL], gcell[GPAL];
} cur;

static const char *const glyphs[GLYPH_COUNT][2] = {
    [GLYPH_HLINE]    = { "\u2500", "-" },
    [GLYPH_VLINE]    = { "\u2502", "|" },
    [GLYPH_MARKER]   = { "\u25b6", ">" },
    [GLYPH_IDLE]     = { "\u00b7", "." },
    [GLYPH_LEFT]     = { "\u2190", "Left" },
    [GLYPH_RIGHT]    = { "\u2192", "Right" },
    [GLYPH_UP]       = { "\u2191", "Up" },
    [GLYPH_DOWN]     = { "\u2193", "Down" },
    [GLYPH_CYCLE]    = { "\u21bb", "@" },
    [GLYPH_ELLIPSIS] = { "\u2026", "~" },
    [GLYPH_DOT]      = { "\u00b7", "-" },
    [GLYPH_PAUSE]    = { "\u2016", "||" },
    [GLYPH_STOP]     = { "\u25a0", "#" },
    [GLYPH_FRAME]    = { "\u25bc", "v" },
    [GLYPH_TEE_DOWN] = { "\u252c", "+" },
    [GLYPH_TEE_RIGHT] = { "\u251c", "+" },
    [GLYPH_BREAKPOINT] = { "\u25cf", "*" },
};

/* Pairs: 1..ROLE_COUNT for roles, then GPAL text pairs, then GPAL cell
 * pairs.  -1 is the theme's paper or ink (paper, ink). */
static attr_t make_pair(short *next, short fg, short bg, short paper, short ink)
{
    if (*next >= COLOR_PAIRS) return A_NORMAL;
    if (fg == -1) fg = ink;
    if (bg == -1) bg = paper;
    init_pair(*next, fg, bg);
    attr_t a = COLOR_PAIR(*next);
    (*next)++;
    return a;
}

void theme_apply(ThemeId id, ColorTier tier, bool ascii)
{
    if ((int)id < 0 || id >= THEME_COUNT) id = THEME_DARK;
    cur.id = id;
    cur.ascii = ascii;
    const Theme *t = &themes[id];
    bool colour = tier != TIER_NONE && id != THEME_MONO;
    short next = 1;
    short paper = tier == TIER_256 ? t->paper : t->paper8, ink = tier == TIER_256 ? t->ink : t->ink8;
    for (int r = 0; r < ROLE_COUNT; r++) {
        const RoleStyle *s = &t->roles[r];
        if (!colour)
            cur.roles[r] = mono_attr(id, (Role)r);
        else if (tier == TIER_256)
            cur.roles[r] = s->attr | make_pair(&next, s->fg, s->bg, paper, ink);
        else
            cur.roles[r] = s->attr8 | make_pair(&next, s->fg8, s->bg8, paper, ink);
    }
    for (int k = 0; k < GPAL; k++) {
        const GStyle *g = &t->g[k];
        if (!colour) {
            /* Without colour the label carries the identity; the fill shows
             * where a run of frames starts and ends. */
            cur.gtext[k] = A_BOLD;
            cur.gcell[k] = A_REVERSE | (k % 2 ? A_BOLD : A_NORMAL);
        } else if (tier == TIER_256) {
            cur.gtext[k] = t->text_extra | A_BOLD | make_pair(&next, g->text, -1, paper, ink);
            cur.gcell[k] = t->text_extra | make_pair(&next, g->cell_fg, g->cell_bg, paper, ink);
        } else {
            cur.gtext[k] = A_BOLD | make_pair(&next, g->text8, -1, paper, ink);
            cur.gcell[k] = make_pair(&next, g->cell_fg8, g->cell_bg8, paper, ink);
        }
    }
    /* erase() fills with the paper */
    bkgdset(colour ? (chtype)(cur.roles[ROLE_NORMAL] & A_COLOR) : 0);
}

ThemeId theme_current(void) { return cur.id; }

const char *theme_name(ThemeId id)
{
    return (int)id >= 0 && id < THEME_COUNT ? themes[id].name : "?";
}

int theme_parse(const char *name)
{
    for (int i = 0; i < THEME_COUNT; i++)
        if (name && strcmp(name, themes[i].name) == 0) return i;
    return -1;
}

attr_t theme_attr(Role r)
{
    return (int)r >= 0 && r < ROLE_COUNT ? cur.roles[r] : A_NORMAL;
}

static int gslot(int g)
{
    return g <= 0 ? 0 : (g - 1) % GPAL;
}

attr_t theme_g_text(int g) { return cur.gtext[gslot(g)]; }
attr_t theme_g_cell(int g) { return cur.gcell[gslot(g)]; }

const char *theme_glyph(Glyph g)
{
    return (int)g >= 0 && g < GLYPH_COUNT ? glyphs[g][cur.ascii ? 1 : 0] : "?";
}

bool theme_ascii(void) { return cur.ascii; }
