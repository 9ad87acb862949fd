/* test_tui.c — the TUI's screens, drawn headless and read back.
 *
 * No terminal is needed: curses runs on /dev/null (newterm) at a fixed size,
 * the screens draw into stdscr, and mvinnwstr reads the cells back as text
 * (TERMINAL.md's recipe).  The machine is the real one, driven through the
 * same Live object the program uses, so these tests see what a user sees.
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
#include <unistd.h>
#include <wchar.h>

#include "keys.h"
#include "layout.h"
#include "live.h"
#include "picker.h"
#include "scenario.h"
#include "term.h"
#include "theme.h"
#include "views.h"
#include "waitfor.h"
#include "screentest.h"


static void assert_on_screen(const char *text)
{
    if (screen_find(text) < 0) {
        char row[2048];
        for (int y = 0; y < LINES; y++) {
            row_text(y, row, sizeof row);
            fprintf(stderr, "%2d|%s\n", y, row);
        }
        fail_msg("not on screen: \"%s\"", text);
    }
}

static void assert_not_on_screen(const char *text)
{
    int y = screen_find(text);
    if (y >= 0) fail_msg("unexpectedly on screen (row %d): \"%s\"", y, text);
}

static TuiOptions options(int cores)
{
    TuiOptions o;
    memset(&o, 0, sizeof o);
    o.cfg = machine_config_default();
    if (cores) {
        o.cfg.cores = cores;
        o.user_set = CFG_SET_CORES;
    }
    return o;
}

static Live *open_scenario(const char *name, int cores)
{
    char err[300] = "";
    TuiOptions o = options(cores);
    Live *l = live_open(name, &o, err, sizeof err);
    if (!l) fail_msg("live_open(%s): %s", name, err);
    return l;
}

static const Machine *machine_of(const Live *l)
{
    return history_machine(live_history(l));
}

/* A key, then the ticks of the timer while the run goes on (End and `.`
 * run in chunks between keys). */
static void act(Live *l, Action a)
{
    live_action(l, a);
    for (int i = 0; i < 100000 && live_playing(l); i++) live_tick(l, live_frames_per_tick(l));
}

static void draw(Live *l)
{
    erase();
    live_draw(l, LINES, COLS);
}

/* ---- tests ------------------------------------------------------------- */

static void test_key_table_is_consistent(void **state)
{
    (void)state;
    for (int i = 0; i < key_table_count; i++) {
        const KeyBinding *b = &key_table[i];
        assert_non_null(b->name);
        assert_non_null(b->desc);
        assert_true(b->action > ACT_NONE && b->action < ACT_COUNT);
        assert_true(b->ctx != 0);
        if (b->bar) assert_true(b->rank >= 1 && b->rank <= 3);
        /* The first binding of a key on a screen is the one that counts;
         * no key may mean two things on one screen. */
        for (int j = 0; j < i; j++)
            if (key_table[j].key == b->key && (key_table[j].ctx & b->ctx))
                assert_int_equal(key_table[j].action, b->action);
    }
    assert_int_equal(keys_lookup(CTX_LIVE, ' '), ACT_PLAY);
    assert_int_equal(keys_lookup(CTX_LIVE, KEYCODE(KEY_RIGHT)), ACT_STEP);
    assert_int_equal(keys_lookup(CTX_LIVE, 'h'), ACT_BACK);
    assert_int_equal(keys_lookup(CTX_LIVE, 27), ACT_MENU);
    assert_int_equal(keys_lookup(CTX_PICKER, 27), ACT_QUIT);
    assert_int_equal(keys_lookup(CTX_PICKER, '\r'), ACT_OPEN);
    assert_int_equal(keys_lookup(CTX_LIVE, 'q'), ACT_QUIT);
    assert_int_equal(keys_lookup(CTX_LIVE, 'Z'), ACT_NONE);
}

