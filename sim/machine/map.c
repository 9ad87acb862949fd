/* map.c — Go maps in simulated memory.
 *
 * A map lives in Machine.mem like every other object, so cloning a machine
 * (history, exploration) copies maps with no extra code.  V_MAP's i is the
 * header's address + 1 (0: the nil map).  The header is 8 slots:
 *
 *     [0] live entries (len)   [1] address of the entry array
 *     [2] entries used         [3] entries allocated
 *     [4] address of the index [5] index slots (a power of two)
 *
 *     [6] key slots           [7] value slots (a struct is flattened)
 *
 * and an entry is key slots, value slots, live (V_BOOL).  Insertion appends an
 * entry (doubling the array when full: amortised, the old array and index
 * are left to the collector); deletion clears the live flag.
 * The index is an open-addressing table of entry numbers + 1 (0: empty),
 * probed linearly from the key's hash (FNV-1a of a string's bytes,
 * splitmix of an integer: content only, never an address, so it is the same
 * in every run); it is rebuilt twice as large when half full.  It only finds
 * entries: the order of the entry array is what iteration uses.
 *
 * Iteration order: Go randomises where each range loop starts
 * (runtime/map.go mapiterinit: "decide where to start" with fastrand), so
 * programs cannot rely on it.  MAPITER draws its start from the machine's
 * seeded randomness for the current frame (as sim/machine/sched.c does, with a salt
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

enum { HDR_LEN, HDR_ENTRIES, HDR_USED, HDR_CAP, HDR_INDEX, HDR_ISIZE, HDR_KSZ, HDR_VSZ, HDR_SLOTS };
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

/* Key and value sizes in slots: a struct key or value is flattened into the
 * entry, and travels on the stack as its address (V_PTR). */
static int ksz(const Machine *m, int64_t h) { return (int)m->mem[h + HDR_KSZ].i; }
static int vsz(const Machine *m, int64_t h) { return (int)m->mem[h + HDR_VSZ].i; }
static int64_t entry_slots(const Machine *m, int64_t h) { return ksz(m, h) + vsz(m, h) + 1; }
static int64_t live_at(const Machine *m, int64_t h, int64_t at) { return at + ksz(m, h) + vsz(m, h); }

int64_t map_len(const Machine *m, Value map)
{
    int64_t h = header(map);
    return h < 0 ? 0 : m->mem[h + HDR_LEN].i;
}

int64_t map_entry_array(const Machine *m, Value map)
{
    int64_t h = header(map);
    if (h < 0 || h + HDR_SLOTS > m->nmem) return -1;
    return m->mem[h + HDR_ENTRIES].i;
}

int64_t map_index_array(const Machine *m, Value map)
{
    int64_t h = header(map);
    if (h < 0 || h + HDR_SLOTS > m->nmem) return -1;
    return m->mem[h + HDR_INDEX].i;
}

static uint64_t mix(uint64_t x);

/* A hash of one slot's content consistent with vm_data_equal. */
static uint64_t hash1(const Machine *m, Value k)
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

/* The i-th slot of key k (a Value, or the address of a struct key). */
static Value key_slot(const Machine *m, Value k, int n, int i)
{
    return n == 1 ? k : m->mem[k.i + i];
}

static uint64_t hash(const Machine *m, Value k, int n)
{
    uint64_t x = 0;
    for (int i = 0; i < n; i++) x = mix(x ^ hash1(m, key_slot(m, k, n, i)));
    return x;
}

static bool key_equal(const Machine *m, int64_t at, Value k, int n)
{
    for (int i = 0; i < n; i++)
        if (!vm_data_equal(m, m->mem[at + i], key_slot(m, k, n, i))) return false;
    return true;
}

/* The address of k's entry, -1 if absent; *free gets the index slot where
 * a new entry for k would go. */
