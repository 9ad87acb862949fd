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