static void test_layout_fits(void **state)
{
    (void)state;
    static const int sizes[][2] = { { 24, 80 }, { 40, 120 }, { 30, 100 }, { 60, 200 } };
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (int cores = 1; cores <= 4; cores++) {
            int rows = sizes[s][0], cols = sizes[s][1];
            LiveLayout l;
            live_layout(rows, cols, cores, 12, 6, 4, &l);
            const Pane *ps[] = { &l.timeline, &l.code, &l.gor, &l.locks, &l.memory, &l.output,
                                 &l.event, &l.notice, &l.status, &l.keybar };
            for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++) {
                assert_true(ps[i]->y >= 0 && ps[i]->x >= 0);
                assert_true(ps[i]->y + ps[i]->h <= rows);
                assert_true(ps[i]->x + ps[i]->w <= cols);
            }
            assert_true(l.timeline.h >= 2 + (rows >= 40 ? cores : 1));
            assert_true(l.gor.h >= 3 && l.locks.h >= 3 && l.output.h >= 3);
            assert_true(l.code.h >= 8);
            assert_int_equal(l.gor.h + l.locks.h + l.memory.h + l.output.h, l.mid_h);
            if (rows >= 40) assert_true(l.memory.h >= 3);      /* room for shared variables */
        }
}

static void test_frame_zero(void **state)
{
    (void)state;
    screen_start(40, 120, THEME_DARK, false);
    Live *l = open_scenario("deadlock", 0);
    draw(l);
    assert_on_screen("Cores");
    assert_on_screen("core 0");
    assert_on_screen("core 1");
    assert_on_screen("deadlock.go");
    assert_on_screen("Goroutines");
    assert_on_screen("Locks");
    assert_on_screen("Output");
    assert_on_screen("frame 0");
    assert_on_screen("t=0s");
    assert_on_screen("paused");
    assert_on_screen("Deadlock: printSum");
    assert_on_screen("G1\u25b6");                    /* main's marker in the gutter */
    assert_on_screen("func main()");
    assert_on_screen("Space Play");
    assert_on_screen("q Quit");
    live_free(l);
    screen_stop();
}

/* Run to the end of the deadlock scenario: the banner carries exactly the
 * sentence waitfor_describe_cycle makes, the tables mark the cycle, and one
 * step back removes it. */
static void test_deadlock_cycle_and_step_back(void **state)
{
    (void)state;
    screen_start(40, 120, THEME_DARK, false);
    Live *l = open_scenario("deadlock", 2);
    act(l, ACT_END);
    const Machine *m = machine_of(l);
    assert_int_equal(m->status, M_DEADLOCK);
    assert_false(live_playing(l));
    WaitGraph g;
    waitfor_build(m, &g);
    assert_true(g.ncycle > 0);
    char sentence[400];
    waitfor_describe_cycle(m, &g, sentence, sizeof sentence);
    assert_non_null(strstr(sentence, "waits for"));
    draw(l);
    assert_on_screen("DEADLOCK");
    assert_on_screen(sentence);
    assert_on_screen("deadlock");                  /* the run state in the status bar */
    assert_on_screen("a.mu");
    assert_on_screen("b.mu");
    assert_on_screen("held by G");
    assert_on_screen("\u21bb G2");                  /* the cycle mark in the table */
    assert_on_screen("all goroutines are asleep");  /* stderr in the output */

    /* Step back until the cycle is gone. */
    uint64_t end = history_frame(live_history(l));
    for (int i = 0; i < 100; i++) {
        live_action(l, ACT_BACK);
        waitfor_build(machine_of(l), &g);
        if (g.ncycle == 0) break;
    }
    assert_true(history_frame(live_history(l)) < end);
    draw(l);
    assert_not_on_screen("DEADLOCK");
    assert_not_on_screen(sentence);
    char frame[64];
    snprintf(frame, sizeof frame, "/%llu", (unsigned long long)end);
    assert_on_screen(frame);                        /* "frame 40/42" while behind */
    live_free(l);
    screen_stop();
}

