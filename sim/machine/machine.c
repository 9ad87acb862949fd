/* machine.c — the Machine as a value: building, copying, stepping, naming.
 *
 * Global initialisation: Go runs package initialisation in the main goroutine
 * before main.main (runtime.main calls doInit, then main_main).  So do we: G1
 * starts with main's frame and, on top of it, init's frame; init's RET returns
 * into main's first instruction.  The init steps are visible frames like any
 * other, and init can do anything a function can.
 *
 * Memory: mem[0, nglobals) are the globals, then the heap: every allocation
 * (NEW, CLOSURE, make, append ...) is a block, recorded in blocks[] in
 * address order with the name it was made under.  A new block is a free one
 * of the same size the collector left (sim/machine/gc.c), else it is taken
 * at the end of mem (a bump pointer that the collector moves back when the
 * blocks at the end die).  So an address names one object from its
 * allocation to its collection, and machine_addr_name finds it by binary
 * search.  Strings live outside mem (strings, strdata), made by
 * machine_add_string and machine_concat, and are collected too: a string's
 * index stays its own while a value refers to it.
 *
 * Endings: main returning gives M_EXITED (exit 0, other goroutines abandoned
 * as in Go); machine_fail() gives M_PANIC or M_DEADLOCK (exit 2) and writes
 * Go's text for it to stderr_buf, which machine_write_fatal() prints.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"

MachineConfig machine_config_default(void)
{
    MachineConfig c = {2, POLICY_GO, 1, MACHINE_GO_TIME_SLICE, 0, NULL, 0, 100};
    return c;
}

const char *policy_name(Policy p)
{
    return p == POLICY_SINGLE ? "single" : "go";
}

int policy_parse(const char *s, Policy *out)
{
    if (!strcmp(s, "go")) *out = POLICY_GO;
    else if (!strcmp(s, "single")) *out = POLICY_SINGLE;
    else return -1;
    return 0;
}

/* ---- buffers, memory, strings, events ------------------------------------------ */

void buf_append(char **buf, uint32_t *len, uint32_t *cap, const char *s, size_t n)
{
    if ((size_t)*len + n + 1 > *cap) {
        size_t c = *cap ? *cap : 256;
        while (c < (size_t)*len + n + 1) c *= 2;
        *buf = xrealloc(*buf, c);
        *cap = (uint32_t)c;
    }
    if (n) memcpy(*buf + *len, s, n);
    *len += (uint32_t)n;
    (*buf)[*len] = '\0';
}

