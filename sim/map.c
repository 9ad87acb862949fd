/* map.c — Go maps in simulated memory.
 *
 * A map lives in Machine.mem like every other object, so cloning a machine
 * (history, exploration) copies maps with no extra code.  V_MAP's i is the
 * header's address + 1 (0: the nil map).  The header is 6 slots:
 *
 *     [0] live entries (len)   [1] address of the entry array
 *     [2] entries used         [3] entries allocated
 *     [4] address of the index [5] index slots (a power of two)
 *
 * and an entry is 3 slots: key, value, live (V_BOOL).  Insertion appends an
 * entry (doubling the array when full: amortised, the old array is garbage
 * as everything is until there is a GC); deletion clears the live flag.
 * The index is an open-addressing table of entry numbers + 1 (0: empty),
 * probed linearly from the key's hash (FNV-1a of a string's bytes,
 * splitmix of an integer: content only, never an address, so it is the same
 * in every run); it is rebuilt twice as large when half full.  It only finds
 * entries: the order of the entry array is what iteration uses.
 *
 * Iteration order: Go randomises where each range loop starts
 * (runtime/map.go mapiterinit: "decide where to start" with fastrand), so
 * programs cannot rely on it.  MAPITER draws its start from the machine's
 * seeded randomness for the current frame (as sim/sched.c does, with a salt
 * of its own), so a run is reproducible from its seed and different seeds
 * visit entries in different rotations.
 *
 * Every map instruction is one step touching shared memory, so a map used by
 * two goroutines without a lock shows its interleavings.  (Go's "concurrent
 * map writes" detection is not modelled.)
 */
#include <string.h>

#include "machine_internal.h"
#include "vm_data.h"

enum { HDR_LEN, HDR_ENTRIES, HDR_USED, HDR_CAP, HDR_INDEX, HDR_ISIZE, HDR_SLOTS };
enum { ENTRY_SLOTS = 3 };
#define SALT_MAPITER 0x300u

bool vm_data_equal(const Machine *m, Value a, Value b)
{
    if (a.kind == V_STR || b.kind == V_STR) {
        uint32_t la = 0, lb = 0;
        const char *sa = machine_string(m, a, &la), *sb = machine_string(m, b, &lb);
        return la == lb && memcmp(sa, sb, la) == 0;
    }
    if (a.kind == V_FLOAT || b.kind == V_FLOAT) return value_f(a) == value_f(b);
    if (a.kind == V_NIL || b.kind == V_NIL || a.kind == b.kind) return a.i == b.i;
    return false;
}

static int64_t header(Value map) { return map.kind == V_MAP && map.i ? map.i - 1 : -1; }

int64_t map_len(const Machine *m, Value map)
{
    int64_t h = header(map);
    return h < 0 ? 0 : m->mem[h + HDR_LEN].i;
}

static uint64_t mix(uint64_t x);

/* A hash of k's content consistent with vm_data_equal. */
static uint64_t hash(const Machine *m, Value k)
{
    if (k.kind == V_STR) {
        uint32_t n;
        const unsigned char *s = (const unsigned char *)machine_string(m, k, &n);
        uint64_t x = 0xcbf29ce484222325ULL;
        for (uint32_t i = 0; i < n; i++) x = (x ^ s[i]) * 0x100000001b3ULL;
        return x;
    }
    if (k.kind == V_FLOAT) {
        double d = value_f(k);
        int64_t bits = 0;
        if (d != 0) memcpy(&bits, &d, sizeof bits);   /* +0 and -0 are equal keys */
        return mix((uint64_t)bits);
    }
    return mix((uint64_t)k.i);
}

/* The address of k's entry, -1 if absent; *free gets the index slot where
 * a new entry for k would go. */
static int64_t find_slot(const Machine *m, int64_t h, Value k, int64_t *free)
{
    int64_t e = m->mem[h + HDR_ENTRIES].i, ix = m->mem[h + HDR_INDEX].i;
    uint64_t mask = (uint64_t)m->mem[h + HDR_ISIZE].i - 1;
    for (uint64_t p = hash(m, k) & mask;; p = (p + 1) & mask) {
        int64_t j = m->mem[ix + (int64_t)p].i;
        if (j == 0) { if (free) *free = ix + (int64_t)p; return -1; }
        int64_t at = e + (j - 1) * ENTRY_SLOTS;
        if (m->mem[at + 2].i && vm_data_equal(m, m->mem[at], k)) return at;
    }
}

static int64_t find(const Machine *m, int64_t h, Value k) { return find_slot(m, h, k, NULL); }

/* A fresh index of `size` slots over the live entries. */
static void reindex(Machine *m, int64_t h, int64_t size)
{
    int64_t ix = machine_alloc(m, (int)size, -2, -1);
    for (int64_t p = 0; p < size; p++) m->mem[ix + p] = value_int(0);
    m->mem[h + HDR_INDEX] = value_int(ix);
    m->mem[h + HDR_ISIZE] = value_int(size);
    int64_t e = m->mem[h + HDR_ENTRIES].i, used = m->mem[h + HDR_USED].i;
    for (int64_t j = 0; j < used; j++) {
        int64_t at = e + j * ENTRY_SLOTS, slot;
        if (!m->mem[at + 2].i) continue;
        find_slot(m, h, m->mem[at], &slot);
        m->mem[slot] = value_int(j + 1);
    }
}

