/* types_expr.c — checking expressions (types.h): every expression gets a
 * mode, a type and, for constants, a value.
 *
 * types_expr dispatches on the kind; names, selectors (fields, the sync
 * methods, package members), composite literals and dereferences are checked
 * here, calls in types_call.c and operators in types_op.c.  types_value
 * requires a single value, types_lhs an assignment target, and types_assign
 * decides assignability, converting untyped constants.
 */
#include "check.h"

#include "lex.h"

#include <string.h>
#include "parse.h"

void types_invalid(Checker *c, Expr *e)
{
    e->mode = MODE_INVALID;
    e->type = c->t_invalid;
}

static void ident(Checker *c, Expr *e, bool read)
{
    if (e->namelen == 1 && e->name[0] == '_') {
        types_errorf(c, e->line, e->col, "cannot use _ as value");
        return;
    }
    Sym *s = scope_lookup(c, e->name, e->namelen);
    if (!s) {
        types_errorf(c, e->line, e->col, "undefined: %.*s", e->namelen, e->name);
        return;
    }
    e->sym = s;
    scope_resolve(c, s);
    e->type = s->type ? s->type : c->t_invalid;
    switch (s->kind) {
    case SYM_VAR:
        scope_use(c, s, read);
        e->mode = e->type == c->t_invalid ? MODE_INVALID : MODE_VAR;
        break;
    case SYM_CONST:
        s->used = true;
        if (s->is_iota) {
            if (!c->in_const) {
                types_errorf(c, e->line, e->col, "cannot use iota outside constant declaration");
                return;
            }
            types_set_const(e, c->t_uint, CV_INT, c->iota);
        } else if (s->cv.kind != CV_NONE) {
            e->mode = MODE_CONST;
            e->cv = s->cv;
        }
        break;
    case SYM_TYPE: e->mode = MODE_TYPE; break;
    case SYM_FUNC: s->used = true; e->mode = MODE_VALUE; break;
    case SYM_PKG:
        c->file->imports[s->pkg].used = true;
        types_errorf(c, e->line, e->col, "use of package %.*s not in selector", e->namelen, e->name);
        break;
    case SYM_BUILTIN: e->mode = MODE_BUILTIN; e->builtin = s->builtin; break;
    case SYM_NIL: e->mode = MODE_NIL; e->type = c->t_unil; break;
    }
}

