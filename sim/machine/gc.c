/* gc.c — the collector: a precise, non-moving mark-sweep of the simulated
 * heap, its strings and its sync objects, paced as Go's GOGC.
 *
 * What it collects.  Every allocation is a block of Machine.mem (machine.c);
 * a string is an entry of Machine.strings with its bytes in strdata; a
 * sync.Mutex, WaitGroup, RWMutex, Once or Cond is a record of Machine.syncs
 * named by the V_SYNC value in its slot.  A block, a string or a sync record
 * that nothing can reach any more is freed.  Channels are records of
 * Machine.chans named by id everywhere (values, timers, wait addresses,
 * events, the analyses): they are marked, so what their buffers hold stays
 * alive, but the records themselves are kept.
 *
 * Roots.  Everything the program can still touch: the globals; every
 * goroutine that has not returned — its stack, deferred calls, panics and
 * the texts fmt prepared for it — blocked or not, since a blocked goroutine
 * may be woken (what it waits on is a root too: the sync object it parks
 * on, the channels it queues in, as Go's sudogs keep them); the channels of
 * pending timers; what the files and sockets keep (io's sentinel errors,
 * the names files were opened with).  Marking follows values from there to
 * a fixed point (sim/machine/reach.c, the same marking the partial-deadlock
 * analysis uses from fewer roots).  It is precise: only values are followed,
 * and a map's header is known to hold its entry array's and index's
 * addresses as numbers.
 *
 * When.  As Go's pacer with GOGC=100 (runtime/mgcpacer.go): the heap may
 * grow to a goal of what the last collection left marked plus GOGC percent
 * of that, the globals and the stacks, and at least 4 MB x GOGC/100; a
 * collection runs at the end of the frame in which the heap reached the goal
 * (gc_end_frame, called by the scheduler after every frame), or in which
 * runtime.GC ran.  Sizes are Go bytes: a slot is a word (8 bytes), a
 * string its length rounded up to words.  A collection takes no virtual
 * time and moves nothing the program can see, so the run — its frames,
 * times, output — is the same with it as without it; it depends on the
 * machine's state only, so a run replays identically from its seed.
 * (Go's collector runs concurrently and slows the program a little; here
 * the heap is simply smaller.)
 *
 * Sweep.  One pass over the blocks in address order: an unmarked block
 * becomes free (its name goes: machine_addr_name names nothing there), its
 * range is reported in m->freed for the analyses to forget what they knew of
 * it (as Go's race runtime resets shadow memory on free); a free zero-size
 * block's record goes; the free blocks at the end of mem go back to the bump
 * pointer, and mem shrinks when it is mostly empty.  The free blocks are
 * then grouped by size (GcClass), lowest address first: an allocation of a
 * size some free block has takes that block (machine_alloc zeroes it and
 * gives it the new name); others take fresh memory at the end.  No block is
 * split or merged: a program's sizes repeat, and what does not repeat ends
 * at the tail.
 *
 * Strings keep their index while a value refers to them; the bytes of the
 * live ones are copied into a fresh strdata (offsets move, indices do not)
 * and free indices are reused by new strings, lowest first.  The program's
 * constant strings are never freed.  A sync record lives while a marked
 * block holds its V_SYNC value (its own slot, or a copy's: a copied struct
 * shares its mutex); dead ones are dropped and the others moved down, the
 * V_SYNC values in live blocks renumbered, so the table the views show
 * holds the objects that exist.
 */
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "machine_internal.h"
#include "reach.h"
#include "util.h"

static int const_strings(const Machine *m)
{
    return m->prog->nstrings ? m->prog->nstrings : 1;
}

/* ---- pacing --------------------------------------------------------------------------- */

/* Go's heap goal after a collection that left `marked` bytes. */
static void pace(Machine *m)
{
    GcState *gc = &m->gc;
    if (m->cfg.gogc < 0) {
        gc->goal = UINT64_MAX;
        return;
    }
    uint64_t pct = (uint64_t)m->cfg.gogc;
    uint64_t roots = (uint64_t)m->prog->nglobals * GC_WORD;
    for (int i = 0; i < m->ngs; i++)
        if (m->gs[i].state != G_DONE) roots += (uint64_t)m->gs[i].sp * GC_WORD;
    uint64_t base = gc->marked_heap + roots;
    uint64_t goal = gc->marked_heap + base / 100 * pct + base % 100 * pct / 100;
    uint64_t min = (uint64_t)GC_HEAP_MINIMUM * pct / 100;
    gc->goal = goal > min ? goal : min;
}

