# The expectation format of tests/go, in one place (POSIX awk; used by run.sh and
# bless.sh).  An outcome is a block of comment lines, always in this order:
#
#   // expect-status: N             exit status (a block without one means 0)
#   // expect-stdout: TEXT          one line of stdout, TEXT + "\n"
#   // expect-stdout-noeol: TEXT    the last piece of stdout, with no "\n" after it
#   // expect-stderr: TEXT          one line of stderr (likewise -noeol)
#   // expect-trace: TEXT           Go-visible shape of a panic's goroutine traces
#
# One space separates the colon from TEXT; everything after it is verbatim (an empty
# line is written "// expect-stdout:").  For a crash (stderr has a "panic: " or
# "fatal error: " line followed by a "goroutine N [...]:" header) expect-stderr holds
# the lines before the first goroutine header exactly, except that " pc=0x..." in
# Go's "[signal SIGSEGV ...]" line reads " pc=?"; the traces from that header on are
# reduced by go_shape, the normalisation of tests/golden/run.sh: goroutine headers
# with ids renumbered in order of appearance, main.* frames without arguments,
# their file:line basenames, "created by main.*".  (One difference: only the final
# argument list is cut from a frame, so "main.(*T).M(...)" keeps its receiver type.)
#
# mode=encode   ARGV: STDOUT-FILE STDERR-FILE; -v status= -v out_noeol= -v err_noeol=
#               prints the outcome block of one run.
# mode=expect   ARGV: TEST-FILE; -v prefix=P
#               writes each outcome block of the file, canonical, to P.1, P.2, ...
#               and its origin ("single", "observed" or "hand") to P.1.origin ...
#               (and a hand block's own "// outcome:" line to P.1.line);
#               prints the number of blocks.  "// outcome: observed" starts a block
#               written by bless.sh; any other "// outcome:" line starts a block
#               written by hand.
# mode=error    ARGV: TEST-FILE; prints the "LINE:COL: message" of its expect-error.

function emit(tag, s) {
    if (s == "") print "// " tag ":"
    else print "// " tag ": " s
}

function value(line, tag,    s) {
    s = substr(line, length("// " tag ":") + 1)
    if (substr(s, 1, 1) == " ") s = substr(s, 2)
    return s
}

# go_shape of tests/golden/run.sh, over err[from..to], one line per emit.
function shape(from, to,    i, n, keep, line, fn, loc) {
    n = 0; keep = 0
    for (i = from; i <= to; i++) {
        line = err[i]
        if (line ~ /^fatal error:|^panic:/) { emit("expect-trace", line); continue }
        if (line ~ /^goroutine [0-9]+ \[/) {
            n++; sub(/^goroutine [0-9]+/, "goroutine #" n, line)
            emit("expect-trace", line); keep = 0; continue
        }
        if (line ~ /^(main\.|created by main)/) {
            fn = line; sub(/\([^()]*\)$/, "", fn); emit("expect-trace", fn); keep = 1; continue
        }
        if (line ~ /^\t/) {
            if (keep) { loc = line; sub(/^\t/, "", loc); sub(/ .*$/, "", loc); sub(/.*\//, "", loc)
                        emit("expect-trace", "\t" loc) }
            keep = 0; continue
        }
        keep = 0
    }
}

function flush_block(    i, f) {
    if (nb == 0) return
    f = prefix "." nb
    print "// expect-status: " (bstatus == "" ? 0 : bstatus) > f
    # stdout lines then stderr lines then trace lines, each in file order
    for (i = 1; i <= nl; i++) if (lk[i] == "expect-stdout" || lk[i] == "expect-stdout-noeol") emit2(f, lk[i], lv[i])
    for (i = 1; i <= nl; i++) if (lk[i] == "expect-stderr" || lk[i] == "expect-stderr-noeol") emit2(f, lk[i], lv[i])
    for (i = 1; i <= nl; i++) if (lk[i] == "expect-trace") emit2(f, lk[i], lv[i])
    close(f)
    print origin > (f ".origin"); close(f ".origin")
    if (origin == "hand") { print oline > (f ".line"); close(f ".line") }
}

function emit2(f, tag, s) {
    if (s == "") print "// " tag ":" > f
    else print "// " tag ": " s > f
}

function start_block(o) { flush_block(); nb++; nl = 0; bstatus = ""; origin = o; oline = $0 }

mode == "encode" && FILENAME == ARGV[1] { out[++no] = $0; next }
mode == "encode" { err[++ne] = $0; next }

mode == "expect" && /^\/\/ outcome:/ {
    start_block($0 ~ /^\/\/ outcome: observed[ \t]*$/ ? "observed" : "hand"); next
}
mode == "expect" && /^\/\/ expect-status:/ {
    if (nb == 0) start_block("single")
    bstatus = value($0, "expect-status") + 0; next
}
mode == "expect" && /^\/\/ expect-(stdout|stdout-noeol|stderr|stderr-noeol|trace):/ {
    if (nb == 0) start_block("single")
    tag = $0; sub(/^\/\/ /, "", tag); sub(/:.*$/, "", tag)
    lk[++nl] = tag; lv[nl] = value($0, tag); next
}

mode == "error" && /^\/\/ expect-error:/ && !found { print value($0, "expect-error"); found = 1 }

END {
    if (mode == "expect") { flush_block(); print nb + 0; exit }
    if (mode != "encode") exit
    print "// expect-status: " status
    for (i = 1; i <= no; i++) emit(i == no && out_noeol ? "expect-stdout-noeol" : "expect-stdout", out[i])
    cut = 0; crashed = 0
    for (i = 1; i <= ne; i++) {
        if (err[i] ~ /^(panic: |fatal error: )/) crashed = 1
        if (crashed && err[i] ~ /^goroutine [0-9]+ \[.*\]:$/) { cut = i; break }
    }
    last = cut ? cut - 1 : ne
    for (i = 1; i <= last; i++) {
        line = err[i]
        if (cut) gsub(/ pc=0x[0-9a-f]+/, " pc=?", line)
        emit(!cut && i == ne && err_noeol ? "expect-stderr-noeol" : "expect-stderr", line)
    }
    if (cut) shape(cut, ne)
}
