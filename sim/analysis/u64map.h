/* u64map.h — a map from 64-bit keys to ints, open addressing, for the
 * analyses' per-address and per-key tables (race.c, memwatch.c).  Values
 * are the caller's (an index into its own array); -1 marks a slot made but
 * not yet set, or deleted. */
#ifndef INTERLEAVE_U64MAP_H
#define INTERLEAVE_U64MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct U64Map {
    uint64_t *keys;        /* 0: empty; key k is stored as k + 1                */
    int *vals;
    size_t cap, used;      /* used: slots ever taken (live and deleted)          */
} U64Map;

/* The value slot of key; with insert, a new one (set to -1) when absent;
 * NULL when absent (or deleted) and not inserting.  Insert may move slots:
 * a pointer it returned before is stale after the next insert. */
int *u64map_slot(U64Map *mp, uint64_t key, bool insert);
void u64map_free(U64Map *mp);
/* The live entries one by one, in table order: start with *i = 0; returns
 * the next entry's value slot (its key in *key), NULL at the end.  Setting
 * a value to -1 deletes it; inserting while iterating is not allowed. */
int *u64map_next(U64Map *mp, size_t *i, uint64_t *key);
/* A 64-bit finaliser (MurmurHash3's), for keys and for hashing runs. */
uint64_t u64map_mix(uint64_t x);

#endif