void gc_init(Machine *m)
{
    GcState *gc = &m->gc;
    free(gc->free);
    free(gc->classes);
    free(gc->free_strs);
    memset(gc, 0, sizeof *gc);
    gc->last_ns = -1;
    pace(m);
}

void gc_count_alloc(Machine *m, bool object, uint64_t bytes)
{
    m->gc.live += bytes;
    if (!object) return;
    m->gc.total += bytes;
    m->gc.mallocs++;
}

int64_t gc_take_free(Machine *m, int64_t nslots)
{
    GcState *gc = &m->gc;
    int lo = 0, hi = gc->nclasses - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        GcClass *c = &gc->classes[mid];
        if (c->nslots == nslots) return c->next < c->end ? gc->free[c->next++] : -1;
        if (c->nslots < nslots) lo = mid + 1;
        else hi = mid - 1;
    }
    return -1;
}

/* ---- marking ---------------------------------------------------------------------------- */

static void mark(Machine *m, Reach *r)
{
    reach_init(r, m);
    reach_collect(r);
    reach_globals(r);
    for (int i = 0; i < m->ngs; i++)
        if (m->gs[i].state != G_DONE) reach_goroutine(r, i + 1);
    reach_waits(r);
    reach_drain(r);
    /* names outside values: what live blocks and channels were made under */
    for (int64_t b = 0; b < m->nblocks; b++)
        if (r->block[b] && m->blocks[b].name >= 0 && m->blocks[b].name < m->nstrings) r->str[m->blocks[b].name] = 1;
    for (int c = 0; c < m->nchans; c++)
        if (m->chans[c].name >= 0 && m->chans[c].name < m->nstrings) r->str[m->chans[c].name] = 1;
    m->gc.marked += (uint64_t)r->scanned;
}

/* ---- sweeping ------------------------------------------------------------------------------ */

/* The capacity a buffer of n items (grown by doubling from 64) may shrink to
 * once it is at most a quarter full. */
static int64_t shrunk(int64_t n, int64_t cap)
{
    if (cap <= 1024 || n > cap / 4) return cap;
    int64_t c = 64;
    while (c < 2 * n) c *= 2;
    return c < cap ? c : cap;
}

/* Returns the live strings' bytes. */
static uint64_t sweep_strings(Machine *m, const uint8_t *live)
{
    GcState *gc = &m->gc;
    int nconst = const_strings(m), last = nconst - 1, dead = 0;
    size_t bytes = 0;
    uint64_t heap = 0;
    for (int i = nconst; i < m->nstrings; i++) {
        if (!live[i]) { dead++; continue; }
        last = i;
        bytes += (size_t)m->strings[i].len + 1;
        heap += gc_string_bytes(m->strings[i].len);
    }
    gc->frees += (uint64_t)(dead - gc->nfree_strs);   /* the free ones were dead already */
    const StrRef *lc = &m->strings[nconst - 1];
    uint32_t const_end = lc->off + lc->len + 1;        /* the constants come first */
    uint32_t n = const_end + (uint32_t)bytes;
    char *data = xmalloc(n ? n : 1);
    memcpy(data, m->strdata, const_end);
    uint32_t at = const_end;
    gc->nfree_strs = 0;
    for (int i = last; i >= nconst; i--) {              /* the free ones, highest first */
        if (live[i]) continue;
        GROW(gc->free_strs, gc->free_strs_cap, gc->nfree_strs + 1);
        gc->free_strs[gc->nfree_strs++] = i;
        m->strings[i] = (StrRef){const_end - 1, 0};     /* "" (a NUL) for a stale reader */
    }
    for (int i = nconst; i <= last; i++) {
        if (!live[i]) continue;
        StrRef *s = &m->strings[i];
        memcpy(data + at, m->strdata + s->off, (size_t)s->len + 1);
        s->off = at;
        at += s->len + 1;
    }
    free(m->strdata);
    m->strdata = data;
    m->strdata_len = m->strdata_cap = n;
    m->nstrings = last + 1;
    int cap = (int)shrunk(m->nstrings, m->strings_cap);
    if (cap != m->strings_cap) {
        m->strings = xrealloc(m->strings, (size_t)cap * sizeof *m->strings);
        m->strings_cap = cap;
    }
    return heap;
}

