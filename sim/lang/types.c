/* types.c — Go types: representation, identity and type expressions (types.h).
 *
 * Types are few: int, bool, string, time.Duration (a named int), the untyped
 * constant kinds, sync.Mutex, sync.WaitGroup, structs, pointers and function
 * types.  A named type is made when its declaration is collected and filled in
 * when it is resolved (scope_resolve), so `next *node` may refer to itself.
 * Every error is worded as Go 1.19's compiler words it.
 *
 * The rest of the checker: types_print.c (how messages name things),
 * types_pkg.c (fmt, sync, time), types_expr.c, types_call.c and types_op.c
 * (expressions), scope.c and scope_stmt.c (names and statements); check.h
 * lists what they share.
 */
#include "check.h"

#include <stdarg.h>
#include <string.h>
#include "parse.h"

void types_errorf(Checker *c, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    parse_vdiag(c->diags, line, col, fmt, ap);
    va_end(ap);
}

Type *types_new(Checker *c, TypeKind k, const char *name)
{
    Type *t = parse_alloc(c->arena, sizeof *t);
    t->kind = k;
    t->name = name;
    t->nslots = 1;
    t->state = 2;
    t->layout = -1;
    return t;
}

void types_init(Checker *c)
{
    c->t_invalid = types_new(c, TY_INVALID, "invalid type");
    c->t_int = types_new(c, TY_INT, "int");
    c->t_bool = types_new(c, TY_BOOL, "bool");
    c->t_string = types_new(c, TY_STRING, "string");
    c->t_duration = types_new(c, TY_INT, "time.Duration");
    c->t_uint = types_new(c, TY_UNTYPED_INT, "untyped int");
    c->t_ubool = types_new(c, TY_UNTYPED_BOOL, "untyped bool");
    c->t_ustring = types_new(c, TY_UNTYPED_STRING, "untyped string");
    c->t_unil = types_new(c, TY_UNTYPED_NIL, "untyped nil");
    c->t_mutex = types_new(c, TY_MUTEX, "sync.Mutex");
    c->t_wg = types_new(c, TY_WAITGROUP, "sync.WaitGroup");
    c->t_error = types_string_method_iface(c, "error", "Error");
    c->t_stringer = types_string_method_iface(c, "fmt.Stringer", "String");
    {   /* time.Duration is a fmt.Stringer (its String is a library call) */
        Method m = c->t_stringer->methods[0];
        c->t_duration->methods = parse_alloc(c->arena, sizeof m);
        c->t_duration->methods[0] = m;
        c->t_duration->nmethods = c->t_duration->methods_cap = 1;
    }
    c->t_any = types_new(c, TY_IFACE, NULL);
    types_conc_init(c);
    types_data_init(c);
}

Type *types_chan(Checker *c, Type *elem, int dir)
{
    Type *t = types_new(c, TY_CHAN, NULL);
    t->elem = elem;
    t->dir = dir;
    return t;
}

Type *types_ptr(Checker *c, Type *elem)
{
    if (!elem->ptr) {
        elem->ptr = types_new(c, TY_PTR, NULL);
        elem->ptr->elem = elem;
    }
    return elem->ptr;
}

