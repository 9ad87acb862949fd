/* ast_print.c — an expression as Go's syntax printer renders it in
 * messages: "v1.value + v2.value", "func(a int) int {…}" (go/types'
 * ExprString).  The parser and the checker both quote expressions this way.
 *
 * It writes into the caller's fixed buffer and truncates silently, as the
 * Diagnostic that quotes it will (its message holds 200 bytes).
 */
#include "ast.h"

#include "lex.h"
#include "util.h"

static void expr_str(const Expr *e, TextBuf *s);

/* A parameter or result list as written, names grouped by their shared type:
 * "(a, b int, s string)". */
static void fields_str(const Field *fs, int n, TextBuf *s)
{
    textbuf_put(s, "(");
    for (int i = 0; i < n; i++) {
        if (fs[i].name) textbuf_put(s, "%.*s", fs[i].namelen, fs[i].name);
        if (fs[i].name && i + 1 < n && fs[i + 1].type == fs[i].type) {
            textbuf_put(s, ", ");
            continue;
        }
        if (fs[i].name) textbuf_put(s, " ");
        expr_str(fs[i].type, s);
        if (i + 1 < n) textbuf_put(s, ", ");
    }
    textbuf_put(s, ")");
}

static void expr_str(const Expr *e, TextBuf *s)
{
    switch (e->kind) {
    case EX_IDENT: textbuf_put(s, "%.*s", e->namelen, e->name); break;
    case EX_INT: case EX_STRING: textbuf_put(s, "%.*s", e->litlen, e->lit); break;
    case EX_FUNCLIT:   /* as Go's syntax printer shortens it: func(a int) int {…} */
        textbuf_put(s, "func");
        fields_str(e->fn->params, e->fn->nparams, s);
        if (e->fn->nresults == 1 && !e->fn->results[0].name) {
            textbuf_put(s, " ");
            expr_str(e->fn->results[0].type, s);
        } else if (e->fn->nresults) {
            textbuf_put(s, " ");
            fields_str(e->fn->results, e->fn->nresults, s);
        }
        textbuf_put(s, e->fn->body && e->fn->body->nbody ? " {…}" : " {}");
        break;
    case EX_COMPOSITE:
        if (e->x) expr_str(e->x, s);
        textbuf_put(s, e->nargs ? "{…}" : "{}");
        break;
    case EX_KEYVALUE: expr_str(e->x, s); textbuf_put(s, ": "); expr_str(e->y, s); break;
    case EX_PAREN: textbuf_put(s, "("); expr_str(e->x, s); textbuf_put(s, ")"); break;
    case EX_SELECTOR: expr_str(e->x, s); textbuf_put(s, ".%.*s", e->namelen, e->name); break;
    case EX_CALL:
        expr_str(e->x, s);
        textbuf_put(s, "(");
        for (int i = 0; i < e->nargs; i++) {
            if (i) textbuf_put(s, ", ");
            expr_str(e->args[i], s);
        }
        textbuf_put(s, ")");
        break;
    case EX_STAR: textbuf_put(s, "*"); expr_str(e->x, s); break;
    case EX_UNARY: textbuf_put(s, "%s", lex_kind_text(e->op)); expr_str(e->x, s); break;
    case EX_BINARY:
        expr_str(e->x, s);
        textbuf_put(s, " %s ", lex_kind_text(e->op));
        expr_str(e->y, s);
        break;
    case EX_STRUCTTYPE: textbuf_put(s, "struct{…}"); break;
    case EX_FUNCTYPE: textbuf_put(s, "func(…)"); break;
    case EX_IFACETYPE: textbuf_put(s, "interface{…}"); break;
    case EX_TYPEASSERT:
        expr_str(e->x, s);
        textbuf_put(s, ".(");
        if (e->y) expr_str(e->y, s);
        else textbuf_put(s, "type");
        textbuf_put(s, ")");
        break;
    case EX_CHANTYPE:
        textbuf_put(s, "%s", e->op == CHAN_RECV ? "<-chan " : e->op == CHAN_SEND ? "chan<- " : "chan ");
        expr_str(e->x, s);
        break;
    case EX_FLOAT: textbuf_put(s, "%.*s", e->litlen, e->lit); break;
    case EX_INDEX: expr_str(e->x, s); textbuf_put(s, "["); expr_str(e->y, s); textbuf_put(s, "]"); break;
    case EX_SLICEEXPR:
        expr_str(e->x, s);
        textbuf_put(s, "[");
        if (e->y) expr_str(e->y, s);
        textbuf_put(s, ":");
        if (e->hi) expr_str(e->hi, s);
        if (e->max) { textbuf_put(s, ":"); expr_str(e->max, s); }
        textbuf_put(s, "]");
        break;
    case EX_ARRAYTYPE:
        textbuf_put(s, "[");
        if (e->dots) textbuf_put(s, "...");
        else if (e->x) expr_str(e->x, s);
        textbuf_put(s, "]");
        expr_str(e->y, s);
        break;
    case EX_MAPTYPE: textbuf_put(s, "map["); expr_str(e->x, s); textbuf_put(s, "]"); expr_str(e->y, s); break;
    default: textbuf_put(s, "?"); break;
    }
}

void ast_expr_string(const Expr *e, char *buf, size_t n)
{
    TextBuf s = {buf, n, 0};
    buf[0] = 0;
    expr_str(e, &s);
}