static void test_timeline_lanes(void **state)
{
    (void)state;
    screen_start(40, 120, THEME_DARK, false);
    Live *l = open_scenario("deadlock", 2);
    for (int i = 0; i < 12; i++) live_action(l, ACT_STEP);
    draw(l);
    /* Main ran on some core in the first frames. */
    int y0 = screen_find("core 0"), y1 = screen_find("core 1");
    assert_true(y0 >= 0 && y1 == y0 + 1);
    char r0[1024], r1[1024];
    row_text(y0, r0, sizeof r0);
    row_text(y1, r1, sizeof r1);
    assert_true(strstr(r0, "G1") || strstr(r1, "G1"));
    assert_on_screen("\u25bc12");                   /* the current frame marker */
    /* Every lane cell agrees with history_lane. */
    const History *h = live_history(l);
    for (uint64_t f = 1; f <= 12; f++)
        for (int c = 0; c < 2; c++) assert_true(history_lane(h, f, c) >= 0);
    live_free(l);
    screen_stop();
}

static void test_cores_cycle_restarts_same_seed(void **state)
{
    (void)state;
    screen_start(40, 120, THEME_DARK, false);
    Live *l = open_scenario("deadlock", 2);
    live_action(l, ACT_STEP);
    uint64_t seed = machine_of(l)->cfg.seed;
    live_action(l, ACT_CORES);                      /* 2 -> 4 */
    assert_int_equal(machine_of(l)->ncores, 4);
    assert_int_equal(history_frame(live_history(l)), 0);
    assert_int_equal(machine_of(l)->cfg.seed, seed);
    draw(l);
    assert_on_screen("core 3");
    assert_on_screen("4 cores");
    live_action(l, ACT_CORES);                      /* 4 -> 1 */
    assert_int_equal(machine_of(l)->ncores, 1);
    live_action(l, ACT_RESEED);
    assert_int_equal(machine_of(l)->cfg.seed, seed + 1);
    draw(l);
    char s[32];
    snprintf(s, sizeof s, "seed %llu", (unsigned long long)(seed + 1));
    assert_on_screen(s);
    live_free(l);
    screen_stop();
}

static void test_small_terminal(void **state)
{
    (void)state;
    screen_start(24, 80, THEME_DARK, false);
    Live *l = open_scenario("deadlock", 4);
    act(l, ACT_END);
    draw(l);
    assert_on_screen("DEADLOCK");
    assert_on_screen("core 3");
    assert_on_screen("? Help");
    assert_on_screen("q Quit");
    assert_on_screen("held by G");
    live_free(l);
    erase();
    draw_too_small(20, 60);
    assert_on_screen("terminal too small (need 80x24, have 60x20)");
    screen_stop();
}

static void test_help_lists_every_live_key(void **state)
{
    (void)state;
    screen_start(40, 120, THEME_DARK, false);
    view_help_draw(LINES, COLS, CTX_LIVE, 0);
    for (int i = 0; i < key_table_count; i++)
        if (key_table[i].ctx & CTX_LIVE) assert_on_screen(key_table[i].desc);
    assert_not_on_screen("previous scenario");
    erase();
    view_help_draw(LINES, COLS, CTX_PICKER, 0);
    assert_on_screen("open the scenario");
    assert_not_on_screen("play / pause");
    screen_stop();
}

static void test_playback_speed_and_ticks(void **state)
{
    (void)state;
    Live *l = open_scenario("deadlock", 2);
    assert_int_equal(live_fps(l), 10);
    assert_int_equal(live_timer_ms(l), 100);
    for (int i = 0; i < 10; i++) live_action(l, ACT_FASTER);
    assert_int_equal(live_fps(l), 500);
    assert_true(live_timer_ms(l) >= 20);            /* at most 50 redraws/s */
    assert_int_equal(live_frames_per_tick(l) * 1000 / (int)live_timer_ms(l), 500);
    for (int i = 0; i < 10; i++) live_action(l, ACT_SLOWER);
    assert_int_equal(live_fps(l), 1);
    live_action(l, ACT_PLAY);
    assert_true(live_playing(l));
    /* Ticks until the machine stops; playback then stops by itself. */
    for (int i = 0; i < 100000 && machine_of(l)->status == M_RUNNING; i++) {
        if (!live_playing(l)) live_action(l, ACT_PLAY);   /* paused at a partial cycle */
        live_tick(l, 50);
    }
    assert_false(live_playing(l));
    assert_int_not_equal(machine_of(l)->status, M_RUNNING);
    live_free(l);
}

