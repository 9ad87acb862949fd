/* value.h — the values the simulated machine computes with.
 *
 * A Value is 16 bytes, plain data, no pointers: a Machine made of Values can be
 * copied with memcpy and hashed byte for byte (constructors zero the padding).
 */
#ifndef INTERLEAVE_VALUE_H
#define INTERLEAVE_VALUE_H

#include <stdint.h>

typedef enum ValueKind {
    V_NIL = 0,  /* nil pointer / zero of an unset slot                         */
    V_INT,      /* i: the integer (int, time.Duration)                         */
    V_BOOL,     /* i: 0 or 1                                                   */
    V_STR,      /* i: index into Machine.strings                               */
    V_PTR,      /* i: address in Machine.mem                                   */
    V_FUNC,     /* i: index into Program.protos (a function with no captures)  */
    V_CLOSURE,  /* i: address in Machine.mem of the closure record:
                 *    mem[i] = V_FUNC proto, mem[i+1..] = captured cell addresses */
    V_SYNC      /* content of a sync.Mutex / sync.WaitGroup slot.
                 *    aux: SyncKind; i: 0 until first use, then 1 + index into
                 *    Machine.syncs (allocated lazily, so the zero value works
                 *    as in Go)                                                 */
} ValueKind;

typedef struct Value {
    uint32_t kind;  /* ValueKind */
    uint32_t aux;
    int64_t i;
} Value;

typedef enum SyncKind { SYNC_MUTEX = 1, SYNC_WAITGROUP = 2 } SyncKind;

static inline Value value_int(int64_t i) { Value v = {V_INT, 0, i}; return v; }
static inline Value value_bool(int b) { Value v = {V_BOOL, 0, b != 0}; return v; }
static inline Value value_nil(void) { Value v = {V_NIL, 0, 0}; return v; }
static inline Value value_make(ValueKind k, uint32_t aux, int64_t i) { Value v = {k, aux, i}; return v; }

#endif
