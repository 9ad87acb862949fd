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
    V_SYNC,     /* content of a sync.Mutex / WaitGroup / RWMutex / Once slot
                 *    (and the hidden notify-list slot of a sync.Cond).
                 *    aux: SyncKind; i: 0 until first use, then 1 + index into
                 *    Machine.syncs (allocated lazily, so the zero value works
                 *    as in Go)                                                 */
    V_CHAN      /* a channel: i = 1 + index into Machine.chans.  A channel value
                 *    is a reference: copies share the channel.  The nil channel
                 *    is V_NIL (the zero value of every chan type).             */
} ValueKind;

/* Typed values.  fmt needs a value's Go type where the static type is not the
 * obvious one for its kind: a time.Duration prints as "1.5s", a time.Time as
 * a date, %T names "<-chan int" or "time.Duration".  Where a value becomes an
 * interface (today: the arguments of fmt.Println / Printf), the compiler emits
 * OP_TYPED A, which sets the value's aux to A = 1 + the Program.types index of
 * its static type; format.c reads the type's name from there.  aux == 0 means
 * "the plain type of its kind" (int, bool, string, ...).  Arithmetic makes
 * fresh untyped values (aux 0), so only the value handed to fmt carries it.
 * V_SYNC keeps its own meaning of aux (the SyncKind).  Equality ignores aux. */

typedef struct Value {
    uint32_t kind;  /* ValueKind */
    uint32_t aux;
    int64_t i;
} Value;

typedef enum SyncKind {
    SYNC_MUTEX = 1, SYNC_WAITGROUP = 2,
    SYNC_RWMUTEX = 3, SYNC_ONCE = 4,
    SYNC_COND = 5                    /* a sync.Cond's notify list (slot 1 of a Cond) */
} SyncKind;

static inline Value value_int(int64_t i) { Value v = {V_INT, 0, i}; return v; }
static inline Value value_bool(int b) { Value v = {V_BOOL, 0, b != 0}; return v; }
static inline Value value_nil(void) { Value v = {V_NIL, 0, 0}; return v; }
static inline Value value_make(ValueKind k, uint32_t aux, int64_t i) { Value v = {k, aux, i}; return v; }

#endif