Event *machine_emit(Machine *m, EventKind kind, int g, int core)
{
    if (m->nevents == m->events_cap) GROW(m->events, m->events_cap, m->nevents + 1);
    Event *e = &m->events[m->nevents++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->g = g;
    e->core = core;
    return e;
}

void machine_name_array(Machine *m, int64_t base, int64_t elems, int esz, int type, int name)
{
    if (elems <= 0 || esz <= 0 || elems * esz > INT32_MAX) return;
    int64_t b = machine_block_of(m, base);
    if (b < 0 || m->blocks[b].base != base || m->blocks[b].nslots != elems * esz) return;
    m->blocks[b].type = type;
    m->blocks[b].name = name;
    m->blocks[b].elems = (int32_t)elems;
}

void machine_hb(Machine *m, HbKind kind, int g, uint64_t key)
{
    if (m->nhb == m->hb_cap) GROW(m->hb, m->hb_cap, m->nhb + 1);
    m->hb[m->nhb++] = (HbNote){kind, g, key};
}

int64_t machine_alloc(Machine *m, int nslots, int type, int name)
{
    if (nslots <= 0 && type < 0) return m->nmem;   /* nothing to name or to keep */
    int64_t b = nslots > 0 ? gc_take_free(m, nslots) : -1, base;
    if (b >= 0) {
        base = m->blocks[b].base;
    } else {
        base = m->nmem;
        if (base + nslots > m->mem_cap) {
            int64_t c = m->mem_cap ? m->mem_cap : 64;
            while (c < base + nslots) c *= 2;
            m->mem = xrealloc(m->mem, (size_t)c * sizeof(Value));
            m->mem_cap = c;
        }
        m->nmem += nslots;
        if (m->nblocks == m->blocks_cap) {
            m->blocks_cap = m->blocks_cap ? 2 * m->blocks_cap : 64;
            m->blocks = xrealloc(m->blocks, (size_t)m->blocks_cap * sizeof *m->blocks);
        }
        b = m->nblocks++;
    }
    for (int i = 0; i < nslots; i++) m->mem[base + i] = value_nil();
    m->blocks[b] = (Block){base, nslots, type < 0 ? -1 : type, name, 0};
    gc_count_alloc(m, nslots > 0, (uint64_t)(nslots > 0 ? nslots : 1) * GC_WORD);
    return base;
}

/* A new entry of strings for the text at strdata[off, off + len). */
static int new_string(Machine *m, uint32_t off, uint32_t len)
{
    int i;
    if (m->gc.nfree_strs > 0) {
        i = m->gc.free_strs[--m->gc.nfree_strs];
    } else {
        GROW(m->strings, m->strings_cap, m->nstrings + 1);
        i = m->nstrings++;
    }
    m->strings[i] = (StrRef){off, len};
    gc_count_alloc(m, true, gc_string_bytes(len));
    return i;
}

int machine_add_string(Machine *m, const char *s, size_t n)
{
    uint32_t off = m->strdata_len;
    uintptr_t at = (uintptr_t)s, from = (uintptr_t)m->strdata;
    if (m->strdata && at >= from && at < from + m->strdata_cap) {
        /* a piece of another string (a substring, a base name): growing
         * strdata would move it, so copy it out first */
        char *tmp = xmalloc(n + 1);
        memcpy(tmp, s, n);
        buf_append(&m->strdata, &m->strdata_len, &m->strdata_cap, tmp, n);
        free(tmp);
    } else {
        buf_append(&m->strdata, &m->strdata_len, &m->strdata_cap, s, n);
    }
    buf_append(&m->strdata, &m->strdata_len, &m->strdata_cap, "", 1);   /* keep a NUL */
    return new_string(m, off, (uint32_t)n);
}

const char *machine_string(const Machine *m, Value v, uint32_t *len)
{
    if (v.kind != V_STR || v.i < 0 || v.i >= m->nstrings) {
        if (len) *len = 0;
        return "";
    }
    const StrRef *r = &m->strings[v.i];
    if (len) *len = r->len;
    return m->strdata + r->off;
}

int machine_concat(Machine *m, Value a, Value b)
{
    uint32_t la, lb;
    machine_string(m, a, &la);
    machine_string(m, b, &lb);
    if (!la && b.kind == V_STR) return (int)b.i;
    if (!lb && a.kind == V_STR) return (int)a.i;
    /* Reserve first: appending may move strdata under the source pointers. */
    uint32_t need = m->strdata_len + la + lb + 2;
    if (need > m->strdata_cap) {
        uint32_t c = m->strdata_cap ? m->strdata_cap : 256;
        while (c < need) c *= 2;
        m->strdata = xrealloc(m->strdata, c);
        m->strdata_cap = c;
    }
    uint32_t off = m->strdata_len;
    memcpy(m->strdata + off, machine_string(m, a, NULL), la);
    memcpy(m->strdata + off + la, machine_string(m, b, NULL), lb);
    m->strdata_len += la + lb;
    m->strdata[m->strdata_len++] = '\0';
    return new_string(m, off, la + lb);
}

void machine_output(Machine *m, int g, int core, uint32_t from)
{
    if (m->stdout_len == from) return;
    Event *e = machine_emit(m, EV_OUTPUT, g, core);
    e->out_off = from;
    e->out_len = m->stdout_len - from;
    e->line = m->prog->code_line[machine_g(m, g)->last_pc];
}

/* ---- life cycle -------------------------------------------------------------------- */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

Machine *machine_new(const Program *p, const MachineConfig *cfg)
{
    if (!p || !cfg || p->ndiags || p->main_proto < 0) return NULL;
    if (cfg->cores < 1 || cfg->cores > MACHINE_MAX_CORES || cfg->time_slice < 1 || cfg->schedtrace_ms < 0)
        return NULL;
    if (cfg->policy != POLICY_GO && cfg->policy != POLICY_SINGLE) return NULL;
    Machine *m = xcalloc(1, sizeof *m);
    m->prog = p;
    m->cfg = *cfg;
    if (cfg->policy == POLICY_SINGLE) m->cfg.cores = 1;
    m->ncores = m->cfg.cores;
    m->acted = -1;
    uint64_t s = cfg->seed;
    m->rng[0] = splitmix64(&s);
    m->rng[1] = splitmix64(&s);
    if (!(m->rng[0] | m->rng[1])) m->rng[1] = 1;   /* xoroshiro's one bad state */
    m->status = M_RUNNING;
    m->gomaxprocs = m->ncores;

    machine_alloc(m, p->nglobals, -2, -1);        /* globals: block 0 */
    for (int i = 0; i < p->nstrings; i++)
        machine_add_string(m, p->strings[i], (size_t)p->string_len[i]);
    if (!p->nstrings) machine_add_string(m, "", 0);
    gc_init(m);                                   /* the heap starts here */
    buf_append(&m->stdout_buf, &m->stdout_len, &m->stdout_cap, "", 0);
    buf_append(&m->stderr_buf, &m->stderr_len, &m->stderr_cap, "", 0);

    int g1 = vm_new_goroutine(m, value_make(V_FUNC, 0, p->main_proto), NULL, 0);
    if (p->init_proto >= 0) {
        Goroutine *g = machine_g(m, g1);
        g->stack[g->sp++] = value_make(V_FUNC, 0, p->init_proto);
        vm_call(m, g, 0, 0);
    }
    sched_init(m);
    return m;
}

static void free_goroutine(Goroutine *g)
{
    free(g->frames);
    free(g->stack);
    free(g->defers);
    free(g->defer_vals);
}

/* The wait queues of a sync object: up to two (an RWMutex's readers and
 * writers), as (array, length, capacity) triples; returns how many. */
typedef struct SyncQueue { int **q; int *n, *cap; } SyncQueue;

static int sync_queues(SyncObj *s, SyncQueue out[2])
{
    switch (s->kind) {
    case SYNC_MUTEX: out[0] = (SyncQueue){&s->u.mu.waiters, &s->u.mu.nwaiters, &s->u.mu.waiters_cap}; return 1;
    case SYNC_WAITGROUP: out[0] = (SyncQueue){&s->u.wg.waiters, &s->u.wg.nwaiters, &s->u.wg.waiters_cap}; return 1;
    case SYNC_RWMUTEX:
        out[0] = (SyncQueue){&s->u.rw.rwaiters, &s->u.rw.nrwaiters, &s->u.rw.rwaiters_cap};
        out[1] = (SyncQueue){&s->u.rw.w.waiters, &s->u.rw.w.nwaiters, &s->u.rw.w.waiters_cap};
        return 2;
    case SYNC_ONCE: out[0] = (SyncQueue){&s->u.once.waiters, &s->u.once.nwaiters, &s->u.once.waiters_cap}; return 1;
    case SYNC_COND: out[0] = (SyncQueue){&s->u.cond.waiters, &s->u.cond.nwaiters, &s->u.cond.waiters_cap}; return 1;
    }
    return 0;
}

void sync_obj_free(SyncObj *s)
{
    SyncQueue q[2];
    int n = sync_queues(s, q);
    for (int k = 0; k < n; k++) free(*q[k].q);
}

void machine_free(Machine *m)
{
    if (!m) return;
    for (int i = 0; i < m->ngs; i++) free_goroutine(&m->gs[i]);
    for (int i = 0; i < m->nsyncs; i++) sync_obj_free(&m->syncs[i]);
    chan_free_all(m);
    for (int i = 0; i < MACHINE_MAX_CORES; i++) free(m->cores[i].local.ids);
    free(m->global.ids);
    free(m->pollready.ids);
    free(m->threads);
    free(m->netevs);
    free(m->mem); free(m->blocks); free(m->strdata); free(m->strings);
    free(m->gc.free); free(m->gc.classes); free(m->gc.free_strs); free(m->freed);
    free(m->gs); free(m->syncs); free(m->events); free(m->hb);
    free(m->stdout_buf); free(m->stderr_buf); free(m->timers);
    io_state_free(m->io);
    free(m);
}

/* dst := src[0, n) reusing dst's buffer; any capacity type works. */
#define COPY_INTO(dp, dcap, sp, n) do {                                         \
        if ((int64_t)(n) > (int64_t)(dcap)) {                                    \
            (dp) = xrealloc((dp), (size_t)(n) * sizeof *(dp));                   \
            (dcap) = (n);                                                        \
        }                                                                        \
        if ((n) > 0) memcpy((dp), (sp), (size_t)(n) * sizeof *(dp));            \
    } while (0)

