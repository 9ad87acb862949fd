/* app.c — the interactive front end's event loop (tui_main, see app.h).
 *
 * libuv owns the loop (TERMINAL.md's recipes):
 *   input    uv_poll_t on fd 0; each wake-up drains get_wch() until ERR,
 *            because poll may fire spuriously and curses buffers nothing.
 *   frames   uv_timer_t started only while playing: paused costs no CPU.
 *   signals  uv_signal_t for SIGWINCH (resize) and SIGINT/SIGTERM/SIGHUP
 *            (quit); SIGTSTP is left to curses so Ctrl-Z and fg work.
 *   flush    uv_prepare_t: callbacks only mark the screen dirty; the
 *            prepare handle, run once per loop turn just before the loop
 *            blocks, draws once (erase, views, wnoutrefresh, doupdate).
 *            Unlike uv_idle_t it does not make the loop spin.
 * Shutdown is one path: app_quit() closes every handle; uv_run returns when
 * the last close callback has run; uv_loop_close must then return 0; the
 * terminal is restored last.
 */
#include "app.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "keys.h"
#include "layout.h"
#include "live.h"
#include "picker.h"
#include "prompt.h"
#include "survey.h"
#include "term.h"
#include "theme.h"
#include "views.h"

typedef enum Screen { SCREEN_PICKER, SCREEN_LIVE } Screen;

enum { SIG_WINCH, SIG_INT, SIG_TERM, SIG_HUP, NSIGNALS };
static const int signal_numbers[NSIGNALS] = { SIGWINCH, SIGINT, SIGTERM, SIGHUP };

typedef struct App {
    uv_loop_t loop;
    uv_poll_t input;
    uv_timer_t timer;
    uv_prepare_t flush;
    uv_signal_t sig[NSIGNALS];
    int open_handles;          /* closed by app_quit, counted down on close  */
    bool closing;
    bool timer_on;
    unsigned timer_ms;

    TermInfo term;
    ThemeId theme;
    Screen screen;
    Picker picker;
    Live *live;
    TuiOptions opts;
    bool help;                 /* the help overlay is open                    */
    int help_page;             /* ... at this page (Space turns them)          */
    Prompt prompt;             /* the `:` prompt: while open, keys are its text */
    /* The outcomes overlay (`o`): a survey of the open program, run by
     * worker processes; a timer polls them while they run, and only then. */
    Survey *survey;
    const Program *survey_prog;    /* the program it is of                     */
    int survey_state;              /* survey_poll's: 0 running, 1 done, -1      */
    bool survey_open;
    int survey_sel;
    uint64_t survey_start_ms;
    char survey_title[160];
    uv_timer_t survey_timer;
    bool survey_timer_on;
    bool dirty;
    int status;                /* tui_main's return value                     */
} App;

#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

static void on_close(uv_handle_t *h)
{
    App *a = h->data;
    a->open_handles--;
}

static void close_handle(App *a, uv_handle_t *h)
{
    if (!uv_is_closing(h)) {
        h->data = a;
        uv_close(h, on_close);
    }
}

/* The one way out: close every handle; uv_run returns when they are closed. */
static void app_quit(App *a, int status)
{
    if (a->closing) return;
    a->closing = true;
    a->status = status;
    close_handle(a, (uv_handle_t *)&a->input);
    close_handle(a, (uv_handle_t *)&a->timer);
    close_handle(a, (uv_handle_t *)&a->flush);
    close_handle(a, (uv_handle_t *)&a->survey_timer);
    for (int i = 0; i < NSIGNALS; i++) close_handle(a, (uv_handle_t *)&a->sig[i]);
}

static int screen_ctx(const App *a)
{
    return a->screen == SCREEN_LIVE && a->live ? live_ctx(a->live) : CTX_PICKER;
}

/* Playing needs the timer; anything else must not have it running. */
static void sync_timer(App *a);

static void on_tick(uv_timer_t *t)
{
    App *a = container_of(t, App, timer);
    if (a->screen != SCREEN_LIVE || !a->live) return;
    int fl = live_tick(a->live, live_frames_per_tick(a->live));
    if (fl & H_REDRAW) a->dirty = true;
    if (fl & H_TIMER) sync_timer(a);
}

