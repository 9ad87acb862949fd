/* race.c — happens-before data race detection (see race.h).
 *
 * Clocks: a vector clock per goroutine (entry g-1 is goroutine g's count of
 * releases), one per synchronisation key (a mutex's address, a channel
 * message, ...).  Release: the key's clock takes the join of its own and
 * the goroutine's, then the goroutine ticks (a release-store, an atomic
 * Store, replaces the key's clock instead).  Acquire: the goroutine's clock
 * takes the join with the key's.  Keys used once (a message, a go statement)
 * are dropped when acquired.
 *
 * Shadow memory: per slot, the last write as an epoch (goroutine, its clock
 * then) and the latest read of each goroutine since.  An access by g races
 * with an earlier one by h when the earlier epoch's count is above g's view
 * of h (g has not acquired anything h released after it).
 *
 * Freed memory: when the collector frees blocks (Machine.freed), their
 * slots' shadow and the clocks of the sync objects and atomic words that
 * lived there are forgotten, so an object the allocator puts at the same
 * address starts afresh, as Go's race runtime resets the shadow of freed
 * memory and frees the sync objects in it.
 */
#include "race.h"

#include <stdlib.h>
#include <string.h>

#include "program.h"
#include "u64map.h"
#include "util.h"

/* ---- vector clocks ------------------------------------------------------------------ */

typedef struct Clock { uint32_t *c; int n; } Clock;

static uint32_t clock_get(const Clock *k, int g)
{
    return g >= 1 && g <= k->n ? k->c[g - 1] : 0;
}

static void clock_ensure(Clock *k, int n)
{
    if (n <= k->n) return;
    k->c = xrealloc(k->c, (size_t)n * sizeof *k->c);
    memset(k->c + k->n, 0, (size_t)(n - k->n) * sizeof *k->c);
    k->n = n;
}

static void clock_join(Clock *dst, const Clock *src)
{
    clock_ensure(dst, src->n);
    for (int i = 0; i < src->n; i++)
        if (src->c[i] > dst->c[i]) dst->c[i] = src->c[i];
}

/* ---- shadow memory ------------------------------------------------------------------ */

typedef struct Epoch {
    RaceAccess a;
    uint32_t clock;        /* the goroutine's own count at the access          */
} Epoch;

typedef struct Shadow {
    Epoch w;               /* w.a.g == 0: no write yet                          */
    Epoch *reads;          /* since the last write, one per goroutine          */
    int nreads, cap;
} Shadow;

typedef struct StackRec { int off, len; } StackRec;

struct RaceDetector {
    Clock *gs; int ngs;                  /* gs[g-1]                               */
    Clock *keys; int nkeys, keys_cap;    /* clocks of sync keys                   */
    int *free_keys; int nfree, free_cap; /* dropped key clocks to reuse          */
    U64Map key_index;                    /* key -> index in keys                  */
    Shadow *shadow; int nshadow, shadow_cap;
    U64Map shadow_index;                 /* slot address -> index in shadow       */
    int *free_shadow; int nfree_shadow, free_shadow_cap;   /* forgotten, to reuse */
    int *stack_data; int nstack_data, stack_data_cap;   /* (proto, line) pairs    */
    StackRec *stacks; int nstacks, stacks_cap;
    U64Map stack_index;                  /* hash of a stack -> its id             */
    U64Map reported;                     /* pairs of lines already reported       */
    RaceReport *reports; int nreports, reports_cap;
    bool overflow;
};

RaceDetector *race_new(void)
{
    return xcalloc(1, sizeof(RaceDetector));
}

void race_free(RaceDetector *r)
{
    if (!r) return;
    for (int i = 0; i < r->ngs; i++) free(r->gs[i].c);
    for (int i = 0; i < r->nkeys; i++) free(r->keys[i].c);
    for (int i = 0; i < r->nshadow; i++) free(r->shadow[i].reads);
    free(r->gs); free(r->keys); free(r->free_keys); free(r->shadow); free(r->free_shadow);
    free(r->stack_data); free(r->stacks); free(r->reports);
    u64map_free(&r->key_index); u64map_free(&r->shadow_index); u64map_free(&r->stack_index);
    u64map_free(&r->reported);
    free(r);
}

