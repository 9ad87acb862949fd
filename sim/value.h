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

/* Interface values (feat-func).  A value stored in an interface keeps its own
 * kind and i, and puts 1 + the index of its dynamic type (a TypeLayout in
 * Program.types, which doubles as the runtime type) in aux; a nil interface
 * is V_NIL with aux 0, so a nil *T in an interface (V_NIL, aux 1 + id(*T))
 * is not equal to it.  A struct in an interface is V_PTR to a private copy
 * with aux naming the struct type (not the pointer type).  Every other
 * value has aux 0 (V_SYNC keeps its SyncKind there).  So any new kind
 * (slices, maps, channels, floats) is storable in an interface for free:
 * OP_IFACE sets aux, a type assertion clears it.  VALUE_AUX_FMT marks a
 * string that fmt already got from a String()/Error() method. */
#define VALUE_AUX_FMT 0xFFFFFFFFu

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