static void sync_timer(App *a)
{
    if (a->closing) return;
    bool want = a->screen == SCREEN_LIVE && a->live && live_playing(a->live);
    if (want) {
        unsigned ms = live_timer_ms(a->live);
        if (!a->timer_on || ms != a->timer_ms) {
            uv_timer_start(&a->timer, on_tick, ms, ms);
            a->timer_on = true;
            a->timer_ms = ms;
        }
    } else if (a->timer_on) {
        uv_timer_stop(&a->timer);
        a->timer_on = false;
    }
}

/* ---- the outcomes overlay ------------------------------------------------- */

#define SURVEY_SEEDS 100
#define SURVEY_TUI_STEPS 20000000ULL   /* a run's frames at most: a few seconds */
#define SURVEY_POLL_MS 100

static void survey_drop(App *a)
{
    if (a->survey_timer_on) uv_timer_stop(&a->survey_timer);
    a->survey_timer_on = false;
    survey_free(a->survey);
    a->survey = NULL;
    a->survey_prog = NULL;
    a->survey_open = false;
}

static void on_survey_poll(uv_timer_t *t)
{
    App *a = container_of(t, App, survey_timer);
    if (!a->survey) return;
    a->survey_state = survey_poll(a->survey, false);
    if (a->survey_state != 0) {
        uv_timer_stop(&a->survey_timer);
        a->survey_timer_on = false;
    }
    if (a->survey_open) a->dirty = true;
}

/* `o`: show the open program's outcomes, starting the survey the first time. */
static void survey_show(App *a)
{
    const Program *p = live_program(a->live);
    if (!p) return;
    if (a->survey && a->survey_prog != p) survey_drop(a);
    a->survey_open = true;
    a->dirty = true;
    if (a->survey) return;
    static const int cores[] = { 1, 2, 4 };
    MachineConfig cfg = live_config(a->live);
    char err[200];
    a->survey = survey_start(p, &cfg, 1, SURVEY_SEEDS, cores, 3, SURVEY_TUI_STEPS, 0, err, sizeof err);
    if (!a->survey) {
        a->survey_open = false;
        return;
    }
    a->survey_prog = p;
    a->survey_state = 0;
    a->survey_sel = 0;
    a->survey_start_ms = uv_now(&a->loop);
    snprintf(a->survey_title, sizeof a->survey_title, "%s, seeds 1..%d on 1, 2, 4 cores: %ld runs",
             live_name(a->live), SURVEY_SEEDS, survey_runs(a->survey));
    uv_timer_start(&a->survey_timer, on_survey_poll, SURVEY_POLL_MS, SURVEY_POLL_MS);
    a->survey_timer_on = true;
}

/* A key while the overlay is open: choose, replay, or close. */
static void survey_key(App *a, int key)
{
    Action act = keys_lookup(CTX_PICKER, key);
    int n = 0;
    if (a->survey && a->survey_state == 1) survey_outcomes(a->survey, &n);
    a->dirty = true;
    if (act == ACT_UP && a->survey_sel > 0) { a->survey_sel--; return; }
    if (act == ACT_DOWN && a->survey_sel < n - 1) { a->survey_sel++; return; }
    if (act == ACT_OPEN && n > 0) {
        const SurveyOutcome *oc = survey_outcomes(a->survey, &n);
        a->survey_open = false;
        live_replay(a->live, oc[a->survey_sel].seed, oc[a->survey_sel].cores);
        sync_timer(a);
        return;
    }
    if (act == ACT_UP || act == ACT_DOWN || act == ACT_FIRST || act == ACT_LAST) return;
    a->survey_open = false;                  /* anything else closes it */
}

static void open_live(App *a, const char *name)
{
    char err[300];
    Live *l = live_open(name, &a->opts, err, sizeof err);
    if (!l) {
        snprintf(a->picker.message, sizeof a->picker.message, "%s", err);
        a->screen = SCREEN_PICKER;
        return;
    }
    survey_drop(a);
    live_free(a->live);
    a->live = l;
    a->screen = SCREEN_LIVE;
}

/* The picker, on the program that was open: a built-in scenario selected
 * in the list, or the user's own file listed first (and kept there). */
