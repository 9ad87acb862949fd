/* types_print.c — how the checker's messages name types, expressions and
 * operands: "func(int) string", "v1.value + v2.value" (go/types' ExprString),
 * "x (variable of type int)", "3 (untyped int constant)".
 *
 * Every printer writes into a caller's fixed buffer and truncates silently,
 * as the Diagnostic that quotes it will (its message holds 200 bytes).
 */
#include "types.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lex.h"

typedef struct Str { char *buf; size_t n, len; } Str;

static void put(Str *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Str *s, const char *fmt, ...)
{
    if (s->len + 1 >= s->n) return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(s->buf + s->len, s->n - s->len, fmt, ap);
    va_end(ap);
    if (k > 0) s->len += (size_t)k;
    if (s->len >= s->n) s->len = s->n - 1;
}

static void type_str(const Type *t, Str *s)
{
    if (t->name) { put(s, "%s", t->name); return; }
    switch (t->kind) {
    case TY_PTR:
        put(s, "*");
        type_str(t->elem, s);
        break;
    case TY_CHAN: {
        /* go/types: chan (<-chan int) keeps the inner arrow off the outer chan */
        bool paren = t->dir == CHAN_BOTH && t->elem->kind == TY_CHAN && !t->elem->name &&
                     t->elem->dir == CHAN_RECV;
        put(s, "%s", t->dir == CHAN_RECV ? "<-chan " : t->dir == CHAN_SEND ? "chan<- " : "chan ");
        if (paren) put(s, "(");
        type_str(t->elem, s);
        if (paren) put(s, ")");
        break;
    }
    case TY_STRUCT:
        put(s, "struct{");
        for (int i = 0; i < t->nfields; i++) {
            put(s, "%s%.*s ", i ? "; " : "", t->fields[i].namelen, t->fields[i].name);
            type_str(t->fields[i].type, s);
        }
        put(s, "}");
        break;
    case TY_IFACE:
        if (!t->nmethods) { put(s, "interface{}"); break; }
        put(s, "interface{");
        for (int i = 0; i < t->nmethods; i++) {
            put(s, "%s%.*s", i ? "; " : "", t->methods[i].namelen, t->methods[i].name);
            Str sub = {s->buf + s->len, s->n - s->len, 0};
            type_str(t->methods[i].sig, &sub);
            /* drop the "func" of the signature */
            if (sub.len >= 4) memmove(sub.buf, sub.buf + 4, sub.len - 3), sub.len -= 4;
            s->len += sub.len;
        }
        put(s, "}");
        break;
    case TY_FUNC: case TY_TUPLE:
        if (t->kind == TY_FUNC) {
            put(s, "func(");
            for (int i = 0; i < t->nparams; i++) {
                if (i) put(s, ", ");
                type_str(t->params[i], s);
            }
            put(s, ")");
            if (t->nresults) put(s, " ");
        }
        if (t->nresults != 1 || t->kind == TY_TUPLE) put(s, "(");
        for (int i = 0; i < t->nresults; i++) {
            if (i) put(s, ", ");
            type_str(t->results[i], s);
        }
        if (t->nresults != 1 || t->kind == TY_TUPLE) put(s, ")");
        if (t->kind == TY_FUNC && t->nresults == 0) s->len -= 2, s->buf[s->len] = 0;
        break;
    case TY_SLICE: put(s, "[]"); type_str(t->elem, s); break;
    case TY_ARRAY: put(s, "[%lld]", (long long)t->len); type_str(t->elem, s); break;
    case TY_MAP: put(s, "map["); type_str(t->key, s); put(s, "]"); type_str(t->elem, s); break;
    default:
        put(s, "?");
    }
}

void types_string(const Type *t, char *buf, size_t n)
{
    Str s = {buf, n, 0};
    buf[0] = 0;
    type_str(t, &s);
}

static void expr_str(const Expr *e, Str *s);

/* A parameter or result list as written, names grouped by their shared type:
 * "(a, b int, s string)". */
static void fields_str(const Field *fs, int n, Str *s)
{
    put(s, "(");
    for (int i = 0; i < n; i++) {
        if (fs[i].name) put(s, "%.*s", fs[i].namelen, fs[i].name);
        if (fs[i].name && i + 1 < n && fs[i + 1].type == fs[i].type) {
            put(s, ", ");
            continue;
        }
        if (fs[i].name) put(s, " ");
        expr_str(fs[i].type, s);
        if (i + 1 < n) put(s, ", ");
    }
    put(s, ")");
}