/* Drop the sync records no marked block holds; move the others down and
 * renumber the V_SYNC values that name them.  A record whose own slot died
 * while a copy lives moves to the copy's slot. */
static void sweep_syncs(Machine *m, const Reach *r)
{
    int *to = xmalloc(((size_t)m->nsyncs + 1) * sizeof *to);
    int w = 0;
    for (int i = 0; i < m->nsyncs; i++) {
        SyncObj *s = &m->syncs[i];
        if (!r->sync[i]) {
            sync_obj_free(s);
            to[i] = -1;
            continue;
        }
        int64_t slot = sync_slot(s);
        if (!reach_addr(r, slot) || m->mem[slot].kind != V_SYNC || m->mem[slot].i != i + 1)
            sync_set_slot(s, r->sync_at[i]);
        to[i] = w;
        if (w != i) m->syncs[w] = *s;
        w++;
    }
    if (w != m->nsyncs)
        for (int64_t b = 0; b < m->nblocks; b++) {
            if (!r->block[b]) continue;
            const Block *k = &m->blocks[b];
            for (int64_t a = k->base; a < k->base + k->nslots; a++) {
                Value *v = &m->mem[a];
                if (v->kind == V_SYNC && v->i >= 1 && v->i <= m->nsyncs) v->i = to[v->i - 1] + 1;
            }
        }
    m->nsyncs = w;
    free(to);
}

static void report_freed(Machine *m, int64_t addr, int64_t n)
{
    if (m->nfreed && m->freed[m->nfreed - 1].addr + m->freed[m->nfreed - 1].n == addr) {
        m->freed[m->nfreed - 1].n += n;
        return;
    }
    GROW(m->freed, m->freed_cap, m->nfreed + 1);
    m->freed[m->nfreed++] = (MemRange){addr, n};
}

/* Free the unmarked blocks, drop the dead zero-size ones and the free tail;
 * returns the live heap's bytes. */
static uint64_t sweep_blocks(Machine *m, const Reach *r)
{
    GcState *gc = &m->gc;
    int64_t n = m->nblocks, last = -1, w = 0;
    for (int64_t b = n - 1; b >= 0 && last < 0; b--)
        if (r->block[b]) last = b;
    uint64_t heap = 0;
    for (int64_t b = 0; b < n; b++) {
        Block k = m->blocks[b];
        bool marked = r->block[b];
        if (!marked && k.type != BLOCK_FREE && k.nslots > 0) {
            gc->frees++;
            report_freed(m, k.base, k.nslots);
        }
        if (b > last || (!marked && k.nslots == 0)) continue;
        if (!marked) {
            k.type = BLOCK_FREE;
            k.name = -1;
            k.elems = 0;
        } else if (k.base >= m->prog->nglobals) {
            heap += (uint64_t)(k.nslots ? k.nslots : 1) * GC_WORD;
        }
        m->blocks[w++] = k;
    }
    gc->swept += (uint64_t)n;
    m->nblocks = w;
    m->nmem = w ? m->blocks[w - 1].base + m->blocks[w - 1].nslots : 0;
    int64_t cap = shrunk(m->nmem, m->mem_cap);
    if (cap != m->mem_cap) {
        m->mem = xrealloc(m->mem, (size_t)cap * sizeof *m->mem);
        m->mem_cap = cap;
    }
    cap = shrunk(m->nblocks, m->blocks_cap);
    if (cap != m->blocks_cap) {
        m->blocks = xrealloc(m->blocks, (size_t)cap * sizeof *m->blocks);
        m->blocks_cap = cap;
    }
    return heap;
}

/* A size -> class table for one rebuild (open addressing; sizes are >= 1). */
typedef struct SizeTable { int64_t *key; int *val; int cap; } SizeTable;