static int64_t find_slot(const Machine *m, int64_t h, Value k, int64_t *free)
{
    int64_t e = m->mem[h + HDR_ENTRIES].i, ix = m->mem[h + HDR_INDEX].i, es = entry_slots(m, h);
    int n = ksz(m, h);
    uint64_t mask = (uint64_t)m->mem[h + HDR_ISIZE].i - 1;
    for (uint64_t p = hash(m, k, n) & mask;; p = (p + 1) & mask) {
        int64_t j = m->mem[ix + (int64_t)p].i;
        if (j == 0) { if (free) *free = ix + (int64_t)p; return -1; }
        int64_t at = e + (j - 1) * es;
        if (m->mem[live_at(m, h, at)].i && key_equal(m, at, k, n)) return at;
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
    int64_t e = m->mem[h + HDR_ENTRIES].i, used = m->mem[h + HDR_USED].i, es = entry_slots(m, h);
    int n = ksz(m, h);
    for (int64_t j = 0; j < used; j++) {
        int64_t at = e + j * es, slot;
        if (!m->mem[live_at(m, h, at)].i) continue;
        Value k = n == 1 ? m->mem[at] : value_make(V_PTR, 0, at);
        find_slot(m, h, k, &slot);
        m->mem[slot] = value_int(j + 1);
    }
}

static Value new_map(Machine *m, int kn, int vn)
{
    int64_t h = machine_alloc(m, HDR_SLOTS, -2, -1);
    int64_t es = kn + vn + 1;
    int64_t e = machine_alloc(m, (int)(8 * es), -2, -1);
    m->mem[h + HDR_LEN] = value_int(0);
    m->mem[h + HDR_ENTRIES] = value_int(e);
    m->mem[h + HDR_USED] = value_int(0);
    m->mem[h + HDR_CAP] = value_int(8);
    m->mem[h + HDR_KSZ] = value_int(kn);
    m->mem[h + HDR_VSZ] = value_int(vn);
    reindex(m, h, 16);
    return value_make(V_MAP, 0, h + 1);
}

/* Copy n slots of a key or value (a Value, or the address of a struct) to `to`. */
static void put_slots(Machine *m, int64_t to, Value v, int n)
{
    if (n == 1) m->mem[to] = v;
    else memmove(&m->mem[to], &m->mem[v.i], (size_t)n * sizeof(Value));
    vm_data_deepen(m, to, n);   /* an array value, or arrays in a struct, are copied */
}

static void set(Machine *m, int64_t h, Value k, Value v)
{
    int64_t slot;
    int64_t at = find_slot(m, h, k, &slot);
    if (at >= 0) { put_slots(m, at + ksz(m, h), v, vsz(m, h)); return; }
    int64_t used = m->mem[h + HDR_USED].i, cap = m->mem[h + HDR_CAP].i;
    int64_t isize = m->mem[h + HDR_ISIZE].i, es = entry_slots(m, h);
    if ((used + 1) * 2 > isize) {          /* keep the index at most half full */
        reindex(m, h, isize * 2);
        find_slot(m, h, k, &slot);
    }
    if (used == cap) {
        int64_t ne = machine_alloc(m, (int)(2 * cap * es), -2, -1);
        memcpy(&m->mem[ne], &m->mem[m->mem[h + HDR_ENTRIES].i], (size_t)(cap * es) * sizeof(Value));
        m->mem[h + HDR_ENTRIES] = value_int(ne);
        m->mem[h + HDR_CAP] = value_int(2 * cap);
        find_slot(m, h, k, &slot);
    }
    at = m->mem[h + HDR_ENTRIES].i + used * es;
    put_slots(m, at, k, ksz(m, h));
    put_slots(m, at + ksz(m, h), v, vsz(m, h));
    m->mem[live_at(m, h, at)] = value_bool(1);
    m->mem[slot] = value_int(used + 1);
    m->mem[h + HDR_USED] = value_int(used + 1);
    m->mem[h + HDR_LEN].i++;
}

int64_t map_entries(const Machine *m, Value map, int64_t *entries, int64_t max, int *kn, int *vn)
{
    int64_t h = header(map), n = 0;
    *kn = *vn = 1;
    if (h < 0) return 0;
    *kn = ksz(m, h);
    *vn = vsz(m, h);
    int64_t e = m->mem[h + HDR_ENTRIES].i, used = m->mem[h + HDR_USED].i, es = entry_slots(m, h);
    for (int64_t j = 0; j < used; j++) {
        int64_t at = e + j * es;
        if (!m->mem[live_at(m, h, at)].i) continue;
        if (n < max) entries[n] = at;
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

/* A struct value as MAPGET pushes it: the address of its slots (a fresh
 * zero struct of layout `type` when the key is absent, as Go's zero value). */
static Value struct_value(Machine *m, int64_t at, int type)
{
    if (at >= 0) return value_make(V_PTR, 0, at);
    const TypeLayout *t = &m->prog->types[type];
    int64_t z = machine_alloc(m, t->nslots, -2, -1);
    memcpy(&m->mem[z], t->zero, (size_t)t->nslots * sizeof(Value));
    vm_data_materialize(m, z, t->nslots);
    return value_make(V_PTR, 0, z);
}

int map_exec(Machine *m, Goroutine *g, Instr in)
{
    Value *st = g->stack;
    int sp = g->sp;
    Value *loc = st + g->frames[g->nframes - 1].base;
    switch ((Opcode)in.op) {
    case OP_MAPNEW:
        st[sp++] = new_map(m, in.a ? in.a : 1, in.b ? in.b : 1);
        break;
    case OP_MAPGET: {
        Value k = st[--sp];
        int64_t h = header(st[sp - 1]);
        int64_t at = h < 0 ? -1 : find(m, h, k);
        if (h >= 0) machine_access(m, h, 1, false, false);
        if (in.b & 2) st[sp - 1] = struct_value(m, at >= 0 ? at + ksz(m, h) : -1, in.a);
        else st[sp - 1] = at >= 0 ? m->mem[at + ksz(m, h)] : m->prog->consts[in.a];
        if (in.b & 1) st[sp++] = value_bool(at >= 0);
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
        machine_access(m, h, 1, true, false);
        break;
    }
    case OP_MAPDEL: {
        Value k = st[--sp];
        int64_t h = header(st[--sp]);
        int64_t at = h < 0 ? -1 : find(m, h, k);
        if (h >= 0) machine_access(m, h, 1, true, false);
        if (at >= 0) {
            m->mem[live_at(m, h, at)] = value_bool(0);
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
            int64_t at = m->mem[h + HDR_ENTRIES].i + j * entry_slots(m, h);
            if (!m->mem[live_at(m, h, at)].i) continue;
            st[sp++] = ksz(m, h) == 1 ? m->mem[at] : value_make(V_PTR, 0, at);
            st[sp++] = vsz(m, h) == 1 ? m->mem[at + ksz(m, h)] : value_make(V_PTR, 0, at + ksz(m, h));
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
