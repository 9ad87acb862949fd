/* types_op.c — operators and constants: unary and binary expressions,
 * untyped operands taking the other side's type, and constant folding.
 *
 * Constants are folded here in int64 with overflow checked, so
 * `2 * time.Second` reaches the code generator as one number, and an
 * overflow is a compile error as in Go (whose constants are exact; an
 * intermediate past int64 is an error here even if the result would fit).
 * The VM has no bitwise or shift instructions: those operators are accepted
 * on constants only.
 */
#include "check.h"

#include <string.h>
#include "lex.h"
#include "parse.h"

/* ---- constants ------------------------------------------------------------------- */

void types_set_const(Expr *e, Type *t, ConstKind k, int64_t i)
{
    e->mode = MODE_CONST;
    e->type = t;
    e->cv.kind = k;
    e->cv.i = i;
}

/* Fold x op y for two constants; false (reported) on overflow or x/0. */
static bool fold(Checker *c, Expr *e, const ConstVal *x, const ConstVal *y, ConstVal *out)
{
    if (x->kind == CV_FLOAT || y->kind == CV_FLOAT) return types_data_fold(c, e, x, y, out);
    if (x->kind == CV_BIGINT || y->kind == CV_BIGINT) return types_data_fold_big(c, e, x, y, out);
    int64_t a = x->i, b = y->i, r = 0;
    bool ovf = false;
    out->kind = x->kind;
    if (x->kind == CV_STRING) {
        int cmp = memcmp(x->s, y->s, (size_t)(x->slen < y->slen ? x->slen : y->slen));
        if (cmp == 0) cmp = (x->slen > y->slen) - (x->slen < y->slen);
        out->kind = CV_BOOL;
        switch (e->op) {
        case TK_PLUS: {
            char *s = parse_alloc(c->arena, (size_t)(x->slen + y->slen + 1));
            memcpy(s, x->s, (size_t)x->slen);
            memcpy(s + x->slen, y->s, (size_t)y->slen);
            out->kind = CV_STRING;
            out->s = s;
            out->slen = x->slen + y->slen;
            return true;
        }
        case TK_EQ: out->i = cmp == 0; return true;
        case TK_NE: out->i = cmp != 0; return true;
        case TK_LT: out->i = cmp < 0; return true;
        case TK_LE: out->i = cmp <= 0; return true;
        case TK_GT: out->i = cmp > 0; return true;
        default: out->i = cmp >= 0; return true;
        }
    }
    switch (types_base_op(e->op)) {
    case TK_PLUS: ovf = __builtin_add_overflow(a, b, &r); break;
    case TK_MINUS: ovf = __builtin_sub_overflow(a, b, &r); break;
    case TK_STAR: ovf = __builtin_mul_overflow(a, b, &r); break;
    case TK_SLASH: case TK_PERCENT:
        if (b == 0) {
            types_errorf(c, e->y->line, e->y->col, "invalid operation: division by zero");
            return false;
        }
        if (a == INT64_MIN && b == -1) ovf = e->op == TK_SLASH;
        else r = e->op == TK_SLASH ? a / b : a % b;
        break;
    case TK_AMP: r = a & b; break;
    case TK_PIPE: r = a | b; break;
    case TK_CARET: r = a ^ b; break;
    case TK_ANDNOT: r = a & ~b; break;
    case TK_SHL: case TK_SHR:
        if (b < 0) {
            types_errorf(c, e->y->line, e->y->col, "invalid shift count %lld", (long long)b);
            return false;
        }
        if (e->op == TK_SHR) r = b > 63 ? (a < 0 ? -1 : 0) : a >> b;
        else if (a == 0) r = 0;   /* 0 << 64 is 0; a C shift by 64 is undefined */
        else if (b > 62 || (a > 0 ? a > (INT64_MAX >> b) : a < (INT64_MIN >> b))) ovf = true;
        else r = (int64_t)((uint64_t)a << b);
        break;
    case TK_ANDAND: r = a && b; out->kind = CV_BOOL; break;
    case TK_OROR: r = a || b; out->kind = CV_BOOL; break;
    case TK_EQ: r = a == b; out->kind = CV_BOOL; break;
    case TK_NE: r = a != b; out->kind = CV_BOOL; break;
    case TK_LT: r = a < b; out->kind = CV_BOOL; break;
    case TK_LE: r = a <= b; out->kind = CV_BOOL; break;
    case TK_GT: r = a > b; out->kind = CV_BOOL; break;
    case TK_GE: r = a >= b; out->kind = CV_BOOL; break;
    default: break;
    }
    if (ovf && types_is_unsigned(e->x->type)) {   /* uint64 constants reach 1<<64 - 1 */
        uint64_t ua = (uint64_t)a, ub = (uint64_t)b, ur = 0;
        switch (types_base_op(e->op)) {
        case TK_PLUS: ovf = __builtin_add_overflow(ua, ub, &ur); break;
        case TK_MINUS: ovf = __builtin_sub_overflow(ua, ub, &ur); break;
        case TK_STAR: ovf = __builtin_mul_overflow(ua, ub, &ur); break;
        case TK_SHL: ovf = ub > 63 || (ua >> (63 - ub)) > 1; ur = ua << (ub & 63); break;
        default: break;
        }
        r = (int64_t)ur;
    }
    if (ovf && types_is_untyped(e->x->type) && types_is_untyped(e->y->type))
        return types_data_fold_big(c, e, x, y, out);   /* 1 << 100: Go's constants are exact */
    if (ovf) {
        char es[96];
        ast_expr_string(e, es, sizeof es);
        types_errorf(c, e->line, e->col, "constant %s overflows int", es);
        return false;
    }
    out->i = r;
    return true;
}