static void to_picker(App *a)
{
    char own[sizeof a->picker.own];
    snprintf(own, sizeof own, "%s", a->picker.own);
    const char *mine = a->live ? live_own_path(a->live) : NULL;
    if (mine) snprintf(own, sizeof own, "%s", mine);
    picker_fini(&a->picker);
    picker_init(&a->picker, a->live && !mine ? live_name(a->live) : NULL);
    if (own[0]) {
        int sel = a->picker.sel;
        picker_add_own(&a->picker, own);
        if (!mine) a->picker.sel = sel + 1;      /* the built-in one that was open */
    }
    survey_drop(a);
    live_free(a->live);
    a->live = NULL;
    a->prompt.open = false;
    a->screen = SCREEN_PICKER;
}

#define JUMP_HINT "1234, 1.5ms, seed 7, cores 4, slice 100us, policy single; Enter, Esc"

static void apply_flags(App *a, int fl)
{
    if (fl & H_QUIT) { app_quit(a, 0); return; }
    if (fl & H_PROMPT) prompt_open(&a->prompt, ":", JUMP_HINT);
    if (fl & H_MENU) to_picker(a);
    if (fl & H_OPEN) open_live(a, picker_selected(&a->picker));
    if (fl & (H_REDRAW | H_MENU | H_OPEN)) a->dirty = true;
    sync_timer(a);
}

static void handle_key(App *a, int key)
{
    if (key == KEYCODE(KEY_RESIZE)) { a->dirty = true; return; }
    if (a->help) {                       /* Space turns its page, any other key closes it */
        if (key == ' ' && a->help_page + 1 < view_help_pages(LINES, COLS, screen_ctx(a))) a->help_page++;
        else a->help = false;
        a->dirty = true;
        return;
    }
    if (a->prompt.open) {
        PromptResult r = prompt_key(&a->prompt, key);
        a->dirty = true;
        if (r == PROMPT_SUBMIT && a->screen == SCREEN_LIVE && a->live)
            apply_flags(a, live_jump(a->live, a->prompt.text));
        return;
    }
    if (a->survey_open) {
        survey_key(a, key);
        return;
    }
    int ctx = screen_ctx(a);
    bool overlay = a->screen == SCREEN_LIVE && a->live && live_overlay(a->live);
    Action act = keys_lookup(ctx, key);
    if (overlay) {                         /* n turns the notes' page, any other key closes */
        live_overlay_key(a->live, act == ACT_NOTES);
        a->dirty = true;
        return;
    }
    {
        switch (act) {
        case ACT_QUIT: app_quit(a, 0); return;
        case ACT_HELP: a->help = true; a->help_page = 0; a->dirty = true; return;
        case ACT_THEME:
            a->theme = (ThemeId)((a->theme + 1) % THEME_COUNT);
            theme_apply(a->theme, a->term.tier, a->term.ascii);
            if (a->screen == SCREEN_LIVE && a->live) {
                char said[160];
                snprintf(said, sizeof said, "theme: %s%s (t: the next one; INTERLEAVE_THEME=%s starts with it)",
                         theme_name(a->theme),
                         a->term.tier == TIER_NONE && a->theme != THEME_MONO ? ", in monochrome here" : "",
                         theme_name(a->theme));
                live_say(a->live, said);
            }
            a->dirty = true;
            return;
        case ACT_REDRAW: term_repaint(); a->dirty = true; return;
        case ACT_SURVEY:
            if (a->screen == SCREEN_LIVE && a->live) survey_show(a);
            return;
        default: break;
        }
    }
    if (act == ACT_NONE) return;
    int fl = a->screen == SCREEN_LIVE && a->live ? live_action(a->live, act)
                                                 : picker_action(&a->picker, act);
    apply_flags(a, fl);
}

static void drain_keys(App *a)
{
    int key;
    while (!a->closing && keys_read(&key)) handle_key(a, key);
}

static void on_input(uv_poll_t *h, int status, int events)
{
    App *a = container_of(h, App, input);
    /* The terminal is gone: stop, or get_wch would return ERR forever. */
    if (status < 0 || (events & UV_DISCONNECT)) { app_quit(a, 0); return; }
    drain_keys(a);
}

