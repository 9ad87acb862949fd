/* types_print.c — how the checker's messages name types, expressions and
 * operands: "func(int) string", "x (variable of type int)", "3 (untyped
 * int constant)".  Expressions print as the syntax tree has them
 * (sim/lang/ast_print.c).
 *
 * Every printer writes into a caller's fixed buffer and truncates silently,
 * as the Diagnostic that quotes it will (its message holds 200 bytes).
 */
#include "types.h"

#include <stdio.h>
#include <string.h>
#include "lex.h"
#include "util.h"

static void type_str(const Type *t, TextBuf *s)
{
    if (t->name) { textbuf_put(s, "%s", t->name); return; }
    switch (t->kind) {
    case TY_PTR:
        textbuf_put(s, "*");
        type_str(t->elem, s);
        break;
    case TY_CHAN: {
        /* go/types: chan (<-chan int) keeps the inner arrow off the outer chan */
        bool paren = t->dir == CHAN_BOTH && t->elem->kind == TY_CHAN && !t->elem->name &&
                     t->elem->dir == CHAN_RECV;
        textbuf_put(s, "%s", t->dir == CHAN_RECV ? "<-chan " : t->dir == CHAN_SEND ? "chan<- " : "chan ");
        if (paren) textbuf_put(s, "(");
        type_str(t->elem, s);
        if (paren) textbuf_put(s, ")");
        break;
    }
    case TY_STRUCT:
        textbuf_put(s, "struct{");
        for (int i = 0; i < t->nfields; i++) {
            textbuf_put(s, "%s%.*s ", i ? "; " : "", t->fields[i].namelen, t->fields[i].name);
            type_str(t->fields[i].type, s);
        }
        textbuf_put(s, "}");
        break;
    case TY_IFACE:
        if (!t->nmethods) { textbuf_put(s, "interface{}"); break; }
        textbuf_put(s, "interface{");
        for (int i = 0; i < t->nmethods; i++) {
            textbuf_put(s, "%s%.*s", i ? "; " : "", t->methods[i].namelen, t->methods[i].name);
            TextBuf sub = {s->buf + s->len, s->n - s->len, 0};
            type_str(t->methods[i].sig, &sub);
            /* drop the "func" of the signature */
            if (sub.len >= 4) memmove(sub.buf, sub.buf + 4, sub.len - 3), sub.len -= 4;
            s->len += sub.len;
        }
        textbuf_put(s, "}");
        break;
    case TY_FUNC: case TY_TUPLE:
        if (t->kind == TY_FUNC) {
            textbuf_put(s, "func(");
            for (int i = 0; i < t->nparams; i++) {
                if (i) textbuf_put(s, ", ");
                type_str(t->params[i], s);
            }
            textbuf_put(s, ")");
            if (t->nresults) textbuf_put(s, " ");
        }
        if (t->nresults != 1 || t->kind == TY_TUPLE) textbuf_put(s, "(");
        for (int i = 0; i < t->nresults; i++) {
            if (i) textbuf_put(s, ", ");
            type_str(t->results[i], s);
        }
        if (t->nresults != 1 || t->kind == TY_TUPLE) textbuf_put(s, ")");
        if (t->kind == TY_FUNC && t->nresults == 0) s->len -= 2, s->buf[s->len] = 0;
        break;
    case TY_SLICE: textbuf_put(s, "[]"); type_str(t->elem, s); break;
    case TY_ARRAY: textbuf_put(s, "[%lld]", (long long)t->len); type_str(t->elem, s); break;
    case TY_MAP: textbuf_put(s, "map["); type_str(t->key, s); textbuf_put(s, "]"); type_str(t->elem, s); break;
    default:
        textbuf_put(s, "?");
    }
}

void types_string(const Type *t, char *buf, size_t n)
{
    TextBuf s = {buf, n, 0};
    buf[0] = 0;
    type_str(t, &s);
}

static void const_str(const ConstVal *cv, TextBuf *s)
{
    switch (cv->kind) {
    case CV_INT: textbuf_put(s, "%lld", (long long)cv->i); break;
    case CV_BOOL: textbuf_put(s, "%s", cv->i ? "true" : "false"); break;
    case CV_FLOAT: textbuf_put(s, "%Lg", cv->f); break;
    case CV_BIGINT: textbuf_put(s, "%.0Lf", cv->f); break;
    case CV_STRING:
        textbuf_put(s, "\"");
        for (int i = 0; i < cv->slen; i++) {
            unsigned char ch = (unsigned char)cv->s[i];
            if (ch == '"' || ch == '\\') textbuf_put(s, "\\%c", ch);
            else if (ch == '\n') textbuf_put(s, "\\n");
            else if (ch == '\t') textbuf_put(s, "\\t");
            else if (ch < 0x20) textbuf_put(s, "\\x%02x", ch);
            else textbuf_put(s, "%c", ch);
        }
        textbuf_put(s, "\"");
        break;
    default: break;
    }
}

void types_operand_string(const Expr *e, char *buf, size_t n)
{
    char x[128], t[128], v[128];
    ast_expr_string(e, x, sizeof x);
    TextBuf s = {buf, n, 0};
    buf[0] = 0;
    if (e->mode == MODE_NIL) { textbuf_put(&s, "nil"); return; }
    types_string(e->type, t, sizeof t);
    switch (e->mode) {
    case MODE_CONST: {
        TextBuf vs = {v, sizeof v, 0};
        v[0] = 0;
        const_str(&e->cv, &vs);
        bool same = strcmp(v, x) == 0;
        if (types_is_untyped(e->type))
            textbuf_put(&s, "%s (%s constant%s%s)", x, t, same ? "" : " ", same ? "" : v);
        else
            textbuf_put(&s, "%s (constant %s%sof type %s)", x, same ? "" : v, same ? "" : " ", t);
        break;
    }
    case MODE_VAR: textbuf_put(&s, "%s (variable of type %s)", x, t); break;
    case MODE_NOVALUE: textbuf_put(&s, "%s (no value)", x); break;
    case MODE_TYPE: textbuf_put(&s, "%s (type)", x); break;
    case MODE_BUILTIN: textbuf_put(&s, "%s (built-in function)", x); break;
    default: textbuf_put(&s, "%s (value of type %s)", x, t); break;
    }
}