/* ---- operators ------------------------------------------------------------------- */

void types_unary(Checker *c, Expr *e)
{
    Expr *x = e->x;
    char xs[128];
    if (e->op == TK_AMP) {
        Expr *inner = x;
        while (inner->kind == EX_PAREN) inner = inner->x;
        types_expr(c, x);
        if (x->mode == MODE_INVALID) return;
        if (inner->kind == EX_INDEX && inner->x->type && inner->x->type->kind == TY_MAP) {
            ast_expr_string(x, xs, sizeof xs);
            char ts[64];
            types_string(x->type, ts, sizeof ts);
            types_errorf(c, x->line, x->col, "invalid operation: cannot take address of %s (map index expression of type %s)", xs, ts);
            return;
        }
        if (inner->kind != EX_COMPOSITE && x->mode != MODE_VAR) {
            types_operand_string(x, xs, sizeof xs);
            types_errorf(c, x->line, x->col, "invalid operation: cannot take address of %s", xs);
            return;
        }
        if (inner->kind == EX_IDENT && inner->sym) inner->sym->addr_taken = true;
        e->mode = MODE_VALUE;
        e->type = types_ptr(c, x->type);
        return;
    }
    types_value(c, x);
    if (x->mode == MODE_INVALID) return;
    bool ok = e->op == TK_NOT ? types_is_bool(x->type) :
              e->op == TK_CARET ? types_is_integer(x->type) : types_is_numeric(x->type);
    if (!ok) {
        types_operand_string(x, xs, sizeof xs);
        types_errorf(c, x->line, x->col, "invalid operation: operator %s not defined on %s",
                     lex_kind_text(e->op), xs);
        return;
    }
    e->type = x->type;
    if (x->mode == MODE_CONST && (x->cv.kind == CV_FLOAT || x->cv.kind == CV_BIGINT)) {
        e->mode = MODE_CONST;
        e->cv = x->cv;
        if (e->op == TK_MINUS) e->cv.f = e->cv.f == 0 ? 0 : -e->cv.f;   /* constants have no -0 */
        if (e->cv.kind == CV_BIGINT && e->cv.f >= -0x1p63L && e->cv.f < 0x1p63L) {
            e->cv.kind = CV_INT;   /* -9223372036854775808 is an ordinary int */
            e->cv.i = (int64_t)e->cv.f;
        }
        return;
    }
    if (x->mode == MODE_CONST) {
        int64_t v = x->cv.i;
        if (e->op == TK_MINUS && v == INT64_MIN && types_is_untyped(x->type)) {
            e->mode = MODE_CONST;   /* 1<<63: past int64, exact all the same */
            e->cv.kind = CV_BIGINT;
            e->cv.f = 0x1p63L;
            return;
        }
        if (e->op == TK_MINUS && v == INT64_MIN) {
            types_errorf(c, e->line, e->col, "constant overflow");
            return;
        }
        int64_t r = e->op == TK_MINUS ? -v : e->op == TK_NOT ? !v : e->op == TK_CARET ? ~v : v;
        if (e->op == TK_CARET && types_is_unsigned(x->type)) {   /* ^uint8(0) is 255 */
            int bits = types_go_size(x->type) * 8;
            if (bits < 64) r &= (int64_t)((1ULL << bits) - 1);
        }
        types_set_const(e, x->type, x->cv.kind, r);
        return;
    }
    e->mode = MODE_VALUE;
}