bool types_identical(const Type *a, const Type *b)
{
    if (a == b) return true;
    if (a->kind == TY_INT && b->kind == TY_INT && a->numkind == b->numkind && a->name && b->name &&
        ((!strcmp(a->name, "byte") || !strcmp(a->name, "uint8")) + (!strcmp(b->name, "byte") || !strcmp(b->name, "uint8")) == 2 ||
         (!strcmp(a->name, "rune") || !strcmp(a->name, "int32")) + (!strcmp(b->name, "rune") || !strcmp(b->name, "int32")) == 2))
        return true;   /* the aliases byte = uint8, rune = int32 */
    if (a->kind != b->kind || a->name || b->name) return false;
    switch (a->kind) {
    case TY_PTR:
        return types_identical(a->elem, b->elem);
    case TY_CHAN:
        return a->dir == b->dir && types_identical(a->elem, b->elem);
    case TY_FUNC: case TY_TUPLE:
        if (a->nparams != b->nparams || a->nresults != b->nresults) return false;
        for (int i = 0; i < a->nparams; i++)
            if (!types_identical(a->params[i], b->params[i])) return false;
        for (int i = 0; i < a->nresults; i++)
            if (!types_identical(a->results[i], b->results[i])) return false;
        return true;
    case TY_IFACE:
        if (a->nmethods != b->nmethods) return false;
        for (int i = 0; i < a->nmethods; i++) {
            const Method *f = &a->methods[i], *g = &b->methods[i];
            if (f->namelen != g->namelen || memcmp(f->name, g->name, (size_t)f->namelen) != 0 ||
                !types_identical(f->sig, g->sig)) return false;
        }
        return true;
    case TY_SLICE: return types_identical(a->elem, b->elem);
    case TY_ARRAY: return a->len == b->len && types_identical(a->elem, b->elem);
    case TY_MAP: return types_identical(a->key, b->key) && types_identical(a->elem, b->elem);
    case TY_STRUCT:
        if (a->nfields != b->nfields) return false;
        for (int i = 0; i < a->nfields; i++) {
            const TField *f = &a->fields[i], *g = &b->fields[i];
            if (f->namelen != g->namelen || memcmp(f->name, g->name, (size_t)f->namelen) != 0 ||
                !types_identical(f->type, g->type)) return false;
        }
        return true;
    default:
        return false;
    }
}

bool types_is_untyped(const Type *t)
{
    return (t->kind >= TY_UNTYPED_INT && t->kind <= TY_UNTYPED_NIL) || t->kind == TY_UNTYPED_FLOAT;
}

bool types_is_integer(const Type *t)
{
    return t->kind == TY_INT || t->kind == TY_UNTYPED_INT;
}

bool types_is_bool(const Type *t)
{
    return t->kind == TY_BOOL || t->kind == TY_UNTYPED_BOOL;
}

bool types_is_string(const Type *t)
{
    return t->kind == TY_STRING || t->kind == TY_UNTYPED_STRING;
}

Type *types_default(Checker *c, Type *t)
{
    switch (t->kind) {
    case TY_UNTYPED_INT: return t == c->t_urune ? c->t_rune : c->t_int;
    case TY_UNTYPED_BOOL: return c->t_bool;
    case TY_UNTYPED_STRING: return c->t_string;
    case TY_UNTYPED_FLOAT: return c->t_num[NK_FLOAT64];
    default: return t;
    }
}

/* ---- type expressions ------------------------------------------------------------ */

static Type *struct_type(Checker *c, Expr *e)
{
    Type *t = types_new(c, TY_STRUCT, NULL);
    t->fields = parse_alloc(c->arena, sizeof *t->fields * (size_t)(e->nfields ? e->nfields : 1));
    t->nslots = 0;
    bool too_big = false;
    for (int i = 0; i < e->nfields; i++) {
        Field *f = &e->fields[i];
        Type *ft = types_resolve(c, f->type);
        if (ft->state == 1) {
            /* Go reports the cycle at the declaration of the type it comes back to */
            const Sym *ts = ft->name ? scope_lookup_in(c->pkg, ft->name, (int)strlen(ft->name)) : NULL;
            types_errorf(c, ts ? ts->line : f->type->line, ts ? ts->col : f->type->col,
                         "invalid recursive type %s", ft->name);
            ft = c->t_invalid;
        }
        if (!too_big && ft->nslots > TYPES_MAX_SLOTS - t->nslots) {
            types_errorf(c, f->line, f->col, "interleave does not support types of more than %d memory slots",
                         TYPES_MAX_SLOTS);
            too_big = true;
        }
        TField tf = {f->name, f->namelen, ft, t->nslots, false};
        if (!f->name) {              /* embedded: named after its type */
            types_embedded_name(ft, &tf.name, &tf.namelen);
            tf.embedded = true;
        }
        for (int j = 0; j < t->nfields; j++)   /* an embedded field is named after its type */
            if (t->fields[j].namelen == tf.namelen && memcmp(t->fields[j].name, tf.name, (size_t)tf.namelen) == 0 &&
                !(tf.namelen == 1 && tf.name[0] == '_'))
                types_errorf(c, f->line, f->col, "%.*s redeclared", tf.namelen, tf.name);
        t->fields[t->nfields++] = tf;
        if (!too_big) t->nslots += ft->nslots;
    }
    return too_big ? c->t_invalid : t;
}

