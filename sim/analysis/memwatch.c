/* memwatch.c — shared variables, their values and lost updates (see
 * memwatch.h).
 *
 * Per cell: a version (stores so far) and the last store.  Per goroutine and
 * cell, the version it last read, "armed" until its own next store: a store
 * by an armed goroutine whose version is behind the cell's overwrites the
 * stores in between unseen.  Both tables are found by hash (u64map.h): a
 * program may touch every element of a large slice.  When the collector
 * frees blocks (Machine.freed), the cells and reads in them go: their
 * addresses will name other objects.  The lost updates stay, as history.
 */
#include "memwatch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "u64map.h"
#include "util.h"

typedef struct Seen {
    int64_t addr;
    int g;
    uint32_t version;          /* the cell's version at g's last read         */
    bool armed;                /* read since g's own last store               */
} Seen;

typedef struct Store { uint64_t frame; int g; } Store;
typedef struct StoreLog { Store *s; int n, cap; } StoreLog;

struct MemWatch {
    MemCell *cells; int ncells, cells_cap;
    StoreLog *logs; int logs_cap;          /* logs[i]: cell i's stores in order */
    Seen *seen; int nseen, seen_cap;
    LostUpdate *lost; int nlost, lost_cap;
    U64Map cell_index;                     /* addr -> index in cells             */
    U64Map seen_index;                     /* seen_key(addr, g) -> index in seen */
};

/* (addr, g) as one key: addresses below 2^40 slots, goroutines below 2^24 */
static uint64_t seen_key(int64_t addr, int g)
{
    return ((uint64_t)addr << 24) ^ ((uint64_t)(uint32_t)g & 0xffffff);
}

MemWatch *memwatch_new(void)
{
    return xcalloc(1, sizeof(MemWatch));
}

void memwatch_free(MemWatch *w)
{
    if (!w) return;
    for (int i = 0; i < w->ncells; i++) free(w->logs[i].s);
    free(w->logs);
    free(w->cells);
    free(w->seen);
    free(w->lost);
    u64map_free(&w->cell_index);
    u64map_free(&w->seen_index);
    free(w);
}

const MemCell *memwatch_cells(const MemWatch *w, int *n)
{
    *n = w->ncells;
    return w->cells;
}

const LostUpdate *memwatch_lost(const MemWatch *w, int *n)
{
    *n = w->nlost;
    return w->lost;
}

static MemCell *cell(MemWatch *w, int64_t addr, uint64_t frame)
{
    int *slot = u64map_slot(&w->cell_index, (uint64_t)addr, true);
    if (*slot >= 0) return &w->cells[*slot];
    *slot = w->ncells;
    if (w->ncells == w->cells_cap) GROW(w->cells, w->cells_cap, w->ncells + 1);
    if (w->ncells == w->logs_cap) GROW(w->logs, w->logs_cap, w->ncells + 1);
    w->logs[w->ncells] = (StoreLog){NULL, 0, 0};
    MemCell *c = &w->cells[w->ncells++];
    memset(c, 0, sizeof *c);
    c->addr = addr;
    c->first_frame = frame;
    return c;
}

static Seen *seen(MemWatch *w, int64_t addr, int g)
{
    int *slot = u64map_slot(&w->seen_index, seen_key(addr, g), true);
    if (*slot >= 0) return &w->seen[*slot];
    *slot = w->nseen;
    if (w->nseen == w->seen_cap) GROW(w->seen, w->seen_cap, w->nseen + 1);
    Seen *s = &w->seen[w->nseen++];
    *s = (Seen){addr, g, 0, false};
    return s;
}

/* The goroutine that executed the last frame's instruction, 0 none. */
static int actor(const Machine *m)
{
    for (int c = 0; c < m->ncores; c++)
        if (m->last[c].g) return m->last[c].g;
    return 0;
}

static void forget_freed(MemWatch *w, const Machine *m)
{
    int k = 0;
    for (int i = 0; i < w->ncells; i++) {
        if (machine_was_freed(m, w->cells[i].addr)) {
            free(w->logs[i].s);
            continue;
        }
        w->cells[k] = w->cells[i];
        w->logs[k++] = w->logs[i];
    }
    if (k != w->ncells) {
        w->ncells = k;
        u64map_free(&w->cell_index);
        memset(&w->cell_index, 0, sizeof w->cell_index);
        for (int i = 0; i < w->ncells; i++) *u64map_slot(&w->cell_index, (uint64_t)w->cells[i].addr, true) = i;
    }
    k = 0;
    for (int i = 0; i < w->nseen; i++)
        if (!machine_was_freed(m, w->seen[i].addr)) w->seen[k++] = w->seen[i];
    if (k != w->nseen) {
        w->nseen = k;
        u64map_free(&w->seen_index);
        memset(&w->seen_index, 0, sizeof w->seen_index);
        for (int i = 0; i < w->nseen; i++)
            *u64map_slot(&w->seen_index, seen_key(w->seen[i].addr, w->seen[i].g), true) = i;
    }
}