bool types_convert_untyped(Checker *c, Expr *x, Type *target)
{
    if (!types_is_untyped(x->type)) return true;
    if (x->type->kind == TY_UNTYPED_INT && target->kind == TY_UNTYPED_FLOAT && x->mode == MODE_CONST) {
        x->type = target;       /* 2 * 1.5: the int constant becomes a float one */
        x->cv.kind = CV_FLOAT;
        x->cv.f = (long double)x->cv.i;
        return true;
    }
    if (x->type == c->t_uint && target == c->t_urune) { x->type = target; return true; }   /* 'a' + 1 is a rune */
    if (types_is_untyped(target)) return true;
    bool ok;
    switch (x->type->kind) {
    case TY_UNTYPED_INT: ok = target->kind == TY_INT || target->kind == TY_FLOAT; break;
    case TY_UNTYPED_FLOAT: ok = target->kind == TY_FLOAT || (target->kind == TY_INT && x->mode == MODE_CONST); break;
    case TY_UNTYPED_BOOL: ok = target->kind == TY_BOOL; break;
    case TY_UNTYPED_STRING: ok = target->kind == TY_STRING; break;
    default:
        ok = target->kind == TY_PTR || target->kind == TY_FUNC || target->kind == TY_CHAN ||
             target->kind == TY_SLICE || target->kind == TY_MAP || target->kind == TY_IFACE;
        break;
    }
    if (ok && !types_data_convert_const(c, x, target)) return true;   /* reported */
    if (ok) x->type = target;
    return ok;
}

const char TYPES_OPERAND_CTX[] = "operand";

int types_base_op(int op)
{
    switch (op) {
    case TK_PLUS_ASSIGN: return TK_PLUS;
    case TK_MINUS_ASSIGN: return TK_MINUS;
    case TK_STAR_ASSIGN: return TK_STAR;
    case TK_SLASH_ASSIGN: return TK_SLASH;
    case TK_PERCENT_ASSIGN: return TK_PERCENT;
    case TK_AMP_ASSIGN: return TK_AMP;
    case TK_PIPE_ASSIGN: return TK_PIPE;
    case TK_CARET_ASSIGN: return TK_CARET;
    case TK_SHL_ASSIGN: return TK_SHL;
    case TK_SHR_ASSIGN: return TK_SHR;
    case TK_ANDNOT_ASSIGN: return TK_ANDNOT;
    default: return op;
    }
}

