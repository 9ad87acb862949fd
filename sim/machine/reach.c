/* reach.c — marking: which blocks and channels a set of roots can reach.
 *
 * A worklist of marked blocks, each scanned once: every value in it that
 * refers into memory marks the block it points into (found by binary search
 * in Machine.blocks, which allocation keeps in address order), and every
 * channel value marks the channel and the values it holds.  A map's header
 * keeps its entry array's address as a number, so a map value marks both
 * blocks.  Strings live outside mem and hold nothing; a sync object's state
 * (Machine.syncs) holds goroutine ids, not values, so it is reached through
 * the block its slot lives in.
 */
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "reach.h"
#include "util.h"
#include "vm_data.h"

int64_t machine_block_of(const Machine *m, int64_t addr)
{
    if (addr < 0 || addr >= m->nmem || !m->nblocks) return -1;
    int64_t lo = 0, hi = m->nblocks - 1, found = -1;
    while (lo <= hi) {                      /* last block with base <= addr */
        int64_t mid = lo + (hi - lo) / 2;
        if (m->blocks[mid] <= addr) { found = mid; lo = mid + 1; }
        else hi = mid - 1;
    }
    return found;
}

void machine_block_extent(const Machine *m, int64_t b, int64_t *lo, int64_t *hi)
{
    *lo = m->blocks[b];
    *hi = b + 1 < m->nblocks ? m->blocks[b + 1] : m->nmem;
}

void reach_init(Reach *r, const Machine *m)
{
    memset(r, 0, sizeof *r);
    r->m = m;
    r->block = xcalloc((size_t)m->nblocks + 1, 1);
    r->chan = xcalloc((size_t)m->nchans + 1, 1);
}

void reach_fini(Reach *r)
{
    free(r->block);
    free(r->chan);
    free(r->work);
    memset(r, 0, sizeof *r);
}

static void mark_addr(Reach *r, int64_t addr)
{
    int64_t b = machine_block_of(r->m, addr);
    if (b < 0 || r->block[b]) return;
    r->block[b] = 1;
    if (r->nwork == r->work_cap) {
        r->work_cap = r->work_cap ? 2 * r->work_cap : 64;
        r->work = xrealloc(r->work, (size_t)r->work_cap * sizeof *r->work);
    }
    r->work[r->nwork++] = b;
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
        }
        break;
    case V_CHAN:
        mark_chan(r, v.i);
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

void reach_globals(Reach *r)
{
    const Machine *m = r->m;
    if (m->prog->nglobals > 0) mark_addr(r, 0);
    for (int i = 0; i < m->ntimers; i++)
        if (m->timers[i].chan) mark_chan(r, m->timers[i].chan);
}

void reach_goroutine(Reach *r, int id)
{
    const Machine *m = r->m;
    if (id < 1 || id > m->ngs) return;
    const Goroutine *g = &m->gs[id - 1];
    reach_values(r, g->stack, g->sp);
    reach_values(r, g->defer_vals, g->ndefer_vals);
    reach_values(r, g->panicv, g->npanics < 8 ? g->npanics : 8);
}

void reach_drain(Reach *r)
{
    while (r->nwork > 0) {
        int64_t lo, hi;
        machine_block_extent(r->m, r->work[--r->nwork], &lo, &hi);
        reach_values(r, &r->m->mem[lo], hi - lo);
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
