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
#include <stdio.h>
#include <string.h>

#include "machine_internal.h"
#include "vm_data.h"

#include "lib_data.h"

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
    int argc = (int)(strchr(rand_fns[in.a].sig, ':') - rand_fns[in.a].sig);
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