static Value new_map(Machine *m)
{
    int64_t h = machine_alloc(m, HDR_SLOTS, -2, -1);
    int64_t e = machine_alloc(m, 8 * ENTRY_SLOTS, -2, -1);
    m->mem[h + HDR_LEN] = value_int(0);
    m->mem[h + HDR_ENTRIES] = value_int(e);
    m->mem[h + HDR_USED] = value_int(0);
    m->mem[h + HDR_CAP] = value_int(8);
    reindex(m, h, 16);
    return value_make(V_MAP, 0, h + 1);
}

static void set(Machine *m, int64_t h, Value k, Value v)
{
    int64_t slot;
    int64_t at = find_slot(m, h, k, &slot);
    if (at >= 0) { m->mem[at + 1] = v; return; }
    int64_t used = m->mem[h + HDR_USED].i, cap = m->mem[h + HDR_CAP].i;
    int64_t isize = m->mem[h + HDR_ISIZE].i;
    if ((used + 1) * 2 > isize) {          /* keep the index at most half full */
        reindex(m, h, isize * 2);
        find_slot(m, h, k, &slot);
    }
    if (used == cap) {
        int64_t ne = machine_alloc(m, (int)(2 * cap * ENTRY_SLOTS), -2, -1);
        memcpy(&m->mem[ne], &m->mem[m->mem[h + HDR_ENTRIES].i], (size_t)(cap * ENTRY_SLOTS) * sizeof(Value));
        m->mem[h + HDR_ENTRIES] = value_int(ne);
        m->mem[h + HDR_CAP] = value_int(2 * cap);
    }
    at = m->mem[h + HDR_ENTRIES].i + used * ENTRY_SLOTS;
    m->mem[at] = k;
    m->mem[at + 1] = v;
    m->mem[at + 2] = value_bool(1);
    m->mem[slot] = value_int(used + 1);
    m->mem[h + HDR_USED] = value_int(used + 1);
    m->mem[h + HDR_LEN].i++;
}

int64_t map_entries(const Machine *m, Value map, Value *keys, Value *vals, int64_t max)
{
    int64_t h = header(map), n = 0;
    if (h < 0) return 0;
    int64_t e = m->mem[h + HDR_ENTRIES].i, used = m->mem[h + HDR_USED].i;
    for (int64_t j = 0; j < used; j++) {
        int64_t at = e + j * ENTRY_SLOTS;
        if (!m->mem[at + 2].i) continue;
        if (n < max) { keys[n] = m->mem[at]; vals[n] = m->mem[at + 1]; }
        n++;
    }
    return n;
}

static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

int map_exec(Machine *m, Goroutine *g, Instr in)
{
    Value *st = g->stack;
    int sp = g->sp;
    Value *loc = st + g->frames[g->nframes - 1].base;
    switch ((Opcode)in.op) {
    case OP_MAPNEW:
        st[sp++] = new_map(m);
        break;
    case OP_MAPGET: {
        Value k = st[--sp];
        int64_t h = header(st[sp - 1]);
        int64_t at = h < 0 ? -1 : find(m, h, k);
        st[sp - 1] = at >= 0 ? m->mem[at + 1] : m->prog->consts[in.a];
        if (in.b) st[sp++] = value_bool(at >= 0);
        break;
    }
    case OP_MAPSET: {
        Value v = st[--sp], k = st[--sp];
        int64_t h = header(st[--sp]);
        if (h < 0) {
            machine_fail(m, M_PANIC, g->id, true, "assignment to entry in nil map");
            return 0;
        }
        set(m, h, k, v);
        break;
    }
    case OP_MAPDEL: {
        Value k = st[--sp];
        int64_t h = header(st[--sp]);
        int64_t at = h < 0 ? -1 : find(m, h, k);
        if (at >= 0) {
            m->mem[at + 2] = value_bool(0);
            m->mem[h + HDR_LEN].i--;
        }
        break;
    }
    case OP_MAPITER: {
        int64_t h = header(loc[in.a]);
        int64_t used = h < 0 ? 0 : m->mem[h + HDR_USED].i;
        uint64_t r = mix(m->rng[0] ^ mix(m->frame ^ m->rng[1]) ^
                         ((SALT_MAPITER + (uint64_t)g->id) * 0xd1b54a32d192ed03ULL) ^ g->steps);
        loc[in.a + 1] = value_int(used ? (int64_t)(r % (uint64_t)used) : 0);
        loc[in.a + 2] = value_int(0);
        loc[in.a + 3] = value_int(used);
        break;
    }
    case OP_MAPNEXT: {
        int64_t h = header(loc[in.a]);
        int64_t start = loc[in.a + 1].i, n = loc[in.a + 3].i;
        bool found = false;
        while (h >= 0 && loc[in.a + 2].i < n) {
            int64_t j = (start + loc[in.a + 2].i++) % n;
            int64_t at = m->mem[h + HDR_ENTRIES].i + j * ENTRY_SLOTS;
            if (!m->mem[at + 2].i) continue;
            st[sp++] = m->mem[at];
            st[sp++] = m->mem[at + 1];
            found = true;
            break;
        }
        st[sp++] = value_bool(found);
        break;
    }
    default:
        return -1;
    }
    g->sp = sp;
    return 0;
}