static void copy_ring(RunQueue *d, const RunQueue *old, const RunQueue *s)
{
    d->ids = old->ids;
    if (old->cap != s->cap) d->ids = xrealloc(d->ids, (size_t)(s->cap ? s->cap : 1) * sizeof(int));
    if (s->cap) memcpy(d->ids, s->ids, (size_t)s->cap * sizeof(int));
    else { free(d->ids); d->ids = NULL; }
}

void machine_copy(Machine *dst, const Machine *src)
{
    if (dst == src) return;
    Machine old = *dst;
    *dst = *src;
#define REUSE(f, cap, n) do { dst->f = old.f; dst->cap = old.cap; COPY_INTO(dst->f, dst->cap, src->f, n); } while (0)
    REUSE(mem, mem_cap, src->nmem);
    REUSE(blocks, blocks_cap, src->nblocks);
    REUSE(gc.free, gc.free_cap, src->gc.nfree);
    REUSE(gc.classes, gc.classes_cap, src->gc.nclasses);
    REUSE(gc.free_strs, gc.free_strs_cap, src->gc.nfree_strs);
    REUSE(freed, freed_cap, src->nfreed);
    REUSE(strdata, strdata_cap, src->strdata_len);
    REUSE(strings, strings_cap, src->nstrings);
    REUSE(events, events_cap, src->nevents);
    REUSE(hb, hb_cap, src->nhb);
    REUSE(stdout_buf, stdout_cap, src->stdout_len + 1);
    REUSE(stderr_buf, stderr_cap, src->stderr_len + 1);
    REUSE(timers, timers_cap, src->ntimers);
    REUSE(netevs, netevs_cap, src->nnetevs);
    REUSE(threads, threads_cap, src->nthreads);
#undef REUSE
    for (int i = 0; i < MACHINE_MAX_CORES; i++)
        copy_ring(&dst->cores[i].local, &old.cores[i].local, &src->cores[i].local);
    copy_ring(&dst->global, &old.global, &src->global);
    copy_ring(&dst->pollready, &old.pollready, &src->pollready);

    /* Goroutines: free the surplus, then reuse each slot's buffers. */
    for (int i = src->ngs; i < old.ngs; i++) free_goroutine(&old.gs[i]);
    dst->gs = old.gs;
    dst->gs_cap = old.gs_cap;
    if (src->ngs > dst->gs_cap) {
        dst->gs = xrealloc(dst->gs, (size_t)src->ngs * sizeof *dst->gs);
        dst->gs_cap = src->ngs;
    }
    for (int i = 0; i < src->ngs; i++) {
        Goroutine keep = {0};
        if (i < old.ngs) keep = dst->gs[i];
        Goroutine *d = &dst->gs[i];
        const Goroutine *s = &src->gs[i];
        *d = *s;
        d->frames = keep.frames; d->frames_cap = keep.frames_cap;
        d->stack = keep.stack; d->stack_cap = keep.stack_cap;
        d->defers = keep.defers; d->defers_cap = keep.defers_cap;
        d->defer_vals = keep.defer_vals; d->defer_vals_cap = keep.defer_vals_cap;
        COPY_INTO(d->frames, d->frames_cap, s->frames, s->nframes);
        COPY_INTO(d->stack, d->stack_cap, s->stack, s->sp);
        COPY_INTO(d->defers, d->defers_cap, s->defers, s->ndefers);
        COPY_INTO(d->defer_vals, d->defer_vals_cap, s->defer_vals, s->ndefer_vals);
    }

    /* Sync objects: the same, with their wait queues (fresh copies). */
    for (int i = 0; i < old.nsyncs; i++) sync_obj_free(&old.syncs[i]);
    dst->syncs = old.syncs;
    dst->syncs_cap = old.syncs_cap;
    if (src->nsyncs > dst->syncs_cap) {
        dst->syncs = xrealloc(dst->syncs, (size_t)src->nsyncs * sizeof *dst->syncs);
        dst->syncs_cap = src->nsyncs;
    }
    for (int i = 0; i < src->nsyncs; i++) {
        dst->syncs[i] = src->syncs[i];
        SyncQueue dq[2], sq[2];
        int nq = sync_queues(&dst->syncs[i], dq);
        sync_queues((SyncObj *)&src->syncs[i], sq);
        for (int k = 0; k < nq; k++) {
            *dq[k].q = NULL;
            *dq[k].cap = 0;
            COPY_INTO(*dq[k].q, *dq[k].cap, *sq[k].q, *sq[k].n);
        }
    }

    /* Channels: buffers and wait queues. */
    chan_copy_all(dst, src, old.chans, old.nchans, old.chans_cap);

    /* Files and sockets (sim/lib/io_state.c). */
    dst->io = io_state_copy(old.io, src->io);
}

