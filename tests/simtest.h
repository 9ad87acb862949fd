/* simtest.h — helpers shared by the machine's cmocka tests: compiling Go
 * text or a scenario file, running, tracing, and comparing two machines'
 * whole observable state.  Include after <cmocka.h>. */
#ifndef INTERLEAVE_TESTS_SIMTEST_H
#define INTERLEAVE_TESTS_SIMTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"
#include "program.h"

static inline Program *compile_text(const char *name, const char *src)
{
    Program *p = compile_source(name, src, strlen(src));
    for (int i = 0; i < p->ndiags; i++) program_print_diagnostic(p, &p->diags[i], stderr);
    assert_int_equal(p->ndiags, 0);
    return p;
}

/* Compile a file (tests run from the repository root). */
static inline Program *compile_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *src = malloc((size_t)n + 1);
    assert_non_null(src);
    assert_int_equal(fread(src, 1, (size_t)n, f), (size_t)n);
    src[n] = '\0';
    fclose(f);
    const char *base = strrchr(path, '/');
    Program *p = compile_source(base ? base + 1 : path, src, (size_t)n);
    free(src);
    assert_int_equal(p->ndiags, 0);
    return p;
}

static inline MachineConfig config(int cores, Policy policy, uint64_t seed)
{
    MachineConfig c = machine_config_default();
    c.cores = cores;
    c.policy = policy;
    c.seed = seed;
    return c;
}

static inline Machine *start(const Program *p, int cores, Policy policy, uint64_t seed)
{
    MachineConfig c = config(cores, policy, seed);
    Machine *m = machine_new(p, &c);
    assert_non_null(m);
    return m;
}

