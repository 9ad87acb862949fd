# mask.awk — the parts of an outcome that differ from machine to machine
# become words: a Go duration ("1.5ms", "2m3.1s") becomes <duration>, a ratio
# ("1.93x") <ratio>, and the run count of an "outcome" line goes.  With
# -v numbers=1 every other number of stdout becomes <n> as well.
function mask(s, re, word,    out, pre, tok, post) {
    out = ""
    while (match(s, re)) {
        pre = substr(s, 1, RSTART - 1); tok = substr(s, RSTART, RLENGTH)
        post = substr(s, RSTART + RLENGTH)
        # not inside a word or a hex number: 0x1c, v2x
        if ((pre != "" && substr(pre, length(pre)) ~ /[A-Za-z0-9_.]/) ||
            (post != "" && substr(post, 1, 1) ~ /[A-Za-z0-9_]/)) {
            out = out pre tok; s = post; continue
        }
        out = out pre word; s = post
    }
    return out s
}
/^outcome / { print "outcome", $3, $4; next }
{
    $0 = mask($0, "([0-9]+(\\.[0-9]+)?(h|ms|m|s|µs|us|ns))+", "<duration>")
    $0 = mask($0, "[0-9]+(\\.[0-9]+)?x", "<ratio>")
    if (numbers && /^\| /) $0 = "| " mask(substr($0, 3), "-?[0-9]+(\\.[0-9]+)?", "<n>")
    print
}