Machine *machine_clone(const Machine *m)
{
    Machine *c = xcalloc(1, sizeof *c);
    machine_copy(c, m);
    return c;
}

void machine_set_schedule(Machine *m, const Schedule *s)
{
    m->schedule = s;
}

static void paranoid_check(const Machine *m)
{
#ifdef SIM_PARANOID
    if (m->status == M_RUNNING) {   /* a failed machine stays as it failed */
        sync_check_invariants(m);
        chan_check_invariants(m);
        sched_check_invariants(m);
        timer_check_invariants(m);
    }
#else
    (void)m;
#endif
}

MachineStatus machine_step(Machine *m)
{
    if (m->status != M_RUNNING) return m->status;
    sched_step(m);
    paranoid_check(m);
    return m->status;
}

MachineStatus machine_run(Machine *m, uint64_t max_frames)
{
#ifdef SIM_PARANOID
    const uint64_t chunk = 1;               /* check after every frame */
#else
    const uint64_t chunk = UINT64_MAX;
#endif
    uint64_t done = 0;
    while (done < max_frames && m->status == M_RUNNING) {
        uint64_t left = max_frames - done;
        done += sched_run(m, left < chunk ? left : chunk);
        paranoid_check(m);
    }
    return m->status;
}

/* ---- lookups for display ------------------------------------------------------------- */

