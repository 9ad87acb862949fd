/* test_navigate.c — `:`, `]`, `[`, the code cursor and breakpoints.
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
#include "navigate.h"
#include "theme.h"
#include "views.h"
#include "screentest.h"


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

/* The timer's ticks until a run (End, a search) or playback stops. */
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

static void jump(Live *l, const char *text)
{
    live_jump(l, text);
    settle(l);
}

/* The code cursor to `line` (it starts on main's first line). */
static void cursor_to(Live *l, int line, int from)
{
    for (; from < line; from++) live_action(l, ACT_LINE_DOWN);
    for (; from > line; from--) live_action(l, ACT_LINE_UP);
}

/* ---- tests ------------------------------------------------------------- */

static void test_parse_targets(void **state)
{
    (void)state;
    NavTarget t;
    char why[200];
    assert_int_equal(nav_parse_target("1234", &t, why, sizeof why), 0);
    assert_false(t.is_time);
    assert_int_equal(t.frame, 1234);
    assert_int_equal(nav_parse_target(" 0 ", &t, why, sizeof why), 0);
    assert_int_equal(t.frame, 0);
    static const struct { const char *text; int64_t ns; } times[] = {
        { "1.5ms", 1500000 }, { "200us", 200000 }, { "3\u00b5s", 3000 }, { "2s", 2000000000 },
        { "t=2.5s", 2500000000 }, { "1m30s", 90000000000 }, { "40ns", 40 },
    };
    for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
        assert_int_equal(nav_parse_target(times[i].text, &t, why, sizeof why), 0);
        assert_true(t.is_time);
        assert_int_equal(t.ns, times[i].ns);
    }
    static const struct { const char *text, *why; } bad[] = {
        { "", "type a frame" },
        { "abc", "abc: not a frame (1234) or a virtual time" },
        { "1.5", "1.5: a time needs its unit" },
        { "5x", "5x: the unit must be" },
        { "-3ms", "only goes forward" },
        { "99999999999999999999999", "no run has that many frames" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(nav_parse_target(bad[i].text, &t, why, sizeof why), -1);
        if (!strstr(why, bad[i].why)) fail_msg("'%s': said '%s'", bad[i].text, why);
    }
}

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
    screen_start(40, 160, THEME_DARK, false);
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

/* ] walks the deadlock scenario's events in order and [ walks them back. */
static void test_next_and_previous_event(void **state)
{
    (void)state;
    screen_start(40, 160, THEME_DARK, false);
    Live *l = open_live("deadlock");
    static const uint64_t events[] = { 23, 34, 41, 46, 56, 62, 65, 67 };
    const int n = (int)(sizeof events / sizeof events[0]);
    for (int i = 0; i < n; i++) {
        act(l, ACT_NEXT_EVENT);
        assert_int_equal(frame_of(l), events[i]);
    }
    act(l, ACT_NEXT_EVENT);
    assert_int_equal(frame_of(l), 67);           /* the end: nowhere further */
    for (int i = n - 2; i >= 0; i--) {
        act(l, ACT_PREV_EVENT);
        assert_int_equal(frame_of(l), events[i]);
    }
    assert_shows(l, "previous event, frame 23: G1 waits for wg to reach zero");
    act(l, ACT_PREV_EVENT);
    assert_int_equal(frame_of(l), 23);
    assert_shows(l, "no event before frame 23");
    /* what each stop is, in words */
    act(l, ACT_NEXT_EVENT);
    assert_shows(l, "next event, frame 34: G3 sleeps until t=2.00001067s");
    act(l, ACT_NEXT_EVENT);
    assert_shows(l, "next event, frame 41: beat 1/3:");
    act(l, ACT_NEXT_EVENT);
    act(l, ACT_NEXT_EVENT);
    assert_shows(l, "next event, frame 56: G3 wakes up (timer); G2 wakes up (timer)");
    live_free(l);
    screen_stop();
}