static void test_race_output_and_exit(void **state)
{
    (void)state;
    screen_start(40, 120, THEME_LIGHT, false);
    Live *l = open_scenario("race", 2);
    act(l, ACT_END);
    const Machine *m = machine_of(l);
    assert_int_equal(m->status, M_EXITED);
    draw(l);
    assert_on_screen("exited with status 0");
    if (m->stdout_len) assert_on_screen("the value is");
    live_free(l);
    screen_stop();
}

static void test_compile_errors_replace_the_live_view(void **state)
{
    (void)state;
    char path[] = "/tmp/interleave-test-XXXXXX.go";
    int fd = mkstemps(path, 3);
    assert_true(fd >= 0);
    const char *src = "package main\n\nfunc main() {\n\tx := undefinedThing\n}\n";
    FILE *f = fdopen(fd, "w");
    fputs(src, f);
    fclose(f);
    screen_start(24, 80, THEME_DARK, false);
    Live *l = open_scenario(path, 0);
    assert_int_equal(live_ctx(l), CTX_DIAG);
    draw(l);
    assert_on_screen("does not compile");
    assert_on_screen(": error: ");
    assert_on_screen("undefinedThing");
    assert_on_screen("^");
    assert_on_screen("r Reload");
    /* Fix the file; r reloads it into a live view. */
    f = fopen(path, "w");
    fputs("package main\n\nfunc main() {\n}\n", f);
    fclose(f);
    live_action(l, ACT_RELOAD);
    assert_int_equal(live_ctx(l), CTX_LIVE);
    draw(l);
    assert_on_screen("frame 0");
    live_free(l);
    screen_stop();
    remove(path);
}

static void test_mono_ascii(void **state)
{
    (void)state;
    screen_start(24, 80, THEME_MONO, true);
    Live *l = open_scenario("deadlock", 2);
    act(l, ACT_END);
    draw(l);
    assert_on_screen("DEADLOCK");
    assert_on_screen("@ G2");                       /* ASCII cycle mark */
    assert_on_screen("Right Step");
    char row[2048];
    for (int y = 0; y < LINES; y++) {               /* nothing but ASCII */
        row_text(y, row, sizeof row);
        for (char *p = row; *p; p++) assert_true((unsigned char)*p < 0x80);
    }
    live_free(l);
    screen_stop();
}

static void test_picker(void **state)
{
    (void)state;
    screen_start(24, 80, THEME_PROJECTOR, false);
    Picker p;
    picker_init(&p, "race");
    assert_string_equal(picker_selected(&p), "race");
    picker_draw(&p, LINES, COLS);
    assert_on_screen("Deadlock: printSum");
    assert_on_screen("Race condition");
    assert_on_screen("race.go");                   /* the selected one's file */
    assert_on_screen("Enter Open");
    assert_int_equal(picker_action(&p, ACT_FIRST) & H_REDRAW, H_REDRAW);
    assert_string_equal(picker_selected(&p), scenarios_builtin[p.order[0]].name);
    assert_int_equal(picker_action(&p, ACT_OPEN), H_OPEN);
    /* The rows: lessons by number, then the rest; never a variant. */
    for (int r = 0; r < p.n; r++) {
        const ScenarioMeta *m = &p.metas[p.order[r]];
        assert_string_equal(m->variant_of, "");
        if (r > 0 && m->lesson) {
            int prev = p.metas[p.order[r - 1]].lesson;
            assert_true(prev > 0 && prev < m->lesson);
        }
    }
    picker_fini(&p);
    screen_stop();
}

/* A user's file with beats: `.` goes from beat to beat, `,` back, playing
 * stops at each, and the notice pane shows the caption. */
static const char beats_src[] =
    "// title: beats\n"
    "// lesson: 3\n"
    "// variant: the one\n"
    "// beat: go G1: main starts a worker\n"
    "// beat: lock-wait mu: the worker waits for mu\n"
    "// beat: exit: main returns\n"
    "package main\n"
    "\n"
    "import (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n"
    "\n"
    "func main() {\n"
    "\tvar mu sync.Mutex\n"
    "\tmu.Lock()\n"
    "\tdone := make(chan bool)\n"
    "\tgo func() { mu.Lock(); mu.Unlock(); done <- true }()\n"
    "\ttime.Sleep(time.Millisecond)\n"
    "\tmu.Unlock()\n"
    "\t<-done\n"
    "\tfmt.Println(\"ok\")\n"
    "}\n";

