/* compile_emit.c — the code buffer: instructions with their source
 * positions, the constant pools and the memory layouts of types.
 *
 * Every instruction takes the position in Compiler.line/col, which the walk
 * keeps at the construct being compiled (so a trace points at the statement,
 * and an operator at its expression).  Strings are deduplicated, string 0 is
 * always "", and an int that does not fit in an instruction's 32-bit operand
 * goes to the constant pool.
 */
#include "compile_internal.h"

#include <stdio.h>
#include <string.h>
#include "util.h"

int compile_emit(Compiler *C, int op, int a, int b)
{
    Program *p = C->p;
    if (p->ncode + 1 > C->code_cap) {
        int cap = C->code_cap;
        GROW(p->code, cap, p->ncode + 1);
        p->code_line = xrealloc(p->code_line, sizeof *p->code_line * (size_t)cap);
        p->code_col = xrealloc(p->code_col, sizeof *p->code_col * (size_t)cap);
        C->code_cap = cap;
    }
    Instr in = {(uint16_t)op, (uint16_t)b, a, 0};
    p->code[p->ncode] = in;
    p->code_line[p->ncode] = C->line;
    p->code_col[p->ncode] = C->col;
    return p->ncode++;
}

void compile_patch(Compiler *C, int at, int target)
{
    C->p->code[at].a = target;
}

int compile_here(const Compiler *C)
{
    return C->p->ncode;
}

int compile_add_string(Compiler *C, const char *s, int len)
{
    Program *p = C->p;
    for (int i = 0; i < p->nstrings; i++)
        if (p->string_len[i] == len && memcmp(p->strings[i], s, (size_t)len) == 0) return i;
    if (p->nstrings + 1 > C->strings_cap) {
        int cap = C->strings_cap;
        GROW(p->strings, cap, p->nstrings + 1);
        p->string_len = xrealloc(p->string_len, sizeof *p->string_len * (size_t)cap);
        C->strings_cap = cap;
    }
    p->strings[p->nstrings] = xstrndup(s, (size_t)len);
    p->string_len[p->nstrings] = len;
    return p->nstrings++;
}

static void emit_int(Compiler *C, int64_t v)
{
    if (v >= INT32_MIN && v <= INT32_MAX) {
        compile_emit(C, OP_INT, (int32_t)v, 0);
        return;
    }
    Program *p = C->p;
    int k = -1;
    for (int i = 0; i < p->nconsts && k < 0; i++) if (p->consts[i].kind == V_INT && p->consts[i].aux == 0 && p->consts[i].i == v) k = i;
    if (k < 0) {
        GROW(p->consts, C->consts_cap, p->nconsts + 1);
        k = p->nconsts++;
        p->consts[k] = value_int(v);
    }
    compile_emit(C, OP_CONST, k, 0);
}

void compile_emit_const(Compiler *C, const ConstVal *cv)
{
    switch (cv->kind) {
    case CV_INT: emit_int(C, cv->i); break;
    case CV_BOOL: compile_emit(C, cv->i ? OP_TRUE : OP_FALSE, 0, 0); break;
    case CV_STRING: compile_emit(C, OP_STR, compile_add_string(C, cv->s, cv->slen), 0); break;
    case CV_FLOAT: case CV_BIGINT:   /* (a big integer reaching code was reported as overflowing) */
        compile_emit(C, OP_CONST, compile_data_const(C, value_float((double)cv->f)), 0);
        break;
    default: sim_fatal("compile_emit_const", "no constant value");
    }
}

static Value zero_value(const Type *t)
{
    switch (t->kind) {
    case TY_INT: return value_int(0);
    case TY_BOOL: return value_bool(0);
    case TY_STRING: return value_make(V_STR, 0, 0);   /* string constant 0 is "" */
    case TY_MUTEX: return value_make(V_SYNC, t->sync_kind ? (uint32_t)t->sync_kind : SYNC_MUTEX, 0);
    case TY_IFACE: return value_nil();   /* a nil interface: V_NIL, aux 0 */
    case TY_WAITGROUP: return value_make(V_SYNC, SYNC_WAITGROUP, 0);
    default: return compile_data_zero_value(t);
    }
}

void compile_emit_zero(Compiler *C, const Type *t)
{
    switch (t->kind) {
    case TY_INT: if (!compile_data_zero(C, t)) compile_emit(C, OP_INT, 0, 0); break;
    case TY_BOOL: compile_emit(C, OP_FALSE, 0, 0); break;
    case TY_STRING: compile_emit(C, OP_STR, 0, 0); break;
    default: if (!compile_data_zero(C, t)) compile_emit(C, OP_NIL, 0, 0); break;
    }
}

void compile_flatten(const Type *t, const char *prefix, Value *zero, const char **names, int *k)
{
    if (t->kind != TY_STRUCT) {
        zero[*k] = zero_value(t);
        names[*k] = xstrdup(prefix);
        (*k)++;
        return;
    }
    for (int i = 0; i < t->nfields; i++) {
        char path[160];
        snprintf(path, sizeof path, "%s%s%.*s", prefix, *prefix ? "." : "", t->fields[i].namelen, t->fields[i].name);
        compile_flatten(t->fields[i].type, path, zero, names, k);
    }
}

/* An unnamed type spelled twice (map[string]int in a literal and in a type
 * switch case) is two Type objects but one Go type: one layout, so the
 * dynamic type ids an interface carries compare equal. */
static int identical_layout(Compiler *C, const Type *t)
{
    if (t->name) return -1;            /* a named type is its own */
    for (int i = 0; i < C->nlayout_type; i++)
        if (C->layout_type[i] && types_identical(C->layout_type[i], t)) return i;
    return -1;
}

static void record_layout(Compiler *C, Type *t, int layout)
{
    if (layout >= C->nlayout_type) {
        C->layout_type = xrealloc(C->layout_type, (size_t)(layout + 1) * sizeof *C->layout_type);
        memset(C->layout_type + C->nlayout_type, 0, (size_t)(layout + 1 - C->nlayout_type) * sizeof *C->layout_type);
        C->nlayout_type = layout + 1;
    }
    C->layout_type[layout] = t;
}

int compile_layout(Compiler *C, Type *t)
{
    if (t->layout >= 0) return t->layout;
    int same = identical_layout(C, t);
    if (same >= 0) return t->layout = same;
    Program *p = C->p;
    GROW(p->types, C->types_cap, p->ntypes + 1);
    TypeLayout *tl = &p->types[p->ntypes];
    memset(tl, 0, sizeof *tl);
    char name[128];
    types_string(t, name, sizeof name);
    tl->name = xstrdup(name);
    tl->nslots = t->kind == TY_STRUCT && t->nslots > 0 ? t->nslots : 1;   /* struct{}: one nil slot */
    tl->zero = xcalloc((size_t)tl->nslots, sizeof *tl->zero);
    tl->slot_name = xcalloc((size_t)tl->nslots, sizeof *tl->slot_name);
    int k = 0;
    compile_flatten(t, "", tl->zero, tl->slot_name, &k);
    if (k == 0) tl->slot_name[0] = xstrdup("");
    t->layout = p->ntypes++;
    record_layout(C, t, t->layout);
    compile_data_layout_arrays(C, t, t->layout);   /* array fields: compile_data.c */
    compile_rtype(C, t);
    return t->layout;
}
