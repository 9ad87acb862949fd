/* asm.h — hand-assembled Programs for the machine's unit tests.
 *
 * The VM and scheduler tests must not depend on the compiler's choices, so
 * they build bytecode directly: a tiny assembler with one call per
 * instruction, functions as begin/end pairs, strings and struct types.
 *   Asm a; asm_init(&a, "t.go");
 *   asm_func(&a, "main", 0, 0, 1);  A(&a, OP_INT, 5, 0, 3); ... asm_end(&a);
 *   Program *p = asm_finish(&a);   ...   asm_free(p);
 * Line numbers are whatever the test says they are.
 */
#ifndef INTERLEAVE_TESTS_ASM_H
#define INTERLEAVE_TESTS_ASM_H

#include <stdlib.h>
#include <string.h>

#include "program.h"
#include "util.h"

typedef struct Asm {
    Program *p;
    int code_cap, str_cap, proto_cap, type_cap, cur;
} Asm;

static inline int asm_str(Asm *a, const char *s);

static inline void asm_init(Asm *a, const char *filename)
{
    memset(a, 0, sizeof *a);
    a->p = xcalloc(1, sizeof *a->p);
    a->p->filename = filename;
    a->p->init_proto = -1;
    a->p->main_proto = -1;
    a->cur = -1;
    asm_str(a, "");                 /* string 0 is "" */
}

static inline int asm_str(Asm *a, const char *s)
{
    Program *p = a->p;
    for (int i = 0; i < p->nstrings; i++)
        if (!strcmp(p->strings[i], s)) return i;
    if (p->nstrings + 1 > a->str_cap) {
        a->str_cap = a->str_cap ? a->str_cap * 2 : 8;
        p->strings = xrealloc(p->strings, (size_t)a->str_cap * sizeof *p->strings);
        p->string_len = xrealloc(p->string_len, (size_t)a->str_cap * sizeof *p->string_len);
    }
    p->strings[p->nstrings] = xstrdup(s);
    p->string_len[p->nstrings] = (int)strlen(s);
    return p->nstrings++;
}

/* Emit one instruction; returns its pc. */
static inline int A(Asm *a, int op, int opa, int opb, int line)
{
    Program *p = a->p;
    if (p->ncode + 1 > a->code_cap) {
        a->code_cap = a->code_cap ? a->code_cap * 2 : 64;
        p->code = xrealloc(p->code, (size_t)a->code_cap * sizeof *p->code);
        p->code_line = xrealloc(p->code_line, (size_t)a->code_cap * sizeof *p->code_line);
        p->code_col = xrealloc(p->code_col, (size_t)a->code_cap * sizeof *p->code_col);
    }
    p->code[p->ncode].op = (uint16_t)op;
    p->code[p->ncode].a = opa;
    p->code[p->ncode].b = (uint16_t)opb;
    p->code[p->ncode].c = 0;
    p->code_line[p->ncode] = line;
    p->code_col[p->ncode] = 1;
    return p->ncode++;
}

static inline int asm_pc(const Asm *a) { return a->p->ncode; }
static inline void asm_patch(Asm *a, int pc, int target) { a->p->code[pc].a = target; }

static inline int asm_func(Asm *a, const char *name, int nparams, int ncaptures, int nslots)
{
    Program *p = a->p;
    if (p->nprotos + 1 > a->proto_cap) {
        a->proto_cap = a->proto_cap ? a->proto_cap * 2 : 8;
        p->protos = xrealloc(p->protos, (size_t)a->proto_cap * sizeof *p->protos);
    }
    Proto *f = &p->protos[p->nprotos];
    memset(f, 0, sizeof *f);
    f->name = name;
    f->nparams = nparams;
    f->ncaptures = ncaptures;
    f->nslots = nslots;
    f->code_start = f->code_end = p->ncode;
    if (!strcmp(name, "main")) p->main_proto = p->nprotos;
    a->cur = p->nprotos;
    return p->nprotos++;
}

static inline void asm_end(Asm *a)
{
    a->p->protos[a->cur].code_end = a->p->ncode;
}

/* A type of n slots; kinds[i] is 0 for a plain slot, SYNC_MUTEX or
 * SYNC_WAITGROUP for a sync slot; names may be NULL for a scalar. */
static inline int asm_type(Asm *a, const char *name, int n, const int *kinds, const char **names)
{
    Program *p = a->p;
    if (p->ntypes + 1 > a->type_cap) {
        a->type_cap = a->type_cap ? a->type_cap * 2 : 8;
        p->types = xrealloc(p->types, (size_t)a->type_cap * sizeof *p->types);
    }
    TypeLayout *t = &p->types[p->ntypes];
    t->name = name;
    t->nslots = n;
    t->zero = xcalloc((size_t)n, sizeof(Value));
    t->slot_name = xcalloc((size_t)n, sizeof(char *));
    for (int i = 0; i < n; i++) {
        t->zero[i] = kinds && kinds[i] ? value_make(V_SYNC, (uint32_t)kinds[i], 0) : value_int(0);
        t->slot_name[i] = names ? names[i] : "";
    }
    return p->ntypes++;
}

static inline void asm_globals(Asm *a, int n, const char **names)
{
    a->p->nglobals = n;
    a->p->global_name = names;
}

static inline Program *asm_finish(Asm *a) { return a->p; }

static inline void asm_free(Program *p)
{
    for (int i = 0; i < p->nstrings; i++) free(p->strings[i]);
    for (int i = 0; i < p->ntypes; i++) {
        free(p->types[i].zero);
        free((void *)p->types[i].slot_name);
    }
    free(p->strings); free(p->string_len); free(p->code); free(p->code_line);
    free(p->code_col); free(p->protos); free(p->types); free(p->consts);
    free(p);
}

#endif
