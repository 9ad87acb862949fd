/* term.c — taking the terminal over and always giving it back (see term.h).
 *
 * The recipes follow TERMINAL.md: setlocale before curses, newterm (it returns
 * NULL for an unknown TERM where initscr would exit), cbreak rather than raw so
 * Ctrl-C still raises SIGINT for the loop's signal handle, nodelay reads, a
 * 25 ms Esc delay, default background colours.  The termios state and fd 0's
 * flags are saved before curses starts so that the crash handler can restore
 * them with nothing but write/tcsetattr/fcntl.
 */
#include "term.h"

#include <curses.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static SCREEN *screen;
static bool active;               /* curses is running                          */
static bool saved;                /* termios/fd flags below are valid           */
static struct termios saved_tio;
static int saved_fl = -1;         /* fd 0's F_GETFL before anything             */
static bool hooks_installed;

/* Crashes, and the signals whose default action ends the process that the
 * event loop does not take (SIGINT, SIGTERM, SIGHUP and SIGWINCH are its):
 * Ctrl-\\, a stray kill -USR1 or an alarm must not leave a broken terminal. */
static const int crash_signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL,
                                     SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                                     SIGXCPU, SIGXFSZ };

/* Async-signal-safe: reset attributes, show the cursor, turn mouse reporting
 * and the keypad's application mode off, leave the alternate screen, restore
 * termios and fd flags, then die of the same signal so the exit status and
 * core dump stay honest. */
static void crash_handler(int sig)
{
    static const char reset[] = "\033[0m\033[?25h\033[?1000l\033[?1006l\033[?1l\033>\033[?1049l\r\n";
    if (active && saved) {
        ssize_t w = write(STDOUT_FILENO, reset, sizeof reset - 1);
        (void)w;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tio);
        if (saved_fl != -1) fcntl(STDIN_FILENO, F_SETFL, saved_fl);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void restore_fd_flags(void)
{
    if (saved_fl != -1) fcntl(STDIN_FILENO, F_SETFL, saved_fl);
}

static void at_exit(void)
{
    if (active && !isendwin()) endwin();
    if (saved) restore_fd_flags();
}

static void install_hooks(void)
{
    if (hooks_installed) return;
    hooks_installed = true;
    atexit(at_exit);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = crash_handler;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
        sigaction(crash_signals[i], &sa, NULL);
}

bool term_locale_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

ColorTier term_pick_tier(void)
{
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc) return TIER_NONE;
    if (!has_colors()) return TIER_NONE;
    if (start_color() == ERR) return TIER_NONE;
    use_default_colors();
    if (COLORS >= 256 && COLOR_PAIRS >= 64) return TIER_256;
    if (COLORS >= 8 && COLOR_PAIRS >= 16) return TIER_8;
    return TIER_NONE;
}

/* Can the terminal put the cursor anywhere (terminfo's cup)? */
static bool cursor_addressable(void)
{
    const char *cup = tigetstr("cup");
    return cup && cup != (const char *)-1;
}

int term_init(TermInfo *out, char *err, unsigned errn)
{
    memset(out, 0, sizeof *out);
    if (active) return 0;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        snprintf(err, errn, "the interactive view needs a terminal "
                 "(try 'interleave run SCENARIO' for plain output)");
        return -1;
    }
    setlocale(LC_ALL, "");
    const char *asc = getenv("INTERLEAVE_ASCII");
    out->ascii = !term_locale_is_utf8() || (asc && *asc && strcmp(asc, "0") != 0);

    if (tcgetattr(STDIN_FILENO, &saved_tio) != 0) {
        snprintf(err, errn, "cannot read the terminal settings");
        return -1;
    }
    saved_fl = fcntl(STDIN_FILENO, F_GETFL);
    saved = true;
    install_hooks();

    const char *term = getenv("TERM");
    screen = newterm(term && *term ? term : "vt100", stdout, stdin);
    if (!screen) {
        snprintf(err, errn, "unknown terminal type '%s' (check TERM)", term ? term : "");
        saved = false;
        return -1;
    }
    set_term(screen);
    if (!cursor_addressable()) {          /* TERM=dumb: every frame would be garbage */
        endwin();
        delscreen(screen);
        screen = NULL;
        saved = false;
        snprintf(err, errn, "the terminal '%s' cannot move the cursor, which the interactive view needs "
                 "(set TERM, e.g. TERM=xterm, or use 'interleave run SCENARIO')", term && *term ? term : "vt100");
        return -1;
    }
    active = true;
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    leaveok(stdscr, TRUE);
    out->tier = term_pick_tier();
    return 0;
}

void term_fini(void)
{
    if (active) {
        if (!isendwin()) endwin();
        delscreen(screen);
        screen = NULL;
        active = false;
    }
    if (saved) {
        restore_fd_flags();
        saved = false;
    }
}

bool term_active(void)
{
    return active;
}

void term_resize(void)
{
    if (!active) return;
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
        resizeterm(ws.ws_row, ws.ws_col);
}

void term_repaint(void)
{
    if (active) clearok(curscr, TRUE);
}
