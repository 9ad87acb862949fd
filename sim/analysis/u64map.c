/* u64map.c — see u64map.h.  Linear probing; the table doubles at 3/4 full.
 * A deleted slot keeps its key (value -1), so the same key finds it again. */
#include "u64map.h"

#include <stdlib.h>

#include "util.h"

uint64_t u64map_mix(uint64_t x)
{
    x ^= x >> 33; x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
}

static void grow(U64Map *mp)
{
    U64Map old = *mp;
    mp->cap = old.cap ? old.cap * 2 : 64;
    mp->keys = xcalloc(mp->cap, sizeof *mp->keys);
    mp->vals = xmalloc(mp->cap * sizeof *mp->vals);
    mp->used = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i] && old.vals[i] >= 0) *u64map_slot(mp, old.keys[i] - 1, true) = old.vals[i];
    free(old.keys);
    free(old.vals);
}

int *u64map_slot(U64Map *mp, uint64_t key, bool insert)
{
    if (insert && (mp->used + 1) * 4 >= mp->cap * 3) grow(mp);
    if (!mp->cap) return NULL;
    size_t mask = mp->cap - 1, i = u64map_mix(key) & mask;
    for (;; i = (i + 1) & mask) {
        if (!mp->keys[i]) break;
        if (mp->keys[i] == key + 1) return mp->vals[i] >= 0 || insert ? &mp->vals[i] : NULL;
    }
    if (!insert) return NULL;
    mp->keys[i] = key + 1;
    mp->vals[i] = -1;
    mp->used++;
    return &mp->vals[i];
}

int *u64map_next(U64Map *mp, size_t *i, uint64_t *key)
{
    for (; *i < mp->cap; (*i)++) {
        if (!mp->keys[*i] || mp->vals[*i] < 0) continue;
        *key = mp->keys[*i] - 1;
        return &mp->vals[(*i)++];
    }
    return NULL;
}

void u64map_free(U64Map *mp)
{
    free(mp->keys);
    free(mp->vals);
}
