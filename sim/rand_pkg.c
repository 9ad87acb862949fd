/* rand_pkg.c — package math/rand: Intn, Int, Int63, Int31n, Float64, Perm,
 * Seed.
 *
 * Go 1.19 seeds the global source with 1 unless the program calls
 * rand.Seed, so its numbers repeat from run to run; here too.  The
 * generator is not Go's (an additive lagged Fibonacci generator seeded from
 * a 607-entry table): it is splitmix64 over a state kept in a hidden global
 * variable, so the sequence is deterministic, survives machine_clone, and
 * the same Seed gives the same sequence.  Programs that print rand values
 * will not match real Go's digits; programs that use them as Go's docs
 * intend (ranges, shuffles, "same seed, same sequence") behave the same.
 * Each call is one instruction reading and writing that global: Go's global
 * source is locked, so calls from several goroutines are atomic.
 */
#include <string.h>

#include "check.h"
#include "machine_internal.h"
#include "vm_data.h"

typedef enum RandFn { RF_INTN, RF_INT, RF_INT63, RF_INT31N, RF_FLOAT64, RF_PERM, RF_SEED, RF__COUNT } RandFn;

static const struct { const char *name, *sig; } fns[RF__COUNT] = {
    {"Intn", "i:i"}, {"Int", ":i"}, {"Int63", ":I"}, {"Int31n", "3:3"}, {"Float64", ":f"},
    {"Perm", "i:S"}, {"Seed", "I:"},
};

static Type *sig_type(Checker *c, char k)
{
    switch (k) {
    case 'i': return c->t_int;
    case 'I': return c->t_num[NK_INT64];
    case '3': return c->t_num[NK_INT32];
    case 'f': return c->t_num[NK_FLOAT64];
    default: return types_slice_of(c, c->t_int);
    }
}

bool rand_member(Checker *c, Expr *e, const Import *im)
{
    if (im->pathlen != 9 || memcmp(im->path, "math/rand", 9) != 0) return false;
    for (int k = 0; k < RF__COUNT; k++) {
        if ((int)strlen(fns[k].name) != e->namelen || memcmp(fns[k].name, e->name, (size_t)e->namelen) != 0) continue;
        Sym *state = NULL;
        for (int i = 0; i < c->nglobals && !state; i++)
            if (c->globals[i]->namelen == 10 && !memcmp(c->globals[i]->name, "rand.state", 10)) state = c->globals[i];
        if (!state) {   /* the source's state: a hidden global (see above) */
            state = scope_new_sym(c, SYM_VAR, "rand.state", 10, 0, 0);
            state->type = c->t_int;
            state->global = true;
            state->used = true;
            PUSH(c, c->globals, c->nglobals, c->globals_cap, state);
        }
        e->mode = MODE_BUILTIN;
        e->builtin = BI_RANDFN;
        e->ival = k;
        e->sym = state;
        return true;
    }
    return false;
}

void rand_check(Checker *c, Expr *e, const char *callee)
{
    const char *sig = fns[e->x->ival].sig;
    int n = (int)(strchr(sig, ':') - sig);
    if (e->nargs != n) {
        const Expr *at = e->nargs > n ? e->args[n] : e;
        types_errorf(c, at->line, at->col, "%s arguments in call to %s", e->nargs < n ? "not enough" : "too many", callee);
        types_invalid(c, e);
        return;
    }
    char ctx[160];
    snprintf(ctx, sizeof ctx, "argument to %s", callee);
    for (int i = 0; i < n; i++) {
        types_value(c, e->args[i]);
        types_assign(c, e->args[i], sig_type(c, sig[i]), ctx);
    }
    if (sig[n + 1]) {
        e->mode = MODE_VALUE;
        e->type = sig_type(c, sig[n + 1]);
    }
}

/* The next 64 random bits of the source in global slot `slot`. */
static uint64_t next(Machine *m, int slot)
{
    Value *st = &m->mem[slot];
    if (st->kind != V_INT || st->i == 0) *st = value_int(1);   /* Go 1.19: as if Seed(1) */
    uint64_t x = (uint64_t)st->i + 0x9e3779b97f4a7c15ULL;
    st->i = (int64_t)x;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

int rand_exec(Machine *m, Goroutine *g, Instr in)
{
    int slot = in.b;
    int argc = (int)(strchr(fns[in.a].sig, ':') - fns[in.a].sig);
    Value *args = &g->stack[g->sp - argc];
    Value res = value_nil();
    bool has = true;
    switch ((RandFn)in.a) {
    case RF_INTN: case RF_INT31N: case RF_PERM:
        if (args[0].i <= 0 && in.a != RF_PERM) {
            machine_fail(m, M_PANIC, g->id, true, in.a == RF_INTN ? "invalid argument to Intn" : "invalid argument to Int31n");
            return 0;
        }
        if (args[0].i < 0) {
            machine_fail(m, M_PANIC, g->id, true, "invalid argument to Intn");
            return 0;
        }
        if (in.a == RF_PERM) {
            int64_t n = args[0].i;
            int64_t base = machine_alloc(m, (int)n, -2, -1);
            for (int64_t i = 0; i < n; i++) {   /* Go's Perm: an inside-out shuffle */
                int64_t j = (int64_t)(next(m, slot) % (uint64_t)(i + 1));
                m->mem[base + i] = m->mem[base + j];
                m->mem[base + j] = value_int(i);
            }
            res = value_slice(V_SLICE, base, n, n);
            break;
        }
        res = vm_data_wrap((int64_t)(next(m, slot) % (uint64_t)args[0].i), in.a == RF_INTN ? NK_INT : NK_INT32);
        break;
    case RF_INT: res = value_int((int64_t)(next(m, slot) >> 1)); break;
    case RF_INT63: res = vm_data_wrap((int64_t)(next(m, slot) >> 1), NK_INT64); break;
    case RF_FLOAT64: res = value_float((double)(next(m, slot) >> 11) / 9007199254740992.0); break;
    case RF_SEED:
        m->mem[slot] = value_int(args[0].i ? args[0].i : 0x5eed);
        has = false;
        break;
    case RF__COUNT: break;
    }
    g->sp -= argc;
    if (has) g->stack[g->sp++] = res;
    return 0;
}