static void selector(Checker *c, Expr *e)
{
    const Import *im = types_package_of(c, e);
    if (im) { types_package_member(c, e, im); return; }
    Expr *x = e->x;
    if (x->mode == MODE_INVALID) types_expr(c, x);   /* (a rewritten selector arrives checked) */
    if (x->mode == MODE_INVALID) return;
    if (x->mode == MODE_TYPE) {
        types_errorf(c, e->line, e->col, "interleave does not support method expressions");
        return;
    }
    /* a typed constant has its type's methods: Celsius(-40).ToF(), time.Hour.Hours() */
    bool typed_const = x->mode == MODE_CONST && x->type && !types_is_untyped(x->type);
    if (x->mode != MODE_VAR && x->mode != MODE_VALUE && !typed_const) {
        char xs[128];
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, e->op_line, e->op_col, "invalid operation: %s has no fields or methods", xs);
        return;
    }
    Type *t = x->type;
    if (types_lib_method(c, e, t)) return;   /* bytes.Buffer, strings.Builder */
    /* a promoted field or method: x.name becomes x.Embedded.name */
    TField *via = t->kind == TY_IFACE ? NULL : types_promoted_via(t, e->name, e->namelen);
    if (via) {
        Expr *inner = parse_alloc(c->arena, sizeof *inner);
        *inner = *e;
        inner->x = x;
        inner->name = via->name;
        inner->namelen = via->namelen;
        inner->mode = MODE_INVALID;
        e->x = inner;
        selector(c, e);   /* x was checked: the inner selector is checked by the recursion */
        return;
    }
    if (t->kind == TY_IFACE || (t->kind == TY_PTR ? t->elem->nmethods : t->nmethods)) {
        Method *m = types_find_method(t, e->name, e->namelen, NULL, NULL);
        if (m && (m->fn || t->kind == TY_IFACE)) {   /* (a library type's methods are builtins) */
            if (m->ptr_recv && t->kind != TY_PTR) {
                if (x->mode != MODE_VAR) {
                    char xs[128], ts[64];
                    ast_expr_string(x, xs, sizeof xs);
                    types_string(t, ts, sizeof ts);
                    types_errorf(c, e->line, e->col, "cannot call pointer method %.*s on %s",
                                 e->namelen, e->name, ts);
                    return;
                }
                Expr *inner = x;
                while (inner->kind == EX_PAREN) inner = inner->x;
                if (inner->kind == EX_IDENT && inner->sym) inner->sym->addr_taken = true;
            }
            e->mode = MODE_VALUE;
            e->type = m->sig;
            e->method = m;
            e->through_ptr = t->kind == TY_PTR;
            return;
        }
    }
    e->through_ptr = t->kind == TY_PTR;
    if (e->through_ptr) t = t->elem;
    if (t->kind == TY_STRUCT) {
        for (int i = 0; i < t->nfields; i++) {
            TField *f = &t->fields[i];
            if (f->namelen == e->namelen && memcmp(f->name, e->name, (size_t)f->namelen) == 0) {
                e->mode = e->through_ptr || x->mode == MODE_VAR ? MODE_VAR : MODE_VALUE;
                e->type = f->type;
                e->field_off = f->off;
                return;
            }
        }
    }
    if (strbuf_method(c, e, t)) {   /* strings.Builder, bytes.Buffer: sim/lib/strbuf.c */
        Expr *inner = x;
        while (inner->kind == EX_PAREN) inner = inner->x;
        if (inner->kind == EX_IDENT && inner->sym && !e->through_ptr) inner->sym->addr_taken = true;
        return;
    }
    if (t->name && strcmp(t->name, "sync.Mutex") && strcmp(t->name, "sync.WaitGroup") &&
        types_conc_method(c, e, x, t))
        return;
    static const struct { TypeKind k; const char *name; int bi; } methods[] = {
        {TY_MUTEX, "Lock", BI_LOCK}, {TY_MUTEX, "Unlock", BI_UNLOCK},
        {TY_MUTEX, "TryLock", BI_UNSUPPORTED}, {TY_WAITGROUP, "Add", BI_WGADD},
        {TY_WAITGROUP, "Done", BI_WGDONE}, {TY_WAITGROUP, "Wait", BI_WGWAIT},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        if (methods[i].k == t->kind && (int)strlen(methods[i].name) == e->namelen &&
            memcmp(methods[i].name, e->name, (size_t)e->namelen) == 0) {
            if (methods[i].bi == BI_UNSUPPORTED) {
                types_errorf(c, e->op_line, e->op_col, "interleave does not support %s.%.*s",
                             t->name, e->namelen, e->name);
                return;
            }
            if (!e->through_ptr && x->mode != MODE_VAR) {
                char xs[128];
                ast_expr_string(x, xs, sizeof xs);
                types_errorf(c, e->line, e->col, "cannot call pointer method %.*s on %s",
                             e->namelen, e->name, t->name);
                return;
            }
            e->mode = MODE_BUILTIN;
            e->builtin = methods[i].bi;
            return;
        }
    }
    char es[128], ts[96];
    ast_expr_string(e, es, sizeof es);
    types_string(x->type, ts, sizeof ts);
    types_errorf(c, e->op_line, e->op_col, "%s undefined (type %s has no field or method %.*s)",
                 es, ts, e->namelen, e->name);
}

static void type_assert(Checker *c, Expr *e);