const Goroutine *machine_goroutine(const Machine *m, int id)
{
    return id >= 1 && id <= m->ngs ? &m->gs[id - 1] : NULL;
}

/* The line frame i of g is at: for the innermost frame the instruction it
 * stopped in (`stopped`: blocked, sleeping, panicking) or else the next one
 * (a function not yet begun: its func line, as Go); for outer frames the call
 * in progress. */
static int frame_line(const Machine *m, const Goroutine *g, int i, bool stopped)
{
    const Frame *f = &g->frames[i];
    int pc;
    const Proto *pr = &m->prog->protos[f->proto];
    if (i == g->nframes - 1) pc = stopped ? g->last_pc : f->pc;
    else pc = g->frames[i + 1].deferred == 1 || g->frames[i + 1].deferred >= 3 ? f->pc : f->pc - 1;
    bool begun = i < g->nframes - 1 || (g->steps && g->last_pc >= pr->code_start && g->last_pc < pr->code_end);
    if (pc == pr->code_start && !stopped && !begun && pr->line > 0)
        return pr->line;                /* not started: Go shows the func line */
    if (pc < 0 || pc >= m->prog->ncode) return 0;
    return m->prog->code_line[pc];
}

static bool is_stopped(const Goroutine *g)
{
    return g->state == G_BLOCKED || g->state == G_SLEEPING;
}

