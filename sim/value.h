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
    V_CHAN,     /* a channel: i = 1 + index into Machine.chans.  A channel value
                 *    is a reference: copies share the channel.  The nil channel
                 *    is V_NIL (the zero value of every chan type).             */
    /* functions, methods, interfaces, control flow (feat-func) */
    V_BOX       /* an interface value holding a value whose own aux is in use
                 *    (see below): aux = 1 + its dynamic type, i = the address
                 *    of one mem slot holding the value itself               */
} ValueKind;

/* Interface values (feat-func).  An interface value carries 1 + the index of
 * its dynamic type (a TypeLayout in Program.types, which doubles as the
 * runtime type) in aux; a nil interface is V_NIL with aux 0, so a nil *T in an
 * interface (V_NIL, aux 1 + id(*T)) is not equal to it.
 *  - A value whose kind leaves aux free (value_aux_free: nil, bool, string,
 *    pointer, func, closure, channel) keeps its kind and i and gets the type
 *    in aux.
 *  - Any other kind (V_INT, V_SYNC, and every kind added later, which may
 *    use aux for itself: a slice's length, an int's size) is put in a one-slot
 *    box: V_BOX, aux = the type, i = the box's address; mem[i] is the value
 *    untouched.  So every kind is storable in an interface: OP_IFACE boxes,
 *    a type assertion unboxes.  A kind that keeps aux free may join
 *    value_aux_free to skip the box.
 *  - A struct in an interface is V_PTR to a private copy, aux naming the
 *    struct type (not the pointer type).
 * fmt's arguments are interface values (...any), so fmt knows every
 * argument's Go type: a time.Duration prints as "1.5s", %T names
 * "<-chan int".  (OP_TYPED, which set aux on the argument itself, is kept for
 * the instructions that still emit it; format.c reads both.)
 * Equality of interfaces (OP_IFACEEQ) compares the dynamic types first;
 * plain equality (OP_EQ) ignores aux.  VALUE_AUX_FMT marks a string that fmt
 * already got from a String()/Error() method. */
#define VALUE_AUX_FMT 0xFFFFFFFFu

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

/* Does a value of this kind leave aux free for an interface's type? */
static inline int value_aux_free(uint32_t kind)
{
    return kind == V_NIL || kind == V_BOOL || kind == V_STR || kind == V_PTR || kind == V_FUNC ||
           kind == V_CLOSURE || kind == V_CHAN || kind == V_BOX;
}

/* Is v an interface value holding something (its dynamic type is aux - 1)? */
static inline int value_is_iface(Value v)
{
    return v.aux != 0 && v.aux != VALUE_AUX_FMT && value_aux_free(v.kind);
}

#endif