static void composite(Checker *c, Expr *e)
{
    if (!e->x) {
        types_errorf(c, e->line, e->col, "interleave does not support composite literals without a type");
        return;
    }
    Type *t = types_data_literal_type(c, e->x);
    if (t == c->t_invalid) return;
    if (t->kind == TY_SLICE || t->kind == TY_ARRAY || t->kind == TY_MAP) {
        types_data_composite(c, e, t);   /* sim/lang/types_data.c */
        return;
    }
    if ((t->kind == TY_MUTEX || t->kind == TY_WAITGROUP) && e->nargs == 0) {   /* &sync.Mutex{} */
        e->mode = MODE_VALUE;
        e->type = t;
        return;
    }
    if (t->kind != TY_STRUCT) {
        char ts[64];
        types_string(t, ts, sizeof ts);
        types_errorf(c, e->line, e->col, "interleave does not support composite literals of type %s", ts);
        return;
    }
    bool keyed = e->nargs > 0 && e->args[0]->kind == EX_KEYVALUE;
    for (int i = 0; i < e->nargs; i++) {
        Expr *el = e->args[i];
        if ((el->kind == EX_KEYVALUE) != keyed) {
            types_errorf(c, el->line, el->col, "mixture of field:value and value elements in struct literal");
            return;
        }
        TField *f = NULL;
        Expr *v = el;
        if (keyed) {
            v = el->y;
            if (el->x->kind == EX_IDENT) {
                for (int j = 0; j < t->nfields && !f; j++)
                    if (t->fields[j].namelen == el->x->namelen &&
                        memcmp(t->fields[j].name, el->x->name, (size_t)el->x->namelen) == 0) f = &t->fields[j];
            }
            if (!f) {
                char ks[64];
                ast_expr_string(el->x, ks, sizeof ks);
                char ts[64];
                types_string(t, ts, sizeof ts);
                types_errorf(c, el->x->line, el->x->col, "unknown field '%s' in struct literal of type %s", ks, ts);
                continue;
            }
            for (int j = 0; j < i; j++)
                if (e->args[j]->field_off == f->off && e->args[j]->type == f->type && e->args[j]->mode == MODE_VALUE)
                    types_errorf(c, el->op_line, el->op_col, "duplicate field name %.*s in struct literal", f->namelen, f->name);
            el->mode = MODE_VALUE;
        } else if (i < t->nfields) {
            f = &t->fields[i];
        } else {
            char bs[64];
            ast_expr_string(e->x, bs, sizeof bs);
            types_errorf(c, el->line, el->col, "too many values in %s{…}", bs);
            return;
        }
        el->field_off = f->off;
        el->type = f->type;
        if (f->type->kind == TY_MUTEX || f->type->kind == TY_WAITGROUP) {
            types_errorf(c, el->line, el->col,
                         "interleave does not support struct values in composite literals (leave the field zero)");
            continue;
        }
        types_value(c, v);
        types_assign(c, v, f->type, "struct literal");
    }
    if (!keyed && e->nargs > 0 && e->nargs < t->nfields) {
        char bs[64];
        ast_expr_string(e->x, bs, sizeof bs);
        types_errorf(c, e->rparen_line, e->rparen_col, "too few values in %s{…}", bs);
        return;
    }
    e->mode = MODE_VALUE;
    e->type = t;
}

static void star(Checker *c, Expr *e)
{
    types_expr(c, e->x);
    Expr *x = e->x;
    if (x->mode == MODE_INVALID) return;
    if (x->mode == MODE_TYPE) {
        e->mode = MODE_TYPE;
        e->type = types_ptr(c, x->type);
    } else if (x->mode == MODE_NIL) {
        types_errorf(c, x->line, x->col, "invalid operation: cannot indirect nil");
    } else if ((x->mode == MODE_VALUE || x->mode == MODE_VAR) && x->type->kind == TY_PTR) {
        e->mode = MODE_VAR;
        e->type = x->type->elem;
    } else {
        char xs[128];
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, x->line, x->col, "invalid operation: cannot indirect %s", xs);
    }
}

/* The value of an integer literal too big for int64 (0x, 0o, 0b, 0 prefixes
 * and underscores as the lexer accepted them), as a long double. */
static long double big_literal(const char *s, int n)
{
    int base = 10, i = 0;
    if (n > 1 && s[0] == '0') {
        char p = (char)(s[1] | 0x20);
        if (p == 'x') base = 16, i = 2;
        else if (p == 'o') base = 8, i = 2;
        else if (p == 'b') base = 2, i = 2;
        else base = 8, i = 1;
    }
    long double v = 0;
    for (; i < n; i++) {
        int ch = (unsigned char)s[i], d;
        if (ch == '_') continue;
        if (ch >= '0' && ch <= '9') d = ch - '0';
        else d = (ch | 0x20) - 'a' + 10;
        v = v * base + d;
    }
    return v;
}