const RaceReport *race_reports(const RaceDetector *r, int *n)
{
    *n = r->nreports;
    return r->reports;
}

bool race_overflowed(const RaceDetector *r) { return r->overflow; }

/* Goroutine g's clock, made on first sight (NULL past the limit). */
static Clock *gclock(RaceDetector *r, int g)
{
    if (g < 1) return NULL;
    if (g > RACE_MAX_GOROUTINES) {
        r->overflow = true;
        return NULL;
    }
    if (g > r->ngs) {
        r->gs = xrealloc(r->gs, (size_t)g * sizeof *r->gs);
        memset(r->gs + r->ngs, 0, (size_t)(g - r->ngs) * sizeof *r->gs);
        r->ngs = g;
    }
    Clock *k = &r->gs[g - 1];
    if (k->n < g) {
        clock_ensure(k, g);
        if (k->c[g - 1] == 0) k->c[g - 1] = 1;     /* its first epoch */
    }
    return k;
}

static Clock *key_clock(RaceDetector *r, uint64_t key, bool make)
{
    int *slot = u64map_slot(&r->key_index, key, make);
    if (!slot) return NULL;
    if (*slot < 0) {
        if (r->nfree) {
            *slot = r->free_keys[--r->nfree];
        } else {
            if (r->nkeys == r->keys_cap) GROW(r->keys, r->keys_cap, r->nkeys + 1);
            *slot = r->nkeys;
            r->keys[r->nkeys++] = (Clock){NULL, 0};
        }
        r->keys[*slot].n = 0;
    }
    return &r->keys[*slot];
}

/* Keys that one acquire uses up: a message, an acknowledgement, a slot, a go. */
static bool single_use(uint64_t key)
{
    HbKeyKind k = (HbKeyKind)(key >> 56);
    return k == HBK_GO || k == HBK_CHAN_MSG || k == HBK_CHAN_ACK || k == HBK_CHAN_SLOT;
}

static void drop_key(RaceDetector *r, uint64_t key)
{
    int *slot = u64map_slot(&r->key_index, key, false);
    if (!slot) return;
    if (r->nfree == r->free_cap) GROW(r->free_keys, r->free_cap, r->nfree + 1);
    r->free_keys[r->nfree++] = *slot;
    *slot = -1;
}

static void release(RaceDetector *r, int g, uint64_t key)
{
    Clock *gc = gclock(r, g);
    if (!gc) return;
    Clock *kc = key_clock(r, key, true);
    clock_join(kc, gc);
    gc->c[g - 1]++;
}

/* An atomic Store: the key holds the goroutine's clock alone from now on. */
static void release_store(RaceDetector *r, int g, uint64_t key)
{
    Clock *gc = gclock(r, g);
    if (!gc) return;
    Clock *kc = key_clock(r, key, true);
    for (int i = 0; i < kc->n; i++) kc->c[i] = 0;
    clock_join(kc, gc);
    gc->c[g - 1]++;
}

static void acquire(RaceDetector *r, int g, uint64_t key)
{
    Clock *gc = gclock(r, g);
    if (!gc) return;
    Clock *kc = key_clock(r, key, false);
    if (!kc) return;
    clock_join(gc, kc);
    if (single_use(key)) drop_key(r, key);
}

/* Mutex and RWMutex events: the lock's address is its key (the readers'
 * releases go to a second key that a writer acquires). */
#define KEY_MUTEX(addr) hb_key(HBK_ATOMIC, (addr), 1)
#define KEY_READERS(addr) hb_key(HBK_ATOMIC, (addr), 2)

static void lock_event(RaceDetector *r, const Event *e)
{
    switch (e->kind) {
    case EV_LOCK_ACQUIRE: acquire(r, e->g, KEY_MUTEX(e->addr)); break;
    case EV_LOCK_RELEASE: release(r, e->g, KEY_MUTEX(e->addr)); break;
    case EV_SYNC:
        switch ((SyncOp)e->aux) {
        case SYNC_OP_RLOCK: acquire(r, e->g, KEY_MUTEX(e->addr)); break;
        case SYNC_OP_RUNLOCK: release(r, e->g, KEY_READERS(e->addr)); break;
        case SYNC_OP_WLOCK:
            acquire(r, e->g, KEY_MUTEX(e->addr));
            acquire(r, e->g, KEY_READERS(e->addr));
            break;
        case SYNC_OP_WUNLOCK: release(r, e->g, KEY_MUTEX(e->addr)); break;
        default: break;
        }
        break;
    default: break;
    }
}