static int *size_slot(SizeTable *t, int64_t nslots)
{
    uint32_t mask = (uint32_t)t->cap - 1, i = (uint32_t)((uint64_t)nslots * 0x9e3779b97f4a7c15ULL >> 40) & mask;
    while (t->key[i] && t->key[i] != nslots) i = (i + 1) & mask;
    if (!t->key[i]) {
        t->key[i] = nslots;
        t->val[i] = -1;
    }
    return &t->val[i];
}

static int cmp_class(const void *a, const void *b)
{
    int64_t x = ((const GcClass *)a)->nslots, y = ((const GcClass *)b)->nslots;
    return (x > y) - (x < y);
}

/* Group the free blocks by size into gc->classes and gc->free. */
static void rebuild_free_lists(Machine *m)
{
    GcState *gc = &m->gc;
    gc->nclasses = 0;
    gc->nfree = 0;
    SizeTable t = {NULL, NULL, 64};
    t.key = xcalloc((size_t)t.cap, sizeof *t.key);
    t.val = xmalloc((size_t)t.cap * sizeof *t.val);
    for (int64_t b = 0; b < m->nblocks; b++) {       /* count per size */
        const Block *k = &m->blocks[b];
        if (k->type != BLOCK_FREE) continue;
        if (2 * (gc->nclasses + 1) > t.cap) {          /* keep the table half empty */
            SizeTable g = {NULL, NULL, 2 * t.cap};
            g.key = xcalloc((size_t)g.cap, sizeof *g.key);
            g.val = xmalloc((size_t)g.cap * sizeof *g.val);
            for (int c = 0; c < gc->nclasses; c++) *size_slot(&g, gc->classes[c].nslots) = c;
            free(t.key);
            free(t.val);
            t = g;
        }
        int *c = size_slot(&t, k->nslots);
        if (*c < 0) {
            GROW(gc->classes, gc->classes_cap, gc->nclasses + 1);
            *c = gc->nclasses++;
            gc->classes[*c] = (GcClass){k->nslots, 0, 0};
        }
        gc->classes[*c].end++;
        gc->nfree++;
    }
    if (gc->nclasses > 1) qsort(gc->classes, (size_t)gc->nclasses, sizeof *gc->classes, cmp_class);
    int64_t at = 0;
    for (int c = 0; c < gc->nclasses; c++) {           /* each class's range, then fill */
        int64_t count = gc->classes[c].end;
        gc->classes[c].next = gc->classes[c].end = at;
        at += count;
        *size_slot(&t, gc->classes[c].nslots) = c;
    }
    int64_t cap = gc->nfree > gc->free_cap ? gc->nfree : shrunk(gc->nfree, gc->free_cap);
    if (cap != gc->free_cap) {
        gc->free = xrealloc(gc->free, (size_t)cap * sizeof *gc->free);
        gc->free_cap = cap;
    }
    for (int64_t b = 0; b < m->nblocks; b++)
        if (m->blocks[b].type == BLOCK_FREE) gc->free[gc->classes[*size_slot(&t, m->blocks[b].nslots)].end++] = b;
    free(t.key);
    free(t.val);
}

/* ---- a collection ------------------------------------------------------------------------ */

static int cmp_range(const void *a, const void *b)
{
    int64_t x = ((const MemRange *)a)->addr, y = ((const MemRange *)b)->addr;
    return (x > y) - (x < y);
}

void gc_collect(Machine *m)
{
    Reach r;
    mark(m, &r);
    uint64_t live = sweep_strings(m, r.str);
    sweep_syncs(m, &r);
    int before = m->nfreed;
    live += sweep_blocks(m, &r);
    reach_fini(&r);
    if (before && m->nfreed > before) {      /* a second collection in one frame */
        qsort(m->freed, (size_t)m->nfreed, sizeof *m->freed, cmp_range);
        int w = 0;
        for (int i = 0; i < m->nfreed; i++) {
            if (w && m->freed[w - 1].addr + m->freed[w - 1].n == m->freed[i].addr) m->freed[w - 1].n += m->freed[i].n;
            else m->freed[w++] = m->freed[i];
        }
        m->nfreed = w;
    }
    rebuild_free_lists(m);
    GcState *gc = &m->gc;
    gc->live = gc->marked_heap = live;
    gc->cycles++;
    gc->last_ns = m->now;
    gc->requested = false;
    pace(m);
#ifdef SIM_PARANOID
    gc_check_invariants(m);             /* (after each collection: it walks every block) */
#endif
}