void types_expr(Checker *c, Expr *e)
{
    types_invalid(c, e);
    if (!scope_enter(c, e->line, e->col)) return;
    switch (e->kind) {
    case EX_IDENT: ident(c, e, true); break;
    case EX_INT:
        if (e->overflow) {   /* Go's untyped constants are exact: it overflows where it is used */
            long double v = big_literal(e->lit, e->litlen);
            if (v >= 0x1p512L) {   /* go/constant's limit */
                types_errorf(c, e->line, e->col, "constant overflow");
                break;
            }
            types_set_const(e, c->t_uint, CV_BIGINT, 0);
            e->cv.f = v;
            break;
        }
        types_set_const(e, e->is_rune ? c->t_urune : c->t_uint, CV_INT, e->ival);
        break;
    case EX_STRING:
        types_set_const(e, c->t_ustring, CV_STRING, 0);
        e->cv.s = e->sval;
        e->cv.slen = e->slen;
        break;
    case EX_FUNCLIT:
        e->type = types_signature(c, e->fn);
        e->mode = MODE_VALUE;
        scope_func_lit(c, e);
        break;
    case EX_COMPOSITE: composite(c, e); break;
    case EX_KEYVALUE:
        types_errorf(c, e->line, e->col, "unexpected key: value outside a composite literal");
        break;
    case EX_PAREN:
        types_expr(c, e->x);
        e->mode = e->x->mode;
        e->type = e->x->type;
        e->cv = e->x->cv;
        e->builtin = e->x->builtin;
        break;
    case EX_SELECTOR: selector(c, e); break;
    case EX_CALL: types_call(c, e); break;
    case EX_STAR: star(c, e); break;
    case EX_UNARY:
        if (e->op == TK_ARROW) types_conc_receive(c, e);
        else types_unary(c, e);
        break;
    case EX_BINARY:
        types_value(c, e->x);
        types_value(c, e->y);
        types_binary(c, e);
        break;
    case EX_STRUCTTYPE: case EX_FUNCTYPE: case EX_IFACETYPE: case EX_CHANTYPE: types_resolve(c, e); break;
    case EX_TYPEASSERT: type_assert(c, e); break;
    case EX_FLOAT: case EX_INDEX: case EX_SLICEEXPR: case EX_ARRAYTYPE: case EX_MAPTYPE:
        types_data_expr(c, e);   /* sim/lang/types_data.c */
        break;
    default: break;
    }
    c->depth--;
}

void types_value(Checker *c, Expr *e)
{
    types_expr(c, e);
    types_check_value(c, e);
}

void types_check_value(Checker *c, Expr *e)
{
    char es[160];
    switch (e->mode) {
    case MODE_NOVALUE:
        ast_expr_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "%s (no value) used as value", es);
        break;
    case MODE_TYPE:
        ast_expr_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "%s (type) is not an expression", es);
        break;
    case MODE_BUILTIN:
        ast_expr_string(e, es, sizeof es);
        if (e->kind == EX_SELECTOR)
            types_errorf(c, e->line, e->col, "interleave does not support %s as a value (call it: %s(...))", es, es);
        else
            types_errorf(c, e->line, e->col, "%s (built-in function) must be called", es);
        break;
    case MODE_VALUE:
        if (e->type->kind == TY_TUPLE) {
            char ts[96];
            ast_expr_string(e, es, sizeof es);
            types_string(e->type, ts, sizeof ts);
            types_errorf(c, e->line, e->col, "multiple-value %s (value of type %s) in single-value context", es, ts);
            break;
        }
        return;
    default:
        return;
    }
    types_invalid(c, e);
}

void types_box(Checker *c, Expr *e, Type *target)
{
    (void)target;
    if (e->mode == MODE_NIL || e->mode == MODE_INVALID || types_is_iface(e->type)) return;
    if (types_is_untyped(e->type)) e->type = types_default(c, e->type);
    e->boxed = e->type;
}

