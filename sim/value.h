/* value.h — the values the simulated machine computes with.
 *
 * A Value is 16 bytes, plain data, no pointers: a Machine made of Values can be
 * copied with memcpy and hashed byte for byte (constructors zero the padding).
 *
 * Composite data lives in Machine.mem like everything else, so
 * machine_copy/clone and history need nothing new:
 *   - a slice is ONE Value, V_SLICE: aux = len | (E - 1) << 24 where E is
 *     the slots per element (structs are flattened; fmt groups them),
 *     i = (base + 1) | cap << 32,
 *     where base is the address of element 0's first slot.  Low 32 bits zero
 *     means nil (so V_NIL, an unset slot, is a nil slice too).  Slicing is
 *     arithmetic on the Value and allocates nothing; append allocates only
 *     when it grows (Go's growslice).  An element takes as many slots as its
 *     type (structs flattened); the instruction carries that size.
 *   - an array [N]T is a V_ARRAY with the same fields (len = cap = N): a
 *     reference to its N elements.  Go's value semantics come from the code
 *     generator, which copies (ACOPY) an array whenever it is read as a value
 *     and copies into an array's storage when it is assigned; copying a struct
 *     or array copies the arrays inside it (vm_data_deepen).
 *     In a type layout's zero (a struct field of array type) the slot is a
 *     marker without storage, base -1 and cap = element layout + 1; NEW and
 *     every allocation from a layout replace markers with fresh arrays
 *     (vm_data_materialize).
 *   - a map is V_MAP, i = header address + 1 (0: nil map): a header in mem
 *     (len, entry array, index, key and value sizes) and entries of key
 *     slots, value slots and a live flag, found through an open-addressing
 *     index of content hashes.  See sim/machine/map.c.
 *   - a float64 is V_FLOAT with the IEEE bits in i (value_float/value_f);
 *     aux NK_FLOAT32 marks a float32 (rounded, printed with its digits).
 *   - a sized integer is a V_INT holding the value already wrapped to its
 *     type, its NumKind in aux's low 4 bits (value_numkind): fmt prints a
 *     uint64 unsigned, %c and %T by it.  OP_TYPED's type sits above them.
 */
#ifndef INTERLEAVE_VALUE_H
#define INTERLEAVE_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

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
    /* data: arrays, slices, maps, strings, numbers */
    V_SLICE,    /* aux: len, E; i: (base + 1) | cap << 32 (see above)          */
    V_ARRAY,    /* as V_SLICE, len == cap == N                                 */
    V_MAP,      /* i: header address + 1, 0 for a nil map                      */
    V_FLOAT,    /* i: the bits of a double                                     */
    /* functions, methods, interfaces, control flow */
    V_BOX       /* an interface value holding a value whose own aux is in use
                 *    (see below): aux = 1 + its dynamic type, i = the address
                 *    of one mem slot holding the value itself               */
} ValueKind;

/* Typed values.  fmt needs a value's Go type where the static type is not the
 * obvious one for its kind: a time.Duration prints as "1.5s", a time.Time as
 * a date, %T names "<-chan int" or "time.Duration".  Where a value becomes an
 * interface (today: the arguments of fmt.Println / Printf), the compiler emits
 * OP_TYPED A, which sets the value's aux to A = 1 + the Program.types index of
 * its static type; format.c reads the type's name from there.  aux == 0 means
 * "the plain type of its kind" (int, bool, string, ...).  Arithmetic makes
 * fresh untyped values (aux 0), so only the value handed to fmt carries it.
 * V_SYNC keeps its own meaning of aux (the SyncKind).  Equality ignores aux.
 * A V_INT keeps its NumKind (below) in aux's low 4 bits and the
 * typed index above them; slices, arrays, maps and floats are never typed
 * (their aux is their own).  Read it with value_typed(). */


/* Interface values.  An interface value carries 1 + the index of
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

/* The Program.types index + 1 that OP_TYPED gave v; 0 when untyped. */
static inline uint32_t value_typed(Value v)
{
    switch (v.kind) {
    case V_INT: return v.aux >> 4;
    case V_SYNC: case V_SLICE: case V_ARRAY: case V_MAP: case V_FLOAT: return 0;
    default: return v.aux == VALUE_AUX_FMT ? 0 : v.aux;   /* (an interface's type, too) */
    }
}

/* v typed as Program.types index t - 1 (OP_TYPED), as value_typed reads it. */
static inline Value value_typed_as(Value v, uint32_t t)
{
    switch (v.kind) {
    case V_INT: v.aux = (t << 4) | (v.aux & 0xf); break;
    case V_SYNC: case V_SLICE: case V_ARRAY: case V_MAP: case V_FLOAT: break;
    default: v.aux = t; break;
    }
    return v;
}

/* ---- data ---- */

/* Numeric kinds: the operand of OP_CONV and the tag in a V_INT's aux (low
 * 4 bits, value_numkind). */
typedef enum NumKind {
    NK_INT = 0, NK_INT8, NK_INT16, NK_INT32, NK_INT64,
    NK_UINT, NK_UINT8, NK_UINT16, NK_UINT32, NK_UINT64, NK_UINTPTR,
    NK_FLOAT64, NK_FLOAT32
} NumKind;

static inline int value_numkind(Value v) { return v.kind == V_INT ? (int)(v.aux & 0xf) : 0; }
static inline bool value_unsigned64(Value v)
{
    int k = value_numkind(v);
    return k == NK_UINT || k == NK_UINT64 || k == NK_UINTPTR;
}

#define SLICE_MAX_LEN 0xffffff   /* len lives in aux's low 24 bits */
static inline Value value_slice_e(ValueKind k, int64_t base, int64_t len, int64_t cap, int esz)
{
    Value v = {k, (uint32_t)len | (uint32_t)(esz > 1 ? esz - 1 : 0) << 24,
               (int64_t)(((uint64_t)(base + 1) & 0xffffffffu) | ((uint64_t)cap << 32))};
    return v;
}
static inline Value value_slice(ValueKind k, int64_t base, int64_t len, int64_t cap)
{
    return value_slice_e(k, base, len, cap, 1);
}
static inline int64_t slice_base(Value v) { return (int64_t)(uint32_t)v.i - 1; }
static inline int64_t slice_len(Value v) { return v.kind == V_NIL ? 0 : (int64_t)(v.aux & SLICE_MAX_LEN); }
static inline int slice_esz(Value v) { return v.kind == V_NIL ? 1 : (int)(v.aux >> 24) + 1; }
static inline int64_t slice_cap(Value v) { return v.kind == V_NIL ? 0 : (int64_t)((uint64_t)v.i >> 32); }
static inline bool slice_is_nil(Value v) { return (uint32_t)v.i == 0; }
static inline Value value_float(double d)
{
    Value v = {V_FLOAT, 0, 0};
    memcpy(&v.i, &d, sizeof d);
    return v;
}
static inline double value_f(Value v)
{
    double d;
    if (v.kind != V_FLOAT) return (double)v.i;
    memcpy(&d, &v.i, sizeof d);
    return d;
}

#endif