Type *types_signature(Checker *c, FuncNode *fn)
{
    Type *t = types_new(c, TY_FUNC, NULL);
    t->params = parse_alloc(c->arena, sizeof *t->params * (size_t)(fn->nparams + 1));
    t->results = parse_alloc(c->arena, sizeof *t->results * (size_t)(fn->nresults + 1));
    for (int i = 0; i < fn->nparams + fn->nresults; i++) {
        Field *f = i < fn->nparams ? &fn->params[i] : &fn->results[i - fn->nparams];
        Type *ft = types_resolve(c, f->type);
        if (ft->kind == TY_MUTEX || ft->kind == TY_WAITGROUP) {
            char ts[64];
            types_string(ft, ts, sizeof ts);
            types_errorf(c, f->type->line, f->type->col,
                         "interleave does not support passing %s by value (use *%s)", ts, ts);
            ft = c->t_invalid;
        }
        if (fn->variadic && i == fn->nparams - 1 && ft != c->t_invalid) {
            ft = types_variadic_slice(c, ft, f->type->line, f->type->col);   /* ...T is []T */
            t->variadic = ft != c->t_invalid;
        }
        if (i < fn->nparams) t->params[t->nparams++] = ft;
        else t->results[t->nresults++] = ft;
    }
    return t;
}

Type *types_resolve(Checker *c, Expr *e)
{
    Type *t = c->t_invalid;
    switch (e->kind) {
    case EX_IDENT: {
        Sym *s = scope_lookup(c, e->name, e->namelen);
        if (!s) {
            types_errorf(c, e->line, e->col, "undefined: %.*s", e->namelen, e->name);
        } else if (s->kind == SYM_BUILTIN && s->builtin == BI_UNSUPPORTED) {
            types_errorf(c, e->line, e->col, "interleave does not support %.*s", e->namelen, e->name);
        } else if (s->kind != SYM_TYPE) {
            types_errorf(c, e->line, e->col, "%.*s is not a type", e->namelen, e->name);
        } else {
            s->used = true;
            scope_resolve(c, s);
            t = s->type;
        }
        break;
    }
    case EX_SELECTOR:
        t = types_package_type(c, e, true);
        break;
    case EX_STAR:
        t = types_resolve(c, e->x);
        if (t != c->t_invalid) t = types_ptr(c, t);
        break;
    case EX_PAREN:
        t = types_resolve(c, e->x);
        break;
    case EX_STRUCTTYPE:
        t = struct_type(c, e);
        break;
    case EX_FUNCTYPE:
        t = types_signature(c, e->fn);
        break;
    case EX_IFACETYPE:
        t = types_iface_type(c, e);
        break;
    case EX_BAD:                       /* a type the checker made (generated code) */
        if (e->type) { t = e->type; break; }
        types_errorf(c, e->line, e->col, "invalid type");
        break;
    case EX_CHANTYPE:
        t = types_resolve(c, e->x);
        if (t != c->t_invalid) t = types_chan(c, t, e->op);
        break;
    case EX_ARRAYTYPE: case EX_MAPTYPE:
        t = types_data_type(c, e);
        break;
    default: {
        char x[96];
        ast_expr_string(e, x, sizeof x);
        types_errorf(c, e->line, e->col, "%s is not a type", x);
    }
    }
    e->mode = t == c->t_invalid ? MODE_INVALID : MODE_TYPE;
    e->type = t;
    return t;
}
