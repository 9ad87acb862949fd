# lib.sh — helpers for tmux end-to-end tests (sourced by tests/e2e/test_*.sh).
# Each test gets a private tmux server (its own socket) that is killed on exit,
# a fixed terminal size, TERM, locale and seed, and waits for text on screen by
# polling with a timeout instead of sleeping a fixed time.
set -u
BIN=${BIN:?BIN must name the interleave binary}
SOCK="interleave-e2e-$$-${TEST_NAME:-t}"
TMUX_CMD="tmux -L $SOCK -f /dev/null"
WORK=$(mktemp -d)
trap '$TMUX_CMD kill-server 2>/dev/null; rm -rf "$WORK"' EXIT

fail() { echo "FAIL ${TEST_NAME:-e2e}: $*"; echo "--- screen:"; screen; exit 1; }

# start_shell W H: a session running a plain shell, so the test can check the
# terminal the program leaves behind.
start_shell() {
    $TMUX_CMD new-session -d -x "$1" -y "$2" -s main \
        "env -i PATH=$PATH HOME=$WORK TERM=tmux-256color LANG=C.UTF-8 PS1='$ ' \
         ASAN_OPTIONS=${ASAN_OPTIONS:-} UBSAN_OPTIONS=${UBSAN_OPTIONS:-} sh" || exit 1
    $TMUX_CMD set-option -g remain-on-exit on >/dev/null
    wait_for '\$' 10 || fail "shell did not start"
}

type_line() { $TMUX_CMD send-keys -t main -l "$1"; $TMUX_CMD send-keys -t main Enter; }
keys() { $TMUX_CMD send-keys -t main "$@"; }
screen() { $TMUX_CMD capture-pane -p -t main 2>/dev/null; }

# wait_for REGEX [SECONDS]: poll the screen until grep -E finds REGEX.
wait_for() {
    pattern=$1; limit=${2:-10}; tries=$((limit * 20))
    while [ $tries -gt 0 ]; do
        screen | grep -Eq -- "$pattern" && return 0
        sleep 0.05
        tries=$((tries - 1))
    done
    return 1
}

# wait_gone REGEX [SECONDS]: poll until REGEX is no longer on screen.
wait_gone() {
    pattern=$1; limit=${2:-10}; tries=$((limit * 20))
    while [ $tries -gt 0 ]; do
        screen | grep -Eq -- "$pattern" || return 0
        sleep 0.05
        tries=$((tries - 1))
    done
    return 1
}

# assert_sane_terminal: after the program quit, the shell's terminal must be in
# canonical mode with echo, and stdin must not be left non-blocking.
assert_sane_terminal() {
    type_line "stty -a > $WORK/stty; echo STTY-DONE"
    wait_for '^STTY-DONE' 10 || fail "shell did not answer after quit"
    grep -q -- ' icanon' "$WORK/stty" || fail "terminal left without icanon: $(cat "$WORK/stty")"
    grep -q -- ' echo ' "$WORK/stty" || fail "terminal left without echo"
}

# Colours are what some marks are made of (a data race's cell on the timeline),
# so a test reads them too: capture-pane -e draws them as SGR sequences.
# The awk below counts display columns by UTF-8 lead bytes (LC_ALL=C: bytes,
# whichever awk this is) and keeps the SGR state while it walks a line.
screen_sgr() { $TMUX_CMD capture-pane -e -p -t main 2>/dev/null; }

# row N: line N (0-based) of the screen as text; row_sgr N: with its colours.
row() { screen | sed -n "$(($1 + 1))p"; }
row_sgr() { screen_sgr | sed -n "$(($1 + 1))p"; }

AWK_UTF8='BEGIN { for (k = 128; k < 192; k++) cont = cont sprintf("%c", k) }
function lead(c) { return !index(cont, c) }'

# display_col TEXT: the display column (0-based) where TEXT first starts in
# the line on stdin; -1 when it is not there.
display_col() {
    LC_ALL=C awk -v t="$1" "$AWK_UTF8"'
    { i = index($0, t); if (!i) { print -1; exit }
      x = 0; for (k = 1; k < i; k++) if (lead(substr($0, k, 1))) x++
      print x; exit }'
}

# style_at COL: the colours and attributes in effect at display column COL of
# the line on stdin (a row_sgr line), as "fg=231 bg=160 bold"; "-" is the
# terminal's default colour.
style_at() {
    LC_ALL=C awk -v col="$1" "$AWK_UTF8"'
    function reset() { fg = "-"; bg = "-"; bold = 0; rev = 0 }
    function sgr(p,   n, a, i, v, c) {
        n = split(p, a, ";")
        if (n == 0) reset()
        for (i = 1; i <= n; i++) {
            v = a[i] + 0
            if (v == 0) reset()
            else if (v == 1) bold = 1
            else if (v == 22) bold = 0
            else if (v == 7) rev = 1
            else if (v == 27) rev = 0
            else if (v == 38 || v == 48) {
                if (a[i + 1] == 5) { c = a[i + 2]; i += 2 }
                else { c = a[i + 2] ":" a[i + 3] ":" a[i + 4]; i += 4 }
                if (v == 38) fg = c; else bg = c
            }
            else if (v == 39) fg = "-"
            else if (v == 49) bg = "-"
            else if ((v >= 30 && v <= 37) || (v >= 90 && v <= 97)) fg = "c" v
            else if ((v >= 40 && v <= 47) || (v >= 100 && v <= 107)) bg = "c" v
        }
    }
    BEGIN { reset() }
    { s = $0; n = length(s); x = 0; i = 1
      while (i <= n) {
          c = substr(s, i, 1)
          if (c == "\033") {
              rest = substr(s, i + 1)
              if (substr(rest, 1, 1) == "[") {
                  j = match(rest, /[A-Za-z]/)
                  if (substr(rest, j, 1) == "m") sgr(substr(rest, 2, j - 2))
                  i += j + 1
              } else i += 2
              continue
          }
          if (lead(c)) {
              if (x == col) { print "fg=" fg " bg=" bg (bold ? " bold" : "") (rev ? " reverse" : ""); exit }
              x++
          }
          i++
      }
      print "none" }'
}
