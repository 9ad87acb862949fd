/* keys.c — the key table and reading keys from curses (see keys.h).
 *
 * Order matters twice: the help lists rows in table order (rows with the same
 * action fold into one line, "→ l"), and the key bar shows the rows that have
 * a bar label, left to right, dropping from the end what does not fit.
 */
#include "keys.h"

#include <curses.h>
#include <string.h>
#include <wchar.h>

#include "theme.h"

#define LIVE CTX_LIVE
#define PICK CTX_PICKER
#define DIAG CTX_DIAG
#define ALL CTX_ALL
#define ARROW_RIGHT "\u2192"
#define ARROW_LEFT "\u2190"
#define ARROW_UP "\u2191"
#define ARROW_DOWN "\u2193"

const KeyBinding key_table[] = {
    /* the live view, in the order a learner meets them */
    { ' ',                 "Space", "play / pause",                     ACT_PLAY,   LIVE, "Play", 1 },
    { KEYCODE(KEY_LEFT),   ARROW_LEFT, "step back one frame",           ACT_BACK,   LIVE, "Step", 1 },
    { 'h',                 "h",     "step back one frame",              ACT_BACK,   LIVE, NULL, 0 },
    { KEYCODE(KEY_RIGHT),  ARROW_RIGHT, "step forward one frame",       ACT_STEP,   LIVE, "Step", 1 },
    { 'l',                 "l",     "step forward one frame",           ACT_STEP,   LIVE, NULL, 0 },
    { '+',                 "+",     "faster (frames per second)",       ACT_FASTER, LIVE, "Speed", 2 },
    { '=',                 "=",     "faster (frames per second)",       ACT_FASTER, LIVE, NULL, 0 },
    { '-',                 "-",     "slower",                           ACT_SLOWER, LIVE, "Speed", 2 },
    { '_',                 "_",     "slower",                           ACT_SLOWER, LIVE, NULL, 0 },
    { '.',                 ".",     "run to the scenario's next beat",  ACT_NEXT_BEAT, LIVE, "Beat", 1 },
    { ',',                 ",",     "back to the previous beat",        ACT_PREV_BEAT, LIVE, NULL, 0 },
    { ']',                 "]",     "next event: block/wake, lock, chan, print, race", ACT_NEXT_EVENT, LIVE, "Next", 2 },
    { '[',                 "[",     "previous event",                   ACT_PREV_EVENT, LIVE, NULL, 0 },
    { ':',                 ":",     "go to a frame or time; seed/cores/slice/policy", ACT_JUMP, LIVE, "Jump", 3 },
    { KEYCODE(KEY_UP),     ARROW_UP, "code cursor up a line",           ACT_LINE_UP, LIVE, NULL, 0 },
    { 'k',                 "k",     "code cursor up a line",            ACT_LINE_UP, LIVE, NULL, 0 },
    { KEYCODE(KEY_DOWN),   ARROW_DOWN, "code cursor down a line",       ACT_LINE_DOWN, LIVE, NULL, 0 },
    { 'j',                 "j",     "code cursor down a line",          ACT_LINE_DOWN, LIVE, NULL, 0 },
    { 'b',                 "b",     "breakpoint on the cursor's line, on / off", ACT_BREAK, LIVE, "Break", 3 },
    { 'B',                 "B",     "remove every breakpoint",          ACT_CLEAR_BREAKS, LIVE, NULL, 0 },
    { 'v',                 "v",     "next variant of the scenario (broken / fixed)", ACT_VARIANT, LIVE, "Variant", 3 },
    { 'c',                 "c",     "cores 1, 2, 4 (restart, same seed)", ACT_CORES, LIVE, "Cores", 2 },
    { 'o',                 "o",     "outcomes of seeds 1-100 on 1, 2, 4 cores", ACT_SURVEY, LIVE, "Outcomes", 3 },
    { 'p',                 "p",     "policy go / single (restart)",     ACT_POLICY, LIVE, NULL, 0 },
    { 'r',                 "r",     "restart: reload the file, same seed", ACT_RESTART, LIVE, "Restart", 3 },
    { 's',                 "s",     "restart with the next seed",       ACT_RESEED, LIVE, "Seed", 2 },
    { KEYCODE(KEY_HOME),   "Home",  "first frame",                      ACT_START,  LIVE, NULL, 0 },
    { KEYCODE(KEY_END),    "End",   "run to the end",                   ACT_END,    LIVE, NULL, 0 },
    { 'G',                 "G",     "run to the end",                   ACT_END,    LIVE, NULL, 0 },
    { 'n',                 "n",     "scenario notes: what to look for", ACT_NOTES,  LIVE, "Notes", 2 },
    { 'S',                 "S",     "stats: CPU and lock waits per goroutine", ACT_STATS, LIVE, NULL, 0 },
    { 'i',                 "i",     "bytecode: each goroutine's next instruction", ACT_INSTR, LIVE, NULL, 0 },
    { 'g',                 "g",     "G-M-P: Ps, threads and run queues, for the code", ACT_GMP, LIVE, "GMP", 3 },
    /* a file that does not compile */
    { 'r',                 "r",     "reload the file",                  ACT_RELOAD, DIAG, "Reload", 1 },
    /* the picker */
    { KEYCODE(KEY_UP),     ARROW_UP, "previous scenario",               ACT_UP,     PICK, NULL, 0 },
    { 'k',                 "k",     "previous scenario",                ACT_UP,     PICK, NULL, 0 },
    { KEYCODE(KEY_DOWN),   ARROW_DOWN, "next scenario",                 ACT_DOWN,   PICK, NULL, 0 },
    { 'j',                 "j",     "next scenario",                    ACT_DOWN,   PICK, NULL, 0 },
    { KEYCODE(KEY_HOME),   "Home",  "first scenario",                   ACT_FIRST,  PICK, NULL, 0 },
    { 'g',                 "g",     "first scenario",                   ACT_FIRST,  PICK, NULL, 0 },
    { KEYCODE(KEY_END),    "End",   "last scenario",                    ACT_LAST,   PICK, NULL, 0 },
    { 'G',                 "G",     "last scenario",                    ACT_LAST,   PICK, NULL, 0 },
    { '\r',                "Enter", "open the scenario",                ACT_OPEN,   PICK, "Open", 1 },
    { '\n',                "Enter", "open the scenario",                ACT_OPEN,   PICK, NULL, 0 },
    { KEYCODE(KEY_ENTER),  "Enter", "open the scenario",                ACT_OPEN,   PICK, NULL, 0 },
    { KEYCODE(KEY_RIGHT),  ARROW_RIGHT, "open the scenario",            ACT_OPEN,   PICK, NULL, 0 },
    /* everywhere */
    { '?',                 "?",     "this help",                        ACT_HELP,   ALL,  "Help", 1 },
    { KEYCODE(KEY_F(1)),   "F1",    "this help",                        ACT_HELP,   ALL,  NULL, 0 },
    { 't',                 "t",     "next theme: dark, light, mono, projector", ACT_THEME, ALL, "Theme", 2 },
    { CTRL_KEY('l'),       "^L",    "repaint the screen",               ACT_REDRAW, ALL,  NULL, 0 },
    { 27,                  "Esc",   "back to the scenario list",        ACT_MENU,   LIVE | DIAG, "Menu", 3 },
    { 'q',                 "q",     "quit",                             ACT_QUIT,   ALL,  "Quit", 1 },
    { 27,                  "Esc",   "quit",                             ACT_QUIT,   PICK, NULL, 0 },
};
const int key_table_count = (int)(sizeof key_table / sizeof key_table[0]);

Action keys_lookup(int ctx, int key)
{
    for (int i = 0; i < key_table_count; i++)
        if (key_table[i].key == key && (key_table[i].ctx & ctx)) return key_table[i].action;
    return ACT_NONE;
}

bool keys_read(int *key)
{
    wint_t ch;
    int r = get_wch(&ch);
    if (r == ERR) return false;
    *key = r == KEY_CODE_YES ? KEYCODE((int)ch) : (int)ch;
    return true;
}

const char *keys_name(const KeyBinding *b)
{
    if (!theme_ascii()) return b->name;
    switch (b->key) {
    case KEYCODE(KEY_RIGHT): return "Right";
    case KEYCODE(KEY_LEFT): return "Left";
    case KEYCODE(KEY_UP): return "Up";
    case KEYCODE(KEY_DOWN): return "Down";
    default: return b->name;
    }
}