/* ---- stacks ------------------------------------------------------------------------- */

static int line_at(const Program *p, int pc)
{
    return pc >= 0 && pc < p->ncode ? p->code_line[pc] : 0;
}

/* The goroutine's calls now, innermost first, interned. */
static int capture_stack(RaceDetector *r, const Machine *m, const Goroutine *g)
{
    int pairs[2 * 16], n = 0;
    for (int i = g->nframes - 1; i >= 0 && n < 16; i--, n++) {
        pairs[2 * n] = g->frames[i].proto;
        pairs[2 * n + 1] = i == g->nframes - 1 ? line_at(m->prog, g->last_pc)
                                               : line_at(m->prog, g->frames[i].pc - 1);
    }
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (int i = 0; i < 2 * n; i++) h = u64map_mix(h ^ (uint64_t)(uint32_t)pairs[i]);
    for (;; h++) {                              /* probe past a different stack */
        int *slot = u64map_slot(&r->stack_index, h, true);
        if (*slot < 0) {
            if (r->nstacks == r->stacks_cap) GROW(r->stacks, r->stacks_cap, r->nstacks + 1);
            if (r->nstack_data + 2 * n > r->stack_data_cap)
                GROW(r->stack_data, r->stack_data_cap, r->nstack_data + 2 * n);
            memcpy(r->stack_data + r->nstack_data, pairs, (size_t)(2 * n) * sizeof(int));
            r->stacks[r->nstacks] = (StackRec){r->nstack_data, n};
            r->nstack_data += 2 * n;
            *slot = r->nstacks++;
            return *slot;
        }
        int id = *slot;
        if (r->stacks[id].len == n &&
            !memcmp(r->stack_data + r->stacks[id].off, pairs, (size_t)(2 * n) * sizeof(int)))
            return id;
    }
}

int race_stack_depth(const RaceDetector *r, int stack)
{
    return stack >= 0 && stack < r->nstacks ? r->stacks[stack].len : 0;
}

void race_stack_frame(const RaceDetector *r, int stack, int i, int *proto, int *line)
{
    const int *p = r->stack_data + r->stacks[stack].off + 2 * i;
    *proto = p[0];
    *line = p[1];
}

/* ---- accesses ----------------------------------------------------------------------- */

static Shadow *shadow_of(RaceDetector *r, int64_t addr)
{
    int *slot = u64map_slot(&r->shadow_index, (uint64_t)addr, true);
    if (*slot < 0) {
        if (r->nfree_shadow) {
            *slot = r->free_shadow[--r->nfree_shadow];
        } else {
            if (r->nshadow == r->shadow_cap) GROW(r->shadow, r->shadow_cap, r->nshadow + 1);
            *slot = r->nshadow;
            memset(&r->shadow[r->nshadow++], 0, sizeof(Shadow));
        }
    }
    return &r->shadow[*slot];
}

/* ---- freed memory ------------------------------------------------------------------- */

static void forget_shadow(RaceDetector *r, int *slot)
{
    Shadow *s = &r->shadow[*slot];
    memset(&s->w, 0, sizeof s->w);
    s->nreads = 0;
    if (r->nfree_shadow == r->free_shadow_cap) GROW(r->free_shadow, r->free_shadow_cap, r->nfree_shadow + 1);
    r->free_shadow[r->nfree_shadow++] = *slot;
    *slot = -1;
}

/* The keys an object at addr may have: its mutex's, its readers', its
 * WaitGroup's, its Once's, its atomic word's. */