static void test_beats_in_the_live_view(void **state)
{
    (void)state;
    char path[] = "/tmp/interleave-beats-XXXXXX.go";
    int fd = mkstemps(path, 3);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(beats_src, f);
    fclose(f);
    Scenario sc;
    char err[300];
    assert_int_equal(scenario_load(path, &sc, err, sizeof err), 0);
    ScenarioMeta meta;
    scenario_meta(&sc, &meta);
    assert_int_equal(meta.lesson, 3);
    assert_string_equal(meta.variant, "the one");
    assert_int_equal(meta.nbeats, 3);
    assert_string_equal(meta.beat_error, "");
    scenario_release(&sc);

    screen_start(40, 120, THEME_DARK, false);
    Live *l = open_scenario(path, 2);
    uint64_t at[3];
    for (int i = 0; i < 3; i++) {
        act(l, ACT_NEXT_BEAT);
        at[i] = history_frame(live_history(l));
        assert_true(i == 0 ? at[i] > 0 : at[i] > at[i - 1]);
        draw(l);
        char tag[16];
        snprintf(tag, sizeof tag, "BEAT %d/3", i + 1);
        assert_on_screen(tag);
        assert_on_screen(meta.beats[i].caption);
    }
    assert_int_equal(machine_of(l)->status, M_EXITED);   /* the last beat is the exit */
    live_action(l, ACT_PREV_BEAT);
    assert_int_equal(history_frame(live_history(l)), at[1]);
    live_action(l, ACT_PREV_BEAT);
    assert_int_equal(history_frame(live_history(l)), at[0]);
    live_action(l, ACT_PREV_BEAT);                       /* none before the first */
    assert_int_equal(history_frame(live_history(l)), at[0]);
    /* Playing from frame 0 stops at the first beat, then at the second. */
    live_action(l, ACT_START);
    live_action(l, ACT_PLAY);
    for (int i = 0; i < 1000 && live_playing(l); i++) live_tick(l, 1);
    assert_int_equal(history_frame(live_history(l)), at[0]);
    live_action(l, ACT_PLAY);
    for (int i = 0; i < 100000 && live_playing(l); i++) live_tick(l, 1);
    assert_int_equal(history_frame(live_history(l)), at[1]);
    /* `.` runs in chunks: a key stops it where it got */
    live_action(l, ACT_START);
    live_action(l, ACT_NEXT_BEAT);           /* at[0] is known: straight there */
    assert_int_equal(history_frame(live_history(l)), at[0]);
    assert_false(live_playing(l));
    /* A file is not a built-in scenario: no variants. */
    live_action(l, ACT_VARIANT);
    draw(l);
    assert_on_screen("only built-in scenarios have variants");
    live_free(l);
    screen_stop();
    unlink(path);
}

/* A learner's own race.go in the current directory is theirs; a bare name
 * is the built-in scenario. */
static void test_own_file_before_builtin(void **state)
{
    (void)state;
    char dir[] = "/tmp/interleave-own-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char old[4096];
    assert_non_null(getcwd(old, sizeof old));
    assert_int_equal(chdir(dir), 0);
    FILE *f = fopen("race.go", "w");
    fputs("package main\n\nfunc main() { println(\"mine\") }\n", f);
    fclose(f);
    Scenario sc;
    char err[300];
    assert_int_equal(scenario_load("race.go", &sc, err, sizeof err), 0);
    assert_non_null(strstr(sc.source, "mine"));
    scenario_release(&sc);
    assert_int_equal(scenario_load("race", &sc, err, sizeof err), 0);
    assert_null(strstr(sc.source, "mine"));
    assert_ptr_equal(sc.source, scenario_find("race")->source);
    scenario_release(&sc);
    remove("race.go");
    assert_int_equal(chdir(old), 0);
    rmdir(dir);
}

/* A racy counter: playing stops at the race, then at the first lost update,
 * which the event line says in words while the Memory pane shows the
 * variable and its last store. */