int machine_goroutine_line(const Machine *m, const Goroutine *g)
{
    if (!g || g->state == G_DONE || g->nframes == 0) return 0;
    return frame_line(m, g, g->nframes - 1, is_stopped(g));
}

const char *machine_goroutine_func(const Machine *m, const Goroutine *g)
{
    if (!g || g->nframes == 0) return "";
    return m->prog->protos[g->frames[g->nframes - 1].proto].name;
}

int64_t machine_block_of(const Machine *m, int64_t addr)
{
    if (addr < 0 || addr >= m->nmem || !m->nblocks) return -1;
    int64_t lo = 0, hi = m->nblocks - 1, found = -1;
    while (lo <= hi) {                      /* last block with base <= addr */
        int64_t mid = lo + (hi - lo) / 2;
        if (m->blocks[mid].base <= addr) { found = mid; lo = mid + 1; }
        else hi = mid - 1;
    }
    return found >= 0 && addr < m->blocks[found].base + m->blocks[found].nslots ? found : -1;
}

void machine_block_extent(const Machine *m, int64_t b, int64_t *lo, int64_t *hi)
{
    *lo = m->blocks[b].base;
    *hi = m->blocks[b].base + m->blocks[b].nslots;
}

bool machine_was_freed(const Machine *m, int64_t addr)
{
    int lo = 0, hi = m->nfreed - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        const MemRange *r = &m->freed[mid];
        if (addr < r->addr) hi = mid - 1;
        else if (addr >= r->addr + r->n) lo = mid + 1;
        else return true;
    }
    return false;
}

const char *machine_addr_name(const Machine *m, int64_t addr, char *buf, size_t n)
{
    const Program *p = m->prog;
    if (addr >= 0 && addr < p->nglobals && p->global_name && p->global_name[addr]) {
        snprintf(buf, n, "%s", p->global_name[addr]);
        return buf;
    }
    int64_t b = machine_block_of(m, addr);
    const Block *o = b >= 0 ? &m->blocks[b] : NULL;
    if (o && o->type != BLOCK_FREE && o->name >= 0 && o->name < m->nstrings) {
        const char *name = machine_string(m, value_make(V_STR, 0, o->name), NULL);
        const char *slot = "";
        int64_t off = addr - o->base;
        char elem[160];
        if (o->elems > 0 && o->nslots >= o->elems) {       /* forks[1], or forks[1].mu */
            int64_t esz = o->nslots / o->elems;
            snprintf(elem, sizeof elem, "%s[%lld]", name, (long long)(off / esz));
            name = elem;
            off %= esz;
        }
        if (o->type >= 0 && o->type < p->ntypes && p->types[o->type].slot_name)
            slot = p->types[o->type].slot_name[off];
        if (slot && slot[0]) snprintf(buf, n, "%s.%s", name, slot);
        else snprintf(buf, n, "%s", name);
        return buf;
    }
    snprintf(buf, n, "0x%" PRIx64, (uint64_t)addr);
    return buf;
}

const Mutex *machine_mutex_at(const Machine *m, int64_t addr)
{
    if (addr < 0 || addr >= m->nmem) return NULL;
    Value v = m->mem[addr];
    if (v.kind != V_SYNC || v.aux != SYNC_MUTEX || v.i < 1 || v.i > m->nsyncs) return NULL;
    return &m->syncs[v.i - 1].u.mu;
}