void types_binary(Checker *c, Expr *e)
{
    Expr *x = e->x, *y = e->y;
    int op = types_base_op(e->op);
    char es[160], ts[64], us[64];
    types_invalid(c, e);
    if (x->mode == MODE_INVALID || y->mode == MODE_INVALID) return;
    if ((op == TK_SHL || op == TK_SHR) && types_data_shift(c, e)) return;   /* x << uint(n): sim/lang/types_data.c */
    ast_expr_string(e, es, sizeof es);
    Type *xt = x->type, *yt = y->type;
    if ((op == TK_EQ || op == TK_NE) && (types_is_iface(xt) != types_is_iface(yt)) &&
        x->mode != MODE_NIL && y->mode != MODE_NIL) {
        /* interface == concrete: the concrete side is boxed (Go spec "Comparison operators") */
        Expr *c_side = types_is_iface(xt) ? y : x;
        Type *it = types_is_iface(xt) ? xt : yt;
        const char *miss;
        int misslen;
        Type *ct = types_default(c, c_side->type);
        if (types_implements(ct, it, &miss, &misslen)) {
            c_side->type = ct;
            types_box(c, c_side, it);
            c_side->type = it;
            xt = x->type;
            yt = y->type;
        }
    }
    int reported = c->diags->n;
    const char *save_ctx = c->assign_ctx;
    c->assign_ctx = TYPES_OPERAND_CTX;
    bool match = types_convert_untyped(c, x, yt) && types_convert_untyped(c, y, x->type);
    c->assign_ctx = save_ctx;
    if (c->diags->n > reported) return;   /* a constant that does not fit: said so */
    if (match && types_is_untyped(x->type) && types_is_untyped(y->type))
        match = x->type == y->type;
    bool cmp = op == TK_EQ || op == TK_NE || op == TK_LT || op == TK_LE || op == TK_GT || op == TK_GE;
    if (!match || !types_identical(x->type, y->type)) {
        types_string(xt, ts, sizeof ts);
        types_string(yt, us, sizeof us);
        /* types2's comparison reports at the second operand: only it shows the mismatch */
        const Expr *at = cmp ? y : e;
        types_errorf(c, at->line, at->col, "invalid operation: %s (mismatched types %s and %s)", es, ts, us);
        return;
    }
    Type *t = x->type;
    bool ok;
    if (op == TK_ANDAND || op == TK_OROR) ok = types_is_bool(t);
    else if (op == TK_EQ || op == TK_NE)
        ok = t->kind != TY_MUTEX && t->kind != TY_WAITGROUP &&
             ((t->kind != TY_FUNC && t->kind != TY_SLICE && t->kind != TY_MAP) || x->mode == MODE_NIL || y->mode == MODE_NIL) &&
             t->kind != TY_UNTYPED_NIL;
    else if (cmp) ok = types_is_numeric(t) || types_is_string(t);
    else if (op == TK_PLUS) ok = types_is_numeric(t) || types_is_string(t);
    else if (op == TK_MINUS || op == TK_STAR || op == TK_SLASH) ok = types_is_numeric(t);
    else ok = types_is_integer(t);
    if (!ok) {
        types_string(t, ts, sizeof ts);
        if ((op == TK_EQ || op == TK_NE) && (t->kind == TY_SLICE || t->kind == TY_MAP || t->kind == TY_FUNC)) {
            types_errorf(c, e->line, e->col, "invalid operation: %s (%s can only be compared to nil)", es,
                         t->kind == TY_SLICE ? "slice" : t->kind == TY_MAP ? "map" : "func");
        } else if (cmp || op == TK_ANDAND || op == TK_OROR) {
            const Expr *at = t->kind == TY_UNTYPED_NIL ? y : e;   /* nil == nil: as types2 */
            types_errorf(c, at->line, at->col, "invalid operation: %s (operator %s not defined on %s)",
                         es, lex_kind_text(op), ts);
        } else {
            char xs[128];
            types_operand_string(x, xs, sizeof xs);
            types_errorf(c, e->line, e->col, "invalid operation: operator %s not defined on %s",
                         lex_kind_text(op), xs);
        }
        return;
    }
    if ((op == TK_SLASH || op == TK_PERCENT) && y->mode == MODE_CONST &&
        (y->cv.kind == CV_FLOAT ? y->cv.f == 0 : y->cv.i == 0)) {
        types_errorf(c, y->line, y->col, "invalid operation: division by zero");
        return;
    }
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
        ConstVal r;
        if (!fold(c, e, &x->cv, &y->cv, &r)) return;
        if (!types_data_const_fits(c, e, &r, t)) return;   /* uint8(200) + uint8(100) */
        Type *rt = r.kind == CV_BOOL && cmp ? c->t_ubool : t;
        e->mode = MODE_CONST;
        e->type = rt;
        e->cv = r;
        return;
    }
    e->mode = MODE_VALUE;
    e->type = cmp ? c->t_bool : types_default(c, t);
    if (cmp) {
        x->type = types_default(c, x->type);
        y->type = types_default(c, y->type);
    }
}
