/* keys.h — the one key table.
 *
 * Every binding is a row (key, the name the help shows, what it does, the
 * action, the screens it works on); the help overlay and the key bar at the
 * bottom are generated from it (htop's Action_setBindings).  Screens turn
 * actions into state changes and return HandlerFlags; they never draw.
 */
#ifndef INTERLEAVE_KEYS_H
#define INTERLEAVE_KEYS_H

#include <stdbool.h>

/* A key: a character (its code point), or a curses KEY_* code tagged so the
 * two never collide. */
#define KEYCODE_TAG 0x40000000
#define KEYCODE(k) (KEYCODE_TAG | (k))
#define CTRL_KEY(c) ((c) & 0x1f)

typedef enum Action {
    ACT_NONE,
    /* live view */
    ACT_PLAY, ACT_STEP, ACT_BACK, ACT_FASTER, ACT_SLOWER, ACT_START, ACT_END,
    ACT_CORES, ACT_POLICY, ACT_RESTART, ACT_RESEED, ACT_NOTES, ACT_RELOAD,
    ACT_NEXT_BEAT, ACT_PREV_BEAT, ACT_VARIANT, ACT_SURVEY, ACT_STATS, ACT_INSTR, ACT_GMP,
    ACT_NEXT_EVENT, ACT_PREV_EVENT, ACT_JUMP, ACT_LINE_UP, ACT_LINE_DOWN, ACT_BREAK,
    ACT_CLEAR_BREAKS,
    /* picker */
    ACT_UP, ACT_DOWN, ACT_FIRST, ACT_LAST, ACT_OPEN,
    /* everywhere */
    ACT_HELP, ACT_THEME, ACT_REDRAW, ACT_MENU, ACT_QUIT,
    ACT_COUNT
} Action;

/* Where a binding works. */
enum { CTX_PICKER = 1, CTX_LIVE = 2, CTX_DIAG = 4, CTX_ALL = 7 };

/* What a handler asks the loop to do next. */
typedef enum HandlerFlags {
    H_NONE = 0,
    H_REDRAW = 1,       /* something visible changed                          */
    H_TIMER = 2,        /* playing state or speed changed: (re)arm the timer  */
    H_QUIT = 4,         /* leave the program                                  */
    H_MENU = 8,         /* back to the scenario picker                        */
    H_OPEN = 16,        /* the picker chose a scenario                        */
    H_THEME = 32,       /* switch to the next theme                           */
    H_PROMPT = 64       /* open the `:` prompt: the next keys are its text     */
} HandlerFlags;

typedef struct KeyBinding {
    int key;
    const char *name;   /* as the help shows it: "Space", "l", "→"           */
    const char *desc;   /* "play / pause"                                     */
    Action action;
    int ctx;            /* CTX_* bits                                         */
    const char *bar;    /* label in the key bar, NULL: help only              */
    int rank;           /* in the bar: 1 always shown, 2 and 3 dropped first
                           (3 before 2) when the terminal is narrow            */
} KeyBinding;

extern const KeyBinding key_table[];
extern const int key_table_count;

/* The action bound to `key` on screen `ctx`, ACT_NONE if none. */
Action keys_lookup(int ctx, int key);
/* Read one key from curses; false when none is pending.  *key gets a
 * character or KEYCODE(KEY_*). */
bool keys_read(int *key);
/* The display name of a binding (arrows become words in ASCII mode). */
const char *keys_name(const KeyBinding *b);

#endif