const SyncObj *machine_sync_at(const Machine *m, int64_t addr)
{
    if (addr < 0 || addr >= m->nmem) return NULL;
    Value v = m->mem[addr];
    if (v.kind != V_SYNC || v.i < 1 || v.i > m->nsyncs) return NULL;
    return &m->syncs[v.i - 1];
}

const Chan *machine_chan(const Machine *m, int64_t id)
{
    return id >= 1 && id <= m->nchans ? &m->chans[id - 1] : NULL;
}

const char *machine_value_text(const Machine *m, Value v, char *buf, size_t n)
{
    char *s = NULL;
    uint32_t len = 0, cap = 0;
    format_value(m, v, &s, &len, &cap);
    snprintf(buf, n, "%s", s ? s : "");
    free(s);
    return buf;
}

const char *machine_chan_name(const Machine *m, int64_t id, char *buf, size_t n)
{
    static const char *const timer_names[] = {"", "time.After", "time.Tick", "timer.C", "ticker.C"};
    const Chan *c = machine_chan(m, id);
    if (c && c->name > 0 && c->name < m->nstrings)
        snprintf(buf, n, "%s", machine_string(m, value_make(V_STR, 0, c->name), NULL));
    else if (c && c->timer > 0 && c->timer <= 4)
        snprintf(buf, n, "%s", timer_names[c->timer]);
    else
        snprintf(buf, n, "chan %lld", (long long)id);
    return buf;
}

const char *state_name(GState s)
{
    switch (s) {
    case G_RUNNABLE: return "runnable";
    case G_RUNNING: return "running";
    case G_BLOCKED: return "waiting";
    case G_SLEEPING: return "sleeping";
    case G_SYSCALL: return "syscall";
    case G_DONE: return "done";
    }
    return "?";
}

const char *wait_reason_name(WaitReason w)
{
    switch (w) {
    case WAIT_NONE: return "";
    case WAIT_MUTEX: return "semacquire";       /* Go 1.19 names both waits so */
    case WAIT_WAITGROUP: return "semacquire";
    case WAIT_SLEEP: return "sleep";
    case WAIT_CHAN_RECV: return "chan receive";
    case WAIT_CHAN_SEND: return "chan send";
    case WAIT_CHAN_RECV_NIL: return "chan receive (nil chan)";
    case WAIT_CHAN_SEND_NIL: return "chan send (nil chan)";
    case WAIT_SELECT: return "select";
    case WAIT_SELECT_EMPTY: return "select (no cases)";
    case WAIT_RWMUTEX_R: case WAIT_RWMUTEX_W: case WAIT_ONCE: return "semacquire";
    case WAIT_COND: return "sync.Cond.Wait";
    case WAIT_IO: return "IO wait";
    case WAIT_SYSCALL: return "syscall";
    }
    return "?";
}

const char *event_kind_name(EventKind k)
{
    static const char *const names[] = {
        [EV_GO_CREATE] = "go-create", [EV_GO_START] = "go-start",
        [EV_GO_PREEMPT] = "go-preempt", [EV_GO_BLOCK] = "go-block",
        [EV_GO_WAKE] = "go-wake", [EV_GO_DONE] = "go-done",
        [EV_LOCK_ACQUIRE] = "lock-acquire", [EV_LOCK_RELEASE] = "lock-release",
        [EV_LOCK_CONTEND] = "lock-contend", [EV_OUTPUT] = "output",
        [EV_FATAL] = "fatal", [EV_EXIT] = "exit",
        [EV_CHAN_SEND] = "chan-send", [EV_CHAN_RECV] = "chan-recv",
        [EV_CHAN_CLOSE] = "chan-close", [EV_SYNC] = "sync", [EV_SYSCALL] = "syscall",
        [EV_HANDOFF] = "handoff", [EV_THREAD_NEW] = "thread-new",
    };
    return (unsigned)k < sizeof names / sizeof names[0] && names[k] ? names[k] : "?";
}

