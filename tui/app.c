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

static void open_live(App *a, const char *name)
{
    char err[300];
    Live *l = live_open(name, &a->opts, err, sizeof err);
    if (!l) {
        snprintf(a->picker.message, sizeof a->picker.message, "%s", err);
        a->screen = SCREEN_PICKER;
        return;
    }
    live_free(a->live);
    a->live = l;
    a->screen = SCREEN_LIVE;
}

static void to_picker(App *a)
{
    const char *name = a->live ? live_name(a->live) : NULL;
    int sel = a->picker.sel;
    for (int i = 0; name && i < scenarios_builtin_count; i++)
        if (strcmp(scenarios_builtin[i].name, name) == 0) sel = i;
    a->picker.sel = sel;
    live_free(a->live);
    a->live = NULL;
    a->screen = SCREEN_PICKER;
}

static void apply_flags(App *a, int fl)
{
    if (fl & H_QUIT) { app_quit(a, 0); return; }
    if (fl & H_MENU) to_picker(a);
    if (fl & H_OPEN) open_live(a, picker_selected(&a->picker));
    if (fl & (H_REDRAW | H_MENU | H_OPEN)) a->dirty = true;
    sync_timer(a);
}

static void handle_key(App *a, int key)
{
    if (key == KEYCODE(KEY_RESIZE)) { a->dirty = true; return; }
    if (a->help) {                       /* any key closes the help */
        a->help = false;
        a->dirty = true;
        return;
    }
    int ctx = screen_ctx(a);
    bool overlay = a->screen == SCREEN_LIVE && a->live && live_overlay(a->live);
    Action act = keys_lookup(ctx, key);
    if (overlay) act = ACT_NOTES;          /* any key closes the notes */
    if (!overlay) {
        switch (act) {
        case ACT_QUIT: app_quit(a, 0); return;
        case ACT_HELP: a->help = true; a->dirty = true; return;
        case ACT_THEME:
            a->theme = (ThemeId)((a->theme + 1) % THEME_COUNT);
            theme_apply(a->theme, a->term.tier, a->term.ascii);
            a->dirty = true;
            return;
        case ACT_REDRAW: term_repaint(); a->dirty = true; return;
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
    app_quit(a, signum == SIGINT ? 0 : 128 + signum);
}

static void draw(App *a)
{
    erase();
    if (LINES < MIN_ROWS || COLS < MIN_COLS) {
        draw_too_small(LINES, COLS);
    } else {
        if (a->screen == SCREEN_LIVE && a->live) live_draw(a->live, LINES, COLS);
        else picker_draw(&a->picker, LINES, COLS);
        if (a->help) view_help_draw(LINES, COLS, screen_ctx(a));
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

    int rc = uv_loop_init(&a->loop);
    if (rc == 0) rc = uv_poll_init(&a->loop, &a->input, 0);
    if (rc) {
        term_fini();
        fprintf(stderr, "interleave: cannot watch the terminal: %s\n", uv_strerror(rc));
        picker_fini(&a->picker);
        live_free(a->live);
        return 1;
    }
    a->open_handles = 3 + NSIGNALS;
    uv_timer_init(&a->loop, &a->timer);
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
    live_free(a->live);
    a->live = NULL;
    return a->status;
}
