/* check_unsupported.c — features outside the subset, found before parsing.
 *
 * Some features interleave will never simulate: the network, other processes,
 * reflection, raw memory, cgo, goto, complex numbers.  A program using one of
 * them gets "interleave does not support X" at the construct, and nothing
 * else: any further message (a syntax error at a label the parser does not
 * know, "undefined: json" after the import was refused) would only distract
 * from the one thing to change.  So this pass runs over the tokens before the
 * parser, as a filter, and when it reports anything the parser and checker do
 * not run, the way Go's type checker does not run after a syntax error.
 *
 * It works on tokens rather than on the tree because the tree may not exist:
 * `goto` needs a label, and the parser may stop at that label first; an
 * import of encoding/json comes with slices and byte conversions the parser
 * may not have.  Packages that might join the subset are not listed here; the
 * checker (sim/lang/scope.c) refuses those by its list of supported ones.
 */
#include "check.h"

#include <string.h>
#include "lex.h"
#include "parse.h"

/* Import paths that can never be simulated, by prefix ("net/http" covers
 * net/http/httptest ...): the network beyond loopback TCP (package net
 * itself is simulated, sim/lib/net.c), processes and signals, raw memory,
 * reflection (and the encoders built on it), real randomness, the
 * toolchain's own packages.  "C" is cgo and has its own message. */
static const char *const never_packages[] = {
    "net/http", "net/url", "net/rpc", "net/smtp", "net/mail", "net/textproto", "net/netip",
    "os/exec", "os/signal", "os/user", "syscall", "unsafe", "reflect", "plugin",
    "encoding/json", "encoding/xml", "encoding/gob", "database/sql", "runtime/cgo",
    "io/ioutil", "io/fs", "path/filepath", "embed", "mime", "crypto", "log/syslog",
    "expvar", "testing", "debug", "go",
};

static bool has_prefix_path(const char *path, int len, const char *prefix)
{
    int n = (int)strlen(prefix);
    return len >= n && memcmp(path, prefix, (size_t)n) == 0 && (len == n || path[n] == '/');
}

static bool is_word(const Token *t, const char *w)
{
    return (int)strlen(w) == t->len && memcmp(t->start, w, (size_t)t->len) == 0;
}

static void import_path(const Token *t, DiagList *dl)
{
    /* Import paths are plain ASCII in practice: the text between the quotes
     * is the path (an escaped path is not worth decoding for this). */
    const char *path = t->start + 1;
    int len = t->len >= 2 ? t->len - 2 : 0;
    if (len == 1 && path[0] == 'C') {
        parse_diag(dl, t->line, t->col, "interleave does not support cgo");
        return;
    }
    for (size_t i = 0; i < sizeof never_packages / sizeof never_packages[0]; i++) {
        if (has_prefix_path(path, len, never_packages[i])) {
            parse_diag(dl, t->line, t->col, "interleave does not support package %.*s", len, path);
            return;
        }
    }
}

int check_unsupported(const char *src, size_t len, DiagList *dl)
{
    int before = dl->n;
    Lexer lx;
    lex_init(&lx, src, len);
    bool in_import = false;   /* after `import`, until the spec (or group) ends */
    int depth = 0;            /* parentheses of an import group                 */
    for (;;) {
        Token t = lex_next(&lx);
        if (t.kind == TK_EOF || t.kind == TK_ERROR) break;   /* the parser reports errors */
        switch (t.kind) {
        case TK_IMPORT: in_import = true; depth = 0; break;
        case TK_LPAREN: if (in_import) depth++; break;
        case TK_RPAREN: if (in_import && --depth <= 0) in_import = false; break;
        case TK_SEMI: if (in_import && depth == 0) in_import = false; break;
        case TK_STRING:
            if (in_import) import_path(&t, dl);
            break;
        case TK_GOTO:
            parse_diag(dl, t.line, t.col, "interleave does not support goto");
            break;
        case TK_FLOAT:
            /* 2i: an imaginary literal */
            if (t.start[t.len - 1] == 'i')
                parse_diag(dl, t.line, t.col, "interleave does not support complex numbers");
            break;
        case TK_IDENT:
            if (is_word(&t, "complex64") || is_word(&t, "complex128"))
                parse_diag(dl, t.line, t.col, "interleave does not support complex numbers");
            break;
        default: break;
        }
    }
    return dl->n - before;
}