static void on_signal(uv_signal_t *h, int signum)
{
    App *a = h->data;
    if (signum == SIGWINCH) {
        term_resize();
        drain_keys(a);              /* resizeterm queued KEY_RESIZE */
        a->dirty = true;
        return;
    }
    app_quit(a, 128 + signum);          /* as a shell reports a process a signal ended */
}

static void draw(App *a)
{
    erase();
    if (LINES < MIN_ROWS || COLS < MIN_COLS) {
        draw_too_small(LINES, COLS);
    } else {
        if (a->screen == SCREEN_LIVE && a->live) live_draw(a->live, LINES, COLS);
        else picker_draw(&a->picker, LINES, COLS);
        if (a->survey_open && a->survey)
            view_survey_draw(LINES, COLS, a->survey, a->survey_state, a->survey_sel, a->survey_title,
                             (int)((uv_now(&a->loop) - a->survey_start_ms) / 1000));
        if (a->prompt.open && a->screen == SCREEN_LIVE) {
            Pane bar = pane_make(LINES - 1, 0, 1, COLS);
            view_prompt_draw(&bar, &a->prompt);
        }
        if (a->help) view_help_draw(LINES, COLS, screen_ctx(a), a->help_page);
    }
    wnoutrefresh(stdscr);
    doupdate();
}

static void on_flush(uv_prepare_t *h)
{
    App *a = container_of(h, App, flush);
    if (a->dirty && !a->closing) {
        draw(a);
        a->dirty = false;
    }
}

static ThemeId initial_theme(void)
{
    const char *t = getenv("INTERLEAVE_THEME");
    int id = t ? theme_parse(t) : -1;
    return id < 0 ? THEME_DARK : (ThemeId)id;
}

int tui_main(const TuiOptions *opts)
{
    static App app;                 /* one per process; its handles live here */
    App *a = &app;
    memset(a, 0, sizeof *a);
    a->opts = *opts;
    char err[300];

    /* Load first, so a bad file is reported on a plain terminal. */
    if (opts->scenario) {
        a->live = live_open(opts->scenario, opts, err, sizeof err);
        if (!a->live) {
            fprintf(stderr, "interleave: %s\n", err);
            return 1;
        }
        a->screen = SCREEN_LIVE;
    }
    if (term_init(&a->term, err, sizeof err)) {
        fprintf(stderr, "interleave: %s\n", err);
        live_free(a->live);
        return 1;
    }
    a->theme = initial_theme();
    if (!a->term.ascii && a->term.tier == TIER_NONE && a->theme != THEME_MONO) a->theme = THEME_DARK;
    theme_apply(a->theme, a->term.tier, a->term.ascii);
    picker_init(&a->picker, a->live ? live_name(a->live) : NULL);
    if (a->live && live_own_path(a->live)) picker_add_own(&a->picker, live_own_path(a->live));

    int rc = uv_loop_init(&a->loop);
    if (rc == 0) rc = uv_poll_init(&a->loop, &a->input, 0);
    if (rc) {
        term_fini();
        fprintf(stderr, "interleave: cannot watch the terminal: %s\n", uv_strerror(rc));
        picker_fini(&a->picker);
        live_free(a->live);
        return 1;
    }
    a->open_handles = 4 + NSIGNALS;
    uv_timer_init(&a->loop, &a->timer);
    uv_timer_init(&a->loop, &a->survey_timer);
    uv_prepare_init(&a->loop, &a->flush);
    uv_poll_start(&a->input, UV_READABLE | UV_DISCONNECT, on_input);
    uv_prepare_start(&a->flush, on_flush);
    for (int i = 0; i < NSIGNALS; i++) {
        uv_signal_init(&a->loop, &a->sig[i]);
        a->sig[i].data = a;
        uv_signal_start(&a->sig[i], on_signal, signal_numbers[i]);
    }
    a->dirty = true;
    uv_run(&a->loop, UV_RUN_DEFAULT);

    int close_rc = uv_loop_close(&a->loop);
    term_fini();
    if (close_rc != 0)
        fprintf(stderr, "interleave: internal error: %d libuv handles left open\n", a->open_handles);
    picker_fini(&a->picker);
    survey_drop(a);
    live_free(a->live);
    a->live = NULL;
    return a->status;
}