static int observe_accesses(MemWatch *w, const Machine *m);

int memwatch_observe(MemWatch *w, const Machine *m)
{
    int found = observe_accesses(w, m);
    if (m->nfreed) forget_freed(w, m);
    return found;
}

/* The last frame's loads and stores. */
static int observe_accesses(MemWatch *w, const Machine *m)
{
    int g = actor(m), found = 0;
    if (!g) return 0;
    for (int i = 0; i < m->naccesses; i++) {
        const MemAccess *a = &m->accesses[i];
        if (a->n != 1) continue;                /* struct copies: not one variable */
        MemCell *c = cell(w, a->addr, m->frame);
        if (!c->first_g) c->first_g = g;
        else if (c->first_g != g && !c->shared_frame) c->shared_frame = m->frame;
        Seen *s = seen(w, a->addr, g);
        if (!a->write) {
            s->version = c->version;
            s->armed = !a->atomic;
            continue;
        }
        Value v = m->mem[a->addr];
        if (s->armed && s->version != c->version && c->last_g && c->last_g != g && !a->atomic) {
            if (w->nlost == w->lost_cap) GROW(w->lost, w->lost_cap, w->nlost + 1);
            w->lost[w->nlost++] = (LostUpdate){a->addr, g, m->frame, v, c->last_g, c->last_frame, c->last_value};
            found++;
        }
        StoreLog *log = &w->logs[c - w->cells];
        if (log->n == log->cap) GROW(log->s, log->cap, log->n + 1);
        log->s[log->n++] = (Store){m->frame, g};
        c->version++;
        c->last_g = g;
        c->last_frame = m->frame;
        c->last_value = v;
        s->version = c->version;
        s->armed = false;
    }
    return found;
}

void memwatch_last_write(const MemWatch *w, int i, uint64_t f, int *g, uint64_t *frame)
{
    *g = 0;
    *frame = 0;
    if (i < 0 || i >= w->ncells) return;
    const StoreLog *log = &w->logs[i];
    int lo = 0, hi = log->n;                /* the first store after f */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (log->s[mid].frame <= f) lo = mid + 1;
        else hi = mid;
    }
    if (lo > 0) {
        *g = log->s[lo - 1].g;
        *frame = log->s[lo - 1].frame;
    }
}

size_t memwatch_describe(const Machine *m, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    int g = actor(m);
    for (int i = 0; g && i < m->naccesses && len < n; i++) {
        const MemAccess *a = &m->accesses[i];
        if (a->n != 1) continue;
        char name[64], val[64];
        machine_addr_name(m, a->addr, name, sizeof name);
        machine_value_text(m, m->mem[a->addr], val, sizeof val);
        const char *verb = a->write ? (a->atomic ? "atomically stores" : "stores")
                                    : (a->atomic ? "atomically loads" : "loads");
        if (a->write) len += (size_t)snprintf(buf + len, n - len, "%sG%d %s %s = %s", len ? "; " : "", g, verb, name, val);
        else len += (size_t)snprintf(buf + len, n - len, "%sG%d %s %s (%s)", len ? "; " : "", g, verb, name, val);
    }
    return len < n ? len : n ? n - 1 : 0;
}

size_t memwatch_describe_lost(const Machine *m, const LostUpdate *l, char *buf, size_t n)
{
    char name[64], v[64], lv[64];
    machine_addr_name(m, l->addr, name, sizeof name);
    machine_value_text(m, l->value, v, sizeof v);
    machine_value_text(m, l->lost_value, lv, sizeof lv);
    int k = snprintf(buf, n, "G%d stores %s = %s; G%d's store of %s at frame %llu is overwritten: an "
                     "update is lost", l->g, name, v, l->lost_g, lv, (unsigned long long)l->lost_frame);
    return k < 0 ? 0 : (size_t)k < n ? (size_t)k : n ? n - 1 : 0;
}
