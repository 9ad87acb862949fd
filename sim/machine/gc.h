/* gc.h — the collector of the simulated heap: a precise, non-moving
 * mark-sweep of Machine.mem's blocks, the strings and the sync objects,
 * paced as Go's GOGC (see sim/machine/gc.c).
 *
 * It runs by itself at the end of a frame when the heap has grown enough
 * (or runtime.GC asked), costs no virtual time and never changes what the
 * program does; gc_collect is the same collection on demand, between
 * frames, for tests and tools.
 */
#ifndef INTERLEAVE_GC_H
#define INTERLEAVE_GC_H

#include "machine.h"

/* Go's minimum heap goal at GOGC=100 (runtime/mgcpacer.go,
 * defaultHeapMinimum): 4 MB. */
#define GC_HEAP_MINIMUM (4u << 20)

/* Collect now: free every block, string and sync object that no goroutine,
 * global, timer or file can reach; m->freed gets the freed blocks. */
void gc_collect(Machine *m);

/* What runtime.ReadMemStats reports (a runtime.MemStats, Go bytes). */
typedef struct GcMemStats {
    uint64_t heap_alloc;    /* Alloc, HeapAlloc                                */
    uint64_t total_alloc;   /* TotalAlloc                                      */
    uint64_t sys;           /* Sys: HeapSys + StackSys                         */
    uint64_t mallocs, frees;
    uint64_t heap_sys;      /* the heap's extent: live and free blocks, strings */
    uint64_t heap_idle;     /* HeapSys - HeapInuse: free blocks                */
    uint64_t heap_inuse;    /* HeapInuse = HeapAlloc (no spans here)          */
    uint64_t heap_objects;  /* Mallocs - Frees                                 */
    uint64_t stack_inuse;   /* StackInuse = StackSys: 2 KiB per goroutine (Go's
                               starting stack), doubled as far as it grew    */
    uint64_t next_gc;       /* the heap goal                                   */
    uint64_t last_gc;       /* Unix ns of the last collection, 0 none          */
    uint32_t num_gc, num_forced_gc;
} GcMemStats;
void gc_memstats(const Machine *m, GcMemStats *out);

#endif
