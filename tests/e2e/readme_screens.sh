#!/bin/sh
# The README's screens are real runs.  Each block that follows a marker line
#   <!-- screen: ARGS | KEYS | COLSxROWS | wait: REGEX -->
# is what `interleave ARGS` shows in a COLSxROWS terminal after the tmux KEYS
# (space separated, may be empty) once REGEX is on the screen, trailing
# blanks cut.
#
#   tests/e2e/readme_screens.sh path/to/interleave            check (exit 1 on a difference)
#   tests/e2e/readme_screens.sh path/to/interleave --update   rewrite README.md
set -u
bin=${1:?usage: readme_screens.sh path/to/interleave [--update]}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
update=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
readme=$root/README.md
tmp=$(mktemp -d)
sock="interleave-readme-$$"
trap 'tmux -L $sock kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

# render ARGS KEYS SIZE REGEX > screen
render() {
    cols=${3%x*}; rows=${3#*x}
    tmux -L $sock kill-server 2>/dev/null
    tmux -L $sock -f /dev/null new-session -d -x "$cols" -y "$rows" -s r \
        "cd '$root' && env -i PATH=$PATH TERM=tmux-256color LANG=C.UTF-8 $bin $1; sleep 60" || return 1
    tries=200
    until tmux -L $sock capture-pane -p -t r | grep -q 'Space'; do
        tries=$((tries - 1)); [ $tries -gt 0 ] || return 1; sleep 0.05
    done
    # shellcheck disable=SC2086
    [ -z "$2" ] || tmux -L $sock send-keys -t r $2
    tries=600
    until tmux -L $sock capture-pane -p -t r | grep -Eq -- "$4"; do
        tries=$((tries - 1)); [ $tries -gt 0 ] || return 1; sleep 0.05
    done
    tmux -L $sock capture-pane -p -t r | sed 's/ *$//'
}

fail=0 n=0
: > "$tmp/new"
state=text
while IFS= read -r line || [ -n "$line" ]; do
    case $state in
    text)
        printf '%s\n' "$line" >> "$tmp/new"
        case $line in
        '<!-- screen: '*' -->')
            spec=${line#'<!-- screen: '}; spec=${spec%' -->'}
            args=$(printf '%s' "$spec" | awk -F ' [|] ' '{ print $1 }')
            keys=$(printf '%s' "$spec" | awk -F ' [|] ' '{ print $2 }')
            size=$(printf '%s' "$spec" | awk -F ' [|] ' '{ print $3 }')
            want=$(printf '%s' "$spec" | awk -F ' [|] ' '{ sub(/^wait: /, "", $4); print $4 }')
            n=$((n + 1))
            if ! render "$args" "$keys" "$size" "$want" > "$tmp/screen.$n"; then
                echo "README screen $n ($args): '$want' never appeared"; fail=1
            fi
            state=marker ;;
        esac ;;
    marker)
        # the opening fence, then the old screen up to the closing fence
        printf '%s\n' "$line" >> "$tmp/new"
        : > "$tmp/old.$n"; state=block ;;
    block)
        if [ "$line" = '```' ]; then
            cat "$tmp/screen.$n" >> "$tmp/new"
            printf '%s\n' "$line" >> "$tmp/new"
            if ! cmp -s "$tmp/old.$n" "$tmp/screen.$n"; then
                if [ "$update" != --update ]; then
                    echo "README screen $n ($args) differs from what the program shows:"
                    diff "$tmp/old.$n" "$tmp/screen.$n" | head -20
                    fail=1
                fi
            fi
            state=text
        else
            printf '%s\n' "$line" >> "$tmp/old.$n"
        fi ;;
    esac
done < "$readme"
[ $n -gt 0 ] || { echo "README.md has no <!-- screen: --> marker"; exit 1; }
if [ "$update" = --update ]; then
    cp "$tmp/new" "$readme"
    echo "README.md: $n screen(s) rendered"
fi
exit $fail
