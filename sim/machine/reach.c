/* reach.c — marking: which blocks, channels and strings a set of roots can
 * reach.
 *
 * A worklist of marked blocks, each scanned once: every value in it that
 * refers into memory marks the block it points into (found by binary search
 * in Machine.blocks, which is in address order), and every channel value
 * marks the channel and the values it holds.  A map's header keeps the
 * addresses of its entry array and its index as numbers, so a map value
 * marks all three blocks.  A pointer at a zero-size block's address keeps
 * that block too (its record names the object).  Strings live outside mem
 * and hold nothing: a string value marks its index when strings are
 * tracked.  A sync object's state (Machine.syncs) holds goroutine ids, not
 * values, so it is reached through the block its slot lives in (a copied
 * struct's slot too: copies share the object).
 */
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "reach.h"
#include "util.h"
#include "vm_data.h"

void reach_init(Reach *r, const Machine *m)
{
    memset(r, 0, sizeof *r);
    r->m = m;
    r->block = xcalloc((size_t)m->nblocks + 1, 1);
    r->chan = xcalloc((size_t)m->nchans + 1, 1);
}

void reach_collect(Reach *r)
{
    if (r->str) return;
    r->str = xcalloc((size_t)r->m->nstrings + 1, 1);
    r->sync = xcalloc((size_t)r->m->nsyncs + 1, 1);
    r->sync_at = xcalloc((size_t)r->m->nsyncs + 1, sizeof *r->sync_at);
}

void reach_fini(Reach *r)
{
    free(r->block);
    free(r->chan);
    free(r->str);
    free(r->sync);
    free(r->sync_at);
    free(r->work);
    memset(r, 0, sizeof *r);
}

static void mark_block(Reach *r, int64_t b)
{
    if (r->block[b]) return;
    r->block[b] = 1;
    if (r->nwork == r->work_cap) {
        r->work_cap = r->work_cap ? 2 * r->work_cap : 64;
        r->work = xrealloc(r->work, (size_t)r->work_cap * sizeof *r->work);
    }
    r->work[r->nwork++] = b;
}

static void mark_addr(Reach *r, int64_t addr)
{
    const Machine *m = r->m;
    if (addr < 0 || addr > m->nmem) return;
    int64_t lo = 0, hi = m->nblocks - 1, b = -1;
    while (lo <= hi) {                      /* last block with base <= addr */
        int64_t mid = lo + (hi - lo) / 2;
        if (m->blocks[mid].base <= addr) { b = mid; lo = mid + 1; }
        else hi = mid - 1;
    }
    if (b < 0) return;
    if (addr < m->blocks[b].base + m->blocks[b].nslots) mark_block(r, b);
    int64_t z = m->blocks[b].nslots ? b - 1 : b;     /* zero-size blocks at addr */
    for (; z >= 0 && m->blocks[z].base == addr && m->blocks[z].nslots == 0; z--) mark_block(r, z);
}

static void mark_chan(Reach *r, int64_t id)
{
    const Machine *m = r->m;
    if (id < 1 || id > m->nchans || r->chan[id - 1]) return;
    r->chan[id - 1] = 1;
    const Chan *c = &m->chans[id - 1];
    for (int64_t k = 0; k < c->len && c->cap > 0; k++) reach_value(r, c->buf[(c->head + k) % c->cap]);
    for (int k = 0; k < c->sendq.n; k++) reach_value(r, c->sendq.q[k].elem);
    r->scanned += c->len + c->sendq.n;
}

static void mark_string(Reach *r, int64_t i)
{
    if (r->str && i >= 0 && i < r->m->nstrings) r->str[i] = 1;
}

void reach_value(Reach *r, Value v)
{
    switch (v.kind) {
    case V_PTR: case V_CLOSURE: case V_BOX:
        mark_addr(r, v.i);
        break;
    case V_SLICE: case V_ARRAY:
        if (!slice_is_nil(v)) mark_addr(r, slice_base(v));
        break;
    case V_MAP:
        if (v.i) {
            mark_addr(r, v.i - 1);
            mark_addr(r, map_entry_array(r->m, v));
            mark_addr(r, map_index_array(r->m, v));
        }
        break;
    case V_CHAN:
        mark_chan(r, v.i);
        break;
    case V_STR:
        mark_string(r, v.i);
        break;
    default:
        break;
    }
}

static void reach_values(Reach *r, const Value *v, int64_t n)
{
    for (int64_t i = 0; i < n; i++) reach_value(r, v[i]);
    r->scanned += n;
}

static void io_addr(void *r, int64_t a) { mark_addr(r, a); }
static void io_str(void *r, int64_t i) { mark_string(r, i); }

void reach_globals(Reach *r)
{
    const Machine *m = r->m;
    if (m->prog->nglobals > 0) mark_addr(r, 0);
    for (int i = 0; i < m->ntimers; i++)
        if (m->timers[i].chan) mark_chan(r, m->timers[i].chan);
    io_state_roots(m->io, io_addr, io_str, r);
}

void reach_goroutine(Reach *r, int id)
{
    const Machine *m = r->m;
    if (id < 1 || id > m->ngs) return;
    const Goroutine *g = &m->gs[id - 1];
    reach_values(r, g->stack, g->sp);
    reach_values(r, g->defer_vals, g->ndefer_vals);
    reach_values(r, g->panicv, g->npanics < 8 ? g->npanics : 8);
    reach_values(r, g->fmt_val, g->nfmt < 16 ? g->nfmt : 16);
}

void reach_waits(Reach *r)
{
    const Machine *m = r->m;
    for (int i = 0; i < m->ngs; i++) {
        const Goroutine *g = &m->gs[i];
        if (g->state != G_BLOCKED) continue;
        switch (g->wait) {
        case WAIT_MUTEX: case WAIT_WAITGROUP: case WAIT_RWMUTEX_R: case WAIT_RWMUTEX_W:
        case WAIT_ONCE: case WAIT_COND:
            mark_addr(r, g->wait_addr);
            break;
        default:
            break;
        }
    }
    for (int c = 0; c < m->nchans; c++)
        if (m->chans[c].recvq.n || m->chans[c].sendq.n) mark_chan(r, c + 1);
}

/* The sync objects whose slots are in mem[lo, hi). */
static void mark_syncs(Reach *r, int64_t lo, int64_t hi)
{
    const Value *mem = r->m->mem;
    for (int64_t a = lo; a < hi; a++) {
        if (mem[a].kind != V_SYNC || mem[a].i < 1 || mem[a].i > r->m->nsyncs) continue;
        int64_t i = mem[a].i - 1;
        if (!r->sync[i]) r->sync_at[i] = a;
        r->sync[i] = 1;
    }
}

void reach_drain(Reach *r)
{
    while (r->nwork > 0) {
        int64_t lo, hi;
        machine_block_extent(r->m, r->work[--r->nwork], &lo, &hi);
        reach_values(r, &r->m->mem[lo], hi - lo);
        if (r->sync) mark_syncs(r, lo, hi);
    }
}

bool reach_addr(const Reach *r, int64_t addr)
{
    int64_t b = machine_block_of(r->m, addr);
    return b >= 0 && r->block[b];
}

bool reach_chan(const Reach *r, int64_t id)
{
    return id >= 1 && id <= r->m->nchans && r->chan[id - 1];
}