void gc_end_frame(Machine *m)
{
    GcState *gc = &m->gc;
    if (!gc->requested && (gc->live < gc->goal || gc->live == gc->marked_heap)) return;
    if (m->status != M_RUNNING) {
        gc->requested = false;
        return;
    }
    bool forced = gc->requested;
    gc_collect(m);
    if (forced) gc->forced++;
}

/* ---- invariants (SIM_PARANOID) ---------------------------------------------------------- */

void gc_check_invariants(const Machine *m)
{
    const GcState *gc = &m->gc;
    int64_t end = 0;
    for (int64_t b = 0; b < m->nblocks; b++) {
        const Block *k = &m->blocks[b];
        if (k->base < end || k->nslots < 0) sim_fatal(__func__, "blocks overlap or are out of order");
        end = k->base + k->nslots;
        if (end > m->nmem) sim_fatal(__func__, "a block past the end of memory");
        if (k->type == BLOCK_FREE && (k->name != -1 || k->nslots == 0)) sim_fatal(__func__, "a named or empty free block");
    }
    if (m->prog->nglobals > 0 && (!m->nblocks || m->blocks[0].base != 0 || m->blocks[0].nslots != m->prog->nglobals))
        sim_fatal(__func__, "the globals are not block 0");
    for (int c = 0; c < gc->nclasses; c++) {
        const GcClass *k = &gc->classes[c];
        if (c > 0 && k->nslots <= gc->classes[c - 1].nslots) sim_fatal(__func__, "size classes out of order");
        if (k->next > k->end || k->end > gc->nfree) sim_fatal(__func__, "a size class outside the free list");
        for (int64_t i = k->next; i < k->end; i++) {
            int64_t b = gc->free[i];
            if (b < 0 || b >= m->nblocks || m->blocks[b].type != BLOCK_FREE || m->blocks[b].nslots != k->nslots)
                sim_fatal(__func__, "a free list holds a block that is not free or not of its size");
        }
    }
    for (int i = 0; i < gc->nfree_strs; i++)
        if (gc->free_strs[i] < const_strings(m) || gc->free_strs[i] >= m->nstrings)
            sim_fatal(__func__, "a free string index outside the runtime's strings");
    if (gc->live < gc->marked_heap) sim_fatal(__func__, "less heap than the last collection left");
}

/* ---- statistics -------------------------------------------------------------------------- */

void gc_memstats(const Machine *m, GcMemStats *o)
{
    const GcState *gc = &m->gc;
    memset(o, 0, sizeof *o);
    o->heap_alloc = o->heap_inuse = gc->live;
    o->total_alloc = gc->total;
    o->mallocs = gc->mallocs;
    o->frees = gc->frees;
    o->heap_objects = gc->mallocs - gc->frees;
    uint64_t heap_slots = m->nmem > m->prog->nglobals ? (uint64_t)(m->nmem - m->prog->nglobals) : 0;
    uint64_t strs = 0;
    const StrRef *lc = &m->strings[const_strings(m) - 1];
    if (m->strdata_len > lc->off + lc->len + 1) strs = m->strdata_len - (lc->off + lc->len + 1);
    o->heap_sys = heap_slots * GC_WORD + gc_string_bytes((uint32_t)strs);
    if (o->heap_sys < o->heap_inuse) o->heap_sys = o->heap_inuse;
    o->heap_idle = o->heap_sys - o->heap_inuse;
    for (int i = 0; i < m->ngs; i++) {
        if (m->gs[i].state == G_DONE) continue;
        uint64_t s = 2048;
        while (s < (uint64_t)m->gs[i].stack_cap * GC_WORD) s *= 2;
        o->stack_inuse += s;
    }
    o->sys = o->heap_sys + o->stack_inuse;
    o->next_gc = gc->goal == UINT64_MAX ? 0 : gc->goal;
    o->last_gc = gc->last_ns < 0 ? 0 : (uint64_t)(MACHINE_EPOCH_UNIX_NS + gc->last_ns);
    o->num_gc = gc->cycles;
    o->num_forced_gc = gc->forced;
}