/* x.(T): x must be an interface; T a type that could be in it. */
static void type_assert(Checker *c, Expr *e)
{
    Expr *x = e->x;
    types_value(c, x);
    if (x->mode == MODE_INVALID) return;
    char xs[128];
    if (!types_is_iface(x->type)) {
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, x->line, x->col, "invalid operation: %s is not an interface", xs);
        return;
    }
    if (!e->y) {
        types_errorf(c, e->op_line, e->op_col, "invalid syntax tree: use of .(type) outside type switch");
        return;
    }
    Type *t = types_resolve(c, e->y);
    if (t == c->t_invalid) return;
    const char *miss = NULL;
    int misslen = 0;
    if (!types_is_iface(t) && !types_implements(t, x->type, &miss, &misslen)) {
        char ts[64], is[64];
        ast_expr_string(e, xs, sizeof xs);
        types_string(t, ts, sizeof ts);
        types_string(x->type, is, sizeof is);
        types_errorf(c, e->y->line, e->y->col, "impossible type assertion: %s\n\t%s does not implement %s (missing %.*s method)",
                     xs, ts, is, misslen, miss);
        return;
    }
    e->mode = MODE_VALUE;   /* comma-ok forms are typed by their statement */
    e->type = t;
}

void types_lhs(Checker *c, Expr *e)
{
    Expr *inner = e;
    while (inner->kind == EX_PAREN) inner = inner->x;
    if (inner->kind == EX_IDENT) {
        types_invalid(c, inner);
        ident(c, inner, false);
        if (inner != e) { e->mode = inner->mode; e->type = inner->type; }
    } else {
        types_expr(c, e);
    }
}

bool types_assign(Checker *c, Expr *e, Type *target, const char *context)
{
    if (e->mode == MODE_INVALID || target->kind == TY_INVALID) return false;
    char es[160], ts[96];
    types_string(target, ts, sizeof ts);
    if (e->mode == MODE_NIL) {
        if (target->kind == TY_PTR || target->kind == TY_FUNC || target->kind == TY_CHAN ||
            target->kind == TY_SLICE || target->kind == TY_MAP || target->kind == TY_IFACE) {
            e->type = target;
            return true;
        }
        types_errorf(c, e->line, e->col, "cannot use nil as %s value in %s", ts, context);
        return false;
    }
    if (target->kind == TY_IFACE) {
        Type *from = types_default(c, e->type);
        const char *miss = NULL;
        int misslen = 0;
        if (from->kind == TY_TUPLE || e->mode == MODE_NOVALUE) return false;
        if (types_implements(from, target, &miss, &misslen)) {
            types_box(c, e, target);
            return true;
        }
        char fs[96];
        types_operand_string(e, es, sizeof es);
        types_string(from, fs, sizeof fs);
        Method *m = types_find_method(from, miss, misslen, NULL, NULL);
        if (m && m->ptr_recv)
            types_errorf(c, e->line, e->col,
                         "cannot use %s as type %s in %s:\n\t%s does not implement %s (%.*s method has pointer receiver)",
                         es, ts, context, fs, ts, misslen, miss);
        else
            types_errorf(c, e->line, e->col,
                         "cannot use %s as type %s in %s:\n\t%s does not implement %s (missing %.*s method)",
                         es, ts, context, fs, ts, misslen, miss);
        return false;
    }
    if (types_is_untyped(e->type)) {
        Type *from = e->type;
        c->assign_ctx = context;
        bool converted = types_convert_untyped(c, e, target);
        c->assign_ctx = NULL;
        if (converted) return true;
        e->type = from;
        types_operand_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "cannot use %s as %s value in %s", es, ts, context);
        return false;
    }
    if (types_identical(e->type, target) || types_conc_assignable(e->type, target)) return true;
    if (types_same_underlying(e->type, target)) return true;   /* Go spec "Assignability" */
    if (types_data_assignable(e->type, target)) return true;   /* []string to Names */
    if (types_is_iface(e->type)) {
        types_operand_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "cannot use %s as type %s in %s:\n\tneed type assertion", es, ts, context);
        return false;
    }
    types_operand_string(e, es, sizeof es);
    types_errorf(c, e->line, e->col, "cannot use %s as type %s in %s", es, ts, context);
    return false;
}