/* A lock handed over after a wait is an event, and so is taking it. */
static void test_lock_after_a_wait(void **state)
{
    (void)state;
    screen_start(40, 160, THEME_DARK, false);
    Live *l = open_live("deadlock-ordered");
    bool handed = false, taken = false;
    for (int i = 0; i < 200 && machine_of(l)->status == M_RUNNING && !(handed && taken); i++) {
        act(l, ACT_NEXT_EVENT);
        draw(l);
        handed |= screen_find(" and wakes G") >= 0;
        taken |= screen_find("after waiting") >= 0;
    }
    assert_true(handed);
    assert_true(taken);
    live_free(l);
    screen_stop();
}

/* `:` past the frames seen runs the analyses on the way: the data race at
 * frame 27 of sleep_racy (29 frames) is found by a jump to 28, and [ stops
 * at it. */
static void test_jump_runs_the_analyses(void **state)
{
    (void)state;
    screen_start(40, 160, THEME_DARK, false);
    Live *l = open_live("tests/race/sleep_racy.go");
    jump(l, "28");
    assert_int_equal(frame_of(l), 28);
    assert_shows(l, "jumped to frame 28");
    act(l, ACT_PREV_EVENT);
    assert_int_equal(frame_of(l), 27);
    assert_shows(l, "previous event, frame 27: a data race on data: G1 reads it (line 18), unordered with G2's write (line 15)");
    /* back and forth among known frames */
    jump(l, "5");
    assert_int_equal(frame_of(l), 5);
    jump(l, "27");
    assert_shows(l, "DATA RACE");
    /* a time: the first frame at or after it */
    jump(l, "100ms");
    uint64_t f = frame_of(l);
    assert_true(machine_of(l)->now >= 100000000);
    live_action(l, ACT_BACK);
    assert_true(machine_of(l)->now < 100000000);
    jump(l, "t=100ms");
    assert_int_equal(frame_of(l), f);
    assert_shows(l, "t=100ms: frame");
    /* past the end, it says so */
    jump(l, "1h");
    assert_int_equal(machine_of(l)->status, M_EXITED);
    jump(l, "5");
    jump(l, "100000");
    assert_int_equal(machine_of(l)->status, M_EXITED);
    assert_shows(l, "frame 100000 is past the end: the run ended at frame 29 (t=100.236486ms)");
    live_jump(l, "soon");
    assert_shows(l, "soon: not a frame (1234) or a virtual time");
    live_free(l);
    screen_stop();
}

/* A far jump goes in slices between keys, as End does: the screen stays
 * alive and any key stops it where it got. */
static void test_far_jump_in_slices(void **state)
{
    (void)state;
    screen_start(40, 160, THEME_DARK, false);
    Live *l = open_live("atomicity");
    live_jump(l, "150000");
    assert_true(live_playing(l));
    assert_true(frame_of(l) < 150000);
    assert_shows(l, "running to frame 150000");
    live_tick(l, 1);
    uint64_t f = frame_of(l);
    live_action(l, ACT_STEP);                   /* any key: stop, not step */
    assert_false(live_playing(l));
    assert_int_equal(frame_of(l), f);
    assert_shows(l, "stopped at frame");
    jump(l, "150000");
    assert_int_equal(frame_of(l), 150000);
    /* back from there to the last event: a search of a few slices */
    live_action(l, ACT_PREV_EVENT);
    int slices = 0;
    while (live_playing(l)) {
        live_tick(l, 1);
        slices++;
    }
    assert_true(frame_of(l) < 150000);
    assert_shows(l, "previous event, frame");
    (void)slices;
    live_free(l);
    screen_stop();
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_targets),
        cmocka_unit_test(test_breakpoint_set),
        cmocka_unit_test(test_breakpoint_stops_end_and_play),
        cmocka_unit_test(test_next_and_previous_event),
        cmocka_unit_test(test_lock_after_a_wait),
        cmocka_unit_test(test_jump_runs_the_analyses),
        cmocka_unit_test(test_far_jump_in_slices),
    };
    return cmocka_run_group_tests_name("navigate", tests, NULL, NULL);
}