static void test_lost_update_in_words(void **state)
{
    (void)state;
    char path[] = "/tmp/interleave-lost-XXXXXX.go";
    int fd = mkstemps(path, 3);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n"
          "func main() {\n\tvar counter int\n\tvar wg sync.WaitGroup\n"
          "\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n"
          "\t\tgo func() {\n\t\t\tdefer wg.Done()\n"
          "\t\t\tfor j := 0; j < 100000; j++ {\n\t\t\t\tcounter++\n\t\t\t}\n\t\t}()\n\t}\n"
          "\twg.Wait()\n\tfmt.Println(counter)\n}\n", f);
    fclose(f);
    screen_start(40, 120, THEME_DARK, false);
    Live *l = open_scenario(path, 2);
    bool lost = false;
    for (int round = 0; round < 4 && !lost; round++) {
        live_action(l, ACT_PLAY);
        for (int i = 0; i < 3000000 && live_playing(l); i++) live_tick(l, 50);
        draw(l);
        lost = screen_find("LOST UPDATE") >= 0;
    }
    assert_true(lost);
    assert_on_screen("stores counter = ");
    assert_on_screen("is overwritten: an update is lost");
    assert_on_screen("Memory");
    assert_on_screen("counter");
    assert_on_screen("paused at the first lost update");
    live_free(l);
    screen_stop();
    unlink(path);
}

/* n opens the notes; n again turns to what to look for and the beats (so
 * both fit 80x24); any other key closes. */
static void test_notes_pages(void **state)
{
    (void)state;
    screen_start(24, 80, THEME_DARK, false);
    Live *l = open_scenario("deadlock", 0);
    live_action(l, ACT_NOTES);
    assert_true(live_overlay(l));
    draw(l);
    assert_on_screen("Notes");
    assert_on_screen("n: what to look for and the beats");
    assert_not_on_screen("What to look for");
    live_overlay_key(l, true);
    assert_true(live_overlay(l));
    draw(l);
    assert_on_screen("What to look for");
    assert_on_screen("Beats (. goes from one to the next)");
    assert_on_screen(" 1 G3");                   /* the first beat's caption */
    live_overlay_key(l, false);
    assert_false(live_overlay(l));
    live_free(l);
    screen_stop();
}

/* g shows Ps, Ms and queues in place of the code: on the threads lesson's
 * first beat, G3's M is in a system call holding P1. */
static void test_gmp_view(void **state)
{
    (void)state;
    screen_start(40, 120, THEME_DARK, false);
    Live *l = open_scenario("threads", 0);
    act(l, ACT_NEXT_BEAT);
    live_action(l, ACT_GMP);
    draw(l);
    assert_on_screen("G-M-P");
    assert_on_screen("threads=4");
    assert_on_screen("P1 syscall");
    assert_on_screen("in a system call with G3, still holding P1");
    assert_on_screen("sysmon: watches the Ps");
    assert_not_on_screen("func main()");              /* the code is replaced */
    act(l, ACT_NEXT_BEAT);                             /* sysmon hands P1 on */
    draw(l);
    assert_on_screen("its P went to another M");
    live_action(l, ACT_GMP);
    draw(l);
    assert_not_on_screen("G-M-P");
    live_free(l);
    screen_stop();
}

/* End on a long run goes on in chunks between keys: the screen stays alive
 * and any key stops it where it got. */
static void test_end_runs_in_chunks(void **state)
{
    (void)state;
    screen_start(40, 120, THEME_DARK, false);
    Live *l = open_scenario("atomicity", 0);
    live_action(l, ACT_END);
    assert_true(live_playing(l));
    live_tick(l, live_frames_per_tick(l));
    live_tick(l, live_frames_per_tick(l));
    uint64_t f = history_frame(live_history(l));
    assert_true(f > 1000);
    assert_int_equal(machine_of(l)->status, M_RUNNING);
    draw(l);
    assert_on_screen("running to the end");
    live_action(l, ACT_STEP);                  /* any key: stop, not step */
    assert_false(live_playing(l));
    assert_int_equal(history_frame(live_history(l)), f);
    draw(l);
    assert_on_screen("stopped at frame");
    live_free(l);
    screen_stop();
}