/* Every field a client can observe, compared between two machines. */
static inline void assert_same_machine(const Machine *a, const Machine *b)
{
    assert_int_equal(a->frame, b->frame);
    assert_int_equal(a->now, b->now);
    assert_int_equal(a->npicks, b->npicks);
    assert_int_equal(a->status, b->status);
    assert_int_equal(a->exit_code, b->exit_code);
    assert_int_equal(a->instructions, b->instructions);
    assert_memory_equal(a->rng, b->rng, sizeof a->rng);
    assert_int_equal(a->nmem, b->nmem);
    assert_memory_equal(a->mem, b->mem, (size_t)a->nmem * sizeof(Value));
    assert_int_equal(a->nblocks, b->nblocks);
    assert_memory_equal(a->blocks, b->blocks, (size_t)a->nblocks * sizeof(Block));
    assert_int_equal(a->gc.live, b->gc.live);               /* the collector */
    assert_int_equal(a->gc.goal, b->gc.goal);
    assert_int_equal(a->gc.cycles, b->gc.cycles);
    assert_int_equal(a->gc.mallocs, b->gc.mallocs);
    assert_int_equal(a->gc.frees, b->gc.frees);
    assert_int_equal(a->gc.nfree, b->gc.nfree);
    if (a->gc.nfree) assert_memory_equal(a->gc.free, b->gc.free, (size_t)a->gc.nfree * sizeof(int64_t));
    assert_int_equal(a->nfreed, b->nfreed);
    if (a->nfreed) assert_memory_equal(a->freed, b->freed, (size_t)a->nfreed * sizeof(MemRange));
    assert_int_equal(a->nstrings, b->nstrings);
    assert_memory_equal(a->strings, b->strings, (size_t)a->nstrings * sizeof(StrRef));
    assert_int_equal(a->strdata_len, b->strdata_len);
    assert_memory_equal(a->strdata, b->strdata, a->strdata_len);
    assert_int_equal(a->stdout_len, b->stdout_len);
    assert_memory_equal(a->stdout_buf, b->stdout_buf, a->stdout_len);
    assert_int_equal(a->stderr_len, b->stderr_len);
    assert_memory_equal(a->stderr_buf, b->stderr_buf, a->stderr_len);
    assert_int_equal(a->ngs, b->ngs);
    for (int i = 0; i < a->ngs; i++) {
        const Goroutine *x = &a->gs[i], *y = &b->gs[i];
        assert_int_equal(x->state, y->state);
        assert_int_equal(x->wait, y->wait);
        assert_int_equal(x->wait_addr, y->wait_addr);
        assert_int_equal(x->wake_time, y->wake_time);
        assert_int_equal(x->core, y->core);
        assert_int_equal(x->steps, y->steps);
        assert_int_equal(x->thread, y->thread);
        assert_int_equal(x->sp, y->sp);
        if (x->sp) assert_memory_equal(x->stack, y->stack, (size_t)x->sp * sizeof(Value));
        assert_int_equal(x->nframes, y->nframes);
        if (x->nframes) assert_memory_equal(x->frames, y->frames, (size_t)x->nframes * sizeof(Frame));
        assert_int_equal(x->ndefers, y->ndefers);
        if (x->ndefers) assert_memory_equal(x->defers, y->defers, (size_t)x->ndefers * sizeof(Defer));
        assert_int_equal(x->ndefer_vals, y->ndefer_vals);
        assert_int_equal(x->unwinding, y->unwinding);        /* panics */
        assert_int_equal(x->npanics, y->npanics);
        if (x->npanics) assert_memory_equal(x->panicv, y->panicv, (size_t)x->npanics * sizeof(Value));
    }
    assert_int_equal(a->nsyncs, b->nsyncs);
    for (int i = 0; i < a->nsyncs; i++) {
        const SyncObj *x = &a->syncs[i], *y = &b->syncs[i];
        assert_int_equal(x->kind, y->kind);
        if (x->kind == SYNC_MUTEX) {
            assert_int_equal(x->u.mu.owner, y->u.mu.owner);
            assert_int_equal(x->u.mu.nwaiters, y->u.mu.nwaiters);
            if (x->u.mu.nwaiters)
                assert_memory_equal(x->u.mu.waiters, y->u.mu.waiters, (size_t)x->u.mu.nwaiters * sizeof(int));
        } else {
            assert_int_equal(x->u.wg.counter, y->u.wg.counter);
            assert_int_equal(x->u.wg.nwaiters, y->u.wg.nwaiters);
        }
    }
    assert_int_equal(a->ncores, b->ncores);
    for (int c = 0; c < a->ncores; c++) {
        const Core *x = &a->cores[c], *y = &b->cores[c];
        assert_int_equal(x->g, y->g);
        assert_int_equal(x->runnext, y->runnext);
        assert_int_equal(x->state, y->state);
        assert_int_equal(x->schedtick, y->schedtick);
        assert_int_equal(x->slice_start, y->slice_start);
        assert_int_equal(x->thread, y->thread);
        assert_int_equal(x->preempt, y->preempt);
        assert_int_equal(x->local.len, y->local.len);
        for (int k = 0; k < x->local.len; k++)
            assert_int_equal(x->local.ids[(x->local.head + k) % x->local.cap],
                             y->local.ids[(y->local.head + k) % y->local.cap]);
        assert_int_equal(a->last[c].g, b->last[c].g);
        assert_int_equal(a->last[c].pc, b->last[c].pc);
    }
    assert_int_equal(a->nthreads, b->nthreads);
    for (int i = 0; i < a->nthreads; i++) {
        const Thread *x = &a->threads[i], *y = &b->threads[i];
        assert_int_equal(x->state, y->state);
        assert_int_equal(x->core, y->core);
        assert_int_equal(x->g, y->g);
        assert_int_equal(x->spinning, y->spinning);
        assert_int_equal(x->clock, y->clock);
    }
    assert_int_equal(a->now_ps, b->now_ps);
    assert_int_equal(a->nmspinning, b->nmspinning);
    assert_int_equal(a->global.len, b->global.len);
    assert_int_equal(a->ntimers, b->ntimers);
    assert_int_equal(a->nevents, b->nevents);
    for (int i = 0; i < a->nevents; i++) {
        assert_int_equal(a->events[i].kind, b->events[i].kind);
        assert_int_equal(a->events[i].g, b->events[i].g);
        assert_int_equal(a->events[i].other_g, b->events[i].other_g);
        assert_int_equal(a->events[i].core, b->events[i].core);
        assert_int_equal(a->events[i].line, b->events[i].line);
    }
}

#endif
