/* test_navigate.c — the code cursor and breakpoints.
 *
 * The parsing and the breakpoint set alone, then through the same Live
 * object the program uses, drawn headless (TERMINAL.md's recipe) so the
 * notice a user reads is what is checked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "breakpoints.h"
#include "keys.h"
#include "live.h"
#include "theme.h"
#include "views.h"

/* ---- a headless screen ------------------------------------------------- */

static SCREEN *scr;
static FILE *fout, *fin;

static void screen_start(void)
{
    setenv("LINES", "40", 1);
    setenv("COLUMNS", "160", 1);
    fout = fopen("/dev/null", "w");
    fin = fopen("/dev/null", "r");
    scr = newterm("xterm-256color", fout, fin);
    assert_non_null(scr);
    set_term(scr);
    theme_apply(THEME_DARK, TIER_256, false);
}

static void screen_stop(void)
{
    endwin();
    delscreen(scr);
    fclose(fout);
    fclose(fin);
    scr = NULL;
}

static void row_text(int y, char *out, size_t n)
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
static int screen_find(const char *text)
{
    char row[2048];
    for (int y = 0; y < LINES; y++) {
        row_text(y, row, sizeof row);
        if (strstr(row, text)) return y;
    }
    return -1;
}

static void draw(Live *l)
{
    erase();
    live_draw(l, LINES, COLS);
}

/* Draw, and fail with the screen when `text` is not on it. */
static void assert_shows(Live *l, const char *text)
{
    draw(l);
    if (screen_find(text) >= 0) return;
    char row[2048];
    for (int y = 0; y < LINES; y++) {
        row_text(y, row, sizeof row);
        fprintf(stderr, "%2d|%s\n", y, row);
    }
    fail_msg("not on screen: \"%s\"", text);
}

/* ---- a live screen ------------------------------------------------------ */

static Live *open_live(const char *name)
{
    TuiOptions o;
    memset(&o, 0, sizeof o);
    o.cfg = machine_config_default();
    char err[300] = "";
    Live *l = live_open(name, &o, err, sizeof err);
    if (!l) fail_msg("live_open(%s): %s", name, err);
    return l;
}

static const Machine *machine_of(const Live *l) { return history_machine(live_history(l)); }
static uint64_t frame_of(const Live *l) { return history_frame(live_history(l)); }

/* The timer's ticks until a run (End) or playback stops. */
static void settle(Live *l)
{
    for (int i = 0; i < 1000000 && live_playing(l); i++) live_tick(l, live_frames_per_tick(l));
    assert_false(live_playing(l));
}

static void act(Live *l, Action a)
{
    live_action(l, a);
    settle(l);
}

/* The code cursor to `line` (it starts on main's first line). */
static void cursor_to(Live *l, int line, int from)
{
    for (; from < line; from++) live_action(l, ACT_LINE_DOWN);
    for (; from > line; from--) live_action(l, ACT_LINE_UP);
}

/* ---- tests ------------------------------------------------------------- */

static void test_breakpoint_set(void **state)
{
    (void)state;
    Breakpoints *b = breakpoints_new();
    assert_int_equal(breakpoints_count(b), 0);
    assert_true(breakpoints_toggle(b, 30));
    assert_true(breakpoints_toggle(b, 12));
    assert_true(breakpoints_toggle(b, 20));
    assert_true(breakpoints_has(b, 12) && breakpoints_has(b, 20) && breakpoints_has(b, 30));
    assert_false(breakpoints_has(b, 21));
    assert_false(breakpoints_toggle(b, 20));
    assert_false(breakpoints_has(b, 20));
    assert_int_equal(breakpoints_count(b), 2);
    breakpoints_clear(b);
    assert_int_equal(breakpoints_count(b), 0);
    breakpoints_free(b);
}

/* deadlock.go: both goroutines run printSum; line 34 is its time.Sleep.  End
 * stops as each is about to run it, then at the deadlock; playing stops
 * there too; a comment line takes no breakpoint. */
static void test_breakpoint_stops_end_and_play(void **state)
{
    (void)state;
    screen_start();
    Live *l = open_live("deadlock");
    cursor_to(l, 33, 27);
    live_action(l, ACT_BREAK);
    assert_shows(l, "line 33 has no code to stop at");
    cursor_to(l, 34, 33);
    live_action(l, ACT_BREAK);
    assert_shows(l, "breakpoint on line 34 (time.Sleep(2 * time.Second))");
    assert_shows(l, "\u25cf34");
    act(l, ACT_END);
    assert_int_equal(frame_of(l), 32);
    assert_shows(l, "stopped at the breakpoint on line 34: G3 is about to run time.Sleep(2 * time.Second)");
    const Goroutine *g3 = machine_goroutine(machine_of(l), 3);
    assert_int_equal(machine_goroutine_line(machine_of(l), g3), 34);
    act(l, ACT_END);
    assert_int_equal(frame_of(l), 44);
    assert_shows(l, "G2 is about to run time.Sleep");
    act(l, ACT_END);
    assert_int_equal(machine_of(l)->status, M_DEADLOCK);
    /* from frame 0 again, playing stops at the same frames: End knew them
     * already, and walks them rather than seeking past */
    live_action(l, ACT_START);
    live_action(l, ACT_FASTER);
    live_action(l, ACT_PLAY);
    settle(l);
    assert_int_equal(frame_of(l), 32);
    live_action(l, ACT_START);
    act(l, ACT_END);
    assert_int_equal(frame_of(l), 32);
    /* b again takes it away; B takes them all */
    live_action(l, ACT_BREAK);
    assert_shows(l, "breakpoint on line 34 removed");
    live_action(l, ACT_BREAK);
    live_action(l, ACT_CLEAR_BREAKS);
    assert_shows(l, "1 breakpoint removed");
    act(l, ACT_END);
    assert_int_equal(machine_of(l)->status, M_DEADLOCK);
    live_free(l);
    screen_stop();
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_breakpoint_set),
        cmocka_unit_test(test_breakpoint_stops_end_and_play),
    };
    return cmocka_run_group_tests_name("navigate", tests, NULL, NULL);
}