static void expr_str(const Expr *e, Str *s)
{
    switch (e->kind) {
    case EX_IDENT: put(s, "%.*s", e->namelen, e->name); break;
    case EX_INT: case EX_STRING: put(s, "%.*s", e->litlen, e->lit); break;
    case EX_FUNCLIT:   /* as Go's syntax printer shortens it: func(a int) int {…} */
        put(s, "func");
        fields_str(e->fn->params, e->fn->nparams, s);
        if (e->fn->nresults == 1 && !e->fn->results[0].name) {
            put(s, " ");
            expr_str(e->fn->results[0].type, s);
        } else if (e->fn->nresults) {
            put(s, " ");
            fields_str(e->fn->results, e->fn->nresults, s);
        }
        put(s, e->fn->body && e->fn->body->nbody ? " {…}" : " {}");
        break;
    case EX_COMPOSITE:
        if (e->x) expr_str(e->x, s);
        put(s, e->nargs ? "{…}" : "{}");
        break;
    case EX_KEYVALUE: expr_str(e->x, s); put(s, ": "); expr_str(e->y, s); break;
    case EX_PAREN: put(s, "("); expr_str(e->x, s); put(s, ")"); break;
    case EX_SELECTOR: expr_str(e->x, s); put(s, ".%.*s", e->namelen, e->name); break;
    case EX_CALL:
        expr_str(e->x, s);
        put(s, "(");
        for (int i = 0; i < e->nargs; i++) {
            if (i) put(s, ", ");
            expr_str(e->args[i], s);
        }
        put(s, ")");
        break;
    case EX_STAR: put(s, "*"); expr_str(e->x, s); break;
    case EX_UNARY: put(s, "%s", lex_kind_text(e->op)); expr_str(e->x, s); break;
    case EX_BINARY:
        expr_str(e->x, s);
        put(s, " %s ", lex_kind_text(e->op));
        expr_str(e->y, s);
        break;
    case EX_STRUCTTYPE: put(s, "struct{…}"); break;
    case EX_FUNCTYPE: put(s, "func(…)"); break;
    case EX_IFACETYPE: put(s, "interface{…}"); break;
    case EX_TYPEASSERT:
        expr_str(e->x, s);
        put(s, ".(");
        if (e->y) expr_str(e->y, s);
        else put(s, "type");
        put(s, ")");
        break;
    case EX_CHANTYPE:
        put(s, "%s", e->op == CHAN_RECV ? "<-chan " : e->op == CHAN_SEND ? "chan<- " : "chan ");
        expr_str(e->x, s);
        break;
    case EX_FLOAT: put(s, "%.*s", e->litlen, e->lit); break;
    case EX_INDEX: expr_str(e->x, s); put(s, "["); expr_str(e->y, s); put(s, "]"); break;
    case EX_SLICEEXPR:
        expr_str(e->x, s);
        put(s, "[");
        if (e->y) expr_str(e->y, s);
        put(s, ":");
        if (e->hi) expr_str(e->hi, s);
        if (e->max) { put(s, ":"); expr_str(e->max, s); }
        put(s, "]");
        break;
    case EX_ARRAYTYPE:
        put(s, "[");
        if (e->dots) put(s, "...");
        else if (e->x) expr_str(e->x, s);
        put(s, "]");
        expr_str(e->y, s);
        break;
    case EX_MAPTYPE: put(s, "map["); expr_str(e->x, s); put(s, "]"); expr_str(e->y, s); break;
    default: put(s, "?"); break;
    }
}

void types_expr_string(const Expr *e, char *buf, size_t n)
{
    Str s = {buf, n, 0};
    buf[0] = 0;
    expr_str(e, &s);
}

static void const_str(const ConstVal *cv, Str *s)
{
    switch (cv->kind) {
    case CV_INT: put(s, "%lld", (long long)cv->i); break;
    case CV_BOOL: put(s, "%s", cv->i ? "true" : "false"); break;
    case CV_FLOAT: put(s, "%Lg", cv->f); break;
    case CV_BIGINT: put(s, "%.0Lf", cv->f); break;
    case CV_STRING:
        put(s, "\"");
        for (int i = 0; i < cv->slen; i++) {
            unsigned char ch = (unsigned char)cv->s[i];
            if (ch == '"' || ch == '\\') put(s, "\\%c", ch);
            else if (ch == '\n') put(s, "\\n");
            else if (ch == '\t') put(s, "\\t");
            else if (ch < 0x20) put(s, "\\x%02x", ch);
            else put(s, "%c", ch);
        }
        put(s, "\"");
        break;
    default: break;
    }
}

void types_operand_string(const Expr *e, char *buf, size_t n)
{
    char x[128], t[128], v[128];
    types_expr_string(e, x, sizeof x);
    Str s = {buf, n, 0};
    buf[0] = 0;
    if (e->mode == MODE_NIL) { put(&s, "nil"); return; }
    types_string(e->type, t, sizeof t);
    switch (e->mode) {
    case MODE_CONST: {
        Str vs = {v, sizeof v, 0};
        v[0] = 0;
        const_str(&e->cv, &vs);
        bool same = strcmp(v, x) == 0;
        if (types_is_untyped(e->type))
            put(&s, "%s (%s constant%s%s)", x, t, same ? "" : " ", same ? "" : v);
        else
            put(&s, "%s (constant %s%sof type %s)", x, same ? "" : v, same ? "" : " ", t);
        break;
    }
    case MODE_VAR: put(&s, "%s (variable of type %s)", x, t); break;
    case MODE_NOVALUE: put(&s, "%s (no value)", x); break;
    case MODE_TYPE: put(&s, "%s (type)", x); break;
    case MODE_BUILTIN: put(&s, "%s (built-in function)", x); break;
    default: put(&s, "%s (value of type %s)", x, t); break;
    }
}