#define ADDR_KEYS 5
static void addr_keys(int64_t addr, uint64_t keys[ADDR_KEYS])
{
    keys[0] = KEY_MUTEX(addr);
    keys[1] = KEY_READERS(addr);
    keys[2] = hb_key(HBK_WAITGROUP, addr, 0);
    keys[3] = hb_key(HBK_ONCE, addr, 0);
    keys[4] = hb_key(HBK_ATOMIC, addr, 0);
}

/* Is key one of addr_keys of an address the collector freed? */
static bool freed_key(const Machine *m, uint64_t key)
{
    HbKeyKind kind = (HbKeyKind)(key >> 56);
    if (kind != HBK_ATOMIC && kind != HBK_WAITGROUP && kind != HBK_ONCE) return false;
    for (uint64_t seq = 0; seq < 3; seq++) {
        int64_t addr = (int64_t)((key ^ (seq << 24)) & 0xffffffffffffULL);
        uint64_t keys[ADDR_KEYS];
        addr_keys(addr, keys);
        for (int k = 0; k < ADDR_KEYS; k++)
            if (keys[k] == key && machine_was_freed(m, addr)) return true;
    }
    return false;
}

/* Forget what the blocks freed at the end of the last frame held: probe
 * each slot when they are few, else look at each entry once. */
static void forget_freed(RaceDetector *r, const Machine *m)
{
    uint64_t slots = 0;
    for (int i = 0; i < m->nfreed; i++) slots += (uint64_t)m->freed[i].n;
    size_t it = 0;
    uint64_t key;
    int *slot;
    if (slots <= r->shadow_index.cap) {
        for (int i = 0; i < m->nfreed; i++)
            for (int64_t a = m->freed[i].addr; a < m->freed[i].addr + m->freed[i].n; a++)
                if ((slot = u64map_slot(&r->shadow_index, (uint64_t)a, false))) forget_shadow(r, slot);
    } else {
        while ((slot = u64map_next(&r->shadow_index, &it, &key)))
            if (machine_was_freed(m, (int64_t)key)) forget_shadow(r, slot);
    }
    if (slots * ADDR_KEYS <= r->key_index.cap) {
        for (int i = 0; i < m->nfreed; i++)
            for (int64_t a = m->freed[i].addr; a < m->freed[i].addr + m->freed[i].n; a++) {
                uint64_t keys[ADDR_KEYS];
                addr_keys(a, keys);
                for (int k = 0; k < ADDR_KEYS; k++) drop_key(r, keys[k]);
            }
    } else {
        for (it = 0; (slot = u64map_next(&r->key_index, &it, &key));)
            if (freed_key(m, key)) drop_key(r, key);
    }
}

static void report(RaceDetector *r, int64_t addr, const RaceAccess *cur, const RaceAccess *prev)
{
    /* once per pair of source lines, whichever came first */
    int a = cur->line < prev->line ? cur->line : prev->line;
    int b = cur->line < prev->line ? prev->line : cur->line;
    int *seen = u64map_slot(&r->reported, ((uint64_t)(uint32_t)a << 32) | (uint32_t)b, true);
    if (*seen >= 0) return;
    *seen = 1;
    if (r->nreports == r->reports_cap) GROW(r->reports, r->reports_cap, r->nreports + 1);
    r->reports[r->nreports++] = (RaceReport){addr, *cur, *prev};
}

/* Did the earlier access (by h at count c) happen before g's present? */
static bool ordered(RaceDetector *r, int g, int h, uint32_t c)
{
    return h == g || clock_get(&r->gs[g - 1], h) >= c;
}

static void access_slot(RaceDetector *r, int64_t addr, const RaceAccess *a)
{
    Shadow *s = shadow_of(r, addr);
    int g = a->g;
    Epoch now = {*a, r->gs[g - 1].c[g - 1]};
    if (s->w.a.g && !(a->atomic && s->w.a.atomic) && !ordered(r, g, s->w.a.g, s->w.clock))
        report(r, addr, a, &s->w.a);
    if (a->write) {
        for (int i = 0; i < s->nreads; i++)
            if (!(a->atomic && s->reads[i].a.atomic) && !ordered(r, g, s->reads[i].a.g, s->reads[i].clock))
                report(r, addr, a, &s->reads[i].a);
        s->w = now;
        s->nreads = 0;
        return;
    }
    for (int i = 0; i < s->nreads; i++)
        if (s->reads[i].a.g == g) {
            s->reads[i] = now;
            return;
        }
    if (s->nreads == s->cap) GROW(s->reads, s->cap, s->nreads + 1);
    s->reads[s->nreads++] = now;
}