/* Playing stops at a data race; the event line says it in words and the code
 * marks both accesses. */
static void test_race_stops_playback(void **state)
{
    (void)state;
    screen_start(40, 120, THEME_DARK, false);
    Live *l = open_scenario("tests/golden/inputs/race_kinds.go", 2);
    live_action(l, ACT_PLAY);
    for (int i = 0; i < 100000 && live_playing(l); i++) live_tick(l, 1);
    assert_int_equal(machine_of(l)->status, M_RUNNING);   /* stopped early, at the race */
    draw(l);
    assert_on_screen("DATA RACE");
    assert_on_screen("G1 reads data (line 17); G2 wrote it at line 15");
    assert_on_screen("RACE G2 write");
    assert_on_screen("RACE G1 read");
    /* the timeline draws the access of this frame in the race's colour: the
     * rightmost cell of main's lane */
    bool marked = false;
    for (int y = 2; y < 6 && !marked; y++)
        for (int x = COLS - 1; x > 10 && !marked; x--) {
            cchar_t cell;
            if (mvin_wch(y, x, &cell) != OK) continue;
            wchar_t wc[CCHARW_MAX];
            attr_t at;
            short pair;
            getcchar(&cell, wc, &at, &pair, NULL);
            if (wc[0] == L'G' && (at & A_BOLD) && pair == PAIR_NUMBER(theme_attr(ROLE_DEADLOCK))) marked = true;
        }
    assert_true(marked);
    /* one step on, the marks are gone; playing on reaches the end: one race only */
    live_action(l, ACT_STEP);
    draw(l);
    assert_not_on_screen("RACE G2 write");
    live_action(l, ACT_PLAY);
    for (int i = 0; i < 1000000 && live_playing(l); i++) live_tick(l, 1);
    assert_int_equal(machine_of(l)->status, M_EXITED);
    live_free(l);
    screen_stop();
}

static void test_events_text(void **state)
{
    (void)state;
    Live *l = open_scenario("deadlock", 2);
    const History *h = live_history(l);
    ViewCtx c;
    memset(&c, 0, sizeof c);
    char buf[1024];
    bool locked = false;
    for (int i = 0; i < 100000 && machine_of(l)->status == M_RUNNING && !locked; i++) {
        live_action(l, ACT_STEP);
        const Machine *m = machine_of(l);
        WaitGraph g;
        waitfor_build(m, &g);
        c.m = m; c.h = h; c.prog = m->prog; c.wg = &g; c.frame = history_frame(h);
        view_events_text(&c, buf, sizeof buf);
        char want[32];
        snprintf(want, sizeof want, "frame %llu: ", (unsigned long long)c.frame);
        assert_memory_equal(buf, want, strlen(want));
        locked = strstr(buf, "locks a.mu") != NULL;
    }
    assert_true(locked);
    live_free(l);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_table_is_consistent),
        cmocka_unit_test(test_layout_fits),
        cmocka_unit_test(test_frame_zero),
        cmocka_unit_test(test_deadlock_cycle_and_step_back),
        cmocka_unit_test(test_timeline_lanes),
        cmocka_unit_test(test_cores_cycle_restarts_same_seed),
        cmocka_unit_test(test_small_terminal),
        cmocka_unit_test(test_help_lists_every_live_key),
        cmocka_unit_test(test_playback_speed_and_ticks),
        cmocka_unit_test(test_race_output_and_exit),
        cmocka_unit_test(test_compile_errors_replace_the_live_view),
        cmocka_unit_test(test_mono_ascii),
        cmocka_unit_test(test_picker),
        cmocka_unit_test(test_beats_in_the_live_view),
        cmocka_unit_test(test_race_stops_playback),
        cmocka_unit_test(test_end_runs_in_chunks),
        cmocka_unit_test(test_own_file_before_builtin),
        cmocka_unit_test(test_lost_update_in_words),
        cmocka_unit_test(test_notes_pages),
        cmocka_unit_test(test_gmp_view),
        cmocka_unit_test(test_events_text),
    };
    return cmocka_run_group_tests_name("tui", tests, NULL, NULL);
}