/* ---- endings and Go's traceback ------------------------------------------------------ */

#define TRACEBACK_MAX_FRAMES 100    /* runtime/traceback.go: _TracebackMaxFrames */

static void err_printf(Machine *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void err_printf(Machine *m, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    buf_append(&m->stderr_buf, &m->stderr_len, &m->stderr_cap, tmp,
               (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Go's name of a function: package main's "printSum" is main.printSum. */
static const char *proto_name(const Machine *m, int proto)
{
    if (proto < 0 || proto >= m->prog->nprotos) return "?";
    return m->prog->protos[proto].name;
}

/* One goroutine as Go's traceback prints it:
 *   goroutine 2 [semacquire]:
 *   main.main.func1(...)
 *   	deadlock.go:35
 *   created by main.main
 *   	deadlock.go:43                                                         */
static void traceback(Machine *m, const Goroutine *g, bool failing)
{
    const char *file = m->prog->filename ? m->prog->filename : "main.go";
    const char *status = g->state == G_RUNNING ? "running"
                       : g->state == G_RUNNABLE ? "runnable"
                       : wait_reason_name(g->wait);
    err_printf(m, "goroutine %d [%s]:\n", g->id, status);
    int shown = 0;
    for (int i = g->nframes - 1; i >= 0; i--, shown++) {
        if (shown == TRACEBACK_MAX_FRAMES) {
            err_printf(m, "...additional frames elided...\n");
            break;
        }
        int proto = g->frames[i].proto;
        err_printf(m, "main.%s%s\n\t%s:%d\n", proto_name(m, proto),
                   proto == m->prog->main_proto ? "()" : "(...)", file,
                   frame_line(m, g, i, failing || is_stopped(g)));
    }
    if (g->created_by)
        err_printf(m, "created by main.%s\n\t%s:%d\n",
                   proto_name(m, program_proto_at(m->prog, g->created_pc)), file, g->created_line);
}

void machine_fail(Machine *m, MachineStatus st, int g, bool is_panic, const char *msg)
{
    if (m->status != M_RUNNING) return;
    if (st == M_PANIC && is_panic && g > 0 && m->gs[g - 1].unwinding != 2 && m->prog->rt_runtime_error >= 0) {
        /* a runtime error is a panic like any other: deferred calls run and
         * may recover it (sim/machine/panic.c) */
        Value v = value_make(V_STR, (uint32_t)m->prog->rt_runtime_error + 1,
                             machine_add_string(m, msg, strlen(msg)));
        panic_start(m, &m->gs[g - 1], v);
        return;
    }
    m->status = st;
    m->exit_code = 2;
    m->fatal_g = g;
    m->fatal_is_panic = is_panic;
    snprintf(m->fatal_msg, sizeof m->fatal_msg, "%s", msg);
    err_printf(m, "%s: %s\n", is_panic ? "panic" : "fatal error", msg);
    if (g) {                    /* the failing goroutine first */
        err_printf(m, "\n");
        traceback(m, &m->gs[g - 1], true);
    }
    if (!is_panic)              /* a fatal error shows every goroutine (Go's throw) */
        for (int i = 0; i < m->ngs; i++)
            if (m->gs[i].id != g && m->gs[i].state != G_DONE) {
                err_printf(m, "\n");
                traceback(m, &m->gs[i], false);
            }
    Event *e = machine_emit(m, EV_FATAL, g, g ? m->gs[g - 1].core : -1);
    if (g) e->line = m->prog->code_line[m->gs[g - 1].last_pc];
}

void machine_exit(Machine *m, int g, int core)
{
    m->status = M_EXITED;
    m->exit_code = 0;
    Goroutine *gp = machine_g(m, g);
    gp->state = G_DONE;
    machine_emit(m, EV_EXIT, g, core)->line = m->prog->code_line[gp->last_pc];
}

void machine_write_fatal(const Machine *m, FILE *out)
{
    if (m->stderr_len) fwrite(m->stderr_buf, 1, m->stderr_len, out);
}