int race_observe(RaceDetector *r, const Machine *m)
{
    int before = r->nreports;
    /* The instruction's accesses, by the goroutine that ran it. */
    int g = 0;
    for (int c = 0; c < m->ncores; c++)
        if (m->last[c].g) g = m->last[c].g;
    if (g && m->naccesses && gclock(r, g)) {
        const Goroutine *gp = &m->gs[g - 1];
        int stack = capture_stack(r, m, gp);
        for (int i = 0; i < m->naccesses; i++) {
            const MemAccess *ma = &m->accesses[i];
            RaceAccess a = {g, ma->write, ma->atomic, stack, m->frame, line_at(m->prog, gp->last_pc)};
            for (int32_t k = 0; k < ma->n; k++) access_slot(r, ma->addr + k, &a);
        }
    }
    for (int i = 0; i < m->nhb; i++) {
        const HbNote *n = &m->hb[i];
        if (n->g <= 0) continue;                 /* a timer: no goroutine's clock */
        if (n->kind == HB_RELEASE) release(r, n->g, n->key);
        else if (n->kind == HB_RELEASE_STORE) release_store(r, n->g, n->key);
        else acquire(r, n->g, n->key);
    }
    for (int i = 0; i < m->nevents; i++) lock_event(r, &m->events[i]);
    if (m->nfreed) forget_freed(r, m);
    return r->nreports - before;
}

/* ---- Go's report -------------------------------------------------------------------- */

static void write_stack(const RaceDetector *r, const Machine *m, int stack, FILE *out)
{
    const char *file = m->prog->filename ? m->prog->filename : "main.go";
    for (int i = 0; i < race_stack_depth(r, stack); i++) {
        int proto, line;
        race_stack_frame(r, stack, i, &proto, &line);
        const char *name = proto >= 0 && proto < m->prog->nprotos ? m->prog->protos[proto].name : "?";
        fprintf(out, "  main.%s()\n      %s:%d +0x0\n", name, file, line);
    }
}

static void write_access(const RaceDetector *r, const Machine *m, const RaceAccess *a, int64_t addr,
                         bool previous, FILE *out)
{
    const char *what = a->atomic ? (a->write ? "atomic write" : "atomic read") : (a->write ? "write" : "read");
    char who[32];
    if (a->g == 1) snprintf(who, sizeof who, "main goroutine");
    else snprintf(who, sizeof who, "goroutine %d", a->g);
    fprintf(out, "%s%c%s at 0x%012llx by %s:\n", previous ? "Previous " : "",
            previous ? what[0] : (char)(what[0] - 'a' + 'A'), what + 1,
            (unsigned long long)(0xc000000000ULL + (uint64_t)addr * 8), who);
    write_stack(r, m, a->stack, out);
}

static void write_created(const Machine *m, int g, FILE *out)
{
    if (g <= 1 || g > m->ngs) return;
    const Goroutine *gp = &m->gs[g - 1];
    const char *file = m->prog->filename ? m->prog->filename : "main.go";
    int proto = program_proto_at(m->prog, gp->created_pc);
    const char *name = proto >= 0 && proto < m->prog->nprotos ? m->prog->protos[proto].name : "?";
    fprintf(out, "\nGoroutine %d (%s) created at:\n  main.%s()\n      %s:%d +0x0\n", g,
            gp->state == G_DONE ? "finished" : "running", name, file, gp->created_line);
}

void race_write_report(const RaceDetector *r, const Machine *m, const RaceReport *rep, FILE *out)
{
    fputs("==================\nWARNING: DATA RACE\n", out);
    write_access(r, m, &rep->cur, rep->addr, false, out);
    fputc('\n', out);
    write_access(r, m, &rep->prev, rep->addr, true, out);
    write_created(m, rep->cur.g, out);
    if (rep->prev.g != rep->cur.g) write_created(m, rep->prev.g, out);
    fputs("==================\n", out);
}
